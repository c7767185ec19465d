//! Dates as windows of days: what reconciliation, timelines and the ladder compare.
//!
//! An event date is ISO 8601 at the precision the text gave (`2023-01-01`, `2022-06`,
//! `2022`, `2022-spring`). Each becomes an inclusive window of day numbers (days since
//! 1970-01-01) and a precision, so "June 2022" contains "2022-06-14" and two day-precision
//! dates can be compared by distance. Civil-date arithmetic is Howard Hinnant's algorithm;
//! a date crate would be one more dependency for four small functions.

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// A single day.
    Day,
    /// A calendar month.
    Month,
    /// A season (three months).
    Season,
    /// A year.
    Year,
}

impl Precision {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
        }
    }
}

/// An inclusive window of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWindow {
    /// First day (days since 1970-01-01).
    pub lo: i64,
    /// Last day, inclusive.
    pub hi: i64,
    /// Precision of the date it came from.
    pub precision: Precision,
}

/// Days since 1970-01-01 of a civil date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date (year, month, day) of a day number.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// `YYYY-MM-DD` of a day number.
pub fn format_day(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: u32) -> u32 {
    let next = if m == 12 {
        days_from_civil(y + 1, 1, 1)
    } else {
        days_from_civil(y, m + 1, 1)
    };
    (next - days_from_civil(y, m, 1)) as u32
}

/// Reads an ISO date at any precision rung writes; `None` when it is not one.
pub fn parse_window(s: &str) -> Option<DateWindow> {
    let mut parts = s.trim().split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    if !(1..=9999).contains(&y) {
        return None;
    }
    let Some(second) = parts.next() else {
        let lo = days_from_civil(y, 1, 1);
        return Some(DateWindow {
            lo,
            hi: days_from_civil(y, 12, 31),
            precision: Precision::Year,
        });
    };
    if let Some((m0, m1)) = season_months(second) {
        let lo = days_from_civil(y, m0, 1);
        let hi = days_from_civil(y, m1, days_in_month(y, m1));
        return Some(DateWindow {
            lo,
            hi,
            precision: Precision::Season,
        });
    }
    let m: u32 = second.parse().ok().filter(|m| (1..=12).contains(m))?;
    let Some(third) = parts.next() else {
        let lo = days_from_civil(y, m, 1);
        let hi = days_from_civil(y, m, days_in_month(y, m));
        return Some(DateWindow {
            lo,
            hi,
            precision: Precision::Month,
        });
    };
    // Tolerate a time part ("2023-01-01T10:00:00Z").
    let day_str = third.split(|c: char| !c.is_ascii_digit()).next()?;
    let d: u32 = day_str
        .parse()
        .ok()
        .filter(|d| *d >= 1 && *d <= days_in_month(y, m))?;
    let z = days_from_civil(y, m, d);
    Some(DateWindow {
        lo: z,
        hi: z,
        precision: Precision::Day,
    })
}

/// Month range of a season name. Winter spans the year end and is widened to the whole
/// year rather than guessing which one the writer meant.
fn season_months(s: &str) -> Option<(u32, u32)> {
    match s.to_ascii_lowercase().as_str() {
        "spring" => Some((3, 5)),
        "summer" => Some((6, 8)),
        "autumn" | "fall" => Some((9, 11)),
        "winter" => Some((1, 12)),
        _ => None,
    }
}

/// The ISO week label (`2022-W07`) of a day.
pub fn iso_week(z: i64) -> String {
    let weekday = (z + 3).rem_euclid(7); // 0 = Monday; 1970-01-01 was a Thursday
    let thursday = z - weekday + 3;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    format!("{y:04}-W{week:02}")
}

/// The month label (`2022-06`) of a day.
pub fn month_label(z: i64) -> String {
    let (y, m, _) = civil_from_days(z);
    format!("{y:04}-{m:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-800_000, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(format_day(days_from_civil(2024, 2, 29)), "2024-02-29");
    }

    #[test]
    fn windows_at_each_precision() {
        let d = parse_window("2022-06-14").unwrap();
        assert_eq!((d.lo, d.precision), (d.hi, Precision::Day));
        let m = parse_window("2022-06").unwrap();
        assert_eq!(format_day(m.lo), "2022-06-01");
        assert_eq!(format_day(m.hi), "2022-06-30");
        assert!(m.lo <= d.lo && d.hi <= m.hi);
        let y = parse_window("2022").unwrap();
        assert_eq!(y.hi - y.lo, 364);
        let s = parse_window("2022-spring").unwrap();
        assert_eq!(format_day(s.hi), "2022-05-31");
        assert_eq!(parse_window("2022-02-30"), None);
        assert_eq!(parse_window("yesterday"), None);
        assert_eq!(
            parse_window("2023-01-05T10:00:00Z").unwrap().precision,
            Precision::Day
        );
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(days_from_civil(2022, 2, 24)), "2022-W08");
        assert_eq!(iso_week(days_from_civil(2021, 1, 3)), "2020-W53");
        assert_eq!(iso_week(days_from_civil(2024, 12, 30)), "2025-W01");
        assert_eq!(month_label(days_from_civil(2022, 6, 14)), "2022-06");
    }
}
