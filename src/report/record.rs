//! One record in full, for `show`: every field, with supplied values marked.

use super::{opt, Table};
use crate::query::command::Record;

/// The fields of a record as a two-column table.
pub(super) fn record_table(record: &Record) -> Table {
    let mut t = Table::new("", &["field", "value"]);
    let mut field = |name: &str, value: String| {
        if !value.is_empty() && value != "-" {
            t.row(vec![name.to_string(), value]);
        }
    };
    match record {
        Record::Document(d) => {
            let mark = |name: &str, value: String| match d.is_supplied(name) {
                true if !value.is_empty() => format!("{value} †"),
                _ => value,
            };
            field("id", d.id.to_string());
            field("title", mark("title", d.title.to_string()));
            field("date", mark("date", d.date.to_string()));
            field("kind", mark("kind", d.kind.to_string()));
            field("author", mark("author", d.author.to_string()));
            field("recipient", mark("recipient", opt(&d.recipient)));
            field("citation", mark("citation", d.citation.to_string()));
            field("audience", mark("audience", d.audience.to_string()));
            field("known through", opt(&d.known_through));
            let listed = if d.listed {
                "the source's list of primary sources"
            } else {
                "the notes only"
            };
            field("cited in", listed.to_string());
            if !d.supplied.is_empty() {
                field(
                    "†",
                    format!(
                        "supplied from outside the source: {}",
                        d.supplied.join(", ")
                    ),
                );
            }
            if let Some(r) = &d.reliability {
                field(
                    "reliability",
                    format!("{} (by {})", r.rating, r.by.join(", ")),
                );
                field("reliability note", opt(&r.note));
            }
            field("notes", opt(&d.notes));
        }
        Record::Claim(c) => {
            field("id", c.id.to_string());
            field("statement", c.statement.to_string());
            field("school", opt(&c.school));
            field("proponents", c.proponents.join(", "));
            field("attributed to", opt(&c.attributed_to));
            field(
                "period",
                match c.period {
                    Some(p) if c.supplied.iter().any(|f| &**f == "period") => format!("{p} †"),
                    p => p.map(|p| p.to_string()).unwrap_or_default(),
                },
            );
            if !c.supplied.is_empty() {
                field(
                    "†",
                    format!(
                        "supplied from outside the source: {}",
                        c.supplied.join(", ")
                    ),
                );
            }
            field(
                "stance",
                c.stance.map(|s| s.to_string()).unwrap_or_default(),
            );
            field("locator", opt(&c.locator));
            for e in &c.evidence {
                let quote = e
                    .quote
                    .as_ref()
                    .map(|q| format!(" “{q}”"))
                    .unwrap_or_default();
                let whose = e
                    .quote_by
                    .as_ref()
                    .map(|h| format!(" [words of {h}]"))
                    .unwrap_or_default();
                let cited = (e.cited_as.as_ref())
                    .map(|d| format!(" (the source cites `{d}`)"))
                    .unwrap_or_default();
                field(
                    e.polarity.as_str(),
                    format!("{} ({}){quote}{whose}{cited}", e.document, e.locator),
                );
            }
            for a in &c.arguments {
                let name =
                    a.id.as_deref()
                        .map(|i| format!("{i}: "))
                        .unwrap_or_default();
                field(
                    "argument",
                    format!("{name}{} together ({})", a.premises.join(" + "), a.locator),
                );
            }
            for cite in &c.cites {
                let pages = cite
                    .pages
                    .as_deref()
                    .map(|p| format!(", {p}"))
                    .unwrap_or_default();
                let at = cite
                    .locator
                    .as_deref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default();
                field("cites", format!("{}{pages}{at}", cite.work));
            }
            for u in &c.undercuts {
                let target = match &u.target {
                    crate::UndercutTarget::Document(d) => format!("document {d}"),
                    crate::UndercutTarget::Evidence { document, claim } => {
                        format!("the link {document} → {claim}")
                    }
                    crate::UndercutTarget::Work(w) => format!("work {w}"),
                    crate::UndercutTarget::Argument(a) => format!("argument {a}"),
                };
                field("undercuts", format!("{target} ({})", u.locator));
            }
            field("supports", c.supports.join(", "));
            field("contradicts", c.contradicts.join(", "));
            field("notes", opt(&c.notes));
        }
        Record::Historian(h) => {
            field("id", h.id.to_string());
            field("name", h.name.to_string());
            field("schools", h.schools.join(", "));
            for w in &h.works {
                field("work", w.to_string());
            }
            field("notes", opt(&h.notes));
        }
        Record::School {
            school,
            historians,
            claims,
        } => {
            field("id", school.id.to_string());
            field("name", school.name.to_string());
            let kind = match school.kind {
                crate::SchoolKind::School => "school",
                crate::SchoolKind::Thesis => "thesis",
            };
            field("kind", kind.to_string());
            field("historians", historians.join(", "));
            field("claims", claims.join(", "));
        }
        Record::Work(w) => {
            field("id", w.id.to_string());
            field(
                "citation",
                crate::bibliography::chicago(w, |h| h.to_string()),
            );
            field("kind", w.kind.to_string());
            if !w.supplied.is_empty() {
                field(
                    "†",
                    format!(
                        "supplied from outside the source: {}",
                        w.supplied.join(", ")
                    ),
                );
            }
            field("notes", opt(&w.notes));
        }
    }
    let (kind, id) = match record {
        Record::Document(d) => ("document", &d.id),
        Record::Claim(c) => ("claim", &c.id),
        Record::Historian(h) => ("historian", &h.id),
        Record::Work(w) => ("work", &w.id),
        Record::School { school, .. } => ("school", &school.id),
    };
    t.title = format!("{kind} `{id}`");
    t
}
