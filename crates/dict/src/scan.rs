//! One pass of every matcher over a sentence: [`Dictionaries::scan`].
//!
//! The sentence is cut into sub-tokens once (unsplit "F-16" and "Kyiv's" are cut the way
//! patterns are) into per-thread buffers that are reused from sentence to sentence; the
//! actor and weapon tries then look each sub-token up in their vocabularies and walk only
//! from known words, and the gazetteer hashes only from capitalized words. Nothing is
//! allocated per call beyond the result vectors.
//!
//! Cost per 25-word sentence (valgrind instruction counts on `examples/probe.rs`, which a
//! busy machine cannot distort): the three separate finders took 27.4k + 18.3k + 19.6k =
//! 65.3k instructions before this work; now `actors.find` 15.7k, `weapons.find` 9.9k,
//! `places.find` 11.3k, and `scan` 27.5k for all three. What remains in `scan`: cutting,
//! folding and hashing the words (~6k), the two trie walks (~5k), building the owned
//! mention strings and composing actor phrases (~6k, about half of it malloc/free), and
//! place verification.
//!
//! The results are exactly those of [`ActorDict::find_at`](crate::ActorDict::find_at),
//! [`WeaponDict::find`](crate::WeaponDict::find) and
//! [`Gazetteer::find_with_context`](crate::Gazetteer::find_with_context) (tested below).

use crate::places::Scratch;
use crate::trie::Prepared;
use crate::{ActorMention, Date, Dictionaries, PlaceMention, WeaponMention};
use std::cell::RefCell;

/// Everything the dictionaries find in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan<'d> {
    /// Composed actor mentions (as [`ActorDict::find_at`](crate::ActorDict::find_at)).
    pub actors: Vec<ActorMention>,
    /// Weapon mentions (as [`WeaponDict::find`](crate::WeaponDict::find)).
    pub weapons: Vec<WeaponMention<'d>>,
    /// Place mentions (as [`Gazetteer::find_with_context`](crate::Gazetteer::find_with_context)).
    pub places: Vec<PlaceMention>,
}

#[derive(Default)]
struct Buffers {
    trie: Prepared,
    places: Scratch,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

impl Dictionaries {
    /// Actors (roles resolved for the default date), weapons and places (no country
    /// preference) of one sentence, in one pass.
    pub fn scan(&self, words: &[&str]) -> Scan<'_> {
        self.scan_at(words, None, &[])
    }

    /// Actors with dated roles resolved for `date` (or [`crate::DEFAULT_DATE`]), weapons, and
    /// places preferring readings in the `preferred` countries, in one pass.
    pub fn scan_at(&self, words: &[&str], date: Option<Date>, preferred: &[&str]) -> Scan<'_> {
        let run = |b: &mut Buffers| {
            b.trie.cut(words);
            let actors = self.actors.find_prepared(words, &mut b.trie, date);
            let weapons = self.weapons.find_prepared(words, &mut b.trie);
            b.places.clear();
            b.places.subs.extend_from_slice(&b.trie.subs);
            b.places
                .hashes
                .extend(b.trie.keys.iter().map(|k| Some(k.2)));
            let mut places = Vec::new();
            self.places
                .find_subs(words, &mut b.places, preferred, &mut places);
            Scan {
                actors,
                weapons,
                places,
            }
        };
        BUFFERS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut b) => run(&mut b),
            Err(_) => run(&mut Buffers::default()),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::Dictionaries;

    /// Our own news-like sentences; each frame is filled with every filler in turn.
    const FRAMES: &[&str] = &[
        "{} shelled the outskirts of Kharkiv overnight with Grad rockets , the governor said .",
        "Ukraine 's Defence Ministry said {} used U.S.-made HIMARS launchers near Melitopol .",
        "Kremlin spokesman Dmitry Peskov told reporters in Moscow that {} would escalate .",
        "The Pentagon announced aid including Patriot interceptors and Javelins for {} .",
        "{} fired Iskander missiles and Shahed-136 drones at Odesa 's port on Sunday .",
        "Officials in Kyiv 's Pechersk district said {} had hit a power station .",
        "the president of Ukraine met {} in Brussels to discuss F-16s and ATACMS .",
        "Wagner fighters and {} advanced toward Bakhmut under cover of artillery fire .",
        "In May , {} said Storm Shadow missiles struck a command post in Crimea .",
        "Police in Belgorod region reported that {} downed two drones over the city .",
    ];
    const FILLERS: &[&str] = &[
        "Russian forces",
        "Ukrainian troops",
        "the Russian Defence Ministry",
        "NATO",
        "Hamas militants",
        "Israeli soldiers",
        "U.S. officials",
        "President Volodymyr Zelensky",
        "the separatists",
        "Chinese diplomats",
        "the UN Security Council",
        "Polish border guards",
        "a Ukrainian drone",
        "TASS",
        "the Kremlin",
        "Iranian-made drones",
        "Turkish Bayraktar TB2 drones",
        "the governor of Zaporizhzhia Oblast",
        "German Leopard tanks",
        "Russia's Black Sea Fleet",
        "nobody",
        "SHAHED DRONES",
        "residents of Donetsk",
        "the Lviv city council",
        "british Storm Shadows",
        "Mr. Putin",
        "North Korean soldiers",
        "the Houthis",
        "Belarusian President Alexander Lukashenko",
        "Georgia 's government",
        "the West",
    ];

    #[test]
    fn scan_equals_the_separate_finders() {
        let d = Dictionaries::builtin().unwrap();
        let mut n = 0;
        let mut found = 0;
        for frame in FRAMES {
            for filler in FILLERS {
                let s = frame.replace("{}", filler);
                let words: Vec<&str> = s.split(' ').collect();
                for (date, pref) in [(None, &[][..]), (Some((2014, 3, 1)), &["RUS"][..])] {
                    let scan = d.scan_at(&words, date, pref);
                    assert_eq!(scan.actors, d.actors.find_at(&words, date), "{s}");
                    assert_eq!(scan.weapons, d.weapons.find(&words), "{s}");
                    assert_eq!(scan.places, d.places.find_with_context(&words, pref), "{s}");
                    found += scan.actors.len() + scan.weapons.len() + scan.places.len();
                }
                n += 1;
            }
        }
        assert!(n >= 300, "{n}");
        assert!(found > 3 * n, "{found} mentions in {n} sentences");
    }
}
