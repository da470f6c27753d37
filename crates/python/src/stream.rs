//! `RecordStream`: a container stream (WARC, WET or JSONL; gzip or zstd; a file, bytes, or
//! lines fed from Python) read and cleaned in Rust as record mode does it
//! ([`deboil::RecordCleaner`]), with no Python per record on the way in.
//!
//! Three stages overlap: a reader thread parses batches of records, a cleaner thread cleans
//! each batch on the worker pool, and Python takes the finished batches in order. Lines fed
//! from Python reach the reader through a channel, so Python pulls its next lines while the
//! earlier ones are cleaned.

use std::io::{BufRead, BufReader, Read};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

use crate::{DeboilError, Guards, pool};

/// Fed chunks waiting for the reader: enough to keep it busy while Python pulls more.
const FED_CHUNKS_QUEUED: usize = 4;
/// Cleaned batches waiting for Python when nothing is fed (a file or bytes): bounds memory.
const BATCHES_QUEUED: usize = 2;
/// Records per batch and thread of a fed stream. Far below the CLI's 256 a batch: a Spark
/// partition may hold fewer records than that, and cleaning should not wait for all of it.
const FED_BATCH_PER_JOB: usize = 8;

/// One cleaned entry as Python gets it: in line mode the line record mode writes; else
/// (status, payload) with the JSONL line for `ok` and `source: place: reason` otherwise.
enum Out {
    Line(String),
    Status(&'static str, String),
}

/// What the cleaner thread sends: a batch, then `Done` (a closed channel without `Done`
/// means the thread stopped: an internal error, never a silent end).
enum Message {
    Batch(Vec<Out>),
    Done,
}

/// The results channel: bounded when the input is a file or bytes, unbounded when Python
/// feeds lines (a bounded one could deadlock: Python blocked feeding while the cleaner is
/// blocked on results Python has not taken yet).
#[derive(Clone)]
enum ResultSender {
    Bounded(SyncSender<Message>),
    Unbounded(Sender<Message>),
}

impl ResultSender {
    fn send(&self, message: Message) -> bool {
        match self {
            ResultSender::Bounded(tx) => tx.send(message).is_ok(),
            ResultSender::Unbounded(tx) => tx.send(message).is_ok(),
        }
    }
}

/// Reads the chunks Python feeds; the end of input once the sender is dropped.
struct ChannelReader {
    chunks: Receiver<Vec<u8>>,
    chunk: Vec<u8>,
    at: usize,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at >= self.chunk.len() {
            match self.chunks.recv() {
                Ok(chunk) => {
                    self.chunk = chunk;
                    self.at = 0;
                }
                Err(_) => return Ok(0),
            }
        }
        let rest = self.chunk.get(self.at..).unwrap_or_default();
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.at += n;
        Ok(n)
    }
}

/// A stream being cleaned; Python iterates over its batches.
#[pyclass(module = "deboil._deboil")]
pub(crate) struct RecordStream {
    /// `None` only while `next_batch` waits on it without the GIL.
    results: Mutex<Option<Receiver<Message>>>,
    /// `Some` while Python may feed lines.
    feed: Mutex<Option<SyncSender<Vec<u8>>>>,
    finished: Mutex<bool>,
}

/// How a stream's entries come out to Python.
#[derive(Clone, Copy)]
struct Shape {
    /// Line mode: record mode's lines (else status/payload pairs, skipped records left out).
    lines: bool,
    /// Line mode: empty and skipped documents get their status lines too.
    emit_status: bool,
}

impl RecordStream {
    /// A stream over a whole container read from `input` (a file, bytes).
    fn over(
        input: Box<dyn Read + Send>,
        source: String,
        jobs: usize,
        max_size: u64,
        time_budget: f64,
        shape: Shape,
    ) -> PyResult<Self> {
        let guards = Guards::new(max_size, time_budget)?;
        let (tx, rx) = mpsc::sync_channel(BATCHES_QUEUED);
        let results = (ResultSender::Bounded(tx), rx);
        Self::start(input, source, jobs, guards, shape, results, None)
    }

    fn start(
        input: Box<dyn Read + Send>,
        source: String,
        jobs: usize,
        guards: Guards,
        shape: Shape,
        results: (ResultSender, Receiver<Message>),
        feed: Option<SyncSender<Vec<u8>>>,
    ) -> PyResult<Self> {
        let pool = pool(jobs)?;
        let batch_count = if feed.is_some() {
            FED_BATCH_PER_JOB.saturating_mul(jobs)
        } else {
            usize::MAX // the CLI's batches
        };
        let (results_tx, results_rx) = results;
        let (batches_tx, batches_rx) = mpsc::sync_channel::<Vec<deboil_records::Pending>>(1);
        let read_source = source.clone();
        let max_bytes = guards.max_bytes;
        std::thread::Builder::new()
            .name("deboil-reader".to_string())
            .spawn(move || read_batches(input, &read_source, max_bytes, batch_count, &batches_tx))
            .map_err(|e| DeboilError::new_err(format!("cannot start a thread: {e}")))?;
        std::thread::Builder::new()
            .name("deboil-cleaner".to_string())
            .spawn(move || {
                let options = deboil::CleanOptions {
                    max_bytes: guards.max_bytes,
                    time_budget: guards.time_budget,
                    ..deboil::CleanOptions::default()
                };
                let mut cleaner = deboil::RecordCleaner::new(&source, options);
                for batch in batches_rx {
                    let outcomes = cleaner.clean_batch(batch, &pool);
                    let out = outcomes
                        .into_iter()
                        .filter_map(|outcome| shaped(&source, outcome, shape))
                        .collect();
                    if !results_tx.send(Message::Batch(out)) {
                        return;
                    }
                }
                results_tx.send(Message::Done);
            })
            .map_err(|e| DeboilError::new_err(format!("cannot start a thread: {e}")))?;
        Ok(RecordStream {
            results: Mutex::new(Some(results_rx)),
            feed: Mutex::new(feed),
            finished: Mutex::new(false),
        })
    }

    fn batch_to_python<'py>(py: Python<'py>, batch: Vec<Out>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for out in batch {
            match out {
                Out::Line(line) => list.append(line)?,
                Out::Status(status, payload) => list.append((status, payload))?,
            }
        }
        Ok(list)
    }

    /// Turns a message into a batch (`None` at the end); a closed channel is an error.
    fn take<'py>(
        &self,
        py: Python<'py>,
        message: Result<Message, ()>,
    ) -> PyResult<Option<Bound<'py, PyList>>> {
        match message {
            Ok(Message::Batch(batch)) => Ok(Some(Self::batch_to_python(py, batch)?)),
            Ok(Message::Done) => {
                *lock(&self.finished) = true;
                Ok(None)
            }
            Err(()) => {
                *lock(&self.finished) = true;
                Err(DeboilError::new_err(
                    "internal error: the cleaning thread stopped",
                ))
            }
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The reader thread: batches of pending records to the cleaner, as the CLI reads them.
/// Empty input is no records (an empty partition is empty output, as in record mode).
fn read_batches(
    input: Box<dyn Read + Send>,
    source: &str,
    max_bytes: u64,
    batch_count: usize,
    batches: &SyncSender<Vec<deboil_records::Pending>>,
) {
    let mut input = BufReader::with_capacity(1 << 16, input);
    // A read error comes out of the reader as an error entry.
    if let Ok([]) = input.fill_buf() {
        return;
    }
    let options = deboil_records::ReadOptions {
        max_record_bytes: max_bytes,
    };
    let (_, mut records) = deboil_records::open(input, source, options);
    loop {
        let batch = if batch_count == usize::MAX {
            deboil::read_record_batch(&mut records)
        } else {
            deboil::read_record_batch_of(&mut records, batch_count)
        };
        if batch.is_empty() || batches.send(batch).is_err() {
            return;
        }
    }
}

/// An outcome as Python gets it, or `None` when this shape leaves it out.
fn shaped(source: &str, outcome: deboil::RecordOutcome, shape: Shape) -> Option<Out> {
    let status = match outcome.status {
        deboil::Status::Ok => "ok",
        deboil::Status::Empty => "empty",
        deboil::Status::Error => "error",
        deboil::Status::Skipped => "skipped",
    };
    if shape.lines {
        let written = matches!(outcome.status, deboil::Status::Ok | deboil::Status::Error);
        return (written || shape.emit_status).then_some(Out::Line(outcome.line));
    }
    match outcome.status {
        deboil::Status::Ok => Some(Out::Status(status, outcome.line)),
        deboil::Status::Skipped => None,
        deboil::Status::Empty | deboil::Status::Error => {
            let place = match &outcome.record {
                Some(record) => format!("{source}: {record}"),
                None => source.to_string(),
            };
            let reason = outcome.reason.unwrap_or_default();
            Some(Out::Status(status, format!("{place}: {reason}")))
        }
    }
}

#[pymethods]
impl RecordStream {
    /// A stream over the file at `path` (read in Rust; gzip/zstd and format sniffed).
    #[staticmethod]
    #[pyo3(signature = (path, source, jobs, max_size, time_budget, lines, emit_status))]
    #[allow(clippy::too_many_arguments)] // the Python wrapper's keywords, one by one
    fn open(
        path: std::path::PathBuf,
        source: String,
        jobs: usize,
        max_size: u64,
        time_budget: f64,
        lines: bool,
        emit_status: bool,
    ) -> PyResult<Self> {
        let file = std::fs::File::open(&path).map_err(|e| {
            pyo3::exceptions::PyOSError::new_err(format!("{}: cannot read: {e}", path.display()))
        })?;
        let shape = Shape { lines, emit_status };
        Self::over(Box::new(file), source, jobs, max_size, time_budget, shape)
    }

    /// A stream over `data`, the bytes of a whole container.
    #[staticmethod]
    #[pyo3(signature = (data, source, jobs, max_size, time_budget, lines, emit_status))]
    #[allow(clippy::too_many_arguments)] // the Python wrapper's keywords, one by one
    fn from_bytes(
        data: Vec<u8>,
        source: String,
        jobs: usize,
        max_size: u64,
        time_budget: f64,
        lines: bool,
        emit_status: bool,
    ) -> PyResult<Self> {
        let shape = Shape { lines, emit_status };
        let data = Box::new(std::io::Cursor::new(data));
        Self::over(data, source, jobs, max_size, time_budget, shape)
    }

    /// A stream over lines given later with `feed`, ended by `close`.
    #[staticmethod]
    #[pyo3(signature = (source, jobs, max_size, time_budget, lines, emit_status))]
    fn fed(
        source: String,
        jobs: usize,
        max_size: u64,
        time_budget: f64,
        lines: bool,
        emit_status: bool,
    ) -> PyResult<Self> {
        let guards = Guards::new(max_size, time_budget)?;
        let (chunks_tx, chunks_rx) = mpsc::sync_channel(FED_CHUNKS_QUEUED);
        let reader = ChannelReader {
            chunks: chunks_rx,
            chunk: Vec::new(),
            at: 0,
        };
        let (tx, rx) = mpsc::channel();
        let shape = Shape { lines, emit_status };
        Self::start(
            Box::new(reader),
            source,
            jobs,
            guards,
            shape,
            (ResultSender::Unbounded(tx), rx),
            Some(chunks_tx),
        )
    }

    /// Hands lines (`str` or `bytes`, each with or without its newline) to the reader.
    fn feed(&self, py: Python<'_>, lines: &Bound<'_, PyList>) -> PyResult<()> {
        let mut chunk = Vec::new();
        for line in lines.iter() {
            let text;
            let bytes: &[u8] = if let Ok(line) = line.cast::<PyString>() {
                text = line.to_cow()?;
                text.as_bytes()
            } else if let Ok(line) = line.cast::<PyBytes>() {
                line.as_bytes()
            } else {
                return Err(PyTypeError::new_err(format!(
                    "a line is str or bytes, not {}",
                    line.get_type().name()?
                )));
            };
            chunk.extend_from_slice(bytes);
            if bytes.last() != Some(&b'\n') {
                chunk.push(b'\n');
            }
        }
        let sender = lock(&self.feed).clone();
        let Some(sender) = sender else {
            return Err(DeboilError::new_err("the stream is closed"));
        };
        // A failed send means the reader has ended (a fatal error ends a WARC, as a truncated
        // record does on the CLI's stdin): the rest of the input is not read, and the error
        // line says why.
        let _ = py.detach(move || sender.send(chunk));
        Ok(())
    }

    /// Ends the fed input: what was fed is cleaned, then the stream ends.
    fn close(&self) {
        lock(&self.feed).take();
    }

    /// The next cleaned batch in order, waiting for it; `None` at the end.
    fn next_batch<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        if *lock(&self.finished) {
            return Ok(None);
        }
        let Some(results) = lock(&self.results).take() else {
            return Err(DeboilError::new_err("the stream is read by another thread"));
        };
        let (message, results) = py.detach(move || {
            let message = results.recv().map_err(|_| ());
            (message, results)
        });
        *lock(&self.results) = Some(results);
        self.take(py, message)
    }

    /// The cleaned batches ready now, in order, without waiting (empty when none is).
    fn ready<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyList>>> {
        let mut ready = Vec::new();
        while !*lock(&self.finished) {
            let received = match lock(&self.results).as_ref() {
                Some(results) => results.try_recv(),
                None => return Err(DeboilError::new_err("the stream is read by another thread")),
            };
            let message = match received {
                Ok(message) => Ok(message),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => Err(()),
            };
            if let Some(batch) = self.take(py, message)? {
                ready.push(batch);
            }
        }
        Ok(ready)
    }
}

/// A batch's results: (status, payload) per document, in input order.
type BatchResults = Vec<(&'static str, String)>;

/// A batch of documents cleaning on the pool; `wait` gives its results in input order.
#[pyclass(module = "deboil._deboil")]
pub(crate) struct BatchJob {
    results: Mutex<Option<Receiver<BatchResults>>>,
}

impl BatchJob {
    pub(crate) fn spawn(
        pool: &Arc<rayon::ThreadPool>,
        work: impl FnOnce() -> BatchResults + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::sync_channel(1);
        pool.spawn(move || {
            let _ = tx.send(work());
        });
        BatchJob {
            results: Mutex::new(Some(rx)),
        }
    }
}

#[pymethods]
impl BatchJob {
    /// The batch's (status, payload) pairs, waiting without the GIL until they are done.
    fn wait(&self, py: Python<'_>) -> PyResult<BatchResults> {
        let Some(rx) = lock(&self.results).take() else {
            return Err(DeboilError::new_err("the batch was already taken"));
        };
        py.detach(move || rx.recv())
            .map_err(|_| DeboilError::new_err("internal error: a worker thread stopped"))
    }
}
