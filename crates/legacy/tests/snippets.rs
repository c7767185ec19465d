//! Loaders and coder over the small dictionaries in testdata/legacy (written for rung).

use rung_legacy::{load_dict, words, LegacyCoder, LegacyDictionaries, LegacyError};
use std::path::PathBuf;

fn dir() -> PathBuf {
    rung_testkit::repo_root().join("testdata/legacy")
}

fn petrarch() -> LegacyDictionaries {
    let d = dir().join("petrarch");
    let mut all = load_dict(&format!("petrarch-verbs:{}", d.join("verbs.txt").display())).unwrap();
    for (kind, file) in [
        ("petrarch-actors", "actors.txt"),
        ("petrarch-agents", "agents.txt"),
        ("petrarch-discards", "discards.txt"),
    ] {
        all.merge(load_dict(&format!("{kind}:{}", d.join(file).display())).unwrap());
    }
    all.options = rung_legacy::CoderOptions::petrarch();
    all
}

fn code(d: &LegacyDictionaries, text: &str, date: (i32, u8, u8)) -> Vec<String> {
    let w = words(text);
    let refs: Vec<&str> = w.iter().map(String::as_str).collect();
    let mut out: Vec<String> = LegacyCoder::new(d)
        .code_sentence(&refs, None, Some(date))
        .into_iter()
        .map(|e| format!("{}/{}/{}", e.source, e.target, e.code))
        .collect();
    out.sort();
    out
}

#[test]
fn petrarch_snippets_code_as_written() {
    let d = petrarch();
    let day = (2018, 3, 1);
    assert_eq!(
        code(
            &d,
            "Valdorian artillery shelled a border post held by Kestria.",
            day
        ),
        ["VLD/KST/194"]
    );
    assert_eq!(
        code(&d, "Valdoria shelled Kestria on Monday.", day),
        ["VLD/KST/195"]
    );
    assert_eq!(
        code(
            &d,
            "The Valdorian president met with Kestria's foreign minister.",
            day
        ),
        ["VLDGOV/KSTGOV/036"]
    );
    assert_eq!(
        code(&d, "Kestria and North March restored diplomatic ties.", day),
        ["KST/NMR/064", "NMR/KST/064"]
    );
    assert_eq!(
        code(&d, "Valdoria and North March bombarded Kestria.", day),
        ["NMR/KST/195", "VLD/KST/195"]
    );
    assert!(code(
        &d,
        "Valdoria shelled Kestria fans after the football match.",
        day
    )
    .is_empty());
}

#[test]
fn date_bounded_codes_follow_the_sentence_date() {
    let d = petrarch();
    let text = "Marta Ossel accused Kestria of war crimes.";
    assert_eq!(code(&d, text, (2010, 1, 1)), ["VLD/KST/1123"]);
    assert_eq!(code(&d, text, (2018, 1, 1)), ["VLDGOV/KST/1123"]);
    assert_eq!(code(&d, text, (2021, 1, 1)), ["VLDELI/KST/1123"]);
}

#[test]
fn tabari_project_loads_and_codes() {
    let d = load_dict(&format!(
        "tabari:{}",
        dir().join("tabari/test.project").display()
    ))
    .unwrap();
    assert_eq!(d.labels, vec![("195".to_string(), "SHELL".to_string())]);
    assert!(d
        .diagnostics
        .iter()
        .any(|n| n.message.contains("OUTPUT: ACTOR MATCH ID")));
    // `MEET_` takes regular endings, `VALDORIAN` is a stem, `ARRIVE` pairs two codes.
    assert_eq!(
        code(
            &d,
            "Valdorians meets with Kestria at the border post today.",
            (2016, 1, 1)
        ),
        ["VLD/KST/036"]
    );
    assert_eq!(
        code(
            &d,
            "Marta Ossel arrived in Kestria late on Monday evening.",
            (2016, 1, 1)
        ),
        ["KST/VLDGOV/033", "VLDGOV/KST/032"]
    );
}

#[test]
fn forwarded_actor_stands_for_a_leading_pronoun() {
    let d = load_dict(&format!(
        "tabari:{}",
        dir().join("tabari/test.project").display()
    ))
    .unwrap();
    let mut coder = LegacyCoder::new(&d);
    let first = words("Marta Ossel arrived in Kestria on Monday.");
    let refs: Vec<&str> = first.iter().map(String::as_str).collect();
    // The root actor is forwarded, not the agent.
    let fwd = coder.first_actor(&refs, Some((2016, 1, 1)));
    assert_eq!(fwd.as_deref(), Some("VLD"));
    let next = words("She meets with Kestria at the border post today.");
    let refs: Vec<&str> = next.iter().map(String::as_str).collect();
    let coded = |c: &LegacyCoder<'_>| -> Vec<String> {
        c.code_sentence(&refs, None, Some((2016, 1, 1)))
            .into_iter()
            .map(|e| format!("{}/{}/{}", e.source, e.target, e.code))
            .collect()
    };
    assert!(coded(&coder).iter().all(|e| !e.starts_with("VLD/")));
    coder.set_antecedent(fwd);
    assert_eq!(coded(&coder), ["VLD/KST/036"]);
}

fn syntax_line(spec: &str) -> (usize, String) {
    match load_dict(spec) {
        Err(LegacyError::Syntax {
            line,
            message,
            path,
            ..
        }) => {
            assert!(path.to_string_lossy().contains("bad"), "{}", path.display());
            (line, message)
        }
        other => panic!(
            "{spec}: expected a syntax error, got {:?}",
            other.map(|d| d.actors.len())
        ),
    }
}

#[test]
fn malformed_lines_are_refused_with_file_and_line() {
    let bad = dir().join("bad");
    let cases = [
        (
            "petrarch-actors",
            "unclosed_code.actors.txt",
            2,
            "expected `]`",
        ),
        (
            "petrarch-actors",
            "bad_date.actors.txt",
            3,
            "expected a date bound",
        ),
        ("petrarch-verbs", "no_star.verbs.txt", 4, "expected `*`"),
        (
            "petrarch-agents",
            "no_code.agents.txt",
            2,
            "expected an agent code",
        ),
        ("tabari-verbs", "pattern_bracket.verbs", 2, "unexpected `]`"),
    ];
    for (kind, file, line, msg) in cases {
        let (l, m) = syntax_line(&format!("{kind}:{}", bad.join(file).display()));
        assert_eq!(l, line, "{file}: {m}");
        assert!(m.contains(msg), "{file}: {m}");
    }
}

#[test]
fn bad_specs_are_reported() {
    assert!(matches!(
        load_dict("klingon:x"),
        Err(LegacyError::Spec { .. })
    ));
    assert!(matches!(
        load_dict("no-colon"),
        Err(LegacyError::Spec { .. })
    ));
    assert!(matches!(
        load_dict("petrarch-verbs:/nonexistent/v.txt"),
        Err(LegacyError::Io { .. })
    ));
}

#[test]
fn actors_go_into_a_rung_dict_builder() {
    let d = petrarch();
    let mut b = rung_dict::ActorDict::builder();
    // The invented countries (VLD, KST) are not in rung's codebook: refused and reported.
    let notes = d.add_to_actor_dict(&mut b);
    assert!(!notes.is_empty() && notes.iter().all(|n| n.message.contains("not added")));
    // Once their prefixes are known, every actor and agent goes in.
    let mut b = rung_dict::ActorDict::builder();
    b.add_prefix("VLD").add_prefix("KST").add_prefix("NMR");
    let notes = d.add_to_actor_dict(&mut b);
    let dict = b.build().expect("builds");
    assert!(
        dict.len() + notes.len() >= d.plain_entries().len() / 2,
        "{notes:?}"
    );
    assert!(!dict.find(&["Kestria"]).is_empty(), "{notes:?}");
}
