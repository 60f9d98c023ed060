//! The results view served by `GET /api/results` and pushed as `tally`.

use shared::dto::ResultsResponse;

use crate::domain::Election;

/// Builds the public results view. Counts are empty unless published or live results are on.
pub fn results_view(election: &Election) -> ResultsResponse {
    let counts_visible = election.counts_visible();
    ResultsResponse {
        phase: election.phase,
        deadline_ms: election.deadline_ms,
        total_votes: election.total_votes(),
        eligible_voters: election.voters.len() as u64,
        counts_visible,
        counts: if counts_visible {
            election.candidate_counts()
        } else {
            Vec::new()
        },
        outcome: election.published_outcome(),
        as_of_seq: election.last_seq,
    }
}
