//! Golden cases: testdata/dict/*.toml. Each case gives pre-tokenized text (words separated
//! by single spaces, as rung's tokenizer cuts them) and the expected mentions, written
//! `"surface words=CODE"` for actors, `"surface words=canonical name"` for weapons and
//! `"surface words=COUNTRY"` for places. A field that is absent is not checked; an empty
//! list means "nothing found".

use rung_dict::Dictionaries;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    preferred: Vec<String>,
    actors: Option<Vec<String>>,
    weapons: Option<Vec<String>>,
    places: Option<Vec<String>>,
}

fn date(s: &str) -> Option<(i32, u8, u8)> {
    let mut it = s.split('-');
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

fn check(what: &str, want: &Option<Vec<String>>, got: Vec<String>) -> Result<(), String> {
    match want {
        Some(w) if *w != got => Err(format!("{what}: want {w:?}, got {got:?}")),
        _ => Ok(()),
    }
}

#[test]
fn golden() {
    let d = Dictionaries::builtin().unwrap_or_else(|e| panic!("{e}"));
    rung_testkit::run_golden("dict", |c: &Case| {
        let words: Vec<&str> = c.text.split(' ').collect();
        let span = |s: usize, e: usize| words[s..e].join(" ");
        let day = c.date.as_deref().and_then(date);
        let actors = d
            .actors
            .find_at(&words, day)
            .into_iter()
            .map(|m| format!("{}={}", span(m.start, m.end), m.code));
        check("actors", &c.actors, actors.collect())?;
        let weapons = d
            .weapons
            .find(&words)
            .into_iter()
            .map(|m| format!("{}={}", span(m.start, m.end), m.weapon.name));
        check("weapons", &c.weapons, weapons.collect())?;
        let pref: Vec<&str> = c.preferred.iter().map(String::as_str).collect();
        let places = d
            .places
            .find_with_context(&words, &pref)
            .into_iter()
            .map(|m| format!("{}={}", span(m.start, m.end), m.country));
        check("places", &c.places, places.collect())
    });
}
