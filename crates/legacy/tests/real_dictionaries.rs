//! Loads the full legacy dictionaries from ../shared. The distributed files hold a few
//! malformed lines: strict loading must refuse them naming file and line, lenient loading
//! must read everything else and list each skipped line.

use rung_legacy::{load_dict, load_dict_with, LegacyDictionaries, LegacyError, LoadOptions};

fn strict_error_line(spec: &str) -> usize {
    match load_dict(spec) {
        Err(LegacyError::Syntax { line, .. }) => line,
        other => panic!(
            "{spec}: expected a syntax error, got {:?}",
            other.map(|d| d.verbs.len())
        ),
    }
}

fn lenient(spec: &str) -> LegacyDictionaries {
    load_dict_with(spec, LoadOptions { lenient: true }).expect(spec)
}

fn skipped(d: &LegacyDictionaries) -> usize {
    d.diagnostics
        .iter()
        .filter(|n| n.message.contains("skipped"))
        .count()
}

#[test]
fn petrarch_cameo_verbs() {
    let Some(dir) = rung_testkit::require_shared("data/petrarch/petrarch2") else {
        return;
    };
    let spec = format!("petrarch-verbs:{}", dir.join("CAMEO.2.0.txt").display());
    // `- * VENTURE (WITH VISIT)   VISIT)[042:043]`: an unbalanced `)`.
    assert_eq!(strict_error_line(&spec), 2374);
    let d = lenient(&spec);
    assert!(d.verbs.len() > 390, "{} verb blocks", d.verbs.len());
    let patterns: usize = d.verbs.iter().map(|v| v.patterns.len()).sum();
    assert!(patterns > 4600, "{patterns} patterns");
    assert!(skipped(&d) <= 6, "{:?}", d.diagnostics);
}

#[test]
fn phoenix_actors() {
    let Some(dir) = rung_testkit::require_shared("data/petrarch/petrarch2") else {
        return;
    };
    let mil = format!(
        "phoenix-actors:{}",
        dir.join("Phoenix.MilNonState.actors.txt").display()
    );
    let d = load_dict(&mil).expect("MilNonState reads cleanly");
    assert!(d.actors.len() > 1000);
    // `[ARMUNR 9008223-911221]`: a seven-digit date.
    let countries = format!(
        "phoenix-actors:{}",
        dir.join("Phoenix.Countries.actors.txt").display()
    );
    assert_eq!(strict_error_line(&countries), 2039);
    let d = lenient(&countries);
    assert!(d.actors.len() > 18_000);
    assert!(skipped(&d) < 10);
    let entries = d.plain_entries();
    assert!(entries
        .iter()
        .any(|e| e.words == ["AFGHANISTAN"] && e.code == "AFG"));
}

#[test]
fn phoenix_agents_typo_is_reported_with_its_line() {
    let Some(dir) = rung_testkit::require_shared("data/petrarch/petrarch2") else {
        return;
    };
    let spec = format!(
        "phoenix-agents:{}",
        dir.join("Phoenix.agents.txt").display()
    );
    // `DEPARMENT_OF_ENVIRONMENT [~ENV}`
    assert_eq!(strict_error_line(&spec), 544);
    let d = lenient(&spec);
    assert!(d.agents.len() > 2000);
    assert_eq!(skipped(&d), 2, "{:?}", d.diagnostics);
}

#[test]
fn tabari_cameo_verbs_and_unknown_codes() {
    let Some(dir) = rung_testkit::require_shared("data/tabari") else {
        return;
    };
    let spec = format!(
        "tabari-verbs:{}",
        dir.join("CAMEO.091003.master.verbs").display()
    );
    // `- + { WAS | WERE ] * BY_ $ AIRSTRIKE`: `]` closing `{`.
    assert_eq!(strict_error_line(&spec), 7990);
    let mut d = lenient(&spec);
    let patterns: usize = d.verbs.iter().map(|v| v.patterns.len()).sum();
    assert!(patterns > 15_000, "{patterns} patterns");
    assert!(d.check_event_codes(&Default::default()) > 0);
    // `QUOT [010?]` and `JAPAN'S_HIGH_COURT [JPNJUD]` carry codes that are not CAMEO.
    assert!(d.diagnostics.iter().any(|n| n.message.contains("`010?`")));
    assert!(d.diagnostics.iter().any(|n| n.message.contains("`JPNJUD`")));
}

#[test]
fn petrarch_directory_spec_loads_the_operational_set() {
    let Some(dir) = rung_testkit::require_shared("data/petrarch/petrarch2") else {
        return;
    };
    let d = lenient(&format!("petrarch:{}", dir.display()));
    assert!(d.actors.len() > 25_000 && d.agents.len() > 2000 && d.verbs.len() > 390);
    assert!(!d.discards.is_empty());
}
