//! Tokenizer and splitter measured against UD English EWT (dev), from ../shared.
//!
//! Token F1: our tokens of every `# text` against the gold tokens, as byte spans. A
//! multiword token ("can't" = "ca" + "n't") counts as its syntactic words when they
//! spell it, else as the surface token. Sentence F1: each EWT document rebuilt as text
//! (sentences joined by a space, paragraphs by a blank line), split by the segmenter,
//! boundaries compared; reported over all boundaries and over those inside paragraphs
//! (a paragraph break is a boundary for free).

use rung_testkit::require_shared;
use rung_text::{normalize, tokenize, Segmenter};

struct Sent {
    text: String,
    tokens: Vec<String>,
    newdoc: bool,
    newpar: bool,
}

fn load(path: &std::path::Path) -> Vec<Sent> {
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = Vec::new();
    let fresh = || Sent {
        text: String::new(),
        tokens: Vec::new(),
        newdoc: false,
        newpar: false,
    };
    let mut cur = fresh();
    // A multiword token being collected: (surface, last word id, words so far).
    let mut mwt: Option<(String, usize, Vec<String>)> = None;
    for line in src.lines() {
        if line.is_empty() {
            if !cur.text.is_empty() {
                out.push(std::mem::replace(&mut cur, fresh()));
            }
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            cur.text = t.to_string();
        } else if line.starts_with("# newdoc") {
            cur.newdoc = true;
            cur.newpar = true;
        } else if line.starts_with("# newpar") {
            cur.newpar = true;
        } else if !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 || cols[0].contains('.') {
                continue;
            }
            if let Some((_, b)) = cols[0].split_once('-') {
                mwt = Some((cols[1].to_string(), b.parse().unwrap_or(0), Vec::new()));
                continue;
            }
            let id: usize = cols[0].parse().unwrap_or(0);
            match mwt.as_mut() {
                Some((surface, last, words)) => {
                    words.push(cols[1].to_string());
                    if id >= *last {
                        if words.concat() == *surface {
                            cur.tokens.append(words);
                        } else {
                            cur.tokens.push(surface.clone());
                        }
                        mwt = None;
                    }
                }
                None => cur.tokens.push(cols[1].to_string()),
            }
        }
    }
    if !cur.text.is_empty() {
        out.push(cur);
    }
    out
}

/// Byte spans of `tokens` found in order in `text`.
fn align(text: &str, tokens: &[String]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut p = 0;
    for t in tokens {
        if let Some(k) = text[p..].find(t.as_str()) {
            if text[p..p + k].trim().is_empty() {
                spans.push((p + k, p + k + t.len()));
                p += k + t.len();
            }
        }
    }
    spans
}

fn f1(tp: usize, gold: usize, pred: usize) -> (f64, f64, f64) {
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

#[test]
fn ewt_dev_token_f1() {
    let Some(path) = require_shared("data/ud-english-ewt/en_ewt-ud-dev.conllu") else {
        return;
    };
    let sents = load(&path);
    assert!(sents.len() > 1000, "EWT dev not read");
    let (mut tp, mut gold_n, mut pred_n) = (0, 0, 0);
    let mut misses: Vec<String> = Vec::new();
    for s in &sents {
        let gold = align(&s.text, &s.tokens);
        let pred: Vec<(usize, usize)> = tokenize(&s.text)
            .iter()
            .map(|t| (t.start as usize, t.end as usize))
            .collect();
        gold_n += s.tokens.len();
        pred_n += pred.len();
        let set: std::collections::HashSet<_> = gold.iter().copied().collect();
        let hit = pred.iter().filter(|x| set.contains(x)).count();
        tp += hit;
        if hit < s.tokens.len() && misses.len() < 40 {
            let ours: Vec<&str> = pred
                .iter()
                .filter(|x| !set.contains(x))
                .map(|&(a, b)| &s.text[a..b])
                .collect();
            misses.push(format!("{:?} ours-only {:?}", s.text, ours));
        }
    }
    let (p, r, f) = f1(tp, gold_n, pred_n);
    eprintln!(
        "EWT dev tokens: precision {:.4} recall {:.4} F1 {:.4} ({} gold tokens)",
        p, r, f, gold_n
    );
    if std::env::var_os("RUNG_SHOW_MISSES").is_some() {
        for m in &misses {
            eprintln!("  {m}");
        }
    }
    assert!(f >= 0.985, "token F1 {f:.4} below floor 0.985");
}

#[test]
fn ewt_dev_sentence_f1() {
    let Some(path) = require_shared("data/ud-english-ewt/en_ewt-ud-dev.conllu") else {
        return;
    };
    let sents = load(&path);
    let seg = Segmenter::new();
    let mut docs: Vec<Vec<&Sent>> = Vec::new();
    for s in &sents {
        if s.newdoc || docs.is_empty() {
            docs.push(Vec::new());
        }
        if let Some(d) = docs.last_mut() {
            d.push(s);
        }
    }
    let (mut tp, mut gold_n, mut pred_n) = (0, 0, 0);
    let (mut tp_in, mut gold_in, mut pred_in) = (0, 0, 0);
    for d in &docs {
        let mut text = String::new();
        let mut gold = Vec::new();
        let mut par_ends = std::collections::HashSet::new();
        for (i, s) in d.iter().enumerate() {
            if i > 0 {
                if s.newpar {
                    par_ends.insert(text.len());
                    text.push_str("\n\n");
                } else {
                    text.push(' ');
                }
            }
            text.push_str(&s.text);
            gold.push(text.len());
        }
        gold.pop();
        let (norm, map) = normalize(&text);
        let mut pred: Vec<usize> = seg
            .segment(&norm)
            .iter()
            .map(|s| map.to_original(s.end))
            .collect();
        pred.pop();
        let gset: std::collections::HashSet<_> = gold.iter().copied().collect();
        if std::env::var_os("RUNG_SHOW_MISSES").is_some() {
            let pset: std::collections::HashSet<_> = pred.iter().copied().collect();
            for &g in gold
                .iter()
                .filter(|g| !pset.contains(g) && !par_ends.contains(g))
                .take(3)
            {
                eprintln!(
                    "  missed: {:?}",
                    &text[g.saturating_sub(40)..(g + 30).min(text.len())]
                );
            }
            for &g in pred.iter().filter(|g| !gset.contains(g)).take(3) {
                eprintln!(
                    "  extra: {:?}",
                    &text[g.saturating_sub(40)..(g + 30).min(text.len())]
                );
            }
        }
        gold_n += gold.len();
        pred_n += pred.len();
        tp += pred.iter().filter(|x| gset.contains(x)).count();
        gold_in += gold.iter().filter(|x| !par_ends.contains(x)).count();
        let pin: Vec<_> = pred.iter().filter(|x| !par_ends.contains(x)).collect();
        pred_in += pin.len();
        tp_in += pin.iter().filter(|x| gset.contains(x)).count();
    }
    let (p, r, f) = f1(tp, gold_n, pred_n);
    let (pi, ri, fi) = f1(tp_in, gold_in, pred_in);
    eprintln!("EWT dev sentence boundaries: all P {p:.4} R {r:.4} F1 {f:.4} ({gold_n}); inside paragraphs P {pi:.4} R {ri:.4} F1 {fi:.4} ({gold_in})");
    assert!(f >= 0.86, "sentence boundary F1 {f:.4} below floor 0.86");
}
