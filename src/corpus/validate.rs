//! Checks across records and files: unique ids, references that resolve, no self-reference.

use std::collections::BTreeMap;

use crate::corpus::read::{Kind, Parsed};
use crate::diagnostic::{did_you_mean, Diagnostic, Origin};

/// Adds a diagnostic to `parsed` for every cross-record problem.
pub(crate) fn validate(parsed: &mut Parsed, schools: &[(String, Option<Origin>)]) {
    let mut found = Vec::new();
    let ids = declared_ids(parsed, schools, &mut found);
    check_references(parsed, &ids, &mut found);
    check_claim_relations(parsed, &mut found);
    parsed.diagnostics.extend(found);
}

/// Where an id was first declared, and as what.
struct Declared {
    kind: Kind,
    origin: Option<Origin>,
}

fn describe_origin(origin: &Option<Origin>) -> String {
    match origin {
        Some(o) => format!("at {o}"),
        None => "as a built-in school".to_string(),
    }
}

/// Collects the ids of the corpus; schools have their own namespace, the rest share one.
fn declared_ids(
    parsed: &Parsed,
    schools: &[(String, Option<Origin>)],
    found: &mut Vec<Diagnostic>,
) -> BTreeMap<(bool, String), Declared> {
    let mut ids: BTreeMap<(bool, String), Declared> = BTreeMap::new();
    let school_decls = schools.iter().map(|(id, o)| (id, Kind::School, o.clone()));
    let record_decls = parsed
        .declarations
        .iter()
        .filter(|d| d.kind != Kind::School)
        .map(|d| (&d.id, d.kind, Some(d.origin.clone())));
    for (id, kind, origin) in school_decls.chain(record_decls) {
        if id.is_empty() {
            continue;
        }
        let key = (kind == Kind::School, id.clone());
        match ids.get(&key) {
            Some(first) => {
                let here = origin.clone().unwrap_or_else(|| Origin {
                    file: Default::default(),
                    line: 0,
                    column: 0,
                });
                found.push(
                    Diagnostic::new(
                        here,
                        format!(
                            "duplicate id `{id}`: already declared for a {} {}",
                            first.kind.noun(),
                            describe_origin(&first.origin)
                        ),
                    )
                    .with_hint(
                        "ids are unique across the whole corpus folder; rename one of the two",
                    ),
                );
            }
            None => {
                ids.insert(key, Declared { kind, origin });
            }
        }
    }
    ids
}

/// How many candidate ids did-you-mean may compare, over all unknown references together. It
/// keeps a file of thousands of dangling references from costing time quadratic in its size; past
/// it, unknown references get the hint without a suggestion.
const SUGGESTION_BUDGET: usize = 2_000_000;

fn check_references(
    parsed: &Parsed,
    ids: &BTreeMap<(bool, String), Declared>,
    found: &mut Vec<Diagnostic>,
) {
    let mut by_kind: BTreeMap<Kind, Vec<&str>> = BTreeMap::new();
    for ((_, id), d) in ids {
        by_kind.entry(d.kind).or_default().push(id);
    }
    let mut budget = SUGGESTION_BUDGET;
    for r in &parsed.references {
        let is_school = r.expected == Kind::School;
        let key = (is_school, r.target.clone());
        let place = format!("`{}` of {} `{}`", r.field, owner_kind(r.field), r.owner);
        match ids.get(&key) {
            Some(d) if d.kind == r.expected => {}
            Some(d) => found.push(
                Diagnostic::new(
                    r.origin.clone(),
                    format!(
                        "expected a {} in {place}, found the {} `{}`",
                        r.expected.noun(),
                        d.kind.noun(),
                        r.target
                    ),
                )
                .with_hint(format!(
                    "`{}` lists {} ids only",
                    r.field,
                    r.expected.noun()
                )),
            ),
            None => {
                let candidates = by_kind.get(&r.expected).map_or(&[][..], Vec::as_slice);
                let suggestion = if candidates.len() <= budget {
                    budget -= candidates.len();
                    did_you_mean(&r.target, candidates.iter().copied())
                } else {
                    None
                };
                let hint = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if is_school => {
                        "declare it in a `schools:` list, or use a built-in school: orthodox, revisionist, post-revisionist, hegemonic-expansionism, communist-fortification, cautious-expansionism".to_string()
                    }
                    None => format!("declare a {} with this id, or fix the reference", r.expected.noun()),
                };
                found.push(
                    Diagnostic::new(
                        r.origin.clone(),
                        format!("unknown {} `{}` in {place}", r.expected.noun(), r.target),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
}

fn owner_kind(field: &str) -> &'static str {
    match field {
        "known_through" | "reliability.by" => "document",
        "schools" => "historian",
        _ => "claim",
    }
}

fn check_claim_relations(parsed: &Parsed, found: &mut Vec<Diagnostic>) {
    let mut relation: BTreeMap<(&str, &str), &'static str> = BTreeMap::new();
    for r in &parsed.references {
        if r.field != "supports" && r.field != "contradicts" {
            continue;
        }
        if r.target == r.owner {
            found.push(
                Diagnostic::new(
                    r.origin.clone(),
                    format!("claim `{}` {} itself", r.owner, r.field),
                )
                .with_hint(format!(
                    "remove `{}` from its own `{}` list",
                    r.owner, r.field
                )),
            );
            continue;
        }
        let key = (r.owner.as_str(), r.target.as_str());
        match relation.get(&key) {
            Some(&earlier) if earlier == r.field => found.push(
                Diagnostic::new(
                    r.origin.clone(),
                    format!(
                        "claim `{}` lists `{}` twice in `{}`",
                        r.owner, r.target, r.field
                    ),
                )
                .with_hint("remove the repeated id"),
            ),
            Some(_) => found.push(
                Diagnostic::new(
                    r.origin.clone(),
                    format!(
                        "claim `{}` both supports and contradicts `{}`",
                        r.owner, r.target
                    ),
                )
                .with_hint("keep the relation the source makes and drop the other"),
            ),
            None => {
                relation.insert(key, r.field);
            }
        }
    }
}
