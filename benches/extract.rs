//! Criterion benchmarks for the grammar and the extractor on realistic text:
//! `cargo bench`. The news text comes from ../shared/bench/news.txt when it
//! is there, else from text generated here.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// About 2 MB of news-like text.
fn news() -> String {
    std::fs::read_to_string("../shared/bench/news.txt").unwrap_or_else(|_| generated(2_000_000))
}

/// Prose with an amount in about one sentence in ten, as news has.
fn generated(size: usize) -> String {
    const SENTENCES: &[&str] = &[
        "The council met on Tuesday to discuss the new harbour plan and its timetable.",
        "Officials said the work would start in 2026 and employ 1,200 people.",
        "Residents raised concerns about traffic, noise and the loss of green space.",
        "Donors pledged €4.2 billion ($4.5 billion) for the reconstruction effort.",
        "The minister declined to comment on the report before it was published.",
        "Turnout rose 3% compared with the last election, the commission said.",
        "Analysts expect growth to slow in the third quarter of the year.",
        "Schools will reopen next week after the storm damaged several roofs.",
        "The company reported revenue of about $21 million, up from $18.5 million.",
        "Police closed the road for several hours while crews cleared debris.",
    ];
    let mut out = String::with_capacity(size + 100);
    let mut i = 0;
    while out.len() < size {
        out.push_str(SENTENCES[i % SENTENCES.len()]);
        out.push(if i % 7 == 6 { '\n' } else { ' ' });
        i += 1;
    }
    out
}

fn grammar(c: &mut Criterion) {
    let mut g = c.benchmark_group("grammar");
    for text in [
        "€21 billion ($24 billion)",
        "between $20 and $25 billion",
        "twenty-one million euros",
        "1.234.567,89 €",
    ] {
        g.bench_function(text, |b| {
            b.iter(|| figures::extract(black_box(text)).count())
        });
    }
    g.finish();
}

fn extractor(c: &mut Criterion) {
    let text = news();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("news", |b| {
        b.iter(|| figures::extract(black_box(&text)).count())
    });
    g.bench_function("report_csv", |b| {
        b.iter(|| {
            let mut w = figures::RowWriter::new(Vec::with_capacity(1 << 20), figures::Format::Csv);
            for f in figures::Report::new().findings_in(&text).flatten() {
                w.write(&figures::Row::new("-", &f)).unwrap();
            }
            w.into_inner().unwrap().len()
        })
    });
    g.finish();
}

criterion_group!(benches, grammar, extractor);
criterion_main!(benches);
