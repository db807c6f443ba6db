//! Argdown's model into corpus records.
//!
//! - Each statement is a claim: id from its title (lowercase, words joined by `-`), or for an
//!   untitled statement from its first words; the statement is its first text, further texts
//!   of the same title are notes.
//! - An argument with a premise–conclusion structure is no claim: each inference step of two
//!   or more premises is a linked argument of its conclusion (the last step named after the
//!   argument, so that it can be undercut), a step of one premise a support. Relations from
//!   the argument are its conclusion's.
//! - An argument without a structure (a sketch) is a claim, its description the statement.
//! - Support is `supports`, attack `contradicts`, contrary `contradicts` both ways; an
//!   undercut of an argument's linked inference is an undercut. A relation the corpus format
//!   forbids (a claim that supports and contradicts one claim, or attacks itself) is refused;
//!   a reconstructed argument's support of its own conclusion is mapped (its structure says it);
//!   one it has no place for (an attack on a reconstructed argument, an undercut of a claim)
//!   is noted. Both are notes on the claims involved that say what and why.
//! - A tag that names a school (its id, its name, or `school-ID` as our export writes it) is
//!   the claim's school; other tags and the heading are kept: the heading as the locator.

use std::collections::HashSet;

use super::parse::{Kind, Model, Ref};
use super::summary::ArgdownSummary;
use crate::corpus::model::{Argument, Claim, School, Undercut, UndercutTarget};
use crate::interchange::Tally;
use crate::Id;

/// A title or text as an id: lowercase letters and digits, other runs as `-`.
fn slug(text: &str, words: usize) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

struct Builder<'m> {
    model: &'m Model,
    claims: Vec<Claim>,
    notes: Vec<Vec<String>>,
    used: HashSet<String>,
    /// Per statement, its claim; per argument, its claim (a sketch) or conclusion claim.
    statement_claim: Vec<usize>,
    argument_claim: Vec<Option<usize>>,
    /// Per argument, its named linked argument as `(claim, index)`, if it has one.
    linked: Vec<Option<(usize, usize)>>,
    summary: ArgdownSummary,
}

/// The corpus records of a parsed file, and the summary.
pub(super) fn records(model: &Model, name: &str) -> (Vec<Claim>, ArgdownSummary) {
    let mut b = Builder {
        model,
        claims: Vec::new(),
        notes: Vec::new(),
        used: HashSet::new(),
        statement_claim: Vec::new(),
        argument_claim: vec![None; model.arguments.len()],
        linked: vec![None; model.arguments.len()],
        summary: ArgdownSummary {
            name: name.to_string(),
            ..ArgdownSummary::default()
        },
    };
    b.statements();
    b.arguments();
    b.relations();
    let mut claims = std::mem::take(&mut b.claims);
    for (claim, notes) in claims.iter_mut().zip(&b.notes) {
        if !notes.is_empty() {
            claim.notes = Some(notes.join("\n").into());
        }
    }
    let s = &mut b.summary;
    s.claims = claims.len();
    s.supports = claims.iter().map(|c| c.supports.len()).sum();
    s.contradicts = claims.iter().map(|c| c.contradicts.len()).sum();
    s.arguments = claims.iter().map(|c| c.arguments.len()).sum();
    s.undercuts = claims.iter().map(|c| c.undercuts.len()).sum();
    s.schools = claims.iter().filter(|c| c.school.is_some()).count();
    (claims, b.summary)
}

fn count(tally: &mut Tally, mapped: bool) {
    tally.total += 1;
    if mapped {
        tally.mapped += 1;
    } else {
        tally.noted += 1;
    }
}

impl Builder<'_> {
    fn unique(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        let mut n = 1;
        while !self.used.insert(id.clone()) {
            n += 1;
            id = format!("{wanted}-{n}");
        }
        id
    }

    /// A claim with its tags (a school's as the school) and heading (as the locator).
    fn claim(
        &mut self,
        id: String,
        statement: String,
        tags: &[String],
        heading: Option<&String>,
    ) -> usize {
        let mut notes = Vec::new();
        let mut school = None;
        let mut other = Vec::new();
        for tag in tags {
            let found = school_of(tag);
            self.summary.tags.total += 1;
            match (found, &school) {
                (Some(id), None) => {
                    school = Some(id);
                    self.summary.tags.mapped += 1;
                }
                _ => {
                    other.push(format!("#({tag})"));
                    self.summary.tags.noted += 1;
                }
            }
        }
        if !other.is_empty() {
            notes.push(format!("Argdown tags: {}", other.join(" ")));
        }
        self.claims.push(Claim {
            id: id.as_str().into(),
            statement: statement.into(),
            school: school.map(Id::from),
            locator: heading.map(|h| h.as_str().into()),
            ..Claim::default()
        });
        self.notes.push(notes);
        self.claims.len() - 1
    }

    fn statements(&mut self) {
        for (s, statement) in self.model.statements.iter().enumerate() {
            let first = statement.texts.first().cloned();
            let wanted = match &statement.title {
                Some(title) => slug(title, usize::MAX),
                None => slug(first.as_deref().unwrap_or(""), 6),
            };
            let wanted = if wanted.is_empty() {
                format!("statement-{}", s + 1)
            } else {
                wanted
            };
            let id = self.unique(wanted);
            let text = first.unwrap_or_else(|| match &statement.title {
                Some(t) => t.clone(),
                None => format!("(untitled statement at line {})", statement.line),
            });
            let c = self.claim(id, text, &statement.tags, statement.heading.as_ref());
            let mut notes = Vec::new();
            match &statement.title {
                Some(t) => notes.push(format!("Argdown statement [{t}], line {}", statement.line)),
                None => notes.push(format!("Argdown statement, line {}", statement.line)),
            }
            if statement.texts.is_empty() {
                notes.push(
                    "Argdown gives this statement no text: its title is the statement".into(),
                );
            }
            for more in statement.texts.iter().skip(1) {
                notes.push(format!("also written (same title, equivalent): {more}"));
            }
            self.notes[c].splice(0..0, notes);
            self.statement_claim.push(c);
            count(&mut self.summary.statements, true);
        }
    }

    fn arguments(&mut self) {
        for (a, argument) in self.model.arguments.iter().enumerate() {
            let description = argument.texts.join(" ");
            if argument.steps.is_empty() {
                let id = self.unique(slug(&argument.title, usize::MAX));
                let text = if description.is_empty() {
                    argument.title.clone()
                } else {
                    description
                };
                let c = self.claim(id, text, &argument.tags, argument.heading.as_ref());
                self.notes[c].insert(0, format!(
                    "Argdown argument <{}>, line {}, without a premise-conclusion structure: a claim here",
                    argument.title, argument.line
                ));
                self.argument_claim[a] = Some(c);
                count(&mut self.summary.arguments_found, true);
                continue;
            }
            let last = argument.steps.len() - 1;
            for (k, step) in argument.steps.iter().enumerate() {
                let conclusion = self.statement_claim[step.conclusion];
                // Each premise once (one title written twice is one statement), the
                // conclusion not among them.
                let mut premises: Vec<usize> = Vec::new();
                for p in step.premises.iter().map(|&p| self.statement_claim[p]) {
                    if p != conclusion && !premises.contains(&p) {
                        premises.push(p);
                    }
                }
                let mut note = format!(
                    "Argdown argument <{}>, line {}",
                    argument.title, argument.line
                );
                if let Some(rule) = &step.rule {
                    note.push_str(&format!(", inference rule: {rule}"));
                }
                if !description.is_empty() && k == last {
                    note.push_str(&format!(": {description}"));
                }
                if premises.len() >= 2 {
                    let id = (k == last).then(|| self.unique(slug(&argument.title, usize::MAX)));
                    let index = self.claims[conclusion].arguments.len();
                    let premises = premises
                        .iter()
                        .map(|&p| self.claims[p].id.clone())
                        .collect();
                    self.claims[conclusion].arguments.push(Argument {
                        id: id.as_deref().map(Id::from),
                        premises,
                        locator: format!("Argdown <{}>", argument.title).into(),
                        cites: Vec::new(),
                        note: Some(note.into()),
                    });
                    if k == last {
                        self.linked[a] = Some((conclusion, index));
                    }
                } else {
                    for p in premises {
                        self.support(p, conclusion, &note);
                    }
                }
                if k == last {
                    self.argument_claim[a] = Some(conclusion);
                    let tags = argument.tags.clone();
                    if !tags.is_empty() {
                        let more =
                            format!("Argdown tags of <{}>: #{}", argument.title, tags.join(" #"));
                        self.notes[conclusion].push(more);
                        self.summary.tags.total += tags.len();
                        self.summary.tags.noted += tags.len();
                    }
                }
            }
            count(&mut self.summary.arguments_found, true);
        }
    }

    /// `p` supports `c`, unless it contradicts it already (then refused, with a note).
    fn support(&mut self, p: usize, c: usize, why: &str) -> bool {
        if p == c || self.claims[p].contradicts.contains(&self.claims[c].id) {
            let note = format!("not mapped as supports of `{}`: {why} (a claim cannot support what it contradicts, or itself)", self.claims[c].id);
            self.notes[p].push(note);
            return false;
        }
        let id = self.claims[c].id.clone();
        if !self.claims[p].supports.contains(&id) {
            self.claims[p].supports.push(id);
        }
        true
    }

    fn contradict(&mut self, a: usize, t: usize, why: &str) -> bool {
        if a == t || self.claims[a].supports.contains(&self.claims[t].id) {
            let note = format!("not mapped as contradicts of `{}`: {why} (a claim cannot contradict what it supports, or itself)", self.claims[t].id);
            self.notes[a].push(note);
            return false;
        }
        let id = self.claims[t].id.clone();
        if !self.claims[a].contradicts.contains(&id) {
            self.claims[a].contradicts.push(id);
        }
        true
    }

    #[allow(
        clippy::expect_used,
        reason = "an undercut target is linked, and linked arguments are named when they are made"
    )]
    fn relations(&mut self) {
        for r in &self.model.relations {
            let why = format!("Argdown {} at line {}", r.kind.name(), r.line);
            let from = self.claim_of(r.from);
            let to = self.claim_of(r.to);
            let reconstructed =
                |x: Ref| matches!(x, Ref::Argument(a) if !self.model.arguments[a].steps.is_empty());
            let fate = match (r.kind, r.to) {
                // A reconstructed argument's support of its own conclusion is its structure.
                (Kind::Support, _) if from == to && reconstructed(r.from) => Fate::Mapped,
                (Kind::Undercut, Ref::Argument(a)) => match self.linked[a] {
                    Some((c, k)) => {
                        let id = self.claims[c].arguments[k].id.clone().expect("named");
                        if from == c {
                            self.notes[from].push(format!(
                                "not mapped: {why}, a claim cannot undercut its own argument"
                            ));
                            Fate::Refused
                        } else {
                            self.claims[from].undercuts.push(Undercut {
                                target: UndercutTarget::Argument(id),
                                locator: format!("Argdown line {}", r.line).into(),
                                note: None,
                            });
                            Fate::Mapped
                        }
                    }
                    None => {
                        self.noted(from, to, &format!("{why}: an undercut of <{}>, which has no linked inference of two or more premises to undercut", self.model.arguments[a].title));
                        Fate::Noted
                    }
                },
                (Kind::Undercut, Ref::Statement(_)) => {
                    self.noted(from, to, &format!("{why}: an undercut of a statement, which the corpus format has no place for"));
                    Fate::Noted
                }
                _ if reconstructed(r.to) => {
                    self.noted(from, to, &format!("{why}: aimed at the reconstructed argument <{}> without saying which premise", self.argument_title(r.to)));
                    Fate::Noted
                }
                (Kind::Support, _) => ok(self.support(from, to, &why)),
                (Kind::Attack, _) => ok(self.contradict(from, to, &why)),
                (Kind::Contrary, _) => {
                    let both = self.contradict(from, to, &why) & self.contradict(to, from, &why);
                    ok(both)
                }
            };
            let tally = self
                .summary
                .relations
                .entry(r.kind.name().to_string())
                .or_default();
            tally.total += 1;
            match fate {
                Fate::Mapped => tally.mapped += 1,
                Fate::Refused => tally.refused += 1,
                Fate::Noted => tally.noted += 1,
            }
        }
    }

    fn argument_title(&self, r: Ref) -> &str {
        match r {
            Ref::Argument(a) => &self.model.arguments[a].title,
            Ref::Statement(_) => "",
        }
    }

    fn noted(&mut self, from: usize, to: usize, note: &str) {
        let line = format!(
            "not mapped: {note}; from `{}` to `{}`",
            self.claims[from].id, self.claims[to].id
        );
        self.notes[from].push(line.clone());
        if to != from {
            self.notes[to].push(line);
        }
    }

    #[allow(
        clippy::expect_used,
        reason = "every argument is given its conclusion's claim when it is read"
    )]
    fn claim_of(&self, r: Ref) -> usize {
        match r {
            Ref::Statement(s) => self.statement_claim[s],
            Ref::Argument(a) => self.argument_claim[a].expect("every argument has a claim"),
        }
    }
}

enum Fate {
    Mapped,
    Refused,
    Noted,
}

fn ok(made: bool) -> Fate {
    if made {
        Fate::Mapped
    } else {
        Fate::Refused
    }
}

/// The built-in school a tag names: its id, its name, or `school-ID` (our export's cluster).
fn school_of(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let bare = tag.strip_prefix("school-").unwrap_or(tag);
    School::BUILT_IN
        .iter()
        .find(|(id, name, _)| id.eq_ignore_ascii_case(bare) || name.eq_ignore_ascii_case(tag))
        .map(|(id, _, _)| id.to_string())
}
