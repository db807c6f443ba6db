//! The static site (issue 17): every link resolves, the HTML parses, hostile text stays text,
//! the output is the same bytes every time, and writing refuses folders it would clobber.
//! The real-browser checks are in `site_browser.rs`.

use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;
use historiograph::{Corpus, Debate, Site, SITE_MARKER};
use scraper::{Html, Selector};

use crate::support::{corpus_dir, debate, TempDir};

pub fn bundled_site() -> Site {
    Site::build(&Debate::new(Corpus::bundled()))
}

pub fn hostile_site() -> Site {
    Site::build(&debate("hostile-site"))
}

fn select(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The folder part of a page's path, with a trailing `/` (or nothing at the root).
fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// `href` from the page at `from`, as a path from the root; `None` if it leaves the site.
fn resolve(from: &str, href: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder(from).split('/').filter(|p| !p.is_empty()).collect();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Every problem with the site's internal links: a target that is not a file of the site, an
/// anchor that is not an id on its page, a link to anything but the site or an http(s) URL.
fn broken_links(site: &Site) -> Vec<String> {
    broken_links_in(&site.files().collect())
}

fn broken_links_in(site: &BTreeMap<&str, &str>) -> Vec<String> {
    let pages: BTreeMap<&str, Html> = site
        .iter()
        .map(|(p, t)| (*p, *t))
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, t)| (p, Html::parse_document(t)))
        .collect();
    let ids: BTreeMap<&str, BTreeSet<String>> = pages
        .iter()
        .map(|(p, html)| {
            let has_id = select("[id]");
            let ids = html
                .select(&has_id)
                .map(|e| e.attr("id").unwrap().to_string());
            (*p, ids.collect())
        })
        .collect();
    let mut problems = Vec::new();
    let targets = [
        ("a", "href"),
        ("link", "href"),
        ("script", "src"),
        ("form", "action"),
    ];
    for (page, html) in &pages {
        for (element, attr) in targets {
            for e in html.select(&select(&format!("{element}[{attr}]"))) {
                let href = e.attr(attr).unwrap();
                if href.starts_with("https://") || href.starts_with("http://") {
                    continue;
                }
                if href.contains(':') {
                    problems.push(format!("{page}: a link that is not the site's: {href}"));
                    continue;
                }
                let (rest, anchor) = href.split_once('#').unwrap_or((href, ""));
                let rest = rest.split_once('?').map_or(rest, |(p, _)| p);
                let target = match rest {
                    "" => Some(page.to_string()),
                    r => resolve(page, r),
                };
                let Some(target) = target.filter(|t| site.contains_key(t.as_str())) else {
                    problems.push(format!("{page}: no file for {href}"));
                    continue;
                };
                if !anchor.is_empty()
                    && !ids.get(target.as_str()).is_some_and(|s| s.contains(anchor))
                {
                    problems.push(format!("{page}: no #{anchor} on {target}"));
                }
            }
        }
    }
    problems
}

#[test]
fn every_internal_link_and_anchor_of_the_bundled_site_resolves() {
    let site = bundled_site();
    let problems = broken_links(&site);
    assert!(
        problems.is_empty(),
        "{} broken links:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(site.len() > 300);
}

#[test]
fn the_link_checker_finds_a_missing_page_and_a_missing_anchor() {
    let html = |body: &str| {
        format!("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>{body}</body></html>")
    };
    let files = [
        ("index.html", html("<a href=\"claim/a.html#status\">a</a> <a href=\"claim/b.html\">b</a> <a href=\"javascript:x\">j</a>")),
        ("claim/a.html", html("<h2 id=\"evidence\">e</h2><a href=\"../index.html\">up</a>")),
    ];
    let site: BTreeMap<&str, &str> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    assert_eq!(
        broken_links_in(&site),
        [
            "index.html: no #status on claim/a.html",
            "index.html: no file for claim/b.html",
            "index.html: a link that is not the site's: javascript:x",
        ]
    );
}

#[test]
fn every_page_of_the_bundled_site_parses_as_html5_without_errors() {
    let site = bundled_site();
    for (path, text) in site.files().filter(|(p, _)| p.ends_with(".html")) {
        let html = Html::parse_document(text);
        assert!(html.errors.is_empty(), "{path}: {:?}", html.errors);
        assert_eq!(html.select(&select("h1")).count(), 1, "{path}: one h1");
        assert_eq!(html.select(&select("main")).count(), 1, "{path}: one main");
    }
    // The parser reports errors when there are some: the check can fail.
    let bad = Html::parse_document("<!DOCTYPE html><p><b>x</p></i>");
    assert!(!bad.errors.is_empty());
}

#[test]
fn the_same_corpus_gives_the_same_bytes() {
    let a = bundled_site();
    let b = bundled_site();
    assert!(a == b, "two builds differ");
    let one = TempDir::new("site-same-1");
    let two = TempDir::new("site-same-2");
    for dir in [&one, &two] {
        a.write(&dir.path().join("site")).unwrap();
    }
    let read = |dir: &TempDir| {
        let mut files = BTreeMap::new();
        let mut stack = vec![dir.path().join("site")];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path
                        .strip_prefix(dir.path())
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    files.insert(rel, std::fs::read(&path).unwrap());
                }
            }
        }
        files
    };
    let (x, y) = (read(&one), read(&two));
    assert_eq!(x.len(), a.len());
    assert!(x == y, "two writes differ");
}

#[test]
fn the_index_and_the_gottwald_letter_page_are_pinned() {
    let site = bundled_site();
    insta::assert_snapshot!("site_index", site.file("index.html").unwrap());
    insta::assert_snapshot!(
        "site_gottwald_letter",
        site.file("document/stalin-gottwald-1950-08-27.html")
            .unwrap()
    );
}

#[test]
fn the_gottwald_letter_page_renders_the_library_answers() {
    let debate = Debate::new(Corpus::bundled());
    let site = Site::build(&debate);
    let page = Html::parse_document(
        site.file("document/stalin-gottwald-1950-08-27.html")
            .unwrap(),
    );
    let listed = |anchor: &str| -> Vec<String> {
        // The list right after the heading.
        let heading = page.select(&select(&format!("h2#{anchor} + ul"))).next();
        heading.map_or(Vec::new(), |ul| {
            ul.select(&select("li > a:first-child"))
                .map(|a| a.text().collect())
                .collect()
        })
    };
    let resting: Vec<String> = debate
        .rests_only_on("stalin-gottwald-1950-08-27")
        .unwrap()
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert!(!resting.is_empty());
    assert_eq!(listed("rests-only-on"), resting);
    let depending: Vec<String> = debate
        .depends_on("stalin-gottwald-1950-08-27")
        .unwrap()
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(listed("depends-on"), depending);
    let claim = Html::parse_document(site.file("claim/gottwald-letter-trap.html").unwrap());
    let status: String = claim
        .select(&select("strong.status"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(status, "out");
}

/// Every element and attribute a page may have that runs script, or loads something.
fn active_content(path: &str, html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for e in html.select(&select("*")) {
        let name = e.value().name();
        if matches!(
            name,
            "iframe" | "object" | "embed" | "img" | "base" | "frame"
        ) {
            found.push(format!("{path}: <{name}>"));
        }
        if name == "script" && !matches!(e.attr("src"), Some("search.js" | "search-index.js")) {
            found.push(format!("{path}: <script> {:?}", e.attr("src")));
        }
        for (attr, value) in e.value().attrs() {
            if attr.starts_with("on") || attr == "style" || attr == "srcdoc" {
                found.push(format!("{path}: {name} {attr}"));
            }
            if matches!(attr, "href" | "src" | "action")
                && value.to_ascii_lowercase().contains("script:")
            {
                found.push(format!("{path}: {name} {attr}={value}"));
            }
        }
    }
    found
}

#[test]
fn hostile_text_stays_text_in_pages_and_in_the_search_index() {
    let site = hostile_site();
    let mut found = Vec::new();
    for (path, text) in site.files().filter(|(p, _)| p.ends_with(".html")) {
        let html = Html::parse_document(text);
        assert!(html.errors.is_empty(), "{path}: {:?}", html.errors);
        found.extend(active_content(path, &html));
        let csp = html
            .select(&select("meta[http-equiv=Content-Security-Policy]"))
            .next();
        let csp = csp.and_then(|m| m.attr("content")).unwrap_or_default();
        assert!(
            csp.contains("script-src 'self'") && csp.contains("default-src 'none'"),
            "{path}: {csp}"
        );
    }
    assert!(found.is_empty(), "{found:#?}");
    // The payloads are there, as text.
    let claim = site
        .files()
        .find(|(p, t)| p.starts_with("claim/_") && t.contains("pwned=12"))
        .unwrap();
    let text: String = Html::parse_document(claim.1)
        .select(&select("p.statement"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(
        text,
        "</script><script>document.body.dataset.pwned=12</script>"
    );
    // Only http(s) URLs become links: neither `javascript:` URL does.
    for work in ["work/w.html", "work/w2.html"] {
        let page = Html::parse_document(site.file(work).unwrap());
        let hrefs: Vec<&str> = page
            .select(&select("main a[href]"))
            .filter_map(|a| a.attr("href"))
            .collect();
        assert!(hrefs.iter().all(|h| !h.contains(':')), "{work}: {hrefs:?}");
    }
    let index = site.file("search-index.js").unwrap();
    let payload = index
        .split_once(" = ")
        .unwrap()
        .1
        .trim_end()
        .trim_end_matches(';');
    assert!(!payload.contains('<') && !payload.contains('>') && !payload.contains('\u{2028}'));
    let value: serde_json::Value = serde_json::from_str(payload).unwrap();
    assert!(value
        .to_string()
        .contains("</script><script>document.body.dataset.pwned=12</script>"));
    assert!(broken_links(&site).is_empty(), "{:?}", broken_links(&site));
}

fn cli() -> Command {
    Command::cargo_bin("historiograph").unwrap()
}

#[test]
fn the_command_writes_a_site_replaces_its_own_and_refuses_other_folders() {
    let tmp = TempDir::new("site-cli");
    let out = tmp.path().join("site");
    let run = |dir: &std::path::Path| cli().args(["site", "-o"]).arg(dir).output().unwrap();
    let first = run(&out);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("wrote "));
    assert!(out.join("index.html").is_file() && out.join(SITE_MARKER).is_file());
    // A stray file in a previous site goes with it.
    std::fs::write(out.join("stray.html"), "x").unwrap();
    assert!(run(&out).status.success());
    assert!(!out.join("stray.html").exists() && out.join("index.html").is_file());
    // A folder with other things in it is refused, untouched.
    let other = tmp.path().join("notes");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("thesis.md"), "mine").unwrap();
    let refused = run(&other);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("is not empty and is not a site written by historiograph"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_dir(&other).unwrap().count(), 1);
    // A file is refused; an empty folder is taken.
    let refused = run(&other.join("thesis.md"));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("exists and is not a folder"));
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(run(&empty).status.success());
    // The current folder is refused: replacing it would strand the shell in a removed folder.
    let here = cli()
        .current_dir(&empty)
        .args(["site", "-o", "."])
        .output()
        .unwrap();
    assert_eq!(here.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&here.stderr).contains("is the current folder or holds it"));
    assert!(empty.join("index.html").is_file());
    // Nothing is left beside the sites.
    let mut names: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["empty", "notes", "site"]);
    // --json reports what was written.
    let json = cli()
        .args(["site", "--json", "-o"])
        .arg(&out)
        .arg("--corpus")
        .arg(corpus_dir("debate"))
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(value["files"].as_u64().unwrap() > 10, "{value}");
}
