//! The pages at the site's root: the index, the headline questions (contested, unsupported,
//! source criticism, statuses), the map and the search page.

use std::fmt::Write as _;

use crate::query::Status;
use crate::SchoolKind;

use super::claim::status_text;
use super::escape::html;
use super::html::Page;
use super::lookup::Ctx;
use super::records::school_claims;
use super::svg;

/// How many claims of a school the index lists before sending readers to the school's page.
const INDEX_CLAIMS: usize = 40;
/// How many much-cited documents the index asks about.
const MUCH_CITED: usize = 10;

pub(crate) fn pages(ctx: &Ctx) -> Vec<(String, String)> {
    vec![
        index(ctx),
        contested(ctx),
        unsupported(ctx),
        criticism(ctx),
        statuses(ctx),
        svg::map_page(ctx),
        search(ctx),
    ]
}

fn index(ctx: &Ctx) -> (String, String) {
    let debate = ctx.debate;
    let corpus = debate.corpus();
    let mut p = Page::new(ctx, "index.html", "The debate");
    let arguments: usize = corpus.claims.iter().map(|c| c.arguments.len()).sum();
    let undercuts: usize = corpus.claims.iter().map(|c| c.undercuts.len()).sum();
    let _ = writeln!(
        p.body,
        "<p>A historiographical debate as a graph: {} claims advanced by {} historians, resting on \
{} primary documents and citing {} secondary works, with {arguments} linked arguments and \
{undercuts} undercuts. Each claim's page follows its evidence down to the documents; each \
document's page shows what rests on it and what falls without it.</p>",
        corpus.claims.len(),
        corpus.historians.len(),
        corpus.documents.len(),
        corpus.works.len()
    );
    p.heading(2, "questions", "Questions");
    p.push("<ul class=\"questions\">\n");
    let contested = debate.contested().len();
    let unsupported = debate.unsupported().len();
    let _ = writeln!(p.body, "<li><a href=\"contested.html\">Which claims are contested, and by whom?</a> ({contested})</li>");
    let _ = writeln!(p.body, "<li><a href=\"unsupported.html\">Which claims have no documentary grounding?</a> ({unsupported})</li>");
    p.push("<li><a href=\"criticism.html\">Which claims rest only on late or outward-facing documents, and which sources are undercut?</a></li>\n");
    p.push("<li><a href=\"statuses.html\">Which claims stand under grounded semantics, and why?</a></li>\n");
    p.push("</ul>\n");
    p.heading(
        3,
        "much-cited",
        "Which claims rest only on each much-cited document?",
    );
    let mut cited: Vec<(usize, &str)> = (ctx.evidence_of.iter())
        .map(|(d, cites)| {
            let mut claims: Vec<usize> = cites.iter().map(|&(c, _)| c).collect();
            claims.dedup();
            (claims.len(), *d)
        })
        .filter(|&(n, d)| n >= 2 && debate.document(d).is_some())
        .collect();
    cited.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    if cited.is_empty() {
        p.para("No document is cited by two claims or more.");
    } else {
        p.push("<ul>\n");
        for &(n, d) in cited.iter().take(MUCH_CITED) {
            let alone = debate.rests_only_on(d).map_or(0, |r| r.len());
            let title = debate.document(d).map_or(d, |doc| &doc.title);
            let href = ctx
                .page(d)
                .map(|page| format!("{}#rests-only-on", page))
                .unwrap_or_default();
            let _ = writeln!(
                p.body,
                "<li><a href=\"{}\">{}</a>: cited by {n} claims, {alone} rest{} only on it</li>",
                html(&href),
                html(title),
                if alone == 1 { "s" } else { "" }
            );
        }
        p.push("</ul>\n");
    }
    for (kind, heading) in [
        (SchoolKind::Thesis, "Theses"),
        (SchoolKind::School, "Schools of historians"),
    ] {
        let anchor = heading.to_lowercase().replace(' ', "-");
        p.heading(2, &anchor, heading);
        let mut schools: Vec<&crate::School> =
            corpus.schools.iter().filter(|s| s.kind == kind).collect();
        schools.sort_by(|a, b| a.id.cmp(&b.id));
        for school in schools {
            let claims = school_claims(ctx, &school.id);
            let _ = writeln!(
                p.body,
                "<details><summary>{} <span class=\"meta\">{} claim{}</span></summary>",
                p.school(&school.id),
                claims.len(),
                if claims.len() == 1 { "" } else { "s" }
            );
            let items: String = claims
                .iter()
                .take(INDEX_CLAIMS)
                .map(|&c| p.claim_item(c))
                .collect();
            let _ = writeln!(p.body, "<ul class=\"claims\">\n{items}</ul>");
            if claims.len() > INDEX_CLAIMS {
                let _ = writeln!(
                    p.body,
                    "<p>and {} more on the school's page.</p>",
                    claims.len() - INDEX_CLAIMS
                );
            }
            p.push("</details>\n");
        }
    }
    p.finish()
}

fn contested(ctx: &Ctx) -> (String, String) {
    let mut p = Page::new(ctx, "contested.html", "Contested claims");
    p.para("Claims that other claims contradict, that documents undermine, or whose sources or arguments other claims undercut, with who and what stands on each side.");
    let contests = ctx.debate.contested();
    if contests.is_empty() {
        p.para("No claim is contested.");
    }
    for contest in &contests {
        let _ = writeln!(
            p.body,
            "<section class=\"contest\"><h2 id=\"{}\">{}</h2><p>{}</p>",
            html(&contest.claim.id),
            p.link(&contest.claim.id),
            html(&contest.claim.statement)
        );
        for (side, name) in [(&contest.for_side, "For"), (&contest.against, "Against")] {
            let historians: Vec<String> = side.historians.iter().map(|h| p.historian(h)).collect();
            let claims: Vec<String> = side.claims.iter().map(|c| p.link(&c.id)).collect();
            let documents: Vec<String> = side
                .documents
                .iter()
                .map(|d| p.link_text(&d.id, &d.title))
                .collect();
            p.push(&format!("<h3>{name}</h3>\n"));
            p.facts(&[
                ("Historians", historians.join(", ")),
                ("Claims", claims.join(", ")),
                ("Documents", documents.join("; ")),
            ]);
        }
        p.push("</section>\n");
    }
    p.finish()
}

fn unsupported(ctx: &Ctx) -> (String, String) {
    let mut p = Page::new(ctx, "unsupported.html", "Unsupported claims");
    let ids: Vec<usize> = (ctx.debate.unsupported().iter())
        .filter_map(|c| ctx.debate.node(&c.id))
        .filter_map(|n| match ctx.debate.graph()[n] {
            crate::graph::Node::Claim(i) => Some(i),
            _ => None,
        })
        .collect();
    p.claim_list(
        "claims",
        "Claims with no documentary grounding, circles of mutual support included",
        &ids,
        "Every claim reaches a document.",
    );
    p.finish()
}

fn criticism(ctx: &Ctx) -> (String, String) {
    let mut p = Page::new(ctx, "criticism.html", "Source criticism");
    let answer = ctx.debate.source_criticism();
    for (anchor, heading, flaws, empty) in [
        (
            "only-late",
            "Claims resting only on documents written after the events",
            &answer.only_late,
            "None.",
        ),
        (
            "only-outside",
            "Claims resting only on documents written for outside audiences",
            &answer.only_outside,
            "None.",
        ),
    ] {
        p.heading(2, anchor, heading);
        if flaws.is_empty() {
            p.para(empty);
            continue;
        }
        p.push("<ul class=\"claims\">\n");
        for flaw in flaws {
            let docs: Vec<String> = flaw
                .documents
                .iter()
                .map(|d| p.link_text(&d.id, &d.title))
                .collect();
            let _ = writeln!(
                p.body,
                "<li>{}: {}<br><span class=\"meta\">on {}</span></li>",
                p.link(&flaw.claim.id),
                html(&flaw.claim.statement),
                docs.join("; ")
            );
        }
        p.push("</ul>\n");
    }
    p.heading(2, "undercut", "Sources that claims undercut");
    if answer.undercut.is_empty() {
        p.para("No claim undercuts a source.");
    }
    for c in &answer.undercut {
        let by: Vec<String> =
            c.by.iter()
                .map(|critic| format!("{} ({})", p.link(&critic.claim.id), html(&critic.locator)))
                .collect();
        let resting: Vec<String> = c.resting.iter().map(|r| p.link(r)).collect();
        let _ = writeln!(
            p.body,
            "<section><h3>The {} {}</h3>",
            html(c.kind),
            p.link(&c.source)
        );
        p.facts(&[
            ("Undercut by", by.join(", ")),
            ("Claims that stand on it alone", resting.join(", ")),
        ]);
        p.push("</section>\n");
    }
    p.finish()
}

fn statuses(ctx: &Ctx) -> (String, String) {
    let mut p = Page::new(ctx, "statuses.html", "What stands");
    p.para("Each claim's status under grounded semantics, every document counting; a claim's page says what decides it.");
    let claims = &ctx.debate.corpus().claims;
    for status in [
        Status::In,
        Status::Credulous,
        Status::Out,
        Status::Undec,
        Status::Ungrounded,
    ] {
        let these: Vec<usize> = (0..claims.len())
            .filter(|&c| {
                ctx.acceptance[c]
                    .as_ref()
                    .is_some_and(|a| a.status == status)
            })
            .collect();
        if these.is_empty() {
            continue;
        }
        let heading = format!(
            "{}: {} ({})",
            status.as_str(),
            status_text(status),
            these.len()
        );
        p.claim_list(status.as_str(), &heading, &these, "");
    }
    p.finish()
}

fn search(ctx: &Ctx) -> (String, String) {
    let mut p = Page::new(ctx, "search.html", "Search");
    p.script("search-index.js");
    p.script("search.js");
    p.push("<p id=\"search-status\" role=\"status\">Type in the search box above: ids, statements, titles, names and dates are searched.</p>\n");
    p.push("<noscript><p>Search needs JavaScript; the lists of <a href=\"claims.html\">claims</a> and <a href=\"documents.html\">documents</a> work without it.</p></noscript>\n");
    p.push("<ol id=\"results\" class=\"results\"></ol>\n");
    p.finish()
}
