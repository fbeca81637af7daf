//! Pathological inputs for the extractors, generated at bench time, and the bench loop that
//! runs one extractor over them at growing sizes (`pathological/<extractor>/<input>/<size>`).
//!
//! Each input repeats a few units of text until it reaches the size asked for, in one of two
//! shapes: [`Shape::Paragraph`], one paragraph with no line break (and, for most inputs, no
//! sentence end), or [`Shape::Article`], paragraphs of about 600 bytes separated by blank lines.
//! A linear extractor keeps its throughput as the size grows; one that falls by the factor
//! the size grows by (or more) has a lookback, a merge or a rescan to bound.

use criterion::{BenchmarkId, Criterion, Throughput};
use newswire::extract::{Analysis, Extractor};
use std::hint::black_box;
use std::time::Duration;

/// The sizes each input is measured at: a superlinear path shows as throughput falling from
/// one to the next.
pub const SIZES: [usize; 3] = [16 << 10, 64 << 10, 256 << 10];

/// How the units are laid out.
#[derive(Debug, Clone, Copy)]
#[allow(dead_code)]
pub enum Shape {
    /// One paragraph: the units run on without a line break.
    Paragraph,
    /// Paragraphs of about 600 bytes, separated by blank lines.
    Article,
}

/// One pathological input: what it is called and how it is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Its name in the bench id.
    pub name: &'a str,
    /// Text written once after the dateline (a related-stories heading).
    pub opening: &'a str,
    /// A unit repeated over the first half of the size, before `units` (numbers before the
    /// words that look back to the sentence start).
    pub first_half: &'a str,
    /// The units repeated in turn up to the size.
    pub units: &'a [&'a str],
    pub shape: Shape,
}

impl<'a> Input<'a> {
    /// `units` repeated in turn, laid out as `shape` says.
    pub const fn new(name: &'a str, units: &'a [&'a str], shape: Shape) -> Self {
        Input {
            name,
            opening: "",
            first_half: "",
            units,
            shape,
        }
    }

    /// With `opening` written once first.
    #[allow(dead_code)]
    pub const fn opening(mut self, opening: &'a str) -> Self {
        self.opening = opening;
        self
    }

    /// With `unit` repeated over the first half.
    #[allow(dead_code)]
    pub const fn first_half(mut self, unit: &'a str) -> Self {
        self.first_half = unit;
        self
    }

    /// The article file of about `size` bytes: a header date, a dateline, the opening, then
    /// the first half's unit and the units repeated. Every `{n}` in a unit becomes a running
    /// number, and every `{name}` a made-up name that differs from one use to the next
    /// (`Kavo`, `Lemu`, ...).
    pub fn text(&self, size: usize) -> String {
        let mut src = String::from(" date 2021-05-01 WASHINGTON -- ");
        src.push_str(self.opening);
        let half = size / 2;
        while !self.first_half.is_empty() && src.len() < half {
            src.push_str(self.first_half);
        }
        let mut paragraph = 0;
        let mut n = 0usize;
        while src.len() < size && !self.units.is_empty() {
            for unit in self.units {
                let mut unit = unit.replace("{n}", &n.to_string());
                while let Some(at) = unit.find("{name}") {
                    unit.replace_range(at..at + 6, &name(n));
                    n += 1;
                }
                n += 1;
                src.push_str(&unit);
                paragraph += unit.len();
                if matches!(self.shape, Shape::Article) && paragraph >= 600 {
                    src.truncate(src.trim_end().len());
                    src.push_str("\n\n");
                    paragraph = 0;
                }
            }
        }
        src.truncate(src.trim_end().len());
        src.push('\n');
        src
    }
}

/// A made-up capitalized name, different for every `n`: syllables of a consonant and a vowel.
fn name(n: usize) -> String {
    const CONSONANTS: &[u8] = b"bcdfghklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let mut n = n + 1000;
    let mut out = String::new();
    while n > 0 {
        out.push(char::from(CONSONANTS[n % CONSONANTS.len()]));
        out.push(char::from(VOWELS[n % VOWELS.len()]));
        n /= CONSONANTS.len();
    }
    let mut chars = out.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Runs `extractor` over each input at each of [`SIZES`], a fresh [`Analysis`] every time
/// (so the sentence split or body scan it needs is measured with it), as bench
/// `pathological/<extractor>/<input>/<size>`.
pub fn bench<E: Extractor>(
    c: &mut Criterion,
    extractor_name: &str,
    extractor: &E,
    inputs: &[Input<'_>],
) {
    let mut g = c.benchmark_group(format!("pathological/{extractor_name}"));
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(2));
    for input in inputs {
        for size in SIZES {
            let src = input.text(size);
            let Ok(article) = newswire::parse(&src) else {
                continue;
            };
            g.throughput(Throughput::Bytes(src.len() as u64));
            g.bench_with_input(
                BenchmarkId::new(input.name, size),
                &article,
                |b, article| {
                    b.iter(|| black_box(extractor.extract(&Analysis::new(black_box(article)))))
                },
            );
        }
    }
    g.finish();
}
