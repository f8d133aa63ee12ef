//! The HTML report in a real browser: headless Chromium, driven over
//! WebDriver through a chromedriver started here, loads pages written by
//! `figures audit --format html` from files. The rendered DOM must hold one
//! entry per audited pair and the summary's counts, hostile names and URLs
//! must stay text, and a screenshot must not be blank.
//!
//! Without /usr/bin/chromium or /usr/bin/chromedriver the test says it
//! skipped and passes; with `FIGURES_CI=1` (as `.ci/run` sets) a missing
//! program is a failure. `FIGURES_SCREENSHOT=PATH` keeps the screenshot.

use std::collections::HashSet;
use std::io::BufRead;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use fantoccini::{Client, ClientBuilder, Locator};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// True when both programs are there; else skipped, or under
/// `FIGURES_CI=1` a failure.
fn browser_present() -> bool {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).exists())
        .collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var("FIGURES_CI").as_deref() == Ok("1") {
        panic!("FIGURES_CI=1 but {missing:?} absent: apt-get install chromium chromium-driver");
    }
    eprintln!("skipped: {missing:?} absent (under FIGURES_CI=1 this fails)");
    false
}

/// A chromedriver on a free local port, ended when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        // Ready when it says so, not after some time: a busy machine is slow.
        let mut lines = std::io::BufReader::new(child.stdout.take().expect("piped")).lines();
        let ready = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.contains("started successfully"));
        assert!(ready, "chromedriver ended without listening on {port}");
        // What it writes later is read and dropped, so that it never blocks.
        std::thread::spawn(move || lines.for_each(drop));
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A session of headless Chromium with a fresh profile in `profile`.
async fn browser(driver: &Driver, profile: &Path) -> Client {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-quic",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1000,1400",
    ]
    .iter()
    .map(|a| a.to_string())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect::<Vec<_>>();
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "chrome".into());
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": CHROMIUM, "args": args }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
}

/// Runs the built binary; its status code and standard output.
fn figures(args: &[&str], dir: &Path) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_figures"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("figures runs");
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.canonicalize().unwrap().display())
}

/// The verdict column of an audit's CSV.
fn verdicts(csv: &str) -> Vec<String> {
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let at = rows
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "verdict")
        .unwrap();
    rows.records().map(|r| r.unwrap()[at].to_string()).collect()
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.unwrap().len()
}

/// The screenshot is a picture of something: many colours, not one.
fn not_blank(png_bytes: &[u8]) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let pixel = info.color_type.samples() * usize::from(info.bit_depth as u8).div_ceil(8);
    let colours: HashSet<&[u8]> = buf[..info.buffer_size()].chunks(pixel).collect();
    assert!(
        info.width >= 800 && info.height >= 600,
        "{}x{}",
        info.width,
        info.height
    );
    assert!(
        colours.len() > 50,
        "a blank screenshot: {} colours",
        colours.len()
    );
}

/// The shipped example: one entry per row of the audit's CSV, the summary's
/// counts those of the CSV's verdicts, both amounts marked in each
/// sentence, a dot per pair, no script anywhere.
async fn pledges(c: &Client, dir: &Path) -> Vec<u8> {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/pledges.txt");
    let example = example.to_str().unwrap();
    let (_, csv) = figures(&["audit", "-q", "--date", "2025-03-06", example], dir);
    let verdicts = verdicts(&csv);
    assert_eq!(verdicts.len(), 6);
    let args = ["audit", "-q", "--date", "2025-03-06", "--format", "html"];
    let (code, out) = figures(&[&args[..], &["-o", "page.html", example]].concat(), dir);
    assert_eq!((code, out.as_str()), (Some(3), ""));
    c.goto(&file_url(&dir.join("page.html"))).await.unwrap();
    assert_eq!(
        c.title().await.unwrap(),
        "figures audit: 6 pairs, 1 inconsistent"
    );
    assert_eq!(count(c, "li.pair").await, verdicts.len());
    assert_eq!(text_of(c, "#pairs").await, verdicts.len().to_string());
    assert_eq!(text_of(c, "#articles").await, "1");
    assert_eq!(text_of(c, "#inputs").await, "1");
    for v in [
        "consistent",
        "loose",
        "inconsistent",
        "no_rate",
        "not_audited",
    ] {
        let want = verdicts.iter().filter(|x| *x == v).count();
        let shown = text_of(c, &format!("td[data-verdict='{v}']")).await;
        assert_eq!(shown, want.to_string(), "{v}");
        assert_eq!(count(c, &format!("li.pair.{v}")).await, want, "{v}");
    }
    assert_eq!(count(c, "li.pair mark").await, 2 * verdicts.len());
    assert_eq!(
        count(c, "svg.chart .dot").await,
        verdicts.len(),
        "a dot per pair"
    );
    assert_eq!(count(c, "script").await, 0);
    let claim = text_of(c, "#pair-5 .claim").await;
    assert_eq!(
        claim,
        "inconsistent €800 million stated as $1.1 billion: 27.36% above the ECB reference \
         rate of 2025-03-06 (1 EUR = 1.0796 USD)"
    );
    // The verdict is coloured: its CSS applies.
    let colour = c
        .find(Locator::Css("#pair-5 .verdict"))
        .await
        .unwrap()
        .css_value("color")
        .await
        .unwrap();
    assert_eq!(colour, "rgba(164, 14, 38, 1)");
    c.screenshot().await.unwrap()
}

/// Hostile names, texts, ids and URLs render as the text they are.
async fn hostile(c: &Client, dir: &Path) {
    let names = ["=cmd|calc!A1.txt", "<b>.txt"];
    let text = "<script>document.title='owned'</script> A grant of €800 million \
                ($1.1 billion) \"<img src=x onerror=alert(1)>\".";
    for name in names {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let records = [
        r#"{"id": "\"><b>x</b>", "date": "2025-03-06", "url": "javascript:alert(1)", "text": "€1.5bn ($1.6bn)"}"#,
        r#"{"id": "ok", "date": "2025-03-06", "url": "https://example.org/a?b=\"c\"&d=<e>", "text": "€1.5bn ($1.6bn)"}"#,
    ];
    std::fs::write(dir.join("news.jsonl"), records.join("\n")).unwrap();
    let page = [
        "audit",
        "-q",
        "--date",
        "2025-03-06",
        "--format",
        "html",
        "-o",
    ];
    figures(&[&page[..], &["files.html"], &names].concat(), dir);
    let news = ["news.html", "--input", "jsonl", "news.jsonl"];
    figures(&[&page[..], &news].concat(), dir);

    c.goto(&file_url(&dir.join("files.html"))).await.unwrap();
    assert_eq!(
        c.title().await.unwrap(),
        "figures audit: 2 pairs, 2 inconsistent"
    );
    assert_eq!(count(c, "script, img, h3 b").await, 0);
    let shown = c.find_all(Locator::Css("h3 .source")).await.unwrap();
    let mut sources = Vec::new();
    for s in shown {
        sources.push(s.text().await.unwrap());
    }
    assert_eq!(sources, names);
    let sentence = text_of(c, "#pair-1 .sentence").await;
    assert!(sentence.starts_with("<script>document.title='owned'</script> A grant"));
    assert!(sentence.ends_with("\"<img src=x onerror=alert(1)>\"."));
    assert_eq!(text_of(c, "#inputs").await, "2");

    c.goto(&file_url(&dir.join("news.html"))).await.unwrap();
    assert_eq!(count(c, "script, h3 b").await, 0);
    assert_eq!(text_of(c, "#articles").await, "2");
    assert_eq!(text_of(c, "h3 .id").await, "article \"><b>x</b>");
    assert_eq!(text_of(c, ".unlinked").await, "javascript:alert(1)");
    let links = c.find_all(Locator::Css("a[href]")).await.unwrap();
    let mut external = Vec::new();
    for a in links {
        let href = a.attr("href").await.unwrap().unwrap_or_default();
        if !href.starts_with('#') {
            external.push(href);
        }
    }
    assert_eq!(external, ["https://example.org/a?b=\"c\"&d=<e>"]);
}

#[test]
fn the_report_renders_in_chromium() {
    if !browser_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let driver = Driver::start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let shot = runtime.block_on(async {
        let c = browser(&driver, profile.path()).await;
        // The checks run in a task of their own, so that the session closes
        // (and Chromium with it) even when one fails.
        let (client, at) = (c.clone(), dir.path().to_path_buf());
        let checks = tokio::spawn(async move {
            let shot = pledges(&client, &at).await;
            hostile(&client, &at).await;
            shot
        });
        let result = checks.await;
        let _ = c.close().await;
        match result {
            Ok(shot) => shot,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => panic!("the browser checks did not finish: {e}"),
        }
    });
    not_blank(&shot);
    let keep = std::env::var_os("FIGURES_SCREENSHOT").map(PathBuf::from);
    if let Some(path) = keep {
        std::fs::write(&path, &shot).unwrap();
        eprintln!("screenshot: {}", path.display());
    }
}
