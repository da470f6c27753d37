//! `deboil._deboil`: the Rust half of the `deboil` Python package (PyO3).
//!
//! Each document is cleaned exactly as the CLI cleans a JSONL or WARC record
//! ([`deboil::clean_document`]), so a result is the CLI's `--format jsonl` line byte for byte.
//! The Python half (`python/deboil/__init__.py`) turns `str`/`bytes`/dict inputs into the
//! tuples taken here and parses the lines into dicts.

mod stream;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use deboil_records::{Record, RecordKind};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

create_exception!(
    deboil,
    DeboilError,
    PyException,
    "A document could not be cleaned (unreadable, too large, over the time budget); the message says why."
);

/// One input as the Python half hands it over: body, url, id, content type, charset.
type Item = (
    Vec<u8>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The size and time guards, as the CLI's `--max-size` and `--time-budget`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Guards {
    max_bytes: u64,
    time_budget: Duration,
}

impl Guards {
    fn new(max_size: u64, time_budget: f64) -> PyResult<Self> {
        if max_size == 0 {
            return Err(PyValueError::new_err("max_size must be above 0"));
        }
        if !(time_budget > 0.0 && time_budget <= 1e9) {
            return Err(PyValueError::new_err(format!(
                "time_budget must be a number of seconds above 0, not {time_budget}"
            )));
        }
        Ok(Guards {
            max_bytes: max_size,
            time_budget: Duration::from_secs_f64(time_budget),
        })
    }
}

/// Cleans one input as the CLI cleans a JSONL record of the container named `source`: the
/// same [`deboil::DocumentInput`] (id, url, TLD hint, `source_file` and `record_id` metadata),
/// through the same [`deboil::clean_document`]. The id is the given one, else the URL, else the
/// SHA-256 of the bytes (stable across runs and partitions).
fn clean_item(source: &str, item: Item, guards: Guards) -> (&'static str, String) {
    let (body, url, id, content_type, charset) = item;
    let content_type = match content_type.as_deref() {
        None => None,
        Some("html" | "text/html" | "application/xhtml+xml") => Some(deboil::ContentType::Html),
        Some("text" | "text/plain") => Some(deboil::ContentType::Text),
        Some(other) => {
            return (
                "error",
                format!(
                    "content_type `{other}` is not one of html, text/html, application/xhtml+xml, text, text/plain"
                ),
            );
        }
    };
    // The record only lends its TLD rule (the encoding sniffer's hint), as in the CLI.
    let tld = Record {
        id: String::new(),
        fallback_id: false,
        url: url.clone(),
        date: None,
        record_id: None,
        body: Vec::new(),
        kind: RecordKind::Unknown,
        transport_charset: None,
        http_status: None,
        extra: serde_json::Map::new(),
    }
    .tld();
    let record_id = deboil::document_id(id.as_deref(), url.as_deref(), &sha256_hex(&body));
    let extra = [
        (
            "source_file".to_string(),
            serde_json::Value::String(source.to_string()),
        ),
        (
            "record_id".to_string(),
            serde_json::Value::String(record_id),
        ),
    ];
    let input = deboil::DocumentInput {
        id: id.as_deref(),
        source,
        url: url.as_deref(),
        content_type,
        transport_charset: charset.as_deref(),
        tld: tld.as_deref(),
        extra: &extra,
        ..deboil::DocumentInput::new(&body)
    };
    let options = deboil::CleanOptions {
        max_bytes: guards.max_bytes,
        time_budget: guards.time_budget,
        ..deboil::CleanOptions::default()
    };
    let cleaned = deboil::clean_document(&input, &options);
    match (cleaned.status, cleaned.jsonl_line()) {
        (deboil::Status::Ok, Some(line)) => ("ok", line),
        (status, _) => (
            match status {
                deboil::Status::Ok | deboil::Status::Error => "error",
                deboil::Status::Empty => "empty",
                deboil::Status::Skipped => "skipped",
            },
            cleaned.reason.unwrap_or_default(),
        ),
    }
}

/// Lower-case hex SHA-256, as the CLI's ids and manifests write it.
fn sha256_hex(bytes: &[u8]) -> String {
    let mut hex = String::with_capacity(64);
    for byte in Sha256::digest(bytes).iter() {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Cleans one document; see `deboil.clean` for the arguments.
#[pyfunction]
#[pyo3(signature = (body, url, id, content_type, charset, source, max_size, time_budget))]
#[allow(clippy::too_many_arguments)] // the Python wrapper's keywords, one by one
fn clean_one(
    py: Python<'_>,
    body: Vec<u8>,
    url: Option<String>,
    id: Option<String>,
    content_type: Option<String>,
    charset: Option<String>,
    source: String,
    max_size: u64,
    time_budget: f64,
) -> PyResult<(&'static str, String)> {
    let guards = Guards::new(max_size, time_budget)?;
    let item = (body, url, id, content_type, charset);
    Ok(py.detach(|| clean_item(&source, item, guards)))
}

/// Cleans a batch on `jobs` threads without the GIL; results in input order.
#[pyfunction]
fn clean_batch(
    py: Python<'_>,
    items: Vec<Item>,
    source: String,
    jobs: usize,
    max_size: u64,
    time_budget: f64,
) -> PyResult<Vec<(&'static str, String)>> {
    let guards = Guards::new(max_size, time_budget)?;
    let pool = pool(jobs)?;
    Ok(py.detach(|| {
        pool.install(|| {
            items
                .into_par_iter()
                .map(|item| clean_item(&source, item, guards))
                .collect()
        })
    }))
}

/// Starts cleaning a batch on `jobs` threads and returns at once: Python pulls and converts
/// its next batch while this one is cleaned (`BatchJob.wait` gives the results in order).
#[pyfunction]
fn submit_batch(
    items: Vec<Item>,
    source: String,
    jobs: usize,
    max_size: u64,
    time_budget: f64,
) -> PyResult<stream::BatchJob> {
    let guards = Guards::new(max_size, time_budget)?;
    let pool = pool(jobs)?;
    Ok(stream::BatchJob::spawn(&pool, move || {
        items
            .into_par_iter()
            .map(|item| clean_item(&source, item, guards))
            .collect()
    }))
}

/// One thread pool per `jobs` value, kept for the life of the process (a Spark or datatrove
/// worker calls in once per batch).
pub(crate) fn pool(jobs: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    if jobs == 0 {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(pool) = pools.get(&jobs) {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("deboil-{i}"))
        // As the CLI's workers: a deeply nested hostile page recurses into a big (lazily
        // committed) stack, not a stack overflow.
        .stack_size(256 << 20)
        .build()
        .map_err(|e| DeboilError::new_err(format!("cannot start {jobs} threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.insert(jobs, Arc::clone(&pool));
    Ok(pool)
}

#[pymodule]
fn _deboil(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("DeboilError", m.py().get_type::<DeboilError>())?;
    m.add("DEFAULT_MAX_SIZE", deboil::DEFAULT_MAX_SIZE)?;
    m.add("DEFAULT_TIME_BUDGET", deboil::DEFAULT_TIME_BUDGET_SECS)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(clean_one, m)?)?;
    m.add_function(wrap_pyfunction!(clean_batch, m)?)?;
    m.add_function(wrap_pyfunction!(submit_batch, m)?)?;
    m.add_class::<stream::RecordStream>()?;
    m.add_class::<stream::BatchJob>()?;
    Ok(())
}
