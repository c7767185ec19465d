//! Prints the time expressions and quantities of each stdin line, for eyeballing the
//! finders on real text: `cargo run -p rung-extract --example show_extract -- 2023-01-09 < lines.txt`
use rung_extract::{find_quantities, find_times};
use rung_text::DocDate;
use std::io::BufRead;

fn main() {
    let doc = std::env::args().nth(1).and_then(|d| {
        let mut p = d.split('-').map(|x| x.parse::<u32>().ok());
        let (y, m, d) = (p.next()??, p.next()??, p.next()??);
        Some(DocDate {
            year: Some(y as i32),
            month: m as u8,
            day: d as u8,
        })
    });
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let times = find_times(&line, doc);
        let qs = find_quantities(&line);
        println!("{line}");
        for t in &times {
            let v = t.value.as_ref().map_or("-", |v| v.0.as_str());
            let u = t
                .until
                .as_ref()
                .map(|u| format!(" .. {}", u.0))
                .unwrap_or_default();
            println!("    T {:?} = {v}{u}", &line[t.start..t.end]);
        }
        for q in &qs {
            let noun = q.noun.map(|(s, e)| &line[s..e]).unwrap_or("");
            println!(
                "    Q {:?} {:?} {:?}..{:?}{}{} [{noun}]",
                &line[q.start..q.end],
                q.kind,
                q.min,
                q.max,
                if q.vague { " vague" } else { "" },
                if q.approximate { " ~" } else { "" }
            );
        }
    }
}
