//! The CAMEO codebook: every event code (2- to 4-digit) with its name, Goldstein score and
//! quad class, and its PLOVER reading (event type and mode).
//!
//! Data: `data/cameo.tsv` (code, name, goldstein) and `data/plover.tsv` (cameo code,
//! PLOVER type, PLOVER mode). The quad class is derived from the root, by the usual
//! convention: 01-05 verbal cooperation (1), 06-08 material cooperation (2), 09-13 verbal
//! conflict (3), 14-20 material conflict (4).
//!
//! Goldstein scores are GDELT's table (the values most CAMEO datasets use); the few codes
//! without a GDELT score (1213, 1214, 155, 176, 1834, 1951, 1952) take their parent's,
//! written out in the data so every code has one.

use crate::tsv::rows;
use crate::DictError;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    /// The code, with its leading zero: "0232", "195".
    pub code: String,
    /// The CAMEO name.
    pub name: String,
    /// Goldstein conflict-cooperation score, -10..10.
    pub goldstein: f64,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4
    /// material conflict.
    pub quad: u8,
    /// PLOVER event type ("ASSAULT"); empty for the neutral statements PLOVER does not code
    /// (010 "Make statement", 011 "Decline comment").
    pub plover_type: String,
    /// PLOVER mode ("aerial"), when the code determines one.
    pub plover_mode: Option<String>,
}

/// The codebook. Cheap to clone (shared).
#[derive(Debug, Clone)]
pub struct Codebook {
    inner: Arc<FxHashMap<String, CodeInfo>>,
    order: Arc<Vec<String>>,
}

/// The quad class of a code, from its two-digit root.
pub fn quad_of(code: &str) -> Option<u8> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    Some(match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        14..=20 => 4,
        _ => return None,
    })
}

impl Codebook {
    /// Loads the two tables.
    ///
    /// # Errors
    /// [`DictError`] for a malformed row, a duplicate code, a code without a PLOVER row or
    /// a PLOVER row for an unknown code.
    pub fn from_tsv(cameo: (&str, &str), plover: (&str, &str)) -> Result<Codebook, DictError> {
        let (file, text) = cameo;
        let mut map: FxHashMap<String, CodeInfo> = FxHashMap::default();
        let mut order = Vec::new();
        for r in rows(file, text, &["code", "name", "goldstein"], 3)? {
            let code = r.get(0);
            let quad = quad_of(code).filter(|_| {
                (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
            });
            let quad = quad.ok_or_else(|| r.error(file, format!("bad CAMEO code {code:?}")))?;
            let goldstein: f64 = r
                .get(2)
                .parse()
                .ok()
                .filter(|g: &f64| (-10.0..=10.0).contains(g))
                .ok_or_else(|| r.error(file, "bad Goldstein score"))?;
            let info = CodeInfo {
                code: code.to_string(),
                name: r.get(1).to_string(),
                goldstein,
                quad,
                plover_type: String::new(),
                plover_mode: None,
            };
            if map.insert(code.to_string(), info).is_some() {
                return Err(r.error(file, format!("duplicate code {code}")));
            }
            order.push(code.to_string());
        }
        let (pfile, ptext) = plover;
        let mut seen = rustc_hash::FxHashSet::default();
        for r in rows(pfile, ptext, &["cameo", "type", "mode"], 2)? {
            let info = map
                .get_mut(r.get(0))
                .ok_or_else(|| DictError::unknown(pfile, r.line, r.raw, r.get(0)))?;
            if !seen.insert(r.get(0).to_string()) {
                return Err(r.error(pfile, "duplicate code"));
            }
            info.plover_type = match r.get(1) {
                "-" => String::new(),
                t => t.to_string(),
            };
            info.plover_mode = match r.get(2) {
                "" | "-" => None,
                m => Some(m.to_string()),
            };
        }
        if let Some(missing) = order.iter().find(|c| !seen.contains(*c)) {
            return Err(DictError::parse(
                pfile,
                0,
                missing,
                "CAMEO code has no PLOVER row",
            ));
        }
        Ok(Codebook {
            inner: Arc::new(map),
            order: Arc::new(order),
        })
    }

    /// The entry for a code ("0232", "195"); `None` for unknown codes.
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        self.inner.get(code)
    }

    /// All codes in table order.
    pub fn iter(&self) -> impl Iterator<Item = &CodeInfo> {
        self.order.iter().filter_map(|c| self.inner.get(c))
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quads() {
        assert_eq!(quad_of("0232"), Some(1));
        assert_eq!(quad_of("057"), Some(1));
        assert_eq!(quad_of("072"), Some(2));
        assert_eq!(quad_of("112"), Some(3));
        assert_eq!(quad_of("195"), Some(4));
        assert_eq!(quad_of("21"), None);
    }

    #[test]
    fn plover_rows_must_cover_codes() {
        let c = (
            "c.tsv",
            "code\tname\tgoldstein\n19\tFIGHT\t-10\n190\tUse force\t-10\n",
        );
        let p = ("p.tsv", "cameo\ttype\tmode\n19\tASSAULT\t\n");
        assert!(Codebook::from_tsv(c, p).is_err());
        let p = (
            "p.tsv",
            "cameo\ttype\tmode\n19\tASSAULT\t\n190\tASSAULT\t-\n",
        );
        let cb = Codebook::from_tsv(c, p).unwrap();
        assert_eq!(cb.get("190").unwrap().quad, 4);
    }
}
