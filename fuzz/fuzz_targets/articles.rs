//! Inputs of many articles and the writers over them: JSON lines and CSV
//! records (the first byte picks the delimiter), each article's findings
//! into a workbook and a page. Invariants: records come in line order,
//! every article carries one value per carried name, nothing panics.
#![no_main]

use figures::{Articles, CsvLayout, HtmlReport, Report, Section, Spreadsheet};
use libfuzzer_sys::fuzz_target;

fn check<R: std::io::Read>(articles: Articles<R>) {
    let names = articles.carried().to_vec();
    let report = Report::new().date("2025-04-11".parse().unwrap());
    let mut book = Spreadsheet::new().with_pairs().carrying(&names);
    let mut page = HtmlReport::new();
    let mut last = 0;
    for item in articles.take(64) {
        let Ok(article) = item else { continue };
        assert!(article.line > last, "lines go forward");
        last = article.line;
        assert_eq!(article.carried.len(), names.len());
        page.article(Section::new("in").id(&article.id));
        for found in report.findings_in(&article.text).flatten() {
            book.add("in", &found, Some(&article.id), &article.carried).unwrap();
            page.add(&found);
        }
    }
    book.save(std::io::sink()).unwrap();
    page.write(std::io::sink()).unwrap();
}

fuzz_target!(|data: &[u8]| {
    check(Articles::jsonl(data));
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let delimiter = [b',', b';', b'\t', b'|'][usize::from(first % 4)];
    let layout = CsvLayout::new("text").delimiter(delimiter).keep_columns().date("date").id("id");
    if let Ok(articles) = Articles::csv(rest, layout) {
        check(articles);
    }
    if let Ok(articles) = Articles::csv(rest, CsvLayout::new("text")) {
        check(articles);
    }
});
