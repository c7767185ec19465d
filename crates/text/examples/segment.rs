//! Prints the sentences (kind, text, tokens) and the document date of each input.
//! Run: cargo run -p rung-text --example segment -- FILE...

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let seg = rung_text::Segmenter::new();
    for item in rung_text::read_inputs(&paths, &rung_text::ReadOptions::default()) {
        match item {
            Ok(doc) => {
                println!(
                    "== {} (date {:?}, title {:?})",
                    doc.name,
                    rung_text::document_date(&doc),
                    doc.meta.title
                );
                for s in seg.segment(&doc.text) {
                    let forms: Vec<&str> = s.tokens.iter().map(|t| t.form(&doc.text)).collect();
                    println!(
                        "{:?}\t{}\n\t{}",
                        s.kind,
                        rung_text::sentence_text(&doc.text, &s),
                        forms.join(" ")
                    );
                }
            }
            Err(e) => println!("!! {e}"),
        }
    }
}
