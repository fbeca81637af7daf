//! Words around a quotation and the small lexicons attribution needs.

use crate::span::Span;
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

/// The words of an article's paragraphs, each paragraph tokenized once, on first use, so that
/// looking at the words around many quotations costs one pass over the text.
pub(super) struct Tokens<'a> {
    src: &'a str,
    paragraphs: Vec<Span>,
    words: Vec<OnceCell<Vec<Word<'a>>>>,
    /// The paragraph of the last window asked for.
    last: Cell<usize>,
}

/// The partition point of `pred` in `items` (true then false), found by galloping from the
/// start: a window of a few words in a long paragraph costs the log of its own length.
fn gallop<T>(items: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let (mut lo, mut step) = (0usize, 1usize);
    while let Some(x) = lo.checked_add(step).and_then(|e| items.get(e - 1)) {
        if !pred(x) {
            break;
        }
        lo += step;
        step = step.saturating_mul(2);
    }
    let hi = lo.saturating_add(step).min(items.len());
    lo + items.get(lo..hi).map_or(0, |s| s.partition_point(&pred))
}

impl<'a> Tokens<'a> {
    /// Tokens for the paragraphs (sorted, non-overlapping spans) of `src`.
    pub fn new(src: &'a str, paragraphs: Vec<Span>) -> Self {
        let words = paragraphs.iter().map(|_| OnceCell::new()).collect();
        Tokens {
            src,
            paragraphs,
            words,
            last: Cell::new(0),
        }
    }

    /// The words that lie inside `window`: a slice of its paragraph's words, or, for a window
    /// that is not inside one paragraph, the words of the window itself.
    pub fn get(&self, window: Span) -> Cow<'_, [Word<'a>]> {
        match self.paragraph_words(window) {
            Some(ws) => {
                let a = ws.partition_point(|w| w.span.start < window.start);
                let rest = ws.get(a..).unwrap_or(&[]);
                let b = a + gallop(rest, |w| w.span.end <= window.end);
                Cow::Borrowed(ws.get(a..b).unwrap_or(&[]))
            }
            None => Cow::Owned(words(self.src, window)),
        }
    }

    /// The last of the words [`get`](Tokens::get) gives for `window`, with one search.
    pub fn last_in(&self, window: Span) -> Option<Word<'a>> {
        match self.paragraph_words(window) {
            Some(ws) => {
                let b = ws.partition_point(|w| w.span.end <= window.end);
                let w = *ws.get(b.checked_sub(1)?)?;
                (w.span.start >= window.start).then_some(w)
            }
            None => self.get(window).last().copied(),
        }
    }

    /// The first of the words [`get`](Tokens::get) gives for `window`, with one search.
    pub fn first_in(&self, window: Span) -> Option<Word<'a>> {
        match self.paragraph_words(window) {
            Some(ws) => {
                let a = ws.partition_point(|w| w.span.start < window.start);
                let w = *ws.get(a)?;
                (w.span.end <= window.end).then_some(w)
            }
            None => self.get(window).first().copied(),
        }
    }

    /// All the words of the paragraph holding `window`, if one does.
    fn paragraph_words(&self, window: Span) -> Option<&[Word<'a>]> {
        // Windows come in runs inside one paragraph: try the last one first.
        let last = self.last.get();
        let i = if self
            .paragraphs
            .get(last)
            .is_some_and(|p| p.contains(window))
        {
            last
        } else {
            self.paragraphs
                .partition_point(|p| p.start <= window.start)
                .checked_sub(1)?
        };
        let (&p, cell) = (self.paragraphs.get(i)?, self.words.get(i)?);
        if !p.contains(window) {
            return None;
        }
        self.last.set(i);
        Some(cell.get_or_init(|| words(self.src, p)))
    }
}

/// A word of the text with the punctuation glued to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word<'a> {
    /// The word without leading and trailing punctuation (an abbreviation keeps its inner dots:
    /// `U.S`, `Mr`).
    pub text: &'a str,
    /// Byte span of [`text`](Word::text) in the source.
    pub span: Span,
    /// The punctuation right after the word (`,` in `Flynn,`), or `""`.
    pub after: &'a str,
    /// The punctuation right before the word (`(` in `(AP`), or `""`.
    pub before: &'a str,
}

impl Word<'_> {
    /// Whether the word starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether a comma (or semicolon, colon, dash) follows the word.
    pub fn ends_clause(&self) -> bool {
        self.after
            .chars()
            .any(|c| matches!(c, ',' | ';' | ':' | '—' | '–'))
    }

    /// Whether a sentence could end after this word: a period (that is not an abbreviation's),
    /// `!` or `?`.
    pub fn ends_sentence(&self) -> bool {
        if self.after.contains([')', ',']) {
            return false; // `(D-Mo.)`, `R-Ky.,`
        }
        if self.after.contains(['!', '?']) {
            return true;
        }
        self.after.starts_with('.') && !is_abbreviation(self.text)
    }
}

/// The words of `src[range]`.
pub(super) fn words(src: &str, range: Span) -> Vec<Word<'_>> {
    let Some(text) = src.get(range.range()) else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    // News prose averages a word every six bytes; a little more room avoids growing.
    let mut out = Vec::with_capacity(bytes.len() / 4 + 2);
    let mut i = 0;
    while i < bytes.len() {
        let (class, len) = class_at(text, i);
        if class == Class::Separator {
            i += len;
            continue;
        }
        let start = i;
        // The chunk runs to the next separator; note its first and last alphanumeric.
        let mut first = usize::MAX;
        let mut last = start;
        while let Some(&b) = bytes.get(i) {
            // Runs of ASCII letters and digits, the bulk of the text, in a tight loop.
            if ASCII_ALNUM[usize::from(b)] {
                if first == usize::MAX {
                    first = i;
                }
                i += 1;
                while bytes.get(i).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
                    i += 1;
                }
                last = i;
                continue;
            }
            let (class, len) = class_at(text, i);
            match class {
                Class::Separator => break,
                Class::Alphanumeric => {
                    if first == usize::MAX {
                        first = i;
                    }
                    last = i + len;
                }
                Class::Other => {}
            }
            i += len;
        }
        if first == usize::MAX {
            continue;
        }
        // Most words have no punctuation around them: slice (and check) only what is there.
        let piece = |a: usize, b: usize| if a == b { "" } else { &text[a..b] };
        out.push(Word {
            text: &text[first..last],
            span: Span::new(range.start + first, range.start + last),
            after: piece(last, i),
            before: piece(start, first),
        });
    }
    out
}

/// Whether a byte is an ASCII letter or digit, by table.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Whitespace and double quote marks: they separate words (`said,“We` is two words).
    Separator,
    Alphanumeric,
    Other,
}

/// The class of the character at byte `i` of `text` (a char boundary) and its length; a table
/// lookup for ASCII.
#[inline]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    const fn table() -> [Class; 128] {
        let mut t = [Class::Other; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = if c.is_ascii_alphanumeric() {
                Class::Alphanumeric
            } else if c.is_ascii_whitespace() || c == 0x0B || c == b'"' || c == b'`' {
                Class::Separator
            } else {
                Class::Other
            };
            b += 1;
        }
        t
    }
    const ASCII: [Class; 128] = table();
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (ASCII[b as usize], 1),
        _ => match text.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => {
                let class = if c.is_whitespace() || matches!(c, '“' | '”' | '„') {
                    Class::Separator
                } else if c.is_alphanumeric() {
                    Class::Alphanumeric
                } else {
                    Class::Other
                };
                (class, c.len_utf8())
            }
            None => (Class::Separator, 1),
        },
    }
}

/// Whether `word` (without its final period) is an abbreviation that usually does not end a
/// sentence.
pub(super) fn is_abbreviation(word: &str) -> bool {
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial
    }
    if word.contains('.') {
        return true; // `U.S`, `D.C`
    }
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "No"
            | "Prof"
            | "Capt"
            | "Adm"
            | "Maj"
            | "Cmdr"
            | "Supt"
            | "Lt.Gov"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "vs"
            | "Inc"
            | "Co"
            | "Corp"
    )
}

/// A word list as both an array (to build a [`two_letter_starts`] table from) and a `match`
/// (which compiles to a test of the length and a few bytes).
macro_rules! word_list {
    ($(#[$doc:meta])* $array:ident, $matcher:ident, [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        const $array: &[&str] = &[$($w),*];

        #[inline]
        fn $matcher(word: &str) -> bool {
            matches!(word, $($w)|*)
        }
    };
}

word_list!(
    /// Verbs (and heads of phrases) that introduce reported speech.
    CUES,
    in_cue_list,
    [
    "acknowledged",
    "acknowledges",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "affirmed",
    "agreed",
    "announced",
    "announces",
    "answered",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asking",
    "asks",
    "assured",
    "blasted",
    "boasted",
    "bragged",
    "branded",
    "called",
    "calling",
    "cautioned",
    "chanted",
    "charged",
    "claimed",
    "claiming",
    "claims",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "concluded",
    "confirmed",
    "contended",
    "continued",
    "continues",
    "countered",
    "declared",
    "declares",
    "declaring",
    "demanded",
    "described",
    "describes",
    "describing",
    "dubbed",
    "elaborated",
    "emphasized",
    "exclaimed",
    "explained",
    "explains",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "joked",
    "jokes",
    "labeled",
    "lamented",
    "maintained",
    "mocked",
    "mused",
    "noted",
    "notes",
    "noting",
    "observed",
    "opined",
    "pleaded",
    "posted",
    "predicted",
    "predicts",
    "proclaimed",
    "promised",
    "promises",
    "quipped",
    "quips",
    "read",
    "reads",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "reiterated",
    "remarked",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "responds",
    "retorted",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "screamed",
    "shouted",
    "snapped",
    "speculated",
    "stated",
    "states",
    "stressed",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "thundered",
    "told",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "urges",
    "vowed",
    "vows",
    "warned",
    "warning",
    "warns",
    "whispered",
    "wondered",
    "writes",
    "writing",
    "wrote",
    "yelled",
]
);

/// The two-letter starts of [`CUES`].
static CUE_STARTS: [u32; 26] = two_letter_starts(CUES);

/// For a list of lower-case ASCII words: per first letter, the bit set of the second letters
/// that follow it (bit 26 for a word of one letter). A word whose start is not in the table is
/// not in the list, which rules out most words for the cost of two loads.
pub(super) const fn two_letter_starts(list: &[&str]) -> [u32; 26] {
    let mut table = [0u32; 26];
    let mut i = 0;
    while i < list.len() {
        let w = list[i].as_bytes();
        if !w.is_empty() && w[0].is_ascii_lowercase() {
            let bit = if w.len() > 1 && w[1].is_ascii_lowercase() {
                w[1] - b'a'
            } else {
                26
            };
            table[(w[0] - b'a') as usize] |= 1 << bit;
        }
        i += 1;
    }
    table
}

/// Whether `word` starts like some word of the list `table` was built from.
#[inline]
pub(super) fn may_start(table: &[u32; 26], word: &str) -> bool {
    let w = word.as_bytes();
    let Some(&first) = w.first() else {
        return false;
    };
    if !first.is_ascii_lowercase() {
        return false;
    }
    let bit = match w.get(1) {
        Some(&c) if c.is_ascii_lowercase() => c - b'a',
        _ => 26,
    };
    table[usize::from(first - b'a')] & (1 << bit) != 0
}

/// Whether `word` is a verb (or the head of a phrase) that introduces reported speech.
/// Only lower-case words count: `States` in `United States` is no cue.
pub(super) fn is_cue(word: &str) -> bool {
    may_start(&CUE_STARTS, word) && in_cue_list(word)
}

/// Words that sit between a speaker and the cue without being part of either (`had said`,
/// `also told`, `later wrote`).
pub(super) fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "had"
            | "has"
            | "have"
            | "was"
            | "is"
            | "were"
            | "are"
            | "would"
            | "will"
            | "also"
            | "later"
            | "then"
            | "once"
            | "again"
            | "previously"
            | "recently"
            | "simply"
            | "just"
            | "reportedly"
            | "allegedly"
            | "famously"
            | "further"
            | "has also"
            | "had also"
            | "did"
            | "does"
            | "could"
            | "might"
            | "may"
            | "can"
            | "not"
            | "never"
            | "often"
            | "always"
            | "even"
            | "still"
            | "yet"
            | "now"
            | "today"
            | "yesterday"
    ) || (word.len() > 4 && word.ends_with("ly") && word.chars().all(|c| c.is_ascii_lowercase()))
}

/// Words that end a speaker phrase when read leftwards from a cue: the speaker starts after them.
pub(super) fn is_phrase_boundary(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "and"
            | "but"
            | "or"
            | "which"
            | "because"
            | "while"
            | "when"
            | "as"
            | "if"
            | "so"
            | "than"
            | "after"
            | "before"
            | "since"
            | "though"
            | "although"
            | "whom"
            | "where"
            | "what"
            | "why"
            | "how"
            | "until"
            | "whether"
            | "And"
            | "But"
            | "As"
            | "When"
            | "While"
            | "So"
            | "If"
            | "After"
            | "Before"
            | "Since"
            | "Though"
            | "Although"
    )
}

/// Words that start an adverbial after a cue, ending the speaker phrase read rightwards
/// (`said Price in a statement`).
pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "of"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "to"
            | "from"
            | "for"
            | "with"
            | "about"
            | "that"
            | "who"
            | "which"
            | "as"
            | "last"
            | "this"
            | "earlier"
            | "recently"
            | "later"
            | "via"
            | "through"
            | "told"
            | "adding"
            | "according"
    )
}

/// Time words a cue may be followed by before the speaker (`said Thursday Ned Price`).
pub(super) fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "recently"
            | "later"
            | "earlier"
            | "also"
            | "then"
            | "once"
            | "again"
    )
}

/// Personal pronouns that can be the subject of a cue.
pub(super) fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "she" | "they" | "I" | "we" | "He" | "She" | "They" | "We" | "it" | "It" | "who"
    )
}

/// Pronouns that refer back to one named person, resolved to that person.
pub(super) fn is_person_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "He" | "She" | "who")
}

/// Words that may open a speaker phrase written in lower case (`the statement said`).
pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "one"
            | "another"
            | "some"
            | "many"
            | "several"
            | "both"
            | "two"
            | "three"
            | "our"
            | "my"
            | "this"
            | "that"
            | "these"
            | "those"
            | "former"
            | "other"
            | "others"
            | "critics"
            | "officials"
            | "aides"
            | "supporters"
            | "analysts"
            | "experts"
            | "sources"
            | "residents"
            | "people"
            | "voters"
    )
}

/// Titles that mark the next capitalized words as a person's name.
pub(super) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "President"
            | "Senator"
            | "Governor"
            | "Secretary"
            | "Minister"
            | "Judge"
            | "Justice"
            | "Speaker"
            | "Mayor"
            | "Rev"
            | "Prof"
    )
}

/// Capitalized words that open an introductory phrase rather than a subject
/// (`On Friday, ...`, `Asked about it, ...`).
pub(super) fn is_intro(word: &str) -> bool {
    matches!(
        word,
        "On" | "In"
            | "At"
            | "After"
            | "Before"
            | "Following"
            | "During"
            | "Since"
            | "When"
            | "While"
            | "As"
            | "If"
            | "Though"
            | "Although"
            | "But"
            | "And"
            | "So"
            | "Still"
            | "However"
            | "Meanwhile"
            | "Asked"
            | "Speaking"
            | "Last"
            | "This"
            | "Earlier"
            | "Later"
            | "Yet"
            | "Also"
            | "Then"
            | "Instead"
            | "Now"
            | "For"
            | "With"
            | "By"
            | "From"
            | "Of"
            | "To"
            | "Under"
            | "Until"
            | "Because"
            | "Despite"
            | "Like"
            | "Unlike"
            | "Even"
            | "Indeed"
            | "Moreover"
            | "Separately"
            | "Previously"
            | "Today"
            | "Yesterday"
            | "Tonight"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "First"
            | "Second"
            | "Finally"
            | "Hours"
            | "Days"
            | "Which"
            | "Here"
            | "Unless"
            | "Only"
            | "More"
            | "Ask"
    )
}

/// Nouns that name the title quoted after them (`the show "Today"`, `his book "Crippled
/// America"`).
pub(super) fn is_title_noun(word: &str) -> bool {
    matches!(
        word,
        "show"
            | "book"
            | "books"
            | "film"
            | "movie"
            | "documentary"
            | "program"
            | "programme"
            | "series"
            | "episode"
            | "titled"
            | "entitled"
            | "called"
            | "named"
            | "dubbed"
            | "headlined"
            | "song"
            | "album"
            | "magazine"
            | "newspaper"
            | "column"
            | "play"
            | "musical"
            | "memoir"
            | "novel"
            | "podcast"
            | "sitcom"
            | "drama"
            | "comedy"
            | "thriller"
            | "hit"
            | "website"
            | "blog"
            | "article"
            | "essay"
            | "op-ed"
            | "report"
            | "study"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_cue_passes_the_prefilter() {
        assert!(CUES.iter().all(|w| is_cue(w)));
    }

    #[test]
    fn cues() {
        for w in ["said", "told", "according", "tweeted", "quipped"] {
            assert_eq!(is_cue(w), w != "according", "{w}");
        }
        for w in ["Said", "States", "the", "", "s", "sa", "saidx", "é"] {
            assert!(!is_cue(w), "{w}");
        }
    }
}
