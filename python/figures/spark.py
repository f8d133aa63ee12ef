"""figures on Spark: ``DataFrame.mapInArrow`` with no code of yours between.

>>> import figures.spark  # doctest: +SKIP
>>> found = articles.mapInArrow(
...     figures.spark.extract_batches(text="text", id="id", date="date"),
...     figures.spark.SCHEMA,
... )  # doctest: +SKIP

Each executor needs the ``figures`` wheel installed (see README, "At
scale"). pyspark itself is never imported here: this module runs inside
Spark's Python workers, which bring it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Optional

from . import _figures

if TYPE_CHECKING:
    import pyarrow

__all__ = ["SCHEMA", "extract_batches"]

#: The rows' schema in Spark's DDL: :data:`figures.COLUMNS` with decimals
#: as ``DECIMAL(38,10)``, days as ``DATE`` and integers as ``BIGINT``.
SCHEMA: str = _figures.SPARK_DDL


def extract_batches(
    text: str = "text",
    id: Optional[str] = "id",
    date: Optional[str] = "date",
    *,
    lang: Optional[str] = None,
    assume: Optional[Mapping[str, str]] = None,
    to: Optional[str] = None,
) -> Callable[[Iterable["pyarrow.RecordBatch"]], Iterator["pyarrow.RecordBatch"]]:
    """A function for ``DataFrame.mapInArrow`` with :data:`SCHEMA`: the
    findings of each article, as :func:`figures.extract_arrow` gives them.

    The options are checked here, on the driver, not on the first executor
    to meet them. Give an ``id`` column: an article without one is numbered
    by its row within its partition only.

    >>> import pyarrow as pa, figures.spark
    >>> run = figures.spark.extract_batches()
    >>> batch = pa.record_batch({"id": ["a1"], "text": ["It cost £5m."]})
    >>> [row["text"] for out in run([batch]) for row in out.to_pylist()]
    ['£5m']
    """
    _figures.extract("", lang=lang, assume=assume, to=to)

    def extract(batches: Iterable["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow as pa

        first = 1
        for batch in batches:
            found = _figures.extract_stream(
                batch, text=text, id=id, date=date, lang=lang, assume=assume, to=to, first=first
            )
            first += batch.num_rows
            yield from pa.RecordBatchReader.from_stream(found)

    return extract
