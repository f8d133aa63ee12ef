//! How typed values are written through serde, so that they read as the
//! JSON-lines output does: decimals as strings without trailing zeros, an
//! audit's notes as one `reason`.

use rust_decimal::Decimal;
use serde::Serializer;

use crate::audit::Note;

pub(crate) fn decimal<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.normalize())
}

pub(crate) fn option_decimal<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => decimal(d, s),
        None => s.serialize_none(),
    }
}

pub(crate) fn notes<S: Serializer>(notes: &[Note], s: S) -> Result<S::Ok, S::Error> {
    match crate::audit::joined(notes, Note::to_string) {
        Some(reason) => s.serialize_str(&reason),
        None => s.serialize_none(),
    }
}

pub(crate) fn option_display<T: std::fmt::Display, S: Serializer>(
    v: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}
