//! Synthetic news articles for benches and the large-corpus run: deterministic, made from word
//! lists written for this crate (no corpus text), in the article file format with the shapes
//! the parser and extractors meet in real copy: a date header, wire datelines of several
//! styles, blank-line, single-newline and hard-wrapped paragraphs, quotes, abbreviations,
//! numbers, captions and sign-offs.
#![allow(dead_code)]

/// A small deterministic generator (xorshift64*), so runs are repeatable without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const CITIES: &[&str] = &[
    "JAKARTA",
    "NEW YORK",
    "LONDON",
    "BRUSSELS",
    "TOKYO",
    "NAIROBI",
    "LIMA",
    "OTTAWA",
    "CAIRO",
    "SINGAPORE",
    "BAHIA BLANCA",
    "PORTLAND",
    "SYDNEY",
    "MANILA",
    "GENEVA",
    "BOGOTA",
];
const REGIONS: &[&str] = &[
    "Argentina",
    "Ore.",
    "Calif.",
    "Kenya",
    "Peru",
    "N.S.W.",
    "Texas",
];
const AGENCIES: &[&str] = &["Reuters", "AP", "Xinhua", "AFP"];
const MONTHS: &[&str] = &[
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const SUBJECTS: &[&str] = &[
    "The ministry",
    "Officials",
    "The central bank",
    "Trade unions",
    "The company",
    "Analysts",
    "Local farmers",
    "The U.S. delegation",
    "Sen. Maria Lopez",
    "Dr. Ahmed Khan",
    "The council",
    "Shareholders",
    "Police",
    "The Association of Coastal Towns",
    "Mr. Tanaka",
    "Investors",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "reported",
    "warned",
    "expected",
    "confirmed",
    "denied",
    "estimated",
    "agreed",
    "proposed",
    "rejected",
    "forecast",
];
const OBJECTS: &[&str] = &[
    "that exports rose sharply in the quarter",
    "a new round of talks on the budget",
    "that grain shipments would resume next week",
    "plans to cut interest rates",
    "the sale of its shipping unit for $1.2 billion",
    "a 4.5 pct rise in output",
    "that the storm had damaged about 300 homes",
    "an inquiry into the contracts",
    "the merger of the two regional carriers",
    "that prices fell 0.3 pct in February",
    "new rules for coastal fishing",
    "a deal with the Inc. and Co. creditors",
];
const TAILS: &[&str] = &[
    "on Tuesday",
    "last year",
    "in a statement",
    "at a news conference",
    "earlier this month",
    "by the end of 2027",
    "after three days of talks",
    "on April 24",
    "in the capital",
    "according to people familiar with the matter",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    match rng.below(6) {
        0 => {
            out.push('"');
            out.push_str("We ");
            out.push_str(rng.pick(&["will", "cannot", "must", "hope to"]));
            out.push(' ');
            out.push_str(rng.pick(&[
                "act quickly",
                "wait any longer",
                "protect jobs",
                "see results soon",
            ]));
            out.push_str(",\" ");
            out.push_str(rng.pick(SUBJECTS));
            out.push(' ');
            out.push_str(rng.pick(VERBS));
            out.push('.');
        }
        _ => {
            out.push_str(rng.pick(SUBJECTS));
            out.push(' ');
            out.push_str(rng.pick(VERBS));
            out.push(' ');
            out.push_str(rng.pick(OBJECTS));
            out.push(' ');
            out.push_str(rng.pick(TAILS));
            out.push('.');
        }
    }
}

fn paragraph(rng: &mut Rng) -> String {
    let mut p = String::new();
    for i in 0..1 + rng.below(4) {
        if i > 0 {
            p.push(' ');
        }
        sentence(rng, &mut p);
    }
    p
}

/// Wraps `text` at about 68 columns, continuation lines unindented.
fn wrap(text: &str, out: &mut String) {
    let mut col = 0;
    for word in text.split(' ') {
        if col > 0 && col + word.len() > 68 {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.len();
    }
}

/// Article number `i` of the synthetic corpus with seed `seed`: 1 to 6 KB of text.
pub fn article(seed: u64, i: u64) -> String {
    let mut rng = Rng::new(seed ^ i.wrapping_mul(0xD1B5_4A32_D192_ED03));
    let year = 1987 + rng.below(38);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let mut out = format!(" date {year}-{month:02}-{day:02} ");
    let city = rng.pick(CITIES);
    let style = rng.below(4);
    match style {
        0 => out.push_str(&format!("{city} -- ")),
        1 => out.push_str(&format!(
            "{city}, {}, {} {day} - ",
            rng.pick(REGIONS),
            MONTHS[month - 1]
        )),
        2 => out.push_str(&format!("{city} ({}) - ", rng.pick(AGENCIES))),
        _ => {}
    }
    let paragraphs = 3 + rng.below(18);
    for k in 0..paragraphs {
        let p = paragraph(&mut rng);
        match style {
            // Hard-wrapped wire copy with indented paragraph starts.
            1 => {
                if k > 0 {
                    out.push_str("\n    ");
                }
                wrap(&p, &mut out);
            }
            // One paragraph per line.
            2 => {
                if k > 0 {
                    out.push('\n');
                }
                out.push_str(&p);
            }
            _ => {
                if k > 0 {
                    out.push_str("\n\n");
                }
                out.push_str(&p);
            }
        }
    }
    if rng.below(5) == 0 {
        out.push_str("\n\nPhoto: Workers unload grain at the port. (Staff photo)");
    }
    if style == 1 {
        out.push_str("\n Reuter");
    }
    out.push('\n');
    out
}
