//! Parsing of the compiled-in data files (`src/gazetteer/data/*.tsv`).
//!
//! Each file is UTF-8, one entry per line, fields separated by tabs, lists inside a field by
//! `|`; lines starting with `#` are comments. See `tools/gen_gazetteer.py` for the columns.

use super::{Code, GazetteerBuilder, Place, PlaceKind};

const COUNTRIES: &str = include_str!("data/countries.tsv");
const REGIONS: &str = include_str!("data/regions.tsv");
const CITIES: &str = include_str!("data/cities.tsv");
const ORGANIZATIONS: &str = include_str!("data/organizations.tsv");

fn lines(data: &str) -> impl Iterator<Item = [&str; 8]> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = [""; 8];
            for (slot, v) in f.iter_mut().zip(l.split('\t')) {
                *slot = v;
            }
            f
        })
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').filter(|s| !s.is_empty())
}

fn field<'a>(f: &[&'a str; 8], i: usize) -> &'a str {
    f.get(i).copied().unwrap_or("")
}

/// A builder holding the built-in data.
pub(super) fn builtin_builder() -> GazetteerBuilder {
    let mut b = GazetteerBuilder::default();
    b.entries.reserve(40_000);
    b.names.list.reserve(60_000);
    b.names.text.reserve(1 << 20);
    for f in lines(COUNTRIES) {
        let kind = if field(&f, 2) == "territory" {
            PlaceKind::Territory
        } else {
            PlaceKind::Country
        };
        let mut p = Place::new(kind, field(&f, 3));
        p.code = Code::new(field(&f, 0));
        p.country = p.code;
        p.population = field(&f, 4).parse().unwrap_or(0);
        push(&mut b, p, list(field(&f, 6)), list(field(&f, 7)));
    }
    for f in lines(REGIONS) {
        let mut p = Place::new(PlaceKind::Region, field(&f, 2));
        p.country = Code::new(field(&f, 0));
        p.code = Code::new(field(&f, 1));
        p.region = p.code;
        push(&mut b, p, list(field(&f, 3)), std::iter::empty());
    }
    for f in lines(ORGANIZATIONS) {
        let kind = match field(&f, 1) {
            "bloc" => PlaceKind::Bloc,
            "agency" => PlaceKind::Agency,
            _ => PlaceKind::Organization,
        };
        let mut p = Place::new(kind, field(&f, 2));
        p.code = Code::new(field(&f, 0));
        // The seat, where known: country, region and coordinates of the headquarters.
        p.country = Code::new(field(&f, 4)).filter(|c| !c.as_str().is_empty());
        p.region = Code::new(field(&f, 5)).filter(|c| !c.as_str().is_empty());
        p.lat = field(&f, 6).parse().ok();
        p.lon = field(&f, 7).parse().ok();
        push(&mut b, p, list(field(&f, 3)), std::iter::empty());
    }
    for f in lines(CITIES) {
        let mut p = Place::new(PlaceKind::City, field(&f, 3));
        p.country = Code::new(field(&f, 1));
        p.region = Code::new(field(&f, 2)).filter(|c| !c.as_str().is_empty());
        p.lat = field(&f, 4).parse().ok();
        p.lon = field(&f, 5).parse().ok();
        p.population = field(&f, 6).parse().unwrap_or(0);
        push(&mut b, p, list(field(&f, 7)), std::iter::empty());
    }
    b
}

fn push<'a>(
    b: &mut GazetteerBuilder,
    place: Place,
    aliases: impl Iterator<Item = &'a str>,
    demonyms: impl Iterator<Item = &'a str>,
) {
    b.push(place, aliases, demonyms);
}
