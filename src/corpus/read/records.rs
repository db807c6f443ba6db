//! Reading each kind of record: schools, documents, historians, works and claims, with a
//! claim's evidence, citations, linked arguments and undercuts.

use super::*;

pub(super) const SCHOOL_FIELDS: &[&str] = &["id", "name", "kind"];
pub(super) const DOCUMENT_FIELDS: &[&str] = &[
    "id",
    "title",
    "date",
    "kind",
    "author",
    "recipient",
    "citation",
    "audience",
    "known_through",
    "reliability",
    "listed",
    "supplied",
    "notes",
];
pub(super) const RELIABILITY_FIELDS: &[&str] = &["rating", "by", "note"];
pub(super) const HISTORIAN_FIELDS: &[&str] =
    &["id", "name", "schools", "works", "supplied", "notes"];
pub(super) const WORK_FIELDS: &[&str] = &[
    "id",
    "authors",
    "title",
    "year",
    "kind",
    "container",
    "volume",
    "issue",
    "publisher",
    "place",
    "pages",
    "url",
    "doi",
    "supplied",
    "notes",
];
pub(super) const CITATION_FIELDS: &[&str] = &["work", "pages", "locator"];
pub(super) const ARGUMENT_FIELDS: &[&str] = &["id", "premises", "locator", "cites", "note"];
pub(super) const UNDERCUT_FIELDS: &[&str] =
    &["document", "claim", "work", "argument", "locator", "note"];
pub(super) const CLAIM_FIELDS: &[&str] = &[
    "id",
    "statement",
    "school",
    "proponents",
    "attributed_to",
    "period",
    "stance",
    "locator",
    "evidence",
    "supports",
    "contradicts",
    "cites",
    "arguments",
    "undercuts",
    "supplied",
    "notes",
];
pub(super) const EVIDENCE_FIELDS: &[&str] = &[
    "document", "polarity", "locator", "quote", "quote_by", "cited_as", "note",
];

impl Reader<'_> {
    pub(super) fn school(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a school", SCHOOL_FIELDS);
        let id = self.id(map, Kind::School);
        let what = named(Kind::School, &id);
        let name = self.required_text(map, "name", &what);
        let kind = self.required_text(map, "kind", &what);
        let kind = self.keyword(
            kind,
            "school kind",
            |k| match k {
                "school" => Some(SchoolKind::School),
                "thesis" => Some(SchoolKind::Thesis),
                _ => None,
            },
            &["school", "thesis"],
        );
        self.parsed.schools.push(School {
            name: name.map_or_else(|| id.as_str().into(), Text::boxed),
            id,
            kind: kind.unwrap_or(SchoolKind::School),
            origin: Some(self.record_origin(map)),
        });
    }

    pub(super) fn document(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a document", DOCUMENT_FIELDS);
        let id = self.id(map, Kind::Document);
        let what = named(Kind::Document, &id);
        let title = self.required_text(map, "title", &what);
        let date = self.required_text(map, "date", &what);
        let date = self.date(date, "date");
        let kind = self.required_text(map, "kind", &what);
        let kind = self.keyword(
            kind,
            "document kind",
            DocumentKind::parse,
            &DocumentKind::keywords(),
        );
        let author = self.required_text(map, "author", &what);
        let recipient = self.notes(map, "recipient", &what);
        let citation = self.required_text(map, "citation", &what);
        let audience = self.required_text(map, "audience", &what);
        let audience = self.keyword(audience, "audience", Audience::parse, &Audience::keywords());
        let known_through = self
            .optional_text(map, "known_through", &what)
            .map(|t| self.reference(&id, "known_through", Kind::Historian, t));
        let reliability = self.reliability(map, &id, &what);
        let listed = self.flag(map, "listed", &what);
        let supplied = self.supplied(map, &what);
        let notes = self.notes(map, "notes", &what);
        self.parsed.documents.push(Document {
            title: title.map(Text::boxed).unwrap_or_default(),
            date: date.unwrap_or(DateSpec {
                start: crate::corpus::date::PartialDate {
                    year: 0,
                    month: None,
                    day: None,
                },
                end: None,
            }),
            kind: kind.unwrap_or(DocumentKind::Other),
            author: author.map(Text::boxed).unwrap_or_default(),
            recipient,
            citation: citation.map(Text::boxed).unwrap_or_default(),
            audience: audience.unwrap_or(Audience::Internal),
            known_through,
            reliability,
            listed,
            supplied,
            notes,
            origin: Some(self.record_origin(map)),
            id,
        });
    }

    pub(super) fn reliability(
        &mut self,
        map: &mut Mapping,
        id: &Id,
        what: &str,
    ) -> Option<Reliability> {
        let node = map.get_mut("reliability")?;
        let Node::Mapping(inner) = node else {
            let origin = self.origin(node.pos());
            self.error(
                origin,
                format!(
                    "expected a mapping for `reliability` of {what}, found {}",
                    describe(node)
                ),
                Some(
                    "write `reliability: {rating: doubtful, by: [historian-id], note: ...}`".into(),
                ),
            );
            return None;
        };
        let what = format!("the reliability of {what}");
        self.check_fields(inner, &what, RELIABILITY_FIELDS);
        let rating = self.required_text(inner, "rating", &what);
        let rating = self.keyword(rating, "rating", Rating::parse, &Rating::keywords());
        let by = self.text_list(inner, "by", &what);
        let by = self.references(id, "reliability.by", Kind::Historian, by);
        let note = self.notes(inner, "note", &what);
        Some(Reliability {
            rating: rating?,
            by,
            note,
        })
    }

    pub(super) fn historian(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a historian", HISTORIAN_FIELDS);
        let id = self.id(map, Kind::Historian);
        let what = named(Kind::Historian, &id);
        let name = self.required_text(map, "name", &what);
        let schools = self.text_list(map, "schools", &what);
        let schools = self.references(&id, "schools", Kind::School, schools);
        let works = self.text_list(map, "works", &what);
        let supplied = self.supplied(map, &what);
        let notes = self.notes(map, "notes", &what);
        self.parsed.historians.push(Historian {
            name: name.map(Text::boxed).unwrap_or_default(),
            schools,
            works: works.into_iter().map(Text::boxed).collect(),
            supplied,
            notes,
            origin: Some(self.record_origin(map)),
            id,
        });
    }

    pub(super) fn claim(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a claim", CLAIM_FIELDS);
        let id = self.id(map, Kind::Claim);
        let what = named(Kind::Claim, &id);
        let statement = self.required_text(map, "statement", &what);
        let school = self
            .optional_text(map, "school", &what)
            .map(|t| self.reference(&id, "school", Kind::School, t));
        let proponents = self.text_list(map, "proponents", &what);
        let proponents = self.references(&id, "proponents", Kind::Historian, proponents);
        let attributed_to = self.notes(map, "attributed_to", &what);
        let period = self.optional_text(map, "period", &what);
        let period = self.date(period, "period");
        let stance = self.optional_text(map, "stance", &what);
        let stance = self.keyword(stance, "stance", Stance::parse, &Stance::keywords());
        let locator = self.notes(map, "locator", &what);
        let evidence = self.evidence(map, &id, &what);
        let supports = self.text_list(map, "supports", &what);
        let supports = self.references(&id, "supports", Kind::Claim, supports);
        let contradicts = self.text_list(map, "contradicts", &what);
        let contradicts = self.references(&id, "contradicts", Kind::Claim, contradicts);
        let cites = self.citations(map, &id, "cites", &what);
        let arguments = self.arguments(map, &id, &what);
        let undercuts = self.undercuts(map, &id, &what);
        let supplied = self.supplied(map, &what);
        let notes = self.notes(map, "notes", &what);
        self.parsed.claims.push(Claim {
            statement: statement.map(Text::boxed).unwrap_or_default(),
            school,
            proponents,
            attributed_to,
            cites,
            arguments,
            undercuts,
            supplied,
            period,
            stance,
            locator,
            evidence,
            supports,
            contradicts,
            notes,
            origin: Some(self.record_origin(map)),
            id,
        });
    }

    pub(super) fn evidence(&mut self, map: &mut Mapping, id: &Id, what: &str) -> Vec<Evidence> {
        let hint =
            "write each piece of evidence as a list item with `document`, `polarity` and `locator`";
        let mut out = Vec::new();
        let outer = what;
        self.each_mapping(map, "evidence", outer, hint, |this, e| {
            let what = format!("evidence of {outer}");
            this.check_fields(e, &what, EVIDENCE_FIELDS);
            let document = this
                .required_text(e, "document", &what)
                .map(|t| this.reference(id, "evidence.document", Kind::Document, t));
            let polarity = this.required_text(e, "polarity", &what);
            let polarity =
                this.keyword(polarity, "polarity", Polarity::parse, &Polarity::keywords());
            let locator = this.required_text(e, "locator", &what);
            let quote = this.notes(e, "quote", &what);
            let quote_by = this
                .optional_text(e, "quote_by", &what)
                .map(|t| this.reference(id, "evidence.quote_by", Kind::Historian, t));
            let cited_as = this
                .optional_text(e, "cited_as", &what)
                .map(|t| this.reference(id, "evidence.cited_as", Kind::Document, t));
            let note = this.notes(e, "note", &what);
            if let (Some(document), Some(polarity), Some(locator)) = (document, polarity, locator) {
                out.push(Evidence {
                    document,
                    polarity,
                    locator: locator.boxed(),
                    quote,
                    quote_by,
                    cited_as,
                    note,
                });
            }
        });
        out
    }

    pub(super) fn citations(
        &mut self,
        map: &mut Mapping,
        id: &Id,
        field: &'static str,
        what: &str,
    ) -> Vec<Citation> {
        let hint = "write each citation as `{work: work-id, pages: \"12-14\", locator: ...}`";
        let mut out = Vec::new();
        let outer = what;
        self.each_mapping(map, field, outer, hint, |this, c| {
            let what = format!("a citation of {outer}");
            this.check_fields(c, &what, CITATION_FIELDS);
            let work = this
                .required_text(c, "work", &what)
                .map(|t| this.reference(id, "cites.work", Kind::Work, t));
            let pages = this.notes(c, "pages", &what);
            let locator = this.notes(c, "locator", &what);
            if let Some(work) = work {
                out.push(Citation {
                    work,
                    pages,
                    locator,
                });
            }
        });
        out
    }

    pub(super) fn arguments(&mut self, map: &mut Mapping, id: &Id, what: &str) -> Vec<Argument> {
        let hint = "write each argument as a list item with `premises: [a, b]` and `locator`";
        let mut out = Vec::new();
        let outer = what;
        self.each_mapping(map, "arguments", outer, hint, |this, a| {
            let what = format!("an argument for {outer}");
            this.check_fields(a, &what, ARGUMENT_FIELDS);
            let arg_id = a.get("id").is_some().then(|| this.id(a, Kind::Argument));
            let premises = this.text_list(a, "premises", &what);
            if premises.len() < 2 {
                let origin = this.record_origin(a);
                this.error(
                    origin,
                    format!("{what} has {} premise{}; a linked argument needs at least two", premises.len(), if premises.len() == 1 { "" } else { "s" }),
                    Some("list a single supporting claim under `supports` of that claim, or a single document under `evidence`".into()),
                );
            }
            for p in premises.iter().filter(|p| p.value == **id) {
                this.error(
                    this.origin(p.pos),
                    format!("{what} lists the claim itself as a premise"),
                    Some("a claim cannot be a premise of its own argument".into()),
                );
            }
            let premises = this.references(id, "arguments.premises", Kind::Premise, premises);
            let locator = this.required_text(a, "locator", &what);
            let cites = this.citations(a, id, "cites", &what);
            let note = this.notes(a, "note", &what);
            out.push(Argument {
                id: arg_id,
                premises,
                locator: locator.map(Text::boxed).unwrap_or_default(),
                cites,
                note,
            });
        });
        out
    }

    pub(super) fn undercuts(&mut self, map: &mut Mapping, id: &Id, what: &str) -> Vec<Undercut> {
        let hint = "write each undercut as `{document: id, locator: ...}`, `{document: id, claim: id, locator: ...}`, `{work: id, locator: ...}` or `{argument: id, locator: ...}`";
        let mut out = Vec::new();
        let outer = what;
        self.each_mapping(map, "undercuts", outer, hint, |this, u| {
            let what = format!("an undercut by {outer}");
            this.check_fields(u, &what, UNDERCUT_FIELDS);
            let origin = this.record_origin(u);
            let mut take = |this: &mut Self, field: &'static str, kind: Kind| {
                this.optional_text(u, field, &what)
                    .map(|t| this.reference(id, field_name(field), kind, t))
            };
            let document = take(this, "document", Kind::Document);
            let claim = take(this, "claim", Kind::Claim);
            let work = take(this, "work", Kind::Work);
            let argument = take(this, "argument", Kind::Argument);
            let locator = this.required_text(u, "locator", &what);
            let note = this.notes(u, "note", &what);
            let target = match (document, claim, work, argument) {
                (Some(d), None, None, None) => Some(UndercutTarget::Document(d)),
                (Some(document), Some(claim), None, None) => {
                    Some(UndercutTarget::Evidence { document, claim })
                }
                (None, None, Some(w), None) => Some(UndercutTarget::Work(w)),
                (None, None, None, Some(a)) => Some(UndercutTarget::Argument(a)),
                _ => {
                    this.error(
                        origin,
                        format!("{what} names no single target"),
                        Some(hint.into()),
                    );
                    None
                }
            };
            if let (Some(target), Some(locator)) = (target, locator) {
                out.push(Undercut {
                    target,
                    locator: locator.boxed(),
                    note,
                });
            }
        });
        out
    }

    pub(super) fn work(&mut self, map: &mut Mapping) {
        self.check_fields(map, "a work", WORK_FIELDS);
        let id = self.id(map, Kind::Work);
        let what = named(Kind::Work, &id);
        let authors = self.text_list(map, "authors", &what);
        if authors.is_empty() && map.get("authors").is_none() {
            let origin = self.record_origin(map);
            self.error(
                origin,
                format!("missing field `authors` in {what}"),
                Some("add `authors: [historian-id]` to this record".into()),
            );
        }
        let authors = self.references(&id, "authors", Kind::Historian, authors);
        let title = self.required_text(map, "title", &what);
        let year = self.required_text(map, "year", &what);
        let year = year.and_then(|t| match t.value.trim().parse::<i32>() {
            Ok(y) if (1..=9999).contains(&y) => Some(y),
            _ => {
                self.error(
                    self.origin(t.pos),
                    format!("malformed year `{}` of {what}", t.value),
                    Some("write the year of publication as four digits, e.g. `1993`".into()),
                );
                None
            }
        });
        let kind = self.required_text(map, "kind", &what);
        let kind = self.keyword(kind, "work kind", WorkKind::parse, &WorkKind::keywords());
        let mut text = |this: &mut Self, field| this.notes(map, field, &what);
        let container = text(self, "container");
        let volume = text(self, "volume");
        let issue = text(self, "issue");
        let publisher = text(self, "publisher");
        let place = text(self, "place");
        let pages = text(self, "pages");
        let url = text(self, "url");
        let doi = text(self, "doi");
        let supplied = self.supplied(map, &what);
        let notes = self.notes(map, "notes", &what);
        self.parsed.works.push(Work {
            authors,
            title: title.map(Text::boxed).unwrap_or_default(),
            year: year.unwrap_or(0),
            kind: kind.unwrap_or(WorkKind::Other),
            container,
            volume,
            issue,
            publisher,
            place,
            pages,
            url,
            doi,
            supplied,
            notes,
            origin: Some(self.record_origin(map)),
            id,
        });
    }
}

/// The name of an undercut's field as references report it.
fn field_name(field: &str) -> &'static str {
    match field {
        "document" => "undercuts.document",
        "claim" => "undercuts.claim",
        "work" => "undercuts.work",
        _ => "undercuts.argument",
    }
}
