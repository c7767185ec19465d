//! rung's whole text pipeline scored on raw EWT text, the way CoNLL 2018 scored systems
//! that start from raw text: each EWT file is rebuilt as running text (sentences joined by
//! a space, paragraphs and documents by a blank line), split and tokenized by rung-text,
//! tagged and parsed by the shipped model, and every system word is aligned with a gold
//! word by its character span in that text. Reported as F1: tokens, sentences, UPOS, UAS
//! and LAS (universal relation); a word's head counts only if it aligns too.
//!
//! A gold multiword token ("don't" = "do" + "n't") counts as its syntactic words when
//! they spell it; otherwise (rare in EWT) its words cannot align and count as missed.
//!
//! `cargo run --release -p rung --example raw_ewt -- ../shared/data/ud-english-ewt`

use rung_parse::{Analysis, SyntaxModel};
use rung_text::{Document, Metadata, Segmenter};
use std::collections::HashMap;
use std::path::Path;

/// A gold word: its span in the rebuilt text (when its form spells part of the text),
/// UPOS, 1-based head within its sentence (0 = root) and universal relation.
struct Word {
    span: Option<(usize, usize)>,
    upos: String,
    head: usize,
    rel: String,
}

struct Gold {
    text: String,
    sentences: Vec<(usize, usize)>,
    words: Vec<Vec<Word>>,
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Rebuilds the text of a CoNLL-U file and places every gold word in it.
fn load(path: &Path) -> Result<Gold, Box<dyn std::error::Error>> {
    let src = std::fs::read_to_string(path)?;
    let mut g = Gold {
        text: String::new(),
        sentences: Vec::new(),
        words: Vec::new(),
    };
    for block in src.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut text = None;
        let mut newpar = false;
        // (form, upos, head, rel, surface of its multiword token if it is in one)
        let mut rows: Vec<(String, String, usize, String, Option<usize>)> = Vec::new();
        let mut mwts: Vec<(String, usize, usize)> = Vec::new();
        for line in block.lines() {
            if let Some(t) = line.strip_prefix("# text = ") {
                text = Some(t.to_string());
            } else if line.starts_with("# newdoc") || line.starts_with("# newpar") {
                newpar = true;
            } else if !line.starts_with('#') {
                let c: Vec<&str> = line.split('\t').collect();
                if c.len() < 8 || c[0].contains('.') {
                    continue;
                }
                if let Some((a, b)) = c[0].split_once('-') {
                    mwts.push((c[1].to_string(), a.parse()?, b.parse()?));
                    continue;
                }
                let id: usize = c[0].parse()?;
                let m = mwts.iter().position(|&(_, a, b)| a <= id && id <= b);
                rows.push((c[1].into(), c[3].into(), c[6].parse()?, c[7].into(), m));
            }
        }
        let Some(text) = text else { continue };
        if !g.text.is_empty() {
            g.text.push_str(if newpar { "\n\n" } else { " " });
        }
        let base = g.text.len();
        g.text.push_str(&text);
        g.sentences.push((base, base + text.len()));
        // Place the words in order; a multiword token's words only if they spell it.
        let spells = |m: usize| {
            let words: String = rows
                .iter()
                .filter(|r| r.4 == Some(m))
                .map(|r| r.0.as_str())
                .collect();
            words == mwts[m].0
        };
        let mut p = 0;
        let mut words = Vec::new();
        for (form, upos, head, rel, m) in &rows {
            let mut span = None;
            if m.is_none_or(spells) {
                if let Some(k) = text[p..].find(form.as_str()) {
                    if text[p..p + k].trim().is_empty() {
                        span = Some((base + p + k, base + p + k + form.len()));
                        p += k + form.len();
                    }
                }
            }
            words.push(Word {
                span,
                upos: upos.clone(),
                head: *head,
                rel: universal(rel).to_string(),
            });
        }
        g.words.push(words);
    }
    Ok(g)
}

fn f1(hit: usize, gold: usize, sys: usize) -> f64 {
    if hit == 0 {
        return 0.0;
    }
    let (p, r) = (hit as f64 / sys as f64, hit as f64 / gold as f64);
    100.0 * 2.0 * p * r / (p + r)
}

fn score(model: &SyntaxModel, g: &Gold) -> String {
    let doc = Document::new("ewt", g.text.clone(), Metadata::default());
    let sentences = Segmenter::new().segment(&doc.text);
    let orig = |n: usize| doc.map.to_original(n);
    // Gold words by span: (sentence, word index).
    let mut gold_at: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for (si, ws) in g.words.iter().enumerate() {
        for (wi, w) in ws.iter().enumerate() {
            if let Some(s) = w.span {
                gold_at.insert(s, (si, wi));
            }
        }
    }
    let gold_words: usize = g.words.iter().map(Vec::len).sum();
    let gold_sents: std::collections::HashSet<(usize, usize)> =
        g.sentences.iter().copied().collect();
    let (mut sys_words, mut words, mut upos, mut uas, mut las) = (0, 0, 0, 0, 0);
    let mut sent_hits = 0;
    let mut a = Analysis::default();
    for s in &sentences {
        let spans: Vec<(usize, usize)> = s
            .tokens
            .iter()
            .map(|t| (orig(t.start as usize), orig(t.end as usize)))
            .collect();
        if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
            sent_hits += usize::from(gold_sents.contains(&(first.0, last.1)));
        }
        let forms: Vec<&str> = s.tokens.iter().map(|t| t.form(&doc.text)).collect();
        model.analyse(&forms, &mut a);
        sys_words += forms.len();
        for (i, span) in spans.iter().enumerate() {
            let Some(&(gs, gw)) = gold_at.get(span) else {
                continue;
            };
            words += 1;
            let gold = &g.words[gs][gw];
            if a.upos(i).as_str() == gold.upos {
                upos += 1;
            }
            // The heads must align: both the root, or the same gold word.
            let head_ok = match (a.head(i), gold.head) {
                (None, 0) => true,
                (Some(h), gh) if gh > 0 => gold_at.get(&spans[h]) == Some(&(gs, gh - 1)),
                _ => false,
            };
            if head_ok {
                uas += 1;
                if universal(a.deprel(i)) == gold.rel {
                    las += 1;
                }
            }
        }
    }
    format!(
        "words F1 {:.2} sentences F1 {:.2} UPOS F1 {:.2} UAS F1 {:.2} LAS F1 {:.2} ({} gold words, {} system words, {} gold sentences, {} system sentences)",
        f1(words, gold_words, sys_words),
        f1(sent_hits, g.sentences.len(), sentences.len()),
        f1(upos, gold_words, sys_words),
        f1(uas, gold_words, sys_words),
        f1(las, gold_words, sys_words),
        gold_words,
        sys_words,
        g.sentences.len(),
        sentences.len()
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: raw_ewt EWT_DIR (the directory with en_ewt-ud-*.conllu)")?;
    let model = SyntaxModel::builtin()?;
    for set in ["dev", "test"] {
        let g = load(&Path::new(&dir).join(format!("en_ewt-ud-{set}.conllu")))?;
        println!("EWT {set}, raw text: {}", score(model, &g));
    }
    Ok(())
}
