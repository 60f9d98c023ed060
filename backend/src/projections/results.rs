//! The results view served by `GET /api/results` and pushed as `tally`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use shared::ballots::{decimal, first_marks, QuestionResult};
use shared::count::{count_answers, count_sums};
use shared::dto::ResultsResponse;
use shared::ids::Seq;
use shared::results::CandidateCount;

use crate::domain::Election;

/// The last results view built for each election, by the event it was built at.
///
/// Counting every question is linear in the ballots (a million IRV ballots take about 0.2 s),
/// and `GET …/results` may be asked by anyone, as often as they like: without this, each ask
/// of a large published election would count it all again. A view depends only on the
/// election's state, which changes only with a new event, so the event's `seq` keys it exactly.
#[derive(Clone, Default)]
pub struct ResultsCache(Arc<Mutex<HashMap<String, CachedView>>>);

/// A view and the `seq` of the event it was built at.
type CachedView = (Seq, Arc<ResultsResponse>);

impl ResultsCache {
    /// The view of `election` (id `id`) as of its last event, counted at most once per event.
    pub fn view(&self, id: &str, election: &Election) -> Arc<ResultsResponse> {
        let cached = |cache: &Self| {
            let views = cache.0.lock().unwrap_or_else(PoisonError::into_inner);
            views
                .get(id)
                .filter(|(seq, _)| *seq == election.last_seq)
                .map(|(_, view)| view.clone())
        };
        if let Some(view) = cached(self) {
            return view;
        }
        // Counted without the lock held: two first asks may both count, never wait on each other.
        let view = Arc::new(results_view(election));
        let mut views = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        views.insert(id.to_string(), (election.last_seq, view.clone()));
        view
    }
}

/// Builds the public results view. Counts are empty unless published or live results are on.
pub fn results_view(election: &Election) -> ResultsResponse {
    let counts_visible = election.counts_visible();
    let (counts, questions) = if counts_visible {
        (legacy_counts(election), question_results(election))
    } else {
        (Vec::new(), Vec::new())
    };
    ResultsResponse {
        phase: election.phase,
        deadline_ms: election.deadline_ms,
        total_votes: election.total_votes(),
        eligible_voters: election.voters.len() as u64,
        counts_visible,
        counts,
        // The old single winner rule speaks for the old form only; a ballot of questions has
        // each question's winners.
        outcome: election
            .published_outcome()
            .filter(|_| !election.with_questions),
        as_of_seq: election.last_seq,
        questions,
        voted_weight: decimal(u128::from(election.voted_weight), 4),
        eligible_weight: decimal(u128::from(election.roll_weight), 4),
    }
}

/// `counts` as old clients read them: the old form's ballots per candidate; for a ballot of
/// questions, the first question's marks (first preferences when ranked), one per ballot.
fn legacy_counts(election: &Election) -> Vec<CandidateCount> {
    if !election.with_questions {
        return election.candidate_counts();
    }
    let Some(first) = election.questions.first() else {
        return Vec::new();
    };
    if election.is_verifiable() {
        return verifiable_counts(election, first);
    }
    let mut votes = vec![0u64; first.candidates.len()];
    for voter in election.voters.values() {
        let Some(answer) = voter.answer(&first.id) else {
            continue;
        };
        for id in first_marks(first, answer) {
            let at = (id as usize).checked_sub(1);
            if let Some(count) = at.and_then(|at| votes.get_mut(at)) {
                *count = count.saturating_add(1);
            }
        }
    }
    first
        .candidates
        .iter()
        .zip(1..)
        .zip(votes)
        .map(|((candidate, candidate_id), votes)| CandidateCount {
            candidate_id,
            name: candidate.name.clone(),
            votes,
        })
        .collect()
}

/// The first question's decrypted sums in whole votes (ten-thousandths rounded down).
fn verifiable_counts(
    election: &Election,
    first: &shared::ballots::Question,
) -> Vec<CandidateCount> {
    let sums = election.secret.sums.as_ref().and_then(|sums| sums.first());
    first
        .candidates
        .iter()
        .zip(1..)
        .enumerate()
        .map(|(index, (candidate, candidate_id))| CandidateCount {
            candidate_id,
            name: candidate.name.clone(),
            votes: sums
                .and_then(|row| row.get(index))
                .map_or(0, |sum| sum / shared::ballots::Weight::SCALE),
        })
        .collect()
}

/// Every question counted by its method over the counted ballots (each voter's last), with the
/// draws seeded by the log: its root before publication once published, the current root
/// before (a live count's draws may change with the next ballot).
pub fn question_results(election: &Election) -> Vec<QuestionResult> {
    let root = election
        .draw_root
        .unwrap_or_else(|| election.public.tree.root());
    if election.is_verifiable() {
        // Only the decrypted sums are known, and only once the trustees have decrypted them.
        let Some(sums) = &election.secret.sums else {
            return Vec::new();
        };
        let valid = u128::from(election.voted_weight);
        return election
            .questions
            .iter()
            .zip(sums)
            .map(|(question, sums)| count_sums(question, sums, valid, &root))
            .collect();
    }
    election
        .questions
        .iter()
        .map(|question| {
            let voted = election.voters.values().filter(|v| v.vote_seq.is_some());
            let answers = voted.map(|voter| (voter.weight(), voter.answer(&question.id)));
            count_answers(question, answers, &root)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Command, Envelope};

    fn apply(election: &mut Election, command: Command) {
        let envelope = Envelope {
            election: "default".into(),
            command,
            node_id: 1,
            received_at_ms: 1_000,
            lamport: 1,
            idempotency: None,
            by: None,
        };
        election.apply(&envelope).expect("accepted");
    }

    #[test]
    fn a_view_is_counted_once_per_event_and_again_after_the_next() {
        let mut election = Election::default();
        apply(&mut election, Command::SeedDefaults);
        let cache = ResultsCache::default();
        let first = cache.view("default", &election);
        assert!(Arc::ptr_eq(&first, &cache.view("default", &election)));
        apply(&mut election, Command::SetLiveResults { enabled: true });
        let after = cache.view("default", &election);
        assert!(!Arc::ptr_eq(&first, &after));
        assert!(after.counts_visible && !first.counts_visible);
        assert_eq!(*after, results_view(&election));
    }
}
