"""The shapes of a grave failure, read in any trade's words (the catastrophic trap).

A list of dramatic words ("fired", "lawsuit") knows only the stories it was written from. A grave
failure has a few recurring shapes whatever the job: a record made to say what did not happen, a
person in the candidate's care put at risk, a safety rule of the trade skipped, a formal body
stepping in, and the telling that shrinks it ("it can happen to anyone"). Each shape is read
here from its parts, so an answer worded unlike any other still shows it.
"""

from __future__ import annotations

from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors.common import after, before
from mockmic.rubric.detectors.shapes import (
    CARE_SETTING_WEIGHT,
    Hits,
    clause_words,
    denied,
    distinct,
    near_miss,
)
from mockmic.rubric.text import Span

# fmt: off
# A record or a claim made to say what did not happen: "signed it as though I'd been there",
# "marked them as tested when I hadn't", or a truth kept from those who needed it.
PRETENCE = {
    "as though i": 0.9, "as if i had": 0.9, "as if i would": 0.8, "when i had not": 0.8,
    "when i did not": 0.5, "when they had not": 0.7, "which was not true": 0.9,
    "that was not true": 0.9, "it was not true": 0.9, "were not true": 0.8, "knowingly": 0.9,
    "i knew it was wrong": 1.0, "as tested": 0.8, "as checked": 0.7, "as closed": 0.7,
    "as signed": 0.7, "as complete": 0.6, "as completed": 0.6, "put them down as": 0.7,
    "put it down as": 0.7, "so the * showed": 0.7, "so it showed": 0.6, "so it looked like": 0.6,
    "to make the numbers": 0.7, "to make the * look": 0.7, "under the threshold": 0.5,
    "over the threshold": 0.5, "to hit the target": 0.4, "over the line": 0.3,
    # (a delay not escalated is told the same way, so alone these are loose signs)
    "kept quiet": 0.45, "kept it quiet": 0.45, "said nothing": 0.4, "did not report": 0.45,
    "never reported": 0.45,
    "hoped it would go away": 0.6, "hoping nobody": 0.6, "hoping no one": 0.6,
}
# Acts on figures and records that, done to make them read better, are the lapse itself.
MANIPULATE = frozenset({
    "nudged", "tweaked", "massaged", "fudged", "padded", "inflated", "doctored", "altered",
    "backdated", "dated", "dropped", "excluded", "bought", "rounded",
})
RECORDS = frozenset({
    "assumption", "assumptions", "number", "numbers", "figure", "figures", "result",
    "results", "data", "date", "dates", "contract", "contracts", "outlier", "outliers",
    "participants", "followers", "reviews", "timesheet", "timesheets", "readings", "records",
    "forecast", "invoice", "invoices", "likes", "sample", "samples",
})

# People the candidate answered for: their safety is what a failure must not touch.
IN_CARE = frozenset({
    "patient", "patients", "resident", "residents", "child", "children", "toddler",
    "toddlers", "pupil", "pupils", "kid", "kids", "baby", "babies", "passenger", "passengers",
    "elderly", "apprentice", "trainee", "student", "students", "tenant", "tenants",
    "teenager", "minor", "vulnerable",
})
# What happened to such a person, said plainly or softened: lost, shocked, given the wrong dose.
PERSON_HARM = (
    "got out", "went missing", "was missing", "wandered off", "left him", "left her",
    "left them", "on his own", "on her own", "belt off", "electric shock", "got a shock",
    "shock~", "electrocut~", "bruis~", "burned", "burnt", "a fall", "wrong dose",
    "missed her", "missed his", "missed them", "missed their", "ambulance", "choked",
    "unconscious", "fractur~",
)
# The matter of care work, named in ordinary stories of it too ("the medication round ran
# late"): beside a person in care, a loose sign that sharpens a clear one (as a ward is, in
# shapes.grave_shapes: the same weight).
CARE_MATTER = (
    "instead of the", "milligram~", "mg", "tablets", "meds", "medication", "insulin",
    "allerg~", "hospital", "blood",
)
# A safety rule of the trade skipped or waived, or the body at work past its limit.
SAFETY_LAPSE = {
    "did not isolate": 0.9, "not isolated": 0.7, "did not prove": 0.6, "prove * dead": 0.6,
    "live circuit": 0.7, "live wire": 0.7, "nodded off": 0.9, "dozed off": 0.9,
    "fell asleep at the wheel": 1.0, "over my driving hours": 0.9, "over my hours": 0.7,
    "without a harness": 0.9, "without the guard": 0.8, "skipped the safety": 0.9,
    "bypassed the": 0.7, "without checking the dose": 0.9, "propped * open": 0.4,
    "i skipped the": 0.45, "skipped the * step": 0.7, "even though he had not": 0.6,
    "even though she had not": 0.6, "even though they had not": 0.6, "had run out": 0.4,
    "runbook says": 0.5, "procedure says": 0.5, "policy says": 0.5, "did not complete the": 0.4,
    "left the gate": 0.6, "unsupervised": 0.7, "under the influence": 1.0, "unattended": 0.6,
    "without supervision": 0.7, "without ppe": 0.8, "hungover": 0.7, "while driving": 0.6,
    "blocked the fire": 0.9, "fire exit": 0.5, "gas leak": 0.8, "carbon monoxide": 0.9,
    "food poisoning": 0.9, "allergic reaction": 0.9, "anaphyla~": 1.0,
}
# A formal body stepping in, or the paperwork of a serious lapse.
FORMAL = {
    "formal warning": 0.9, "a warning": 0.5, "verbal warning": 0.6, "ofsted": 0.7,
    "trading standards": 0.7, "protocol deviation": 0.8, "deviation": 0.5,
    "licence review": 0.9, "license review": 0.9, "tax office": 0.5, "ombudsman": 0.8,
    "file review": 0.4, "did a report": 0.5, "made a report": 0.5, "incident form": 0.5,
    "reported it": 0.4, "complained to my": 0.3, "the regulator": 0.7, "health and safety": 0.5,
    "serious case review": 0.9, "root cause investigation": 0.6, "accident book": 0.8,
    "hse": 0.7, "data protection": 0.5, "information commissioner": 0.9,
}
# The candidate's own conduct, not the work: money taken, a person treated with contempt.
MISCONDUCT = {
    "took cash from": 0.9, "took money from": 0.9, "borrowed from the till": 1.0,
    "company card": 0.5, "personal use": 0.6, "shouted at a": 0.6, "swore at a": 0.8,
    "lost my temper with a": 0.6,
}
# A private record sent or left where others could read it: a breach told without the word.
PRIVATE = frozenset({
    "salaries", "salary", "addresses", "records", "notes", "details", "passport", "passports",
    "payslips", "diagnosis", "medical", "bank", "personal", "confidential",
    "passwords", "password", "spreadsheet",
})
EXPOSURE = (
    "to the wrong", "wrong recipient", "wrong person", "to an external", "instead of bcc",
    "in cc", "copied everyone", "reply all", "unencrypted", "left * on the",
    "was stolen", "got stolen", "anyone could see", "anyone could read", "to the whole",
)
# Shrinking a grave failure in the telling, which labellers read as part of its gravity: too
# common in ordinary stories to count alone, it adds to a clear sign.
MINIMISING = {
    "can happen to anyone": 0.45, "could happen to anyone": 0.45, "everyone does it": 0.45,
    "everyone uses": 0.4, "a lot of juniors": 0.45, "a lot of people do": 0.4,
    "more common * than people": 0.45, "something the team did": 0.45, "it blew over": 0.4,
    "no real harm done": 0.45, "was totally fine": 0.3, "luckily it was": 0.4,
    "not to make a big deal": 0.5, "a bit much": 0.3, "he was fine": 0.3, "she was fine": 0.3,
    "everyone cuts corners": 0.5, "just got unlucky": 0.4,
}
# fmt: on


def gravity(answer: Answer) -> Hits:
    """Every shape of a grave failure this answer shows, one hit per distinct wording; a harm
    that nearly happened, or that is ruled out ("no formal warning", "never unattended"), does
    not count."""
    hits: Hits = []
    hits += answer.matcher.find_weighted(PRETENCE)
    hits += _manipulated(answer)
    hits += _person_at_risk(answer)
    hits += answer.matcher.find_weighted(SAFETY_LAPSE)
    hits += answer.matcher.find_weighted(FORMAL)
    hits += answer.matcher.find_weighted(MISCONDUCT)
    hits += _exposed(answer)
    hits += answer.matcher.find_weighted(MINIMISING)
    kept = [h for h in hits if not near_miss(answer, h[0]) and not denied(answer, h[0])]
    return distinct(answer, kept, by_stem=True)


def _manipulated(answer: Answer) -> Hits:
    """ "I nudged a couple of the assumptions", "I dated two of the contracts": the candidate's
    own hand on a figure or a record."""
    out: Hits = []
    for clause in answer.clauses:
        words = clause_words(answer, clause)
        if "i" not in words:
            continue
        acts = [w for w in words[words.index("i") :] if w in MANIPULATE]
        if acts and RECORDS.intersection(words):
            out.append((clause, 0.8))
    return out


def _exposed(answer: Answer) -> Hits:
    """ "I emailed the salary sheet to the wrong Sam": private records and a way out for them,
    in one clause or the next (either way round)."""
    return _beside(answer, PRIVATE, EXPOSURE, back=1, weight=0.7)


def _person_at_risk(answer: Answer) -> Hits:
    """A person in the candidate's care and a harm to them, in one clause or the next: "one of
    the toddlers got out through the side gate", "my apprentice ... got a belt off it"; the
    matter of their care beside them ("her insulin") is a loose sign."""
    harm = _beside(answer, IN_CARE, PERSON_HARM, back=0, weight=0.7)
    matter = _beside(answer, IN_CARE, CARE_MATTER, back=0, weight=CARE_SETTING_WEIGHT)
    return harm + matter


def _beside(
    answer: Answer, who: frozenset[str], what: tuple[str, ...], back: int, weight: float
) -> Hits:
    """For each clause naming one of `who`, the first of `what` said in it, in the next clause,
    or in up to `back` clauses before it."""
    out: Hits = []
    clauses = answer.clauses
    for k, clause in enumerate(clauses):
        if not who.intersection(clause_words(answer, clause)):
            continue
        for near in clauses[max(k - back, 0) : k + 2]:
            found = answer.find(what, near)
            if found:
                out.append((found[0], weight))
                break
    return out


# A grave word named as the matter of the work, not as a deed: "our card fraud model", "a project
# to reduce stock theft", "fraud prevention training". (A fraud team that steps in is a body
# acting, and "against production" is a deed, so neither is a topic.)
# fmt: off
TOPIC_AFTER = frozenset({
    "model", "models", "detection", "prevention", "project", "training", "policy", "checks",
    "controls", "screening", "risk", "rules", "tool", "tools", "system", "systems", "module",
    "course", "awareness",
})
TOPIC_BEFORE = frozenset({
    "reduce", "reducing", "prevent", "preventing", "detect", "detecting", "tackle", "tackling",
    "fight", "fighting", "combat", "combating", "spot", "spotting", "anti",
})
# fmt: on


def topical(answer: Answer, span: Span) -> bool:
    """The grave word is what the work was about ("a fraud model", "to reduce theft")."""
    nxt = after(answer, span, 1)
    return bool(TOPIC_AFTER.intersection(nxt) or TOPIC_BEFORE.intersection(before(answer, span, 2)))


def figurative(answer: Answer, span: Span) -> bool:
    """ "I felt like a complete fraud": a grave word said of a feeling, not of an act."""
    k = answer.clause_of(span.start)
    start = answer.clauses[k].start if k >= 0 else 0
    prev = [answer.tokens[i].text for i in answer.matcher.content if start <= i < span.start]
    return "like" in prev[-3:]


# A formal body is the setting of many trades ("our figures go to the regulator every quarter");
# it is a reckoning when it acts or is told, in its clause or the one either side.
FORMAL_BODIES = (
    "regulator",
    "regulators",
    "ombudsman",
    "ofsted",
    "hse",
    "trading standards",
    "information commissioner",
    "tax office",
    "health and safety",
    "data protection",
)
BODY_ACTS = (
    "notif~",
    "report~",
    "told",
    "tell",
    "inform~",
    "involv~",
    "investigat~",
    "fine~",
    "fined",
    "came in",
    "wrote",
    "write to",
    "contact~",
    "visit~",
    "inspect~",
    "complain~",
    "escalat~",
    "went to",
    "refer~",
    "warning",
    "sanction~",
    "breach~",
    "penalt~",
    "called in",
)
SETTING_WEIGHT = 0.3  # a formal body named and not acting: context, the loosest sign


def bodies_acting(answer: Answer, hits: Hits) -> Hits:
    """Hits naming a formal body count in full only where the body acts or is told."""
    out: Hits = []
    for span, weight in hits:
        if answer.find(FORMAL_BODIES, span) and not _acts_near(answer, span):
            weight = min(weight, SETTING_WEIGHT)
        out.append((span, weight))
    return out


def _acts_near(answer: Answer, span: Span) -> bool:
    if "by" in before(answer, span, 2):
        return True  # "a test purchase by trading standards", "inspected by the regulator"
    k = answer.clause_of(span.start)
    near = answer.clauses[max(k - 1, 0) : k + 2] if k >= 0 else []
    return any(answer.find(BODY_ACTS, c) for c in near)


# One sign of a grave failure, short of an unambiguous one, makes a borderline flag: the
# sentence judge then decides, and the cap loosens. Every single word on these lists has an
# innocent sense in some trade ("the kiln was fired", "a food court", "the hospital's rota").
UNAMBIGUOUS = 1.0  # "falsified", "fired me", "lawsuit": grave on their own
ONE_SIGN = 0.55  # the strength of a failure told by one sign alone
# loose signs alone, however many, in an owned story: context words, short of a flag. A grave
# place piles them up ("the hospital", "an audit", "millions") with no grave deed in it.
LOOSE_ONLY = 0.45


def corroborated(hits: Hits, strong: float) -> float:
    """The most a catastrophe's strength can be, from how many signs agree: one unambiguous
    sign or two different signs (one of them clear) make a full flag. The place the work was
    done (a body named as the setting, a grave word in the job's description) agrees with
    nothing: a hospital does not corroborate a slip made in it."""
    if any(w >= UNAMBIGUOUS for _, w in hits):
        return float("inf")
    if not any(w >= strong for _, w in hits):
        return LOOSE_ONLY
    signs = [w for _, w in hits if w > SETTING_WEIGHT]
    return float("inf") if len(signs) >= 2 else ONE_SIGN


# The words that introduce the candidate's job and workplace: "I'm a team manager in a police
# control room", "as a junior analyst at a bank". A grave word inside that description is where
# the work happened, not what the failure did.
ROLE_CUES = (
    "i am a", "i am an", "i was a", "i was an", "as a", "as an", "i work", "i worked",
    "working as", "working at", "working in", "working for", "my role", "my job", "my last role",
)  # fmt: skip
# "As a" names the job only where it opens the clause: "it was reported as a protocol deviation"
# names what the failure became.
OPENING_CUES = frozenset({"as a", "as an"})
# Where the description ends: a subject or a joint starts what happened next ("as a nurse I gave").
ROLE_ENDS = frozenset({"i", "we", "he", "she", "they", "and", "but", "so", "when", "who", "which"})
ROLE_REACH = 8  # content words after the cue that can still describe the job
# A grave word someone feared or suspected is not a thing that happened: "the area manager came
# in thinking we had a theft problem", "they thought they had lost the right".
BELIEF = frozenset({
    "thought", "thinking", "think", "believed", "believing", "assumed", "assuming", "suspected",
    "suspecting", "worried", "feared", "afraid", "scared", "convinced", "wondering",
})  # fmt: skip
BELIEF_REACH = 5
# The paperwork of a lapse filed by the candidate ("I filled in an incident form myself", "I
# reported it to my manager") is the story owned, not a reckoning: only someone else's report
# ("the manager did a report") counts against them.
REPORTING = ("report~", "incident form")
SUBJECT_WORDS = frozenset({"i", "we", "he", "she", "they", "it", "manager", "nobody", "someone"})


def _clause(answer: Answer, span: Span) -> Span:
    k = answer.clause_of(span.start)
    return answer.clauses[k] if k >= 0 else Span(0, span.start)


def in_setting(answer: Answer, span: Span) -> bool:
    """The grave word is part of how the candidate names their job or workplace: it follows a
    role cue in its clause, within reach, before any subject or joint."""
    clause = _clause(answer, span)
    for cue in answer.find(ROLE_CUES, clause):
        opens = len(clause_words(answer, Span(clause.start, cue.start))) <= 1
        if answer.quote(cue, pad=0).lower() in OPENING_CUES and not opens:
            continue
        between = clause_words(answer, Span(cue.end, span.start))
        described = len(between) <= ROLE_REACH and not ROLE_ENDS.intersection(between)
        if cue.end <= span.start and described:
            return True
    return False


def believed(answer: Answer, span: Span) -> bool:
    """The grave word is what someone thought or feared, a few words after the belief."""
    lead = clause_words(answer, Span(_clause(answer, span).start, span.start))
    return bool(BELIEF.intersection(lead[-BELIEF_REACH:]))


def self_reported(answer: Answer, span: Span) -> bool:
    """A report or form the candidate filed: its clause's last subject before it is "I"."""
    if not answer.find(REPORTING, span):
        return False
    lead = clause_words(answer, Span(_clause(answer, span).start, span.start))
    subjects = [w for w in lead if w in SUBJECT_WORDS]
    return bool(subjects) and subjects[-1] == "i"


def deeds(answer: Answer, hits: Hits) -> Hits:
    """Hits that tell what the failure did: a feared harm does not count, and a grave word in the
    description of the job, or a report the candidate filed, is context, the loosest sign."""
    out: Hits = []
    for span, weight in hits:
        if believed(answer, span):
            continue
        context = in_setting(answer, span) or self_reported(answer, span)
        out.append((span, min(weight, SETTING_WEIGHT) if context else weight))
    return out


# A harm stopped before it landed: "the pharmacist caught it at the final check, so it never got
# near the patient", "caught before it left the pharmacy", "nobody was put at risk", "we restored
# the table from backup". Told in grave words, such a failure is contained, not one that puts
# fitness for the job in doubt. (A harm that reached someone and did no lasting damage, "she was
# fine by breakfast", is not contained: the dose was given.)
CATCHING = frozenset({"caught", "spotted", "noticed", "flagged"})
CATCH_REACH = 8  # content words from the catch to its "before"
# no catch at all ("nobody noticed before it went out"), or the candidate caught ("I was
# caught", "my manager caught me before the audit"): nothing was stopped
NO_CATCH = frozenset({"not", "never", "nobody", "no", "one"})
CANDIDATE = frozenset({"i", "we", "me", "us"})
PASSIVE = frozenset({"was", "were", "got"})
NEVER_ARRIVING = frozenset({"reached", "reach", "near", "affected", "risk", "live"})
DENIALS = frozenset({"never", "nobody", "none"})
ARRIVAL_REACH = 3  # words from "before it" or "never" to the arrival
UNDONE = ("restored * from", "restored it", "restored them", "rolled back", "rolled it back")
# Where a containment is told: not the lesson, change or proof ("the check has caught two
# since, before they reached a patient" is the fix working, not this failure contained).
LATER_PARTS = frozenset({"lesson", "change", "proof"})


def contained(answer: Answer) -> bool:
    """The failure told was stopped or undone before it reached anyone."""
    for clause, part in zip(answer.clauses, answer.labels, strict=True):
        if part in LATER_PARTS:
            continue
        words = clause_words(answer, clause)
        if _caught_before(words) or _never_arrived(words) or answer.find(UNDONE, clause):
            return True
    return False


def _caught_before(words: list[str]) -> bool:
    """ "the pharmacist caught it at the final check before it left", "my director caught it
    the night before it was due": someone stopped it in time. (A timeline alone, "I didn't
    check it before it went out", stops nothing.)"""
    return any(
        w == "before" and any(_a_catch(words, c) for c in range(max(j - CATCH_REACH, 0), j))
        for j, w in enumerate(words)
    )


def _a_catch(words: list[str], c: int) -> bool:
    """ "the pharmacist caught it", "it was caught", not "nobody noticed" or "I was caught"."""
    if words[c] not in CATCHING:
        return False
    lead = words[max(c - 2, 0) : c]
    by_candidate = bool(lead) and lead[-1] in PASSIVE and CANDIDATE.intersection(lead[:-1])
    of_candidate = CANDIDATE.intersection(words[c + 1 : c + 2])
    return not (NO_CATCH.intersection(lead) or by_candidate or of_candidate)


def _never_arrived(words: list[str]) -> bool:
    """ "it never reached a ward", "it never got near the patient", "nobody was put at risk",
    "no customer was affected"."""
    for j, w in enumerate(words):
        # "no customer was affected", "no one was put at risk" (not "no risk assessment")
        start = j + 2 if w == "no" else j + 1
        if (w in DENIALS or w == "no") and NEVER_ARRIVING.intersection(
            words[start : start + ARRIVAL_REACH + 1]
        ):
            return True
    return False
