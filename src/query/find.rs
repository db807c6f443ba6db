//! Finding records by what a reader remembers of them: part of an id, words of a title,
//! statement or name, a date. Also what the queries suggest for an id they do not know.
//!
//! Every record is scored against the words of the question (lowercase, split at anything that
//! is not a letter or digit): a word counts most when it is a part of the id (`gottwald` in
//! `stalin-gottwald-1950-08-27`), less when an id part starts with it, then when it is a word of
//! the title, statement or name, least when a word there starts with it. A record must match
//! every word. The whole question matching the id, or its start, or a date's start, counts above
//! any word. Ties go to documents, then claims, historians, works and schools, then by id.

use serde::Serialize;

use crate::graph::Debate;

/// A record that [`Debate::find`] found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Found {
    /// `document`, `claim`, `historian`, `work` or `school`.
    pub kind: &'static str,
    /// The record's id.
    pub id: String,
    /// What the record says or is called: a document's or work's title, a claim's statement, a
    /// historian's or school's name.
    pub label: String,
    /// A document's date, a work's year.
    pub date: Option<String>,
    /// How well it matched: higher is better; only the order means anything.
    pub score: u32,
}

/// The answer to `find`: the records that match, best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Search {
    /// The words searched for.
    pub text: String,
    /// How many records match, before any limit.
    pub total: usize,
    /// The best of them, best first.
    pub records: Vec<Found>,
}

/// A record's searchable text.
struct Candidate<'a> {
    kind: &'static str,
    rank: u8,
    id: &'a str,
    label: &'a str,
    date: Option<String>,
    /// The other text searched: author, recipient, citation, locator, container.
    more: Vec<&'a str>,
    /// A document's kind (`letter`, `memoir`): a word naming it counts as an id part.
    noun: Option<&'a str>,
}

/// The lowercase words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether `a` becomes `b` by inserting, deleting or changing one character: a likely typo.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let same = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[same + 1..] == long[same + 1..]
    } else {
        short[same..] == long[same + 1..]
    }
}

/// The score the whole question earns by starting an id.
const PREFIX: u32 = 500;

/// The score of `candidate` for the question `whole` (lowercase, trimmed) of words `wanted`,
/// or `None` when a word is not found in it.
fn score(candidate: &Candidate, whole: &str, wanted: &[String]) -> Option<u32> {
    let id = candidate.id.to_lowercase();
    let id_words: Vec<String> = words(&id).collect();
    let text_words: Vec<String> = std::iter::once(candidate.label)
        .chain(candidate.more.iter().copied())
        .chain(candidate.date.as_deref())
        .flat_map(words)
        .collect();
    let mut total = 0;
    for w in wanted {
        let best = if id_words.iter().any(|i| i == w) || candidate.noun == Some(w.as_str()) {
            30
        } else if id_words.iter().any(|i| i.starts_with(w.as_str())) {
            20
        } else if text_words.iter().any(|t| t == w) {
            10
        } else if text_words.iter().any(|t| t.starts_with(w.as_str())) {
            6
        } else if w.chars().count() >= 5
            && (id_words.iter().chain(&text_words)).any(|t| one_edit_apart(t, w))
        {
            4
        } else {
            return None;
        };
        total += best;
    }
    let date = candidate.date.as_deref().unwrap_or_default();
    total += if id == whole {
        1000
    } else if id.starts_with(whole) {
        PREFIX
    } else if whole.len() >= 4 && date.starts_with(whole) {
        300
    } else if whole.len() >= 3 && id.contains(whole) {
        200
    } else {
        0
    };
    Some(total)
}

impl Debate {
    /// The records that match `text`, best first (see the module `query::find` for the
    /// scoring): ids, titles, statements, names, authors, citations, locators and dates are
    /// searched. Empty when no record matches every word of `text`.
    ///
    /// ```
    /// let debate = historiograph::Debate::new(historiograph::Corpus::bundled());
    /// let found = debate.find("gottwald letter");
    /// assert_eq!(found[0].id, "stalin-gottwald-1950-08-27");
    /// ```
    pub fn find(&self, text: &str) -> Vec<Found> {
        let whole = text.trim().to_lowercase();
        let wanted: Vec<String> = words(&whole).collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u8, Found)> = self
            .candidates()
            .filter_map(|c| {
                let score = score(&c, &whole, &wanted)?;
                let found = Found {
                    kind: c.kind,
                    id: c.id.to_string(),
                    label: c.label.to_string(),
                    date: c.date,
                    score,
                };
                Some((c.rank, found))
            })
            .collect();
        found.sort_by(|(ra, a), (rb, b)| {
            (b.score.cmp(&a.score))
                .then(ra.cmp(rb))
                .then_with(|| a.id.cmp(&b.id))
        });
        found.into_iter().map(|(_, f)| f).collect()
    }

    /// What to suggest for `id`, which no record of kind `kind` (any kind when `None`) has:
    /// a record whose id starts with it, else `typo` (a close id by edit distance), else the
    /// record of that kind that best matches the words of `id`.
    pub(crate) fn suggest(
        &self,
        id: &str,
        kind: Option<&str>,
        typo: Option<&str>,
    ) -> Option<String> {
        let best = (self.find(id).into_iter()).find(|f| kind.is_none_or(|k| k == f.kind));
        match best {
            Some(f) if f.score >= PREFIX => Some(f.id),
            best => typo.map(str::to_string).or(best.map(|f| f.id)),
        }
    }

    fn candidates(&self) -> impl Iterator<Item = Candidate<'_>> {
        let corpus = self.corpus();
        let documents = corpus.documents.iter().map(|d| Candidate {
            kind: "document",
            rank: 0,
            id: &d.id,
            label: &d.title,
            date: Some(d.date.to_string()),
            more: [Some(&*d.author), d.recipient.as_deref(), Some(&*d.citation)]
                .into_iter()
                .flatten()
                .collect(),
            noun: Some(d.kind.as_str()),
        });
        let claims = corpus.claims.iter().map(|c| Candidate {
            kind: "claim",
            rank: 1,
            id: &c.id,
            label: &c.statement,
            date: c.period.map(|p| p.to_string()),
            more: c.locator.as_deref().into_iter().collect(),
            noun: None,
        });
        let historians = corpus.historians.iter().map(|h| Candidate {
            kind: "historian",
            rank: 2,
            id: &h.id,
            label: &h.name,
            date: None,
            more: Vec::new(),
            noun: None,
        });
        let works = corpus.works.iter().map(|w| Candidate {
            kind: "work",
            rank: 3,
            id: &w.id,
            label: &w.title,
            date: Some(w.year.to_string()),
            more: w.container.as_deref().into_iter().collect(),
            noun: None,
        });
        let schools = corpus.schools.iter().map(|s| Candidate {
            kind: "school",
            rank: 4,
            id: &s.id,
            label: &s.name,
            date: None,
            more: Vec::new(),
            noun: None,
        });
        documents
            .chain(claims)
            .chain(historians)
            .chain(works)
            .chain(schools)
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit_apart;
    use crate::Debate;

    #[test]
    fn one_edit_is_a_typo() {
        assert!(one_edit_apart("gottwald", "gotwald"));
        assert!(one_edit_apart("letter", "lettar"));
        assert!(one_edit_apart("leter", "letter"));
        assert!(!one_edit_apart("letter", "letter"));
        assert!(!one_edit_apart("letter", "ltetr"));
        assert!(!one_edit_apart("abc", "abcde"));
    }

    #[test]
    fn finds_by_words_of_the_id_and_the_title() {
        let debate = Debate::new(crate::Corpus::bundled());
        let ids = |text: &str| -> Vec<String> {
            debate
                .find(text)
                .into_iter()
                .map(|f| f.id)
                .take(3)
                .collect()
        };
        assert_eq!(ids("gottwald letter")[0], "stalin-gottwald-1950-08-27");
        assert_eq!(ids("1950-08-27")[0], "stalin-gottwald-1950-08-27");
        assert!(
            ids("kim").iter().all(|id| id.starts_with("kim")),
            "{:?}",
            ids("kim")
        );
        assert_eq!(ids("gotwald-leter")[0], "stalin-gottwald-1950-08-27");
        assert!(debate.find("no-such-words-anywhere").is_empty());
        assert!(debate.find("  ").is_empty());
    }
}
