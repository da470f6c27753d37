//! Header accuracy: the title, authors and date deboil writes, against the truth a person
//! wrote down (issue 17's definitions).
//!
//! - title: token F1 ≥ 0.8 against the truth's title;
//! - author, where the truth names one: token F1 ≥ 0.5 between the truth and the authors
//!   written (joined); where the truth names none, any author written is counted as given;
//! - date, where the truth has a day (`YYYY-MM-DD`): the published date written is that day;
//!   where it has none, any published date written is counted as given.
//!
//! Tokens are maximal runs of word characters ([`crate::aeb::tokens`]), lower-cased, taken as
//! a multiset.

use std::collections::HashMap;

use serde_json::json;

/// A title matches at this token F1 or above.
const TITLE_F1: f64 = 0.8;
/// An author matches at this token F1 or above.
const AUTHOR_F1: f64 = 0.5;

/// What a page's truth says about its header (absent fields: the set has no such truth).
#[derive(Debug, Default, Clone)]
pub struct HeaderTruth {
    /// `None`: the set has no title truth.
    pub title: Option<String>,
    /// `None`: the set has no author truth; `Some("")`: the page has no author.
    pub author: Option<String>,
    /// `None`: the set has no date truth; `Some("")`: the page has no date.
    pub published: Option<String>,
}

/// What deboil wrote in the header.
#[derive(Debug, Default, Clone)]
pub struct HeaderOutput<'a> {
    pub title: Option<&'a str>,
    pub authors: &'a [String],
    pub published: Option<&'a str>,
}

/// Counts over a set's pages.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct HeaderCounts {
    /// Pages whose truth has a title, and those whose title matched.
    pub title_pages: usize,
    pub title_right: usize,
    /// Pages whose truth names an author, and those whose authors matched.
    pub author_pages: usize,
    pub author_right: usize,
    /// Pages whose truth names no author, and those given one anyway.
    pub no_author_pages: usize,
    pub author_given: usize,
    /// Pages whose truth has a day, and those given that day.
    pub date_pages: usize,
    pub date_right: usize,
    /// Pages whose truth has no day, and those given a date anyway.
    pub no_date_pages: usize,
    pub date_given: usize,
}

impl HeaderCounts {
    /// True when the set has any header truth at all.
    pub fn any(&self) -> bool {
        self.title_pages + self.author_pages + self.no_author_pages + self.date_pages > 0
    }

    /// Scores one page.
    pub fn add(&mut self, truth: &HeaderTruth, out: &HeaderOutput<'_>) {
        if let Some(title) = truth.title.as_deref().filter(|t| !t.trim().is_empty()) {
            self.title_pages += 1;
            self.title_right += usize::from(title_matches(title, out.title));
        }
        if let Some(author) = truth.author.as_deref() {
            if author.trim().is_empty() {
                self.no_author_pages += 1;
                self.author_given += usize::from(!out.authors.is_empty());
            } else {
                self.author_pages += 1;
                self.author_right += usize::from(author_matches(author, out.authors));
            }
        }
        if let Some(published) = truth.published.as_deref() {
            match day_of(published) {
                Some(day) => {
                    self.date_pages += 1;
                    self.date_right += usize::from(out.published.and_then(day_of) == Some(day));
                }
                None => {
                    self.no_date_pages += 1;
                    self.date_given += usize::from(out.published.is_some());
                }
            }
        }
    }

    /// One line for the table, beside the set's body F1.
    pub fn render(&self, set: &str, body_f1: f64) -> String {
        let pct = |part: usize, total: usize| {
            if total == 0 {
                String::from("-")
            } else {
                format!("{:.1}%", 100.0 * part as f64 / total as f64)
            }
        };
        let mut lines = Vec::new();
        if self.title_pages > 0 {
            lines.push(format!(
                "title {}/{} ({})",
                self.title_right,
                self.title_pages,
                pct(self.title_right, self.title_pages)
            ));
        }
        if self.author_pages + self.no_author_pages > 0 {
            lines.push(format!(
                "author {}/{} ({}), given where none {}/{} ({})",
                self.author_right,
                self.author_pages,
                pct(self.author_right, self.author_pages),
                self.author_given,
                self.no_author_pages,
                pct(self.author_given, self.no_author_pages)
            ));
        }
        if self.date_pages + self.no_date_pages > 0 {
            lines.push(format!(
                "date {}/{} ({}), given where none {}/{} ({})",
                self.date_right,
                self.date_pages,
                pct(self.date_right, self.date_pages),
                self.date_given,
                self.no_date_pages,
                pct(self.date_given, self.no_date_pages)
            ));
        }
        format!(
            "{set}: body F1 {body_f1:.3}; header vs truth: {}\n",
            lines.join("; ")
        )
    }

    pub fn to_json(self) -> serde_json::Value {
        let share = |part: usize, total: usize| (total > 0).then(|| part as f64 / total as f64);
        json!({
            "title": {"pages": self.title_pages, "right": self.title_right,
                      "share": share(self.title_right, self.title_pages)},
            "author": {"pages": self.author_pages, "right": self.author_right,
                       "share": share(self.author_right, self.author_pages),
                       "pages_without": self.no_author_pages, "given_without": self.author_given,
                       "share_given_without": share(self.author_given, self.no_author_pages)},
            "date": {"pages": self.date_pages, "right": self.date_right,
                     "share": share(self.date_right, self.date_pages),
                     "pages_without": self.no_date_pages, "given_without": self.date_given,
                     "share_given_without": share(self.date_given, self.no_date_pages)},
        })
    }
}

fn title_matches(truth: &str, written: Option<&str>) -> bool {
    written.is_some_and(|w| token_f1(truth, w) >= TITLE_F1)
}

fn author_matches(truth: &str, written: &[String]) -> bool {
    !written.is_empty() && token_f1(truth, &written.join(", ")) >= AUTHOR_F1
}

/// Bag-of-tokens F1 of two texts, tokens lower-cased; 0 when either has none.
pub fn token_f1(truth: &str, written: &str) -> f64 {
    let bag = |text: &str| {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for token in crate::aeb::tokens(text) {
            *counts.entry(token.to_lowercase()).or_default() += 1;
        }
        counts
    };
    let (t, w) = (bag(truth), bag(written));
    let (t_total, w_total): (usize, usize) = (t.values().sum(), w.values().sum());
    if t_total == 0 || w_total == 0 {
        return 0.0;
    }
    let common: usize = t
        .iter()
        .map(|(token, n)| (*n).min(w.get(token).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / w_total as f64;
    let recall = common as f64 / t_total as f64;
    2.0 * precision * recall / (precision + recall)
}

/// The day of an ISO 8601 date or date-time (`YYYY-MM-DD…`); `None` for anything coarser.
fn day_of(date: &str) -> Option<&str> {
    let day = date.trim().get(..10)?;
    let b = day.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    shape.then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn truth(title: &str, author: &str, published: &str) -> HeaderTruth {
        HeaderTruth {
            title: Some(title.into()),
            author: Some(author.into()),
            published: Some(published.into()),
        }
    }

    #[test]
    fn token_f1_is_a_bag_measure_without_case() {
        assert_eq!(token_f1("Top 10 Apps", "top 10 apps"), 1.0);
        assert_eq!(token_f1("a b", ""), 0.0);
        // 2 common of 3 written and 2 truth: P 2/3, R 1.
        assert!((token_f1("Big News", "Big News | Site") - 0.8).abs() < 1e-9);
        assert!(token_f1("Big News", "Big News | The Site") < 0.8);
    }

    #[test]
    fn each_field_by_the_issue_definitions() {
        let mut c = HeaderCounts::default();
        let authors = vec!["Jane Doe".to_string(), "Tom Roe".to_string()];
        c.add(
            &truth("Big news today", "Jane Doe", "2024-03-05"),
            &HeaderOutput {
                title: Some("Big news today"),
                authors: &authors,
                published: Some("2024-03-05T10:00+01:00"),
            },
        );
        c.add(
            &truth("Other story", "", "2015-11"),
            &HeaderOutput {
                title: Some("Other story – The Daily Example Site"),
                authors: &authors,
                published: None,
            },
        );
        c.add(
            &truth("Third", "Ann", ""),
            &HeaderOutput {
                title: None,
                authors: &[],
                published: Some("2020-01-01"),
            },
        );
        assert_eq!(
            c,
            HeaderCounts {
                title_pages: 3,
                title_right: 1,
                author_pages: 2,
                author_right: 1,
                no_author_pages: 1,
                author_given: 1,
                date_pages: 1,
                date_right: 1,
                no_date_pages: 2,
                date_given: 1,
            }
        );
        assert!(
            c.render("s", 0.5)
                .contains("body F1 0.500; header vs truth: title 1/3 (33.3%)")
        );
    }

    #[test]
    fn sets_without_truth_count_nothing() {
        let mut c = HeaderCounts::default();
        c.add(
            &HeaderTruth::default(),
            &HeaderOutput {
                title: Some("x"),
                ..HeaderOutput::default()
            },
        );
        assert!(!c.any());
    }
}
