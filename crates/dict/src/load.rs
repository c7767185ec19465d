//! Loading the built-in actor tables (`data/countries.tsv`, `data/actors.tsv`,
//! `data/agents.tsv`), embedded in the binary with `include_str!`.

use crate::actors::{ActorDict, ActorDictBuilder, ActorKind, Date};
use crate::codes::CodeSet;
use crate::tsv::{list, rows, Row};
use crate::DictError;
use std::sync::OnceLock;

pub(crate) const COUNTRIES: (&str, &str) = ("countries.tsv", include_str!("../data/countries.tsv"));
pub(crate) const ACTORS: (&str, &str) = ("actors.tsv", include_str!("../data/actors.tsv"));
pub(crate) const AGENTS: (&str, &str) = ("agents.tsv", include_str!("../data/agents.tsv"));

const COUNTRY_HEADER: &[&str] = &["code", "iso2", "names", "demonyms", "seats"];
const ACTOR_HEADER: &[&str] = &["patterns", "code", "kind", "from", "to", "note"];
const AGENT_HEADER: &[&str] = &["patterns", "role", "generic", "note"];

/// The country codes of `data/countries.tsv` (empty if the file is broken: building the
/// actor dictionary then reports the error).
pub(crate) fn country_codes() -> CodeSet {
    static CODES: OnceLock<CodeSet> = OnceLock::new();
    CODES
        .get_or_init(|| {
            let (file, text) = COUNTRIES;
            let rows = rows(file, text, COUNTRY_HEADER, 2).unwrap_or_default();
            CodeSet::new(rows.iter().map(|r| r.get(0)))
        })
        .clone()
}

/// Builds the built-in actor dictionary.
pub(crate) fn builtin_actors() -> Result<ActorDict, DictError> {
    let mut b = ActorDict::builder();
    load_countries(&mut b)?;
    load_actors(&mut b, ACTORS.0, ACTORS.1)?;
    load_agents(&mut b, AGENTS.0, AGENTS.1)?;
    b.build()
}

fn load_countries(b: &mut ActorDictBuilder) -> Result<(), DictError> {
    let (file, text) = COUNTRIES;
    for r in rows(file, text, COUNTRY_HEADER, 3)? {
        let code = r.get(0);
        if code.len() != 3 || !code.bytes().all(|c| c.is_ascii_uppercase()) {
            return Err(r.error(file, format!("country code {code:?} is not three capitals")));
        }
        let iso2 = r.get(1);
        if iso2.len() != 2 || !iso2.bytes().all(|c| c.is_ascii_uppercase()) {
            return Err(r.error(
                file,
                format!("ISO alpha-2 code {iso2:?} is not two capitals"),
            ));
        }
        let src = (file, r.line);
        for name in list(r.get(2)) {
            b.add_sourced(name, code, ActorKind::Country, false, None, None, src)?;
        }
        for demonym in list(r.get(3)) {
            b.add_sourced(demonym, code, ActorKind::Demonym, false, None, None, src)?;
            if let Some(plural) = plural_demonym(demonym) {
                b.add_sourced(&plural, code, ActorKind::Demonym, false, None, None, src)?;
            }
        }
        let gov = format!("{code}GOV");
        for seat in list(r.get(4)) {
            b.add_sourced(seat, &gov, ActorKind::Seat, false, None, None, src)?;
        }
    }
    Ok(())
}

/// "Ukrainian" -> "Ukrainians", "Israeli" -> "Israelis", "Pole" -> "Poles"; none for
/// "British", "French", "Chinese", "Swiss" (the plural is the adjective with "the").
pub(crate) fn plural_demonym(d: &str) -> Option<String> {
    let last = d.split_whitespace().last()?;
    let no_plural = ["ese", "sh", "ch", "s", "x", "z"];
    if no_plural.iter().any(|s| last.ends_with(s)) || !last.ends_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    Some(format!("{d}s"))
}

/// Loads a file in the `actors.tsv` format (also usable for users' own tables).
///
/// # Errors
/// [`DictError`] naming the file, line and entry of the first bad row.
pub fn load_actors(b: &mut ActorDictBuilder, file: &str, text: &str) -> Result<(), DictError> {
    for r in rows(file, text, ACTOR_HEADER, 3)? {
        let kind = ActorKind::parse(r.get(2))
            .ok_or_else(|| r.error(file, format!("unknown kind {:?}", r.get(2))))?;
        let from = date(&r, file, r.get(3))?;
        let to = date(&r, file, r.get(4))?;
        for p in list(r.get(0)) {
            b.add_sourced(p, r.get(1), kind, false, from, to, (file, r.line))?;
        }
    }
    Ok(())
}

/// Loads a file in the `agents.tsv` format; each pattern also gets its regular plural.
///
/// # Errors
/// [`DictError`] naming the file, line and entry of the first bad row.
pub fn load_agents(b: &mut ActorDictBuilder, file: &str, text: &str) -> Result<(), DictError> {
    for r in rows(file, text, AGENT_HEADER, 2)? {
        let generic = match r.get(2) {
            "" | "-" => false,
            "generic" => true,
            other => {
                return Err(r.error(
                    file,
                    format!("third column must be 'generic' or empty, not {other:?}"),
                ))
            }
        };
        for p in list(r.get(0)) {
            let src = (file, r.line);
            b.add_sourced(p, r.get(1), ActorKind::Agent, generic, None, None, src)?;
            if let Some(pl) = plural_noun(p) {
                b.add_sourced(&pl, r.get(1), ActorKind::Agent, generic, None, None, src)?;
            }
        }
    }
    Ok(())
}

/// The regular plural of a phrase's last word ("soldier" -> "soldiers", "spokesman" ->
/// "spokesmen", "militia" -> "militias", "army" -> "armies"); none for words that are
/// already plural or uncountable (ending in s, and a short list).
pub(crate) fn plural_noun(p: &str) -> Option<String> {
    let last = p.split_whitespace().last()?;
    let lower = last.to_lowercase();
    let keep = [
        "military",
        "police",
        "staff",
        "personnel",
        "media",
        "intelligence",
        "infantry",
        "artillery",
        "leadership",
        "government",
        "administration",
        "navy",
        "command",
        "fleet",
        "aviation",
        "defence",
        "defense",
        "security",
        "cabinet",
        "parliament",
        "rosgvardia",
        "office",
        "kremlin",
    ];
    if lower.ends_with('s')
        || keep.contains(&lower.as_str())
        || !lower.ends_with(|c: char| c.is_ascii_alphabetic())
    {
        return None;
    }
    let stem = &p[..p.len() - last.len()];
    let plural = if let Some(s) = last.strip_suffix("man") {
        format!("{s}men")
    } else if last.ends_with('y')
        && !last.ends_with("ey")
        && !last.ends_with("ay")
        && !last.ends_with("oy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if last.ends_with("sh") || last.ends_with("ch") || last.ends_with('x') {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    Some(format!("{stem}{plural}"))
}

/// Parses a `YYYY-MM-DD` date field (empty or `-` for none).
pub(crate) fn date(r: &Row<'_>, file: &str, s: &str) -> Result<Option<Date>, DictError> {
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    parse_date(s)
        .map(Some)
        .ok_or_else(|| r.error(file, format!("bad date {s:?} (want YYYY-MM-DD)")))
}

/// Parses `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let mut it = s.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u8 = it.next()?.parse().ok()?;
    let d: u8 = it.next()?.parse().ok()?;
    (it.next().is_none() && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural_demonym("Ukrainian").as_deref(), Some("Ukrainians"));
        assert_eq!(plural_demonym("British"), None);
        assert_eq!(plural_demonym("Chinese"), None);
        assert_eq!(plural_noun("spokesman").as_deref(), Some("spokesmen"));
        assert_eq!(plural_noun("army").as_deref(), Some("armies"));
        assert_eq!(plural_noun("military"), None);
        assert_eq!(
            plural_noun("border guard").as_deref(),
            Some("border guards")
        );
        assert_eq!(plural_noun("soldier").as_deref(), Some("soldiers"));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-05-12"), Some((2024, 5, 12)));
        assert_eq!(parse_date("2024-13-12"), None);
        assert_eq!(parse_date("2024-05"), None);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let mut b = ActorDict::builder();
        let text = "patterns\tcode\tkind\tfrom\tto\tnote\nFoo\tRUSGOV\tnonsense\n";
        let err = load_actors(&mut b, "mine.tsv", text).unwrap_err();
        assert!(err.to_string().starts_with("mine.tsv:2:"), "{err}");
        let text = "patterns\tcode\tkind\tfrom\tto\tnote\nFoo\tRUSGOV\tperson\t2024-99-01\n";
        assert!(load_actors(&mut b, "mine.tsv", text).is_err());
    }
}
