//! End-to-end tests: the binary on text, against golden output in tests/cmd/.
//! Regenerate with `TRYCMD=overwrite cargo test --test cli` and review the diff.

use std::path::Path;
use std::process::Command;

#[test]
fn cli_golden() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

/// The seed article from ../shared, when it is there: the six amounts, the
/// two pairs, and their verdicts on three dates.
#[test]
fn seed_article_when_shared_is_present() {
    let seed = Path::new("../shared/examples/seed-article.txt");
    if !seed.exists() {
        eprintln!("skipped: {} is absent", seed.display());
        return;
    }
    for (date, verdict) in [
        ("2025-04-11", "consistent"),
        ("2025-04-10", "consistent"),
        ("2022-09-27", "inconsistent"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_figures"))
            .args(["extract", "--format", "jsonl", "--date", date])
            .arg(seed)
            .output()
            .unwrap();
        assert!(out.status.success());
        let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let mut got: Vec<(String, String)> = rows
            .iter()
            .map(|r| {
                (
                    r["amount"].as_str().unwrap().to_string(),
                    r["currency"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        got.sort();
        let want: Vec<(String, String)> = [
            ("21000000000", "EUR"),
            ("21000000000", "EUR"),
            ("21000000000", "USD"),
            ("24000000000", "USD"),
            ("24000000000", "USD"),
            ("26000000000", "USD"),
        ]
        .iter()
        .map(|(a, c)| (a.to_string(), c.to_string()))
        .collect();
        assert_eq!(got, want, "{date}");
        let verdicts: Vec<&str> = rows.iter().filter_map(|r| r["verdict"].as_str()).collect();
        assert_eq!(verdicts, vec![verdict, verdict], "{date}");
    }
}

/// `-o FILE` writes what standard output would have held, and nothing to
/// standard output.
#[test]
fn output_file_holds_the_rows() {
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_figures"))
            .args(["audit", "--date", "2025-03-06", "data/examples/pledges.txt"])
            .args(extra)
            .output()
            .unwrap()
    };
    let to_stdout = run(&[]);
    let path = std::env::temp_dir().join(format!("figures-o-{}.csv", std::process::id()));
    let to_file = run(&["-o", path.to_str().unwrap()]);
    assert_eq!(to_file.status.code(), to_stdout.status.code());
    assert!(to_file.stdout.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), to_stdout.stdout);
    std::fs::remove_file(&path).unwrap();
}
