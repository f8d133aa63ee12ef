"""Type stubs of the extension module; the package re-exports it."""

import datetime
from decimal import Decimal
from typing import Final, Literal, Mapping, Optional, Sequence, Union

__version__: Final[str]

#: The attributes of a Finding and the columns of extract_arrow, in order.
COLUMNS: Final[Sequence[str]]
#: The attributes of a Pair, in order.
PAIR_COLUMNS: Final[Sequence[str]]
#: The columns of extract_arrow in Spark's DDL.
SPARK_DDL: Final[str]

DateLike = Union[str, datetime.date]

class Error(ValueError):
    """An input figures cannot read; ``kind`` says what, the rest where."""

    kind: str
    source: Optional[str]
    line: Optional[int]
    column: Optional[int]
    byte: Optional[int]
    position: Optional[int]
    article: Optional[str]

class FiguresWarning(UserWarning):
    """A problem met while reading a text; reading goes on past it."""

    kind: str
    source: Optional[str]
    line: Optional[int]
    column: Optional[int]
    byte: Optional[int]
    position: Optional[int]
    article: Optional[str]

class Finding:
    """One amount of money found in a text: a row of ``figures extract``."""

    article: Optional[str]
    line: int
    start: int
    end: int
    byte_start: int
    byte_end: int
    text: str
    amount: Optional[Decimal]
    min: Optional[Decimal]
    max: Optional[Decimal]
    currency: Optional[str]
    qualifier: Optional[Literal["about", "nearly", "over", "at_least", "under", "up_to"]]
    role: str
    pair: Optional[int]
    stated_rate: Optional[Decimal]
    reference_rate: Optional[Decimal]
    rate_date: Optional[datetime.date]
    deviation_pct: Optional[Decimal]
    verdict: Optional[str]
    currency_raw: Optional[str]
    currency_basis: str
    reason: Optional[str]
    currency_evidence: Optional[str]
    lang: str
    date_basis: Optional[str]
    rate_source: Optional[str]
    rate_granularity: Optional[str]
    writer_rate: Optional[Decimal]
    converted_amount: Optional[Decimal]
    converted_min: Optional[Decimal]
    converted_max: Optional[Decimal]
    converted_currency: Optional[str]
    conversion_rate: Optional[Decimal]
    conversion_rate_date: Optional[datetime.date]
    conversion_rate_source: Optional[str]

class Pair:
    """A stated conversion and its figure, audited: a row of ``figures audit``."""

    pair: int
    line: int
    figure_text: str
    figure_amount: Optional[Decimal]
    figure_currency: Optional[str]
    conversion_text: str
    conversion_amount: Optional[Decimal]
    conversion_currency: Optional[str]
    stated_rate: Optional[Decimal]
    reference_rate: Optional[Decimal]
    rate_date: Optional[datetime.date]
    deviation_pct: Optional[Decimal]
    verdict: str
    reason: Optional[str]
    date_basis: Optional[str]
    rate_source: Optional[str]
    rate_granularity: Optional[str]
    figure_currency_basis: str
    conversion_currency_basis: str
    writer_rate: Optional[Decimal]

class Conversion:
    """An amount converted at a reference rate, as ``figures convert`` gives it."""

    amount: Decimal
    currency: str
    from_amount: Decimal
    from_currency: str
    rate: Decimal
    rate_date: datetime.date
    rate_source: str
    rate_granularity: str

class Stream:
    """Arrow record batches behind ``__arrow_c_stream__``."""

    def __arrow_c_stream__(self, requested_schema: object = None) -> object: ...
    def __len__(self) -> int: ...

def extract(
    text: str,
    *,
    date: Optional[DateLike] = None,
    lang: Optional[str] = None,
    assume: Optional[Mapping[str, str]] = None,
    to: Optional[str] = None,
) -> list[Finding]: ...
def audit(
    text: str,
    *,
    date: Optional[DateLike] = None,
    lang: Optional[str] = None,
    assume: Optional[Mapping[str, str]] = None,
) -> list[Pair]: ...
def convert(amount: str, *, to: str, date: Optional[DateLike] = None) -> Conversion: ...
def extract_stream(
    data: object,
    *,
    text: str = "text",
    id: Optional[str] = "id",
    date: Optional[str] = "date",
    lang: Optional[str] = None,
    assume: Optional[Mapping[str, str]] = None,
    to: Optional[str] = None,
    first: int = 1,
) -> Stream: ...
