//! Any text with any anchor date (a day of the years 1 to 9999, or none), read by `Times`
//! through `Analysis::with_anchor`.
//!
//! The first three bytes choose the anchor (see `anchor`): none, a day near either end of the
//! years 1 to 9999, or any day of them; the rest, as text (invalid UTF-8 replaced), is the
//! article.
//!
//! Laws: nothing panics; every expression's span lies inside the source on character
//! boundaries, is not empty and slices to its `text`; expressions come in text order without
//! overlapping; every value's printed parts are in their documented ranges (month 1-12, day
//! 1-31, quarter 1-4, half 1-2, ISO week 1-53, weekday 1-7, hour 0-24, minute 0-59), and each
//! expression serializes to JSON with `type`, `value` and `mod` the TIMEX3 strings of its typed
//! fields (`value` = `to_timex3()` = `Display`), which read back as those typed fields
//! (`TimeValue::from_timex3(value, type)` is the value, whenever its years lie in 0 to 9999,
//! the range TIMEX3 writes in four digits; `type` and `mod` parse back to theirs); and the same
//! text and anchor give equal outputs again through a fresh analysis (determinism).
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use newswire::extract::times::{
    CalendarPoint, Granularity, TimeExpression, TimeValue, Times, TimexMod, TimexType, YearPart,
};
use newswire::extract::{Analysis, Extractor};

/// 9999-12-31 as days after 0001-01-01.
const LAST_DAY: u32 = 3_652_058;

/// The anchor the first three bytes choose: none when the first is a multiple of 8; a day of
/// the first or the last 65,536 days of the range (years 1 to 180, 9821 to 9999, where date
/// arithmetic meets the ends of the calendar) when it is 1 or 2 more than one; else any day.
fn anchor(bytes: [u8; 3]) -> Option<NaiveDate> {
    let low = u32::from(u16::from_le_bytes([bytes[1], bytes[2]]));
    let n = match bytes[0] % 8 {
        0 => return None,
        1 => low,
        2 => LAST_DAY - low,
        _ => u32::from_le_bytes([bytes[0], bytes[1], bytes[2], 0]) % (LAST_DAY + 1),
    };
    let day = NaiveDate::from_ymd_opt(1, 1, 1)?.checked_add_days(chrono::Days::new(n.into()));
    assert!(day.is_some(), "day {n} lies in 1..=9999");
    day
}

/// Whether every year the value holds lies in 0 to 9999: beyond them the writer prints plain
/// numbers (`10000`, `-5`), which are not TIMEX3 and are not read back.
fn years_in_timex3_range(v: &TimeValue) -> bool {
    match v {
        TimeValue::Point(p) | TimeValue::Each(p) => p.year.is_none_or(|y| (0..=9999).contains(&y)),
        TimeValue::Duration(_) | TimeValue::Every(_) | TimeValue::Reference(_) => true,
    }
}

fn in_range(v: Option<u8>, range: std::ops::RangeInclusive<u8>) -> bool {
    v.is_none_or(|v| range.contains(&v))
}

/// The parts that print (those at or above the granularity) are in their documented ranges.
fn check_point(p: &CalendarPoint, t: &TimeExpression) {
    let g = p.granularity;
    if g > Granularity::Year {
        let ok = match p.part {
            YearPart::None | YearPart::Season(_) => true,
            YearPart::Month(m) => in_range(m, 1..=12),
            YearPart::Quarter(q) => in_range(q, 1..=4),
            YearPart::Half(h) => (1..=2).contains(&h),
            YearPart::Week(w) => in_range(w, 1..=53),
        };
        assert!(ok, "{:?}: part out of range in {p:?}", t.text);
    }
    if g >= Granularity::Day {
        match p.part {
            YearPart::Week(_) => {
                assert!(in_range(p.weekday, 1..=7), "{:?}: weekday in {p:?}", t.text)
            }
            _ => assert!(in_range(p.day, 1..=31), "{:?}: day in {p:?}", t.text),
        }
    }
    if g >= Granularity::Hour {
        assert!(in_range(p.hour, 0..=24), "{:?}: hour in {p:?}", t.text);
    }
    if g >= Granularity::Minute {
        assert!(in_range(p.minute, 0..=59), "{:?}: minute in {p:?}", t.text);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<3>() else {
        return;
    };
    let anchor = anchor(*head);
    let src = String::from_utf8_lossy(rest);
    let src = &*src;
    let article = match newswire::parse(src) {
        Ok(a) => a,
        Err(e) => panic!("lenient parse failed: {e}"),
    };
    let times = Times::default();
    let found = times.extract(&Analysis::new(&article).with_anchor(anchor));

    let mut prev_end = 0;
    for t in &found {
        assert_eq!(
            t.span.get(src),
            Some(t.text.as_str()),
            "span {} is not the expression's text",
            t.span
        );
        assert!(!t.span.is_empty(), "empty expression at {}", t.span);
        assert!(
            t.span.start >= prev_end,
            "{} overlaps or precedes the one before",
            t.span
        );
        prev_end = t.span.end;

        match &t.value {
            TimeValue::Point(p) | TimeValue::Each(p) => check_point(p, t),
            TimeValue::Duration(_) | TimeValue::Every(_) | TimeValue::Reference(_) => {}
        }
        let timex3 = t.value.to_timex3();
        assert_eq!(timex3, t.value.to_string());
        let json = serde_json::to_value(t).expect("a time expression serializes");
        assert_eq!(json["text"], t.text.as_str());
        assert_eq!(json["start"], t.span.start);
        assert_eq!(json["end"], t.span.end);
        assert_eq!(json["type"], t.timex_type.as_str());
        assert_eq!(json["value"], timex3.as_str());
        match t.timex_mod {
            Some(m) => assert_eq!(json["mod"], m.as_str()),
            None => assert!(json.get("mod").is_none()),
        }
        // The JSON strings read back as the typed fields.
        assert_eq!(t.timex_type.as_str().parse::<TimexType>(), Ok(t.timex_type));
        if let Some(m) = t.timex_mod {
            assert_eq!(m.as_str().parse::<TimexMod>(), Ok(m));
        }
        if years_in_timex3_range(&t.value) {
            assert_eq!(
                TimeValue::from_timex3(&timex3, t.timex_type),
                Ok(t.value),
                "{:?}: {} {timex3} does not read back",
                t.text,
                t.timex_type
            );
        }
    }

    let again = times.extract(&Analysis::new(&article).with_anchor(anchor));
    assert_eq!(found, again, "the same text and anchor gave another output");
});
