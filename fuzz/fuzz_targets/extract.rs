//! Any string, parsed leniently, then every built-in extractor (sentences, quotes, times, places,
//! actors, figures) over one shared `Analysis`, as the `extract` example runs them by default.
//!
//! Laws: nothing panics; every span of every output lies inside the source on character
//! boundaries; the text an output reports for its span is `&src[span]` (a quote, its speaker,
//! the name a pronoun resolves to, its cue; a time expression); a resolved name lies before its
//! pronoun; a sentence is trimmed and lies inside the body paragraph it names; sentences, quotes and time expressions come in text order
//! without overlapping, place mentions and each actor's mentions in text order; the dateline's
//! place is its one mention flagged `dateline`; a figure's number lies inside its phrase; each
//! country is counted as often as mentions name it, its first mention theirs, most mentioned
//! first; every output and the whole extraction serialize to JSON, and sentences and quotes read
//! back from that JSON equal what was written; and the outputs do not depend on which extractor
//! computes the shared work first (a fresh analysis, extractors in reverse order, gives the
//! same JSON).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newswire::extract::times::TimeExpression;
use newswire::extract::{
    Actor, Actors, Analysis, ArticlePlaces, Extraction, Extractor, ExtractorSet, Figure, Figures,
    Places, Quote, Quotes, Sentence, Sentences, Times,
};
use newswire::{Article, ParagraphKind, Span};
use std::sync::OnceLock;

/// The set the `extract` example runs by default: every built-in extractor, default settings.
fn all() -> &'static ExtractorSet {
    static SET: OnceLock<ExtractorSet> = OnceLock::new();
    SET.get_or_init(|| {
        ExtractorSet::builtin(ExtractorSet::builtin_names()).expect("the built-in names")
    })
}

/// The span is in bounds, not reversed, and on character boundaries.
fn in_source(src: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.get(src).is_some(),
        "{what} span {span} is not a slice of the {}-byte source",
        src.len()
    );
}

/// In bounds, and the reported text is what the span slices.
fn slices_to(src: &str, span: Span, text: &str, what: &str) {
    in_source(src, span, what);
    assert_eq!(span.get(src), Some(text), "{what} text is not its span's");
}

/// In text order without overlapping.
fn in_order_disjoint(spans: impl Iterator<Item = Span>, what: &str) {
    let mut prev_end = 0;
    for s in spans {
        assert!(
            s.start >= prev_end,
            "{what} at {s} overlaps or precedes the one before"
        );
        prev_end = s.end;
    }
}

/// In non-decreasing start order.
fn in_order(spans: impl Iterator<Item = Span>, what: &str) {
    let mut prev_start = 0;
    for s in spans {
        assert!(
            s.start >= prev_start,
            "{what} at {s} starts before the one before"
        );
        prev_start = s.start;
    }
}

fn check_sentences(article: &Article<'_>, sentences: &[Sentence]) {
    let src = article.source();
    for s in sentences {
        in_source(src, s.span, "sentence");
        assert!(!s.span.is_empty(), "empty sentence at {}", s.span);
        let text = &src[s.span.range()];
        assert_eq!(text.trim(), text, "sentence at {} is not trimmed", s.span);
        let p = article.paragraphs.get(s.paragraph);
        assert!(
            p.is_some_and(|p| p.kind == ParagraphKind::Body && p.span.contains(s.span)),
            "sentence at {} is not inside its body paragraph {}",
            s.span,
            s.paragraph
        );
    }
    in_order_disjoint(sentences.iter().map(|s| s.span), "sentence");
    let json = serde_json::to_string(sentences).expect("sentences serialize");
    let back: Vec<Sentence> = serde_json::from_str(&json).expect("sentences read back");
    // The paragraph index is not serialized.
    let spans = |v: &[Sentence]| v.iter().map(|s| s.span).collect::<Vec<_>>();
    assert_eq!(spans(&back), spans(sentences));
}

fn check_quotes(src: &str, quotes: &[Quote]) {
    for q in quotes {
        slices_to(src, q.span, &q.text, "quote");
        if let Some(s) = &q.speaker {
            slices_to(src, s.span, &s.text, "speaker");
            if let Some(r) = &s.resolved {
                slices_to(src, r.span, &r.text, "resolved speaker");
                assert!(
                    r.span.end <= s.span.start,
                    "{:?} at {} resolved to {:?} at {}, not a name before it",
                    s.text,
                    s.span,
                    r.text,
                    r.span
                );
            }
        }
        if let Some(c) = &q.cue {
            slices_to(src, c.span, &c.text, "cue");
        }
    }
    in_order_disjoint(quotes.iter().map(|q| q.span), "quote");
    let json = serde_json::to_string(quotes).expect("quotes serialize");
    let back: Vec<Quote> = serde_json::from_str(&json).expect("quotes read back");
    assert_eq!(back, quotes);
}

fn check_times(src: &str, times: &[TimeExpression]) {
    for t in times {
        slices_to(src, t.span, &t.text, "time");
        assert!(!t.span.is_empty(), "empty time expression at {}", t.span);
    }
    in_order_disjoint(times.iter().map(|t| t.span), "time");
    serde_json::to_string(times).expect("times serialize");
}

fn check_places(src: &str, places: &ArticlePlaces) {
    for m in &places.mentions {
        in_source(src, m.span, "place");
    }
    in_order(places.mentions.iter().map(|m| m.span), "place mention");
    // The dateline's place, when resolved, is the one mention flagged as the dateline's.
    let flagged: Vec<_> = places.mentions.iter().filter(|m| m.dateline).collect();
    match &places.dateline {
        Some(p) => assert!(
            flagged.len() == 1 && flagged[0].place == *p,
            "the dateline's place is not its one flagged mention"
        ),
        None => assert!(flagged.is_empty(), "a dateline mention without a dateline"),
    }
    // Each country's count and first mention are those of the mentions in it.
    for c in &places.countries {
        let mut of_country = places
            .mentions
            .iter()
            .filter(|m| m.country() == Some(c.country));
        assert_eq!(
            of_country.next().map(|m| m.span),
            Some(c.first),
            "country {}'s first mention",
            c.country
        );
        assert_eq!(
            1 + of_country.count(),
            c.mentions,
            "country {}'s mentions",
            c.country
        );
    }
    let mut named = places.mentions.iter().filter_map(|m| m.country());
    assert!(
        named.all(|code| places.countries.iter().any(|c| c.country == code)),
        "a country named is not counted"
    );
    // Most mentioned first; ties, first mentioned first.
    for w in places.countries.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            a.mentions > b.mentions || (a.mentions == b.mentions && a.first.start <= b.first.start),
            "countries out of order: {} ({} at {}) before {} ({} at {})",
            a.country,
            a.mentions,
            a.first,
            b.country,
            b.mentions,
            b.first
        );
    }
    serde_json::to_string(places).expect("places serialize");
}

fn check_actors(src: &str, actors: &[Actor]) {
    for a in actors {
        in_source(src, a.span, "actor");
        for &m in &a.mentions {
            in_source(src, m, "actor mention");
        }
        in_order(a.mentions.iter().copied(), "actor mention");
    }
    serde_json::to_string(actors).expect("actors serialize");
}

fn check_figures(src: &str, figures: &[Figure]) {
    for f in figures {
        in_source(src, f.span, "figure");
        in_source(src, f.number_span, "figure number");
        assert!(
            f.span.contains(f.number_span),
            "figure number {} outside its phrase {}",
            f.number_span,
            f.span
        );
    }
    serde_json::to_string(figures).expect("figures serialize");
}

fn get<'a, T: 'static>(x: &'a Extraction, name: &str) -> &'a T {
    x.get(name)
        .and_then(|o| o.downcast_ref::<T>())
        .unwrap_or_else(|| panic!("{name} output of its type"))
}

fuzz_target!(|src: &str| {
    let article = match newswire::parse(src) {
        Ok(a) => a,
        Err(e) => panic!("lenient parse failed: {e}"),
    };
    let extraction = all().extract(&Analysis::new(&article));
    check_sentences(&article, get::<Vec<Sentence>>(&extraction, "sentences"));
    check_quotes(src, get::<Vec<Quote>>(&extraction, "quotes"));
    check_times(src, get::<Vec<TimeExpression>>(&extraction, "times"));
    check_places(src, get(&extraction, "places"));
    check_actors(src, get::<Vec<Actor>>(&extraction, "actors"));
    check_figures(src, get::<Vec<Figure>>(&extraction, "figures"));
    let json = serde_json::to_string(&extraction).expect("the extraction serializes");

    // The shared work (sentences, the body scan) gives the same results whichever extractor
    // asks for it first.
    let analysis = Analysis::new(&article);
    let (figures, actors, places, times, quotes, sentences) = (
        Figures::default(),
        Actors::default(),
        Places::default(),
        Times::default(),
        Quotes::default(),
        Sentences::default(),
    )
        .extract(&analysis);
    let mut reversed = Extraction::new();
    reversed.insert("sentences", Box::new(sentences));
    reversed.insert("quotes", Box::new(quotes));
    reversed.insert("times", Box::new(times));
    reversed.insert("places", Box::new(places));
    reversed.insert("actors", Box::new(actors));
    reversed.insert("figures", Box::new(figures));
    assert_eq!(
        serde_json::to_string(&reversed).expect("the extraction serializes"),
        json,
        "the outputs depend on the order the extractors run in"
    );
});
