//! The pages of historians, schools and works, and the lists of every record of a kind.

use std::fmt::Write as _;

use crate::bibliography::chicago;

use super::escape::{html, web_url};
use super::html::Page;
use super::lookup::Ctx;
use super::svg;

/// Every historian, school and work page, and the lists.
pub(crate) fn pages(ctx: &Ctx) -> Vec<(String, String)> {
    let corpus = ctx.debate.corpus();
    let mut out = Vec::new();
    out.extend((0..corpus.historians.len()).map(|h| historian(ctx, h)));
    out.extend(corpus.schools.iter().map(|s| school(ctx, &s.id)));
    out.extend((0..corpus.works.len()).map(|w| work(ctx, w)));
    out.extend(lists(ctx));
    out
}

#[allow(
    clippy::expect_used,
    reason = "every record of the corpus has a page and every id on a page comes from the corpus"
)]
fn historian(ctx: &Ctx, h: usize) -> (String, String) {
    let corpus = ctx.debate.corpus();
    let historian = &corpus.historians[h];
    let path = ctx.page(&historian.id).expect("every historian has a page");
    let mut p = Page::new(ctx, path, &historian.name);
    let schools: Vec<String> = historian.schools.iter().map(|s| p.school(s)).collect();
    let works: Vec<String> = historian.works.iter().map(|w| html(w)).collect();
    p.facts(&[
        ("Id", format!("<code>{}</code>", html(&historian.id))),
        ("Schools and theses", schools.join(", ")),
        ("Works named", works.join("; ")),
        (
            "Notes",
            historian.notes.as_deref().map(html).unwrap_or_default(),
        ),
    ]);
    let advanced = ctx
        .advanced_by
        .get(historian.id.as_str())
        .cloned()
        .unwrap_or_default();
    p.claim_list(
        "claims",
        "Claims they advance",
        &advanced,
        "None in this corpus.",
    );
    let mut authored: Vec<&crate::Work> = corpus
        .works
        .iter()
        .filter(|w| w.authors.contains(&historian.id))
        .collect();
    authored.sort_by(|a, b| a.id.cmp(&b.id));
    if !authored.is_empty() {
        p.heading(2, "works", "Works in the bibliography");
        let items: String = authored
            .iter()
            .map(|w| format!("<li>{} ({})</li>\n", p.link_text(&w.id, &w.title), w.year))
            .collect();
        let _ = writeln!(p.body, "<ul>\n{items}</ul>");
    }
    let mut judged: Vec<&crate::Document> = (corpus.documents.iter())
        .filter(|d| {
            d.reliability
                .as_ref()
                .is_some_and(|r| r.by.contains(&historian.id))
        })
        .collect();
    judged.sort_by(|a, b| a.id.cmp(&b.id));
    if !judged.is_empty() {
        p.heading(2, "judges", "Documents whose reliability they judge");
        let items: String = judged
            .iter()
            .map(|d| {
                let rating = d.reliability.as_ref().map_or("", |r| r.rating.as_str());
                format!(
                    "<li>{}: {}</li>\n",
                    p.link_text(&d.id, &d.title),
                    html(rating)
                )
            })
            .collect();
        let _ = writeln!(p.body, "<ul>\n{items}</ul>");
    }
    p.finish()
}

#[allow(
    clippy::expect_used,
    reason = "every record of the corpus has a page and every id on a page comes from the corpus"
)]
fn school(ctx: &Ctx, id: &str) -> (String, String) {
    let debate = ctx.debate;
    let corpus = debate.corpus();
    let school = corpus
        .school(id)
        .expect("the id comes from the corpus's schools");
    let path = ctx.school_page(id).expect("every school has a page");
    let mut p = Page::new(ctx, path, &school.name);
    let kind = match school.kind {
        crate::SchoolKind::School => "a school of historians",
        crate::SchoolKind::Thesis => "a thesis about Soviet policy",
    };
    p.facts(&[
        ("Id", format!("<code>{}</code>", html(id))),
        ("Kind", kind.into()),
    ]);
    let members: Vec<String> = (corpus.historians.iter())
        .filter(|h| h.schools.iter().any(|s| s.as_str() == id))
        .map(|h| format!("<li>{}</li>", p.historian(&h.id)))
        .collect();
    p.heading(2, "historians", "Historians");
    if members.is_empty() {
        p.para("No historian in the corpus is placed in it.");
    } else {
        let _ = writeln!(p.body, "<ul>\n{}\n</ul>", members.join("\n"));
    }
    let claims = school_claims(ctx, id);
    svg::school_section(&mut p, &claims);
    p.claim_list(
        "claims",
        "Its claims",
        &claims,
        "No claim in the corpus belongs to it.",
    );
    p.finish()
}

/// The claims of a school: its own, or those its proponents' schools give it.
pub(crate) fn school_claims(ctx: &Ctx, id: &str) -> Vec<usize> {
    let debate = ctx.debate;
    (debate.corpus().claims.iter().enumerate())
        .filter(|(_, c)| match &c.school {
            Some(s) => s.as_str() == id,
            None => debate.summary(c).schools.iter().any(|s| s.as_str() == id),
        })
        .map(|(i, _)| i)
        .collect()
}

#[allow(
    clippy::expect_used,
    reason = "every record of the corpus has a page and every id on a page comes from the corpus"
)]
fn work(ctx: &Ctx, w: usize) -> (String, String) {
    let debate = ctx.debate;
    let work = &debate.corpus().works[w];
    let path = ctx.page(&work.id).expect("every work has a page");
    let mut p = Page::new(ctx, path, &work.title);
    let authors: Vec<String> = work.authors.iter().map(|a| p.historian(a)).collect();
    let link = |u: Option<&str>| match u.and_then(web_url) {
        Some(url) => format!("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", html(url)),
        None => u.map(html).unwrap_or_default(),
    };
    let doi = work.doi.as_deref().map(html).unwrap_or_default();
    p.facts(&[
        ("Id", format!("<code>{}</code>", html(&work.id))),
        ("Reference", html(&chicago(work, |a| ctx.name(a)))),
        ("Authors", authors.join(", ")),
        ("Year", work.year.to_string()),
        ("Kind", html(work.kind.as_str())),
        ("URL", link(work.url.as_deref())),
        ("DOI", doi),
        ("Notes", work.notes.as_deref().map(html).unwrap_or_default()),
    ]);
    let citing = ctx
        .cited_by
        .get(work.id.as_str())
        .cloned()
        .unwrap_or_default();
    p.claim_list(
        "cited-by",
        "Claims that cite it",
        &citing,
        "No claim cites it.",
    );
    let target = crate::UndercutTarget::Work(work.id.clone());
    let by: Vec<usize> = ctx.undercutting(&target).iter().map(|&(c, _)| c).collect();
    p.claim_list(
        "undercut-by",
        "Claims that undercut it",
        &by,
        "No claim undercuts it.",
    );
    p.finish()
}

/// `claims.html`, `documents.html` (by date), `historians.html` and `works.html`.
fn lists(ctx: &Ctx) -> Vec<(String, String)> {
    let debate = ctx.debate;
    let corpus = debate.corpus();
    let mut out = Vec::new();
    let mut p = Page::new(ctx, "claims.html", "Claims");
    let all: Vec<usize> = (0..corpus.claims.len()).collect();
    let title = format!("All {} claims, by id", all.len());
    p.claim_list("all", &title, &all, "The corpus has no claims.");
    out.push(p.finish());

    let mut p = Page::new(ctx, "documents.html", "Documents");
    p.heading(2, "all", "Every document, by date");
    p.push("<table>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Document</th><th scope=\"col\">Kind</th><th scope=\"col\">Written for</th></tr></thead>\n<tbody>\n");
    for d in debate.documents_by_date() {
        let _ = writeln!(
            p.body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            html(&d.date.to_string()),
            p.link_text(&d.id, &d.title),
            html(d.kind.as_str()),
            html(d.audience.as_str())
        );
    }
    p.push("</tbody>\n</table>\n");
    out.push(p.finish());

    let mut p = Page::new(ctx, "historians.html", "Historians");
    let mut historians: Vec<&crate::Historian> = corpus.historians.iter().collect();
    historians.sort_by(|a, b| a.id.cmp(&b.id));
    p.heading(2, "all", "Every historian");
    p.push("<ul>\n");
    for h in historians {
        let schools: Vec<String> = h.schools.iter().map(|s| p.school(s)).collect();
        let n = ctx.advanced_by.get(h.id.as_str()).map_or(0, Vec::len);
        let _ = writeln!(
            p.body,
            "<li>{} <span class=\"meta\">{}; {n} claim{}</span></li>",
            p.historian(&h.id),
            schools.join(", "),
            if n == 1 { "" } else { "s" }
        );
    }
    p.push("</ul>\n");
    out.push(p.finish());

    if !corpus.works.is_empty() {
        let mut p = Page::new(ctx, "works.html", "Works");
        let mut works: Vec<&crate::Work> = corpus.works.iter().collect();
        works.sort_by(|a, b| a.id.cmp(&b.id));
        p.heading(2, "all", "The bibliography");
        p.push("<ul>\n");
        for w in works {
            let reference = chicago(w, |a| ctx.name(a));
            let _ = writeln!(p.body, "<li>{}</li>", p.link_text(&w.id, &reference));
        }
        p.push("</ul>\n");
        out.push(p.finish());
    }
    out
}
