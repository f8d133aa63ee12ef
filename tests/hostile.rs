//! The binary on hostile input and arguments: no panic, no abort, a clear
//! message naming where, and the documented exit code.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn figures(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_figures"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written from a thread: a large input must not dead-lock on a full pipe.
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

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
