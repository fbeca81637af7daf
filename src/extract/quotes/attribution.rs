//! Finding the speaker and the cue of each quotation.

use super::score::{self, Attributed, FEATURES};
use super::words::{self, Tokens, Word};
use super::{Cue, Quote, Raw, ResolvedName, Speaker};
use crate::extract::{Analysis, Sentence};
use crate::span::Span;
use std::cell::{Cell, OnceCell};

/// Most words a speaker phrase may have.
const MAX_SPEAKER_WORDS: usize = 9;
/// Most words an appositive after a name may have (`Flynn, a top Trump surrogate,`).
const MAX_APPOSITIVE_WORDS: usize = 20;
/// How far after a closing mark the cue may stand, in words.
const MAX_TRAILING_CUE: usize = 30;
/// How far a cue in the sentence after a quotation may stand from its start, in words.
const MAX_NEXT_SENTENCE_CUE: usize = 5;
/// How far from a quote mark attribution is looked for, in bytes (keeps the work per quotation
/// bounded on sentences that never end).
const MAX_WINDOW: usize = 320;
/// How far back to look for a named person a pronoun refers to, in bytes.
const PRONOUN_WINDOW: usize = 800;

/// A speaker and cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    speaker: Span,
    cue: Option<Span>,
    how: How,
}

/// Where an attribution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// A cue right after the closing mark.
    Trailing,
    /// A cue before the opening mark in the same sentence.
    Leading,
    /// A colon after a name (`Price: "`).
    Colon,
    /// No cue: the subject of the sentence.
    Subject,
    /// The speaker of the quotation before.
    Inherited,
}

/// Attributes each raw quotation and builds the output records.
///
/// With `features`, short quotations are not judged: every quotation is kept, and the feature
/// vector of each short one (`None` for longer ones) is pushed in step with the output.
pub(super) fn attribute(
    analysis: &Analysis<'_>,
    raw: &[Raw],
    mut features: Option<&mut Vec<Option<[f32; FEATURES]>>>,
) -> Vec<Quote> {
    let src = analysis.source();
    let sentences = analysis.sentences();
    let tk = &Tokens::new(
        src,
        analysis
            .article()
            .paragraphs
            .iter()
            .map(|p| p.span)
            .collect(),
        sentences,
    );
    let mut out: Vec<Quote> = Vec::with_capacity(raw.len());
    // The last attribution found, with the paragraph of the quotation it belongs to.
    let mut last: Option<(Found, usize)> = None;
    // The same for the attributions the scorer judges by.
    let mut last_judged: Option<(Found, usize)> = None;
    // The last speaker that was a name, for pronouns.
    let mut last_named: Option<Span> = None;
    // The paragraph of the last quotation kept, and whether it had a cue.
    let mut last_kept: Option<(usize, bool)> = None;
    let mut counts = score::Counts::default();
    let first_body = analysis
        .article()
        .paragraphs
        .iter()
        .position(|p| p.kind == crate::ParagraphKind::Body);

    for (k, q) in raw.iter().enumerate() {
        let prev_close = k
            .checked_sub(1)
            .and_then(|j| raw.get(j))
            .map(|p| p.close.map_or(p.content.end, |c| c.end));
        // The quotation before, from its opening mark to its closing one.
        let prev = k
            .checked_sub(1)
            .and_then(|j| raw.get(j))
            .zip(prev_close)
            .map(|(p, end)| Span::new(p.open.start, end.max(p.open.start)));
        let next_open = raw.get(k + 1).map(|n| n.open.start);
        // A quotation that ends in `?`, `!`, `,` or a dash may be attributed in the sentence
        // the splitter starts after it (`"Why?" Price asked.`).
        let open_ended = src[q.content]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '?' | '!' | ',' | '-' | '—' | '–' | '…'));
        // The sentence of the opening mark, looked up once for every use below.
        let here = sentence_at(sentences, q.open.start);
        // The attribution by every rule, which gives the speaker, and the one the
        // short-quotation scorer was fitted on, which decides whether the quotation is kept.
        // They differ only where a rule of the first kind was used, or where the speaker
        // carried on from the quotation before differs.
        let rules = Rules::default();
        let find = |rules: &Rules, last: Option<(Found, usize)>| {
            let around = Around {
                src,
                tk,
                sentences,
                next_open,
                paragraph: q.last_paragraph,
                open_ended,
                near: here,
                rules,
            };
            let after = |c: Span| trailing(&around, c.end);
            let before = || leading(src, tk, sentences, here, q.open.start, prev_close, rules);
            // A quotation inside a sentence (`Price called it "a mistake" on Monday`) is
            // attributed by what comes before it first.
            let found = if opens_sentence(src, here, q.open.start) {
                q.close.and_then(after).or_else(before)
            } else {
                match before() {
                    // `Lee said the offer was "fine," Price said`: a speaker and cue right after
                    // a quotation that runs on (ends in a comma, `?`, `!`) are its own.
                    Some(f) if f.how == How::Leading => match q.close.filter(|_| open_ended) {
                        Some(c) => after(c)
                            .filter(|t| tight(c, t) && rules.refine())
                            .or(Some(f)),
                        None => Some(f),
                    },
                    weak => q.close.and_then(after).or(weak),
                }
            };
            let primary = found.or_else(|| q.close.and_then(|c| dash_attribution(src, tk, c.end)));
            let used_early = rules.used.get();
            let found = primary
                .or_else(|| q.close.and_then(|c| said_after(&around, c.end)))
                .or_else(|| inherited(src, tk, sentences, here, q, Before { last, prev }, rules));
            (found, primary, used_early)
        };
        let (found, primary, used_early) = find(&rules, last);
        // Past the attribution in the text, the scorer's rules only continue the speaker of
        // the quotation before ([`said_after`] is not among them).
        let judged = if used_early {
            find(&Rules::fitted(), last_judged).0
        } else if rules.used.get()
            || found.is_some_and(|f| f.how == How::Inherited) && last_judged != last
        {
            primary.or_else(|| {
                let fitted = Rules::fitted();
                let before = Before {
                    last: last_judged,
                    prev,
                };
                inherited(src, tk, sentences, here, q, before, &fitted)
            })
        } else {
            found
        };
        // The quotation's words, looked up once for every use below.
        let content_words = OnceCell::new();
        let words_of_content = || &**content_words.get_or_init(|| tk.get(q.content));
        if not_a_quotation(analysis, tk, q, judged.map(|f| f.how), words_of_content) {
            continue;
        }
        let short = match content_words.get() {
            Some(ws) => ws.len() <= score::MAX_SCORED_WORDS,
            None => tk.at_most(q.content, score::MAX_SCORED_WORDS),
        };
        let context = short.then(|| {
            let sentence = |r: &Raw| sentence_near(sentences, r.open.start, here).map(|(i, _)| i);
            let this = here.map(|(i, _)| i);
            let beside = |j: Option<usize>| {
                j.and_then(|j| raw.get(j))
                    .is_some_and(|r| this.is_some() && sentence(r) == this)
            };
            let paragraph = analysis
                .article()
                .paragraphs
                .get(q.first_paragraph)
                .map_or(q.content, |p| p.span);
            score::Context {
                src,
                tk,
                sentences,
                content: q.content,
                words: words_of_content(),
                open: q.open,
                close: q.close,
                single: q.single,
                paragraph,
                first_paragraph: first_body == Some(q.first_paragraph),
                sentence: this,
                attributed: match judged.map(|f| f.how) {
                    Some(How::Trailing) => Attributed::After,
                    Some(How::Leading) => Attributed::Before,
                    Some(How::Colon) => Attributed::Colon,
                    Some(How::Subject) => Attributed::Subject,
                    Some(How::Inherited) => Attributed::Inherited,
                    None => Attributed::None,
                },
                cue: judged.and_then(|f| f.cue),
                speaker: judged.map(|f| f.speaker),
                previous_attributed: last_kept
                    .is_some_and(|(p, cued)| cued && p == q.first_paragraph),
                other_in_sentence: beside(k.checked_sub(1)) || beside(k.checked_add(1)),
            }
        });
        match (features.as_deref_mut(), &context) {
            (Some(out), cx) => {
                out.push(cx.as_ref().map(|cx| score::features(cx, Some(&mut counts))))
            }
            (None, Some(cx)) => {
                let kept = score::judge(cx, &mut counts);
                #[cfg(test)]
                score::assert_judged_as_scored(cx, kept);
                if !kept {
                    continue;
                }
            }
            (None, None) => {}
        }
        // A quotation kept with nothing to attribute it may be introduced by the sentence
        // before, looked for only now as the scorer does not judge by it.
        let found = found.or_else(|| introduced(src, tk, sentences, here, q, prev_close, &rules));
        last_kept = Some((q.last_paragraph, judged.is_some_and(|f| f.cue.is_some())));
        if let Some(f) = found {
            last = Some((f, q.last_paragraph));
        }
        if let Some(f) = judged {
            last_judged = Some((f, q.last_paragraph));
        }
        let speaker = found.map(|f| {
            let text = &src[f.speaker];
            let resolved = if text == "who" {
                name_before(src, tk, f.speaker.start).map(|s| ResolvedName {
                    text: src[s].to_string(),
                    span: s,
                })
            } else if words::is_person_pronoun(text) {
                // The named subject of the same sentence (`Ban Ki-moon condemned what he
                // called`), else the last named speaker if it comes before the pronoun (a
                // speaker found before an earlier quotation can precede that quotation's own),
                // else the nearest name before.
                sentence_near(sentences, f.speaker.start, here)
                    .and_then(|(_, s)| sentence_subject(src, tk, s, f.speaker.start, &rules))
                    .filter(|sp| sp.end <= f.speaker.start)
                    .and_then(|sp| name_in(tk, sp))
                    .filter(|n| {
                        // A lone capitalized word is a name only if nothing better is known,
                        // it names the last speaker (`Trump` after `Donald Trump`) or it
                        // speaks itself (`Okafor said the board, which he called "`).
                        src[*n].contains(' ')
                            || last_named.is_none_or(|l| src[l].contains(&src[*n]))
                            || speaks(src, tk, *n)
                    })
                    .or(last_named.filter(|l| l.end <= f.speaker.start))
                    .or_else(|| name_before(src, tk, f.speaker.start))
                    .map(|s| ResolvedName {
                        text: src[s].to_string(),
                        span: s,
                    })
            } else {
                None
            };
            if resolved.is_none()
                && !words::is_pronoun(text)
                && let Some(name) = name_in(tk, f.speaker)
            {
                last_named = Some(name);
            }
            Speaker {
                text: text.to_string(),
                span: f.speaker,
                resolved,
            }
        });
        out.push(Quote {
            text: src[q.content].to_string(),
            span: q.content,
            speaker,
            cue: found.and_then(|f| f.cue).map(|c| Cue {
                text: src[c].to_string(),
                span: c,
            }),
        });
    }
    out
}

/// Most words a quoted title or name (`the show "Morning Joe"`) has.
const MAX_TITLE_WORDS: usize = 4;
/// Most bytes a quoted title has.
const MAX_TITLE_BYTES: usize = 160;
/// Most words a quoted title has after a possessive or a word such as `show` or `book`.
const MAX_NAMED_TITLE_WORDS: usize = 12;

/// Whether quote marks enclose something other than words someone said or wrote:
///
/// - a markup attribute value (`author="@x"`) or markup;
/// - a subheading: a paragraph that is nothing but a phrase in single quote marks;
/// - a title or name: a few capitalized words (`"Morning Joe"`, `"Tea Party"`) with no cue
///   right beside them, or a longer title after a possessive or a word such as `show`, `book`
///   (`ABC's "This Week With George Stephanopoulos"`), in a paragraph that is not itself set in
///   title case (a headline, where every word is capitalized).
///
/// `content_words` gives the words of the quotation (looked up on the first call).
fn not_a_quotation<'t, 'a: 't>(
    analysis: &Analysis<'_>,
    tk: &'t Tokens<'a>,
    q: &Raw,
    how: Option<How>,
    content_words: impl FnOnce() -> &'t [Word<'a>],
) -> bool {
    let src = analysis.source();
    let before = src.get(..q.open.start).unwrap_or("");
    if before.ends_with('=') || memchr::memchr2(b'<', b'>', src[q.content].as_bytes()).is_some() {
        return true;
    }
    let Some(p) = analysis.article().paragraphs.get(q.first_paragraph) else {
        return false;
    };
    if q.single
        && q.first_paragraph > 0
        && q.open.start == p.span.start
        && q.close
            .is_some_and(|c| c.end >= p.span.end.saturating_sub(1))
    {
        return true;
    }
    // Cheap tests first: a title is short and opens with a capital or a digit.
    let content = &src[q.content];
    if content.len() > MAX_TITLE_BYTES
        || !content
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let ws = content_words();
    if ws.is_empty() || ws.len() > MAX_NAMED_TITLE_WORDS || !title_case(ws) {
        return false;
    }
    let prev = tk.get(Span::new(q.open.start.saturating_sub(24), q.open.start));
    let named = prev.last().is_some_and(|w| {
        matches!(w.after, "" | ",")
            && (w.text.ends_with("'s") || w.text.ends_with("’s") || words::is_title_noun(w.text))
    });
    let adjacent_cue = matches!(how, Some(How::Trailing | How::Leading | How::Colon));
    if !(named || ws.len() <= MAX_TITLE_WORDS && !adjacent_cue) {
        return false;
    }
    // Whether the paragraph is a headline, judged from its start.
    let mut end = p
        .span
        .end
        .min(p.span.start.saturating_add(MAX_TITLE_BYTES * 2));
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let pws = tk.get(Span::new(p.span.start, end));
    !title_case(&pws)
}

/// Whether the words are set in title case: the first word and most words of four letters
/// or more are capitalized (or all upper case).
fn title_case(ws: &[Word<'_>]) -> bool {
    let Some(first) = ws.first() else {
        return false;
    };
    if !first.is_capitalized() && !first.text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (mut long, mut caps) = (0usize, 0usize);
    // Four characters or more; sixteen bytes hold at least four characters.
    let is_long = |t: &str| t.len() > 3 && (t.len() > 15 || t.chars().nth(3).is_some());
    for w in ws.iter().filter(|w| is_long(w.text)) {
        long += 1;
        caps += usize::from(w.is_capitalized());
    }
    caps * 10 >= long * 7
}

/// The nearest char boundary at or before `i` (clamped to the text).
fn floor_boundary(src: &str, i: usize) -> usize {
    let mut i = i.min(src.len());
    while !src.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary at or after `i` (clamped to the text).
fn ceil_boundary(src: &str, i: usize) -> usize {
    let mut i = i.min(src.len());
    while !src.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether the quote mark at `at`, in sentence `here` ([`sentence_at`] `at`), opens its
/// sentence (nothing but space before it).
fn opens_sentence(src: &str, here: Option<(usize, Span)>, at: usize) -> bool {
    match here {
        Some((_, s)) => src.get(s.start..at).is_some_and(|t| t.trim().is_empty()),
        None => true,
    }
}

/// The sentence containing byte `at`, if any.
fn sentence_at(sentences: &[Sentence], at: usize) -> Option<(usize, Span)> {
    let i = sentences.partition_point(|s| s.span.start <= at);
    let i = i.checked_sub(1)?;
    let s = sentences.get(i)?;
    (at < s.span.end).then_some((i, s.span))
}

/// [`sentence_at`], looked for first in the sentence `near` (a sentence and its index, as
/// [`sentence_at`] gives them) and the ones just before and after it: the marks of a
/// quotation and its neighbours mostly lie there.
fn sentence_near(
    sentences: &[Sentence],
    at: usize,
    near: Option<(usize, Span)>,
) -> Option<(usize, Span)> {
    let holds = |s: Span| s.start <= at && at < s.end;
    if let Some((i, s)) = near {
        if holds(s) {
            return near;
        }
        // The sentence after (or before) `near` holds `at`, or `at` lies between the two, in
        // no sentence.
        let j = if at >= s.end {
            i.checked_add(1)
        } else {
            i.checked_sub(1)
        };
        if let Some(j) = j
            && let Some(t) = sentences.get(j)
        {
            if holds(t.span) {
                return Some((j, t.span));
            }
            if (s.end <= at && at < t.span.start) || (t.span.end <= at && at < s.start) {
                return None;
            }
        }
    }
    sentence_at(sentences, at)
}

/// What [`trailing`] reads about a quotation besides where its closing mark ends.
struct Around<'t, 'a> {
    src: &'a str,
    tk: &'t Tokens<'a>,
    sentences: &'t [Sentence],
    /// Where the next quotation opens, if one follows.
    next_open: Option<usize>,
    /// The paragraph the quotation ends in.
    paragraph: usize,
    /// Whether the quotation ends in `?`, `!`, `,`, a dash or an ellipsis, so that it may be
    /// attributed in the sentence after it.
    open_ended: bool,
    /// The sentence of the opening mark ([`sentence_at`]), where that of the closing mark is
    /// looked for first.
    near: Option<(usize, Span)>,
    /// The rules to attribute by.
    rules: &'t Rules,
}

/// Which rules attribution follows: all of them, or only those the short-quotation scorer's
/// weights were fitted with (see [`attribute`]), and whether one of the others was used.
#[derive(Debug, Default)]
struct Rules {
    /// Only the rules the scorer was fitted with.
    fitted: bool,
    /// Set when a rule the scorer was not fitted with was used.
    used: Cell<bool>,
}

impl Rules {
    /// Only the rules the scorer was fitted with.
    fn fitted() -> Rules {
        Rules {
            fitted: true,
            used: Cell::new(false),
        }
    }

    /// Whether word `i` is a cue (`according` counts only before `to`), by these rules.
    #[inline]
    fn is_cue_at(&self, ws: &[Word<'_>], i: usize) -> bool {
        let w = ws[i].text;
        match words::attributing(w) {
            Some(words::Attributing::Cue) => true,
            Some(words::Attributing::Verb) => !self.fitted && self.refine(),
            None if w.eq_ignore_ascii_case("according") => {
                ws.get(i + 1).is_some_and(|n| n.text == "to")
            }
            None => false,
        }
    }

    /// Whether a rule the scorer was not fitted with may be used; noted as used if so.
    fn refine(&self) -> bool {
        if !self.fitted {
            self.used.set(true);
        }
        !self.fitted
    }
}

/// Attribution after a closing mark at `from`: `," Price said`, `," said Price`,
/// `?" Price asked.`, `," a spokesman, Ned Price, said`, `" since ..., said Price`.
fn trailing(around: &Around<'_, '_>, from: usize) -> Option<Found> {
    let &Around {
        src,
        tk,
        sentences,
        next_open,
        paragraph,
        open_ended,
        near,
        rules,
    } = around;
    let (window, limit) = match sentence_near(sentences, from, near) {
        Some((_, s)) => (Span::new(from, s.end), MAX_TRAILING_CUE),
        None if !open_ended => return None,
        None => {
            // The quotation ended its sentence: the cue may open the next one (`?" Price asked.`).
            let i = sentences.partition_point(|s| s.span.start < from);
            let s = sentences.get(i)?;
            if s.paragraph != paragraph {
                return None;
            }
            let gap = src.get(from..s.span.start)?;
            if !gap.trim().is_empty() {
                return None;
            }
            (s.span, MAX_NEXT_SENTENCE_CUE)
        }
    };
    let window = match next_open {
        Some(n) if n < window.end => Span::new(window.start, n.max(window.start)),
        _ => window,
    };
    let end = floor_boundary(src, window.end.min(window.start.saturating_add(MAX_WINDOW)));
    let ws = tk.get(Span::new(window.start, end.max(window.start)));
    for (c, w) in ws.iter().enumerate().take(limit) {
        if rules.is_cue_at(&ws, c) {
            let cue = Some(cue_span(&ws, c));
            let mut end = c;
            while end > 0 && is_skippable(&ws[..end]) {
                end -= 1;
            }
            // `" like the markets, said Price`: a comma before the cue puts the speaker after it.
            if end > 0
                && ws[end - 1].after.starts_with(',')
                && !appositive(&ws, end)
                && let Some(speaker) = phrase_after(&ws, c + 1)
            {
                return Some(Found {
                    speaker,
                    cue,
                    how: How::Trailing,
                });
            }
            // `," Price said`: the words between the quotation and the cue are the speaker.
            if end > 0 {
                let (begin, end) = phrase_before(&ws, end);
                if begin == 0
                    && let Some(speaker) = ws.get(begin..end).and_then(trim_speaker)
                {
                    return Some(Found {
                        speaker,
                        cue,
                        how: How::Trailing,
                    });
                }
                // `'' of the case, the unsigned opinion said`: the quoted sentence runs on after
                // the closing mark up to a comma, then the speaker.
                if end > 0 {
                    let (begin, end) = phrase_before(&ws, end);
                    if begin > 0
                        && ws[begin - 1].after.starts_with(',')
                        && !ws[..begin]
                            .iter()
                            .any(|w| w.ends_sentence() || words::is_cue(w.text))
                        && let Some(speaker) = ws.get(begin..end).and_then(trim_speaker)
                    {
                        return Some(Found {
                            speaker,
                            cue,
                            how: How::Trailing,
                        });
                    }
                }
                // `," the bespectacled, 71-year-old diplomat said`: a phrase with commas that
                // runs from the closing mark to the cue.
                if end <= MAX_SPEAKER_WORDS
                    && ws
                        .first()
                        .is_some_and(|w| w.is_capitalized() || words::is_determiner(w.text))
                    && !ws[..end]
                        .iter()
                        .any(|w| w.ends_sentence() || words::is_cue(w.text))
                    && let (Some(a), Some(b)) = (ws.first(), ws.get(end - 1))
                {
                    return Some(Found {
                        speaker: a.span.cover(b.span),
                        cue,
                        how: How::Trailing,
                    });
                }
                // `," Mara Quist, the head of the water board, one of three, said`: a
                // name set off by a comma right after the closing mark, then appositives of any
                // length up to the cue.
                if ws.first().is_some_and(Word::is_capitalized)
                    && ws[end - 1].ends_clause()
                    && !ws[..end]
                        .iter()
                        .any(|w| w.ends_sentence() || words::is_cue(w.text))
                    && let Some(k) = ws[..end]
                        .iter()
                        .take(MAX_SPEAKER_WORDS)
                        .position(Word::ends_clause)
                    && k + 1 < end
                    && let Some(speaker) = trim_speaker(&ws[..=k])
                    && rules.refine()
                {
                    return Some(Found {
                        speaker,
                        cue,
                        how: How::Trailing,
                    });
                }
            }
            // `," said Price`, `," according to Price`, `" since ..., said Price`.
            if end == 0 || ws[end - 1].after.starts_with(',') {
                let after = if ws[c].text.eq_ignore_ascii_case("according") {
                    c + 2
                } else {
                    c + 1
                };
                if let Some(speaker) = phrase_after(&ws, after) {
                    return Some(Found {
                        speaker,
                        cue,
                        how: How::Trailing,
                    });
                }
            }
            return None;
        }
        if w.ends_sentence() || w.after.contains([';', ':']) {
            break;
        }
    }
    // No known cue: `," Oliver barked.`, `," an angry Hollande retaliated`: a short phrase
    // right after the quotation and a verb in the past tense.
    if open_ended {
        // `," reacted Trump.`
        if let (Some(verb), Some(name)) = (ws.first(), ws.get(1))
            && verb.text.ends_with("ed")
            && !verb.is_capitalized()
            && name.is_capitalized()
            && let Some(speaker) = phrase_after(&ws, 1)
        {
            return Some(Found {
                speaker,
                cue: Some(verb.span),
                how: How::Trailing,
            });
        }
        let is_verb = |w: &Word<'_>| {
            !w.is_capitalized()
                && w.text.len() > 3
                && (w.text.ends_with("ed")
                    || w.text.ends_with('s') && !w.text.ends_with("ss") && !w.text.ends_with("us"))
        };
        let v = ws.iter().take(MAX_SPEAKER_WORDS).position(is_verb)?;
        if v > 0
            && !ws[..v]
                .iter()
                .any(|w| w.ends_sentence() || w.after.contains(';'))
        {
            let speaker = trim_speaker(&ws[..v]).filter(|sp| sp.start == ws[0].span.start)?;
            return Some(Found {
                speaker,
                cue: Some(ws[v].span),
                how: How::Trailing,
            });
        }
    }
    None
}

/// Most bytes between a closing mark and the end of the speaker and cue after it for them to
/// take the quotation from an attribution before it ([`tight`]).
const MAX_TIGHT_TRAILING: usize = 60;

/// Whether an attribution after the closing mark `close` stands right after it: a speaker and
/// a cue (`," Price said`, `," said Price`), both within [`MAX_TIGHT_TRAILING`] bytes.
fn tight(close: Span, f: &Found) -> bool {
    let near = |s: Span| s.start >= close.end && s.end <= close.end + MAX_TIGHT_TRAILING;
    f.how == How::Trailing && near(f.speaker) && f.cue.is_some_and(near)
}

/// Most words of a sentence that attributes the quotation ending right before it
/// ([`said_after`]).
const MAX_SAID_AFTER_WORDS: usize = 8;
/// Most words after the cue in such a sentence (`Price said on Tuesday.`).
const MAX_AFTER_SAID_CUE: usize = 3;

/// `"We agree." Price said.`: a quotation that ends its sentence, then a short sentence in the
/// same paragraph that is little more than a speaker and a cue.
fn said_after(around: &Around<'_, '_>, from: usize) -> Option<Found> {
    let &Around {
        src,
        tk,
        sentences,
        next_open,
        paragraph,
        rules,
        ..
    } = around;
    let i = sentences.partition_point(|s| s.span.start < from);
    let s = sentences.get(i)?;
    if s.paragraph != paragraph
        || next_open.is_some_and(|n| n < s.span.end)
        || !src.get(from..s.span.start)?.trim().is_empty()
    {
        return None;
    }
    // Long sentences are no attribution; a quarter of the window holds eight words.
    let end = floor_boundary(
        src,
        s.span.end.min(s.span.start.saturating_add(MAX_WINDOW / 4)),
    );
    let ws = tk.get(Span::new(s.span.start, end));
    if ws.len() > MAX_SAID_AFTER_WORDS || ws.last().is_none_or(|w| !w.ends_sentence()) {
        return None;
    }
    let c = ws.iter().position(|w| words::is_cue(w.text))?;
    if ws.len() - c - 1 > MAX_AFTER_SAID_CUE {
        return None;
    }
    let speaker = if c == 0 {
        phrase_after(&ws, 1)?
    } else {
        trim_speaker(&ws[..c]).filter(|sp| sp.start == ws[0].span.start)?
    };
    rules.refine().then_some(Found {
        speaker,
        cue: Some(ws[c].span),
        how: How::Trailing,
    })
}

/// `Lee praised the plan. "It is a start."`: a quotation that opens its sentence, with no
/// attribution of its own nor a quotation before it to continue, is introduced by the sentence
/// before it (in its paragraph, or ending the paragraph before if the quotation opens its
/// own), when the subject of that sentence speaks through a cue.
fn introduced(
    src: &str,
    tk: &Tokens<'_>,
    sentences: &[Sentence],
    here: Option<(usize, Span)>,
    q: &Raw,
    prev_close: Option<usize>,
    rules: &Rules,
) -> Option<Found> {
    let (i, s) = here?;
    if !src.get(s.start..q.open.start)?.trim().is_empty() {
        return None;
    }
    let prev = sentences.get(i.checked_sub(1)?)?;
    if prev.paragraph != q.first_paragraph && prev.paragraph + 1 != q.first_paragraph {
        return None;
    }
    // Its own quotations carry their attributions on ([`inherited`]).
    if prev_close.is_some_and(|p| p > prev.span.start) {
        return None;
    }
    let end = floor_boundary(
        src,
        prev.span
            .end
            .min(prev.span.start.saturating_add(MAX_WINDOW)),
    );
    let ws = tk.get(Span::new(prev.span.start, end));
    let c = ws.iter().position(|w| words::is_attributing(w.text))?;
    let speaker = subject(src, &ws[..c], rules)?;
    rules.refine().then_some(Found {
        speaker,
        cue: Some(ws[c].span),
        how: How::Inherited,
    })
}

/// A dash attribution after a quotation (`" ― Steve Quinlan`, `"\n\n- Sanders.`): the name
/// after a dash that follows the closing mark, in the same or the next paragraph.
fn dash_attribution(src: &str, tk: &Tokens<'_>, from: usize) -> Option<Found> {
    let rest = src.get(from..)?;
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    if skipped > MAX_WINDOW || rest[..skipped].matches('\n').count() > 2 {
        return None;
    }
    let dash = trimmed.chars().next()?;
    if !matches!(dash, '―' | '—' | '–' | '-') {
        return None;
    }
    let start = from + skipped + dash.len_utf8();
    let limit = floor_boundary(src, start.saturating_add(120));
    let line_end = src
        .get(start..limit)?
        .find(['\n', '.', ';', '(', '"', '“'])
        .map_or(limit, |i| start + i);
    let ws = tk.get(Span::new(start, line_end));
    let first = ws.first()?;
    if !first.is_capitalized() || !first.before.is_empty() && first.before != "\u{a0}" {
        return None;
    }
    let mut end = 0;
    while end < ws.len() && end < 5 && ws[end].is_capitalized() {
        end += 1;
        if ws[end - 1].ends_clause() {
            break;
        }
    }
    let last = ws.get(end.checked_sub(1)?)?;
    Some(Found {
        speaker: first.span.cover(last.span),
        cue: None,
        how: How::Trailing,
    })
}

/// Attribution before an opening mark at `to`: `Price said: "`, `according to Price, "`,
/// `Price, calling it "`, `Price promised to "`, `Price: "` (headline style), or a sentence
/// ending in a colon before a quotation that opens its paragraph.
fn leading(
    src: &str,
    tk: &Tokens<'_>,
    sentences: &[Sentence],
    here: Option<(usize, Span)>,
    to: usize,
    prev_close: Option<usize>,
    rules: &Rules,
) -> Option<Found> {
    // `here` is the sentence holding `to` ([`sentence_at`]).
    let (i, s) = here?;
    let start = match prev_close {
        Some(p) if p > s.start && p <= to => p,
        _ => s.start,
    };
    let mut window = Span::new(start, to);
    if src.get(start..to).is_some_and(|t| t.trim().is_empty()) && start == s.start {
        // A quotation that opens its sentence: a sentence before it that ends in a colon
        // (`In a 1963 speech, he declared:`) introduces it.
        let before = sentences.get(i.checked_sub(1)?)?;
        if !src.get(before.span.range())?.trim_end().ends_with(':') {
            return None;
        }
        if prev_close.is_some_and(|p| p > before.span.start) {
            return None;
        }
        window = before.span;
    }
    let sentence_start = window.start == s.start || window != Span::new(start, to);
    // The subject as the speaker: of `words` (before the quotation) when they open the
    // sentence, else of the whole sentence.
    let by_subject = |words: &[Word<'_>], cue: Option<Span>| -> Option<Found> {
        let speaker = if sentence_start {
            subject(src, words, rules)?
        } else {
            sentence_subject(src, tk, s, to, rules)?
        };
        Some(Found {
            speaker,
            cue,
            how: How::Subject,
        })
    };
    let begin = ceil_boundary(src, window.start.max(window.end.saturating_sub(MAX_WINDOW)));
    let ws = tk.get(Span::new(begin.min(window.end), window.end));
    let Some(c) = (0..ws.len()).rev().find(|&i| rules.is_cue_at(&ws, i)) else {
        if let Some(f) = possessed_words(&ws, rules) {
            return Some(f);
        }
        // No cue. Headline style `Price: "` names the speaker before a colon; otherwise the
        // subject of the sentence is the best guess (`Price promised to "`).
        let last = ws.last()?;
        if last.after.ends_with(':') {
            let (begin, end) = phrase_before(&ws, ws.len());
            // `The mayor has adopted the view of many: "`: a phrase before the colon that does not
            // open the sentence is the object of a clause, whose subject is the speaker. A
            // phrase that opens the sentence (`Price: "`) or follows a dash (`HARBOR PLAN
            // STALLS - Ona Berg: "`) is the speaker itself.
            let dash = ws.windows(2).any(|p| {
                src.get(p[0].span.end..p[1].span.start)
                    .is_some_and(|gap| gap.contains(['-', '—', '–', '―']))
            });
            if begin > 0
                && !dash
                && sentence_start
                && let Some(f) = by_subject(&ws, None)
            {
                return Some(Found {
                    how: How::Colon,
                    ..f
                });
            }
            let speaker = trim_speaker(ws.get(begin..end)?)?;
            return Some(Found {
                speaker,
                cue: None,
                how: How::Colon,
            });
        }
        // `As the columnist Ann Lee put it, "`: the subject of an `as` clause that ends
        // right before the quotation.
        if last.after.starts_with(',')
            && let Some(a) = ws.iter().rposition(|w| w.text.eq_ignore_ascii_case("as"))
            && !ws[a..ws.len() - 1]
                .iter()
                .any(|w| w.ends_clause() || w.ends_sentence())
            && let Some(next) = ws.get(a + 1)
            && let Some(speaker) = noun_phrase_at(&ws, a + 1)
            && speaker.start == next.span.start
            && a + 2 < ws.len()
            && rules.refine()
        {
            return Some(Found {
                speaker,
                cue: None,
                how: How::Subject,
            });
        }
        return by_subject(&ws, None);
    };
    let cue = Some(cue_span(&ws, c));
    if ws[c].text.eq_ignore_ascii_case("according") {
        let speaker = phrase_after(&ws, c + 2)?;
        return Some(Found {
            speaker,
            cue,
            how: How::Leading,
        });
    }
    if ws[c].text.ends_with("ing") {
        // `he told reporters, calling for "`: the participle shares the speaker of the finite
        // cue before it.
        if let Some(f) = (0..c)
            .rev()
            .find(|&i| rules.is_cue_at(&ws, i) && !ws[i].text.ends_with("ing"))
        {
            let mut end = f;
            while end > 0 && is_skippable(&ws[..end]) {
                end -= 1;
            }
            if end > 0 {
                let (begin, end) = phrase_before(&ws, end);
                if let Some(speaker) = ws.get(begin..end).and_then(trim_speaker) {
                    return Some(Found {
                        speaker,
                        cue,
                        how: How::Leading,
                    });
                }
            }
        }
    }
    // A participle (`..., saying "`) or a cue with nothing before it takes the sentence's subject.
    let mut end = c;
    while end > 0 && is_skippable(&ws[..end]) {
        end -= 1;
    }
    if ws[c].text.ends_with("ing") || end == 0 || ws[end - 1].ends_clause() && !appositive(&ws, end)
    {
        // `..., explaining, "`: a participle after an earlier quotation in the sentence
        // shares the sentence's subject too.
        if end == 0 && !sentence_start && !(ws[c].text.ends_with("ing") && rules.refine()) {
            return None;
        }
        if !ws[c].text.ends_with("ing") && ws.get(c + 1).is_some_and(Word::is_capitalized) {
            // `Said Price: "`, `But, said Solovey, "`
            if let Some(speaker) = phrase_after(&ws, c + 1) {
                return Some(Found {
                    speaker,
                    cue,
                    how: How::Leading,
                });
            }
        }
        return by_subject(&ws[..c], cue);
    }
    let (begin, end) = phrase_before(&ws, end);
    if let Some(speaker) = ws.get(begin..end).and_then(trim_speaker) {
        // `Price said Lee told him "`: a report inside a report is the outer speaker's.
        if let Some(outer) = outer_report(&ws, begin, rules) {
            return Some(outer);
        }
        return Some(Found {
            speaker,
            cue,
            how: How::Leading,
        });
    }
    // `Scott beamed and asked the crowd - "`: the subject of the sentence.
    by_subject(&ws[..c], cue)
}

/// Whether the word after `name` is a cue or an attributing verb (`Price said`).
fn speaks(src: &str, tk: &Tokens<'_>, name: Span) -> bool {
    let end = floor_boundary(src, name.end.saturating_add(32));
    let ws = tk.get(Span::new(name.end, end.max(name.end)));
    ws.iter()
        .find(|w| !words::is_filler(w.text))
        .is_some_and(|w| words::is_attributing(w.text))
}

/// Most words between a noun for words said and the quotation they introduce
/// ([`possessed_words`]).
const MAX_POSSESSED_WORDS: usize = 12;

/// `the paper checked Mayor Berg's claim that "`, `her assertion at the hearing that "`: the
/// possessor of a noun for words said, standing nearer the quotation than any cue, speaks them.
fn possessed_words(ws: &[Word<'_>], rules: &Rules) -> Option<Found> {
    let from = ws.len().saturating_sub(MAX_POSSESSED_WORDS);
    for n in (from.max(1)..ws.len()).rev() {
        let w = &ws[n];
        if w.ends_sentence() || words::is_attributing(w.text) {
            return None;
        }
        if !words::is_speech_noun(w.text) {
            continue;
        }
        let owner = &ws[n - 1];
        let t = owner.text;
        let possessive = t.ends_with("'s")
            || t.ends_with("’s")
            || matches!(owner.after, "'" | "’") && t.ends_with('s')
            || matches!(
                t,
                "his" | "her" | "their" | "its" | "His" | "Her" | "Their" | "Its"
            );
        if !possessive || !owner.after.is_empty() && !matches!(owner.after, "'" | "’") {
            return None;
        }
        // `Mayor Ona Berg's`: the name's capitalized words before the possessive.
        let mut b = n - 1;
        while owner.is_capitalized()
            && b > 0
            && ws[b - 1].is_capitalized()
            && !ws[b - 1].ends_clause()
            && !ws[b - 1].ends_sentence()
            && n - b < MAX_SPEAKER_WORDS
        {
            b -= 1;
        }
        return rules.refine().then_some(Found {
            speaker: ws[b].span.cover(owner.span),
            cue: Some(w.span),
            how: How::Leading,
        });
    }
    None
}

/// The speaker and cue of a report that holds the words before `begin` (`Price said` in
/// `Price said Lee told him "`): a finite cue before `begin`, in the same clause, with a
/// speaker phrase before it.
fn outer_report(ws: &[Word<'_>], begin: usize, rules: &Rules) -> Option<Found> {
    let e = (0..begin).rev().find(|&i| rules.is_cue_at(ws, i))?;
    let w = ws[e].text;
    if w.ends_with("ing")
        || w.eq_ignore_ascii_case("according")
        || ws[e..begin]
            .iter()
            .any(|w| w.ends_clause() || w.ends_sentence())
    {
        return None;
    }
    let mut end = e;
    while end > 0 && is_skippable(&ws[..end]) {
        end -= 1;
    }
    if end == 0 || ws[end - 1].ends_clause() {
        return None;
    }
    let (b, e2) = phrase_before(ws, end);
    let speaker = ws.get(b..e2).and_then(trim_speaker)?;
    Some(Found {
        speaker,
        cue: Some(cue_span(ws, e)),
        how: How::Leading,
    })
}

/// Whether the words before `end` (the last ending in a comma) are an appositive after a name:
/// `Flynn, a top Trump surrogate,`.
fn appositive(ws: &[Word<'_>], end: usize) -> bool {
    let Some(last) = end.checked_sub(1) else {
        return false;
    };
    let mut j = last;
    while j > 0 && !ws[j - 1].ends_clause() {
        j -= 1;
    }
    j > 0 && last - j < MAX_APPOSITIVE_WORDS && ws[j - 1].after.starts_with(',')
}

/// The speaker phrase that ends at word `end` (exclusive), read leftwards: `(begin, end)`.
/// An appositive (`Flynn, a top surrogate,`) gives the name before it.
fn phrase_before(ws: &[Word<'_>], end: usize) -> (usize, usize) {
    let Some(mut begin) = end.checked_sub(1) else {
        return (0, 0);
    };
    let mut end = end;
    if ws[begin].ends_clause() && appositive(ws, end) {
        let mut j = begin;
        while j > 0 && !ws[j - 1].ends_clause() {
            j -= 1;
        }
        // The name is the phrase before the appositive, unless that phrase is long (then the
        // appositive is the speaker: `..., the statement said`).
        end = j;
        begin = j.saturating_sub(1);
    }
    while begin > 0
        && end - begin < MAX_SPEAKER_WORDS
        && !ws[begin - 1].ends_clause()
        && !ws[begin - 1].ends_sentence()
        && !words::is_phrase_boundary(ws[begin].text)
        && !words::is_phrase_boundary(ws[begin - 1].text)
        && !words::is_cue(ws[begin - 1].text)
        && !is_verb_like(ws[begin - 1].text)
    {
        begin -= 1;
    }
    if words::is_phrase_boundary(ws[begin].text) && begin < end {
        begin += 1;
    }
    (begin, end)
}

/// Lower-case words that are probably verbs, which a speaker phrase read leftwards stops at.
fn is_verb_like(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && (word.ends_with("ed") && word.len() > 4 || words::is_filler(word))
}

/// The subject of sentence `s`, read from its start up to `to`, unless the sentence opens with
/// a quotation.
fn sentence_subject(src: &str, tk: &Tokens<'_>, s: Span, to: usize, rules: &Rules) -> Option<Span> {
    let text = src.get(s.start..to)?;
    if text.starts_with(['"', '\'', '`', '“', '‘']) {
        return None;
    }
    let to = floor_boundary(src, to.min(s.start.saturating_add(MAX_WINDOW)));
    subject(src, &tk.get(Span::new(s.start, to.max(s.start))), rules)
}

/// The subject of a sentence: its first noun phrase after an introductory phrase
/// (`On Friday, Mr. Carson endorsed` gives `Mr. Carson`).
fn subject(src: &str, ws: &[Word<'_>], rules: &Rules) -> Option<Span> {
    let mut i = 0;
    // Skip a wire dateline: `FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton`.
    if ws
        .first()
        .is_some_and(|w| w.text.len() > 1 && !w.text.contains(char::is_lowercase))
    {
        let dash = ws.windows(2).take(10).position(|pair| {
            src.get(pair[0].span.end..pair[1].span.start)
                .is_some_and(|gap| {
                    gap.contains(['—', '―', '–']) || gap.contains(" - ") || gap.contains("--")
                })
        });
        if let Some(k) = dash {
            i = k + 1;
        }
    }
    // Skip an introductory phrase that ends in a comma: `On Friday,`, `Back in 1999,`,
    // `Specifically,`, `Addressing supporters Monday,` (but not a name: `Flynn, a surrogate,`).
    let rest = ws.get(i..)?;
    let opener = |w: &Word<'_>| {
        words::is_intro(w.text)
            || w.is_capitalized() && (w.text.ends_with("ing") || w.text.ends_with("ed"))
    };
    let comma = rest.iter().take(16).position(Word::ends_clause);
    if rest.first().is_some_and(opener) {
        i += match comma {
            Some(k) => k + 1,
            // `When he returned he began`: the first pronoun or name after the intro word.
            None => 1,
        };
        // `In a short, tense meeting last week, Okafor said`: an introductory phrase
        // with commas of its own ends at the first comma a noun phrase follows.
        if comma.is_some() && noun_phrase_at(ws, i).is_none() {
            let later = (i..ws.len().min(i.saturating_add(16)))
                .filter(|&k| ws[k].ends_clause())
                .find_map(|k| noun_phrase_at(ws, k + 1));
            if let Some(found) = later
                && rules.refine()
            {
                return Some(found);
            }
        }
    } else if let Some(k) = comma.filter(|&k| k < 6) {
        let intro = &rest[..=k];
        let namelike = intro
            .iter()
            .all(|w| w.is_capitalized() && !w.text.ends_with("ly"));
        if !namelike
            && !rest.first().is_some_and(|w| words::is_pronoun(w.text))
            && let Some(found) = noun_phrase_at(ws, i + k + 1)
        {
            return Some(found);
        }
    }
    noun_phrase_at(ws, i)
}

/// The noun phrase that starts at or just after word `i` (see [`subject`]).
fn noun_phrase_at(ws: &[Word<'_>], i: usize) -> Option<Span> {
    let mut i = i;
    // `conservative commentator Jonah Goldberg`: start at the name.
    let skip = ws
        .iter()
        .skip(i)
        .take(3)
        .position(|w| {
            w.is_capitalized()
                || words::is_pronoun(w.text)
                || words::is_determiner(&w.text.to_ascii_lowercase())
        })
        .unwrap_or(0);
    i += skip;
    let first = ws.get(i)?;
    let contraction = ["'m", "’m", "'s", "’s", "'re", "’re"]
        .iter()
        .any(|c| first.text.ends_with(c))
        && matches!(
            first.text.split(['\'', '’']).next(),
            Some("I" | "It" | "That" | "There" | "What" | "Here" | "We" | "They")
        );
    if contraction || matches!(first.text, "There" | "What") {
        return None; // no speaker in `It was "`, `That's "`
    }
    if words::is_pronoun(first.text) {
        return Some(first.span);
    }
    let determiner = words::is_determiner(&first.text.to_ascii_lowercase());
    if !(first.is_capitalized() || determiner) || words::is_intro(first.text) {
        return None;
    }
    let mut j = i;
    while j + 1 < ws.len() && j - i + 1 < MAX_SPEAKER_WORDS && !ws[j].ends_clause() {
        let next = &ws[j + 1];
        let joins = matches!(next.text, "of" | "the" | "for" | "and")
            && ws
                .get(j + 2)
                .is_some_and(|w| w.is_capitalized() || w.text == "the");
        let lower_noun = !next.is_capitalized()
            && j - i < 4
            && !words::is_cue(next.text)
            && !is_verb_like(next.text)
            && !words::is_preposition(next.text)
            && !words::is_phrase_boundary(next.text)
            && (!next.text.ends_with('s')
                || next.text.ends_with("'s")
                || next.text.ends_with("’s"))
            && determiner;
        if next.is_capitalized() || joins || lower_noun {
            j += 1;
        } else {
            break;
        }
    }
    if j == i && (determiner || first.text.ends_with("ed") || first.text.ends_with("ing")) {
        return None; // `The "`, `Given "`: no subject found
    }
    Some(first.span.cover(ws[j].span))
}

/// What comes before a quotation, for [`inherited`].
#[derive(Debug, Clone, Copy)]
struct Before {
    /// The last attribution found, with the paragraph of the quotation it belongs to.
    last: Option<(Found, usize)>,
    /// The quotation before, from its opening mark to its closing one.
    prev: Option<Span>,
}

/// A quotation with no attribution of its own continues the speaker of the quotation before
/// it, if that one is in the same paragraph, or in the paragraph before and this quotation
/// opens its sentence.
///
/// A sentence in between whose subject names someone else (`Lee disagreed.`) hands the
/// quotation to that person instead.
fn inherited(
    src: &str,
    tk: &Tokens<'_>,
    sentences: &[Sentence],
    here: Option<(usize, Span)>,
    q: &Raw,
    before: Before,
    rules: &Rules,
) -> Option<Found> {
    let Before { last, prev } = before;
    let (f, paragraph) = last?;
    let f = Found {
        how: How::Inherited,
        ..f
    };
    let f = match new_subject_between(src, tk, sentences, f.speaker, q.open.start, prev, rules) {
        Some(subject) => Found {
            speaker: subject,
            cue: None,
            how: How::Inherited,
        },
        None => f,
    };
    if paragraph == q.first_paragraph {
        return Some(f);
    }
    if q.first_paragraph.checked_sub(1) == Some(paragraph) {
        // `here` is the sentence of the opening mark ([`sentence_at`]).
        let opens_sentence = match here {
            Some((_, s)) => src
                .get(s.start..q.open.start)
                .is_some_and(|t| t.trim().is_empty()),
            None => false,
        };
        if opens_sentence {
            return Some(f);
        }
    }
    None
}

/// Most sentences looked at between a carried speaker and the quotation that carries it on.
const MAX_SENTENCES_BETWEEN: usize = 6;

/// The subject of a sentence between `carried` (a speaker) and `to` that names someone other
/// than the speaker.
fn new_subject_between(
    src: &str,
    tk: &Tokens<'_>,
    sentences: &[Sentence],
    carried: Span,
    to: usize,
    prev: Option<Span>,
    rules: &Rules,
) -> Option<Span> {
    let carried_name = name_in(tk, carried).map(|n| &src[n])?;
    let first = sentences.partition_point(|s| s.span.start < carried.end);
    sentences
        .get(first..)?
        .iter()
        .take_while(|s| s.span.end <= to)
        .take(MAX_SENTENCES_BETWEEN)
        .filter(|s| {
            // Sentences holding quotations have their own attribution.
            !src.get(s.span.range())
                .is_some_and(|t| t.contains(['"', '“', '”']))
        })
        .find_map(|s| {
            let subject = sentence_subject(src, tk, s.span, s.span.end, rules)?;
            let name = name_in(tk, subject)?;
            let name = &src[name];
            let other = !words::is_pronoun(name)
                && !carried_name.contains(name)
                && !name.contains(carried_name);
            // A sentence inside the quotation before (one of several sentences between its
            // marks) holds the speaker's own words, not a new subject.
            if other && prev.is_some_and(|p| p.start <= s.span.start && s.span.end <= p.end) {
                return if rules.refine() { None } else { Some(subject) };
            }
            other.then_some(subject)
        })
}

/// Whether the last of `ws` stands between a speaker and a cue without belonging to either:
/// an auxiliary or adverb (`had said`), or a time (`Price on Thursday said`).
fn is_skippable(ws: &[Word<'_>]) -> bool {
    let Some(last) = ws.last() else {
        return false;
    };
    if words::is_filler(last.text) {
        return true;
    }
    let n = ws.len();
    // `on Thursday`, `last week`, `on Feb. 1`
    let time =
        |w: &Word<'_>| words::is_time_word(w.text) || matches!(w.text, "week" | "month" | "year");
    if n >= 2
        && time(last)
        && matches!(ws[n - 2].text, "on" | "last" | "this" | "earlier" | "later")
    {
        return true;
    }
    false
}

fn cue_span(ws: &[Word<'_>], c: usize) -> Span {
    if ws[c].text.eq_ignore_ascii_case("according")
        && let Some(to) = ws.get(c + 1)
    {
        return ws[c].span.cover(to.span);
    }
    ws[c].span
}

/// The speaker phrase starting at word `from`, read rightwards: `Price, a spokesman` gives
/// `Price`; `the ASEAN chair in a statement` gives `the ASEAN chair`.
fn phrase_after(ws: &[Word<'_>], from: usize) -> Option<Span> {
    let mut i = from;
    while i < ws.len() && words::is_time_word(ws[i].text) && !ws[i].ends_clause() {
        i += 1;
    }
    let begin = i;
    let mut end = i;
    if ws.get(begin).is_none_or(|w| words::is_preposition(w.text)) {
        return None;
    }
    while end < ws.len() && end - begin < MAX_SPEAKER_WORDS {
        let w = &ws[end];
        if end > begin && (words::is_preposition(w.text) || words::is_filler(w.text)) {
            break;
        }
        end += 1;
        if w.ends_clause() || w.ends_sentence() || w.after.contains('.') && !w.text.contains('.') {
            // `Mr.` and `U.S.` keep going; a period after a plain word ends the phrase.
            if !(w.after.starts_with('.') && words::is_abbreviation(w.text)) {
                break;
            }
        }
    }
    trim_speaker(ws.get(begin..end)?)
}

/// The span of a speaker phrase, if it looks like one: a name, a pronoun, or a noun phrase
/// opened by a determiner. Leading lower-case words that are none of these are dropped.
fn trim_speaker(phrase: &[Word<'_>]) -> Option<Span> {
    let start = phrase.iter().position(|w| {
        (w.is_capitalized() || words::is_pronoun(w.text) || words::is_determiner(w.text))
            && !words::is_intro(w.text)
            && !words::is_phrase_boundary(w.text)
    })?;
    let phrase = &phrase[start..];
    // `An ASEAN statement on Feb. 1`: a time adverbial is not part of the speaker.
    let cut = phrase
        .iter()
        .skip(1)
        .position(|w| {
            matches!(
                w.text,
                "on" | "during" | "last" | "earlier" | "yesterday" | "today"
            )
        })
        .map_or(phrase.len(), |i| i + 1);
    let phrase = &phrase[..cut];
    let first = phrase.first()?;
    let last = phrase.last()?;
    if words::is_determiner(last.text)
        || words::is_filler(last.text)
        || matches!(
            last.text,
            "of" | "in" | "on" | "at" | "for" | "with" | "from" | "to" | "by" | "about" | "and"
        )
    {
        return None; // `a`, `his boss was`: no head noun
    }
    if phrase.len() > MAX_SPEAKER_WORDS {
        return None;
    }
    // A pronoun stands alone: `he said`, not `that he said`.
    if words::is_pronoun(first.text) && phrase.len() > 1 {
        return Some(last.span).filter(|_| words::is_pronoun(last.text));
    }
    Some(first.span.cover(last.span))
}

/// The name inside a speaker phrase: its last run of capitalized words (`Ned Price` in
/// `U.S. State Department spokesperson Ned Price`), or `None` if it has no capitalized word.
fn name_in(tk: &Tokens<'_>, speaker: Span) -> Option<Span> {
    let ws = tk.get(speaker);
    let last = ws.iter().rposition(|w| w.is_capitalized())?;
    let mut first = last;
    while first > 0 && ws[first - 1].is_capitalized() && !ws[first - 1].ends_clause() {
        first -= 1;
    }
    // Stop at a leading generic capital such as `U.S` or a department name before a lower-case
    // title: the run is already cut at the first lower-case word.
    // A capitalized determiner or opening word is no part of a name (`The` in `The four`,
    // `The Courier` naming `Courier`, but `The` alone naming nobody).
    while first <= last
        && (words::is_capitalized_determiner(ws[first].text) || words::is_intro(ws[first].text))
    {
        first += 1;
    }
    if first > last {
        return None;
    }
    Some(ws[first].span.cover(ws[last].span))
}

/// The nearest person's name before `at`: a title and a capitalized word (`Mr. Trump`), or
/// two or more capitalized words not opening a sentence.
fn name_before(src: &str, tk: &Tokens<'_>, at: usize) -> Option<Span> {
    let mut from = at.saturating_sub(PRONOUN_WINDOW);
    while !src.is_char_boundary(from) {
        from += 1;
    }
    let ws = tk.get(Span::new(from, at));
    let mut i = ws.len();
    while i > 0 {
        i -= 1;
        if !ws[i].is_capitalized() {
            continue;
        }
        let last = i;
        let mut first = i;
        while first > 0
            && ws[first - 1].is_capitalized()
            && !ws[first - 1].ends_clause()
            && !ws[first - 1].ends_sentence()
        {
            first -= 1;
        }
        let titled = words::is_title(ws[first].text);
        let opens_sentence = first == 0 || ws[first - 1].ends_sentence();
        let len = last - first + 1;
        let generic = words::is_intro(ws[first].text)
            || words::is_determiner(&ws[first].text.to_ascii_lowercase());
        if len >= 3 || (len >= 2 && (titled || !opens_sentence || !generic)) {
            return Some(ws[first].span.cover(ws[last].span));
        }
        i = first;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Looking near a sentence finds what the binary search finds, wherever the offset
        /// lies and whichever sentence (or none) the search starts near.
        #[test]
        fn sentence_near_agrees_with_sentence_at(
            cuts in proptest::collection::vec((0usize..20, 1usize..30), 0..12),
            at in 0usize..400,
            near_at in 0usize..400,
        ) {
            // Sorted sentences that do not overlap, with gaps (or none) between them.
            let mut sentences = Vec::new();
            let mut pos = 0;
            for (gap, len) in cuts {
                let start = pos + gap;
                sentences.push(Sentence {
                    span: Span::new(start, start + len),
                    paragraph: 0,
                });
                pos = start + len;
            }
            let near = sentence_at(&sentences, near_at);
            proptest::prop_assert_eq!(
                sentence_near(&sentences, at, near),
                sentence_at(&sentences, at)
            );
        }
    }

    /// `(text, speaker phrase, name)`: the name [`name_in`] finds in the phrase.
    #[test]
    fn names_in_speaker_phrases() {
        for (text, phrase, name) in [
            ("Ned Price spoke.", "Ned Price", Some("Ned Price")),
            (
                "U.S. spokesperson Ned Price spoke.",
                "U.S. spokesperson Ned Price",
                Some("Ned Price"),
            ),
            ("The Courier reported it.", "The Courier", Some("Courier")),
            ("The four rules stand.", "The four", None),
            ("the senator spoke.", "the senator", None),
        ] {
            let start = text.find(phrase).expect("the phrase is in the text");
            let span = Span::new(start, start + phrase.len());
            let tk = Tokens::new(text, vec![Span::new(0, text.len())], &[]);
            assert_eq!(name_in(&tk, span).map(|n| &text[n]), name, "{text}");
        }
    }
}
