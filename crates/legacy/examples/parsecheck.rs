//! Checks that rung-parse's built-in model loads and analyses a sentence (debug aid).
fn main() {
    match rung_parse::SyntaxModel::builtin() {
        Ok(m) => {
            let mut a = rung_parse::Analysis::default();
            let w = ["Arnor", "attacked", "Gondor", "."];
            m.analyse(&w, &mut a);
            for i in 0..a.len() {
                println!(
                    "{} {:?} {} {:?} {}",
                    w[i],
                    a.upos(i),
                    a.xpos(i),
                    a.head(i),
                    a.deprel(i)
                );
            }
        }
        Err(e) => println!("model error: {e}"),
    }
}
