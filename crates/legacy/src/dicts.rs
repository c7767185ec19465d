//! [`LegacyDictionaries`]: everything read from one or more legacy files, and the
//! `FORMAT:PATH` specs that name them.

use crate::actors::{read_actors, read_agents};
use crate::error::{read_text, Diagnostic, LegacyError};
use crate::lines::{Flavor, Problems};
use crate::model::{ActorEntry, AgentEntry, DateBound, DiscardEntry, Item, VerbEntry};
use crate::options::{read_discards, read_project, read_tabari_options, CoderOptions};
use crate::verbs::read_verbs;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// How strictly to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Skip malformed lines (each becomes a [`Diagnostic`]) instead of failing.
    /// Off by default: a dictionary that was not fully read is refused.
    pub lenient: bool,
}

/// Actors, agents, verbs, synsets, discards and options from legacy files.
#[derive(Debug, Clone, Default)]
pub struct LegacyDictionaries {
    /// Actor entries.
    pub actors: Vec<ActorEntry>,
    /// Agent entries.
    pub agents: Vec<AgentEntry>,
    /// Verb blocks.
    pub verbs: Vec<VerbEntry>,
    /// Synsets by upper-case name.
    pub synsets: HashMap<String, Vec<Vec<Item>>>,
    /// Discard phrases.
    pub discards: Vec<DiscardEntry>,
    /// Options set by the files (TABARI `.options`).
    pub options: CoderOptions,
    /// TABARI `LABEL:` lines: code and name (a codebook when present).
    pub labels: Vec<(String, String)>,
    /// Notes: ignored options, unknown codes, skipped lines (lenient mode).
    pub diagnostics: Vec<Diagnostic>,
}

/// What kind of entry a [`PlainEntry`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainKind {
    /// A named actor (country, organisation, person).
    Actor,
    /// A role that composes with an actor (`~GOV`).
    Agent,
}

/// An actor or agent in a plain form another dictionary can take in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainEntry {
    /// Upper-case words of the phrase.
    pub words: Vec<String>,
    /// The code (agents: the role without `~`).
    pub code: String,
    /// When the code applies.
    pub bound: DateBound,
    /// Actor or agent.
    pub kind: PlainKind,
}

impl LegacyDictionaries {
    /// Adds everything from `other`; entries of both are kept (first match wins in
    /// coding order, so `self`'s entries take precedence on equal length).
    pub fn merge(&mut self, other: LegacyDictionaries) {
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.verbs.extend(other.verbs);
        for (k, v) in other.synsets {
            self.synsets.entry(k).or_default().extend(v);
        }
        self.discards.extend(other.discards);
        self.labels.extend(other.labels);
        self.diagnostics.extend(other.diagnostics);
    }

    /// Actors and agents as plain entries, one per phrase and dated code.
    pub fn plain_entries(&self) -> Vec<PlainEntry> {
        let words = |p: &crate::model::Phrase| p.iter().map(|w| w.text.clone()).collect::<Vec<_>>();
        let mut out = Vec::new();
        for a in &self.actors {
            for p in &a.phrases {
                for c in &a.codes {
                    out.push(PlainEntry {
                        words: words(p),
                        code: c.code.clone(),
                        bound: c.bound,
                        kind: PlainKind::Actor,
                    });
                }
            }
        }
        for a in &self.agents {
            for p in &a.phrases {
                out.push(PlainEntry {
                    words: words(p),
                    code: a.code.clone(),
                    bound: DateBound::Always,
                    kind: PlainKind::Agent,
                });
            }
        }
        out
    }

    /// Adds actors and agents to a rung-dict builder, so rung's own coder can use them.
    ///
    /// Actors with a three-letter code become countries, others organizations; agents
    /// become agents with their role. `<D` is stored as "until D" (rung-dict ranges are
    /// inclusive). Entries rung-dict refuses (codes outside its codebook, `---`) are
    /// returned as diagnostics, not added.
    pub fn add_to_actor_dict(&self, builder: &mut rung_dict::ActorDictBuilder) -> Vec<Diagnostic> {
        use rung_dict::ActorKind;
        let day = |k: i32| ((k / 10_000), ((k / 100) % 100) as u8, (k % 100) as u8);
        let mut notes = Vec::new();
        // rung-dict wants non-overlapping date ranges: an unbounded default next to dated
        // codes ("[HOB]" plus "[HOBGOV 950601-990815]") cannot be said there, so the
        // dated codes go in and the default is reported.
        let mut entries = self.plain_entries();
        let dated: std::collections::HashSet<Vec<String>> = entries
            .iter()
            .filter(|e| e.kind == PlainKind::Actor && e.bound != DateBound::Always)
            .map(|e| e.words.clone())
            .collect();
        entries.retain(|e| {
            let keep = e.kind == PlainKind::Agent || e.bound != DateBound::Always || !dated.contains(&e.words);
            if !keep {
                notes.push(Diagnostic {
                    path: PathBuf::new(),
                    line: 0,
                    message: format!("not added to the actor dictionary: default code {} of `{}` beside dated codes", e.code, e.words.join(" ")),
                });
            }
            keep
        });
        for e in entries {
            let kind = match e.kind {
                PlainKind::Agent => ActorKind::Agent,
                PlainKind::Actor if e.code.len() == 3 => ActorKind::Country,
                PlainKind::Actor => ActorKind::Organization,
            };
            let (from, to) = match e.bound {
                DateBound::Always => (None, None),
                DateBound::Before(d) => (None, Some(day(d))),
                DateBound::After(d) => (Some(day(d)), None),
                DateBound::Between(a, b) => (Some(day(a)), Some(day(b))),
            };
            let pattern = e.words.join(" ").to_lowercase();
            if let Err(err) = builder.add_entry(&pattern, &e.code, kind, from, to) {
                notes.push(Diagnostic {
                    path: PathBuf::new(),
                    line: 0,
                    message: format!("not added to the actor dictionary: {err}"),
                });
            }
        }
        notes
    }

    /// Reports verb codes that are not in `known` (or, with `known` empty, not of the
    /// CAMEO shape: 2 to 4 digits). Returns how many were reported.
    pub fn check_event_codes(&mut self, known: &BTreeSet<String>) -> usize {
        let ok = |c: &str| {
            if known.is_empty() {
                (2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit())
            } else {
                known.contains(c)
            }
        };
        let mut notes = Vec::new();
        for v in &self.verbs {
            let mut check = |code: &crate::model::EventCode, file: &str, line: usize| {
                for c in [&code.primary, &code.paired].into_iter().flatten() {
                    if c != "###" && !ok(c) {
                        notes.push(Diagnostic {
                            path: PathBuf::from(file),
                            line,
                            message: format!(
                                "unknown event code `{c}` (verb {}); events with it are not coded",
                                v.name
                            ),
                        });
                    }
                }
            };
            check(&v.code, &v.origin.file, v.origin.line);
            for p in &v.patterns {
                check(&p.code, &p.origin.file, p.origin.line);
            }
        }
        let n = notes.len();
        self.diagnostics.extend(notes);
        n
    }

    /// Reads one file of a given kind and merges it in.
    pub fn load_file(
        &mut self,
        kind: FileKind,
        path: &Path,
        opts: LoadOptions,
    ) -> Result<(), LegacyError> {
        let text = read_text(path)?;
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut problems = Problems::new(path, opts.lenient);
        match kind {
            FileKind::Actors(fl) => {
                self.actors
                    .extend(read_actors(&text, &file, fl, &mut problems)?)
            }
            FileKind::Agents(fl) => {
                self.agents
                    .extend(read_agents(&text, &file, fl, &mut problems)?)
            }
            FileKind::Verbs(fl) => {
                let v = read_verbs(&text, &file, fl, &mut problems)?;
                self.verbs.extend(v.verbs);
                // A `[###]`/`[+++]` time phrase keeps its sentence from being coded,
                // as a discard phrase does.
                for items in v.time_discards {
                    let words: Option<Vec<_>> = items
                        .into_iter()
                        .map(|i| match i.kind {
                            crate::model::ItemKind::Word(w) => Some(w),
                            _ => None,
                        })
                        .collect();
                    if let Some(phrase) = words.filter(|w| !w.is_empty()) {
                        self.discards.push(crate::model::DiscardEntry {
                            phrase,
                            story: false,
                        });
                    }
                }
                for (k, s) in v.synsets {
                    self.synsets.entry(k).or_default().extend(s);
                }
            }
            FileKind::Discards(fl) => self.discards.extend(read_discards(&text, fl)),
            FileKind::TabariOptions => {
                let labels = read_tabari_options(&text, &mut self.options, &mut problems)?;
                self.labels.extend(labels);
            }
        }
        self.diagnostics.extend(problems.notes);
        Ok(())
    }
}

/// The kinds of legacy file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Actor dictionary.
    Actors(Flavor),
    /// Agent dictionary.
    Agents(Flavor),
    /// Verb dictionary.
    Verbs(Flavor),
    /// Discard list.
    Discards(Flavor),
    /// TABARI `.options`.
    TabariOptions,
}

/// Loads dictionaries named by a spec `FORMAT:PATH`.
///
/// | format | PATH |
/// | --- | --- |
/// | `petrarch` | a directory holding the PETRARCH-2 operational set: `CAMEO.2.0.txt`, `Phoenix.*.actors.txt`, `Phoenix.agents.txt`, `Phoenix.discards.txt` (those present; at least one) |
/// | `tabari` | a `.project` file, or a directory with `Validate.project` or exactly one `*.project` |
/// | `petrarch-verbs`, `petrarch-actors` (= `phoenix-actors`), `petrarch-agents` (= `phoenix-agents`), `petrarch-discards` | one PETRARCH file |
/// | `tabari-verbs`, `tabari-actors`, `tabari-agents`, `tabari-options`, `tabari-discards` | one TABARI file |
///
/// # Errors
/// An unknown format, a missing file, or any malformed line (with file and line).
pub fn load_dict(spec: &str) -> Result<LegacyDictionaries, LegacyError> {
    load_dict_with(spec, LoadOptions::default())
}

/// [`load_dict`] with options (e.g. lenient reading of a file known to hold a typo).
///
/// # Errors
/// As [`load_dict`]; in lenient mode malformed lines become diagnostics instead.
pub fn load_dict_with(spec: &str, opts: LoadOptions) -> Result<LegacyDictionaries, LegacyError> {
    let bad = |m: &str| LegacyError::Spec {
        spec: spec.to_string(),
        message: m.to_string(),
    };
    let (format, path) = spec
        .split_once(':')
        .ok_or_else(|| bad("expected FORMAT:PATH"))?;
    let path = Path::new(path);
    let mut d = LegacyDictionaries::default();
    let single = |kind| -> Result<LegacyDictionaries, LegacyError> {
        let mut d = LegacyDictionaries::default();
        d.load_file(kind, path, opts)?;
        Ok(d)
    };
    use Flavor::{Petrarch as P, Tabari as T};
    match format.to_ascii_lowercase().as_str() {
        "petrarch" => {
            d.options = CoderOptions::petrarch();
            let files = petrarch_set(path).map_err(|m| bad(&m))?;
            for (kind, p) in files {
                d.load_file(kind, &p, opts)?;
            }
        }
        "tabari" => {
            let project = find_project(path).map_err(|m| bad(&m))?;
            d = load_tabari_project(&project, opts)?;
        }
        "petrarch-verbs" => d = single(FileKind::Verbs(P))?,
        "petrarch-actors" | "phoenix-actors" => d = single(FileKind::Actors(P))?,
        "petrarch-agents" | "phoenix-agents" => d = single(FileKind::Agents(P))?,
        "petrarch-discards" | "phoenix-discards" => d = single(FileKind::Discards(P))?,
        "tabari-verbs" => d = single(FileKind::Verbs(T))?,
        "tabari-actors" => d = single(FileKind::Actors(T))?,
        "tabari-agents" => d = single(FileKind::Agents(T))?,
        "tabari-options" => d = single(FileKind::TabariOptions)?,
        "tabari-discards" => d = single(FileKind::Discards(T))?,
        other => return Err(bad(&format!("unknown format `{other}`"))),
    }
    Ok(d)
}

/// Loads the dictionaries and options a TABARI project names.
///
/// # Errors
/// Unreadable or malformed files.
pub fn load_tabari_project(
    project: &Path,
    opts: LoadOptions,
) -> Result<LegacyDictionaries, LegacyError> {
    let p = read_project(project)?;
    let mut d = LegacyDictionaries {
        options: CoderOptions::tabari(),
        ..LegacyDictionaries::default()
    };
    if let Some(o) = &p.options {
        d.load_file(FileKind::TabariOptions, o, opts)?;
    }
    for f in &p.actors {
        d.load_file(FileKind::Actors(Flavor::Tabari), f, opts)?;
    }
    for f in &p.agents {
        d.load_file(FileKind::Agents(Flavor::Tabari), f, opts)?;
    }
    for f in &p.verbs {
        d.load_file(FileKind::Verbs(Flavor::Tabari), f, opts)?;
    }
    Ok(d)
}

fn find_project(path: &Path) -> Result<PathBuf, String> {
    if path.is_file() {
        return Ok(path.to_path_buf());
    }
    if path.join("Validate.project").is_file() {
        return Ok(path.join("Validate.project"));
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("cannot list {}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "project"))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!("no .project file in {}", path.display())),
        _ => Err(format!(
            "several .project files in {}: name one",
            path.display()
        )),
    }
}

fn petrarch_set(dir: &Path) -> Result<Vec<(FileKind, PathBuf)>, String> {
    use Flavor::Petrarch as P;
    let names = [
        (FileKind::Verbs(P), "CAMEO.2.0.txt"),
        (FileKind::Actors(P), "Phoenix.Countries.actors.txt"),
        (FileKind::Actors(P), "Phoenix.International.actors.txt"),
        (FileKind::Actors(P), "Phoenix.MilNonState.actors.txt"),
        (FileKind::Agents(P), "Phoenix.agents.txt"),
        (FileKind::Discards(P), "Phoenix.discards.txt"),
    ];
    let found: Vec<_> = names
        .iter()
        .map(|(k, n)| (*k, dir.join(n)))
        .filter(|(_, p)| p.is_file())
        .collect();
    if found.is_empty() {
        return Err(format!(
            "no PETRARCH-2 dictionary files (CAMEO.2.0.txt, Phoenix.*) in {}",
            dir.display()
        ));
    }
    Ok(found)
}
