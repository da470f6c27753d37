//! The batch driver behind the `deboil` binary (and `cargo xtask clean`). STUB.
