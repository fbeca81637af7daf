//! Temporal expressions (TIMEX3) normalized against the article's date.
//!
//! [`Times`] finds expressions such as `Friday`, `Feb. 1`, `early March`, `this week`,
//! `two days ago`, `the third quarter`, `daily` and gives each its TIMEX3 type, value and
//! modifier, as in the TempEval-3 data. Relative and underspecified expressions are resolved
//! against [`Analysis::anchor`] (the header date unless the caller gives another); the tense of
//! the sentence decides whether a bare `Friday` is the one before or after it. Without an anchor
//! the values keep their unknown parts (`XXXX-02-01`).
//!
//! Conventions follow the TempEval-3 (TimeBank) annotation where it is consistent: `the` belongs
//! to expressions headed by a time noun (`the third quarter`, `the past two months`) but not to
//! dates used as modifiers (`the Oct. 23 slaying`); `Friday night` is the DATE of that Friday;
//! `a year earlier` refers to the quarter under discussion when one was named shortly before,
//! and to the year when a longer stretch (`the nine months`, `the first half`) was named after
//! it; `the 1988 period` is that year's quarter under discussion.
//! Weeks are always resolved to ISO weeks (`2021-W08`) rather than left as `WXX`.
//!
//! How it works: a byte scan finds trigger words (month and day names, time units, `today`...)
//! and time-like numbers with a table lookup behind a two-letter prefilter; only the text around
//! them is tokenized and parsed by a hand-written grammar, so text without times costs one pass.
//!
//! ```
//! use newswire::extract::{Analysis, Extractor};
//! use newswire::extract::times::{Times, TimexType};
//!
//! let src = " date 2021-05-01 JAKARTA -- Leaders met on Tuesday and will meet again next week.";
//! let article = newswire::parse(src)?;
//! let times = Times::default().extract(&Analysis::new(&article));
//! let found: Vec<(&str, String)> =
//!     times.iter().map(|t| (&src[t.span], t.value.to_timex3())).collect();
//! assert_eq!(found, [("Tuesday", "2021-04-27".to_string()), ("next week", "2021-W18".to_string())]);
//! assert_eq!(times[0].timex_type, TimexType::Date);
//! # Ok::<(), newswire::ParseError>(())
//! ```
//!
//! ## Reading values back
//!
//! A TIMEX3 string, such as the `value` of this crate's JSON output or of another tagger's
//! (HeidelTime, SUTime, TimeML gold), reads back into the typed value with `parse`
//! ([`CalendarPoint`], [`Duration`], [`Reference`], and [`TimeValue`] for DATE, TIME and DURATION)
//! or with [`TimeValue::from_timex3`] given the TIMEX3 type, which tells a SET's value apart.
//! What is not a value is a [`ParseTimexError`] naming the byte and what was expected there.
//!
//! ```
//! use newswire::extract::times::{CalendarPoint, Granularity, TimeValue, TimexType};
//!
//! let week: CalendarPoint = "1998-W11".parse()?;
//! assert_eq!((week.granularity, week.year), (Granularity::Week, Some(1998)));
//! let thursdays = TimeValue::from_timex3("XXXX-WXX-4", TimexType::Set)?;
//! assert_eq!(thursdays, TimeValue::Each(CalendarPoint::weekday(4)));
//!
//! // A timeline: earlier first, and the coarser first where two start together.
//! let mut timeline: Vec<CalendarPoint> = ["1998-03-12", "1998-Q1", "1997", "1998-03-12T10:35"]
//!     .iter()
//!     .map(|v| v.parse())
//!     .collect::<Result<_, _>>()?;
//! timeline.sort();
//! let sorted: Vec<String> = timeline.iter().map(|p| p.to_timex3()).collect();
//! assert_eq!(sorted, ["1997", "1998-Q1", "1998-03-12", "1998-03-12T10:35"]);
//!
//! let err = "1998-13".parse::<CalendarPoint>().unwrap_err();
//! assert_eq!((err.offset(), err.expected()), (5, "a month (01 to 12, or XX)"));
//! # Ok::<(), newswire::extract::times::ParseTimexError>(())
//! ```

mod lexicon;
mod normalizer;
mod recognizer;
mod scan;
mod timex3;
mod value;

pub use timex3::ParseTimexError;
pub use value::{
    CalendarPoint, Duration, DurationUnit, Granularity, PartOfDay, Reference, Season, TimeValue,
    TimexMod, TimexType, YearPart,
};

use super::{Analysis, Extractor};
use crate::span::Span;
use normalizer::{Discourse, Tense};
use recognizer::{Grammar, Match};
use serde::Serialize;

/// One temporal expression with its TIMEX3 annotation.
///
/// Serializes as `{"text", "start", "end", "type", "value", "mod"?}` with `value` as the TIMEX3
/// string.
///
/// ```
/// use newswire::extract::{Analysis, Extractor};
/// use newswire::extract::times::Times;
///
/// let article = newswire::parse(" date 2021-05-01 Talks resume in early June.")?;
/// let times = Times::default().extract(&Analysis::new(&article));
/// assert_eq!(
///     serde_json::to_string(&times[0])?,
///     r#"{"text":"early June","start":33,"end":43,"type":"DATE","value":"2021-06","mod":"START"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpression {
    /// The expression as written.
    pub text: String,
    /// Where it is in [`Analysis::source`].
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The normalized value; its `Display` is the TIMEX3 string.
    pub value: TimeValue,
    /// The TIMEX3 modifier (`early` = START, `about` = APPROX...), if any.
    pub timex_mod: Option<TimexMod>,
}

// Written out rather than derived: as a struct of known length (a derived `flatten` makes it a
// map of unknown length), serializers such as `serde_json::to_value` size the object up front.
impl Serialize for TimeExpression {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let len = 5 + usize::from(self.timex_mod.is_some());
        let mut st = serializer.serialize_struct("TimeExpression", len)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("type", &self.timex_type)?;
        st.serialize_field("value", &value::Timex3(&self.value))?;
        match &self.timex_mod {
            Some(m) => st.serialize_field("mod", m)?,
            None => st.skip_field("mod")?,
        }
        st.end()
    }
}

/// The temporal expression extractor. See the [module documentation](self).
///
/// Cheap to build; holds no per-article state.
#[derive(Debug, Clone, Default)]
pub struct Times {
    _private: (),
}

impl Times {
    /// A `Times` extractor with the default settings.
    pub fn new() -> Self {
        Times::default()
    }
}

impl Extractor for Times {
    type Output = Vec<TimeExpression>;

    fn extract(&self, analysis: &Analysis<'_>) -> Vec<TimeExpression> {
        let src = analysis.source();
        let article = analysis.article();
        // Everything after the header: the dateline and all paragraphs.
        let from = article.header.map_or(0, |h| h.end).min(src.len());
        let from = (from..=src.len())
            .find(|&i| src.is_char_boundary(i))
            .unwrap_or(src.len());
        find(src, from, analysis)
    }
}

/// Buffers reused from one article to the next on the same thread, so an article costs no
/// allocations beyond its output.
#[derive(Default)]
struct Scratch {
    windows: Vec<(usize, usize)>,
    toks: Vec<scan::Tok>,
    matches: Vec<Match>,
    tense: TenseCache,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Scans `src[from..]` and resolves what it finds.
fn find(src: &str, from: usize, analysis: &Analysis<'_>) -> Vec<TimeExpression> {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => find_with(src, from, analysis, &mut scratch),
        // Re-entered on this thread (not done by this module): fresh buffers.
        Err(_) => find_with(src, from, analysis, &mut Scratch::default()),
    })
}

fn find_with(
    src: &str,
    from: usize,
    analysis: &Analysis<'_>,
    scratch: &mut Scratch,
) -> Vec<TimeExpression> {
    let text = &src[from..];
    let Scratch {
        windows,
        toks,
        matches,
        tense: tense_cache,
    } = scratch;
    scan::windows_into(text, 28, 20, windows);
    let mut out = Vec::with_capacity(windows.len());
    if windows.is_empty() {
        return out;
    }
    tense_cache.sentence = None;
    tense_cache.line = None;
    let mut discourse = Discourse::default();
    let anchor = analysis.anchor();
    for &(ws, we) in windows.iter() {
        toks.clear();
        matches.clear();
        scan::tokenize(src, from + ws, from + we, toks);
        Grammar::new(toks, src).matches(matches);
        for m in matches.iter() {
            let (Some(first), Some(last)) = (toks.get(m.start), toks.get(m.end.wrapping_sub(1)))
            else {
                continue;
            };
            let span = Span::new(first.start, last.end);
            let tense = if needs_tense(&m.parsed) {
                // "Wednesday's ruling" is reported on, hence past (TimeBank: never future).
                let possessive =
                    src[span.end..].starts_with("'s") || src[span.end..].starts_with("\u{2019}s");
                if possessive
                    && matches!(m.parsed.core, recognizer::Core::Weekday { rel: None, .. })
                {
                    Tense::Past
                } else {
                    tense_for(analysis, span, tense_cache)
                }
            } else {
                Tense::Unknown
            };
            let Some(r) = discourse.resolve(&m.parsed, anchor, tense, span.start) else {
                continue;
            };
            out.push(TimeExpression {
                text: src[span].to_string(),
                span,
                timex_type: r.ty,
                value: r.value,
                timex_mod: r.md,
            });
        }
    }
    out
}

fn needs_tense(p: &recognizer::Parsed) -> bool {
    use recognizer::{Core, YearRef};
    matches!(
        p.core,
        Core::Weekday {
            rel: None | Some(0),
            ..
        } | Core::Calendar {
            year: YearRef::Implicit,
            ..
        } | Core::Part {
            year: YearRef::Implicit,
            ..
        } | Core::Holiday {
            year: YearRef::Implicit,
            ..
        }
    )
}

/// The sentence whose tense markers were read last, and those markers; likewise the line
/// outside the body's sentences (a dateline, a related-stories list).
#[derive(Default)]
struct TenseCache {
    sentence: Option<Span>,
    markers: normalizer::Markers,
    /// A line holding no line break.
    line: Option<Span>,
    line_markers: normalizer::Markers,
}

/// The tense of the sentence around `span` (the sentence containing its start). Each sentence's
/// markers are read once, for the first expression in it that needs them.
fn tense_for(analysis: &Analysis<'_>, span: Span, cache: &mut TenseCache) -> Tense {
    let src = analysis.source();
    let sentence = match cache.sentence {
        Some(s) if s.start <= span.start && span.start < s.end => Some(s),
        _ => {
            let sentences = analysis.sentences();
            let i = sentences.partition_point(|s| s.span.end <= span.start);
            let found = sentences
                .get(i)
                .filter(|s| s.span.start <= span.start)
                .map(|s| s.span);
            if let Some(s) = found {
                cache.sentence = Some(s);
                cache.markers.read(s.get(src).unwrap_or(""));
            }
            found
        }
    };
    match sentence {
        Some(s) => cache.markers.tense(span.start - s.start),
        None => {
            // Outside the body's sentences (a dateline): the line around it, read once for
            // all the expressions on it.
            let line = match cache.line {
                Some(l) if l.start <= span.start && span.end <= l.end => l,
                _ => {
                    let start =
                        memchr::memrchr(b'\n', &src.as_bytes()[..span.start]).map_or(0, |i| i + 1);
                    let end = memchr::memchr(b'\n', &src.as_bytes()[span.end..])
                        .map_or(src.len(), |i| span.end + i);
                    let line = Span::new(start, end);
                    cache.line_markers.read(&src[start..end]);
                    // Kept for the next expression unless the expression itself breaks the
                    // line, as another on it would find another line.
                    let broken = memchr::memchr(b'\n', &src.as_bytes()[span.start..span.end]);
                    cache.line = broken.is_none().then_some(line);
                    line
                }
            };
            cache.line_markers.tense(span.start - line.start)
        }
    }
}

#[cfg(test)]
mod tests;
