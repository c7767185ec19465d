//! Folded token keys and the vocabulary table every token trie looks words up in.
//!
//! A sentence's sub-tokens are folded once into one byte buffer and hashed once
//! ([`key_hash`]); the actor and weapon tries and the gazetteer all reuse that hash. The
//! standard `HashMap` cannot take a precomputed hash, hence this small open-addressing
//! table: slots of `(hash, id)`, keys kept per id for the final comparison.

use rustc_hash::FxHasher;
use std::hash::Hasher;

/// Marks an empty slot.
const EMPTY: u32 = u32::MAX;

/// ASCII folding in one table lookup per byte: capitals to lowercase, a backtick to an
/// apostrophe (the ASCII part of [`crate::fold`]).
const FOLD_ASCII: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c == b'`' {
            b'\''
        } else {
            c.to_ascii_lowercase()
        };
        i += 1;
    }
    t
};

/// Hash of a folded key.
#[inline]
pub(crate) fn key_hash(key: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(key);
    h.finish()
}

/// Appends the folded form of `token` (see [`crate::fold`]) to `out`, without allocating
/// for ASCII tokens.
#[inline]
pub(crate) fn fold_into(token: &str, out: &mut Vec<u8>) {
    if token.is_ascii() {
        out.extend(token.bytes().map(|c| FOLD_ASCII[usize::from(c)]));
    } else {
        out.extend_from_slice(crate::pattern::fold(token).as_bytes());
    }
}

/// Folded token -> dense id.
#[derive(Debug, Clone)]
pub(crate) struct Vocab {
    /// `(hash, id)`; power-of-two length, at most half full.
    slots: Vec<(u64, u32)>,
    /// Key of each id.
    keys: Vec<Box<[u8]>>,
}

impl Default for Vocab {
    fn default() -> Self {
        Vocab {
            slots: vec![(0, EMPTY); 16],
            keys: Vec::new(),
        }
    }
}

impl Vocab {
    #[inline]
    fn slot(&self, hash: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    /// The id of a key, given its [`key_hash`].
    #[inline]
    pub fn get(&self, hash: u64, key: &[u8]) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(hash);
        loop {
            let (h, id) = self.slots[i];
            if id == EMPTY {
                return None;
            }
            if h == hash && *self.keys[id as usize] == *key {
                return Some(id);
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of a key, adding it when new.
    pub fn get_or_insert(&mut self, key: &[u8]) -> u32 {
        let hash = key_hash(key);
        if let Some(id) = self.get(hash, key) {
            return id;
        }
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.into());
        self.place(hash, id);
        id
    }

    fn place(&mut self, hash: u64, id: u32) {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(hash);
        while self.slots[i].1 != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = (hash, id);
    }

    fn grow(&mut self) {
        let n = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, EMPTY); n]);
        for (h, id) in old {
            if id != EMPTY {
                self.place(h, id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_and_stable() {
        let mut v = Vocab::default();
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.get_or_insert(w.as_bytes()), i as u32);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.get(key_hash(w.as_bytes()), w.as_bytes()), Some(i as u32));
        }
        assert_eq!(v.get(key_hash(b"absent"), b"absent"), None);
    }

    #[test]
    fn folds_like_fold() {
        for t in ["Kyiv", "U.S.", "Erdo\u{11f}an", "it\u{2019}s", "`x"] {
            let mut out = Vec::new();
            fold_into(t, &mut out);
            assert_eq!(out, crate::pattern::fold(t).as_bytes(), "{t}");
        }
    }
}
