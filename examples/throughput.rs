//! Whole-program throughput: `cargo run --release --example throughput [MB]`.
//!
//! Builds an input of at least 200 MB (default) by repeating
//! ../shared/bench/news.txt, or generated text when that is absent, then
//! times `figures extract` to /dev/null, on one thread (`-j 1`, CSV and
//! JSON lines) and on two (`-j 2`, the text read ahead), next to
//! `grep -c '[0-9]'` over the same file, as medians of 5 runs each, and
//! prints MB/s, the ratio to grep and of `-j 2` to `-j 1`, whose outputs
//! it checks are the same, and the peak memory of a `-j 2` run (through
//! `/usr/bin/time`, where there is one). Build the binary first with
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
        "{:<36} {:>8.3} s {:>7.0} MB/s",
        "grep -c '[0-9]'",
        grep,
        mb / grep
    );
    let mut one = 0.0;
    for (label, args) in [
        ("extract -j 1 (csv)", &["extract", "-j", "1"][..]),
        (
            "extract -j 1 --format jsonl",
            &["extract", "-j", "1", "--format", "jsonl"][..],
        ),
        ("extract -j 2 (csv)", &["extract", "-j", "2"][..]),
    ] {
        let t = median(|| run(&bin, args, &path, Stdio::null()))?;
        if one == 0.0 {
            one = t;
        }
        println!(
            "{:<36} {:>8.3} s {:>7.1} MB/s {:>6.1}x grep {:>5.2}x -j 1",
            format!("figures {label}"),
            t,
            mb / t,
            t / grep,
            t / one
        );
    }
    let output = |jobs: &str| {
        Command::new(&bin)
            .args(["extract", "-j", jobs])
            .arg(&path)
            .output()
    };
    if output("1")?.stdout != output("2")?.stdout {
        return Err("-j 2 wrote other rows than -j 1".into());
    }
    println!("-j 2 output: byte-identical to -j 1");
    match Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(&bin)
        .args(["extract", "-j", "2"])
        .arg(&path)
        .stdout(Stdio::null())
        .output()
    {
        Ok(out) => {
            let err = String::from_utf8_lossy(&out.stderr);
            let kb = err.lines().last().unwrap_or("?");
            println!("peak RSS of -j 2: {kb} KB");
        }
        Err(_) => println!("peak RSS: /usr/bin/time is absent"),
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
