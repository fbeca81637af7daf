//! Name matching over text and dateline resolution.

use super::{Gazetteer, Hit, KEY_START, PlaceKind, PlaceRef, Token, combine, hash_of, name_key};
use crate::article::Dateline;
use std::collections::HashSet;

/// A run of tokens that is a name in the gazetteer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NameMatch {
    /// Byte offsets in the scanned text (shifted by the offset given to `scan`).
    pub start: usize,
    pub end: usize,
    /// Token indices `first..last+1` in the token buffer.
    pub first_token: usize,
    pub end_token: usize,
    /// Range of the hits in the gazetteer.
    hits: (u32, u32),
    /// Every token of the match is in upper case (acronym hits need it).
    pub all_upper: bool,
}

impl Gazetteer {
    /// The hits of a match that accept its case.
    pub(crate) fn match_hits<'s>(&'s self, m: &NameMatch) -> impl Iterator<Item = &'s Hit> + 's {
        let all_upper = m.all_upper;
        self.match_hits_range(m.hits)
            .iter()
            .filter(move |h| !h.exact_case || all_upper)
    }

    /// Finds the names in `text` (leftmost-longest, starting at capitalized tokens) among its
    /// tokens `toks` (offsets relative to `text`), and appends them to `out` with offsets
    /// shifted by `offset`. `notable` lists (ascending) the indices of at least every
    /// capitalized token: names are tried only there.
    pub(crate) fn find_names(
        &self,
        text: &str,
        offset: usize,
        toks: &[Token],
        notable: &[u32],
        out: &mut Vec<NameMatch>,
    ) {
        let bytes = text.as_bytes();
        let max = self.max_tokens();
        let starts = self.starts();
        // The first token not yet part of a name.
        let mut next = 0;
        for &k in notable {
            let i = k as usize;
            if i < next || !toks.get(i).is_some_and(Token::upper) {
                continue;
            }
            let mut key = KEY_START;
            let mut found: Option<(usize, (u32, u32), bool)> = None;
            let mut all_upper = true;
            let mut j = i;
            while j < toks.len() && j < i + max {
                if j > i && !joinable(bytes, toks[j - 1].end(), toks[j].start()) {
                    break;
                }
                key = combine(key, hash_of(text, &toks[j]));
                // Most capitalized words start no name: a filter turns them away.
                if j == i && !starts.may_hold(key) {
                    break;
                }
                all_upper &= toks[j].all_upper();
                let Some(slot) = self.slot(key) else {
                    break;
                };
                if slot.len > 0
                    && let Some(range) = self.case_checked(slot.start, slot.len, all_upper)
                {
                    found = Some((j, range, all_upper));
                }
                if !slot.prefix {
                    break;
                }
                j += 1;
            }
            match found {
                Some((last, hits, all_upper)) => {
                    let mut end = toks[last].end();
                    let trailing = self.match_hits_range(hits).iter().any(|h| h.trailing_dot);
                    if trailing && bytes.get(end) == Some(&b'.') {
                        end += 1;
                    }
                    out.push(NameMatch {
                        start: toks[i].start() + offset,
                        end: end + offset,
                        first_token: i,
                        end_token: last + 1,
                        hits,
                        all_upper,
                    });
                    next = last + 1;
                }
                None => next = i + 1,
            }
        }
    }

    fn match_hits_range(&self, (s, l): (u32, u32)) -> &[Hit] {
        self.inner
            .hits
            .get(s as usize..(s as usize).saturating_add(l as usize))
            .unwrap_or(&[])
    }

    /// The hit range if some hit accepts the text's case. Acronym hits are sorted nowhere in
    /// particular, so a range with mixed hits is kept whole and filtered by the caller.
    fn case_checked(&self, s: u32, l: u32, all_upper: bool) -> Option<(u32, u32)> {
        let hits = self.match_hits_range((s, l));
        hits.iter()
            .any(|h| !h.exact_case || all_upper)
            .then_some((s, l))
    }

    /// Resolves a wire dateline's location (`JAKARTA`, `PORTLAND, Ore.`,
    /// `BAHIA BLANCA, Argentina`) to a place: the city when the gazetteer knows it (in the
    /// region or country named after it, if any; else the most populous), else the region or
    /// country named.
    ///
    /// ```
    /// use newswire::gazetteer::Gazetteer;
    ///
    /// let g = Gazetteer::builtin();
    /// let article = newswire::parse("PORTLAND, Ore., Feb 26 - Rain fell.")?;
    /// let place = g.resolve_dateline(article.dateline.as_ref().unwrap()).unwrap();
    /// assert_eq!(place.name, "Portland");
    /// assert_eq!(place.country.unwrap().as_str(), "US");
    /// assert_eq!(place.region.unwrap().as_str(), "OR");
    /// # Ok::<(), newswire::ParseError>(())
    /// ```
    pub fn resolve_dateline(&self, dateline: &Dateline<'_>) -> Option<PlaceRef> {
        self.resolve_location(&dateline.city, dateline.region.as_deref())
    }

    /// Resolves a place written as a city and an optional region or country, as in a
    /// dateline: `("JAKARTA", None)`, `("Bahia Blanca", Some("Argentina"))`.
    ///
    /// ```
    /// use newswire::gazetteer::Gazetteer;
    ///
    /// let g = Gazetteer::builtin();
    /// let p = g.resolve_location("BAHIA BLANCA", Some("Argentina")).unwrap();
    /// assert_eq!((p.name.as_str(), p.country.unwrap().as_str()), ("Bahía Blanca", "AR"));
    /// let p = g.resolve_location("JAKARTA", None).unwrap();
    /// assert_eq!(p.country.unwrap().as_str(), "ID");
    /// assert!(p.lat.is_some());
    /// ```
    pub fn resolve_location(&self, city: &str, region: Option<&str>) -> Option<PlaceRef> {
        self.location_candidates(city, region).into_iter().next()
    }

    /// The readings of a dateline location, best first (see
    /// [`resolve_location`](Gazetteer::resolve_location)): cities that fit the region, most
    /// populous first, then countries and regions of that name, then the region or country
    /// named after the city.
    pub(crate) fn location_candidates(&self, city: &str, region: Option<&str>) -> Vec<PlaceRef> {
        let all = self.lookup_any_case(city);
        let candidates: Vec<&PlaceRef> = all.iter().filter(|p| p.kind.is_geographic()).collect();
        // What the region names: countries, or regions of a country.
        let mut countries = HashSet::new();
        let mut regions = HashSet::new();
        let mut region_places: Vec<PlaceRef> = Vec::new();
        for part in region.into_iter().flat_map(|r| r.split(',')) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            for p in self.lookup_any_case(part) {
                match p.kind {
                    PlaceKind::Country | PlaceKind::Territory => {
                        countries.extend(p.code);
                        region_places.push(p);
                    }
                    PlaceKind::Region => {
                        if let (Some(c), Some(code)) = (p.country, p.code) {
                            regions.insert((c, code));
                        }
                        region_places.push(p);
                    }
                    _ => {}
                }
            }
        }
        let constrained = !countries.is_empty() || !regions.is_empty();
        let fits = |p: &PlaceRef| {
            !constrained
                || p.country.is_some_and(|c| countries.contains(&c))
                || matches!((p.country, p.region), (Some(c), Some(r)) if regions.contains(&(c, r)))
        };
        let mut cities: Vec<PlaceRef> = candidates
            .iter()
            .filter(|p| p.kind == PlaceKind::City && fits(p))
            .map(|p| (*p).clone())
            .collect();
        cities.sort_by(|a, b| b.population.cmp(&a.population).then(a.id.cmp(&b.id)));
        let mut others: Vec<PlaceRef> = candidates
            .iter()
            .filter(|p| p.kind != PlaceKind::City && fits(p))
            .map(|p| (*p).clone())
            .collect();
        // Countries before regions (`GEORGIA`), then by population.
        others.sort_by(|a, b| {
            (!a.kind.is_country(), std::cmp::Reverse(a.population))
                .cmp(&(!b.kind.is_country(), std::cmp::Reverse(b.population)))
        });
        let mut out = Vec::new();
        match (cities.first(), others.first()) {
            // `MEXICO`: the country, not a small town of that name elsewhere.
            (Some(c), Some(o)) if o.kind.is_country() && o.code != c.country => {
                out.append(&mut others);
                out.append(&mut cities);
            }
            _ => {
                out.append(&mut cities);
                out.append(&mut others);
            }
        }
        // An unknown town in a known region or country: the region (or country) itself.
        region_places
            .sort_by_key(|p| (p.kind != PlaceKind::Region, std::cmp::Reverse(p.population)));
        out.extend(region_places);
        // `UNITED NATIONS`: an organization's seat.
        if out.is_empty() {
            out.extend(
                all.into_iter()
                    .filter(|p| !p.kind.is_geographic() && p.country.is_some()),
            );
        }
        out
    }

    /// Like [`lookup`](Gazetteer::lookup) but acronyms match in any case (datelines are in
    /// capitals).
    fn lookup_any_case(&self, name: &str) -> Vec<PlaceRef> {
        let (key, _) = name_key(name);
        let mut out: Vec<PlaceRef> = self
            .hits(key)
            .iter()
            .filter_map(|h| self.entry(h.entry).cloned())
            .collect();
        out.dedup_by_key(|p| p.id);
        out
    }
}

/// Whether two tokens may belong to one name: only spaces, line breaks, periods and hyphens
/// (and a possessive-free apostrophe) between them.
fn joinable(bytes: &[u8], from: usize, to: usize) -> bool {
    bytes.get(from..to).is_some_and(|gap| {
        gap.iter()
            .all(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'.' | b'-'))
    })
}
