//! Event patterns: the data file that says which words make which CAMEO events.
//!
//! The file (`data/patterns.txt`, format described at its top) is parsed line by line so
//! that every error names the file, the line and the entry. Parsing checks the shape of
//! each entry; [`Patterns::check_codes`] checks every code against the codebook. Both run
//! when a [`crate::Coder`] is built, so a broken pattern file stops rung at start-up
//! instead of silently dropping events.
//!
//! A line-oriented format was chosen over TOML because entries are short and numerous
//! (one trigger per line reads like a table) and because line numbers come for free.

use crate::error::CoderError;
use crate::Modality;
use std::collections::{HashMap, HashSet};

/// The built-in pattern file, compiled into the binary.
pub const BUILTIN: &str = include_str!("../data/patterns.txt");
/// Name reported in errors about the built-in file.
pub const BUILTIN_NAME: &str = "crates/coder/data/patterns.txt";

/// Word class of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// A verb ("attack").
    Verb,
    /// An event noun ("attack", "threats").
    Noun,
}

/// Where the actors of a trigger are found (see the pattern file's header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Agent acts on patient.
    Ap,
    /// Source gives a theme to a recipient.
    Transfer,
    /// Source asks a recipient for a theme.
    Appeal,
    /// Intransitive; the target only from prepositional objects.
    SelfTarget,
    /// The subject suffers it ("lost 40 servicemen", "suffered heavy losses"): the subject
    /// is the target, the source is whom it fought ("in battles with X"), else its one
    /// enemy.
    Suffer,
}

/// What is given, asked for or shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Weapons, ammunition, troops.
    Military = 0,
    /// Food, medicine, shelter.
    Humanitarian = 1,
    /// Money, loans.
    Economic = 2,
    /// Intelligence, data.
    Intel = 3,
}

/// Weapon category, refining CAMEO 190.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Arm {
    /// 193: small arms and light weapons.
    SmallArms,
    /// 194: artillery and tanks.
    Artillery,
    /// 195: aerial weapons, missiles and drones.
    Aerial,
}

impl Arm {
    /// The CAMEO code of fighting with this category.
    pub fn code(self) -> &'static str {
        match self {
            Arm::SmallArms => "193",
            Arm::Artillery => "194",
            Arm::Aerial => "195",
        }
    }
}

/// One trigger entry.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Verb or noun.
    pub pos: Pos,
    /// Lemma, lowercase.
    pub lemma: String,
    /// Word that must accompany the lemma ("down" in "shoot_down").
    pub particle: Option<String>,
    /// CAMEO code.
    pub code: String,
    /// Argument frame.
    pub frame: Frame,
    /// Prepositions whose object is the target.
    pub preps: Vec<String>,
    /// Dependents one of which must be present (the first `need=` option).
    pub need: Vec<String>,
    /// Further `need=` options: each also needs one of its words.
    pub need_also: Vec<Vec<String>>,
    /// Dependents that rule the entry out ("struck a deal", "released a statement").
    pub not: Vec<String>,
    /// Codes by theme category (indexed by [`Theme`]).
    pub theme_codes: [Option<String>; 4],
    /// Refine 190 by weapon category.
    pub arms: bool,
    /// The modality the word itself carries.
    pub modality: Option<Modality>,
    /// Does not fire when its subject is a weapon.
    pub nomil: bool,
    /// Fires only when its source is an armed force ("troops advanced", never "talks
    /// advanced").
    pub armed: bool,
    /// Fires only on a clause saying what the subject's own side will do ("warned that
    /// Moscow would respond").
    pub own_future: bool,
    /// The target is whose the object is, never a place ("intercepted Ukrainian drones").
    pub owner: bool,
    /// Fires only when its object is counted ("used 289 drones", not "uses drones").
    pub counted: bool,
    /// A verb of naming ("called the strike a war crime", "described it as madness"): the
    /// `need=` words may also be in the name given (the predicate or "as" phrase).
    pub named: bool,
    /// Fires only when its object is an official, a government body or a named person
    /// ("received the Ukrainian defence minister", not "received 20 tanks").
    pub host: bool,
    /// Fires only as what is tried: the complement of try/attempt/seek or of the noun
    /// attempt/effort/bid ("tried 18 times to advance", not "troops advanced").
    pub attempted: bool,
    /// Fires only when what it acts on belongs to no named actor: one's own fighting halted
    /// ("halted military operations"), not the enemy's ("halted the Russian offensive").
    pub unowned: bool,
    /// Emitted only with a target: a judgement of someone's act ("regretted India's
    /// military action"), never of a loss ("regretted the loss of life").
    pub targeted: bool,
    /// Line in the pattern file.
    pub line: usize,
}

/// The compiled pattern table.
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    /// Name of the file the patterns came from.
    pub file: String,
    /// Every trigger entry.
    pub entries: Vec<Pattern>,
    by_lemma: HashMap<(Pos, String), Vec<usize>>,
    forms: HashMap<String, String>,
    light: HashMap<String, Option<String>>,
    themes: HashMap<String, Theme>,
    arms: HashMap<String, Arm>,
    speech: HashMap<String, Modality>,
    speech_forms: HashSet<String>,
    intent: HashSet<String>,
    request: HashSet<String>,
    threat: HashSet<String>,
    hypo: HashSet<String>,
    negator: HashSet<String>,
    /// Content hash of the source, for provenance.
    pub digest: u64,
}

impl Patterns {
    /// The built-in patterns.
    ///
    /// # Errors
    /// When the built-in file is malformed (a bug in rung, caught by its tests).
    pub fn builtin() -> Result<Patterns, CoderError> {
        Patterns::parse(BUILTIN_NAME, BUILTIN)
    }

    /// Parses a pattern file.
    ///
    /// # Errors
    /// [`CoderError::Pattern`] naming the file, line and entry of the first malformed entry.
    pub fn parse(file: &str, src: &str) -> Result<Patterns, CoderError> {
        let mut p = Patterns {
            file: file.to_string(),
            digest: fnv(src),
            ..Patterns::default()
        };
        let mut irregular: HashMap<String, Vec<String>> = HashMap::new();
        for (n, raw) in src.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |msg: String| CoderError::Pattern {
                file: file.to_string(),
                line: n + 1,
                entry: line.to_string(),
                msg,
            };
            let mut fields = line.split_whitespace();
            let kind = fields.next().unwrap_or("");
            let rest: Vec<&str> = fields.collect();
            match kind {
                "verb" | "noun" => {
                    let pat = parse_trigger(kind, &rest, n + 1).map_err(err)?;
                    let key = (pat.pos, pat.lemma.clone());
                    let dup = p.by_lemma.get(&key).into_iter().flatten().any(|&i| {
                        p.entries[i].particle == pat.particle
                            && p.entries[i].need == pat.need
                            && p.entries[i].need_also == pat.need_also
                            && p.entries[i].own_future == pat.own_future
                            && p.entries[i].host == pat.host
                            && p.entries[i].attempted == pat.attempted
                            && p.entries[i].unowned == pat.unowned
                    });
                    if dup {
                        return Err(err(format!("duplicate {kind} entry for '{}'", pat.lemma)));
                    }
                    p.by_lemma.entry(key).or_default().push(p.entries.len());
                    p.entries.push(pat);
                }
                "light" => {
                    need_words(&rest, 1).map_err(err)?;
                    for w in rest {
                        let (l, part) = split_particle(w);
                        p.light.insert(l.to_string(), part.map(str::to_string));
                    }
                }
                "theme" | "arm" | "speech" => {
                    need_words(&rest, 2).map_err(err)?;
                    let cat = rest[0];
                    for w in &rest[1..] {
                        let w = w.to_string();
                        match (kind, cat) {
                            ("theme", "military") => p.themes.insert(w, Theme::Military),
                            ("theme", "humanitarian") => p.themes.insert(w, Theme::Humanitarian),
                            ("theme", "economic") => p.themes.insert(w, Theme::Economic),
                            ("theme", "intel") => p.themes.insert(w, Theme::Intel),
                            ("arm", "smallarms") => {
                                p.arms.insert(w, Arm::SmallArms).map(|_| Theme::Military)
                            }
                            ("arm", "artillery") => {
                                p.arms.insert(w, Arm::Artillery).map(|_| Theme::Military)
                            }
                            ("arm", "aerial") => {
                                p.arms.insert(w, Arm::Aerial).map(|_| Theme::Military)
                            }
                            ("speech", "reported") => {
                                p.speech.insert(w, Modality::Reported).map(|_| Theme::Intel)
                            }
                            ("speech", "claimed") => {
                                p.speech.insert(w, Modality::Claimed).map(|_| Theme::Intel)
                            }
                            _ => return Err(err(format!("unknown {kind} category '{cat}'"))),
                        };
                    }
                }
                "intent" | "request" | "threat" | "hypo" | "negator" => {
                    need_words(&rest, 1).map_err(err)?;
                    let set = match kind {
                        "intent" => &mut p.intent,
                        "request" => &mut p.request,
                        "threat" => &mut p.threat,
                        "hypo" => &mut p.hypo,
                        _ => &mut p.negator,
                    };
                    set.extend(rest.iter().map(|w| w.to_string()));
                }
                "forms" => {
                    need_words(&rest, 2).map_err(err)?;
                    irregular.insert(
                        rest[0].to_string(),
                        rest[1..].iter().map(|w| w.to_string()).collect(),
                    );
                }
                _ => return Err(err(format!("unknown entry kind '{kind}'"))),
            }
        }
        p.build_forms(&irregular);
        Ok(p)
    }

    /// Checks every code against the codebook.
    ///
    /// # Errors
    /// [`CoderError::Pattern`] for the first entry whose code (or theme code) `known`
    /// rejects.
    pub fn check_codes(&self, known: impl Fn(&str) -> bool) -> Result<(), CoderError> {
        for e in &self.entries {
            let codes = std::iter::once(&e.code).chain(e.theme_codes.iter().flatten());
            for c in codes {
                if !known(c) {
                    return Err(CoderError::Pattern {
                        file: self.file.clone(),
                        line: e.line,
                        entry: e.lemma.clone(),
                        msg: format!("CAMEO code {c} is not in the codebook"),
                    });
                }
            }
        }
        Ok(())
    }

    fn build_forms(&mut self, irregular: &HashMap<String, Vec<String>>) {
        // File order, so that a form shared by two entries ("threats") always maps to the
        // first ("threat"): a HashMap's order would make coding vary from run to run.
        let lemmas: Vec<(Pos, String)> = self
            .entries
            .iter()
            .map(|e| (e.pos, e.lemma.clone()))
            .collect();
        for (pos, lemma) in lemmas {
            let mut forms = match pos {
                Pos::Verb => verb_forms(&lemma),
                Pos::Noun => noun_forms(&lemma),
            };
            if let Some(extra) = irregular.get(&lemma) {
                forms.extend(extra.iter().cloned());
            }
            for f in forms {
                self.forms.entry(f).or_insert_with(|| lemma.clone());
            }
        }
        // The inflections of the verbs of speech, for sentences that are not parsed.
        for lemma in self.speech.keys() {
            self.speech_forms.extend(verb_forms(lemma));
            if let Some(extra) = irregular.get(lemma) {
                self.speech_forms.extend(extra.iter().cloned());
            }
        }
    }

    /// The trigger lemma of a lowercase word form, if any pattern has it.
    pub fn trigger_lemma(&self, lower: &str) -> Option<&str> {
        self.forms.get(lower).map(String::as_str)
    }

    /// The entries for a lemma and word class.
    pub fn lookup(&self, pos: Pos, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.by_lemma
            .get(&(pos, lemma.to_string()))
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
    }

    /// Whether `lemma` is a light verb, and the particle it needs.
    pub fn light(&self, lemma: &str) -> Option<&Option<String>> {
        self.light.get(lemma)
    }
    /// Theme category of a lemma.
    pub fn theme(&self, lemma: &str) -> Option<Theme> {
        self.themes.get(lemma).copied()
    }
    /// Weapon category of a lemma.
    pub fn arm(&self, lemma: &str) -> Option<Arm> {
        self.arms.get(lemma).copied()
    }
    /// Modality of a speech verb.
    pub fn speech(&self, lemma: &str) -> Option<Modality> {
        self.speech.get(lemma).copied()
    }
    /// Whether a lowercase word form is a form of a verb of speech ("said", "reported").
    pub fn is_speech_form(&self, lower: &str) -> bool {
        self.speech_forms.contains(lower)
    }
    /// Verb of intent.
    pub fn is_intent(&self, lemma: &str) -> bool {
        self.intent.contains(lemma)
    }
    /// Verb of request.
    pub fn is_request(&self, lemma: &str) -> bool {
        self.request.contains(lemma)
    }
    /// Verb of threat.
    pub fn is_threat(&self, lemma: &str) -> bool {
        self.threat.contains(lemma)
    }
    /// Word making its clause hypothetical.
    pub fn is_hypo(&self, lemma: &str) -> bool {
        self.hypo.contains(lemma)
    }
    /// Negation word.
    pub fn is_negator(&self, lemma: &str) -> bool {
        self.negator.contains(lemma)
    }
}

fn need_words(rest: &[&str], n: usize) -> Result<(), String> {
    if rest.len() < n {
        return Err(format!("expected at least {n} word(s)"));
    }
    Ok(())
}

fn split_particle(w: &str) -> (&str, Option<&str>) {
    match w.split_once('_') {
        Some((a, b)) => (a, Some(b)),
        None => (w, None),
    }
}

fn parse_trigger(kind: &str, rest: &[&str], line: usize) -> Result<Pattern, String> {
    if rest.len() < 3 {
        return Err("expected LEMMA CODE FRAME".into());
    }
    let (lemma, particle) = split_particle(rest[0]);
    let code = rest[1];
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{code}' is not a CAMEO code (2 to 4 digits)"));
    }
    let frame = match rest[2] {
        "ap" => Frame::Ap,
        "transfer" => Frame::Transfer,
        "appeal" => Frame::Appeal,
        "self" => Frame::SelfTarget,
        "suffer" => Frame::Suffer,
        f => {
            return Err(format!(
                "unknown frame '{f}' (ap, transfer, appeal, self, suffer)"
            ))
        }
    };
    let mut pat = Pattern {
        pos: if kind == "verb" { Pos::Verb } else { Pos::Noun },
        lemma: lemma.to_lowercase(),
        particle: particle.map(str::to_lowercase),
        code: code.to_string(),
        frame,
        preps: Vec::new(),
        need: Vec::new(),
        need_also: Vec::new(),
        not: Vec::new(),
        theme_codes: [None, None, None, None],
        arms: false,
        modality: None,
        nomil: false,
        armed: false,
        own_future: false,
        owner: false,
        counted: false,
        named: false,
        host: false,
        attempted: false,
        unowned: false,
        targeted: false,
        line,
    };
    for opt in &rest[3..] {
        let (k, v) = opt.split_once('=').unwrap_or((opt, ""));
        let list = || {
            v.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        match k {
            "prep" => pat.preps = list(),
            "need" if pat.need.is_empty() => pat.need = list(),
            "need" => pat.need_also.push(list()),
            "not" => pat.not = list(),
            "mil" | "hum" | "econ" | "intel" => {
                if !(2..=4).contains(&v.len()) || !v.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(format!("'{v}' is not a CAMEO code in option {k}"));
                }
                let i = ["mil", "hum", "econ", "intel"]
                    .iter()
                    .position(|x| *x == k)
                    .unwrap_or(0);
                pat.theme_codes[i] = Some(v.to_string());
            }
            "arms" => pat.arms = true,
            "nomil" => pat.nomil = true,
            "armed" => pat.armed = true,
            "counted" => pat.counted = true,
            "named" => pat.named = true,
            "own" => pat.own_future = true,
            "owner" => pat.owner = true,
            "host" => pat.host = true,
            "attempted" => pat.attempted = true,
            "unowned" => pat.unowned = true,
            "targeted" => pat.targeted = true,
            "mod" => {
                pat.modality = Some(match v {
                    "threatened" => Modality::Threatened,
                    "requested" => Modality::Requested,
                    "intended" => Modality::Intended,
                    _ => return Err(format!("unknown modality '{v}'")),
                })
            }
            _ => return Err(format!("unknown option '{opt}'")),
        }
        if matches!(k, "prep" | "need" | "not") && v.is_empty() {
            return Err(format!("option {k} needs a value"));
        }
    }
    Ok(pat)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Regular inflections of a verb; for short consonant-vowel-consonant verbs both the
/// doubled ("shipped") and plain spellings are produced, since a spurious form only costs
/// a lookup-table entry.
pub fn verb_forms(l: &str) -> Vec<String> {
    let b = l.as_bytes();
    let mut out = vec![l.to_string()];
    let n = b.len();
    if n == 0 {
        return out;
    }
    let last = b[n - 1];
    if l.ends_with('e') {
        let stem = &l[..n - 1];
        out.extend([format!("{l}s"), format!("{l}d"), format!("{stem}ing")]);
    } else if last == b'y' && n > 1 && !is_vowel(b[n - 2]) {
        let stem = &l[..n - 1];
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{l}ing"),
        ]);
    } else {
        let es = matches!(last, b's' | b'x' | b'z') || l.ends_with("ch") || l.ends_with("sh");
        out.push(if es {
            format!("{l}es")
        } else {
            format!("{l}s")
        });
        out.extend([format!("{l}ed"), format!("{l}ing")]);
        if n >= 3
            && !is_vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && is_vowel(b[n - 2])
            && !is_vowel(b[n - 3])
        {
            let c = last as char;
            out.extend([format!("{l}{c}ed"), format!("{l}{c}ing")]);
        }
    }
    out
}

/// Regular plural of a noun, plus the noun itself.
pub fn noun_forms(l: &str) -> Vec<String> {
    let mut out = vec![l.to_string()];
    if l.ends_with('s') {
        return out;
    }
    if l.ends_with('y') && l.len() > 1 && !is_vowel(l.as_bytes()[l.len() - 2]) {
        out.push(format!("{}ies", &l[..l.len() - 1]));
    } else if l.ends_with("ch") || l.ends_with("sh") || l.ends_with('x') {
        out.push(format!("{l}es"));
    } else {
        out.push(format!("{l}s"));
    }
    out
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let p = Patterns::builtin().unwrap();
        assert!(p.entries.len() > 100);
        assert_eq!(p.trigger_lemma("shelled"), Some("shell"));
        assert_eq!(p.trigger_lemma("gave"), Some("give"));
        assert_eq!(p.trigger_lemma("shipped"), Some("ship"));
        assert_eq!(p.trigger_lemma("accusing"), Some("accuse"));
        assert_eq!(p.trigger_lemma("threats"), Some("threat"));
        assert!(p.speech("say").is_some());
    }

    #[test]
    fn all_roots_covered() {
        let p = Patterns::builtin().unwrap();
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(
                p.entries.iter().any(|e| e.code.starts_with(&r)),
                "no pattern for root {r}"
            );
        }
    }

    #[test]
    fn malformed_entry_names_line() {
        let src = "verb attack 190 ap\nverb hit 19x ap\n";
        let e = Patterns::parse("p.txt", src).unwrap_err().to_string();
        assert!(
            e.contains("p.txt") && e.contains("line 2") && e.contains("hit 19x"),
            "{e}"
        );
        let e = Patterns::parse("p.txt", "verb x 190 zz")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown frame"), "{e}");
        let e = Patterns::parse("p.txt", "verb x 190 ap\nverb x 190 ap")
            .unwrap_err()
            .to_string();
        assert!(e.contains("duplicate"), "{e}");
        let e = Patterns::parse("p.txt", "verb x 190 ap foo=1")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown option"), "{e}");
    }

    #[test]
    fn unknown_code_is_rejected() {
        let p = Patterns::parse("p.txt", "verb x 199 ap").unwrap();
        let e = p.check_codes(|c| c != "199").unwrap_err().to_string();
        assert!(e.contains("199") && e.contains("line 1"), "{e}");
    }
}
