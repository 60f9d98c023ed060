//! Rules both the server and the browser apply, written once so they cannot disagree.
//! (The winner rule lives beside the counts, in [`crate::results`].)

use crate::ids::TimestampMs;

/// Whether a vote clicked at `click_time_ms` (by the server-synchronised clock) is on time for
/// `deadline_ms`: a vote clicked at or before the deadline counts, one clicked a millisecond
/// later does not, and without a deadline every click is on time.
///
/// The server judges votes by this rule (within its grace window for late arrivals); the
/// voter page enables its ballot by it, so the page never offers a vote the server refuses
/// as `past_deadline`, nor hides one it would count.
pub fn counts_before_deadline(
    click_time_ms: TimestampMs,
    deadline_ms: Option<TimestampMs>,
) -> bool {
    deadline_ms.is_none_or(|deadline| click_time_ms <= deadline)
}

#[cfg(test)]
mod tests {
    use super::counts_before_deadline;

    #[test]
    fn a_click_at_the_deadline_counts_and_one_a_millisecond_later_does_not() {
        assert!(counts_before_deadline(9_999, Some(10_000)));
        assert!(counts_before_deadline(10_000, Some(10_000)));
        assert!(!counts_before_deadline(10_001, Some(10_000)));
    }

    #[test]
    fn without_a_deadline_every_click_counts() {
        assert!(counts_before_deadline(i64::MAX, None));
        assert!(counts_before_deadline(i64::MIN, None));
    }
}
