"""Build the annotated delivery set: spoken interview answers with known fillers, pauses, pace.

    python bench/make_delivery_set.py            # writes bench/data/delivery/annotations.json
    python bench/make_delivery_set.py --audio DIR  # also writes DIR/<id>.wav and <id>.noisy.wav

Every answer is written here from sentences of our own, spoken by espeak-ng (through its C
library, tests/speech_helpers.py) with several voices and rates. The annotations come from the
synthesiser, not from a model: each word's start and end, which words are fillers ("like" as a
verb and "you know" as a question are marked as NOT fillers), every silence of at least
PAUSE_MIN_S read from the clean waveform (inside or between sentences), and the true pace.
Noisy versions mix pink noise (generated and mixed by sox) at NOISE_SNR_DB. sox runs with -R
(repeatable): without it the noise is seeded from the clock and every rebuild differs.

The audio is not committed (tens of MB); it is rebuilt deterministically from the seed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from speech_helpers import Speech, synthesize  # noqa: E402

OUT = ROOT / "bench" / "data" / "delivery"
SEED = 2026
N_ANSWERS = 44
PAUSE_MIN_S = 0.25
NOISE_SNR_DB = 10.0
VOICES = ["en-us", "en", "en+f3", "en-us+m3", "en-gb-scotland", "en-029", "en-us+f2", "en-gb-x-rp"]
RATES = [120, 135, 150, 165, 180, 200]

# Plain sentences of an interview answer (our own words). No digits or hyphens, so espeak speaks
# one word event per written word and the annotations line up by order.
SENTENCES = [
    "I was the engineer who owned the release pipeline for our mobile app",
    "we shipped a change that broke the login screen for older phones",
    "the bug reached about a third of our users before anyone noticed",
    "I had skipped the test run on older devices because we were late",
    "that was my call and it was the wrong one",
    "I rolled the change back within the hour and wrote to the support team",
    "then I sat down with the team to trace how it slipped through",
    "we found that nothing in our process forced a run on old devices",
    "so I added a required check that blocks a release until those tests pass",
    "I also set up a small lab of old phones that runs every night",
    "since then we have shipped forty releases without a repeat of that problem",
    "the lesson for me was that a deadline never justifies skipping a safety net",
    "now I say early when a date is at risk instead of cutting corners",
    "my manager asked me to present the fix to the other teams",
    "two of them copied the check into their own pipelines",
    "I led a team of four people on a project to rebuild our billing service",
    "the old service failed every month when invoices were sent",
    "I proposed that we move the work into a queue with retries",
    "it took us three months and we kept the old system running the whole time",
    "the failures dropped to almost none after the switch",
    "I learned to write down the risks before a project starts",
    "I would plan the testing much earlier next time",
    "a customer called me directly because an order had gone missing",
    "I listened first and then walked her through what had happened",
    "we found the order in a stuck queue and sent it the same day",
    "afterwards I added an alert so a stuck queue pages someone at once",
]
# Sentences where "like" is a verb or a comparison: never a filler.
LIKE_VERB = [
    "I like working with people who ask hard questions",
    "we would like to keep the service simple",
    "it looked like a network problem at first",
    "people like clear answers more than long ones",
]
FILLERS = ["um", "uh", "er", "um", "uh"]
PHRASE_FILLERS = ["like", "you know"]


def _answer_plan(rng: random.Random, target_s: float, wpm: int) -> list[dict[str, object]]:
    """A list of sentences, each a list of tokens: words, fillers, restarts and breaks."""
    words_needed = int(target_s * wpm / 60 * 0.85)
    plan: list[dict[str, object]] = []
    count = 0
    pool = SENTENCES + LIKE_VERB
    while count < words_needed:
        sentence = rng.choice(pool).split()
        tokens: list[dict[str, object]] = []
        for i, word in enumerate(sentence):
            r = rng.random()
            if i > 0 and r < 0.06:
                tokens.append({"t": "filler", "text": rng.choice(FILLERS)})
            elif i > 0 and r < 0.085:
                tokens.append({"t": "filler", "text": rng.choice(PHRASE_FILLERS)})
            elif i > 1 and r < 0.10:
                tokens.append({"t": "break", "ms": rng.choice([700, 1000, 1400, 2000])})
            if i == 0 and r < 0.08:
                tokens.append({"t": "restart", "text": word})
            tokens.append({"t": "word", "text": word})
        if rng.random() < 0.25:
            tokens.insert(0, {"t": "filler", "text": rng.choice(FILLERS)})
        plan.append({"tokens": tokens, "break_after_ms": rng.choice([0, 0, 600, 1200, 2500])})
        count += len(sentence)
    return plan


def _ssml(plan: list[dict[str, object]]) -> tuple[str, list[dict[str, object]]]:
    """SSML for the plan and, in order, one record per spoken word (with its role)."""
    parts: list[str] = []
    spoken: list[dict[str, object]] = []
    for s_i, sentence in enumerate(plan):
        toks = sentence["tokens"]
        assert isinstance(toks, list)
        first_word = True
        for k, tok in enumerate(toks):
            kind = tok["t"]
            if kind == "break":
                parts.append(f'<break time="{tok["ms"]}ms"/>')
                continue
            text = str(tok["text"])
            if first_word:
                text = text[0].upper() + text[1:]
                first_word = False
            comma = kind in ("filler", "restart") or (
                k + 1 < len(toks) and toks[k + 1]["t"] == "filler"
            )
            is_last = k == len(toks) - 1
            for j, w in enumerate(text.split()):
                last_piece = j == len(text.split()) - 1
                mark = "." if is_last and last_piece else ("," if comma and last_piece else "")
                parts.append(w + mark)
                spoken.append(
                    {"word": w, "role": kind, "sentence": s_i, "ends_sentence": bool(mark == ".")}
                )
        if sentence["break_after_ms"]:
            parts.append(f'<break time="{sentence["break_after_ms"]}ms"/>')
    return "<speak>" + " ".join(parts) + "</speak>", spoken


def _annotate(speech: Speech, spoken: list[dict[str, object]]) -> dict[str, object]:
    if len(speech.words) != len(spoken):
        raise RuntimeError(f"espeak spoke {len(speech.words)} words for {len(spoken)} written")
    words = []
    for w, s in zip(speech.words, spoken, strict=True):
        words.append({**s, "start": round(w.start, 3), "end": round(w.end, 3)})
    fillers = [_filler(words, i) for i, w in enumerate(words) if w["role"] == "filler"]
    fillers = [f for f in fillers if f is not None]
    pauses = []
    for start, seconds in speech.silences(PAUSE_MIN_S):
        before = [w for w in words if float(w["end"]) <= start + 0.02]  # type: ignore[arg-type]
        kind = "between" if before and before[-1]["ends_sentence"] else "within"
        pauses.append({"start": round(start, 3), "seconds": round(seconds, 3), "kind": kind})
    lexical = [w for w in words if w["role"] in ("word", "restart")]
    span = float(words[-1]["end"]) - float(words[0]["start"])  # type: ignore[arg-type]
    return {
        "duration_s": round(speech.duration_s, 3),
        "words": words,
        "fillers": fillers,
        "pauses": pauses,
        "true_wpm": round(60.0 * len(lexical) / span, 2),
    }


def _filler(words: list[dict[str, object]], i: int) -> dict[str, object] | None:
    w = words[i]
    # "you know" is two spoken words, one filler: keep the first, skip the second.
    if (
        w["word"] == "know"
        and i > 0
        and words[i - 1]["word"] == "you"
        and words[i - 1]["role"] == "filler"
    ):
        return None
    text = "you know" if w["word"] == "you" else str(w["word"]).lower()
    return {
        "text": text,
        "start": w["start"],
        "end": words[i + 1]["end"] if text == "you know" else w["end"],
    }


def build(audio_dir: Path | None) -> list[dict[str, object]]:
    rng = random.Random(SEED)
    answers = []
    for n in range(N_ANSWERS):
        voice, wpm = VOICES[n % len(VOICES)], RATES[(n * 5) % len(RATES)]
        target = rng.uniform(20, 110)
        plan = _answer_plan(rng, target, wpm)
        ssml, spoken = _ssml(plan)
        speech = synthesize(ssml, voice=voice, wpm=wpm)
        answer_id = f"d{n:02d}"
        ann = {
            "id": answer_id,
            "voice": voice,
            "espeak_wpm": wpm,
            "ssml": ssml,
            **_annotate(speech, spoken),
        }
        answers.append(ann)
        if audio_dir is not None:
            write_audio(speech, audio_dir, answer_id)
    return answers


def write_audio(speech: Speech, audio_dir: Path, answer_id: str) -> tuple[Path, Path]:
    audio_dir.mkdir(parents=True, exist_ok=True)
    clean = speech.write(audio_dir / f"{answer_id}.wav")
    noisy = audio_dir / f"{answer_id}.noisy.wav"
    level = float(np.sqrt(np.mean(speech.samples.astype(np.float64) ** 2))) / 32768.0
    # sox's pink noise at amplitude a has an RMS of about a/3.5 (measured); aim at the target SNR.
    noise_amp = min(0.9, 3.5 * level / 10 ** (NOISE_SNR_DB / 20))
    with tempfile.TemporaryDirectory() as tmp:
        noise = Path(tmp) / "noise.wav"
        subprocess.run(
            ["sox", "-R", "-n", "-r", str(speech.sample_rate), "-c", "1", "-b", "16", str(noise),
             "synth", f"{speech.duration_s:.3f}", "pinknoise", "vol", f"{noise_amp:.4f}"],
            check=True,
        )  # fmt: skip
        subprocess.run(["sox", "-R", "-m", str(clean), str(noise), str(noisy)], check=True)
    return clean, noisy


def dump(answers: list[dict[str, object]]) -> str:
    """The annotations file's text."""
    return json.dumps({"seed": SEED, "answers": answers}, indent=1) + "\n"


_STAMP = "annotations.sha256"


def write_stamp(audio_dir: Path, annotations: str) -> None:
    """Mark the audio in `audio_dir` as spoken for these annotations."""
    digest = hashlib.sha256(annotations.encode()).hexdigest()
    (audio_dir / _STAMP).write_text(digest + "\n")


def stamp_matches(audio_dir: Path, annotations: str) -> bool:
    path = audio_dir / _STAMP
    digest = hashlib.sha256(annotations.encode()).hexdigest()
    return path.is_file() and path.read_text().strip() == digest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audio", type=Path, help="also write the wav files to this folder")
    args = parser.parse_args()
    answers = build(args.audio)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "annotations.json"
    text = dump(answers)
    path.write_text(text)
    if args.audio is not None:
        write_stamp(args.audio, text)
    secs = [a["duration_s"] for a in answers]
    n_fill = sum(len(a["fillers"]) for a in answers)  # type: ignore[arg-type]
    n_pause = sum(len(a["pauses"]) for a in answers)  # type: ignore[arg-type]
    print(f"{len(answers)} answers, {min(secs):.0f}-{max(secs):.0f} s, {n_fill} fillers, "
          f"{n_pause} pauses -> {path}")  # fmt: skip


if __name__ == "__main__":
    main()
