//! A time limit on cleaning one page. The stages (parse, walk, container choice, each
//! classifier pass) are not interrupted inside; the budget is checked between them, so a page
//! over its budget stops at the next stage boundary. Reading the clock is not IO.

use std::time::Instant;

/// When cleaning a page must stop; [`Budget::unlimited`] never does.
#[derive(Debug, Clone, Copy, Default)]
pub struct Budget {
    deadline: Option<Instant>,
}

/// A page ran past its [`Budget`]; `stage` is the last stage it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("time budget exceeded (after {stage})")]
pub struct OverBudget {
    pub stage: &'static str,
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
            Some(deadline) if Instant::now() >= deadline => Err(OverBudget { stage }),
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
        assert_eq!(past.check("parse"), Err(OverBudget { stage: "parse" }));
        let later = Budget::until(Instant::now() + std::time::Duration::from_secs(3600));
        assert_eq!(later.check("parse"), Ok(()));
    }
}
