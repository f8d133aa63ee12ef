//! Inputs of many articles: `-j` spreads one input's articles over the
//! threads and the output is byte for byte that of one thread.

use std::process::Command;

/// Articles of varied amounts, currencies, conversions, dates and
/// languages, some of them bad records.
fn articles(n: usize) -> String {
    let bodies = [
        "Aid surpassed €{a} billion (${b} billion) this year.",
        "The ministry pledged £{a}m, or about ${b}m, to the fund.",
        "Der Konzern zahlt {a},5 Milliarden Euro (rund {b} Milliarden Dollar).",
        "Le budget atteint {a} milliards d'euros.",
        "Tickets cost between ${a} and ${b}; refunds of -€5 are rare.",
        "Nothing here is money: {a} people, {b} days.",
    ];
    let mut out = String::new();
    for i in 0..n {
        let body = bodies[i % bodies.len()]
            .replace("{a}", &(i % 97 + 1).to_string())
            .replace("{b}", &(i % 89 + 2).to_string());
        let line = match i % 25 {
            7 => "not a record\n".to_string(),
            11 => format!("{{\"id\": {i}, \"text\": {body:?}, \"date\": \"someday\"}}\n"),
            _ => format!(
                "{{\"id\": \"a{i}\", \"date\": \"2025-0{}-1{}\", \"text\": {body:?}}}\n",
                i % 9 + 1,
                i % 10
            ),
        };
        out.push_str(&line);
    }
    out
}

fn run(args: &[&str], dir: &std::path::Path) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_figures"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (out.stdout, out.stderr, out.status.code())
}

#[test]
fn threads_spread_articles_and_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.jsonl"), articles(600)).unwrap();
    for command in ["extract", "audit"] {
        let one = run(
            &[command, "--input", "jsonl", "-j", "1", "in.jsonl"],
            dir.path(),
        );
        let two = run(
            &[command, "--input", "jsonl", "-j", "2", "in.jsonl"],
            dir.path(),
        );
        assert_eq!(one.2, Some(1), "bad records exit 1");
        assert!(one.0.len() > 10_000, "{command}: {} bytes", one.0.len());
        assert!(one.0 == two.0, "{command}: -j 2 rows differ from -j 1");
        assert_eq!(one.1, two.1, "{command}: stderr");
        let stderr = String::from_utf8(one.1).unwrap();
        assert!(
            stderr.contains("in.jsonl:8:2: record skipped: expected ident"),
            "{stderr}"
        );
        assert!(
            stderr.contains("in.jsonl: line 12: record skipped: \"someday\""),
            "{stderr}"
        );
    }
}

#[test]
fn csv_inputs_carry_their_columns_and_must_share_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.csv"), "text,desk\n$5,world\n€6,sport\n").unwrap();
    std::fs::write(d.join("b.csv"), "text,desk\n£7,arts\n").unwrap();
    std::fs::write(d.join("c.csv"), "text,team\n¥8,x\n").unwrap();
    let args = [
        "extract",
        "--input",
        "csv",
        "--keep-columns",
        "a.csv",
        "c.csv",
        "b.csv",
    ];
    for jobs in ["1", "2"] {
        let (stdout, stderr, code) = run(&[&args[..], &["-j", jobs]].concat(), d);
        let stdout = String::from_utf8(stdout).unwrap();
        let lines: Vec<&str> = stdout.lines().collect();
        assert!(
            lines[0].ends_with(",conversion_rate_source,desk"),
            "{}",
            lines[0]
        );
        let tails: Vec<&str> = lines[1..]
            .iter()
            .map(|l| l.rsplit(',').next().unwrap())
            .collect();
        assert_eq!(tails, ["world", "sport", "arts"], "-j {jobs}");
        assert_eq!(code, Some(1));
        assert_eq!(
            String::from_utf8(stderr).unwrap(),
            "figures: c.csv: skipped: its columns are not those of the first input (team)\n"
        );
    }
}

#[test]
fn audit_rows_carry_the_columns_their_header_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.csv"),
        "text,desk\n€21 billion ($24 billion),world\n",
    )
    .unwrap();
    let (stdout, _, code) = run(
        &[
            "audit",
            "--input",
            "csv",
            "--keep-columns",
            "--date",
            "2025-04-11",
            "-q",
            "a.csv",
        ],
        d,
    );
    assert_eq!(code, Some(0));
    let mut rows = csv::Reader::from_reader(&stdout[..]);
    assert_eq!(rows.headers().unwrap().iter().next_back(), Some("desk"));
    let row = rows.records().next().unwrap().unwrap();
    assert_eq!(row.iter().next_back(), Some("world"));
}
