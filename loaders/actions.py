"""Recommendations, next steps and commitments, with who must carry them out and by when.

An action is something someone is asked, required or promises to do: "the local authority
should…", "the Improvement Board must…", "we will…", "the Cabinet is asked to…", "the Council
needs to…", or a recommendation in the imperative ("Ensure that all staff receive…",
"Immediately: ensure…"). A modal verb alone does not make one. These are not actions, though
they contain "will" or "should":

- a statement that something cannot be known ("It is not possible to judge how … will …");
- a description of how things usually run ("Usually, two inspectors will be on site");
- a negated fact ("No consultation has been undertaken …", "Nor will they indicate …");
- a summary or lead-in ("There are two key strands to the support that is needed.",
  "There are a number of points that must be tackled:"): its items are the actions;
- a modal inside a subordinate clause, not the sentence's own commitment: a relative clause
  ("decisions that should be within his authority"), an indirect question ("how it will
  tackle …", "what … should be"), an opinion ("they felt that the report will assist"), a
  condition ("support continues should they still need it");
- a prediction about an effect or a state ("Helping families earlier will reduce the burden",
  "Recruitment will be an important factor"), or a purpose in the past ("was intended to");
- a modal in a comparison or with no verb of its own ("longer than they should", "the
  difference it could and should"), in a clause of time, place, reason, result or concession
  ("when they should", "which means that they will understand", "Although recent initiatives
  should result in…"), in a relative clause without "that" ("the time it will take"), or a past
  counterfactual ("plans should have progressed much sooner");
- an attitude ("senior leaders are committed to the needs of looked after children"), practice
  described ("For example, personal advisers will text a young person…"), and what "this"
  will bring ("This will further strengthen the retention of social workers").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from cskg.loaders import regexcache

from .actors import Gazetteer, PostEntry, name_at
from .assessments import find_dates
from .findings import cues
from .segment import sentences

__all__ = ["antecedent", "due_date", "is_action", "jointly", "responsible"]

# --- sentences that commit nobody to anything ------------------------------------------------

# "It is not possible to judge…", "it is unclear whether…", "we cannot yet say…"
_CANNOT_KNOW = regexcache.compile(
    r"\b(?:it|this) (?:is|was|remains) (?:not (?:yet )?possible|impossible|too early|difficult)"
    r"(?: \w+)? to (?:judge|say|tell|know|assess|determine|conclude|evaluate|measure|see)\b"
    r"|\b(?:it|this) (?:is|was|remains) (?:not (?:yet )?(?:clear|known)|unclear)\b"
    r"|\b(?:cannot|can ?not|could not|unable to) (?:yet )?(?:be )?"
    r"(?:judged?|say|said|tell|told|know|known|assess(?:ed)?|determined?)\b",
    re.IGNORECASE,
)
# a routine, not a commitment: "Usually, two inspectors will be on site…"; and what people
# are wont to do ("School leaders say that, often, the VST staff will go 'over and above'"),
# though an item may say "by generally improving management oversight"
_HABITUAL = regexcache.compile(r"\b(?:usually|normally|typically|ordinarily)\b", re.IGNORECASE)
_WONT = regexcache.compile(r"\b(?:often|sometimes|frequently|generally)\b", re.IGNORECASE)
# an illustration of practice: "For example, personal advisers will text a young person…"
_EXAMPLE = regexcache.compile(r"^\W*(?:for example|for instance|e\.g\.)", re.IGNORECASE)
# a negated fact: "No consultation has been undertaken…", "Nor will they indicate…"
_NEGATED = regexcache.compile(r"^(?:no|none|nothing|neither|nor|not)\b", re.IGNORECASE)
# a summary rather than an item: "There are two key strands…", "The second area of focus is…"
# a comment on the item before: "This concerns the exercise of police powers of protection.",
# "This was an area for improvement in the last inspection.", "This inhibits the understanding
# of what is working well", "They do not consistently have clear action plans"
_COMMENT = regexcache.compile(
    r"^\W*(?:(?:this|these|it|that)\s+(?:is|was|are|were|has|have|had|concerns?|includes?|"
    r"included|relates?|related|means|meant|inhibits|limits|hinders|hampers|undermines|affects|"
    r"impacts|leads|results|prevents|delays)"
    r"|they\s+(?:do|does|did|are|were|have|had)\s+not)\b",
    re.IGNORECASE,
)
_SUMMARY = regexcache.compile(
    r"^(?:there (?:is|are|was|were|have been|has been|a)\b"
    r"|(?:the|a|an) (?:first|second|third|fourth|fifth|next|last|final|other|main|two|three|"
    r"four)\b[^,;:]{0,80}?\b(?:is|are|was|were)\b)",
    re.IGNORECASE,
)

# --- a cue that is not the sentence's own commitment --------------------------------------------

_CLAUSE_BREAK = regexcache.compile(r"[,;:()–—]| - ")
# the modal opens a relative clause: "decisions that should be…", "plans which will deliver…",
# "plans that are intended to divert…"
_RELATIVE = regexcache.compile(
    r"\b(?:that|which|who|whom|whose)\s+(?:(?:is|are|was|were|has been|have been)\s+)?$",
    re.IGNORECASE,
)
# a relative clause with its own subject: "in which change must occur", "whose plans should…";
# not one that has its verb before the cue ("A change to the way in which services are
# commissioned is intended to address this")
_RELATIVE_OWN = regexcache.compile(
    r"\b(?:which|whom|whose)\b(?!.*\b(?:is|are|was|were|has|have|had)\b)", re.IGNORECASE
)
# a word that opens a noun phrase
_DETERMINER = r"\b(?:the|a|an|any|all|some|this|these|those|their|its|his|her|our|your|every|each)"
# a relative clause without "that": "the support they will receive", "the time it will take"
# (with "that" it may be an object and what it is told: "have notified the Council that they
# will be re-visiting")
_REDUCED = regexcache.compile(
    rf"{_DETERMINER}\s+"
    r"(?:(?!that\b|which\b|who\b)[\w’'-]+\s+){1,3}?(?:it|they|he|she|we|you)\s+$",
    re.IGNORECASE,
)
# ... and one with "that" and its own subject: "a pathway plan that details the support that
# they will receive" (not what someone was told, "have notified the Council that they will be
# re-visiting", nor what someone said: "the local authority acknowledged that it should")
_RELATIVE_SUBJECT = regexcache.compile(
    r"(?<!notified )(?<!told )(?<!informed )(?<!assured )(?<!advised )(?<!reminded )"
    r"(?<!warned )(?<!reassured )"
    rf"{_DETERMINER}\s+"
    r"(?:(?!that\b|which\b|who\b|\w+ed\b)[\w’'-]+\s+){1,3}?(?:that|which)\s+"
    r"(?:it|they|he|she|we|you)\s+$",
    re.IGNORECASE,
)
# a clause opening with a preposition or a time ("In the future they will…") is no relative
_PREPOSITIONAL = regexcache.compile(
    r"^\W*(?:in|by|at|on|over|during|after|before|within|for|from|until|through|following|"
    r"next|this|each|every|later|then)\b",
    re.IGNORECASE,
)
# a subordinate clause of time, place, reason, result, purpose or concession: "when they
# should", "where they will be cared for", "so that they can be clear about who they will live
# with", "Although recent initiatives should result in…"
_SUBORDINATE = regexcache.compile(
    r"\b(?:when|whenever|where|wherever|because|unless|although|though|whereas|while|whilst|"
    r"so that)\b",
    re.IGNORECASE,
)
# a comparison: "longer than they should", "as quickly as they should", "as detailed as it
# should be"
_COMPARISON = regexcache.compile(
    r"\b(?:than|as)\s+(?:it|they|he|she|we|you|this|these|those|one|"
    r"(?:the|a|an|their|its|his|her)\s+[\w’'-]+)\s+$",
    re.IGNORECASE,
)
# the modal has no verb of its own: "the positive difference it could and should.", "when
# they should; when they do, …"
_ELLIPSIS = regexcache.compile(
    r"(?:\s+be)?\s*(?:[.;:!?)]|$|,\s*(?:and|but|or|so|which|while|whereas|although)\b)",
    re.IGNORECASE,
)
# what is known, expected or decided, not promised: "which means that they will understand",
# "as they know that they will receive", "are confident that it will be provided", "decisions
# that children should live out of the county", "indications from the pilot are that it will"
# and a purpose: "work together to ensure that children will understand their journeys"
_THAT_CLAUSE = regexcache.compile(
    r"\b(?:means?|meaning|meant|knows?|knowing|knew|confident|reassured|assured|indications?|"
    r"presumption|expectations?|requirements?|decisions?|views?|likely|unlikely|evidence|ensure|"
    r"ensures|ensuring|aware|likelihood|chances?|possibility|hopes?|hopeful"
    # an assurance sought, not one given ("has provided an assurance that these cases will be
    # reviewed" commits)
    r"|(?:seek|seeks|seeking|sought)\s+assurances?)\b"
    r"(?:\s+[\w’'-]+){0,4}?\s+that\b",
    re.IGNORECASE,
)
# a result without "that": "meaning the LSCB will need increased funding"
_MEANING = regexcache.compile(r"\b(?:means|meaning)\s+(?!that\b|of\b)", re.IGNORECASE)
# a past counterfactual: "should have progressed much sooner", "could, and should, have been",
# "should not have been offered"
_COUNTERFACTUAL = regexcache.compile(
    r",?\s*(?:not\s+)?have\s+(?:\w+ly\s+)?(?:been|\w+ed|led|done|made|taken|given|seen|known|had|gone|"
    r"begun|met|kept|brought|sought|put|set|held|heard|told|paid|sent|become)\b",
    re.IGNORECASE,
)
# an expected effect, not a step: "This will help in the board's aspiration…", "Although
# recent initiatives should result in increased participation…", "Life-story books … will help
# children understand their histories"; unless someone who can act is the subject ("Leaders
# will help staff to…")
_EFFECT = regexcache.compile(
    r"(?:will|should)\s+(?:(?:\w+ly|further|also|certainly)\s+)*"
    r"(?:help|assist|enable|allow|benefit|mean|result in|lead to|contribute|add to|impact)\b",
    re.IGNORECASE,
)
# what "this" (the step just described) will bring: "This will further strengthen the retention
# of social workers", "This should provide an increased number of placements"
_DEMONSTRATIVE = regexcache.compile(
    r"^\W*(?:this|that|these|it)(?:\s+[\w’'-]+)?\s+$", re.IGNORECASE
)
_BENEFIT = regexcache.compile(
    r"\s*(?:(?:\w+ly|further|also|certainly)\s+)*(?:provide|strengthen|improve|increase|reduce|"
    r"enhance|give|create|promote|support|ensure|offer)\b",
    re.IGNORECASE,
)
_AGENT = regexcache.compile(
    r"\b(?:council|authority|authorities|leaders?|leadership|managers?|board|partnership|"
    r"partners?|we|ofsted|inspectors?|directors?|dcs|team|staff|workers?|panel|committee|"
    r"cabinet|government|minister|commissioner|officers?|agency|agencies|police|ccg|chair|"
    r"members?|post|advisers?|practitioners?|i|he|she|they)\b",
    re.IGNORECASE,
)
# an indirect question earlier in the same clause: "how it will tackle…", "what … should be"
_WH = regexcache.compile(r"\b(?:how|what|whether|why|whatever)\b", re.IGNORECASE)
# an indirect question after a verb of telling, across a list: "a framework which sets out how
# the learning from review processes, audits, performance information and external reviews will
# be used"
_TELLS_HOW = regexcache.compile(
    r"\b(?:(?:sets?|setting) out|(?:describ|explain|outlin|detail)(?:e|es|ed|ing|s)?)"
    r"\s+(?:how|what|when|whether)\b[^.;:]*$",
    re.IGNORECASE,
)
# what children have: "The 17 children who receive less than 15 hours of education … have clear
# plans to increase their hours" is their care plan, not anyone's commitment
_CHILDREN_SUBJECT = regexcache.compile(
    r"^\W*(?:the\s+|all\s+|most\s+|many\s+|some\s+|these\s+|\d+\s+|a\s+|(?:small|large)\s+|"
    r"number\s+of\s+|few\s+|several\s+)*(?:\w+\s+)?"
    r"(?:children|young people|care leavers|pupils|families|babies)\b(?!['’])",
    re.IGNORECASE,
)
# an opinion or a forecast, not a commitment: "they felt that…", "it is hoped that…", "school
# data predict that outcomes for 2014/15 will rise again"
_OPINION = regexcache.compile(
    r"\b(?:hoped?|hopes|felt|feels?|believed?|believes|thinks?|thought|predicts?|predicted|"
    r"forecasts?|forecasted|projects?|projected|anticipates?|anticipated|expects?|expected)"
    r"\s+that\b",
    re.IGNORECASE,
)
# a plan or promise denied: "do not consistently have clear action plans to"
_NOT_BEFORE = regexcache.compile(r"\b(?:not|never|no longer)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# a purpose in the past: "the proposal was intended to…"
_PAST = regexcache.compile(r"\b(?:was|were|had been|had)\s+$", re.IGNORECASE)
# "should they still have a need", "should children not be able to return", "should demand
# increase": a condition, by inversion
_INVERSION = regexcache.compile(
    r"should (?:they|he|she|it|we|you|there|this|these|those|the|a|an|any|their|its|children|"
    r"young|parents?|carers?|families|anyone|someone|demand|needs|circumstances|concerns?|risks?)\b"
    # ("should further referrals arise out of hours", not "should further scrutinise numbers")
    r"|should (?:further|more|new|additional|other) (?:\w+ ){1,2}?(?:arise|occur|emerge|come)\b",
    re.IGNORECASE,
)
# "will be" + a noun or adjective states what something will be, not what anyone will do:
# "will be an important factor", "will be findings about…"; a participle ("will be
# undertaken"), a progressive ("will be closing") or "in place" is a step someone takes.
_WILL_BE = regexcache.compile(r"will be\s+(?:\w+ly\s+)?(?P<next>[\w'’-]+)", re.IGNORECASE)
_STEP_AFTER_BE = regexcache.compile(
    r"(?:[\w'’-]+(?:ed|en|ing)|made|done|held|set|put|run|shown|known|told|taught|found|met|kept|"
    r"led|built|brought|sought|paid|laid|sent|spent|cut|read|heard|given|seen|taken|"
    r"in|on|at|by|to|for|with|from|within|responsible|accountable|subject|ready|able)$",
    re.IGNORECASE,
)
# a gerund with an object as subject states an effect: "Helping families earlier will reduce
# the burden", "Continuing to pay attention to … will strengthen practice"; many -ing words
# are nouns, though ("Funding will be provided", "Training for staff will…")
_GERUND_SUBJECT = regexcache.compile(
    r"^(?!(?:funding|training|housing|planning|safeguarding|building|meeting|briefing|"
    r"monitoring|commissioning|parenting|fostering|spring|evening|morning|ceiling|during|"
    r"following|according|including|regarding|notwithstanding|\w*thing)\b)"
    r"[A-Za-z]+ing\s+(?!(?:will|for|of|on|in|and|or|is|are|has|have|was|at|with|from|by)\b)[a-z]",
    re.IGNORECASE,
)


def _clause_before(s: str, at: int) -> str:
    """The words of ``s`` before ``at`` back to the last clause break."""
    head = s[:at]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    return head[breaks[-1].end() :] if breaks else head


def _commits(s: str, m: re.Match[str]) -> bool:
    """Whether the action cue ``m`` is the sentence's own commitment, not an embedded clause."""
    before = s[: m.start()]
    clause = _clause_before(s, m.start())
    cue = m.group(0).lower()
    if _RELATIVE.search(before) or _WH.search(clause) or _OPINION.search(before):
        return False
    if _TELLS_HOW.search(before):
        return False
    if cue.startswith("and ") and _CHILDREN_SUBJECT.match(before):
        return False  # "Young people are settled and are now exploring their interests"
    if "plan" in cue and (
        _CHILDREN_SUBJECT.match(clause.lstrip(" ,;"))
        or (cue.startswith("ha") and _CHILDREN_SUBJECT.match(before) and not _AGENT.search(clause))
    ):
        # (a child's plan: "Young people have plans in place to support them", "A small number
        # of children have been placed with parents with a plan to discharge the care order";
        # not the clause after theirs: "Care leavers have access to four apprenticeships, and
        # plans are in place to grow this scheme")
        return False
    if _NOT_BEFORE.search(clause):
        return False  # "they do not consistently have clear action plans to help ..."
    if _RELATIVE_OWN.search(clause) or _SUBORDINATE.search(clause):
        return False
    if _THAT_CLAUSE.search(clause) or _MEANING.search(clause):
        return False
    reduced = _REDUCED.search(clause) or _RELATIVE_SUBJECT.search(clause)
    if reduced and not _PREPOSITIONAL.match(clause):
        return False
    if cue.startswith("intend") and _PAST.search(before):
        return False
    modal = cue.split()[0] in ("will", "should", "must")
    if modal:
        if _COMPARISON.search(clause) or _ELLIPSIS.match(s, m.end()):
            return False
        if _COUNTERFACTUAL.match(s, m.end()):
            return False
        if _EFFECT.match(s, m.start()) and not _AGENT.search(before):
            return False
    if cue.startswith("should") and (_INVERSION.match(s, m.start()) or not before.strip()):
        return False  # "Should children choose to access their records, …": a condition
    if cue.startswith("will") and (_EXAMPLE.match(s) or _WONT.search(s)):
        return False
    if modal and _DEMONSTRATIVE.match(before) and _BENEFIT.match(s, m.end()):
        return False
    if cue.startswith("will"):
        if _GERUND_SUBJECT.match(s) and not _CLAUSE_BREAK.search(before):
            return False
        w = _WILL_BE.match(s, m.start())
        if w and not _STEP_AFTER_BE.match(w.group("next")):
            return False
    return True


# a recommendation in the imperative, perhaps after its timescale: "Immediately: ensure all
# elected members understand…", "Within three months: improve the quality of…"
_TIMESCALE = regexcache.compile(
    r"[\W_]*(?:immediately|urgently|now|within (?:\w+ )?(?:weeks?|months?|years?))\s*:[\W_]*",
    re.IGNORECASE,
)
# the imperative verb has an object or a complement: "Review and implement care plans", "Ensure
# all…", "Improve quality and consistency of care planning", "Ensure effective leadership,
# scrutiny and challenge …"; not a noun opening a statement ("Review meetings take place…"), nor
# an aim a list completes ("We want all children to: … Improve social, emotional and mental
# health and resilience")
_OBJECT = regexcache.compile(
    r"\s+(?:the|a|an|all|that|to|and|how|whether|every|each|any|more|its|their|there|quality"
    r"|consistency|effective|consistent|robust|timely|rigorous|regular|clear|appropriate"
    r"|sufficient|strategic|management|leadership|oversight|performance|governance|partnership"
    r"|multi-agency|sufficiency|capacity)\b",
    re.IGNORECASE,
)

_OPENING = regexcache.compile(r"^[\W_]+")


def _imperative(s: str, object_: re.Pattern[str] | None = None) -> bool:
    """Whether ``s`` opens, after any timescale, with an imperative verb and its object
    (``object_``: what the object must open with)."""
    m = _TIMESCALE.match(s)
    rest = s[m.end() :] if m else _OPENING.sub("", s)  # bullets, quotes, emphasis
    if not m and not rest[:1].isupper():
        return False  # "… help young people to: develop their skills": an item of a description
    verb = cues().imperative.match(rest)
    return bool(verb and (object_ or _OBJECT).match(rest, verb.end()))


# any object: "Ensure rigorous analysis of …", "Improve governance arrangements …"
_ANY_OBJECT = regexcache.compile(r"\s+[a-z]")


def is_recommended(sentence: str) -> bool:
    """An item of a list of recommendations that a topic sub-heading interrupts ("Help and
    protection"): one opening with a verb of recommending and its object ("Improve agency
    attendance at all initial child protection meetings", "Further embed the culture of …")."""
    m = _TIMESCALE.match(sentence)
    rest = sentence[m.end() :] if m else _OPENING.sub("", sentence)
    if not (m or rest[:1].isupper()) or rest.rstrip(" *").endswith(":"):
        return False  # (a lead-in: "Improve the quality of assessments and plans by:")
    if cues().not_action_any.search(rest):
        return False
    return bool(cues().item_imperative.match(rest))


def is_action(
    sentence: str, in_action_section: bool, council: str = "", review: bool = False
) -> bool:
    """A sentence that commits, recommends or requests something.

    :param in_action_section: the sentence is an item under "Recommendations", "Next steps"
        or "What needs to improve", where a bare item ("The quality of assessments.") is itself
        the action
    :param council: the council the document is about, whose need to act, named by its name
        alone ("Medway also need to develop the use of Family Group conferences"), is a
        recommendation as "the Council needs to" is
    :param review: the sentence is a reviewer's (a commissioner's report), whose passive "X
        needs to be strengthened" or "X needs updating" recommends it
    """
    c = cues()
    s = sentence.strip()
    if not s or c.not_action_any.search(s):
        return False
    if _CANNOT_KNOW.search(s) or _HABITUAL.search(s) or _NEGATED.match(s):
        return False
    if s.rstrip(" *").endswith(":"):
        return False  # a lead-in: the items that follow are the actions
    if any(_commits(s, m) for m in c.action.finditer(s)):
        return True
    if council and _needs_to(council).search(s):
        return True
    if review and c.review_actions.search(s) and not _SUBORDINATE_NEED.search(s):
        return True
    if _imperative(s):
        return True
    return (
        in_action_section
        and len(s.split()) >= 4
        and not _SUMMARY.match(s)
        and not _COMMENT.match(s)
    )


# the need is a subordinate clause's, not the sentence's: "the support which needs to be
# provided", "where cases need reviewing"
_SUBORDINATE_NEED = regexcache.compile(
    r"\b(?:which|that|who|where|when|if|whether|what|how)\s+(?:[\w’'-]+\s+){0,3}?needs?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _needs_to(council: str) -> re.Pattern[str]:
    """ "<council> (also) need(s) to <verb>", not "… needs to be" (a gap stated); also as
    someone reported it ("the Children's Commissioner stated that Medway needed to develop its
    Members")."""
    return re.compile(
        rf"(?:^\W*|\b(?:said|stated|explained|added|commented|noted|felt|believed|concluded|"
        rf"advised|suggested|emphasised|stressed|highlighted|considered) that\s+)"
        rf"{re.escape(council)}(?:['’]s)?(?: Council)? (?:also |still |now )?"
        r"need(?:s|ed)? to (?!be\b)[a-z]"
    )


def due_date(sentence: str) -> str | None:
    """When the action is due: "2023-12" for "by mid December 2023", or the phrase itself."""
    m = cues().due.search(sentence)
    if not m:
        return None
    phrase = m.group(0)
    dates = find_dates(phrase)
    if dates:
        d = dates[0]
        return f"{d.year}-{d.month:02d}" if d.month else str(d.year)
    return phrase


# "will be undertaken … by the LGA", "should be addressed by the CCG": a passive main verb,
# whose agent follows "by"
_PASSIVE = regexcache.compile(
    r"\s*(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?\w+(?:ed|en|n|t)\b", re.IGNORECASE
)
# a sentence that opens with a subordinate clause or an introductory phrase
_OPENING_CLAUSE = regexcache.compile(
    r"^\W*(?:while|whilst|although|though|when|whenever|if|as|since|because|despite|given|"
    r"following|after|before|once|until|unless|however|therefore|overall|in addition|"
    r"in (?:the )?(?:light|view|response|future|meantime)\b)\b",
    re.IGNORECASE,
)
# what a preposition governs is not the subject: "in response to criticism by Ofsted",
# "feedback from the Police"
_RELATION_SUBJECT = regexcache.compile(
    r"\W*(?:the\s+)?(?:links?|relationships?|interfaces?|connections?|communication|joint "
    r"working|alignment|co-?ordination|partnership working)\s+(?:between|with|across)\b",
    re.IGNORECASE,
)
_OBJECT_OF = regexcache.compile(
    r"\b(?:by|from|to|with|against|about|than|towards?)\s+(?:the\s+)?$", re.IGNORECASE
)
# a post named as a thing, not as who acts: "Recruitment to the two Assistant Director roles
# must proceed"; or another council's: "The DCS in Oxfordshire has agreed to be the chair"
_POST_AS_THING = regexcache.compile(
    r"\s+(?:roles?|posts?|vacanc(?:y|ies)|appointments?)\b|\s+(?:in|of|from|at)\s+([A-Z][\w-]+)"
)


def _not_acting(sentence: str, post: PostEntry, at: int, council: str) -> bool:
    """Whether the post named at ``sentence[at]`` is not one of this council's agents there."""
    named = post.pattern.match(sentence, at)
    t = _POST_AS_THING.match(sentence, named.end()) if named else None
    if t is None:
        return False
    return t.group(1) is None or t.group(1) not in council.split()


_INFINITIVE = regexcache.compile(
    r"^\W*to (?!(?:the|a|an|this|that|these|those|date|be|what|whom?|which)\b)[a-z]+\b",
    re.IGNORECASE,
)
_RECOMMEND_THAT = regexcache.compile(
    r"(?:\w+ (?:(?:also|would) )?recommend(?:s|ed)?"
    r"|(?:it )?(?:is|are) (?:also |further |now )?propos(?:ed|ing)) that\s+",
    re.IGNORECASE,
)
# where a sentence with no verb of commitment may name its agent: at its very start
_OPENING_AGENT = regexcache.compile(r"\W*(?:the\s+)?", re.IGNORECASE)
# the writer ("I recommend …", "requiring me:"), not "I" in a list's numbering ("I." or "(i)")
# (and the writer's report as the subject: "The report must also consider the need for any
# form of Alternative Delivery Model" is the commissioner's to do)
_FIRST_PERSON = regexcache.compile(
    r"(?-i:\bI\b)(?![.)])|\bme\b|(?i:^\W*(?:this|the|my) (?:report|review))\b"
)
# an organisation named by its noun once the document has named it in full: "The Board"
# (or a director's post by "the Director": "the Director confirmed that …")
_DEFINITE_NOUN = regexcache.compile(
    r"\b[Tt]he (Board|board|Partnership|partnership|Trust|trust"
    r"|Director(?! (?:of|for|General)\b))\b"
)


def _addressed(sentence: str, gaz: Gazetteer) -> str:
    """The first body named in ``sentence`` that recommendations address in its own right
    (``addressed`` in actors.yaml: the LSCB), or ""; not one named as whom to work with
    ("Working with the LSCB to ensure that partners fully understand thresholds")."""
    return next(
        (
            k
            for i, k in gaz.orgs_in(sentence)
            if gaz.org(k).addressed and not _OBJECT_OF.search(sentence, 0, i)  # type: ignore[union-attr]
        ),
        "",
    )


# what someone said should be done is the doer's, not the sayer's: "Inspectors have said that
# more looked after children should be helped to join the children in care council, and senior
# managers and politicians should spend more time getting to know looked after children"; so is
# a need someone agrees with ("Inspectors agree that there is a need to build workers' skills")
_SAID_THAT = regexcache.compile(
    r"\b(?:said|say|says|stated|states|suggested|suggests|told (?:us|inspectors|them)|"
    r"(?:think|thinks|thought|believe|believes|believed|feel|feels|felt|agree|agrees|agreed))"
    r"\s+that\s+",
    re.IGNORECASE,
)
_PRONOUN_OPENING = regexcache.compile(r"\W*(?:it|they|he|she|we|i|this)\b", re.IGNORECASE)


# the subject is a placeholder, not an agent: "It is intended to…", "There will be…"
_EXPLETIVE = regexcache.compile(r"^\W*(?:it|there)\b", re.IGNORECASE)


def _main_cue(sentence: str) -> re.Match[str] | None:
    """The first action cue that is the sentence's own commitment (else the first cue)."""
    found = list(cues().action.finditer(sentence))
    return next((m for m in found if _commits(sentence, m)), found[0] if found else None)


# between two agents named together as a subject ("The council, the CCG and the police", "the
# local authority and the trust"), and the verb that follows the last
_AND_ALSO = regexcache.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:(?:its|their|the)\s+)?", re.I)
_SUBJECT_START = regexcache.compile(r"\W*(?:the\s+)?", re.I)
_SUBJECT_VERB = regexcache.compile(
    r"\s+(?:(?:are|is|were|was|have|has|had|will|would|should|must|can|could|need|needs|do|"
    r"does|did|continue|continues|both|jointly|together|also|now|already|recently)\b|[a-z]+ed\b)",
    re.I,
)


# a "that" clause with a subject of its own ("that the council will"; not "that there is", nor
# "that they will", the list itself), which holds the commitment (no clause ends before the cue)
_THAT_SOMEONE = regexcache.compile(r"\bthat\s+(?!there\b|they\b)\w", re.I)


def jointly(
    sentence: str,
    gaz: Gazetteer,
    post_holders: dict[str, str],
    chosen: str,
    recent: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """The agents named with ``chosen`` as the sentence's subject, as a list of them that
    opens the sentence and is followed by its verb ("The council and the trust should ensure
    …", "The local authority and police are taking action", "The DCS and the Deputy Director
    have met …"): the others, in order. () when the subject names one agent, or others in
    other words ("The council and its partners", "The link between the board and …").

    :param recent: as for :func:`responsible` ("the trust" once the trust is named)
    """
    spans = gaz.org_spans(sentence)
    for i, post in gaz.posts_in(sentence):
        found = post.pattern.match(sentence, i)
        if found:
            spans.append((i, found.end(), post_holders.get(post.key, post.agent_key)))
    for f in _DEFINITE_NOUN.finditer(sentence) if recent else ():
        key = recent.get(f.group(1).lower())  # type: ignore[union-attr]
        if key:
            spans.append((f.start(), f.end(), key))
    if len(spans) < 2:
        return ()
    spans.sort()
    # (one name inside another: "Medway Council" holds "Council")
    spans = [a for a in spans if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in spans)]
    if not _SUBJECT_START.fullmatch(sentence, 0, spans[0][0]):
        return ()
    chain = spans[:1]
    for span in spans[1:]:
        if not _AND_ALSO.fullmatch(sentence, chain[-1][1], span[0]):
            break
        chain.append(span)
    keys = list(dict.fromkeys(k for _, _, k in chain))
    if len(keys) < 2 or chosen not in keys or not _SUBJECT_VERB.match(sentence, chain[-1][1]):
        return ()
    # what they said or agreed that someone else will do is that one's: "The council and Ofsted
    # have agreed that the council will review …" (as responsible reads it); not what they see
    # a need for ("… have recognised that there is a need to …")
    m = _main_cue(sentence)
    that = _THAT_SOMEONE.search(sentence, chain[-1][1], m.start() + 5) if m else None
    if that and not any(c in sentence[that.end() : m.start()] for c in ",;"):  # type: ignore[union-attr]
        return ()
    return tuple(k for k in keys if k != chosen)


def responsible(
    sentence: str,
    gaz: Gazetteer,
    people: dict[str, str],
    post_holders: dict[str, str],
    default: str,
    speaker: str | None = None,
    recent: Mapping[str, str] | None = None,
) -> str:
    """The agent key of the sentence's subject (the words before the action verb).

    The subject wins: "Children's Services will continue to embed improvements, and
    prioritise the areas identified by Ofsted" is the council's, not Ofsted's. Only when the
    subject names nobody and the verb is passive ("will be undertaken … by the LGA") or the
    subject is a placeholder ("It is intended…") does an agent after "by" or "with" count.

    :param people: person name (as written) -> person key, for people this document names
    :param post_holders: post key -> person key, for posts this document says who holds; a
        post it does not say who holds is itself the agent (key "post:…", see
        :meth:`Gazetteer.agent`)
    :param default: the agent when the subject names none (a recommendation's addressee)
    :param speaker: who "I" and "me" are (a commissioner in her report), if known
    :param recent: organisation key by the noun a document may name it by once named in full
        ("board" -> the Improvement Board, for "The Board must ensure …")
    """
    if _imperative(sentence, _ANY_OBJECT):
        # "Ensure that elected members understand their role": said to the addressee, whoever
        # the clause after the verb names; but a recommendation naming a body addressed in its
        # own right is that body's ("Ensure that the LSCB annual report …")
        return _addressed(sentence, gaz) or default
    m = _main_cue(sentence)
    rec = _RECOMMEND_THAT.match(sentence, m.start()) if m else None
    if rec:
        # what is recommended is its own subject's to do: "I would recommend that the Council
        # is directed to work with a suitable leadership improvement partner"
        inner = responsible(sentence[rec.end() :], gaz, people, post_holders, "", speaker, recent)
        if inner:
            return inner
    # (a cue may open with the saying's "that": "Inspectors agree that there is a need to …")
    said = (
        _SAID_THAT.search(
            sentence, 0, m.start() + (5 if m.group().lower().startswith("that ") else 0)
        )
        if m and not rec
        else None
    )
    if said:
        rest = sentence[said.end() :]
        inner = responsible(rest, gaz, people, post_holders, "", speaker, recent)
        if inner:
            return inner
        if not _PRONOUN_OPENING.match(rest):
            return default  # "… said that more children should be helped": whoever helps them
    cut = m.start() if m else len(sentence)
    subject = sentence[:cut]
    # no verb of commitment: an item of a list of things to do ("To bring together evidence
    # to assess the Council's capacity", "Engagement with partners … between DCS and health
    # partners") is its subject's only where it opens with one ("The LSCB's monitoring of …")
    opening = _OPENING_AGENT.match(sentence).end() if m is None else cut  # type: ignore[union-attr]
    # a commitment reported with its own subject: "The Director explained that … but that
    # officers would work with the Forum" is the officers'
    reported = m.start() + 5 if m and m.group()[:5].lower() == "that " else -1

    # a subject that is a relation between bodies names no one to act: "The link between this
    # Board and the SEND Improvement Board … should be strengthened" (by the addressee)
    relation = _RELATION_SUBJECT.match(subject)
    related = relation.end() if relation else -1

    def subjects(i: int) -> bool:
        # in the subject, or opening the cue itself ("Cabinet approved", "The MSCP needs to"),
        # and not the object of a preposition ("criticism by Ofsted of the service")
        if related >= 0 and related <= i < cut:
            return False
        return (i <= opening or i == reported) and not _OBJECT_OF.search(sentence, 0, i)

    found: list[tuple[int, str]] = []
    for name, key in people.items():
        i = name_at(sentence, name, cut + len(name))
        if i >= 0 and subjects(i):
            found.append((i, key))
    # matched in the whole sentence, kept when they start in the subject: an alias may look
    # ahead at the verb ("Children's Services will …")
    found.extend((i, k) for i, k in gaz.orgs_in(sentence) if subjects(i))
    for i, p in gaz.posts_in(sentence):
        if subjects(i) and not _not_acting(sentence, p, i, gaz.council):
            found.append((i, post_holders.get(p.key, p.agent_key)))
    if speaker:
        # up to the cue, and the cue's own "I" ("I recommend"); "me" as the object of a verb
        # ("requiring me:"), not of a preposition ("It has not been clear to me how he works")
        found.extend(
            (f.start(), speaker)
            for f in _FIRST_PERSON.finditer(sentence, 0, cut + 2)
            if not _OBJECT_OF.search(sentence, 0, f.start())
        )
    # (a little past the cue, which may open with the noun: "the board needs to")
    for f in _DEFINITE_NOUN.finditer(sentence, 0, min(len(sentence), cut + 12)) if recent else ():
        key = recent.get(f.group(1).lower())  # type: ignore[union-attr]
        if key and subjects(f.start()):
            found.append((f.start(), key))
    # the three safeguarding partners named together as the subject (the council, health and
    # the police: "The executive, the local authority, CCG and Police have agreed to have a
    # rotating chair") act as the safeguarding partnership they make up
    named = {k for _, k in found}
    if {gaz.council_key, "police"} <= named and named & _HEALTH_PARTNERS:
        partnership = f"{gaz.council_key.removesuffix('-council')}-safeguarding-partnership"
        if gaz.org(partnership) is not None:
            return partnership
    # after an opening subordinate clause, the subject follows its comma: "While inspectors
    # saw …, the local authority needs to …"; otherwise the first agent before the verb (a
    # list of subjects is separated by commas too: "The executive, the local authority, CCG
    # and Police have agreed…")
    near: list[tuple[int, str]] = [(i, k) for i, k in found if i == reported]
    infinitive = bool(_INFINITIVE.match(sentence))
    if not near and (infinitive or _OPENING_CLAUSE.match(subject)):
        breaks = list(_CLAUSE_BREAK.finditer(subject.rstrip()))
        near = [(i, k) for i, k in found if breaks and i >= breaks[-1].end()]
    if infinitive and not near:
        # an item of a remit or a list of aims has no subject of its own: "To bring together
        # evidence to assess the Council's capacity …" is whoever the list is for (but "To
        # address this, the next LSCB will focus …" is the LSCB's)
        return default
    if near or found:
        return min(near or found)[1]
    if m is None:
        # an item naming a body addressed in its own right is that body's, as an imperative
        # is ("Enable children to influence the LSCB's priorities")
        addressed = _addressed(sentence, gaz)
        if addressed:
            return addressed
    passive = bool(m and _PASSIVE.match(sentence, m.end()))
    if m and (passive or _EXPLETIVE.match(subject)):
        # the agent of the main verb, in its clause: not "…, supported by the LGA"
        rest = sentence[m.end() :]
        brk = _CLAUSE_BREAK.search(rest)
        by = re.search(r"\b(?:by|with) (?:the )?(.{2,60})", rest)
        if by and brk and brk.start() < by.start():
            by = None
        if by:
            orgs = gaz.orgs_in(by.group(1))
            if orgs:
                return orgs[0][1]
    return default


# the health partners of a safeguarding partnership, as the gazetteer names them
_HEALTH_PARTNERS = frozenset({"ccg", "nhs-england"})


# an opening that points back to the sentence before: "This should be…", "Both these
# initiatives should…", "They will…"; not the placeholder "It is…"
_ANAPHOR = regexcache.compile(
    r"[\W_]*(?:both (?:of )?(?:these|those|them|parts|services|teams)|these|those|this|they|their"
    r"|such|it(?! (?:is|was)\b))\b",
    re.IGNORECASE,
)
# ... or after a short opening clause or adverb: "Although some more recent plans contain
# timescales, this is not yet consistent", "Overall, these approaches have had ..."
_OPENING_THEN_ANAPHOR = regexcache.compile(
    r"[^,;:.\n]{1,120},\s*(?:these|those|this|they|their|such|it(?! (?:is|was)\b))\b",
    re.IGNORECASE,
)
# ... and, for who acts, a person: "The Leader has retained the finance portfolio. Given the
# relative inexperience of the lead member, he needs to ensure …"
_PERSON_ANAPHOR = regexcache.compile(r"(?:[\W_]*|[^,;:.\n]{1,120},\s*)(?:he|she)\b", re.IGNORECASE)


# how far back the sentence before is sought: a PDF's text may have no blank line for pages,
# and splitting all of it into sentences for each statement that opens "This" is quadratic
_LOOKBACK = 1500


def antecedent(text: str, start: int, person: bool = False) -> tuple[int, int] | None:
    """The span of the sentence a statement starting at ``text[start]`` points back to.

    Only for a statement that opens with a pronoun or "these"/"this" (perhaps after a short
    clause: "Overall, these approaches ..."), with ``person`` also "he" or "she", and only
    within its paragraph (text after the last blank line before it) and the 1,500 characters
    before it.
    """
    if not (
        _ANAPHOR.match(text, start, min(len(text), start + 40))
        or _OPENING_THEN_ANAPHOR.match(text, start, min(len(text), start + 140))
        or (person and _PERSON_ANAPHOR.match(text, start, min(len(text), start + 140)))
    ):
        return None
    para = text.rfind("\n\n", max(0, start - _LOOKBACK), start)
    begin = para + 2 if para >= 0 else max(0, start - _LOOKBACK)
    spans = sentences(text, begin, start)
    if not spans or (spans[-1][0] == begin and para < 0 and begin > 0):
        return None  # the sentence before starts beyond the window: too far to be meant
    return spans[-1]
