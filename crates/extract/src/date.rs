//! Calendar arithmetic on proleptic Gregorian dates, and the values time expressions
//! resolve to.
//!
//! Days are counted from 1970-01-01 with Howard Hinnant's `days_from_civil` algorithm:
//! a few integer operations, no tables, no dependency. jiff would do the same but the
//! finders need only day shifts, weekdays and ISO weeks.

use crate::TimeValue;

/// Days since 1970-01-01 of a civil date.
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count.
pub(crate) fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// Day of the week: 0 Monday ..= 6 Sunday.
pub(crate) fn weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days + 3).rem_euclid(7) as u32
}

/// Number of days in a month.
pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether `d` is a valid day of month `m` of year `y` (any leap year when `y` is None).
pub(crate) fn valid_day(y: Option<i32>, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y.unwrap_or(2000), m)
}

/// ISO 8601 week-numbering year and week of a day.
pub(crate) fn iso_week(days: i64) -> (i32, u32) {
    // The Thursday of the same ISO week decides the year.
    let thursday = days - i64::from(weekday(days)) + 3;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    (y, week as u32)
}

/// A resolved time value at its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Val {
    Day(i32, u32, u32),
    Month(i32, u32),
    Year(i32),
    /// Season 0 spring, 1 summer, 2 autumn, 3 winter (winter belongs to the year of its
    /// December).
    Season(i32, u32),
    /// ISO week-numbering year and week.
    Week(i32, u32),
}

impl Val {
    /// The value of a day count at day precision.
    pub(crate) fn day(days: i64) -> Val {
        let (y, m, d) = civil_from_days(days);
        Val::Day(y, m, d)
    }

    /// The ISO week containing a day count.
    pub(crate) fn week_of(days: i64) -> Val {
        let (y, w) = iso_week(days);
        Val::Week(y, w)
    }

    /// The rendering of EVENTS.md.
    pub(crate) fn render(self) -> TimeValue {
        TimeValue(match self {
            Val::Day(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Season(y, s) => format!("{y:04}-{}", SEASONS[s as usize % 4]),
            Val::Week(y, w) => format!("{y:04}-W{w:02}"),
        })
    }
}

const SEASONS: [&str; 4] = ["spring", "summer", "autumn", "winter"];

/// The season (0..=3) and its year for a month: December belongs to that year's winter,
/// January and February to the previous year's.
pub(crate) fn season_of(y: i32, m: u32) -> (i32, u32) {
    match m {
        3..=5 => (y, 0),
        6..=8 => (y, 1),
        9..=11 => (y, 2),
        12 => (y, 3),
        _ => (y - 1, 3),
    }
}

/// First day (as a day count) of a season.
pub(crate) fn season_start(y: i32, s: u32) -> i64 {
    days_from_civil(y, [3, 6, 9, 12][s as usize % 4], 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for z in [-800_000i64, -1, 0, 1, 19_000, 19_366, 50_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(2023, 1, 9), 19_366);
    }

    #[test]
    fn knows_weekdays_and_weeks() {
        // 2023-01-09 was a Monday in ISO week 2; 2021-01-01 was in 2020-W53.
        let z = days_from_civil(2023, 1, 9);
        assert_eq!(weekday(z), 0);
        assert_eq!(iso_week(z), (2023, 2));
        assert_eq!(iso_week(days_from_civil(2021, 1, 1)), (2020, 53));
        assert_eq!(iso_week(days_from_civil(2024, 12, 30)), (2025, 1));
    }

    #[test]
    fn renders_values() {
        assert_eq!(Val::Day(2023, 1, 1).render().0, "2023-01-01");
        assert_eq!(Val::Season(2022, 3).render().0, "2022-winter");
        assert_eq!(Val::Week(2023, 2).render().0, "2023-W02");
        assert_eq!(season_of(2023, 1), (2022, 3));
        assert!(valid_day(None, 2, 29) && !valid_day(Some(2023), 2, 29));
    }
}
