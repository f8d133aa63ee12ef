//! The audit as one page a person reads: a summary, a chart of each pair's
//! deviation against its tolerance band, then each pair in words with the
//! sentence it was found in. Self-contained HTML: inline CSS and SVG, no
//! script, nothing fetched; everything from the input escaped.

mod chart;
mod escape;
mod wording;

use std::io::Write;
use std::ops::Range;

use rust_decimal::Decimal;

use crate::audit::{Audit, Note, Tolerance, Verdict};
use crate::error::Result;
use crate::report::Finding;
use escape::{Escaped, web_link};
use wording::Side;

/// The section of the page an article's findings go in: its input's name,
/// and for a record of several per input its id and the `url` it was
/// published at.
///
/// # Example
///
/// ```
/// let a = figures::Section::new("news.jsonl").id("a1").url("https://example.org/a1");
/// assert_eq!(a.source(), "news.jsonl");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    source: String,
    id: Option<String>,
    url: Option<String>,
}

impl Section {
    /// The article that is the whole of input `source` (a path, or `-`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::Section::new("-").source(), "-");
    /// ```
    pub fn new(source: &str) -> Section {
        Section {
            source: source.to_string(),
            ..Section::default()
        }
    }

    /// The article's id within its input.
    ///
    /// # Example
    ///
    /// ```
    /// let a = figures::Section::new("news.jsonl").id("7");
    /// assert_ne!(a, figures::Section::new("news.jsonl"));
    /// ```
    #[must_use]
    pub fn id(mut self, id: &str) -> Section {
        self.id = Some(id.to_string());
        self
    }

    /// Where the article was published: linked on the page when it is an
    /// `http` or `https` URL, else shown as text.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Section, HtmlReport};
    /// let mut page = HtmlReport::new();
    /// page.article(Section::new("-").url("javascript:alert(1)"));
    /// page.add(&figures::Report::new().findings_in("€1 ($1.14)").nth(1).unwrap()?);
    /// let mut html = Vec::new();
    /// page.write(&mut html)?;
    /// let html = String::from_utf8(html)?;
    /// assert!(html.contains("javascript:alert(1)") && !html.contains("href=\"javascript:"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn url(mut self, url: &str) -> Section {
        self.url = Some(url.to_string());
        self
    }

    /// The input's name.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(figures::Section::new("a.txt").id("1").source(), "a.txt");
    /// ```
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// The sentence of a pair with its two amounts' places in it.
#[derive(Clone, Debug)]
struct Excerpt {
    text: String,
    marks: Vec<Range<usize>>,
}

/// The longest sentence kept: the sentences found are at most about a
/// kilobyte, so this only bounds what a pathological text could bring.
const EXCERPT_LIMIT: usize = 4096;

impl Excerpt {
    fn of(finding: &Finding, figure: &Finding) -> Option<Excerpt> {
        let sentence = finding.sentence.as_ref()?;
        if sentence.text.len() > EXCERPT_LIMIT {
            return None;
        }
        let mut marks: Vec<Range<usize>> = [&figure.mention.span, &finding.mention.span]
            .into_iter()
            .filter_map(|span| {
                let start = span.start.checked_sub(sentence.start)?;
                let end = span.end.checked_sub(sentence.start)?;
                sentence.text.get(start..end).map(|_| start..end)
            })
            .collect();
        marks.sort_by_key(|m| m.start);
        // Overlapping marks would nest: the later one is dropped.
        marks.dedup_by(|later, earlier| later.start < earlier.end);
        Some(Excerpt {
            text: sentence.text.clone(),
            marks,
        })
    }
}

/// One audited pair as the page shows it.
#[derive(Clone, Debug)]
struct Entry {
    /// Its article, an index into `HtmlReport::shown`.
    article: usize,
    pair: u64,
    line: u64,
    figure: Side,
    conversion: Side,
    excerpt: Option<Excerpt>,
    audit: Audit,
    /// The tolerance it was held to, in percent either side.
    band: Decimal,
}

/// The verdicts in the order the page lists them, with what each means.
const VERDICTS: [(Verdict, &str); 5] = [
    (
        Verdict::Consistent,
        "the stated rate, within the rounding of its figures, meets the reference rate within the tolerance",
    ),
    (
        Verdict::Loose,
        "it meets it only thanks to the rounding of a figure of one significant digit",
    ),
    (Verdict::Inconsistent, "it does not"),
    (
        Verdict::NoRate,
        "no reference rate for these currencies on that date",
    ),
    (
        Verdict::NotAudited,
        "a range, a zero, an unknown currency or no date: no verdict",
    ),
];

/// An HTML page of an audit: [`add`](HtmlReport::add) each article's
/// findings after naming it with [`article`](HtmlReport::article), then
/// [`write`](HtmlReport::write) the page. The summary comes first, so the
/// pairs are kept until then (each a few hundred bytes plus its sentence,
/// at most 4 KiB); of the other findings only their count is, and of
/// articles without pairs nothing.
///
/// # Example
///
/// ```
/// use figures::{Section, HtmlReport, Report};
/// let report = Report::new().date("2025-03-06".parse()?);
/// let mut page = HtmlReport::new();
/// page.article(Section::new("news.txt"));
/// for found in report.findings_in("Donors pledged €800 million ($1.1 billion).") {
///     page.add(&found?);
/// }
/// let mut html = Vec::new();
/// page.write(&mut html)?;
/// let html = String::from_utf8(html)?;
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("€800 million stated as $1.1 billion: 27.36% above the ECB reference \
///                        rate of 2025-03-06 (1 EUR = 1.0796 USD)"));
/// assert!(html.contains("pledged <mark>€800 million</mark> (<mark>$1.1 billion</mark>)."));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct HtmlReport {
    tolerance: Tolerance,
    articles: u64,
    inputs: u64,
    /// The last article's input, to count inputs.
    last_source: Option<String>,
    amounts: u64,
    /// The articles that have pairs, in order.
    shown: Vec<Section>,
    /// The article begun last, until its first pair shows it.
    pending: Option<Section>,
    /// Its index in `shown`, once shown.
    current: Option<usize>,
    entries: Vec<Entry>,
}

impl Default for HtmlReport {
    fn default() -> HtmlReport {
        HtmlReport::new()
    }
}

impl HtmlReport {
    /// An empty page, for an audit at the default 1% tolerance.
    ///
    /// # Example
    ///
    /// ```
    /// let mut html = Vec::new();
    /// figures::HtmlReport::new().write(&mut html)?;
    /// assert!(String::from_utf8(html)?.contains("<span class=\"n\" id=\"pairs\">0</span>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> HtmlReport {
        HtmlReport {
            tolerance: Tolerance::default(),
            articles: 0,
            inputs: 0,
            last_source: None,
            amounts: 0,
            shown: Vec::new(),
            pending: None,
            current: None,
            entries: Vec::new(),
        }
    }

    /// The tolerance the audit ran with (the [`Report::tolerance`](crate::Report::tolerance)),
    /// drawn as each pair's band, widened where its rate is weekly or monthly.
    ///
    /// # Example
    ///
    /// ```
    /// let page = figures::HtmlReport::new().tolerance("2%".parse()?);
    /// let mut html = Vec::new();
    /// page.write(&mut html)?;
    /// assert!(String::from_utf8(html)?.contains("a tolerance of 2%"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn tolerance(mut self, tolerance: Tolerance) -> HtmlReport {
        self.tolerance = tolerance;
        self
    }

    /// Begins `article`: the findings added next are its.
    ///
    /// # Example
    ///
    /// ```
    /// use figures::{Section, HtmlReport};
    /// let mut page = HtmlReport::new();
    /// page.article(Section::new("a.jsonl").id("1"));
    /// page.article(Section::new("a.jsonl").id("2"));
    /// let mut html = Vec::new();
    /// page.write(&mut html)?;
    /// let html = String::from_utf8(html)?;
    /// assert!(html.contains("<span class=\"n\" id=\"articles\">2</span>"));
    /// assert!(html.contains("<span id=\"inputs\">1</span> input"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn article(&mut self, article: Section) {
        self.articles += 1;
        if self.last_source.as_deref() != Some(article.source.as_str()) {
            self.inputs += 1;
            self.last_source = Some(article.source.clone());
        }
        self.pending = Some(article);
        self.current = None;
    }

    /// Adds a finding of the current article: every one counts as an
    /// amount found, and a stated conversion with its audit becomes an
    /// entry. Findings added before any [`article`](HtmlReport::article)
    /// are of an article named `-`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut page = figures::HtmlReport::new();
    /// for found in figures::Report::new().findings_in("€21bn ($24bn) and £5") {
    ///     page.add(&found?);
    /// }
    /// let mut html = Vec::new();
    /// page.write(&mut html)?;
    /// let html = String::from_utf8(html)?;
    /// assert!(html.contains("<span class=\"n\" id=\"amounts\">3</span>"));
    /// assert!(html.contains("<td class=\"n\" data-verdict=\"not_audited\">1</td>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, finding: &Finding) {
        if self.pending.is_none() && self.current.is_none() {
            self.article(Section::new("-"));
        }
        self.amounts += 1;
        let (Some(figure), Some(audit)) = (finding.figure.as_deref(), finding.audit.as_ref())
        else {
            return;
        };
        let article = match (self.current, self.pending.take()) {
            (Some(i), _) => i,
            (None, article) => {
                self.shown.push(article.unwrap_or_default());
                self.shown.len() - 1
            }
        };
        self.current = Some(article);
        let percent = |t: Tolerance| t.fraction() * Decimal::ONE_HUNDRED;
        let widened: Decimal = audit
            .notes
            .iter()
            .filter_map(|n| match n {
                Note::Widened { by, .. } => Some(percent(*by)),
                _ => None,
            })
            .sum();
        let side = |f: &Finding| Side {
            text: f.text.clone(),
            currency: f.mention.currency,
        };
        self.entries.push(Entry {
            article,
            pair: finding.pair.unwrap_or(0),
            line: figure.line,
            figure: side(figure),
            conversion: side(finding),
            excerpt: Excerpt::of(finding, figure),
            audit: audit.clone(),
            band: percent(self.tolerance) + widened,
        });
    }

    /// Writes the page to `out`.
    ///
    /// # Errors
    ///
    /// When writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// let mut page = figures::HtmlReport::new();
    /// page.article(figures::Section::new("<b>.txt"));
    /// page.add(&figures::Report::new().findings_in("€1 ($1.14)").nth(1).unwrap()?);
    /// let mut html = Vec::new();
    /// page.write(&mut html)?;
    /// let html = String::from_utf8(html)?;
    /// assert!(html.contains("&lt;b&gt;.txt") && !html.contains("<b>"));
    /// assert!(!html.contains("<script") && !html.contains("<link"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write(&self, mut out: impl Write) -> Result<()> {
        let count = |v: Verdict| self.entries.iter().filter(|e| e.audit.verdict == v).count();
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>figures audit: {} pair{}, {} inconsistent</title>\n<style>\n{STYLE}</style>\n\
             </head>\n<body>\n<header>\n<h1>Stated conversions, audited</h1>\n\
             <p>Each amount stated as the conversion of another is checked against the \
             reference rate of its text's date, allowing for the rounding of both written \
             figures and a tolerance of {}, widened for weekly and monthly rates.</p>\n\
             </header>\n",
            self.entries.len(),
            if self.entries.len() == 1 { "" } else { "s" },
            count(Verdict::Inconsistent),
            self.tolerance
        )?;
        self.write_summary(&mut out)?;
        self.write_chart(&mut out)?;
        self.write_pairs(&mut out)?;
        out.write_all(b"</body>\n</html>\n")?;
        out.flush()?;
        Ok(())
    }

    fn write_summary(&self, out: &mut impl Write) -> Result<()> {
        let plural = |n: u64, one: &str, many: &str| if n == 1 { one } else { many }.to_string();
        write!(
            out,
            "<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"counts\">\n\
             <li><span class=\"n\" id=\"articles\">{}</span> {} \
             <span class=\"aside\">(from <span id=\"inputs\">{}</span> {})</span></li>\n\
             <li><span class=\"n\" id=\"amounts\">{}</span> {} found</li>\n\
             <li><span class=\"n\" id=\"pairs\">{}</span> stated {} audited</li>\n</ul>\n\
             <table class=\"verdicts\">\n<thead><tr><th>Verdict</th><th>Pairs</th>\
             <th>Meaning</th></tr></thead>\n<tbody>\n",
            self.articles,
            plural(self.articles, "article", "articles"),
            self.inputs,
            plural(self.inputs, "input", "inputs"),
            self.amounts,
            plural(self.amounts, "amount", "amounts"),
            self.entries.len(),
            plural(self.entries.len() as u64, "conversion", "conversions"),
        )?;
        for (verdict, meaning) in VERDICTS {
            let v = verdict.as_str();
            let n = self
                .entries
                .iter()
                .filter(|e| e.audit.verdict == verdict)
                .count();
            writeln!(
                out,
                "<tr><td><span class=\"verdict {v}\">{v}</span></td>\
                 <td class=\"n\" data-verdict=\"{v}\">{n}</td><td>{meaning}</td></tr>"
            )?;
        }
        out.write_all(b"</tbody>\n</table>\n</section>\n")?;
        Ok(())
    }

    fn write_chart(&self, out: &mut impl Write) -> Result<()> {
        let points: Vec<chart::Point> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let deviation = e.audit.deviation_pct?;
                Some(chart::Point {
                    number: i + 1,
                    deviation,
                    band: e.band,
                    verdict: e.audit.verdict,
                    title: format!(
                        "#{} {} ({})",
                        i + 1,
                        wording::claim(&e.figure, &e.conversion, &e.audit),
                        e.audit.verdict.as_str()
                    ),
                })
            })
            .collect();
        out.write_all(
            b"<section id=\"chart\">\n<h2>Deviation from the reference rate</h2>\n\
              <p>One row per pair with a reference rate: the dot is the stated rate's \
              deviation from it, in percent, the shaded band the tolerance that pair was \
              held to. The rounding of the written figures can make a pair outside the \
              band consistent.</p>\n",
        )?;
        if points.is_empty() {
            out.write_all(
                b"<p class=\"empty\">No pair has a reference rate to compare with.</p>\n",
            )?;
        } else {
            writeln!(out, "<figure>{}</figure>", chart::svg(&points))?;
            if points.len() > chart::ROWS {
                writeln!(
                    out,
                    "<p class=\"aside\">The first {} of {} pairs with a reference rate are drawn.</p>",
                    chart::ROWS,
                    points.len()
                )?;
            }
        }
        out.write_all(b"</section>\n")?;
        Ok(())
    }

    fn write_pairs(&self, out: &mut impl Write) -> Result<()> {
        out.write_all(b"<section id=\"entries\">\n<h2>Pairs</h2>\n")?;
        if self.entries.is_empty() {
            out.write_all(b"<p class=\"empty\">No stated conversion was found.</p>\n")?;
        }
        let mut open: Option<usize> = None;
        for (i, e) in self.entries.iter().enumerate() {
            if open != Some(e.article) {
                if open.is_some() {
                    out.write_all(b"</ol>\n</section>\n")?;
                }
                write_article(out, &self.shown[e.article], i + 1)?;
                open = Some(e.article);
            }
            write_entry(out, e, i + 1)?;
        }
        if open.is_some() {
            out.write_all(b"</ol>\n</section>\n")?;
        }
        out.write_all(b"</section>\n")?;
        Ok(())
    }
}

/// An article's heading, and the list its pairs go in, numbered from `first`.
fn write_article(out: &mut impl Write, a: &Section, first: usize) -> Result<()> {
    let source = match a.source.as_str() {
        "-" => "standard input",
        s => s,
    };
    write!(
        out,
        "<section class=\"article\">\n<h3><span class=\"source\">{}</span>",
        Escaped(source)
    )?;
    if let Some(id) = &a.id {
        write!(out, " <span class=\"id\">article {}</span>", Escaped(id))?;
    }
    out.write_all(b"</h3>\n")?;
    if let Some(url) = &a.url {
        match web_link(url) {
            Some(link) => writeln!(
                out,
                "<p class=\"url\"><a href=\"{}\" rel=\"noreferrer noopener\">{}</a></p>",
                Escaped(link),
                Escaped(link)
            )?,
            None => writeln!(
                out,
                "<p class=\"url\"><span class=\"unlinked\" title=\"not an http or https URL: \
                 not linked\">{}</span></p>",
                Escaped(url)
            )?,
        }
    }
    writeln!(out, "<ol class=\"pairs\" start=\"{first}\">")?;
    Ok(())
}

/// One pair: the claim in words, its sentence, and the facts behind the
/// verdict.
fn write_entry(out: &mut impl Write, e: &Entry, number: usize) -> Result<()> {
    let a = &e.audit;
    let v = a.verdict.as_str();
    write!(
        out,
        "<li class=\"pair {v}\" id=\"pair-{number}\" data-verdict=\"{v}\">\n\
         <p class=\"claim\"><span class=\"verdict {v}\">{v}</span> {}</p>\n",
        Escaped(&wording::claim(&e.figure, &e.conversion, a))
    )?;
    if let Some(x) = &e.excerpt {
        out.write_all(b"<blockquote class=\"sentence\">")?;
        write_marked(out, x)?;
        out.write_all(b"</blockquote>\n")?;
    }
    out.write_all(b"<dl class=\"facts\">\n")?;
    let mut fact = |name: &str, value: &str| -> Result<()> {
        writeln!(out, "<dt>{name}</dt><dd>{}</dd>", Escaped(value))?;
        Ok(())
    };
    // The pair's own rates as computed; the reference as banks quote it.
    let (unit, of) = (e.figure.currency, e.conversion.currency);
    let exact = |r: Decimal| wording::direction(unit, &r.normalize().to_string(), of);
    if let Some(stated) = a.stated_rate {
        fact("Stated rate", &exact(stated))?;
    }
    if let (Some(rate), Some(source), Some(date)) = (a.reference_rate, a.rate_source, a.rate_date) {
        let granularity = a
            .rate_granularity
            .map_or(String::new(), |g| format!(" ({g})"));
        fact(
            "Reference",
            &format!(
                "{}{granularity}: {}",
                wording::rate_of(source, date, a.rate_granularity),
                wording::direction(unit, &wording::quoted(rate), of)
            ),
        )?;
        fact("Tolerance", &format!("±{}%", e.band.normalize()))?;
    }
    fact("Dated by", wording::date_basis(a.date_basis))?;
    if let Some(writer) = a.writer_rate {
        fact("Writer's rate", &exact(writer))?;
    }
    if let Some(reason) = a.reason() {
        fact("Reason", &reason)?;
    }
    fact("Where", &format!("line {}, pair {}", e.line, e.pair))?;
    out.write_all(b"</dl>\n</li>\n")?;
    Ok(())
}

/// The sentence, escaped, its amounts in `<mark>`.
fn write_marked(out: &mut impl Write, x: &Excerpt) -> Result<()> {
    let mut at = 0;
    for m in &x.marks {
        let (Some(before), Some(marked)) = (x.text.get(at..m.start), x.text.get(m.clone())) else {
            continue;
        };
        write!(out, "{}<mark>{}</mark>", Escaped(before), Escaped(marked))?;
        at = m.end;
    }
    write!(out, "{}", Escaped(x.text.get(at..).unwrap_or_default()))?;
    Ok(())
}

/// The page's style: readable on screen and on paper, the verdicts in
/// colours that also differ in lightness.
const STYLE: &str = "\
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; }
body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: var(--ink);
  background: #fff; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; overflow-wrap: anywhere; }
header p, .aside, .url, .id { color: var(--muted); }
.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 2rem; }
.counts .n { font-size: 1.5rem; font-weight: 700; }
table.verdicts { border-collapse: collapse; margin: 1rem 0; }
.verdicts th, .verdicts td { text-align: left; padding: .3rem .75rem; border-bottom: 1px solid var(--rule); }
.verdicts td.n { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700; }
.verdict { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .85rem;
  font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.verdict.consistent { color: #116329; background: #dafbe1; }
.verdict.loose { color: #7d4e00; background: #fff8c5; }
.verdict.inconsistent { color: #a40e26; background: #ffebe9; }
.verdict.no_rate { color: #424a53; background: #eaeef2; }
.verdict.not_audited { color: #424a53; background: #f6f8fa; border-style: dashed; }
figure { margin: 1rem 0; overflow-x: auto; }
.chart { font: 11px system-ui, sans-serif; }
.chart .plot { fill: #fafbfc; stroke: var(--rule); }
.chart .band { fill: #ddf4ff; }
.chart .zero { stroke: #57606a; stroke-width: 1; }
.chart .tick { stroke: var(--rule); stroke-dasharray: 2 3; }
.chart .label, .chart .axis, .chart .off { fill: var(--muted); }
.chart .label { text-anchor: end; }
.dot { stroke: #fff; stroke-width: 1; }
.dot.consistent { fill: #1a7f37; }
.dot.loose { fill: #bf8700; }
.dot.inconsistent { fill: #cf222e; }
.dot.no_rate, .dot.not_audited { fill: #6e7781; }
ol.pairs { padding-left: 2rem; }
li.pair { margin: 0 0 1.25rem; padding: .5rem .75rem; border-left: 4px solid var(--rule); }
li.pair.consistent { border-left-color: #1a7f37; }
li.pair.loose { border-left-color: #bf8700; }
li.pair.inconsistent { border-left-color: #cf222e; background: #fff8f7; }
.claim { margin: 0 0 .4rem; font-weight: 600; overflow-wrap: anywhere; }
blockquote.sentence { margin: .25rem 0 .5rem; padding: .25rem .75rem; border-left: 3px solid var(--rule);
  color: #333; font-style: italic; overflow-wrap: anywhere; }
mark { background: #fff1a8; padding: 0 .1rem; font-style: normal; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0;
  font-size: .9rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.unlinked { font-family: ui-monospace, monospace; }
@media print { li.pair { break-inside: avoid; } }
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;

    fn page_of(parts: &[(&str, Option<&str>, Option<&str>, &str)]) -> String {
        let report = Report::new().date("2025-03-06".parse().unwrap());
        let mut page = HtmlReport::new();
        for (source, id, url, text) in parts {
            let mut a = Section::new(source);
            if let Some(id) = id {
                a = a.id(id);
            }
            if let Some(url) = url {
                a = a.url(url);
            }
            page.article(a);
            for found in report.findings_in(text) {
                page.add(&found.unwrap());
            }
        }
        let mut out = Vec::new();
        page.write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_input_is_escaped_everywhere() {
        let html = page_of(&[(
            "=cmd|calc!A1<b>.txt",
            Some("\"><script>alert(1)</script>"),
            Some("https://example.org/?q=\"><script>x</script>"),
            "<script>alert('x')</script> paid €800 million ($1.1 billion) \"there\".",
        )]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"));
        assert!(html.contains("=cmd|calc!A1&lt;b&gt;.txt"));
        assert!(html.contains("article &quot;&gt;&lt;script&gt;"));
        assert!(
            html.contains(
                "href=\"https://example.org/?q=&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""
            )
        );
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; paid <mark>"));
        assert!(html.contains("&quot;there&quot;."));
    }

    #[test]
    fn only_web_urls_are_linked() {
        let html = page_of(&[
            (
                "a.jsonl",
                Some("1"),
                Some("javascript:alert(1)"),
                "€1 ($1.08)",
            ),
            (
                "a.jsonl",
                Some("2"),
                Some("https://example.org/2"),
                "€2 ($2.16)",
            ),
        ]);
        assert!(!html.contains("href=\"javascript"));
        assert!(html.contains("<span class=\"unlinked\""));
        assert!(html.contains(">javascript:alert(1)</span>"));
        assert!(html.contains("<a href=\"https://example.org/2\""));
    }

    #[test]
    fn summary_counts_articles_inputs_amounts_and_verdicts() {
        let html = page_of(&[
            (
                "a.jsonl",
                Some("1"),
                None,
                "€800 million ($1.1 billion) and $5",
            ),
            ("a.jsonl", Some("2"), None, "Nothing here."),
            ("b.txt", None, None, "€4.2 billion ($4.5 billion)"),
        ]);
        assert!(html.contains("<span class=\"n\" id=\"articles\">3</span> articles"));
        assert!(html.contains("<span id=\"inputs\">2</span> inputs"));
        assert!(html.contains("<span class=\"n\" id=\"amounts\">5</span> amounts"));
        assert!(html.contains("<span class=\"n\" id=\"pairs\">2</span>"));
        assert!(html.contains("data-verdict=\"consistent\">1</td>"));
        assert!(html.contains("data-verdict=\"inconsistent\">1</td>"));
        assert!(html.contains("data-verdict=\"loose\">0</td>"));
        assert_eq!(html.matches("<li class=\"pair ").count(), 2);
        // The article without pairs has no heading.
        assert!(!html.contains("article 2</span>"));
        assert!(html.contains("<ol class=\"pairs\" start=\"2\">"));
    }

    #[test]
    fn a_widened_rate_widens_the_band() {
        let report = Report::new().date("2025-04-11".parse().unwrap());
        let mut page = HtmlReport::new();
        for found in report.findings_in("₦1.5 trillion ($970 million)") {
            page.add(&found.unwrap());
        }
        assert_eq!(page.entries[0].band, Decimal::TWO);
        let mut out = Vec::new();
        page.write(&mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.contains("<dt>Tolerance</dt><dd>±2%</dd>"), "{html}");
        assert!(html.contains("the NBP table B mid rate of 2025-04-09 (weekly)"));
    }
}
