//! JSONL: one JSON object per line with an `html` or `text` string.

use std::fmt;
use std::io::BufRead;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::error::{ErrorKind, Position, RecordError};
use crate::io::{Line, read_line, trim_eol};
use crate::{Entry, ReadOptions, Record, RecordKind, source_stem};

/// Reads JSONL records; a bad line is an error entry and reading goes on with the next.
pub struct JsonlReader<R> {
    input: R,
    stem: Arc<str>,
    options: ReadOptions,
    line_no: u64,
    line: Vec<u8>,
    /// The current line's bytes in `line`, without its end and a first line's BOM.
    range: std::ops::Range<usize>,
    done: bool,
}

impl<R> fmt::Debug for JsonlReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonlReader")
            .field("source", &self.stem)
            .field("line", &self.line_no)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: BufRead> JsonlReader<R> {
    /// `source_name` (a path or file name) gives fallback ids: `{stem}:{line}`.
    pub fn new(input: R, source_name: &str, options: ReadOptions) -> Self {
        JsonlReader {
            input,
            stem: Arc::from(source_stem(source_name)),
            options,
            line_no: 0,
            line: Vec::new(),
            range: 0..0,
            done: false,
        }
    }

    fn error(&self, kind: ErrorKind, fatal: bool) -> RecordError {
        RecordError {
            at: Position::Line(self.line_no),
            record_id: None,
            kind,
            fatal,
        }
    }

    /// Reads up to the next non-blank line, left in `self.line[self.range]`: `Ok(true)`; at
    /// the end `Ok(false)`; a line that cannot be a record is `Err`.
    fn next_line(&mut self) -> Result<bool, RecordError> {
        if self.done {
            return Ok(false);
        }
        let limit = usize::try_from(self.options.max_record_bytes).unwrap_or(usize::MAX);
        loop {
            let read = read_line(&mut self.input, &mut self.line, limit.saturating_add(2));
            self.line_no += 1;
            match read {
                Err(e) => {
                    self.done = true;
                    return Err(self.error(ErrorKind::Io(e), true));
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    return Ok(false);
                }
                Ok(Line::TooLong { size }) => {
                    let limit = self.options.max_record_bytes;
                    return Err(self.error(ErrorKind::TooLarge { size, limit }, false));
                }
                Ok(Line::Complete) => {}
            }
            let end = trim_eol(&self.line).len();
            let bom = self.line_no == 1 && self.line.starts_with(b"\xEF\xBB\xBF");
            let start = if bom { 3 } else { 0 }.min(end);
            let line = self.line.get(start..end).unwrap_or(&[]);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if line.len() as u64 > self.options.max_record_bytes {
                let size = line.len() as u64;
                let limit = self.options.max_record_bytes;
                return Err(self.error(ErrorKind::TooLarge { size, limit }, false));
            }
            self.range = start..end;
            return Ok(true);
        }
    }

    /// The next line, not parsed yet: the JSON parse can then run on another thread.
    pub(crate) fn next_pending(&mut self) -> Option<Result<JsonlLine, RecordError>> {
        match self.next_line() {
            Ok(false) => None,
            Ok(true) => Some(Ok(JsonlLine {
                stem: Arc::clone(&self.stem),
                line_no: self.line_no,
                bytes: self.line.get(self.range.clone()).unwrap_or(&[]).to_vec(),
            })),
            Err(error) => Some(Err(error)),
        }
    }
}

/// A JSONL line read but not parsed yet (see [`crate::Records::next_pending`]).
#[derive(Debug)]
pub(crate) struct JsonlLine {
    stem: Arc<str>,
    line_no: u64,
    bytes: Vec<u8>,
}

impl JsonlLine {
    pub(crate) fn len(&self) -> usize {
        self.bytes.len()
    }

    pub(crate) fn parse(self) -> Entry {
        parse_line(&self.stem, self.line_no, &self.bytes)
    }
}

fn line_error(line_no: u64, kind: ErrorKind) -> Entry {
    Entry::Error(RecordError {
        at: Position::Line(line_no),
        record_id: None,
        kind,
        fatal: false,
    })
}

/// One line's record; `stem` and `line_no` make the fallback id.
fn parse_line(stem: &str, line_no: u64, line: &[u8]) -> Entry {
    let mut object: Map<String, Value> = match serde_json::from_slice(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return line_error(line_no, ErrorKind::NotObject),
        Err(e) => return line_error(line_no, ErrorKind::BadJson(e.to_string())),
    };
    // `html` wins when both are there: the text can be derived from it, not the reverse.
    let html = take_string(&mut object, "html");
    let text = take_string(&mut object, "text");
    let (body, kind) = match (html, text) {
        (Some(html), _) => (html, RecordKind::Html),
        (None, Some(text)) => (text, RecordKind::Text),
        (None, None) => return line_error(line_no, ErrorKind::NoContent),
    };
    let mut fallback_id = false;
    let id = match object.remove("id") {
        Some(Value::String(id)) if !id.is_empty() => id,
        // An integer past 64 bits parses as a float (`1.2345678901234568e+22`): the id is
        // the number as written.
        Some(Value::Number(n)) if n.is_f64() => raw_field(line, "id").unwrap_or(n.to_string()),
        Some(Value::Number(n)) => n.to_string(),
        _ => {
            fallback_id = true;
            format!("{stem}:{line_no}")
        }
    };
    let url = take_string(&mut object, "url");
    Entry::Record(Record {
        id,
        fallback_id,
        url,
        date: None,
        record_id: None,
        body: body.into_bytes(),
        kind,
        // The body is the UTF-8 of a JSON string: no other encoding applies, whatever a
        // `<meta charset>` inside it says.
        transport_charset: Some("utf-8".to_string()),
        http_status: None,
        extra: object,
    })
}

/// The text of a top-level field's value as written in the line (parsed again: only for the
/// rare value that a `Value` cannot hold exactly).
fn raw_field(line: &[u8], key: &str) -> Option<String> {
    let fields: std::collections::HashMap<String, Box<serde_json::value::RawValue>> =
        serde_json::from_slice(line).ok()?;
    fields.get(key).map(|raw| raw.get().to_string())
}

/// Removes `key` when it holds a string; another type (null, number...) is dropped too, as
/// it cannot be the field the name promises.
fn take_string(object: &mut Map<String, Value>, key: &str) -> Option<String> {
    match object.remove(key)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        match self.next_line() {
            Ok(false) => None,
            Ok(true) => {
                let line = self.line.get(self.range.clone()).unwrap_or(&[]);
                Some(parse_line(&self.stem, self.line_no, line))
            }
            Err(error) => Some(Entry::Error(error)),
        }
    }
}
