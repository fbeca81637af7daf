//! Figures: numeric facts with their approximators, units and events.

use super::scan::LEX_NUMBER;
use super::{Analysis, Extractor};
use crate::gazetteer::Token;
use crate::span::Span;
use serde::Serialize;

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

/// One numeric fact. Serializes as `start`, `end` (of the whole phrase), `number_span`,
/// `value`, `min`, `max`, `approximator`, `vague` (only when true), `unit`, `event`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The whole phrase: approximator, number(s), unit and event when present.
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
    pub vague: bool,
    /// What is counted, lower case: `people`, `civilians`, `mln tonnes`, `percent`, `dlrs`.
    pub unit: Option<String>,
    /// What happened to them: `dead`, `killed`, `injured`, `arrested`.
    pub event: Option<String>,
}

// Written out rather than derived with a flattened span: a flattened struct serializes as a map
// of unknown length, which builds a `serde_json::Value` slowly.
impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Figure", 10 - usize::from(!self.vague))?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("number_span", &self.number_span)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("min", &self.min)?;
        st.serialize_field("max", &self.max)?;
        st.serialize_field("approximator", &self.approximator)?;
        if self.vague {
            st.serialize_field("vague", &self.vague)?;
        } else {
            st.skip_field("vague")?;
        }
        st.serialize_field("unit", &self.unit)?;
        st.serialize_field("event", &self.event)?;
        st.end()
    }
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
        let mut starts = Vec::new();
        for p in analysis.body_tokens().paragraphs(src, None) {
            read_paragraph(
                p.text,
                p.tokens,
                p.notable,
                p.offset,
                &mut words,
                &mut starts,
                &mut out,
            );
        }
        out
    }
}

/// Reads the figures of the paragraph `text` from its tokens `toks`. Most paragraphs of prose
/// hold no number at all; the others are read from a few words before their first number to
/// enough words after their last. `notable` lists (ascending) the indices of at least every
/// token a number may start at (see [`Token::notable`]).
fn read_paragraph(
    text: &str,
    toks: &[Token],
    notable: &[u32],
    offset: usize,
    words: &mut Vec<Word>,
    starts: &mut Vec<usize>,
    out: &mut Vec<Figure>,
) {
    let may_start = |t: &Token| {
        if t.plain() {
            t.has_digit()
                || t.lex & LEX_NUMBER != 0
                    && text.get(t.start()..t.end()).is_some_and(is_number_word)
        } else {
            true
        }
    };
    let may_start_at = |k: &&u32| toks.get(**k as usize).is_some_and(may_start);
    let Some(first) = notable.iter().find(may_start_at).map(|&k| k as usize) else {
        return;
    };
    let last = notable
        .iter()
        .rfind(may_start_at)
        .map_or(first, |&k| k as usize);
    let b = text.as_bytes();
    let from = words_back(toks, b, first, WORDS_BEFORE);
    let to = words_ahead(toks, b, last, WORDS_AFTER);
    words.clear();
    starts.clear();
    words_from_tokens(text, toks.get(from..to).unwrap_or(&[]), words, starts);
    scan(text, words, starts.iter().copied(), offset, out);
}

/// Words read before the first place a number may start (`more than`, `between`, `a`) and
/// after the last (a number with its multipliers, a range, `of`, a unit, an event within four
/// words: well under forty unless a number runs on through dozens of multipliers).
const WORDS_BEFORE: usize = 3;
const WORDS_AFTER: usize = 40;

/// Whether token `k` continues the word of token `k - 1` (see [`joins`]).
#[inline]
fn joined(toks: &[Token], b: &[u8], k: usize) -> bool {
    match (k.checked_sub(1).and_then(|j| toks.get(j)), toks.get(k)) {
        (Some(prev), Some(cur)) => cur.start() == prev.end() + 1 && joins(b, prev.end()),
        _ => false,
    }
}

/// The first token of the word `n` words before the word holding token `k` (or 0).
fn words_back(toks: &[Token], b: &[u8], k: usize, n: usize) -> usize {
    let mut k = k;
    let mut found = 0;
    while k > 0 {
        if !joined(toks, b, k) {
            if found == n {
                return k;
            }
            found += 1;
        }
        k -= 1;
    }
    0
}

/// The end of the word `n` words after the word holding token `k` (or the end).
fn words_ahead(toks: &[Token], b: &[u8], k: usize, n: usize) -> usize {
    let mut k = k + 1;
    let mut found = 0;
    while k < toks.len() {
        if !joined(toks, b, k) {
            if found == n {
                return k;
            }
            found += 1;
        }
        k += 1;
    }
    toks.len()
}

/// The words a number can start with, lower case: number words, multipliers (`a hundred`), vague
/// quantities (`dozens`, `scores`, `tens of thousands`). A word that [`number_at`] reads as a
/// number begins with a digit or with one of these, or is `a`/`an` right before one.
pub(crate) const NUMBER_WORDS: &[&str] = &[
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
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "mln",
    "billion",
    "billions",
    "bln",
    "trillion",
    "trillions",
    "scores",
    "tens",
];

/// Whether `w` (up to a hyphen) is one of [`NUMBER_WORDS`], in any case.
fn is_number_word(w: &str) -> bool {
    let b = w.as_bytes();
    let head = b
        .iter()
        .position(|&c| c == b'-')
        .map_or(b, |k| b.get(..k).unwrap_or(b));
    let mut buf = [0u8; 9];
    let Some(lower) = buf.get_mut(..head.len()) else {
        return false;
    };
    for (l, &b) in lower.iter_mut().zip(head) {
        *l = b.to_ascii_lowercase();
    }
    // The words of NUMBER_WORDS (a test checks that they agree).
    matches!(
        &*lower,
        b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
            | b"dozen"
            | b"dozens"
            | b"hundred"
            | b"hundreds"
            | b"thousand"
            | b"thousands"
            | b"million"
            | b"millions"
            | b"mln"
            | b"billion"
            | b"billions"
            | b"bln"
            | b"trillion"
            | b"trillions"
            | b"scores"
            | b"tens"
    )
}

/// The words of a paragraph as [`split_words`] splits them, built from the shared scan's tokens
/// (`toks`, offsets relative to `text`) instead of a second pass over the bytes, and the indices
/// of the words a number may start at (see [`NUMBER_WORDS`]), ascending.
///
/// The two splits differ only at a few characters: tokens that [`split_words`] joins across one
/// `,` `-` `.` or `'` are merged here, and the rare tokens holding a period, an apostrophe or a
/// non-ASCII character are split again by [`split_words`] itself.
fn words_from_tokens(text: &str, toks: &[Token], words: &mut Vec<Word>, starts: &mut Vec<usize>) {
    let b = text.as_bytes();
    words.reserve(toks.len());
    let mut pieces: Vec<Word> = Vec::new();
    for t in toks {
        if t.plain() {
            let w = Word {
                start: t.start(),
                end: t.end(),
            };
            // Most tokens are plain words after a blank: neither joined to the word before
            // nor a number.
            let number = t.has_digit() && b.get(w.start).is_some_and(u8::is_ascii_digit)
                || t.lex & LEX_NUMBER != 0 && text.get(w.start..w.end).is_some_and(is_number_word);
            if !number && w.start.checked_sub(1).and_then(|k| b.get(k)) == Some(&b' ') {
                words.push(w);
                continue;
            }
            push_word(b, w, number, words, starts);
            continue;
        }
        pieces.clear();
        split_words(text.get(t.start()..t.end()).unwrap_or(""), &mut pieces);
        for p in &pieces {
            let w = Word {
                start: p.start + t.start(),
                end: p.end + t.start(),
            };
            let number = b.get(w.start).is_some_and(u8::is_ascii_digit)
                || text.get(w.start..w.end).is_some_and(is_number_word);
            push_word(b, w, number, words, starts);
        }
    }
}

/// Appends `w` to `words`, or extends the last word with it when [`split_words`] joins them;
/// records where a number may start when `number` says `w` begins one.
#[inline]
fn push_word(b: &[u8], w: Word, number: bool, words: &mut Vec<Word>, starts: &mut Vec<usize>) {
    if let Some(last) = words.last_mut() {
        if w.start == last.end + 1 && joins(b, last.end) {
            last.end = w.end;
            return;
        }
    }
    if number {
        // `a dozen`, `a hundred`: the number starts a word earlier.
        let k = words.len();
        if let Some(prev) = k.checked_sub(1) {
            if starts.last() != Some(&prev) {
                starts.push(prev);
            }
        }
        starts.push(k);
    }
    words.push(w);
}

/// Whether [`split_words`] keeps the byte at `i` inside a word (between alphanumerics).
#[inline]
fn joins(b: &[u8], i: usize) -> bool {
    // Most words end at a space: settle that first.
    if !b
        .get(i)
        .is_some_and(|c| matches!(c, b',' | b'.' | b'-' | b'\''))
    {
        return false;
    }
    let (Some(&c), Some(&next), Some(&prev)) = (
        b.get(i),
        b.get(i + 1),
        i.checked_sub(1).and_then(|k| b.get(k)),
    ) else {
        return false;
    };
    matches!(c, b',' | b'.' | b'-' | b'\'')
        && next.is_ascii_alphanumeric()
        && (c != b',' || prev.is_ascii_digit() && next.is_ascii_digit())
        && (c != b'.' || prev.is_ascii_digit() == next.is_ascii_digit())
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
/// Short words with capitals are lowered into a buffer on the stack, longer ones allocate.
#[derive(Debug, Clone)]
enum Lower<'a> {
    Borrowed(&'a str),
    Inline { buf: [u8; 22], len: u8 },
    Owned(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // ASCII lower-casing keeps the bytes UTF-8.
            Lower::Inline { buf, len } => buf
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
            Lower::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

#[inline(always)]
fn lower(text: &str, w: Word) -> Lower<'_> {
    let s = text.get(w.start..w.end).unwrap_or("");
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return Lower::Borrowed(s);
    }
    let mut buf = [0u8; 22];
    match buf.get_mut(..s.len()) {
        Some(dst) => {
            for (d, b) in dst.iter_mut().zip(s.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            Lower::Inline {
                buf,
                len: s.len() as u8,
            }
        }
        None => Lower::Owned(s.to_ascii_lowercase()),
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
    if let Some(v) = short_decimal(w.as_bytes()) {
        return Some(v);
    }
    let clean: String = w.chars().filter(|c| *c != ',').collect();
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Digits with thousands commas and at most one decimal point, at most 15 digits in all, read
/// without allocating: the integer of all digits divided by a power of ten, both exact in an
/// `f64`, so the one rounding of the division gives what parsing the text gives. `None` for
/// anything else (left to the parser).
fn short_decimal(w: &[u8]) -> Option<f64> {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let mut mantissa: u64 = 0;
    let mut n_digits = 0usize;
    let mut fraction: Option<usize> = None;
    for &b in w {
        match b {
            b'0'..=b'9' => {
                n_digits += 1;
                if n_digits > 15 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(b - b'0');
                if let Some(f) = fraction.as_mut() {
                    *f += 1;
                }
            }
            b',' if fraction.is_none() => {}
            b'.' if fraction.is_none() => fraction = Some(0),
            _ => return None,
        }
    }
    // `12.` parses as 12 too; a trailing comma is not in a word.
    let scale = POW10.get(fraction.unwrap_or(0))?;
    Some(mantissa as f64 / scale)
}

/// Month names and abbreviations, lower case.
fn is_month(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "january"
            | "feb"
            | "february"
            | "mar"
            | "march"
            | "apr"
            | "april"
            | "may"
            | "jun"
            | "june"
            | "jul"
            | "july"
            | "aug"
            | "august"
            | "sep"
            | "sept"
            | "september"
            | "oct"
            | "october"
            | "nov"
            | "november"
            | "dec"
            | "december"
    )
}

/// Words after a number that are not what it counts.
fn is_not_unit(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "as"
            | "the"
            | "a"
            | "an"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "vs"
            | "than"
            | "that"
            | "which"
            | "who"
            | "said"
            | "says"
            | "after"
            | "before"
            | "since"
            | "per"
            | "a.m"
            | "p.m"
            | "am"
            | "pm"
            | "this"
            | "last"
            | "next"
            | "but"
            | "if"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "into"
            | "over"
            | "under"
            | "up"
            | "down"
            | "out"
            | "about"
            | "more"
            | "less"
            | "other"
            | "others"
            | "times"
            | "ago"
            | "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hours"
            | "hour"
            | "minutes"
            | "o'clock"
    )
}

/// Units of time: a number before one is a duration, left to the time extractors.
fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
    )
}

/// What can happen to the people a number counts: `dead`, `killed`, `arrested`. Every one is
/// a word of 4 to 10 letters ([`scan`] lowers no other word to ask).
fn is_event(w: &str) -> bool {
    matches!(
        w,
        "dead"
            | "killed"
            | "died"
            | "dying"
            | "injured"
            | "wounded"
            | "hurt"
            | "arrested"
            | "detained"
            | "missing"
            | "displaced"
            | "evacuated"
            | "deaths"
            | "casualties"
            | "jailed"
            | "sentenced"
            | "executed"
            | "kidnapped"
            | "abducted"
            | "rescued"
            | "fled"
            | "infected"
            | "sanctioned"
            | "fired"
            | "laid"
    )
}

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

/// Reads the figures of a paragraph `text` split into `words`, trying the words at `starts`
/// (ascending; every word a number may start at, or all of them).
fn scan(
    text: &str,
    words: &[Word],
    starts: impl Iterator<Item = usize>,
    offset: usize,
    out: &mut Vec<Figure>,
) {
    let bytes = text.as_bytes();
    let mut lowered: Vec<Lower<'_>> = Vec::with_capacity(4);
    // Words before this one belong to a figure read already.
    let mut resume = 0;
    for i in starts {
        if i < resume {
            continue;
        }
        let Some(&w) = words.get(i) else {
            break;
        };
        let first = bytes[w.start];
        // Cheap filter: digits, or words that can start a number.
        if !(first.is_ascii_digit() || may_start_number(text, words, i)) {
            continue;
        }
        let Some((value, used, is_vague)) = number_at(text, words, i) else {
            continue;
        };
        let wtext = text.get(w.start..w.end).unwrap_or("");
        let prev_lower = i
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .map(|x| lower(text, *x));
        // The word after the number, lowered once for the tests below.
        let next_lower = words.get(i + used).map(|x| lower(text, *x));
        // Dates, years, times, ordinals, clock times, money codes are not figures here.
        if first.is_ascii_digit() {
            let after = bytes.get(w.end).copied();
            let is_year = used == 1
                && wtext.len() == 4
                && (1800.0..=2100.0).contains(&value)
                && !wtext.contains([',', '.']);
            let after_month = prev_lower.as_deref().is_some_and(|p| {
                is_month(p.trim_end_matches('.'))
                    && text
                        .get(words[i - 1].end..w.start)
                        .is_some_and(|g| g.trim_matches(['.', ' ']).is_empty())
            }) || wtext.contains('.')
                && wtext
                    .split('.')
                    .next()
                    .is_some_and(|m| is_month(&m.to_ascii_lowercase()));
            let month_after = if used == 1 {
                next_lower
                    .as_deref()
                    .is_some_and(|x| is_month(x.trim_end_matches('.')))
            } else {
                words
                    .get(i + 1)
                    .is_some_and(|x| is_month(lower(text, *x).trim_end_matches('.')))
            };
            let before = w.start.checked_sub(1).and_then(|k| bytes.get(k)).copied();
            if is_year || after_month || month_after || after == Some(b':') || before == Some(b':')
            {
                continue;
            }
            if wtext.ends_with(|c: char| c.is_ascii_alphabetic()) {
                // `1st`, `24th`, `10am`
                continue;
            }
        } else {
            // `one` is often not a count: `one of`, `no one`, `one-on-one`.
            let lw = lower(text, w);
            if lw == "one" || lw.starts_with("one-") {
                let next = words.get(i + 1).map(|x| lower(text, *x));
                if prev_lower.as_deref() == Some("no")
                    || next.as_deref().is_none_or(is_not_unit)
                    || lw.starts_with("one-")
                {
                    continue;
                }
            }
            if lw == "a" || lw == "an" {
                // accepted only as `a dozen`, `a hundred`: handled by number_at
            }
        }
        let mut last = i + used - 1;
        // Durations (`two weeks`) belong to the time extractors.
        // (`last + 1` is `i + used`: `next_lower`.)
        if next_lower.as_deref().is_some_and(is_time_unit) {
            resume = last + 1;
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
        if let Some(link) = next_lower.as_deref() {
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
                    .is_some_and(|g| g == " " || g.trim().is_empty() || g.trim() == "%");
                let alpha = u.chars().all(|c| c.is_alphabetic() || c == '-');
                // `number_at` reads a word of letters as a number only when it is one of
                // these (`u` is the word it lowers first): most units are settled here.
                let may_be_number = || {
                    word_number(&u).is_some()
                        || vague(&u).is_some()
                        || matches!(u.as_ref(), "a" | "an" | "tens")
                };
                if gap_ok
                    && alpha
                    && !is_not_unit(&u)
                    && (!may_be_number() || number_at(text, words, j).is_none())
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
                if gap.bytes().any(|b| matches!(b, b'.' | b';' | b'!' | b'?')) {
                    break;
                }
                // Events are words of 4 to 10 letters: no need to lower the others.
                if !(4..=10).contains(&(words[k].end - words[k].start)) {
                    continue;
                }
                let e = lower(text, words[k]);
                if is_event(&e) {
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
        resume = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tokenize_lazy;
    use proptest::prelude::*;

    /// The reference: every word of the paragraph split afresh and tried.
    fn whole(text: &str) -> Vec<Figure> {
        let (mut words, mut out) = (Vec::new(), Vec::new());
        split_words(text, &mut words);
        scan(text, &words, 0..words.len(), 7, &mut out);
        out
    }

    /// What the extractor does: words from the shared scan's tokens around the numbers, only
    /// likely starts tried.
    fn from_tokens(text: &str) -> Vec<Figure> {
        let (mut toks, mut notable, mut words, mut starts, mut out) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        tokenize_lazy(text, &mut toks, &super::super::scan::LEXICON, &mut notable);
        read_paragraph(text, &toks, &notable, 7, &mut words, &mut starts, &mut out);
        out
    }

    fn spans(words: &[Word]) -> Vec<(usize, usize)> {
        words.iter().map(|w| (w.start, w.end)).collect()
    }

    fn token_words(text: &str) -> Vec<(usize, usize)> {
        let (mut toks, mut words, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        tokenize_lazy(
            text,
            &mut toks,
            &super::super::scan::LEXICON,
            &mut Vec::new(),
        );
        words_from_tokens(text, &toks, &mut words, &mut starts);
        spans(&words)
    }

    fn split(text: &str) -> Vec<(usize, usize)> {
        let mut words = Vec::new();
        split_words(text, &mut words);
        spans(&words)
    }

    #[test]
    fn number_words_match_their_list() {
        for w in NUMBER_WORDS {
            assert!(
                is_number_word(w) && is_number_word(&w.to_uppercase()),
                "{w}"
            );
        }
        for w in [
            "the",
            "this",
            "shares",
            "trade",
            "men",
            "tenth",
            "",
            "twentyfive",
        ] {
            assert!(!is_number_word(w), "{w}");
        }
        type Check = fn(&str) -> bool;
        let table: &[(Check, &str, bool)] = &[
            (is_month, "sept", true),
            (is_month, "march", true),
            (is_month, "marches", false),
            (is_not_unit, "than", true),
            (is_not_unit, "people", false),
            (is_time_unit, "decades", true),
            (is_time_unit, "tonnes", false),
            (is_event, "killed", true),
            (is_event, "said", false),
        ];
        for &(f, w, want) in table {
            assert_eq!(f(w), want, "{w}");
        }
    }

    /// Which words a number may count, pinned: the unit read (`""` for none) right after a
    /// number, after a range (`20 to 30`, `between 20 and 30`) and after `dozens of`, or `-`
    /// when no figure is read at all (a duration, left to the time extractors).
    #[test]
    fn words_after_a_number() {
        #[rustfmt::skip]
        let table: &[(&str, [&str; 4])] = &[
            // word          5 W         20 to 30 W   between ... W  dozens of W
            ("year",        ["-",        "",          "",            ""]),
            ("years",       ["-",        "",          "",            ""]),
            ("month",       ["-",        "",          "",            ""]),
            ("months",      ["-",        "",          "",            ""]),
            ("week",        ["-",        "",          "",            ""]),
            ("weeks",       ["-",        "",          "",            ""]),
            ("day",         ["-",        "",          "",            ""]),
            ("days",        ["-",        "",          "",            ""]),
            ("hour",        ["-",        "",          "",            ""]),
            ("hours",       ["-",        "",          "",            ""]),
            ("minute",      ["-",        "minute",    "minute",      "minute"]),
            ("minutes",     ["-",        "",          "",            ""]),
            ("Minutes",     ["-",        "",          "",            ""]),
            ("second",      ["-",        "second",    "second",      "second"]),
            ("seconds",     ["-",        "seconds",   "seconds",     "seconds"]),
            ("Seconds",     ["-",        "seconds",   "seconds",     "seconds"]),
            ("decade",      ["-",        "decade",    "decade",      "decade"]),
            ("decades",     ["-",        "decades",   "decades",     "decades"]),
            ("century",     ["-",        "century",   "century",     "century"]),
            ("centuries",   ["-",        "centuries", "centuries",   "centuries"]),
            ("o'clock",     ["",         "",          "",            ""]),
            ("times",       ["",         "",          "",            ""]),
            ("ago",         ["",         "",          "",            ""]),
            ("than",        ["",         "",          "",            ""]),
            ("of",          ["",         "",          "",            ""]),
            ("per",         ["",         "",          "",            ""]),
            ("others",      ["",         "",          "",            ""]),
            ("more",        ["",         "",          "",            ""]),
            ("people",      ["people",   "people",    "people",      "people"]),
            ("tonnes",      ["tonnes",   "tonnes",    "tonnes",      "tonnes"]),
            ("dlrs",        ["dlrs",     "dlrs",      "dlrs",        "dlrs"]),
            ("killed",      ["killed",   "killed",    "killed",      "killed"]),
            ("pct",         ["percent",  "percent",   "percent",     "percent"]),
            ("percent",     ["percent",  "percent",   "percent",     "percent"]),
        ];
        let forms = [
            "Officials counted 5 {} there.",
            "Officials counted 20 to 30 {} there.",
            "Officials counted between 20 and 30 {} there.",
            "Officials counted dozens of {} there.",
        ];
        for &(word, want) in table {
            for (form, want) in forms.iter().zip(want) {
                let text = form.replace("{}", word);
                let found = whole(&text);
                let got = match found.as_slice() {
                    [] => "-".to_string(),
                    [f] => f.unit.clone().unwrap_or_default(),
                    _ => panic!("{text:?}: {found:?}"),
                };
                assert_eq!(got, want, "{text:?}");
                assert_eq!(from_tokens(&text), found, "{text:?}");
            }
        }
    }

    #[test]
    fn events_are_words_of_four_to_ten_letters() {
        let events = [
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
        for w in events {
            assert!(is_event(w) && (4..=10).contains(&w.len()), "{w}");
        }
        // Every word of 3 or 11 letters made of the events' letters is none.
        for w in ["die", "led", "abductedxxx", "casualtiess"] {
            assert!(!is_event(w), "{w}");
        }
    }

    #[test]
    fn token_words_are_the_split_words() {
        let cases = [
            "1,200 people; 1.2 mln; twenty-five; U.S.-China; Myanmar's; d'Ivoire; No.5; Feb.26",
            "rock’n’roll, Zürich’s 3,000-strong crowd, l'État, x.9, 9.x, a,b 1,b -5 5- ''",
            "",
            "   ",
        ];
        for text in cases {
            assert_eq!(token_words(text), split(text), "{text:?}");
        }
    }

    #[test]
    fn likely_starts_read_what_every_word_reads() {
        let cases = [
            "Protests have left more than 750 people dead, and over 270 civilians were killed.",
            "It fined 10 people and three companies; between 20 and 30 boats sank near a dozen ports.",
            "Dozens of protesters and tens of thousands of others -- hundreds, maybe -- fled.",
            "no one came on March 3, 1987 at 10:30; one-on-one talks; 1.2 mln tonnes, up 5% or 5 per cent",
            "",
            "  a  hundred ",
            "Twenty-five TONS, An Estimated THREE HUNDRED people",
        ];
        for text in cases {
            assert_eq!(from_tokens(text), whole(text), "{text:?}");
        }
        // Numbers far apart, and far from the ends of the paragraph.
        let filler = "the talks went on and officials said little about it, ".repeat(12);
        let text = format!(
            "{filler}more than 750 people dead {filler} between 20 and 30 boats {filler}a \
             dozen ships-and-boats {filler}"
        );
        let found = from_tokens(&text);
        assert_eq!(found.len(), 3);
        assert_eq!(found, whole(&text));
    }

    proptest! {
        /// Numbers read without allocating are the numbers the parser reads.
        #[test]
        fn short_decimals_parse_as_the_parser_does(s in "[0-9][0-9,.]{0,20}") {
            if let Some(v) = short_decimal(s.as_bytes()) {
                let clean: String = s.chars().filter(|c| *c != ',').collect();
                prop_assert_eq!(Some(v), clean.parse::<f64>().ok());
            }
        }

        /// Words built from the shared tokens are the words split from the bytes.
        #[test]
        fn token_words_match_split_words(s in "[a-zA-Z0-9.,'’ é-]{0,60}") {
            prop_assert_eq!(token_words(&s), split(&s));
        }

        /// Reading figures only at the words a number may start at finds exactly what trying
        /// every word of the paragraph finds, however the words are spaced.
        #[test]
        fn likely_starts_match_every_word(
            parts in prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "more", "than", "a", "an", "dozen", "dozens", "of", "tens", "thousands",
                        "hundred", "million", "1,200", "750", "20-30", "to", "and", "between",
                        "people", "dead", "killed", "one", "no", "Twenty-five", "March", "3",
                        "1987", "10:30", "$5", "5%", "per", "cent", "--", "the", "said", "over",
                        "weeks", "Ünïcode", "up", "at", "least", "é9", ".", ";", "No.5", "A",
                        "HUNDRED", "one's", "x’9",
                    ]),
                    prop::sample::select(vec![" ", "  ", "\n", ", ", "-", ". ", "\t", "", "'"]),
                ),
                0..80,
            )
        ) {
            let text: String = parts.iter().flat_map(|(w, s)| [*w, *s]).collect();
            prop_assert_eq!(from_tokens(&text), whole(&text));
        }
    }
}
