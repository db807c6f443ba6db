//! The search index, a JavaScript file that assigns a global (a page opened from `file://`
//! may not fetch JSON), and the site's static files: the stylesheet and the search script.

use serde_json::{json, Value};

use super::escape::js_value;
use super::lookup::Ctx;

/// The static files: `(path, contents)`.
pub(crate) fn assets() -> [(&'static str, &'static str); 2] {
    [
        ("style.css", include_str!("assets/style.css")),
        ("search.js", include_str!("assets/search.js")),
    ]
}

/// `search-index.js`: `window.HISTORIOGRAPH_SEARCH = [[kind, id, text, extra, href], …]`, in
/// the order documents, historians, schools, works, claims (the few records a search most
/// likely names before the many claims about them), each sorted by id. `extra` holds
/// what else a reader may search by: names, dates, kinds.
pub(crate) fn index_js(ctx: &Ctx) -> (String, String) {
    let debate = ctx.debate;
    let corpus = debate.corpus();
    let mut entries: Vec<(u8, &str, Value)> = Vec::new();
    let mut add =
        |rank: u8, kind: &str, id: &'_ str, text: &str, extra: String, href: Option<&str>| {
            if let Some(href) = href {
                entries.push((rank, "", json!([kind, id, text, extra, href])));
            }
        };
    for claim in &corpus.claims {
        let summary = debate.summary(claim);
        let mut extra = summary.held_by.join(", ");
        if let Some(period) = claim.period {
            extra = format!("{extra} · {period}");
        }
        add(
            4,
            "claim",
            &claim.id,
            &claim.statement,
            extra,
            ctx.page(&claim.id),
        );
    }
    for d in &corpus.documents {
        let extra = format!("{} · {} · {}", d.date, d.kind, d.author);
        add(0, "document", &d.id, &d.title, extra, ctx.page(&d.id));
    }
    for h in &corpus.historians {
        add(
            1,
            "historian",
            &h.id,
            &h.name,
            h.schools.join(", "),
            ctx.page(&h.id),
        );
    }
    for s in &corpus.schools {
        add(
            2,
            "school",
            &s.id,
            &s.name,
            String::new(),
            ctx.school_page(&s.id),
        );
    }
    for w in &corpus.works {
        let names: Vec<String> = w.authors.iter().map(|a| ctx.name(a)).collect();
        let extra = format!("{} · {}", w.year, names.join(", "));
        add(3, "work", &w.id, &w.title, extra, ctx.page(&w.id));
    }
    entries.sort_by(|a, b| (a.0, a.2[1].as_str()).cmp(&(b.0, b.2[1].as_str())));
    let list = Value::Array(entries.into_iter().map(|(_, _, v)| v).collect());
    let text = format!(
        "// The search index of this site, written by historiograph site.\nwindow.HISTORIOGRAPH_SEARCH = {};\n",
        js_value(&list)
    );
    ("search-index.js".to_string(), text)
}
