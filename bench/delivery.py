"""Delivery benchmark on the annotated set (bench/make_delivery_set.py): are the figures right?

    python bench/delivery.py [--limit N] [--only clean|noisy] [--causes] [--audio DIR]
    python bench/delivery.py --fixtures      # fillers on ../shared/fixtures/audio only

Prints, separately for clean and noisy audio, medians over the answers of:
  filler precision / recall / F1  (a detection counts within FILLER_TOL_S of an annotated filler)
  for Whisper alone ("before") and with the acoustic filler detector ("after");
  pause F1 (onset within PAUSE_TOL_S) for pauses >= PAUSE_COUNT_S and >= 0.5 s, and the pause
  length MAE; a pause within SLACK_S of the threshold on one side and matched on the other is
  neither a hit nor a miss (0.26 s against 0.24 s is a rounding question, not an error);
  words-per-minute error in percent; real-time factor of transcription; and what delivery
  analysis adds to transcription time.
--causes also counts every filler false positive and miss, and every pause error, by cause
(bench/delivery_causes.py). --fixtures prints the fillers found on the shared real recordings
(none should be: their references have none) and on the two clips with verbatim references.
The audio is rebuilt from the generator (deterministic) into --audio (default: a cache folder).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import delivery_causes as C  # noqa: E402
from mockmic import audio, delivery  # noqa: E402
from mockmic.delivery import thresholds as T  # noqa: E402
from mockmic.delivery.pauses import find_pauses  # noqa: E402
from mockmic.transcribe import TranscribeOptions, transcribe  # noqa: E402
from mockmic.transcribe.fillers import add_acoustic_fillers  # noqa: E402
from mockmic.transcribe.whisper import load_model  # noqa: E402
from mockmic.types import Delivery, Recording, Transcript  # noqa: E402

ANNOTATIONS = ROOT / "bench" / "data" / "delivery" / "annotations.json"
FILLER_TOL_S = 0.3
PAUSE_TOL_S = 0.15
SLACK_S = 0.05


def match(found: Sequence[float], truth: Sequence[float], tol: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of times within `tol`, closest pairs first."""
    pairs = sorted(
        (abs(f - t), i, j)
        for i, f in enumerate(found)
        for j, t in enumerate(truth)
        if abs(f - t) <= tol
    )
    used_f: set[int] = set()
    used_t: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_f and j not in used_t:
            used_f.add(i)
            used_t.add(j)
            out.append((i, j))
    return out


def prf(n_found: int, n_truth: int, n_match: int) -> tuple[float, float, float]:
    p = n_match / n_found if n_found else 1.0
    r = n_match / n_truth if n_truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pause_f1(
    found: Sequence[tuple[float, float]], truth: Sequence[tuple[float, float]], min_s: float
) -> tuple[float, list[float]]:
    """F1 of (onset, seconds) pauses of at least `min_s`, and the length errors of the hits."""
    f = [p for p in found if p[1] >= min_s]
    t = [p for p in truth if p[1] >= min_s]
    pairs = match([p[0] for p in f], [p[0] for p in t], PAUSE_TOL_S)
    hit_f, hit_t = {i for i, _ in pairs}, {j for _, j in pairs}

    def near(p: tuple[float, float], other: Sequence[tuple[float, float]]) -> bool:
        return (
            p[1] < min_s + SLACK_S
            and any(abs(p[0] - o[0]) <= PAUSE_TOL_S and o[1] >= min_s - SLACK_S for o in other)
        ) or any(abs(p[0] - o[0]) <= PAUSE_TOL_S and abs(o[1] - min_s) < SLACK_S for o in other)

    n_f = len(f) - sum(1 for i, p in enumerate(f) if i not in hit_f and near(p, truth))
    n_t = len(t) - sum(1 for j, p in enumerate(t) if j not in hit_t and near(p, found))
    errors = [abs(f[i][1] - t[j][1]) for i, j in pairs]
    return prf(n_f, n_t, len(pairs))[2], errors


def filler_kind(ann: dict, filler: dict) -> str:  # type: ignore[type-arg]
    """ "like/you know", or a sound "isolated" by >= 0.1 s of silence on a side, or "glued"."""
    if filler["text"] in ("like", "you know"):
        return "like/you know"
    words = ann["words"]
    i = next(k for k, w in enumerate(words) if w["start"] == filler["start"])
    before = filler["start"] - words[i - 1]["end"] if i > 0 else 1.0
    after = words[i + 1]["start"] - filler["end"] if i + 1 < len(words) else 1.0
    return "isolated" if max(before, after) >= 0.1 else "glued"


def ensure_audio(folder: Path) -> None:
    """Rebuild the audio when it is missing or was made for other annotations (the stamp
    make_delivery_set writes beside it): stale audio under new annotations scores nonsense."""
    import make_delivery_set

    text = ANNOTATIONS.read_text()
    if make_delivery_set.stamp_matches(folder, text):
        return
    print(f"generating audio into {folder} ...", flush=True)
    answers = make_delivery_set.build(folder)
    if make_delivery_set.dump(answers) != text:
        print(
            "warning: this machine's espeak-ng speaks the set differently from the committed "
            "annotations; run python bench/make_delivery_set.py --audio DIR and commit them",
            file=sys.stderr,
        )
    make_delivery_set.write_stamp(folder, text)


def causes(
    ann: dict,  # type: ignore[type-arg]
    rec: Recording,
    plain: Transcript,
    full: Transcript,
    d: Delivery,
) -> dict[str, Counter[str]]:
    """Every false positive and miss of the filler detector, counted by cause."""
    from mockmic.transcribe import fillers as F
    from mockmic.transcribe.islands import align

    found = [m for m in d.fillers if m.start is not None]
    truth = ann["fillers"]
    pairs = match([m.start for m in found], [f["start"] for f in truth], FILLER_TOL_S)  # type: ignore[misc]
    hit_f, hit_t = {i for i, _ in pairs}, {j for _, j in pairs}
    matched = [truth[j] for j in hit_t]
    fp: Counter[str] = Counter()
    for i, m in enumerate(found):
        if i not in hit_f:
            origin = full.words[m.word_index].origin if m.word_index is not None else "asr"
            fp[C.false_positive_cause(ann, m, origin, plain, matched)] += 1
    islands = F.voiced_islands(rec)
    level = F._speech_level_db(rec)
    shares = [F.vowel_share(rec, a, b, level) for a, b in islands]
    owners = align(plain.words, islands, shares)
    miss: Counter[str] = Counter()
    for j, f in enumerate(truth):
        if j in hit_t:
            continue
        mid = (f["start"] + f["end"]) / 2
        k = next((k for k, (a, b) in enumerate(islands) if a <= mid <= b), None)
        island = None
        if k is not None:
            a, b = islands[k]
            claimed = [plain.words[i].word for i in owners[k]]
            island = {"start": a, "end": b, "claimed": claimed, "share": shares[k]}
        miss[C.miss_cause(ann, f, filler_kind(ann, f), plain, island)] += 1
    return {"fp": fp, "miss": miss}


def evaluate(ann: dict, path: Path, want_causes: bool = False) -> dict[str, Any]:  # type: ignore[type-arg]
    rec = audio.load(path)
    t0 = time.perf_counter()
    plain = transcribe(rec, TranscribeOptions(fillers=False))
    t1 = time.perf_counter()
    full = add_acoustic_fillers(plain, rec)
    t2 = time.perf_counter()
    d = delivery.analyse(full, rec, None)
    t3 = time.perf_counter()
    d_before = delivery.analyse(plain, rec, None)
    truth_f = [f["start"] for f in ann["fillers"]]
    out: dict[str, Any] = {}
    for label, dd in (("before", d_before), ("after", d)):
        found = [m.start for m in dd.fillers if m.start is not None]
        pairs = match(found, truth_f, FILLER_TOL_S)
        p, r, f1 = prf(len(found), len(truth_f), len(pairs))
        out |= {f"filler_p_{label}": p, f"filler_r_{label}": r, f"filler_f1_{label}": f1}
    hits = {j for _, j in pairs}  # of "after"
    for kind in ("isolated", "glued", "like/you know"):
        idx = [j for j, f in enumerate(ann["fillers"]) if filler_kind(ann, f) == kind]
        if idx:
            out[f"filler_r_after_{kind}"] = sum(j in hits for j in idx) / len(idx)
    found_p = [(p.start, p.seconds) for p in find_pauses(full, rec, T.PAUSE_COUNT_S - SLACK_S)]
    truth_p = [(p["start"], p["seconds"]) for p in ann["pauses"]]
    out["pause_f1"], errors = pause_f1(found_p, truth_p, T.PAUSE_COUNT_S)
    if want_causes:
        out["pause_causes"] = C.pause_causes(found_p, truth_p, match, PAUSE_TOL_S)
    out["pause_f1_0.5s"], _ = pause_f1(found_p, truth_p, 0.5)
    if errors:
        out["pause_mae_s"] = statistics.mean(errors)
    if d.words_per_minute:
        out["wpm_err_pct"] = 100 * abs(d.words_per_minute - ann["true_wpm"]) / ann["true_wpm"]
    out["rtf_asr"] = (t1 - t0) / rec.duration_s
    out["filler_detector_pct"] = 100 * (t2 - t1) / (t1 - t0)
    out["delivery_pct"] = 100 * (t3 - t2) / (t1 - t0)
    if want_causes:
        out["causes"] = causes(ann, rec, plain, full, d)
    return out


FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "audio"
# Real recordings (their references have no fillers: every filler found is a false positive)
# and the two synthetic clips with verbatim filler references.
FIXTURE_CLIPS = [
    ("jfk.flac", None),
    ("LDC93S1.wav", None),
    ("arctic_a0024.wav", None),
    ("new-home-in-the-stars-16k.wav", None),
    ("stereo_diarization.wav", None),
    ("apollo11.mp3", None),
    ("syn_answer1.wav", "syn_answer1.ref"),
    ("syn_fillers.wav", "syn_fillers.ref"),
]


def filler_tokens(words: Sequence[Any], filler_at: set[int]) -> list[str]:
    """Words as tokens for alignment, every filler (whatever its spelling) as "<f>"."""
    from mockmic.delivery.lexicon import norm

    out = []
    for i, w in enumerate(words):
        if i in filler_at:
            out.append("<f>")
        elif norm(w.word):
            out.append(norm(w.word))
    return out


def fixture_fillers(name: str, ref_name: str | None) -> tuple[int, int, int, int]:
    """(fillers in the reference, found by Whisper alone, found with the detector, found with
    the detector that align to a reference filler, word by word)."""
    import difflib

    from mockmic.transcribe import from_text

    rec = audio.load(FIXTURES / name)
    ref = from_text((FIXTURES / ref_name).read_text()) if ref_name else None
    ref_at = {m.word_index for m in delivery.analyse(ref, None, None).fillers} if ref else set()
    plain = transcribe(rec, TranscribeOptions(fillers=False))
    full = add_acoustic_fillers(plain, rec)
    n_plain = len(delivery.analyse(plain, rec, None).fillers)
    found = delivery.analyse(full, rec, None).fillers
    if ref is None:
        return 0, n_plain, len(found), 0
    a = filler_tokens(ref.words, ref_at)  # type: ignore[arg-type]
    b = filler_tokens(full.words, {m.word_index for m in found})  # type: ignore[arg-type]
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    hits = sum(
        sum(1 for t in a[blk.a : blk.a + blk.size] if t == "<f>")
        for blk in sm.get_matching_blocks()
    )
    return len(ref_at), n_plain, len(found), hits


def print_fixtures() -> None:
    print("\n== fixtures (../shared/fixtures/audio): fillers ==")
    print(f"  {'clip':32s} {'ref':>4s} {'whisper':>8s} {'found':>6s} {'aligned':>8s}")
    rows = {name: fixture_fillers(name, ref) for name, ref in FIXTURE_CLIPS}
    for name, row in rows.items():
        print(f"  {name:32s} {row[0]:4d} {row[1]:8d} {row[2]:6d} {row[3]:8d}")
    real = sum(rows[name][2] for name, ref in FIXTURE_CLIPS[:5])
    print(f"  fillers found on the five real read clips (all false positives): {real}")
    synthetic = [rows[name] for name, ref in FIXTURE_CLIPS if ref]
    n_ref, n_found, n_hit = (sum(r[i] for r in synthetic) for i in (0, 2, 3))
    p, r, f1 = prf(n_found, n_ref, n_hit)
    print(f"  verbatim clips: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N answers")
    parser.add_argument("--only", choices=["clean", "noisy"], help="one condition only")
    parser.add_argument(
        "--causes", action="store_true", help="count filler false positives and misses by cause"
    )
    parser.add_argument(
        "--fixtures", action="store_true", help="only the fillers of the shared audio fixtures"
    )
    parser.add_argument("--audio", type=Path, default=Path.home() / ".cache/mockmic-bench/delivery")
    args = parser.parse_args()
    if args.fixtures:
        print_fixtures()
        return
    answers = json.loads(ANNOTATIONS.read_text())["answers"]
    if args.limit:
        answers = answers[: args.limit]
    ensure_audio(args.audio)
    load_model("tiny.en", 0, "int8")
    for condition, suffix in (("clean", ".wav"), ("noisy", ".noisy.wav")):
        if args.only and args.only != condition:
            continue
        rows = [evaluate(a, args.audio / f"{a['id']}{suffix}", args.causes) for a in answers]
        print(f"\n== {condition}: {len(rows)} answers (medians) ==")
        for key in dict.fromkeys(k for r in rows for k in r if not k.endswith("causes")):
            vals = [r[key] for r in rows if key in r]
            print(
                f"  {key:22s} {statistics.median(vals):8.3f}   (mean {statistics.mean(vals):.3f})"
            )
        if args.causes:
            C.print_causes([r["causes"] | r["pause_causes"] for r in rows])
        sys.stdout.flush()


if __name__ == "__main__":
    main()
