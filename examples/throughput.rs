//! Whole-program throughput: `cargo run --release --example throughput [MB]`.
//!
//! Builds an input of at least 200 MB (default) by repeating
//! ../shared/bench/news.txt, or generated text when that is absent, then
//! times `figures extract` to /dev/null in CSV and in JSON lines next to
//! `grep -c '[0-9]'` over the same file, as medians of 5 runs each, and
//! prints MB/s and the ratio to grep. Build the binary first with
//! `cargo build --release`.

use std::fs::File;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let megabytes: usize = std::env::args().nth(1).map_or(Ok(200), |a| a.parse())?;
    let seed = std::fs::read("../shared/bench/news.txt").unwrap_or_else(|_| {
        eprintln!("../shared/bench/news.txt is absent: using generated text");
        b"Donors pledged \xe2\x82\xac4.2 billion ($4.5 billion) on Tuesday, officials said. \
          The plan employs 1,200 people and runs to 2030.\n\nTraffic rose 3% in a year.\n"
            .repeat(20_000)
    });
    let path = std::env::temp_dir().join(format!("figures-throughput-{megabytes}mb.txt"));
    let mut file = File::create(&path)?;
    let mut size = 0;
    while size < megabytes << 20 {
        file.write_all(&seed)?;
        size += seed.len();
    }
    file.sync_all()?;
    let bin = env!("CARGO_MANIFEST_DIR").to_string() + "/target/release/figures";
    let mb = size as f64 / 1e6;
    println!("input: {} ({:.0} MB)", path.display(), mb);
    // GNU grep stops at the first match when its output is /dev/null, so
    // its count is read through a pipe.
    let grep = median(|| run("grep", &["-c", "[0-9]"], &path, Stdio::piped()))?;
    println!(
        "{:<24} {:>8.3} s {:>9.0} MB/s",
        "grep -c '[0-9]'",
        grep,
        mb / grep
    );
    for format in ["csv", "jsonl"] {
        let t = median(|| run(&bin, &["extract", "--format", format], &path, Stdio::null()))?;
        println!(
            "{:<24} {:>8.3} s {:>9.1} MB/s {:>6.1}x grep",
            format!("figures extract {format}"),
            t,
            mb / t,
            t / grep
        );
    }
    std::fs::remove_file(&path)?;
    Ok(())
}

fn run(
    program: &str,
    args: &[&str],
    input: &std::path::Path,
    stdout: Stdio,
) -> Result<f64, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .arg(input)
        .stdout(stdout)
        .output()?
        .status;
    if !status.success() && status.code() != Some(1) {
        return Err(format!("{program} failed: {status}").into());
    }
    Ok(start.elapsed().as_secs_f64())
}

fn median(
    mut f: impl FnMut() -> Result<f64, Box<dyn std::error::Error>>,
) -> Result<f64, Box<dyn std::error::Error>> {
    let mut times = (0..5).map(|_| f()).collect::<Result<Vec<_>, _>>()?;
    times.sort_by(f64::total_cmp);
    Ok(times[2])
}
