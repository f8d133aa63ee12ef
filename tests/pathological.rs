//! Inputs built to make a scanner go quadratic must take work proportional
//! to their size: four times the input may take about four times the work,
//! never sixteen. Work is counted (bytes scanned, grammar rules tried, bytes
//! looked at around a mention), not timed: the machines are shared and busy.
//! Timing lives in `benches/`.

fn work(input: &[u8]) -> u64 {
    let before = figures::work_done();
    // Errors are counted too: error-heavy input must be linear as well.
    let items = figures::Report::new().findings(input).count();
    assert!(items <= input.len());
    figures::work_done() - before
}

/// Work on `4n` repetitions of `unit` over work on `n`.
fn ratio(unit: &[u8], n: usize) -> f64 {
    let small = work(&unit.repeat(n));
    let large = work(&unit.repeat(4 * n));
    large as f64 / small.max(1) as f64
}

fn assert_linear(name: &str, unit: impl AsRef<[u8]>, n: usize) {
    let unit = unit.as_ref();
    let r = ratio(unit, n);
    assert!(r < 5.0, "{name}: 4x the input took {r:.1}x the work");
    let per_byte = work(&unit.repeat(4 * n)) as f64 / (4 * n * unit.len()) as f64;
    // A mention may look 400 bytes either way for its sentence, once or twice.
    assert!(
        per_byte < 1000.0,
        "{name}: {per_byte:.0} units of work per byte"
    );
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

#[test]
fn place_names_everywhere() {
    assert_linear("Kenya Nairobi $1 ...", "Kenya and Nairobi paid $1. ", 5_000);
}

#[test]
fn spaced_symbols_before_small_numbers() {
    // Once a stack overflow: each amount's suffix check read the next amount.
    assert_linear("$1 $1 ...", "$1 ", 10_000);
    assert_linear("€5 €5 ...", "€5 ", 10_000);
}

#[test]
fn one_long_grouped_number() {
    // Once quadratic: every later group was tried as the start of an amount.
    for sep in [" ", "'", "\u{a0}", ","] {
        assert_linear("1 111 111 ...", format!("{sep}111"), 5_000);
    }
}

#[test]
fn points_before_spaced_pairs_of_digits() {
    // Once quadratic: each `1. 11` read to the end of the line for a price tag's tail.
    assert_linear("1. 11 1. 11 ...", "1. 11 ", 5_000);
    assert_linear("1, 11 1, 11 ...", "1, 11 ", 5_000);
}

/// Work per byte on 20,000 repetitions of `unit`, at most `most`.
fn assert_work_per_byte(unit: &str, most: f64) {
    let text = unit.repeat(20_000);
    let per_byte = work(text.as_bytes()) as f64 / text.len() as f64;
    assert!(per_byte < most, "{per_byte:.1} units of work per byte");
}

#[test]
fn prose_without_amounts_is_scanned_about_once() {
    // Sentences and no amount: the search for a place to cut the text
    // must not read far past the place it cuts, block after block.
    assert_work_per_byte(
        "The council met on the river bank and talked until late. ",
        5.0,
    );
}

#[test]
fn a_long_paragraph_without_a_quiet_point_is_scanned_about_once() {
    // A place an amount may start in every sentence: the text is never
    // quiet enough to cut, and what the search for a cut listed is used.
    assert_work_per_byte("Russia's trade grew and it was big. ", 3.5);
}
