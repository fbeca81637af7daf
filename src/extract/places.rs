//! Places: mentions of countries, regions and cities resolved to gazetteer entries.

use super::{Analysis, Extractor};
use crate::gazetteer::{
    Code, Gazetteer, KeyMap, NameForm, PlaceKind, PlaceRef, Token, hash_of, tokenize,
};
use crate::span::Span;
use serde::Serialize;
use std::sync::OnceLock;

/// Finds the countries, territories, regions and cities an article mentions and resolves each
/// to a [`Gazetteer`] entry, settling ambiguous names by context: the dateline's country, the
/// other places of the article, then population. The other readings of an ambiguous name stay
/// available in [`PlaceMention::candidates`].
///
/// ```
/// use newswire::extract::{Analysis, Extractor, Places};
///
/// let src = "PORTLAND, Ore., Feb 26 - Burmese exiles met in Portland and Salem.";
/// let article = newswire::parse(src)?;
/// let found = Places::default().extract(&Analysis::new(&article));
///
/// let dateline = found.dateline.as_ref().unwrap();
/// assert_eq!((dateline.name.as_str(), dateline.region.unwrap().as_str()), ("Portland", "OR"));
/// let names: Vec<&str> = found.mentions.iter().map(|m| &src[m.span]).collect();
/// assert_eq!(names, ["PORTLAND, Ore.", "Burmese", "Portland", "Salem"]);
/// assert_eq!(found.mentions[1].place.name, "Myanmar");
/// // Salem, Oregon rather than the larger Salem in India: the dateline says Oregon.
/// assert_eq!(found.mentions[3].place.region.unwrap().as_str(), "OR");
/// assert!(!found.mentions[3].candidates.is_empty());
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Places {
    gazetteer: Gazetteer,
    min_city_population: u64,
}

impl Default for Places {
    fn default() -> Self {
        Places::new(Gazetteer::builtin().clone())
    }
}

impl Places {
    /// Places resolved against `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Self {
        Places {
            gazetteer,
            min_city_population: 100_000,
        }
    }

    /// Cities smaller than this are taken only when the article mentions their country
    /// (default 100,000): small towns share their names with too many words and people.
    pub fn min_city_population(mut self, population: u64) -> Self {
        self.min_city_population = population;
        self
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

/// One mention of a place. Serializes as `start`, `end`, `place`, `form`, `candidates` (only
/// when not empty) and `dateline` (only when true).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// The words in the source.
    pub span: Span,
    /// The entry chosen.
    pub place: PlaceRef,
    /// How the words name it: its name, another name, a demonym.
    pub form: NameForm,
    /// The other entries the words may name, best first; empty when the name is unambiguous.
    pub candidates: Vec<PlaceRef>,
    /// The mention is the dateline's location.
    pub dateline: bool,
}

// Written out rather than derived with a flattened span: a flattened struct serializes as a map
// of unknown length, which builds a `serde_json::Value` slowly.
impl Serialize for PlaceMention {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let with_candidates = !self.candidates.is_empty();
        let len = 4 + usize::from(with_candidates) + usize::from(self.dateline);
        let mut st = s.serialize_struct("PlaceMention", len)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("place", &self.place)?;
        st.serialize_field("form", &self.form)?;
        if with_candidates {
            st.serialize_field("candidates", &self.candidates)?;
        } else {
            st.skip_field("candidates")?;
        }
        if self.dateline {
            st.serialize_field("dateline", &self.dateline)?;
        } else {
            st.skip_field("dateline")?;
        }
        st.end()
    }
}

impl PlaceMention {
    /// The country the mention lies in (its own code for a country).
    pub fn country(&self) -> Option<Code> {
        self.place.country
    }
}

/// How often an article names a country, counting its regions, cities and demonyms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryCount {
    /// ISO 3166-1 alpha-2 code.
    pub country: Code,
    /// The country's name, where the gazetteer has the country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Number of mentions, the dateline included.
    pub mentions: usize,
    /// The first mention.
    pub first: Span,
    /// What the article is about rather than named in passing (see
    /// [`ArticlePlaces::article_countries`]): the dateline's country, or a country named in the
    /// lead paragraph or at least twice, not counting names of currencies (`U.S. dlrs`).
    pub salient: bool,
}

/// The output of [`Places`] for one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ArticlePlaces {
    /// The dateline's location resolved, if the article has a dateline the gazetteer knows.
    pub dateline: Option<PlaceRef>,
    /// Every mention in the dateline and the body, in text order.
    pub mentions: Vec<PlaceMention>,
    /// Every country named, most mentioned first (ties: first mentioned first), each flagged
    /// [`salient`](CountryCount::salient) or not.
    pub countries: Vec<CountryCount>,
}

impl ArticlePlaces {
    /// The countries the article is about: its answer to "which countries is this story
    /// about?", as a news index would list them. These are the [`countries`] flagged
    /// [`salient`](CountryCount::salient), most mentioned first:
    ///
    /// - the country of the dateline (where the story was filed);
    /// - a country named in the lead paragraph, by its name, another name, a demonym, or one
    ///   of its regions or cities;
    /// - a country named at least twice anywhere.
    ///
    /// A currency (`U.S. dlrs`, `Swiss francs`) does not count as naming its country. Countries
    /// named once, after the lead, are left out: they are usually named in passing (a comparison,
    /// a venue, a trading partner). All countries named, salient or not, are in [`countries`].
    ///
    /// On Reuters-21578 (3,000 stories, against the index's `places`) these are the countries
    /// of the gold list with precision 0.909 and recall 0.938; all countries named score 0.782
    /// and 0.990 (see `tests/places_reuters.rs`).
    ///
    /// [`countries`]: ArticlePlaces::countries
    ///
    /// ```
    /// use newswire::extract::{Analysis, Extractor, Places};
    ///
    /// let src = "TOKYO, March 3 - Japanese exports rose, the ministry said.\n    \
    ///            Shipments to Canada fell. Some were paid in U.S. dlrs, others in U.S. dlrs.\n";
    /// let article = newswire::parse(src)?;
    /// let found = Places::default().extract(&Analysis::new(&article));
    /// let about: Vec<&str> = found.article_countries().map(|c| c.country.as_str()).collect();
    /// assert_eq!(about, ["JP"]);
    /// let named: Vec<&str> = found.countries.iter().map(|c| c.country.as_str()).collect();
    /// assert_eq!(named, ["JP", "US", "CA"]);
    /// # Ok::<(), newswire::ParseError>(())
    /// ```
    pub fn article_countries(&self) -> impl Iterator<Item = &CountryCount> + '_ {
        self.countries.iter().filter(|c| c.salient)
    }
}

/// Capitalized words that are also names of towns but in news text nearly always something
/// else; they name a town only in a dateline or after their country.
const NOT_TOWNS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "reading",
    "mobile",
    "nice",
    "split",
    "sale",
    "bath",
    "union",
    "independence",
    "commerce",
    "orange",
    "deal",
    "wells",
    "dover",
    "president",
    "federal",
    "university",
    "industry",
    "enterprise",
    "progress",
    "liberty",
    "providence",
    "victoria",
    "concord",
    "mission",
    "paradise",
    "bay",
    "central",
    "national",
    "premier",
    "general",
    "marshall",
    "hope",
    "temple",
    "columbia",
    "santa",
    "san",
    "gary",
    "tyler",
    "eugene",
    "florence",
    "lawrence",
    "jackson",
    "lincoln",
    "hamilton",
    "douglas",
    "austin",
    "aurora",
    "chester",
    "wilson",
    "bradford",
    "burton",
    "carson",
    "dayton",
    "duncan",
    "franklin",
    "warren",
    "clinton",
    "madison",
    "monroe",
    "taylor",
    "kent",
    "norman",
    "stanley",
    "troy",
    "vernon",
    "irving",
    "hastings",
    "sherman",
    "chandler",
    "lafayette",
    "allen",
    "bristol",
    "regina",
    "sharon",
    "marion",
    "charlotte",
    "elizabeth",
    "nelson",
    "cambridge",
    "oxford",
    "trade",
    "mexico",
    "laredo",
    "corona",
    "mesa",
    "sterling",
    "grand",
    "bank",
    "gulf",
    "power",
    "energy",
    "belo",
    "chase",
    "coral",
    "ocean",
    "buffalo",
    "ontario",
    "alberta",
    "guinea",
];

/// [`NOT_TOWNS`] by token hash.
fn not_towns() -> &'static KeyMap<()> {
    static SET: OnceLock<KeyMap<()>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut toks = Vec::new();
        let mut set = KeyMap::default();
        for w in NOT_TOWNS {
            toks.clear();
            tokenize(w, &mut toks);
            if let Some(t) = toks.first() {
                set.insert(t.hash, ());
            }
        }
        set
    })
}

struct Candidate {
    span: Span,
    dateline: bool,
    /// Geographic readings that survived the filters, with how the words name each.
    places: Vec<(PlaceRef, NameForm)>,
}

impl Extractor for Places {
    type Output = ArticlePlaces;

    fn extract(&self, analysis: &Analysis<'_>) -> ArticlePlaces {
        let g = &self.gazetteer;
        let article = analysis.article();
        let src = analysis.source();
        let mut out = ArticlePlaces::default();
        let mut cands: Vec<Candidate> = Vec::new();

        let (scan, names) = analysis.body_names(g);
        for p in scan.paragraphs(src, Some(&names)) {
            let (text, toks) = (p.text, p.tokens);
            for m in p.matches {
                if names_continent(text, toks, m.first_token) {
                    continue;
                }
                let mut places: Vec<(PlaceRef, NameForm)> = Vec::new();
                let isolated = is_isolated(text, toks, m.first_token, m.end_token);
                // `Glenn English`, `Royal Dutch`: a demonym right after a capitalized word is
                // part of a name.
                let glued_before = glued_to_previous(text, toks, m.first_token);
                let single = m.end_token == m.first_token + 1;
                let not_town = single
                    && toks
                        .get(m.first_token)
                        .is_some_and(|t| not_towns().contains_key(&hash_of(text, t)));
                for h in g.match_hits(m) {
                    let Some(place) = g.entry(h.entry) else {
                        continue;
                    };
                    if !place.kind.is_geographic() {
                        continue;
                    }
                    if glued_before && h.form == NameForm::Demonym {
                        continue;
                    }
                    if place.kind == PlaceKind::City {
                        if !isolated {
                            continue;
                        }
                        if not_town {
                            continue;
                        }
                    }
                    match places.iter_mut().find(|(q, _)| q.id == place.id) {
                        Some((_, f)) if h.form == NameForm::Name => *f = NameForm::Name,
                        Some(_) => {}
                        None => places.push((place.clone(), h.form)),
                    }
                }
                if !places.is_empty() {
                    cands.push(Candidate {
                        span: Span::new(m.start, m.end),
                        dateline: false,
                        places,
                    });
                }
            }
        }

        let dateline_place = self.dateline(analysis, &cands);
        if let Some((p, span)) = &dateline_place {
            out.dateline = Some(p.clone());
            cands.push(Candidate {
                span: *span,
                dateline: true,
                places: vec![(p.clone(), NameForm::Name)],
            });
        }

        // Context: the dateline's country and the countries named without ambiguity.
        let dateline_country = dateline_place.as_ref().and_then(|(p, _)| p.country);
        let mut context: Vec<Code> = dateline_country.into_iter().collect();
        for c in &cands {
            if let [(only, _)] = c.places.as_slice()
                && (only.kind.is_country() || only.kind == PlaceKind::Region)
                && let Some(code) = only.country
                && !context.contains(&code)
            {
                context.push(code);
            }
        }

        for mut c in cands {
            let min_pop = self.min_city_population;
            c.places.retain(|(p, _)| {
                p.kind != PlaceKind::City
                    || c.dateline
                    || p.population >= min_pop
                    || p.country.is_some_and(|k| context.contains(&k))
            });
            if c.places.is_empty() {
                continue;
            }
            let score = |p: &PlaceRef| -> f64 {
                let here = p.country.is_some_and(|k| Some(k) == dateline_country);
                // Regions (`Georgia`) mostly at home; large cities (`Washington`) anywhere.
                let kind = match p.kind {
                    PlaceKind::Country => 10.0,
                    PlaceKind::Territory => 9.0,
                    PlaceKind::Region if here => 8.0,
                    PlaceKind::Region => 5.0,
                    PlaceKind::City if p.population >= 500_000 => 3.0,
                    _ => 0.0,
                };
                let named = p.country.is_some_and(|k| context.contains(&k));
                kind + if here { 4.0 } else { 0.0 }
                    + if named { 2.0 } else { 0.0 }
                    + (p.population as f64 + 1.0).log10() / 2.0
            };
            c.places
                .sort_by(|(a, _), (b, _)| score(b).total_cmp(&score(a)).then(a.id.cmp(&b.id)));
            let mut places = c.places.into_iter();
            let Some((place, form)) = places.next() else {
                continue;
            };
            out.mentions.push(PlaceMention {
                span: c.span,
                place,
                form,
                candidates: places.map(|(p, _)| p).collect(),
                dateline: c.dateline,
            });
        }
        out.mentions.sort_by_key(|m| (m.span.start, !m.dateline));

        let lead = article.body().next().map(|p| p.span);
        let dateline_country = out.dateline.as_ref().and_then(|p| p.country);
        // Per country: mentions other than currencies, and whether one is in the lead.
        let mut weight: Vec<(usize, bool)> = Vec::new();
        for m in &out.mentions {
            let Some(code) = m.place.country else {
                continue;
            };
            let k = match out.countries.iter().position(|c| c.country == code) {
                Some(k) => {
                    out.countries[k].mentions += 1;
                    k
                }
                None => {
                    out.countries.push(CountryCount {
                        country: code,
                        name: g.country(code.as_str()).map(|c| c.name.clone()),
                        mentions: 1,
                        first: m.span,
                        salient: false,
                    });
                    weight.push((0, false));
                    out.countries.len() - 1
                }
            };
            if !m.dateline && names_currency(src, m.span) {
                continue;
            }
            if let Some(w) = weight.get_mut(k) {
                w.0 += 1;
                w.1 |= lead.is_some_and(|p| p.contains(m.span));
            }
        }
        for (c, (substantive, in_lead)) in out.countries.iter_mut().zip(weight) {
            c.salient = Some(c.country) == dateline_country || substantive >= 2 || in_lead;
        }
        // Stable: ties keep first-mention order.
        out.countries.sort_by_key(|c| std::cmp::Reverse(c.mentions));
        out
    }
}

impl Places {
    /// The dateline's place and the span of its location: the parsed dateline, or for an
    /// article whose dateline the parser did not recognize, a `CITY, Region, Month D -` opening
    /// of the first paragraph that the gazetteer knows. Among the readings of the location, a
    /// smaller place wins over the most populous one when the body names its region and it is
    /// not tiny beside it (a fiftieth or more), or names its country and not the other's and it
    /// is not much smaller (a sixth or more).
    fn dateline(&self, analysis: &Analysis<'_>, body: &[Candidate]) -> Option<(PlaceRef, Span)> {
        let g = &self.gazetteer;
        let article = analysis.article();
        let src = analysis.source();
        let (readings, span) = match &article.dateline {
            Some(d) => (
                g.location_candidates(&d.city, d.region.as_deref()),
                d.location_span,
            ),
            None => {
                let first = article.paragraphs.first()?;
                let text = first.span.get(src)?;
                let (start, end, city, region) = recover_location(text)?;
                (
                    g.location_candidates(city, region),
                    Span::new(first.span.start + start, first.span.start + end),
                )
            }
        };
        let default = readings.first()?;
        let mut countries: Vec<Code> = Vec::new();
        let mut regions: Vec<(Code, Code)> = Vec::new();
        for c in body {
            if let [(only, _)] = c.places.as_slice() {
                if only.kind == PlaceKind::Region {
                    regions.extend(only.country.zip(only.code));
                }
                countries.extend(only.country);
            }
        }
        let region_named = |p: &PlaceRef| {
            p.country
                .zip(p.region)
                .is_some_and(|cr| regions.contains(&cr))
        };
        let country_named = |p: &PlaceRef| p.country.is_some_and(|c| countries.contains(&c));
        let better = readings.iter().skip(1).find(|a| {
            a.kind == PlaceKind::City
                && (region_named(a)
                    && !region_named(default)
                    && a.population.saturating_mul(50) >= default.population
                    || country_named(a)
                        && !country_named(default)
                        && a.population.saturating_mul(6) >= default.population)
        });
        Some((better.unwrap_or(default).clone(), span))
    }
}

/// A dateline location at the start of `text` that the parser did not take for one
/// (`****LONDON, March 5 -`, `AMSTERDAM, 2 March -`, `New york, March 2 -`): the byte range of
/// the location, the city and the region.
fn recover_location(text: &str) -> Option<(usize, usize, &str, Option<&str>)> {
    let start = text
        .char_indices()
        .take(8)
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| i)?;
    let rest = text.get(start..)?;
    let window = rest.get(..rest.len().min(80)).or_else(|| {
        let mut n = rest.len().min(80);
        while !rest.is_char_boundary(n) {
            n -= 1;
        }
        rest.get(..n)
    })?;
    let sep = [" -", "--", " _"]
        .iter()
        .filter_map(|s| window.find(s))
        .min()?;
    let head = window.get(..sep)?;
    let mut parts = head.split(',');
    let city = parts.next()?.trim();
    let words = city.split_whitespace().count();
    if !(1..=4).contains(&words)
        || !city.chars().next().is_some_and(char::is_uppercase)
        || !city
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
    {
        return None;
    }
    let mut end = start + city.len();
    let mut region: Option<(usize, usize)> = None;
    let mut offset = city.len() + (head.len() - head.trim_start().len());
    for part in parts {
        let at = offset + 1; // the comma
        offset = at + part.len();
        let trimmed = part.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        let lead = part.len() - part.trim_start().len();
        let r_start = at + lead;
        let r_end = r_start + trimmed.len();
        region = Some(region.map_or((r_start, r_end), |(s, _)| (s, r_end)));
        end = start + r_end;
    }
    let region = region.and_then(|(s, e)| rest.get(s..e));
    Some((start, end, city, region))
}

/// Words after a country's name or demonym that make it a currency (`U.S. dlrs`, `Swiss
/// francs`): the article is not about the country for that.
const CURRENCIES: &[&str] = &[
    "dollar",
    "dollars",
    "dlr",
    "dlrs",
    "yen",
    "franc",
    "francs",
    "marks",
    "pound",
    "pounds",
    "sterling",
    "lira",
    "lire",
    "peso",
    "pesos",
    "guilder",
    "guilders",
    "rupee",
    "rupees",
    "yuan",
    "ringgit",
    "baht",
    "rand",
    "currency",
    "currencies",
];

/// Whether the word after `span` in `src` names a currency.
fn names_currency(src: &str, span: Span) -> bool {
    let Some(after) = src.get(span.end..) else {
        return false;
    };
    let rest = after.trim_start_matches([' ', '\n', '\r', '\t']);
    if rest.len() == after.len() {
        // No blank after the name: `U.S.-made`, `Japan's`.
        return false;
    }
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let word = rest.get(..end).unwrap_or("");
    CURRENCIES.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// `North America`, `Latin American`: a continent or a region of one, not the United States.
fn names_continent(text: &str, toks: &[Token], first: usize) -> bool {
    let (Some(prev), Some(cur)) = (
        first.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(first),
    ) else {
        return false;
    };
    let word = |t: &Token| text.get(t.start()..t.end()).unwrap_or("");
    let gap = text.get(prev.end()..cur.start()).unwrap_or("");
    matches!(gap, " " | "-")
        && ["north", "south", "latin", "central"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word(prev)))
        && word(cur)
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("americ"))
}

/// Whether the token `first` follows a capitalized word with only blanks between, and that
/// word does not start a sentence.
fn glued_to_previous(text: &str, toks: &[Token], first: usize) -> bool {
    let bytes = text.as_bytes();
    let (Some(prev), Some(cur)) = (
        first.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(first),
    ) else {
        return false;
    };
    prev.upper()
        && bytes.get(prev.end()..cur.start()).is_some_and(|g| {
            !g.is_empty() && g.iter().all(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
        })
        && !is_sentence_start(text, prev.start())
}

/// A match not glued to other capitalized words (`Andrew Jackson`, `Lincoln Center`): the words
/// before and after it, if capitalized, are separated from it by punctuation.
fn is_isolated(text: &str, toks: &[Token], first: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let spaces_only = |from: usize, to: usize| {
        bytes
            .get(from..to)
            .is_some_and(|g| g.iter().all(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')))
    };
    if let (Some(prev), Some(cur)) = (
        first.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(first),
    ) && prev.upper()
        && spaces_only(prev.end(), cur.start())
        && !is_sentence_start(text, prev.start())
    {
        return false;
    }
    if let (Some(last), Some(next)) = (end.checked_sub(1).and_then(|i| toks.get(i)), toks.get(end))
        && next.upper()
        && spaces_only(last.end(), next.start())
    {
        return false;
    }
    true
}

/// Whether the word at `at` starts a sentence (nothing but spaces after a terminator before it).
/// A period after a short capitalized abbreviation (`Rep.`, `Dr.`, `Gen.`) ends no sentence.
///
/// Reads bytes back from `at` while they are ASCII; text with another character among the
/// blanks, the terminator or the word before is read by [`is_sentence_start_chars`].
fn is_sentence_start(text: &str, at: usize) -> bool {
    let b = text.as_bytes().get(..at).unwrap_or(&[]);
    // ASCII white space as `char::is_whitespace` has it.
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
        end -= 1;
    }
    let Some(&last) = end.checked_sub(1).and_then(|k| b.get(k)) else {
        return true;
    };
    match last {
        b'.' => {
            // The ASCII letters before the period; any other byte ends the word, as any other
            // character does.
            let mut start = end - 1;
            while start > 0 && b[start - 1].is_ascii_alphabetic() {
                start -= 1;
            }
            let word = &b[start..end - 1];
            let abbreviation = (2..=3).contains(&word.len())
                && word[0].is_ascii_uppercase()
                && word[1..].iter().all(u8::is_ascii_lowercase);
            !abbreviation
        }
        b'!' | b'?' | b'"' | b':' => true,
        0x80.. => is_sentence_start_chars(text, at),
        _ => false,
    }
}

/// [`is_sentence_start`] a character at a time: for text with non-ASCII characters just before
/// `at`, and the reference the tests hold the byte reading to.
fn is_sentence_start_chars(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    if let Some(head) = before.strip_suffix('.') {
        let word = head
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        let abbreviation = (2..=3).contains(&word.len())
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word[1..].bytes().all(|b| b.is_ascii_lowercase());
        return !abbreviation;
    }
    before.is_empty() || before.ends_with(['!', '?', '"', '“', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_starts() {
        let table: &[(&str, bool)] = &[
            ("", true),
            ("  ", true),
            ("Rain fell. ", true),
            ("Rain fell.\n  ", true),
            ("said Rep. ", false),
            ("said Gen.  ", false),
            ("said U.S. ", true),
            ("Why? ", true),
            ("He said: ", true),
            ("\"Go!\" ", true),
            ("“Go” ", false),
            ("said “", true),
            ("and ", false),
            ("Zoë. ", true),
            ("said Mr.\u{a0}", false),
            ("the 1990s, ", false),
        ];
        for &(before, want) in table {
            let text = format!("{before}Smith");
            assert_eq!(is_sentence_start(&text, before.len()), want, "{before:?}");
            assert_eq!(
                is_sentence_start_chars(&text, before.len()),
                want,
                "{before:?}"
            );
        }
    }

    proptest::proptest! {
        /// The byte reading agrees with the character reading it replaces.
        #[test]
        fn sentence_start_bytes_agree_with_chars(
            s in "([A-Za-z]{1,4}|[.!?:\"“” ,\n\t]|\u{a0}|\u{85}|é|\u{2009}){0,12}",
        ) {
            for at in (0..=s.len()).filter(|&k| s.is_char_boundary(k)) {
                proptest::prop_assert_eq!(
                    is_sentence_start(&s, at),
                    is_sentence_start_chars(&s, at),
                    "{:?} at {}", s, at
                );
            }
        }
    }
}
