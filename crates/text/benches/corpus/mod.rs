//! A deterministic news-like corpus from our own sentence templates (headlines, bylines,
//! datelines, quotes, abbreviations, numbers, bullets, share-bar debris).

const SUBJECTS: &[&str] = &[
    "Russian forces",
    "The Ukrainian army",
    "Lt. Col. Anna Petrenko",
    "Gen. Mark Ellis of the U.S. Army",
    "Protesters in the capital",
    "The U.N. Security Council",
    "Sen. Rob Daley",
    "A spokesman for the ministry",
    "Dr. Leila Haddad",
    "Militants loyal to the former governor",
    "Police",
    "The coalition's air force",
];
const VERBS: &[&str] = &[
    "shelled",
    "said they had captured",
    "met with",
    "condemned",
    "launched 12 drones at",
    "withdrew from",
    "accused",
    "negotiated with",
    "fired 155mm shells at",
    "promised $820 million to",
    "didn't comment on",
    "can't confirm reports about",
];
const OBJECTS: &[&str] = &[
    "the port city of Mariupol",
    "positions near the river",
    "officials from Kyiv",
    "the long-range missile depot",
    "a U.S.-made radar",
    "villages 30 km south of the front",
    "the Red Cross convoy",
    "the St. Mary's hospital",
    "17,000 displaced residents",
    "the 3rd Brigade",
    "the government's envoy",
    "rebels in the north",
];
const TAILS: &[&str] = &[
    " on Tuesday",
    " at 9 a.m. local time",
    " late on Jan. 9",
    " in the early hours",
    "",
    " after talks in Geneva",
    " despite a ceasefire agreed on Feb. 24, 2022",
    " for the second time this week",
    " (about 1.5% of the total)",
];
const QUOTES: &[&str] = &[
    "\"We will not give up a single meter,\" he said.",
    "\"This is a war crime,\" the minister told reporters. \"Nobody can deny it.\"",
    "\"They're shelling us every night...\" a resident said.",
    "She added: \"The U.S. won't send troops.\"",
];
const DEBRIS: &[&str] = &[
    "Share",
    "Facebook Twitter Email",
    "Advertisement",
    "Read more: Talks stall again",
];

/// About `target` bytes of generated articles.
pub fn corpus(target: usize) -> String {
    let mut s = String::with_capacity(target + 4096);
    let mut x: u64 = 42;
    let mut next = |n: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) as usize % n
    };
    while s.len() < target {
        s.push_str("Troops Push Toward Key Town as Talks Stall\n");
        s.push_str("By Jane Doe and Omar Said\n");
        s.push_str("Published: Apr 08, 2022 09:46 PM\n\n");
        s.push_str("KYIV, Ukraine (AP) - ");
        for p in 0..6 {
            for _ in 0..4 {
                s.push_str(SUBJECTS[next(SUBJECTS.len())]);
                s.push(' ');
                s.push_str(VERBS[next(VERBS.len())]);
                s.push(' ');
                s.push_str(OBJECTS[next(OBJECTS.len())]);
                s.push_str(TAILS[next(TAILS.len())]);
                s.push_str(". ");
            }
            s.push_str(QUOTES[next(QUOTES.len())]);
            s.push_str("\n\n");
            if p == 2 {
                s.push_str(DEBRIS[next(DEBRIS.len())]);
                s.push_str("\n\n- Officials said 1,200 people were evacuated.\n- More at https://example.org/live.\n\n");
            }
        }
    }
    s
}
