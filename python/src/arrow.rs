//! Columnar extraction: Arrow record batches of articles in, one row per
//! finding out, through the Arrow PyCapsule interface so that pyarrow,
//! Polars, pandas and Spark hand over their buffers with no Python loop.

use std::sync::Arc;

use arrow_array::builder::{Date32Builder, Decimal128Builder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi};
use arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::types::{
    Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{
    Array, ArrayRef, RecordBatch, RecordBatchIterator, RecordBatchReader, StructArray, make_array,
};
use arrow_schema::{ArrowError, DataType, SchemaRef};
use figures::{Date, Decimal, Report, Row};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

use crate::errors::Problem;
use crate::options;
use crate::views::{Chars, conversion_rate_date, rate_date};

/// The scale of the decimal columns: decimal128(38, 10) holds the largest
/// amounts written (28 integer digits) and rates to 10 places.
const SCALE: u32 = 10;
const PRECISION: u8 = 38;

/// The days of Arrow's date32 count from here.
const EPOCH: Date = Date::constant(1970, 1, 1);

/// One builder per output column, in [`columns`] order.
struct Columns {
    article: StringBuilder,
    line: Int64Builder,
    start: Int64Builder,
    end: Int64Builder,
    byte_start: Int64Builder,
    byte_end: Int64Builder,
    text: StringBuilder,
    amount: Decimal128Builder,
    min: Decimal128Builder,
    max: Decimal128Builder,
    currency: StringBuilder,
    qualifier: StringBuilder,
    role: StringBuilder,
    pair: Int64Builder,
    stated_rate: Decimal128Builder,
    reference_rate: Decimal128Builder,
    rate_date: Date32Builder,
    deviation_pct: Decimal128Builder,
    verdict: StringBuilder,
    currency_raw: StringBuilder,
    currency_basis: StringBuilder,
    reason: StringBuilder,
    currency_evidence: StringBuilder,
    lang: StringBuilder,
    date_basis: StringBuilder,
    rate_source: StringBuilder,
    rate_granularity: StringBuilder,
    writer_rate: Decimal128Builder,
    converted_amount: Decimal128Builder,
    converted_min: Decimal128Builder,
    converted_max: Decimal128Builder,
    converted_currency: StringBuilder,
    conversion_rate: Decimal128Builder,
    conversion_rate_date: Date32Builder,
    conversion_rate_source: StringBuilder,
}

fn decimals() -> Decimal128Builder {
    // 38 and 10 are valid, so the default (the same type) is never used.
    Decimal128Builder::new()
        .with_precision_and_scale(PRECISION, SCALE as i8)
        .unwrap_or_default()
}

fn days(d: Option<Date>) -> Option<i32> {
    d.and_then(|d| i32::try_from(d.duration_since(EPOCH).as_secs() / 86_400).ok())
}

fn int(n: impl TryInto<i64>) -> Option<i64> {
    n.try_into().ok()
}

/// A row's decimal as decimal128(38, 10); `None`, and a clause for the
/// reason in `misfits`, when it has more places or digits than that.
fn fixed(name: &str, cell: &Option<String>, misfits: &mut Vec<String>) -> Option<i128> {
    let text = cell.as_deref()?;
    let value = text.parse::<Decimal>().ok().and_then(|d| {
        let up = SCALE.checked_sub(d.scale())?;
        let v = d.mantissa().checked_mul(10i128.pow(up))?;
        (v.unsigned_abs() < 10u128.pow(u32::from(PRECISION))).then_some(v)
    });
    if value.is_none() {
        misfits.push(format!("{name} {text} does not fit decimal128(38, 10)"));
    }
    value
}

impl Columns {
    fn new() -> Columns {
        let s = StringBuilder::new;
        let i = Int64Builder::new;
        Columns {
            article: s(),
            line: i(),
            start: i(),
            end: i(),
            byte_start: i(),
            byte_end: i(),
            text: s(),
            amount: decimals(),
            min: decimals(),
            max: decimals(),
            currency: s(),
            qualifier: s(),
            role: s(),
            pair: i(),
            stated_rate: decimals(),
            reference_rate: decimals(),
            rate_date: Date32Builder::new(),
            deviation_pct: decimals(),
            verdict: s(),
            currency_raw: s(),
            currency_basis: s(),
            reason: s(),
            currency_evidence: s(),
            lang: s(),
            date_basis: s(),
            rate_source: s(),
            rate_granularity: s(),
            writer_rate: decimals(),
            converted_amount: decimals(),
            converted_min: decimals(),
            converted_max: decimals(),
            converted_currency: s(),
            conversion_rate: decimals(),
            conversion_rate_date: Date32Builder::new(),
            conversion_rate_source: s(),
        }
    }

    /// Appends the row of `f` in `article`; `chars` indexes its text.
    fn append(&mut self, row: &Row, f: &figures::Finding, chars: &mut Chars<'_>, article: &str) {
        let mut misfits = Vec::new();
        let mut put = |b: &mut Decimal128Builder, name: &str, cell: &Option<String>| {
            b.append_option(fixed(name, cell, &mut misfits));
        };
        put(&mut self.amount, "amount", &row.amount);
        put(&mut self.min, "min", &row.min);
        put(&mut self.max, "max", &row.max);
        put(&mut self.stated_rate, "stated_rate", &row.stated_rate);
        put(
            &mut self.reference_rate,
            "reference_rate",
            &row.reference_rate,
        );
        put(&mut self.deviation_pct, "deviation_pct", &row.deviation_pct);
        put(&mut self.writer_rate, "writer_rate", &row.writer_rate);
        put(
            &mut self.converted_amount,
            "converted_amount",
            &row.converted_amount,
        );
        put(&mut self.converted_min, "converted_min", &row.converted_min);
        put(&mut self.converted_max, "converted_max", &row.converted_max);
        put(
            &mut self.conversion_rate,
            "conversion_rate",
            &row.conversion_rate,
        );
        let reason = row
            .reason
            .iter()
            .cloned()
            .chain(misfits)
            .collect::<Vec<_>>();
        self.reason
            .append_option((!reason.is_empty()).then(|| reason.join("; ")));
        self.article.append_value(article);
        self.line.append_option(int(row.line));
        self.start.append_option(int(chars.index(row.start)));
        self.end.append_option(int(chars.index(row.end)));
        self.byte_start.append_option(int(row.start));
        self.byte_end.append_option(int(row.end));
        self.text.append_value(&row.text);
        self.currency.append_option(row.currency.as_deref());
        self.qualifier.append_option(row.qualifier);
        self.role.append_value(row.role);
        self.pair.append_option(row.pair.and_then(int));
        self.rate_date.append_option(days(rate_date(f)));
        self.verdict.append_option(row.verdict);
        self.currency_raw.append_option(row.currency_raw.as_deref());
        self.currency_basis.append_value(row.currency_basis);
        self.currency_evidence
            .append_option(row.currency_evidence.as_deref());
        self.lang.append_value(row.lang);
        self.date_basis.append_option(row.date_basis);
        self.rate_source.append_option(row.rate_source);
        self.rate_granularity.append_option(row.rate_granularity);
        self.converted_currency
            .append_option(row.converted_currency.as_deref());
        self.conversion_rate_date
            .append_option(days(conversion_rate_date(f)));
        self.conversion_rate_source
            .append_option(row.conversion_rate_source);
    }

    /// The columns built so far, named, in order.
    fn finish(mut self) -> Vec<(&'static str, ArrayRef)> {
        fn a(array: impl Array + 'static) -> ArrayRef {
            Arc::new(array)
        }
        vec![
            ("article", a(self.article.finish())),
            ("line", a(self.line.finish())),
            ("start", a(self.start.finish())),
            ("end", a(self.end.finish())),
            ("byte_start", a(self.byte_start.finish())),
            ("byte_end", a(self.byte_end.finish())),
            ("text", a(self.text.finish())),
            ("amount", a(self.amount.finish())),
            ("min", a(self.min.finish())),
            ("max", a(self.max.finish())),
            ("currency", a(self.currency.finish())),
            ("qualifier", a(self.qualifier.finish())),
            ("role", a(self.role.finish())),
            ("pair", a(self.pair.finish())),
            ("stated_rate", a(self.stated_rate.finish())),
            ("reference_rate", a(self.reference_rate.finish())),
            ("rate_date", a(self.rate_date.finish())),
            ("deviation_pct", a(self.deviation_pct.finish())),
            ("verdict", a(self.verdict.finish())),
            ("currency_raw", a(self.currency_raw.finish())),
            ("currency_basis", a(self.currency_basis.finish())),
            ("reason", a(self.reason.finish())),
            ("currency_evidence", a(self.currency_evidence.finish())),
            ("lang", a(self.lang.finish())),
            ("date_basis", a(self.date_basis.finish())),
            ("rate_source", a(self.rate_source.finish())),
            ("rate_granularity", a(self.rate_granularity.finish())),
            ("writer_rate", a(self.writer_rate.finish())),
            ("converted_amount", a(self.converted_amount.finish())),
            ("converted_min", a(self.converted_min.finish())),
            ("converted_max", a(self.converted_max.finish())),
            ("converted_currency", a(self.converted_currency.finish())),
            ("conversion_rate", a(self.conversion_rate.finish())),
            (
                "conversion_rate_date",
                a(self.conversion_rate_date.finish()),
            ),
            (
                "conversion_rate_source",
                a(self.conversion_rate_source.finish()),
            ),
        ]
    }

    fn batch(self) -> Result<RecordBatch, ArrowError> {
        // Every column nullable, as Spark's schemas are.
        RecordBatch::try_from_iter_with_nullable(
            self.finish().into_iter().map(|(n, a)| (n, a, true)),
        )
    }
}

/// The output columns' names and Arrow types, in order.
fn schema() -> Vec<(&'static str, DataType)> {
    Columns::new()
        .finish()
        .into_iter()
        .map(|(n, a)| (n, a.data_type().clone()))
        .collect()
}

/// The output columns' names: `figures.COLUMNS`.
pub(crate) fn columns() -> Vec<&'static str> {
    schema().into_iter().map(|(n, _)| n).collect()
}

/// The output schema in Spark's DDL: `figures.spark.SCHEMA`.
pub(crate) fn spark_ddl() -> String {
    let ty = |t: &DataType| match t {
        DataType::Int64 => "BIGINT".to_string(),
        DataType::Date32 => "DATE".to_string(),
        DataType::Decimal128(p, s) => format!("DECIMAL({p},{s})"),
        _ => "STRING".to_string(),
    };
    schema()
        .iter()
        .map(|(n, t)| format!("`{n}` {}", ty(t)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A column of text: any of Arrow's three string layouts.
enum Texts<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl<'a> Texts<'a> {
    fn of(array: &'a dyn Array) -> Option<Texts<'a>> {
        if let Some(a) = array.as_string_opt::<i32>() {
            return Some(Texts::Utf8(a));
        }
        if let Some(a) = array.as_string_opt::<i64>() {
            return Some(Texts::Large(a));
        }
        array.as_string_view_opt().map(Texts::View)
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Texts::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

/// The `id` column: text or integers, as the CLI takes a record's `id`.
enum Ids<'a> {
    Texts(Texts<'a>),
    Integers(&'a dyn Array),
}

impl<'a> Ids<'a> {
    fn of(array: &'a dyn Array) -> Option<Ids<'a>> {
        if let Some(t) = Texts::of(array) {
            return Some(Ids::Texts(t));
        }
        array
            .data_type()
            .is_integer()
            .then_some(Ids::Integers(array))
    }

    /// Row `i`'s id, `None` when null.
    fn get(&self, i: usize) -> Option<String> {
        let a = match self {
            Ids::Texts(t) => return t.get(i).map(str::to_string),
            Ids::Integers(a) if a.is_null(i) => return None,
            Ids::Integers(a) => *a,
        };
        let n = match a.data_type() {
            DataType::Int8 => a.as_primitive::<Int8Type>().value(i).to_string(),
            DataType::Int16 => a.as_primitive::<Int16Type>().value(i).to_string(),
            DataType::Int32 => a.as_primitive::<Int32Type>().value(i).to_string(),
            DataType::Int64 => a.as_primitive::<Int64Type>().value(i).to_string(),
            DataType::UInt8 => a.as_primitive::<UInt8Type>().value(i).to_string(),
            DataType::UInt16 => a.as_primitive::<UInt16Type>().value(i).to_string(),
            DataType::UInt32 => a.as_primitive::<UInt32Type>().value(i).to_string(),
            // `of` let only integers in: this is UInt64.
            _ => a.as_primitive::<UInt64Type>().value(i).to_string(),
        };
        Some(n)
    }
}

/// The `date` column: Arrow dates, or `YYYY-MM-DD` text as the CLI reads.
enum Dates<'a> {
    Days(&'a arrow_array::Date32Array),
    Millis(&'a arrow_array::Date64Array),
    Texts(Texts<'a>),
}

impl<'a> Dates<'a> {
    fn of(array: &'a dyn Array) -> Option<Dates<'a>> {
        if let Some(t) = Texts::of(array) {
            return Some(Dates::Texts(t));
        }
        match array.data_type() {
            DataType::Date32 => Some(Dates::Days(array.as_primitive())),
            DataType::Date64 => Some(Dates::Millis(array.as_primitive())),
            _ => None,
        }
    }

    /// Row `i`'s date; `Err` with the CLI's words for text that is not one.
    fn get(&self, i: usize) -> Result<Option<Date>, String> {
        let from_days = |n: i64| {
            let d = jiff::SignedDuration::from_hours(n.saturating_mul(24));
            EPOCH
                .checked_add(d)
                .map_err(|e| format!("{n} days from 1970-01-01 is not a date: {e}"))
        };
        match self {
            Dates::Days(a) if a.is_valid(i) => from_days(i64::from(a.value(i))).map(Some),
            Dates::Millis(a) if a.is_valid(i) => {
                from_days(a.value(i).div_euclid(86_400_000)).map(Some)
            }
            Dates::Texts(t) => match t.get(i) {
                Some(s) => s
                    .parse()
                    .map(Some)
                    .map_err(|e| format!("{s:?} is not a date (YYYY-MM-DD): {e}")),
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }
}

/// Which input columns hold what; `None` for those not given.
struct Names {
    text: String,
    id: Option<String>,
    date: Option<String>,
}

/// What extraction of a table gave: its batches and its problems, in order.
struct Extracted {
    batches: Vec<RecordBatch>,
    problems: Vec<Problem>,
}

/// A column by name; an optional one may be absent, as a record's `id` and
/// `date` may be.
fn column<'b>(
    batch: &'b RecordBatch,
    name: Option<&str>,
    required: bool,
) -> Result<Option<&'b ArrayRef>, String> {
    let Some(name) = name else { return Ok(None) };
    match batch.column_by_name(name) {
        Some(c) => Ok(Some(c)),
        None if !required => Ok(None),
        None => {
            let have: Vec<_> = batch
                .schema()
                .fields()
                .iter()
                .map(|f| f.name().clone())
                .collect();
            Err(format!("no column {name:?} in the table (it has {have:?})"))
        }
    }
}

/// Appends the findings of `batch`'s articles, numbered from `first` for
/// those without an id, to `out`.
fn extract_batch(
    report: &Report,
    batch: &RecordBatch,
    names: &Names,
    first: u64,
    out: &mut Columns,
    problems: &mut Vec<Problem>,
) -> Result<(), String> {
    let wrong =
        |what: &str, name: &str, t: &DataType| format!("column {name:?} holds {t}, not {what}");
    let texts = column(batch, Some(&names.text), true)?.ok_or("no text column")?;
    let texts = Texts::of(texts).ok_or_else(|| wrong("text", &names.text, texts.data_type()))?;
    let ids = match column(batch, names.id.as_deref(), false)? {
        Some(c) => Some(Ids::of(c).ok_or_else(|| {
            wrong(
                "text or integers",
                names.id.as_deref().unwrap_or(""),
                c.data_type(),
            )
        })?),
        None => None,
    };
    let dates = match column(batch, names.date.as_deref(), false)? {
        Some(c) => Some(Dates::of(c).ok_or_else(|| {
            wrong(
                "dates or text",
                names.date.as_deref().unwrap_or(""),
                c.data_type(),
            )
        })?),
        None => None,
    };
    for i in 0..batch.num_rows() {
        let Some(text) = texts.get(i) else { continue };
        let article = ids
            .as_ref()
            .and_then(|ids| ids.get(i))
            .unwrap_or_else(|| (first + i as u64).to_string());
        let date = match dates.as_ref().map(|d| d.get(i)).transpose() {
            Ok(d) => d.flatten(),
            Err(why) => {
                let skipped = Problem::unplaced("bad_date", format!("record skipped: {why}"));
                problems.push(skipped.in_article(&article));
                continue;
            }
        };
        let found = report.findings_in(text);
        let found = match date {
            Some(d) => found.dated(d),
            None => found,
        };
        let mut chars = Chars::new(text);
        for item in found {
            match item {
                Ok(f) => out.append(&Row::new("-", &f), &f, &mut chars, &article),
                Err(e) => problems.push(Problem::of(&e, Some(text)).in_article(&article)),
            }
        }
    }
    Ok(())
}

/// The findings of every batch `input` yields, one output batch per input
/// batch; the first article without an id is numbered `first`.
fn extract_all(
    report: &Report,
    input: impl Iterator<Item = Result<RecordBatch, ArrowError>>,
    names: &Names,
    mut first: u64,
) -> Result<Extracted, String> {
    let mut done = Extracted {
        batches: Vec::new(),
        problems: Vec::new(),
    };
    for batch in input {
        let batch = batch.map_err(|e| e.to_string())?;
        let mut out = Columns::new();
        extract_batch(report, &batch, names, first, &mut out, &mut done.problems)?;
        first += batch.num_rows() as u64;
        done.batches.push(out.batch().map_err(|e| e.to_string())?);
    }
    Ok(done)
}

/// The batches of an object with `__arrow_c_stream__` (a table, a reader,
/// a Polars frame) or `__arrow_c_array__` (a record batch).
fn batches_of(data: &Bound<'_, PyAny>) -> PyResult<Box<dyn RecordBatchReader + Send>> {
    let py = data.py();
    if data.hasattr(pyo3::intern!(py, "__arrow_c_stream__"))? {
        let capsule = data.call_method0("__arrow_c_stream__")?;
        let capsule = capsule.cast::<PyCapsule>()?;
        let ptr = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: the capsule holds an ArrowArrayStream (its name says so),
        // which `from_raw` moves out, leaving it released for the capsule.
        let stream = unsafe { FFI_ArrowArrayStream::from_raw(ptr.cast().as_ptr()) };
        let reader = RecordBatchStreamReader::try_new(stream)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        return Ok(Box::new(reader));
    }
    if data.hasattr(pyo3::intern!(py, "__arrow_c_array__"))? {
        let pair = data.call_method0("__arrow_c_array__")?;
        let pair = pair.cast::<PyTuple>()?;
        let schema = pair.get_item(0)?;
        let schema = schema.cast::<PyCapsule>()?;
        let array = pair.get_item(1)?;
        let array = array.cast::<PyCapsule>()?;
        let schema_ptr = schema.pointer_checked(Some(c"arrow_schema"))?;
        let array_ptr = array.pointer_checked(Some(c"arrow_array"))?;
        // SAFETY: the capsules hold an ArrowSchema and an ArrowArray (their
        // names say so); the schema is borrowed, the array moved out.
        let data = unsafe {
            let schema: &FFI_ArrowSchema = schema_ptr.cast().as_ref();
            let array = FFI_ArrowArray::from_raw(array_ptr.cast().as_ptr());
            from_ffi(array, schema)
        }
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let array = make_array(data);
        let Some(rows) = array.as_any().downcast_ref::<StructArray>() else {
            return Err(PyTypeError::new_err(format!(
                "__arrow_c_array__ gave {}, not a record batch (a struct array)",
                array.data_type()
            )));
        };
        let batch = RecordBatch::from(rows.clone());
        let schema = batch.schema();
        return Ok(Box::new(RecordBatchIterator::new([Ok(batch)], schema)));
    }
    Err(PyTypeError::new_err(format!(
        "expected Arrow data (an object with __arrow_c_stream__ or __arrow_c_array__, \
         such as a pyarrow.Table), not {}",
        data.get_type().name()?
    )))
}

/// Arrow record batches, exported through `__arrow_c_stream__`: what
/// `extract_stream` returns, for `pyarrow.table()` and the like.
#[pyclass(frozen, module = "figures")]
pub(crate) struct Stream {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl Stream {
    /// An ArrowArrayStream PyCapsule of the batches (the schema asked for
    /// is not cast to: the columns are fixed).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches = self.batches.clone().into_iter().map(Ok);
        let reader = RecordBatchIterator::new(batches, self.schema.clone());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// How many rows (findings) it holds.
    fn __len__(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

/// The findings of the articles in `data` as Arrow record batches; see
/// `figures.extract_arrow`.
#[pyfunction]
#[pyo3(signature = (data, *, text="text", id=Some("id"), date=Some("date"), lang=None, assume=None, to=None, first=1))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments
pub(crate) fn extract_stream(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    text: &str,
    id: Option<&str>,
    date: Option<&str>,
    lang: Option<&str>,
    assume: Option<&Bound<'_, PyAny>>,
    to: Option<&str>,
    first: u64,
) -> PyResult<Stream> {
    let report = options::report(py, lang, assume, to)?;
    let names = Names {
        text: text.to_string(),
        id: id.map(str::to_string),
        date: date.map(str::to_string),
    };
    let input = batches_of(data)?;
    let done = py
        .detach(|| extract_all(&report, input, &names, first))
        .map_err(PyValueError::new_err)?;
    for p in &done.problems {
        p.warn(py)?;
    }
    let schema = match done.batches.first() {
        Some(b) => b.schema(),
        None => Columns::new()
            .batch()
            .map_err(|e| PyValueError::new_err(e.to_string()))?
            .schema(),
    };
    Ok(Stream {
        schema,
        batches: done.batches,
    })
}
