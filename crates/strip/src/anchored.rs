//! Start-anchored patterns that are only asked whether they match.
//!
//! `regex::Regex` compiles each pattern twice, forward and in reverse (the reverse automaton
//! finds where a match starts), which is half of its compile time; a yes-or-no question about
//! a pattern anchored at the start never needs the reverse one. Such a pattern is compiled
//! here into a forward lazy DFA alone, the engine `regex` itself runs for `is_match`.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

use regex::Regex;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};

type NewCache = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A pattern beginning with `^` (or `(?i)^`), matched with [`AnchoredPattern::is_match`].
pub(crate) struct AnchoredPattern {
    /// The forward lazy DFA and a cache per thread; `None` when it cannot be built (a
    /// Unicode word boundary, which the lazy DFA does not handle), and then `fallback` runs.
    dfa: Option<(DFA, Pool<Cache, NewCache>)>,
    pattern: String,
    /// The whole `regex` engine, compiled only if the lazy DFA cannot answer.
    fallback: OnceLock<Option<Regex>>,
}

impl std::fmt::Debug for AnchoredPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnchoredPattern")
            .field("pattern", &self.pattern)
            .finish_non_exhaustive()
    }
}

impl AnchoredPattern {
    pub(crate) fn new(pattern: &str) -> AnchoredPattern {
        let dfa = DFA::builder()
            .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
            .build(pattern)
            .ok()
            .map(|dfa| {
                let for_caches = dfa.clone();
                let new_cache: NewCache = Box::new(move || for_caches.create_cache());
                (dfa, Pool::new(new_cache))
            });
        AnchoredPattern {
            dfa,
            pattern: pattern.to_owned(),
            fallback: OnceLock::new(),
        }
    }

    /// Whether the pattern matches `text` (at its start, as the pattern is anchored there):
    /// what `Regex::is_match` says.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        if let Some((dfa, caches)) = &self.dfa {
            let input = Input::new(text).anchored(Anchored::Yes).earliest(true);
            if let Ok(found) = dfa.try_search_fwd(&mut caches.get(), &input) {
                return found.is_some();
            }
        }
        self.fallback
            .get_or_init(|| Regex::new(&self.pattern).ok())
            .as_ref()
            .is_some_and(|re| re.is_match(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_regex_does() {
        let patterns = [
            r"(?i)^\d+\s+(?:comments?|replies)$",
            r"^(?i:reviewed|verified) by:?\s+\p{Lu}",
            r"(?i)^(?:in this|this)\b.{0,20}?\bphoto\b",
        ];
        let texts = [
            "12 comments",
            "12 Comments ",
            "x 12 comments",
            "Reviewed by Ana",
            "reviewed by: Émile",
            "reviewed by ana",
            "In this file photo, …",
            "In this élan photo",
            "This photo",
            "",
        ];
        for pattern in patterns {
            let anchored = AnchoredPattern::new(pattern);
            let re = Regex::new(pattern).unwrap();
            for text in texts {
                assert_eq!(
                    anchored.is_match(text),
                    re.is_match(text),
                    "{pattern} {text:?}"
                );
            }
        }
        // A Unicode word boundary: no lazy DFA, the fallback answers.
        assert!(AnchoredPattern::new(r"^\bx").dfa.is_none());
    }
}
