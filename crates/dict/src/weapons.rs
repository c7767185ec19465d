//! The weapon dictionary: named systems ("HIMARS", "Storm Shadow", "Shahed-136") and
//! generic categories ("howitzers", "fighter jets", "cluster munitions"), each with a
//! canonical name, aliases, category, country of origin and public range figure.
//!
//! Data: `data/weapons.tsv`. Every alias (and the canonical name) is a pattern; a regular
//! plural is added for each ("Javelins", "F-16s", "tanks"). The same alias under two
//! weapons is an error naming both lines.

use crate::codes::CodeSet;
use crate::pattern::split_phrase;
use crate::trie::TokenTrie;
use crate::tsv::{list, rows};
use crate::DictError;
use std::sync::Arc;

const HEADER: &[&str] = &["name", "category", "origin", "range_km", "aliases"];

/// What kind of weapon system an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum WeaponCategory {
    Mlrs,
    BallisticMissile,
    CruiseMissile,
    AntiShipMissile,
    HypersonicMissile,
    Missile,
    AirDefence,
    Atgm,
    Manpads,
    Artillery,
    Mortar,
    Tank,
    Ifv,
    Apc,
    Aircraft,
    Helicopter,
    Drone,
    LoiteringMunition,
    NavalDrone,
    GlideBomb,
    Munition,
    Ship,
    Submarine,
    Intelligence,
    SmallArms,
    Mine,
    Nuclear,
    Other,
}

impl WeaponCategory {
    /// Parses the category names of `weapons.tsv` (the variant name in snake case).
    pub fn parse(s: &str) -> Option<WeaponCategory> {
        use WeaponCategory::*;
        Some(match s {
            "mlrs" => Mlrs,
            "ballistic_missile" => BallisticMissile,
            "cruise_missile" => CruiseMissile,
            "anti_ship_missile" => AntiShipMissile,
            "hypersonic_missile" => HypersonicMissile,
            "missile" => Missile,
            "air_defence" => AirDefence,
            "atgm" => Atgm,
            "manpads" => Manpads,
            "artillery" => Artillery,
            "mortar" => Mortar,
            "tank" => Tank,
            "ifv" => Ifv,
            "apc" => Apc,
            "aircraft" => Aircraft,
            "helicopter" => Helicopter,
            "drone" => Drone,
            "loitering_munition" => LoiteringMunition,
            "naval_drone" => NavalDrone,
            "glide_bomb" => GlideBomb,
            "munition" => Munition,
            "ship" => Ship,
            "submarine" => Submarine,
            "intelligence" => Intelligence,
            "small_arms" => SmallArms,
            "mine" => Mine,
            "nuclear" => Nuclear,
            "other" => Other,
            _ => return None,
        })
    }
}

/// A weapon system or generic weapon category.
#[derive(Debug, Clone, PartialEq)]
pub struct Weapon {
    /// Canonical name, as events report it: "HIMARS", "howitzer", "cluster munitions".
    pub name: String,
    /// Other names (as written in the data, without generated plurals).
    pub aliases: Vec<String>,
    /// What kind of system.
    pub category: WeaponCategory,
    /// Country of origin (actor country code); empty for generic entries.
    pub origin: String,
    /// Maximum range in km from public figures, when meaningful.
    pub range_km: Option<f64>,
    /// Where it was defined: (file, line).
    pub source: (String, usize),
}

/// A weapon found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct WeaponMention<'a> {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The weapon.
    pub weapon: &'a Weapon,
}

/// The compiled weapon dictionary. Cheap to clone (shared).
#[derive(Debug, Clone)]
pub struct WeaponDict {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    weapons: Vec<Weapon>,
    /// Per trie entry: the weapon index.
    entry_weapon: Vec<u32>,
    trie: TokenTrie,
}

impl WeaponDict {
    /// Loads a table in the `weapons.tsv` format, checking origins against `codes`.
    ///
    /// # Errors
    /// [`DictError`] for a malformed row, an unknown category or origin, or an alias
    /// claimed by two weapons (naming both lines).
    pub fn from_tsv(file: &str, text: &str, codes: &CodeSet) -> Result<WeaponDict, DictError> {
        let mut weapons = Vec::new();
        for r in rows(file, text, HEADER, 3)? {
            let category = WeaponCategory::parse(r.get(1))
                .ok_or_else(|| r.error(file, format!("unknown category {:?}", r.get(1))))?;
            let origin = r.get(2);
            if !(origin.is_empty() || origin == "-" || codes.is_prefix(origin)) {
                return Err(DictError::unknown(file, r.line, r.raw, origin));
            }
            let range_km = match r.get(3) {
                "" | "-" => None,
                s => Some(
                    s.parse::<f64>()
                        .ok()
                        .filter(|v| *v > 0.0)
                        .ok_or_else(|| r.error(file, format!("bad range {s:?}")))?,
                ),
            };
            weapons.push(Weapon {
                name: r.get(0).to_string(),
                aliases: list(r.get(4)).map(str::to_string).collect(),
                category,
                origin: if origin == "-" {
                    String::new()
                } else {
                    origin.to_string()
                },
                range_km,
                source: (file.to_string(), r.line),
            });
        }
        Self::from_weapons(weapons)
    }

    /// Compiles a list of weapons.
    ///
    /// # Errors
    /// [`DictError::Collision`] when two weapons share an alias (or its plural).
    pub fn from_weapons(weapons: Vec<Weapon>) -> Result<WeaponDict, DictError> {
        let mut trie = TokenTrie::default();
        let mut entry_weapon: Vec<u32> = Vec::new();
        for (wi, w) in weapons.iter().enumerate() {
            let names =
                std::iter::once(w.name.as_str()).chain(w.aliases.iter().map(String::as_str));
            for alias in names {
                for pattern in std::iter::once(alias.to_string()).chain(plural(alias)) {
                    let tokens = split_phrase(&pattern);
                    if tokens.is_empty() {
                        return Err(DictError::parse(
                            &w.source.0,
                            w.source.1,
                            &w.name,
                            "empty alias",
                        ));
                    }
                    let same: Vec<u32> = trie.lookup(&tokens).to_vec();
                    if let Some(&other) = same
                        .iter()
                        .find(|&&e| entry_weapon[e as usize] as usize != wi)
                    {
                        let o = &weapons[entry_weapon[other as usize] as usize];
                        return Err(DictError::Collision(Box::new(crate::error::Collision {
                            file: w.source.0.clone(),
                            line: w.source.1,
                            pattern,
                            code: w.name.clone(),
                            other_file: o.source.0.clone(),
                            other_line: o.source.1,
                            other_code: o.name.clone(),
                        })));
                    }
                    if same.is_empty() {
                        trie.insert(&tokens, entry_weapon.len() as u32);
                        entry_weapon.push(wi as u32);
                    }
                }
            }
        }
        Ok(WeaponDict {
            inner: Arc::new(Inner {
                weapons,
                entry_weapon,
                trie,
            }),
        })
    }

    /// Weapons mentioned in a sentence, leftmost-longest.
    pub fn find(&self, words: &[&str]) -> Vec<WeaponMention<'_>> {
        self.mentions(self.inner.trie.find(words))
    }

    /// Weapons over sub-tokens already cut into `p` (see [`crate::Dictionaries::scan`]).
    pub(crate) fn find_prepared(
        &self,
        words: &[&str],
        p: &mut crate::trie::Prepared,
    ) -> Vec<WeaponMention<'_>> {
        self.mentions(self.inner.trie.hits(words, p))
    }

    fn mentions(&self, hits: Vec<(usize, usize, u32)>) -> Vec<WeaponMention<'_>> {
        hits.into_iter()
            .map(|(start, end, e)| {
                let weapon = &self.inner.weapons[self.inner.entry_weapon[e as usize] as usize];
                WeaponMention { start, end, weapon }
            })
            .collect()
    }

    /// The weapon with this canonical name.
    pub fn get(&self, name: &str) -> Option<&Weapon> {
        self.inner.weapons.iter().find(|w| w.name == name)
    }

    /// All weapons, in definition order.
    pub fn weapons(&self) -> &[Weapon] {
        &self.inner.weapons
    }

    /// Number of weapons.
    pub fn len(&self) -> usize {
        self.inner.weapons.len()
    }

    /// True when there are no weapons.
    pub fn is_empty(&self) -> bool {
        self.inner.weapons.is_empty()
    }
}

/// The plural of an alias: "+s" on the last word unless it already ends in s (or is an
/// uncountable noun); "-y" becomes "-ies" on lowercase nouns ("artillery" stays).
fn plural(alias: &str) -> Option<String> {
    let last = alias.split_whitespace().last()?;
    let lower = last.to_lowercase();
    let uncountable = [
        "artillery",
        "ammunition",
        "intelligence",
        "imagery",
        "aircraft",
        "weaponry",
        "equipment",
        "armour",
        "armor",
        "ordnance",
        "fire",
        "defence",
        "defense",
        "support",
        "sharing",
        "data",
        "information",
    ];
    if lower.ends_with('s') || uncountable.iter().any(|u| lower.ends_with(u)) {
        return None;
    }
    if last.ends_with('y') && last.chars().all(|c| c.is_lowercase()) && !lower.ends_with("ey") {
        return Some(format!("{}ies", &alias[..alias.len() - 1]));
    }
    if lower.ends_with("sh") || lower.ends_with("ch") || lower.ends_with('x') {
        return Some(format!("{alias}es"));
    }
    Some(format!("{alias}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "name\tcategory\torigin\trange_km\taliases\n\
        HIMARS\tmlrs\tUSA\t300\tM142; High Mobility Artillery Rocket System\n\
        howitzer\tartillery\t\t\theavy howitzer\n";

    #[test]
    fn finds_aliases_and_plurals() {
        let d = WeaponDict::from_tsv("w.tsv", T, &CodeSet::new(["USA"])).unwrap();
        let words = ["HIMARS", "and", "M142s", "and", "heavy", "howitzers"];
        let found: Vec<_> = d
            .find(&words)
            .iter()
            .map(|m| (m.start, m.weapon.name.as_str()))
            .collect();
        assert_eq!(found, vec![(0, "HIMARS"), (2, "HIMARS"), (4, "howitzer")]);
    }

    #[test]
    fn shared_alias_is_an_error() {
        let t = format!("{T}Other\tmlrs\tUSA\t\tM142\n");
        let err = WeaponDict::from_tsv("w.tsv", &t, &CodeSet::new(["USA"])).unwrap_err();
        assert!(err.to_string().contains("w.tsv:2"), "{err}");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("Javelin").as_deref(), Some("Javelins"));
        assert_eq!(plural("F-16").as_deref(), Some("F-16s"));
        assert_eq!(plural("ATACMS"), None);
        assert_eq!(plural("artillery"), None);
        assert_eq!(
            plural("cluster munition").as_deref(),
            Some("cluster munitions")
        );
    }
}
