//! Inputs built to make a scanner go quadratic must take time proportional
//! to their size: four times the input may take about four times as long,
//! never sixteen.

use std::time::{Duration, Instant};

fn time(input: &[u8]) -> Duration {
    // Errors are counted too: error-heavy input must be linear as well.
    let start = Instant::now();
    let mut rows = 0;
    figures::Report::new()
        .run(
            input,
            "-",
            |_| {
                rows += 1;
                Ok(())
            },
            |_| {},
        )
        .unwrap();
    start.elapsed()
}

/// The best of three runs on `n` and on `4n` repetitions of `unit`.
fn ratio(unit: &[u8], n: usize) -> f64 {
    let best = |k: usize| {
        let input = unit.repeat(n * k);
        (0..3).map(|_| time(&input)).min().unwrap()
    };
    time(b"$1 warm-up of the tables");
    let (small, large) = (best(1), best(4));
    large.as_secs_f64() / small.as_secs_f64().max(1e-6)
}

fn assert_linear(name: &str, unit: impl AsRef<[u8]>, n: usize) {
    let unit = unit.as_ref();
    let r = ratio(unit, n);
    assert!(r < 9.0, "{name}: 4x the input took {r:.1}x the time");
}

#[test]
fn comma_separated_ones() {
    assert_linear("1,1,1,...", "1,", 50_000);
}

#[test]
fn dollar_signs() {
    assert_linear("$$$...", "$", 100_000);
}

#[test]
fn one_long_line_of_amounts() {
    assert_linear("one line of $1 a", "$1 a ", 20_000);
}

#[test]
fn one_word_without_spaces() {
    assert_linear("aaaa...", "a", 200_000);
}

#[test]
fn invalid_bytes() {
    assert_linear("\\xff\\xfe...", b"\xff\xfe $1 ", 20_000);
}

#[test]
fn amounts_too_large() {
    assert_linear(
        "$999...",
        "$999999999999999999999999999999999 trillion ",
        5_000,
    );
}

#[test]
fn spaces_between_numbers() {
    assert_linear(
        "1    ...",
        "1                                        ",
        5_000,
    );
}
