//! Site-level boilerplate: blocks that recur on many pages of one host.
//!
//! A run over a dump reads each page twice. The first look ([`page_signatures`]) hashes the
//! page's blocks (kind and normalised text, digits folded to `0`, as CCNet folds them) into
//! a [`PageSignatures`]; a [`SiteLearner`] counts, per host, on how many distinct pages each
//! signature appears. [`SiteLearner::finish`] keeps the signatures shared by at least
//! [`SiteThresholds::min_pages`] pages and [`SiteThresholds::min_share`] of the host's pages.
//! The cleaning pass ([`crate::strip_html_with_site`]) then removes such blocks with the rule
//! `site.repeat` — only where they cannot be the page's own article text (see
//! `classify::site`).
//!
//! Determinism: counts are of distinct page hashes (a page is the set of its signatures), so
//! the profile does not depend on the order, batches or threads the pages came in. Memory: at
//! most [`SiteThresholds::max_signatures`] signatures per host; beyond that a host keeps only
//! the signatures whose hash is a multiple of 2^level (raising the level until they fit), an
//! order-free sample; the profile says how far it sampled ([`SiteProfile::sampling`]).

use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use crate::candidate::Candidate;
use crate::lexicon::normalise;

/// The signatures of one page's blocks, and the page's own hash (of that set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageSignatures {
    /// Canonical URL the page declares (`link rel=canonical`, `og:url`), if any.
    pub url: Option<String>,
    /// Sorted, distinct block signatures.
    pub blocks: Vec<u64>,
    /// Hash of `blocks`: identical pages count once.
    pub page: u64,
}

/// When a signature is site boilerplate, and how much memory a host may use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SiteThresholds {
    /// At least this many distinct pages of the host carry the block.
    pub min_pages: u32,
    /// And at least this share (0.0..=1.0) of the host's distinct pages.
    pub min_share: f64,
    /// Signatures kept per host before sampling.
    pub max_signatures: usize,
}

impl Default for SiteThresholds {
    fn default() -> Self {
        SiteThresholds {
            min_pages: 2,
            min_share: 0.3,
            max_signatures: 1 << 16,
        }
    }
}

/// Per-host counts of the first pass. Merge learners of parallel workers with
/// [`SiteLearner::merge`]; the result is the same whatever the split.
#[derive(Debug, Clone, Default)]
pub struct SiteLearner {
    hosts: BTreeMap<String, HostCounts>,
    max_signatures: usize,
}

#[derive(Debug, Clone, Default)]
struct HostCounts {
    pages: BTreeSet<u64>,
    /// Signature → distinct pages carrying it (only signatures ≡ 0 mod 2^level).
    counts: FxHashMap<u64, u32>,
    level: u32,
}

impl HostCounts {
    fn sampled(&self, signature: u64) -> bool {
        self.level == 0 || signature.trailing_zeros() >= self.level
    }

    /// Raises the sampling level until the signatures fit in `max`.
    fn shrink(&mut self, max: usize) {
        while self.counts.len() > max.max(1) && self.level < 63 {
            self.level += 1;
            let level = self.level;
            self.counts.retain(|s, _| s.trailing_zeros() >= level);
        }
    }
}

impl SiteLearner {
    pub fn new(thresholds: SiteThresholds) -> Self {
        SiteLearner {
            hosts: BTreeMap::new(),
            max_signatures: thresholds.max_signatures,
        }
    }

    /// Counts one page of `host` (a page seen before, by its hash, counts once).
    pub fn add(&mut self, host: &str, page: &PageSignatures) {
        let counts = self.hosts.entry(host.to_string()).or_default();
        if !counts.pages.insert(page.page) {
            return;
        }
        for &signature in &page.blocks {
            if counts.sampled(signature) {
                *counts.counts.entry(signature).or_insert(0) += 1;
            }
        }
        counts.shrink(self.max_signatures);
    }

    /// Adds another learner's counts (pages both saw count once only if their hashes were
    /// seen by one learner: give each page to one learner).
    pub fn merge(&mut self, other: SiteLearner) {
        for (host, theirs) in other.hosts {
            let ours = self.hosts.entry(host).or_default();
            let level = ours.level.max(theirs.level);
            ours.level = level;
            ours.counts
                .retain(|s, _| s.trailing_zeros() >= level || level == 0);
            for page in theirs.pages {
                ours.pages.insert(page);
            }
            for (signature, n) in theirs.counts {
                if level == 0 || signature.trailing_zeros() >= level {
                    *ours.counts.entry(signature).or_insert(0) += n;
                }
            }
            ours.shrink(self.max_signatures);
        }
    }

    /// The profiles: per host, the signatures over the thresholds.
    pub fn finish(self, thresholds: SiteThresholds) -> SiteProfiles {
        let hosts = self
            .hosts
            .into_iter()
            .map(|(host, counts)| {
                let pages = counts.pages.len() as u32;
                let repeated = counts
                    .counts
                    .into_iter()
                    .filter(|&(_, n)| {
                        n >= thresholds.min_pages
                            && f64::from(n) >= thresholds.min_share * f64::from(pages)
                    })
                    .collect();
                let profile = SiteProfile {
                    pages,
                    repeated,
                    sampling: counts.level,
                };
                (host, profile)
            })
            .collect();
        SiteProfiles { hosts }
    }
}

/// What the first pass learnt, per host.
#[derive(Debug, Clone, Default)]
pub struct SiteProfiles {
    hosts: BTreeMap<String, SiteProfile>,
}

impl SiteProfiles {
    pub fn get(&self, host: &str) -> Option<&SiteProfile> {
        self.hosts.get(host)
    }

    /// Hosts and their profiles, by host name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &SiteProfile)> {
        self.hosts.iter().map(|(h, p)| (h.as_str(), p))
    }
}

/// One host's repeated blocks.
#[derive(Debug, Clone, Default)]
pub struct SiteProfile {
    /// Distinct pages of the host.
    pub pages: u32,
    repeated: FxHashMap<u64, u32>,
    /// 0: every signature counted; n: only one in 2^n (the host had too many blocks).
    pub sampling: u32,
}

impl SiteProfile {
    /// Number of signatures over the thresholds.
    pub fn repeated_blocks(&self) -> usize {
        self.repeated.len()
    }

    /// On how many pages the block of `signature` recurs, when it is site boilerplate.
    pub(crate) fn shared_by(&self, signature: u64) -> Option<u32> {
        self.repeated.get(&signature).copied()
    }
}

/// How many pages shared a block removed as `site.repeat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteShare {
    /// Distinct pages of the host carrying the block.
    pub pages: u32,
    /// Distinct pages of the host.
    pub host_pages: u32,
}

/// The host of a URL: between `://` and the next `/`, `?`, `#` or port, lower-cased,
/// without user info or a leading `www.`. `None` when there is none.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    let host = authority.split(':').next()?.trim().to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// A block's signature: its kind and normalised text with digits folded to `0`.
pub(crate) fn signature(candidate: &Candidate, norm: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u8(candidate.kind as u8);
    for ch in norm.chars() {
        let ch = if ch.is_numeric() { '0' } else { ch };
        hasher.write_u32(ch as u32);
    }
    hasher.finish()
}

/// The signatures of a page's candidate blocks.
pub(crate) fn signatures_of(candidates: &[Candidate], url: Option<String>) -> PageSignatures {
    let mut blocks: Vec<u64> = candidates
        .iter()
        .map(|c| signature(c, &normalise(&c.text)))
        .collect();
    blocks.sort_unstable();
    blocks.dedup();
    let mut hasher = FxHasher::default();
    for &b in &blocks {
        hasher.write_u64(b);
    }
    PageSignatures {
        url,
        page: hasher.finish(),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(blocks: &[u64]) -> PageSignatures {
        let mut sorted = blocks.to_vec();
        sorted.sort_unstable();
        let mut hasher = FxHasher::default();
        for &b in &sorted {
            hasher.write_u64(b);
        }
        PageSignatures {
            url: None,
            page: hasher.finish(),
            blocks: sorted,
        }
    }

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(
            host_of("https://www.Example.com/a/b?c").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            host_of("http://user@news.example.org:8080/x").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(host_of("example.net/path").as_deref(), Some("example.net"));
        assert_eq!(host_of("no-host"), None);
        assert_eq!(host_of("https:///x"), None);
    }

    #[test]
    fn thresholds_count_distinct_pages() {
        let thresholds = SiteThresholds {
            min_pages: 3,
            min_share: 0.5,
            max_signatures: 100,
        };
        let mut learner = SiteLearner::new(thresholds);
        for article in 0..4u64 {
            learner.add("a.example", &page(&[1, 2, 100 + article]));
        }
        // A copy of a page counts once.
        learner.add("a.example", &page(&[1, 2, 100]));
        learner.add("a.example", &page(&[2, 200]));
        let profiles = learner.finish(thresholds);
        let profile = profiles.get("a.example").unwrap();
        assert_eq!(profile.pages, 5);
        assert_eq!(profile.shared_by(1), Some(4));
        assert_eq!(profile.shared_by(2), Some(5));
        assert_eq!(profile.shared_by(100), None);
    }

    #[test]
    fn order_and_split_do_not_matter() {
        let thresholds = SiteThresholds {
            min_pages: 2,
            min_share: 0.0,
            max_signatures: 8,
        };
        let pages: Vec<PageSignatures> = (0..20u64)
            .map(|i| page(&[i * 7 % 40, (i * 13 + 1) % 40, 64, 128, i + 1000]))
            .collect();
        let learn = |order: &[usize], split: usize| {
            let mut a = SiteLearner::new(thresholds);
            let mut b = SiteLearner::new(thresholds);
            for (n, &i) in order.iter().enumerate() {
                if n < split {
                    a.add("h", &pages[i])
                } else {
                    b.add("h", &pages[i])
                }
            }
            a.merge(b);
            let profiles = a.finish(thresholds);
            let p = profiles.get("h").unwrap();
            let mut repeated: Vec<(u64, u32)> = p.repeated.iter().map(|(&s, &n)| (s, n)).collect();
            repeated.sort_unstable();
            (p.pages, p.sampling, repeated)
        };
        let forward: Vec<usize> = (0..20).collect();
        let backward: Vec<usize> = (0..20).rev().collect();
        let first = learn(&forward, 20);
        assert!(first.1 > 0, "the cap forces sampling");
        assert_eq!(first, learn(&backward, 20));
        assert_eq!(first, learn(&forward, 7));
        assert_eq!(first, learn(&backward, 13));
    }
}
