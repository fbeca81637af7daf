//! Direct quotations and who said them.
//!
//! The extractor works in three steps, each in its own module:
//!
//! 1. **Marks** ([`marks`]): every quote mark in the body paragraphs (straight `"`, curly `“ ”`,
//!    AP-style ` `` '' `, single `‘ ’ '`), classified as opening, closing or either from its
//!    neighbours; apostrophes (`don't`, `’90s`) are left out.
//! 2. **Pairing** (here): marks are paired within a paragraph; a quotation still open at the end
//!    of a paragraph continues into the next one only if that paragraph opens with a quote mark
//!    (the news convention for quotations of several paragraphs), otherwise it ends with its
//!    paragraph, so a stray mark never swallows the rest of the article. Single quotes count
//!    only outside double ones (headline style); inside, they are nested quotations.
//! 3. **Attribution** ([`attribution`]): the speaker and the cue are looked for after the
//!    closing mark (`," Price said`, `," said Price`) and then before the opening mark
//!    (`Price said: "`, `according to Price, "`), within the sentence. A quotation with neither
//!    continues the speaker of the quotation before it in the same paragraph (`"A," Price said.
//!    "B."`) or of the paragraph before. A pronoun speaker (`he said`) is resolved to the
//!    nearest named speaker before it. Some rules only choose the speaker (verbs that
//!    attribute less often than `said`, a short `Price said.` after a quotation, the sentence
//!    before introducing one, the possessor of `claim` or `remark`): the short-quotation scorer
//!    judges each quotation by the attribution its weights were fitted with, so those rules
//!    never change which quotations are kept.

mod attribution;
mod marks;
mod score;
mod words;

use super::{Analysis, Extractor};
use crate::span::Span;
use marks::{Family, Mark, Role};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize};

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Quote {
    /// The quoted words, without the outer quote marks. For a quotation that runs over several
    /// paragraphs, the text between its first opening and last closing mark, paragraph breaks
    /// and re-opening marks included.
    pub text: String,
    /// The span of [`text`](Quote::text) in the source.
    #[serde(flatten)]
    pub span: Span,
    /// Who is quoted, if the text says.
    pub speaker: Option<Speaker>,
    /// The words that attribute the quotation (`said`, `told`, `according to`), if any.
    pub cue: Option<Cue>,
}

/// The speaker of a [`Quote`]: a name, a title or a noun phrase as written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Speaker {
    /// The speaker as written: `Ned Price`, `the ASEAN chair`, `he`.
    pub text: String,
    /// The span of [`text`](Speaker::text).
    #[serde(flatten)]
    pub span: Span,
    /// For a pronoun (`he`, `she`), the nearest named speaker before it, if any.
    pub resolved: Option<ResolvedName>,
}

/// The named person a pronoun speaker refers to, as written in the source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ResolvedName {
    /// The text.
    pub text: String,
    /// Its span in the source.
    #[serde(flatten)]
    pub span: Span,
}

/// The cue of a [`Quote`]: the verb or phrase that attributes it (`said`, `tweeted`,
/// `according to`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Cue {
    /// The cue as written.
    pub text: String,
    /// Its span in the source.
    #[serde(flatten)]
    pub span: Span,
}

// The records are serialized by hand rather than derived with `flatten` (which goes through a
// map serializer and costs several times more); the fields and their order are the same.
impl Serialize for Quote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Quote", 5)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("speaker", &self.speaker)?;
        st.serialize_field("cue", &self.cue)?;
        st.end()
    }
}

impl Serialize for Speaker {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Speaker", 4)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("resolved", &self.resolved)?;
        st.end()
    }
}

impl Serialize for ResolvedName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ResolvedName", 3)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.end()
    }
}

impl Serialize for Cue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Cue", 3)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.end()
    }
}

/// Extracts direct quotations with their speakers and cues from the body paragraphs.
///
/// ```
/// use newswire::extract::{Analysis, Extractor, Quotes};
///
/// let src = "JAKARTA -- \"We appreciate the effort,\" spokesperson Ned Price said. \"It helps.\"\n\n\
///            Talks continue, he told reporters, calling for \"calm.\"\n";
/// let article = newswire::parse(src)?;
/// let quotes = Quotes::default().extract(&Analysis::new(&article));
///
/// assert_eq!(quotes.len(), 3);
/// assert_eq!(quotes[0].text, "We appreciate the effort,");
/// assert_eq!(quotes[0].speaker.as_ref().unwrap().text, "Ned Price");
/// assert_eq!(quotes[0].cue.as_ref().unwrap().text, "said");
/// // The second half of a split quotation keeps its speaker.
/// assert_eq!(quotes[1].speaker.as_ref().unwrap().text, "Ned Price");
/// // A pronoun is resolved to the named speaker before it.
/// let he = quotes[2].speaker.as_ref().unwrap();
/// assert_eq!(he.text, "he");
/// assert_eq!(he.resolved.as_ref().unwrap().text, "Ned Price");
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Quotes {
    _private: (),
}

impl Extractor for Quotes {
    type Output = Vec<Quote>;

    fn extract(&self, analysis: &Analysis<'_>) -> Vec<Quote> {
        let raw = pair(analysis);
        if raw.is_empty() {
            return Vec::new();
        }
        attribution::attribute(analysis, &raw, None)
    }
}

impl Quotes {
    /// The names of the features the short-quotation scorer reads, for refitting its weights.
    #[doc(hidden)]
    pub const SCORER_FEATURES: &'static [&'static str] = &score::FEATURE_NAMES;

    /// Every quotation before short ones are judged, each with the scorer's feature vector if
    /// it is short enough to be judged and whether the scorer keeps it. For refitting the
    /// scorer's weights; not part of the stable API.
    #[doc(hidden)]
    pub fn candidates(&self, analysis: &Analysis<'_>) -> Vec<(Quote, Option<Vec<f32>>, bool)> {
        let raw = pair(analysis);
        let mut features = Vec::new();
        let quotes = attribution::attribute(analysis, &raw, Some(&mut features));
        quotes
            .into_iter()
            .zip(features)
            .map(|(q, f)| {
                let kept = f.is_none_or(|f| score::keeps(&f));
                (q, f.map(|f| f.to_vec()), kept)
            })
            .collect()
    }
}

/// A quotation found by pairing marks, before attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Raw {
    /// The quoted words, trimmed, without marks.
    pub content: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the quotation was closed.
    pub close: Option<Span>,
    /// Index into the article's paragraphs of the paragraph it starts in.
    pub first_paragraph: usize,
    /// Index of the paragraph it ends in.
    pub last_paragraph: usize,
    /// Whether it is in single quote marks.
    pub single: bool,
}

struct Open {
    mark: Mark,
    paragraph: usize,
}

/// Pairs the quote marks of the body paragraphs into quotations, in source order.
fn pair(analysis: &Analysis<'_>) -> Vec<Raw> {
    let src = analysis.source();
    let article = analysis.article();
    let body = article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == crate::ParagraphKind::Body)
        .map(|(i, p)| (i, p.span));

    let mut out = Vec::new();
    let candidates = marks::candidates(src);
    if candidates.is_empty() {
        return out;
    }
    let mut marks = Vec::new();
    let mut rest: &[usize] = &candidates;
    let mut open: Option<Open> = None;
    let mut prev_end: Option<(usize, usize)> = None; // (paragraph index, end offset)
    for (pi, span) in body {
        // The body paragraphs come in order: the candidates before this one are done with.
        let done = rest.iter().take_while(|&&c| c < span.start).count();
        rest = rest.get(done..).unwrap_or_default();
        marks::scan(src, span, rest, &mut marks);
        let mut rest: &[Mark] = &marks;
        if let Some(o) = open.take() {
            // A quotation left open continues only if this paragraph opens with a quote mark.
            match marks.first() {
                Some(m)
                    if m.family == Family::Double
                        && m.span.start == span.start
                        && m.role != Role::Close =>
                {
                    rest = &marks[1..];
                    open = Some(o);
                }
                _ => {
                    if let Some((ppi, pend)) = prev_end {
                        emit(src, &o, pend, None, ppi, &mut out);
                    }
                }
            }
        }
        let mut single: Option<Mark> = None;
        for &m in rest {
            match m.family {
                Family::Double => {
                    single = None;
                    match open.take() {
                        Some(o) => {
                            if m.role == Role::Open {
                                // The quotation before was never closed: end it here.
                                emit(src, &o, m.span.start, None, pi, &mut out);
                                open = Some(Open {
                                    mark: m,
                                    paragraph: pi,
                                });
                            } else {
                                emit(src, &o, m.span.start, Some(m.span), pi, &mut out);
                            }
                        }
                        None => {
                            if m.role != Role::Close {
                                open = Some(Open {
                                    mark: m,
                                    paragraph: pi,
                                });
                            }
                        }
                    }
                }
                Family::Single => {
                    if open.is_some() {
                        continue; // nested inside a double quotation
                    }
                    match single.take() {
                        None => {
                            if m.role == Role::Open {
                                single = Some(m);
                            }
                        }
                        Some(s) => {
                            if m.role == Role::Open {
                                single = Some(m);
                            } else {
                                let o = Open {
                                    mark: s,
                                    paragraph: pi,
                                };
                                emit(src, &o, m.span.start, Some(m.span), pi, &mut out);
                            }
                        }
                    }
                }
            }
        }
        prev_end = Some((pi, span.end));
    }
    if let (Some(o), Some((ppi, pend))) = (open, prev_end) {
        emit(src, &o, pend, None, ppi, &mut out);
    }
    out
}

fn emit(src: &str, o: &Open, end: usize, close: Option<Span>, last: usize, out: &mut Vec<Raw>) {
    let start = o.mark.span.end;
    let Some(text) = src.get(start..end) else {
        return;
    };
    // An ASCII letter or digit settles it; only other text needs its characters decoded.
    if !text.bytes().any(|b| b.is_ascii_alphanumeric())
        && (text.is_ascii() || !text.chars().any(char::is_alphanumeric))
    {
        return;
    }
    let lead = text.len() - text.trim_start().len();
    let content = Span::new(start + lead, start + text.trim_end().len());
    out.push(Raw {
        content,
        open: o.mark.span,
        close,
        first_paragraph: o.paragraph,
        last_paragraph: last,
        single: o.mark.family == Family::Single,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `t!(name, text, [(quote, speaker, cue), ...])`: the quotations found in `text`, each
    /// with its speaker (or the name a pronoun resolves to, after `=`) and cue, `""` for none.
    macro_rules! t {
        ($name:ident, $text:expr, [$(($q:expr, $s:expr, $c:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let src: &str = $text;
                let article = crate::parse(src).expect("lenient parsing accepts any text");
                let quotes = Quotes::default().extract(&Analysis::new(&article));
                let got: Vec<(String, String, String)> = quotes
                    .iter()
                    .map(|q| {
                        let speaker = q.speaker.as_ref().map_or(String::new(), |s| {
                            match &s.resolved {
                                Some(r) => format!("{}={}", s.text, r.text),
                                None => s.text.clone(),
                            }
                        });
                        let cue = q.cue.as_ref().map_or(String::new(), |c| c.text.clone());
                        (q.text.clone(), speaker, cue)
                    })
                    .collect();
                let want: Vec<(String, String, String)> =
                    vec![$(($q.to_string(), $s.to_string(), $c.to_string())),*];
                assert_eq!(got, want, "quotes of {src:?}");
            }
        };
    }

    /// Paragraphs of sentences, each holding a short quotation in one of the shapes the scorer
    /// judges: cues before and after, names, pronouns, titles of works, naming words,
    /// determiners and prepositions before the marks, nouns after them.
    fn short_quotes() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let before = prop::sample::select(vec![
            "",
            "Price said ",
            "He called it ",
            "the so-called ",
            "She watched ",
            "Officials denied the ",
            "In the ",
            "Ned Price told reporters: ",
            "According to Mr. Lee, ",
            "It was ",
            "The group's ",
            "Talks stalled over ",
        ]);
        let content = prop::sample::select(vec![
            "fine",
            "a disaster",
            "We agree,",
            "law and order",
            "Fox News Sunday",
            "The Art of the Deal",
            "Why?",
            "I will not go.",
            "2 percent",
            "Make America Great Again",
            "you lose",
            "no",
        ]);
        let after = prop::sample::select(vec![
            ".",
            " Price said.",
            " he said.",
            " said Ned Price.",
            " campaign ended.",
            " slogan, he added.",
            " on Tuesday.",
            " and more.",
            ", who spoke.",
            "",
        ]);
        let mark = prop::sample::select(vec![("\"", "\""), ("“", "”"), ("``", "''"), ("'", "'")]);
        let sentence = (before, mark, content, after)
            .prop_map(|(b, (open, close), c, a)| format!("{b}{open}{c}{close}{a}"));
        let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|v| v.join(" "));
        prop::collection::vec(paragraph, 1..6).prop_map(|v| v.join("\n\n"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// The judge computes the scorer's features in stages and stops once the rest cannot
        /// change its decision; test builds check each decision against the scorer over all
        /// features (`score::assert_judged_as_scored`).
        #[test]
        fn staged_judge_decides_as_the_full_scorer(text in short_quotes()) {
            let article = crate::parse(&text).expect("lenient parsing accepts any text");
            Quotes::default().extract(&Analysis::new(&article));
        }
    }

    #[test]
    fn staged_judge_decides_as_the_full_scorer_on_the_samples() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut quotes = 0;
        for entry in std::fs::read_dir(dir).expect("the samples are bundled") {
            let text = std::fs::read_to_string(entry.expect("a readable entry").path())
                .expect("samples are UTF-8");
            let article = crate::parse(&text).expect("lenient parsing accepts any text");
            quotes += Quotes::default().extract(&Analysis::new(&article)).len();
        }
        assert!(quotes > 0);
    }

    t!(
        trailing_name_cue,
        "\"We agree,\" Price said.",
        [("We agree,", "Price", "said")]
    );
    t!(
        trailing_cue_name,
        "\"We agree,\" said Ned Price, a spokesman.",
        [("We agree,", "Ned Price", "said")]
    );
    t!(
        leading_colon,
        "Price told reporters: \"We agree.\"",
        [("We agree.", "Price", "told")]
    );
    t!(
        according_to,
        "According to Price, \"it works.\"",
        [("it works.", "Price", "According to")]
    );
    t!(
        appositive,
        "\"Yes,\" Flynn, a top adviser, said.",
        [("Yes,", "Flynn", "said")]
    );
    t!(
        split_quote,
        "\"We agree,\" Price said. \"It is a good start.\"",
        [
            ("We agree,", "Price", "said"),
            ("It is a good start.", "Price", "said")
        ]
    );
    t!(
        pronoun_resolved,
        "Ned Price spoke first. \"Fine,\" he said.",
        [("Fine,", "he=Ned Price", "said")]
    );
    t!(
        partial_quote,
        "The chair called for the \"immediate cessation of violence.\"",
        [("immediate cessation of violence.", "The chair", "called")]
    );
    t!(
        curly_quotes,
        "“We agree,” Price said.",
        [("We agree,", "Price", "said")]
    );
    t!(
        ap_quotes,
        "``We agree,'' Price said.",
        [("We agree,", "Price", "said")]
    );
    t!(
        nyt_quotes,
        "''We agree,'' Price said.",
        [("We agree,", "Price", "said")]
    );
    t!(
        nested_single,
        "\"He said 'no' twice,\" Price said.",
        [("He said 'no' twice,", "Price", "said")]
    );
    t!(
        apostrophes_are_not_quotes,
        "Price's team didn't say it was the '90s rock 'n' roll.",
        []
    );
    t!(
        headline_single_quotes,
        "Price: 'We agree'",
        [("We agree", "Price", "")]
    );
    t!(
        title_is_not_a_quote,
        "He appeared on the show \"Morning Joe\" on Monday.",
        []
    );
    t!(
        markup_is_not_a_quote,
        "<tweet author=\"@price\">Hi</tweet>",
        []
    );
    t!(
        stray_mark_ends_with_paragraph,
        "It \"never closes\n\nNext paragraph.",
        [("never closes", "It", "")]
    );
    t!(
        multi_paragraph,
        "\"First part,\n\n\"second part,\" Price said.",
        [("First part,\n\n\"second part,", "Price", "said")]
    );
    t!(
        question_then_cue,
        "\"Why?\" Price asked.",
        [("Why?", "Price", "asked")]
    );
    t!(
        report_inside_a_report_is_the_outer_speakers,
        "Price said Lee told him \"we agree.\"",
        [("we agree.", "Price", "said")]
    );
    t!(
        carried_speaker_changes_with_a_new_subject,
        "\"We agree,\" Price said.\n\nLee Wong disagreed. \"No deal.\"",
        [("We agree,", "Price", "said"), ("No deal.", "Lee Wong", "")]
    );
    t!(
        carried_speaker_kept_without_a_new_subject,
        "\"We agree,\" Price said.\n\n\"It is a start.\"",
        [
            ("We agree,", "Price", "said"),
            ("It is a start.", "Price", "said")
        ]
    );
    t!(
        scare_quoted_phrase_is_dropped,
        "The notorious \"carried interest\" loophole helps funds.",
        []
    );
    t!(
        reported_phrase_is_kept,
        "Price called the deal \"a disaster\" on Monday.",
        [("a disaster", "Price", "called")]
    );
    t!(
        dash_attribution,
        "\"We agree.\" ― Ned Price",
        [("We agree.", "Ned Price", "")]
    );
    t!(
        colon_after_an_object_names_the_subject,
        "The mayor has adopted the view of many farmers: \"We need rain.\"",
        [("We need rain.", "The mayor", "")]
    );
    t!(
        colon_after_an_object_in_the_sentence_before,
        "The senator listed the risks in a letter to the board:\n\n\"We cannot wait.\"",
        [("We cannot wait.", "The senator", "")]
    );
    t!(
        colon_after_a_dash_names_the_phrase,
        "HARBOR PLAN STALLS AGAIN - Ona Berg: \"The tide waits for no one.\"",
        [("The tide waits for no one.", "Ona Berg", "")]
    );
    t!(
        attributing_verb_of_the_quotations_clause,
        "When Price announced the deal, Lee decried its \"reckless terms\" on Monday.",
        [("reckless terms", "Lee", "decried")]
    );
    t!(
        attributing_verb_after_another_cue,
        "Price said the count was late, and Lee denounced the \"sham vote\" on Monday.",
        [("sham vote", "Lee", "denounced")]
    );
    t!(
        subject_after_an_introduction_with_commas,
        "In a short, tense meeting with the council last week, Okafor said he backed the \
         bridge and added, \"It will be built.\"",
        [("It will be built.", "Okafor", "added")]
    );
    t!(
        participle_after_an_earlier_quotation_takes_the_subject,
        "Lee compared the plan to the film \"Blue Harbor,\" explaining, \"Nobody wins there.\"",
        [("Nobody wins there.", "Lee", "explaining")]
    );
    t!(
        name_before_long_appositives,
        "\"The river is rising,\" Mara Quist Jr., the head of the water board of the Delta \
         District, said at a briefing. \"We are ready,\" Tom Ekland, 52, of Fenwick, Ore., \
         who runs the ferry, said in an interview.",
        [
            ("The river is rising,", "Mara Quist Jr", "said"),
            ("We are ready,", "Tom Ekland", "said")
        ]
    );
    t!(
        as_clause_before_the_quotation,
        "As the critic Lena Moor had written a year earlier, \"The town runs on its \
         ferries.\"",
        [("The town runs on its ferries.", "the critic Lena Moor", "")]
    );
    t!(
        short_attributing_sentence_after_the_quotation,
        "The ferry was late. \"Bring the maps, if you can find them.\" Okafor said.\n\n\
         \"It is over.\" said Lee on Tuesday.",
        [
            ("Bring the maps, if you can find them.", "Okafor", "said"),
            ("It is over.", "Lee", "said")
        ]
    );
    t!(
        long_sentence_after_the_quotation_does_not_attribute_it,
        "\"It is over.\" Okafor said the vote would come again in the spring.",
        [("It is over.", "", "")]
    );
    t!(
        quotation_introduced_by_the_sentence_before,
        "Berg praised the harbor master's work after the flood.\n\n\"We need more people \
         like him.\"",
        [("We need more people like him.", "Berg", "praised")]
    );
    t!(
        sentence_before_without_a_cue_introduces_nothing,
        "Berg visited the harbor after the flood.\n\n\"We need more people like him.\"",
        [("We need more people like him.", "", "")]
    );
    t!(
        speaker_right_after_a_quotation_in_a_sentence_wins,
        "Lee suggested the plan had failed: \"It was a mess,\" Price said, and \"a waste,\" \
         said Ann Ray.",
        [
            ("It was a mess,", "Price", "said"),
            ("a waste,", "Ann Ray", "said")
        ]
    );
    t!(
        quotation_ending_its_words_keeps_the_speaker_before,
        "Lee said the offer was \"fine\" before Price spoke.",
        [("fine", "Lee", "said")]
    );
    t!(
        sentences_inside_the_quotation_before_name_no_new_speaker,
        "\"It is late,\" Okafor said. \"The ferry has gone. Do we have a plan? Not \
         yet.\"\n\n\"Then we walk.\"",
        [
            ("It is late,", "Okafor", "said"),
            (
                "The ferry has gone. Do we have a plan? Not yet.",
                "Okafor",
                "said"
            ),
            ("Then we walk.", "Okafor", "said")
        ]
    );
    t!(
        possessor_of_words_said_speaks_them,
        "The paper checked Mayor Ona Berg's claim that there were \"hundreds of new jobs\" \
         this year. She came under fire over her assertion that \"the harbor is safe.\"",
        [
            ("hundreds of new jobs", "Mayor Ona Berg's", "claim"),
            ("the harbor is safe.", "her", "assertion")
        ]
    );
    t!(
        cue_before_the_quotation_outranks_a_possessor,
        "Lee said Berg's claim was \"plainly false.\"",
        [("plainly false.", "Lee", "said")]
    );
    t!(
        pronoun_resolved_to_a_lone_name_that_speaks,
        "\"We agree,\" Lee Wong said. Okafor said the board, which he called \"a closed \
         shop,\" must go.",
        [
            ("We agree,", "Lee Wong", "said"),
            ("a closed shop,", "he=Okafor", "called")
        ]
    );
}
