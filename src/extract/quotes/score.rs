//! Telling a short quoted phrase that reports speech (`called the deal "a disaster"`) from one
//! that does not (a scare-quoted word, a title, a nickname).
//!
//! A short quotation (at most [`MAX_SCORED_WORDS`] words) is kept when a logistic-regression
//! score over features of its context is at least [`THRESHOLD`]; longer quotations are always
//! kept. The weights were fitted on the training split of PolNeAR (political news with gold
//! attributions, where a quoted phrase counts only when someone is reported saying it) by the
//! ignored test `refit_short_quote_weights` in `tests/quotes_polnear.rs`, which prints the
//! constants below:
//!
//! ```text
//! cargo test --release --test quotes_polnear -- --ignored --nocapture
//! ```

use super::words::{self, Tokens, Word};
use crate::extract::Sentence;
use crate::span::Span;

/// Longest quotation, in words, that the scorer judges.
pub(super) const MAX_SCORED_WORDS: usize = 10;

/// Number of features, the bias included.
pub(super) const FEATURES: usize = 48;

/// What each feature means, in the order of [`WEIGHTS`].
pub(super) const FEATURE_NAMES: [&str; FEATURES] = [
    "bias",
    "one_word",
    "two_words",
    "three_words",
    "attributed_after_the_quote",
    "attributed_before_the_quote",
    "name_and_colon_before",
    "sentence_subject_without_cue",
    "speaker_of_previous_quote",
    "naming_cue",
    "cue_elsewhere_in_sentence",
    "cue_in_adjacent_sentence",
    "capitalized_start",
    "punctuation_inside_marks",
    "whole_sentence",
    "after_naming_word",
    "after_determiner",
    "title_case",
    "single_marks",
    "first_paragraph",
    "followed_by_lower_case_word",
    "other_quote_in_sentence",
    "previous_quote_attributed_in_paragraph",
    "after_colon",
    "first_or_second_person",
    "whole_paragraph",
    "opens_sentence",
    "contains_digit",
    "all_lower_case",
    "speaker_is_capitalized",
    "reporting_verb_in_sentence",
    "reporting_verb_in_paragraph",
    "followed_by_noun",
    "after_preposition",
    "one_or_two_words_without_reporting_verb",
    "seven_words_or_more",
    "title_case_opening_with_an_article",
    "title_case_of_two_words_or_more",
    "title_of_work",
    "title_of_work_after_naming_verb_or_preposition",
    "followed_by_name_noun",
    "cue_opens_next_sentence",
    "exclamation_or_question_inside",
    "speaker_is_a_name",
    "speaker_is_a_person_pronoun",
    "speaker_is_no_person",
    "sentence_subject_that_is_no_name",
    "short_lower_case_phrase_without_cue",
];

/// Weights of [`FEATURE_NAMES`], fitted on PolNeAR's training split.
pub(super) const WEIGHTS: [f32; FEATURES] = [
    0.070,  // bias
    -0.697, // one_word
    -0.417, // two_words
    -0.040, // three_words
    0.571,  // attributed_after_the_quote
    1.338,  // attributed_before_the_quote
    0.769,  // name_and_colon_before
    0.662,  // sentence_subject_without_cue
    -0.165, // speaker_of_previous_quote
    0.045,  // naming_cue
    0.743,  // cue_elsewhere_in_sentence
    0.371,  // cue_in_adjacent_sentence
    -0.121, // capitalized_start
    0.403,  // punctuation_inside_marks
    0.657,  // whole_sentence
    0.241,  // after_naming_word
    0.143,  // after_determiner
    -0.007, // title_case
    -0.243, // single_marks
    0.550,  // first_paragraph
    -0.136, // followed_by_lower_case_word
    -0.135, // other_quote_in_sentence
    0.255,  // previous_quote_attributed_in_paragraph
    1.017,  // after_colon
    0.383,  // first_or_second_person
    -0.850, // whole_paragraph
    1.102,  // opens_sentence
    -0.103, // contains_digit
    0.392,  // all_lower_case
    0.266,  // speaker_is_capitalized
    0.693,  // reporting_verb_in_sentence
    0.320,  // reporting_verb_in_paragraph
    -0.323, // followed_by_noun
    -0.177, // after_preposition
    -0.484, // one_or_two_words_without_reporting_verb
    0.290,  // seven_words_or_more
    -0.166, // title_case_opening_with_an_article
    0.215,  // title_case_of_two_words_or_more
    -1.027, // title_of_work
    -0.787, // title_of_work_after_naming_verb_or_preposition
    -0.392, // followed_by_name_noun
    0.003,  // cue_opens_next_sentence
    0.008,  // exclamation_or_question_inside
    0.478,  // speaker_is_a_name
    0.705,  // speaker_is_a_person_pronoun
    -0.229, // speaker_is_no_person
    0.138,  // sentence_subject_that_is_no_name
    -0.381, // short_lower_case_phrase_without_cue
];

/// Keep a short quotation whose score (a probability) is at least this.
pub(super) const THRESHOLD: f32 = 0.600;

/// How a quotation's attribution was found, as the scorer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Attributed {
    /// A cue after the closing mark.
    After,
    /// A cue before the opening mark.
    Before,
    /// `Name: "`.
    Colon,
    /// The subject of the sentence, no cue.
    Subject,
    /// The speaker of the quotation before.
    Inherited,
    /// Nothing.
    None,
}

/// What the scorer is told about one quotation.
pub(super) struct Context<'t, 'a> {
    pub src: &'a str,
    pub tk: &'t Tokens<'a>,
    pub sentences: &'t [Sentence],
    /// The quoted words (without the marks).
    pub content: Span,
    /// The words of [`content`](Context::content), as [`Tokens::get`] gives them.
    pub words: &'t [Word<'a>],
    pub open: Span,
    pub close: Option<Span>,
    pub single: bool,
    pub paragraph: Span,
    pub first_paragraph: bool,
    /// The index of the sentence holding the opening mark, if one does.
    pub sentence: Option<usize>,
    pub attributed: Attributed,
    /// The cue found, if any.
    pub cue: Option<Span>,
    pub speaker: Option<Span>,
    /// Whether the quotation before, in the same paragraph, had a cue.
    pub previous_attributed: bool,
    /// Whether another quotation shares the sentence.
    pub other_in_sentence: bool,
}

/// Cues that name rather than report (`called it "a disaster"`).
fn is_naming_cue(word: &str) -> bool {
    matches!(
        word,
        "called"
            | "calling"
            | "calls"
            | "call"
            | "dubbed"
            | "labeled"
            | "labelled"
            | "branded"
            | "described"
            | "describing"
            | "describes"
    )
}

/// Words before a quotation that introduce a name or a term rather than speech.
fn is_naming_word(word: &str) -> bool {
    matches!(
        word,
        "so-called"
            | "called"
            | "dubbed"
            | "named"
            | "termed"
            | "labeled"
            | "branded"
            | "as"
            | "word"
            | "words"
            | "term"
            | "phrase"
            | "label"
            | "slogan"
            | "nickname"
            | "titled"
            | "entitled"
    )
}

fn is_plain_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "our" | "your"
    )
}

/// Stems of verbs that report, judge or attribute (`accused`, `denied`, `pledged`), a wider
/// net than the cues attribution uses, since a quoted phrase in such a sentence is usually
/// someone's words; grouped by first letter, in alphabetical order of that letter.
const REPORTING_STEMS: &[&str] = &[
    "accus",
    "acknowledg",
    "add",
    "admit",
    "announc",
    "argu",
    "ask",
    "attack",
    "believ",
    "blam",
    "blast",
    "boast",
    "brand",
    "call",
    "character",
    "charg",
    "cite",
    "claim",
    "complain",
    "condemn",
    "consider",
    "critici",
    "declar",
    "decr",
    "defend",
    "demand",
    "deni",
    "deny",
    "describ",
    "dismiss",
    "dub",
    "emphasi",
    "explain",
    "fear",
    "felt",
    "feel",
    "hope",
    "impli",
    "imply",
    "insist",
    "label",
    "lament",
    "mock",
    "note",
    "noting",
    "plead",
    "pledg",
    "prais",
    "predict",
    "promis",
    "protest",
    "question",
    "recall",
    "refer",
    "reject",
    "remark",
    "repli",
    "reply",
    "report",
    "respond",
    "ridicul",
    "said",
    "say",
    "slam",
    "state",
    "stress",
    "suggest",
    "swore",
    "tell",
    "term",
    "think",
    "thought",
    "told",
    "tout",
    "tweet",
    "urg",
    "vow",
    "want",
    "warn",
    "wrote",
    "write",
    "writing",
];

/// The reporting stems that start with `first`.
fn reporting_stems(first: u8) -> &'static [&'static str] {
    let first = Some(&first);
    let start = REPORTING_STEMS.partition_point(|s| s.as_bytes().first() < first);
    let end = REPORTING_STEMS.partition_point(|s| s.as_bytes().first() <= first);
    &REPORTING_STEMS[start..end]
}

/// The two-letter starts of the reporting stems.
static REPORTING_STARTS: [u32; 26] = words::two_letter_starts(REPORTING_STEMS);

/// Whether `word`, lower case, is a form of a reporting verb.
fn is_reporting(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    if word.len() > 14 || !words::may_start(&REPORTING_STARTS, word) {
        return false;
    }
    reporting_stems(first).iter().any(|s| {
        word.strip_prefix(s).is_some_and(|rest| {
            matches!(
                rest,
                "" | "s" | "es" | "ed" | "d" | "ing" | "e" | "ion" | "ation"
            ) || rest.len() <= 3 && matches!(rest.as_bytes().last(), Some(b's' | b'd' | b'g'))
        })
    })
}

/// Function words after a quotation; any other lower-case word right after it is probably a
/// noun the quoted words modify (`the "law and order" issue`).
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "but"
            | "to"
            | "in"
            | "on"
            | "of"
            | "for"
            | "with"
            | "at"
            | "by"
            | "from"
            | "that"
            | "which"
            | "who"
            | "as"
            | "than"
            | "because"
            | "if"
            | "when"
            | "while"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "about"
            | "into"
            | "after"
            | "before"
            | "so"
            | "not"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "said"
            | "says"
            | "the"
            | "a"
            | "an"
            | "this"
            | "his"
            | "her"
            | "their"
            | "its"
            | "over"
            | "under"
            | "against"
            | "since"
            | "until"
            | "even"
            | "just"
            | "also"
    )
}

/// Cue words and reporting verbs in some words: `(cues, reporting verbs)`.
fn count(ws: &[Word<'_>]) -> (u32, u32) {
    let (mut cues, mut reporting) = (0u32, 0u32);
    for (i, w) in ws.iter().enumerate() {
        let t = w.text.as_bytes();
        // Every cue and reporting verb is a lower-case word of three letters or more, but for
        // a capitalized `According`.
        if t.len() < 3 {
            continue;
        }
        if !t[0].is_ascii_lowercase() {
            if t[0] == b'A'
                && w.text.eq_ignore_ascii_case("according")
                && ws.get(i + 1).is_some_and(|n| n.text == "to")
            {
                cues = cues.saturating_add(1);
            }
            continue;
        }
        let cue = words::is_cue(w.text)
            || (w.text == "according" && ws.get(i + 1).is_some_and(|n| n.text == "to"));
        cues = cues.saturating_add(u32::from(cue));
        reporting = reporting.saturating_add(u32::from(is_reporting(w.text)));
    }
    (cues, reporting)
}

/// Cue words and reporting verbs per sentence and in the current paragraph, counted once per
/// article however many quotations are judged.
#[derive(Default)]
pub(super) struct Counts {
    sentences: Vec<Option<(u32, u32)>>,
    /// Per sentence, whether it opens with a speaker and a cue.
    opens: Vec<Option<bool>>,
    /// The index of the paragraph last counted, and its counts.
    paragraph: Option<(usize, (u32, u32))>,
}

impl Counts {
    fn sentence(&mut self, cx: &Context<'_, '_>, i: usize) -> (u32, u32) {
        if self.sentences.len() != cx.sentences.len() {
            self.sentences = vec![None; cx.sentences.len()];
        }
        let Some(slot) = self.sentences.get_mut(i) else {
            return (0, 0);
        };
        *slot.get_or_insert_with(|| {
            cx.sentences
                .get(i)
                .map_or((0, 0), |s| count(&cx.tk.get(s.span)))
        })
    }

    /// Whether sentence `i` opens with a speaker and a cue.
    fn opens_with_cue(&mut self, cx: &Context<'_, '_>, i: usize) -> bool {
        if self.opens.len() != cx.sentences.len() {
            self.opens = vec![None; cx.sentences.len()];
        }
        let Some(slot) = self.opens.get_mut(i) else {
            return false;
        };
        *slot.get_or_insert_with(|| {
            cx.sentences
                .get(i)
                .is_some_and(|s| opens_with_cue(&cx.tk.get(s.span)))
        })
    }

    /// The counts of the paragraph holding sentence `i`: the sum over its sentences.
    fn paragraph(&mut self, cx: &Context<'_, '_>, i: usize) -> (u32, u32) {
        let Some(p) = cx.sentences.get(i).map(|s| s.paragraph) else {
            return (0, 0);
        };
        match self.paragraph {
            Some((cached, counts)) if cached == p => counts,
            _ => {
                let first = cx.sentences.partition_point(|s| s.paragraph < p);
                let last = cx.sentences.partition_point(|s| s.paragraph <= p);
                let counts = (first..last).fold((0u32, 0u32), |(c, r), j| {
                    let (c2, r2) = self.sentence(cx, j);
                    (c.saturating_add(c2), r.saturating_add(r2))
                });
                self.paragraph = Some((p, counts));
                counts
            }
        }
    }
}

/// Whether a quotation's words read as the title of a work or a name (`Fox News Sunday`,
/// `Guardians of the Galaxy`): two words or more, the first and the last capitalized, those
/// between capitalized or small function words, and no sentence end before the last word.
fn is_title_of_work(content: &str, ws: &[Word<'_>]) -> bool {
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    if ws.len() < 2 || !first.is_capitalized() || !last.is_capitalized() {
        return false;
    }
    let inner_end = ws
        .get(..ws.len() - 1)
        .is_some_and(|ws| ws.iter().any(|w| w.after.contains(['.', '!', '?'])));
    !inner_end
        && !content.contains(['!', '?'])
        && ws.iter().all(|w| {
            w.is_capitalized()
                || matches!(
                    w.text,
                    "of" | "the"
                        | "a"
                        | "an"
                        | "and"
                        | "or"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "with"
                        | "from"
                        | "by"
                        | "is"
                        | "are"
                        | "vs"
                        | "de"
                        | "la"
                )
        })
}

/// Verbs before a title (`watched "The Muppets"`, `a book titled "..."`).
fn is_work_verb(word: &str) -> bool {
    matches!(
        word,
        "watch"
            | "watched"
            | "watching"
            | "watches"
            | "read"
            | "reading"
            | "reads"
            | "titled"
            | "entitled"
            | "named"
            | "dubbed"
            | "hosted"
            | "hosts"
            | "starred"
            | "aired"
            | "wrote"
            | "sang"
            | "played"
            | "launched"
            | "published"
    )
}

/// Nouns a quoted name modifies (`the "Make America Great Again" slogan`).
fn is_name_noun(word: &str) -> bool {
    matches!(
        word,
        "campaign"
            | "show"
            | "program"
            | "programme"
            | "slogan"
            | "ad"
            | "ads"
            | "bill"
            | "act"
            | "movement"
            | "initiative"
            | "hashtag"
            | "segment"
            | "tour"
            | "rally"
            | "sign"
            | "signs"
            | "plan"
            | "book"
            | "film"
            | "movie"
            | "series"
            | "podcast"
            | "documentary"
            | "song"
            | "album"
            | "list"
            | "loophole"
            | "rule"
            | "doctrine"
            | "strategy"
            | "policy"
            | "law"
            | "amendment"
            | "award"
            | "brand"
            | "motto"
            | "logo"
            | "website"
            | "group"
            | "party"
            | "caucus"
            | "committee"
            | "fund"
            | "project"
            | "deal"
            | "agreement"
            | "proposal"
            | "speech"
            | "line"
            | "label"
            | "era"
            | "crowd"
            | "supporters"
            | "candidate"
            | "candidates"
            | "voters"
            | "issue"
            | "issues"
            | "debate"
            | "tax"
            | "taxes"
            | "system"
            | "chants"
            | "chant"
            | "hats"
            | "hat"
            | "t-shirts"
            | "shirts"
            | "stickers"
            | "banner"
            | "message"
            | "theme"
            | "narrative"
            | "question"
            | "approach"
            | "mentality"
            | "vote"
            | "votes"
            | "side"
            | "camp"
            | "wing"
            | "faction"
            | "effect"
            | "factor"
            | "problem"
            | "option"
            | "status"
            | "test"
            | "card"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
    )
}

/// Whether words open with a speaker and a cue (`He said`, `That is what Trump said` is not:
/// the cue must follow within the first three words).
fn opens_with_cue(ws: &[Word<'_>]) -> bool {
    ws.iter().take(3).enumerate().any(|(j, w)| {
        (w.is_capitalized() || words::is_person_pronoun(w.text))
            && ws.get(j + 1).is_some_and(|c| words::is_cue(c.text))
    })
}

/// The feature vector of a short quotation.
///
/// Without `counts`, the features that count words in the sentence and paragraph
/// ([`COUNTED`]) are left at zero; [`add_counted`] fills them in.
pub(super) fn features(cx: &Context<'_, '_>, counts: Option<&mut Counts>) -> [f32; FEATURES] {
    let mut f = uncounted(cx);
    if let Some(counts) = counts {
        add_counted(cx, counts, &mut f);
    }
    f
}

/// The features that count cue words and reporting verbs around the quotation ([`COUNTED`]).
fn add_counted(cx: &Context<'_, '_>, counts: &mut Counts, f: &mut [f32; FEATURES]) {
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let ws = cx.words;
    let n = ws.len();
    let (cues_inside, reporting_inside) = count(ws);
    let si = cx.sentence;
    if let Some(i) = si {
        let (cues, reporting) = counts.sentence(cx, i);
        f[10] = b(cues > cues_inside);
        f[30] = b(reporting > reporting_inside);
        let mut adjacent = |j: Option<usize>| {
            j.filter(|&j| {
                cx.sentences
                    .get(j)
                    .is_some_and(|t| t.paragraph == cx.sentences[i].paragraph)
            })
            .is_some_and(|j| counts.sentence(cx, j).0 > 0)
        };
        f[11] = b(adjacent(i.checked_sub(1)) || adjacent(i.checked_add(1)));
        f[31] = b(counts.paragraph(cx, i).1 > reporting_inside);
    }
    f[34] = b(n <= 2 && f[30] == 0.0 && f[10] == 0.0);
    // A speaker and a cue opening the next sentence (`"A scam." That is what he said.`).
    f[41] = b(si.is_some_and(|i| {
        let next = i.saturating_add(1);
        cx.sentences.get(next).is_some_and(|t| {
            t.paragraph == cx.sentences[i].paragraph && counts.opens_with_cue(cx, next)
        })
    }));
}

/// What the scorer reads from the characters of a quotation, found in one pass.
#[derive(Debug, PartialEq, Eq)]
struct Shape {
    /// The first letter or digit is upper case.
    opens_with_capital: bool,
    /// Some character is upper case.
    capital: bool,
    /// Some character is an ASCII digit.
    digit: bool,
    /// Some character is `!` or `?`.
    exclamation_or_question: bool,
}

impl Shape {
    fn of(content: &str) -> Shape {
        if !content.is_ascii() {
            return Shape {
                opens_with_capital: content
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(char::is_uppercase),
                capital: content.chars().any(char::is_uppercase),
                digit: content.chars().any(|c| c.is_ascii_digit()),
                exclamation_or_question: content.contains(['!', '?']),
            };
        }
        // One pass: each byte's flags (upper case, digit, `!` or `?`) by table.
        let bytes = content.as_bytes();
        let flags = bytes
            .iter()
            .fold(0u8, |acc, &b| acc | SHAPE_FLAGS[usize::from(b)]);
        Shape {
            opens_with_capital: bytes
                .iter()
                .find(|b| b.is_ascii_alphanumeric())
                .is_some_and(u8::is_ascii_uppercase),
            capital: flags & UPPER != 0,
            digit: flags & DIGIT != 0,
            exclamation_or_question: flags & EXCLAMATION_OR_QUESTION != 0,
        }
    }
}

const UPPER: u8 = 1;
const DIGIT: u8 = 2;
const EXCLAMATION_OR_QUESTION: u8 = 4;

/// The [`Shape`] flags of each ASCII byte.
static SHAPE_FLAGS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'!' || c == b'?' {
            EXCLAMATION_OR_QUESTION
        } else {
            0
        };
        b += 1;
    }
    t
};

/// All features but the [`COUNTED`] ones, which are left at zero.
fn uncounted(cx: &Context<'_, '_>) -> [f32; FEATURES] {
    let mut f = [0.0f32; FEATURES];
    early(cx, cx.words, &mut f);
    later(cx, &mut f);
    f
}

/// The features read from the quotation, its marks, its sentence and its attribution: all
/// but the [`LATER`] and [`COUNTED`] ones, which are left at zero. `ws` are the quotation's
/// words.
fn early(cx: &Context<'_, '_>, ws: &[Word<'_>], f: &mut [f32; FEATURES]) {
    let src = cx.src;
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let n = ws.len();
    f[0] = 1.0;
    f[1] = b(n <= 1);
    f[2] = b(n == 2);
    f[3] = b(n == 3);
    match cx.attributed {
        Attributed::After => f[4] = 1.0,
        Attributed::Before => f[5] = 1.0,
        Attributed::Colon => f[6] = 1.0,
        Attributed::Subject => f[7] = 1.0,
        Attributed::Inherited => f[8] = 1.0,
        Attributed::None => {}
    }
    f[9] = b(cx
        .cue
        .and_then(|c| src.get(c.range()))
        .is_some_and(is_naming_cue));

    // Cues in the sentence outside the quotation, and in the sentences beside it.
    let si = cx.sentence;
    if let Some(i) = si {
        let s = cx.sentences[i].span;
        let end = cx.close.map_or(cx.content.end, |c| c.end);
        let opens = src
            .get(s.start..cx.open.start)
            .is_some_and(|t| t.trim().is_empty());
        // Nothing but white space and final punctuation after the closing mark; ASCII by
        // bytes, other text by characters.
        let closes = || {
            src.get(end..s.end).is_some_and(|t| {
                t.bytes().all(|b| {
                    matches!(
                        b,
                        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'.' | b'!' | b'?' | b')'
                    )
                }) || !t.is_ascii()
                    && t.trim_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '.' | '!' | '?' | ')')
                    })
                    .is_empty()
            })
        };
        f[14] = b(opens && closes());
        f[26] = b(opens);
    }
    let content = src.get(cx.content.range()).unwrap_or("");
    let shape = Shape::of(content);
    f[12] = b(shape.opens_with_capital);
    f[13] = b(content.ends_with(['.', ',', '?', '!']));
    f[17] = b(n > 0 && ws.iter().all(Word::is_capitalized));
    f[18] = b(cx.single);
    f[19] = b(cx.first_paragraph);
    if let Some(c) = cx.close {
        let rest = src.get(c.end..cx.paragraph.end.max(c.end)).unwrap_or("");
        let mut chars = rest.chars();
        f[20] = b(chars.next() == Some(' ') && chars.next().is_some_and(|c| c.is_lowercase()));
    }
    f[21] = b(cx.other_in_sentence);
    f[22] = b(cx.previous_attributed);
    f[23] = b(src
        .get(cx.paragraph.start..cx.open.start)
        .is_some_and(|t| t.trim_end().ends_with(':')));
    f[24] = b(ws.iter().any(|w| {
        matches!(
            w.text,
            "I" | "we" | "We" | "you" | "You" | "my" | "My" | "our" | "Our" | "me" | "us" | "your"
        ) || w.text.starts_with("I'")
            || w.text.starts_with("I’")
    }));
    f[25] = b(src
        .get(cx.paragraph.start..cx.open.start)
        .is_some_and(|t| t.trim().is_empty())
        && cx.close.is_some_and(|c| {
            src.get(c.end..cx.paragraph.end.max(c.end))
                .is_some_and(|t| t.trim().is_empty())
        }));
    f[27] = b(shape.digit);
    f[28] = b(!shape.capital);
    f[35] = b(n >= 7);
    f[36] = b(f[17] == 1.0
        && ws
            .first()
            .is_some_and(|w| matches!(w.text, "The" | "A" | "An")));
    f[37] = b(f[17] == 1.0 && n >= 2);
    f[38] = b(is_title_of_work(content, ws));
    f[42] = b(shape.exclamation_or_question);
    f[47] = b(f[28] == 1.0 && n <= 3 && cx.cue.is_none());
    f[29] = b(cx
        .speaker
        .and_then(|s| src.get(s.range()))
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase));
}

/// The features read from the words around the quotation (the word before it, the word after
/// it) and from the speaker's words, given the [`early`] ones in `f`.
fn later(cx: &Context<'_, '_>, f: &mut [f32; FEATURES]) {
    let src = cx.src;
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let content = src.get(cx.content.range()).unwrap_or("");
    let last = cx
        .tk
        .last_in(Span::new(
            cx.paragraph.start,
            cx.open.start.max(cx.paragraph.start),
        ))
        .filter(|w| w.after.is_empty() || w.after == "-");
    // The word before in ASCII lower case, without allocating (longer words are neither).
    let mut buf = [0u8; 16];
    let last_lower = last.and_then(|w| {
        let out = buf.get_mut(..w.text.len())?;
        for (o, b) in out.iter_mut().zip(w.text.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        std::str::from_utf8(out).ok()
    });
    f[15] = b(last_lower.is_some_and(is_naming_word));
    f[16] = b(last_lower.is_some_and(is_plain_determiner));
    // Reporting verbs outside the quotation in its paragraph.
    if let Some(c) = cx.close {
        let next = cx
            .tk
            .first_in(Span::new(c.end.min(cx.paragraph.end), cx.paragraph.end));
        f[32] = b(!content.ends_with(['.', ',', '?', '!', ';', ':'])
            && next.is_some_and(|w| {
                w.before.is_empty()
                    && w.span.start == c.end + 1
                    && w.text.starts_with(|c: char| c.is_ascii_lowercase())
                    && !is_function_word(w.text)
                    && !words::is_cue(w.text)
            }));
        f[40] = b(next.is_some_and(|w| {
            w.before.is_empty() && w.span.start <= c.end + 1 && is_name_noun(w.text)
        }));
    }
    f[33] = b(last.is_some_and(|w| words::is_preposition(w.text)));
    let title = f[38] == 1.0;
    f[39] = b(title
        && (last_lower.is_some_and(|w| {
            is_work_verb(w) || words::is_preposition(w) || words::is_title_noun(w)
        }) || last.is_some_and(|w| w.text.ends_with("'s") || w.text.ends_with("’s"))));
    if let Some(sp) = cx.speaker {
        let sw = cx.tk.get(sp);
        let first = sw.first().map_or("", |w| w.text);
        let name = sw.len() >= 2
            && sw.iter().all(Word::is_capitalized)
            && !matches!(first, "The" | "A" | "An" | "This" | "That" | "Its" | "It");
        f[43] = b(name);
        f[44] = b(sw.len() == 1
            && matches!(
                first,
                "he" | "He" | "she" | "She" | "they" | "They" | "I" | "we" | "We" | "who"
            ));
        // A speaker phrase that is no one: a possessive (`Tuesday's`), a date, or one that
        // opens with a word that does not start a name (`Across`, `It`, `Therefore`).
        let mut buf = [0u8; 16];
        let first_lower = buf.get_mut(..first.len()).and_then(|out| {
            for (o, b) in out.iter_mut().zip(first.bytes()) {
                *o = b.to_ascii_lowercase();
            }
            std::str::from_utf8(out).ok()
        });
        f[45] = b(sw.last().is_some_and(|w| {
            w.text.ends_with("'s") || w.text.ends_with("’s") || w.after.starts_with('(')
        }) || sw
            .iter()
            .any(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
            || first_lower.is_some_and(|w| {
                words::is_preposition(w)
                    || matches!(
                        w,
                        "it" | "there"
                            | "yes"
                            | "no"
                            | "therefore"
                            | "however"
                            | "but"
                            | "and"
                            | "across"
                            | "if"
                            | "so"
                            | "what"
                            | "thus"
                            | "still"
                            | "here"
                    )
            }));
    }
    f[46] = b(cx.attributed == Attributed::Subject && f[43] == 0.0 && f[44] == 0.0);
}

/// The features [`later`] computes.
const LATER: [usize; 10] = [15, 16, 32, 33, 39, 40, 43, 44, 45, 46];

/// The features that count words around the quotation, the costly ones.
const COUNTED: [usize; 6] = [10, 11, 30, 31, 34, 41];

/// The weighted sum of the features (the log-odds that the quotation reports speech).
fn log_odds(f: &[f32; FEATURES]) -> f32 {
    f.iter().zip(WEIGHTS.iter()).map(|(x, w)| x * w).sum()
}

/// [`THRESHOLD`] as log-odds.
fn threshold_log_odds() -> f32 {
    (THRESHOLD / (1.0 - THRESHOLD)).ln()
}

/// Whether the scorer keeps a short quotation with features `f`.
pub(super) fn keeps(f: &[f32; FEATURES]) -> bool {
    log_odds(f) >= threshold_log_odds()
}

/// The least and the most that the features `which` can add to the log-odds (each feature is
/// 0 or 1).
fn reach(which: &[usize]) -> (f32, f32) {
    which.iter().fold((0.0f32, 0.0f32), |(lo, hi), &i| {
        let w = WEIGHTS[i];
        (lo + w.min(0.0), hi + w.max(0.0))
    })
}

/// Whether the scorer keeps a short quotation, computing the costlier features only when the
/// cheaper ones leave the decision open: first the [`early`] features, then the [`LATER`] ones,
/// then the [`COUNTED`] ones. The same answer as [`keeps`] over all features.
pub(super) fn judge(cx: &Context<'_, '_>, counts: &mut Counts) -> bool {
    /// Leaves the rounding of the different ways of summing no say in the decision.
    const MARGIN: f32 = 1e-3;
    let t = threshold_log_odds();
    let (counted_low, counted_high) = reach(&COUNTED);
    let mut f = [0.0f32; FEATURES];
    early(cx, cx.words, &mut f);
    let (later_low, later_high) = reach(&LATER);
    // `title_of_work_after_...` (39) needs `title_of_work` (38).
    let (later_low, later_high) = if f[38] == 0.0 {
        (
            later_low - WEIGHTS[39].min(0.0),
            later_high - WEIGHTS[39].max(0.0),
        )
    } else {
        (later_low, later_high)
    };
    let first = log_odds(&f);
    if first + later_low + counted_low >= t + MARGIN {
        return true;
    }
    if first + later_high + counted_high < t - MARGIN {
        return false;
    }
    later(cx, &mut f);
    let cheap = log_odds(&f);
    if cheap + counted_low >= t + MARGIN {
        return true;
    }
    if cheap + counted_high < t - MARGIN {
        return false;
    }
    add_counted(cx, counts, &mut f);
    keeps(&f)
}

/// Checks a decision of [`judge`] against [`keeps`] over all features: test builds make it for
/// every short quotation they judge.
#[cfg(test)]
pub(super) fn assert_judged_as_scored(cx: &Context<'_, '_>, kept: bool) {
    let f = features(cx, Some(&mut Counts::default()));
    assert_eq!(
        kept,
        keeps(&f),
        "the staged judge disagrees with the scorer over all features {f:?}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_stems_are_grouped_by_first_letter() {
        assert!(
            REPORTING_STEMS
                .windows(2)
                .all(|w| w[0].as_bytes().first() <= w[1].as_bytes().first())
        );
        for stem in REPORTING_STEMS {
            let first = stem.as_bytes()[0];
            assert!(reporting_stems(first).contains(stem), "{stem}");
            assert!(
                reporting_stems(first)
                    .iter()
                    .all(|s| s.as_bytes()[0] == first)
            );
        }
        assert!(reporting_stems(b'z').is_empty());
    }

    #[test]
    fn reporting_verbs() {
        for w in [
            "said", "accused", "denied", "pledged", "tweets", "noted", "urging",
        ] {
            assert!(is_reporting(w), "{w}");
        }
        for w in [
            "the",
            "note-taker",
            "addressed",
            "Said",
            "",
            "nothing",
            "stately",
        ] {
            assert!(!is_reporting(w), "{w}");
        }
    }

    #[test]
    fn titles_of_works() {
        let is_title = |s: &str| {
            let ws = words::words(s, Span::new(0, s.len()));
            is_title_of_work(s, &ws)
        };
        for t in [
            "Fox News Sunday,",
            "Guardians of the Galaxy",
            "Orange is the New Black",
            "Make America Great Again",
            "The Art of the Deal.",
        ] {
            assert!(is_title(t), "{t}");
        }
        for t in [
            "Fine",
            "law and order",
            "We Agree. You Lose",
            "Lock Her Up!",
            "Great again",
            "",
        ] {
            assert!(!is_title(t), "{t}");
        }
    }

    #[test]
    fn speaker_and_cue_open_a_sentence() {
        let opens = |s: &str| opens_with_cue(&words::words(s, Span::new(0, s.len())));
        assert!(opens("He said it twice."));
        assert!(opens("That, Price added, is final."));
        assert!(!opens("The plan failed."));
        assert!(!opens("It was later that evening that Price said so."));
    }

    #[test]
    fn shape_reads_ascii_and_other_text_alike() {
        let general = |s: &str| Shape {
            opens_with_capital: s
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_uppercase),
            capital: s.chars().any(char::is_uppercase),
            digit: s.chars().any(|c| c.is_ascii_digit()),
            exclamation_or_question: s.contains(['!', '?']),
        };
        for s in [
            "",
            "a disaster",
            "We agree!",
            "... Why 2?",
            "(not) Great",
            "élan Vital",
            "Élan",
            "über 3",
            "¿qué?",
        ] {
            assert_eq!(Shape::of(s), general(s), "{s:?}");
        }
    }

    #[test]
    fn every_feature_has_a_name_and_a_weight() {
        assert_eq!(FEATURE_NAMES.len(), WEIGHTS.len());
        assert!(COUNTED.iter().all(|&i| i < FEATURES));
        assert!(LATER.iter().all(|&i| i < FEATURES && !COUNTED.contains(&i)));
        const { assert!(THRESHOLD > 0.0 && THRESHOLD < 1.0) };
    }
}
