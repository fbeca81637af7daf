//! Figures: numeric facts with their approximators, units and events.

use super::{Analysis, Extractor};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Finds numeric facts: `more than 750 people dead`, `over 270 civilians have been killed`,
/// `10 people and three companies`, `1.2 mln tonnes`, `between 20 and 30 soldiers`, `dozens of
/// protesters`. Numbers are read in digits and in words; dates, years and times are left to
/// the time extractors.
///
/// ```
/// use newswire::extract::{Analysis, Approximator, Extractor, Figures};
///
/// let src = "Protests have left more than 750 people dead. Sanctions hit 10 people and three companies.";
/// let article = newswire::parse(src)?;
/// let figures = Figures::default().extract(&Analysis::new(&article));
/// assert_eq!(figures.len(), 3);
///
/// let dead = &figures[0];
/// assert_eq!(&src[dead.span], "more than 750 people dead");
/// assert_eq!((dead.value, dead.min, dead.max), (750.0, Some(750.0), None));
/// assert_eq!(dead.approximator, Some(Approximator::MoreThan));
/// assert_eq!(dead.unit.as_deref(), Some("people"));
/// assert_eq!(dead.event.as_deref(), Some("dead"));
///
/// assert_eq!(figures[2].value, 3.0);
/// assert_eq!(figures[2].unit.as_deref(), Some("companies"));
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Figures {
    _private: (),
}

/// Words that qualify a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Approximator {
    /// `more than`, `over`, `upwards of`: a lower bound.
    MoreThan,
    /// `at least`, `no fewer than`: a lower bound.
    AtLeast,
    /// `fewer than`, `less than`, `under`: an upper bound.
    LessThan,
    /// `up to`, `at most`, `as many as`: an upper bound.
    UpTo,
    /// `about`, `around`, `some`, `roughly`, `approximately`, `an estimated`.
    About,
    /// `nearly`, `almost`, `close to`: a little under.
    Nearly,
}

/// One numeric fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The whole phrase: approximator, number(s), unit and event when present.
    #[serde(flatten)]
    pub span: Span,
    /// The number as written (`more than 750`: `750`; `between 20 and 30`: `20 and 30`).
    pub number_span: Span,
    /// The number (the lower end of a range; the least a vague quantity means: `dozens` 24).
    pub value: f64,
    /// The least the figure can be, when it says so (`more than 750`: 750; `20 to 30`: 20).
    pub min: Option<f64>,
    /// The most the figure can be, when it says so (`up to 50`: 50; `20 to 30`: 30).
    pub max: Option<f64>,
    /// The qualifying words, if any.
    pub approximator: Option<Approximator>,
    /// A vague quantity: `dozens`, `hundreds`, `scores`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
    /// What is counted, lower case: `people`, `civilians`, `mln tonnes`, `percent`, `dlrs`.
    pub unit: Option<String>,
    /// What happened to them: `dead`, `killed`, `injured`, `arrested`.
    pub event: Option<String>,
}

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

impl Extractor for Figures {
    type Output = Vec<Figure>;

    fn extract(&self, analysis: &Analysis<'_>) -> Vec<Figure> {
        let src = analysis.source();
        let mut out = Vec::new();
        let mut words = Vec::new();
        for p in analysis.article().body() {
            let Some(text) = p.span.get(src) else {
                continue;
            };
            match number_finder() {
                Some(finder) => scan_near_numbers(finder, text, p.span.start, &mut words, &mut out),
                None => scan_window(text, 0, text.len(), p.span.start, &mut words, &mut out),
            }
        }
        out
    }
}

/// Everything a number can start with: a digit, a number word, a multiplier (`a hundred`), a
/// vague quantity (`dozens`, `scores`, `tens of thousands`). Found anywhere, case-insensitive:
/// a superset of the words [`number_at`] accepts, so only the text around them needs words.
const NUMBER_STARTS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "mln",
    "billion",
    "bln",
    "trillion",
    "scores",
];

/// Whitespace-separated chunks holding a word to take before a number (`more than a dozen`
/// needs three) and after it (range, unit, `of`, and the event within four words need fewer
/// than ten).
const WORDS_BEFORE: usize = 4;
const WORDS_AFTER: usize = 16;

fn number_finder() -> Option<&'static AhoCorasick> {
    static FINDER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    FINDER
        .get_or_init(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(NUMBER_STARTS)
                .ok()
        })
        .as_ref()
}

/// Whether a whitespace-separated chunk holds an ASCII letter or digit, hence a word.
fn has_word(chunk: &[u8]) -> bool {
    chunk.iter().any(u8::is_ascii_alphanumeric)
}

/// The start of the chunk holding byte `at`, moved back over `n` more chunks with words.
/// Either 0 or just after ASCII whitespace, so words split from there are the paragraph's.
fn back_over(b: &[u8], at: usize, n: usize) -> usize {
    let mut i = at.min(b.len());
    while i > 0 && !b[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    let mut left = n;
    while left > 0 && i > 0 {
        while i > 0 && b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        let end = i;
        while i > 0 && !b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        if has_word(&b[i..end]) {
            left -= 1;
        }
    }
    i
}

/// The end of the chunk holding byte `at`, moved on over `n` more chunks with words. Either
/// the end or at ASCII whitespace.
fn on_over(b: &[u8], at: usize, n: usize) -> usize {
    let mut i = at.min(b.len());
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    let mut left = n;
    while left > 0 && i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        if has_word(&b[start..i]) {
            left -= 1;
        }
    }
    i
}

/// Splits words and reads figures only in windows around the places a number may start;
/// overlapping windows are merged so that a figure is read once, as over the whole paragraph.
fn scan_near_numbers(
    finder: &AhoCorasick,
    text: &str,
    offset: usize,
    words: &mut Vec<Word>,
    out: &mut Vec<Figure>,
) {
    let b = text.as_bytes();
    let mut window: Option<(usize, usize)> = None;
    // Hits in the chunk that set the window's end extend it no further.
    let mut chunk_end = 0;
    for m in finder.find_iter(text) {
        let at = m.start();
        if at < chunk_end {
            continue;
        }
        chunk_end = on_over(b, at, 0);
        let end = on_over(b, at, WORDS_AFTER);
        window = match window {
            Some((s, e)) if at < e => Some((s, e.max(end))),
            Some((s, e)) => {
                let start = back_over(b, at, WORDS_BEFORE);
                if start < e {
                    Some((s, e.max(end)))
                } else {
                    scan_window(text, s, e, offset, words, out);
                    Some((start, end))
                }
            }
            None => Some((back_over(b, at, WORDS_BEFORE), end)),
        };
    }
    if let Some((s, e)) = window {
        scan_window(text, s, e, offset, words, out);
    }
}

/// Splits `text[start..end]` (bounded by whitespace) into words and reads its figures.
fn scan_window(
    text: &str,
    start: usize,
    end: usize,
    offset: usize,
    words: &mut Vec<Word>,
    out: &mut Vec<Figure>,
) {
    let Some(part) = text.get(start..end) else {
        return;
    };
    words.clear();
    split_words(part, words);
    scan(part, words, offset + start, out);
}

fn split_words(text: &str, out: &mut Vec<Word>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        let alnum = c.is_ascii_alphanumeric()
            || c >= 0x80 && text.is_char_boundary(i) && {
                crate::gazetteer::char_at(text, i).is_alphanumeric()
            };
        if !alnum {
            i += 1;
            continue;
        }
        let start = i;
        while i < n {
            let c = b[i];
            if c.is_ascii_alphanumeric() {
                i += 1;
            } else if c >= 0x80 {
                let ch = crate::gazetteer::char_at(text, i);
                if ch.is_alphanumeric() {
                    i += ch.len_utf8();
                } else {
                    break;
                }
            } else if matches!(c, b',' | b'.' | b'-' | b'\'')
                && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                && (c != b',' || b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
                && (c != b'.' || b[i - 1].is_ascii_digit() == b[i + 1].is_ascii_digit())
            {
                i += 1;
            } else {
                break;
            }
        }
        out.push(Word { start, end: i });
    }
}

/// A word in ASCII lower case: borrowed from the text unless it has capitals.
type Lower<'a> = Cow<'a, str>;

fn lower(text: &str, w: Word) -> Lower<'_> {
    let s = text.get(w.start..w.end).unwrap_or("");
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// A number word, hyphenated tens included (`twenty-five`).
fn word_number(w: &str) -> Option<f64> {
    if let Some(v) = small_number(w) {
        return Some(v);
    }
    if !w.as_bytes().contains(&b'-') {
        return None;
    }
    let (tens, units) = w.split_once('-')?;
    let t = small_number(tens)?;
    let u = small_number(units)?;
    (t >= 20.0 && t % 10.0 == 0.0 && u < 10.0).then_some(t + u)
}

fn multiplier(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" | "millions" => 1e6,
        "billion" | "bln" | "billions" => 1e9,
        "trillion" | "trillions" => 1e12,
        _ => return None,
    })
}

/// Vague plurals: the least they mean.
fn vague(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2000.0,
        "millions" => 2e6,
        "billions" => 2e9,
        _ => return None,
    })
}

fn digits(w: &str) -> Option<f64> {
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let clean: String = w.chars().filter(|c| *c != ',').collect();
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Words after a number that are not what it counts.
const NOT_UNITS: &[&str] = &[
    "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "the", "a", "an",
    "is", "are", "was", "were", "be", "been", "have", "has", "had", "will", "would", "vs", "than",
    "that", "which", "who", "said", "says", "after", "before", "since", "per", "a.m", "p.m", "am",
    "pm", "this", "last", "next", "but", "if", "it", "its", "their", "his", "her", "into", "over",
    "under", "up", "down", "out", "about", "more", "less", "other", "others", "times", "ago",
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hours", "hour", "minutes",
    "o'clock",
];

const TIME_UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
];

const EVENTS: &[&str] = &[
    "dead",
    "killed",
    "died",
    "dying",
    "injured",
    "wounded",
    "hurt",
    "arrested",
    "detained",
    "missing",
    "displaced",
    "evacuated",
    "deaths",
    "casualties",
    "jailed",
    "sentenced",
    "executed",
    "kidnapped",
    "abducted",
    "rescued",
    "fled",
    "infected",
    "sanctioned",
    "fired",
    "laid",
];

fn approximator(before: &[Lower<'_>]) -> Option<(Approximator, usize)> {
    let n = before.len();
    let last = |k: usize| -> &str {
        n.checked_sub(k)
            .and_then(|i| before.get(i))
            .map_or("", |c| c.as_ref())
    };
    let two = (last(2), last(1));
    let a = match two {
        ("more", "than") | ("upwards", "of") => Some((Approximator::MoreThan, 2)),
        ("at", "least") | ("no", "fewer") | ("no", "less") => Some((Approximator::AtLeast, 2)),
        ("fewer", "than") | ("less", "than") => Some((Approximator::LessThan, 2)),
        ("up", "to") | ("at", "most") | ("as", "many") => Some((Approximator::UpTo, 2)),
        ("close", "to") => Some((Approximator::Nearly, 2)),
        ("an", "estimated") => Some((Approximator::About, 2)),
        _ => None,
    };
    if a.is_some() {
        return a;
    }
    match last(1) {
        "over" => Some((Approximator::MoreThan, 1)),
        "under" => Some((Approximator::LessThan, 1)),
        "about" | "around" | "some" | "roughly" | "approximately" | "estimated" | "approx" => {
            Some((Approximator::About, 1))
        }
        "nearly" | "almost" => Some((Approximator::Nearly, 1)),
        _ => None,
    }
}

/// A number at word `i`: (value, words used, vague).
fn number_at(text: &str, words: &[Word], i: usize) -> Option<(f64, usize, bool)> {
    let w = lower(text, *words.get(i)?);
    let (mut value, mut used, is_vague) = if let Some(v) = digits(&w) {
        (v, 1, false)
    } else if let Some(v) = word_number(&w) {
        (v, 1, false)
    } else if w == "a" || w == "an" {
        // `a dozen`, `a hundred`, `a million`
        let next = lower(text, *words.get(i + 1)?);
        if next == "dozen" {
            (12.0, 2, false)
        } else {
            let m = multiplier(&next).filter(|m| *m >= 100.0)?;
            (m, 2, false)
        }
    } else if let Some(v) = vague(&w) {
        // `tens of thousands`, `hundreds of millions` are read by the caller as vague plurals.
        return Some((v, 1, true));
    } else if w == "tens" {
        let of = words.get(i + 1).map(|x| lower(text, *x));
        let next = words.get(i + 2).map(|x| lower(text, *x));
        match (of.as_deref(), next.as_deref().and_then(vague)) {
            (Some("of"), Some(v)) => return Some((v * 10.0, 3, true)),
            _ => return None,
        }
    } else {
        return None;
    };
    // Multipliers: `1.2 mln`, `three hundred`, `two hundred thousand`.
    while let Some(m) = words
        .get(i + used)
        .and_then(|x| multiplier(&lower(text, *x)))
        .filter(|_| !is_vague)
    {
        // Only words directly after (no punctuation between).
        let prev = words[i + used - 1];
        let next = words[i + used];
        if text
            .get(prev.end..next.start)
            .is_none_or(|g| g.trim() != "")
        {
            break;
        }
        value *= m;
        used += 1;
    }
    Some((value, used, is_vague))
}

/// Whether word `i` may be a number word, by its first two letters and length (`one`,
/// `twenty-five`, `hundreds`, `a dozen`), without lower-casing it.
fn may_start_number(text: &str, words: &[Word], i: usize) -> bool {
    let bytes = text.as_bytes();
    let w = words[i];
    let len = w.end - w.start;
    let b0 = bytes[w.start].to_ascii_lowercase();
    let b1 = bytes.get(w.start + 1).map_or(b' ', u8::to_ascii_lowercase);
    match (b0, b1) {
        (b'a', b' ' | b'n') if len <= 2 => words.get(i + 1).is_some_and(|n| {
            matches!(
                bytes[n.start].to_ascii_lowercase(),
                b'd' | b'h' | b't' | b'm' | b'b'
            )
        }),
        (b'o', b'n') => len == 3,
        (b't', b'w') => len == 3 || len >= 6,
        (b't', b'h') => len == 5 || len >= 6,
        (b't', b'e') => len == 3 || len == 4,
        (b't', b'r') => len >= 8,
        (b'f', b'o' | b'i') | (b's', b'i' | b'e') | (b'e', b'i' | b'l') | (b'n', b'i') => len >= 3,
        (b'd', b'o') | (b'h', b'u') | (b'm', b'i') | (b'b', b'i') | (b's', b'c') => len >= 5,
        _ => false,
    }
}

fn scan(text: &str, words: &[Word], offset: usize, out: &mut Vec<Figure>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut lowered: Vec<Lower<'_>> = Vec::with_capacity(4);
    while i < words.len() {
        let w = words[i];
        let first = bytes[w.start];
        // Cheap filter: digits, or words that can start a number.
        if !(first.is_ascii_digit() || may_start_number(text, words, i)) {
            i += 1;
            continue;
        }
        let Some((value, used, is_vague)) = number_at(text, words, i) else {
            i += 1;
            continue;
        };
        let wtext = text.get(w.start..w.end).unwrap_or("");
        let prev_lower = i
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .map(|x| lower(text, *x));
        // Dates, years, times, ordinals, clock times, money codes are not figures here.
        if first.is_ascii_digit() {
            let after = bytes.get(w.end).copied();
            let is_year = used == 1
                && wtext.len() == 4
                && (1800.0..=2100.0).contains(&value)
                && !wtext.contains([',', '.']);
            let after_month = prev_lower.as_deref().is_some_and(|p| {
                MONTHS.contains(&p.trim_end_matches('.'))
                    && text
                        .get(words[i - 1].end..w.start)
                        .is_some_and(|g| g.trim_matches(['.', ' ']).is_empty())
            }) || wtext.contains('.')
                && wtext
                    .split('.')
                    .next()
                    .is_some_and(|m| MONTHS.contains(&m.to_ascii_lowercase().as_str()));
            let month_after = words
                .get(i + 1)
                .is_some_and(|x| MONTHS.contains(&lower(text, *x).trim_end_matches('.')));
            let before = w.start.checked_sub(1).and_then(|k| bytes.get(k)).copied();
            if is_year || after_month || month_after || after == Some(b':') || before == Some(b':')
            {
                i += 1;
                continue;
            }
            if wtext.ends_with(|c: char| c.is_ascii_alphabetic()) {
                // `1st`, `24th`, `10am`
                i += 1;
                continue;
            }
        } else {
            // `one` is often not a count: `one of`, `no one`, `one-on-one`.
            let lw = lower(text, w);
            if lw == "one" || lw.starts_with("one-") {
                let next = words.get(i + 1).map(|x| lower(text, *x));
                if prev_lower.as_deref() == Some("no")
                    || next.as_deref().is_none_or(|n| NOT_UNITS.contains(&n))
                    || lw.starts_with("one-")
                {
                    i += 1;
                    continue;
                }
            }
            if lw == "a" || lw == "an" {
                // accepted only as `a dozen`, `a hundred`: handled by number_at
            }
        }
        let mut last = i + used - 1;
        // Durations (`two weeks`) belong to the time extractors.
        if words
            .get(last + 1)
            .is_some_and(|x| TIME_UNITS.contains(&lower(text, *x).as_ref()))
        {
            i = last + 1;
            continue;
        }
        let number_start = w.start;
        let mut number_end = words[last].end;
        let (mut min, mut max) = (None, None);
        // Approximator before.
        lowered.clear();
        for x in words.get(i.saturating_sub(2)..i).unwrap_or(&[]) {
            lowered.push(lower(text, *x));
        }
        let approx = approximator(&lowered);
        let mut start = number_start;
        if let Some((_, n)) = approx {
            if let Some(k) = i.checked_sub(n) {
                start = words[k].start;
            }
        }
        // `$5`, `5%`
        if start == number_start && number_start > 0 && bytes[number_start - 1] == b'$' {
            start = number_start - 1;
        }
        let mut unit: Option<String> = None;
        let mut unit_end = None;
        if bytes.get(number_end) == Some(&b'%') {
            unit = Some("percent".to_string());
            number_end += 1;
            unit_end = Some(number_end);
        } else if start == number_start.saturating_sub(1) && bytes.get(start) == Some(&b'$') {
            unit = Some("dollars".to_string());
        }
        // Ranges: `20 to 30`, `20-30`, `between 20 and 30`.
        let between = prev_lower.as_deref() == Some("between");
        if between {
            start = words[i - 1].start;
        }
        if let Some(link) = words.get(last + 1).map(|x| lower(text, *x)) {
            let is_link = link == "to" || between && link == "and";
            if is_link {
                if let Some((hi, used2, false)) = number_at(text, words, last + 2) {
                    if hi > value {
                        min = Some(value);
                        max = Some(hi);
                        last += 1 + used2;
                        number_end = words[last].end;
                    }
                }
            }
        }
        if min.is_none() && wtext.contains('-') && first.is_ascii_digit() {
            // `20-30` came as one word only if both sides are digits: split it.
            if let Some((a, b)) = wtext.split_once('-') {
                if let (Some(lo), Some(hi)) = (digits(a), digits(b)) {
                    if hi > lo {
                        min = Some(lo);
                        max = Some(hi);
                    }
                }
            }
        }
        let value = min.unwrap_or(value);
        match approx.map(|(a, _)| a) {
            Some(Approximator::MoreThan | Approximator::AtLeast) => min = Some(value),
            Some(Approximator::LessThan | Approximator::UpTo | Approximator::Nearly) => {
                max = Some(value);
            }
            _ => {}
        }
        if is_vague {
            min = Some(value);
        }
        // Unit: `people`, `mln tonnes` (the multiplier is part of the number), `of protesters`.
        let mut j = last + 1;
        if unit.is_none() {
            if is_vague && words.get(j).is_some_and(|x| lower(text, *x) == "of") {
                j += 1;
            }
            if let Some(uw) = words.get(j) {
                let u = lower(text, *uw);
                let gap_ok = text
                    .get(words[j - 1].end..uw.start)
                    .is_some_and(|g| g.trim().is_empty() || g.trim() == "%");
                let alpha = u.chars().all(|c| c.is_alphabetic() || c == '-');
                if gap_ok
                    && alpha
                    && !NOT_UNITS.contains(&u.as_ref())
                    && number_at(text, words, j).is_none()
                {
                    let u = match u.as_ref() {
                        "pct" | "percent" => "percent".to_string(),
                        _ => u.to_string(),
                    };
                    unit = Some(u);
                    unit_end = Some(uw.end);
                    j += 1;
                } else if u == "per" && words.get(j + 1).is_some_and(|x| lower(text, *x) == "cent")
                {
                    unit = Some("percent".to_string());
                    unit_end = words.get(j + 1).map(|x| x.end);
                    j += 2;
                }
            }
        }
        // Event: within the next four words of the same sentence.
        let mut event = None;
        let mut end = unit_end.unwrap_or(number_end);
        if unit.is_some() {
            for k in j..(j + 4).min(words.len()) {
                let gap = text.get(words[k - 1].end..words[k].start).unwrap_or(".");
                if gap.contains(['.', ';', '!', '?']) {
                    break;
                }
                let e = lower(text, words[k]);
                if EVENTS.contains(&e.as_ref()) {
                    event = Some(e.to_string());
                    end = words[k].end;
                    break;
                }
            }
        }
        out.push(Figure {
            span: Span::new(start + offset, end + offset),
            number_span: Span::new(number_start + offset, number_end + offset),
            value,
            min,
            max,
            approximator: approx.map(|(a, _)| a),
            vague: is_vague,
            unit,
            event,
        });
        i = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn whole(text: &str) -> Vec<Figure> {
        let (mut words, mut out) = (Vec::new(), Vec::new());
        scan_window(text, 0, text.len(), 7, &mut words, &mut out);
        out
    }

    fn windowed(text: &str) -> Vec<Figure> {
        let (mut words, mut out) = (Vec::new(), Vec::new());
        let finder = number_finder().expect("the number patterns build");
        scan_near_numbers(finder, text, 7, &mut words, &mut out);
        out
    }

    #[test]
    fn windows_read_what_the_whole_paragraph_reads() {
        let cases = [
            "Protests have left more than 750 people dead, and over 270 civilians were killed.",
            "It fined 10 people and three companies; between 20 and 30 boats sank near a dozen ports.",
            "Dozens of protesters and tens of thousands of others -- hundreds, maybe -- fled.",
            "no one came on March 3, 1987 at 10:30; one-on-one talks; 1.2 mln tonnes, up 5% or 5 per cent",
            "",
            "  a  hundred ",
        ];
        for text in cases {
            assert_eq!(windowed(text), whole(text), "{text:?}");
        }
    }

    proptest! {
        /// Reading figures only around the places a number may start finds exactly what
        /// reading every word of the paragraph finds, however the words are spaced.
        #[test]
        fn windows_match_the_whole_paragraph(
            parts in prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "more", "than", "a", "an", "dozen", "dozens", "of", "tens", "thousands",
                        "hundred", "million", "1,200", "750", "20-30", "to", "and", "between",
                        "people", "dead", "killed", "one", "no", "Twenty-five", "March", "3",
                        "1987", "10:30", "$5", "5%", "per", "cent", "--", "the", "said", "over",
                        "weeks", "Ünïcode", "up", "at", "least", "é9", ".", ";",
                    ]),
                    prop::sample::select(vec![" ", "  ", "\n", ", ", "-", ". ", "\t"]),
                ),
                0..80,
            )
        ) {
            let text: String = parts.iter().flat_map(|(w, s)| [*w, *s]).collect();
            prop_assert_eq!(windowed(&text), whole(&text));
        }
    }
}
