//! Throughput of reading TIMEX3 value strings back into typed values, against writing them.
//!
//! The values are generated at bench time: 20,000 typed values of every kind the writer prints
//! (points from decades to minutes with known and unknown parts, durations of one and two
//! units, references, sets) from a fixed seed, written with `to_timex3` (about 8 bytes on
//! average). `timex3/read` reads each back with `TimeValue::from_timex3` and its type;
//! `timex3/write` writes each; both count the bytes of the value strings.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newswire::extract::times::{
    CalendarPoint, Duration, DurationUnit, Granularity, PartOfDay, Reference, Season, TimeValue,
    TimexType, YearPart,
};
use std::hint::black_box;

/// A small deterministic generator (xorshift), so every run measures the same values.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// `Some` of a number in `lo..=hi` nine times in ten, else `None` (an unknown part).
    fn part(&mut self, lo: u8, hi: u8) -> Option<u8> {
        (self.below(10) > 0).then(|| lo + self.below(u64::from(hi - lo) + 1) as u8)
    }
}

fn point(rng: &mut Rng) -> CalendarPoint {
    let year = (rng.below(10) > 0).then(|| 1900 + rng.below(130) as i32);
    let day = |rng: &mut Rng| {
        CalendarPoint::day(
            year,
            rng.part(1, 12).map(u32::from),
            rng.part(1, 28).map(u32::from),
        )
    };
    match rng.below(12) {
        0 => CalendarPoint::year_opt(year).with_granularity(Granularity::Decade),
        1 => CalendarPoint::year_opt(year),
        2 => CalendarPoint::quarter(year, rng.part(1, 4).map(u32::from)),
        3 => CalendarPoint::season(
            year,
            [Season::Spring, Season::Summer, Season::Fall, Season::Winter][rng.below(4) as usize],
        ),
        4 => CalendarPoint::month(year, rng.part(1, 12).map(u32::from)),
        5 => CalendarPoint::week(year, rng.part(1, 52).map(u32::from)),
        6 => CalendarPoint::weekday(1 + rng.below(7) as u32),
        7 => CalendarPoint {
            granularity: Granularity::PartOfDay,
            part_of_day: Some(
                [
                    PartOfDay::Morning,
                    PartOfDay::Afternoon,
                    PartOfDay::Evening,
                    PartOfDay::Night,
                ][rng.below(4) as usize],
            ),
            ..day(rng)
        },
        8 => CalendarPoint {
            granularity: Granularity::Minute,
            hour: rng.part(0, 23),
            minute: rng.part(0, 59),
            ..day(rng)
        },
        9 => CalendarPoint {
            part: YearPart::Half(1 + rng.below(2) as u8),
            ..CalendarPoint::year_opt(year).with_granularity(Granularity::Half)
        },
        _ => day(rng),
    }
}

fn duration(rng: &mut Rng) -> Duration {
    use DurationUnit as U;
    let units = [
        U::Decade,
        U::Year,
        U::Quarter,
        U::Month,
        U::Week,
        U::Day,
        U::Hour,
        U::Minute,
    ];
    let i = rng.below(units.len() as u64) as usize;
    let mut d = Duration::new((rng.below(8) > 0).then(|| rng.below(400) as u32), units[i]);
    if rng.below(8) == 0 && i + 1 < units.len() {
        d.extra = Some((1 + rng.below(11) as u32, units[i + 1]));
    }
    d
}

fn values() -> Vec<(String, TimexType, TimeValue)> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..20_000)
        .map(|_| {
            let (v, ty) = match rng.below(10) {
                0..=5 => (TimeValue::Point(point(&mut rng)), TimexType::Date),
                6 | 7 => (TimeValue::Duration(duration(&mut rng)), TimexType::Duration),
                8 => (
                    TimeValue::Reference(
                        [Reference::Past, Reference::Present, Reference::Future]
                            [rng.below(3) as usize],
                    ),
                    TimexType::Date,
                ),
                _ if rng.below(2) == 0 => (TimeValue::Every(duration(&mut rng)), TimexType::Set),
                _ => (
                    TimeValue::Each(CalendarPoint::weekday(1 + rng.below(7) as u32)),
                    TimexType::Set,
                ),
            };
            (v.to_timex3(), ty, v)
        })
        .collect()
}

fn timex3(c: &mut Criterion) {
    let values = values();
    let bytes: usize = values.iter().map(|(s, _, _)| s.len()).sum();
    let mut g = c.benchmark_group("timex3");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("read", |b| {
        b.iter(|| {
            let mut read = 0usize;
            for (s, ty, _) in &values {
                read += usize::from(TimeValue::from_timex3(black_box(s), *ty).is_ok());
            }
            assert_eq!(read, values.len(), "every written value reads back");
            read
        })
    });
    g.bench_function("write", |b| {
        b.iter(|| {
            values
                .iter()
                .map(|(_, _, v)| black_box(v).to_timex3().len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, timex3);
criterion_main!(benches);
