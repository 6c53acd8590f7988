"""Is a sentence an evaluative statement, and is it a strength or a weakness?

Polarity comes from cue words (cues.yaml) with negation handled ("not consistently
effective" is a weakness) and contrast weighed ("appropriate, but then there was too much
delay": the clause after "but" counts double), then from the context a lead-in sentence or a
section heading sets ("What needs to improve?", "the key issues were in respect of:").

A cue word counts only where it judges something. It does not when it is a topic examined
("looked at the effectiveness of"), a problem being dealt with ("plans to address these
weaknesses", "to ensure that weaknesses identified by audit are addressed"), part of a name
("the Improvement Board"), or a soft cue in narrative of events or a hypothesis ("an interim
director started in October", "this would help"). A problem said to be dealt with ("delays
have been tackled", "leaders have addressed the weaknesses") is a soft strength cue, and so is
knowing what needs to improve ("leaders know where practice needs to improve"). A negator
governs each alternative of an "or" that follows it ("does not provide a rigorous assessment
..., or a comprehensive one"). A sentence that opens with a recommending verb ("Ensure that
all foster carers receive regular supervision") is a weakness to address.

Some sentences are no finding whatever their section: procedure, members' questions and the
replies they draw in minutes (cues.yaml ``procedural_sentences``), and statements of intent
that judge nothing (:func:`is_intent`: "Improved auditing will assist with this").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cskg import yamlio
from cskg.loaders import regexcache
from cskg.loaders.patterns import (
    Alternation,
    AnyOf,
    Gate,
    Gated,
    Prefilter,
    literal_parts,
    lowered,
)

__all__ = [
    "LEAN",
    "Cue",
    "CueSet",
    "Cues",
    "conceded",
    "context_polarity",
    "cues",
    "elaborates",
    "is_intent",
    "polarity",
    "score",
]

_CUES = Path(__file__).with_name("cues.yaml")


def _any(patterns: list[str]) -> re.Pattern[str]:
    return regexcache.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """One cue pattern, and whether it is a soft cue (discounted in narrative)."""

    pattern: re.Pattern[str]
    soft: bool


class CueSet:
    """Cue patterns in order of precedence, and which of them could match a sentence."""

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        # by the rarest text each cue must contain ("disadvantaged" in "(?:is|are|have) (?:been
        # )?disadvantaged"), not its opening words, which nearly every sentence has
        self._filter = Prefilter([c.pattern for c in cues], literal_parts)

    def candidates(self, low: str | None) -> list[Cue]:
        """The cues that could match the sentence whose :func:`lowered` form is ``low``."""
        return [self.cues[i] for i in self._filter.candidates(low)]


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns."""

    weakness: CueSet
    strength: CueSet
    negators: re.Pattern[str]
    procedural_sections: re.Pattern[str]
    action_sections: re.Pattern[str]
    action_leads: re.Pattern[str]
    review_actions: re.Pattern[str]
    procedural_sentences: re.Pattern[str]
    grade_descriptor: re.Pattern[str]
    context_weakness: re.Pattern[str]
    context_strength: re.Pattern[str]
    graded_strength: re.Pattern[str]
    graded_weakness: re.Pattern[str]
    evaluative_context: re.Pattern[str]
    action: Alternation
    not_action: re.Pattern[str]
    due: re.Pattern[str]
    needs: Alternation
    imperative: re.Pattern[str]
    item_imperative: re.Pattern[str]
    narrative: re.Pattern[str]
    minority: re.Pattern[str]
    topic: Gated
    remedy: Gated
    condition: re.Pattern[str]
    relative_need: re.Pattern[str]
    relative_need_judges: re.Pattern[str]
    inverted_condition: re.Pattern[str]
    problem: re.Pattern[str]
    remedied: Gated
    remedy_done: re.Pattern[str]
    knowing: Gated
    external_knower: re.Pattern[str]
    recommendation: re.Pattern[str]
    purpose: Gated
    done_action: re.Pattern[str]
    relative_negated: re.Pattern[str]
    circumstance: Alternation
    earlier_judgement: Alternation
    not_a_fault: re.Pattern[str]
    kept_low: Alternation
    consequence: dict[str, re.Pattern[str]]  # follows, benefit, harm, response
    # the same, faster where only whether they match somewhere is wanted
    procedural: AnyOf  # procedural_sentences
    not_action_any: AnyOf  # not_action
    narrative_gate: Gate  # no narrative where it says no


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue patterns of cues.yaml, compiled once."""
    d = yamlio.safe_load(_CUES.read_text(encoding="utf-8"))
    return Cues(
        weakness=_graded(d["weakness"], d["weakness_soft"]),
        strength=_graded(d["strength"], d["strength_soft"]),
        negators=regexcache.compile(d["negators"], re.IGNORECASE),
        procedural_sections=_any(d["procedural_sections"]),
        action_sections=_any(d["action_sections"]),
        action_leads=_any(d["action_leads"]),
        review_actions=_any(d["review_actions"]),
        procedural_sentences=_any(d["procedural_sentences"]),
        grade_descriptor=_any(d["grade_descriptors"]),
        context_weakness=_any(d["context_weakness"]),
        context_strength=_any(d["context_strength"]),
        graded_strength=_any(d["graded_strength"]),
        graded_weakness=_any(d["graded_weakness"]),
        evaluative_context=_any(d["evaluative_context"]),
        action=Alternation(d["action"], re.IGNORECASE),
        not_action=_any(d["not_action"]),
        due=_any(d["due"]),
        needs=Alternation([d["needs"]], re.IGNORECASE),
        consequence={k: regexcache.compile(v, re.IGNORECASE) for k, v in d["consequence"].items()},
        imperative=regexcache.compile(d["imperative"], re.IGNORECASE),
        item_imperative=regexcache.compile(d["item_imperative"], re.IGNORECASE),
        narrative=_any(d["narrative"]),
        minority=regexcache.compile(d["minority"], re.IGNORECASE),
        topic=Gated(d["topic"], re.IGNORECASE),
        remedy=Gated(d["remedy"], re.IGNORECASE),
        condition=regexcache.compile(d["condition"], re.IGNORECASE),
        inverted_condition=regexcache.compile(d["inverted_condition"], re.IGNORECASE),
        relative_need=regexcache.compile(d["relative_need"], re.IGNORECASE),
        relative_need_judges=regexcache.compile(d["relative_need_judges"], re.IGNORECASE),
        problem=regexcache.compile(d["problem"], re.IGNORECASE),
        remedied=Gated(d["remedied"], re.IGNORECASE),
        remedy_done=regexcache.compile(d["remedy_done"], re.IGNORECASE),
        knowing=Gated(d["knowing"], re.IGNORECASE),
        external_knower=regexcache.compile(d["external_knower"], re.IGNORECASE),
        recommendation=regexcache.compile(d["recommendation"], re.IGNORECASE),
        purpose=Gated(d["purpose"], re.IGNORECASE),
        done_action=regexcache.compile(d["done_action"], re.IGNORECASE),
        relative_negated=regexcache.compile(d["relative_negated"], re.IGNORECASE),
        circumstance=Alternation(d["circumstance"], re.IGNORECASE),
        earlier_judgement=Alternation(d["earlier_judgement"], re.IGNORECASE),
        not_a_fault=regexcache.compile(d["not_a_fault"], re.IGNORECASE),
        kept_low=Alternation(d["kept_low"], re.IGNORECASE),
        procedural=AnyOf(d["procedural_sentences"], re.IGNORECASE),
        not_action_any=AnyOf(d["not_action"], re.IGNORECASE),
        narrative_gate=Gate.of(d["narrative"]),
    )


def _graded(firm: list[str], soft: list[str]) -> CueSet:
    """Firm patterns first, then soft ones, each flagged."""
    return CueSet(
        tuple(
            Cue(regexcache.compile(p, re.IGNORECASE), is_soft)
            for p, is_soft in [(p, False) for p in firm] + [(p, True) for p in soft]
        )
    )


# "yet" in "not yet", "as yet", "yet to" is no contrast
_CONTRAST_AFTER = regexcache.compile(
    r"\b(?:but|however|(?<!not )(?<!as )yet(?! to\b)|although|though|despite|whilst|while)\b", re.I
)
_LEADING_CONCESSION = regexcache.compile(
    r"^\W*(?:(?:likewise|similarly|however|moreover|additionally|overall|equally),\s+)?"
    r"(?:although|though|despite|whilst|while|even though)\b",
    re.I,
)
_LATER_CONCESSION = regexcache.compile(
    r"[,;]\s+(?:and|but|so)\s+(?:although|though|whilst|while|even though)\b", re.I
)


# where a sentence turns from one claim to a contrasting one, mid-sentence: "Responses to
# referrals were appropriate, but then there was too much delay", "…, although senior leaders
# express a strong commitment to making this a reality" (not "while", often "during")
_TURN = regexcache.compile(
    r"[,;]?\s+\b(?:but|however|although|though|whilst|yet(?! to\b))\b,?\s*", re.I
)
# a concession ends with a clause, not at the commas of a list of nouns; "not only … but also"
# is no turn; "despite" concedes a noun, not a clause; a part that opens "not" has left its
# subject and verb behind ("Reports are timely but not of consistent quality")
_VERBISH = regexcache.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|can|cannot|remains?|remained"
    r"|[a-z]+(?:ed|es))\b",
    re.I,
)
_NOT_ONLY = regexcache.compile(r"\bnot (?:only|just)\b", re.I)
_NOT_BEFORE = regexcache.compile(r"(?:\bnot|cannot|\bas)\s*$", re.I)


def _turns(s: str, t: re.Match[str]) -> bool:
    """Is ``t`` a turn between clauses: not "yet" after "not"/"as" (whatever the spacing: "is
    not\n yet fully compliant"), nor "however" set in a clause ("It does not, however, have",
    "do not however always"), which turns after a semicolon or a comma it does not close
    ("… is evident, however decisions … do not always progress")."""
    word = t.group(0).strip(" ,;\n\t").lower()
    if word == "but" and _NOT_LIMITED.match(s, t.end()):
        return False  # "including, but not limited to, …": a list, no turn
    if word == "yet":
        return not _NOT_BEFORE.search(s, 0, t.start())
    if word == "however":
        g = t.group(0).strip(" \n\t")
        return g.startswith(";") or (g.startswith(",") and not g.endswith(","))
    return True


_NOT_LIMITED = regexcache.compile(r"not (?:limited to|exclusively|only|just)\b", re.I)
_SUBJECTLESS = regexcache.compile(
    r"not\s+(?!(?:all|every|enough|many|much|one|a|an|the)\b(?!,))", re.I
)


def conceded(s: str) -> tuple[int, int] | None:
    """The span of the concession a sentence opens with ("Although improvements and progress
    were seen by Ofsted in 2015, unfortunately many of these issues are again current
    concerns"), up to the comma where its main clause starts; None when it opens with none."""
    m = _LEADING_CONCESSION.match(s)
    if not m:
        return None
    commas = [c.start() for c in _MAIN_CLAUSE.finditer(s, m.end())] or [s.find(",", m.end())]
    comma = next((c for c in commas if _VERBISH.search(s, m.end(), c)), commas[0])
    return (m.end(), comma) if comma > 0 else None


def contrast(s: str) -> list[tuple[int, int]]:
    """The two clauses of a sentence that sets one claim against another, as spans of ``s``
    (each without its conjunction or edge punctuation): a leading concession and its main clause
    ("Although there has been a recent improvement in the timeliness of assessments, there is
    considerable variability in their quality"), or the clauses either side of "but",
    "however", "although", "whilst", "yet". A part of a few words, or one that has left its
    subject behind ("… but not of consistent quality"), is no clause. Empty when the sentence
    turns nowhere or more than once."""
    if _NOT_ONLY.search(s):
        return []
    m = _LEADING_CONCESSION.match(s)
    if m:
        if m.group(0).split()[-1].lower() == "despite":
            return []
        # the main clause follows the first comma that ends a concession with a verb: not the
        # commas of a list it opens with ("Whilst the Chief Executive, the Leader and the lead
        # member have all been explicit about …, they do not articulate …")
        span = conceded(s)
        if span is None or _TURN.search(s, span[1] + 1):
            return []
        parts = [span, (span[1] + 1, len(s))]
    else:
        turns = [t for t in _TURN.finditer(s) if _turns(s, t)]
        if len(turns) != 1:
            return []
        t = turns[0]
        parts = [(0, t.start()), (t.end(), len(s))]
    out = []
    for a, b in parts:
        while a < b and not s[a].isalnum():
            a += 1
        # (nor the conjunction before a turn: "Supervision is regular, and although …")
        tail = _TRAILING_CONJUNCTION.search(s, a, b)
        if tail:
            b = tail.start()
        while b > a and not (s[b - 1].isalnum() or s[b - 1] in ")’'\""):
            b -= 1
        if len(s[a:b].split()) >= 4 and not _SUBJECTLESS.match(s, a):
            out.append((a, b))
    return out


_TRAILING_CONJUNCTION = regexcache.compile(r"[\s,;]+(?:and|but|so|or)\W*$", re.I)
_MAIN_CLAUSE = regexcache.compile(
    r",\s+(?=(?:the|this|that|these|those|their|its|his|her|our|there|it|they|he|she|we|some|many|"
    r"most|much|a|an|not|all|few|no|each|every|only|leaders|managers|children|[A-Z])\b)"
)


def _weights(s: str) -> list[float]:
    """Per-character weight: the main clause of a contrast counts double, what a leading
    concession concedes a quarter, and a concession after its main clause half."""
    w = [1.0] * len(s)
    m = _LEADING_CONCESSION.match(s)
    if m:
        # the main clause starts after the comma that a subject follows ("While most assessments
        # are timely, detailed and routinely updated, the quality of analysis ...")
        main = _MAIN_CLAUSE.search(s, m.end())
        comma = main.start() if main else s.find(",", m.end())
        if comma > 0:
            # what is conceded weighs little beside what the main clause asserts: "While there
            # are some good examples of purposeful, creative, direct work ..., this is not
            # always recorded" (three praise words conceded, one fault asserted)
            for i in range(comma):
                w[i] = 0.25
            for i in range(comma, len(s)):
                w[i] = 2.0
            return w
    # ... and one that opens a later clause: "Supervision is regular, and although social
    # workers report that it is helpful, this is not always well evidenced in recording"
    m = _LATER_CONCESSION.search(s)
    if m:
        main = _MAIN_CLAUSE.search(s, m.end())
        if main:
            for i in range(m.start(), main.start()):
                w[i] = 0.25
            for i in range(main.start(), len(s)):
                w[i] = 2.0
            return w
    last = None
    for m in _CONTRAST_AFTER.finditer(s):
        if m.group(0).lower() in ("but", "however", "yet"):
            last = m
    if last is not None:
        for i in range(last.end(), len(s)):
            w[i] = 2.0
        return w
    # ... and one that follows its main clause: "Assessments are thorough, although they are not
    # always timely" leans to the thoroughness; a concession set between commas weighs little up
    # to its closing comma only ("The quality of practice, although improving, remains
    # inconsistent")
    m = _TRAILING_CONCESSION.search(s)
    if m:
        comma = s.find(",", m.end())
        for i in range(m.start(), comma if comma > 0 else len(s)):
            w[i] = 0.5
    return w


_TRAILING_CONCESSION = regexcache.compile(
    r"(?<!\band),\s+(?:although|though|albeit|even though)\b", re.I
)


_NOT = regexcache.compile(r"\bnot\b|\bcannot\b", re.I)  # short forms are spelt out first (_spelt)
_CAPITAL = regexcache.compile(r"[A-Z][\w'’-]*")


def _in_name(s: str, a: int, b: int) -> bool:
    """Is the cue at s[a:b] part of a name ("Improvement Board", "Labour and Co-operative")?"""
    if not s[a].isupper() or s.isupper():
        return False
    after = _CAPITAL.match(s, b + 1) if s[b : b + 1] == " " else None
    if after and after.group(0).lower() not in ("i",):
        return True
    before = re.search(r"([A-Z][\w'’-]*)(?: (?:and|of|&))? $", s[:a])
    return bool(
        before and before.start() > 0 and not re.search(r"[.:;!?]\s*$", s[: before.start()])
    )


_OBJECT_END = regexcache.compile(
    r"[,;:()]|\b(?:of|in|to|for|by|with|from|which|that|and then|but|however|although|while|whilst"
    r"|because|so|is|are|was|were|has|have|had|will|would|can|could|may|might"
    r"|needs?|needed|remains?|remained|requires?|required|lacks|lacked"
    # "scrutinise assessments rigorously": how it is looked at ends what is looked at
    r"|rigorously|robustly|thoroughly|carefully|closely|effectively|regularly|consistently"
    r"|systematically|promptly|swiftly|well)\b"
)
# "reduce the number of inappropriate referrals": a measure of the object, not its end
_MEASURE_OF = regexcache.compile(
    r"\s*(?:(?:the|a|its|their)\s+)?(?:number|numbers|level|levels|rate|rates|risks?|incidence"
    r"|amount|use|likelihood|impact|proportion|frequency|extent|length)\s+",
    re.I,
)


_PHRASE_END = regexcache.compile(r"[,;:()]")
# an appositive that names the object as a known problem ("to tackle FGM, an identified gap in
# services"): part of the object
_APPOSITIVE = regexcache.compile(
    r",\s+(?:an?|the|one)\s+(?:(?:previously|already|recently|widely|well)[- ])?"
    r"(?:identified|known|recognised|recognized|acknowledged|long-?standing|persistent|historic"
    r"|historical|common|national)\b"
)


_THE_NEED = regexcache.compile(r"the need\b", re.I)


def _objects(verb: Gated, s: str) -> list[tuple[int, int]]:
    """Spans of the noun phrases after ``verb`` ("consider [strengths and improvements] in"),
    with an appositive that names them ("to tackle FGM, [an identified gap] in services")."""
    out = []
    for m in verb.finditer(s):
        stop = _OBJECT_END.search(s, m.end(), m.end() + 50)
        if stop and stop.start() == m.end() and _THE_NEED.match(s, max(0, m.end() - 4)):
            # "reduce the need for social care": the need is the object, not its end
            stop = _OBJECT_END.search(s, stop.end(), stop.end() + 50)
        measure = stop and _MEASURE_OF.fullmatch(s, m.end(), stop.start())
        if measure and stop.group(0).lower() == "of":
            stop = _OBJECT_END.search(s, stop.end(), stop.end() + 50)
        end = stop.start() if stop else min(len(s), m.end() + 50)
        app = _APPOSITIVE.match(s, end)
        if app:
            nxt = _PHRASE_END.search(s, app.end())
            end = nxt.start() if nxt else len(s)
        out.append((m.end(), end))
    return out


_CLAUSE_END = regexcache.compile(r";|\b(?:but|however)\b", re.I)


def _narrative_spans(s: str) -> list[tuple[int, int]]:
    """The clauses of ``s`` that narrate events or suppose ("..., but has now improved": no)."""
    c = cues()
    if not c.narrative_gate.may_match(lowered(s)):
        return []
    bounds = [0, *(m.start() for m in _CLAUSE_END.finditer(s)), len(s)]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if c.narrative.search(s, a, b):
            out.append((a, b))
    return out


def _inside(x: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= x < b for a, b in spans)


# a subject that points back to the fault just named
_POINTING_SUBJECT = regexcache.compile(
    r"\W*(?:and\s+|but\s+|so\s+)?(?:this|these|they|it|which|that)\s*", re.I
)
# where the subject of a passive verb can begin: a clause boundary
_SUBJECT_START = regexcache.compile(
    r"[,;:()–—]|\b(?:but|however|although|though|whereas|while|whilst|because)\b", re.I
)


_RELATIVE_AFTER = regexcache.compile(r"\s+(?:that|which)\b", re.I)


def _remedied(s: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Problems dealt with in ``s``: spans of problem nouns that are the subject of a passive
    remedy ("weaknesses identified by audit are addressed"), and where each remedy is said
    to be done (passive, or perfect: "leaders have tackled delays")."""
    c = cues()
    problems: list[tuple[int, int]] = []
    done: list[int] = []
    for r in c.remedied.finditer(s):
        lo = max(0, r.start() - 120)
        starts = [m.end() for m in _SUBJECT_START.finditer(s, lo, r.start())]
        a = starts[-1] if starts else lo
        if c.negators.search(s, a, r.start()):
            continue  # "leaders have not ensured that weaknesses are addressed"
        found = [(p.start(), p.end()) for p in c.problem.finditer(s, a, r.start())]
        if found:
            # the problem's own relative clause is part of what was dealt with: "Data integrity
            # issues that had adversely affected the reliability of analysis have recently
            # been resolved"
            last = found[-1][1]
            if _RELATIVE_AFTER.match(s, last):
                found[-1] = (found[-1][0], r.start())
            problems += found
            done.append(r.start())
        elif _POINTING_SUBJECT.fullmatch(s, a, r.start()):
            # "…, but this has now been resolved": the fault the clause before names
            done.append(r.start())
    done += [m.start() for m in c.remedy_done.finditer(s)]
    # "a significant reduction in inappropriate referrals", "reductions in the need for
    # restraint": a problem made smaller
    for r in _REDUCTION.finditer(s):
        starts = [m.end() for m in _NEGATED_CLAUSE_END.finditer(s, 0, r.start())]
        if c.negators.search(s, starts[-1] if starts else 0, r.start()):
            continue  # "there has not been a reduction in delays", "do not analyse … reduction"
        if _AIMED.search(s, max(0, r.start() - 30), r.start()):
            continue  # "planned for effectively to lead to a reduction in risk": an aim
        # (a verb's object is near it: "has significantly reduced the use of agency staff",
        # "This has minimised disruption"; not "has reduced the capacity … to address delays")
        end = min(len(s), r.end() + (60 if r.group("noun") else 30))
        found = [(p.start(), p.end()) for p in c.problem.finditer(s, r.end(), end)]
        found += [(p.start(), p.end()) for p in _REDUCED_HARM.finditer(s, r.end(), end)]
        if found:
            problems += found
            done.append(r.start())
    return problems, sorted(done)


_REDUCTION = regexcache.compile(
    r"\b(?P<noun>reductions? (?:in|of))\b"
    r"|\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:reduced|minimi[sz]ed|decreased|cut)\b",
    re.I,
)
# an aim, not what happened: "planned for effectively to lead to a reduction in risk" (not
# "has contributed to the reduction in inadequate practice", "has led to a reduction")
_AIMED = regexcache.compile(
    r"\bto (?:lead to|achieve|ensure|secure|bring about|deliver)\s+(?:an? |the )?(?:\w+ )?$", re.I
)
# what is better less of, beside the problem nouns: "a reduction in inappropriate contacts"
_REDUCED_HARM = regexcache.compile(
    r"\b(?:inappropriate|unnecessary|inadequate|re-?referrals?|repeat|restraint|exclusions?"
    r"|missing|risks?|harm|offending|escalation|disruptions?|instability|moves)\b",
    re.I,
)


# "it is difficult for staff to ...", "made it hard to ...", "has struggled to ..." (not "young
# people who are harder to engage", "they work hard to")
_HARD_TO = regexcache.compile(
    r"\b(?:(?:it|this|that)\s+(?:[\w’']+\s+){0,3}?(?:more |very |too |so |extremely )?"
    r"(?:difficult|hard|harder|impossible) (?:for [^,;.]{1,40}? )?to|struggl\w+ to"
    # "caseloads remain too high for many social workers to do effective work"
    r"|too (?:high|many|much|few|little|low|large|great|heavy) (?:for [^,;.]{1,40}? )?to)\b[^,;.]*",
    re.I,
)

# a clause whose subject is held back: "progress in improving practice and driving better
# outcomes for children has been hampered by safeguarding pressures"
_HELD_BACK = regexcache.compile(
    r"\b(?:has|have|had|is|are|was|were)\s+(?:been\s+)?(?:\w+ly\s+)?(?:hampered|hindered|undermined"
    r"|impeded|compromised|constrained)\b"
    # ... or found wanting: "Progress in developing an effective early help service … has been
    # too slow", "Effective joint working is inconsistent"
    r"|\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:too\s+)?(?:slow|limited|insufficient|inconsistent"
    r"|variable|patchy|weak|poor|ineffective|inadequate)\b"
    r"|\b(?:is|are|was|were|remains?|remained)\s+(?:\w+ly\s+)?(?:too\s+slow|slow|inconsistent"
    r"|variable|patchy|ineffective|inadequate)\b",
    re.I,
)


def _held_back(s: str) -> list[tuple[int, int]]:
    """Spans of clauses whose subject is held back or found wanting (:data:`_HELD_BACK`: "has
    been hampered", "has been too slow"), from the clause's start to the verb; not where a
    clause within the clause says it of its own subject."""
    out = []
    for m in _HELD_BACK.finditer(s):
        starts = [c.end() for c in _THAT_CLAUSE_END.finditer(s, 0, m.start())]
        a = starts[-1] if starts else 0
        if _SUBORDINATE_SUBJECT.search(s, a, m.start()):
            continue  # "challenge parents when progress is too slow", "cases that are slow to …"
        out.append((a - 1, m.start()))
    return out


# a clause within the clause: what it says is slow or variable is its own subject's
_SUBORDINATE_SUBJECT = regexcache.compile(
    r"\b(?:when|whenever|if|that|which|who|where|whether)\b", re.I
)


# "does not provide a rigorous assessment of practice, or a comprehensive assessment of
# performance": a negator governs each alternative of an "or"/"nor" that follows it in its clause
_ALTERNATIVE = regexcache.compile(r"\b(?:or|nor)\b")
_ALTERNATIVE_END = regexcache.compile(r",|\b(?:is|are|was|were|has|have|had|will|can)\b")
_NEGATED_CLAUSE_END = regexcache.compile(r"[.;:]|\b(?:but|however|although|though|while|whilst)\b")
# "not always coordinated well enough to engage the family proactively and effectively", "not
# being used to support ... proactively": what is not done (enough) to happen does not happen
# ("reduces the ability of social workers, carers and professionals to ensure that they are
# working together purposefully": what an ability held back was for is not done either)
_ENOUGH_TO = regexcache.compile(
    r"\b(?:enough|sufficient(?:ly)?(?: \w+)?|used|(?:ability|capacity)(?: of [^.;:]{1,60}?)?) to\b"
)
# "little sense from children's files of IROs actively engaging", "no sustained evidence of
# impact from this evidently improved means of managing": what there is no sign of is denied,
# up to its clause's end
_EVIDENCE_OF = regexcache.compile(
    r"\s+(?:(?:sustained|clear|real|consistent|recorded|\w+ly)\s+)*"
    r"(?:evidence|sense|indication|signs?)\b(?:\s+(?:from|in|on|within)\s+[^,.;:]{1,50}?)?"
    r"\s+(?:of|that)\b",
    re.I,
)
# "did not always find the current pathway plan to be a useful tool": what is not found to be
# so is denied, however long the object between
_FOUND_TO_BE = regexcache.compile(
    r"\b(?:find|finds|found|consider|considers|considered|feel|feels|felt)\s+"
    r"(?:[\w’'-]+\s+){1,6}?to be\b",
    re.I,
)


# "not regularly gathered, aggregated, analysed and used to drive improvements": the negation
# reaches each participle of a list, and what follows the last
_PARTICIPLES = regexcache.compile(
    r"(?:\s+\w+ly)?(?:\s+\w+(?:ed|en)\b,)+\s+\w+(?:ed|en)\b,?\s+(?:and|or)\s+\w+(?:ed|en)\b"
)
_AT_RISK_OF = regexcache.compile(r"\brisks? of\s+$", re.I)
_OPENING_QUANTIFIERS = frozenset(
    {
        "insufficient",
        "insufficiently",
        "little",
        "limited",
        "too little",
        "too few",
        "no",
        "none of",
    }
)
_AFTER_TURN = regexcache.compile(
    r"(?:[,;]\s*|\s)(?:but|however|yet|although|though|whilst|while),?\s*$", re.I
)
_SENTENCE_OPENING = regexcache.compile(
    r"[\W_]*(?:(?:however|overall|currently|at present),?\s+)?"
    r"(?:there (?:is|are|was|were|has been|have been) (?=(?:insufficient|little|limited|too)\b))?",
    re.I,
)
# "have not ensured that the service ... remains consistently safe and effective", "nor includes
# commentaries that assist effective challenge", "inhibits the understanding of what is working
# well": a that-clause or a question that opens within a negator's reach is part of what is
# denied, up to its clause's end (not "that of": "less than half that of neighbours")
_ADVERBS = regexcache.compile(r"(?:(?:always|yet|consistently|routinely|\w+ly)\s+)*", re.I)
_NEGATED_THAT = regexcache.compile(
    r"(?<!\band )(?<!\bor )(?<!\bbut )\b(?:that|which|what|whether)\b(?! of\b)"
)
_THAT_CLAUSE_END = regexcache.compile(r",|" + _NEGATED_CLAUSE_END.pattern)  # a comma ends it too


# "The needs of children in the family who are not disabled are also fully considered": a
# negated relative clause of one word ends at the main clause's verb
_NOT_IN_RELATIVE = regexcache.compile(
    r"\b(?:who|that|which)\s+(?:are|is|were|was)\s+(not\s+[\w-]+)"
    r"(?=\s+(?:\w+ly\s+)?(?:are|is|were|was|have|has|had|do|does|did)\b)",
    re.I,
)


def _negated(s: str) -> list[tuple[int, int]]:
    """Spans a negator governs: a few words after it, and after each "or"/"nor" that follows
    within its clause."""
    c = cues()
    out = []
    relatives = [r.span(1) for r in _NOT_IN_RELATIVE.finditer(s)] if " not " in s else []
    conceding = conceded(s)
    for m in c.negators.finditer(s):
        within = next((b for a, b in relatives if a == m.start()), None)
        if within is not None:
            out.append((m.start(), within))
            continue
        if _AT_RISK_OF.search(s, max(0, m.start() - 12), m.start()) or s.startswith(
            " otherwise", m.end()
        ):
            # "those who are at risk of not securing a positive destination": a risk;
            # "opportunities that might not otherwise be open to them": what would be
            continue
        end = min(len(s), m.end() + 35)
        stop = _NEGATED_CLAUSE_END.search(s, end, end + 120)
        limit = stop.start() if stop else min(len(s), end + 120)
        word = m.group(0).lower()
        # ("Not all district council housing departments are sufficiently responsive")
        opening = word in _OPENING_QUANTIFIERS or (word == "not" and s.startswith(" all ", m.end()))
        if word == "neither" or (
            opening
            and (
                _SENTENCE_OPENING.fullmatch(s, 0, m.start())
                # ... or a clause after a turn: "…, but not all young people who leave care are
                # in suitable accommodation"
                or _AFTER_TURN.search(s, 0, m.start())
            )
        ):
            # "Neither the framework nor the plan have assisted ... sufficiently": the subjects
            # come first, so the negation reaches the end of the clause; so does a sentence
            # that opens with how little there is ("Insufficient reflection is given to the
            # formulation of meaningful plans and the development of purposeful strategies")
            out.append((m.start(), limit))
            continue
        listed = _PARTICIPLES.match(s, m.end())
        if listed:
            end = max(end, min(limit, listed.end() + 35))
        that = _NEGATED_THAT.search(s, m.end(), end)
        if that and not _THAT_CLAUSE_END.search(s, m.end(), that.start()):
            stop = _THAT_CLAUSE_END.search(s, that.end(), that.end() + 160)
            end = max(end, stop.start() if stop else min(len(s), that.end() + 160))
        found = _FOUND_TO_BE.match(s, m.end() + 1 + len(_ADVERBS.match(s, m.end() + 1)[0]))
        if found:
            end = max(end, min(limit, found.end() + 35))
        enough = _ENOUGH_TO.search(s, m.start(), end + 20)
        if enough and enough.start() < end:
            stop = _NEGATED_CLAUSE_END.search(s, enough.end(), enough.end() + 120)
            end = max(end, stop.start() if stop else min(len(s), enough.end() + 120))
        sign = _EVIDENCE_OF.match(s, m.end())
        if sign:
            stop = _NEGATED_CLAUSE_END.search(s, sign.end(), sign.end() + 160)
            end = max(end, stop.start() if stop else min(len(s), sign.end() + 160))
        for alt in _ALTERNATIVE.finditer(s, m.end(), limit):
            # the alternative ends where a verb starts its own predicate ("not in education,
            # training or employment are helped effectively": "effectively" is not negated)
            verb = _ALTERNATIVE_END.search(s, alt.end(), alt.end() + 35)
            end = max(end, verb.start() if verb else min(len(s), alt.end() + 35))
        # (what follows "but" is affirmed: "Decisions are not resource led, but made in the
        # child's best interests"; so is the main clause after a concession: "While COVID-19 has
        # significantly reduced children's ability to see a dentist, this is more recently
        # starting to improve")
        if conceding is not None and m.start() < conceding[1]:
            end = min(end, conceding[1])
        # ... and so is the clause after a condition's comma: "ensuring that where practice is
        # not of a good standard, it is urgently addressed"
        cond = _OPEN_CONDITION.search(s, max(0, m.start() - 60), m.start())
        if cond is not None:
            comma = s.find(",", m.end())
            if 0 <= comma < end:
                end = comma
        but = _BUT.search(s, m.end(), end)
        out.append((m.start(), but.start() if but else end))
    return out


_BUT = regexcache.compile(r"\bbut\b", re.I)
# a condition that opens within reach before a negator, its comma not yet come
_OPEN_CONDITION = regexcache.compile(r"\b(?:where|when|whenever|if|once|unless)\b[^,;:.]*$", re.I)


def _known_needs(s: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Needs that the subject is said to know ("leaders know where practice needs to improve",
    "managers are aware of the areas for improvement"): spans whose need words find no gap,
    and where each verb of knowing is (a soft strength cue: knowing oneself). Not when an
    inspection does the knowing ("inspectors identified areas for improvement")."""
    c = cues()
    spans: list[tuple[int, int]] = []
    at: list[int] = []
    for m in c.knowing.finditer(s):
        lo = max(0, m.start() - 80)
        starts = [x.end() for x in _SUBJECT_START.finditer(s, lo, m.start())]
        if c.external_knower.search(s, starts[-1] if starts else lo, m.start()):
            continue
        stop = _KNOWN_END.search(s, m.end())
        if (_KNOWING_NOUN.match(m.group(0)) or s.endswith("to ", 0, m.start())) and not (
            _WH_CLAUSE.match(s, m.end())
        ):
            # what a noun of knowing, or an infinitive, knows ends where the sentence's own verb
            # starts ("the Board's understanding of the key strengths and challenges ... is
            # limited", "Opportunities to grasp challenges ... are missed")
            verb = _PREDICATE.search(s, m.end(), stop.start() if stop else len(s))
            stop = verb or stop
        # (from the verb: "knows its strengths and areas for development" praises knowing,
        # not the strengths)
        spans.append((m.start(), stop.start() if stop else len(s)))
        at.append(m.start())
    return spans, at


_KNOWING_NOUN = regexcache.compile(r"(?:awareness|understanding|recognition|insight)\b", re.I)
_WH_CLAUSE = regexcache.compile(r"\s*(?:where|what|which|how)\b", re.I)
_PREDICATE = regexcache.compile(
    r"\s(?:is|are|was|were|remains?|remained|has been|have been)\s", re.I
)
_KNOWN_END = regexcache.compile(
    r"[;:()]|,\s+(?!and\b)|\b(?:but|however|although|though|whereas)\b"
    # a second predicate of the subject: "have recognised deficits and have taken steps"
    r"|\band\s+(?:has|have|had)\b",
    re.I,
)


# A question inside a sentence ("staff are clear about how they should respond", "consider how
# the service could be improved", "understand what they should do"): its modal says what is
# right or possible, not what is missing. Up to its clause's end.
_QUESTION_WORD = regexcache.compile(r"\b(?:how|what|whether|which|where|that)\b", re.I)
_AFTER_WORD = regexcache.compile(r"[a-z],? $", re.I)
_CLAUSE_REST = regexcache.compile(r"[^,;:.]*")
# "decisions that children should become looked after were made within a timescale"
_CONTENT_OF = regexcache.compile(r"\b(?:decisions?|judgements?|agreement) $", re.I)
_MODAL_VERB = regexcache.compile(r"(?:should|could|must|ought)\b", re.I)
# (and what a record says is to be done: "provide the detail of what further work is required")
_MODAL_NEED = regexcache.compile(
    _MODAL_VERB.pattern + r"|needs? to (?:happen|change|be done|be achieved)\b"
    r"|(?:further|more|additional) (?:work|action|support|help) (?:is|are) (?:needed|required)\b",
    re.I,
)


# A later clause of time or condition ("... are able to get the support they need when they are
# having difficulties"): a soft weakness word in it names the circumstance, not a fault
# (to its clause's end, or to the main clause's need: "management oversight when key decisions
# are made needs to be further improved")
_LATER_WHEN = regexcache.compile(
    r"\b(?:when|whenever|if)\b(?:(?!\bneeds? to be (?:further |more |much )?"
    r"(?:improved|strengthened|developed|addressed|better)\b)[^,;:.])*",
    re.I,
)
# ... and any fault word in one about how people are, not about what is done for them: "Care
# leavers are offered emotional support by their PAs when they are concerned about their health"
# (to the clause's end, or to the main clause's verb: "The threshold for escalating concerns
# when children have been subjected to chronic neglect is too high"; not "when they have not
# been properly supported", "when their circumstances have not improved")
_WHEN_PEOPLE = regexcache.compile(
    r"(?:when|whenever|if)\s+(?:they|he|she|children|young people|families|parents|carers"
    r"|care leavers|(?:a|the)\s+(?:child|young person|parent|family|carer)|their\s+\w+)\s+"
    r"(?:are|is|were|was|feel|felt|become|became|have|has|had)\b",
    re.I,
)
_MAIN_VERB = regexcache.compile(
    r"\b(?:is|are|was|were|do|does|did|has|have|had|leads?|remains?|and|but|however)\b", re.I
)
_NOT_DONE = regexcache.compile(r"\bnot\s+(?:been\s+)?(?:\w+ly\s+)?\w+ed\b", re.I)


def _about_people(s: str, circumstances: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of later "when" clauses (:data:`_LATER_WHEN`) that say how people are."""
    out = []
    for a, b in circumstances:
        m = _WHEN_PEOPLE.match(s, a)
        if m is None:
            continue
        main = _MAIN_VERB.search(s, m.end(), b)
        end = main.start() if main else b
        if not _NOT_DONE.search(s, m.end(), end):
            out.append((a, end))
    return out


# a need in it is the circumstance too: "and, when children need to be safeguarded, actions are
# taken promptly"
_NEED_WORD = regexcache.compile(r"needs?\b", re.I)
# what is to happen before something: "has led to the premature ending of support before
# positive change has embedded": its praise words are not found (not "letters before
# proceedings", "delays in proceedings before the court")
_BEFORE = regexcache.compile(
    r"\bbefore\b(?!\s+(?:the\s+|a\s+)?(?:courts?|proceedings|instigation)\b)"
    r"(?=[^,;:.]*?\b(?:(?:has|have|had|is|are|was|were)\s+(?:been\s+|fully\s+|yet\s+)?\w+(?:ed|en)"
    r"|can|could|(?:it|they|this|these|services|practice) (?:is|are))\b)"
    r"[^,;:.]*",
    re.I,
)


_CRITICISM = regexcache.compile(r"critic", re.I)
# ("are not adversely affected", "children do not experience unnecessary delays")
# ("are not subject to disruption", "there is no danger of", "is no longer inadequate")
_NEGATED_FAULT = regexcache.compile(
    r"\b(?:not|never)\s+(?:\w+ly\s+)?(?:(?:experience|suffer|face|subject to|at risk of)\s+"
    r"(?:any\s+)?(?:\w+\s+)?)?$|\bno\s+(?:\w+\s+)?$",
    re.I,
)
# "No children were found to be left at risk of immediate harm": none found
_NONE_FOUND = regexcache.compile(
    r"^\W*(?:no|none of the)\b[^,;.]*\b(?:found|seen|judged|considered|identified)\s+"
    r"(?:to\s+be\s+|as\s+)?$",
    re.I,
)
# "Inspectors saw no cases where children had entered care inappropriately", "did not see any
# examples of children being left at risk": a fault looked for and not found, in its clause
_NONE_SEEN = regexcache.compile(
    r"\b(?:(?:saw|seen|found|identified|see|find)\s+no|(?:did|do|does)\s+not\s+(?:see|find|"
    r"identify)\s+any)\s+(?:\w+\s+){0,2}?(?:cases?|children|examples?|instances?|evidence)\b"
    r"(?:(?!\bbut\b|\bhowever\b|\balthough\b)[^.;:,])*$",
    re.I,
)
# "There is no evidence of drift", "Inspectors found no evidence of children being harmed as a
# result of these delays": a fault looked for and not found, to its clause's end; what is not
# evidenced is a fault by a cue of its own, or by being in care without need ("no evidence of
# children entering the care system unnecessarily", "… being looked after who did not need to
# be"). "There is no evidence of management oversight" (a good thing not found) stays a fault.
_NO_EVIDENCE_OF = regexcache.compile(
    r"no\s+evidence\s+(?:(?P<of>of)|that|to\s+suggest(?:\s+that)?)\s+"
    r"(?:(?!\bbut\b|\bhowever\b|\balthough\b|\bwhile\b)[^.;:,])*",
    re.I,
)
_NEEDLESS = regexcache.compile(
    r"\b(?:inappropriately|unnecessarily)\b|\bwho (?:did|do|does) not need to"
    r" (?:be|do so)\b|\bwho should not (?:have|be)\b",
    re.I,
)
# where what is not evidenced ends: a reason, or a fault dealt with or passed on ("no evidence
# of management oversight identifying or challenging these delays", "no evidence that the
# significant concerns … were being shared", "… because recording was not up to date")
_EVIDENCED_END = regexcache.compile(
    r"\b(?:because|since|due to|identif\w*|challeng\w*|rais(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|"
    r"giv(?:e|es|en|ing)|hold(?:s|ing)?|address\w*|tackl\w*|respond\w*|escalat\w*)\b",
    re.I,
)
# the verb of a "that" clause: what is not evidenced is its predicate ("no evidence that the
# length of time taken has impacted negatively on the children"), not its subject ("… that
# the significant concerns about practice were being shared")
_CLAUSE_VERB = regexcache.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|did|does|do)\b", re.I
)


# "This has helped to keep disruption to a minimum": a fault kept small
_TO_MINIMUM = regexcache.compile(r"[^,;.]{0,30}?\bto (?:a|the) minimum\b", re.I)
# "despite these challenges", "throughout the challenges of the COVID-19 pandemic", "in the face
# of significant pressures": what is overcome, to its clause's end, is no fault found
_DESPITE = regexcache.compile(
    r"\b(?:despite|in spite of|notwithstanding|throughout|in the face of|through)\s+"
    r"(?:(?:the|these|this|those|ongoing|significant|considerable|many|some|recent|their|its|"
    r"continuing|current)\s+)*(?:[\w-]+\s+){0,3}?(?:challeng\w*|difficult\w*|pressures?|"
    r"disruption|concerns?|problems?|constraints?)\b[^,;.]*",
    re.I,
)


_DESPITE_WORDS = ("despite", "through", "spite", "notwithstanding", "in the face")
# what opens a sentence before a leading "Despite …," ("However, despite …")
_OPENING = regexcache.compile(r"\W*(?:however|but|and|yet|although|while)?\W*", re.I)


def _not_evidenced(s: str, weak_hits: list) -> list[tuple[int, int]]:
    """Spans of ``s`` from "no evidence of" to where what is not evidenced ends, where that is
    a fault (:data:`_NO_EVIDENCE_OF`)."""
    out: list[tuple[int, int]] = []
    if "evidence" not in s:
        return out
    faults = [m.start() for _, found in weak_hits for m in found]
    for e in _NO_EVIDENCE_OF.finditer(s):
        stop = _EVIDENCED_END.search(s, e.start(), e.end())
        end = stop.start() if stop else e.end()
        begin = e.start() + 12  # after "no evidence"
        if not e.group("of"):
            verb = _CLAUSE_VERB.search(s, begin, end)
            if verb is None:
                continue
            begin = verb.end()
        if any(begin <= x < end for x in faults) or _NEEDLESS.search(s, begin, end):
            out.append((e.start(), end))
    return out


def _may_overcome(s: str) -> bool:
    """A cheap test before :data:`_DESPITE`: does ``s`` hold one of its opening words?"""
    low = s.lower()
    return any(w in low for w in _DESPITE_WORDS)


# "this proposal is not being followed up pending the outcome of this review": deferred, not
# failed
_PENDING = regexcache.compile(r"(?:\s+\w+){0,2}\s+pending\b", re.I)


def _not_enough(s: str, m: re.Match[str]) -> bool:
    """Is the praise word ``m`` "… enough" in a clause a negator opens ("adopters are not
    referred to the adoption register quickly enough"), however far back the negator is?"""
    if not s.startswith(" enough", m.end()):
        return False
    clause = max(s.rfind(p, 0, m.start()) for p in ",;:")
    return bool(cues().negators.search(s, clause + 1, m.start()))


# "cases were seen where an assessment should have been completed": what was found in them
_CASES_BEFORE = regexcache.compile(
    r"\b(?:cases|situations|instances|circumstances)\b(?:\s+\w+){0,3}\s*$"
)


def _asked(s: str) -> list[tuple[int, int]]:
    """Spans of questions inside ``s``, each to its clause's end: "how they should respond",
    "what needs to happen", "whether children should become looked after", "the levels of
    need at which children should receive ...", "decisions that children should live ..."."""
    out = []
    at = 0
    while m := _QUESTION_WORD.search(s, at):
        at = m.end()
        word = m.group(0).lower()
        if not _AFTER_WORD.search(s, max(0, m.start() - 3), m.start()):
            continue  # opens the sentence or follows a break: no question inside it
        if word == "that" and not _CONTENT_OF.search(s, max(0, m.start() - 12), m.start()):
            continue
        if word == "where" and _CASES_BEFORE.search(s, max(0, m.start() - 40), m.start()):
            continue  # a later question in the same clause may still be one
        at = _CLAUSE_REST.match(s, m.end()).end()  # type: ignore[union-attr]
        out.append((m.start(), at))
    return out


# "Senior managers want to do a good job but do not have enough accurate information": a wish,
# up to its clause's end, finds nothing
_WISH = regexcache.compile(
    r"(?<!\bnot )(?<!\bwho )(?<!\bthat )(?<!\bwhich )"
    r"\b(?:wants?|wanted|wish(?:es|ed)?|aspir(?:e|es|ed|ations?)|ambitions?) to\b"
    r"[^,;:.]*?(?=\b(?:but|is|are|was|were)\b|[,;:.]|$)",
    re.I,
)
_WISH_GATE = Gate.of([_WISH.pattern])  # its words ("want", "wish", …) must occur


_AIM_END = regexcache.compile(
    r"[;:]|,\s+(?:but|although|though|however|while|whereas|and (?:the|this|these|there|it|they"
    r"|leaders|managers|staff|social workers|children))\b",
    re.I,
)


_WORK_IN = regexcache.compile(
    r"\bwork (?:still )?(?:to do|to be done|needed|required) (?:in|on)\s+$", re.I
)


def _aim_end(s: str, start: int) -> int:
    """Where an aim that opens at ``start`` ends: the next clause of its own, or the end."""
    m = _AIM_END.search(s, start)
    return m.start() if m else len(s)


_TO_DO = regexcache.compile(r"(?:actions?|steps?|things?|changes?|tasks?|work)$", re.I)
_NEEDER = regexcache.compile(
    r"\b(?:that|which) (?:the |their |his |her )?(?:parents?|carers?|families|family|children|child"
    r"|young (?:people|person)|adopters|they|he|she|you|we)\b",
    re.I,
)


def _wanted(s: str) -> list[tuple[int, int]]:
    """Spans of needs that are a person's or a provision's, not a gap found ("the support
    that young people need to make good progress", "the help they need to stay safe"), and
    of wishes ("want to do a good job")."""
    c = cues()
    wish = _WISH_GATE.may_match(lowered(s))
    out = [(m.start(), m.end()) for m in _WISH.finditer(s)] if wish else []
    for m in c.relative_need.finditer(s):
        head = m.group("head")
        # (what someone else needs to do is theirs: "the actions that parents need to take")
        theirs = (
            head is not None and _TO_DO.match(head) and _NEEDER.search(s, m.end("head"), m.end())
        )
        if head is None or theirs or not c.relative_need_judges.match(head):
            out.append((m.start("head") if head else m.start(), m.end()))
    return out


# "can’t", "won’t", "don’t": the cues are written for "not" (quotes of children and staff use
# the short forms: "they don’t get what they need")
_CONTRACTED = regexcache.compile(r"\b(?:(?P<can>can)|(?P<will>wo)|(?P<aux>\w+))n[’']t\b", re.I)


def _spelt(s: str) -> str:
    """``s`` with its short forms spelt out ("don’t" → "do not") and an aside after a negation
    dropped ("does not, however, always ensure" → "does not always ensure"), for the cues."""
    if "n’t" in s or "n't" in s:
        s = _CONTRACTED.sub(_uncontracted, s)
    if " however," in s:
        s = _ASIDE.sub(r"\1 ", s)
    if "questionnaire" in s:
        s = _NAMED_TOOL.sub("SDQ", s)  # a tool's name judges nothing
    return s


_ASIDE = regexcache.compile(
    r"\b(not|never|do|does|did|is|are|was|were|has|have|had),?\s+however,\s+", re.I
)
# the questionnaire of children's emotional health ("strengths and difficulties questionnaires
# are completed"): its name holds a word of praise and one of fault
_NAMED_TOOL = regexcache.compile(r"\bstrengths? and difficult(?:y|ies)(?= questionnaires?\b)", re.I)


def _uncontracted(m: re.Match[str]) -> str:
    if m.group("can"):
        return m.group("can") + " not"
    return ("will" if m.group("will") else m.group("aux")) + " not"


# a question put in doubt ("it is unclear whether issues have been successfully resolved", "cannot
# identify whether", "do not show whether"), up to its clause's end: not what is found
_WHETHER = regexcache.compile(
    r"\b(?:unclear|not clear|uncertain|unknown|not known|not knowing|unable to(?: \w+)?"
    r"|cannot(?: \w+){0,2}|(?:do|does|did) not(?: \w+){0,3}) whether\b[^,;:.]*",
    re.I,
)
_TIE = 0.125  # what breaks a tie between soft faults and plain praise
# a sentence about a minority of those it names ("Only a few care leavers …", "Few children …"),
# not about a small number ("A small number of children …", which may be all there are)
_FEW_HAVE = regexcache.compile(
    r"^\W*(?:(?:only\s+)?a\s+(?:very\s+)?(?:small\s+)?minority|only\s+(?:a\s+(?:very\s+)?(?:few|small"
    r"\s+(?:number|proportion))|some|one|two|three|half|a\s+third|a\s+quarter)|few|(?:less|fewer)"
    r"\s+than\s+half)\s+of\b"
    # ("In a small number of cases, assessments are written to a high standard")
    r"|^\W*in\s+(?:only\s+)?(?:a\s+(?:very\s+)?(?:small\s+(?:number|minority)|minority|few|handful)"
    r"\s+of\s+)(?:cases|records|instances|files)\b(?=(?:\s+\w+){0,3},)"
    # ("Very few children benefit from an up-to-date assessment")
    r"|^\W*(?:(?:however|but|as a result|consequently),?\s+)?"
    r"(?:(?:very|relatively|comparatively)\s+)?few\s+(?:[\w-]+\s+)?"
    r"(?:children|young\s+people|care\s+leavers|families|parents|carers)\b",
    re.I,
)
# (not praise of a few: "A small minority of good quality assessments were seen")
_FEW = regexcache.compile(r"\b(?:a (?:very )?small (?:minority|number)|a minority|only)\b", re.I)
_WHEN_WHERE = regexcache.compile(r"\W*(?:when|where)\b", re.I)


def _finditer(cue: Cue, s: str) -> list[re.Match[str]]:
    return list(cue.pattern.finditer(s))


# extraction asks for a sentence's score up to three times (finding, intent, polarity)
@lru_cache(maxsize=1 << 14)
def score(s: str) -> tuple[float, float]:
    """(weakness, strength) cue weight of sentence ``s``."""
    s = _spelt(s)
    c = cues()
    low = lowered(s)
    # the cue words first: most of what follows only weighs them, and a sentence with none
    # (one in five) is weighed only for problems dealt with, needs known and faults denied
    weak_hits = [(cue, ms) for cue in c.weakness.candidates(low) if (ms := _finditer(cue, s))]
    strong_hits = [(cue, ms) for cue in c.strength.candidates(low) if (ms := _finditer(cue, s))]
    dealt, done = _remedied(s)
    known, knowing = _known_needs(s)
    faultless = [
        (n.start(), f.end()) for n in _NOT.finditer(s) if (f := c.not_a_fault.match(s, n.end()))
    ]
    # "placement breakdown rates are low": a fault kept low, the same
    faultless += [(m.start(), m.end()) for m in c.kept_low.finditer(s)]
    if not (weak_hits or strong_hits or done or knowing or faultless):
        return 0.0, 0.0
    w = _weights(s)
    narrative = _narrative_spans(s)
    topics = _objects(c.topic, s)
    remedies = _objects(c.remedy, s)
    purposes = [(m.start(), m.end()) for m in c.purpose.finditer(s)]
    # (an aim runs on through a list: "to ensure that the workforce has sufficient capacity,
    # skills and support to deliver consistently good quality and timely practice")
    # ("ensuring" is more often an effect, "…, ensuring that children are safe"; but not after
    # the work left to do: "more work to do in ensuring that children have access to a wider
    # range of high-quality placements")
    aims = [
        (a, _aim_end(s, a))
        for a, _ in purposes
        if not s.startswith("ensuring", a) or _WORK_IN.search(s, 0, a)
    ]
    overcome = [(m.start(), m.end()) for m in _DESPITE.finditer(s)] if _may_overcome(s) else []
    cond = c.condition.match(s)
    # a condition sets a circumstance ("When children go missing, ..."; "..., should the risks
    # not reduce"): its cue words and negators do not judge
    conds = [(0, cond.end())] if cond else []
    conds += [(m.start(), m.end()) for m in c.inverted_condition.finditer(s) if m.start() > 0]
    # "the support that young people need to make good progress": no need found
    conds += _wanted(s)
    # "families with complex difficulties": what people live with is no finding
    conds += [(m.start(), m.end()) for m in c.circumstance.finditer(s)]
    # "Since the last inspection, when services were judged inadequate, ...": background, which
    # judges only a sentence that says nothing else
    earlier = [(m.start(), m.end()) for m in c.earlier_judgement.finditer(s)]
    # (only one that ends the sentence, after "when" or "where", may be all that it says: "The
    # last inspection was in 2011, when services were judged inadequate"; not "..., which judged
    # the service to be inadequate" after what was done since)
    said = [(a, b) for a, b in earlier if b >= len(s.rstrip(" .;:")) and _WHEN_WHERE.match(s, a)]
    earlier_weak = earlier_strong = 0.0
    firm_weak = firm_strong = False  # a cue counted that is not soft
    asked = _asked(s)
    circumstances = [(m.start(), m.end()) for m in _LATER_WHEN.finditer(s) if m.start() > 0]
    about_people = _about_people(s, circumstances)
    befores = [(m.start(), m.end()) for m in _BEFORE.finditer(s) if m.start() > 0]
    asked_whether = [(m.start(), m.end()) for m in _WHETHER.finditer(s)]
    weak_spans: list[tuple[int, int]] = []
    first_fault = len(s)  # where the first fault counted starts
    denied: list[tuple[int, int]] = []  # faults denied, which praise may overlap
    overcame = 0.0  # faults overcome ("despite these challenges"), of no weight beside others
    none_seen: dict[int, int] = {}  # "inspectors saw no cases where …": where, and its fault
    not_evidenced = _not_evidenced(s, weak_hits)
    weak = 0.0
    for cue, found in weak_hits:
        soft = cue.soft
        for m in found:
            if any(m.start() < b and a < m.end() for a, b in weak_spans):
                continue
            weak_spans.append((m.start(), m.end()))
            if _inside(m.start(), conds):
                continue
            if _inside(m.start(), earlier):
                earlier_weak += w[m.start()] if _inside(m.start(), said) else 0.0
                continue
            if (soft or _NEED_WORD.match(m.group(0))) and _inside(m.start(), circumstances):
                continue  # "the support they need when they are having difficulties"
            if _inside(m.start(), about_people):
                continue  # "emotional support … when they are concerned about their health"
            if (soft and _inside(m.start(), narrative)) or (
                _inside(m.start(), remedies) and not _CRITICISM.match(m.group(0))
            ):
                # (criticism is a finding reported, whatever answers it: "planned in response
                # to criticism by Ofsted of the service not providing these functions")
                continue
            if _inside(m.start(), topics):
                continue  # "to help explore gaps in provision": looked at, not found
            span = next(((a, b) for a, b in not_evidenced if a <= m.start() < b), None)
            if span is not None:
                denied.append(weak_spans[-1])
                none_seen.setdefault(span[0], span[0])
                continue
            looked = _NONE_SEEN.search(s, 0, m.start())
            if looked is not None:
                denied.append(weak_spans[-1])
                # a fault looked for and not found is praise, once for its clause
                none_seen.setdefault(looked.start(), m.start())
                continue
            if not _NOT.search(m.group(0)) and (
                _NEGATED_FAULT.search(s, max(0, m.start() - 45), m.start())
                or _NONE_FOUND.search(s, 0, m.start())
                or _TO_MINIMUM.match(s, m.end())
            ):
                denied.append(weak_spans[-1])  # (praise may say so: "no longer inadequate")
                continue  # "are not adversely affected": a fault denied
            span = next(((a, b) for a, b in overcome if a <= m.start() < b), None)
            if soft and span is not None:
                if not _OPENING.fullmatch(s, 0, span[0]):
                    # (a trailing "despite" may be all the sentence judges; see the end)
                    overcame += w[m.start()]
                continue  # "Despite these challenges, workloads are manageable"
            if _NOT.search(m.group(0)) and _PENDING.match(s, m.end()):
                continue
            if any(m.start() < b and a < m.end() for a, b in faultless):
                denied.append(weak_spans[-1])
                continue  # "PAs do not give up on them", "do not stay … too long": denied
            if _NOT.search(m.group(0)) and (
                _inside(m.start(), purposes)
                or c.relative_negated.search(s, max(0, m.start() - 60), m.start())
            ):
                # "to ensure that children do not go missing": prevented, not failed;
                # "children who do not attend school": which children, not what fails
                continue
            if _inside(m.start(), asked) and _MODAL_NEED.match(s, m.start()):
                continue  # "staff know what they should do"
            if _inside(m.start(), known):
                continue  # "leaders know where practice needs to improve"
            if _inside(m.start(), dealt):
                continue  # "to ensure that weaknesses ... are addressed"
            weak += w[m.start()]
            firm_weak = firm_weak or not soft
            if not soft and w[m.start()] >= 1:
                first_fault = min(first_fault, m.start())
    # strength words shortly after a negator are negated ("lack of effective co-production")
    neg_spans = [(a, b) for a, b in _negated(s) if not _inside(a, conds)]
    # "has made it difficult for staff to prioritise effectively": what is hard is not done
    neg_spans += [(m.start(), m.end()) for m in _HARD_TO.finditer(s)]
    # "progress in improving practice … has been hampered by …": what is held back is not done
    neg_spans += _held_back(s)
    # "Should they need to move, ...": a need inside a condition is no recommendation
    need = next(
        (
            m
            for m in c.needs.finditer(s)
            # (nor one dealt with: "The areas for improvement identified at the previous
            # inspection are largely resolved")
            if not _inside(m.start(), conds + known + circumstances + earlier + dealt)
            # (what "needs to change" still ends what is found: "not always focused sharply
            # enough on what needs to change ... to secure timely improvements")
            and not (_inside(m.start(), asked) and _MODAL_VERB.match(s, m.start()))
        ),
        None,
    )
    need_from = need.start() if need else len(s)
    need_to = len(s) + 1
    concession = _LEADING_CONCESSION.match(s)
    if need and concession:
        # a need in an opening concession wants only what that clause names: "Although there
        # are several areas where the quality of work needs to improve, … placement stability
        # is good"
        comma = s.find(",", concession.end())
        if need.start() < comma:
            need_to = comma
    strong = 0.0
    seen: list[tuple[int, int]] = []
    blocking = [x for x in weak_spans if x not in denied]
    for cue, found in strong_hits:
        soft = cue.soft
        for m in found:
            if any(m.start() < b and a < m.end() for a, b in blocking + seen):
                continue
            seen.append((m.start(), m.end()))
            if _inside(m.start(), conds):
                continue
            if _inside(m.start(), earlier):
                earlier_strong += w[m.start()] if _inside(m.start(), said) else 0.0
                continue
            if need_from < m.start() < need_to:
                continue  # "the need to ensure consistent good practice": wanted, not found
            if any(a < m.start() < b for a, b in known):
                continue  # "leaders know the strengths and weaknesses": what is known
            if _inside(m.start(), topics) or _in_name(s, m.start(), m.end()):
                continue
            # (a cue that opens with its own negator is not negated by it: "no waiting list")
            if any(a < m.start() < b for a, b in neg_spans) or _not_enough(s, m):
                weak += 0.5 * w[m.start()]
                firm_weak = True
                continue
            if any(a < m.start() < b for a, b in asked_whether):
                continue  # "it is unclear whether issues have been successfully resolved"
            if soft and _inside(m.start(), narrative):
                continue
            if _inside(m.start(), befores):
                continue
            if any(first_fault < a <= m.start() < b for a, b in aims):
                # "work remains to be done to ensure that practice is timely": what the work
                # left to do aims at is not found
                continue
            strong += w[m.start()]
            firm_strong = firm_strong or not soft
    # knowing what needs to improve is a soft strength cue (self-awareness), negated like any
    # other ("leaders do not know where practice needs to improve")
    # a problem dealt with is a soft strength cue, negated like any other
    for x in sorted(done + knowing):
        if x > need_from or _inside(x, narrative) or _inside(x, remedies):
            continue
        if any(a <= x < b for a, b in neg_spans):
            weak += 0.5 * w[x]
            continue
        strong += w[x]
    # a fault it is no fault not to do is praise ("PAs do not give up on them")
    for a, _ in faultless:
        if not _inside(a, conds):
            strong += w[a]
    for fault in none_seen.values():
        if not _inside(fault, conds):
            strong += w[fault]
    few = _FEW_HAVE.match(s) if strong > weak else None
    if few and not any(a < few.end() <= b for a, b in faultless) and not _TURN.search(s, few.end()):
        # praise of a minority is a fault of the rest: "A minority of children have their wishes
        # and feelings well understood", "Only half of care leavers have a pathway plan that …"
        # (not few who undergo something bad, "Very few children experience disruption", nor
        # praise after a turn: "Few children … have been identified as being in need of
        # protection, but when this does happen, decision-making … is prompt")
        weak, strong = strong, weak
    if not (weak or strong):
        # nothing else judges: "Recruitment to social work roles remains a priority despite the
        # challenges regionally and nationally"
        weak = overcame
    if not (weak or strong):
        weak, strong = earlier_weak, earlier_strong  # "when they were judged inadequate"
    elif weak == strong and firm_strong and not firm_weak and not _FEW.search(s):
        # a plain word of praise outweighs as much soft fault ("Effective family support services
        # ... help children ... when there is a risk of family breakdown")
        strong += _TIE
    return weak, strong


# The first auxiliary of a sentence is its main clause's, near enough: "Improved auditing will
# assist with this" (will), "Cabinet have agreed ... a unit that will link" (have).
_AUXILIARY = regexcache.compile(
    r"\b(?:am|is|are|was|were|be|been|has|have|had|do|does|did|will|shall|would|can|could"
    r"|may|might|must|should|ought)\b|['’]ll\b",
    re.I,
)
_FUTURE = ("will", "shall", "would", "'ll")
_MODAL = ("can", "could", "may", "might", "would", "will", "shall")


_CONJECTURE = regexcache.compile(r"^\W*(?:if|unless|should|the risks? (?:is|are) that)\b", re.I)


def _first_auxiliary(s: str) -> str:
    """The first auxiliary of ``s``, lower-cased, its apostrophe straight ("" if none)."""
    m = _AUXILIARY.search(s)
    return m.group(0).lower().replace("’", "'") if m else ""


def is_conjecture(s: str) -> bool:
    """Does ``s`` say what may or will happen rather than what is: its first auxiliary a
    modal ("Variable quality … can result in drift", "The Board will monitor progress"), or a
    condition or a risk opening it ("If the participation … does not improve, …", "The risk is
    that the authority cannot continue …")? A council's risk register is written so."""
    if _CONJECTURE.match(s):
        return True
    return _first_auxiliary(s) in (*_MODAL, "'ll")


def is_supposed(s: str) -> bool:
    """Does clause ``s`` suppose, foresee or direct rather than find: its first auxiliary a
    modal of what would or will be ("a more robust system … would reduce the need for such
    challenge"; not "can", what people are able to do), or an imperative opening it ("ensure
    all children have a good quality PEP")?"""
    if cues().imperative.match(s):
        return True
    m = _AUXILIARY.search(s)
    if m is not None and m.group(0) == "May":  # the month: "since May 2013"
        return False
    return _first_auxiliary(s) in (*_FUTURE, "could", "may", "might")


def is_intent(s: str) -> bool:
    """Is ``s`` a statement of intent or expectation that judges nothing?

    Its main clause is in the future or conditional ("The board will meet monthly",
    "Improved auditing will assist with this") and no cue word counts in it.
    """
    if _first_auxiliary(s) not in _FUTURE:
        return False
    weak, strong = score(s)
    return weak == 0 and strong == 0


_SUBORDINATE = regexcache.compile(
    r"^\W*(?:once|after|when|whenever|before|since|as|if|where|while|whilst)\b", re.I
)


# a change in how many children there are, all a sentence reports, is the context a service
# works in, no quality of it ("There has been a recent increase in the number of unaccompanied
# asylum-seeking children"); not what practice brings about ("… contributes to a reduction in
# the number of children entering care")
_CHANGE_IN_NUMBERS = regexcache.compile(
    r"^\W*(?:(?:between|since|in|over) [^,]{3,60}, )?there (?:has|have|had) (?:also )?been "
    r"(?:an? )?(?:[\w-]+ ){0,3}(?:increase|rise|growth|decrease|fall|drop|reduction)s? in the "
    r"numbers? of\b",
    re.I,
)

# a count stated as the sentence's subject or object ("This agency is currently providing support
# for 20 individuals", "The current cohort includes five children who have a disability", "Of
# these, 68 have left care already"): the service's context, not a quality
_COUNT = regexcache.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:children|young people|care leavers|families|carers|individuals|adopters|staff|"
    r"social workers|cases|referrals|contacts|have|are|were)\b",
    re.I,
)


def _leans(s: str) -> bool:
    """May a graded section's leaning decide ``s``, a sentence no cue word decides?

    Not when it negates ("plans do not have specific timescales"), speaks of a few
    ("A small number of children live in unregistered children's homes": the exceptions a good
    section notes), supposes or narrates ("This can impact on their well-being"), reports a
    change in how many children there are (the service's context), or reports
    something done ("Recently, the local authority has increased its fostering allowances",
    "Ofsted has conducted seven monitoring visits": events, not a quality).
    """
    c = cues()
    s = _spelt(s)
    # ("rather than" negates what follows it, but leaves the sentence's own claim standing)
    negates = any(m.group(0).lower() != "rather than" for m in c.negators.finditer(s))
    if negates or c.minority.search(s) or _narrative_spans(s) or _CHANGE_IN_NUMBERS.search(s):
        return False
    if _COUNT.search(s):
        return False
    done = c.done_action.search(s)
    aux = _AUXILIARY.search(s)
    if done and aux and done.start() == aux.start() and not _SUBORDINATE.match(s):
        return False  # its main verb (not "Once checks have been completed, ...")
    return not (aux and aux.group(0).lower() in _MODAL)


def polarity(s: str, prior: str = "", item: bool = False) -> str:
    """Strength, Weakness or Neutral for sentence ``s``; ``prior`` is the context's leaning.

    :param item: ``s`` is a list item; a list under "key issues were:" or "What needs to
        improve?" is a list of weaknesses whatever words its items use, and an item that
        opens with an imperative ("Ensure effective leadership ...") is a recommendation.
    """
    if cues().recommendation.search(s.lstrip("*'‘\" ")):
        return "Weakness"  # "Ensure that all foster carers receive regular supervision"
    if prior.endswith(LEAN):
        # a graded section's leaning decides only what no cue word decides
        weak, strong = score(s)
        if item and cues().imperative.search(s.lstrip("*'‘\" ")):
            return "Weakness"
        if weak == 0 and strong == 0:
            return prior[: -len(LEAN)] if _leans(s) else "Neutral"
        return "Weakness" if weak >= strong else "Strength"
    if item and prior:
        return prior
    if item and cues().imperative.search(s.lstrip("*'‘\" ")):
        return "Weakness"
    weak, strong = score(s)
    if prior == "Weakness":
        weak += 1.5
    elif prior == "Strength":
        strong += 1.5
    if weak == 0 and strong == 0:
        return "Neutral"
    if weak >= strong:
        return "Weakness"
    return "Strength"


def elaborates(s: str, before: str) -> str:
    """The leaning of ``s`` when it elaborates the sentence before it, whose polarity is
    ``before`` ("This includes children in need and care leavers"; cues.yaml
    ``consequence.elaboration``): "" when it is no such sentence."""
    if before in ("Strength", "Weakness") and cues().consequence["elaboration"].match(s):
        return before
    return ""


def consequence(s: str, before: str) -> str:
    """The leaning of ``s``, a sentence with no cue word, as what follows from the sentence
    before it (whose polarity is ``before``; see cues.yaml ``consequence``): "" when it is
    no such sentence."""
    c = cues().consequence
    if c["benefit"].match(s):
        return "Strength"
    if c["harm"].match(s):
        return "Weakness"
    if c["follows"].match(s) and not c["response"].match(s) and before != "Neutral":
        return before
    return ""


#: Marks a graded section's leaning ("Strength" + LEAN): it decides only sentences without cues.
LEAN = "?"


def context_polarity(s: str) -> str:
    """The leaning a heading or lead-in gives what follows it ("" when none).

    A heading that states its section's grade ("The experiences and progress of children in
    care: outstanding", "Grade 4 (Inadequate)") leans the section's statements that no cue word
    decides: ``"Strength?"`` or ``"Weakness?"`` (see :data:`LEAN`).
    """
    c = cues()
    strength, weakness = c.context_strength.search(s), c.context_weakness.search(s)
    if strength and weakness:
        return ""  # "Key strengths and weaknesses of the LSCB": both, so no leaning
    if strength:
        return "Strength"
    if weakness:
        return "Weakness"
    if c.graded_strength.search(s):
        return "Strength" + LEAN
    if c.graded_weakness.search(s):
        return "Weakness" + LEAN
    return ""
