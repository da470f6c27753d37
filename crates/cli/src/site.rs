//! `--site-learning`: the first pass over the inputs, counting block signatures per host
//! ([`deboil_strip::SiteLearner`]); the cleaning pass then hands each document its host's
//! profile.
//!
//! The host of a container record is its URL's (`WARC-Target-URI`, JSONL `url`), else the
//! container's name. The host of a file is its
//! canonical URL's (`link rel=canonical`, `og:url`), else its parent directory (a dump
//! saved one folder per site). Counts are of distinct pages, so the profiles do not depend
//! on `--jobs`, input order or batches. Stdin is read once: no site learning there.

use std::collections::HashMap;
use std::path::Path;

use deboil_detect::{ContentType, DecodeOptions};
use deboil_records::{Entry, Record, RecordKind};
use deboil_strip::{
    Budget, PageSignatures, SiteLearner, SiteProfile, SiteProfiles, SiteThresholds,
};
use rayon::prelude::*;

use crate::inputs::{Input, Source};

/// What the first pass learnt: profiles per host, and the host of each file input.
#[derive(Debug, Default)]
pub(crate) struct SiteState {
    profiles: SiteProfiles,
    file_hosts: HashMap<String, String>,
}

impl SiteState {
    /// The profile for a document: a record's (`url` given) or a file's (by display name).
    pub(crate) fn profile(&self, display: &str, url: Option<&str>) -> Option<&SiteProfile> {
        match self.file_hosts.get(display) {
            Some(host) => self.profiles.get(host),
            None => self.profiles.get(&record_host(display, url)),
        }
    }

    /// A line for stderr: hosts, pages, repeated blocks, sampled hosts.
    pub(crate) fn note(&self) -> String {
        let (mut hosts, mut pages, mut repeated, mut sampled) = (0, 0, 0, 0);
        for (_, profile) in self.profiles.iter() {
            hosts += 1;
            pages += profile.pages;
            repeated += profile.repeated_blocks();
            sampled += usize::from(profile.sampling > 0);
        }
        format!(
            "site learning: {hosts} hosts, {pages} distinct pages, {repeated} repeated blocks; \
             {sampled} hosts had more blocks than the cap and were sampled"
        )
    }
}

/// The first pass: reads every input once, in parallel on `pool`.
pub(crate) fn learn(inputs: &[Input], max_bytes: u64, pool: &rayon::ThreadPool) -> SiteState {
    let thresholds = SiteThresholds::default();
    let seen: Vec<Vec<(String, Option<String>, PageSignatures)>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| signatures_of_input(input, max_bytes))
            .collect()
    });
    let mut learner = SiteLearner::new(thresholds);
    let mut file_hosts = HashMap::new();
    for pages in seen {
        for (host, display, signatures) in pages {
            learner.add(&host, &signatures);
            if let Some(display) = display {
                file_hosts.insert(display, host);
            }
        }
    }
    SiteState {
        profiles: learner.finish(thresholds),
        file_hosts,
    }
}

/// (host, the file's display name for files, signatures) of each page of an input.
fn signatures_of_input(
    input: &Input,
    max_bytes: u64,
) -> Vec<(String, Option<String>, PageSignatures)> {
    let Source::File(path) = &input.source else {
        return Vec::new();
    };
    if input.container {
        return container_signatures(path, &input.display, max_bytes);
    }
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let Some(signatures) = page_signatures(&bytes, None, None, max_bytes) else {
        return Vec::new();
    };
    let host = signatures
        .url
        .as_deref()
        .and_then(deboil_strip::host_of)
        .unwrap_or_else(|| directory_host(path));
    vec![(host, Some(input.display.clone()), signatures)]
}

/// A record's host: its URL's, else its container's name.
fn record_host(container: &str, url: Option<&str>) -> String {
    url.and_then(deboil_strip::host_of)
        .unwrap_or_else(|| format!("container:{container}"))
}

fn directory_host(path: &Path) -> String {
    let dir = path.parent().and_then(Path::file_name);
    format!(
        "dir:{}",
        dir.map_or(String::new(), |d| d.to_string_lossy().into_owned())
    )
}

fn container_signatures(
    path: &Path,
    display: &str,
    max_bytes: u64,
) -> Vec<(String, Option<String>, PageSignatures)> {
    let Ok(file) = crate::files::open_without_blocking(path) else {
        return Vec::new();
    };
    let options = deboil_records::ReadOptions {
        max_record_bytes: max_bytes,
    };
    let (_, records) = deboil_records::open(file, display, options);
    let mut pages = Vec::new();
    for entry in records {
        let Entry::Record(record) = entry else {
            continue;
        };
        if let Some(signatures) = record_signatures(&record, max_bytes) {
            let host = record_host(display, record.url.as_deref());
            pages.push((host, None, signatures));
        }
    }
    pages
}

fn record_signatures(record: &Record, max_bytes: u64) -> Option<PageSignatures> {
    let hint = match record.kind {
        RecordKind::Html => Some(ContentType::Html),
        RecordKind::Text => Some(ContentType::Text),
        RecordKind::Unknown => None,
    };
    page_signatures(
        &record.body,
        hint,
        record.transport_charset.as_deref(),
        max_bytes,
    )
}

fn page_signatures(
    bytes: &[u8],
    content_type_hint: Option<ContentType>,
    transport_charset: Option<&str>,
    max_bytes: u64,
) -> Option<PageSignatures> {
    let options = DecodeOptions {
        content_type_hint,
        transport_charset,
        tld: None,
        max_bytes: Some(max_bytes),
    };
    let decoded = deboil_detect::decode(bytes, &options).ok()?;
    match decoded.content_type {
        ContentType::Html => {
            deboil_strip::html_signatures_within(&decoded.text, Budget::unlimited()).ok()
        }
        ContentType::Text => Some(deboil_strip::text_signatures(&decoded.text)),
    }
}
