//! The first gazetteer (a token trie over every name, compiled at load: 0.5 s), kept only
//! as the reference the indexed gazetteer of `places.rs` is tested against.
#![allow(dead_code)]

use crate::pattern::split_phrase;
use crate::places::{Place, PlaceKind, PlaceMention, HEADER};
use crate::trie::TokenTrie;
use crate::tsv::{list, rows};
use crate::DictError;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// The compiled gazetteer. Cheap to clone (shared).
#[derive(Debug, Clone)]
pub(crate) struct OldGazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    places: Vec<Place>,
    /// Per trie entry: candidate places, each with "is this its primary name?".
    candidates: Vec<Vec<(u32, bool)>>,
    trie: TokenTrie,
}

impl OldGazetteer {
    /// Loads a table in the `places.tsv` format, dropping single-word names found in the
    /// stop list (one word per line, `#` comments).
    ///
    /// # Errors
    /// [`DictError`] for a malformed row.
    pub fn from_tsv(file: &str, text: &str, stopwords: &str) -> Result<OldGazetteer, DictError> {
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
    ) -> OldGazetteer {
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
        OldGazetteer {
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
        self.inner
            .trie
            .find(words)
            .into_iter()
            .filter_map(|(start, end, e)| {
                let place = self.best(&self.inner.candidates[e as usize], preferred)?;
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
    use crate::places::Gazetteer;

    /// Our own news-like frames; `{}` takes a place name.
    const FRAMES: &[&str] = &[
        "Shelling in {} killed three people overnight , officials said .",
        "{} was hit by drones on Sunday .",
        "The governor of {} said air defences were active .",
        "Troops withdrew from {} 's outskirts after heavy fighting .",
        "Residents of {} reported explosions near the railway station .",
        "A convoy left {} for the front line early on Tuesday .",
        "Talks in {} ended without agreement , the ministry said .",
        "the {} region came under fire as refugees fled to {} and beyond .",
        "Officials in {} -based units denied the report .",
        "NEAR {} , SHELLS FELL ON HOUSES .",
    ];

    fn names(text: &str, every: usize) -> Vec<String> {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate().filter(|(i, _)| i % every == 3) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 6 || line.starts_with('#') {
                continue;
            }
            out.push(f[0].to_string());
            if let Some(alt) = f.get(6).and_then(|a| a.split(';').nth(i % 3)) {
                out.push(alt.trim().trim_start_matches('=').to_string());
            }
        }
        out
    }

    /// The indexed gazetteer finds exactly what the trie did, on the built-in table, for
    /// names in their own, lower and upper case, possessive and hyphenated, with and
    /// without country context; and `lookup` agrees.
    #[test]
    fn index_matches_the_trie() {
        let (text, stop) = (
            crate::data("places.tsv"),
            crate::data("place_stopwords.txt"),
        );
        let old = OldGazetteer::from_tsv("places.tsv", text, stop).unwrap();
        let new = Gazetteer::from_tsv("places.tsv", text, stop).unwrap();
        assert_eq!(old.len(), new.len());
        let mut sentences = 0;
        let mut found = 0;
        for (k, name) in names(text, 97).iter().enumerate() {
            let variants = [
                name.clone(),
                name.to_lowercase(),
                name.to_uppercase(),
                format!("{name}'s"),
                format!("{name}-based"),
                name.replace(' ', " - "),
            ];
            // The index alone reads two or three capitals as an acronym, never as a
            // town written otherwise ("UN" is not Un, Gujarat): the trie predates that
            // rule, so the capitalized variant of such names is not compared.
            let short = split_phrase(name)
                .iter()
                .any(|t| (2..=3).contains(&t.chars().filter(|c| c.is_alphabetic()).count()));
            for (v, variant) in variants.iter().enumerate() {
                if v == 2 && short {
                    continue;
                }
                let frame = FRAMES[(k + v) % FRAMES.len()];
                let other = names(text, 211).get(k % 50).cloned().unwrap_or_default();
                let s = frame.replacen("{}", variant, 1).replacen("{}", &other, 1);
                let words: Vec<&str> = s.split(' ').collect();
                for pref in [&[][..], &["RUS"][..], &["UKR", "USA"][..]] {
                    let a = old.find_with_context(&words, pref);
                    let b = new.find_with_context(&words, pref);
                    assert_eq!(a, b, "{s:?} preferring {pref:?}");
                    found += b.len();
                }
                sentences += 1;
            }
            let a: Vec<&Place> = old.lookup(name);
            let b: Vec<&Place> = new.lookup(name);
            assert_eq!(a, b, "lookup {name:?}");
        }
        assert!(sentences > 300, "{sentences}");
        assert!(found > sentences, "{found} places in {sentences} sentences");
    }
}
