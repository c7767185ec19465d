//! Golden cases for the time and quantity finders: `testdata/time/*.toml` and
//! `testdata/quantity/*.toml`.
//!
//! A time case lists every expression expected in its text, in order; a quantity case
//! likewise. An expectation names the matched text, so spans are checked exactly, and
//! the fields it omits are not checked (except that `expect` must list all matches).

use rung_extract::{find_quantities, find_times, Currency, QuantityKind};
use rung_text::DocDate;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct TimeCase {
    text: String,
    /// "2023-01-09", "--01-09" (year unknown), or absent.
    doc_date: Option<String>,
    expect: Vec<TimeExpect>,
}

#[derive(Debug, Deserialize)]
struct TimeExpect {
    text: String,
    /// The value; "none" for an expression kept without a value.
    value: String,
    until: Option<String>,
}

fn parse_doc_date(s: &str) -> Result<DocDate, String> {
    let parts: Vec<&str> = s.split('-').collect();
    let bad = || format!("bad doc_date {s:?}: want YYYY-MM-DD or --MM-DD");
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] => (Some(y.parse().map_err(|_| bad())?), m, d),
        ["", "", m, d] => (None, m, d),
        _ => return Err(bad()),
    };
    Ok(DocDate {
        year,
        month: month.parse().map_err(|_| bad())?,
        day: day.parse().map_err(|_| bad())?,
    })
}

#[test]
fn time_golden() {
    rung_testkit::run_golden("time", |case: &TimeCase| {
        let doc = case.doc_date.as_deref().map(parse_doc_date).transpose()?;
        let got = find_times(&case.text, doc);
        let render = |v: &Option<rung_extract::TimeValue>| {
            v.as_ref().map_or("none".to_string(), |v| v.0.clone())
        };
        let got_s: Vec<String> = got
            .iter()
            .map(|t| {
                let until = t
                    .until
                    .as_ref()
                    .map(|u| format!(" until {}", u.0))
                    .unwrap_or_default();
                format!(
                    "{:?}={}{until}",
                    &case.text[t.start..t.end],
                    render(&t.value)
                )
            })
            .collect();
        let want_s: Vec<String> = case
            .expect
            .iter()
            .map(|e| {
                let until = e
                    .until
                    .as_ref()
                    .map(|u| format!(" until {u}"))
                    .unwrap_or_default();
                format!("{:?}={}{until}", e.text, e.value)
            })
            .collect();
        // `until` is only compared when the expectation gives it.
        let same = got.len() == case.expect.len()
            && got.iter().zip(&case.expect).all(|(g, e)| {
                case.text[g.start..g.end] == e.text
                    && render(&g.value) == e.value
                    && e.until
                        .as_ref()
                        .is_none_or(|u| g.until.as_ref().is_some_and(|gu| &gu.0 == u))
            });
        if same {
            Ok(())
        } else {
            Err(format!(
                "got [{}], want [{}]",
                got_s.join(", "),
                want_s.join(", ")
            ))
        }
    });
}

#[derive(Debug, Deserialize)]
struct QuantityCase {
    text: String,
    expect: Vec<QuantityExpect>,
}

#[derive(Debug, Deserialize)]
struct QuantityExpect {
    text: String,
    #[serde(default = "count")]
    kind: QuantityKind,
    min: Option<f64>,
    max: Option<f64>,
    #[serde(default)]
    vague: bool,
    #[serde(default)]
    approximate: bool,
    /// The counted noun; "" for none. Not checked when absent.
    noun: Option<String>,
    currency: Option<Currency>,
}

fn count() -> QuantityKind {
    QuantityKind::Count
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => false,
    }
}

#[test]
fn quantity_golden() {
    rung_testkit::run_golden("quantity", |case: &QuantityCase| {
        let got = find_quantities(&case.text);
        let show = |q: &rung_extract::Quantity| {
            let noun = q.noun.map(|(s, e)| &case.text[s..e]).unwrap_or("");
            format!(
                "{:?} {:?} {:?}..{:?}{}{} noun={noun:?}{}",
                &case.text[q.start..q.end],
                q.kind,
                q.min,
                q.max,
                if q.vague { " vague" } else { "" },
                if q.approximate { " approx" } else { "" },
                q.currency.map(|c| format!(" {c:?}")).unwrap_or_default(),
            )
        };
        let ok = got.len() == case.expect.len()
            && got.iter().zip(&case.expect).all(|(g, e)| {
                let noun = g.noun.map(|(s, e)| &case.text[s..e]).unwrap_or("");
                case.text[g.start..g.end] == e.text
                    && g.kind == e.kind
                    && close(g.min, e.min)
                    && close(g.max, e.max)
                    && g.vague == e.vague
                    && g.approximate == e.approximate
                    && e.noun.as_deref().is_none_or(|n| n == noun)
                    && e.currency.is_none_or(|c| g.currency == Some(c))
            });
        if ok {
            Ok(())
        } else {
            let got: Vec<String> = got.iter().map(show).collect();
            Err(format!("got [{}], want {:?}", got.join(", "), case.expect))
        }
    });
}
