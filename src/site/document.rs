//! A document's page: the citation as given, who wrote it for whom, who judges its reliability,
//! every claim it backs or undermines, what rests only on it, and what falls if it is set aside.

use std::fmt::Write as _;

use crate::corpus::model::{Polarity, UndercutTarget};

use super::escape::html;
use super::html::Page;
use super::lookup::Ctx;
use super::svg;

/// The page of document `d`.
#[allow(
    clippy::expect_used,
    reason = "every record of the corpus has a page and every id on a page comes from the corpus"
)]
pub(crate) fn page(ctx: &Ctx, d: usize) -> (String, String) {
    let debate = ctx.debate;
    let corpus = debate.corpus();
    let document = &corpus.documents[d];
    let path = ctx.page(&document.id).expect("every document has a page");
    let mut p = Page::new(ctx, path, &document.title);
    let to = document
        .recipient
        .as_deref()
        .map(|r| format!(" → {}", html(r)));
    let reliability = document.reliability.as_ref().map(|r| {
        let by: Vec<String> = r.by.iter().map(|h| p.historian(h)).collect();
        let note = r
            .note
            .as_deref()
            .map(|n| format!(": {}", html(n)))
            .unwrap_or_default();
        format!(
            "<strong>{}</strong>, judged by {}{note}",
            r.rating.as_str(),
            by.join(", ")
        )
    });
    let supplied = match document.supplied.is_empty() {
        true => String::new(),
        false => html(&document.supplied.join(", ")),
    };
    p.facts(&[
        ("Id", format!("<code>{}</code>", html(&document.id))),
        ("Citation", html(&document.citation)),
        ("Date", html(&document.date.to_string())),
        ("Kind", html(document.kind.as_str())),
        (
            "Author → recipient",
            format!("{}{}", html(&document.author), to.unwrap_or_default()),
        ),
        ("Written for", html(document.audience.as_str())),
        (
            "Reliability",
            reliability.unwrap_or_else(|| "not judged".into()),
        ),
        (
            "Known through",
            document
                .known_through
                .as_deref()
                .map(|h| p.historian(h))
                .unwrap_or_default(),
        ),
        (
            "In the paper's list of sources",
            if document.listed {
                "yes"
            } else {
                "no, cited in notes only"
            }
            .into(),
        ),
        ("Fields supplied from outside the source", supplied),
        (
            "Notes",
            document.notes.as_deref().map(html).unwrap_or_default(),
        ),
    ]);
    svg::section(&mut p, &document.id);
    cited_by(&mut p, &document.id);
    let undercut: Vec<usize> = (ctx
        .undercutting(&UndercutTarget::Document(document.id.clone()))
        .iter())
    .map(|&(c, _)| c)
    .collect();
    p.claim_list(
        "undercut-by",
        "Claims that undercut it as a source",
        &undercut,
        "No claim undercuts it.",
    );
    let resting = debate.rests_only_on(&document.id).unwrap_or_default();
    p.heading(2, "rests-only-on", "Claims that rest only on it");
    summaries(&mut p, &resting, "No claim rests on it alone.");
    let depending = debate.depends_on(&document.id).unwrap_or_default();
    p.heading(2, "depends-on", "Claims that depend on it");
    summaries(
        &mut p,
        &depending,
        "No claim needs it in every way of grounding it.",
    );
    discredit(&mut p, &document.id);
    p.finish()
}

fn summaries(p: &mut Page, claims: &[crate::ClaimSummary], empty: &str) {
    if claims.is_empty() {
        p.para(empty);
        return;
    }
    let items: String = claims
        .iter()
        .map(|c| format!("<li>{}: {}</li>\n", p.link(&c.id), html(&c.statement)))
        .collect();
    let _ = writeln!(p.body, "<ul class=\"claims\">\n{items}</ul>");
}

/// Every claim citing the document, with polarity, locator and quote.
fn cited_by(p: &mut Page, id: &str) {
    let ctx = p.ctx;
    let claims = &ctx.debate.corpus().claims;
    let mut cites: Vec<(usize, usize)> = ctx.evidence_of.get(id).cloned().unwrap_or_default();
    cites.sort_by(|a, b| (&claims[a.0].id, a.1).cmp(&(&claims[b.0].id, b.1)));
    for (polarity, anchor, heading) in [
        (Polarity::Backs, "backs", "Claims it backs"),
        (Polarity::Undermines, "undermines", "Claims it undermines"),
    ] {
        let these: Vec<_> = cites
            .iter()
            .filter(|&&(c, e)| claims[c].evidence[e].polarity == polarity)
            .collect();
        p.heading(2, anchor, heading);
        if these.is_empty() {
            p.para("None.");
            continue;
        }
        p.push("<ul class=\"claims\">\n");
        for &&(c, e) in &these {
            let evidence = &claims[c].evidence[e];
            let _ = write!(
                p.body,
                "<li>{}: {} <span class=\"meta\">({})</span>",
                p.link(&claims[c].id),
                html(&claims[c].statement),
                html(&evidence.locator)
            );
            if let Some(q) = &evidence.quote {
                let _ = write!(p.body, "<blockquote>{}</blockquote>", html(q));
            }
            p.push("</li>\n");
        }
        p.push("</ul>\n");
    }
}

/// The `discredit` answer for the document alone.
fn discredit(p: &mut Page, id: &str) {
    p.heading(2, "discredit", "If it is set aside");
    let Ok(answer) = p.ctx.debate.discredit(&[id]) else {
        return;
    };
    if answer.fallen.is_empty() {
        p.para("No claim loses its documentary grounding.");
    } else {
        p.para("These claims lose all documentary grounding:");
        summaries(
            p,
            &answer
                .fallen
                .iter()
                .map(|f| f.claim.clone())
                .collect::<Vec<_>>(),
            "",
        );
    }
    if answer.acceptance_changes.is_empty() {
        p.para("No claim's status under grounded semantics changes.");
        return;
    }
    p.para("Under grounded semantics, these claims change status:");
    p.push("<ul>\n");
    for change in &answer.acceptance_changes {
        let _ = writeln!(
            p.body,
            "<li>{}: {} → {}</li>",
            p.link(&change.claim),
            change.before.as_str(),
            change.after.as_str()
        );
    }
    p.push("</ul>\n");
}
