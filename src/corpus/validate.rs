//! Checks across records and files: unique ids, references that resolve, no self-reference.

use crate::corpus::read::{Kind, Parsed};
use crate::diagnostic::{did_you_mean, Diagnostic, Origin};
use crate::graph::IdMap;

/// Adds a diagnostic to `parsed` for every cross-record problem.
pub(crate) fn validate(parsed: &mut Parsed, schools: &[(String, Option<Origin>)]) {
    let mut found = Vec::new();
    let ids = declared_ids(parsed, schools, &mut found);
    check_references(parsed, &ids, &mut found);
    check_claim_relations(parsed, &mut found);
    parsed.diagnostics.extend(found);
}

/// Where an id was first declared, and as what.
struct Declared<'a> {
    kind: Kind,
    origin: Option<&'a Origin>,
}

/// The declared ids by namespace (`true` for schools) and id. Lookups only: never iterated
/// into output.
type Ids<'a> = IdMap<(bool, &'a str), Declared<'a>>;

fn describe_origin(origin: Option<&Origin>) -> String {
    match origin {
        Some(o) => format!("at {o}"),
        None => "as a built-in school".to_string(),
    }
}

/// Collects the ids of the corpus; schools have their own namespace, the rest share one.
fn declared_ids<'a>(
    parsed: &'a Parsed,
    schools: &'a [(String, Option<Origin>)],
    found: &mut Vec<Diagnostic>,
) -> Ids<'a> {
    let mut ids: Ids = IdMap::default();
    ids.reserve(parsed.declarations.len() + schools.len());
    let school_decls = schools.iter().map(|(id, o)| (id, Kind::School, o.as_ref()));
    let record_decls = parsed
        .declarations
        .iter()
        .filter(|d| d.kind != Kind::School)
        .map(|d| (&d.id, d.kind, Some(&d.origin)));
    for (id, kind, origin) in school_decls.chain(record_decls) {
        if id.is_empty() {
            continue;
        }
        let key = (kind == Kind::School, id.as_str());
        match ids.get(&key) {
            Some(first) => {
                let here = origin.cloned().unwrap_or_else(|| Origin {
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
                            describe_origin(first.origin)
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

fn check_references(parsed: &Parsed, ids: &Ids, found: &mut Vec<Diagnostic>) {
    for r in &parsed.references {
        let is_school = r.expected == Kind::School;
        let key = (is_school, r.target.as_str());
        let place = || format!("`{}` of {} `{}`", r.field, owner_kind(r.field), r.owner);
        match ids.get(&key) {
            Some(d) if d.kind == r.expected => {}
            Some(d) => found.push(
                Diagnostic::new(
                    r.origin.clone(),
                    format!(
                        "expected a {} in {}, found the {} `{}`",
                        r.expected.noun(),
                        place(),
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
                let candidates = ids
                    .iter()
                    .filter(|(_, d)| d.kind == r.expected)
                    .map(|(&(_, id), _)| id);
                let hint = match did_you_mean(&r.target, candidates) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if is_school => {
                        "declare it in a `schools:` list, or use a built-in school: orthodox, revisionist, post-revisionist, hegemonic-expansionism, communist-fortification, cautious-expansionism".to_string()
                    }
                    None => format!("declare a {} with this id, or fix the reference", r.expected.noun()),
                };
                found.push(
                    Diagnostic::new(
                        r.origin.clone(),
                        format!(
                            "unknown {} `{}` in {}",
                            r.expected.noun(),
                            r.target,
                            place()
                        ),
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
    let mut relation: IdMap<(&str, &str), &'static str> = IdMap::default();
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
