//! The corpus's sources as a bibliography: secondary works and archival documents, as Chicago
//! notes-bibliography entries, CSL-JSON (Zotero, pandoc, citeproc) and BibTeX.
//!
//! Names are written as the corpus gives them (`Kim Donggil`, `Bruce Cumings`), not inverted:
//! which part of a name is the family name differs between the traditions in this literature,
//! and a wrong inversion is worse than none. CSL-JSON carries them as `literal` names for the
//! same reason. Values that the corpus marks as supplied from outside the encoded source are
//! written like the others; `note` fields say which they are.

use serde_json::{json, Value};

use crate::corpus::id::Id;
use crate::corpus::model::{Document, Work, WorkKind};
use crate::corpus::Corpus;

/// A Chicago-style bibliography entry for a work; `name` gives an author's name from an id.
pub fn chicago(work: &Work, name: impl Fn(&Id) -> String) -> String {
    let authors = join_names(&work.authors.iter().map(&name).collect::<Vec<_>>());
    let place_publisher = match (&work.place, &work.publisher) {
        (Some(p), Some(q)) => format!("{p}: {q}, "),
        (None, Some(q)) => format!("{q}, "),
        (Some(p), None) => format!("{p}, "),
        (None, None) => String::new(),
    };
    let pages = work
        .pages
        .as_deref()
        .map(|p| format!(": {p}"))
        .unwrap_or_default();
    let mut out = match work.kind {
        WorkKind::Article => {
            let container = work.container.as_deref().unwrap_or("");
            let volume = work
                .volume
                .as_deref()
                .map(|v| format!(" {v}"))
                .unwrap_or_default();
            let issue = work
                .issue
                .as_deref()
                .map(|i| format!(", no. {i}"))
                .unwrap_or_default();
            format!(
                "{authors}. “{}.” {container}{volume}{issue} ({}){pages}.",
                work.title, work.year
            )
        }
        WorkKind::Chapter => {
            let container = work.container.as_deref().unwrap_or("");
            let pages = work
                .pages
                .as_deref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default();
            format!(
                "{authors}. “{}.” In {container}{pages}. {place_publisher}{}.",
                work.title, work.year
            )
        }
        WorkKind::WorkingPaper => {
            let series = work
                .container
                .as_deref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default();
            let number = work
                .volume
                .as_deref()
                .map(|v| format!(" {v}"))
                .unwrap_or_default();
            format!(
                "{authors}. “{}.”{series}{number}. {place_publisher}{}.",
                work.title, work.year
            )
        }
        _ => {
            let container = work
                .container
                .as_deref()
                .map(|c| format!(" {c}."))
                .unwrap_or_default();
            format!(
                "{authors}. {}.{container} {place_publisher}{}.",
                work.title, work.year
            )
        }
    };
    if let Some(url) = work
        .doi
        .as_deref()
        .map(|d| format!("https://doi.org/{d}"))
        .or_else(|| work.url.as_deref().map(str::to_string))
    {
        out.push_str(&format!(" {url}."));
    }
    out
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => "Anonymous".to_string(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// A historian's name from the corpus, or the id when there is none.
fn name_in(corpus: &Corpus) -> impl Fn(&Id) -> String + '_ {
    move |id| {
        corpus
            .historian(id)
            .map_or_else(|| id.to_string(), |h| h.name.to_string())
    }
}

fn csl_type(kind: WorkKind) -> &'static str {
    match kind {
        WorkKind::Book => "book",
        WorkKind::Article => "article-journal",
        WorkKind::Chapter => "chapter",
        WorkKind::WorkingPaper => "report",
        WorkKind::Thesis => "thesis",
        WorkKind::WebPage => "webpage",
        WorkKind::Other => "document",
    }
}

fn work_csl(work: &Work, name: &impl Fn(&Id) -> String) -> Value {
    let mut item = json!({
        "id": work.id.as_str(),
        "type": csl_type(work.kind),
        "title": &*work.title,
        "author": work.authors.iter().map(|a| json!({"literal": name(a)})).collect::<Vec<_>>(),
        "issued": {"date-parts": [[work.year]]},
    });
    let fields = [
        ("container-title", &work.container),
        ("volume", &work.volume),
        ("issue", &work.issue),
        ("publisher", &work.publisher),
        ("publisher-place", &work.place),
        ("page", &work.pages),
        ("URL", &work.url),
        ("DOI", &work.doi),
    ];
    for (key, value) in fields {
        if let Some(v) = value {
            item[key] = json!(&**v);
        }
    }
    if work.kind == WorkKind::WorkingPaper {
        if let Some(c) = &work.container {
            item["collection-title"] = json!(&**c);
        }
    }
    if !work.supplied.is_empty() {
        item["note"] = json!(format!(
            "supplied from outside the source: {}",
            work.supplied.join(", ")
        ));
    }
    item
}

fn document_csl(document: &Document) -> Value {
    let mut date = vec![document.date.start.year as i64];
    date.extend(document.date.start.month.map(i64::from));
    date.extend(
        document
            .date
            .start
            .day
            .and(document.date.start.month)
            .map(|_| i64::from(document.date.start.day.unwrap_or(1))),
    );
    let mut item = json!({
        "id": document.id.as_str(),
        "type": "manuscript",
        "title": &*document.title,
        "author": [{"literal": &*document.author}],
        "issued": {"date-parts": [date]},
        "archive": &*document.citation,
        "genre": document.kind.as_str(),
    });
    if let Some(r) = &document.recipient {
        item["recipient"] = json!([{"literal": &**r}]);
    }
    if !document.supplied.is_empty() {
        item["note"] = json!(format!(
            "supplied from outside the source: {}",
            document.supplied.join(", ")
        ));
    }
    item
}

/// The works, then the documents (as archival manuscripts), as a CSL-JSON array, sorted by id.
#[allow(clippy::expect_used, reason = "JSON values always serialize")]
pub fn to_csl_json(corpus: &Corpus, keep: &dyn Fn(&str) -> bool) -> String {
    let name = name_in(corpus);
    let mut works: Vec<&Work> = corpus.works.iter().filter(|w| keep(&w.id)).collect();
    works.sort_by(|a, b| a.id.cmp(&b.id));
    let mut documents: Vec<&Document> = corpus.documents.iter().filter(|d| keep(&d.id)).collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let items: Vec<Value> = (works.iter().map(|w| work_csl(w, &name)))
        .chain(documents.iter().map(|d| document_csl(d)))
        .collect();
    let mut out = serde_json::to_string_pretty(&items).expect("JSON values serialize");
    out.push('\n');
    out
}

/// `text` as a BibTeX value: control characters other than line feed and tab as spaces
/// (BibTeX and LaTeX have no use for them, and a terminal showing the file would obey them),
/// braces, backslashes and LaTeX's special characters escaped.
fn bib(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '{' | '}' | '\\' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Names as a BibTeX `author` value: each in braces, so that BibTeX keeps it whole rather than
/// inverting it.
fn bib_names<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let braced: Vec<String> = names
        .into_iter()
        .map(|n| format!("{{{}}}", bib(n)))
        .collect();
    braced.join(" and ")
}

/// The works, then the documents (as `@misc` archival items), as BibTeX, sorted by id.
pub fn to_bibtex(corpus: &Corpus, keep: &dyn Fn(&str) -> bool) -> String {
    let name = name_in(corpus);
    let mut works: Vec<&Work> = corpus.works.iter().filter(|w| keep(&w.id)).collect();
    works.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out = String::new();
    // Values are BibTeX text already (see `bib` and `bib_names`).
    let mut entry = |kind: &str, id: &str, fields: Vec<(&str, String)>| {
        out.push_str(&format!("@{kind}{{{},\n", bib(id)));
        for (k, v) in fields.into_iter().filter(|(_, v)| !v.is_empty()) {
            out.push_str(&format!("  {k} = {{{v}}},\n"));
        }
        out.push_str("}\n\n");
    };
    for w in works {
        let kind = match w.kind {
            WorkKind::Book => "book",
            WorkKind::Article => "article",
            WorkKind::Chapter => "incollection",
            WorkKind::WorkingPaper => "techreport",
            WorkKind::Thesis => "mastersthesis",
            WorkKind::WebPage | WorkKind::Other => "misc",
        };
        let container_key = match w.kind {
            WorkKind::Article => "journal",
            WorkKind::Chapter => "booktitle",
            _ => "series",
        };
        let text = |v: &Option<Box<str>>| bib(v.as_deref().unwrap_or(""));
        let names: Vec<String> = w.authors.iter().map(&name).collect();
        let fields = vec![
            ("author", bib_names(names.iter().map(String::as_str))),
            ("title", bib(&w.title)),
            ("year", w.year.to_string()),
            (container_key, text(&w.container)),
            ("volume", text(&w.volume)),
            ("number", text(&w.issue)),
            ("publisher", text(&w.publisher)),
            ("address", text(&w.place)),
            ("pages", text(&w.pages)),
            ("url", text(&w.url)),
            ("doi", text(&w.doi)),
        ];
        entry(kind, &w.id, fields);
    }
    let mut documents: Vec<&Document> = corpus.documents.iter().filter(|d| keep(&d.id)).collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    for d in documents {
        let to = d.recipient.as_deref().map(|r| format!(" to {r}"));
        let fields = vec![
            ("author", bib_names([&*d.author])),
            ("title", bib(&d.title)),
            ("date", d.date.to_string()),
            ("howpublished", bib(&d.citation)),
            (
                "note",
                bib(&format!("{}{}", d.kind, to.unwrap_or_default())),
            ),
        ];
        entry("misc", &d.id, fields);
    }
    out
}
