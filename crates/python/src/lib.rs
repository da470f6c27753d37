//! `deboil._deboil`: the Rust half of the `deboil` Python package (PyO3).
//!
//! Each document is cleaned exactly as the CLI cleans a JSONL or WARC record
//! ([`deboil::clean_record`]), so a result is the CLI's `--format jsonl` line byte for byte.
//! The Python half (`python/deboil/__init__.py`) turns `str`/`bytes`/dict inputs into the
//! tuples taken here and parses the lines into dicts.

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
struct Guards {
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

/// The record the CLI would read: the id is the given one, else the URL, else the SHA-256
/// of the bytes (stable across runs and partitions).
fn record(item: Item) -> Result<Record, String> {
    let (body, url, id, content_type, charset) = item;
    let kind = match content_type.as_deref() {
        None => RecordKind::Unknown,
        Some("html" | "text/html" | "application/xhtml+xml") => RecordKind::Html,
        Some("text" | "text/plain") => RecordKind::Text,
        Some(other) => {
            return Err(format!(
                "content_type `{other}` is not one of html, text/html, application/xhtml+xml, text, text/plain"
            ));
        }
    };
    let id = match (id, &url) {
        (Some(id), _) => id,
        (None, Some(url)) => url.clone(),
        (None, None) => {
            let mut hex = String::from("sha256:");
            for byte in Sha256::digest(&body).iter() {
                let _ = write!(hex, "{byte:02x}");
            }
            hex
        }
    };
    Ok(Record {
        id,
        url,
        date: None,
        record_id: None,
        body,
        kind,
        transport_charset: charset,
        http_status: None,
        extra: serde_json::Map::new(),
    })
}

/// `(status, line or reason)`: `("ok", jsonl line)`, or `("empty"|"error"|"skipped", why)`.
fn clean_item(source: &str, item: Item, guards: Guards) -> (&'static str, String) {
    let record = match record(item) {
        Ok(record) => record,
        Err(reason) => return ("error", reason),
    };
    let cleaned = deboil::clean_record(source, &record, guards.max_bytes, guards.time_budget);
    match cleaned.jsonl {
        Some(line) if cleaned.status == "ok" => ("ok", line),
        _ => (cleaned.status, cleaned.reason.unwrap_or_default()),
    }
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

/// One thread pool per `jobs` value, kept for the life of the process (a Spark or datatrove
/// worker calls in once per batch).
fn pool(jobs: usize) -> PyResult<Arc<rayon::ThreadPool>> {
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
    Ok(())
}
