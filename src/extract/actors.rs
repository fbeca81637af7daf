//! Actors: people with their titles and affiliations, organizations, and countries that act.

use super::scan::{LEX_THE, LEX_TITLE, LEX_TITLE_HEAD};
use super::{Analysis, Extractor};
use crate::gazetteer::{Code, Gazetteer, KeyMap, NameForm, PlaceKind, Token, hash_of, tokenize};
use crate::span::Span;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::OnceLock;

/// Finds who acts in an article: people named after a title (`Chinese Foreign Minister Wang
/// Yi`, `State Department spokesperson Ned Price`), with their later short references (`Wang`,
/// `the general`); international organizations and blocs (`ASEAN`, `the U.N. Security
/// Council`); and countries that act (`China has denied`, `Russia said`).
///
/// ```
/// use newswire::extract::{ActorKind, Actors, Analysis, Extractor};
///
/// let src = "Chinese Foreign Minister Wang Yi met ASEAN envoys. Wang said China would help.";
/// let article = newswire::parse(src)?;
/// let actors = Actors::default().extract(&Analysis::new(&article));
///
/// let wang = &actors[0];
/// assert_eq!(wang.kind, ActorKind::Person);
/// assert_eq!(wang.name, "Wang Yi");
/// assert_eq!(wang.title.as_deref(), Some("Foreign Minister"));
/// assert_eq!(wang.country.unwrap().as_str(), "CN");
/// let texts: Vec<&str> = wang.mentions.iter().map(|s| &src[*s]).collect();
/// assert_eq!(texts, ["Wang Yi", "Wang"]);
///
/// assert!(actors.iter().any(|a| a.kind == ActorKind::Organization && a.name.contains("Southeast Asian")));
/// assert!(actors.iter().any(|a| a.kind == ActorKind::Country && a.country.unwrap().as_str() == "CN"));
/// # Ok::<(), newswire::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Actors {
    gazetteer: Gazetteer,
}

impl Default for Actors {
    fn default() -> Self {
        Actors::new(Gazetteer::builtin().clone())
    }
}

impl Actors {
    /// Actors whose countries and organizations come from `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Self {
        Actors { gazetteer }
    }
}

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organization, bloc or agency from the gazetteer.
    Organization,
    /// A country acting (`China has denied`).
    Country,
}

/// One actor and every mention of it. Serializes as `kind`, `name`, `start`, `end`, `title`,
/// `affiliation`, `country`, `code` (each of these four only when known) and `mentions`.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// What it is.
    pub kind: ActorKind,
    /// Its name: the person's full name as first written, the gazetteer's name otherwise.
    pub name: String,
    /// The first full mention, title and affiliation included
    /// (`Chinese Foreign Minister Wang Yi`).
    pub span: Span,
    /// The person's title (`Foreign Minister`, `spokesperson`).
    pub title: Option<String>,
    /// The person's organization, as written before the title (`State Department`).
    pub affiliation: Option<String>,
    /// The country the actor is (a country), belongs to or speaks for (ISO 3166-1 alpha-2).
    pub country: Option<Code>,
    /// The organization's gazetteer code (`ASEAN`, `UNSC`).
    pub code: Option<Code>,
    /// Every mention, in text order: the name, later short forms (`Wang`) and descriptions
    /// (`the general`).
    pub mentions: Vec<Span>,
}

// Written out rather than derived with a flattened span: a flattened struct serializes as a map
// of unknown length, which builds a `serde_json::Value` slowly.
impl Serialize for Actor {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let len = 5
            + usize::from(self.title.is_some())
            + usize::from(self.affiliation.is_some())
            + usize::from(self.country.is_some())
            + usize::from(self.code.is_some());
        let mut st = s.serialize_struct("Actor", len)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        optional(&mut st, "title", &self.title)?;
        optional(&mut st, "affiliation", &self.affiliation)?;
        optional(&mut st, "country", &self.country)?;
        optional(&mut st, "code", &self.code)?;
        st.serialize_field("mentions", &self.mentions)?;
        st.end()
    }
}

/// Serializes `value` under `key` when it is `Some`, skips the field otherwise.
fn optional<S: serde::ser::SerializeStruct, T: Serialize>(
    st: &mut S,
    key: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    match value {
        Some(v) => st.serialize_field(key, v),
        None => st.skip_field(key),
    }
}

/// Titles, lower case, longest first within a first word.
pub(crate) const TITLES: &[&str] = &[
    "senior general",
    "brigadier general",
    "major general",
    "lieutenant general",
    "general",
    "gen",
    "foreign minister",
    "defense minister",
    "defence minister",
    "finance minister",
    "trade minister",
    "prime minister",
    "deputy prime minister",
    "minister",
    "secretary of state",
    "secretary-general",
    "secretary general",
    "treasury secretary",
    "defense secretary",
    "secretary",
    "vice president",
    "president",
    "state counselor",
    "state counsellor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chairman",
    "chairwoman",
    "chair",
    "chief executive",
    "ambassador",
    "envoy",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "governor",
    "gov",
    "senator",
    "sen",
    "rep",
    "representative",
    "mayor",
    "commander",
    "admiral",
    "colonel",
    "col",
    "captain",
    "leader",
    "counterpart",
    "director",
    "analyst",
    "economist",
    "judge",
    "pope",
    "dr",
];

/// Words after which a country acts.
const ACTING: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "said",
    "says",
    "say",
    "wants",
    "seeks",
    "sought",
    "hopes",
    "hoped",
    "looks",
    "agreed",
    "agrees",
    "denied",
    "denies",
    "accused",
    "accuses",
    "rejected",
    "rejects",
    "urged",
    "urges",
    "called",
    "calls",
    "announced",
    "announces",
    "plans",
    "planned",
    "imposed",
    "imposes",
    "expressed",
    "expresses",
    "remained",
    "remains",
    "warned",
    "warns",
    "threatened",
    "supports",
    "supported",
    "opposed",
    "opposes",
    "condemned",
    "condemns",
    "blocked",
    "blocks",
    "voted",
    "signed",
    "proposed",
    "demanded",
    "demands",
    "insisted",
    "cut",
    "raised",
    "launched",
    "sent",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "can",
];

#[derive(Debug)]
struct Draft {
    actor: Actor,
    /// Hashes of the first and last name tokens, for short references.
    short: Vec<u64>,
    /// Hashes of all name tokens, for later full mentions without the title.
    full: Vec<u64>,
    /// Hashes of the titles' head words, for `the general`.
    title_words: Vec<u64>,
    /// The mentions indexed, once there are [`Seen::FROM`] of them.
    seen: Option<Seen>,
}

impl Draft {
    /// Whether a mention holds `span` (starts at or before it and ends at or after it).
    fn holds(&self, span: Span) -> bool {
        match &self.seen {
            Some(seen) => seen.holds(span),
            None => self.actor.mentions.iter().any(|m| m.contains(span)),
        }
    }

    /// The last start of a mention before `at`, if a mention starts before it.
    fn last_start_before(&self, at: usize) -> Option<usize> {
        match &self.seen {
            Some(seen) => seen.last_start_before(at),
            None => self
                .actor
                .mentions
                .iter()
                .map(|m| m.start)
                .filter(|s| *s < at)
                .max(),
        }
    }

    /// Indexes the mentions if there are enough of them.
    fn index_mentions(&mut self) {
        if self.seen.is_none() && self.actor.mentions.len() >= Seen::FROM {
            self.seen = Some(Seen::of(&self.actor.mentions));
        }
    }
}

/// The actors found so far, reached by kind and name: by a walk through them while they are
/// few (most articles), by a map once they are many, so that an article naming thousands of
/// people or organizations does not walk through all of them at each mention.
#[derive(Debug, Default)]
struct Drafts {
    list: Vec<Draft>,
    /// Each name's draft of each kind (indexed by `ActorKind as usize`), once
    /// [`Drafts::MAP_FROM`] drafts are found.
    by_name: Option<HashMap<String, [Option<usize>; 3]>>,
}

impl Drafts {
    /// How many drafts a walk goes through before the map takes over.
    const MAP_FROM: usize = 32;

    /// The draft of `kind` named `name`, if any (there is at most one).
    #[inline]
    fn find(&mut self, kind: ActorKind, name: &str) -> Option<&mut Draft> {
        let k = match &self.by_name {
            Some(map) => map.get(name).and_then(|ks| ks[kind as usize]),
            None => self
                .list
                .iter()
                .position(|d| d.actor.kind == kind && d.actor.name == name),
        };
        k.and_then(|k| self.list.get_mut(k))
    }

    /// Adds a draft whose kind and name no draft has.
    fn push(&mut self, d: Draft) {
        self.list.push(d);
        if let Some(map) = &mut self.by_name {
            if let Some(last) = self.list.len().checked_sub(1) {
                Self::index(map, &self.list, last);
            }
        } else if self.list.len() >= Self::MAP_FROM {
            let mut map = HashMap::with_capacity(self.list.len() * 2);
            for k in 0..self.list.len() {
                Self::index(&mut map, &self.list, k);
            }
            self.by_name = Some(map);
        }
    }

    fn index(map: &mut HashMap<String, [Option<usize>; 3]>, list: &[Draft], k: usize) {
        if let Some(d) = list.get(k) {
            let slot = &mut map.entry(d.actor.name.clone()).or_default()[d.actor.kind as usize];
            slot.get_or_insert(k);
        }
    }
}

/// Adds mention `span` to draft `k`, and to the indexes of mentions.
fn add_mention(drafts: &mut [Draft], refs: &mut Option<TitleRefs>, k: usize, span: Span) {
    if let Some(d) = drafts.get_mut(k) {
        d.actor.mentions.push(span);
        match &mut d.seen {
            Some(seen) => seen.push(span),
            None => d.index_mentions(),
        }
        if let Some(r) = refs {
            r.pending.push(Reverse((span.start, k)));
        }
    }
}

/// Who `the general` refers to: of the people with a title of that head word whose first full
/// mention ends before it, the one with a mention starting last before it (the later found on
/// a tie). References are read in text order, so each head word's answer only moves forward:
/// it is kept as a running best as the point of reading passes mentions and people, instead of
/// asked of every such person at every reference.
#[derive(Debug)]
struct TitleRefs {
    /// The head words' hashes, ascending; a head word's index here is its group.
    heads: Vec<u64>,
    /// Each draft's groups.
    groups: Vec<Vec<usize>>,
    /// Each group's answer so far: (mention start, draft).
    best: Vec<Option<(usize, usize)>>,
    /// Mentions not yet passed: (start, draft), smallest first.
    pending: BinaryHeap<Reverse<(usize, usize)>>,
    /// People with a title, by the end of their first full mention, and how many are passed.
    by_end: Vec<(usize, usize)>,
    passed: usize,
    /// Each draft's last mention start passed.
    latest: Vec<Option<usize>>,
    /// Whether each draft's first full mention is passed.
    eligible: Vec<bool>,
}

impl TitleRefs {
    /// How many people with a title are asked in turn at each reference, as few are named in
    /// most articles.
    const FROM: usize = 16;

    /// From the drafts and their (head word hash, draft) pairs.
    fn new(drafts: &[Draft], by_title: &[(u64, usize)]) -> TitleRefs {
        let mut by_title = by_title.to_vec();
        by_title.sort_unstable();
        let mut heads: Vec<u64> = by_title.iter().map(|p| p.0).collect();
        heads.dedup();
        let mut groups = vec![Vec::new(); drafts.len()];
        let mut group = 0;
        for &(h, k) in &by_title {
            while heads.get(group).is_some_and(|&g| g < h) {
                group += 1;
            }
            if let Some(gs) = groups.get_mut(k) {
                gs.push(group);
            }
        }
        let mut pending = BinaryHeap::new();
        let mut by_end = Vec::new();
        for (k, d) in drafts.iter().enumerate() {
            if groups.get(k).is_none_or(|g| g.is_empty()) {
                continue;
            }
            by_end.push((d.actor.span.end, k));
            for m in &d.actor.mentions {
                pending.push(Reverse((m.start, k)));
            }
        }
        by_end.sort_unstable();
        TitleRefs {
            best: vec![None; heads.len()],
            heads,
            groups,
            pending,
            by_end,
            passed: 0,
            latest: vec![None; drafts.len()],
            eligible: vec![false; drafts.len()],
        }
    }

    /// The draft `the` and head word `h` at `at` refers to. Calls come with `at` ascending.
    fn last_before(&mut self, h: u64, at: usize) -> Option<usize> {
        while let Some(&Reverse((start, k))) = self.pending.peek() {
            if start >= at {
                break;
            }
            self.pending.pop();
            if let Some(l) = self.latest.get_mut(k) {
                *l = (*l).max(Some(start));
            }
            self.offer(k);
        }
        while let Some(&(end, k)) = self.by_end.get(self.passed) {
            if end > at {
                break;
            }
            self.passed += 1;
            if let Some(e) = self.eligible.get_mut(k) {
                *e = true;
            }
            self.offer(k);
        }
        let group = self.heads.binary_search(&h).ok()?;
        self.best.get(group).copied().flatten().map(|b| b.1)
    }

    /// Lets draft `k` answer for its groups, once passed, with its last mention passed.
    fn offer(&mut self, k: usize) {
        let (Some(true), Some(Some(start))) =
            (self.eligible.get(k).copied(), self.latest.get(k).copied())
        else {
            return;
        };
        for &g in self.groups.get(k).map_or(&[][..], |g| &g[..]) {
            if let Some(b) = self.best.get_mut(g) {
                *b = (*b).max(Some((start, k)));
            }
        }
    }
}

/// One actor's mentions, indexed for the two questions short references ask: does a mention
/// already hold this span, and which mention starts last before this point. The mentions found
/// before the short references are kept sorted by start with the furthest end up to each; the
/// ones added while reading them come in text order and are appended (and inserted in order
/// should one ever come out of it).
#[derive(Debug, Default)]
struct Seen {
    /// The mentions' starts, ascending, each with the furthest end of the mentions up to it.
    early: Vec<(usize, usize)>,
    /// The mentions added since, likewise.
    later: Vec<(usize, usize)>,
}

impl Seen {
    /// How many mentions an actor has before they are indexed.
    const FROM: usize = 16;

    fn of(mentions: &[Span]) -> Seen {
        let mut early: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        early.sort_unstable();
        Self::furthest_ends(&mut early, 0);
        Seen {
            early,
            later: Vec::new(),
        }
    }

    /// Turns each end from `from` on into the furthest end up to it.
    fn furthest_ends(v: &mut [(usize, usize)], from: usize) {
        let mut furthest = from
            .checked_sub(1)
            .and_then(|k| v.get(k))
            .map_or(0, |p| p.1);
        for p in v.iter_mut().skip(from) {
            furthest = furthest.max(p.1);
            p.1 = furthest;
        }
    }

    /// Adds a mention.
    fn push(&mut self, span: Span) {
        if self.later.last().is_none_or(|l| l.0 <= span.start) {
            let furthest = self.later.last().map_or(0, |l| l.1).max(span.end);
            self.later.push((span.start, furthest));
        } else {
            // Not in text order: inserted in its place, the ends after it made good again.
            let at = self.later.partition_point(|l| l.0 <= span.start);
            self.later.insert(at, (span.start, span.end));
            Self::furthest_ends(&mut self.later, at);
        }
    }

    /// Whether a mention holds `span` (starts at or before it and ends at or after it).
    fn holds(&self, span: Span) -> bool {
        [&self.early, &self.later].into_iter().any(|v| {
            let n = v.partition_point(|p| p.0 <= span.start);
            n.checked_sub(1)
                .and_then(|k| v.get(k))
                .is_some_and(|p| p.1 >= span.end)
        })
    }

    /// The last start of a mention before `at`, if a mention starts before it.
    fn last_start_before(&self, at: usize) -> Option<usize> {
        [&self.early, &self.later]
            .into_iter()
            .filter_map(|v| {
                let n = v.partition_point(|p| p.0 < at);
                n.checked_sub(1).and_then(|k| v.get(k)).map(|p| p.0)
            })
            .max()
    }
}

impl Extractor for Actors {
    type Output = Vec<Actor>;

    fn extract(&self, analysis: &Analysis<'_>) -> Vec<Actor> {
        let g = &self.gazetteer;
        let src = analysis.source();
        let mut found = Drafts::default();
        let (scan, names) = analysis.body_names(g);
        for p in scan.paragraphs(src, Some(&names)) {
            let (text, toks, matches) = (p.text, p.tokens, p.matches);
            for m in matches {
                let mut org = None;
                let mut country = None;
                for h in g.match_hits(m) {
                    let Some(place) = g.entry(h.entry) else {
                        continue;
                    };
                    match place.kind {
                        PlaceKind::Organization | PlaceKind::Bloc | PlaceKind::Agency => {
                            // The first organization wins, and a country counts only without one.
                            org = Some(place);
                            break;
                        }
                        PlaceKind::Country if h.form != NameForm::Demonym => {
                            country.get_or_insert(place);
                        }
                        _ => {}
                    }
                }
                let span = Span::new(m.start, m.end);
                if let Some(o) = org {
                    add_named(
                        &mut found,
                        ActorKind::Organization,
                        &o.name,
                        o.code,
                        None,
                        span,
                    );
                } else if let Some(c) = country {
                    // A country acts when a verb follows (`China has`, `Russia said`).
                    let next = toks
                        .get(m.end_token)
                        .and_then(|t| text.get(t.start()..t.end()));
                    let acting = toks.get(m.end_token).is_some_and(|t| is_acting(text, t));
                    if acting && next.is_some_and(|w| ACTING.contains(&w)) {
                        add_named(
                            &mut found,
                            ActorKind::Country,
                            &c.name,
                            c.code,
                            c.code,
                            span,
                        );
                    }
                }
            }
            people(g, text, p.offset, toks, p.notable, matches, &mut found);
        }
        let mut drafts = found.list;
        // Short references: `Wang`, `the general`. Persons by the hashes of their name's
        // first token and short forms, and by their titles' head words.
        // An article names few people: (hash, draft) pairs in draft order, read through the
        // filters below, cost less than maps. Past [`PAIRS_SORTED_FROM`] pairs they are sorted
        // and searched, so that an article naming thousands costs no walk through them all.
        const PAIRS_SORTED_FROM: usize = 16;
        let mut by_name: Vec<(u64, usize)> = Vec::new();
        let mut by_title: Vec<(u64, usize)> = Vec::new();
        for (k, d) in drafts.iter().enumerate() {
            if d.actor.kind != ActorKind::Person {
                continue;
            }
            for &h in d.full.first().into_iter().chain(&d.short) {
                // Duplicates past the bound go when the pairs are sorted.
                if by_name.len() >= PAIRS_SORTED_FROM || !by_name.contains(&(h, k)) {
                    by_name.push((h, k));
                }
            }
            for &h in &d.title_words {
                by_title.push((h, k));
            }
        }
        if by_name.len() > PAIRS_SORTED_FROM {
            by_name.sort_unstable();
            by_name.dedup();
        }
        if by_title.len() > PAIRS_SORTED_FROM {
            by_title.sort_unstable();
        }
        // The drafts whose pairs in `pairs` (in draft order, or sorted if many) hold hash `h`,
        // in draft order.
        fn with_hash(pairs: &[(u64, usize)], h: u64) -> impl Iterator<Item = usize> + '_ {
            let few = pairs.len() <= PAIRS_SORTED_FROM;
            let from = if few {
                0
            } else {
                pairs.partition_point(|p| p.0 < h)
            };
            pairs
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(move |p| few || p.0 == h)
                .filter(move |p| p.0 == h)
                .map(|p| p.1)
        }
        if by_name.is_empty() {
            return finish(drafts);
        }
        // A short reference asks whether a mention already holds it, `the general` which
        // mention starts last before it: a person's many mentions are indexed for them.
        for d in &mut drafts {
            if d.actor.kind == ActorKind::Person {
                d.index_mentions();
            }
        }
        // The people with a title, beyond which `the general` is answered by a running best.
        let titled = drafts
            .iter()
            .filter(|d| d.actor.kind == ActorKind::Person && !d.title_words.is_empty())
            .count();
        // Most capitalized words and title words name no one found: a one-word filter of
        // the maps' keys turns them away before any map lookup.
        let name_mask = KeyMask::of(by_name.iter().map(|p| &p.0));
        let title_mask = KeyMask::of(by_title.iter().map(|p| &p.0));
        // Who `the general` refers to, set up at the first such reference.
        let mut refs: Option<TitleRefs> = None;
        for p in scan.paragraphs(src, Some(&names)) {
            let (offset, toks, text) = (p.offset, p.tokens, p.text);
            // Token ranges of gazetteer names, in order.
            let mut covered = p
                .matches
                .iter()
                .map(|m| (m.first_token, m.end_token))
                .peekable();
            let mut skip_to = 0;
            // Only capitalized words and title words can refer to a person: both are notable.
            for &k in p.notable {
                let i = k as usize;
                let Some(t) = toks.get(i) else {
                    continue;
                };
                if i < skip_to {
                    continue;
                }
                if t.upper() {
                    if !name_mask.may_hold(t.hash) {
                        continue;
                    }
                    if with_hash(&by_name, t.hash).next().is_none() {
                        continue;
                    }
                    let abs = Span::new(t.start() + offset, t.end() + offset);
                    // The full name again, without its title.
                    let full = with_hash(&by_name, t.hash).find(|&k| {
                        let d = &drafts[k];
                        d.full.len() > 1
                            && toks.get(i..i + d.full.len()).is_some_and(|w| {
                                w.iter().zip(&d.full).all(|(a, h)| hash_of(text, a) == *h)
                            })
                    });
                    if let Some(k) = full {
                        let n = drafts[k].full.len();
                        let end = toks[i + n - 1].end() + offset;
                        let span = Span::new(abs.start, end);
                        if !drafts[k].holds(span) {
                            add_mention(&mut drafts, &mut refs, k, span);
                        }
                        skip_to = i + n;
                        continue;
                    }
                    while covered.next_if(|&(_, b)| b <= i).is_some() {}
                    if covered.peek().is_some_and(|&(a, _)| a <= i) {
                        continue;
                    }
                    let glued = |k: Option<usize>| {
                        k.and_then(|k| toks.get(k)).is_some_and(|o| {
                            o.upper()
                                && text
                                    .get(o.end().min(t.end())..o.start().max(t.start()))
                                    .is_some_and(|g| g.chars().all(|c| c == ' '))
                        })
                    };
                    let prev_starts = i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|p| {
                        let before = text.get(..p.start()).unwrap_or("").trim_end();
                        before.is_empty() || before.ends_with(['.', '!', '?', '"', '“'])
                    });
                    if !prev_starts && glued(i.checked_sub(1)) || glued(Some(i + 1)) {
                        continue;
                    }
                    let short = with_hash(&by_name, t.hash).find(|&k| {
                        let d = &drafts[k];
                        d.short.contains(&t.hash) && d.actor.span.start < abs.start && !d.holds(abs)
                    });
                    if let Some(k) = short {
                        add_mention(&mut drafts, &mut refs, k, abs);
                    }
                } else if i > 0
                    && !title_mask.is_empty()
                    // A title's last word (plain tokens carry their shape bits; a word with a
                    // period inside may still hash as one).
                    && (t.lex & LEX_TITLE_HEAD != 0 || !t.plain())
                    && toks[i - 1].lex & LEX_THE != 0
                    && text
                        .get(toks[i - 1].start()..toks[i - 1].end())
                        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
                {
                    let h = hash_of(text, t);
                    if !title_mask.may_hold(h) {
                        continue;
                    }
                    if with_hash(&by_title, h).next().is_none() {
                        continue;
                    }
                    let the = toks[i - 1];
                    let span = Span::new(the.start() + offset, t.end() + offset);
                    // The person with that title mentioned last before.
                    let best = if titled <= TitleRefs::FROM {
                        with_hash(&by_title, h)
                            .filter(|&k| drafts[k].actor.span.end <= span.start)
                            .max_by_key(|&k| drafts[k].last_start_before(span.start))
                    } else {
                        refs.get_or_insert_with(|| TitleRefs::new(&drafts, &by_title))
                            .last_before(h, span.start)
                    };
                    if let Some(k) = best {
                        add_mention(&mut drafts, &mut refs, k, span);
                    }
                }
            }
        }
        finish(drafts)
    }
}

/// A one-word filter of a small set of token hashes: each hash sets one of 64 bits, picked by
/// the top bits of the hash mixed by a multiplication. A hash whose bit is clear is not in the
/// set; one whose bit is set may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeyMask(u64);

impl KeyMask {
    /// The filter holding every hash of `keys`.
    fn of<'a>(keys: impl IntoIterator<Item = &'a u64>) -> KeyMask {
        KeyMask(keys.into_iter().fold(0, |m, &h| m | KeyMask::bit(h)))
    }

    #[inline]
    fn bit(h: u64) -> u64 {
        1 << (mix(h) >> 58)
    }

    /// False when `h` is certainly not in the set.
    #[inline]
    fn may_hold(self, h: u64) -> bool {
        self.0 & KeyMask::bit(h) != 0
    }

    /// True when the set is empty.
    fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// The hashes of the [`ACTING`] words.
fn acting_hashes() -> &'static KeyMap<()> {
    static SET: OnceLock<KeyMap<()>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut toks = Vec::new();
        for w in ACTING {
            tokenize(w, &mut toks);
        }
        toks.iter().map(|t| (t.hash, ())).collect()
    })
}

/// False when token `t` of `text` is certainly no [`ACTING`] word (its hash is none of
/// theirs); true when it may be one, which the caller checks against the words themselves.
#[inline]
fn is_acting(text: &str, t: &Token) -> bool {
    acting_hashes().contains_key(&hash_of(text, t))
}

/// A new actor's mentions: room for a few more, as most actors named are named again (one
/// allocation instead of two).
fn first_mention(span: Span) -> Vec<Span> {
    let mut mentions = Vec::with_capacity(4);
    mentions.push(span);
    mentions
}

fn finish(drafts: Vec<Draft>) -> Vec<Actor> {
    let mut out: Vec<Actor> = drafts.into_iter().map(|d| d.actor).collect();
    for a in &mut out {
        a.mentions.sort();
        a.mentions.dedup();
    }
    out.sort_by_key(|a| a.span.start);
    out
}

fn add_named(
    drafts: &mut Drafts,
    kind: ActorKind,
    name: &str,
    code: Option<Code>,
    country: Option<Code>,
    span: Span,
) {
    if let Some(d) = drafts.find(kind, name) {
        d.actor.mentions.push(span);
        return;
    }
    drafts.push(Draft {
        actor: Actor {
            kind,
            name: name.to_string(),
            span,
            title: None,
            affiliation: None,
            country,
            code,
            mentions: first_mention(span),
        },
        short: Vec::new(),
        full: Vec::new(),
        title_words: Vec::new(),
        seen: None,
    });
}

/// Titles as token-hash sequences, by the hash of their first token, with a filter of those
/// first tokens' hashes.
struct TitleIndex {
    /// 4096 bits: bit `h >> 52` set for each first token's hash `h` mixed by [`mix`] (a few
    /// percent of them for the titles' first words).
    filter: [u64; 64],
    seqs: KeyMap<Vec<Vec<u64>>>,
}

/// `h` with its bits mixed into the top ones (a multiplication by an odd constant).
#[inline]
fn mix(h: u64) -> u64 {
    h.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl TitleIndex {
    /// False when no title starts with the token of hash `h`.
    #[inline]
    fn may_start(&self, h: u64) -> bool {
        let m = mix(h) >> 52;
        self.filter[(m >> 6) as usize & 63] & (1 << (m & 63)) != 0
    }
}

/// The titles' index, built on first use.
fn titles() -> &'static TitleIndex {
    static INDEX: OnceLock<TitleIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let seqs = title_index();
        let mut filter = [0u64; 64];
        for &h in seqs.keys() {
            let m = mix(h) >> 52;
            filter[(m >> 6) as usize & 63] |= 1 << (m & 63);
        }
        TitleIndex { filter, seqs }
    })
}

/// Titles as token-hash sequences, by the hash of their first token.
fn title_index() -> KeyMap<Vec<Vec<u64>>> {
    let mut map: KeyMap<Vec<Vec<u64>>> = KeyMap::default();
    let mut toks = Vec::new();
    for title in TITLES {
        toks.clear();
        tokenize(title, &mut toks);
        let hashes: Vec<u64> = toks.iter().map(|t| t.hash).collect();
        if let Some(first) = hashes.first() {
            map.entry(*first).or_default().push(hashes);
        }
    }
    map
}

/// The longest title starting at token `i`: the number of tokens.
#[inline]
fn title_at(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    // Most words are no title's first word: the shared scan marked the shapes of those.
    if t.lex & LEX_TITLE == 0 {
        return None;
    }
    title_from(text, toks, i, t)
}

fn title_from(text: &str, toks: &[Token], i: usize, t: &Token) -> Option<usize> {
    let index = titles();
    let h = hash_of(text, t);
    if !index.may_start(h) {
        return None;
    }
    let seqs = index.seqs.get(&h)?;
    seqs.iter()
        .filter(|seq| {
            toks.get(i..i + seq.len()).is_some_and(|w| {
                w.iter()
                    .zip(seq.iter())
                    .all(|(t, h)| hash_of(text, t) == *h)
            })
        })
        .map(Vec::len)
        .max()
}

/// `s` with its runs of white space made single spaces.
fn single_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_single_spaced(&mut out, s);
    out
}

/// Appends the words of `s` to `out`, separated by single spaces: `s` itself when it is
/// already so (ASCII without doubled, leading or trailing spaces or other white space, the
/// usual case), its words one by one otherwise.
fn push_single_spaced(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut prev_space = true;
    let mut plain = true;
    for &c in b {
        let space = c == b' ';
        if c >= 0x80 || (0x09..=0x0d).contains(&c) || space && prev_space {
            plain = false;
            break;
        }
        prev_space = space;
    }
    if plain && !prev_space {
        out.push_str(s);
        return;
    }
    let mut first = true;
    for w in s.split_whitespace() {
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(w);
    }
}

/// People named after a title. `notable` lists (ascending) the indices of at least every
/// token with the shape of a title's first word: titles are looked for only there.
fn people(
    g: &Gazetteer,
    text: &str,
    offset: usize,
    toks: &[Token],
    notable: &[u32],
    matches: &[crate::gazetteer::NameMatch],
    drafts: &mut Drafts,
) {
    let bytes = text.as_bytes();
    let spaces = |from: usize, to: usize| {
        bytes
            .get(from..to)
            .is_some_and(|g| !g.is_empty() && g.iter().all(|b| matches!(b, b' ' | b'\n' | b'.')))
    };
    // The matches are in order and do not overlap: the one holding token `k`, if any, is the
    // first ending past it.
    let match_at = |k: usize| {
        matches
            .get(matches.partition_point(|m| m.end_token <= k))
            .filter(|m| m.first_token <= k && k < m.end_token)
    };
    // Names of countries and organizations are not people's names; town names may be (`Price`).
    let not_person = |k: usize| {
        match_at(k).is_some_and(|m| {
            g.match_hits(m)
                .filter_map(|h| g.entry(h.entry))
                .any(|p| p.kind != PlaceKind::City)
        })
    };
    let mut name_buf = String::new();
    // The first token not yet read as part of a title or a name.
    let mut next = 0;
    for &k in notable {
        let i = k as usize;
        if i < next {
            continue;
        }
        let Some(n) = title_at(text, toks, i) else {
            continue;
        };
        // Chain titles: `spokesman Brigadier General`.
        let title_start = i;
        let mut title_end = i + n;
        while let Some(m) = title_at(text, toks, title_end) {
            if !spaces(toks[title_end - 1].end(), toks[title_end].start()) {
                break;
            }
            title_end += m;
        }
        // The name: 1-4 capitalized tokens right after, not places or titles.
        let mut name_end = title_end;
        while name_end < toks.len()
            && name_end < title_end + 4
            && toks[name_end].upper()
            && !toks[name_end].all_upper()
            && spaces(toks[name_end - 1].end(), toks[name_end].start())
            && !not_person(name_end)
            && title_at(text, toks, name_end).is_none()
        {
            name_end += 1;
        }
        // A single capitalized word after a title is a name only as a surname (`Gen. Lee`);
        // require two words unless the title is capitalized too.
        let title_capitalized = toks[title_start].upper();
        let words = name_end - title_end;
        if words == 0 || words == 1 && !title_capitalized {
            next = title_end;
            continue;
        }
        // Before the title: a country or demonym, and an affiliation of capitalized words.
        let mut country = None;
        let mut start = toks[title_start].start();
        let mut k = title_start;
        let mut affiliation: Option<(usize, usize)> = None;
        while k > 0 && spaces(toks[k - 1].end(), toks[k].start()) {
            let prev = k - 1;
            if let Some(m) = match_at(prev) {
                let c = g
                    .match_hits(m)
                    .filter_map(|h| g.entry(h.entry))
                    .find(|p| p.kind.is_country())
                    .and_then(|p| p.code);
                if c.is_some() && country.is_none() {
                    country = c;
                    start = toks[m.first_token].start();
                    k = m.first_token;
                    continue;
                }
                break;
            }
            if toks[prev].upper() && title_at(text, toks, prev).is_none() {
                affiliation = Some((
                    toks[prev].start(),
                    affiliation.map_or(toks[prev].end(), |a| a.1),
                ));
                start = toks[prev].start();
                k = prev;
                continue;
            }
            break;
        }
        let name_span = Span::new(
            toks[title_end].start() + offset,
            toks[name_end - 1].end() + offset,
        );
        // The name with single spaces, written into a buffer kept across mentions: most
        // mentions repeat a person already found and allocate nothing.
        name_buf.clear();
        push_single_spaced(
            &mut name_buf,
            text.get(toks[title_end].start()..toks[name_end - 1].end())
                .unwrap_or(""),
        );
        let title = |text: &str| {
            text.get(toks[title_start].start()..toks[title_end - 1].end())
                .map(|t| {
                    let mut title = single_spaced(t);
                    title.truncate(title.trim_end_matches('.').len());
                    title
                })
        };
        // Head words of the titles, for `the general`, `the minister`.
        let title_words = || {
            let mut words: Vec<u64> = Vec::new();
            let mut k = title_start;
            while k < title_end {
                let n = title_at(text, toks, k).unwrap_or(1);
                if let Some(t) = toks.get(k + n - 1) {
                    words.push(hash_of(text, t));
                }
                k += n;
            }
            words
        };
        let affiliation = || {
            affiliation
                .and_then(|(a, b)| text.get(a..b))
                .map(single_spaced)
        };
        let full = Span::new(start + offset, name_span.end);
        if let Some(d) = drafts.find(ActorKind::Person, &name_buf) {
            d.actor.mentions.push(name_span);
            d.actor.country = d.actor.country.or(country);
            if d.actor.title.is_none() {
                d.actor.title = title(text);
                d.title_words = title_words();
            }
            if d.actor.affiliation.is_none() {
                d.actor.affiliation = affiliation();
            }
        } else {
            let mut short = vec![hash_of(text, &toks[title_end])];
            if words > 1 {
                short.push(hash_of(text, &toks[name_end - 1]));
            }
            let full_hashes = toks[title_end..name_end]
                .iter()
                .map(|t| hash_of(text, t))
                .collect();
            drafts.push(Draft {
                full: full_hashes,
                actor: Actor {
                    kind: ActorKind::Person,
                    name: name_buf.clone(),
                    span: full,
                    title: title(text),
                    affiliation: affiliation(),
                    country,
                    code: None,
                    mentions: first_mention(name_span),
                },
                short,
                title_words: title_words(),
                seen: None,
            });
        }
        next = name_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`push_single_spaced`] must append: the words joined by single spaces.
    fn words_joined(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn single_spacing_by_case() {
        for (text, want) in [
            ("", ""),
            (" ", ""),
            ("Wang Yi", "Wang Yi"),
            ("Wang  Yi", "Wang Yi"),
            ("Wang\nYi", "Wang Yi"),
            (" Wang Yi ", "Wang Yi"),
            ("Wang\u{a0}Yi", "Wang Yi"),
            ("Wang\u{0b}Yi", "Wang Yi"),
            ("Zoë Tremblay", "Zoë Tremblay"),
        ] {
            let mut out = String::from("x");
            push_single_spaced(&mut out, text);
            assert_eq!(out, format!("x{want}"), "{text:?}");
            assert_eq!(single_spaced(text), want, "{text:?}");
        }
    }

    #[test]
    fn every_acting_word_passes_the_hash_filter() {
        let mut toks = Vec::new();
        for w in ACTING {
            toks.clear();
            tokenize_lazy_like(w, &mut toks);
            assert_eq!(toks.len(), 1, "{w}");
            assert!(is_acting(w, &toks[0]), "{w}");
        }
        let mut toks = Vec::new();
        tokenize("Beijing", &mut toks);
        assert!(!is_acting("Beijing", &toks[0]));
    }

    /// Tokens as the shared body scan makes them: lower-case words unhashed.
    fn tokenize_lazy_like(text: &str, out: &mut Vec<Token>) {
        crate::gazetteer::tokenize_lazy(text, out, &super::super::scan::LEXICON, &mut Vec::new());
    }

    #[test]
    fn every_title_passes_the_title_filter() {
        let index = titles();
        let mut toks = Vec::new();
        for title in TITLES {
            toks.clear();
            tokenize_lazy_like(title, &mut toks);
            assert!(index.may_start(hash_of(title, &toks[0])), "{title}");
            assert!(title_from(title, &toks, 0, &toks[0]).is_some(), "{title}");
        }
    }

    /// A person's draft with the given first mention span, mentions and title head words.
    fn draft(span: Span, mentions: Vec<Span>, title_words: Vec<u64>) -> Draft {
        Draft {
            actor: Actor {
                kind: ActorKind::Person,
                name: String::new(),
                span,
                title: None,
                affiliation: None,
                country: None,
                code: None,
                mentions,
            },
            short: Vec::new(),
            full: Vec::new(),
            title_words,
            seen: None,
        }
    }

    fn spans(pairs: &[(usize, usize)]) -> Vec<Span> {
        pairs.iter().map(|&(s, n)| Span::new(s, s + n)).collect()
    }

    /// What `the general` at `at` refers to, asked of every person in turn.
    fn last_before_walked(drafts: &[Draft], h: u64, at: usize) -> Option<usize> {
        let mut pairs: Vec<(u64, usize)> = drafts
            .iter()
            .enumerate()
            .flat_map(|(k, d)| d.title_words.iter().map(move |&h| (h, k)))
            .collect();
        pairs.sort_unstable();
        pairs
            .iter()
            .filter(|p| p.0 == h)
            .map(|p| p.1)
            .filter(|&k| drafts[k].actor.span.end <= at)
            .max_by_key(|&k| {
                drafts[k]
                    .actor
                    .mentions
                    .iter()
                    .map(|m| m.start)
                    .filter(|s| *s < at)
                    .max()
            })
    }

    #[test]
    fn drafts_are_found_alike_by_walk_and_by_map() {
        let mut drafts = Drafts::default();
        for n in 0..3 * Drafts::MAP_FROM {
            for kind in [ActorKind::Person, ActorKind::Country] {
                let name = format!("Name {}", n / 2);
                let walked = drafts
                    .list
                    .iter()
                    .position(|d| d.actor.kind == kind && d.actor.name == name);
                let found = drafts.find(kind, &name).map(|d| d.actor.span.start);
                assert_eq!(found, walked.map(|k| drafts.list[k].actor.span.start));
                if found.is_none() {
                    let mut d = draft(Span::new(drafts.list.len(), n + 1), Vec::new(), Vec::new());
                    d.actor.kind = kind;
                    d.actor.name = name;
                    drafts.push(d);
                }
            }
        }
        assert!(drafts.by_name.is_some());
        assert_eq!(drafts.list.len(), 3 * Drafts::MAP_FROM);
    }

    proptest! {
        #[test]
        fn seen_answers_as_a_walk_through_the_mentions_does(
            early in proptest::collection::vec((0usize..300, 1usize..30), 0..40),
            later in proptest::collection::vec((0usize..300, 1usize..30), 0..40),
            in_order in any::<bool>(),
            asked in proptest::collection::vec((0usize..330, 1usize..30), 1..20),
        ) {
            let mut mentions = spans(&early);
            let mut seen = Seen::of(&mentions);
            let mut later = spans(&later);
            if in_order {
                later.sort_by_key(|m| m.start);
            }
            for m in later {
                mentions.push(m);
                seen.push(m);
                for a in spans(&asked) {
                    prop_assert_eq!(seen.holds(a), mentions.iter().any(|m| m.contains(a)));
                    let walked = mentions.iter().map(|m| m.start).filter(|s| *s < a.start).max();
                    prop_assert_eq!(seen.last_start_before(a.start), walked);
                }
            }
        }

        #[test]
        fn title_references_go_where_asking_every_person_sends_them(
            people in proptest::collection::vec(
                ((0usize..400, 1usize..20), proptest::collection::vec((0usize..400, 1usize..20), 0..6), proptest::collection::vec(0u64..4, 0..3)),
                0..40,
            ),
            steps in proptest::collection::vec((0usize..15, 0u64..4, any::<bool>(), 0usize..40), 1..60),
        ) {
            let mut drafts: Vec<Draft> = people
                .iter()
                .map(|(first, more, heads)| {
                    let span = Span::new(first.0, first.0 + first.1);
                    let mut mentions = vec![span];
                    mentions.extend(spans(more));
                    draft(span, mentions, heads.clone())
                })
                .collect();
            let by_title: Vec<(u64, usize)> = drafts
                .iter()
                .enumerate()
                .flat_map(|(k, d)| d.title_words.iter().map(move |&h| (h, k)))
                .collect();
            let mut refs = Some(TitleRefs::new(&drafts, &by_title));
            let mut at = 0;
            for (step, h, push, k) in steps {
                at += step;
                if push && !drafts.is_empty() {
                    // A mention read at the point of reading.
                    let k = k % drafts.len();
                    add_mention(&mut drafts, &mut refs, k, Span::new(at, at + 3));
                } else {
                    let walked = last_before_walked(&drafts, h, at);
                    let found = refs.as_mut().and_then(|r| r.last_before(h, at));
                    prop_assert_eq!(found, walked);
                }
            }
        }

        #[test]
        fn single_spacing_joins_the_words(s in "[ a-zA-Z.\n\t\u{a0}\u{0b}\u{85}\u{1680}\u{2003}\u{2028}\u{202f}\u{3000}é’ñ]{0,30}") {
            let mut out = String::new();
            push_single_spaced(&mut out, &s);
            prop_assert_eq!(out, words_joined(&s));
        }

        #[test]
        fn key_mask_holds_every_key(keys in proptest::collection::vec(any::<u64>(), 0..20), other in any::<u64>()) {
            let mask = KeyMask::of(&keys);
            for &k in &keys {
                prop_assert!(mask.may_hold(k));
            }
            prop_assert_eq!(mask.is_empty(), keys.is_empty());
            if !mask.may_hold(other) {
                prop_assert!(!keys.contains(&other));
            }
        }
    }
}
