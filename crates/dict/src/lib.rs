//! rung-dict: the dictionaries rung codes with.
//!
//! * [`ActorDict`]: countries, demonyms, seats of power, organizations, media, people with
//!   dated roles, blocs, armed groups and generic agents, matched leftmost-longest over the
//!   tokenizer's words and composed into CAMEO actor codes ("Russian forces" -> `RUSMIL`).
//! * [`WeaponDict`]: weapon systems and generic weapon categories with canonical names.
//! * [`Gazetteer`]: cities, regions and countries from GeoNames, with coordinates.
//! * [`Codebook`]: CAMEO event codes with Goldstein scores, quad classes and PLOVER types.
//! * [`Conflicts`]: dated wars and occupations, for words whose side depends on the
//!   speaker ("the invaders", "the enemy").
//!
//! All tables are rung's own TSV files under `data/`, embedded in the binary and checked
//! when loaded: a bad entry fails the whole load with a [`DictError`] naming file, line and
//! entry. Users' own tables can extend the actor dictionary through
//! [`ActorDict::to_builder`] / [`ActorDictBuilder::add_entry`].
//!
//! ```
//! let dicts = rung_dict::Dictionaries::builtin()?;
//! let words = ["Russian", "forces", "shelled", "Kharkiv", "with", "Grad", "rockets"];
//! let actors = dicts.actors.find(&words);
//! assert_eq!(actors[0].code, "RUSMIL");
//! assert_eq!(dicts.weapons.find(&words)[0].weapon.name, "BM-21 Grad");
//! assert_eq!(dicts.places.find(&words)[0].country, "UKR");
//! assert_eq!(dicts.codebook.get("195").map(|c| c.quad), Some(4));
//! # Ok::<(), rung_dict::DictError>(())
//! ```
#![deny(missing_docs)]

mod actors;
mod codebook;
mod codes;
mod compose;
mod conflicts;
mod error;
mod load;
mod pattern;
mod places;
#[cfg(test)]
mod places_old;
mod scan;
mod trie;
mod tsv;
mod vocab;
mod weapons;

pub use actors::{
    ActorDict, ActorDictBuilder, ActorEntry, ActorKind, ActorMention, Date, Role, DEFAULT_DATE,
};
pub use codebook::{quad_of, CodeInfo, Codebook};
pub use codes::{CodeSet, BLOCS, ROLES};
pub use conflicts::{Conflict, ConflictKind, Conflicts};
pub use error::{Collision, DictError};
pub use load::{load_actors, load_agents};
pub use pattern::{fold, split_phrase};
pub use places::{Gazetteer, Place, PlaceKind, PlaceMention};
pub use scan::Scan;
pub use weapons::{Weapon, WeaponCategory, WeaponDict, WeaponMention};

use std::sync::{Arc, OnceLock};

/// The embedded data files, by name, for provenance hashing and inspection.
pub const DATA_FILES: &[(&str, &str)] = &[
    load::COUNTRIES,
    load::ACTORS,
    load::AGENTS,
    ("weapons.tsv", include_str!("../data/weapons.tsv")),
    ("places.tsv", include_str!("../data/places.tsv")),
    (
        "place_stopwords.txt",
        include_str!("../data/place_stopwords.txt"),
    ),
    ("cameo.tsv", include_str!("../data/cameo.tsv")),
    ("plover.tsv", include_str!("../data/plover.tsv")),
    ("conflicts.tsv", include_str!("../data/conflicts.tsv")),
];

fn data(name: &str) -> &'static str {
    DATA_FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, t)| t)
}

/// All of rung's dictionaries.
#[derive(Debug, Clone)]
pub struct Dictionaries {
    /// Actors and agents.
    pub actors: ActorDict,
    /// Weapon systems.
    pub weapons: WeaponDict,
    /// Places.
    pub places: Gazetteer,
    /// CAMEO codes and their PLOVER readings.
    pub codebook: Codebook,
    /// Dated wars and occupations, for "the invaders" and "the enemy".
    pub conflicts: Arc<Conflicts>,
}

impl Dictionaries {
    /// The built-in dictionaries. The first call parses and compiles the embedded tables
    /// (tens of milliseconds, most of it the gazetteer); later calls return a cheap clone
    /// (every table is shared behind an `Arc`).
    ///
    /// # Errors
    /// The first [`DictError`] of any table: rung never codes with half a dictionary.
    pub fn builtin() -> Result<Dictionaries, DictError> {
        static BUILTIN: OnceLock<Result<Dictionaries, DictError>> = OnceLock::new();
        BUILTIN.get_or_init(Self::load).clone()
    }

    /// Parses and compiles the embedded tables afresh (what the first [`builtin`] call
    /// does; measured by the `load` benchmark).
    ///
    /// # Errors
    /// As [`Dictionaries::builtin`].
    ///
    /// [`builtin`]: Dictionaries::builtin
    pub fn load() -> Result<Dictionaries, DictError> {
        let actors = load::builtin_actors()?;
        let codes = load::country_codes();
        let weapons = WeaponDict::from_tsv("weapons.tsv", data("weapons.tsv"), &codes)?;
        let places = Gazetteer::from_tsv(
            "places.tsv",
            data("places.tsv"),
            data("place_stopwords.txt"),
        )?;
        let codebook = Codebook::from_tsv(
            ("cameo.tsv", data("cameo.tsv")),
            ("plover.tsv", data("plover.tsv")),
        )?;
        let conflicts = Conflicts::from_tsv("conflicts.tsv", data("conflicts.tsv"), &codes)?;
        Ok(Dictionaries {
            actors,
            weapons,
            places,
            codebook,
            conflicts: Arc::new(conflicts),
        })
    }

    /// A content hash of the built-in data files (FNV-1a 64 over names and contents, hex),
    /// for provenance: events coded with the same version used the same dictionaries.
    /// Entries added through a builder are not covered.
    pub fn version(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (name, text) in DATA_FILES {
            for b in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        format!("dict-{h:016x}")
    }
}
