//! A diagnostic, not a check: `RUNG_PROBE="some text" cargo test -p rung-coder --test probe
//! -- --ignored --nocapture` prints each sentence's parse and the events coded from it.

use rung_coder::Coder;
use rung_text::{Document, Metadata};

#[test]
#[ignore = "diagnostic: prints parses and events for $RUNG_PROBE"]
fn probe() {
    let Ok(text) = std::env::var("RUNG_PROBE") else {
        return;
    };
    let date = std::env::var("RUNG_PROBE_DATE")
        .ok()
        .and_then(|d| rung_text::parse_date(&d));
    let model = rung_parse::SyntaxModel::builtin().unwrap();
    let seg = rung_text::Segmenter::new();
    let doc = Document::new("probe", text, Metadata::default());
    let mut an = rung_parse::Analysis::default();
    for s in seg.segment(&doc.text) {
        let forms: Vec<&str> = s.tokens.iter().map(|t| t.form(&doc.text)).collect();
        model.analyse(&forms, &mut an);
        for (i, form) in forms.iter().enumerate().take(an.len()) {
            let h = an.head(i).map_or(0, |h| h + 1);
            println!(
                "{}\t{}\t{}\t{:?}\t{}\t{}\t{}",
                i + 1,
                form,
                an.lemma(i),
                an.upos(i),
                an.xpos(i),
                h,
                an.deprel(i)
            );
        }
        println!();
        // The tree the coder codes from: after the repairs (not the re-tagging re-parse).
        let spans: Vec<[usize; 2]> = s
            .tokens
            .iter()
            .map(|t| [t.start as usize, t.end as usize])
            .collect();
        let mut v = rung_coder::view::SentView::default();
        v.load(&forms, &spans, &an);
        if rung_coder::repair::repair(&mut v) {
            println!("after repairs:");
            for i in 0..v.len() {
                let h = v.parent(i).map_or(0, |h| h + 1);
                println!(
                    "{}	{}	{}	{}	{}",
                    i + 1,
                    v.forms[i],
                    v.xpos[i],
                    h,
                    v.full_rel(i)
                );
            }
            println!();
        }
    }
    let coder = Coder::builtin().unwrap();
    for e in coder.code(&doc, date).events {
        println!("{}", serde_json::to_string(&e).unwrap());
    }
}
