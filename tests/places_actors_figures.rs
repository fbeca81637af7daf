//! Snapshots of places, actors and figures for every sample article, table-driven cases and
//! property tests (no panic; spans in bounds, on char boundaries).

mod common;

use newswire::extract::{ActorKind, Actors, Analysis, Approximator, Extractor, Figures, Places};
use newswire::gazetteer::Gazetteer;
use proptest::prelude::*;
use std::fmt::Write as _;

/// A readable rendering of the three extractors' outputs, with the text of every span.
fn render(src: &str) -> String {
    let article = newswire::parse(src).expect("lenient parsing never fails");
    let analysis = Analysis::new(&article);
    let (places, actors, figures) =
        (Places::default(), Actors::default(), Figures::default()).extract(&analysis);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "dateline: {}",
        places
            .dateline
            .as_ref()
            .map_or("-".to_string(), |p| format!(
                "{} ({}) {:?} {:?}",
                p.name,
                p.country.map_or(String::new(), |c| c.to_string())
                    + p.region.map_or(String::new(), |r| format!("-{r}")).as_str(),
                p.lat,
                p.lon
            ))
    );
    let _ = writeln!(s, "places:");
    for m in &places.mentions {
        let _ = writeln!(
            s,
            "  {:?} -> {} [{:?}, {}] {:?}{}{}",
            &src[m.span],
            m.place.name,
            m.place.kind,
            m.place.country.map_or("-".into(), |c| c.to_string()),
            m.form,
            if m.dateline { " dateline" } else { "" },
            if m.candidates.is_empty() {
                String::new()
            } else {
                format!(" (+{} candidates)", m.candidates.len())
            }
        );
    }
    let _ = writeln!(s, "countries:");
    for c in &places.countries {
        let _ = writeln!(
            s,
            "  {} {} x{}{}",
            c.country,
            c.name.as_deref().unwrap_or("?"),
            c.mentions,
            if c.salient { " salient" } else { "" }
        );
    }
    let _ = writeln!(s, "actors:");
    for a in &actors {
        let mentions: Vec<&str> = a.mentions.iter().map(|m| &src[*m]).collect();
        let _ = writeln!(
            s,
            "  {:?} {:?} first {:?} title {:?} affiliation {:?} country {:?} mentions {:?}",
            a.kind,
            a.name,
            &src[a.span],
            a.title,
            a.affiliation,
            a.country.map(|c| c.to_string()),
            mentions
        );
    }
    let _ = writeln!(s, "figures:");
    for f in &figures {
        let _ = writeln!(
            s,
            "  {:?} number {:?} value {} min {:?} max {:?} {:?}{} unit {:?} event {:?}",
            &src[f.span],
            &src[f.number_span],
            f.value,
            f.min,
            f.max,
            f.approximator,
            if f.vague { " vague" } else { "" },
            f.unit,
            f.event
        );
    }
    s
}

#[test]
fn samples_snapshots() {
    let samples = common::samples();
    assert!(samples.len() >= 4, "expected the sample articles");
    for path in samples {
        let src = std::fs::read_to_string(&path).expect("read sample");
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("sample")
            .to_string();
        insta::assert_snapshot!(format!("extract_{name}"), render(&src));
    }
}

#[test]
fn dateline_table() {
    let g = Gazetteer::builtin();
    // (dateline opening, place name, country, region)
    let table: &[(&str, &str, &str, Option<&str>)] = &[
        ("JAKARTA -- Talks.", "Jakarta", "ID", None),
        (
            "BAHIA BLANCA, Argentina, Feb 26 - Grain.",
            "Bahía Blanca",
            "AR",
            None,
        ),
        (
            "PORTLAND, Ore., Feb 26 - Rain.",
            "Portland",
            "US",
            Some("OR"),
        ),
        (
            "PORTLAND, Maine, Feb 26 - Rain.",
            "Portland",
            "US",
            Some("ME"),
        ),
        ("WOODBRIDGE, N.J. - Firm.", "Woodbridge", "US", Some("NJ")),
        (
            "NEW YORK, March 9 -- Dow.",
            "New York City",
            "US",
            Some("NY"),
        ),
        ("WASHINGTON (AP) _ The.", "Washington", "US", Some("DC")),
        ("PEKING, March 2 - Grain.", "Beijing", "CN", None),
        ("DUESSELDORF, March 2 - Steel.", "Düsseldorf", "DE", None),
        (
            "UNITED NATIONS, March 2 - Vote.",
            "United Nations",
            "US",
            Some("NY"),
        ),
        ("MEXICO CITY, March 2 - Debt.", "Mexico City", "MX", None),
        ("KUWAIT, March 2 - Oil.", "Kuwait City", "KW", None),
        ("CALGARY, Alberta, March 2 - Oil.", "Calgary", "CA", None),
        (
            "SMALLVILLE, Argentina, March 2 - Grain.",
            "Argentina",
            "AR",
            None,
        ),
    ];
    for &(src, name, country, region) in table {
        let article = newswire::parse(src).expect("parse");
        let d = article
            .dateline
            .as_ref()
            .unwrap_or_else(|| panic!("no dateline in {src}"));
        let p = g
            .resolve_dateline(d)
            .unwrap_or_else(|| panic!("unresolved {src}"));
        assert_eq!(p.name, name, "{src}");
        assert_eq!(
            p.country.map(|c| c.to_string()).as_deref(),
            Some(country),
            "{src}"
        );
        if let Some(r) = region {
            assert_eq!(p.region.map(|c| c.to_string()).as_deref(), Some(r), "{src}");
        }
    }
}

#[test]
fn article_countries_table() {
    // (text, the countries the article is about, every country named)
    let table: &[(&str, &[&str], &[&str])] = &[
        // The dateline's country, and one named in the lead.
        (
            "TOKYO, March 3 - Exports to Canada rose.\n    Brazil was not named before.\n",
            &["JP", "CA"],
            &["JP", "CA", "BR"],
        ),
        // Named twice after the lead.
        (
            "Talks went on.\n    Brazil and Chile met.\n    Brazil agreed.\n",
            &["BR"],
            &["BR", "CL"],
        ),
        // Currencies do not count, even twice or in the lead.
        (
            "Profits rose to 5 mln U.S. dlrs and 2 mln Swiss francs.\n    \
             Debt was 3 mln U.S. dollars.\n",
            &[],
            &["US", "CH"],
        ),
        // A name and a currency: the name counts once.
        (
            "Talks went on.\n    Canada agreed, in Canadian dlrs.\n",
            &[],
            &["CA"],
        ),
    ];
    let places = Places::default();
    for &(src, about, named) in table {
        let article = newswire::parse(src).expect("parse");
        let found = places.extract(&Analysis::new(&article));
        let got_about: Vec<&str> = found
            .article_countries()
            .map(|c| c.country.as_str())
            .collect();
        let got_named: Vec<&str> = found.countries.iter().map(|c| c.country.as_str()).collect();
        assert_eq!(got_about, about, "{src}");
        assert_eq!(got_named, named, "{src}");
    }
}

#[test]
fn places_table() {
    // (text, expected (mention, country) pairs)
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "Burma and Thailand met.",
            &[("Burma", "MM"), ("Thailand", "TH")],
        ),
        (
            "The U.S. and the UAE agreed.",
            &[("U.S.", "US"), ("UAE", "AE")],
        ),
        (
            "Burmese and Thai troops clashed.",
            &[("Burmese", "MM"), ("Thai", "TH")],
        ),
        ("Myanmar's junta", &[("Myanmar", "MM")]),
        (
            "Talks in Kuala Lumpur and Ho Chi Minh City.",
            &[("Kuala Lumpur", "MY"), ("Ho Chi Minh City", "VN")],
        ),
        ("Andrew Jackson and Lincoln Center", &[]),
        ("The WHO said. Who knows.", &[]),
        ("Us and them.", &[]),
        // Continents and regions of them are not the United States.
        ("Sales in North America and Latin American debt rose.", &[]),
        (
            "South-American exports and American exports.",
            &[("American", "US")],
        ),
        // A demonym right after a capitalized word is part of a name; at a sentence start it
        // is not.
        (
            "Rep. Glenn English spoke. English farmers agreed.",
            &[("English", "GB")],
        ),
        (
            "Shares of Royal Dutch fell. Dutch banks rose.",
            &[("Dutch", "NL")],
        ),
    ];
    let places = Places::default();
    for &(src, expected) in table {
        let article = newswire::parse(src).expect("parse");
        let found = places.extract(&Analysis::new(&article));
        let got: Vec<(&str, String)> = found
            .mentions
            .iter()
            .map(|m| {
                (
                    &src[m.span],
                    m.place.country.map(|c| c.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        let want: Vec<(&str, String)> = expected.iter().map(|(a, b)| (*a, b.to_string())).collect();
        assert_eq!(got, want, "{src}");
    }
}

#[test]
fn georgia_follows_context() {
    let places = Places::default();
    let us = newswire::parse("ATLANTA, Feb 26 - Georgia farmers planted early.").expect("parse");
    let found = places.extract(&Analysis::new(&us));
    let georgia = found
        .mentions
        .iter()
        .find(|m| m.place.name == "Georgia")
        .expect("Georgia");
    assert_eq!(
        georgia.place.country.map(|c| c.to_string()).as_deref(),
        Some("US")
    );
    assert!(!georgia.candidates.is_empty());
    let abroad = newswire::parse("TBILISI, Feb 26 - Georgia and Armenia met.").expect("parse");
    let found = places.extract(&Analysis::new(&abroad));
    let georgia = found
        .mentions
        .iter()
        .find(|m| m.place.name == "Georgia")
        .expect("Georgia");
    assert_eq!(
        georgia.place.country.map(|c| c.to_string()).as_deref(),
        Some("GE")
    );
}

#[test]
fn figures_table() {
    // (text, figure text, value, min, max, approximator, unit, event)
    type Row = (
        &'static str,
        &'static str,
        f64,
        Option<f64>,
        Option<f64>,
        Option<Approximator>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let table: &[Row] = &[
        (
            "It left more than 750 people dead.",
            "more than 750 people dead",
            750.0,
            Some(750.0),
            None,
            Some(Approximator::MoreThan),
            Some("people"),
            Some("dead"),
        ),
        (
            "Over 270 civilians have been killed.",
            "Over 270 civilians have been killed",
            270.0,
            Some(270.0),
            None,
            Some(Approximator::MoreThan),
            Some("civilians"),
            Some("killed"),
        ),
        (
            "At least twenty-five soldiers were wounded.",
            "At least twenty-five soldiers were wounded",
            25.0,
            Some(25.0),
            None,
            Some(Approximator::AtLeast),
            Some("soldiers"),
            Some("wounded"),
        ),
        (
            "Between 20 and 30 boats sank.",
            "Between 20 and 30 boats",
            20.0,
            Some(20.0),
            Some(30.0),
            None,
            Some("boats"),
            None,
        ),
        (
            "Dozens of protesters were arrested.",
            "Dozens of protesters were arrested",
            24.0,
            Some(24.0),
            None,
            None,
            Some("protesters"),
            Some("arrested"),
        ),
        (
            "Up to 50 people fled.",
            "Up to 50 people fled",
            50.0,
            None,
            Some(50.0),
            Some(Approximator::UpTo),
            Some("people"),
            Some("fled"),
        ),
        (
            "Output rose 1.2 mln tonnes.",
            "1.2 mln tonnes",
            1_200_000.0,
            None,
            None,
            None,
            Some("tonnes"),
            None,
        ),
        (
            "Prices rose 5% on Monday.",
            "5%",
            5.0,
            None,
            None,
            None,
            Some("percent"),
            None,
        ),
        (
            "Profit was 3,500 dlrs.",
            "3,500 dlrs",
            3500.0,
            None,
            None,
            None,
            Some("dlrs"),
            None,
        ),
        (
            "Nearly two million people voted.",
            "Nearly two million people",
            2_000_000.0,
            None,
            Some(2_000_000.0),
            Some(Approximator::Nearly),
            Some("people"),
            None,
        ),
    ];
    let figures = Figures::default();
    for &(src, text, value, min, max, approx, unit, event) in table {
        let article = newswire::parse(src).expect("parse");
        let found = figures.extract(&Analysis::new(&article));
        let f = found
            .first()
            .unwrap_or_else(|| panic!("no figure in {src}"));
        assert_eq!(&src[f.span], text, "{src}");
        assert_eq!((f.value, f.min, f.max), (value, min, max), "{src}");
        assert_eq!(f.approximator, approx, "{src}");
        assert_eq!(f.unit.as_deref(), unit, "{src}");
        assert_eq!(f.event.as_deref(), event, "{src}");
    }
    // Not figures: dates, years, times, durations, `one of`.
    for src in [
        "They met on April 24 in 2021.",
        "The Feb. 1 coup.",
        "At 10:30 they left.",
        "It took two weeks.",
        "One of the leaders spoke.",
        "No one came.",
    ] {
        let article = newswire::parse(src).expect("parse");
        assert_eq!(figures.extract(&Analysis::new(&article)), vec![], "{src}");
    }
}

#[test]
fn actors_link_short_references() {
    let src = "Senior General Min Aung Hlaing spoke. The general said Min Aung Hlaing would stay. \
               Later Hlaing left.";
    let article = newswire::parse(src).expect("parse");
    let actors = Actors::default().extract(&Analysis::new(&article));
    let general = actors
        .iter()
        .find(|a| a.kind == ActorKind::Person)
        .expect("a person");
    assert_eq!(general.name, "Min Aung Hlaing");
    assert_eq!(general.title.as_deref(), Some("Senior General"));
    let texts: Vec<&str> = general.mentions.iter().map(|m| &src[*m]).collect();
    assert_eq!(
        texts,
        [
            "Min Aung Hlaing",
            "The general",
            "Min Aung Hlaing",
            "Hlaing"
        ]
    );
}

#[test]
fn builder_extends_the_gazetteer() {
    use newswire::gazetteer::{Code, Place, PlaceKind};
    let mut town = Place::new(PlaceKind::City, "Zyxton");
    town.country = Code::new("NZ");
    town.population = 1_000_000;
    let g = Gazetteer::builtin().to_builder().add(town, ["Zyx"]).build();
    let src = "Floods hit Zyxton and Zyx again.";
    let article = newswire::parse(src).expect("parse");
    let found = Places::new(g).extract(&Analysis::new(&article));
    let names: Vec<&str> = found.mentions.iter().map(|m| &src[m.span]).collect();
    assert_eq!(names, ["Zyxton", "Zyx"]);
    let empty = Gazetteer::builder().build();
    assert!(empty.is_empty());
    assert!(
        Places::new(empty)
            .extract(&Analysis::new(&article))
            .mentions
            .is_empty()
    );
}

fn check_spans(src: &str) {
    let article = newswire::parse(src).expect("lenient parsing never fails");
    let analysis = Analysis::new(&article);
    let (places, actors, figures) =
        (Places::default(), Actors::default(), Figures::default()).extract(&analysis);
    let ok = |s: newswire::Span| s.start <= s.end && s.get(src).is_some();
    for m in &places.mentions {
        assert!(ok(m.span), "place span {:?}", m.span);
    }
    for a in &actors {
        assert!(ok(a.span));
        assert!(a.mentions.iter().all(|m| ok(*m)));
    }
    for f in &figures {
        assert!(ok(f.span) && ok(f.number_span) && f.span.contains(f.number_span));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_gives_valid_spans(src in "\\PC{0,300}") {
        check_spans(&src);
    }

    #[test]
    fn news_like_text_gives_valid_spans(
        words in proptest::collection::vec(
            prop_oneof![
                Just("U.S.".to_string()), Just("Myanmar's".to_string()), Just("more than".to_string()),
                Just("750".to_string()), Just("1,000".to_string()), Just("Foreign Minister".to_string()),
                Just("Wang Yi".to_string()), Just("the general".to_string()), Just("dozens of".to_string()),
                Just("PORTLAND, Ore., Feb 26 -".to_string()), Just("’s".to_string()), Just("é".to_string()),
                Just("between".to_string()), Just("and".to_string()), Just("-".to_string()),
                Just(".".to_string()), Just("\n".to_string()), Just("twenty-".to_string()),
                Just("$".to_string()), Just("%".to_string()), Just("ASEAN".to_string()),
                "[A-Za-z]{1,8}", "[0-9]{1,12}",
            ],
            0..60,
        )
    ) {
        check_spans(&words.join(" "));
        check_spans(&words.concat());
    }
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Gazetteer>();
    check::<newswire::gazetteer::GazetteerBuilder>();
    check::<newswire::gazetteer::PlaceRef>();
    check::<Places>();
    check::<Actors>();
    check::<Figures>();
    check::<newswire::extract::ArticlePlaces>();
    check::<newswire::extract::Actor>();
    check::<newswire::extract::Figure>();
}

/// The JSON of mentions, actors and figures (a public contract) is what deriving `Serialize`
/// with a flattened span gives: the same fields in the same order, optional ones left out alike.
#[test]
fn json_fields_are_the_contract() {
    use newswire::Span;
    use newswire::extract::{Actor, Figure, PlaceMention};
    use newswire::gazetteer::{Code, NameForm, PlaceRef};
    use serde::Serialize;

    #[derive(Serialize)]
    struct MentionJson<'a> {
        #[serde(flatten)]
        span: Span,
        place: &'a PlaceRef,
        form: NameForm,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        candidates: &'a Vec<PlaceRef>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        dateline: bool,
    }
    #[derive(Serialize)]
    struct ActorJson<'a> {
        kind: ActorKind,
        name: &'a str,
        #[serde(flatten)]
        span: Span,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: &'a Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        affiliation: &'a Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        country: Option<Code>,
        #[serde(skip_serializing_if = "Option::is_none")]
        code: Option<Code>,
        mentions: &'a Vec<Span>,
    }
    #[derive(Serialize)]
    struct FigureJson<'a> {
        #[serde(flatten)]
        span: Span,
        number_span: Span,
        value: f64,
        min: Option<f64>,
        max: Option<f64>,
        approximator: Option<Approximator>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        vague: bool,
        unit: &'a Option<std::borrow::Cow<'static, str>>,
        event: &'a Option<std::borrow::Cow<'static, str>>,
    }
    fn same<A: Serialize, B: Serialize>(a: &A, b: &B) {
        let (a, b) = (
            serde_json::to_string(a).expect("serializes"),
            serde_json::to_string(b).expect("serializes"),
        );
        assert_eq!(a, b);
        let (va, vb): (serde_json::Value, serde_json::Value) = (
            serde_json::from_str(&a).expect("json"),
            serde_json::from_str(&b).expect("json"),
        );
        assert_eq!(va, vb);
    }

    let mut src = String::from(
        "PORTLAND, Ore., Feb 26 - Burmese exiles met in Portland and Salem. Chinese Foreign \
         Minister Wang Yi said China had left more than 750 people dead and dozens of others \
         missing. Wang met ASEAN.\n",
    );
    for path in common::samples() {
        src.push_str(&std::fs::read_to_string(path).expect("read sample"));
    }
    let article = newswire::parse(&src).expect("parse");
    let (places, actors, figures) = (Places::default(), Actors::default(), Figures::default())
        .extract(&Analysis::new(&article));
    let (mut dateline, mut candidates, mut vague, mut titled) = (false, false, false, false);
    for m in &places.mentions {
        let m: &PlaceMention = m;
        dateline |= m.dateline;
        candidates |= !m.candidates.is_empty();
        same(
            m,
            &MentionJson {
                span: m.span,
                place: &m.place,
                form: m.form,
                candidates: &m.candidates,
                dateline: m.dateline,
            },
        );
    }
    for a in &actors {
        let a: &Actor = a;
        titled |= a.title.is_some();
        same(
            a,
            &ActorJson {
                kind: a.kind,
                name: &a.name,
                span: a.span,
                title: &a.title,
                affiliation: &a.affiliation,
                country: a.country,
                code: a.code,
                mentions: &a.mentions,
            },
        );
    }
    for f in &figures {
        let f: &Figure = f;
        vague |= f.vague;
        same(
            f,
            &FigureJson {
                span: f.span,
                number_span: f.number_span,
                value: f.value,
                min: f.min,
                max: f.max,
                approximator: f.approximator,
                vague: f.vague,
                unit: &f.unit,
                event: &f.event,
            },
        );
    }
    // Both sides of every optional field were seen.
    assert!(dateline && candidates && vague && titled);
}
