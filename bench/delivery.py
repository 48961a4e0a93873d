"""Delivery benchmark on the annotated set (bench/make_delivery_set.py): are the figures right?

    python bench/delivery.py [--limit N] [--audio DIR]

Prints, separately for clean and noisy audio, medians over the answers of:
  filler precision / recall / F1  (a detection counts within FILLER_TOL_S of an annotated filler)
  for Whisper alone ("before") and with the acoustic filler detector ("after");
  pause F1 (onset within PAUSE_TOL_S, pauses >= PAUSE_COUNT_S) and pause length MAE;
  words-per-minute error in percent; real-time factor of transcription; and what delivery
  analysis adds to transcription time.
The audio is rebuilt from the generator (deterministic) into --audio (default: a cache folder).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from mockmic import audio, delivery  # noqa: E402
from mockmic.delivery import thresholds as T  # noqa: E402
from mockmic.delivery.pauses import find_pauses  # noqa: E402
from mockmic.transcribe import TranscribeOptions, transcribe  # noqa: E402
from mockmic.transcribe.fillers import add_acoustic_fillers  # noqa: E402
from mockmic.transcribe.whisper import load_model  # noqa: E402

ANNOTATIONS = ROOT / "bench" / "data" / "delivery" / "annotations.json"
FILLER_TOL_S = 0.3
PAUSE_TOL_S = 0.15


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


def ensure_audio(folder: Path) -> None:
    if (folder / "d00.noisy.wav").is_file():
        return
    import make_delivery_set

    print(f"generating audio into {folder} ...", flush=True)
    make_delivery_set.build(folder)


def evaluate(ann: dict, path: Path) -> dict[str, float]:  # type: ignore[type-arg]
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
    out: dict[str, float] = {}
    for label, dd in (("before", d_before), ("after", d)):
        found = [m.start for m in dd.fillers if m.start is not None]
        p, r, f1 = prf(len(found), len(truth_f), len(match(found, truth_f, FILLER_TOL_S)))
        out |= {f"filler_p_{label}": p, f"filler_r_{label}": r, f"filler_f1_{label}": f1}
    pauses = find_pauses(full, rec, T.PAUSE_COUNT_S)
    truth_p = ann["pauses"]
    pairs = match([p.start for p in pauses], [p["start"] for p in truth_p], PAUSE_TOL_S)
    out["pause_p"], out["pause_r"], out["pause_f1"] = prf(len(pauses), len(truth_p), len(pairs))
    if pairs:
        out["pause_mae_s"] = statistics.mean(
            abs(pauses[i].seconds - truth_p[j]["seconds"]) for i, j in pairs
        )
    if d.words_per_minute:
        out["wpm_err_pct"] = 100 * abs(d.words_per_minute - ann["true_wpm"]) / ann["true_wpm"]
    out["rtf_asr"] = (t1 - t0) / rec.duration_s
    out["filler_detector_pct"] = 100 * (t2 - t1) / (t1 - t0)
    out["delivery_pct"] = 100 * (t3 - t2) / (t1 - t0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N answers")
    parser.add_argument("--audio", type=Path, default=Path.home() / ".cache/mockmic-bench/delivery")
    args = parser.parse_args()
    answers = json.loads(ANNOTATIONS.read_text())["answers"]
    if args.limit:
        answers = answers[: args.limit]
    ensure_audio(args.audio)
    load_model("tiny.en", 0, "int8")
    for condition, suffix in (("clean", ".wav"), ("noisy", ".noisy.wav")):
        rows = [evaluate(a, args.audio / f"{a['id']}{suffix}") for a in answers]
        print(f"\n== {condition}: {len(rows)} answers (medians) ==")
        for key in rows[0]:
            vals = [r[key] for r in rows if key in r]
            print(
                f"  {key:22s} {statistics.median(vals):8.3f}   (mean {statistics.mean(vals):.3f})"
            )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
