//! The generated benchmark corpus, shared by the criterion bench and the
//! `extract_loop` example (used under `perf stat` for CPU time on a busy machine).

const SUBJECTS: [&str; 8] = [
    "Russian forces",
    "Ukrainian troops",
    "The regional governor",
    "Israeli aircraft",
    "Local officials",
    "The defence ministry",
    "Rebel fighters",
    "Police in the capital",
];
const VERBS: [&str; 8] = [
    "said at least 12 civilians were killed in shelling of the city on Friday",
    "reported that between 89 and 400 soldiers had died since February 2022",
    "launched a wave of drones and missiles at energy facilities overnight",
    "met the delegation in the capital to discuss a ceasefire and prisoner exchanges",
    "claimed to have destroyed two tanks and about 300 fighters near the front line last week",
    "announced $820 million in new military aid, including 155mm shells and F-16 training",
    "accused the other side of violating the truce it had agreed to respect",
    "will hold talks with the envoy on January 15, the foreign ministry said",
];
const TAILS: [&str; 8] = [
    ", according to a statement.",
    " as fighting continued in the east.",
    ", officials said on Monday.",
    ".",
    " in an attack that also wounded dozens of people.",
    ", the third such incident this month.",
    " in the Donetsk region, some 30 km from the border.",
    ", a spokesman told reporters.",
];

/// Deterministic news-like sentences: most hold a figure or a date, some neither.
pub fn corpus() -> Vec<String> {
    let mut out = Vec::new();
    for (i, s) in SUBJECTS.iter().enumerate() {
        for (j, v) in VERBS.iter().enumerate() {
            for (k, t) in TAILS.iter().enumerate() {
                for n in 0..6 {
                    // Vary the text a little so the branch predictor cannot memorise it.
                    let extra = match (i + j + k + n) % 4 {
                        0 => "",
                        1 => " Witnesses described heavy damage",
                        2 => " The figures could not be independently verified",
                        _ => " In March, 2,000 people fled",
                    };
                    out.push(format!("{s} {v}{t}{extra}"));
                }
            }
        }
    }
    out
}
