//! Synthetic articles in every style of the format, for the benches.

/// A small deterministic generator (xorshift64*), so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "officials",
    "said",
    "talks",
    "would",
    "resume",
    "on",
    "Monday",
    "after",
    "a",
    "week",
    "of",
    "meetings",
    "in",
    "the",
    "capital",
    "prices",
    "rose",
    "1.2",
    "pct",
    "minister",
    "told",
    "reporters",
    "that",
    "“deep",
    "concern”",
    "junta’s",
    "mln",
    "tonnes",
    "and",
    "ASEAN",
    "U.S.",
    "exports",
    "bank",
    "government",
    "company",
    "shares",
    "market",
    "crisis",
    "café",
    "per",
];

const DATELINES: &[&str] = &[
    "JAKARTA --",
    "NEW YORK, March 26 -",
    "BAHIA BLANCA, Argentina, Feb 26 -",
    "YANGON (Reuters) -",
    "WASHINGTON (AP) _",
    "BEIJING, March 24 (Xinhua) --",
    "PORTLAND, Ore., Feb 26 -",
    "SINGAPORE --",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 6 + rng.below(20);
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push('.');
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

fn wrap_into(text: &str, width: usize, out: &mut String) {
    let mut col = 0;
    for w in text.split(' ') {
        if col > 0 && col + 1 + w.len() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.len();
    }
    out.push('\n');
}

fn article(rng: &mut Rng) -> String {
    let mut a = String::new();
    let paragraphs = 4 + rng.below(12);
    match rng.below(5) {
        // Web style: header, dateline, blank lines, a caption.
        0 => {
            a.push_str(" date 2021-05-01 ");
            a.push_str(rng.pick(DATELINES));
            a.push(' ');
            for i in 0..paragraphs {
                if i > 0 {
                    a.push_str("\n\n");
                }
                a.push_str(&paragraph(rng));
                if i == 3 {
                    a.push_str(" © Reuters");
                }
            }
            a.push('\n');
        }
        // Single newlines, a related-stories trailer, curly quotes.
        1 => {
            for _ in 0..paragraphs {
                let mut p = paragraph(rng);
                while p.len() < 120 {
                    p.push(' ');
                    sentence(rng, &mut p);
                }
                a.push_str(&p);
                a.push('\n');
            }
            a.push_str("You may also like these stories:\nPort Workers Return After Strike\n");
            a.push_str("Farmers Protest New Water Rules\n");
        }
        // Wire copy: hard wraps, indented paragraphs, a table, a sign-off.
        2 => {
            a.push_str(" date 1987-02-26 ");
            a.push_str(rng.pick(DATELINES));
            a.push(' ');
            for i in 0..paragraphs {
                if i > 0 {
                    a.push_str("    ");
                }
                wrap_into(&paragraph(rng), 65, &mut a);
            }
            a.push_str("         Wk ended  Prev wk\n Bags     1,200    1,150\n Reuter\n");
        }
        // CRLF and a byte order mark, a byline, a dateline as its own paragraph.
        3 => {
            a.push_str("\u{feff} date 1998-08-08 JOHANNESBURG, August 7 (Xinhua) --\r\n\r\n");
            a.push_str("By Jane Doe\r\n\r\n");
            for _ in 0..paragraphs {
                a.push_str(&paragraph(rng));
                a.push_str("  \r\n\r\n");
            }
        }
        // A headline, then the dateline; blank-line paragraphs, some hard-wrapped.
        _ => {
            a.push_str(" date 2016-03-01 Senators Meet on Budget Plan\n\nWASHINGTON (AP) — ");
            for i in 0..paragraphs {
                if i > 0 {
                    a.push('\n');
                }
                if i % 3 == 2 {
                    wrap_into(&paragraph(rng), 72, &mut a);
                } else {
                    a.push_str(&paragraph(rng));
                    a.push('\n');
                }
            }
        }
    }
    a
}

/// Synthetic articles totalling at least `bytes`.
pub fn corpus(bytes: usize) -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut rng);
        total += a.len();
        out.push(a);
    }
    out
}
