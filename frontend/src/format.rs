//! Numbers and times as text. Pure functions, so the wasm tests pin them down exactly.

use shared::ids::TimestampMs;

/// The time left until a deadline, as a clock would show it: `M:SS` under an hour, `H:MM:SS`
/// under a day, `Dd HH:MM:SS` beyond. Seconds round *up*, so `0:00` appears only once the
/// deadline is reached and the display never says zero while a second of voting is left.
pub fn format_countdown(remaining_ms: i64) -> String {
    if remaining_ms <= 0 {
        return "0:00".into();
    }
    let total_s = (remaining_ms + 999) / 1000;
    let (days, rest) = (total_s / 86_400, total_s % 86_400);
    let (hours, rest) = (rest / 3600, rest % 3600);
    let (minutes, seconds) = (rest / 60, rest % 60);
    if days > 0 {
        format!("{days}d {hours:02}:{minutes:02}:{seconds:02}")
    } else if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// A clock offset with its sign, in milliseconds below a second and seconds above.
pub fn format_offset(offset_ms: i64) -> String {
    let sign = if offset_ms < 0 { "-" } else { "+" };
    let magnitude = offset_ms.unsigned_abs();
    if magnitude < 1000 {
        format!("{sign}{magnitude} ms")
    } else {
        format!("{sign}{} s", one_decimal((magnitude + 50) / 100))
    }
}

/// [`format_offset`] with its unit in the page's language (`+12 ms`, `-1.5 s`).
pub fn offset(offset_ms: i64) -> String {
    let i18n = crate::i18n::current();
    let sign = if offset_ms < 0 { "-" } else { "+" };
    let magnitude = offset_ms.unsigned_abs();
    let (key, value) = if magnitude < 1000 {
        ("unit-ms", format!("{sign}{magnitude}"))
    } else {
        (
            "unit-s",
            format!("{sign}{}", one_decimal((magnitude + 50) / 100)),
        )
    };
    i18n.t_args(key, &[("value", value.into())])
}

/// A number of tenths as a decimal with one digit after the point (`15` is "1.5", `620` is
/// "62.0"). Integers only: printing a float would bring the float formatter into the wasm.
pub fn one_decimal(tenths: u64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// `voted` out of `total` as a whole percentage; an empty roll is 0 %, not a division by zero.
pub fn percent(voted: u64, total: u64) -> u64 {
    (voted.min(total) * 100 + total / 2)
        .checked_div(total)
        .unwrap_or(0)
}

/// The width of a bar relative to the longest, in percent with at most one decimal, for CSS
/// ("33.3", "100"). The longest bar fills the track so small counts are still readable
/// across a room.
pub fn bar_width(votes: u64, max_votes: u64) -> String {
    let (votes, max_votes) = (u128::from(votes), u128::from(max_votes));
    let per_mille = (votes * 1000 + max_votes / 2)
        .checked_div(max_votes)
        .unwrap_or(0);
    if per_mille % 10 == 0 {
        (per_mille / 10).to_string()
    } else {
        format!("{}.{}", per_mille / 10, per_mille % 10)
    }
}

/// A timestamp as local wall-clock time (`HH:MM:SS`), for feeds and deadlines.
pub fn format_time_of_day(ms: TimestampMs) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

/// A timestamp as the value of an `<input type="datetime-local">` (local time, to the minute).
pub fn datetime_local_value(ms: TimestampMs) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// A timestamp as a local date and time to the minute (`YYYY-MM-DD HH:MM`), for deadlines
/// that may be days away.
pub fn format_date_time(ms: TimestampMs) -> String {
    datetime_local_value(ms).replacen('T', " ", 1)
}

/// A count in the page's language: its digits and grouping (`12,345`, `12 345`, `١٢٬٣٤٥`).
pub fn count(value: u64) -> String {
    crate::i18n::number(crate::i18n::current().lang(), value as f64)
}

/// A moment in the browser's time zone, to the minute, with the zone named, in the page's
/// language: how every page shows a deadline or a date.
pub fn when(ms: TimestampMs) -> String {
    crate::i18n::date_time(crate::i18n::current().lang(), ms)
}

/// Reads an `<input type="datetime-local">` value (local time) as epoch milliseconds.
pub fn parse_datetime_local(value: &str) -> Option<TimestampMs> {
    if value.trim().is_empty() {
        return None;
    }
    let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
    ms.is_finite().then_some(ms as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn countdowns_read_like_a_clock() {
        assert_eq!(format_countdown(0), "0:00");
        assert_eq!(format_countdown(-5_000), "0:00");
        assert_eq!(format_countdown(59_000), "0:59");
        assert_eq!(format_countdown(61_000), "1:01");
        assert_eq!(format_countdown(3_600_000), "1:00:00");
        assert_eq!(format_countdown(3_723_000), "1:02:03");
        assert_eq!(format_countdown(90_061_000), "1d 01:01:01");
    }

    #[wasm_bindgen_test]
    fn a_countdown_says_zero_only_after_the_deadline() {
        assert_eq!(format_countdown(1), "0:01");
        assert_eq!(format_countdown(999), "0:01");
        assert_eq!(format_countdown(1_001), "0:02");
    }

    #[wasm_bindgen_test]
    fn offsets_carry_their_sign_and_unit() {
        assert_eq!(format_offset(0), "+0 ms");
        assert_eq!(format_offset(12), "+12 ms");
        assert_eq!(format_offset(-250), "-250 ms");
        assert_eq!(format_offset(1_500), "+1.5 s");
        assert_eq!(format_offset(-62_000), "-62.0 s");
        assert_eq!(format_offset(1_049), "+1.0 s");
        assert_eq!(format_offset(1_050), "+1.1 s");
    }

    #[wasm_bindgen_test]
    fn turnout_and_bars_never_divide_by_zero() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(10, 10), 100);
        assert_eq!(bar_width(0, 0), "0");
        assert_eq!(bar_width(1, 3), "33.3");
        assert_eq!(bar_width(2, 3), "66.7");
        assert_eq!(bar_width(1, 2), "50");
        assert_eq!(bar_width(3, 3), "100");
    }

    #[wasm_bindgen_test]
    fn numbers_and_dates_follow_the_language() {
        use crate::i18n::{date_time, number, Lang};
        assert_eq!(number(Lang::En, 12_345.0), "12,345");
        assert_eq!(number(Lang::De, 12_345.0), "12.345");
        assert_eq!(number(Lang::Fr, 12_345.0), "12\u{202f}345");
        assert_eq!(number(Lang::Pseudo, 1_000.0), "1,000");
        // 2032-05-18 09:45 UTC, named with its zone in whatever zone the browser is in.
        let english = date_time(Lang::En, 1_968_486_300_000);
        assert!(english.contains("2032"), "{english}");
        assert!(english.contains("May"), "{english}");
        assert!(
            english.contains("UTC") || english.contains("GMT") || english.contains('T'),
            "{english}"
        );
        let french = date_time(Lang::Fr, 1_968_486_300_000);
        assert!(french.contains("mai"), "{french}");
    }

    #[wasm_bindgen_test]
    fn datetime_inputs_round_trip_through_epoch_milliseconds() {
        let value = "2031-05-17T09:45";
        let ms = parse_datetime_local(value).expect("a valid local date-time");
        assert_eq!(datetime_local_value(ms), value);
        assert_eq!(parse_datetime_local(""), None);
        assert_eq!(parse_datetime_local("not a date"), None);
    }
}
