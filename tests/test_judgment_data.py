"""The labelled set behind bench/judgment.py is well-formed, and its dev/test split is fixed.

The set was written before the rubric engine was tuned; these checks keep it honest: enough
answers per stable question, grades and labels that agree, only contract trap ids, a split that
follows the published rule and has not silently moved, and no near-duplicate answers.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "bench" / "data" / "answers"

# sha256 of the sorted "id split" lines of the whole set. It changes only when answers are added,
# removed, regraded or moved between halves: update it deliberately, in the same commit, and never
# to move an answer out of the test half.
SPLIT_FINGERPRINT = "0f05f4b57372e08ba85551944107c8639a5b4d5d17286f2ee8765162bec08e1c"


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("judgment", ROOT / "bench" / "judgment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["judgment"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


@pytest.fixture(scope="module")
def answers() -> list:  # type: ignore[type-arg]
    return bench.load_answers()


def test_enough_answers_per_question(answers: list) -> None:  # type: ignore[type-arg]
    per_question = Counter(a.question for a in answers)
    assert len(answers) >= 200
    for q in bench.STABLE_QUESTIONS:
        assert per_question[q] >= 20, f"{q}: only {per_question[q]} answers"
    assert per_question["failure"] >= 40
    others = set(per_question) - set(bench.STABLE_QUESTIONS)
    assert len(others) >= 4, "a sample of the rest of the bank belongs in the set too"


def test_ids_questions_and_files_agree(answers: list) -> None:  # type: ignore[type-arg]
    ids = [a.id for a in answers]
    assert len(ids) == len(set(ids)), "answer ids must be unique"
    for path in ANSWERS.glob("*.yaml"):
        if path.name == "paraphrases.yaml":
            continue
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert set(raw) == {"id", "question", "label", "split", "grade", "traps", "text"}
            assert raw["question"] == path.stem, f"{raw['id']} sits in {path.name}"
            assert re.fullmatch(rf"{path.stem}-\d{{3}}", raw["id"]), raw["id"]
            assert re.fullmatch(r"[a-z][a-z_]*", raw["question"])


def test_grades_labels_and_traps_are_consistent(answers: list) -> None:  # type: ignore[type-arg]
    for a in answers:
        assert isinstance(a.grade, int) and 1 <= a.grade <= 5, a.id
        assert a.label == bench.label_of(a.grade), f"{a.id}: grade {a.grade} but {a.label}"
        assert len(set(a.traps)) == len(a.traps), f"{a.id}: repeated trap"
        unknown = set(a.traps) - set(bench.allowed_traps(a.question))
        assert not unknown, f"{a.id}: {unknown} are not trap ids for {a.question}"
        # a strong answer falls into no trap; a weak one falls into at least one, which says why
        if a.label == "strong":
            assert not a.traps, f"{a.id} is strong but labelled {a.traps}"
        if a.label == "weak":
            assert a.traps, f"{a.id} is weak without a trap saying why"
        if "off_topic" in a.traps:
            assert a.grade <= 2, f"{a.id} answers another question yet is graded {a.grade}"


def test_every_label_and_trap_is_represented(answers: list) -> None:  # type: ignore[type-arg]
    for q in bench.STABLE_QUESTIONS:
        labels = Counter(a.label for a in answers if a.question == q)
        assert labels["strong"] >= 5 and labels["weak"] >= 5 and labels["mixed"] >= 2, (q, labels)
    for trap in bench.ALL_TRAPS:
        for half in bench.SPLITS:
            support = sum(1 for a in answers if a.split == half and trap in a.traps)
            assert support >= 2, f"trap {trap} has {support} answers in the {half} half"


def test_lengths_are_realistic(answers: list) -> None:  # type: ignore[type-arg]
    for a in answers:
        assert 40 <= len(a.text.split()) <= 400, f"{a.id}: {len(a.text.split())} words"
    spoken = [a for a in answers if re.search(r"\b(um|uh)\b", a.text) and a.text == a.text.lower()]
    assert len(spoken) >= 20, "keep plenty of transcript-like answers (lower case, fillers)"


def test_split_follows_the_rule_and_is_balanced(answers: list) -> None:  # type: ignore[type-arg]
    assert {a.split for a in answers} == set(bench.SPLITS)
    assert {a.id: a.split for a in answers} == bench.split_rule(answers)
    groups: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for a in answers:
        groups[(a.question, a.label)][a.split] += 1
    for group, counts in groups.items():
        assert abs(counts["dev"] - counts["test"]) <= 1, (group, counts)


def test_split_has_not_moved(answers: list) -> None:  # type: ignore[type-arg]
    lines = "\n".join(sorted(f"{a.id} {a.split}" for a in answers))
    assert hashlib.sha256(lines.encode()).hexdigest() == SPLIT_FINGERPRINT


def test_split_rule_is_append_stable(answers: list) -> None:  # type: ignore[type-arg]
    """Dropping the last answers of each file (as if they had been added later) moves nobody."""
    full = bench.split_rule(answers)
    newest = {}
    for a in answers:
        newest[a.question] = max(newest.get(a.question, 0), int(a.id.rsplit("-", 1)[1]))
    older = [a for a in answers if int(a.id.rsplit("-", 1)[1]) <= newest[a.question] - 3]
    assert older and all(full[i] == s for i, s in bench.split_rule(older).items())


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))


def test_no_near_duplicate_answers(answers: list) -> None:  # type: ignore[type-arg]
    """Templates with swapped nouns would make the set easy; every answer is its own."""
    bags = [(a.id, _words(a.text)) for a in answers]
    for (i, x), (j, y) in combinations(bags, 2):
        assert len(x & y) / len(x | y) < 0.5, f"{i} and {j} are near-duplicates"


def test_paraphrases_pair_dev_answers_only(answers: list) -> None:  # type: ignore[type-arg]
    by_id = {a.id: a for a in answers}
    pairs = bench.load_paraphrases()
    assert len(pairs) >= 20
    assert len({p.id for p in pairs}) == len(pairs)
    for p in pairs:
        source = by_id[p.source]
        assert source.split == "dev", f"{p.id} rewords {p.source}, a test-half answer"
        assert p.question == source.question
        assert p.text != source.text
        assert len(_words(p.text) & _words(source.text)) / len(_words(source.text)) > 0.4, p.id
    assert all(a in by_id and by_id[a].split == "dev" for a in bench.ROUND_TRIP_IDS)


def test_statistics_match_hand_computed_values() -> None:
    assert bench.roc_auc([3, 4, 5], [1, 2]) == 1.0
    assert bench.roc_auc([1, 2], [3, 4, 5]) == 0.0
    assert bench.roc_auc([2, 2], [2, 2]) == 0.5
    assert bench.roc_auc([3, 1], [2]) == 0.5
    assert bench.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert bench.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # ties take their average rank: ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4)
    assert bench.spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486832980505138)
    assert list(bench.ranks([5, 1, 5, 3])) == [3.5, 1.0, 3.5, 2.0]


def test_every_question_is_in_the_bank(answers: list) -> None:  # type: ignore[type-arg]
    from mockmic import questions

    bank = {q.id for q in questions.all_questions()}
    missing = {a.question for a in answers} - bank
    assert not missing, f"the set has answers to questions the bank lacks: {sorted(missing)}"


# --- the training split (bench/data/train) -----------------------------------------------------
# Written apart from the labelled set, blind to the engine, for fitting the semantic judge and for
# fresh checks. Its files are <question>.<writer>.yaml; the conventions are the labelled set's.

TRAIN = ROOT / "bench" / "data" / "train"
TRAIN_FIELDS = {"id", "question", "label", "split", "grade", "traps", "text"}
# Traps known by what is missing have no words to quote.
UNQUOTABLE = {"no_lesson", "no_proof", "no_result", "vague"}


@pytest.fixture(scope="module")
def train() -> list:  # type: ignore[type-arg]
    return bench.load_train()


def test_train_paraphrases_reword_training_answers(train: list) -> None:  # type: ignore[type-arg]
    # a training answer's id must exist (a dev or test id would not be found here)
    by_id = {a.id: a for a in train}
    pairs = bench.load_paraphrases(bench.TRAIN_PARAPHRASES)
    assert len(pairs) >= 20
    assert len({p.id for p in pairs}) == len(pairs) == len({p.source for p in pairs})
    for p in pairs:
        source = by_id[p.source]
        assert p.question == source.question, p.id
        assert p.text != source.text, p.id
        assert len(_words(p.text) & _words(source.text)) / len(_words(source.text)) > 0.4, p.id


def _train_rows() -> list[tuple[Path, dict]]:  # type: ignore[type-arg]
    return [
        (path, raw)
        for path in sorted(TRAIN.glob("*.yaml"))
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or ()
    ]


def test_the_training_split_is_there(train: list) -> None:  # type: ignore[type-arg]
    assert len(train) >= 100
    assert {a.split for a in train} == {bench.TRAIN_SPLIT}
    per_label = Counter(a.label for a in train)
    assert per_label["strong"] >= 20 and per_label["weak"] >= 20, per_label


def test_train_files_follow_the_conventions() -> None:
    from mockmic import questions

    bank = {q.id for q in questions.all_questions()}
    for path, raw in _train_rows():
        where = f"{path.name} {raw.get('id')}"
        assert TRAIN_FIELDS <= set(raw) <= TRAIN_FIELDS | {"evidence", "pair"}, where
        question = path.name.split(".")[0]
        assert raw["question"] == question and question in bank, where
        assert re.fullmatch(rf"{question}-t\d{{3,4}}", raw["id"]), where
        assert raw["split"] == bench.TRAIN_SPLIT, where
        grade, traps = raw["grade"], raw["traps"] or []
        assert grade in (1, 2, 3, 4, 5) and raw["label"] == bench.label_of(grade), where
        assert len(set(traps)) == len(traps), where
        assert set(traps) <= set(bench.allowed_traps(question)), where
        if raw["label"] == "strong":
            assert not traps, f"{where} is strong but labelled {traps}"
        if raw["label"] == "weak":
            assert traps, f"{where} is weak without a trap saying why"
        if "off_topic" in traps:
            assert grade <= 2, f"{where} answers another question yet is graded {grade}"
        text = " ".join(raw["text"].split())
        assert 30 <= len(text.split()) <= 380, f"{where}: {len(text.split())} words"
        for trap, quotes in (raw.get("evidence") or {}).items():
            assert trap in traps, f"{where}: evidence for {trap}, which it is not labelled with"
            assert trap not in UNQUOTABLE, f"{where}: {trap} is known by what is missing"
            for quote in quotes:
                said = " ".join(quote.split())
                assert said and said in text, f"{where}: {quote!r} is not in the answer"


# Combinations bench/data/LABELLING.md rules out: proof is asked for only of a lesson that
# exists, in a story that otherwise holds up; a catastrophic failure is judged on its gravity.
NO_PROOF_EXCLUDES = {"no_lesson", "non_failure", "off_topic", "rambling", "badmouthing"}


def test_train_labels_follow_the_rulebook() -> None:
    for path, raw in _train_rows():
        traps = set(raw["traps"] or [])
        where = f"{path.name} {raw['id']}: {sorted(traps)}"
        if "no_proof" in traps:
            assert not traps & NO_PROOF_EXCLUDES, f"{where}: no_proof beside what rules it out"
        both = {"catastrophic", "no_lesson"} <= traps
        assert not both, f"{where}: catastrophic absorbs no_lesson"
        if "vague" in traps:
            assert "no_result" not in traps, f"{where}: a vague answer has no story to end"


def test_ids_are_unique_across_every_split(
    answers: list,  # type: ignore[type-arg]
    train: list,  # type: ignore[type-arg]
) -> None:
    ids = Counter(a.id for a in [*answers, *train])
    assert not [i for i, n in ids.items() if n > 1]


def _grams(text: str, n: int = 8) -> set[tuple[str, ...]]:
    w = re.findall(r"[a-z']+", text.lower())
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def test_no_train_answer_is_a_near_duplicate_of_a_labelled_one(
    answers: list,  # type: ignore[type-arg]
    train: list,  # type: ignore[type-arg]
) -> None:
    """A training answer reworded from a dev or test one would leak it into the fit: no shared
    run of eight words in a quarter of its runs, and word bags less than half alike."""
    held = [(a.id, _grams(a.text), _words(a.text)) for a in answers]
    for t in train:
        grams, bag = _grams(t.text), _words(t.text)
        for i, g, w in held:
            assert len(grams & g) <= 0.25 * len(grams), f"{t.id} copies runs of {i}"
            assert len(bag & w) / len(bag | w) < 0.5, f"{t.id} and {i} are near-duplicates"


def _pairs() -> dict[str, str]:
    """Contrast pairs: two answers telling one story, differing in one thing (`pair:` names the
    other), so a fit learns that difference rather than the topic."""
    return {raw["id"]: raw["pair"] for _, raw in _train_rows() if "pair" in raw}


def test_contrast_pairs_name_each_other() -> None:
    pairs = _pairs()
    assert pairs, "the contrast pairs are part of the training split"
    for i, j in pairs.items():
        assert pairs.get(j) == i and i != j, f"{i} names {j}, which does not name it back"
        assert i.rsplit("-", 1)[0] == j.rsplit("-", 1)[0], f"{i} and {j} answer different questions"


def test_no_near_duplicates_within_the_training_split(train: list) -> None:  # type: ignore[type-arg]
    """Except a contrast pair's two sides, which are meant to be alike."""
    pairs = _pairs()
    bags = [(a.id, _words(a.text)) for a in train]
    for (i, x), (j, y) in combinations(bags, 2):
        if pairs.get(i) != j:
            assert len(x & y) / len(x | y) < 0.5, f"{i} and {j} are near-duplicates"


def test_the_bench_reads_train_files_as_written(train: list) -> None:  # type: ignore[type-arg]
    rows = _train_rows()
    assert [a.id for a in train] == [raw["id"] for _, raw in rows]
    for a, (path, raw) in zip(train, rows, strict=True):
        assert a.question == path.name.split(".")[0] and a.text == " ".join(raw["text"].split())
        assert a.evidence == {t: tuple(q) for t, q in (raw.get("evidence") or {}).items()}
    chosen = bench.load_splits(["train"])
    assert [a.id for a in chosen] == [a.id for a in train]
    assert not {a.split for a in bench.load_splits(["dev", "train"])} - {"dev", "train"}


def test_the_bench_picks_training_files_by_writer(train: list) -> None:  # type: ignore[type-arg]
    # rules written from some writers' answers are checked on the others'
    assert {a.writer for a in train} == {p.name.split(".")[1] for p in TRAIN.glob("*.yaml")}
    some = bench.load_splits(["train"], ["c", "d"])
    assert some and {a.writer for a in some} == {"c", "d"}
    assert len(some) == sum(a.writer in ("c", "d") for a in train)
    with pytest.raises(SystemExit):
        bench.main(["--split", "dev", "--writers", "c"])


def test_the_fit_reads_only_the_named_writers_and_ridges(monkeypatch: pytest.MonkeyPatch) -> None:
    # a refit judged on check writers must never read them; a pinned ridge holds it to stability
    from mockmic.rubric import calibrate

    seen: dict[str, object] = {}

    def fake(out: object, fit_on: object, writers: object, ridges: object) -> dict[str, object]:
        seen.update(fit_on=fit_on, writers=writers, ridges=ridges)
        return {}

    monkeypatch.setattr(bench, "_fit_semantic", fake)
    assert bench.main(["--fit-semantic", "--writers", "c,d", "--ridge", "10,30"]) == 0
    assert seen == {"fit_on": ("dev", "train"), "writers": ("c", "d"), "ridges": (10.0, 30.0)}
    bench.main(["--fit-semantic"])
    assert seen["writers"] == () and seen["ridges"] == calibrate.LAMBDAS
    pool = bench.load_splits(["dev", "train"], ["c"])  # what the fit reads: dev and writer c
    assert {a.writer for a in pool} == {"", "c"} and any(a.split == "dev" for a in pool)
    for argv in (
        ["--ridge", "10"],
        ["--fit-semantic", "--ridge", "0"],
        ["--fit-semantic", "--ridge", "x"],
    ):
        with pytest.raises(SystemExit):
            bench.main(argv)


def test_the_bench_keeps_the_test_half_out_of_answers_and_fits() -> None:
    for argv in (
        ["--split", "test", "--answers"],
        ["--split", "both", "--answers"],
        ["--fit-semantic", "--fit-on", "test"],
        ["--fit-semantic", "--fit-on", "dev,test"],
    ):
        with pytest.raises(SystemExit):
            bench.main(argv)
    with pytest.raises(ValueError):
        bench.fit_semantic(fit_on=("dev", "test"))


def test_the_training_split_is_reported_like_a_half(train: list) -> None:  # type: ignore[type-arg]
    def judge(text: str, question: str) -> object:
        return bench.Judged(80 if "i" in text.lower().split() else 20, frozenset({"vague"}))

    result = bench.run(["train"], audio=False, judge=judge)
    assert list(result["halves"]) == ["train"]
    half = result["halves"]["train"]
    assert half["answers"] == len(train)
    vague = next(t for t in half["traps"] if t["trap"] == "vague")
    assert vague["predicted"] == len(train) and vague["recall"] == 1.0
