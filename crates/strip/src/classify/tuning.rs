//! The classifier's thresholds, each named with why it is what it is.
