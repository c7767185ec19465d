//! TABARI `.options` and `.project` files, PETRARCH `<Config>` options, and discards.
//!
//! Only options that change which events come out are honoured (`CODE BY SENTENCE`,
//! `CODE BY CLAUSE`, `CODE ALL`, `require_dyad`, `new_actor_length`); output, display and
//! bookkeeping options are read and reported as ignored.

use crate::error::LegacyError;
use crate::lines::{content_lines, Flavor, Problems};
use crate::model::{parse_phrase, DiscardEntry};
use std::path::{Path, PathBuf};

/// How many events a sentence may yield.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeBy {
    /// One event per clause (TABARI default).
    #[default]
    Clause,
    /// One event per sentence.
    Sentence,
    /// Every verb that matches.
    All,
}

/// What an agent with no actor next to it ("a senior official") codes as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgentAlone {
    /// `---GOV` (PETRARCH).
    #[default]
    Dashes,
    /// Nothing: it is not an actor (TABARI).
    Drop,
    /// `~GOV` (TABARI with `SET: CONVERT AGENT = TRUE`).
    Tilde,
}

/// Coder options the legacy formats can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoderOptions {
    /// TABARI `SET: CODE BY ...`.
    pub code_by: CodeBy,
    /// PETRARCH `require_dyad`: drop events without both a source and a target.
    pub require_dyad: bool,
    /// PETRARCH `new_actor_length`: code unknown capitalised noun phrases of up to this
    /// many words as actors (0 = off).
    pub new_actor_length: usize,
    /// TABARI: a verb's default source is the first actor of its clause (PETRARCH and
    /// rung: the nearest one before the verb).
    pub first_actor_source: bool,
    /// TABARI: `it`, `he`, `she`, `him`, `her`, `they`, `them` stand for the sentence's
    /// first actor.
    pub resolve_pronouns: bool,
    /// What a lone agent codes as.
    pub agent_alone: AgentAlone,
    /// TABARI `SET: MINIMUM WORDS`: shorter sentences are not coded.
    pub min_words: usize,
    /// TABARI `DEFAULT: SOURCE [X]`: source code when none is found.
    pub default_source: Option<String>,
    /// TABARI `DEFAULT: ... TARGET [Y]`: target code when none is found.
    pub default_target: Option<String>,
    /// TABARI `FORWARD: ^^*****NNN*SSS`: how many trailing characters of a record id
    /// number the sentence within its story (the `S`s); 0 = no forwarding.
    pub forward_sentence_chars: usize,
}

impl Default for CoderOptions {
    fn default() -> Self {
        CoderOptions {
            code_by: CodeBy::Clause,
            require_dyad: true,
            new_actor_length: 0,
            first_actor_source: false,
            resolve_pronouns: false,
            agent_alone: AgentAlone::Dashes,
            min_words: 0,
            default_source: None,
            default_target: None,
            forward_sentence_chars: 0,
        }
    }
}

impl CoderOptions {
    /// TABARI's conventions: one event per clause, first actor as source, pronouns.
    pub fn tabari() -> Self {
        CoderOptions {
            code_by: CodeBy::Clause,
            first_actor_source: true,
            resolve_pronouns: true,
            agent_alone: AgentAlone::Drop,
            // TABARI's default `SET: MINIMUM WORDS`.
            min_words: 8,
            ..CoderOptions::default()
        }
    }

    /// PETRARCH's conventions: every verb codes, nearest actor as source, dyads required.
    pub fn petrarch() -> Self {
        CoderOptions {
            code_by: CodeBy::All,
            ..CoderOptions::default()
        }
    }

    /// Applies one TABARI option line (`SET: CODE BY SENTENCE`); returns `false` when
    /// the line is valid but rung ignores it.
    pub fn apply_tabari(&mut self, line: &str) -> bool {
        let l: String = line
            .to_uppercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        match l.as_str() {
            "SET: CODE BY SENTENCE" => self.code_by = CodeBy::Sentence,
            "SET: CODE BY CLAUSE" => self.code_by = CodeBy::Clause,
            "SET: CODE ALL" => self.code_by = CodeBy::All,
            "SET: CONVERT AGENT = TRUE" => self.agent_alone = AgentAlone::Tilde,
            "SET: CONVERT AGENT = FALSE" => self.agent_alone = AgentAlone::Drop,
            "DEFAULT: OFF" => {
                self.default_source = None;
                self.default_target = None;
            }
            _ => return self.apply_tabari_valued(&l),
        }
        true
    }

    /// `SET: MINIMUM WORDS = 8`, `DEFAULT: SOURCE [X] TARGET [Y]`.
    fn apply_tabari_valued(&mut self, l: &str) -> bool {
        if let Some(mask) = l.strip_prefix("FORWARD:") {
            let mut parts = mask.split_whitespace();
            let m = parts.next().unwrap_or("");
            self.forward_sentence_chars = match parts.next() {
                Some("OFF") => 0,
                None => m.chars().filter(|&c| c == 'S').count(),
                Some(_) => return false,
            };
            return true;
        }
        if let Some(n) = l.strip_prefix("SET: MINIMUM WORDS =") {
            return match n.trim().parse() {
                Ok(n) => {
                    self.min_words = n;
                    true
                }
                Err(_) => false,
            };
        }
        let Some(rest) = l.strip_prefix("DEFAULT:") else {
            return false;
        };
        let code_after = |key: &str| -> Option<String> {
            let p = rest.find(key)? + key.len();
            let r = rest[p..].trim_start().strip_prefix('[')?;
            Some(r[..r.find(']')?].trim().to_string())
        };
        self.default_source = code_after("SOURCE");
        self.default_target = code_after("TARGET");
        self.default_source.is_some() || self.default_target.is_some()
    }

    /// Applies one PETRARCH `<Config option= value=>`; `false` when ignored.
    pub fn apply_petrarch(&mut self, option: &str, value: &str) -> bool {
        let v = value.trim();
        match option.trim() {
            "require_dyad" => self.require_dyad = v.eq_ignore_ascii_case("true"),
            "new_actor_length" => match v.parse() {
                Ok(n) => self.new_actor_length = n,
                Err(_) => return false,
            },
            _ => return false,
        }
        true
    }
}

/// Reads a TABARI `.options` file: honoured options change `opts`, the rest are noted.
pub(crate) fn read_tabari_options(
    text: &str,
    opts: &mut CoderOptions,
    problems: &mut Problems<'_>,
) -> Result<Vec<(String, String)>, LegacyError> {
    let mut labels = Vec::new();
    for line in content_lines(text, Flavor::Tabari) {
        let t = line.text;
        if t.starts_with("~~") {
            break;
        }
        let Some((key, rest)) = t.split_once(':') else {
            problems.bad(
                &line,
                "expected `KEYWORD: value` (SET:, COMPLEX:, OUTPUT:, LABEL:)",
            )?;
            continue;
        };
        match key.trim().to_uppercase().as_str() {
            "LABEL" => {
                let Some((code, name)) = rest.split_once('=') else {
                    problems.bad(&line, "expected `LABEL: code=NAME`")?;
                    continue;
                };
                labels.push((code.trim().to_string(), name.trim().to_string()));
            }
            "SET" | "COMPLEX" | "OUTPUT" | "FORWARD" | "DELETE" | "HIERARCHY" | "DATE"
            | "DEFAULT" => {
                if !opts.apply_tabari(t) {
                    problems.note(line.number, format!("option ignored by rung: `{t}`"));
                }
            }
            _ => problems.bad(
                &line,
                "expected SET:, COMPLEX:, OUTPUT:, FORWARD: or LABEL:",
            )?,
        }
    }
    Ok(labels)
}

/// Files a TABARI `.project` names, resolved against its directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TabariProject {
    /// `<actorsfile>`.
    pub actors: Vec<PathBuf>,
    /// `<verbsfile>`.
    pub verbs: Vec<PathBuf>,
    /// `<agentsfile>`.
    pub agents: Vec<PathBuf>,
    /// `<optionsfile>`.
    pub options: Option<PathBuf>,
    /// `<textfile>`.
    pub text: Option<PathBuf>,
}

/// Reads a TABARI `.project` file.
pub fn read_project(path: &Path) -> Result<TabariProject, LegacyError> {
    let text = crate::error::read_text(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut p = TabariProject::default();
    for (i, raw) in text.lines().enumerate() {
        let t = raw.trim();
        let Some(rest) = t.strip_prefix('<') else {
            continue;
        };
        let Some((tag, value)) = rest.split_once('>') else {
            continue;
        };
        let value = value.trim();
        let file = || dir.join(value);
        match tag.trim() {
            "actorsfile" => p.actors.push(file()),
            "verbsfile" => p.verbs.push(file()),
            "agentsfile" => p.agents.push(file()),
            "optionsfile" => p.options = Some(file()),
            "textfile" => p.text = Some(file()),
            _ => {}
        }
        if matches!(
            tag.trim(),
            "actorsfile" | "verbsfile" | "agentsfile" | "optionsfile" | "textfile"
        ) && value.is_empty()
        {
            return Err(LegacyError::syntax(
                path,
                i + 1,
                "expected a file name after the tag",
                raw,
            ));
        }
    }
    Ok(p)
}

/// Reads a discard file (PETRARCH: `+` marks story-level discards).
pub(crate) fn read_discards(text: &str, flavor: Flavor) -> Vec<DiscardEntry> {
    content_lines(text, flavor)
        .iter()
        .filter_map(|l| {
            let (story, t) = match l.text.strip_prefix('+') {
                Some(t) => (true, t),
                None => (false, l.text),
            };
            let phrase = parse_phrase(t.trim(), false);
            (!phrase.is_empty()).then_some(DiscardEntry { phrase, story })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_honoured_and_ignored() {
        let mut o = CoderOptions::default();
        let mut p = Problems::new(Path::new("x.options"), false);
        let text = "SET: CODE BY SENTENCE\nOUTPUT: ACTOR MATCH ID\nLABEL: 010=YIELD\n";
        let labels = read_tabari_options(text, &mut o, &mut p).unwrap();
        assert_eq!(o.code_by, CodeBy::Sentence);
        assert_eq!(labels, vec![("010".to_string(), "YIELD".to_string())]);
        assert_eq!(p.notes.len(), 1);
        assert!(read_tabari_options("GARBAGE LINE\n", &mut o, &mut p).is_err());
    }

    #[test]
    fn forward_mask_counts_sentence_characters() {
        let mut o = CoderOptions::tabari();
        assert!(o.apply_tabari("FORWARD: ^^*****NNN*SSS"));
        assert_eq!(o.forward_sentence_chars, 3);
        assert!(o.apply_tabari("FORWARD: ^^*****NNN*SSS OFF"));
        assert_eq!(o.forward_sentence_chars, 0);
    }

    #[test]
    fn petrarch_config() {
        let mut o = CoderOptions::default();
        assert!(o.apply_petrarch("require_dyad", "FALSE"));
        assert!(!o.require_dyad);
        assert!(!o.apply_petrarch("comma_min", "2"));
    }

    #[test]
    fn discards_story_flag() {
        let d = read_discards("# c\nMONTHS LATER\n+TYPHOON   # x\n", Flavor::Petrarch);
        assert_eq!(d.len(), 2);
        assert!(!d[0].story && d[1].story);
    }
}
