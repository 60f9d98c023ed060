//! The Berkeley algorithm's arithmetic (pure; the polling task lives with the cluster code).
//!
//! The time daemon (the Raft leader) reads every member's clock, estimates each one's offset
//! from its own clock (compensating half the round trip), averages the offsets of the members
//! that agree (ignoring outliers further than a bound from the median, so one broken clock
//! cannot drag the whole cluster), and tells each member how much to adjust by so that all
//! converge on that average. The daemon adjusts itself the same way.

use shared::ids::NodeId;

/// Offsets further than this from the median are left out of the average (but still corrected).
pub const OUTLIER_BOUND_MS: i64 = 5_000;

/// One member's reading, as seen by the daemon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub node_id: NodeId,
    /// The member's clock minus the daemon's, at the same instant (estimated).
    pub offset_ms: i64,
}

/// Estimates a member's offset from one poll: the daemon read `sent_ms` and `received_ms`
/// around the request, the member answered `remote_ms`.
pub fn estimate_offset(sent_ms: i64, remote_ms: i64, received_ms: i64) -> i64 {
    let midpoint = sent_ms + (received_ms - sent_ms) / 2;
    remote_ms - midpoint
}

/// The adjustment each member must apply (added to its clock). The daemon should be among the
/// readings with offset 0.
pub fn adjustments(readings: &[Reading], outlier_bound_ms: i64) -> Vec<(NodeId, i64)> {
    if readings.is_empty() {
        return Vec::new();
    }
    let mut offsets: Vec<i64> = readings.iter().map(|r| r.offset_ms).collect();
    offsets.sort_unstable();
    let median = offsets[offsets.len() / 2];
    let agreeing: Vec<i64> = offsets
        .iter()
        .copied()
        .filter(|o| (o - median).abs() <= outlier_bound_ms)
        .collect();
    let average = agreeing.iter().sum::<i64>() / agreeing.len() as i64;
    readings
        .iter()
        .map(|r| (r.node_id, average - r.offset_ms))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(node_id: NodeId, offset_ms: i64) -> Reading {
        Reading { node_id, offset_ms }
    }

    #[test]
    fn the_offset_estimate_compensates_half_the_round_trip() {
        assert_eq!(estimate_offset(1_000, 1_050, 1_100), 0);
        assert_eq!(estimate_offset(1_000, 31_050, 1_100), 30_000);
    }

    #[test]
    fn members_converge_on_the_average_of_agreeing_clocks() {
        let result = adjustments(
            &[reading(1, 0), reading(2, 40), reading(3, -10)],
            OUTLIER_BOUND_MS,
        );
        assert_eq!(result, vec![(1, 10), (2, -30), (3, 20)]);
        // After adjusting, every clock reads the same.
        let corrected: Vec<i64> = [0, 40, -10]
            .iter()
            .zip(&result)
            .map(|(o, (_, a))| o + a)
            .collect();
        assert!(corrected.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn an_outlier_is_left_out_of_the_average_but_still_corrected() {
        let result = adjustments(
            &[reading(1, 0), reading(2, 20), reading(3, 30_000)],
            OUTLIER_BOUND_MS,
        );
        assert_eq!(result, vec![(1, 10), (2, -10), (3, -29_990)]);
    }
}
