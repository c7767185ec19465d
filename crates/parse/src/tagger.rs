//! Part-of-speech tagger: greedy left-to-right averaged perceptron over joint UPOS+XPOS tags.
//!
//! The classes are the (UPOS, XPOS) pairs seen in training (~100 in EWT): predicting the pair
//! gives the coder PTB tense tags (VBD/VBN/VBG) and keeps the two layers consistent, and the
//! finer XPOS history (`VBN` vs `VBD`) is a better context feature for the next word than
//! UPOS alone. Frequent words that are (nearly) unambiguous in training are tagged from a
//! dictionary without scoring, which both speeds tagging and trains the perceptron on the
//! hard cases only (Honnibal's recipe).

use crate::binio::{Reader, Writer};
use crate::features::{f1, f2, f3, TokenKeys, NONE};
use crate::perceptron::{IdMap, Trainer, Weights};
use crate::{ModelError, Upos};

const START: u64 = 0x7a11_0000;
const START2: u64 = 0x7a11_0001;

/// A trained tagger.
pub(crate) struct Tagger {
    pub(crate) upos: Vec<Upos>,
    pub(crate) xpos: Vec<String>,
    frequent: IdMap<u8>,
    /// Ambiguity class (hash of the set of tags seen) of lowercase words seen 3+ times.
    ambiguity: IdMap<u128>,
    /// Classes a word not in `ambiguity` may take: those seen with rare training words
    /// (the open classes; never DET, AUX or ADP), which keeps "Police" from being AUX.
    open: u128,
    pub(crate) weights: Weights,
}

/// Scratch buffers for tagging.
#[derive(Default)]
pub(crate) struct TagScratch {
    feats: Vec<u64>,
    scores: Vec<i32>,
    amb: Vec<u64>,
    masks: Vec<u128>,
}

/// A training sentence for the tagger: token keys and gold class per token.
pub(crate) struct TagSentence {
    pub keys: Vec<TokenKeys>,
    pub gold: Vec<u8>,
}

#[inline]
fn tagv(c: u8) -> u64 {
    0x7a00_0000 + u64::from(c)
}

fn features(keys: &[TokenKeys], amb: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let k = &keys[i];
    let a = |j: usize| amb.get(j).copied().unwrap_or(NONE);
    let (a0, a1, a2) = (a(i), a(i + 1), a(i + 2));
    let am1 = if i > 0 { a(i - 1) } else { NONE };
    let none = TokenKeys {
        form: NONE,
        lower: NONE,
        pre: [NONE; 3],
        suf: [NONE; 4],
        shape: NONE,
    };
    let at = |j: isize| -> &TokenKeys {
        if j < 0 || j as usize >= keys.len() {
            &none
        } else {
            &keys[j as usize]
        }
    };
    let i_ = i as isize;
    let (m1, m2, n1, n2) = (at(i_ - 1), at(i_ - 2), at(i_ + 1), at(i_ + 2));
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, k.lower),
        f1(2, k.form),
        f1(3, k.suf[0]),
        f1(4, k.suf[1]),
        f1(5, k.suf[2]),
        f1(6, k.suf[3]),
        f1(7, k.pre[0]),
        f1(8, k.pre[1]),
        f1(9, k.pre[2]),
        f1(10, k.shape),
        f1(11, p1),
        f1(12, p2),
        f2(13, p1, p2),
        f2(14, p1, k.lower),
        f1(15, m1.lower),
        f1(16, m1.suf[2]),
        f1(17, m2.lower),
        f1(18, n1.lower),
        f1(19, n1.suf[2]),
        f1(20, n2.lower),
        f2(21, m1.lower, k.lower),
        f2(22, k.lower, n1.lower),
        f2(23, p1, n1.lower),
        f1(24, n1.shape),
        f2(25, u64::from(i == 0), k.shape),
        f2(26, p1, k.suf[2]),
        f3(27, p1, k.lower, n1.lower),
        f1(28, n1.suf[1]),
        f1(29, m1.shape),
        f1(30, a0),
        f1(31, a1),
        f1(32, a2),
        f2(33, p1, a0),
        f2(34, a0, a1),
        f3(35, p1, a0, a1),
        f2(36, k.lower, a1),
        f2(37, am1, a0),
        f2(38, a0, k.suf[2]),
    ]);
}

fn allowed(mask: u128, c: usize) -> bool {
    (mask >> (c % 128)) & 1 == 1
}

/// The best-scoring class allowed by `mask` (any class if the mask allows none).
fn argmax<S: PartialOrd + Copy>(scores: &[S], mask: u128) -> usize {
    let mut best = usize::MAX;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(mask, c) && (best == usize::MAX || s > scores[best]) {
            best = c;
        }
    }
    if best == usize::MAX {
        return argmax(scores, u128::MAX);
    }
    best
}

/// Fills the tag masks and ambiguity-class feature values of a sentence.
fn lookup(
    amb: &IdMap<u128>,
    open: u128,
    keys: &[TokenKeys],
    masks: &mut Vec<u128>,
    vals: &mut Vec<u64>,
) {
    masks.clear();
    vals.clear();
    for k in keys {
        match amb.get(&k.lower) {
            Some(&m) => {
                masks.push(m);
                vals.push(f2(0xa4b, m as u64, (m >> 64) as u64));
            }
            None => {
                masks.push(open);
                vals.push(NONE);
            }
        }
    }
}

impl Tagger {
    /// Trains on `sents` for `epochs` passes with a seeded shuffle.
    pub(crate) fn train(
        upos: Vec<Upos>,
        xpos: Vec<String>,
        sents: &[TagSentence],
        epochs: usize,
        seed: u64,
        amb_min: u32,
        mut report: impl FnMut(usize, f64),
    ) -> Tagger {
        let n = upos.len();
        let frequent = frequent_words(sents, n);
        let (ambiguity, open) = ambiguity_classes(sents, amb_min);
        let (mut amb, mut masks) = (Vec::new(), Vec::new());
        let mut t = Trainer::new(n);
        let mut order: Vec<usize> = (0..sents.len()).collect();
        let mut rng = crate::Rng::new(seed);
        let (mut feats, mut scores) = (Vec::new(), vec![0f32; n]);
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &s in &order {
                let sent = &sents[s];
                lookup(&ambiguity, open, &sent.keys, &mut masks, &mut amb);
                let (mut p1, mut p2) = (START, START2);
                for (i, (k, &gold)) in sent.keys.iter().zip(&sent.gold).enumerate() {
                    let pred = match frequent.get(&k.form) {
                        Some(&c) => c,
                        None => {
                            features(&sent.keys, &amb, i, p1, p2, &mut feats);
                            t.score(&feats, &mut scores);
                            let p = argmax(&scores, masks[i]) as u8;
                            t.update(&feats, gold as usize, p as usize);
                            t.tick();
                            p
                        }
                    };
                    right += usize::from(pred == gold);
                    total += 1;
                    // Train on the predicted history, as the tagger will see at run time.
                    (p2, p1) = (p1, tagv(pred));
                }
            }
            report(epoch, right as f64 / total.max(1) as f64);
        }
        Tagger {
            upos,
            xpos,
            frequent,
            ambiguity,
            open,
            weights: t.finish(),
        }
    }

    /// Tags one sentence: writes a class per token to `out`.
    pub(crate) fn tag(&self, keys: &[TokenKeys], sc: &mut TagScratch, out: &mut Vec<u8>) {
        out.clear();
        let TagScratch {
            feats,
            scores,
            amb,
            masks,
        } = sc;
        scores.resize(self.weights.n_classes(), 0);
        lookup(&self.ambiguity, self.open, keys, masks, amb);
        let (mut p1, mut p2) = (START, START2);
        for i in 0..keys.len() {
            let c = match self.frequent.get(&keys[i].form) {
                Some(&c) => c,
                None => {
                    features(keys, amb, i, p1, p2, feats);
                    self.weights.score(feats, scores);
                    argmax(scores, masks[i]) as u8
                }
            };
            out.push(c);
            (p2, p1) = (p1, tagv(c));
        }
    }

    pub(crate) fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.upos.len() as u32);
        for (u, x) in self.upos.iter().zip(&self.xpos) {
            w.str(u.as_str());
            w.str(x);
        }
        let mut freq: Vec<(u64, u8)> = self.frequent.iter().map(|(&k, &v)| (k, v)).collect();
        freq.sort_unstable();
        w.u32(freq.len() as u32);
        for (k, v) in freq {
            w.u64(k);
            w.bytes(&[v]);
        }
        let mut amb: Vec<(u64, u128)> = self.ambiguity.iter().map(|(&k, &v)| (k, v)).collect();
        amb.sort_unstable();
        w.u32(amb.len() as u32);
        for (k, v) in amb {
            w.u64(k);
            w.u64(v as u64);
            w.u64((v >> 64) as u64);
        }
        w.u64(self.open as u64);
        w.u64((self.open >> 64) as u64);
        self.weights.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Tagger, ModelError> {
        let n = r.len32(8)?;
        let (mut upos, mut xpos) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for _ in 0..n {
            let u = r.str()?;
            upos.push(Upos::parse(&u).ok_or_else(|| r.corrupt("unknown UPOS"))?);
            xpos.push(r.str()?);
        }
        let nf = r.len32(9)?;
        let mut frequent = IdMap::default();
        for _ in 0..nf {
            let k = r.u64()?;
            let v = r.take(1)?[0];
            if usize::from(v) >= n {
                return Err(r.corrupt("tag class out of range"));
            }
            frequent.insert(k, v);
        }
        let mut ambiguity = IdMap::default();
        for _ in 0..r.len32(24)? {
            let k = r.u64()?;
            let lo = r.u64()?;
            let hi = r.u64()?;
            ambiguity.insert(k, u128::from(lo) | (u128::from(hi) << 64));
        }
        let lo = r.u64()?;
        let open = u128::from(lo) | (u128::from(r.u64()?) << 64);
        let weights = Weights::read(r)?;
        if weights.n_classes() != n {
            return Err(r.corrupt("tagger class count mismatch"));
        }
        Ok(Tagger {
            upos,
            xpos,
            frequent,
            ambiguity,
            open,
            weights,
        })
    }
}

/// Words seen at least 20 times with one tag at least 99.5% of the time.
fn frequent_words(sents: &[TagSentence], n: usize) -> IdMap<u8> {
    let mut counts: IdMap<Vec<u32>> = IdMap::default();
    for s in sents {
        for (k, &g) in s.keys.iter().zip(&s.gold) {
            counts.entry(k.form).or_insert_with(|| vec![0; n])[g as usize] += 1;
        }
    }
    let mut out = IdMap::default();
    for (k, c) in counts {
        let total: u32 = c.iter().sum();
        let (best, &max) = c
            .iter()
            .enumerate()
            .max_by_key(|&(i, v)| (*v, std::cmp::Reverse(i)))
            .unwrap_or((0, &0));
        if total >= 20 && f64::from(max) >= 0.995 * f64::from(total) {
            out.insert(k, best as u8);
        }
    }
    out
}

/// The set of tags each lowercase word was seen with, for words seen at least `min` times:
/// a lookahead on the next words' possible tags without tagging them first.
///
/// Also returns the union of the classes of the other (rare) words: the classes an unseen
/// word may take.
fn ambiguity_classes(sents: &[TagSentence], min: u32) -> (IdMap<u128>, u128) {
    if min == 0 {
        return (IdMap::default(), u128::MAX);
    }
    let mut seen: IdMap<(u128, u32)> = IdMap::default();
    for s in sents {
        for (k, &g) in s.keys.iter().zip(&s.gold) {
            let e = seen.entry(k.lower).or_insert((0, 0));
            e.0 |= 1u128 << (g % 128);
            e.1 += 1;
        }
    }
    let open = seen
        .values()
        .filter(|(_, n)| *n < min)
        .fold(0, |a, (m, _)| a | m);
    let known = seen
        .into_iter()
        .filter(|(_, (_, n))| *n >= min)
        .map(|(k, (m, _))| (k, m))
        .collect();
    (known, open)
}
