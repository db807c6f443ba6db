//! Checks across records and files: unique ids, references that resolve, no self-reference.

use crate::corpus::id::Id;
use crate::corpus::id::IdMap;
use crate::corpus::model::{Claim, Polarity, UndercutTarget};
use crate::corpus::read::{Kind, Parsed, Reference};
use crate::diagnostic::{did_you_mean_within, Diagnostic, Origin};
use std::collections::BTreeMap;

/// Adds a diagnostic to `parsed` for every cross-record problem.
pub(crate) fn validate(parsed: &mut Parsed, schools: &[(Id, Option<Origin>)]) {
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
    schools: &'a [(Id, Option<Origin>)],
    found: &mut Vec<Diagnostic>,
) -> Ids<'a> {
    let mut ids: Ids = IdMap::default();
    ids.reserve(parsed.declarations.len() + schools.len());
    let school_decls = schools
        .iter()
        .map(|(id, o)| (id.as_str(), Kind::School, o.as_ref()));
    let record_decls = parsed
        .declarations
        .iter()
        .filter(|d| d.kind != Kind::School)
        .map(|d| (d.id.as_str(), d.kind, Some(&d.origin)));
    for (id, kind, origin) in school_decls.chain(record_decls) {
        if id.is_empty() {
            continue;
        }
        let key = (kind == Kind::School, id);
        match ids.get(&key) {
            Some(first) => {
                let here = origin.cloned().unwrap_or_else(|| Origin::file(""));
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

/// How many characters did-you-mean may compare, over all unknown references together (see
/// `did_you_mean_within`). It keeps a file of thousands of dangling references, or one id of a
/// megabyte, from costing time quadratic in its size; past it, unknown references get the hint
/// without a suggestion.
const SUGGESTION_BUDGET: u64 = 200_000_000;

fn check_references(parsed: &Parsed, ids: &Ids, found: &mut Vec<Diagnostic>) {
    // The ids by kind, sorted, for did-you-mean: made on the first unknown reference only.
    let mut by_kind: Option<BTreeMap<Kind, Vec<&str>>> = None;
    let ids_by_kind = || {
        let mut by_kind: BTreeMap<Kind, Vec<&str>> = BTreeMap::new();
        for (&(_, id), d) in ids.iter() {
            by_kind.entry(d.kind).or_default().push(id);
        }
        by_kind.values_mut().for_each(|v| v.sort_unstable());
        by_kind
    };
    let mut budget = SUGGESTION_BUDGET;
    for r in &parsed.references {
        let is_school = r.expected == Kind::School;
        let key = (is_school, r.target.as_str());
        let place = || format!("`{}` of {} `{}`", r.field, owner_kind(r.field), r.owner);
        match ids.get(&key) {
            Some(d) if d.kind.satisfies(r.expected) => {}
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
                let by_kind = by_kind.get_or_insert_with(ids_by_kind);
                let kinds: &[Kind] = match r.expected {
                    Kind::Premise => &[Kind::Claim, Kind::Document],
                    _ => std::slice::from_ref(&r.expected),
                };
                let candidates: Vec<&str> = kinds
                    .iter()
                    .flat_map(|k| by_kind.get(k).map_or(&[][..], Vec::as_slice))
                    .copied()
                    .collect();
                let suggestion =
                    did_you_mean_within(&r.target, candidates.iter().copied(), &mut budget);
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
        "authors" => "work",
        _ => "claim",
    }
}

fn check_claim_relations(parsed: &Parsed, found: &mut Vec<Diagnostic>) {
    let between_claims = |r: &&Reference| r.field == "supports" || r.field == "contradicts";
    let mut relation: IdMap<(&str, &str), &'static str> = IdMap::default();
    relation.reserve(parsed.references.iter().filter(between_claims).count());
    for r in parsed.references.iter().filter(between_claims) {
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

/// Checks of arguments and source criticism: no repeated premise, no claim undercutting its own
/// argument, and an undercut evidence link is one the corpus has.
///
/// It reads the claims themselves, so it runs once they are records (loading moves them out of
/// what was read before the other checks run).
pub(crate) fn check_arguments_and_undercuts(
    claims: &[Claim],
    references: &[Reference],
    found: &mut Vec<Diagnostic>,
) {
    let at = |owner: &Id, field: &str, target: &Id| {
        references
            .iter()
            .find(|r| r.owner == *owner && r.field == field && r.target == *target)
            .map(|r| r.origin.clone())
    };
    // Lookups only.
    let mut backs: IdMap<(&str, &str), ()> = IdMap::default();
    let mut argument_of: IdMap<&str, &str> = IdMap::default();
    for c in claims {
        for e in c.evidence.iter().filter(|e| e.polarity == Polarity::Backs) {
            backs.insert((e.document.as_str(), c.id.as_str()), ());
        }
        for a in &c.arguments {
            if let Some(id) = &a.id {
                argument_of.insert(id.as_str(), c.id.as_str());
            }
            let mut seen: Vec<&Id> = Vec::new();
            for p in &a.premises {
                if seen.contains(&p) {
                    let origin = at(&c.id, "arguments.premises", p);
                    found.push(
                        Diagnostic::new(
                            origin.unwrap_or_else(|| Origin::file("<memory>")),
                            format!("an argument for claim `{}` lists premise `{p}` twice", c.id),
                        )
                        .with_hint("remove the repeated premise"),
                    );
                }
                seen.push(p);
            }
        }
    }
    for c in claims {
        for u in &c.undercuts {
            match &u.target {
                UndercutTarget::Argument(a)
                    if argument_of.get(a.as_str()) == Some(&c.id.as_str()) =>
                {
                    let origin = at(&c.id, "undercuts.argument", a);
                    found.push(
                        Diagnostic::new(
                            origin.unwrap_or_else(|| Origin::file("<memory>")),
                            format!("claim `{}` undercuts its own argument `{a}`", c.id),
                        )
                        .with_hint(
                            "an undercutter attacks another claim's argument; drop this undercut",
                        ),
                    );
                }
                UndercutTarget::Evidence { document, claim } => {
                    if claim == &c.id {
                        let origin = at(&c.id, "undercuts.claim", claim);
                        found.push(
                            Diagnostic::new(
                                origin.unwrap_or_else(|| Origin::file("<memory>")),
                                format!(
                                    "claim `{}` undercuts its own evidence from `{document}`",
                                    c.id
                                ),
                            )
                            .with_hint(
                                "remove the evidence instead, or undercut the document as a whole",
                            ),
                        );
                    } else if !backs.contains_key(&(document.as_str(), claim.as_str())) {
                        let origin = at(&c.id, "undercuts.claim", claim);
                        found.push(
                            Diagnostic::new(
                                origin.unwrap_or_else(|| Origin::file("<memory>")),
                                format!(
                                    "claim `{}` undercuts the evidence link from `{document}` to `{claim}`, but `{document}` does not back `{claim}`",
                                    c.id
                                ),
                            )
                            .with_hint(format!("add `{{document: {document}, polarity: backs, ...}}` to the evidence of `{claim}`, or undercut the document as a whole with `{{document: {document}}}`")),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// The declarations and references of records built in memory, each placed at its record's
/// origin (or at `<memory>` when it has none), for [`crate::Corpus::validate`].
pub(crate) fn records_as_parsed(corpus: &crate::Corpus) -> Parsed {
    use crate::corpus::read::{Declaration, Reference};
    let at = |origin: &Option<Origin>| origin.clone().unwrap_or(Origin::file("<memory>"));
    let mut parsed = Parsed::default();
    let mut refer =
        |owner: &Id, field: &'static str, expected: Kind, target: &Id, origin: &Origin| {
            parsed.references.push(Reference {
                owner: owner.clone(),
                field,
                target: target.clone(),
                expected,
                origin: origin.clone(),
            });
        };
    let mut declarations = Vec::new();
    let mut declare = |id: &Id, kind: Kind, origin: &Origin| {
        declarations.push(Declaration {
            id: id.clone(),
            kind,
            origin: origin.clone(),
        });
    };
    for d in &corpus.documents {
        let o = at(&d.origin);
        declare(&d.id, Kind::Document, &o);
        if let Some(h) = &d.known_through {
            refer(&d.id, "known_through", Kind::Historian, h, &o);
        }
        for h in d.reliability.iter().flat_map(|r| &r.by) {
            refer(&d.id, "reliability.by", Kind::Historian, h, &o);
        }
    }
    for h in &corpus.historians {
        let o = at(&h.origin);
        declare(&h.id, Kind::Historian, &o);
        for s in &h.schools {
            refer(&h.id, "schools", Kind::School, s, &o);
        }
    }
    for w in &corpus.works {
        let o = at(&w.origin);
        declare(&w.id, Kind::Work, &o);
        for h in &w.authors {
            refer(&w.id, "authors", Kind::Historian, h, &o);
        }
    }
    for c in &corpus.claims {
        let o = at(&c.origin);
        declare(&c.id, Kind::Claim, &o);
        if let Some(s) = &c.school {
            refer(&c.id, "school", Kind::School, s, &o);
        }
        for h in &c.proponents {
            refer(&c.id, "proponents", Kind::Historian, h, &o);
        }
        for e in &c.evidence {
            refer(&c.id, "evidence.document", Kind::Document, &e.document, &o);
            if let Some(h) = &e.quote_by {
                refer(&c.id, "evidence.quote_by", Kind::Historian, h, &o);
            }
            if let Some(d) = &e.cited_as {
                refer(&c.id, "evidence.cited_as", Kind::Document, d, &o);
            }
        }
        for t in &c.supports {
            refer(&c.id, "supports", Kind::Claim, t, &o);
        }
        for t in &c.contradicts {
            refer(&c.id, "contradicts", Kind::Claim, t, &o);
        }
        for cite in &c.cites {
            refer(&c.id, "cites.work", Kind::Work, &cite.work, &o);
        }
        for a in &c.arguments {
            if let Some(id) = &a.id {
                declare(id, Kind::Argument, &o);
            }
            for p in &a.premises {
                refer(&c.id, "arguments.premises", Kind::Premise, p, &o);
            }
            for cite in &a.cites {
                refer(&c.id, "cites.work", Kind::Work, &cite.work, &o);
            }
        }
        for u in &c.undercuts {
            match &u.target {
                UndercutTarget::Document(d) => {
                    refer(&c.id, "undercuts.document", Kind::Document, d, &o)
                }
                UndercutTarget::Evidence { document, claim } => {
                    refer(&c.id, "undercuts.document", Kind::Document, document, &o);
                    refer(&c.id, "undercuts.claim", Kind::Claim, claim, &o);
                }
                UndercutTarget::Work(w) => refer(&c.id, "undercuts.work", Kind::Work, w, &o),
                UndercutTarget::Argument(a) => {
                    refer(&c.id, "undercuts.argument", Kind::Argument, a, &o)
                }
            }
        }
    }
    parsed.declarations = declarations;
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The references derived from records are exactly the ones the reader records, so that
    /// `Corpus::validate` checks what loading checks.
    #[test]
    fn derived_references_match_the_read_ones() {
        let corpus = crate::Corpus::bundled();
        let mut read = Parsed::default();
        for (name, text) in crate::corpus::bundled_files() {
            crate::corpus::read::read_file(std::path::Path::new(name), text, &mut read);
        }
        let key = |p: &Parsed| -> BTreeSet<(Id, &'static str, Id)> {
            p.references
                .iter()
                .map(|r| (r.owner.clone(), r.field, r.target.clone()))
                .collect()
        };
        let derived = records_as_parsed(&corpus);
        assert!(!read.references.is_empty());
        assert_eq!(key(&derived), key(&read));
        assert_eq!(derived.declarations.len(), read.declarations.len());
    }
}
