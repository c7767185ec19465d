//! A fixed workload for counting instructions and cycles (`perf stat -e instructions:u`),
//! which stay meaningful on a busy machine where wall-clock benchmarks do not:
//! `cargo run --release -p rung-dict --example probe -- scan|actors|weapons|places|load N`.

use std::hint::black_box;

const SENTENCES: &[&str] = &[
    "Russian forces shelled the outskirts of Kharkiv overnight with Grad rockets , killing two civilians , the regional governor Oleh Syniehubov said on Telegram on Sunday .",
    "Ukraine 's Defence Ministry said its troops had used U.S. -made HIMARS launchers to strike an ammunition depot near Melitopol in the occupied Zaporizhzhia region .",
    "Kremlin spokesman Dmitry Peskov told reporters in Moscow that the supply of long - range missiles to Kyiv would mean direct NATO involvement in the conflict .",
    "The Pentagon announced a new package of military aid worth $ 400 million , including Patriot interceptors , Javelin anti-tank missiles and 155mm artillery shells for Ukraine .",
];

fn main() -> Result<(), rung_dict::DictError> {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("scan", String::as_str);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    if what == "load" {
        for _ in 0..n {
            black_box(rung_dict::Dictionaries::load()?);
        }
        return Ok(());
    }
    let d = rung_dict::Dictionaries::builtin()?;
    let sents: Vec<Vec<&str>> = SENTENCES.iter().map(|s| s.split(' ').collect()).collect();
    for i in 0..n {
        let w = &sents[i % sents.len()];
        match what {
            "actors" => drop(black_box(d.actors.find(black_box(w)))),
            "weapons" => drop(black_box(d.weapons.find(black_box(w)))),
            "places" => drop(black_box(d.places.find(black_box(w)))),
            "none" => {}
            _ => drop(black_box(d.scan(black_box(w)))),
        }
    }
    Ok(())
}
