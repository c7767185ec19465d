//! [`SyntaxModel`]: tagger + lemmatizer + parser, their training and the model file.
//!
//! Model file layout: magic `RUNGSYN1`, then the tagger, the lemmatizer and the parser
//! sections (see each module), little-endian throughout.

use crate::binio::{Reader, Writer};
use crate::conllu::Sentence;
use crate::features::token_keys;
use crate::lemma::Lemmatizer;
use crate::parser::{ParseSentence, Parser};
use crate::tagger::{TagSentence, Tagger};
use crate::{Analysis, ModelError, TrainError, Upos};
use std::collections::HashMap;
use std::time::Instant;

const MAGIC: &[u8; 8] = b"RUNGSYN1";

/// A trained tagger, lemmatizer and parser.
pub struct SyntaxModel {
    pub(crate) tagger: Tagger,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: Parser,
}

/// Training settings. The defaults reproduce the shipped model.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training set for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the training set for the parser.
    pub parser_epochs: usize,
    /// Jackknife folds that give the parser predicted tags to train on (1 = gold tags).
    pub folds: usize,
    /// Probability of following the parser's own (possibly wrong) transition once past the
    /// first epoch, so it learns to recover from its errors (dynamic oracle).
    pub explore: f64,
    /// Seed of every shuffle.
    pub seed: u64,
    /// Words seen this often get an ambiguity-class feature (the set of tags seen with
    /// them) for themselves and as lookahead; 0 turns the feature off.
    pub ambiguity_min: u32,
    /// After training, drop tagger weights below this magnitude (out of 32,000 for the
    /// largest): keeps the model small and fast at no measured cost (see the crate README).
    pub prune_tagger: u16,
    /// The same for the parser.
    pub prune_parser: u16,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            tagger_epochs: 10,
            parser_epochs: 12,
            folds: 5,
            explore: 0.9,
            seed: 7,
            ambiguity_min: 3,
            prune_tagger: 150,
            prune_parser: 350,
        }
    }
}

impl SyntaxModel {
    /// Reads a model from its bytes.
    ///
    /// # Errors
    /// [`ModelError::Corrupt`] when the bytes are not a rung syntax model of this version.
    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, ModelError> {
        let mut r = Reader::new(bytes);
        if r.take(8)
            .map_err(|_| ModelError::Corrupt("not a rung syntax model".into()))?
            != MAGIC
        {
            return Err(ModelError::Corrupt(
                "not a rung syntax model (bad magic)".into(),
            ));
        }
        let tagger = Tagger::read(&mut r)?;
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let parser = Parser::read(&mut r)?;
        if !r.at_end() {
            return Err(r.corrupt("trailing bytes"));
        }
        Ok(SyntaxModel {
            tagger,
            lemmatizer,
            parser,
        })
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// [`ModelError::Io`] when the file cannot be read, [`ModelError::Corrupt`] as
    /// [`SyntaxModel::from_bytes`].
    pub fn load(path: &std::path::Path) -> Result<SyntaxModel, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        SyntaxModel::from_bytes(&bytes).map_err(|e| match e {
            ModelError::Corrupt(m) => ModelError::Corrupt(format!("{}: {m}", path.display())),
            e => e,
        })
    }

    /// The model file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        w.into_inner()
    }

    /// Drops tagger and parser weights whose quantized magnitude (out of 32,000 for the
    /// largest weight) is below the given minimums, to trade accuracy for size and speed.
    pub fn prune(&mut self, tagger_min: u16, parser_min: u16) {
        self.tagger.weights.prune(tagger_min);
        self.parser.weights.prune(parser_min);
    }

    /// Sizes for reports: (tagger features, tagger weights, parser features, parser weights).
    pub fn size(&self) -> (usize, usize, usize, usize) {
        let (a, b) = self.tagger.size();
        let (c, d) = self.parser.size();
        (a, b, c, d)
    }

    /// Tags, lemmatizes and parses one sentence of word forms into `out`, reusing its
    /// buffers. An empty sentence gives an empty analysis.
    pub fn analyse(&self, forms: &[&str], out: &mut Analysis) {
        self.analyse_forced(forms, &[], out);
    }

    /// As [`analyse`](Self::analyse), with the tagger's choice overridden at the given
    /// word positions by the given XPOS tags (PTB: `"VBD"`, `"NN"`, ...) before parsing.
    /// A caller that knows the tagger went wrong ("Russian artillery struck positions"
    /// with "struck" tagged as a participle) re-parses with the right tag. Positions out
    /// of range and tags the model does not know are ignored.
    pub fn analyse_forced(&self, forms: &[&str], forced: &[(usize, &str)], out: &mut Analysis) {
        out.clear();
        let s = &mut out.scratch;
        token_keys(forms, &mut s.keys, &mut s.lower);
        self.tagger.tag(&s.keys, &mut s.tag, &mut out.tags);
        for &(i, x) in forced {
            let tag = self.tagger.xpos.iter().position(|t| t == x);
            if let (Some(slot), Some(tag)) = (out.tags.get_mut(i), tag) {
                *slot = u8::try_from(tag).unwrap_or(*slot);
            }
        }
        s.words.clear();
        s.words.extend(s.keys.iter().map(|k| k.lower));
        self.parser.parse(&s.words, &out.tags, &mut s.parse);
        let cfg = &s.parse.config;
        for (i, form) in forms.iter().enumerate() {
            let tag = usize::from(out.tags[i]);
            let upos = self.tagger.upos[tag];
            out.upos.push(upos);
            let a = out.text.len();
            self.lemmatizer
                .lemma(form, upos, &mut s.lower, &mut out.text);
            let b = out.text.len();
            out.text.push_str(&self.tagger.xpos[tag]);
            let c = out.text.len();
            out.text
                .push_str(&self.parser.labels[usize::from(cfg.label[i + 1])]);
            let d = out.text.len();
            out.spans.push([a as u32, b as u32, c as u32, d as u32]);
            out.heads.push(cfg.head[i + 1]);
        }
    }

    /// A copy of `gold` with predicted UPOS, XPOS, lemma, head and relation (FEATS, DEPS
    /// and MISC blanked): what `rung parse --pretokenized` writes.
    pub fn annotate(&self, gold: &Sentence, out: &mut Analysis) -> Sentence {
        let forms = gold.forms();
        self.analyse(&forms, out);
        let mut s = gold.clone();
        for (i, w) in s.words.iter_mut().enumerate() {
            w.upos = out.upos(i).as_str().to_string();
            w.xpos = out.xpos(i).to_string();
            w.lemma = out.lemma(i).to_string();
            w.head = out.head(i).map_or(0, |h| h + 1);
            w.deprel = out.deprel(i).to_string();
            w.feats.clear();
            w.deps.clear();
            w.misc.clear();
        }
        s
    }
}

fn parse_upos(s: &Sentence, si: usize) -> Result<Vec<Upos>, TrainError> {
    s.words
        .iter()
        .enumerate()
        .map(|(wi, w)| {
            Upos::parse(&w.upos).ok_or_else(|| TrainError::Data {
                sentence: si + 1,
                word: wi + 1,
                message: format!("unknown UPOS {:?}", w.upos),
            })
        })
        .collect()
}

/// Trains a model. `dev`, when given, is scored after each parser epoch and reported.
///
/// # Errors
/// [`TrainError`] when the training set is empty or has unknown tags.
pub fn train(
    train: &[Sentence],
    dev: Option<&[Sentence]>,
    opts: &TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<SyntaxModel, TrainError> {
    let start = Instant::now();
    if train.is_empty() {
        return Err(TrainError::Empty);
    }
    // Tag classes: (UPOS, XPOS) pairs by descending frequency.
    let mut pairs: HashMap<(Upos, String), usize> = HashMap::new();
    let mut labels: Vec<String> = vec!["root".to_string()];
    let mut upos_all = Vec::with_capacity(train.len());
    for (si, s) in train.iter().enumerate() {
        let ups = parse_upos(s, si)?;
        for (u, w) in ups.iter().zip(&s.words) {
            *pairs.entry((*u, w.xpos.clone())).or_default() += 1;
            if !labels.contains(&w.deprel) {
                labels.push(w.deprel.clone());
            }
        }
        upos_all.push(ups);
    }
    labels[1..].sort();
    if labels.len() > 120 {
        return Err(TrainError::Data {
            sentence: 0,
            word: 0,
            message: format!("{} relation labels (at most 120)", labels.len()),
        });
    }
    let mut classes: Vec<((Upos, String), usize)> = pairs.into_iter().collect();
    classes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    classes.truncate(255);
    let class_of: HashMap<(Upos, String), u8> = classes
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.clone(), i as u8))
        .collect();
    let label_of: HashMap<&str, u8> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u8))
        .collect();
    progress(&format!(
        "{} tag classes, {} relation labels",
        classes.len(),
        labels.len()
    ));

    let mut lower = String::new();
    let tag_sents: Vec<TagSentence> = train
        .iter()
        .zip(&upos_all)
        .map(|(s, ups)| {
            let mut keys = Vec::new();
            token_keys(&s.forms(), &mut keys, &mut lower);
            let gold = ups
                .iter()
                .zip(&s.words)
                .map(|(u, w)| class_of.get(&(*u, w.xpos.clone())).copied().unwrap_or(0))
                .collect();
            TagSentence { keys, gold }
        })
        .collect();
    let upos: Vec<Upos> = classes.iter().map(|c| c.0 .0).collect();
    let xpos: Vec<String> = classes.iter().map(|c| c.0 .1.clone()).collect();

    let tagger = Tagger::train(
        upos.clone(),
        xpos.clone(),
        &tag_sents,
        opts.tagger_epochs,
        opts.seed,
        opts.ambiguity_min,
        |e, acc| {
            progress(&format!(
                "tagger epoch {}: train accuracy {:.2}%",
                e + 1,
                100.0 * acc
            ))
        },
    );
    // Jackknife: the parser learns from tags as good as (and as wrong as) the tagger's.
    let mut tags: Vec<Vec<u8>> = tag_sents.iter().map(|s| s.gold.clone()).collect();
    if opts.folds > 1 {
        let mut sc = crate::tagger::TagScratch::default();
        for f in 0..opts.folds {
            let rest: Vec<TagSentence> = tag_sents
                .iter()
                .enumerate()
                .filter(|(i, _)| i % opts.folds != f)
                .map(|(_, s)| TagSentence {
                    keys: s.keys.clone(),
                    gold: s.gold.clone(),
                })
                .collect();
            let t = Tagger::train(
                upos.clone(),
                xpos.clone(),
                &rest,
                opts.tagger_epochs,
                opts.seed + f as u64 + 1,
                opts.ambiguity_min,
                |_, _| (),
            );
            let (mut right, mut total) = (0, 0);
            for (i, s) in tag_sents
                .iter()
                .enumerate()
                .filter(|(i, _)| i % opts.folds == f)
            {
                t.tag(&s.keys, &mut sc, &mut tags[i]);
                right += tags[i].iter().zip(&s.gold).filter(|(a, b)| a == b).count();
                total += s.gold.len();
            }
            progress(&format!(
                "jackknife fold {}/{}: held-out tag accuracy {:.2}%",
                f + 1,
                opts.folds,
                100.0 * right as f64 / total.max(1) as f64
            ));
        }
    }
    let lemmatizer = Lemmatizer::train(train.iter().zip(&upos_all).flat_map(|(s, ups)| {
        s.words
            .iter()
            .zip(ups)
            .map(|(w, u)| (w.form.as_str(), *u, w.lemma.as_str()))
    }));
    let parse_sents: Vec<ParseSentence> = tag_sents
        .iter()
        .zip(train)
        .zip(tags)
        .map(|((ts, s), tags)| ParseSentence {
            words: ts.keys.iter().map(|k| k.lower).collect(),
            tags,
            heads: s.words.iter().map(|w| w.head as u32).collect(),
            labels: s
                .words
                .iter()
                .map(|w| label_of.get(w.deprel.as_str()).copied().unwrap_or(0))
                .collect(),
        })
        .collect();
    progress(&format!(
        "tagger and lemmatizer ready after {:.1}s",
        start.elapsed().as_secs_f64()
    ));
    let mut tagger = Some(tagger);
    let mut lemmatizer = Some(lemmatizer);
    let parser = Parser::train(
        labels,
        &parse_sents,
        opts.parser_epochs,
        opts.seed,
        opts.explore,
        |e, acc, build| {
            let mut msg = format!(
                "parser epoch {}: train transition accuracy {:.2}%",
                e + 1,
                100.0 * acc
            );
            if let Some(dev) = dev {
                let (Some(t), Some(l)) = (tagger.take(), lemmatizer.take()) else {
                    return;
                };
                let m = SyntaxModel {
                    tagger: t,
                    lemmatizer: l,
                    parser: build(),
                };
                let mut a = Analysis::default();
                let pred: Vec<Sentence> = dev.iter().map(|s| m.annotate(s, &mut a)).collect();
                if let Ok(sc) = crate::eval::score(dev, &pred) {
                    msg.push_str(&format!("; dev {sc}"));
                }
                tagger = Some(m.tagger);
                lemmatizer = Some(m.lemmatizer);
            }
            msg.push_str(&format!(" ({:.0}s)", start.elapsed().as_secs_f64()));
            progress(&msg);
        },
    );
    match (tagger, lemmatizer) {
        (Some(tagger), Some(lemmatizer)) => {
            let mut m = SyntaxModel {
                tagger,
                lemmatizer,
                parser,
            };
            m.prune(opts.prune_tagger, opts.prune_parser);
            Ok(m)
        }
        _ => Err(TrainError::Data {
            sentence: 0,
            word: 0,
            message: "internal: tagger lost".into(),
        }),
    }
}
