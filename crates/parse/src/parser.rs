//! Labelled arc-hybrid dependency parser: greedy, averaged perceptron, dynamic oracle.
//!
//! Transition system (Kuhlmann et al. 2011) with the artificial root at the stack bottom:
//! SHIFT pushes the buffer front `b0`; LEFT(l) attaches `s0` to `b0` and pops; RIGHT(l)
//! attaches `s0` to `s1` and pops. RIGHT onto the root is allowed only once the buffer is
//! empty, so every sentence gets exactly one root, as in UD. Arc-hybrid was chosen over
//! arc-eager because its dynamic oracle (Goldberg & Nivre 2013) has an exact, arc-
//! decomposable cost for every transition, which also handles EWT's few non-projective
//! trees without projectivizing: the oracle just follows the cheapest transitions.
//!
//! Classes are labelled transitions (1 + 2 × labels ≈ 100); the perceptron scores them
//! jointly, so the label decision sees the same rich context as the attachment. Features
//! follow Zhang & Nivre (2011): words and tags of `s0..s2`, `b0..b2`, the outer children
//! of `s0`, `s1` and `b0` with their labels, distance, valency and label sets.

use crate::binio::{Reader, Writer};
use crate::features::{dist_bucket, f1, f2, f3, NONE};
use crate::perceptron::{Trainer, Weights};
use crate::ModelError;

const NO: usize = usize::MAX;
const UNSET: u32 = u32::MAX;
const ROOT_W: u64 = 0x600d_0000_0001;
const ROOT_T: u64 = 0x600d_0000_0002;

/// A trained parser.
pub(crate) struct Parser {
    pub(crate) labels: Vec<String>,
    root: u8,
    pub(crate) weights: Weights,
}

/// A parser training sentence: per-token word keys, predicted tag classes, gold tree.
pub(crate) struct ParseSentence {
    /// `lower` key per word.
    pub words: Vec<u64>,
    /// Tag class per word (as the tagger would predict it).
    pub tags: Vec<u8>,
    /// Gold head per word, 1-based (0 = root).
    pub heads: Vec<u32>,
    /// Gold label per word.
    pub labels: Vec<u8>,
}

/// Parser state, reusable across sentences. Index 0 is the root; words are 1..=n.
#[derive(Default)]
pub(crate) struct Config {
    n: usize,
    stack: Vec<u32>,
    i: usize,
    pub(crate) head: Vec<u32>,
    pub(crate) label: Vec<u8>,
    l1: Vec<u32>,
    l2: Vec<u32>,
    r1: Vec<u32>,
    r2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    wv: Vec<u64>,
    tv: Vec<u64>,
}

impl Config {
    fn reset(&mut self, words: &[u64], tags: &[u8]) {
        let n = words.len();
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.i = 1;
        self.head.clear();
        self.head.resize(n + 1, UNSET);
        for v in [&mut self.l1, &mut self.l2, &mut self.r1, &mut self.r2] {
            v.clear();
            v.resize(n + 1, 0);
        }
        self.label.clear();
        self.label.resize(n + 1, 0);
        self.nl.clear();
        self.nl.resize(n + 1, 0);
        self.nr.clear();
        self.nr.resize(n + 1, 0);
        self.lset.clear();
        self.lset.resize(n + 1, 0);
        self.rset.clear();
        self.rset.resize(n + 1, 0);
        self.wv.clear();
        self.wv.push(ROOT_W);
        self.wv.extend_from_slice(words);
        self.tv.clear();
        self.tv.push(ROOT_T);
        self.tv
            .extend(tags.iter().map(|&t| 0x7a00_0000 + u64::from(t)));
    }

    fn terminal(&self) -> bool {
        self.i > self.n && self.stack.len() == 1
    }

    fn can_shift(&self) -> bool {
        self.i <= self.n
    }
    fn can_left(&self) -> bool {
        self.stack.len() >= 2 && self.i <= self.n
    }
    fn can_right(&self) -> bool {
        self.stack.len() > 2 || (self.stack.len() == 2 && self.i > self.n)
    }

    fn s(&self, k: usize) -> usize {
        let l = self.stack.len();
        if l > k {
            self.stack[l - 1 - k] as usize
        } else {
            NO
        }
    }

    fn apply(&mut self, class: usize, n_labels: usize) {
        if class == 0 {
            self.stack.push(self.i as u32);
            self.i += 1;
            return;
        }
        let (left, l) = if class <= n_labels {
            (true, class - 1)
        } else {
            (false, class - 1 - n_labels)
        };
        let s0 = self.stack.pop().unwrap_or(0) as usize;
        let h = if left { self.i } else { self.s(0) };
        if h == NO {
            return;
        }
        self.head[s0] = h as u32;
        self.label[s0] = l as u8;
        if left {
            self.l2[h] = self.l1[h];
            self.l1[h] = s0 as u32;
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1 << (l % 64);
        } else {
            self.r2[h] = self.r1[h];
            self.r1[h] = s0 as u32;
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1 << (l % 64);
        }
    }

    /// Unlabelled costs of SHIFT, LEFT, RIGHT against gold heads (`u32::MAX` = invalid).
    fn costs(&self, g: &[u32]) -> [u32; 3] {
        let n = self.n;
        let gh = |k: usize| g[k - 1] as usize;
        let mut c = [u32::MAX; 3];
        let b = self.i;
        if self.can_shift() {
            let top = self.stack.len() - 1;
            let mut cost = 0;
            for (j, &k) in self.stack.iter().enumerate() {
                let k = k as usize;
                if (j != top && gh(b) == k) || (k != 0 && gh(k) == b) {
                    cost += 1;
                }
            }
            c[0] = cost;
        }
        if self.stack.len() >= 2 {
            let s0 = self.s(0);
            let s1 = self.s(1);
            let deps = (b..=n).filter(|&k| gh(k) == s0).count() as u32;
            let h = gh(s0);
            if self.can_left() {
                c[1] = deps + u32::from(h != b && (h == s1 || h > b));
            }
            if self.can_right() {
                c[2] = deps + u32::from(b <= n && h >= b);
            }
        }
        c
    }
}

/// Scratch buffers for parsing.
#[derive(Default)]
pub(crate) struct Scratch {
    pub(crate) config: Config,
    feats: Vec<u64>,
    scores: Vec<i32>,
}

fn features(c: &Config, out: &mut Vec<u64>) {
    out.clear();
    let (s0, s1, s2) = (c.s(0), c.s(1), c.s(2));
    let b = |k: usize| if c.i + k <= c.n { c.i + k } else { NO };
    let (b0, b1, b2) = (b(0), b(1), b(2));
    let w = |x: usize| if x == NO { NONE } else { c.wv[x] };
    let t = |x: usize| if x == NO { NONE } else { c.tv[x] };
    let lab = |x: usize| {
        if x == NO || c.head[x] == UNSET {
            NONE
        } else {
            0x1ab0_0000 + u64::from(c.label[x])
        }
    };
    let ch = |v: &[u32], x: usize| {
        if x == NO || v[x] == 0 {
            NO
        } else {
            v[x] as usize
        }
    };
    let (s0w, s0t, s1w, s1t, s2w, s2t) = (w(s0), t(s0), w(s1), t(s1), w(s2), t(s2));
    let (b0w, b0t, b1w, b1t, b2w, b2t) = (w(b0), t(b0), w(b1), t(b1), w(b2), t(b2));
    let (s0l1, s0l2, s0r1, s0r2) = (ch(&c.l1, s0), ch(&c.l2, s0), ch(&c.r1, s0), ch(&c.r2, s0));
    let (s1l1, s1r1, b0l1, b0l2) = (ch(&c.l1, s1), ch(&c.r1, s1), ch(&c.l1, b0), ch(&c.l2, b0));
    let d0 = if s0 != NO && b0 != NO {
        dist_bucket(b0 - s0)
    } else {
        NONE
    };
    let d1 = if s1 != NO && s0 != NO {
        dist_bucket(s0 - s1)
    } else {
        NONE
    };
    let d2 = if s1 != NO && b0 != NO {
        dist_bucket(b0 - s1)
    } else {
        NONE
    };
    let get8 = |v: &[u8], x: usize| if x == NO { NONE } else { u64::from(v[x]) };
    let get64 = |v: &[u64], x: usize| if x == NO { NONE } else { v[x] };
    let s0wt = f2(0, s0w, s0t);
    let b0wt = f2(0, b0w, b0t);
    let s1wt = f2(0, s1w, s1t);
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, s0w),
        f1(2, s0t),
        f1(3, s0wt),
        f1(4, b0w),
        f1(5, b0t),
        f1(6, b0wt),
        f1(7, b1w),
        f1(8, b1t),
        f2(9, b1w, b1t),
        f1(10, b2w),
        f1(11, b2t),
        f1(12, s1w),
        f1(13, s1t),
        f1(14, s1wt),
        f1(15, s2t),
        f1(16, s2w),
        f2(20, s0wt, b0wt),
        f2(21, s0wt, b0w),
        f2(22, s0w, b0wt),
        f2(23, s0wt, b0t),
        f2(24, s0t, b0wt),
        f2(25, s0w, b0w),
        f2(26, s0t, b0t),
        f2(27, b0t, b1t),
        f2(28, s1wt, s0wt),
        f2(29, s1w, s0w),
        f2(30, s1t, s0t),
        f2(31, s1t, s0wt),
        f2(32, s1wt, s0t),
        f2(33, s1t, b0t),
        f2(34, s1wt, b0t),
        f2(35, s1t, b0wt),
        f2(36, s1w, b0w),
        f3(37, s1t, b0t, d2),
        f3(38, s0w, b0t, b1t),
        f3(39, s0t, b0w, b1t),
        f3(40, b0t, b1t, b2t),
        f3(41, s0t, b0t, b1t),
        f3(42, s1t, s0t, b0t),
        f3(43, s0t, t(s0l1), b0t),
        f3(44, s0t, t(s0r1), b0t),
        f3(45, s0t, b0t, t(b0l1)),
        f3(46, s1t, s0t, t(s0l1)),
        f3(47, s1t, t(s1r1), s0t),
        f3(48, s2t, s1t, s0t),
        f3(49, s1t, s0t, t(s0r1)),
        f3(50, s1t, t(s1l1), s0t),
        f2(60, s0w, d0),
        f2(61, s0t, d0),
        f2(62, b0w, d0),
        f2(63, b0t, d0),
        f3(64, s0w, b0w, d0),
        f3(65, s0t, b0t, d0),
        f3(66, s1t, s0t, d1),
        f3(67, s1w, s0w, d1),
        f2(70, s0w, get8(&c.nr, s0)),
        f2(71, s0t, get8(&c.nr, s0)),
        f2(72, s0w, get8(&c.nl, s0)),
        f2(73, s0t, get8(&c.nl, s0)),
        f2(74, b0w, get8(&c.nl, b0)),
        f2(75, b0t, get8(&c.nl, b0)),
        f2(76, s1t, get8(&c.nr, s1)),
        f2(77, s1w, get8(&c.nr, s1)),
        f1(80, w(s0l1)),
        f1(81, t(s0l1)),
        f1(82, lab(s0l1)),
        f1(83, w(s0r1)),
        f1(84, t(s0r1)),
        f1(85, lab(s0r1)),
        f1(86, w(b0l1)),
        f1(87, t(b0l1)),
        f1(88, lab(b0l1)),
        f1(89, w(s1r1)),
        f1(90, t(s1r1)),
        f1(91, lab(s1r1)),
        f1(92, t(s1l1)),
        f1(93, lab(s1l1)),
        f1(100, w(s0l2)),
        f1(101, t(s0l2)),
        f1(102, lab(s0l2)),
        f1(103, w(s0r2)),
        f1(104, t(s0r2)),
        f1(105, lab(s0r2)),
        f1(106, w(b0l2)),
        f1(107, t(b0l2)),
        f1(108, lab(b0l2)),
        f3(109, s0t, t(s0l1), t(s0l2)),
        f3(110, s0t, t(s0r1), t(s0r2)),
        f3(111, b0t, t(b0l1), t(b0l2)),
        f2(120, s0w, get64(&c.rset, s0)),
        f2(121, s0t, get64(&c.rset, s0)),
        f2(122, s0w, get64(&c.lset, s0)),
        f2(123, s0t, get64(&c.lset, s0)),
        f2(124, b0w, get64(&c.lset, b0)),
        f2(125, b0t, get64(&c.lset, b0)),
        f2(126, s1t, get64(&c.rset, s1)),
    ]);
}

/// Whether labelled transition `class` is allowed in `c` (root label only onto the root).
fn allowed(c: &Config, class: usize, n_labels: usize, root: usize) -> bool {
    if class == 0 {
        return c.can_shift();
    }
    if class <= n_labels {
        return c.can_left() && class - 1 != root;
    }
    c.can_right() && ((class - 1 - n_labels == root) == (c.stack.len() == 2))
}

fn best<S: PartialOrd + Copy>(
    c: &Config,
    scores: &[S],
    n_labels: usize,
    root: usize,
    ok: impl Fn(usize) -> bool,
) -> usize {
    let mut best = NO;
    for (k, &s) in scores.iter().enumerate() {
        if allowed(c, k, n_labels, root) && ok(k) && (best == NO || s > scores[best]) {
            best = k;
        }
    }
    best
}

impl Parser {
    /// Trains with the dynamic oracle; `report(epoch, accuracy, parser)` after each epoch.
    pub(crate) fn train(
        labels: Vec<String>,
        sents: &[ParseSentence],
        epochs: usize,
        seed: u64,
        explore: f64,
        mut report: impl FnMut(usize, f64, &dyn Fn() -> Parser),
    ) -> Parser {
        let nl = labels.len();
        let root = labels.iter().position(|l| l == "root").unwrap_or(0);
        let n_classes = 1 + 2 * nl;
        let mut t = Trainer::new(n_classes);
        let mut rng = crate::Rng::new(seed);
        let mut order: Vec<usize> = (0..sents.len()).collect();
        let mut c = Config::default();
        let (mut feats, mut scores) = (Vec::new(), vec![0f32; n_classes]);
        let mut cost = vec![0u32; n_classes];
        for epoch in 0..epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let s = &sents[si];
                c.reset(&s.words, &s.tags);
                while !c.terminal() {
                    features(&c, &mut feats);
                    t.score(&feats, &mut scores);
                    let u = c.costs(&s.heads);
                    let mut min = u32::MAX;
                    for (k, ck) in cost.iter_mut().enumerate() {
                        *ck = labelled_cost(&c, &u, k, nl, s);
                        if allowed(&c, k, nl, root) {
                            min = min.min(*ck);
                        }
                    }
                    let pred = best(&c, &scores, nl, root, |_| true);
                    let gold = best(&c, &scores, nl, root, |k| cost[k] == min);
                    if pred == NO || gold == NO {
                        break; // cannot happen: some transition is always allowed
                    }
                    if cost[pred] > min {
                        t.update(&feats, gold, pred);
                    }
                    t.tick();
                    right += usize::from(cost[pred] == min);
                    total += 1;
                    let follow = if epoch > 0 && rng.unit() < explore {
                        pred
                    } else {
                        gold
                    };
                    c.apply(follow, nl);
                }
            }
            let acc = right as f64 / total.max(1) as f64;
            let labels = &labels;
            let t = &t;
            report(epoch, acc, &|| Parser {
                labels: labels.clone(),
                root: root as u8,
                weights: t.finish(),
            });
        }
        Parser {
            labels,
            root: root as u8,
            weights: t.finish(),
        }
    }

    /// Parses one sentence; the tree is left in `scratch.config` (`head`, `label`).
    pub(crate) fn parse(&self, words: &[u64], tags: &[u8], sc: &mut Scratch) {
        let nl = self.labels.len();
        let root = usize::from(self.root);
        sc.config.reset(words, tags);
        sc.scores.resize(self.weights.n_classes(), 0);
        while !sc.config.terminal() {
            // Only one transition is possible: shift from the bare root at the start, the
            // root arc at the end. Nothing to score.
            let c = &sc.config;
            if c.stack.len() == 1 {
                sc.config.apply(0, nl);
                continue;
            }
            if c.stack.len() == 2 && !c.can_shift() {
                sc.config.apply(1 + nl + root, nl);
                continue;
            }
            features(&sc.config, &mut sc.feats);
            self.weights.score(&sc.feats, &mut sc.scores);
            let k = best(&sc.config, &sc.scores, nl, root, |_| true);
            if k == NO {
                break;
            }
            sc.config.apply(k, nl);
        }
    }

    pub(crate) fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(&self.labels);
        self.weights.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Parser, ModelError> {
        let labels = r.strs()?;
        let root = labels
            .iter()
            .position(|l| l == "root")
            .ok_or_else(|| r.corrupt("no root label"))?;
        if labels.len() > 127 {
            return Err(r.corrupt("too many labels"));
        }
        let weights = Weights::read(r)?;
        if weights.n_classes() != 1 + 2 * labels.len() {
            return Err(r.corrupt("parser class count mismatch"));
        }
        Ok(Parser {
            labels,
            root: root as u8,
            weights,
        })
    }
}

fn labelled_cost(c: &Config, u: &[u32; 3], k: usize, nl: usize, s: &ParseSentence) -> u32 {
    if k == 0 {
        return u[0];
    }
    let (kind, l) = if k <= nl { (1, k - 1) } else { (2, k - 1 - nl) };
    if u[kind] == u32::MAX {
        return u32::MAX;
    }
    let s0 = c.s(0);
    let h = if kind == 1 { c.i } else { c.s(1) };
    let wrong_label =
        s0 != NO && s0 > 0 && s.heads[s0 - 1] as usize == h && usize::from(s.labels[s0 - 1]) != l;
    u[kind] + u32::from(wrong_label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn projective(heads: &[u32]) -> bool {
        let n = heads.len();
        for d in 1..=n {
            let h = heads[d - 1] as usize;
            let (a, b) = if h < d { (h, d) } else { (d, h) };
            for k in a + 1..b {
                let mut x = k;
                while x != 0 && x != h {
                    x = heads[x - 1] as usize;
                }
                if x != h {
                    return false;
                }
            }
        }
        true
    }

    /// Following zero-cost transitions rebuilds every projective tree exactly.
    fn oracle_rebuilds(s: &ParseSentence, nl: usize) -> bool {
        let root = 0;
        let mut c = Config::default();
        c.reset(&s.words, &s.tags);
        while !c.terminal() {
            let u = c.costs(&s.heads);
            let k = (0..1 + 2 * nl)
                .find(|&k| allowed(&c, k, nl, root) && labelled_cost(&c, &u, k, nl, s) == 0);
            match k {
                Some(k) => c.apply(k, nl),
                None => return false,
            }
        }
        (1..=s.heads.len()).all(|d| c.head[d] == s.heads[d - 1] && c.label[d] == s.labels[d - 1])
    }

    #[test]
    fn zero_cost_paths_rebuild_projective_trees() {
        // Label 0 is root. Trees are small but cover left/right attachments and nesting.
        let trees: [&[u32]; 5] = [
            &[0],
            &[2, 0, 2],
            &[2, 0, 4, 2, 2],
            &[3, 3, 0, 5, 3, 3],
            &[0, 1, 4, 1, 6, 4, 1],
        ];
        for heads in trees {
            let n = heads.len();
            let labels: Vec<u8> = heads
                .iter()
                .map(|&h| if h == 0 { 0 } else { 1 + (h % 2) as u8 })
                .collect();
            let s = ParseSentence {
                words: vec![1; n],
                tags: vec![0; n],
                heads: heads.to_vec(),
                labels,
            };
            assert!(projective(heads));
            assert!(oracle_rebuilds(&s, 3), "{heads:?}");
        }
    }

    /// The same check on every projective tree of EWT dev (skipped when ../shared is absent).
    #[test]
    fn zero_cost_paths_rebuild_every_projective_ewt_tree() {
        let Some(p) = rung_testkit::require_shared("data/ud-english-ewt/en_ewt-ud-dev.conllu")
        else {
            return;
        };
        let sents = crate::conllu::parse(&std::fs::read_to_string(p).unwrap()).unwrap();
        let mut labels: Vec<String> = vec!["root".into()];
        let (mut checked, mut skipped) = (0, 0);
        for s in &sents {
            let heads: Vec<u32> = s.words.iter().map(|w| w.head as u32).collect();
            if !projective(&heads) {
                skipped += 1;
                continue;
            }
            let mut lab = Vec::new();
            for w in &s.words {
                let i = match labels.iter().position(|l| *l == w.deprel) {
                    Some(i) => i,
                    None => {
                        labels.push(w.deprel.clone());
                        labels.len() - 1
                    }
                };
                lab.push(i as u8);
            }
            let n = heads.len();
            let ps = ParseSentence {
                words: vec![1; n],
                tags: vec![0; n],
                heads,
                labels: lab,
            };
            assert!(oracle_rebuilds(&ps, 60), "{:?}", s.comments);
            checked += 1;
        }
        assert!(
            checked > 1900 && skipped < 100,
            "{checked} checked, {skipped} non-projective"
        );
    }
}
