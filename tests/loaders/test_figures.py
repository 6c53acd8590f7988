"""Figures: values, units, years and measures of the numbers in real report sentences."""

from __future__ import annotations

import pytest

from cskg.loaders.figures import FigureHit, distinct_figures, figures_in
from cskg.loaders.records import Excerpt, Figure

BUDGET = (
    "Since the inadequate rating, there has been significant investment in improving "
    "Children's Services, with c£7million added to the gross budget for 2020/21, a further "
    "c£9million added for 2021/22, a further c£6million added for 2022/23 and a further "
    "£10million added for 2023/24, with this growth acknowledged in the Ofsted ILACS findings."
)


def hits(sentence: str, offset: int = 0) -> list[tuple[str, float, str, int | None, str]]:
    """(quote, value, unit, year, measure) of each figure; checks the offsets on the way."""
    out = []
    for h in figures_in(sentence, offset):
        assert isinstance(h, FigureHit)
        out.append(
            (sentence[h.start - offset : h.end - offset], h.value, h.unit, h.year, h.measure)
        )
    return out


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # thousands separators
        (
            "Approximately 65,000 children and young people under 18 years old live in Medway.",
            [
                (
                    "65,000 children and young people",
                    65000,
                    "count",
                    None,
                    "children and young people",
                )
            ],
        ),
        (
            "In building the 2019/20 revenue budget, additional funding was made available for "
            "£130,000 of temporary resource.",
            [("£130,000", 130000, "GBP", 2019, "temporary resource")],
        ),
        # decimals, millions, "per cent"
        (
            "The latest Revenue Budget Monitoring projects a cumulative deficit of £10.3 million "
            "on "
            "the DSG High Needs reserve by the 31 March 2020.",
            [("£10.3 million", 10_300_000, "GBP", 2020, "cumulative deficit")],
        ),
        (
            "Agency staff made up 12.5 per cent of the workforce.",
            [("12.5 per cent", 12.5, "percent", None, "proportion of workforce")],
        ),
        (
            "approval has been given to recruit 15.5 additional social worker posts",
            [("15.5 additional social worker posts", 15.5, "count", None, "social worker posts")],
        ),
        # a budget table's unit, thousands of pounds, is no amount
        ("£000's", []),
    ],
)
def test_values(sentence, expected):
    assert hits(sentence) == expected


def test_each_number_takes_the_year_nearest_it_in_its_clause():
    got = [(q, y) for q, _, _, y, _ in hits(BUDGET)]
    # a financial year 2021/22 is the year it starts
    assert got == [
        ("c£7million", 2020),
        ("c£9million", 2021),
        ("c£6million", 2022),
        ("£10million", 2023),
    ]


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        (
            "Children’s Social Care has increased as a proportion of the overall budget from 18% "
            "in 2013/14 to a forecast 25% in 2019/20.",
            [2013, 2019],
        ),
        # no year in the clause: the sentence's only year
        (
            "As of June 2019, the vacancy rate for all children's social worker roles was 29%, "
            "with a rate of 27% in the safeguarding teams",
            [2019, 2019],
        ),
        # two years elsewhere in the sentence: none (the document's year applies)
        ("Between 2015 and 2019, the vacancy rate fell by 10%.", [None]),
        # a sentence the splitter left joined: "c£1.5m." ends one sentence, 2020/21 is the next's
        (
            "In addition, this year, approval has been given to recruit more posts, at a cost of "
            "c£1.5m. It is intended to build these posts into the 2020/21 base budget.",
            [None],
        ),
        ("In 2018-19 the service overspent by £2.1m.", [2018]),
    ],
)
def test_years(sentence, years):
    assert [y for *_, y, _ in hits(sentence)] == years


@pytest.mark.parametrize(
    ("sentence", "measures"),
    [
        # the head noun phrase before the number in its clause
        (
            "In the last six months our vacancy rate has reduced from 38% to 28%.",
            ["vacancy rate", "vacancy rate"],
        ),
        ("In her view the caseloads in this service were too high by 30-50%.", ["caseloads"]),
        (
            "Overall core spending by Medway at £688 per person remains below the unitary average "
            "of £792 and the rate of increase was one of the lowest in 2019/20.",
            ["overall core spending per person", "unitary average"],
        ),
        # the part, and what it is a part of
        (
            "Children’s Social Care has increased as a proportion of the overall budget from 18% "
            "in 2013/14 to a forecast 25% in 2019/20.",
            ["proportion of the overall budget", "proportion of the overall budget"],
        ),
        # "N% of X"
        (
            "At the time of this visit, 75% of staff were in permanent positions.",
            ["proportion of staff"],
        ),
        ("The majority (63%) of schools in Medway are academies.", ["proportion of schools"]),
        # the noun phrase ends where what is said of it starts
        (
            "Some 43% of care leavers categorised as NEET were in work a year later.",
            ["proportion of care leavers"],
        ),
        (
            "Nearly 85% of looked after children live within 20 miles of home.",
            ["proportion of looked after children"],
        ),
        ("The number of pupils increased by 4% between 2012 and 2013.", ["number of pupils"]),
        # "a rate of 27%" is the vacancy rate named earlier in the sentence
        (
            "As of June 2019, the vacancy rate for all children's social worker roles was 29%, "
            "with a rate of 27% in the safeguarding teams",
            ["vacancy rate", "vacancy rate"],
        ),
        # after the number; a list takes the measure of the number before
        (BUDGET, ["addition to gross budget"] * 4),
        # "the budget" is the gross budget the sentence named first
        (
            "The gross budget for the service has grown each year, with c£7million added to the "
            "budget for 2020/21.",
            ["addition to gross budget"],
        ),
        # an earlier measure noun, outside the number's parentheses; comparatives dropped
        (
            "Medway has a larger proportion between the ages of 0 and 14 years than England (19.7% "
            "and 18.1% respectively).",
            ["proportion", "proportion"],
        ),
        ("The budget overspend was £3.2m.", ["budget overspend"]),
        # counts name what they count
        (
            "Inspectors brought to the attention of senior managers 74 children from 43 families.",
            ["children", "families"],
        ),
        ("There were 412 children in care at the end of March.", ["children in care"]),
        # nothing names it: the unit's plain name
        ("The figure rose to 40% last year.", ["percentage"]),
        ("Medway received £2m.", ["amount of money"]),
    ],
)
def test_measures(sentence, measures):
    assert [m for *_, m in hits(sentence)] == measures


def test_offsets_are_shifted_and_exact():
    text = "Intro. " + BUDGET
    got = figures_in(BUDGET, 7)
    assert [text[h.start : h.end] for h in got] == [
        "c£7million",
        "c£9million",
        "c£6million",
        "£10million",
    ]


def test_no_figures():
    assert figures_in("Inspectors spent most of their time with practitioners.", 0) == []
    # ages, paragraph numbers and dates are not figures
    assert figures_in("8. Children aged 0 to 14 years, seen on 9 April 2019.", 0) == []
    # a year before a noun is not a count
    assert figures_in("In 2014 looked after children were consulted on the pledge.", 0) == []
    # a number ending one paragraph does not count the first word of the next
    assert figures_in("Social workers in post: 12\n\nChildren were seen.", 0) == []


def test_a_count_across_a_wrapped_line():
    # a PDF wraps lines within a paragraph: one line break is a space
    assert hits("There were 193\nlooked after children placed out of the area.") == [
        ("193\nlooked after children", 193, "count", None, "looked after children")
    ]


def _fig(value, measure, year, start, doc="d", unit="GBP"):
    return Figure(value, unit, measure, year, Excerpt(doc, "q", start, start + 1, "s"))


def test_distinct_figures():
    first = _fig(6e6, "addition to gross budget", 2022, 100)
    again = _fig(6e6, "addition to gross budget", 2022, 900)  # the same, restated later
    other_year = _fig(6e6, "addition to gross budget", 2021, 950)
    other_doc = _fig(6e6, "addition to gross budget", 2022, 900, doc="e")
    got = distinct_figures([again, other_year, first, other_doc])
    assert got == [first, other_year, other_doc]
