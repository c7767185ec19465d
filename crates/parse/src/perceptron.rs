//! Averaged perceptron (Collins 2002) over hashed sparse features.
//!
//! Training ([`Trainer`]) keeps, per feature, only the classes that were ever updated (a
//! perceptron update touches the gold and the predicted class only), so memory follows the
//! number of updates rather than features × classes: the parser has ~100 classes and
//! millions of features, which would need gigabytes as dense rows.
//!
//! The frozen model ([`Weights`]) stores the averaged weights quantized to `i16` with one
//! scale per model, dropping entries that round to zero. Rows stay sparse `(class, weight)`
//! lists, contiguous per feature, behind an open-addressing table keyed by the 64-bit
//! feature hash (never 0). Quantizing halves the model and the cache traffic against `f32`;
//! the averaged weights of a perceptron span about four decades, which `i16` keeps.

use crate::binio::{Reader, Writer};
use crate::ModelError;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: i32,
    ts: u32,
    total: i64,
}

/// An averaged perceptron being trained.
pub(crate) struct Trainer {
    n_classes: usize,
    index: IdMap<u32>,
    rows: Vec<Vec<Entry>>,
    step: u32,
}

impl Trainer {
    pub(crate) fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            index: IdMap::default(),
            rows: Vec::new(),
            step: 1,
        }
    }

    /// Adds the current (not averaged) weights of `feats` to `scores`.
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w as f32;
                }
            }
        }
    }

    /// Counts one training instance (for averaging), whether or not it updates.
    pub(crate) fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves weight from `pred` to `gold` on every feature.
    pub(crate) fn update(&mut self, feats: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next) as usize;
            if r == self.rows.len() {
                self.rows.push(Vec::new());
            }
            let step = self.step;
            let row = &mut self.rows[r];
            bump(row, gold as u16, 1, step);
            bump(row, pred as u16, -1, step);
        }
    }

    /// Averages and quantizes the weights.
    pub(crate) fn finish(&self) -> Weights {
        let step = f64::from(self.step);
        let mut avg: Vec<(u64, Vec<(u16, f64)>)> = Vec::with_capacity(self.rows.len());
        let mut max = 0f64;
        let mut keys: Vec<(&u64, &u32)> = self.index.iter().collect();
        keys.sort_unstable();
        for (&k, &r) in keys {
            let mut row = Vec::new();
            for e in &self.rows[r as usize] {
                let total = e.total + i64::from(e.w) * i64::from(self.step - e.ts);
                let a = total as f64 / step;
                max = max.max(a.abs());
                row.push((e.class, a));
            }
            avg.push((k, row));
        }
        let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
        let mut b = WeightsBuilder::new(self.n_classes, (1.0 / scale) as f32);
        for (k, row) in avg {
            let mut q: Vec<(u16, i16)> = row
                .iter()
                .map(|&(c, a)| (c, (a * scale).round() as i16))
                .filter(|&(_, v)| v != 0)
                .collect();
            q.sort_unstable();
            b.push(k, &q);
        }
        b.build()
    }
}

fn bump(row: &mut Vec<Entry>, class: u16, delta: i32, step: u32) {
    let e = match row.iter_mut().position(|e| e.class == class) {
        Some(i) => &mut row[i],
        None => {
            row.push(Entry {
                class,
                w: 0,
                ts: step,
                total: 0,
            });
            let last = row.len() - 1;
            &mut row[last]
        }
    };
    e.total += i64::from(e.w) * i64::from(step - e.ts);
    e.ts = step;
    e.w += delta;
}

struct WeightsBuilder {
    w: Weights,
}

impl WeightsBuilder {
    fn new(n_classes: usize, scale: f32) -> WeightsBuilder {
        WeightsBuilder {
            w: Weights {
                n_classes,
                scale,
                table: Vec::new(),
                mask: 0,
                row_keys: Vec::new(),
                row_start: vec![0],
                classes: Vec::new(),
                values: Vec::new(),
                dense: Vec::new(),
                sparse: Vec::new(),
            },
        }
    }

    fn push(&mut self, key: u64, row: &[(u16, i16)]) {
        if row.is_empty() {
            return;
        }
        self.w.row_keys.push(key);
        for &(c, v) in row {
            self.w.classes.push(c as u8);
            self.w.values.push(v);
        }
        self.w.row_start.push(self.w.classes.len() as u32);
    }

    fn build(mut self) -> Weights {
        self.w.index();
        self.w
    }
}

/// Frozen, averaged, quantized perceptron weights.
///
/// Two forms of the same weights: the serialized rows (`row_keys`, `row_start`, `classes`,
/// `values`), and the scoring layout built from them at load time, where one table probe
/// gives the row's place and the row is one contiguous run: dense `i16 × n_classes` for
/// rows of at least `DENSE_MIN` weights (summed with SIMD-friendly loops),
/// `(class, weight)` pairs otherwise, or, for rows of one or two weights, inside the
/// table slot itself. Measured on EWT dev this halved analysis time against
/// a separate row-offset array with split class and value arrays.
pub(crate) struct Weights {
    n_classes: usize,
    /// Multiply an integer score by this to get the averaged-weight score.
    scale: f32,
    /// Open addressing on the feature key by bucket (one cache line); key 0 is empty.
    table: Vec<Bucket>,
    mask: usize,
    row_keys: Vec<u64>,
    row_start: Vec<u32>,
    classes: Vec<u8>,
    values: Vec<i16>,
    dense: Vec<i16>,
    sparse: Vec<SparseRow>,
}

#[derive(Clone, Copy, Default)]
#[repr(C)]
struct Slot {
    key: u64,
    start: u32,
    /// Number of sparse pairs, `DENSE`, or an `INLINE` row.
    len: u32,
}

const DENSE: u32 = u32::MAX;

/// Slots per bucket: four 16-byte slots fill one 64-byte cache line.
const WAYS: usize = 4;

/// The unit of the open-addressing table: a key is looked for in its home bucket (one cache
/// line) and only when that is full in the next. Buckets fill in slot order and nothing is
/// ever removed, so a bucket with an empty last slot ends the search.
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket([Slot; WAYS]);

/// Home bucket of a feature key. Keys are odd (see `features::fmix`), so bit 0 is skipped.
#[inline(always)]
fn home(key: u64, mask: usize) -> usize {
    ((key >> 1) as usize) & mask
}

/// Rows with at least this many weights are stored dense. Summing a dense row of ~100
/// classes is 7 AVX-512 blocks (14 instructions); a sparse pair is a scalar load-add-store
/// into the accumulator, so from about 8 weights dense is cheaper. On EWT dev: 131k words/s
/// at "a quarter of the classes" (26), 145k at 12, 148k at 8, 147k at 6 (+2 MB per step).
const DENSE_MIN: usize = 8;

/// Flag in [`Slot::len`]: a row of one or two weights kept in the slot itself. Then bits
/// 16-17 of `len` hold the count, bytes 0 and 1 the classes, and `start` the two `i16`
/// weights (low half first). Sparse rows in `sparse` never reach 2^31 entries.
const INLINE: u32 = 1 << 31;

/// A row of 3 to `DENSE_MIN - 1` weights as `(class, weight)` pairs, padded with `(0, 0)`
/// to a fixed length and aligned so that it lies in one cache line.
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct SparseRow([(u8, i16); DENSE_MIN]);

/// The rows found for one chunk of features, by kind: start of each dense row, in-slot rows
/// as `(start, len)` of their slot, index of each sparse row.
struct Found {
    dense: [u32; CHUNK],
    inline: [(u32, u32); CHUNK],
    sparse: [u32; CHUNK],
    nd: usize,
    ni: usize,
    ns: usize,
}

impl Default for Found {
    fn default() -> Found {
        Found {
            dense: [0; CHUNK],
            inline: [(0, 0); CHUNK],
            sparse: [0; CHUNK],
            nd: 0,
            ni: 0,
            ns: 0,
        }
    }
}

/// Features probed per batch in [`Weights::score`] (the parser has ~100 per state).
const CHUNK: usize = 128;

/// Dense rows are stored and summed in blocks of this many classes.
const LANES: usize = 16;

/// Stored length of a dense row over `n` classes (`n <= 256`).
fn dense_width(n: usize) -> usize {
    n.div_ceil(LANES) * LANES
}

/// Adds one block of a dense row; fixed-size arrays let the compiler emit straight SIMD.
#[inline(always)]
fn add_block(acc: &mut [i32], row: &[i16]) {
    if let (Ok(acc), Ok(row)) = (
        <&mut [i32; LANES]>::try_from(acc),
        <&[i16; LANES]>::try_from(row),
    ) {
        for j in 0..LANES {
            acc[j] += i32::from(row[j]);
        }
    }
}

/// Asks Linux to back the (still untouched) allocation of `v` with huge pages. Only advice:
/// if refused, nothing changes but speed.
fn advise_huge_pages<T>(v: &Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let bytes = v.capacity() * std::mem::size_of::<T>();
        let p = v.as_ptr() as usize;
        let (start, end) = ((p + HUGE - 1) & !(HUGE - 1), (p + bytes) & !(HUGE - 1));
        if end > start {
            // SAFETY: the range lies inside `v`'s allocation, and MADV_HUGEPAGE changes only
            // how the kernel backs those pages, never their contents; errors are ignored
            // because the advice is optional.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}

/// Whether this CPU has AVX-512 F and BW (checked once; cached by std).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn avx512() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512bw")
}

/// Whether this CPU has AVX2 (checked once; the answer is cached by std).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn avx2() -> bool {
    std::arch::is_x86_feature_detected!("avx2")
}

/// Hints the CPU to start loading the cache line holding `p`. Only a hint: it never faults
/// and changes no result, only when the memory arrives.
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `_mm_prefetch` reads nothing architecturally and cannot fault, whatever the
    // address; SSE is part of the x86_64 baseline.
    unsafe {
        core::arch::x86_64::_mm_prefetch(p.cast::<i8>(), core::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

impl Weights {
    fn index(&mut self) {
        let size = (self.row_keys.len() * 2)
            .div_ceil(WAYS)
            .next_power_of_two()
            .max(4);
        // Reserved untouched, advised, then filled: the kernel backs the table with 2 MiB
        // pages as it is first written, so a random probe no longer also misses the TLB.
        self.table = Vec::with_capacity(size);
        advise_huge_pages(&self.table);
        self.table.resize(size, Bucket::default());
        self.mask = size - 1;
        self.dense.clear();
        self.sparse.clear();
        let n = self.n_classes;
        for (r, &k) in self.row_keys.iter().enumerate() {
            let (a, b) = (self.row_start[r] as usize, self.row_start[r + 1] as usize);
            let slot = if b - a >= DENSE_MIN {
                let start = self.dense.len();
                // Padded to a whole number of lanes (zeros add nothing) so the sum below runs
                // on fixed-size blocks without a scalar tail.
                self.dense.resize(start + dense_width(n), 0);
                for (&c, &v) in self.classes[a..b].iter().zip(&self.values[a..b]) {
                    self.dense[start + usize::from(c)] = v;
                }
                Slot {
                    key: k,
                    start: start as u32,
                    len: DENSE,
                }
            } else if b - a <= 2 {
                // Most rows hold one or two weights: kept in the slot itself, they cost no
                // second cache miss.
                let (mut start, mut len) = (0u32, INLINE | ((b - a) as u32) << 16);
                for (j, (&c, &v)) in self.classes[a..b]
                    .iter()
                    .zip(&self.values[a..b])
                    .enumerate()
                {
                    start |= u32::from(v as u16) << (16 * j);
                    len |= u32::from(c) << (8 * j);
                }
                Slot { key: k, start, len }
            } else {
                let start = self.sparse.len();
                let mut row = SparseRow::default();
                for (p, (&c, &v)) in row
                    .0
                    .iter_mut()
                    .zip(self.classes[a..b].iter().zip(&self.values[a..b]))
                {
                    *p = (c, v);
                }
                self.sparse.push(row);
                Slot {
                    key: k,
                    start: start as u32,
                    len: (b - a) as u32,
                }
            };
            let mut b = home(k, self.mask);
            loop {
                if let Some(s) = self.table[b].0.iter_mut().find(|s| s.key == 0) {
                    *s = slot;
                    break;
                }
                b = (b + 1) & self.mask;
            }
        }
    }

    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// The slot of `key` and whether it was found (if not, the slot is some other one).
    /// Branch-free but for the rare overflow into the next bucket: which of the four slots
    /// holds the key, and whether any does, is data the CPU cannot predict, and a
    /// mispredicted branch per feature cost as much as the cache misses.
    #[inline(always)]
    fn find(&self, key: u64) -> (Slot, bool) {
        let mut b = home(key, self.mask);
        loop {
            let sl = &self.table[b].0;
            let m = u32::from(sl[0].key == key)
                | u32::from(sl[1].key == key) << 1
                | u32::from(sl[2].key == key) << 2
                | u32::from(sl[3].key == key) << 3
                | 1 << WAYS;
            let i = m.trailing_zeros() as usize;
            let hit = i < WAYS;
            if hit | (sl[WAYS - 1].key == 0) {
                return (sl[i & (WAYS - 1)], hit);
            }
            b = (b + 1) & self.mask;
        }
    }

    /// Integer scores of all classes (`scores.len() == n_classes`).
    ///
    /// Nearly all of analysis time is the first touch of each feature's table slot and row
    /// (a ~32 MB table: almost every probe misses every cache). So the work is staged to let
    /// those misses overlap instead of queueing one after another: prefetch every slot, probe
    /// them all, prefetch every found row, then sum the rows. Sums go into a 256-wide
    /// accumulator indexed by a `u8` class, so the sparse loop needs no bounds check. Integer
    /// addition is associative, so the result is exactly the old one whatever the order.
    ///
    /// Session 7 found the other half of the cost: branch mispredictions, about 1.5 per
    /// feature (cachegrind's branch simulator on EWT dev: 17 M in scoring), from probe
    /// chains of varying length and a branch per feature on the kind of its row. Keys now
    /// live in 4-slot buckets of one cache line, found without a branch on which slot holds
    /// them, and found rows are sorted by kind before summing: 0.5 M mispredictions, and
    /// analysis of EWT dev went from ~152k to ~182k words/s with identical output. (The
    /// table had also used only odd slots: keys are odd, and the home slot was `key & mask`.)
    ///
    /// The body is compiled twice: for the x86-64 baseline (SSE2) and, chosen at run time
    /// when the CPU has it, for AVX2, where widening and adding a dense row of `i16` is one
    /// instruction per 8 classes instead of five per 4 (dense rows were most of the work:
    /// pruning the table to 5% of its size only gained 20%, so misses were not).
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if avx512() {
            let blocks = dense_width(self.n_classes.min(scores.len())) / LANES;
            if blocks == 7 && scores.len() >= self.n_classes {
                // SAFETY: the CPU supports AVX-512F/BW (checked at run time just above).
                unsafe { self.score_avx512::<7>(feats, scores) };
                return;
            }
            if blocks == 8 && scores.len() >= self.n_classes {
                // SAFETY: as above.
                unsafe { self.score_avx512::<8>(feats, scores) };
                return;
            }
        }
        #[cfg(target_arch = "x86_64")]
        if avx2() {
            // SAFETY: the CPU supports AVX2 (checked at run time just above).
            unsafe { self.score_avx2(feats, scores) };
            return;
        }
        self.score_body(feats, scores);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_body(feats, scores);
    }

    /// [`Weights::score`] for AVX-512 and dense rows of `B` blocks of 16 classes: the dense
    /// sums stay in `B` vector registers (widened and added, two instructions per block),
    /// apart from the scalar sums of sparse rows, which no longer wait on them.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn score_avx512<const B: usize>(&self, feats: &[u64], scores: &mut [i32]) {
        use core::arch::x86_64::{
            __m256i, __m512i, _mm256_loadu_si256, _mm512_add_epi32, _mm512_cvtepi16_epi32,
            _mm512_setzero_si512, _mm512_storeu_si512,
        };
        let n = self.n_classes;
        let width = B * LANES;
        let mut vacc: [__m512i; B] = [_mm512_setzero_si512(); B];
        let mut acc = [0i32; 256];
        self.prefetch_slots(feats);
        let mut found = Found::default();
        for chunk in feats.chunks(CHUNK) {
            self.probe(chunk, width, &mut found);
            for &a in &found.dense[..found.nd] {
                let a = a as usize;
                if let Some(row) = self.dense.get(a..a + width) {
                    for (j, v) in vacc.iter_mut().enumerate() {
                        // SAFETY: `row` holds `B * 16` i16, so block `j` (16 i16 =
                        // 32 bytes from `16 * j`) lies inside it; unaligned load.
                        let x = unsafe {
                            _mm256_loadu_si256(row.as_ptr().add(LANES * j).cast::<__m256i>())
                        };
                        *v = _mm512_add_epi32(*v, _mm512_cvtepi16_epi32(x));
                    }
                }
            }
            self.add_small(&found, &mut acc);
        }
        let mut lanes = [0i32; LANES];
        for (j, v) in vacc.iter().enumerate() {
            // SAFETY: `lanes` is 16 i32 = 64 bytes, one unaligned store.
            unsafe { _mm512_storeu_si512(lanes.as_mut_ptr().cast::<__m512i>(), *v) };
            for (x, l) in acc[LANES * j..LANES * (j + 1)].iter_mut().zip(lanes) {
                *x += l;
            }
        }
        scores[..n].copy_from_slice(&acc[..n]);
        scores[n..].iter_mut().for_each(|s| *s = 0);
    }

    #[inline(always)]
    fn score_body(&self, feats: &[u64], scores: &mut [i32]) {
        let n = self.n_classes.min(scores.len());
        let width = dense_width(n);
        let mut acc = [0i32; 256];
        self.prefetch_slots(feats);
        let mut found = Found::default();
        for chunk in feats.chunks(CHUNK) {
            self.probe(chunk, width, &mut found);
            for &a in &found.dense[..found.nd] {
                let a = a as usize;
                if let Some(row) = self.dense.get(a..a + width) {
                    let blocks = acc[..width].chunks_exact_mut(LANES);
                    for (x, v) in blocks.zip(row.chunks_exact(LANES)) {
                        add_block(x, v);
                    }
                }
            }
            self.add_small(&found, &mut acc);
        }
        scores[..n].copy_from_slice(&acc[..n]);
        scores[n..].iter_mut().for_each(|s| *s = 0);
    }

    /// Prefetches the table slot of every feature (first stage of scoring).
    #[inline(always)]
    fn prefetch_slots(&self, feats: &[u64]) {
        for &f in feats {
            prefetch(&self.table[home(f, self.mask)]);
        }
    }

    /// Probes the slots of `chunk` into `found`, sorted by the kind of row, and prefetches
    /// the rows found (dense rows are `width` i16). Each kind is then summed by a loop of
    /// its own: no branch per feature on the kind of its row.
    #[inline(always)]
    fn probe(&self, chunk: &[u64], width: usize, found: &mut Found) {
        let (mut nd, mut ni, mut ns) = (0, 0, 0);
        for &f in chunk {
            let (s, hit) = self.find(f);
            let dense = s.len == DENSE;
            let inline = (s.len & INLINE != 0) & !dense;
            found.dense[nd] = s.start;
            nd += usize::from(hit & dense);
            found.inline[ni] = (s.start, s.len);
            ni += usize::from(hit & inline);
            found.sparse[ns] = s.start;
            ns += usize::from(hit & !dense & !inline);
        }
        (found.nd, found.ni, found.ns) = (nd, ni, ns);
        for &a in &found.dense[..nd] {
            // A dense row is n i16 = up to 512 bytes: touch each line of it.
            if let Some(row) = self.dense.get(a as usize..a as usize + width) {
                for line in row.chunks(32) {
                    prefetch(line.as_ptr());
                }
            }
        }
        for &a in &found.sparse[..ns] {
            if let Some(p) = self.sparse.get(a as usize) {
                prefetch(p);
            }
        }
    }

    /// Adds the in-slot and sparse rows of `found` to `acc`. An in-slot row of one weight
    /// has a second of class 0 and weight 0, a sparse row is padded with such pairs: both
    /// are summed whole, with no loop on their length.
    #[inline(always)]
    fn add_small(&self, found: &Found, acc: &mut [i32; 256]) {
        for &(start, len) in &found.inline[..found.ni] {
            acc[usize::from(len as u8)] += i32::from(start as u16 as i16);
            acc[usize::from((len >> 8) as u8)] += i32::from((start >> 16) as u16 as i16);
        }
        for &a in &found.sparse[..found.ns] {
            if let Some(row) = self.sparse.get(a as usize) {
                for &(c, v) in &row.0 {
                    acc[usize::from(c)] += i32::from(v);
                }
            }
        }
    }

    /// Drops quantized weights with magnitude below `min` and rows left empty.
    pub(crate) fn prune(&mut self, min: u16) {
        let mut b = WeightsBuilder::new(self.n_classes, self.scale);
        let mut row = Vec::new();
        for (r, &k) in self.row_keys.iter().enumerate() {
            let (a, e) = (self.row_start[r] as usize, self.row_start[r + 1] as usize);
            row.clear();
            row.extend(
                self.classes[a..e]
                    .iter()
                    .zip(&self.values[a..e])
                    .filter(|(_, v)| v.unsigned_abs() >= min)
                    .map(|(&c, &v)| (u16::from(c), v)),
            );
            b.push(k, &row);
        }
        *self = b.build();
    }

    /// Number of features and of stored weights.
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.row_keys.len(), self.values.len())
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.n_classes as u32);
        w.f32(self.scale);
        w.u32(self.row_keys.len() as u32);
        for &k in &self.row_keys {
            w.u64(k);
        }
        for &s in &self.row_start[1..] {
            w.u32(s);
        }
        w.bytes(&self.classes);
        for &v in &self.values {
            w.u16(v as u16);
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Weights, ModelError> {
        let n_classes = r.u32()? as usize;
        if n_classes > 256 {
            return Err(r.corrupt("more than 256 classes"));
        }
        let scale = r.f32()?;
        let n_rows = r.len32(8)?;
        let mut row_keys = Vec::with_capacity(n_rows);
        for _ in 0..n_rows {
            let k = r.u64()?;
            if k == 0 {
                return Err(r.corrupt("zero feature key"));
            }
            row_keys.push(k);
        }
        let mut row_start = Vec::with_capacity(n_rows + 1);
        row_start.push(0u32);
        for _ in 0..n_rows {
            let s = r.u32()?;
            if s < *row_start.last().unwrap_or(&0) {
                return Err(r.corrupt("row offsets not increasing"));
            }
            row_start.push(s);
        }
        let n = *row_start.last().unwrap_or(&0) as usize;
        let classes = r.take(n)?.to_vec();
        if classes.iter().any(|&c| usize::from(c) >= n_classes) {
            return Err(r.corrupt("class out of range"));
        }
        let mut values = Vec::with_capacity(n);
        for _ in 0..n {
            values.push(r.u16()? as i16);
        }
        let mut w = Weights {
            n_classes,
            scale,
            table: Vec::new(),
            mask: 0,
            row_keys,
            row_start,
            classes,
            values,
            dense: Vec::new(),
            sparse: Vec::new(),
        };
        w.index();
        Ok(w)
    }

    /// Score scale (integer score × scale = averaged score).
    #[allow(dead_code)]
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(3);
        let data = [(vec![11u64, 5], 0usize), (vec![12, 5], 1), (vec![13, 5], 2)];
        let mut scores = vec![0f32; 3];
        for _ in 0..5 {
            for (f, g) in &data {
                t.score(f, &mut scores);
                let p = (0..3)
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                    .unwrap_or(0);
                t.update(f, *g, p);
                t.tick();
            }
        }
        let w = t.finish();
        let mut wr = Writer::default();
        w.write(&mut wr);
        let bytes = wr.into_inner();
        let w2 = Weights::read(&mut Reader::new(&bytes)).unwrap();
        for (f, g) in &data {
            let mut s = vec![0i32; 3];
            w2.score(f, &mut s);
            let p = (0..3).max_by_key(|&c| s[c]).unwrap();
            assert_eq!(p, *g);
        }
    }

    /// The staged, prefetching scorer must give exactly the sums of a plain map lookup, for
    /// dense and sparse rows, absent keys, repeated keys and more features than one batch.
    #[test]
    fn score_equals_a_plain_sum() {
        let n = 103usize;
        let mut x: u64 = 0x1234_5678_9abc_def1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut rows: Vec<(u64, Vec<(u16, i16)>)> = Vec::new();
        for _ in 0..3000 {
            let key = next() | 1;
            // Mostly short rows, some past the dense threshold (a quarter of the classes).
            let len = if next() % 5 == 0 {
                30 + next() % 70
            } else {
                1 + next() % 8
            };
            let mut row: Vec<(u16, i16)> = (0..len)
                .map(|_| ((next() % n as u64) as u16, (next() % 2001) as i16 - 1000))
                .filter(|&(_, v)| v != 0)
                .collect();
            row.sort_unstable_by_key(|&(c, _)| c);
            row.dedup_by_key(|&mut (c, _)| c);
            rows.push((key, row));
        }
        rows.sort_unstable_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        let mut b = WeightsBuilder::new(n, 1.0);
        for (k, row) in &rows {
            b.push(*k, row);
        }
        let w = b.build();
        assert!(!w.dense.is_empty() && !w.sparse.is_empty());
        let map: HashMap<u64, &Vec<(u16, i16)>> = rows.iter().map(|(k, r)| (*k, r)).collect();
        for round in 0..200 {
            let m = 1 + round * 3 % 300;
            let feats: Vec<u64> = (0..m)
                .map(|_| match next() % 3 {
                    0 => next() | 1,
                    _ => rows[(next() % rows.len() as u64) as usize].0,
                })
                .collect();
            let mut want = vec![0i32; n];
            for f in &feats {
                for &(c, v) in map.get(f).map_or(&[][..], |r| &r[..]) {
                    want[usize::from(c)] += i32::from(v);
                }
            }
            let mut got = vec![7i32; n];
            w.score(&feats, &mut got);
            assert_eq!(got, want, "round {round}");
        }
    }
}
