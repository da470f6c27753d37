//! A time limit on cleaning one page. The parse checks it between chunks of input (see
//! `html::parse`); the later stages (walk, container choice, each classifier pass) are not
//! interrupted inside, the budget is checked between them, so a page over its budget stops
//! at the next chunk or stage boundary. The parse also stops a page whose tree grows past
//! its depth or node limit: the same error, another limit. Reading the clock is not IO.

use std::time::Instant;

/// When cleaning a page must stop; [`Budget::unlimited`] never does.
#[derive(Debug, Clone, Copy, Default)]
pub struct Budget {
    deadline: Option<Instant>,
}

/// A page ran past its [`Budget`] or past a limit of the parse; `stage` is the stage it
/// was in or had just finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{exceeded} ({stage})")]
pub struct OverBudget {
    pub stage: &'static str,
    pub exceeded: Exceeded,
}

/// Which limit a page went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Exceeded {
    #[error("time budget exceeded")]
    Time,
    /// The document tree nests deeper than this many elements.
    #[error("page nests deeper than {0} elements")]
    Depth(usize),
    /// The document tree holds more than this many nodes.
    #[error("page has more than {0} nodes")]
    Nodes(usize),
}

impl Budget {
    pub fn unlimited() -> Self {
        Budget { deadline: None }
    }

    /// Stop once `deadline` has passed.
    pub fn until(deadline: Instant) -> Self {
        Budget {
            deadline: Some(deadline),
        }
    }

    /// `Err` once the deadline has passed; `stage` names what was just finished.
    pub(crate) fn check(&self, stage: &'static str) -> Result<(), OverBudget> {
        match self.deadline {
            Some(deadline) if Instant::now() >= deadline => Err(OverBudget {
                stage,
                exceeded: Exceeded::Time,
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_deadlines_stop_and_unlimited_never_does() {
        assert_eq!(Budget::unlimited().check("parse"), Ok(()));
        let past = Budget::until(Instant::now());
        assert_eq!(
            past.check("parse"),
            Err(OverBudget {
                stage: "parse",
                exceeded: Exceeded::Time
            })
        );
        let later = Budget::until(Instant::now() + std::time::Duration::from_secs(3600));
        assert_eq!(later.check("parse"), Ok(()));
    }
}
