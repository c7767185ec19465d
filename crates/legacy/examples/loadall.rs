//! Loads every legacy dictionary in ../shared leniently and prints problems and timings.
fn main() {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let p = base.join("petrarch/petrarch2");
    let t = base.join("tabari");
    let specs = [
        format!("petrarch-verbs:{}", p.join("CAMEO.2.0.txt").display()),
        format!(
            "phoenix-actors:{}",
            p.join("Phoenix.Countries.actors.txt").display()
        ),
        format!(
            "phoenix-actors:{}",
            p.join("Phoenix.International.actors.txt").display()
        ),
        format!(
            "phoenix-actors:{}",
            p.join("Phoenix.MilNonState.actors.txt").display()
        ),
        format!("phoenix-agents:{}", p.join("Phoenix.agents.txt").display()),
        format!(
            "phoenix-discards:{}",
            p.join("Phoenix.discards.txt").display()
        ),
        format!(
            "tabari-verbs:{}",
            t.join("CAMEO.091003.master.verbs").display()
        ),
        format!("tabari-options:{}", t.join("CAMEO.09b5.options").display()),
        format!("petrarch:{}", p.display()),
    ];
    for s in &specs {
        let t0 = std::time::Instant::now();
        let strict = rung_legacy::load_dict(s).err().map(|e| e.to_string());
        let d = rung_legacy::load_dict_with(s, rung_legacy::LoadOptions { lenient: true });
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        match d {
            Ok(d) => {
                let skipped: Vec<_> = d
                    .diagnostics
                    .iter()
                    .filter(|n| n.message.contains("skipped"))
                    .collect();
                println!("{s}: {} actors {} agents {} verbs, {} skipped, {} notes, {ms:.0} ms (strict+lenient)", d.actors.len(), d.agents.len(), d.verbs.len(), skipped.len(), d.diagnostics.len());
                for k in skipped.iter().take(12) {
                    println!("   {k}");
                }
            }
            Err(e) => println!("{s}: ERROR {e}"),
        }
        if let Some(e) = strict {
            println!("   strict: {e}");
        }
    }
}
