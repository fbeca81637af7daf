//! Laws of the `times` extractor on arbitrary input: it never panics, its spans lie in bounds
//! on character boundaries and slice back to their text, and anchoring is deterministic.

use chrono::NaiveDate;
use newswire::extract::times::Times;
use newswire::extract::{Analysis, Extractor};
use proptest::prelude::*;

/// Words and pieces the grammar reacts to, so that random text reaches deep into it.
const PIECES: &[&str] = &[
    "Friday",
    "Tuesday",
    "nights",
    "Jan.",
    "Feb",
    "March",
    "May",
    "Sept.",
    "1998",
    "2021",
    "1990s",
    "'80s",
    "20th",
    "century",
    "the",
    "a",
    "an",
    "last",
    "next",
    "this",
    "past",
    "coming",
    "early",
    "mid",
    "late",
    "-",
    "'s",
    "year",
    "years",
    "quarter",
    "third",
    "first",
    "half",
    "week",
    "weekend",
    "day",
    "days",
    "month",
    "months",
    "hour",
    "hours",
    "ago",
    "earlier",
    "later",
    "from",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "night",
    "noon",
    "midnight",
    "10:35",
    "a.m.",
    "p.m",
    "EST",
    "1",
    "2",
    "15",
    "31",
    "99",
    "1/2",
    "3/15/98",
    "1998-03-15",
    "about",
    "nearly",
    "more",
    "than",
    "up",
    "to",
    "at",
    "least",
    "of",
    "fiscal",
    "daily",
    "every",
    "each",
    "Christmas",
    "New",
    "Year",
    "Thanksgiving",
    "Easter",
    "recent",
    "current",
    "future",
    "twenty",
    "four",
    "nineteen",
    "ninety-six",
    "two",
    "thousand",
    "and",
    "half",
    ",",
    ".",
    "\n",
    "\n\n",
    "é",
    "—",
    "\u{2019}",
    "$",
    "%",
    "o'clock",
    "in",
    "the",
];

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..60).prop_map(|v| {
        let mut s = String::new();
        for (p, space) in v {
            s.push_str(p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn anchor() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((-3000i32..4000, 1u32..=12, 1u32..=31))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

fn check(src: &str, anchor: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let article = newswire::parse(src).expect("lenient parsing never fails");
    let times = Times::default();
    let analysis = Analysis::new(&article).with_anchor(anchor);
    let found = times.extract(&analysis);
    for t in &found {
        let text = t.span.get(src);
        prop_assert!(
            text.is_some(),
            "span {} out of bounds or off a char boundary",
            t.span
        );
        prop_assert_eq!(text, Some(t.text.as_str()));
        prop_assert!(!t.span.is_empty());
    }
    for w in found.windows(2) {
        prop_assert!(
            w[0].span.end <= w[1].span.start,
            "overlapping or unordered spans"
        );
    }
    // Same input and anchor, same output, also through a fresh analysis.
    let again = times.extract(&Analysis::new(&article).with_anchor(anchor));
    prop_assert_eq!(&found, &again);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn time_phrases_never_break_the_laws(body in phrase(), anchor in anchor(), header in any::<bool>()) {
        let src = if header { format!(" date 1998-08-12 {body}") } else { body };
        check(&src, anchor)?;
    }

    #[test]
    fn arbitrary_text_never_breaks_the_laws(body in "\\PC{0,300}", anchor in anchor()) {
        check(&body, anchor)?;
    }
}

#[test]
fn bundled_samples_keep_the_laws() {
    for anchor in [None, NaiveDate::from_ymd_opt(2021, 5, 1)] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("samples") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let src = std::fs::read_to_string(&path).expect("read");
                check(&src, anchor).expect("laws hold on the samples");
                n += 1;
            }
        }
        assert!(n >= 3, "the samples were found");
    }
}
