"""Property tests: on the same texts, Python's findings are the command
line's rows, cell for cell."""

import datetime
import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figures
from articles import corpus
from conftest import as_cli, cell, cli_shape, jsonl, need

SYMBOLS = ["€", "$", "£", "¥", "Rs ", "CHF ", "kr ", "US$", "A$", "C$", "R$", "₹", ""]
NUMBERS = ["21", "1.5", "0.75", "1,234", "1.234,5", "24", "500", "3", "12.5", "twenty-one", "a"]
SCALES = ["", " billion", " million", " thousand", "bn", "m", "k", " crore", " lakh", " Mrd."]
NAMES = ["", "", " euros", " dollars", " pounds", " yen", " Euro", " dólares", " francs"]
QUALIFIERS = ["", "", "over ", "about ", "nearly ", "up to ", "at least "]

money = st.builds(
    lambda q, s, n, sc, name: q + s + n + sc + name,
    *(st.sampled_from(x) for x in (QUALIFIERS, SYMBOLS, NUMBERS, SCALES, NAMES)),
)
# A figure and the conversion its writer states, or a range.
conversion = st.builds(lambda a, b: f"{a} ({b})", money, money)
span = st.builds(lambda a, b, sep: f"between {a}{sep}{b}", money, money, st.sampled_from([" and ", "-", "–", " to "]))

# What surrounds money in text.
PIECES = [
    " ", " ", "\n", "\n\n", ", ", ". ", "; ", " (", ")",
    "Published 11 April 2025\n", "TORONTO, 3 March 2021 — ", "on 2 May 2024",
    "Nairobi", "Toronto", "Sydney", "Zürich", "Mumbai", "Canada's", "Australian",
    "é", "😀", "ça coûte", "Die Kosten", "la cifra", "the city paid", "per share", "a year",
    "$1 = 0.88 euros",
]

texts = st.lists(
    st.one_of(
        money,
        conversion,
        span,
        st.sampled_from(PIECES),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=4),
    ),
    max_size=24,
).map(" ".join)

records = st.lists(
    st.tuples(
        texts,
        st.one_of(st.none(), st.dates(datetime.date(1998, 6, 1), datetime.date(2026, 12, 31))),
    ),
    min_size=1,
    max_size=6,
).map(
    lambda rs: [
        {"id": f"r{i}", "text": t, "date": d.isoformat() if d else None}
        for i, (t, d) in enumerate(rs)
    ]
)

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    # No example database left in the work tree; failures print their example.
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def python_rows(recs, to=None):
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", figures.FiguresWarning)
        for r in recs:
            for f in figures.extract(r["text"], date=r["date"], to=to):
                assert r["text"][f.start : f.end] == f.text
                row = {c: getattr(f, c) for c in figures.COLUMNS}
                row["article"] = r["id"]
                rows.append(as_cli(row))
    return rows


@SETTINGS
@given(recs=records, to=st.sampled_from([None, "EUR", "JPY"]))
def test_extract_agrees_with_the_cli(cli, recs, to):
    args = ["extract", "--input", "jsonl"] + (["--to", to] if to else [])
    expected = [cli_shape(r) for r in cli(args, jsonl(recs))]
    assert python_rows(recs, to) == expected


def unfit(got, expected):
    """Puts back in `got` the CLI's value of each decimal that decimal128(38, 10)
    cannot hold, after checking that its cell is null and its reason says so."""
    kept = []
    for clause in (got["reason"] or "").split("; "):
        misfit = re.fullmatch(r"(\w+) (\S+) does not fit decimal128\(38, 10\)", clause)
        if misfit is None:
            kept.append(clause)
            continue
        name, value = misfit.groups()
        assert got[name] is None and expected[name] == value
        got[name] = value
    got["reason"] = "; ".join(c for c in kept if c) or None
    return got


@SETTINGS
@given(recs=records)
def test_extract_arrow_agrees_with_the_cli(cli, recs):
    pa = need("pyarrow")
    expected = [cli_shape(r) for r in cli(["extract", "--input", "jsonl"], jsonl(recs))]
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("date", pa.string())])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", figures.FiguresWarning)
        table = figures.extract_arrow(pa.Table.from_pylist(recs, schema=schema))
    got = [as_cli(r) for r in table.to_pylist()]
    assert [unfit(g, e) for g, e in zip(got, expected)] == expected


@SETTINGS
@given(recs=records)
def test_audit_agrees_with_the_cli(cli, recs):
    expected = [cli_shape(r) for r in cli(["audit", "--input", "jsonl", "-q"], jsonl(recs))]
    got = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", figures.FiguresWarning)
        for r in recs:
            for p in figures.audit(r["text"], date=r["date"]):
                got.append({c: cell(getattr(p, c)) for c in figures.PAIR_COLUMNS})
    assert got == expected


def test_made_up_articles_agree_with_the_cli(cli):
    recs = corpus(300)
    expected = [cli_shape(r) for r in cli(["extract", "--input", "jsonl"], jsonl(recs))]
    assert len(expected) > 600
    assert python_rows(recs) == expected
    verdicts = {r["verdict"] for r in expected}
    assert {"consistent", "inconsistent", "not_audited"} <= verdicts
