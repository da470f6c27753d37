//! JSONL: one JSON object per line with an `html` or `text` string.

use std::fmt;
use std::io::BufRead;

use serde_json::{Map, Value};

use crate::error::{ErrorKind, Position, RecordError};
use crate::io::{Line, read_line, trim_eol};
use crate::{Entry, ReadOptions, Record, RecordKind, source_stem};

/// Reads JSONL records; a bad line is an error entry and reading goes on with the next.
pub struct JsonlReader<R> {
    input: R,
    stem: String,
    options: ReadOptions,
    line_no: u64,
    line: Vec<u8>,
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
            stem: source_stem(source_name).to_string(),
            options,
            line_no: 0,
            line: Vec::new(),
            done: false,
        }
    }

    fn error(&self, kind: ErrorKind, fatal: bool) -> Entry {
        Entry::Error(RecordError {
            at: Position::Line(self.line_no),
            record_id: None,
            kind,
            fatal,
        })
    }

    fn parse(&self, line: &[u8]) -> Entry {
        let mut object: Map<String, Value> = match serde_json::from_slice(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return self.error(ErrorKind::NotObject, false),
            Err(e) => return self.error(ErrorKind::BadJson(e.to_string()), false),
        };
        // `html` wins when both are there: the text can be derived from it, not the reverse.
        let html = take_string(&mut object, "html");
        let text = take_string(&mut object, "text");
        let (body, kind) = match (html, text) {
            (Some(html), _) => (html, RecordKind::Html),
            (None, Some(text)) => (text, RecordKind::Text),
            (None, None) => return self.error(ErrorKind::NoContent, false),
        };
        let id = match object.remove("id") {
            Some(Value::String(id)) if !id.is_empty() => id,
            Some(Value::Number(n)) => n.to_string(),
            _ => format!("{}:{}", self.stem, self.line_no),
        };
        let url = take_string(&mut object, "url");
        Entry::Record(Record {
            id,
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
        if self.done {
            return None;
        }
        let limit = usize::try_from(self.options.max_record_bytes).unwrap_or(usize::MAX);
        loop {
            let read = read_line(&mut self.input, &mut self.line, limit.saturating_add(2));
            self.line_no += 1;
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(self.error(ErrorKind::Io(e), true));
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::TooLong { size }) => {
                    let limit = self.options.max_record_bytes;
                    return Some(self.error(ErrorKind::TooLarge { size, limit }, false));
                }
                Ok(Line::Complete) => {}
            }
            let mut line = trim_eol(&self.line);
            if self.line_no == 1 {
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if line.len() as u64 > self.options.max_record_bytes {
                let size = line.len() as u64;
                let limit = self.options.max_record_bytes;
                return Some(self.error(ErrorKind::TooLarge { size, limit }, false));
            }
            return Some(self.parse(line));
        }
    }
}
