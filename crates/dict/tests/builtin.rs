//! The built-in tables load, and behave on hand-written sentences.

use rung_dict::{ActorKind, Dictionaries};

fn w(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

fn codes(d: &Dictionaries, s: &str) -> Vec<String> {
    d.actors.find(&w(s)).into_iter().map(|m| m.code).collect()
}

#[test]
fn builtin_loads() {
    let d = Dictionaries::builtin().unwrap_or_else(|e| panic!("{e}"));
    assert!(d.actors.len() > 1000, "{}", d.actors.len());
    assert!(d.weapons.len() > 100);
    assert_eq!(d.codebook.len(), 318);
    assert!(d.version().starts_with("dict-"));
}

#[test]
fn composition() {
    let d = Dictionaries::builtin().unwrap();
    assert_eq!(codes(&d, "Russian forces attacked"), ["RUSMIL"]);
    assert_eq!(codes(&d, "Russia 's Defence Ministry said"), ["RUSGOVMIL"]);
    assert_eq!(
        codes(&d, "Kremlin spokesman Dmitry Peskov said"),
        ["RUSGOV"]
    );
    assert_eq!(
        codes(&d, "Ukrainian President Volodymyr Zelensky asked"),
        ["UKRGOV"]
    );
    assert_eq!(codes(&d, "the president of Ukraine"), ["UKRGOV"]);
    assert_eq!(codes(&d, "Russian military officials"), ["RUSMIL"]);
    assert_eq!(codes(&d, "Wagner fighters"), ["RUSUAF"]);
    let m = d.actors.find(&w("troops advanced"));
    assert_eq!(
        (m[0].kind, m[0].country.as_deref(), m[0].role.as_str()),
        (ActorKind::Agent, None, "MIL")
    );
}

#[test]
fn places_resolve() {
    let d = Dictionaries::builtin().unwrap();
    let t = std::time::Instant::now();
    let _ = Dictionaries::builtin();
    eprintln!("cached builtin: {:?}", t.elapsed());
    let m = d
        .places
        .find(&w("strikes on Pokrovsk and the Belgorod region"));
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(
        (m[0].name.as_str(), m[0].country.as_str()),
        ("Pokrovsk", "UKR")
    );
    assert_eq!(
        (m[1].name.as_str(), m[1].country.as_str()),
        ("Belgorod Oblast", "RUS")
    );
}

#[test]
#[ignore = "timing probe: cargo test --release -- --ignored --nocapture"]
fn load_timing() {
    let t = std::time::Instant::now();
    let d = Dictionaries::load().unwrap();
    eprintln!("load: {:?}", t.elapsed());
    let data = |n: &str| {
        rung_dict::DATA_FILES
            .iter()
            .find(|(f, _)| *f == n)
            .map_or("", |(_, t)| *t)
    };
    let t = std::time::Instant::now();
    let g = rung_dict::Gazetteer::from_tsv(
        "places.tsv",
        data("places.tsv"),
        data("place_stopwords.txt"),
    );
    eprintln!(
        "gazetteer: {:?} ({})",
        t.elapsed(),
        g.map_or(0, |g| g.len())
    );
    let t = std::time::Instant::now();
    let b = d.actors.to_builder().build();
    eprintln!(
        "actors rebuild: {:?} ({})",
        t.elapsed(),
        b.map_or(0, |b| b.len())
    );
    let words = w("Russian forces shelled the outskirts of Kharkiv overnight with Grad rockets , killing two civilians , the regional governor Oleh Syniehubov said on Telegram on Sunday .");
    let t = std::time::Instant::now();
    for _ in 0..10000 {
        std::hint::black_box(d.actors.find(&words));
    }
    eprintln!("actors.find: {:?}/sentence", t.elapsed() / 10000);
}
