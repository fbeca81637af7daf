//! Reading TIMEX3 values back (`FromStr` for the typed values, `TimeValue::from_timex3`).
//!
//! Laws, as properties:
//! 1. every typed value the writer prints (years 0 to 9999, fields those its granularity prints,
//!    see the `timex3` module documentation) reads back as itself, given its TIMEX3 type;
//! 2. every canonical TIMEX3 string, read and written back, is itself;
//! 3. no string makes the reader panic; what it accepts it normalizes once and for all (the
//!    value read, written and read again is the same value), and an error's offset lies in the
//!    string on a character boundary, where the text it names is found.
//!
//! And on real data: every value the `times` extractor gives on the TimeBank articles and the
//! samples reads back as itself; the gold TIMEX3 values of TimeBank (another annotator's
//! strings) are read, and those in canonical form write back the same.

mod common;

use newswire::extract::times::{
    CalendarPoint, Duration, DurationUnit, Granularity, ParseTimexError, PartOfDay, Reference,
    Season, TimeValue, Times, TimexType, YearPart,
};
use newswire::extract::{Analysis, Extractor};
use proptest::prelude::*;
use serde::Deserialize;

// ---------------------------------------------------------------------------------------------
// Typed values the writer prints, and the type each is written with.

fn known_year() -> impl Strategy<Value = i32> {
    prop_oneof![0i32..=9999, 1900i32..=2100]
}

fn year() -> impl Strategy<Value = Option<i32>> {
    prop::option::weighted(0.8, known_year())
}

fn opt_u8(range: std::ops::RangeInclusive<u8>) -> impl Strategy<Value = Option<u8>> {
    prop::option::weighted(0.8, range)
}

/// A point of `granularity` in `year` with no finer fields, through the public constructors.
fn bare(granularity: Granularity, year: Option<i32>) -> CalendarPoint {
    CalendarPoint::year_opt(year).with_granularity(granularity)
}

fn season() -> impl Strategy<Value = Season> {
    prop::sample::select(vec![
        Season::Spring,
        Season::Summer,
        Season::Fall,
        Season::Winter,
    ])
}

fn part_of_day() -> impl Strategy<Value = PartOfDay> {
    prop::sample::select(vec![
        PartOfDay::Morning,
        PartOfDay::Midday,
        PartOfDay::Afternoon,
        PartOfDay::Evening,
        PartOfDay::Night,
        PartOfDay::Daytime,
    ])
}

/// A day: of a month (`1998-03-12`), or a weekday of a week (`XXXX-WXX-4`, `1998-W11-2`).
fn day() -> impl Strategy<Value = CalendarPoint> {
    prop_oneof![
        (year(), opt_u8(1..=12), opt_u8(1..=31)).prop_map(|(y, m, d)| CalendarPoint {
            part: YearPart::Month(m),
            day: d,
            ..bare(Granularity::Day, y)
        }),
        (year(), opt_u8(1..=53), opt_u8(1..=7)).prop_map(|(y, w, d)| CalendarPoint {
            part: YearPart::Week(w),
            weekday: d,
            ..bare(Granularity::Day, y)
        }),
    ]
}

fn point() -> impl Strategy<Value = CalendarPoint> {
    prop_oneof![
        prop::option::of(0i32..=99).prop_map(|c| bare(Granularity::Century, c.map(|c| c * 100))),
        prop::option::of(0i32..=999).prop_map(|d| bare(Granularity::Decade, d.map(|d| d * 10))),
        year().prop_map(|y| bare(Granularity::Year, y)),
        (year(), 1u8..=2).prop_map(|(y, h)| CalendarPoint {
            part: YearPart::Half(h),
            ..bare(Granularity::Half, y)
        }),
        (year(), season()).prop_map(|(y, s)| CalendarPoint::season(y, s)),
        (year(), opt_u8(1..=4)).prop_map(|(y, q)| CalendarPoint::quarter(y, q.map(u32::from))),
        (year(), opt_u8(1..=12)).prop_map(|(y, m)| CalendarPoint::month(y, m.map(u32::from))),
        (year(), opt_u8(1..=53), any::<bool>()).prop_map(|(y, w, weekend)| {
            let week = CalendarPoint::week(y, w.map(u32::from));
            if weekend {
                week.with_granularity(Granularity::Weekend)
            } else {
                week
            }
        }),
        day(),
        (day(), part_of_day()).prop_map(|(d, p)| CalendarPoint {
            granularity: Granularity::PartOfDay,
            part_of_day: Some(p),
            ..d
        }),
        (day(), opt_u8(0..=24)).prop_map(|(d, h)| CalendarPoint {
            granularity: Granularity::Hour,
            hour: h,
            ..d
        }),
        (day(), opt_u8(0..=24), opt_u8(0..=59)).prop_map(|(d, h, m)| CalendarPoint {
            granularity: Granularity::Minute,
            hour: h,
            minute: m,
            ..d
        }),
    ]
}

const UNITS: [DurationUnit; 13] = [
    DurationUnit::Millennium,
    DurationUnit::Century,
    DurationUnit::Decade,
    DurationUnit::Year,
    DurationUnit::Quarter,
    DurationUnit::Month,
    DurationUnit::Week,
    DurationUnit::Weekend,
    DurationUnit::Day,
    DurationUnit::Hour,
    DurationUnit::Minute,
    DurationUnit::Second,
    DurationUnit::Unknown,
];

fn amount() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..=120, any::<u32>()]
}

fn duration() -> impl Strategy<Value = Duration> {
    (
        prop::option::weighted(0.8, amount()),
        0..UNITS.len(),
        prop::option::of((amount(), 0..UNITS.len())),
    )
        .prop_map(|(n, u, extra)| {
            let unit = UNITS[u];
            // The second unit is finer than the first, and neither is unknown.
            let extra = extra.and_then(|(n2, u2)| {
                let unit2 = UNITS[u2];
                (unit != DurationUnit::Unknown && unit2 != DurationUnit::Unknown && unit2 > unit)
                    .then_some((n2, unit2))
            });
            Duration {
                amount: n,
                unit,
                extra,
            }
        })
}

fn reference() -> impl Strategy<Value = Reference> {
    prop::sample::select(vec![Reference::Past, Reference::Present, Reference::Future])
}

/// A value and the TIMEX3 type it is written with.
fn typed_value() -> impl Strategy<Value = (TimeValue, TimexType)> {
    prop_oneof![
        (point(), any::<bool>()).prop_map(|(p, time)| (
            TimeValue::Point(p),
            if time {
                TimexType::Time
            } else {
                TimexType::Date
            }
        )),
        duration().prop_map(|d| (TimeValue::Duration(d), TimexType::Duration)),
        reference().prop_map(|r| (TimeValue::Reference(r), TimexType::Date)),
        duration().prop_map(|d| (TimeValue::Every(d), TimexType::Set)),
        point().prop_map(|p| (TimeValue::Each(p), TimexType::Set)),
    ]
}

// ---------------------------------------------------------------------------------------------
// Canonical strings, written here independently of the crate's writer.

fn digits(n: u32, width: usize) -> String {
    format!("{n:0width$}")
}

/// `NN`, padded, or the unknown `XX...`.
fn field(range: std::ops::RangeInclusive<u32>, width: usize) -> impl Strategy<Value = String> {
    prop::option::weighted(0.8, range).prop_map(move |n| match n {
        Some(n) => digits(n, width),
        None => "X".repeat(width),
    })
}

fn time_string() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["TMO", "TMI", "TAF", "TEV", "TNI", "TDT"]).prop_map(String::from),
        field(0..=24, 2).prop_map(|h| format!("T{h}")),
        (field(0..=24, 2), field(0..=59, 2)).prop_map(|(h, m)| format!("T{h}:{m}")),
    ]
}

/// A date string of a day: `YYYY-MM-DD` or `YYYY-Www-D`.
fn day_string() -> impl Strategy<Value = String> {
    prop_oneof![
        (year(), opt_u8(1..=12), opt_u8(1..=31)).prop_map(|(y, m, d)| {
            let two = |v: Option<u8>| v.map_or("XX".to_string(), |v| digits(v.into(), 2));
            format!("{}-{}-{}", year_string(y), two(m), two(d))
        }),
        (year(), opt_u8(1..=53), opt_u8(1..=7)).prop_map(|(y, w, d)| {
            let w = w.map_or("XX".to_string(), |w| digits(w.into(), 2));
            let d = d.map_or("X".to_string(), |d| d.to_string());
            format!("{}-W{w}-{d}", year_string(y))
        }),
    ]
}

fn year_string(y: Option<i32>) -> String {
    y.map_or("XXXX".to_string(), |y| format!("{y:04}"))
}

fn point_string() -> impl Strategy<Value = String> {
    let y = || year().prop_map(year_string);
    prop_oneof![
        field(0..=99, 2),
        field(0..=999, 3),
        y(),
        (y(), 1u8..=2).prop_map(|(y, h)| format!("{y}-H{h}")),
        (y(), prop::sample::select(vec!["SP", "SU", "FA", "WI"]))
            .prop_map(|(y, s)| format!("{y}-{s}")),
        (y(), field(1..=4, 1)).prop_map(|(y, q)| format!("{y}-Q{q}")),
        (y(), field(1..=12, 2)).prop_map(|(y, m)| format!("{y}-{m}")),
        (
            year(),
            opt_u8(1..=53),
            prop::sample::select(vec!["", "-WE"])
        )
            .prop_map(|(y, w, we)| {
                let w = w.map_or("XX".to_string(), |w| digits(w.into(), 2));
                format!("{}-W{w}{we}", year_string(y))
            }),
        day_string(),
        (day_string(), time_string()).prop_map(|(d, t)| format!("{d}{t}")),
    ]
}

fn amount_string() -> impl Strategy<Value = String> {
    amount().prop_map(|n| n.to_string())
}

fn duration_string() -> impl Strategy<Value = String> {
    let date = ["L", "C", "E", "Y", "Q", "M", "W", "WE", "D"];
    let time = ["H", "M", "S"];
    // Units from coarse to fine, as (letters, whether after T).
    let units: Vec<(&str, bool)> = date
        .iter()
        .map(|&u| (u, false))
        .chain(time.iter().map(|&u| (u, true)))
        .collect();
    let n = units.len();
    (
        prop::option::weighted(0.8, amount_string()),
        0..n + 1,
        prop::option::of((amount_string(), 0..n)),
    )
        .prop_map(move |(a, u, second)| {
            let a = a.unwrap_or_else(|| "X".to_string());
            if u == n {
                // The unknown unit stands alone.
                return format!("P{a}X");
            }
            let (letters, in_time) = units[u];
            let mut s = format!("P{}{a}{letters}", if in_time { "T" } else { "" });
            if let Some((a2, u2)) = second.filter(|&(_, u2)| u2 > u) {
                let (letters2, in_time2) = units[u2];
                let t = if in_time2 && !in_time { "T" } else { "" };
                s.push_str(&format!("{t}{a2}{letters2}"));
            }
            s
        })
}

// ---------------------------------------------------------------------------------------------
// Any string, and strings made of TIMEX3 pieces.

const PIECES: &[&str] = &[
    "1998",
    "2021",
    "0000",
    "9999",
    "19",
    "199",
    "X",
    "XX",
    "XXXX",
    "-",
    "--",
    "W",
    "WE",
    "WXX",
    "Q",
    "H",
    "SU",
    "WI",
    "FA",
    "SP",
    "T",
    ":",
    "P",
    "PT",
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "7",
    "9",
    "12",
    "13",
    "24",
    "29",
    "30",
    "31",
    "53",
    "60",
    "00",
    "MO",
    "NI",
    "EV",
    "AF",
    "DT",
    "MI",
    "L",
    "C",
    "E",
    "Y",
    "M",
    "D",
    "S",
    "4294967296",
    "99999999999",
    "_REF",
    "PAST_REF",
    "PRESENT_REF",
    "FUTURE_REF",
    "p",
    "t",
    "q",
    "w",
    "x",
    "su",
    "ni",
    ".",
    "5",
    "Z",
    "+01",
    "é",
    " ",
    "\u{2019}",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|v| v.concat())
}

/// An error points into the string, on a character boundary, at the text it names.
fn check_error(s: &str, e: &ParseTimexError) -> Result<(), TestCaseError> {
    prop_assert!(e.offset() <= s.len(), "{e}");
    prop_assert!(s.is_char_boundary(e.offset()), "{e}");
    let found = e.found().trim_end_matches('…');
    prop_assert!(s[e.offset()..].starts_with(found), "{e}");
    prop_assert!(!e.expected().is_empty());
    Ok(())
}

/// What is read is normalized once: written and read again, it is the same value.
fn check_any(s: &str) -> Result<(), TestCaseError> {
    for ty in [TimexType::Date, TimexType::Set] {
        match TimeValue::from_timex3(s, ty) {
            Ok(v) => {
                let again = TimeValue::from_timex3(&v.to_timex3(), ty);
                prop_assert_eq!(again, Ok(v), "{:?} as {}", s, ty);
            }
            Err(e) => check_error(s, &e)?,
        }
    }
    match s.parse::<CalendarPoint>() {
        Ok(p) => prop_assert_eq!(p.to_timex3().parse::<CalendarPoint>(), Ok(p)),
        Err(e) => check_error(s, &e)?,
    }
    match s.parse::<Duration>() {
        Ok(d) => prop_assert_eq!(d.to_timex3().parse::<Duration>(), Ok(d)),
        Err(e) => check_error(s, &e)?,
    }
    if let Err(e) = s.parse::<Reference>() {
        check_error(s, &e)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn written_values_read_back_as_themselves((v, ty) in typed_value()) {
        let s = v.to_timex3();
        prop_assert_eq!(TimeValue::from_timex3(&s, ty), Ok(v), "{} as {}", s, ty);
        match v {
            TimeValue::Point(p) | TimeValue::Each(p) => prop_assert_eq!(s.parse(), Ok(p)),
            TimeValue::Duration(d) | TimeValue::Every(d) => prop_assert_eq!(s.parse(), Ok(d)),
            TimeValue::Reference(r) => prop_assert_eq!(s.parse(), Ok(r)),
        }
        if ty != TimexType::Set {
            prop_assert_eq!(s.parse::<TimeValue>(), Ok(v));
        }
    }

    #[test]
    fn canonical_points_write_back_the_same(s in point_string()) {
        let p: CalendarPoint = s.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(p.to_timex3(), s.clone());
        let each = TimeValue::from_timex3(&s, TimexType::Set);
        prop_assert_eq!(each.map(|v| v.to_timex3()), Ok(s));
    }

    #[test]
    fn canonical_durations_write_back_the_same(s in duration_string()) {
        let d: Duration = s.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(d.to_timex3(), s.clone());
        let every = TimeValue::from_timex3(&s, TimexType::Set);
        prop_assert_eq!(every.map(|v| v.to_timex3()), Ok(s));
    }

    #[test]
    fn pieces_never_break_the_laws(s in pieces()) {
        check_any(&s)?;
    }

    #[test]
    fn arbitrary_strings_never_break_the_laws(s in "\\PC{0,40}") {
        check_any(&s)?;
    }

    #[test]
    fn lower_case_reads_as_upper_case(s in point_string()) {
        let lower = s.to_ascii_lowercase();
        prop_assert_eq!(lower.parse::<CalendarPoint>(), s.parse::<CalendarPoint>());
    }
}

#[test]
fn the_error_is_a_plain_error_value() {
    fn error<T: std::error::Error + Send + Sync + Clone + 'static>() {}
    error::<ParseTimexError>();
}

#[test]
fn references_read_back() {
    for r in [Reference::Past, Reference::Present, Reference::Future] {
        assert_eq!(r.as_str().parse(), Ok(r));
        assert_eq!(
            TimeValue::from_timex3(r.as_str(), TimexType::Date),
            Ok(TimeValue::Reference(r))
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Real data.

#[derive(Deserialize)]
struct Gold {
    dct_value: String,
    dct_type: String,
    timexes: Vec<GoldTimex>,
}

#[derive(Deserialize)]
struct GoldTimex {
    #[serde(rename = "type")]
    ty: String,
    value: String,
}

/// Every value `times` gives on real articles reads back as itself.
#[test]
fn extracted_values_read_back_as_themselves() {
    let mut paths = common::samples();
    if let Some(dir) = common::corpus_dir("timebank") {
        paths.extend(
            common::articles_with_gold(&dir)
                .into_iter()
                .map(|(txt, _)| txt),
        );
    }
    let times = Times::default();
    let mut n = 0;
    for path in &paths {
        let src = std::fs::read_to_string(path).expect("read article");
        let article = newswire::parse(&src).expect("lenient parsing never fails");
        for t in times.extract(&Analysis::new(&article)) {
            let s = t.value.to_timex3();
            assert_eq!(
                TimeValue::from_timex3(&s, t.timex_type),
                Ok(t.value),
                "{}: {:?} {} {s}",
                path.display(),
                t.text,
                t.timex_type
            );
            n += 1;
        }
    }
    eprintln!(
        "{n} extracted values from {} articles read back",
        paths.len()
    );
    assert!(n >= 20, "the samples alone give more than 20 values");
}

/// The TimeBank annotators' values (TimeML gold, TempEval-3 TBAQ-cleaned) are read: all but
/// those the typed value cannot hold, and those in canonical form write back the same.
#[test]
fn timebank_gold_values_are_read() {
    let Some(dir) = common::corpus_dir("timebank") else {
        return;
    };
    let (mut total, mut read, mut same) = (0usize, 0usize, 0usize);
    let (mut dct_total, mut dct_read) = (0usize, 0usize);
    let mut rejected = std::collections::BTreeMap::<String, usize>::new();
    for (_, json) in common::articles_with_gold(&dir) {
        let gold: Gold =
            serde_json::from_str(&std::fs::read_to_string(json).expect("read gold")).expect("gold");
        for t in &gold.timexes {
            total += 1;
            let ty: TimexType = t.ty.parse().expect("a TIMEX3 type");
            match TimeValue::from_timex3(&t.value, ty) {
                Ok(v) => {
                    read += 1;
                    same += usize::from(v.to_timex3() == t.value);
                }
                Err(e) => *rejected.entry(e.to_string()).or_default() += 1,
            }
        }
        dct_total += 1;
        let ty: TimexType = gold.dct_type.parse().expect("a TIMEX3 type");
        dct_read += usize::from(TimeValue::from_timex3(&gold.dct_value, ty).is_ok());
    }
    let share = read as f64 / total as f64;
    eprintln!(
        "TimeBank gold TIMEX3 values read: {read} of {total} ({share:.4}); written back the same: \
         {same}; creation times read: {dct_read} of {dct_total} (the others carry seconds)"
    );
    for (e, n) in &rejected {
        eprintln!("  {n:4} × {e}");
    }
    assert_eq!(total, 1822, "the corpus README counts 1,822 gold TIMEX3");
    assert!(read >= 1821, "gold values read: {read} of {total}");
    assert!(
        same >= 1800,
        "gold values written back the same: {same} of {read}"
    );
    assert!(
        dct_read >= 235,
        "creation times read: {dct_read} of {dct_total}"
    );
}
