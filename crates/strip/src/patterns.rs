//! Boilerplate recognised by its shape rather than by a fixed phrase: photo credits,
//! source lines, AI-voice notices, comment counts, bare timestamps, author-bio sentences.

use std::sync::LazyLock;

use regex::Regex;

use crate::anchored::AnchoredPattern;
use crate::uclass;

/// A pattern compiled on first use; `None` only if it failed to compile, which the tests
/// would show.
type Pattern = LazyLock<Option<Regex>>;

fn matches(pattern: &Pattern, text: &str) -> bool {
    pattern.as_ref().is_some_and(|re| re.is_match(text))
}

/// Photo agencies and stock libraries whose names end image credits.
const AGENCIES: &str = r"getty images|afp|reuters|ap photo|ap|epa-efe|epa|efe|shutterstock|istock(?:photo)?|alamy(?: stock photo)?|dpa|picture[- ]alliance|imago(?: images)?|anp|ansa|tass|ria novosti|риа новости|тасс|sputnik|xinhua|bloomberg|nurphoto|sopa images|anadolu(?: agency)?|keystone|belga|europa press|pool|handout|wikimedia commons|unsplash|pexels|zuma press|zuma wire|abaca(?:press)?|sipa|pap|ritzau|scanpix|ntb|lusa|kyodo|yonhap|aap|the canadian press|le pictorium|hans lucas|maxppp|reuters/(?-i:[\p{L} ]+)";

static CREDIT_MARKER: Pattern = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s(\[|–—-])(?:photo(?:graph)?s?|pictures?|image|credit|crédit(?: photo)?|photo credit|foto(?:s)?|bild|imagen|immagine|фото|світлина|zdjęcie|illustration|иллюстрация)\s*(?:by\b|:|©|\.\.\.|…)\s*\S")
        .ok()
});

/// An agency credit ending a caption: "… (Joshua Roberts/Reuters)", "Photo by X/Getty
/// Images", "Jane Doe via AFP". One pattern,
/// `(?i)(?:/\s*|\bvia\s+|\(|[.!?|]\s+|^)(?:[\p{L}.'’-]+\s+){0,4}?` + [`AGENCY_CHAIN`],
/// is checked in two parts split where the agency names start ([`ends_in_agency_credit`]):
/// as one reverse search, its lazy DFA met new states on nearly every byte (half a million
/// instructions a block).
static AGENCY_CHAIN: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^(?:{AGENCIES})(?:\s*(?:/|via)\s*(?:{AGENCIES}))*\s*\)?\s*$"
    ))
});

/// What may stand before the agency names of [`AGENCY_CHAIN`]: up to four words after a
/// slash, "via", a parenthesis, a sentence end or the start,
/// `(?:/\s*|\b(?i:via)\s+|\(|[.!?|]\s+|^)(?:[\p{L}.'’-]+\s+){0,4}$`, scanned from the end
/// (as a regex, its counted letter class took nearly a millisecond to compile).
///
/// Each word is a whole run of its characters: none of the leads ends in one.
fn is_agency_lead(before: &str) -> bool {
    let is_word_char = |c: char| uclass::is_letter(c) || matches!(c, '.' | '\'' | '’' | '-');
    let mut head = before;
    for words in 0..=4 {
        if ends_in_agency_lead(head) {
            return true;
        }
        if words == 4 {
            break;
        }
        let without_space = head.trim_end_matches(uclass::is_space);
        let without_word = without_space.trim_end_matches(is_word_char);
        if without_space.len() == head.len() || without_word.len() == without_space.len() {
            return false;
        }
        head = without_word;
    }
    false
}

/// `head` ends in a lead of [`is_agency_lead`]: `(?:/\s*|\b(?i:via)\s+|\(|[.!?|]\s+|^)$`.
fn ends_in_agency_lead(head: &str) -> bool {
    let without_space = head.trim_end_matches(uclass::is_space);
    let spaced = without_space.len() < head.len();
    let after_via = || {
        let len = without_space.len();
        len >= 3
            && without_space
                .get(len - 3..)
                .is_some_and(|via| via.eq_ignore_ascii_case("via"))
            && without_space
                .get(..len - 3)
                .and_then(|before| before.chars().next_back())
                .is_none_or(|c| !regex_syntax::is_word_character(c))
    };
    head.is_empty()
        || head.ends_with('(')
        || without_space.ends_with('/')
        || (spaced && (without_space.ends_with(['.', '!', '?', '|']) || after_via()))
}

/// `tail` ends in an agency credit: some split of it is a lead ([`is_agency_lead`], ending
/// in whitespace, '/' or '(', or empty) followed by agency names ([`AGENCY_CHAIN`]).
fn ends_in_agency_credit(tail: &str) -> bool {
    let chain = &*AGENCY_CHAIN;
    let mut prev: Option<char> = None;
    for (q, c) in tail.char_indices() {
        let may_start = prev.is_none_or(|p| p.is_whitespace() || p == '/' || p == '(');
        prev = Some(c);
        if may_start
            && tail.get(q..).is_some_and(|names| chain.is_match(names))
            && tail.get(..q).is_some_and(is_agency_lead)
        {
            return true;
        }
    }
    false
}

/// The inside of an agency photo credit in parentheses ending a caption: "(AP Photo/Evan
/// Vucci)" is `(` + this + `)`. Run on the text after the last '(' only (the credit holds
/// no parentheses), anchored: as one end-anchored search over the caption, the counted
/// `{2,60}` gave the reverse lazy DFA new states on nearly every byte.
static AGENCY_PHOTO_INSIDE: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^(?:{AGENCIES})(?:\s+(?:photo|images?|pool))?\s*/\s*[^()]{{2,60}}$"
    ))
});

/// `tail` matches `(?i)\((?:AGENCIES)(?:\s+(?:photo|images?|pool))?\s*/\s*[^()]{2,60}\)\s*$`:
/// it ends in ')' (and whitespace), and what stands between that and the '(' before it
/// (with no parenthesis between) is [`AGENCY_PHOTO_INSIDE`].
fn ends_in_agency_photo_credit(tail: &str) -> bool {
    let Some(inner) = tail.trim_end().strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind(['(', ')']) else {
        return false;
    };
    inner.get(open..).is_some_and(|rest| rest.starts_with('('))
        && inner
            .get(open + 1..)
            .is_some_and(|inside| AGENCY_PHOTO_INSIDE.is_match(inside))
}

/// A copyright notice ending the text: `(?:©|\(c\)|\bcopyright\b)\s*[\p{L}\d][^.!?]{0,60}$`,
/// scanned by hand (as a regex, its counted class took half a millisecond to compile).
fn ends_in_copyright(text: &str) -> bool {
    let copyright_word = text.match_indices("copyright").filter(|&(at, word)| {
        let before = text.get(..at).and_then(|b| b.chars().next_back());
        let after = text.get(at + word.len()..).and_then(|a| a.chars().next());
        before.is_none_or(|c| !regex_syntax::is_word_character(c))
            && after.is_none_or(|c| !regex_syntax::is_word_character(c))
    });
    let markers = text
        .match_indices('©')
        .chain(text.match_indices("(c)"))
        .chain(copyright_word);
    markers
        .map(|(at, marker)| text.get(at + marker.len()..).unwrap_or(""))
        .any(|after| {
            let mut rest = after.trim_start_matches(uclass::is_space).chars();
            rest.next()
                .is_some_and(|c| uclass::is_letter(c) || uclass::is_digit(c))
                && rest.clone().count() <= 60
                && !rest.any(|c| matches!(c, '.' | '!' | '?'))
        })
}

/// Last words of the names in [`AGENCIES`]: a block whose last word is none of these cannot
/// end in an agency credit, and the costly pattern need not run.
const AGENCY_LAST_WORDS: &[&str] = &[
    "images",
    "afp",
    "reuters",
    "photo",
    "ap",
    "efe",
    "epa",
    "shutterstock",
    "istock",
    "istockphoto",
    "alamy",
    "dpa",
    "alliance",
    "imago",
    "anp",
    "ansa",
    "tass",
    "novosti",
    "новости",
    "тасс",
    "sputnik",
    "xinhua",
    "bloomberg",
    "nurphoto",
    "agency",
    "anadolu",
    "keystone",
    "belga",
    "press",
    "pool",
    "handout",
    "commons",
    "unsplash",
    "pexels",
    "wire",
    "abaca",
    "abacapress",
    "sipa",
    "pap",
    "ritzau",
    "scanpix",
    "ntb",
    "lusa",
    "kyodo",
    "yonhap",
    "aap",
    "pictorium",
    "lucas",
    "maxppp",
];

fn ends_with_agency_word(normalised: &str) -> bool {
    let last = normalised
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    AGENCY_LAST_WORDS.contains(&last) || normalised.contains("reuters/")
}

/// The last `max` bytes of `text` (whole, when shorter), cut on a word boundary so that a
/// start-anchored alternative in an end-anchored pattern still sees a word start.
fn tail_of(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let tail = text.get(start..).unwrap_or(text);
    // Skip the partial word; "^" in the patterns then stands for a word start, and the
    // patterns' own alternatives (after "/", "(", a sentence end) still apply.
    match tail.find(' ') {
        Some(space) => tail.get(space + 1..).unwrap_or(tail),
        None => tail,
    }
}

static AP_CAPTION: Pattern = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:in this|this)\b.{0,80}?\b(?:file )?(?:photo|image|picture|photograph|video still|frame grab|handout photo)\b")
        .ok()
});

static AGENCY_ONLY: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^(?:the )?(?:associated press|press association|{AGENCIES}|staff and agencies|agencies|wire services)$"
    ))
});

/// A block that is only a news agency's name: "The Associated Press", "Reuters", "AFP".
pub(crate) fn is_agency_line(label_key: &str) -> bool {
    AGENCY_ONLY.is_match(label_key)
}

/// The marker words of [`CREDIT_MARKER`], lower case: a block whose normalised text holds
/// none of them has no credit marker, and the pattern need not run.
const MARKER_WORDS: &[&str] = &[
    "photo",
    "picture",
    "image",
    "credit",
    "crédit",
    "foto",
    "bild",
    "imagen",
    "immagine",
    "фото",
    "світлина",
    "zdjęcie",
    "illustra",
    "иллюстрация",
];

/// One pass over the text for all of [`MARKER_WORDS`] (a `contains` per word costs a
/// dozen passes on every block).
static MARKER_FINDER: LazyLock<Option<aho_corasick::AhoCorasick>> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(MARKER_WORDS).ok());

/// An image caption or photo credit: "… STRINGER/AFP via Getty Images", "Photo: Jane Doe",
/// "(AP Photo/John Smith)", "Фото: РИА Новости", "© Reuters".
pub(crate) fn is_caption_credit(text: &str, normalised: &str, words: usize) -> bool {
    if words > 80 {
        return false;
    }
    // "In this March 3, 2020, file photo, …": the news agencies' caption formula.
    if (normalised.starts_with("in this ") || normalised.starts_with("this "))
        && matches(&AP_CAPTION, text)
    {
        return true;
    }
    let ends_sentence = text.trim_end().ends_with(['.', '!', '?']);
    if !ends_sentence {
        // The credit patterns are anchored at the end: look at the last part only.
        let tail = tail_of(text, 160);
        if ends_with_agency_word(normalised) && ends_in_agency_credit(tail) {
            return true;
        }
        if tail.trim_end().ends_with(')') && tail.contains('/') && ends_in_agency_photo_credit(tail)
        {
            return true;
        }
        if (normalised.contains('©')
            || normalised.contains("(c)")
            || normalised.contains("copyright"))
            && ends_in_copyright(tail)
        {
            return true;
        }
    }
    if !MARKER_FINDER
        .as_ref()
        .is_some_and(|finder| finder.is_match(normalised))
    {
        return false;
    }
    CREDIT_MARKER.as_ref().is_some_and(|re| {
        re.find_iter(text).any(|m| {
            let before = text.get(..m.start()).unwrap_or("").trim_end();
            // At the start ("Photo: …"), after a sentence ("… . Photo: X"), or in the last
            // part of the block.
            before.is_empty()
                || before.ends_with(['.', '!', '?', '|', '(', '-', '–', '—'])
                || (m.start() * 10 >= text.len() * 6 && words <= 60)
        })
    })
}

static SOURCE_LINE: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(
        r"(?i)^(?:references?|sources?|via|fuente|quelle|источник|джерело|fonte|bron|źródło|with reporting by|avec)\s*:\s*\S",
    )
});

/// A bare host or URL: `^(?i:https?://)?(?i:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}(?:/\S*)?$`,
/// scanned by hand (as a regex, its letter classes took a millisecond to compile). The last
/// label is the top-level domain: letters ("9.1" is a score, not a host). "www." needs no
/// case of its own: it is a label like any other.
fn is_domain(text: &str) -> bool {
    let rest = strip_prefix_ignore_case(text, "https://")
        .or_else(|| strip_prefix_ignore_case(text, "http://"))
        .unwrap_or(text);
    // The host holds no '/': the path starts at the first one.
    let (host, path) = match rest.find('/') {
        Some(slash) => (
            rest.get(..slash).unwrap_or(""),
            rest.get(slash..).unwrap_or(""),
        ),
        None => (rest, ""),
    };
    if path.chars().any(uclass::is_space) {
        return false;
    }
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    let label_ok = |label: &str| {
        !label.is_empty()
            && label
                .chars()
                .all(|c| uclass::is_letter(c) || uclass::is_digit(c) || c == '-')
    };
    name.split('.').all(label_ok) && tld.chars().count() >= 2 && tld.chars().all(uclass::is_letter)
}

/// `text` without `prefix`, matched as `(?i:prefix)` matches it: ASCII case, and 'ſ' (long s)
/// and the Kelvin sign, which fold to 's' and 'k'.
fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut chars = text.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        let same = c.eq_ignore_ascii_case(&p)
            || (p.eq_ignore_ascii_case(&'s') && c == 'ſ')
            || (p.eq_ignore_ascii_case(&'k') && c == '\u{212A}');
        if !same {
            return None;
        }
    }
    Some(chars.as_str())
}

/// A source line: "Source: www.example.com", "Quelle: dpa", "Источник: ТАСС".
pub(crate) fn is_source_line(text: &str, words: usize) -> bool {
    if words > 8 {
        return false;
    }
    let trimmed = text.trim();
    if SOURCE_LINE.is_match(trimmed) {
        return true;
    }
    // A bare domain or URL on its own line is a source or link, never prose.
    words == 1 && is_domain(trimmed)
}

/// Words that say "audio" or "voice", and words that say "machine-made".
const AUDIO_WORDS: &[&str] = &[
    "audio",
    "voice",
    "narrat",
    "listen",
    "écout",
    "voix",
    "anhör",
    "stimme",
    "vorgelesen",
    "escuch",
    "voz",
    "слуша",
    "прослуш",
    "озвуч",
    "голос",
    "ascolt",
    "voce",
    "ouvi",
    "ouç",
    "luister",
    "stem",
    "słuch",
    "głos",
    "слух",
    "аудио",
    "аудіо",
];
const MACHINE_WORDS: &[&str] = &[
    "artificial intelligence",
    "generated",
    "synthes",
    "automated",
    "automatic",
    "intelligence artificielle",
    "générée",
    "künstlich",
    "generiert",
    "inteligencia artificial",
    "generada",
    "искусствен",
    "сгенерир",
    "синтез",
    "штучн",
    "згенеров",
    "intelligenza artificiale",
    "generata",
    "inteligência artificial",
    "gerada",
    "kunstmatige",
    "gegenereerd",
    "sztuczn",
    "wygenerowan",
];
/// Short machine words, matched as whole words only ("ai" is no part of "said" or "air").
const MACHINE_TOKENS: &[&str] = &["ai", "a.i.", "ia", "ki", "ии"];

/// One pass over the text for all of [`AUDIO_WORDS`].
static AUDIO_FINDER: LazyLock<Option<aho_corasick::AhoCorasick>> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(AUDIO_WORDS).ok());

/// "This audio is created with AI assistance", "Voice is AI-generated", "Ce texte est lu par
/// une voix de synthèse": a short notice about a machine-read version of the article.
pub(crate) fn is_audio_notice(normalised: &str, words: usize) -> bool {
    if words > 25 {
        return false;
    }
    // Each word is matched where a word starts ("stem", Dutch for voice, is no part of
    // "system"; "ouç" none of "louças").
    let audio = AUDIO_FINDER.as_ref().is_some_and(|finder| {
        finder
            .find_overlapping_iter(normalised)
            .any(|m| starts_word(normalised, m.start()))
    });
    if !audio {
        return false;
    }
    MACHINE_WORDS.iter().any(|w| {
        normalised
            .match_indices(w)
            .any(|(at, _)| starts_word(normalised, at))
    }) || MACHINE_TOKENS.iter().any(|w| {
        normalised
            .match_indices(w)
            .any(|(at, _)| starts_word(normalised, at) && ends_word(normalised, at + w.len()))
    })
}

/// Does a word start at byte `at` (no letter or digit just before)?
fn starts_word(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Does a word end at byte `at` (no letter or digit just after)?
fn ends_word(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

static COMMENT_COUNT: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(
        r"(?i)^\d+\s+(?:comments?|commentaires?|kommentare?|comentarios?|comentários?|commenti|reacties|komentarz[ey]?|комментари[йяев]*|коментар[іяів]*|replies|responses)$",
    )
});

static CREDITS_LINE: Pattern = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|translated|research) by\b").ok()
});

/// "(Reporting by … ; editing by …)": the agencies' credit line at the foot of a story.
pub(crate) fn is_credits_line(text: &str, words: usize) -> bool {
    let text = text.trim();
    // Cheap test first: the line opens with a bracket or a role word.
    let opens_like_credit = text.starts_with('(')
        || text.get(..3).is_some_and(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "add" | "rep" | "wri" | "edi" | "com" | "pro" | "tra" | "res"
            )
        });
    if !opens_like_credit {
        return false;
    }
    let lower = text.to_lowercase();
    // A bracketed credit, or several roles credited: "Reporting by …; editing by …".
    let roles = ["reporting by", "editing by", "writing by", "produced by"]
        .iter()
        .filter(|r| lower.contains(**r))
        .count();
    words <= 60 && matches(&CREDITS_LINE, text) && (text.starts_with('(') || roles >= 2)
}

static REVIEW_CREDIT: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(
        r"^(?i:(?:medically |clinically |expert |fact[- ]checked and )?(?:reviewed|fact[- ]checked|verified) by|(?:medizinisch |fachlich )?geprüft von|relu par|vérifié par|revisado por|verificado por|rivisto da|проверено):?\s+\p{Lu}",
    )
});

/// "Medically reviewed by Dana Whitfield, MD", "Fact-checked by …", "Geprüft von …": who
/// checked the article, header furniture like a byline (the reviewer is no author).
pub(crate) fn is_review_credit(text: &str, words: usize) -> bool {
    words <= 25 && REVIEW_CREDIT.is_match(text.trim())
}

/// A line that is only an e-mail address or a social handle (an author's contact).
///
/// A scanner for the pattern
/// `^(?:[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}|@[A-Za-z0-9_]{2,30}|(?:\p{Lu}[\p{L}'’-]+\s+){1,3}@[A-Za-z0-9_]{2,30})$`
/// over the trimmed text: as a regex, its counted letter classes took 2 ms to compile.
pub(crate) fn is_contact_line(text: &str) -> bool {
    let text = text.trim();
    is_email(text) || is_handle(text) || is_named_handle(text)
}

/// `[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}`, the whole text.
fn is_email(text: &str) -> bool {
    // The local part holds no '@', so the first '@' ends it.
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.chars().all(|c| {
            uclass::is_letter(c) || uclass::is_number(c) || matches!(c, '.' | '_' | '%' | '+' | '-')
        });
    let domain_ok = domain
        .chars()
        .all(|c| uclass::is_letter(c) || uclass::is_number(c) || matches!(c, '.' | '-'));
    // The top-level domain holds no '.': it follows the last one, after a non-empty name.
    let tld_ok = domain.rfind('.').is_some_and(|dot| {
        dot > 0
            && domain
                .get(dot + 1..)
                .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(uclass::is_letter))
    });
    local_ok && domain_ok && tld_ok
}

/// `@[A-Za-z0-9_]{2,30}`, the whole text.
fn is_handle(text: &str) -> bool {
    text.strip_prefix('@').is_some_and(|name| {
        (2..=30).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// `(?:\p{Lu}[\p{L}'’-]+\s+){1,3}` and a handle, the whole text: "Jane Doe @janedoe".
fn is_named_handle(text: &str) -> bool {
    let mut pos = 0;
    for _ in 0..3 {
        let Some((word, next)) = token_then_space(text, pos) else {
            return false;
        };
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(uclass::is_upper)
            && !chars.as_str().is_empty()
            && chars.all(|c| uclass::is_letter(c) || matches!(c, '\'' | '’' | '-'));
        if !capitalised {
            return false;
        }
        pos = next;
        if text.get(pos..).is_some_and(is_handle) {
            return true;
        }
    }
    false
}

static GALLERY: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(
        r"(?i)^(?:(?:image|photo|picture|slide|bild|foto|imagen|фото)\s+\d+\s*(?:of|/|von|de|из)\s*/?\s*\d*|\d+\s*/\s*\d+|back to gallery|enlarge image|view gallery|open gallery|this slideshow requires javascript|caption|expand|fullscreen|full screen)$",
    )
});

/// Gallery furniture: "Image 3 of 12", "1 / 23", "Back to gallery", "Enlarge image".
pub(crate) fn is_gallery_label(label_key: &str) -> bool {
    GALLERY.is_match(label_key)
}

const SOCIAL_NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "telegram",
    "whatsapp",
    "pinterest",
    "threads",
    "bluesky",
    "mastodon",
    "vk",
    "вконтакте",
    "snapchat",
];
const FOLLOW_WORDS: &[&str] = &[
    "follow",
    "subscribe to",
    "like us",
    "join us on",
    "find us on",
    "suivez",
    "abonnez-vous",
    "folgen sie",
    "folge uns",
    "síguenos",
    "siguenos",
    "sigue a",
    "segui",
    "seguici",
    "siga",
    "подписывайтесь",
    "подпишитесь",
    "читайте нас",
    "стежте",
    "підписуйтесь",
    "volg",
    "obserwuj",
];

/// "Follow us on Twitter and Instagram", "Subscribe to X on YouTube", "Síguenos en Facebook".
pub(crate) fn is_social_follow(normalised: &str, words: usize) -> bool {
    if words > 30
        || !normalised
            .split(|c: char| !c.is_alphanumeric())
            .any(|token| SOCIAL_NETWORKS.contains(&token))
    {
        return false;
    }
    FOLLOW_WORDS.iter().any(|w| {
        normalised.starts_with(w)
            || normalised
                .match_indices(w)
                .any(|(i, _)| normalised.get(..i).is_some_and(|b| b.ends_with(". ")))
    })
}

const NEWSLETTER_WORDS: &[&str] = &[
    "newsletter",
    "newsletters",
    "nieuwsbrief",
    "boletín",
    "boletim",
    "рассылка",
    "рассылку",
    "розсилка",
    "розсилку",
    "lettre d'information",
    "e-mail alerts",
    "email alerts",
    "news emails",
    "news alerts",
];

/// One pass over the text for all of [`NEWSLETTER_WORDS`].
static NEWSLETTER_FINDER: LazyLock<Option<aho_corasick::AhoCorasick>> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(NEWSLETTER_WORDS).ok());

const SIGNUP_WORDS: &[&str] = &[
    "sign up",
    "signup",
    "subscribe",
    "join",
    "get our",
    "get the",
    "opt-in",
    "opt in",
    "inscri",
    "abonne",
    "abonnier",
    "anmelden",
    "suscrib",
    "assine",
    "inscreva",
    "iscriviti",
    "подпиш",
    "підпиш",
    "aanmelden",
    "zapisz",
];

/// A short block that names a newsletter and asks the reader to sign up for it:
/// "Want more deals? Join the IGN Deals Newsletter.", "Pick Six Newsletter".
pub(crate) fn is_newsletter_call(normalised: &str, words: usize, heading_like: bool) -> bool {
    let names = NEWSLETTER_FINDER
        .as_ref()
        .is_some_and(|finder| finder.is_match(normalised));
    names
        && ((heading_like && words <= 8)
            || (words <= 30 && SIGNUP_WORDS.iter().any(|w| normalised.contains(w))))
}

static RELATED_HEADING: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    // A lead word, at most three words, a noun for stories, and maybe "from …"/"aus …".
    let lead = r"more|other|latest|top|recent|popular|related|recommended|trending|featured|d'autres|autres|nos|dernières|derniers|mehr|weitere|andere|neueste|aktuelle|más|otras|otros|últimas|últimos|другие|ещё|еще|похожие|последние|популярные|свежие";
    let noun = r"stories|articles|news|posts|reads|videos|headlines|coverage|actualités|infos|vidéos|artikel|nachrichten|beiträge|geschichten|meldungen|noticias|artículos|historias|vídeos|новости|статьи|материалы|видео";
    let prep = r"from|on|about|in|aus|zum|zur|zu|von|de|du|des|sur|en|sobre|del|из|о|по|в";
    AnchoredPattern::new(&format!(
        r"(?i)^(?:{lead})(?:\s+\S+){{0,3}}?\s+(?:{noun})(?:\s+(?:{prep})(?:\s+\S+){{1,3}})?$"
    ))
});

/// "More Great WIRED Stories", "Weitere Artikel aus Berlin", "Otras noticias": a heading
/// that introduces other stories.
pub(crate) fn is_related_heading(label_key: &str, words: usize) -> bool {
    words <= 8 && RELATED_HEADING.is_match(label_key)
}

static READING_TIME: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(
        r"(?i)^(?:(?:reading time|read time|temps de lecture|lesezeit|lesedauer|tiempo de lectura|tempo de leitura|tempo di lettura|время чтения|час читання|leestijd|czas czytania)\s*:?\s*(?:\d+|<\s*\d+|an?|one)\s*\p{L}*\.?|\d+\s*(?:min|mins|minutes?|minute|minuten|minutos|minuti|мин|минут[аы]?|хв|хвилин[аи]?)\.?\s*(?:read|reading|de lecture|lesezeit|de lectura|de leitura|di lettura|чтения|читання|leestijd|czytania))$",
    )
});

/// "5 min read", "Lesezeit: 3 Minuten", "Tempo de leitura: 1 minuto".
pub(crate) fn is_reading_time(label_key: &str) -> bool {
    READING_TIME.is_match(label_key)
}

static COMMENTS_HEADING: Pattern = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+|one|two|three|no)\s+(?:responses?|comments?|replies|thoughts|reactions|commentaires?|réactions?|kommentare?|comentarios?|comentários?|commenti|комментари\w*|коментар\w*)\s+(?:to|on|sur|à|zu|a|en|para|к|до|на)\b")
        .ok()
});

/// "34 responses to “…”", "12 thoughts on “…”", "3 commentaires sur « … »".
pub(crate) fn is_comments_heading(label_key: &str, words: usize) -> bool {
    words <= 30 && matches(&COMMENTS_HEADING, label_key)
}

static COMMENT_SIGNATURE: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(
        r"(?i)^\S+(?:\s+\S+){0,3}\s+(?:on\s+.{6,40}?\s+)?(?:says|said|wrote|writes|a dit|a écrit|schrieb|sagt|schreibt|dice|dijo|escribió|disse|escreveu|ha scritto|schreef|napisał|пишет|написал|написала|пише|написав)\s*:$",
    )
});

/// "joetoronto says:", "Gary M on September 17, 2018 at 8:50 pm said:": a comment's
/// signature line.
pub(crate) fn is_comment_signature(text: &str, words: usize) -> bool {
    let text = text.trim();
    // The pattern ends in ':' (`\s*:$`): most blocks fail here, before the pattern's costly
    // scan of their first words.
    words <= 14 && text.ends_with(':') && COMMENT_SIGNATURE.is_match(text)
}

static POST_META: Pattern = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bpermalink\b|\|\s*\d+\s+(?:comments?|responses?|replies)\s*$|^(?:posted|filed) (?:in|under)\b.{0,80}\|)")
        .ok()
});

/// "Posted in Open thread | Permalink | 10 Comments": a blog post's footer line.
pub(crate) fn is_post_meta(text: &str, words: usize) -> bool {
    words <= 25 && may_be_post_meta(text) && matches(&POST_META, text.trim())
}

/// Every match of [`POST_META`] holds "permalink" (in any case) or a '|'. None of the letters
/// of "permalin" has a case form outside ASCII, so an ASCII-lower-cased search finds them all.
fn may_be_post_meta(text: &str) -> bool {
    text.contains('|')
        || text
            .as_bytes()
            .windows(8)
            .any(|w| w.eq_ignore_ascii_case(b"permalin"))
}

const SHARE_TOKENS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "email",
    "e",
    "mail",
    "print",
    "copy",
    "link",
    "save",
    "pin",
    "pint",
    "download",
    "baixar",
    "partager",
    "teilen",
    "compartir",
    "compartilhar",
    "condividi",
    "поделиться",
    "поділитися",
    "udostępnij",
    "delen",
    "imprimir",
    "drucken",
    "imprimer",
    "stampa",
    "messenger",
    "sms",
    "more",
    "comments",
    "comment",
];

/// A line made only of social networks and share verbs: "Whatsapp Facebook Pint Baixar",
/// "Facebook Twitter Email Print".
pub(crate) fn is_share_strip(normalised: &str) -> bool {
    let mut networks = 0;
    let mut tokens = 0;
    for token in normalised
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        tokens += 1;
        if SOCIAL_NETWORKS.contains(&token) || token == "x" {
            networks += 1;
        } else if !SHARE_TOKENS.contains(&token) {
            return false;
        }
    }
    tokens >= 2 && networks >= 1
}

/// "12 comments", "3 Kommentare", "5 комментариев".
pub(crate) fn is_comment_count(label_key: &str) -> bool {
    COMMENT_COUNT.is_match(label_key)
}

static TIMESTAMP: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(
        r"(?i)^(?:updated |posted |published )?(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?|\d+\s*(?:s|m|h|d|w|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)\s+ago(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s+\d+\s+(?:photos|videos|comments))?|(?:vor|il y a|hace|há)\s+\d+\s+(?-i:\p{L}+)|\d+\s+(?:минут[ау]?|час(?:а|ов)?|дн(?:я|ей)|хвилин[иу]?|годин[иу]?)\s+назад|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|yesterday|today|just now|hier|aujourd'hui|gestern|heute|ayer|hoy|вчера|сегодня|вчора|сьогодні)$",
    )
});

static SHORTCODE: Pattern = LazyLock::new(|| {
    Regex::new(r"^\[([a-z_][a-z0-9_-]*)\b[^\]]*\].*\[/([a-z_][a-z0-9_-]*)\]$").ok()
});

/// `[button link="…"]Send us your review[/button]`: a CMS shortcode the site failed to
/// render, markup for a widget and not text.
pub(crate) fn is_unrendered_shortcode(text: &str) -> bool {
    let text = text.trim();
    text.len() < 600
        && text.starts_with('[')
        && SHORTCODE.as_ref().is_some_and(|re| {
            re.captures(text)
                .is_some_and(|c| c.get(1).map(|m| m.as_str()) == c.get(2).map(|m| m.as_str()))
        })
}

/// A bare time or relative date on its own line: "5:15 AM", "2 hours ago", "vor 3 Stunden".
pub(crate) fn is_timestamp(label_key: &str, text: &str) -> bool {
    let t = text.trim();
    // "$29.99", "€12.50": a price, whatever its digits.
    if t.starts_with(['$', '€', '£', '¥', '₹', '₽']) {
        return false;
    }
    TIMESTAMP.is_match(t) || TIMESTAMP.is_match(label_key)
}

/// The role words of a bio, matched case-insensitively at the start of a word. The rest of
/// the bio's shape is checked by [`is_bio_sentence`]'s scanner.
static BIO_ROLE: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(
        r"^(?i:reporter|journalist|journaliste|journalistin|periodista|giornalista|jornalista|dziennikarz|журналист|журналіст|корреспондент|кореспондент|writer|author|auteur|autor|autore|correspondent|correspondant|korrespondent|corresponsal|editor|éditeur|redakteur|redakteurin|redactor|redattore|редактор|columnist|contributor|chroniqueur|kolumnist|columnista|staff writer|freelance)",
    )
});

/// Verbs (and dashes) between a bio's name and its role.
const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "est",
    "ist",
    "es",
    "è",
    "é",
    "is een",
    "jest",
    "является",
    "—",
    "–",
    "-",
];

/// Articles that may stand before a bio's role.
const BIO_ARTICLES: &[&str] = &[
    "a", "an", "un", "une", "una", "ein", "eine", "um", "uma", "een",
];

/// "Jane Doe is a reporter for …", "Max Muster ist Redakteur …": the opening of an author
/// biography. Only meaningful after the article has ended.
///
/// A scanner for the pattern
/// `^(?:\p{Lu}[\p{L}.'’-]+\s+){1,3}(?:VERBS)\s+(?:ARTICLE\s+)?(?:[\p{L}'’-]+\s+){0,8}?ROLE`
/// (verbs [`BIO_VERBS`], articles [`BIO_ARTICLES`], roles [`BIO_ROLE`]): as a regex, its
/// counted letter classes took some 4 ms to compile, more than any other pattern.
pub(crate) fn is_bio_sentence(text: &str) -> bool {
    let role = &*BIO_ROLE;
    // One to three capitalised words, each a whole token followed by white space.
    let mut pos = 0;
    for _ in 0..3 {
        let Some((word, next)) = token_then_space(text, pos) else {
            return false;
        };
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(uclass::is_upper)
            && !chars.as_str().is_empty()
            && chars.all(|c| uclass::is_letter(c) || matches!(c, '.' | '\'' | '’' | '-'));
        if !capitalised {
            return false;
        }
        pos = next;
        if bio_after_name(text, pos, role) {
            return true;
        }
    }
    false
}

/// The token at `pos` (up to white space) and where the white space after it ends, when some
/// white space follows it.
fn token_then_space(text: &str, pos: usize) -> Option<(&str, usize)> {
    let rest = text.get(pos..)?;
    let token_len = uclass::token_run(rest);
    let space_len = uclass::space_run(rest.get(token_len..)?);
    (token_len > 0 && space_len > 0).then(|| {
        (
            rest.get(..token_len).unwrap_or(""),
            pos + token_len + space_len,
        )
    })
}

/// The part of a bio after the name: a verb, maybe an article, up to eight words, a role.
fn bio_after_name(text: &str, pos: usize, role: &AnchoredPattern) -> bool {
    let Some(rest) = text.get(pos..) else {
        return false;
    };
    BIO_VERBS.iter().any(|verb| {
        let Some(after) = rest.strip_prefix(verb) else {
            return false;
        };
        let space = uclass::space_run(after);
        if space == 0 {
            return false;
        }
        let pos = pos + verb.len() + space;
        // The article is optional: with it taken, one more word fits before the role.
        let with_article = token_then_space(text, pos).is_some_and(|(token, next)| {
            BIO_ARTICLES.contains(&token) && bio_role_within(text, next, role)
        });
        with_article || bio_role_within(text, pos, role)
    })
}

/// A role starts after at most eight words (letters, apostrophes, hyphens) from `pos`.
fn bio_role_within(text: &str, mut pos: usize, role: &AnchoredPattern) -> bool {
    for words in 0..=8 {
        if text.get(pos..).is_some_and(|rest| role.is_match(rest)) {
            return true;
        }
        if words == 8 {
            break;
        }
        match token_then_space(text, pos) {
            Some((word, next))
                if word
                    .chars()
                    .all(|c| uclass::is_letter(c) || matches!(c, '\'' | '’' | '-')) =>
            {
                pos = next;
            }
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests;
