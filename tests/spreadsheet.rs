//! Spreadsheets for real: the binary's xlsx read back cell by cell, and
//! its CSV (with and without a byte-order mark) and xlsx opened by
//! LibreOffice. Without LibreOffice the LibreOffice test says it skipped;
//! with `FIGURES_CI=1` (as `.ci/run` sets) a missing LibreOffice fails it.

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

/// A text with amounts a spreadsheet must not mangle: signs that start
/// formulas, non-ASCII text, an amount of more digits than a double holds.
const TEXT: &str = "Zürich, 11 April 2025 - Aid surpassed €21 billion ($24 billion).\n\
Tickets cost -$5, refunds -€5, and =1+1 is no formula.\n\
The fund holds ¥123456789012345678 and CHF 2.5 million.\n";

/// The name a spreadsheet would read as a formula.
const NAME: &str = "=cmd|calc!A1.txt";

fn figures(args: &[&str], dir: &Path) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_figures"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 3),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(NAME), TEXT).unwrap();
    dir
}

/// The cells of `sheet`, and the formulas in it (none, we expect).
fn cells(path: &Path, sheet: &str) -> (Vec<Vec<Data>>, Vec<String>) {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let rows = range.rows().map(<[Data]>::to_vec).collect();
    let formulas = book
        .worksheet_formula(sheet)
        .unwrap()
        .used_cells()
        .map(|(_, _, f)| f.clone())
        .filter(|f| !f.is_empty())
        .collect();
    (rows, formulas)
}

/// The rows as maps from the header's names.
fn by_name(rows: &[Vec<Data>]) -> Vec<std::collections::HashMap<String, Data>> {
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    rows[1..]
        .iter()
        .map(|r| header.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

/// What every reading of the mentions must show: numbers with every
/// digit, text as written (after the `'` that CSV puts before a cell that
/// would be a formula, when `guarded`), the source file's name as text.
fn check_mentions(rows: &[Vec<Data>], formulas: &[String], how: &str, guarded: bool) {
    assert!(formulas.is_empty(), "{how}: formulas {formulas:?}");
    let rows = by_name(rows);
    let quote = |t: &str| match guarded {
        true => format!("'{t}"),
        false => t.to_string(),
    };
    let row = |text: &str| {
        rows.iter()
            .find(|r| r["text"] == Data::String(text.into()))
            .unwrap_or_else(|| panic!("{how}: no row {text:?} in {rows:?}"))
    };
    assert_eq!(
        row("surpassed €21 billion")["amount"],
        Data::Float(21e9),
        "{how}"
    );
    assert_eq!(row("$24 billion")["amount"], Data::Float(24e9), "{how}");
    assert_eq!(row(&quote("-$5"))["amount"], Data::Float(-5.0), "{how}");
    assert_eq!(row(&quote("-€5"))["amount"], Data::Float(-5.0), "{how}");
    assert_eq!(
        row("CHF 2.5 million")["amount"],
        Data::Float(2.5e6),
        "{how}"
    );
    assert_eq!(
        row("¥123456789012345678")["currency"],
        Data::String("JPY".into()),
        "{how}"
    );
    assert_eq!(
        row(&quote("-$5"))["source"],
        Data::String(quote(NAME)),
        "{how}"
    );
    assert_eq!(
        row("$24 billion")["stated_rate"],
        Data::Float(1.14286),
        "{how}"
    );
}

#[test]
fn xlsx_cells_are_typed_and_never_formulas() {
    let dir = setup();
    figures(
        &["audit", "--format", "xlsx", "-o", "audit.xlsx", NAME],
        dir.path(),
    );
    let path = dir.path().join("audit.xlsx");
    let (rows, formulas) = cells(&path, "mentions");
    check_mentions(&rows, &formulas, "xlsx", false);
    let mentions = by_name(&rows);
    let yen = mentions
        .iter()
        .find(|r| r["currency"] == Data::String("JPY".into()))
        .unwrap();
    assert_eq!(yen["amount"], Data::String("123456789012345678".into()));
    assert!(
        yen["reason"]
            .to_string()
            .contains("amount has 18 significant digits"),
        "{yen:?}"
    );
    let dollars = mentions
        .iter()
        .find(|r| r["text"] == Data::String("$24 billion".into()))
        .unwrap();
    match &dollars["rate_date"] {
        // Excel's day number: days since 1899-12-30.
        Data::DateTime(d) => assert_eq!(d.as_f64(), 45758.0),
        other => panic!("rate_date is {other:?}"),
    }
    let (pairs, formulas) = cells(&path, "pairs");
    assert!(formulas.is_empty());
    let pairs = by_name(&pairs);
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0]["figure_amount"], Data::Float(21e9));
    assert_eq!(pairs[0]["verdict"], Data::String("consistent".into()));
}

/// LibreOffice's `soffice`, or why not.
fn libreoffice() -> Option<PathBuf> {
    let found = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("FIGURES_CI").is_none(),
            "FIGURES_CI is set and LibreOffice is missing: apt-get install libreoffice-calc"
        );
        eprintln!("skipped: LibreOffice (soffice) is not installed");
    }
    found
}

#[test]
fn libreoffice_opens_the_csv_and_the_xlsx_as_written() {
    let Some(soffice) = libreoffice() else {
        return;
    };
    let dir = setup();
    let d = dir.path();
    let plain = figures(&["extract", NAME], d).stdout;
    std::fs::write(d.join("plain.csv"), &plain).unwrap();
    let bom = figures(&["extract", "--bom", NAME], d).stdout;
    assert!(bom.starts_with("\u{feff}".as_bytes()));
    std::fs::write(d.join("bom.csv"), &bom).unwrap();
    figures(&["extract", "--format", "xlsx", "-o", "ours.xlsx", NAME], d);
    let profile = d.join("profile");
    let convert = |files: &[&str], filter: Option<&str>| {
        let mut command = Command::new(&soffice);
        command
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "xlsx", "--outdir", "lo"]);
        if let Some(f) = filter {
            command.arg(format!("--infilter={f}"));
        }
        let out = command.args(files).current_dir(d).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // The CSVs are imported as UTF-8, as a user picks in the import dialog
    // (headless LibreOffice 7.4 otherwise reads the system's 8-bit charset,
    // byte-order mark or not: `€` becomes `â‚¬`); the mark must not reach
    // the header.
    convert(&["bom.csv", "plain.csv"], Some("CSV:44,34,76"));
    convert(&["ours.xlsx"], None);
    for name in ["plain", "bom", "ours"] {
        let path = d.join("lo").join(format!("{name}.xlsx"));
        assert!(path.exists(), "LibreOffice wrote no {}", path.display());
        let sheet = match name {
            "ours" => "mentions",
            other => other,
        };
        let (rows, formulas) = cells(&path, sheet);
        check_mentions(&rows, &formulas, name, name != "ours");
    }
    let (rows, _) = cells(&d.join("lo/ours.xlsx"), "mentions");
    let yen = by_name(&rows)
        .into_iter()
        .find(|r| r["currency"] == Data::String("JPY".into()))
        .unwrap();
    assert_eq!(
        yen["amount"],
        Data::String("123456789012345678".into()),
        "every digit, as text"
    );
}
