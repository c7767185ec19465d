//! Our tables against the reference data in ../shared (skipped when it is absent).

use rung_dict::{Dictionaries, BLOCS};
use std::collections::{HashMap, HashSet};

fn tsv(path: &std::path::Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn codebook_matches_cameo_and_goldstein() {
    let (Some(codes), Some(gold)) = (
        rung_testkit::require_shared("data/cameo/eventcodes.tsv"),
        rung_testkit::require_shared("data/cameo/goldstein.tsv"),
    ) else {
        return;
    };
    let d = Dictionaries::builtin().unwrap();
    let reference: HashSet<String> = tsv(&codes).into_iter().map(|r| r[0].clone()).collect();
    let ours: HashSet<String> = d.codebook.iter().map(|c| c.code.clone()).collect();
    assert_eq!(ours, reference, "code sets differ");
    for r in tsv(&gold) {
        let score: f64 = r[1].parse().unwrap();
        let info = d
            .codebook
            .get(&r[0])
            .unwrap_or_else(|| panic!("missing {}", r[0]));
        assert!(
            (info.goldstein - score).abs() < 1e-9,
            "{}: ours {} vs {}",
            r[0],
            info.goldstein,
            score
        );
    }
}

#[test]
fn plover_types_and_modes_exist() {
    let (Some(types), Some(modes)) = (
        rung_testkit::require_shared("data/plover/event_types.tsv"),
        rung_testkit::require_shared("data/plover/modes.tsv"),
    ) else {
        return;
    };
    let d = Dictionaries::builtin().unwrap();
    let types: HashSet<String> = tsv(&types).into_iter().map(|r| r[0].clone()).collect();
    let mut modes_of: HashMap<String, HashSet<String>> = HashMap::new();
    for r in tsv(&modes) {
        modes_of
            .entry(r[0].clone())
            .or_default()
            .insert(r[1].clone());
    }
    for c in d.codebook.iter() {
        if c.plover_type.is_empty() {
            assert!(c.code.starts_with("01"), "{} has no PLOVER type", c.code);
            continue;
        }
        assert!(
            types.contains(&c.plover_type),
            "{}: unknown type {}",
            c.code,
            c.plover_type
        );
        if let Some(m) = &c.plover_mode {
            let ok = modes_of.get(&c.plover_type).is_some_and(|s| s.contains(m));
            assert!(
                ok,
                "{}: mode {m} is not a mode of {}",
                c.code, c.plover_type
            );
        }
    }
}

#[test]
fn country_codes_are_cameo_codes() {
    let Some(countries) = rung_testkit::require_shared("data/cameo/countries.tsv") else {
        return;
    };
    let cameo: HashSet<String> = tsv(&countries).into_iter().map(|r| r[0].clone()).collect();
    // rung's own additions, documented in countries.tsv
    // rung's own additions (KSV, SSD), and COL (Colombia), missing from the transcribed
    // CAMEO list in ../shared.
    let ours_only = ["KSV", "SSD", "COL"];
    let d = Dictionaries::builtin().unwrap();
    for e in d.actors.entries() {
        for role in &e.roles {
            let code = &role.code;
            let prefix = if code.starts_with("NATO") {
                "NATO"
            } else {
                code.get(..3).unwrap_or("")
            };
            let known = cameo.contains(prefix)
                || BLOCS.contains(&prefix)
                || ours_only.contains(&prefix)
                || e.kind == rung_dict::ActorKind::Agent;
            assert!(
                known,
                "{}:{}: {} has unknown prefix {prefix}",
                role.source.0, role.source.1, e.pattern
            );
        }
    }
    for p in d.places.lookup("Kyiv") {
        assert!(cameo.contains(&p.country));
    }
}
