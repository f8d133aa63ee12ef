//! The binary on hostile input and arguments: no panic, no abort, a clear
//! message naming where, and the documented exit code.

mod common;

use std::process::{Command, Output, Stdio};

use common::figures;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("figures-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn rates_too_far_apart_are_no_rate_not_a_panic() {
    let tiny = format!("0.{}2", "0".repeat(27));
    let rates = temp(
        "tiny.csv",
        format!("Date,USD,ISK,\n2025-01-02,{tiny},142,\n").as_bytes(),
    );
    let rates = rates.to_str().unwrap();
    let out = figures(
        &["audit", "--rates", rates, "--date", "2025-01-02"],
        b"It cost $10 (ISK 1,420).",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = String::from_utf8(out.stdout).unwrap();
    assert!(rows.contains("outside what a decimal holds"), "{rows}");
    let out = figures(
        &[
            "convert",
            "$10",
            "--to",
            "ISK",
            "--rates",
            rates,
            "--date",
            "2025-01-02",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("outside what a decimal holds"));
}

#[test]
fn no_threads_is_a_usage_error() {
    let out = figures(&["extract", "-j", "0"], b"$5");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'--jobs <N>'"), "{}", stderr(&out));
}

#[test]
fn too_many_threads_are_capped_with_one_warning() {
    let a = temp("a.txt", b"$1");
    let b = temp("b.txt", b"$2");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = figures(&["extract", "-j", "100000", a, b], b"");
    assert_eq!(out.status.code(), Some(0));
    let warnings = stderr(&out);
    assert_eq!(warnings.lines().count(), 1, "{warnings}");
    assert!(
        warnings.contains("-j 100000 is more than 4 per core"),
        "{warnings}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
}

#[test]
fn an_empty_form_to_assume_is_a_usage_error() {
    for spec in ["=USD", " =USD", "USD"] {
        let out = figures(&["extract", "--assume", spec], b"$5");
        assert_eq!(out.status.code(), Some(2), "{spec}");
        assert!(stderr(&out).contains("--assume"), "{}", stderr(&out));
    }
}

#[test]
fn a_malformed_locale_is_a_usage_error_an_unknown_region_a_warning() {
    let out = figures(&["extract", "--locale", "not a tag"], b"$5");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not a BCP 47 locale tag"),
        "{}",
        stderr(&out)
    );
    let out = figures(&["extract", "--locale", "en-XQ"], b"$5");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("warning: unknown locale"));
    let out = figures(&["extract", "--locale", "en_AU"], b"$5");
    assert!(String::from_utf8(out.stdout).unwrap().contains(",AUD,"));
}

#[test]
fn a_full_disk_names_standard_output() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full");
        return;
    };
    for args in [&["extract"][..], &["convert", "€5", "--to", "USD"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_figures"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("writing standard output: No space left on device"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn a_binary_input_shows_its_first_problems_then_a_count() {
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 0x80)
        .collect();
    let out = figures(&["extract", "-"], &bytes);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() <= 102, "{} lines", lines.len());
    let last = lines.last().unwrap();
    assert!(
        last.starts_with("figures: -: ") && last.contains("more problem(s) not shown"),
        "{last}"
    );
    assert!(
        lines[0].starts_with("figures: -:1:1: byte 0: invalid UTF-8"),
        "{}",
        lines[0]
    );
}

#[test]
fn columns_count_from_the_start_of_a_line_longer_than_a_chunk() {
    let mut text = "$1 ".repeat(500_000);
    text.push_str("$99999999999999999999999999999999 trillion");
    let out = figures(&["extract", "-"], text.as_bytes());
    let err = stderr(&out);
    assert!(
        err.contains("figures: -:1:1500001: byte 1500000: "),
        "{}",
        &err[..err.len().min(600)]
    );
}

#[test]
fn lone_cr_and_crlf_text_number_their_lines() {
    for end in ["\r", "\r\n", "\n"] {
        let text = [
            "a $1",
            "b $2",
            "c $99999999999999999999999999999999 trillion",
        ]
        .join(end);
        let out = figures(&["extract", "--format", "jsonl", "-"], text.as_bytes());
        let rows = String::from_utf8(out.stdout.clone()).unwrap();
        let lines: Vec<_> = rows
            .lines()
            .map(|l| {
                l.split("\"line\":")
                    .nth(1)
                    .unwrap()
                    .split(',')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(lines, ["1", "2"], "{end:?}");
        assert!(
            stderr(&out).contains("-:3:3: "),
            "{end:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn rates_errors_name_their_line_whatever_the_line_ends() {
    for end in ["\n", "\r\n", "\r"] {
        let rates = ["Date,USD,", "2025-01-02,1.1,", "2025-01-03,x,", ""].join(end);
        let path = temp(
            &format!("rates{}.csv", end.len() + end.starts_with('\r') as usize),
            rates.as_bytes(),
        );
        let out = figures(&["extract", "--rates", path.to_str().unwrap(), "-"], b"");
        assert_eq!(out.status.code(), Some(2));
        // Line 3, column 12: the value `x`.
        assert!(
            stderr(&out).contains(".csv:3:12: bad rates file"),
            "{end:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_zip_that_is_not_one_is_an_error_not_a_panic() {
    for bytes in [&b"PK\x03\x04"[..], b"PK\x03\x04\x14\x00garbage", &[b'P'; 3]] {
        let path = temp("rates-broken.zip", bytes);
        let out = figures(&["extract", "--rates", path.to_str().unwrap(), "-"], b"");
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("rates-broken.zip"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn a_huge_number_is_one_error_quoted_in_part() {
    let text = format!("It cost ${} in all.", "9".repeat(3_000_000));
    let out = figures(&["extract", "-"], text.as_bytes());
    let err = stderr(&out);
    let overflow: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("cannot be held exactly"))
        .collect();
    assert_eq!(overflow.len(), 1, "{}", &err[..err.len().min(2000)]);
    assert!(
        overflow[0].starts_with("figures: -:1:9: byte 8: ") && overflow[0].len() < 300,
        "{}",
        overflow[0]
    );
    // The cuts inside it are reported, never silent.
    assert!(err.contains("no quiet place to cut"));
}
