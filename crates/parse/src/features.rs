//! Feature hashing shared by the tagger and the parser.
//!
//! Every string a feature looks at (form, lowercase form, affixes, shape) is hashed once per
//! token into a [`TokenKeys`]; a feature is then a mix of a template number and a few such
//! 64-bit values. No feature ever builds a string, which is what keeps analysis free of
//! per-token allocation. Collisions between 64-bit keys are negligible at a few million
//! features.

/// A value that stands for "no such token / tag / label".
pub(crate) const NONE: u64 = 0x5bd1_e995_1234_5678;

#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h | 1
}

#[inline]
fn step(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29)
}

/// Feature key of template `t` over one value.
#[inline]
pub(crate) fn f1(t: u64, a: u64) -> u64 {
    fmix(step(step(t, a), 0x1))
}

/// Feature key of template `t` over two values.
#[inline]
pub(crate) fn f2(t: u64, a: u64, b: u64) -> u64 {
    fmix(step(step(step(t, a), b), 0x2))
}

/// Feature key of template `t` over three values.
#[inline]
pub(crate) fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fmix(step(step(step(step(t, a), b), c), 0x3))
}

/// Hash of a byte string (FNV-1a, then mixed).
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    fmix(h)
}

/// The hashed views of one token that features combine.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenKeys {
    /// The form as written (case matters: "US" / "us").
    pub form: u64,
    /// Lowercase form with every digit replaced by `0` ("1995" and "2003" look alike).
    pub lower: u64,
    /// Prefixes of 1..=3 characters of `lower`.
    pub pre: [u64; 3],
    /// Suffixes of 1..=4 characters of `lower`.
    pub suf: [u64; 4],
    /// Word shape: `Xx`, `x-x`, `0.0`, `XX` with runs collapsed.
    pub shape: u64,
}

/// Fills `keys` for `forms`, using `lower` as scratch (no allocation once warmed up).
pub(crate) fn token_keys(forms: &[&str], keys: &mut Vec<TokenKeys>, lower: &mut String) {
    keys.clear();
    for f in forms {
        lower.clear();
        for c in f.chars() {
            if c.is_ascii_digit() {
                lower.push('0');
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        let mut k = TokenKeys {
            form: hash_bytes(f.as_bytes()),
            lower: hash_bytes(lower.as_bytes()),
            ..TokenKeys::default()
        };
        let mut idx = lower
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(lower.len()));
        let _ = idx.next();
        for (n, end) in idx.take(3).enumerate() {
            k.pre[n] = hash_bytes(&lower.as_bytes()[..end]);
        }
        for n in 0..3 {
            if k.pre[n] == 0 {
                k.pre[n] = NONE;
            }
        }
        let mut starts = lower.char_indices().rev().map(|(i, _)| i);
        for n in 0..4 {
            k.suf[n] = match starts.next() {
                Some(s) => hash_bytes(&lower.as_bytes()[s..]),
                None => NONE,
            };
        }
        k.shape = shape(f);
        keys.push(k);
    }
}

fn shape(f: &str) -> u64 {
    let mut h: u64 = 0x811c_9dc5;
    let mut last = 0u8;
    let mut n = 0;
    for c in f.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'0'
        } else if c.is_alphabetic() {
            b'a'
        } else if (c as u32) < 128 {
            c as u8
        } else {
            b'*'
        };
        if s != last {
            h = step(h, u64::from(s));
            last = s;
            n += 1;
            if n > 6 {
                break;
            }
        }
    }
    fmix(h)
}

/// Buckets a distance between two positions: 1, 2, 3, 4, 5-6, 7-10, 11+.
#[inline]
pub(crate) fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_fold_and_affixes_differ() {
        let mut keys = Vec::new();
        let mut s = String::new();
        token_keys(&["1995", "2003", "Kills", "kills"], &mut keys, &mut s);
        assert_eq!(keys[0].lower, keys[1].lower);
        assert_eq!(keys[2].lower, keys[3].lower);
        assert_ne!(keys[2].form, keys[3].form);
        assert_ne!(keys[2].shape, keys[3].shape);
        assert_eq!(keys[2].suf[0], keys[3].suf[0]);
        assert_ne!(keys[2].suf[0], keys[2].suf[1]);
        assert_ne!(f2(1, 2, 3), f2(1, 3, 2));
    }
}
