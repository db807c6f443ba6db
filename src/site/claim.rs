//! A claim's page: who holds it, its status under grounded semantics and what decides it, its
//! evidence trail down to documents, its arguments, and what it supports and contradicts.

use std::fmt::Write as _;

use crate::corpus::model::{Polarity, UndercutTarget};
use crate::query::Status;

use super::escape::html;
use super::html::Page;
use super::lookup::Ctx;
use super::svg;

/// What a status means, for readers.
pub(crate) fn status_text(status: Status) -> &'static str {
    match status {
        Status::In => "accepted: it stands against every attack",
        Status::Credulous => "accepted in some readings only",
        Status::Out => "defeated: an attack on it, or on what grounds it, stands",
        Status::Undec => "undecided: attacks and defences cancel out",
        Status::Ungrounded => "ungrounded: no document grounds it, so it is not weighed",
    }
}

/// The page of claim `c`; `next` is the evidence search's scratch buffer (see
/// `Debate::evidence_at`).
#[allow(
    clippy::expect_used,
    reason = "every record of the corpus has a page and every id on a page comes from the corpus"
)]
pub(crate) fn page(ctx: &Ctx, c: usize, next: &mut [u32]) -> (String, String) {
    let debate = ctx.debate;
    let claim = &debate.corpus().claims[c];
    let summary = debate.summary(claim);
    let path = ctx.page(&claim.id).expect("every claim has a page");
    let mut p = Page::new(ctx, path, &format!("Claim {}", claim.id));
    let _ = writeln!(
        p.body,
        "<p class=\"statement\">{}</p>",
        html(&claim.statement)
    );
    let held: Vec<String> = claim.proponents.iter().map(|h| p.historian(h)).collect();
    let mut held = held.join(", ");
    if let Some(a) = &claim.attributed_to {
        let sep = if held.is_empty() { "" } else { "; " };
        held = format!("{held}{sep}unnamed: {}", html(a));
    }
    let schools: Vec<String> = summary.schools.iter().map(|s| p.school(s)).collect();
    p.facts(&[
        ("Held by", held),
        ("School or thesis", schools.join(", ")),
        (
            "The paper's stance",
            claim.stance.map(|s| html(s.as_str())).unwrap_or_default(),
        ),
        (
            "Where the paper discusses it",
            claim.locator.as_deref().map(html).unwrap_or_default(),
        ),
        (
            "Period",
            claim
                .period
                .map(|d| html(&d.to_string()))
                .unwrap_or_default(),
        ),
        (
            "Notes",
            claim.notes.as_deref().map(html).unwrap_or_default(),
        ),
    ]);
    status(&mut p, c);
    svg::section(&mut p, &claim.id);
    let base = debate.evidence_at(c, next);
    evidence(&mut p, c);
    p.heading(2, "trail", "Evidence trail");
    if base.routes.is_empty() && base.cited.is_empty() {
        p.para("No document reaches this claim through what backs and supports it.");
    } else {
        p.push("<p>Every document that backs it, directly or through the claims and arguments that support it, with one shortest path each:</p>\n<ol class=\"trail\">\n");
        for route in &base.routes {
            let steps: Vec<String> = route.path.iter().map(|id| p.link(id)).collect();
            let _ = write!(
                p.body,
                "<li>{} <span class=\"meta\">({}, {})</span><br><span class=\"path\">{}</span>",
                p.link_text(&route.document.id, &route.document.title),
                html(route.document.kind.as_str()),
                html(&route.document.date.to_string()),
                steps.join(" → ")
            );
            if !route.undercut_by.is_empty() {
                let by: Vec<String> = route.undercut_by.iter().map(|u| p.link(u)).collect();
                let _ = write!(
                    p.body,
                    "<br><span class=\"warn\">undercut by {}</span>",
                    by.join(", ")
                );
            }
            p.push("</li>\n");
        }
        for work in &base.cited {
            let steps: Vec<String> = work.path.iter().map(|id| p.link(id)).collect();
            let _ = writeln!(
                p.body,
                "<li>the work {} ({})<br><span class=\"path\">{}</span></li>",
                p.link_text(&work.work, &work.title),
                work.year,
                steps.join(" → ")
            );
        }
        p.push("</ol>\n");
    }
    arguments(&mut p, c, &base.arguments);
    relations(&mut p, c);
    dependence(&mut p, &claim.id);
    p.finish()
}

fn status(p: &mut Page, c: usize) {
    p.heading(2, "status", "Status");
    let Some(a) = &p.ctx.acceptance[c] else {
        p.para("Not judged.");
        return;
    };
    let _ = writeln!(
        p.body,
        "<p>Under grounded semantics, with every document: <strong class=\"status status-{0}\">{0}</strong>, {1}.</p>",
        a.status.as_str(),
        status_text(a.status)
    );
    if !a.decided_by.is_empty() {
        let by: Vec<String> = a.decided_by.iter().map(|d| p.link(d)).collect();
        let _ = writeln!(p.body, "<p>Decided by: {}.</p>", by.join(", "));
    }
    for u in &a.undercut {
        let by: Vec<String> = u.by.iter().map(|d| p.link(d)).collect();
        let _ = writeln!(
            p.body,
            "<p>{} backs it, but its credibility is undercut by {}.</p>",
            p.link(&u.source),
            by.join(", ")
        );
    }
}

/// The claim's own evidence: each document with polarity, locator, quote and note.
fn evidence(p: &mut Page, c: usize) {
    let claim = &p.ctx.debate.corpus().claims[c];
    p.heading(2, "evidence", "Documents cited for it");
    if claim.evidence.is_empty() {
        p.para("The claim cites no document itself.");
        return;
    }
    p.push("<ul class=\"evidence\">\n");
    for e in &claim.evidence {
        let document = p.ctx.debate.document(&e.document);
        let title = document.map_or(e.document.as_str(), |d| &d.title);
        let verb = match e.polarity {
            Polarity::Backs => "backs it",
            Polarity::Undermines => "undermines it",
        };
        let _ = write!(
            p.body,
            "<li><span class=\"{}\">{verb}</span>: {} <span class=\"meta\">({}; {})</span>",
            e.polarity.as_str(),
            p.link_text(&e.document, title),
            html(&e.document),
            html(&e.locator)
        );
        if let Some(q) = &e.quote {
            let by = e
                .quote_by
                .as_ref()
                .map(|h| format!(", quoted by {}", p.historian(h)));
            let _ = write!(
                p.body,
                "<blockquote>{}{}</blockquote>",
                html(q),
                by.unwrap_or_default()
            );
        }
        if let Some(w) = &e.cited_as {
            let _ = write!(p.body, "<br>cited as {}", p.link(w));
        }
        if let Some(n) = &e.note {
            let _ = write!(p.body, "<br><span class=\"note\">{}</span>", html(n));
        }
        let link = UndercutTarget::Evidence {
            document: e.document.clone(),
            claim: claim.id.clone(),
        };
        let by: Vec<String> = (p.ctx.undercutting(&link).iter())
            .map(|&(u, _)| p.link(&p.ctx.debate.corpus().claims[u].id))
            .collect();
        if !by.is_empty() {
            let _ = write!(
                p.body,
                "<br><span class=\"warn\">this link is undercut by {}</span>",
                by.join(", ")
            );
        }
        p.push("</li>\n");
    }
    p.push("</ul>\n");
}

/// The claim's linked arguments, and the others its evidence base passes through.
fn arguments(p: &mut Page, c: usize, steps: &[crate::query::LinkedStep]) {
    let claim = &p.ctx.debate.corpus().claims[c];
    if claim.arguments.is_empty() && steps.is_empty() {
        return;
    }
    p.heading(2, "arguments", "Linked arguments");
    for (a, argument) in claim.arguments.iter().enumerate() {
        let name = argument
            .id
            .as_deref()
            .map(|i| format!(" {i}"))
            .unwrap_or_default();
        let _ = writeln!(
            p.body,
            "<section id=\"argument-{}\"><h3>Argument{} <span class=\"meta\">({})</span></h3>",
            a + 1,
            html(&name),
            html(&argument.locator)
        );
        p.push("<p>Its premises hold only together:</p>\n<ul>\n");
        for premise in &argument.premises {
            let grounded = steps
                .iter()
                .flat_map(|s| &s.premises)
                .find(|q| q.id == *premise)
                .map(|q| {
                    if q.grounded {
                        " (grounded)"
                    } else {
                        " (not grounded)"
                    }
                });
            let _ = writeln!(
                p.body,
                "<li>{}{}</li>",
                p.link(premise),
                grounded.unwrap_or("")
            );
        }
        p.push("</ul>\n");
        if let Some(n) = &argument.note {
            let _ = writeln!(p.body, "<p class=\"note\">{}</p>", html(n));
        }
        if let Some(id) = &argument.id {
            let by: Vec<String> = (p
                .ctx
                .undercutting(&UndercutTarget::Argument(id.clone()))
                .iter())
            .map(|&(u, _)| p.link(&p.ctx.debate.corpus().claims[u].id))
            .collect();
            if !by.is_empty() {
                let _ = writeln!(
                    p.body,
                    "<p class=\"warn\">Undercut by {}.</p>",
                    by.join(", ")
                );
            }
        }
        p.push("</section>\n");
    }
    let upstream: Vec<_> = steps.iter().filter(|s| s.conclusion != claim.id).collect();
    if !upstream.is_empty() {
        p.push("<p>Arguments further down its evidence base:</p>\n<ul>\n");
        for s in upstream {
            let premises: Vec<String> = s.premises.iter().map(|q| p.link(&q.id)).collect();
            let _ = writeln!(
                p.body,
                "<li>{} concludes {} from {} together</li>",
                p.link(&s.argument),
                p.link(&s.conclusion),
                premises.join(" + ")
            );
        }
        p.push("</ul>\n");
    }
}

/// Supports, contradicts, undercuts, and the same the other way.
fn relations(p: &mut Page, c: usize) {
    let ctx = p.ctx;
    let debate = ctx.debate;
    let claim = &debate.corpus().claims[c];
    let index = |ids: &[crate::Id]| -> Vec<usize> {
        (ids.iter().filter_map(|id| debate.node(id)))
            .filter_map(|n| match debate.graph()[n] {
                crate::graph::Node::Claim(i) => Some(i),
                _ => None,
            })
            .collect()
    };
    p.claim_list(
        "supports",
        "What it supports",
        &index(&claim.supports),
        "It supports no other claim.",
    );
    p.claim_list(
        "supported-by",
        "Supported by",
        &ctx.supported_by[c],
        "No claim supports it.",
    );
    p.claim_list(
        "contradicts",
        "What it contradicts",
        &index(&claim.contradicts),
        "It contradicts no claim.",
    );
    p.claim_list(
        "contradicted-by",
        "Contradicted by",
        &ctx.contradicted_by[c],
        "No claim contradicts it.",
    );
    if let Some(premised) = ctx.premise_of.get(claim.id.as_str()) {
        let cs: Vec<usize> = premised.iter().map(|&(k, _)| k).collect();
        p.claim_list("premise-of", "A premise of linked arguments for", &cs, "");
    }
    if !claim.undercuts.is_empty() {
        p.heading(2, "undercuts", "What it undercuts");
        p.push("<ul>\n");
        for u in &claim.undercuts {
            let target = match &u.target {
                UndercutTarget::Document(d) => format!("the document {}", p.link(d)),
                UndercutTarget::Work(w) => format!("the work {}", p.link(w)),
                UndercutTarget::Evidence { document, claim } => {
                    format!("the link from {} to {}", p.link(document), p.link(claim))
                }
                UndercutTarget::Argument(a) => format!("the argument {}", p.link(a)),
            };
            let note = u
                .note
                .as_deref()
                .map(|n| format!(": {}", html(n)))
                .unwrap_or_default();
            let _ = writeln!(
                p.body,
                "<li>{target} <span class=\"meta\">({})</span>{note}</li>",
                html(&u.locator)
            );
        }
        p.push("</ul>\n");
    }
    if !claim.cites.is_empty() {
        p.heading(2, "cites", "Works it cites");
        p.push("<ul>\n");
        for citation in &claim.cites {
            let title = debate
                .work(&citation.work)
                .map_or(citation.work.as_str(), |w| &w.title);
            let pages = citation
                .pages
                .as_deref()
                .map(|x| format!(", {}", html(x)))
                .unwrap_or_default();
            let _ = writeln!(
                p.body,
                "<li>{}{pages}</li>",
                p.link_text(&citation.work, title)
            );
        }
        p.push("</ul>\n");
    }
}

/// The documents it rests only on and those it depends on.
fn dependence(p: &mut Page, id: &str) {
    let ctx = p.ctx;
    p.heading(2, "rests-only-on", "Documents it rests only on");
    match ctx.rests_only_on.get(id) {
        Some(docs) => {
            let links: Vec<String> = docs
                .iter()
                .map(|d| format!("<li>{}</li>", p.link(d)))
                .collect();
            let _ = writeln!(p.body, "<ul>\n{}\n</ul>", links.join("\n"));
        }
        None => p.para("No single document is its whole documentary grounding."),
    }
    p.heading(2, "depends-on", "Documents it depends on");
    match ctx.depends_on.get(id) {
        Some(docs) => {
            p.para("Every way of grounding it uses each of these; set one aside and it falls:");
            let links: Vec<String> = docs
                .iter()
                .map(|d| format!("<li>{}</li>", p.link(d)))
                .collect();
            let _ = writeln!(p.body, "<ul>\n{}\n</ul>", links.join("\n"));
        }
        None => p.para("No one document: it keeps some grounding whichever is set aside."),
    }
}
