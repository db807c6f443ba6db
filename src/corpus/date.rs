//! Partial dates and date ranges, as historians write them.

use std::fmt;

use serde::{Serialize, Serializer};

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1–12, if known.
    pub month: Option<u8>,
    /// The day of the month, if known (only with a month).
    pub day: Option<u8>,
}

/// A date or a range of dates: `1949`, `1949-05`, `1949-05-02`, `1950-03-30/1950-04-25`.
///
/// It is written and serialised as ISO 8601 text, possibly partial.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateSpec {
    /// The date, or the start of the range.
    pub start: PartialDate,
    /// The end of the range, if it is one.
    pub end: Option<PartialDate>,
}

/// Why a date could not be read. The message is lowercase and says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number(part: &str, digits: usize, what: &str, text: &str) -> Result<u32, DateError> {
    if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError(format!(
            "expected a {digits}-digit {what} in `{text}`, found `{part}`"
        )));
    }
    part.parse()
        .map_err(|_| DateError(format!("expected a {what} in `{text}`")))
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month and day ranges (leap years too).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let mut parts = text.split('-');
        let year = number(parts.next().unwrap_or(""), 4, "year", text)? as i32;
        let month = match parts.next() {
            None => None,
            Some(m) => {
                let m = number(m, 2, "month", text)? as u8;
                if !(1..=12).contains(&m) {
                    return Err(DateError(format!(
                        "month {m} is out of range in `{text}`: expected 01 to 12"
                    )));
                }
                Some(m)
            }
        };
        let day = match (parts.next(), month) {
            (None, _) => None,
            (Some(d), Some(m)) => {
                let d = number(d, 2, "day", text)? as u8;
                let last = days_in_month(year, m);
                if d == 0 || d > last {
                    return Err(DateError(format!(
                        "day {d} does not exist in {year}-{m:02}: expected 01 to {last}"
                    )));
                }
                Some(d)
            }
            (Some(_), None) => unreachable!("a day part always follows a month part"),
        };
        if parts.next().is_some() {
            return Err(DateError(format!(
                "expected YYYY, YYYY-MM or YYYY-MM-DD, found `{text}`"
            )));
        }
        Ok(PartialDate { year, month, day })
    }

    /// The earliest full date this could be, as a sortable `(year, month, day)`.
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest full date this could be, as a sortable `(year, month, day)`.
    pub fn latest(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl DateSpec {
    /// Parses a date or a `START/END` range; the end must not precede the start.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        match text.split_once('/') {
            None => Ok(DateSpec {
                start: PartialDate::parse(text)?,
                end: None,
            }),
            Some((a, b)) => {
                let start = PartialDate::parse(a.trim())?;
                let end = PartialDate::parse(b.trim())?;
                if end.latest() < start.earliest() {
                    return Err(DateError(format!(
                        "the range `{text}` ends before it starts"
                    )));
                }
                Ok(DateSpec {
                    start,
                    end: Some(end),
                })
            }
        }
    }

    /// The earliest full date covered.
    pub fn earliest(&self) -> (i32, u8, u8) {
        self.start.earliest()
    }

    /// The latest full date covered.
    pub fn latest(&self) -> (i32, u8, u8) {
        self.end.unwrap_or(self.start).latest()
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        if let Some(end) = self.end {
            write!(f, "/{end}")?;
        }
        Ok(())
    }
}

impl Serialize for DateSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl PartialOrd for DateSpec {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateSpec {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.earliest(), self.latest()).cmp(&(other.earliest(), other.latest()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates_and_ranges() {
        assert_eq!(DateSpec::parse("1949").unwrap().to_string(), "1949");
        assert_eq!(DateSpec::parse("1949-05").unwrap().to_string(), "1949-05");
        assert_eq!(
            DateSpec::parse("1950-03-30/1950-04-25")
                .unwrap()
                .to_string(),
            "1950-03-30/1950-04-25"
        );
        assert_eq!(DateSpec::parse("1952-02-29").unwrap().start.day, Some(29));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(DateSpec::parse("1949-13-01").is_err());
        assert!(DateSpec::parse("1950-02-30").is_err());
        assert!(DateSpec::parse("1949-02-29").is_err());
        assert!(DateSpec::parse("49").is_err());
        assert!(DateSpec::parse("1950/1949").is_err());
        assert!(DateSpec::parse("May 1949").is_err());
        assert!(DateSpec::parse("1949-05-02-01").is_err());
    }
}
