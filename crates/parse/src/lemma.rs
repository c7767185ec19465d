//! Lemmatizer learned from the treebank: suffix-edit rules by UPOS, plus an exception table.
//!
//! A lemma is the lowercase form with its last `strip` characters replaced by `append`
//! ("killed" -> strip 2 -> "kill"; "forces" -> strip 1 -> "force"). For each UPOS, the
//! rule for a word is the most frequent edit among training word types sharing its longest
//! known suffix (up to 5 characters, never the whole word). Every training (form, UPOS) whose
//! majority lemma the rules get wrong ("was" -> "be", "went" -> "go", "'s" -> "be") goes
//! into an exception table. Unknown words fall back to the rules, and then to the lowercase
//! form. Lemmas are always lowercase (the coder matches them against lowercase dictionaries).

use crate::binio::{Reader, Writer};
use crate::features::{f2, hash_bytes};
use crate::perceptron::IdMap;
use crate::{ModelError, Upos};
use std::collections::HashMap;

const MAX_SUFFIX: usize = 5;

/// An edit from lowercase form to lemma.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Edit {
    strip: u8,
    append: String,
}

/// A trained lemmatizer.
pub(crate) struct Lemmatizer {
    exceptions: IdMap<u32>,
    rules: IdMap<u32>,
    /// Exception lemmas (by index).
    strings: Vec<String>,
    /// Rule edits (by index).
    edits: Vec<Edit>,
}

fn key(upos: Upos, s: &str) -> u64 {
    f2(0x1e44a, upos as u64, hash_bytes(s.as_bytes()))
}

fn edit_of(form: &str, lemma: &str) -> Edit {
    let common = form
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let strip = form.chars().count() - common;
    let append: String = lemma.chars().skip(common).collect();
    Edit {
        strip: strip.min(255) as u8,
        append,
    }
}

fn apply(form: &str, e: &Edit, out: &mut String) -> bool {
    let n = form.chars().count();
    if usize::from(e.strip) >= n {
        return false;
    }
    out.extend(form.chars().take(n - usize::from(e.strip)));
    out.push_str(&e.append);
    true
}

impl Lemmatizer {
    /// Learns from `(form, upos, lemma)` triples of the training treebank.
    pub(crate) fn train<'a>(words: impl Iterator<Item = (&'a str, Upos, &'a str)>) -> Lemmatizer {
        // Majority lemma per (lowercase form, upos).
        let mut types: HashMap<(String, Upos), HashMap<String, u32>> = HashMap::new();
        for (form, upos, lemma) in words {
            if lemma == "_" {
                continue;
            }
            *types
                .entry((form.to_lowercase(), upos))
                .or_default()
                .entry(lemma.to_lowercase())
                .or_default() += 1;
        }
        let mut majority: Vec<((String, Upos), String)> = types
            .into_iter()
            .map(|(k, m)| {
                let best = m
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|x| x.0);
                (k, best.unwrap_or_default())
            })
            .collect();
        majority.sort();
        // Rules: suffix -> edit counts, over word types.
        let mut counts: HashMap<(Upos, String), HashMap<Edit, u32>> = HashMap::new();
        for ((form, upos), lemma) in &majority {
            let e = edit_of(form, lemma);
            let chars: Vec<char> = form.chars().collect();
            for n in 0..=MAX_SUFFIX.min(chars.len().saturating_sub(1)) {
                let suf: String = chars[chars.len() - n..].iter().collect();
                *counts
                    .entry((*upos, suf))
                    .or_default()
                    .entry(e.clone())
                    .or_default() += 1;
            }
        }
        let mut lem = Lemmatizer {
            exceptions: IdMap::default(),
            rules: IdMap::default(),
            strings: Vec::new(),
            edits: Vec::new(),
        };
        let mut edit_ids: HashMap<Edit, u32> = HashMap::new();
        let mut rules: Vec<((Upos, String), Edit)> = counts
            .into_iter()
            .map(|(k, m)| {
                let best = m
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|x| x.0);
                (
                    k,
                    best.unwrap_or(Edit {
                        strip: 0,
                        append: String::new(),
                    }),
                )
            })
            .collect();
        rules.sort();
        for ((upos, suf), e) in rules {
            let next = edit_ids.len() as u32;
            let id = *edit_ids.entry(e.clone()).or_insert(next);
            if id == next {
                lem.edits.push(e);
            }
            lem.rules.insert(key(upos, &suf), id);
        }
        let mut buf = String::new();
        for ((form, upos), lemma) in majority {
            buf.clear();
            lem.by_rule(&form, upos, &mut buf);
            if buf != lemma {
                lem.exceptions
                    .insert(key(upos, &form), lem.strings.len() as u32);
                lem.strings.push(lemma);
            }
        }
        lem
    }

    fn by_rule(&self, lower: &str, upos: Upos, out: &mut String) {
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        let max = MAX_SUFFIX.min(starts.len().saturating_sub(1));
        for n in (0..=max).rev() {
            let s = if n == 0 {
                lower.len()
            } else {
                starts[starts.len() - n]
            };
            if let Some(&id) = self.rules.get(&key(upos, &lower[s..])) {
                if apply(lower, &self.edits[id as usize], out) {
                    return;
                }
            }
        }
        out.push_str(lower);
    }

    /// Appends the lemma of `form` tagged `upos` to `out`; `lower` is scratch.
    pub(crate) fn lemma(&self, form: &str, upos: Upos, lower: &mut String, out: &mut String) {
        lower.clear();
        lower.extend(form.chars().flat_map(char::to_lowercase));
        if let Some(&i) = self.exceptions.get(&key(upos, lower)) {
            out.push_str(&self.strings[i as usize]);
            return;
        }
        self.by_rule(lower, upos, out);
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(&self.strings);
        let mut ex: Vec<(u64, u32)> = self.exceptions.iter().map(|(&k, &v)| (k, v)).collect();
        ex.sort_unstable();
        w.u32(ex.len() as u32);
        for (k, v) in ex {
            w.u64(k);
            w.u32(v);
        }
        w.u32(self.edits.len() as u32);
        for e in &self.edits {
            w.bytes(&[e.strip]);
            w.str(&e.append);
        }
        let mut rules: Vec<(u64, u32)> = self.rules.iter().map(|(&k, &v)| (k, v)).collect();
        rules.sort_unstable();
        w.u32(rules.len() as u32);
        for (k, v) in rules {
            w.u64(k);
            w.u32(v);
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Lemmatizer, ModelError> {
        let strings = r.strs()?;
        let mut exceptions = IdMap::default();
        for _ in 0..r.len32(12)? {
            let k = r.u64()?;
            let v = r.u32()?;
            if v as usize >= strings.len() {
                return Err(r.corrupt("lemma index out of range"));
            }
            exceptions.insert(k, v);
        }
        let mut edits = Vec::new();
        for _ in 0..r.len32(5)? {
            let strip = r.take(1)?[0];
            edits.push(Edit {
                strip,
                append: r.str()?,
            });
        }
        let mut rules = IdMap::default();
        for _ in 0..r.len32(12)? {
            let k = r.u64()?;
            let v = r.u32()?;
            if v as usize >= edits.len() {
                return Err(r.corrupt("lemma rule index out of range"));
            }
            rules.insert(k, v);
        }
        Ok(Lemmatizer {
            exceptions,
            rules,
            strings,
            edits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_rules_and_exceptions() {
        let data = [
            ("killed", Upos::Verb, "kill"),
            ("attacked", Upos::Verb, "attack"),
            ("shelled", Upos::Verb, "shell"),
            ("was", Upos::Aux, "be"),
            ("forces", Upos::Noun, "force"),
            ("troops", Upos::Noun, "troop"),
            ("went", Upos::Verb, "go"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        let (mut s, mut out) = (String::new(), String::new());
        let mut lem = |f: &str, u: Upos| {
            out.clear();
            l.lemma(f, u, &mut s, &mut out);
            out.clone()
        };
        assert_eq!(lem("Was", Upos::Aux), "be");
        assert_eq!(lem("went", Upos::Verb), "go");
        assert_eq!(lem("bombed", Upos::Verb), "bomb");
        assert_eq!(lem("drones", Upos::Noun), "drone");
        assert_eq!(lem("Kyiv", Upos::Propn), "kyiv");
    }
}
