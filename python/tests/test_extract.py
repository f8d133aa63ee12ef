"""figures.extract, audit and convert: the typed values, the positions and
the errors."""

import datetime
import doctest
import warnings
from decimal import Decimal

import pytest

import figures
import figures.spark
from conftest import need


def test_every_column_is_an_attribute_of_a_finding():
    f = figures.extract("over £5m")[0]
    assert [c for c in figures.COLUMNS if not hasattr(f, c)] == []
    assert figures.COLUMNS[:6] == ["article", "line", "start", "end", "byte_start", "byte_end"]
    assert (f.min, f.max, f.qualifier, f.article) == (Decimal("5000000"), None, "over", None)


def test_values_are_decimals_and_dates():
    text = "Aid passed €21 billion ($24 billion) on Friday."
    figure, conversion = figures.extract(text, date="2025-04-11", to="GBP")
    assert isinstance(figure.amount, Decimal) and figure.amount == 21_000_000_000
    assert (conversion.role, conversion.pair, figure.pair) == ("conversion", 1, 1)
    assert conversion.reference_rate == Decimal("1.1346")
    assert conversion.rate_date == datetime.date(2025, 4, 11)
    assert (conversion.verdict, conversion.date_basis, conversion.rate_source) == (
        "consistent",
        "article",
        "ecb",
    )
    assert figure.converted_currency == "GBP"
    assert figure.conversion_rate_date == datetime.date(2025, 4, 11)
    assert isinstance(figure.converted_amount, Decimal)


def test_date_may_be_a_date_object_and_wins_over_the_text():
    text = "Published 11 April 2025\nAid: €21bn ($24bn)."
    written = figures.extract(text)[1]
    assert (written.date_basis, written.rate_date) == ("text", datetime.date(2025, 4, 11))
    given = figures.extract(text, date=datetime.date(2022, 9, 27))[1]
    assert (given.date_basis, given.rate_date, given.verdict) == (
        "article",
        datetime.date(2022, 9, 27),
        "inconsistent",
    )
    assert figures.extract("€21bn ($24bn)")[1].verdict == "not_audited"


def test_start_and_end_index_the_python_string():
    text = "Zürich — ça coûte 😀 €5 et ¥500, puis\n£3m."
    found = figures.extract(text)
    assert [text[f.start : f.end] for f in found] == [f.text for f in found]
    assert [f.text for f in found] == ["€5", "¥500", "£3m"]
    raw = text.encode()
    assert [raw[f.byte_start : f.byte_end].decode() for f in found] == [f.text for f in found]
    assert found[0].byte_start > found[0].start
    assert found[2].line == 2


def test_lang_and_assume():
    assert figures.extract("It cost $5.", assume={"$": "CAD"})[0].currency == "CAD"
    assert figures.extract("It cost $5.", assume={"$": "CAD"})[0].currency_basis == "assumed"
    # A French billion is 10^12.
    assert figures.extract("1 billion euros", lang="fr")[0].amount == Decimal(10**12)
    assert figures.extract("1 billion euros", lang="en")[0].amount == Decimal(10**9)


def test_bad_arguments_raise_with_their_kind():
    with pytest.raises(figures.Error) as e:
        figures.extract("$5", to="XYZ")
    assert e.value.kind == "unknown_currency"
    with pytest.raises(figures.Error) as e:
        figures.extract("$5", lang="xx")
    assert e.value.kind == "unknown_language"
    with pytest.raises(ValueError, match="is not a date"):
        figures.extract("$5", date="2025-02-30")
    with pytest.raises(TypeError, match="date="):
        figures.extract("$5", date=20250211)
    with pytest.raises(ValueError, match="names no written form"):
        figures.extract("$5", assume={" ": "CAD"})
    with pytest.raises(figures.Error):
        figures.extract("$5", assume={"$": "dollars"})


def test_problems_are_warnings_with_their_place_and_reading_goes_on():
    text = "Café: $99999999999999999999999999999 trillion, and $5."
    with pytest.warns(figures.FiguresWarning) as caught:
        found = figures.extract(text)
    assert [f.text for f in found] == ["$5"]
    w = caught[0].message
    assert (w.kind, w.line, w.column, w.byte, w.position) == ("overflow", 1, 7, 7, 6)
    assert text[w.position :].startswith("$9999")
    with warnings.catch_warnings():
        warnings.simplefilter("error", figures.FiguresWarning)
        with pytest.raises(figures.FiguresWarning):
            figures.extract(text)


def test_audit_gives_the_pairs():
    (pair,) = figures.audit("Aid: €21 billion ($24 billion).", date="2025-04-11")
    assert [c for c in figures.PAIR_COLUMNS if not hasattr(pair, c)] == []
    assert (pair.figure_text, pair.conversion_text) == ("€21 billion", "$24 billion")
    assert (pair.figure_amount, pair.conversion_currency) == (Decimal(21 * 10**9), "USD")
    assert (pair.stated_rate, pair.deviation_pct, pair.verdict) == (
        Decimal("1.14286"),
        Decimal("0.73"),
        "consistent",
    )
    assert pair.rate_date == datetime.date(2025, 4, 11)
    assert figures.audit("No money here.") == []


def test_convert():
    c = figures.convert("€21 billion", to="USD", date="2025-04-11")
    assert (c.amount, c.currency, c.from_amount, c.from_currency) == (
        Decimal("23826600000"),
        "USD",
        Decimal(21 * 10**9),
        "EUR",
    )
    assert (c.rate, c.rate_date, c.rate_source, c.rate_granularity) == (
        Decimal("1.1346"),
        datetime.date(2025, 4, 11),
        "ecb",
        "daily",
    )
    # On a Sunday the rate is Friday's.
    assert figures.convert("€1", to="USD", date=datetime.date(2025, 4, 13)).rate_date == (
        datetime.date(2025, 4, 11)
    )
    assert figures.convert("€1", to="USD").rate_date is not None


@pytest.mark.parametrize(
    "text, kind, position",
    [
        ("$5 and $6", "not_one_amount", 2),
        ("€5 and €6", "not_one_amount", 2),
        ("five", "no_amount", None),
        ("€20-25bn", "no_single_amount", None),
    ],
)
def test_convert_refuses_what_is_not_one_amount(text, kind, position):
    with pytest.raises(figures.Error) as e:
        figures.convert(text, to="USD", date="2025-04-11")
    assert (e.value.kind, e.value.position) == (kind, position)


def test_convert_without_a_rate():
    with pytest.raises(figures.Error) as e:
        figures.convert("€1", to="KPW", date="2025-04-11")
    assert e.value.kind == "no_rate"


def test_bad_text_never_crashes():
    for text in ["", "\x00", "$", "€€€ 5", "(" * 1000 + "$5", "\ufeff$5", "1" * 10000 + " dollars"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", figures.FiguresWarning)
            for f in figures.extract(text):
                assert text[f.start : f.end] == f.text
    with pytest.raises(UnicodeEncodeError):
        figures.extract("\ud800 $5")


@pytest.mark.parametrize("module", [figures, figures._figures, figures.spark])
def test_docstring_examples(module):
    need("pyarrow")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
