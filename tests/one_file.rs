//! One large text on two threads: a thread reads and cuts it ahead of the
//! one that analyses it, and the output is byte for byte that of one thread.

mod common;

use common::figures;

/// A text of many paragraphs: amounts and conversions in several
/// languages, blank lines and none, invalid bytes, dates, and a long
/// stretch with no sentence end.
fn text() -> Vec<u8> {
    let lines = [
        "Published 3 March 2025\n",
        "Aid surpassed €{a} billion (${b} billion) this year, officials said.",
        " The ministry pledged £{a}m, or about ${b}m, to the fund in Nairobi.",
        " Der Konzern zahlt {a},5 Milliarden Euro (rund {b} Milliarden Dollar).",
        "\nLe budget atteint {a} milliards d'euros, soit {b} milliards de dollars.",
        " Tickets cost between ${a} and ${b}; refunds of -€5 are rare.\n\n",
        "Nothing here is money: {a} people, {b} days, Russia's army.\n",
    ];
    let mut out = Vec::new();
    for i in 0..3000 {
        let line = lines[i % lines.len()]
            .replace("{a}", &(i % 97 + 1).to_string())
            .replace("{b}", &(i % 89 + 2).to_string());
        out.extend_from_slice(line.as_bytes());
        if i % 300 == 150 {
            out.extend_from_slice(b" bad \xff\xfe bytes ");
        }
        if i == 1500 {
            out.extend(b"words and $5 more ".iter().cycle().take(40_000));
            out.extend_from_slice(b".\n");
        }
    }
    out
}

#[test]
fn two_threads_read_one_text_as_one_does() {
    // Standard input is read ahead whatever its size; a file from 1 MiB.
    let text = text();
    let run = |args: &[&str]| {
        let out = figures(args, &text);
        (out.stdout, out.stderr, out.status.code())
    };
    for command in [
        &["extract"][..],
        &["audit"][..],
        &["extract", "--format", "jsonl"][..],
    ] {
        let one = run(&[command, &["-j", "1"]].concat());
        let two = run(&[command, &["-j", "2"]].concat());
        assert!(one.0.len() > 50_000, "{command:?}: {} bytes", one.0.len());
        let stderr = String::from_utf8_lossy(&one.1);
        assert!(stderr.contains("invalid UTF-8"), "{stderr}");
        assert!(one.0 == two.0, "{command:?}: stdout differs");
        assert_eq!(String::from_utf8_lossy(&two.1), stderr, "{command:?}");
        assert_eq!(one.2, two.2, "{command:?}");
    }
}
