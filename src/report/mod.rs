//! Answers as tables: aligned plain text for the terminal, Markdown for notebooks.

mod record;
mod table;

use record::record_table;
pub use table::Table;

use crate::corpus::id::Id;

use crate::query::command::Answer;
use crate::query::{Acceptability, AcceptanceChange, ClaimSummary, DocumentSummary, Status};
use crate::semantics::{Label, Semantics};

pub(super) fn opt(value: &Option<impl ToString>) -> String {
    value
        .as_ref()
        .map_or_else(|| "-".to_string(), ToString::to_string)
}

fn claims_table(title: impl Into<String>, claims: &[ClaimSummary]) -> Table {
    let mut t = Table::new(
        title,
        &["claim", "stance", "schools", "held by", "statement"],
    );
    for c in claims {
        t.row(vec![
            c.id.to_string(),
            c.stance.map_or_else(|| "-".to_string(), |s| s.to_string()),
            schools(c),
            c.held_by.join(", "),
            c.statement.clone(),
        ]);
    }
    t
}

/// A claim's schools, its own or its proponents', or `-`.
fn schools(c: &ClaimSummary) -> String {
    match c.schools.is_empty() {
        true => "-".to_string(),
        false => c.schools.join(", "),
    }
}

/// `rests-only-on` and `depends-on` restate their question with the document's title, kind,
/// date, audience and reliability.
fn dependents_table(d: &crate::query::Dependents) -> Table {
    let doc = &d.document;
    let verb = match (d.rest_only, d.claims.len()) {
        (true, 1) => "claim rests only on",
        (true, _) => "claims rest only on",
        (false, 1) => "claim loses all documentary grounding without",
        (false, _) => "claims lose all documentary grounding without",
    };
    let rating = (d.reliability.as_ref())
        .map(|r| match r.by.is_empty() {
            true => format!("; rated {}", r.rating),
            false => format!("; rated {} by {}", r.rating, r.by.join(", ")),
        })
        .unwrap_or_default();
    let title = format!(
        "{} {verb} `{}`: {} ({}, {}, for {} readers{rating})",
        d.claims.len(),
        doc.id,
        doc.title,
        doc.kind,
        doc.date,
        doc.audience
    );
    claims_table(title, &d.claims)
}

fn documents_table(title: impl Into<String>, docs: &[DocumentSummary]) -> Table {
    let mut t = Table::new(title, &["document", "date", "kind", "audience", "title"]);
    let mut supplied = false;
    for d in docs {
        // A value supplied from outside the source is marked, here as in `show`.
        let mark = |field: &str, value: String| match d.supplied.iter().any(|f| f == field) {
            true => format!("{value} †"),
            false => value,
        };
        supplied |= !d.supplied.is_empty();
        t.row(vec![
            d.id.to_string(),
            mark("date", d.date.to_string()),
            mark("kind", d.kind.to_string()),
            mark("audience", d.audience.to_string()),
            mark("title", d.title.clone()),
        ]);
    }
    if supplied {
        t.title.push_str(" († supplied from outside the source)");
    }
    t
}

fn changes_table(
    semantics: Semantics,
    grounding: crate::Grounding,
    changes: &[AcceptanceChange],
) -> Table {
    let mut t = Table::new(
        format!(
            "acceptance under {semantics} semantics, {} grounding: {}",
            grounding.as_str(),
            count(changes.len(), "claim changes", "claims change")
        ),
        &["claim", "before", "after"],
    );
    for c in changes {
        t.row(vec![
            c.claim.to_string(),
            c.before.as_str().to_string(),
            c.after.as_str().to_string(),
        ]);
    }
    t
}

const STATUSES: [Status; 5] = [
    Status::In,
    Status::Credulous,
    Status::Out,
    Status::Undec,
    Status::Ungrounded,
];

/// Claims per school (rows) and status (columns).
fn acceptability_by_school(a: &Acceptability) -> Table {
    let mut headers = vec!["school"];
    headers.extend(STATUSES.iter().map(|s| s.as_str()));
    let mut t = Table::new(format!("{}, by school", acceptability_title(a)), &headers);
    let mut rows: std::collections::BTreeMap<String, [usize; 5]> = Default::default();
    for c in &a.claims {
        let school = opt(&c.claim.school);
        let column = STATUSES.iter().position(|&s| s == c.status).unwrap_or(0);
        rows.entry(school).or_default()[column] += 1;
    }
    for (school, counts) in rows {
        let mut cells = vec![school];
        cells.extend(counts.iter().map(|n| n.to_string()));
        t.row(cells);
    }
    t
}

/// `grounded semantics, setting aside DOC`.
fn acceptability_title(a: &Acceptability) -> String {
    let mut title = format!(
        "{} semantics, {} grounding",
        a.semantics,
        a.grounding.as_str()
    );
    if !a.discredited.is_empty() {
        title.push_str(&format!(", setting aside {}", a.discredited.join(", ")));
    }
    title
}

fn acceptability_table(a: &Acceptability) -> Table {
    let mut title = acceptability_title(a);
    if !a.extensions_exist {
        title.push_str(": no extension");
    }
    let tally: Vec<String> = STATUSES
        .iter()
        .map(|&s| (s, a.claims.iter().filter(|c| c.status == s).count()))
        .filter(|&(_, n)| n > 0)
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    title.push_str(&format!(": {}", tally.join(", ")));
    let mut t = Table::new(
        title,
        &["claim", "status", "labels", "decided by", "statement"],
    );
    for c in &a.claims {
        let labels: Vec<&str> = c.labels.iter().map(|l: &Label| l.as_str()).collect();
        let mut decided: Vec<String> = c.decided_by.iter().map(|d| d.to_string()).collect();
        for u in &c.undercut {
            let note = format!("{} (undercut by {})", u.source, u.by.join(", "));
            match decided.iter().position(|d| **d == *u.source) {
                Some(i) => decided[i] = note,
                None => decided.push(note),
            }
        }
        t.row(vec![
            c.claim.id.to_string(),
            c.status.as_str().to_string(),
            labels.join(", "),
            decided.join(", "),
            c.claim.statement.clone(),
        ]);
    }
    t
}

fn verdicts_tables(v: &crate::query::Verdicts) -> Vec<Table> {
    let title = format!(
        "the source's verdicts under {} semantics, {} grounding: {} of {} agree ({:.1}%)",
        v.semantics,
        v.grounding.as_str(),
        v.agree,
        v.judged,
        100.0 * v.agreement()
    );
    let mut counts = Table::new(title, &["stance", "status", "claims"]);
    for (stance, status, n) in &v.counts {
        counts.row(vec![
            stance.to_string(),
            status.as_str().to_string(),
            n.to_string(),
        ]);
    }
    let mut t = Table::new(
        "claims whose status disagrees with the source",
        &["claim", "stance", "status", "decided by", "statement"],
    );
    for c in v.claims.iter().filter(|c| !c.agrees) {
        let a = &c.acceptance;
        t.row(vec![
            a.claim.id.to_string(),
            c.stance.to_string(),
            a.status.as_str().to_string(),
            a.decided_by.join(", "),
            a.claim.statement.clone(),
        ]);
    }
    vec![counts, t]
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Answer {
    /// The answer as tables, in reading order.
    pub fn tables(&self) -> Vec<Table> {
        match self {
            Answer::Evidence(base) => {
                let mut t = Table::new(
                    format!(
                        "evidence base of `{}`: {}",
                        base.claim.id,
                        count(base.routes.len(), "document", "documents")
                    ),
                    &["document", "date", "audience", "steps", "path"],
                );
                for r in &base.routes {
                    let undercut = match r.undercut_by.is_empty() {
                        true => String::new(),
                        false => format!(" (undercut by {})", r.undercut_by.join(", ")),
                    };
                    let cited = (r.cited_as.as_ref())
                        .map(|c| format!(" (the source cites {c})"))
                        .unwrap_or_default();
                    t.row(vec![
                        format!("{}{undercut}{cited}", r.document.id),
                        r.document.date.to_string(),
                        r.document.audience.to_string(),
                        r.length.to_string(),
                        r.path.join(" → "),
                    ]);
                }
                let mut tables = vec![t];
                if !base.arguments.is_empty() {
                    let mut t = Table::new(
                        format!("linked arguments on the way to `{}`", base.claim.id),
                        &["argument", "concludes", "locator", "premises (together)"],
                    );
                    for a in &base.arguments {
                        let premises: Vec<String> = (a.premises.iter())
                            .map(|p| match p.grounded {
                                true => p.id.to_string(),
                                false => format!("{} (no document)", p.id),
                            })
                            .collect();
                        t.row(vec![
                            a.argument.to_string(),
                            a.conclusion.to_string(),
                            a.locator.clone(),
                            premises.join(" + "),
                        ]);
                    }
                    tables.push(t);
                }
                if !base.cited.is_empty() {
                    let mut t = Table::new(
                        format!(
                            "works cited on the way to `{}` (scholarly grounding)",
                            base.claim.id
                        ),
                        &["work", "year", "path", "title"],
                    );
                    for w in &base.cited {
                        t.row(vec![
                            w.work.to_string(),
                            w.year.to_string(),
                            w.path.join(" → "),
                            w.title.clone(),
                        ]);
                    }
                    tables.push(t);
                }
                if !base.undermined_by.is_empty() {
                    tables.push(documents_table(
                        format!("documents undermining `{}`", base.claim.id),
                        &base.undermined_by,
                    ));
                }
                tables
            }
            Answer::Claims(claims) => {
                vec![claims_table(count(claims.len(), "claim", "claims"), claims)]
            }
            Answer::Dependents(d) => vec![dependents_table(d)],
            Answer::Discredit(d) => {
                let ids: Vec<_> = d.set_aside.iter().map(|s| s.id.as_str()).collect();
                let mut t = Table::new(
                    format!(
                        "setting aside {}: {}",
                        ids.join(", "),
                        count(d.fallen.len(), "claim falls", "claims fall"),
                    ),
                    &["claim", "schools", "because of", "statement"],
                );
                for f in &d.fallen {
                    t.row(vec![
                        f.claim.id.to_string(),
                        schools(&f.claim),
                        f.because.join(", "),
                        f.claim.statement.clone(),
                    ]);
                }
                vec![
                    t,
                    changes_table(d.semantics, d.grounding, &d.acceptance_changes),
                ]
            }
            Answer::Acceptability(a) => vec![acceptability_by_school(a), acceptability_table(a)],
            Answer::Contested(contests) => {
                let mut t = Table::new(
                    count(contests.len(), "contested claim", "contested claims"),
                    &[
                        "claim",
                        "for",
                        "against (claims)",
                        "against (historians)",
                        "against (documents)",
                    ],
                );
                for c in contests {
                    let ids = |v: &[ClaimSummary]| {
                        v.iter()
                            .map(|x| x.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let docs = |v: &[DocumentSummary]| {
                        v.iter()
                            .map(|x| x.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    t.row(vec![
                        c.claim.id.to_string(),
                        c.for_side.historians.join(", "),
                        ids(&c.against.claims),
                        c.against.historians.join(", "),
                        docs(&c.against.documents),
                    ]);
                }
                vec![t]
            }
            Answer::Conflicts(m) => {
                let mut headers = vec!["contradicting ↓ / contradicted →"];
                headers.extend(m.schools.iter().map(Id::as_str));
                let mut matrix = Table::new("contradictions, school × school", &headers);
                for (school, row) in m.schools.iter().zip(&m.matrix) {
                    let mut cells = vec![school.to_string()];
                    cells.extend(row.iter().map(|n| n.to_string()));
                    matrix.row(cells);
                }
                let mut list = Table::new(
                    count(
                        m.conflicts.len(),
                        "contradiction across schools",
                        "contradictions across schools",
                    ),
                    &["claim", "school", "contradicts", "school "],
                );
                for c in &m.conflicts {
                    list.row(vec![
                        c.from.id.to_string(),
                        opt(&c.from.school),
                        c.to.id.to_string(),
                        opt(&c.to.school),
                    ]);
                }
                vec![matrix, list]
            }
            Answer::Verdicts(v) => verdicts_tables(v),
            Answer::Criticism(c) => {
                let table = |title: &str, flaws: &[crate::query::SourceFlaw]| {
                    let mut t = Table::new(
                        format!("{title}: {}", count(flaws.len(), "claim", "claims")),
                        &["claim", "schools", "documents"],
                    );
                    for f in flaws {
                        let docs: Vec<_> = f
                            .documents
                            .iter()
                            .map(|d| format!("{} ({}, {})", d.id, d.date, d.audience))
                            .collect();
                        t.row(vec![
                            f.claim.id.to_string(),
                            schools(&f.claim),
                            docs.join("; "),
                        ]);
                    }
                    t
                };
                let mut undercut = Table::new(
                    format!(
                        "sources undercut: {}",
                        count(c.undercut.len(), "source", "sources")
                    ),
                    &[
                        "source",
                        "kind",
                        "undercut by",
                        "where",
                        "standing on it alone",
                    ],
                );
                for u in &c.undercut {
                    let by: Vec<&str> = u.by.iter().map(|b| b.claim.id.as_str()).collect();
                    let at: Vec<&str> = u.by.iter().map(|b| b.locator.as_str()).collect();
                    undercut.row(vec![
                        u.source.to_string(),
                        u.kind.to_string(),
                        by.join(", "),
                        at.join("; "),
                        u.resting.join(", "),
                    ]);
                }
                vec![
                    table(
                        "resting only on documents written after the events",
                        &c.only_late,
                    ),
                    table(
                        "resting only on documents written for outside audiences",
                        &c.only_outside,
                    ),
                    undercut,
                ]
            }
            Answer::Record(record) => vec![record_table(record)],
            Answer::Documents(docs) => vec![documents_table(
                count(docs.len(), "document", "documents"),
                docs,
            )],
            Answer::Search(search) => {
                let shown = match search.records.len() {
                    n if n < search.total => format!(", the best {n} shown"),
                    _ => String::new(),
                };
                let title = format!(
                    "{} matching `{}`{shown}",
                    count(search.total, "record", "records"),
                    search.text
                );
                let mut t = Table::new(title, &["kind", "id", "date", "title, statement or name"]);
                for f in &search.records {
                    t.row(vec![
                        f.kind.to_string(),
                        f.id.clone(),
                        f.date.clone().unwrap_or_else(|| "-".into()),
                        f.label.clone(),
                    ]);
                }
                vec![t]
            }
            Answer::Historians(hs) => {
                let mut t = Table::new(
                    count(hs.len(), "historian", "historians"),
                    &["historian", "name", "schools", "works"],
                );
                for h in hs {
                    t.row(vec![
                        h.id.to_string(),
                        h.name.to_string(),
                        h.schools.join(", "),
                        h.works.len().to_string(),
                    ]);
                }
                vec![t]
            }
        }
    }
}
