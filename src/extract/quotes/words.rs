//! Words around a quotation and the small lexicons attribution needs.

use crate::span::Span;

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
    let mut out = Vec::new();
    let mut offset = range.start;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let chunk_start = offset;
        offset += chunk.len();
        let chunk = chunk.trim_end();
        let keep = |c: char| c.is_alphanumeric();
        let Some(first) = chunk.find(keep) else {
            continue;
        };
        let last = chunk
            .char_indices()
            .rev()
            .find(|&(_, c)| keep(c))
            .map_or(first, |(i, c)| i + c.len_utf8());
        if last <= first {
            continue;
        }
        out.push(Word {
            text: &chunk[first..last],
            span: Span::new(chunk_start + first, chunk_start + last),
            after: &chunk[last..],
            before: &chunk[..first],
        });
    }
    out
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

/// Whether `word` is a verb (or the head of a phrase) that introduces reported speech.
/// Only lower-case words count: `States` in `United States` is no cue.
pub(super) fn is_cue(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "tell"
            | "telling"
            | "tweeted"
            | "tweets"
            | "tweeting"
            | "added"
            | "adds"
            | "adding"
            | "wrote"
            | "writes"
            | "writing"
            | "asked"
            | "asks"
            | "asking"
            | "explained"
            | "explains"
            | "noted"
            | "notes"
            | "noting"
            | "recalled"
            | "recalls"
            | "recalling"
            | "continued"
            | "continues"
            | "argued"
            | "argues"
            | "arguing"
            | "insisted"
            | "insists"
            | "insisting"
            | "declared"
            | "declares"
            | "declaring"
            | "stated"
            | "states"
            | "replied"
            | "replies"
            | "responded"
            | "responds"
            | "warned"
            | "warns"
            | "warning"
            | "claimed"
            | "claims"
            | "claiming"
            | "complained"
            | "complains"
            | "acknowledged"
            | "acknowledges"
            | "admitted"
            | "admits"
            | "announced"
            | "announces"
            | "observed"
            | "remarked"
            | "conceded"
            | "concedes"
            | "countered"
            | "joked"
            | "jokes"
            | "quipped"
            | "quips"
            | "posted"
            | "predicted"
            | "predicts"
            | "suggested"
            | "suggests"
            | "urged"
            | "urges"
            | "testified"
            | "cautioned"
            | "emphasized"
            | "stressed"
            | "boasted"
            | "bragged"
            | "lamented"
            | "mused"
            | "promised"
            | "promises"
            | "vowed"
            | "vows"
            | "charged"
            | "contended"
            | "maintained"
            | "recounted"
            | "concluded"
            | "wondered"
            | "exclaimed"
            | "whispered"
            | "shouted"
            | "yelled"
            | "screamed"
            | "chanted"
            | "reads"
            | "read"
            | "proclaimed"
            | "opined"
            | "snapped"
            | "scoffed"
            | "demanded"
            | "pleaded"
            | "reiterated"
            | "retorted"
            | "agreed"
            | "answered"
            | "affirmed"
            | "assured"
            | "blasted"
            | "confirmed"
            | "elaborated"
            | "interjected"
            | "mocked"
            | "reported"
            | "reports"
            | "thundered"
            | "speculated"
            | "describes"
            | "described"
            | "called"
            | "calling"
            | "dubbed"
            | "labeled"
            | "branded"
            | "describing"
    )
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
