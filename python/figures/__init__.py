"""Money in text as exact decimals and ISO 4217 codes, with the conversions
writers state audited against the ECB's (and NBP's, HMRC's, the IMF's)
reference rates.

>>> import figures
>>> for f in figures.extract("Aid passed €21 billion ($24 billion).", date="2025-04-11"):
...     print(f.text, f.amount, f.currency, f.role, f.verdict)
€21 billion 21000000000 EUR figure None
$24 billion 24000000000 USD conversion consistent

:func:`extract` and :func:`audit` read one text; :func:`extract_arrow` reads
a table of articles (pyarrow, Polars, pandas 3: anything with the Arrow
PyCapsule interface) with no Python loop; :mod:`figures.spark` runs it on
Spark. :func:`convert` converts one amount.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Optional

from ._figures import (
    COLUMNS,
    PAIR_COLUMNS,
    Conversion,
    Error,
    FiguresWarning,
    Finding,
    Pair,
    __version__,
    audit,
    convert,
    extract,
)
from . import _figures

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "COLUMNS",
    "PAIR_COLUMNS",
    "Conversion",
    "Error",
    "FiguresWarning",
    "Finding",
    "Pair",
    "__version__",
    "audit",
    "convert",
    "extract",
    "extract_arrow",
]


def extract_arrow(
    table: object,
    text: str = "text",
    id: Optional[str] = "id",
    date: Optional[str] = "date",
    *,
    lang: Optional[str] = None,
    assume: Optional[Mapping[str, str]] = None,
    to: Optional[str] = None,
) -> "pyarrow.Table":
    """The findings of a table of articles: one row per amount of money.

    ``table`` is Arrow data: a ``pyarrow.Table``, ``RecordBatch`` or
    ``RecordBatchReader``, a Polars or pandas 3 ``DataFrame``... Its
    column ``text`` holds the articles (null: none), ``id`` their ids (text
    or integers; null or no such column: the 1-based row number) and
    ``date`` their days (``date32``, or ``YYYY-MM-DD`` text, as
    ``figures extract --input jsonl`` reads a record's ``date``), at which
    each article's conversions are audited; without one, an article is
    audited at a date written in it, else not at all. A date that is not one
    skips its row with a :class:`FiguresWarning`.

    The columns are :data:`COLUMNS`: those of ``figures extract`` (but
    ``source``) with ``article`` the id, ``start``/``end`` indices into the
    Python string and ``byte_start``/``byte_end`` UTF-8 offsets. Decimals
    are ``decimal128(38, 10)``; one that does not fit is null, and
    ``reason`` says so. The GIL is released while Rust reads.

    >>> import pyarrow as pa, figures
    >>> articles = pa.table({"id": ["a1", "a2"], "text": ["Aid: €21bn ($24bn).", "Rs 500 crore"],
    ...                      "date": ["2025-04-11", None]})
    >>> found = figures.extract_arrow(articles)
    >>> found.select(["article", "text", "amount", "verdict"]).to_pylist()[1:]
    [{'article': 'a1', 'text': '$24bn', 'amount': Decimal('24000000000.0000000000'), 'verdict': 'consistent'}, {'article': 'a2', 'text': 'Rs 500 crore', 'amount': Decimal('5000000000.0000000000'), 'verdict': None}]
    """
    import pyarrow as pa

    found = _figures.extract_stream(
        table, text=text, id=id, date=date, lang=lang, assume=assume, to=to
    )
    return pa.table(found)
