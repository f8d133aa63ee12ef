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

/// `audit --format html` over several files writes the same page with `-j
/// 2` as with `-j 1`, the files in input order, their names escaped.
#[test]
fn html_page_is_the_same_whatever_the_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "=cmd|calc!A1.txt",
            "A grant of €800 million ($1.1 billion).",
        ),
        ("<b>.txt", "<script>x</script> €1.5bn (about $1.6bn)."),
        ("c.txt", "Nothing stated here but £5."),
        ("d.txt", "Britain gave £250 million ($320 million)."),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let run = |jobs: &str| {
        Command::new(env!("CARGO_BIN_EXE_figures"))
            .args(["audit", "-q", "--date", "2025-03-06", "--format", "html"])
            .args(["-j", jobs])
            .args(files.map(|(name, _)| name))
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let (one, two) = (run("1"), run("2"));
    assert_eq!(one.status.code(), Some(3));
    assert_eq!(one.stdout, two.stdout);
    let page = String::from_utf8(one.stdout).unwrap();
    let sources: Vec<&str> = page
        .split("<span class=\"source\">")
        .skip(1)
        .filter_map(|s| s.split('<').next())
        .collect();
    assert_eq!(sources, ["=cmd|calc!A1.txt", "&lt;b&gt;.txt", "d.txt"]);
    assert!(page.contains("<span id=\"inputs\">4</span> inputs"));
    assert!(!page.contains("<script>") && !page.contains("<b>"));
}
