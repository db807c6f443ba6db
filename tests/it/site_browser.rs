//! The static site in a real browser (issue 17): Debian's headless Chromium, started and
//! stopped by each test, loads pages from `file://` and dumps the DOM after their scripts ran
//! (`--dump-dom`), or takes a screenshot (`--screenshot`); console messages (script errors,
//! Content-Security-Policy violations) are read from its log on standard error
//! (`--enable-logging=stderr`). No WebDriver: the search is driven the way the site's own
//! search form drives it, by a `?q=` query on `search.html`. Screenshots go to
//! `target/site-screenshots/`. Ignored when Chromium is missing, but for under CI (see
//! build.rs, `cfg(chromium)`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use historiograph::{Corpus, Debate};
use scraper::{Html, Selector};

use crate::support::TempDir;

/// The browser: `HISTORIOGRAPH_CHROMIUM`, else Debian's.
fn chromium() -> PathBuf {
    std::env::var_os("HISTORIOGRAPH_CHROMIUM")
        .map_or_else(|| "/usr/bin/chromium".into(), PathBuf::from)
}

/// What one run of the browser gave: standard output and its console messages.
struct Run {
    stdout: String,
    console: Vec<String>,
}

/// Runs headless Chromium once on `url` with `args`, in a fresh profile, and stops it after
/// a minute at most.
fn browse(url: &str, args: &[&str]) -> Run {
    let profile = TempDir::new("chromium-profile");
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--log-level=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromium().display()));
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        out.read_to_string(&mut text).unwrap();
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        err.read_to_string(&mut text).unwrap();
        text
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("chromium did not finish {url} within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let stdout = reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    let console = stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    Run { stdout, console }
}

/// The DOM of a page after its scripts ran, with its console messages.
fn dom(url: &str) -> (Html, Vec<String>) {
    let run = browse(url, &["--virtual-time-budget=5000", "--dump-dom"]);
    assert!(
        run.stdout.contains("</html>"),
        "no DOM for {url}: {}",
        run.stdout
    );
    (Html::parse_document(&run.stdout), run.console)
}

/// A screenshot of a page into `target/site-screenshots/NAME.png`.
fn screenshot(url: &str, name: &str, size: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("site-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&file);
    let run = browse(
        url,
        &[
            &format!("--screenshot={}", file.display()),
            &format!("--window-size={size}"),
            "--virtual-time-budget=3000",
        ],
    );
    let bytes = std::fs::read(&file).unwrap_or_default();
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "no screenshot of {url}"
    );
    assert!(run.console.is_empty(), "{url}: {:#?}", run.console);
    file
}

fn url(dir: &Path, page: &str) -> String {
    format!("file://{}/{page}", dir.display())
}

fn select(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
#[cfg_attr(
    not(chromium),
    ignore = "needs Debian's chromium (apt-get install -y chromium)"
)]
fn a_reader_searches_for_gottwald_and_finds_what_rests_only_on_the_letter() {
    let tmp = TempDir::new("site-browser");
    let site = tmp.path().join("site");
    let debate = Debate::new(Corpus::bundled());
    historiograph::Site::build(&debate).write(&site).unwrap();

    // The index, from file://, with the search form every page has.
    let (index, console) = dom(&url(&site, "index.html"));
    assert!(console.is_empty(), "index.html: {console:#?}");
    let form = index
        .select(&select("form[role=search]"))
        .next()
        .expect("a search form");
    let action = form.value().attr("action").unwrap();
    let field = form
        .select(&select("input[type=search]"))
        .next()
        .unwrap()
        .value()
        .attr("name")
        .unwrap();
    assert_eq!((action, field), ("search.html", "q"));

    // Submitting it: the search script runs over the index file and lists the letter.
    let search = format!("{}?{field}=Gottwald", url(&site, action));
    let (results, console) = dom(&search);
    assert!(console.is_empty(), "search: {console:#?}");
    let status: String = results
        .select(&select("#search-status"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        status.contains("results for \u{201c}Gottwald\u{201d}"),
        "{status}"
    );
    let links: Vec<&str> = results
        .select(&select("#results a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    let letter = links
        .iter()
        .find(|h| h.ends_with("document/stalin-gottwald-1950-08-27.html"))
        .unwrap_or_else(|| panic!("no result for the letter among {links:?}"));

    // Following the result: the letter's page lists the claims that rest only on it.
    let (page, console) = dom(&url(&site, letter));
    assert!(console.is_empty(), "letter: {console:#?}");
    let listed: Vec<String> = page
        .select(&select("h2#rests-only-on + ul li > a:first-child"))
        .map(|a| a.text().collect())
        .collect();
    let resting: Vec<String> = (debate.rests_only_on("stalin-gottwald-1950-08-27").unwrap())
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert!(!resting.is_empty());
    assert_eq!(listed, resting);

    // Screenshots of three pages (and the results), for CI to keep and people to look at.
    screenshot(&url(&site, "index.html"), "index", "1200,1800");
    screenshot(&search, "search-gottwald", "1200,1200");
    screenshot(
        &url(&site, "claim/gottwald-letter-trap.html"),
        "claim-gottwald-letter-trap",
        "1200,1800",
    );
    screenshot(
        &url(&site, letter),
        "document-stalin-gottwald-1950-08-27",
        "1200,2000",
    );
    screenshot(
        &url(&site, "claim/gottwald-letter-trap.html"),
        "claim-phone",
        "390,1400",
    );
}

#[test]
#[cfg_attr(
    not(chromium),
    ignore = "needs Debian's chromium (apt-get install -y chromium)"
)]
fn nothing_in_a_hostile_corpus_runs_in_the_browser() {
    let tmp = TempDir::new("site-hostile");
    let site = tmp.path().join("site");
    crate::site::hostile_site().write(&site).unwrap();
    let mut pages: Vec<String> = vec![
        "index.html".into(),
        "search.html?q=script".into(),
        "search.html?q=pwned".into(),
    ];
    for folder in ["claim", "document", "historian", "work"] {
        for entry in std::fs::read_dir(site.join(folder)).unwrap() {
            pages.push(format!(
                "{folder}/{}",
                entry.unwrap().file_name().to_string_lossy()
            ));
        }
    }
    pages.sort();
    for page in &pages {
        let (dom, console) = dom(&url(&site, page));
        // Each payload would set data-pwned on the body, or be refused by the policy, which
        // logs to the console.
        let body = dom.select(&select("body")).next().unwrap();
        assert_eq!(
            body.value().attr("data-pwned"),
            None,
            "{page}: a payload ran"
        );
        assert!(console.is_empty(), "{page}: {console:#?}");
    }
    // The search found the payloads, as text.
    let (results, _) = dom(&url(&site, "search.html?q=pwned"));
    assert!(results.select(&select("#results li")).count() >= 4);
}
