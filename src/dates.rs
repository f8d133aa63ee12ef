//! The date a text was written on, read from the text itself: a labelled
//! date (`Published 12 December 2022`, `Updated: 2023-09-15`), a dateline
//! (`KYIV, Dec 12, 2022 (Reuters) -`), or a full date that starts a line at
//! the head of the text or is a line of its own.
//!
//! A date in the body (`the accord of March 3, 2019`) dates an event, not
//! the article: auditing by it could accuse a writer of a rate they never
//! used, so only a labelled date counts past the head. Numbers are read
//! day first (`12.12.2022`, `5/11/2022` outside English), month first only
//! with the month's name (`December 12, 2022`); an all-number date in
//! English text, whose order is unsure, is never read.

use std::ops::Range;

use jiff::civil::Date;

use crate::lang::{self, Lang};

/// How far into a text an unlabelled date still dates it: its head, where
/// datelines and bylines sit.
pub(crate) const HEAD: usize = 512;

/// The longest stretch before a date that may hold its label
/// (`Last updated on Monday, `).
const LABEL_REACH: usize = 32;

/// A date written in a text, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Written {
    pub date: Date,
    /// Bytes of the date as written, in the text searched.
    pub span: Range<usize>,
    /// A label or dateline says it is the text's own date.
    pub labelled: bool,
}

/// The date `text` says it was written on: the first labelled date, else
/// the first date that starts a line in the first [`HEAD`] bytes (`head`:
/// the text starts its input) or is a line of its own. `lang`, asked only for a date written
/// with slashes, orders its numbers.
pub(crate) fn written(text: &str, head: bool, lang: &dyn Fn() -> Option<Lang>) -> Option<Written> {
    let bytes = text.as_bytes();
    let mut unlabelled = None;
    let mut at = 0;
    while let Some(i) = crate::swar::find(&bytes[at..], b'0', b'9') {
        let start = at + i;
        let run = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        at = start + run;
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        // A date starts with its day or month (one or two digits) or with
        // the year of `2023-09-15`: most runs of digits (`2022`, the `000`
        // of `1,000`) start none.
        let may_start = match run {
            1 | 2 => true,
            4 => bytes.get(start + 4) == Some(&b'-'),
            _ => false,
        };
        if !may_start {
            continue;
        }
        crate::work::add(run + 64);
        let Some(found) = date_at(text, start, lang) else {
            continue;
        };
        at = at.max(found.span.end);
        if found.labelled || labelled(&text[..found.span.start]) {
            return Some(Written {
                labelled: true,
                ..found
            });
        }
        let (leads, alone) = on_its_line(text, &found.span);
        if unlabelled.is_none() && (leads && head && found.span.start < HEAD || alone) {
            unlabelled = Some(found);
        }
    }
    unlabelled
}

/// The date whose first digits start at `start`, or whose month name ends
/// just before it (`December 12, 2022`).
fn date_at(text: &str, start: usize, lang: &dyn Fn() -> Option<Lang>) -> Option<Written> {
    let rest = &text[start..];
    if let Some((date, len)) = iso(rest).or_else(|| numeric(rest, lang)) {
        return Some(Written {
            date,
            span: start..start + len,
            labelled: false,
        });
    }
    if let Some((date, len)) = day_month_year(rest) {
        return Some(Written {
            date,
            span: start..start + len,
            labelled: false,
        });
    }
    month_day_year(text, start)
}

/// `2023-09-15`, not part of a longer number.
fn iso(s: &str) -> Option<(Date, usize)> {
    let b = s.as_bytes();
    let digits = |r: Range<usize>| b.get(r).filter(|d| d.iter().all(u8::is_ascii_digit));
    digits(0..4)?;
    digits(5..7)?;
    digits(8..10)?;
    if b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((ymd(&s[0..4], &s[5..7], &s[8..10])?, 10))
}

/// `12.12.2022`, or `12/12/2022` where the language writes the day first.
fn numeric(s: &str, lang: &dyn Fn() -> Option<Lang>) -> Option<(Date, usize)> {
    let (day, r) = number(s, 2)?;
    let sep = r.chars().next()?;
    if !(sep == '.' || sep == '/' && lang().is_some_and(|l| l != Lang::En)) {
        return None;
    }
    let (month, r2) = number(&r[1..], 2)?;
    let r2 = r2.strip_prefix(sep)?;
    let (year, tail) = number(r2, 4)?;
    if year.len() != 4 || tail.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // `1.5.2022` in a table of figures would be a version; `10.5.2022 ` is
    // a date only when the year ends it.
    if tail.starts_with('.') && tail[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((ymd(year, month, day)?, s.len() - tail.len()))
}

/// `12 December 2022`, `12. Dezember 2022`, `12 de diciembre de 2022`,
/// `1er mai 2023`.
fn day_month_year(s: &str) -> Option<(Date, usize)> {
    let (day, r) = number(s, 2)?;
    let r = r.strip_prefix('.').unwrap_or(r);
    let r = lang::DAY_ENDS
        .iter()
        .find_map(|e| r.strip_prefix(e))
        .unwrap_or(r);
    let r = links(space(r)?);
    let (month, r) = month(r)?;
    let r = links(space(r)?);
    let (year, tail) = number(r, 4)?;
    if year.len() != 4 || tail.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let date = Date::new(
        year.parse().ok()?,
        i8::try_from(month).ok()?,
        day.parse().ok()?,
    )
    .ok()?;
    Some((date, s.len() - tail.len()))
}

/// `December 12, 2022`, `Dec. 12 2022`, the month's name ending just
/// before `start`.
fn month_day_year(text: &str, start: usize) -> Option<Written> {
    let before = text[..start].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .take(12)
        .take_while(|(_, c)| c.is_alphabetic() || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let (m, after) = month(&before[word_start..])?;
    if !after.is_empty() {
        return None;
    }
    let (day, r) = number(&text[start..], 2)?;
    let r = r.strip_prefix(',').unwrap_or(r);
    let (year, tail) = number(space(r)?, 4)?;
    if year.len() != 4 || tail.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let date = ymd(year, &m.to_string(), day)?;
    let end = text.len() - tail.len();
    Some(Written {
        date,
        span: word_start..end,
        labelled: dateline(&text[..word_start]) || dateline_after(tail),
    })
}

/// A month's name (or abbreviation, with or without its point) at the start
/// of `s`, and the rest.
fn month(s: &str) -> Option<(u8, &str)> {
    let len = s
        .char_indices()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    if len > 12 {
        return None;
    }
    let m = lang::in_small_letters(&s[..len], |w| lang::MONTHS.get(w).copied())?;
    let rest = &s[len..];
    Some((m, rest.strip_prefix('.').unwrap_or(rest)))
}

/// Up to `max` digits at the start of `s`, and the rest.
fn number(s: &str, max: usize) -> Option<(&str, &str)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=max).contains(&len).then(|| s.split_at(len))
}

/// One space (or a no-break space) at the start of `s`, skipped.
fn space(s: &str) -> Option<&str> {
    s.strip_prefix(' ').or_else(|| s.strip_prefix('\u{a0}'))
}

/// `de ` or `del ` at the start of `s`, skipped.
fn links(s: &str) -> &str {
    lang::DATE_LINKS
        .iter()
        .find_map(|w| space(crate::grammar::word(s, w)?))
        .unwrap_or(s)
}

/// The years a news text is dated in: no rate table reaches further back,
/// and `11 February 1144` is history, not a byline.
const YEARS: std::ops::RangeInclusive<i16> = 1940..=2099;

fn ymd(year: &str, month: &str, day: &str) -> Option<Date> {
    let year: i16 = year.parse().ok().filter(|y| YEARS.contains(y))?;
    Date::new(year, month.parse().ok()?, day.parse().ok()?).ok()
}

/// A label of the text's own date ends `before`, past a weekday, `on`,
/// `le`, a colon or spaces; the label starts its line or follows a
/// byline's separator (`By Ana Ruiz | Published`), never a sentence's words
/// (`the report published 12 May`).
fn labelled(before: &str) -> bool {
    let line = before.rfind('\n').map_or(0, |i| i + 1);
    let mut from = before.len().saturating_sub(LABEL_REACH).max(line);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let near = before[from..].to_lowercase();
    let near = near.trim_end_matches([' ', ':', ',', '\u{a0}', '|', '-']);
    let line_start = from == line;
    lang::DATE_LABELS.iter().any(|label| {
        near.match_indices(label).any(|(i, _)| {
            let after = &near[i + label.len()..];
            let lead = near[..i].trim_end();
            let opens = if lead.is_empty() {
                line_start
            } else {
                lead.ends_with(['|', '·', '•', '–', '—', '-', '/'])
            };
            // Only a weekday or a short word may sit between label and date.
            opens
                && after.split_whitespace().count() <= 2
                && !after.contains(|c: char| c.is_ascii_digit())
        })
    })
}

/// A dateline's place ends `before` at a line start: `KYIV, ` or
/// `WASHINGTON (AP) — `.
fn dateline(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let place = line.trim_end().trim_end_matches(',');
    !place.is_empty()
        && place.len() <= 40
        && place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| !c.is_lowercase() && !c.is_ascii_digit())
}

/// A news agency's bracket or a dash follows: `(Reuters) -`.
fn dateline_after(tail: &str) -> bool {
    let t = tail.trim_start();
    t.starts_with('(') && t.find(')').is_some_and(|e| e < 24)
}

/// Whether the date starts its line (past a weekday), and whether it is
/// all the line holds: a byline's date, not an event's in a sentence.
fn on_its_line(text: &str, span: &Range<usize>) -> (bool, bool) {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let leads = text[start..span.start].split_whitespace().count() <= 1;
    (leads, leads && text[span.end..end].trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        written(text, true, &|| None).map(|w| w.date.to_string())
    }

    #[test]
    fn forms() {
        assert_eq!(date("Updated: 2023-09-15 10:02"), Some("2023-09-15".into()));
        assert_eq!(
            date("Published 12 December 2022"),
            Some("2022-12-12".into())
        );
        assert_eq!(
            date("December 12, 2022. The fund"),
            Some("2022-12-12".into())
        );
        assert_eq!(
            date("Monday, 12 December 2022 - The fund"),
            Some("2022-12-12".into())
        );
        assert_eq!(date("The fund said on December 12, 2022 it would"), None);
        assert_eq!(date("Dec. 12 2022 - aid"), Some("2022-12-12".into()));
        assert_eq!(date("Stand: 12.12.2022"), Some("2022-12-12".into()));
        assert_eq!(
            date("Publicado el 3 de marzo de 2021"),
            Some("2021-03-03".into())
        );
        assert_eq!(date("12. Dezember 2022"), Some("2022-12-12".into()));
        assert_eq!(date("Publié le 1er mai 2023"), Some("2023-05-01".into()));
        assert_eq!(
            date("By Ana Ruiz | Published 3 May 2024"),
            Some("2024-05-03".into())
        );
    }

    #[test]
    fn spans_and_labels() {
        let text = "Kyiv aid\nPublished on Monday, 12 December 2022\nThe fund...";
        let w = written(text, true, &|| None).unwrap();
        assert_eq!(&text[w.span.clone()], "12 December 2022");
        assert!(w.labelled);
        let text = "KYIV, Dec 12, 2022 (Reuters) - Ukraine";
        let w = written(text, false, &|| None).unwrap();
        assert_eq!((&text[w.span.clone()], w.labelled), ("Dec 12, 2022", true));
    }

    #[test]
    fn only_the_head_or_a_label_dates_a_text() {
        let body = format!("{}The accord of March 3, 2019 set it.", "word ".repeat(120));
        assert_eq!(date(&body), None);
        let labelled = format!(
            "{}\nLast updated: March 3, 2024 10:00. More",
            "word ".repeat(120)
        );
        assert_eq!(date(&labelled), Some("2024-03-03".into()));
        let own_line = format!("{}\n3 March 2024\nText", "word ".repeat(120));
        assert_eq!(date(&own_line), Some("2024-03-03".into()));
        let history = format!(
            "{}It may be dated to 11 February 1144.",
            "word ".repeat(120)
        );
        assert_eq!(date(&history), None);
        let sentence = format!(
            "{}The report published 12 May 2024 says",
            "word ".repeat(120)
        );
        assert_eq!(date(&sentence), None);
        // A later chunk is no head.
        assert_eq!(written("On 3 March 2024 it rose", false, &|| None), None);
    }

    #[test]
    fn order_of_all_number_dates() {
        assert_eq!(
            date("5/11/2022"),
            None,
            "month or day first: unsure in English"
        );
        let fr = written("Publié le 5/11/2022", true, &|| Some(Lang::Fr)).unwrap();
        assert_eq!(fr.date.to_string(), "2022-11-05");
        assert_eq!(date("2022-13-01"), None);
        assert_eq!(date("31.02.2022"), None);
        assert_eq!(date("version 1.2.2022.5"), None);
        assert_eq!(date("Published 12345-01-01"), None);
    }
}
