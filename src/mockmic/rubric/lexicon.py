"""Shared phrase lists the named detectors look for, written from how candidates actually talk.

Patterns are matched on normalised tokens (see mockmic.rubric.text): lower case, no punctuation,
contractions spelled out ("didn't" -> "did not"), fillers skipped. `*` is any one word, `...` up
to four words, a trailing `~` any ending ("apolog~"). A question can add its own phrases to most
detectors through the detector's `extra` parameter; these lists hold what is true of every answer.

Weighted lists map a phrase to how strongly it counts (1.0 = one clear instance).
"""

from __future__ import annotations

# Phrase lists are kept packed, several to a line.
# fmt: off

# The setback itself, said in plain words.
FAILURE = (
    "i failed", "failed to", "failure", "we failed", "i missed", "we missed", "missed the",
    "missed a", "missed our", "missed my", "i broke", "broke the", "broke production", "went down",
    "outage", "incident", "bug", "did not work", "went wrong", "mistake", "messed up",
    "dropped the ball", "fell through", "slipped", "was late", "were late", "delayed", "delay",
    "over budget", "lost the", "lost a", "lost two", "lost three", "lost our", "churn~",
    "complain~", "rolled back", "roll back", "rollback", "pulled the", "did not land",
    "underestimat~", "overcommit~", "overpromis~", "misjudg~", "misread", "got it wrong",
    "was wrong", "error", "crash~", "escalat~", "refund~", "cost us", "cost the", "wasted",
    "scrapped", "cancel~", "behind schedule", "blew up", "fell apart", "never shipped",
    "did not ship", "did not deliver", "did not hit", "did not meet", "fell short", "short of",
    "flop~", "backfired", "broken", "down for", "angry", "frustrated customer~", "lost trust",
    "did not get the", "turned down", "rejected", "i forgot", "forgot to", "skipped",
    "did not test", "did not check", "did not ask", "did not tell", "did not flag", "went over",
    "could not", "unable to", "late", "fell behind", "miss", "slip", "slipped", "overdue",
    "without", "locked", "the wrong", "wrong",
    "accidentally", "by accident", "by mistake", "double booked", "double counted", "forgot",
    "had to redo",
    "had to rebuild", "sent back", "threw away", "lost", "cost", "complaint~", "waiting",
    "twice", "paid * extra", "overpaid", "to recover", "had to be pulled", "pulled", "slide",
    "gave notice", "churned", "left us", "walked away", "did not renew", "missed", "unhappy",
    "upset", "redo", "rework", "re run", "had to pull", "had to cancel", "had to start",
    "lost two", "lost three", "extra weeks", "weeks late", "days late", "months late",
    "did not work with", "started late", "went badly", "badly",
    "underperform~", "under target", "below target", "short of the target", "did not sell",
    "did not take off", "nobody used", "no one used", "fell flat", "did not go well",
)

# Words that name the topic of a failure question without telling a setback.
ABSTRACT_SETBACK = frozenset(
    {"failure", "mistake", "mistakes", "error", "errors", "failures", "fail"}
)

# Plain accountability: the candidate names their own part. Strong = explicit ownership words.
OWNERSHIP_STRONG = {
    "that was on me": 1.0, "it was on me": 1.0, "that one is on me": 1.0, "on me": 0.8,
    "my fault": 1.0, "my mistake": 1.0, "my responsibility": 0.9, "i was responsible": 0.9,
    "i am responsible": 0.9, "i take responsibility": 1.0, "i took responsibility": 1.0,
    "i take full": 1.0, "i took full": 1.0, "i own": 0.9, "i owned": 0.8, "my call": 0.9,
    "i made the call": 1.0, "i made the decision": 0.8, "i was wrong": 1.0,
    "i made a mistake": 1.0, "i made an error": 1.0, "i got it wrong": 1.0, "i messed up": 1.0,
    "i dropped the ball": 1.0, "i screwed up": 1.0, "i should have": 0.8, "i was the one who": 0.9,
    "the failure was mine": 1.0, "it was mine": 0.8, "was mine": 0.9, "that one was my": 1.0,
    "that was my": 1.0, "it was my": 0.9, "this was my": 1.0, "that one was on me": 1.0,
    "that one is mine": 1.0, "my slip": 0.9, "i am accountable": 1.0, "i was accountable": 1.0,
    "i let the": 0.7, "i let my": 0.7, "my part": 0.6, "the root cause was me": 1.0,
    "the cause was me": 1.0, "because of me": 1.0, "because i": 0.7, "i caused": 1.0,
    "i broke": 0.9, "i failed": 0.9, "i missed": 0.8,
    "took ownership": 0.9, "take ownership": 0.9, "i own that": 1.0, "where i got it wrong": 1.0,
    "i take the blame": 1.0, "i hold my hands up": 1.0, "down to me": 1.0,
    "the error was mine": 1.0,
    "my own error": 1.0, "my error": 1.0, "i was at fault": 1.0, "i let it": 0.6,
    "where i went wrong": 1.0, "i went wrong": 1.0, "took * ownership": 0.9,
    "full ownership": 0.8, "complete ownership": 0.8, "i never got into the habit": 0.7,
    "i was the cause": 1.0, "i caused it": 1.0, "that is on me": 1.0, "on my plate": 0.4,
    "she was right": 0.7, "he was right": 0.7, "they were right": 0.7, "my misjudgement": 1.0,
    "i misjudged": 0.9, "i owned it": 1.0, "i owned up": 1.0,
}
# First-person failure verbs: ownership implied rather than stated.
OWNERSHIP_WEAK = (
    "i did not", "i had not", "i never", "i forgot", "i skipped", "i ignored", "i underestimated",
    "i overcommitted", "i assumed", "i rushed", "i promised", "i misjudged", "i misread",
    "i chose", "i decided", "i pushed", "i overlooked", "i waited", "i avoided", "i agreed to",
    "i took on", "i said yes", "i did not ask", "i did not check",
    "i kept", "i let", "i approved", "i booked", "i trusted", "i relied on", "i signed off",
    "i sent", "i told the", "i quoted", "i gave the", "i picked", "i set the", "i planned",
)
# Ownership hedged down to a share, which interviewers hear as half-blame.
OWNERSHIP_HEDGED = (
    "partly my", "partly on me", "partially my", "partially on me", "a bit on me",
    "some of it was on me", "some of the blame", "a little bit my", "i guess it was my",
    "maybe it was my", "i suppose it was my", "in part my", "part of it was on me",
)

# Pointing at others or at circumstances, including the polite forms.
BLAME = {
    "not my fault": 1.0, "was not really my fault": 1.0, "their fault": 1.0, "his fault": 1.0,
    "her fault": 1.0, "their mistake": 1.0, "blame~ the": 0.9, "to blame": 0.8,
    "out of my control": 0.9, "out of my hands": 0.9, "beyond my control": 0.9,
    "nobody told me": 0.9, "no one told me": 0.9, "nobody told us": 0.8, "no one told us": 0.8,
    "i was never told": 0.9, "we were never told": 0.8, "i was not told": 0.8,
    "i was not given": 0.8, "we were not given": 0.7, "they did not": 0.6, "they never": 0.7,
    "they failed": 0.8, "they should have": 0.9, "he should have": 0.9, "she should have": 0.9,
    "they dropped the ball": 1.0, "he dropped the ball": 1.0, "she dropped the ball": 1.0,
    "the team did not": 0.6, "the team failed": 0.8, "my manager did not": 0.8,
    "my manager never": 0.9, "my boss did not": 0.8, "my boss never": 0.9,
    "the client changed": 0.6, "the client kept": 0.7, "kept changing": 0.6,
    "kept changing on us": 0.9, "kept changing the": 0.7, "changed their mind": 0.5,
    "moved the goalposts": 0.8, "moving the goalposts": 0.8, "if they had": 0.8, "if he had": 0.7,
    "if she had": 0.7, "if only they": 0.9, "thrown under": 0.8, "set us up to fail": 1.0,
    "set me up to fail": 1.0, "let me down": 0.8, "let us down": 0.7, "i did my part": 0.9,
    "i did everything right": 1.0, "i did everything i could": 0.6, "the real problem was": 0.6,
    "the real issue was": 0.6, "the real reason was": 0.6, "unrealistic deadline": 0.6,
    "unrealistic timeline": 0.6, "poor management": 0.8, "bad management": 0.8,
    "management did not": 0.8, "leadership did not": 0.7, "the other team": 0.4,
    "the vendor did not": 0.7, "qa did not": 0.8, "qa never": 0.9, "qa missed": 0.8,
    "testers missed": 0.8, "the tools": 0.3, "the process was broken": 0.6, "because of them": 0.9,
    "because of him": 0.9, "because of her": 0.9, "on their end": 0.6, "on their side": 0.5,
    "were supposed to": 0.6, "was supposed to": 0.4, "nothing i could have done": 1.0,
    "nothing i could do": 0.8, "not much i could": 0.6, "i was just following": 0.8,
    "it was not on me": 1.0, "not on me": 0.9, "wrong requirements": 0.6, "bad requirements": 0.7,
    "vague requirements": 0.4, "the requirements were": 0.4, "the spec was": 0.4,
    "the data was bad": 0.7, "bad luck": 0.5, "unlucky": 0.4, "mercury": 0.5,
    "was not really mine": 1.0, "not really mine": 0.9, "was not mine": 0.9, "by whoever": 0.6,
    "an easy mistake to make": 0.8, "easy mistake": 0.6, "anyone could have": 0.7,
    "anyone would have": 0.6, "threw me under": 0.8, "which happens in": 0.4,
    "was slow to": 0.5, "were slow to": 0.5, "never gave us": 0.8,
    "never gave me": 0.8, "did not give us": 0.6, "did not give me": 0.6,
    # circumstances and other people as the cause, said politely
    "due to the": 0.4, "because of the client": 0.7, "because of the team": 0.7,
    "because the client": 0.6, "because the team": 0.5, "because management": 0.7,
    "because my manager": 0.6, "because they": 0.5, "kept adding": 0.6, "added scope": 0.5,
    "at the last minute": 0.3, "without telling me": 0.7, "without telling us": 0.6,
    "without consulting": 0.6, "were not clear": 0.5, "was not clear": 0.4,
    "unclear requirements": 0.6, "was delayed by": 0.5, "were delayed by": 0.5,
    "held us up": 0.6, "held me up": 0.6, "the developers did not": 0.8,
    "the designers did not": 0.8, "the supplier": 0.3, "the vendor": 0.3,
    "i was let down": 0.9, "they let": 0.5,
    "it was the": 0.2, "not something i could": 0.8, "not something we could": 0.7,
    "there was nothing": 0.6, "i had no control": 0.9, "we had no control": 0.8,
    "outside my control": 0.9, "outside of my control": 0.9, "the system": 0.2,
    "the team was not ready": 0.6, "the team was inexperienced": 0.7, "junior team": 0.4,
    "understaffed": 0.5, "short staffed": 0.5, "lack of resources": 0.5,
    "not enough resources": 0.5, "no budget": 0.4, "the budget was cut": 0.5,
    "the timeline was unrealistic": 0.8, "impossible deadline": 0.7, "given the circumstances": 0.4,
    "the pandemic": 0.3, "the data we were given": 0.7, "the information i was given": 0.7,
    "i was just told": 0.6, "they told me to": 0.5, "i just did what": 0.7, "if i had known": 0.4,
    "had i known": 0.4, "nobody warned": 0.8, "no one warned": 0.8, "my predecessor": 0.5,
    "inherited": 0.3, "before i joined": 0.3, "sales promised": 0.7, "marketing promised": 0.7,
    "the client did not": 0.6, "the customer did not": 0.5, "did not read": 0.4,
    "never responded": 0.5, "never replied": 0.5, "slow to respond": 0.5, "their side": 0.4,
    "by the time it reached me": 0.8, "did what i could": 0.7, "what i was given": 0.7,
    "with what i had": 0.5, "handed over late": 0.6, "there was only so much": 0.9,
    "only so much i could": 0.9, "i did my best": 0.4, "waiting on them": 0.7,
    "really difficult": 0.5, "never answered": 0.7, "changed what they wanted": 0.7,
    "mostly because": 0.5, "largely because": 0.5, "never followed up": 0.6,
    "did not follow up": 0.5, "the numbers were there": 0.6, "on my side": 0.4,
    "my part was": 0.5, "after they promised": 0.5, "than they promised": 0.5,
    "not really my doing": 1.0, "not my doing": 1.0, "blamed me": 0.6, "pinned it on me": 0.8,
}

# Self-reproach and pleas for absolution: growth shown as guilt.
APOLOGY = {
    "sorry": 1.0, "apolog~": 0.8, "forgive": 1.0, "ashamed": 1.0, "shame": 0.6,
    "i hate myself": 1.0, "beat myself up": 1.0, "beating myself up": 1.0, "idiot": 0.8,
    "so stupid": 1.0, "stupid of me": 1.0, "i was stupid": 1.0, "i am stupid": 1.0,
    "terrible": 0.5, "awful": 0.5, "horrible": 0.6, "embarrass~": 0.5, "humiliat~": 0.8,
    "regret": 0.6, "i still feel": 0.7, "i feel so bad": 1.0, "i felt so bad": 0.8,
    "i feel bad": 0.7, "i felt bad": 0.5, "i am not proud": 0.6, "not proud of": 0.5,
    "i let everyone down": 1.0, "i let everybody down": 1.0, "let the whole": 0.7,
    "devastat~": 0.8, "still think about it": 0.8, "keeps me up": 1.0, "kept me up at night": 0.8,
    "i cried": 0.8, "terrible person": 1.0, "worst employee": 1.0, "worst thing i": 0.6,
    "i am the worst": 1.0, "i should not be": 0.5, "i do not deserve": 1.0, "guilt~": 0.8,
    "i really really": 0.4, "so so sorry": 1.0, "mortified": 1.0, "i am a failure": 1.0,
    "i am bad at": 0.7, "i am really bad": 0.8, "i will never forgive": 1.0, "my fault again": 0.8,
    # reproach turned on oneself, and a mind that would not leave it alone
    "hard on myself": 0.8, "harsh on myself": 0.8, "blam~ myself": 0.8, "angry with myself": 0.7,
    "kick~ myself": 0.7, "kept thinking about": 0.6, "could not stop thinking": 0.8,
}
# A bad feeling made to last ("I felt terrible about it for months"): dwelling, not growth.
FEELINGS = frozenset({
    "terrible", "awful", "bad", "guilty", "ashamed", "embarrassed", "sick", "horrible", "low",
    "miserable", "upset",
})
LONG_SPELLS = frozenset({"weeks", "months", "years", "ages", "long"})

# A flattering "failure": a virtue in excess, or a setback that ended in a win.
HUMBLE_BRAG = {
    "too much": 0.5, "cared too much": 1.0, "care too much": 1.0, "i care so much": 0.8,
    "worked too hard": 1.0, "work too hard": 1.0, "working too hard": 1.0, "perfectionis~": 1.0,
    "too ambitious": 0.9, "too high": 0.5, "standards too high": 1.0,
    "standards are too high": 1.0, "high standards": 0.6, "set the bar too high": 1.0,
    "exceeded": 0.8, "exceeding": 0.8, "over deliver~": 1.0, "overdeliver~": 1.0,
    "above and beyond": 0.8, "too dedicated": 1.0, "too committed": 1.0, "too invested": 0.8,
    "too detail oriented": 1.0, "too passionate": 1.0, "too helpful": 1.0, "too loyal": 1.0,
    "could not say no": 0.6, "i never really fail": 1.0, "never really failed": 1.0,
    "i do not really fail": 1.0, "hard to think of": 0.8, "i can not think of": 0.8,
    "still delivered": 0.8, "still hit": 0.8, "still met": 0.7, "still shipped": 0.6,
    "still launched": 0.6, "still finished": 0.6, "still closed": 0.6, "still got": 0.5,
    "turned out to be a success": 1.0, "turned out great": 1.0, "turned out well": 0.7,
    "turned out fine": 0.6, "huge success": 0.8, "big success": 0.7, "a success": 0.4,
    "success in the end": 1.0, "blessing in disguise": 1.0, "best thing that": 0.8,
    "actually a good thing": 1.0, "worked out in the end": 0.7, "everyone loved": 0.6,
    "customers loved": 0.7, "got promoted": 0.6, "promoted": 0.4, "praised": 0.6, "record": 0.4,
    "went viral": 0.6, "my manager was impressed": 0.8, "impressed": 0.5, "only slightly": 0.7,
    "slightly": 0.3, "by a small margin": 0.6, "a tiny bit": 0.5, "because i cared": 1.0,
    "because i wanted it to be perfect": 1.0, "wanted it perfect": 0.9,
    "wanted everything perfect": 1.0, "too thorough": 1.0, "held myself": 0.4,
    "took on too much": 0.7, "said yes to everything": 0.6, "helping everyone": 0.6,
    "stayed late": 0.4, "weekends": 0.3, "nights and weekends": 0.6,
    "not to brag": 1.0, "reputation as someone who": 0.8, "someone who delivers": 0.8,
    "quite lucky": 0.5, "did not take a single day": 1.0, "did not take a day off": 1.0,
    "fastest": 0.6, "made it through": 0.4, "the final": 0.3, "second place": 0.7,
    "runner up": 0.7, "ended up being the": 0.6, "the team needed me": 0.7,
    "i love talking about": 0.6, "failure is where": 0.6, "i gave too much": 1.0,
    "too generous": 1.0, "worked so hard": 0.6, "i was too": 0.4,
    # virtue in excess, said other ways
    "too hard": 0.5, "too careful": 0.8, "too honest": 0.9, "too nice": 0.8, "too focused": 0.7,
    "too driven": 1.0,
    "too eager": 0.7, "too responsible": 1.0, "too reliable": 1.0, "too much pride": 0.8,
    "because i care": 1.0, "i cared": 0.5, "i just wanted": 0.5, "wanted it to be": 0.6,
    "could not let": 0.6, "exceeded expectations": 1.0, "beat the target": 0.9,
    "beat our target": 0.9, "ahead of schedule": 0.5, "the client loved": 0.7,
    "they loved": 0.6, "award": 0.6, "recognised": 0.5, "recognized": 0.5, "thanked me": 0.4,
    "in the end it": 0.4, "it all worked out": 0.9, "worked out well": 0.7,
    "turned into a success": 1.0, "ended up winning": 0.9, "we still won": 1.0,
    "best result": 0.6, "highest": 0.5, "record breaking": 0.8, "my only": 0.6,
    "if i had to pick": 0.4, "i struggle to think": 0.8, "i do not really have": 0.6,
    "not really a failure": 1.0, "technically": 0.3, "in a way it was a success": 1.0,
    "a good problem to have": 1.0, "too successful": 1.0, "grew too fast": 0.8,
    "demand was too high": 0.8, "sold out": 0.6, "too many customers": 0.8, "overachiev~": 1.0,
    "i delivered more than": 0.9, "my standards": 0.6, "i hold myself": 0.6,
    "the extra mile": 0.7, "everyone relied on me": 0.8, "i was the only one who": 0.6,
    "so committed": 0.8, "most weekends": 0.5, "every weekend": 0.5, "reviewed every single": 0.6,
}

# Failures that make an interviewer doubt the candidate's fitness or judgement, not just a misstep.
CATASTROPHIC = {
    "got fired": 1.0, "i was fired": 1.0, "fired me": 1.0, "was let go": 1.0,
    "they let me go": 0.9, "lost my job": 1.0,
    "lawsuit": 1.0, "sued": 1.0, "legal action": 0.9, "data breach": 1.0, "security breach": 1.0,
    "leaked": 0.8, "deleted the production": 1.0, "dropped the production": 1.0, "wiped the": 0.8,
    "wiped out": 0.4, "lost all": 0.8, "all of our customers": 0.7, "every customer": 0.5,
    "company went under": 1.0, "went bankrupt": 1.0, "bankrupt~": 0.9, "millions of dollars": 0.8,
    "million dollars": 0.7, "lost millions": 1.0, "got hurt": 1.0, "injured": 0.8,
    "an injury": 0.6, "fraud": 1.0,
    "falsif~": 1.0, "i lied": 1.0, "lied to": 0.9, "covered it up": 1.0, "cover it up": 1.0,
    "hid it": 1.0, "hid the": 0.9, "did not tell anyone": 0.9, "never told anyone": 0.9,
    "never told my": 0.8, "regulator": 0.6, "regulators": 0.6, "fined": 0.7,
    "compliance violation": 0.9,
    "violat~": 0.6, "police": 0.8, "patient died": 1.0, "someone died": 1.0, "who died": 1.0,
    "shut down the company": 1.0,
    "for a week": 0.4, "for days": 0.4, "the whole company was down": 1.0, "entire company": 0.5,
    # a failure in the core skill of the role, or the same failure repeated
    "did it again": 0.5, "happened again": 0.5, "again with": 0.4,
    "central to the job": 0.9, "core of the job": 0.9, "core of my job": 0.9,
    "the main part of the job": 0.9, "for this ... role": 0.5, "i am applying for": 0.4,
    "critical bug": 0.5, "another customer": 0.4, "was pulled": 0.5, "lost a day of": 0.6,
    "thousand dollars": 0.4, "over budget by": 0.4, "access keys": 0.6, "public repository": 0.6,
    "against production": 0.6, "instead of the test": 0.6, "backups": 0.4, "passwords": 0.5,
    "personal data": 0.6, "i do not really enjoy": 0.5, "i do not enjoy": 0.4,
    # trust-ending outcomes and repeated failures, said other ways
    # "fired" said of the candidate or of staff, not of a kiln or an email ("fired off")
    "was fired": 0.9, "were fired": 0.7, "been fired": 0.9, "fired from": 0.8,
    "dismissed": 0.7, "disciplinary": 0.8, "written warning": 0.9,
    "final warning": 1.0, "lost the client": 0.5, "lost the account": 0.5,
    "our biggest client": 0.4, "all the data": 0.6, "all of the data": 0.6,
    "customer data": 0.6, "credit card": 0.5, "exposed": 0.5, "leak": 0.6, "breach": 0.8,
    "production database": 0.6, "deleted": 0.4, "legal": 0.5, "audit": 0.3, "accident": 0.5,
    "went out of business": 1.0, "closed down": 0.6, "shut down": 0.4, "headlines": 0.7,
    "the press": 0.4, "in the news": 0.7, "hundreds of thousands": 0.6, "million": 0.5,
    "repeatedly": 0.6, "several times": 0.5, "kept happening": 0.6, "every time": 0.2,
    "more than once": 0.4, "my main job": 0.5, "which is my job": 0.6, "the one thing": 0.4,
    "i am not good at": 0.5, "i struggle with": 0.3,
    "lost the company": 0.8, "cost the company": 0.4, "we lost the contract": 0.6,
    "lost our largest": 0.6, "the client left": 0.4, "terminated": 0.6, "sacked": 1.0,
    "performance improvement plan": 0.8, "performance plan": 0.6, "investigation": 0.5,
    "hr got involved": 0.6, "harassment": 1.0, "discrimination": 1.0, "unsafe": 0.5,
    "could have been hurt": 0.7, "could have died": 1.0, "nearly killed": 1.0,
    "medication error": 0.9, "wrong dose": 0.9, "safeguarding": 0.45,
    "safeguarding concern": 0.8, "safeguarding incident": 0.8, "failed the audit": 0.7,
    "damages": 0.4, "went to court": 1.0, "tribunal": 0.9, "fraudulent": 1.0, "stole": 1.0,
    "theft": 1.0, "misconduct": 1.0, "drunk": 0.8, "confidential": 0.4, "privacy": 0.4,
    "nobody got paid": 0.8, "staff were paid": 0.6, "overdrawn": 0.6, "wrong strength": 0.8,
    "wrong medicine": 1.0, "wrong medication": 1.0, "patient harm": 1.0,
    "reported as an incident": 0.6,
    "incident report": 0.5, "feeling unwell": 0.7,
    # general shapes of a trust-ending failure: the same miss twice, the client gone, harm that
    # could not be undone, a person hurt, a truth hidden from those who needed it
    "both times": 0.5, "a second time": 0.5, "forgot again": 0.6, "missed it again": 0.6,
    "moved their business": 0.5, "took their business": 0.5, "cancelled the contract": 0.6,
    "canceled the contract": 0.6, "left us for": 0.5, "could not get them back": 0.7,
    "could not be recovered": 0.8, "never recovered": 0.6, "refund everyone": 0.6,
    "wiped": 0.4, "taken to hospital": 0.8, "to the hospital": 0.6, "in hospital": 0.6,
    "ambulance": 0.8, "asked to resign": 1.0,
    "asked me to resign": 1.0, "asked to leave": 0.8, "walked me out": 1.0, "escorted": 0.6,
    "when i knew": 0.5, "i had known": 0.5, "pretended": 0.7, "on my phone": 0.4,
    "fell asleep": 0.8, "crashed for": 0.4, "down for": 0.3,
    # harm to a person, formal discipline, a loss that cannot be given back
    "intensive care": 1.0, "i was suspended": 1.0, "suspended": 0.5, "overdose~": 0.9,
    "lost ... months of": 0.5, "lost ... years of": 0.6, "no backups": 0.4, "no backup": 0.4,
    "compensat~": 0.5, "insurer~": 0.4, "lost the right": 0.8, "irreversib~": 0.7,
    "permanently": 0.5, "for good": 0.3,
}
# Words just before a harm that say it nearly happened and did not: "nearly lost the client".
NEAR_MISS_WORDS = frozenset({"nearly", "almost", "close", "narrowly", "avoided", "averted"})

# Lesson cues: where the reflection starts.
LESSON_CUES = (
    "i learned", "i learnt", "i have learned", "learned that", "learnt that", "the lesson",
    "lesson was", "lesson i", "lesson for me", "taught me", "i realized", "i realised",
    "i understood", "i now know", "what i took from", "i took from it", "took from it",
    "what i learned", "what i learnt", "what i learned is", "the thing i learned", "now i know",
    "what i took away", "take away", "takeaway", "looking back", "in hindsight", "with hindsight",
    "it showed me", "showed me that", "made me realize", "made me realise", "i saw that",
    "i discovered", "what i got wrong", "the mistake i made was", "what i should have done",
    "i should have", "the root cause", "what it taught", "my lesson", "the real lesson",
    "the insight",
    "i know now", "i now understand", "i understand now", "it made me see", "made me see",
    "it made me", "what i realised", "what i realized", "the big lesson", "my takeaway",
    "the main thing i", "i came away", "i took away", "what stuck with me",
    # a change of mind said as one
    "come to see", "came to see", "come to realise", "came to realise", "come to realize",
    "came to realize", "come to understand", "came to understand", "i see now", "i see that now",
)
# "The importance of X", "how important X is": a platitude when X is a virtue anyone names,
# a lesson when X is a thing ("the importance of regular updates").
IMPORTANCE = ("the importance of", "how important", "the value of")
VIRTUES = frozenset({
    "communication", "communicating", "teamwork", "planning", "alignment", "collaboration",
    "transparency", "honesty", "listening", "feedback", "trust", "organisation", "organization",
    "preparation", "resilience", "patience", "flexibility", "adaptability", "hard", "being",
    "good", "clear", "checking", "attention", "detail", "details", "priorities", "balance",
})
# A lesson that could be pinned on any story, so it earns little.
PLATITUDES = (
    "learned a lot", "learnt a lot", "learned so much", "communication is key",
    "communication is important", "communication is everything", "never give up",
    "everything happens for a reason", "work harder", "be more careful", "hard work pays off",
    "teamwork is important", "teamwork makes", "grew a lot", "made me stronger",
    "a valuable lesson", "learned my lesson", "a good lesson", "i grew as a person",
    "lesson in humility", "made me a better person", "what does not kill", "i became better",
    "to always do my best", "to do better", "be better", "learned from it", "important lesson",
    "growth mindset", "continuous improvement", "learning opportunity", "stakeholder alignment",
    "to communicate better", "communicate more", "be more proactive",
    "learned a valuable", "i grew", "made me grow", "a learning experience",
    "learning experience", "made me who i am", "who i am today", "character building",
)
# "I don't know", "I don't think": a hedge, not a change in how the candidate works.
HEDGE_VERBS = frozenset({"know", "think", "remember", "recall", "mind", "really", "see", "care"})
# The shape of a usable lesson: a condition and a behaviour.
LESSON_SHAPE = (
    "before i", "before we", "before starting", "before committing", "instead of", "rather than",
    "whenever", "when i", "if i", "every time", "as soon as", "early", "up front", "upfront",
    "first", "always", "never", "the moment", "at the start", "ahead of", "in writing", "out loud",
    "ask", "check", "test", "write down", "estimate", "flag", "raise", "say no", "push back",
    "verify", "confirm", "measure", "split", "buffer", "escalate", "involve", "review",
    "habit", "checklist", "rule", "process", "template", "routine", "before any", "before every",
    "every time", "each time", "up front", "in advance", "double check", "second pair of eyes",
)

# What changed afterwards, said as something done (not something that would be done).
CHANGE_CUES = (
    "since then", "ever since", "since that", "now i", "i now", "these days", "nowadays",
    "i changed", "i made it a rule", "from then on",
    "going forward", "i have been", "i make sure", "i insist", "i block", "i schedule", "i write",
    "i run", "i check", "i ask", "i keep", "i use", "on the next", "on my next",
    "the next project", "the next quarter", "the next release", "the next time", "next time",
    "i have made", "i got into the habit", "my habit", "we now", "i push", "i flag", "i raise",
    "i no longer", "i do not", "what i do now", "now if", "now when", "now whenever", "so now",
    "a rule", "from now on", "these days i", "i now always", "i started", "i began",
    "i make a point", "i have started", "these days", "my rule", "rule of thumb", "my habit",
    "now before", "now every", "now whenever", "i always check", "i always ask", "from that day",
    "from that point", "ever since then", "after that i always", "i built in", "i now build",
    "afterwards i", "i switched", "switched off", "switched to", "turned off",
    "began", "i moved to", "i now use", "i set myself",
    "i never * without", "never again", "i will never", "today i", "i have learned to",
    "i learned to", "changed my", "i adjusted", "i adapted", "i rethought", "i reworked",
    "my approach", "my process", "the way i", "i build in", "i leave", "i allow", "i plan",
    "i double check", "i review", "i confirm", "i verify", "i test", "i document",
    "i write down", "i track", "i measure", "i share", "i involve", "i ask for", "i get",
    "i send", "i book", "i set aside", "i put", "i make", "i give", "i agree", "i start",
)
# Things built or introduced: a change when said after the lesson, an action before it.
CHANGE_ACTIONS = (
    "i introduced", "i set up", "i built", "i created", "i put in place", "i put in", "i added",
    "i made a", "i rewrote", "i proposed", "i wrote a", "we started", "we introduced", "we added",
    "i set", "i turned", "i automated", "i documented",
    "set up a", "put in a", "added a", "introduced a", "built a", "created a", "started",
    "moved all", "we stopped", "i stopped", "rebuilt", "redesigned", "changed how",
)
HYPOTHETICAL = (
    "i would", "i will", "i want to", "i plan to", "i hope to", "i am going to", "i try to",
    "i am trying to", "i should", "i could", "i might", "i would like to", "i need to",
)

# Evidence that the change held: repeats avoided, numbers, time, other people's adoption.
PROOF = {
    "have not had": 1.0, "has not happened": 1.0, "no repeat": 1.0, "not happened again": 1.0,
    "never happened again": 1.0, "did not happen again": 1.0, "has not recurred": 1.0,
    "not a single": 0.8, "zero": 0.7, "every release since": 1.0, "every project since": 1.0,
    "every launch since": 1.0, "every sprint since": 1.0, "since then we": 0.6,
    "since then i have": 0.6, "dropped from": 0.9, "went from": 0.8, "down from": 0.8,
    "down to": 0.7, "up from": 0.8, "up to": 0.4, "cut": 0.4, "reduced": 0.6, "improved": 0.5,
    "percent": 0.6, "in a row": 0.9, "consecutive": 0.8, "on time": 0.6, "on schedule": 0.6,
    "ahead of schedule": 0.6, "my manager said": 0.6, "feedback": 0.3, "adopted": 0.8,
    "still use": 0.9, "still uses": 0.9, "still in use": 0.9, "is still": 0.5,
    "became the standard": 1.0, "became standard": 0.9, "became a standard": 1.0,
    "part of our": 0.5, "the whole team uses": 1.0, "other teams": 0.6, "caught": 0.6,
    "it caught": 1.0, "that caught": 1.0, "which caught": 1.0, "saved us": 0.9, "paid off": 0.7,
    "for two years": 0.8, "for a year": 0.7, "for three years": 0.8, "in two years": 0.8,
    "in the last year": 0.7, "in eighteen months": 0.8, "since": 0.2, "each time": 0.4,
    "every time since": 1.0, "has held": 0.9, "held up": 0.7, "stuck": 0.6, "the numbers": 0.5,
    "measured": 0.6, "tracked": 0.5, "no incidents": 1.0, "no missed": 1.0, "no more": 0.5,
    "hit every": 0.9, "met every": 0.9, "delivered every": 0.9, "promoted": 0.3,
    "asked me to": 0.5, "rolled it out": 0.7, "spread to": 0.8,
    "the next year": 0.7, "the next launch": 0.7, "the next": 0.5, "the following": 0.6,
    "went smoothly": 0.8, "went well": 0.6, "with no": 0.6, "no lost": 0.8,
    "without a single": 0.9, "on the first attempt": 0.8, "first attempt": 0.6,
    "the follow up": 0.6, "that approach": 0.5, "passed": 0.5, "above": 0.3, "times the": 0.5,
    "inside the": 0.5, "within the": 0.5, "finished": 0.3, "have not missed": 1.0,
    "has not missed": 1.0, "not once": 0.8,
    "since then": 0.4, "ever since": 0.4, "haven't": 0.3, "no complaints": 0.8,
    "no issues": 0.8, "no problems": 0.7, "zero incidents": 1.0, "on every": 0.5,
    "every one since": 1.0, "each one since": 1.0, "the last": 0.3, "months since": 0.6,
    "years since": 0.7, "my manager noticed": 0.6, "in my review": 0.5, "my review": 0.4,
    "not ... again": 0.9, "never ... again": 0.9, "in three years": 0.8,
    "in a year": 0.7, "in six months": 0.7,
}

# A later occasion or a stretch of time after the change: where proof that it held is told.
LATER = (
    "the next", "the following", "this year", "this time", "so far", "to date", "ever since",
    "every * since", "* later", "again", "the retake",
    "the last * months", "the last * years", "the last * quarters", "the last two",
    "the last three", "the last four", "the last five", "the past", "now", "these days",
    "since then", "from then on", "in my current", "in my next", "at my next", "my new role",
    "last spring", "last summer", "last autumn", "last winter", "last year", "last quarter",
    "last month", "this quarter",
)
# A repeat that did not come: the plainest proof, in any words.
NO_REPEAT = frozenset({
    "nobody", "none", "zero", "without", "not", "never", "no", "nothing", "once", "single",
})
# How a later occasion went, when it went well.
WENT_WELL = (
    "passed", "worked", "held", "landed", "opened", "replicated", "caught", "shipped",
    "launched", "went live", "went smoothly", "went well", "hit every", "met every", "hit the",
    "met the", "on time", "on schedule", "ahead of", "inside the", "within the", "under",
    "above", "the highest", "the best", "ran the whole", "came in", "finished", "completed",
    "signed off", "approved", "clean", "first attempt", "first time", "first try", "all of",
    "every one", "each one", "fewer", "less", "faster", "quicker", "improved", "dropped",
    "fell", "went down", "went up", "rose", "doubled", "halved", "minimal", "smooth~",
)
# Other people taking a change up. "The whole team" alone takes nothing up ("the whole team
# pulled together", "a learning experience for the whole team"): only with what it now does.
TAKEN_UP = (
    "adopted", "now use~", "still use~", "took the", "copied", "copying", "rolled it out",
    "asked me to", "asked for it", "made it standard", "became the standard", "now teach~",
    "now train~", "teaching it to", "started using", "other teams", "other sites",
    "whole team use~", "whole team now",
)

# Verbs that report an outcome even with the candidate as subject ("we hit", "I passed").
OUTCOME_VERBS = frozenset({
    "got", "hit", "won", "passed", "met", "closed", "saved", "cut", "reduced", "grew",
    "increased", "achieved", "delivered", "shipped", "launched", "finished", "completed",
    "secured", "landed", "raised", "recovered", "beat", "doubled", "halved", "exceeded", "signed",
    "sold", "retained", "reached", "succeeded", "made", "managed", "ended", "went",
    "came", "avoided", "prevented", "caught", "resolved", "restored", "brought", "turned",
    # how things came to stand, whoever did it: "we lost three of two hundred", "it stayed"
    "lost", "kept", "stayed", "opened", "dropped", "rose", "fell", "stopped",
})
# Subjects that open someone else's part of a sentence ("... and he was fine with it").
OTHER_SUBJECTS = frozenset({
    "he", "she", "they", "it", "the", "everyone", "everybody", "people", "nobody", "our",
    "their", "that", "this", "all",
})
# Units of time: "delayed by a week" measures a delay, it names no one.
DURATIONS = frozenset({
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "quarter",
})
COMMA_SUBJECTS = frozenset({"the", "my", "our", "he", "she", "they"})
# Being, having, seeing: a state, not a deed ("I was", "we had", "I've been").
STATE_VERBS = frozenset({
    "was", "were", "am", "are", "is", "had", "have", "has", "been", "be", "felt", "feel",
    "think", "thought", "knew", "know", "realised", "realized", "learned", "learnt", "saw",
    "would", "will", "could", "should", "can", "might", "do", "did", "not", "never",
})
ADVERBS = frozenset({
    "then", "also", "just", "quickly", "immediately", "finally", "eventually", "actually",
    "basically", "really", "first", "still", "even", "only", "personally",
})
# Words that, with a figure, say a quantity moved: an outcome whoever moved it.
QUANTITY_SHIFT = frozenset({
    "from", "by", "percent", "under", "over", "down", "up", "fewer", "less", "times", "half",
})

# Words that make an example specific in time and place.
SPECIFIC_ANCHORS = (
    "last year", "this year", "last quarter", "last month", "two years ago", "a year ago",
    "years ago", "months ago", "at my last", "at my previous", "in my last", "in my previous",
    "in my first", "when i was at", "when i worked at", "when i joined", "my first job",
    "one time", "once", "on a project", "on one project", "the project", "a project", "in january",
    "in february", "in march", "in april", "in may", "in june", "in july", "in august",
    "in september", "in october", "in november", "in december", "on monday", "on friday",
    "the launch", "the release", "the client", "the customer", "the deadline", "my team",
    "my manager", "a colleague", "a teammate", "a customer", "a client", "q1", "q2", "q3", "q4",
    "sprint", "quarter", "week", "weeks", "days", "hours",
)
GENERIC_HABITS = (
    "i always", "i usually", "i tend to", "generally", "in general", "typically", "normally",
    "i would say", "i am the kind of person", "i am someone who", "i am a person who",
    "in my experience", "as a rule", "most of the time", "i often", "whenever i", "people like me",
    "anyone would", "you always", "you have to", "you should",
)

# Words that stand where a particular would be: "some things broke", "a number of small
# mistakes", "all kinds of stakeholders". A specific story names the thing instead.
VAGUE_STAND_INS = (
    "some things", "something like that", "a number of", "all kinds of", "various", "stuff",
    "different things", "some issues", "some problems", "some confusion", "things like that",
    "nothing major", "at some point", "a few things", "and so on", "et cetera", "or something",
    "quite a lot of", "one of those things", "a lot of things", "in some way",
)

# Outcome words: what happened in the end.
RESULT = {
    "as a result": 1.0, "the result": 1.0, "in the end": 0.5, "ended up": 0.6, "the outcome": 1.0,
    "which meant": 0.6, "it worked": 0.8, "we shipped": 0.7, "we launched": 0.7,
    "we delivered": 0.7, "we hit": 0.7, "we recovered": 0.8, "we saved": 0.8,
    "we won": 0.8, "we closed": 0.7, "recovered": 0.6, "restored": 0.6, "fixed": 0.5,
    "resolved": 0.7, "signed": 0.5, "renewed": 0.7, "reduced": 0.6, "increased": 0.6,
    "improved": 0.6, "grew": 0.5, "saved": 0.6, "by the end": 0.7,
    "agreed": 0.4, "went live": 0.7, "on time": 0.6,
    "thanked": 0.6, "promoted": 0.5, "passed": 0.4,
    "dropped from": 0.8, "dropped to": 0.8, "dropped by": 0.8, "rose": 0.5, "doubled": 0.8,
    "halved": 0.8, "since then": 0.2,
    "went well": 0.7, "went from": 0.8, "approved": 0.5,
    "won": 0.6, "a month later": 0.5,
    "asked me to": 0.5, "within": 0.3,
    "was happy": 0.4, "were happy": 0.4, "happier": 0.4, "never reached": 0.5,
    "delivered": 0.5, "shipped": 0.5, "launched": 0.5,
    "confirmed": 0.4, "granted": 0.5, "retained": 0.6, "adopted": 0.6,
    # generic shapes of an outcome: a change from one state to another, a state that lasted
    "from ... to": 0.6, "cut ... to": 0.7, "cut ... by": 0.7, "cut ... from": 0.7,
    "went up": 0.7, "went down": 0.7, "came down": 0.7, "fell to": 0.7,
    "fell by": 0.7, "back to normal": 0.8, "in time": 0.4, "before the deadline": 0.7,
    "with no": 0.4, "without a single": 0.7, "no lost": 0.7, "no missed": 0.7,
    "years now": 0.6, "months now": 0.6, "has been": 0.3, "is now": 0.5, "are now": 0.5,
    "still use~": 0.7, "ever since": 0.2, "the next day": 0.4, "the next week": 0.4,
    "afterwards": 0.3, "it paid off": 0.8, "turned out": 0.5, "we got": 0.3, "i got": 0.3,
    # a job completed, a harm that did not come, said in the passive
    "were done": 0.6, "was done": 0.5, "got done": 0.6, "all done": 0.6, "were all": 0.3,
    "without delay~": 0.6, "without losing": 0.6, "without missing": 0.6, "handed back": 0.4,
    "was fine with": 0.5, "were fine with": 0.5,
}

# Endings that only hint at how it turned out: true of any story, they name no outcome.
VAGUE_OUTCOME = (
    "it worked", "went well", "was happy", "were happy", "happier", "turned out", "it paid off",
    "improved", "in the end", "ended up", "worked out", "went smoothly", "was fine with",
    "were fine with", "has been", "agreed", "thanked", "we got", "i got", "afterwards",
    # a time the ending came, or a feeling about it, with nothing said of what it was
    "by the end", "pleased", "satisfied", "delighted", "where we landed",
)

CLICHE = (
    "perfectionist", "i work too hard", "i care too much", "too detail oriented",
    "i am a people person", "think outside the box", "team player", "hard worker", "110 percent",
    "hundred and ten percent", "a hundred percent", "go the extra mile", "goes the extra mile",
    "multitask~", "work well under pressure", "meaningful impact", "make an impact",
    "go getter", "self starter", "results driven",
    "i never give up", "i am very passionate", "synergy", "i wear many hats",
    "at the end of the day", "i am a natural leader", "i love a challenge", "i thrive under",
    "i just want to learn", "my biggest weakness is that i care", "i am too honest",
    "work smarter not harder", "i give it my all", "i am a fast learner",
    # the stock self-descriptions every interviewer knows, in their common forms
    "people person", "outside the box", "above and beyond", "extra mile", "quick learner",
    "fast learner", "hit the ground running", "strong work ethic", "i am hard working",
    "i am hardworking", "i am very hard working", "i am a hard working", "self motivated",
    "i am detail oriented", "i am very detail oriented", "results oriented", "goal oriented",
    "i thrive in", "i thrive on", "bring to the table", "next level", "comfort zone",
    "best version of myself", "i wear a lot of hats", "i love challenges", "give 100 percent",
    "give a hundred percent", "give one hundred percent", "my door is always open",
    "i am a good communicator", "i am a great communicator", "i am a problem solver",
    "i am a natural problem solver", "i am a quick study", "i am passionate about",
    "i am very driven", "i am a perfectionist", "work hard play hard",
)

# Contempt for a past employer or colleague (self-directed words are left to APOLOGY).
BADMOUTHING = (
    "incompetent", "idiot~", "moron~", "toxic", "clueless", "lazy", "useless", "worst company",
    "worst manager", "worst boss", "terrible manager", "terrible boss", "awful manager",
    "awful boss", "bad manager", "horrible manager", "they were terrible", "hated",
    "could not stand", "stupid", "joke of a", "dysfunctional", "micromanag~",
    "no idea what they were doing", "did not know what they were doing", "a mess of a", "garbage",
    "pathetic", "nightmare to", "a nightmare", "was a disaster", "total disaster",
    "complete disaster", "they did not care", "nobody cared", "no one cared", "ridiculous",
    "impossible", "passive aggressive", "took credit", "threw me under", "thrown under", "lazi~",
    "terrible",
    "awful", "a mess", "were a mess", "was a mess", "no idea what", "did not really understand",
    "does not really understand", "do not really understand", "completely unfair", "unfair",
    "hid in", "never made decisions", "should have seen", "the management is", "had enough of",
    "does not trust", "cares only", "only cares", "clueless", "selfish", "arrogant", "rude",
    "a joke", "waste of time", "could not care less", "no clue", "they were awful",
    "unprofessional", "hopeless", "disorganised", "disorganized", "chaotic", "amateurs",
    "out of their depth", "out of his depth", "out of her depth", "did not have a clue",
    "stuck in their ways", "backstabbing", "two faced", "never listened", "did not listen",
    "does not listen", "favouritism", "favoritism", "cliquey", "soul destroying", "miserable",
    "hate it there", "can not wait to leave", "get out of there", "a circus", "a joke",
    # present-tense verdicts on people or the place: "my manager is terrible"
    "manager is terrible", "boss is terrible", "manager is awful", "boss is awful",
    "management is terrible", "management is awful", "is a joke", "are a joke", "is hopeless",
    "are hopeless", "is useless", "are useless", "is clueless", "are clueless",
    "nobody there knows", "no one there knows", "nobody knows what", "no one knows what",
    "knows what they are doing", "know what they are doing", "is a mess", "is a nightmare",
    "are idiots", "is an idiot", "is a disaster", "could not organise", "could not organize",
    "no idea how", "has no idea", "have no idea", "takes the credit", "took the credit",
    "takes credit", "pull~ * weight", "pull~ their weight", "not very good", "going nowhere",
    "waiting for their pension", "the people in charge are",
)
_MILD = frozenset((
    "chaotic", "disorganised", "disorganized", "miserable", "never listened", "did not listen",
    "does not listen", "stuck in their ways",
    "terrible", "awful", "a mess", "were a mess", "was a mess", "unfair", "completely unfair",
    "impossible", "hated", "ridiculous", "rude", "selfish", "arrogant", "a nightmare",
    "nightmare to", "could not stand", "had enough of", "should have seen", "the management is",
    "hid in", "waste of time", "lazi~", "does not trust", "was a disaster", "garbage",
    # verdicts that fit a bad day as well as a person: contempt only when aimed at someone
    "is a disaster", "is a nightmare", "is a mess", "total disaster", "complete disaster",
))
# Contempt weighed: a plain insult counts fully, a harsh adjective half (it may be about a day).
BADMOUTHING_WEIGHTS = {p: (0.5 if p in _MILD else 1.0) for p in BADMOUTHING}
# Words before a contempt word that make it self-directed ("I felt terrible", "I was useless").
SELF_WORDS = frozenset({"i", "me", "myself"})
# Someone other than the candidate a harsh word can be aimed at.
TARGETS = frozenset({
    "he", "she", "they", "him", "her", "them", "his", "their", "people", "manager", "boss",
    "company", "management", "team", "colleague", "colleagues", "lead", "director", "client",
    "customer", "place", "firm", "organisation", "organization", "everyone", "everybody",
    "nobody", "leadership", "department", "staff", "owner", "ceo", "partner", "agency",
    "group", "members", "coworker", "supervisor", "employer", "school",
})
# A person as the subject of a clause: whose failing a habitual complaint is about.
PEOPLE = frozenset({
    "he", "she", "they", "his", "her", "their", "people", "manager", "boss", "colleague",
    "colleagues", "lead", "director", "management", "leadership", "everyone", "anyone",
})
# Habit words: a failing made a trait, not a slip ("constantly", "anything she touched").
HABITUAL = frozenset({"constantly", "always", "never", "forever", "continually", "routinely"})
HABITUAL_PHRASES = (
    "anything * touched", "anything she", "anything he", "that kind of thing", "every time he",
    "every time she", "every time they", "all the time", "as usual", "typical of",
)
# What a person can be faulted for when it is made a habit ("she never replied").
PERSON_FAULTS = (
    "late", "missed", "forgot", "ignored", "half finished", "understood", "understand",
    "listen~", "bother~", "cared", "helped", "replied", "answered", "delivered", "finished",
    "even sent", "even read", "pick~ up the pieces", "did nothing", "any work", "deadlines",
    "on time", "decisions", "followed up", "followed through", "showed up", "turned up",
)
# Irony and faint praise that carry contempt politely.
CONTEMPT_IRONY = (
    "to put it kindly", "to put it mildly", "to put it politely", "to be kind", "let us just say",
    "a relaxed relationship with",
    "not the sharpest", "not exactly the", "not the brightest",
)
# Criticism turned back on the person who gave it, or a verdict on their worth.
TURNED_BACK = (
    "said more about her", "said more about him", "says more about her", "says more about him",
    "said more about them", "says more about them", "more about her than", "more about him than",
)
PUT_DOWN = (
    "the laziest", "not up to it", "were not up to",
    "was not up to", "weak link", "dead weight", "carry passengers", "passengers",
    "without the effort", "no work ethic", "the work ethic", "very sensitive", "too sensitive",
)
FEELING_WORDS = frozenset({"feel", "felt", "feeling", "look", "looked", "sound", "sounded"})

# Wandering talk: discourse padding that carries no fact.
RAMBLE = (
    "kind of", "sort of", "a lot of", "a lot", "stuff", "things like that", "and stuff",
    "you know", "i mean", "so yeah", "and yeah", "basically", "anyway", "going on",
    "there was also", "as well as", "and then", "at the time", "which was", "and there was",
    "all of that", "and so on", "et cetera", "for a while", "different things",
    "lots of", "a bunch of", "or something", "whatever", "i guess",
    # digressions and circling back
    "long story short", "where was i", "but anyway", "as i said", "like i said",
    "another story", "i digress", "by the way", "if that makes sense", "does that make sense",
    "and all that", "and everything", "so on and so forth", "hard to explain",
)
# Openings that circle the question before answering it.
PREAMBLE = (
    "that is a great question", "great question", "good question", "let me think",
    "means different things", "is such an important", "is one of those things",
    "so the context here", "to give you some background", "going back to", "i think * is about",
    "i think * is one of", "i think * means", "i think * is really",
    "where do i start", "it is a tough one", "that is a tough one", "i would say that",
    "first of all", "before i answer", "a bit complicated", "for me it is about",
    "interesting question", "funny you ask", "funny you should ask", "tricky question",
    "difficult question", "a tough question", "is a good one", "is a tricky one",
)

# Panic and spiral words: the opposite of composure in the telling.
SPIRAL = (
    "panic~", "freaked out", "freak out", "i was a mess", "i lost it", "i lost my cool",
    "i broke down", "meltdown", "i froze", "nightmare", "disaster", "i could not sleep",
    "i was shaking", "spiral~", "i fell apart", "catastroph~",
)

# Number words of ten and more: a figure large enough to count as many people.
MANY_WORDS = frozenset((
    "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
    "hundred", "hundreds", "thousand", "thousands", "dozens", "million",
))
# Number words and their values ("a hundred and twelve percent" is read by detectors.brag).
SPOKEN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
NUMBER_WORDS = frozenset(SPOKEN_NUMBERS) | frozenset((
    "hundred", "thousand", "million", "half", "dozen", "first", "second", "third", "percent",
))
PAST_IRREGULAR = frozenset((
    "was", "were", "had", "did", "made", "took", "gave", "went", "got", "ran", "wrote", "built",
    "sent", "told", "said", "saw", "thought", "knew", "felt", "kept", "left", "lost", "found",
    "brought", "bought", "caught", "led", "met", "paid", "put", "set", "spent", "stood", "taught",
    "understood", "began", "broke", "chose", "drove", "fell", "forgot", "hid", "meant", "read",
    "sat", "shut", "sold", "spoke",
))
# Irregular participles and the past form they are matched as: "what I've taken from it" is
# "what I took from it" told in the perfect. Only forms that are never also a present tense
# ("come", "run" are left out), so "I come to" is not read as "I came to".
PARTICIPLES = {
    "taken": "took", "given": "gave", "gone": "went", "written": "wrote", "seen": "saw",
    "known": "knew", "begun": "began", "broken": "broke", "chosen": "chose", "driven": "drove",
    "fallen": "fell", "forgotten": "forgot", "hidden": "hid", "spoken": "spoke", "done": "did",
    "shown": "showed", "grown": "grew", "drawn": "drew", "thrown": "threw", "gotten": "got",
    "proven": "proved", "mistaken": "mistook", "undertaken": "undertook",
}

# Forms read as past (irregular, or ending in "-ed") that are a present tense too: after "I'd"
# they may be "would" ("I'd put a buffer in", "I'd succeed"), so "'d" before them stays "would".
PAST_AND_PRESENT = frozenset({
    "put", "set", "read", "shut", "cut", "hit", "let", "spread", "shred", "proceed", "succeed",
    "exceed", "speed", "bleed", "breed", "embed",
})  # fmt: skip
# Verb forms that tell the same act in other words, matched as one form of their class's head:
# "I rang her" is "I called her", "I began checking" is "I started checking". A cue written with
# one word reads its plain synonyms, as the stemmer already reads "calls" and "calling". Only
# forms that are verbs in speech ("phone", "ring" are nouns too often: "on the phone").
SYNONYMS = {
    "rang": "called", "rung": "called", "phoned": "called", "phoning": "calling",
    "began": "started", "begin": "start", "begins": "starts",
    "assisted": "helped", "assisting": "helping",
    "purchased": "bought", "repaired": "fixed", "attempted": "tried",
    "informed": "told", "requested": "asked",
}
# Frames that say one thing in other words, each a class of phrases any of which a cue may be
# written with: "I'm looking for a company where" is "I want a company where", and what someone
# "gave us" is what "we got" (the receiver told as object, not subject). A cue holding one member
# is matched with each other member in its place (text.variants).
FRAMES = (
    ("want", "would like", "would love", "am looking for", "am hoping for"),
    ("we got", "we received", "gave us"),
    ("i got", "i received", "gave me"),
)

# Naming the cause in yourself: the root of a lesson, even before it is put as a rule.
ROOT_CAUSE = (
    "i had assumed", "i assumed", "i had treated", "i treated", "i had not", "i should have",
    "the real problem was that i", "the root cause was", "the cause was", "because i had",
    "because i did not", "because i was", "i did not check", "i did not ask", "i had designed",
    "i had reused", "i had skipped", "i relied on", "i trusted", "i underestimated", "i ignored",
    "i let the", "i avoided", "instead of", "i was too confident", "i was overconfident",
    "what i missed was", "my mistake was", "where i went wrong", "i got wrong",
)

# Management vocabulary that can stand in for a story: each use makes an answer less specific.
BUZZWORDS = (
    "growth mindset", "continuous improvement", "learning opportunity", "stakeholder alignment",
    "alignment", "radical candour", "radical candor", "blameless", "synergy", "leverage~",
    "data driven", "fast paced", "dynamic", "passion for", "best practice~", "move the needle",
    "deep dive", "thought leader~", "paradigm", "holistic", "cross functional", "at scale",
    "drive growth", "driving growth", "deliver value", "delivering value", "strategic",
    "accountability", "ownership mindset", "resilience", "adaptability", "agile mindset",
    "empower~", "north star", "value add", "key learnings", "learnings",
)

# Who else a failure can be pinned on, and the words that leave the candidate out of it.
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
OTHERS = (
    "they", "he", "she", "the client", "the customer", "the team", "management",
    "engineering", "design", "sales", "marketing", "the vendor", "the agency", "the supplier",
    "my manager", "my boss", "qa", "the developers", "the other team", "leadership", "finance",
    "legal", "operations", "it department", "their project manager", "the business",
    # the subject is often named with a qualifier ("the design agency", "our payments provider")
    "agency", "supplier", "vendor", "contractor", "provider", "partner", "client", "customer",
    "department", "developers", "engineers", "designers", "testers", "director", "sales team",
    "auditor~", "subsidiar~", "trainee", "intern", "the firm", "contractor~", "courier",
    "landlord", "regulator", "head office", "procurement", "hr", "compliance", "the board",
    "the printer", "the lab", "the factory", "the warehouse", "stakeholders", "my * partner",
    "my supervisor", "my lead", "my predecessor", "their team", "their it", "our it",
)
# Institutions and tools a lesson can be put on ("the lesson was that the company needs to
# invest", "our tooling was not fit for purpose"): the rulebook's "the tools", "the market".
INSTITUTIONS = frozenset({
    "company", "companies", "business", "businesses", "organisation", "organization",
    "management", "leadership", "industry", "market", "tooling", "tools", "systems", "platform",
    "software", "authorities", "council", "firm",
})
# Lesson cues after which the lesson itself is stated ("the lesson for me was that ...").
LESSON_STATED = (
    "the lesson", "lesson for me", "lesson i", "lesson was", "my lesson", "learned that",
    "learnt that", "i learned", "i learnt", "taught me that", "takeaway", "take away",
    "took away", "took from it", "what i took from",
)
# Words that open a subject other than the candidate: a determiner before a noun ("the fish
# delivery", "two of the line cooks", "our backup tool") or a person's pronoun. A clause opened by
# a verb ("but forgot to") has the candidate as its subject, said before.
PARTY_OPENERS = frozenset({
    "the", "their", "his", "her", "our", "a", "an", "two", "three", "one", "some", "most", "half",
    "both", "they", "he", "she", "nobody", "none",
})
# Words that open a clause before its subject ("and then the vendor ...", "in fairness they").
DISCOURSE = frozenset({
    "and", "but", "so", "then", "also", "because", "which", "while", "though", "although",
    "honestly", "basically", "frankly", "fairness", "in", "to", "be", "fair", "plus", "meanwhile",
    "on", "top", "of", "that", "well", "like", "anyway", "unfortunately",
})
# Plural agent nouns name other people as the subject: auditors, developers, contractors.
AGENT_PLURALS = ("ers", "ors", "ists", "ants", "ents", "aries")
# People by role, for "my <role>" (someone else) against "my <thing>" (the candidate's own).
ROLES = frozenset({
    "manager", "boss", "lead", "partner", "director", "supervisor", "colleague", "team",
    "predecessor", "client", "customer", "trainee", "assistant", "deputy", "head", "cofounder",
    "co", "senior", "supervising", "line", "vp", "cto", "ceo", "cfo", "engineer", "designer",
})
# What the candidate objected with, left unheeded: "IT moved us against my advice".
OBJECTIONS = frozenset({"advice", "objection", "objections", "recommendation", "warning", "wishes"})
# The cause of a failure named: what follows says whose it was.
CAUSE_FRAMES = (
    "the reason was", "the reason * was", "the cause was", "the real cause was",
    "the problem was", "the real problem was", "the issue was", "the real issue was",
    "the reason basically was", "mainly because of", "mostly because of", "largely because of",
    "a lot of that came from", "most of that came from", "came from around me",
)
# ... unless what follows owns it: "the problem was my estimate", "the reason was that I".
OWN_CAUSE = ("was me", "was my", "was that i", "was mine", "on me")
SHORTFALL = (
    "late", "optimistic", "slow", "never", "did not", "kept changing", "changed their",
    "difficult", "no slack", "unclear", "missed", "forgot", "ignored", "refused", "failed to",
    "was not ready", "were not ready", "did not deliver", "let us down", "dropped",
    "after they promised", "than they promised", "halfway through", "without warning",
    "at the last minute", "changed", "half finished", "did not follow", "never followed",
    # a duty not done, a delay imposed, advice overruled
    "should have", "was supposed to", "were supposed to", "against my advice", "sat on",
    "wrong", "had not been", "needed another", "swapped", "too long", "weeks before",
    "never got back", "without telling", "overruled", "held up", "took weeks", "took months",
)
# Good news that, in a "failure" story with no real cost, gives the humble-brag away.
GOOD_NEWS = {
    "under budget": 1.0, "ahead of schedule": 0.8, "extended the contract": 1.0,
    "extended our contract": 1.0, "renewed": 0.6, "best result": 1.0, "the best": 0.5,
    "success": 0.8, "successful": 0.7, "exceeded": 0.8, "praised": 0.8, "promoted": 0.7,
    "award": 0.8, "record": 0.5, "loved it": 0.8, "delighted": 0.7, "impressed": 0.7, "won": 0.5,
    "still the best": 1.0, "still hit": 0.8, "still delivered": 0.8, "went really well": 0.8,
    # a happy ending said in other words
    "perfectly": 0.7, "smoothest": 0.8, "flawless~": 0.8, "without a hitch": 0.9,
    "went smoothly": 0.6, "for the best": 0.8, "much happier": 0.5, "got promoted": 0.8,
    "the best * she had": 0.8, "the best * he had": 0.8, "the best * they had": 0.8,
    "everyone was happy": 0.6, "thanked me": 0.5, "a huge hit": 0.9, "paid off": 0.5,
}
# Words around a job title that say nothing about what the job is for.
ROLE_GENERIC = frozenset((
    "senior", "junior", "lead", "manager", "engineer", "specialist", "technician", "assistant",
    "analyst", "officer", "intern", "graduate", "associate", "consultant", "director", "head",
    "member", "person", "worker", "staff", "first", "new", "small", "large", "local", "regional",
    "national", "global", "young", "trainee", "apprentice", "student",
))

# The shapes of a trust-ending failure, whatever the job (detectors.shapes.grave_shapes): a
# person in someone's care harmed, a record made false or a truth kept back, an error that ran
# for months, many people hurt at once, a formal reckoning.
CARED_FOR = frozenset({
    "patient", "patients", "resident", "residents", "child", "children", "pupil", "pupils",
    "passenger", "passengers", "baby", "infant", "elderly", "someone", "person", "visitor",
})
# Harm to a body; words also said of things ("the desk collapsed", "burnout") are left out.
BODILY_HARM = (
    "hurt", "injur~", "dose", "overdose~", "unconscious", "choked", "unwell", "seizure",
    "ambulance", "rapid response", "resuscitat~", "intensive care", "poison~", "died",
)
# The setting of care work rather than a harm done: a ward, an allergy, a blood test are named
# in ordinary stories of care work too, so beside a person in care they are a loose sign only.
CARE_SETTING = ("hospital", "allerg~", "blood")
# A record made false, a truth kept back: an ethical lapse told in any trade's words.
FALSIFIED = {
    "falsif~": 1.0, "fabricated": 1.0, "fabricating": 1.0, "fabrication": 1.0,
    "backdat~": 1.0, "forg~ * signature": 1.0, "fudg~": 0.8,
    "massag~ the numbers": 0.8, "cooked the": 0.8, "pulled * forward": 0.6, "restat~": 0.8,
    "make the numbers work": 0.7, "made the numbers work": 0.7, "adjusted the numbers": 0.8,
    "changed the numbers": 0.8, "signed off without": 0.7, "signed it off without": 0.7,
    "kept it to myself": 0.8, "did not disclose": 0.9, "hoped nobody would": 0.8,
    "hoped no one would": 0.8, "nobody would notice": 0.8, "no one would notice": 0.8,
    "misled": 0.8, "misrepresent~": 0.9, "plagiar~": 1.0, "told them it was done": 0.8,
    "said it was done": 0.7, "lied": 1.0,
}
# A stretch of time an error ran for before anyone caught it.
LONG_RUN = (
    "for a year", "for a full year", "for a whole year", "for the whole year", "all year",
    "for months", "for * months", "over * months", "for a full quarter", "for * quarters",
    "for a whole quarter", "for years", "for * years", "every month for", "every week for",
    "since january", "the entire year", "the whole year", "the whole quarter",
)
# Errors that can run on: the work itself done wrong.
WRONG_WORK = (
    "wrong", "incorrect~", "error~", "mistake~", "miscalculat~", "overcharg~", "undercharg~",
    "overpa~", "underpa~", "should have been", "misfil~", "miscod~", "misclassif~", "mislabel~",
    "not been", "never been", "had not been", "was not being", "were not being", "missed",
)
# A formal reckoning: the kind of consequence that follows a grave failure, not a slip.
RECKONING = {
    "penalt~": 0.6, "fined": 0.7, "a fine": 0.6, "regulator": 0.6, "regulators": 0.6,
    "investigat~": 0.5, "disciplinar~": 0.8, "lawsuit": 1.0, "sued": 1.0, "tribunal": 0.9,
    # a case in court, not a food court or a tennis court
    "to court": 0.8, "in court": 0.7, "out of court": 0.7, "court case": 0.8, "court order": 0.7,
    "licence": 0.5, "license": 0.5, "struck off": 1.0, "restate~": 0.8,
    "reimburs~": 0.5, "compensat~": 0.5, "serious incident": 0.7, "written warning": 0.9,
    "final warning": 1.0, "suspended": 0.6, "dismissed": 0.7, "was fired": 0.8, "was let go": 0.8,
}
# Who can be hurt in numbers: "twenty-three clients got penalties", "hundreds of customers"
# (two customers complaining is an ordinary failure, and so are a few hundred complaints: it
# takes ten or more people who lost money or privacy).
MANY_PEOPLE = frozenset({
    "clients", "customers", "patients", "users", "people", "staff", "employees", "families",
    "accounts", "members", "residents", "students", "pupils", "passengers", "households",
})
HARMED_IN_NUMBERS = (
    "penalt~", "overcharg~", "undercharg~", "underpa~", "overpa~", "exposed", "leaked",
    "fined", "wrongly charged", "wrongly billed", "under tax~", "over tax~",
    "not paid", "were not paid", "lost their", "out of pocket",
)

# --- Failure traps: blame, lesson, proof ----------------------------------------------------
# A lesson said as a reflection on this failure's cause ("it made me think about how proper
# training matters under pressure"): thin, but a lesson the interviewer can ask for proof of.
LESSON_REFLECTIONS = (
    "made me think about", "made me think harder about", "made me rethink", "it showed me",
    "showed me that", "i came away", "i took away", "my takeaway",
)
# A resolution for next time, said in the first person: "what I'd do differently is build in
# more time for legal", "I need to write things down", "we agreed I'd build it from a three-year
# average". The rulebook counts a promised or hypothetical change as a lesson (thin, unproven).
RESOLUTIONS = (
    "what i would do differently", "next time i would", "in future i would", "i need to",
    "we agreed to", "agreed i would", "agreed we would", "agreed that i would",
    "agreed that we would",
)
# Aftermath shrugs: what happens next to the project, or a verdict that no one could have
# helped it, where a lesson should be. Any failure story could end on them.
SHRUGS = (
    "one of those things", "these things happen", "things happen", "it happens",
    "can happen to anyone", "could happen to anyone", "no matter how well you plan",
    "no matter how well", "can slip no matter", "things can slip", "you can't win them all",
    "cannot win them all", "part and parcel", "worked out in the end", "it all worked out",
    "all worked out", "it was fine in the end", "just a very complex", "just how it goes",
    "that is just how", "that's just how", "nature of the job", "nature of the business",
    "comes with the territory", "has a story like that", "happens to everyone",
)
# Blame said politely: the cause put on timing, luck, the trade, what was inherited or given,
# and the disclaimers that come just before it ("not to point fingers, but"). A disclaimer
# softens the blame that follows; it does not take it back.
BLAME_SOFT = {
    "bad timing": 0.7, "timing was bad": 0.7, "timing was against": 0.7, "just bad luck": 0.8,
    "really bad luck": 0.8, "sheer bad luck": 0.8, "pure bad luck": 0.8, "set up to fail": 1.0,
    "not much you can do": 0.7, "nothing you can do": 0.7, "not a lot you can do": 0.7,
    "nobody could have seen": 0.7, "no one could have seen": 0.7,
    "could have seen that coming": 0.5, "nobody could have predicted": 0.7,
    "no one could have predicted": 0.7,
    "i could only work with": 0.8, "the data i was given": 0.6, "what i was given": 0.5,
    "the support i needed": 0.6, "did not get the support": 0.7, "did not help matters": 0.6,
    "which did not help": 0.5, "are always slow": 0.7, "is always slow": 0.7,
    "notoriously": 0.5, "do what they do": 0.6, "the industry really": 0.6,
    "that is the industry": 0.6, "pushed us into": 0.7, "pushed me into": 0.7,
    "decided above me": 0.8, "decided above my head": 0.8, "above my pay grade": 0.7,
    "without telling anyone": 0.7, "nobody had told": 0.8, "no one had told": 0.8,
    "nobody had warned": 0.8, "no one had warned": 0.8, "had not warned me": 0.7,
    "went back on": 0.5, "oversold": 0.5, "before i joined": 0.5, "i inherited": 0.4,
    "the handover i got": 0.5, "the handover i had": 0.5, "if they'd": 0.8, "if only": 0.5,
    "not to point fingers": 0.8, "not pointing fingers": 0.8, "not to blame anyone": 0.8,
    "i am not blaming": 0.8, "i'm not blaming": 0.8, "not blaming anyone": 0.8,
    "to be fair to me": 0.8, "in fairness to me": 0.8, "in my defence": 0.8, "in my defense": 0.8,
}
# The word just before a blame phrase that makes it a comparison ("met less often than they
# should have"), or a relative clause about a thing ("a reading that wasn't mine"), not a cause.
COMPARING = frozenset({"as", "than"})
RELATIVE = frozenset({"that", "which"})
# Disclaimers said in the negative ("I don't want to throw anyone under the bus, but"): the
# denial is the form of the blame that follows the "but", so these are matched denied or not.
BLAME_DISCLAIMERS = (
    "under the bus", "point fingers", "point the finger", "pointing fingers", "blame anyone",
    "blame anybody", "make excuses", "making excuses", "pass the buck", "sound defensive",
    "sound like i am blaming", "sound like an excuse", "be an excuse",
)
# Excuses about what the candidate was up against: "there's only so much you can do".
BLAME_CONTEXT = {
    "only so much you can do": 0.7, "only so much i could do": 0.7, "only so much anyone": 0.7,
    "to give the context": 0.4, "to give some context": 0.4, "in my position": 0.3,
}
# Frames that open a clause about someone else's part (detectors.shapes.excuses): a plea for
# fairness is the polite form of blame; candour ("honestly") only when a shortfall follows.
FAIRNESS_FRAMES = ("in fairness", "to be fair", "in all fairness", "to be fair to")
CANDOUR_FRAMES = ("to be honest", "honestly", "frankly", "if i am honest", "truth be told")
# Words after a frame that are no subject of another's act: "to be fair to me", "to be fair,
# I", "which to be fair is".
NOT_A_SUBJECT = frozenset({"i", "me", "we", "us", "my", "myself", "is", "was", "it", "this"})
# "Everybody does it": the whole trade as the subject, which minimises rather than blames.
EVERYONE = frozenset({"everyone", "everybody", "anyone", "anybody"})
# Verbs of being told: "nobody had told us", "no one warned me".
INFORMED = frozenset({"told", "warned", "informed", "notified", "asked"})
# What was handed to the candidate: "the handover I got", "the data we were given".
HANDED = frozenset({"got", "given", "handed", "inherited"})
# Blame phrases that name a deed: blame when another party did it, owning when "I" did.
BLAME_DEEDS = (
    "pushed us into", "pushed me into", "without telling", "without consulting", "went back on",
    "oversold", "was slow to", "were slow to", "kept adding", "kept changing", "dropped the ball",
    "changed their mind", "moved the goalposts", "at the last minute",
)
# A proof put in the future ("will shape the next phase") has not happened yet.
FUTURE = frozenset({"will", "ll", "gonna", "shall"})

# --- non_failure: the candidate's verdict on their own "failure" (detectors.traps.brag_strength)
# A "failure" the candidate still defends, or that the story says was the right move: the turn
# that makes it a win in disguise, whatever the setback was.
VINDICATED = {
    "make the same call again": 1.0, "would make the same call": 1.0, "same decision again": 0.9,
    "would do the same again": 0.9, "do the same thing again": 0.8, "i stand by": 0.9,
    "i would still rather": 0.9, "i would rather lose": 0.8, "still think ... worth it": 0.9,
    "was worth it": 0.6, "the right trade off": 0.8, "the right call": 0.6, "best call": 0.8,
    "paid for itself": 0.8, "proud of the way i": 0.8, "proud of how i": 0.8, "no regrets": 0.8,
    "i do not regret": 0.8, "saved the company": 0.7, "the only project": 0.7,
    "the only one that did not": 0.7, "the strongest": 0.6, "the highest": 0.5, "top five": 0.5,
    "top ten": 0.5, "on paper it was a failure": 1.0, "in one sense": 0.5,
    "technically a failure": 0.9, "a failure in terms of": 0.6, "failure in terms of": 0.6,
    "aim high": 0.7, "i believe in people": 0.8, "cut corners on quality": 0.6,
    "short term hit": 0.6, "would not lower my": 0.8, "never lower my": 0.8,
    # the candidate was right and others did not listen
    "exactly as my": 0.9, "as i had predicted": 0.9, "as i predicted": 0.9, "as i had warned": 0.9,
    "as i warned": 0.9, "as my analysis": 0.8, "said it would": 0.4,
    # a setback that was really too much success, or no setback at all
    "so popular": 0.7, "too popular": 0.8, "plan for success": 0.8, "more of a * than a": 0.7,
    "take no for an answer": 0.7,
}

# The shapes of a flattering "failure" (detectors.brag): the words each shape is read from.
# What a goal is called, for "98 percent of the target".
TARGET_WORDS = frozenset({"target", "targets", "goal", "goals", "quota", "forecast", "plan"})
# The candidate ranked above everyone else, inside the story of their failure.
RANKED_FIRST = (
    "i was the top", "i was the best", "i was the highest", "i was the fastest",
    "i was the strongest", "top performer", "best performer", "better myself",
    "faster myself", "better than anyone",
)
# A failure granted in one narrow sense only; a "but" must follow (brag.scoped_failure).
SCOPED_FAILURE = (
    "failure at the time", "failure on the", "failure on paper", "failure in one sense",
    "failure by the", "failure in that sense", "failure strictly", "failure if you",
    "failure technically", "failed on paper", "failed on the numbers",
)
# Before "differently" in its clause: the candidate would not have done it another way.
DOUBT_WORDS = frozenset({"not", "never", "nothing", "struggle", "hard", "doubt", "any"})
DOING_WORDS = frozenset({"would", "d", "do", "done", "doing", "change"})
# An outcome that was the best yet: the setback's result outdid what came before it.
BEST_YET = (
    "best ... ever", "best * we have had", "best * * we have had", "biggest ... ever",
    "still talk about it", "turned into ... proudest", "failure turned into",
)
# The candidate proved right after others overruled them: the failure was theirs, not mine.
RIGHT_ALL_ALONG = (
    "i was right about", "i was right all along", "i * been right", "i had been right",
    "proved me right", "proven right", "what i had predicted", "what i predicted",
    "what i had warned", "what i warned", "as i had said", "i know i am right",
)
# A fault that is really overwork for the job's sake: worn out by doing too much of it.
OVERWORK = (
    "looking after myself", "look after myself", "taking care of myself", "burn~ out",
    "burnt out", "burned out", "burned myself out", "burnt myself out", "exhausted myself",
)

# --- Badmouthing: contempt in other writers' ways (detectors.contempt) ---------------------------
# Names for a person that are insults whatever the sentence: a type, not an act. Full weight.
INSULT_NOUNS = (
    "a dinosaur", "real dinosaur", "total dinosaur", "are dinosaurs", "were dinosaurs",
    "bean counter~", "jobsworth~", "control freak", "prima donna", "drama queen",
    "know it all", "clown~", "cowboys", "deadwood", "dead wood", "spineless", "spoilt",
    "condescending", "patronising", "patronizing", "power trip", "power hungry", "full of himself",
    "full of herself", "full of themselves", "massive ego", "huge ego", "big ego", "muppet~",
    "numpty", "halfwit~", "dimwit~", "brain dead", "deadbeat~", "weasel~",
    "just coast", "cash cow~", "waste of space",
)
# Insults that are also plain words for a thing: "the survey was useless" is a verdict on work,
# "he was useless" is contempt. They count only when someone is named nearby and the verdict is
# not said of "it".
THING_VERDICTS = frozenset({"useless", "hopeless", "pathetic", "garbage", "joke", "ridiculous"})
# A word of contempt that has an everyday sense before these words: "entitled to a refund".
OTHER_SENSE = {"entitled": frozenset({"to"})}
# Half-weight signs of contempt for a person, counted only when someone is named nearby: a
# competence or motive put-down, a person given up on, what "everyone knew" about someone.
SLIGHTS = (
    "entitled", "no real idea", "without any idea", "without a clue", "know nothing about",
    "knew nothing about", "knows nothing about",
    "beyond her ability", "beyond his ability", "beyond their ability", "promoted beyond",
    "did not understand what", "does not understand what", "do not understand what",
    "just did not like", "did not like me", "does not like me", "only ever", "more interested in",
    "only interested in", "not care whether", "not care if", "not care about", "nobody ... care~",
    "no one ... care~", "given up on", "gave up on", "given up arguing", "gave up arguing",
    "what she was like", "what he was like", "what they were like", "what she is like",
    "what he is like", "what they are like", "says it all", "said it all", "tells you everything",
    "infinite wisdom", "in their wisdom", "in his wisdom", "in her wisdom", "some genius",
    "left * mess", "left a mess", "left us a mess", "left me a mess", "inherited a mess",
    "their mess", "his mess", "her mess", "rubbish", "not the most", "never been much of",
    "not really people who", "not really the", "pulled rank", "not wired for", "can not stand",
    "just not good", "bare minimum",
)
# A person put in a type, not judged on an act: "one of those customers who", "the type who",
# "people like that". The slot after the frame, when there is one, must be a person.
TYPECASTS = (
    "the type who", "the type that", "the type of * who", "the type of * that", "the kind of * who",
    "the kind of * that", "the sort of * who", "the sort who", "one of those * who",
    "one of those * that", "people like that", "people like him", "people like her",
    "people like them", "someone like that", "someone like him", "someone like her",
    "some * are just", "some * are simply", "some * were just", "some people just",
    "some people simply", "typical management", "typical manager~", "typical of them",
    "typical of him", "typical of her",
)
# Nouns a typecast's slot may hold: a person or a group of people (beside ROLES and TARGETS).
PERSON_NOUNS = frozenset({
    "person", "people", "someone", "somebody", "guy", "guys", "worker", "workers", "man", "woman",
    "customers", "clients", "managers", "bosses", "nurse", "doctors", "developers", "engineers",
    "colleagues", "directors", "owners", "staff", "leaders", "salespeople", "teachers", "parents",
    "users", "buyers",
})
# Candour markers that announce an unvarnished verdict: a half-weight slight aimed at someone
# in the same clause counts in full after one.
CANDOUR = (
    "honestly", "frankly", "to be honest", "if i am honest", "to be frank", "let us be honest",
    "lets be honest",
)
INTENSIFIERS = frozenset({"completely", "totally", "utterly", "absolutely", "hopelessly"})
# The frame of a typecast, around the slot that names the type.
TYPECAST_FRAME = frozenset({
    "the", "type", "kind", "sort", "of", "one", "those", "some", "are", "were", "just", "simply",
    "who", "that", "like", "typical",
})
# A verdict said of "it" is about a thing; these words may stand between the subject and the
# verdict: "it ended up being pretty much useless".
THING_PRONOUNS = frozenset({"it", "that", "this", "which", "these", "those"})
VERDICT_LINKS = frozenset({
    "was", "is", "were", "are", "been", "being", "be", "ended", "up", "turned", "out", "pretty",
    "much", "really", "totally", "completely", "utterly", "absolutely", "just", "so", "quite",
    "frankly", "honestly", "basically", "a", "bit", "fairly", "largely", "mostly", "all", "an",
    "the", "most", "such", "real", "total", "complete", "to", "honest",
})
# What follows "let's say" in a hypothetical ("let's say a customer calls"), not an irony.
SUPPOSING = frozenset({"a", "an", "the", "you", "we", "i", "that", "if", "it", "your"})
# Irony that brackets a verdict: "the leadership's, let's say, limited vision".
BRACKET_IRONY = ("lets say", "let us say", "lets just say", "shall we say", "shall i say")
# Tails that make a denied ability a hyperbole (detectors.contempt.mocked): "wouldn't know a
# good process if it hit them", "couldn't organise a rota to save her life", "never worked a
# shift in his life".
MOCKING_TAILS = (
    "if it hit", "if it was", "if it were", "if you drew", "if they walked", "if he walked",
    "if she walked", "if it bit", "to save his life", "to save her life", "to save their life",
    "to save their lives", "in his life", "in her life", "in their lives", "in their life",
)
# Words beside a denial that make it one of ability: "could not", "would not know", "never
# actually".
ABILITY_DENIED = frozenset({"could", "would", "can", "actually"})
# The lexicon the badmouthing detector weighs: the insults above and the names for a type.
CONTEMPT_WEIGHTS = {**BADMOUTHING_WEIGHTS, **dict.fromkeys(INSULT_NOUNS, 1.0)}

# --- Rambling: the answer says it wandered (detectors.traps.rambling) -----------------------------
# Coming back from a detour, at the start of a clause: "Anyway, I booked the hall".
RESUMING = (
    "anyway", "long story short", "to cut a long story short", "where was i", "i digress",
    "getting back to", "to get back to", "back to the story",
)
# What may stand before a resumption in its clause: "so anyway", "but anyway".
CONNECTIVES = frozenset({"so", "and", "but", "ok", "okay", "right", "well", "yeah"})
# Asides that announce or close a digression: backstory offered, or a topic waved away.
ASIDES = (
    "not go into", "i should explain", "i should say first", "some background", "some context",
    "for context", "bit of background", "bit of context", "whole other", "a story in itself",
    "another story", "another conversation", "by the by", "as everyone knows", "side note",
)
