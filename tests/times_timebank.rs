//! Evaluation of the `times` extractor on TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT) with the
//! TempEval-3 measures. The corpus is read at run time from `../shared/corpus/timebank`; the
//! evaluation is skipped when it is absent.
//!
//! - extent, strict: a system expression with exactly the gold byte span;
//! - extent, relaxed: a system expression overlapping a gold one (one-to-one, first come first
//!   matched);
//! - type / value accuracy: share of the relaxed matches with the gold `type` / `value`;
//! - value F1: precision and recall counting only relaxed matches with the gold `value`;
//! - day accuracy (not a TempEval-3 measure): of the relaxed matches whose gold value names a
//!   day, the share we put on that day, whatever the granularity or time of day (`Friday
//!   evening` as `1998-08-07` against `1998-08-07TEV`): it follows anchoring and tense alone.
//!
//! The error classes (misses, false alarms by trigger word, wrong types, wrong values by class)
//! are counted and printed on every run (`-- --nocapture`); set `TIMES_ERRORS=1` to print every
//! miss, false alarm and wrong value as well (`TIMES_ERRORS=all`: every match too).

mod common;

use newswire::extract::times::{TimeExpression, Times};
use newswire::extract::{Analysis, Extractor};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    dct: String,
    #[serde(default)]
    subcorpus: String,
    timexes: Vec<GoldTimex>,
}

#[derive(Deserialize)]
struct GoldTimex {
    text: String,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    ty: String,
    value: String,
}

#[derive(Default, Debug)]
struct Counts {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed: usize,
    type_ok: usize,
    value_ok: usize,
    /// Relaxed matches whose gold value names a calendar day (`1998-08-07`, `1998-08-07TEV`).
    gold_day: usize,
    /// Of those, the ones our value puts on the same day, whatever its granularity or time.
    day_ok: usize,
}

/// The calendar day a TIMEX3 value starts with (`1998-08-07` of `1998-08-07T10:35`), if any.
fn day_of(value: &str) -> Option<&str> {
    let day = value.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

fn f1(tp: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
    let p = if sys == 0 {
        0.0
    } else {
        tp as f64 / sys as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// The class of a wrong value, from the gold value and ours: a granularity mismatch when one is a
/// prefix of the other (`1988-10` against `1988-10-26`), else the kind of the gold value.
fn value_class(gold: &GoldTimex, sys: &str) -> &'static str {
    let g = gold.value.as_str();
    let is_weekday = |t: &str| {
        let t = t.to_ascii_lowercase();
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .any(|d| t.contains(d))
    };
    let digits = |v: &str| v.bytes().take_while(u8::is_ascii_digit).count();
    if gold.ty == "SET" {
        "set"
    } else if g.ends_with("_REF") {
        "present/past/future ref"
    } else if g.starts_with('P') {
        if sys.starts_with('P') {
            "duration: other length"
        } else {
            "duration: we give a date"
        }
    } else if sys.starts_with('P') {
        "date: we give a duration"
    } else if sys.ends_with("_REF") {
        "date: we give a ref"
    } else if (g.starts_with(sys) || sys.starts_with(g)) && !g.is_empty() && !sys.is_empty() {
        "granularity (prefix)"
    } else if g.contains('T') || sys.contains('T') {
        "time of day"
    } else if is_weekday(&gold.text) {
        "weekday"
    } else if g.contains('W') || sys.contains('W') {
        "week"
    } else if g.contains('Q') || sys.contains('Q') {
        "quarter"
    } else if digits(g) == 3 || g.len() == 4 && g.ends_with('X') {
        "decade"
    } else if g.len() == 7 {
        "month"
    } else if g.len() == 4 {
        "year"
    } else if g.len() == 10 {
        "day"
    } else {
        "other"
    }
}

/// The word that made us report a false alarm: its last word, lower case.
fn trigger(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase()
}

fn print_classes(title: &str, counts: &std::collections::BTreeMap<String, usize>, top: usize) {
    let total: usize = counts.values().sum();
    let mut v: Vec<(&String, &usize)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = v
        .iter()
        .take(top)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    eprintln!("  {title}: {total}: {}", shown.join(", "));
}

#[test]
fn timebank_tempeval3_measures() {
    let Some(dir) = common::corpus_dir("timebank") else {
        return;
    };
    let files = common::articles_with_gold(&dir);
    assert!(
        files.len() >= 250,
        "expected the 256 TimeBank articles, found {}",
        files.len()
    );
    let show = std::env::var_os("TIMES_ERRORS").is_some();
    let show_all = std::env::var("TIMES_ERRORS").is_ok_and(|v| v == "all");
    let times = Times::default();
    let mut c = Counts::default();
    let mut per: std::collections::BTreeMap<String, Counts> = std::collections::BTreeMap::new();
    // Error classes: wrong values by class, wrong types (gold > ours), false alarms by trigger
    // word, misses by gold type, and relaxed-only extents.
    let mut wrong_value: std::collections::BTreeMap<String, usize> = Default::default();
    let mut wrong_type: std::collections::BTreeMap<String, usize> = Default::default();
    let mut false_alarm: std::collections::BTreeMap<String, usize> = Default::default();
    let mut missed: std::collections::BTreeMap<String, usize> = Default::default();
    let mut loose_extent = 0usize;
    for (txt, json) in &files {
        let src = std::fs::read_to_string(txt).expect("read article");
        let gold: Gold =
            serde_json::from_str(&std::fs::read_to_string(json).expect("read gold")).expect("gold");
        let article = newswire::parse(&src).expect("lenient parse");
        assert_eq!(
            article.date.map(|d| d.to_string()).as_deref(),
            Some(gold.dct.as_str()),
            "{}: the header date is the document creation time",
            txt.display()
        );
        let found: Vec<TimeExpression> = times.extract(&Analysis::new(&article));
        let before = (
            c.gold, c.strict, c.relaxed, c.type_ok, c.value_ok, c.gold_day, c.day_ok,
        );
        c.gold += gold.timexes.len();
        c.system += found.len();
        let mut used = vec![false; found.len()];
        let name = txt
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for g in &gold.timexes {
            let hit = found
                .iter()
                .enumerate()
                .position(|(k, s)| !used[k] && s.span.start < g.end && g.start < s.span.end);
            match hit {
                Some(k) => {
                    used[k] = true;
                    let s = &found[k];
                    c.relaxed += 1;
                    let strict = s.span.start == g.start && s.span.end == g.end;
                    if strict {
                        c.strict += 1;
                    }
                    let type_ok = s.timex_type.as_str() == g.ty;
                    let value_ok = s.value.to_timex3() == g.value;
                    c.type_ok += usize::from(type_ok);
                    c.value_ok += usize::from(value_ok);
                    if let Some(day) = day_of(&g.value) {
                        c.gold_day += 1;
                        c.day_ok += usize::from(day_of(&s.value.to_timex3()) == Some(day));
                    }
                    loose_extent += usize::from(!strict);
                    let sys_value = s.value.to_timex3();
                    if !value_ok {
                        *wrong_value
                            .entry(value_class(g, &sys_value).to_string())
                            .or_default() += 1;
                    }
                    if !type_ok {
                        *wrong_type
                            .entry(format!("{}>{}", g.ty, s.timex_type.as_str()))
                            .or_default() += 1;
                    }
                    if show_all || show && (!strict || !value_ok || !type_ok) {
                        let ctx_s = g.start.saturating_sub(100);
                        let ctx_e = (g.end + 40).min(src.len());
                        let ctx = src.get(ctx_s..ctx_e).unwrap_or("").replace('\n', " ");
                        println!(
                            "{}\t{name}\t{}\tgold {:?} {} {}\tsys {:?} {} {}\t{}\t| {ctx}",
                            if !strict {
                                "EXTENT"
                            } else if !value_ok || !type_ok {
                                "VALUE"
                            } else {
                                "OK"
                            },
                            gold.dct,
                            g.text,
                            g.ty,
                            g.value,
                            s.text,
                            s.timex_type,
                            s.value,
                            if value_ok {
                                "value ok"
                            } else {
                                value_class(g, &sys_value)
                            },
                        );
                    }
                }
                None => {
                    *missed.entry(g.ty.clone()).or_default() += 1;
                    if show {
                        let ctx_s = g.start.saturating_sub(40);
                        let ctx_e = (g.end + 40).min(src.len());
                        let ctx = src.get(ctx_s..ctx_e).unwrap_or("").replace('\n', " ");
                        println!(
                            "MISS\t{name}\t{}\t{:?} {} {}\t| {ctx}",
                            gold.dct, g.text, g.ty, g.value
                        );
                    }
                }
            }
        }
        let sub = per.entry(gold.subcorpus.clone()).or_default();
        sub.gold += c.gold - before.0;
        sub.system += found.len();
        sub.strict += c.strict - before.1;
        sub.relaxed += c.relaxed - before.2;
        sub.type_ok += c.type_ok - before.3;
        sub.value_ok += c.value_ok - before.4;
        sub.gold_day += c.gold_day - before.5;
        sub.day_ok += c.day_ok - before.6;
        for (k, s) in found.iter().enumerate() {
            if !used[k] {
                *false_alarm.entry(trigger(&s.text)).or_default() += 1;
            }
        }
        if show {
            for (k, s) in found.iter().enumerate() {
                if !used[k] {
                    let ctx_s = s.span.start.saturating_sub(40);
                    let ctx_e = (s.span.end + 40).min(src.len());
                    let ctx = src.get(ctx_s..ctx_e).unwrap_or("").replace('\n', " ");
                    println!(
                        "FALSE\t{name}\t{}\t{:?} {} {}\t| {ctx}",
                        gold.dct, s.text, s.timex_type, s.value
                    );
                }
            }
        }
    }
    for (name, s) in &per {
        let (sp, sr, sf) = f1(s.strict, s.system, s.gold);
        let (rp, rr, rf) = f1(s.relaxed, s.system, s.gold);
        let (vp, vr, vf) = f1(s.value_ok, s.system, s.gold);
        eprintln!(
            "  {name}: {} gold, {} system, strict F1 {sf:.3}, relaxed F1 {rf:.3}, type accuracy {:.3}, value accuracy {:.3}, value F1 {vf:.3}",
            s.gold,
            s.system,
            s.type_ok as f64 / s.relaxed.max(1) as f64,
            s.value_ok as f64 / s.relaxed.max(1) as f64,
        );
        eprintln!(
            "    strict P {sp:.3} R {sr:.3}, relaxed P {rp:.3} R {rr:.3}, value P {vp:.3} R {vr:.3}; {} strict, {} relaxed, {} right types, {} right values, day accuracy {}/{}",
            s.strict, s.relaxed, s.type_ok, s.value_ok, s.day_ok, s.gold_day
        );
    }
    eprintln!("error classes:");
    print_classes("wrong values", &wrong_value, 20);
    print_classes("wrong types (gold>ours)", &wrong_type, 10);
    print_classes("false alarms by trigger word", &false_alarm, 25);
    print_classes("misses by gold type", &missed, 5);
    eprintln!("  relaxed but not strict extents: {loose_extent}");
    let (sp, sr, sf) = f1(c.strict, c.system, c.gold);
    let (rp, rr, rf) = f1(c.relaxed, c.system, c.gold);
    let (vp, vr, vf) = f1(c.value_ok, c.system, c.gold);
    let type_acc = c.type_ok as f64 / c.relaxed.max(1) as f64;
    let value_acc = c.value_ok as f64 / c.relaxed.max(1) as f64;
    let day_acc = c.day_ok as f64 / c.gold_day.max(1) as f64;
    eprintln!(
        "timebank: {} gold, {} system\n  strict  P {sp:.3} R {sr:.3} F1 {sf:.3}\n  relaxed P {rp:.3} R {rr:.3} F1 {rf:.3}\n  type accuracy {type_acc:.3}, value accuracy {value_acc:.3}, day accuracy {day_acc:.3} ({} of {})\n  value   P {vp:.3} R {vr:.3} F1 {vf:.3}",
        c.gold, c.system, c.day_ok, c.gold_day
    );
    // Floors just below the figures measured (strict 0.903, relaxed 0.950, type 0.971,
    // value accuracy 0.887, value F1 0.842, day accuracy 0.933; TimeBank strict 0.916 and
    // value F1 0.859, AQUAINT strict 0.874 and value F1 0.805), so that they cannot fall
    // unnoticed. Before the rules on the period under discussion, `earlier this month`,
    // `or so`, `this quarter's` and counted seasons: strict 0.900, value F1 0.839 (TimeBank
    // 0.854, AQUAINT 0.805).
    for (name, strict_floor, value_floor) in [("TimeBank", 0.915, 0.858), ("AQUAINT", 0.873, 0.804)]
    {
        let s = per.get(name).expect("both subcorpora are in the corpus");
        let (_, _, sf) = f1(s.strict, s.system, s.gold);
        let (_, _, vf) = f1(s.value_ok, s.system, s.gold);
        assert!(sf >= strict_floor, "{name}: strict F1 {sf:.3}");
        assert!(vf >= value_floor, "{name}: value F1 {vf:.3}");
    }
    assert!(sf >= 0.902, "strict F1 {sf:.3}");
    assert!(rf >= 0.948, "relaxed F1 {rf:.3}");
    assert!(type_acc >= 0.970, "type accuracy {type_acc:.3}");
    assert!(value_acc >= 0.886, "value accuracy {value_acc:.3}");
    assert!(vf >= 0.841, "value F1 {vf:.3}");
    assert!(day_acc >= 0.932, "day accuracy {day_acc:.3}");
}
