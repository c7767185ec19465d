//! The code vocabulary actor codes are checked against: country and bloc prefixes (from
//! `data/countries.tsv` and the bloc list below) and CAMEO role codes.
//!
//! An actor code is a prefix (a three-letter country or bloc code, or `NATO`) followed by
//! zero or more three-letter roles: `RUS`, `RUSGOV`, `UKRGOVMIL`, `NATO`, `EURGOV`.

use rustc_hash::FxHashSet;

/// CAMEO actor role codes (the CAMEO actor-type table plus the international ones), the
/// only roles an actor code may carry.
pub const ROLES: &[&str] = &[
    "GOV", "MIL", "REB", "COP", "SPY", "OPP", "JUD", "LEG", "MED", "CVL", "ELI", "BUS", "REF",
    "HRI", "INS", "SEP", "UAF", "EDU", "HLH", "LAB", "CRM", "AGR", "DEV", "ENV", "MOD", "RAD",
    "PKO", "IRC", "AMN", "GRP", "UNO", "IGO", "NGO", "IMG", "INT", "MNC", "NGM", "SET", "UIS",
    "REL", "PTY",
];

/// Prefixes that are not countries: blocs, regions and international actors. `WST` the
/// West, `EUR` the European Union (as EVENTS.md asks), `NATO` (four letters, as EVENTS.md
/// writes it; its first three letters `NAT` are what the scorer compares), `UNO` the United
/// Nations system, `IGO` other intergovernmental bodies, `NGO` non-governmental ones, `IMG`
/// transnational armed groups, `MNC` companies.
pub const BLOCS: &[&str] = &[
    "WST", "EUR", "NATO", "UNO", "IGO", "NGO", "IMG", "MNC", "INT", "AFR", "ASA", "BLK", "CRB",
    "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS",
    "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WSB", "GZS",
];

/// The set of valid prefixes and roles.
#[derive(Debug, Clone, Default)]
pub struct CodeSet {
    prefixes: FxHashSet<String>,
    roles: FxHashSet<&'static str>,
}

impl CodeSet {
    /// A code set knowing the blocs, the roles and the given country codes.
    pub fn new<'a>(countries: impl IntoIterator<Item = &'a str>) -> CodeSet {
        let mut prefixes: FxHashSet<String> = BLOCS.iter().map(|s| s.to_string()).collect();
        prefixes.extend(countries.into_iter().map(str::to_string));
        CodeSet {
            prefixes,
            roles: ROLES.iter().copied().collect(),
        }
    }

    /// Adds a prefix (for dictionaries that bring their own country or group codes).
    pub fn add_prefix(&mut self, prefix: &str) {
        self.prefixes.insert(prefix.to_string());
    }

    /// Is `p` a known prefix?
    pub fn is_prefix(&self, p: &str) -> bool {
        self.prefixes.contains(p)
    }

    /// Is `r` a known role?
    pub fn is_role(&self, r: &str) -> bool {
        self.roles.contains(r)
    }

    /// Splits an actor code into (prefix, roles); `None` when it is not well formed. A code
    /// made only of roles ("MIL", "GOVMIL") has an empty prefix: that is an agent's code.
    pub fn split<'c>(&self, code: &'c str) -> Option<(&'c str, &'c str)> {
        if !code.is_ascii() || code.is_empty() {
            return None;
        }
        let prefix_len =
            if code.len() >= 4 && self.is_prefix(&code[..4]) && !self.is_prefix(&code[..3]) {
                4
            } else if code.len() >= 3 && self.is_prefix(&code[..3]) {
                3
            } else {
                0
            };
        let (prefix, roles) = code.split_at(prefix_len);
        if roles.len() % 3 != 0 {
            return None;
        }
        let ok = roles
            .as_bytes()
            .chunks(3)
            .all(|c| std::str::from_utf8(c).is_ok_and(|r| self.is_role(r)));
        (ok && !(prefix.is_empty() && roles.is_empty())).then_some((prefix, roles))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_codes() {
        let c = CodeSet::new(["RUS", "UKR", "USA"]);
        assert_eq!(c.split("RUSGOV"), Some(("RUS", "GOV")));
        assert_eq!(c.split("UKRGOVMIL"), Some(("UKR", "GOVMIL")));
        assert_eq!(c.split("NATO"), Some(("NATO", "")));
        assert_eq!(c.split("MIL"), Some(("", "MIL")));
        assert_eq!(c.split("XYZ"), None);
        assert_eq!(c.split("RUSGO"), None);
        assert_eq!(c.split("RUSFOO"), None);
    }
}
