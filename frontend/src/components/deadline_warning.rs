//! The warning before the deadline: a voter who is still filling in a ballot learns, in
//! words and through a screen reader, that time is running out.
//!
//! Sessions do not expire, so the deadline is the only time limit a voter meets, and it is
//! one they cannot extend: WCAG's "essential" exception to 2.2.1 (a vote closes when the
//! organisers said it would). What WCAG still asks is that it never ends silently, so the
//! page says so at 10, 5 and 1 minutes left. The text changes only at those steps, which
//! keeps the live region from reading out a countdown every second.

use shared::ids::TimestampMs;
use shared::rules::counts_before_deadline;
use shared::Phase;
use yew::prelude::*;

use crate::format::when;
use crate::i18n::use_i18n;

/// The minutes left at which the warning appears and then speaks again, largest first.
pub const STEPS_MIN: [i64; 3] = [10, 5, 1];

/// The step the voter is in: the smallest of [`STEPS_MIN`] that the time left is within,
/// or none while more time is left (or none is).
pub fn step(remaining_ms: i64) -> Option<i64> {
    STEPS_MIN
        .iter()
        .rev()
        .copied()
        .find(|minutes| remaining_ms > 0 && remaining_ms <= minutes * 60_000)
}

#[derive(Properties, PartialEq)]
pub struct DeadlineWarningProps {
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    pub server_now_ms: TimestampMs,
    /// Whether the voter still has something to cast (not voted yet, or changing a vote).
    pub still_voting: bool,
}

#[component]
pub fn DeadlineWarning(props: &DeadlineWarningProps) -> Html {
    let i18n = use_i18n();
    let minutes = match (props.phase, props.deadline_ms) {
        (Phase::Open, Some(deadline))
            if props.still_voting
                && counts_before_deadline(props.server_now_ms, Some(deadline)) =>
        {
            step(deadline - props.server_now_ms).map(|minutes| (minutes, deadline))
        }
        _ => None,
    };
    // The region is always in the page, so that a screen reader is listening to it before
    // the words arrive.
    html! {
        <div class="deadline-warning" role="alert" aria-live="assertive" aria-atomic="true"
            data-testid="deadline-warning">
            if let Some((minutes, deadline)) = minutes {
                <p class="notice notice-error">
                    { i18n.t_args("deadline-warning", &[
                        ("minutes", minutes.into()),
                        ("deadline", when(deadline).into()),
                    ]) }
                </p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::step;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_warning_steps_at_ten_five_and_one_minutes() {
        assert_eq!(step(11 * 60_000), None);
        assert_eq!(step(10 * 60_000), Some(10));
        assert_eq!(step(5 * 60_000 + 1), Some(10));
        assert_eq!(step(5 * 60_000), Some(5));
        assert_eq!(step(61_000), Some(5));
        assert_eq!(step(60_000), Some(1));
        assert_eq!(step(1), Some(1));
        assert_eq!(step(0), None);
        assert_eq!(step(-5), None);
    }
}
