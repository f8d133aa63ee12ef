"""figures.extract_arrow: Arrow in, one row per finding out."""

import datetime
import warnings
from decimal import Decimal

import pytest

import figures
from conftest import need

pa = need("pyarrow")


def articles(**columns):
    return pa.table(columns)


def test_schema_is_the_columns_with_typed_cells():
    found = figures.extract_arrow(articles(text=["Nothing here."]))
    assert found.num_rows == 0
    assert found.schema.names == figures.COLUMNS
    types = {f.name: f.type for f in found.schema}
    assert types["amount"] == pa.decimal128(38, 10)
    assert types["conversion_rate"] == pa.decimal128(38, 10)
    assert types["rate_date"] == pa.date32()
    assert types["byte_start"] == pa.int64()
    assert types["text"] == pa.string()


def test_rows_equal_the_findings_of_each_text():
    texts = ["Aid: €21bn ($24bn) — café.", "Rs 500 crore", None, "Zürich paid CHF 5m.\nAnd £2bn."]
    dates = ["2025-04-11", None, None, "2024-01-05"]
    found = figures.extract_arrow(
        articles(id=["a", "b", "c", "d"], text=texts, date=dates), to="EUR"
    ).to_pylist()
    expected = []
    for i, (text, date) in enumerate(zip(texts, dates)):
        if text is None:
            continue
        for f in figures.extract(text, date=date, to="EUR"):
            row = {c: getattr(f, c) for c in figures.COLUMNS}
            row["article"] = "abcd"[i]
            expected.append(row)
    assert len(found) == len(expected) == 5
    for got, want in zip(found, expected):
        assert got == want
    assert found[1]["verdict"] == "consistent"
    assert texts[0][found[1]["start"] : found[1]["end"]] == "$24bn"


def test_ids_default_to_row_numbers_and_may_be_integers():
    table = articles(text=["$1", "$2", "$3"])
    assert figures.extract_arrow(table).column("article").to_pylist() == ["1", "2", "3"]
    table = articles(id=pa.array([7, None, 9], pa.int32()), text=["$1", "$2", "$3"])
    assert figures.extract_arrow(table).column("article").to_pylist() == ["7", "2", "9"]
    ids = figures.extract_arrow(articles(ref=["x"], text=["$1"]), id="ref")
    assert ids.column("article").to_pylist() == ["x"]


def test_dates_may_be_date32_or_text_and_a_bad_one_skips_its_row():
    text = "€21bn ($24bn)"
    table = articles(text=[text, text], date=pa.array([datetime.date(2025, 4, 11), None]))
    rows = figures.extract_arrow(table).to_pylist()
    assert [r["rate_date"] for r in rows] == [None, datetime.date(2025, 4, 11), None, None]
    assert rows[3]["verdict"] == "not_audited"
    with pytest.warns(figures.FiguresWarning, match="record skipped") as caught:
        rows = figures.extract_arrow(articles(text=[text, "$5"], date=["11/04/2025", None]))
    assert caught[0].message.article == "1"
    assert rows.column("text").to_pylist() == ["$5"]


def test_string_layouts_and_inputs():
    text = pa.array(["£5 and ¥600"], pa.large_string())
    assert figures.extract_arrow(articles(text=text)).num_rows == 2
    batch = pa.record_batch({"text": ["£5 and ¥600", "$1"]})
    assert figures.extract_arrow(batch).num_rows == 3
    reader = pa.RecordBatchReader.from_batches(batch.schema, [batch, batch])
    found = figures.extract_arrow(reader)
    assert found.column("article").to_pylist() == ["1", "1", "2", "3", "3", "4"]
    if hasattr(pa, "string_view"):
        view = pa.array(["€7"], pa.string_view())
        assert figures.extract_arrow(articles(text=view)).num_rows == 1


def test_bad_tables_raise():
    with pytest.raises(ValueError, match='no column "body"'):
        figures.extract_arrow(articles(text=["$1"]), text="body")
    with pytest.raises(ValueError, match="not text"):
        figures.extract_arrow(articles(text=[1, 2]))
    with pytest.raises(ValueError, match="not text or integers"):
        figures.extract_arrow(articles(text=["$1"], id=[1.5]))
    with pytest.raises(TypeError, match="Arrow data"):
        figures.extract_arrow(["$1"])
    with pytest.raises(figures.Error):
        figures.extract_arrow(articles(text=["$1"]), to="XYZ")


def test_a_decimal_that_does_not_fit_is_null_with_a_reason():
    texts = ["$0.00000000001", "$50,000,000,000,000,000,000,000,000,000"]
    (small, large) = [figures.extract(t)[0] for t in texts]
    assert small.amount == Decimal("0.00000000001")
    assert large.amount == Decimal(5 * 10**28)
    rows = figures.extract_arrow(articles(text=texts)).to_pylist()
    assert [r["amount"] for r in rows] == [None, None]
    assert rows[0]["reason"] == "amount 0.00000000001 does not fit decimal128(38, 10)"
    assert rows[1]["reason"].startswith("amount 50000000000000000000000000000 does not fit")


def test_problems_are_warned_with_their_article():
    table = articles(id=["x"], text=["é $99999999999999999999999999999 trillion, and $5"])
    with pytest.warns(figures.FiguresWarning) as caught:
        rows = figures.extract_arrow(table)
    assert rows.column("text").to_pylist() == ["$5"]
    w = caught[0].message
    assert (w.kind, w.article, w.position) == ("overflow", "x", 2)
    assert str(w).startswith("article x: ")


def test_polars_reads_and_is_read():
    pl = need("polars")
    frame = pl.DataFrame({"id": ["a"], "text": ["It cost €5m and $3bn."]})
    found = pl.from_arrow(figures.extract_arrow(frame))
    assert found["currency"].to_list() == ["EUR", "USD"]
    assert found["amount"].to_list() == [Decimal(5 * 10**6), Decimal(3 * 10**9)]


def test_pandas_reads_and_is_read():
    pd = need("pandas")
    articles = pd.DataFrame({"text": ["Rs 500 crore"]})
    df = figures.extract_arrow(pa.Table.from_pandas(articles)).to_pandas()
    assert df.loc[0, "amount"] == Decimal(5 * 10**9)


def test_the_gil_is_released_while_rust_reads():
    import threading
    import time

    table = articles(text=["Aid: €21bn ($24bn), and Rs 500 crore. " * 100] * 150)
    span = {}

    def work():
        span["start"] = time.perf_counter()
        span["rows"] = figures.extract_arrow(table).num_rows
        span["end"] = time.perf_counter()

    beats = []
    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        beats.append(time.perf_counter())
    worker.join()
    assert span["rows"] == 150 * 300
    # Held, the GIL would let this thread run only before or after the call.
    middle = span["end"] - span["start"]
    inside = [t for t in beats if span["start"] + middle / 4 < t < span["end"] - middle / 4]
    assert middle > 0.05, "too little work to tell"
    assert len(inside) > 100
