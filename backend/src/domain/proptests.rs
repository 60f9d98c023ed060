//! Random command sequences never break the election's invariants.

use proptest::prelude::*;
use shared::EventPayload;

use super::*;

const NOW: i64 = 1_000_000;

fn command() -> impl Strategy<Value = Command> {
    let session = (1u32..=12).prop_map(|v| format!("s{v}"));
    prop_oneof![
        2 => (1u32..=12, session.clone()).prop_map(|(voter_id, session_hash)| Command::Login {
            name: DEFAULT_VOTERS.get(voter_id as usize - 1).unwrap_or(&"Nobody").to_string(),
            voter_id,
            session_hash,
        }),
        4 => (session, 0u32..=11, -20_000i64..2_000).prop_map(|(session_hash, candidate_id, dt)| {
            Command::CastVote { session_hash, candidate_id, click_time_ms: NOW + dt, grace_ms: 10_000, ballot_id: String::new(), answers: None, sealed: None }
        }),
        1 => "[a-zA-Z ]{0,8}".prop_map(|name| Command::RegisterVoter { name }),
        1 => (-5_000i64..60_000).prop_map(|dt| Command::SetDeadline { end_time_ms: NOW + dt }),
        1 => any::<bool>().prop_map(|enabled| Command::SetLiveResults { enabled }),
        1 => Just(Command::StartVoting),
        1 => Just(Command::StopVoting),
        1 => Just(Command::CloseAtDeadline),
        1 => Just(Command::PublishResults),
    ]
}

proptest! {
    #[test]
    fn no_voter_is_counted_twice_and_counts_match_accepted_votes(
        commands in prop::collection::vec((command(), 0i64..30_000), 1..120)
    ) {
        let mut election = Election::default();
        let mut log = election.apply(&Envelope {
            election: shared::elections::default_election_id(),
            command: Command::SeedDefaults, node_id: 1, received_at_ms: NOW, lamport: 0, idempotency: None, by: None,
        }).unwrap();
        let mut accepted_votes = 0u64;
        for (lamport, (command, dt)) in commands.into_iter().enumerate() {
            let envelope = Envelope { election: shared::elections::default_election_id(), command, node_id: 1, received_at_ms: NOW + dt, lamport: lamport as u64, idempotency: None, by: None };
            if let Ok(events) = election.apply(&envelope) {
                accepted_votes += events.iter()
                    .filter(|e| matches!(e.payload, EventPayload::VoteCast { .. })).count() as u64;
                log.extend(events);
            }
        }
        // Count total equals the accepted votes.
        prop_assert_eq!(election.total_votes(), accepted_votes);
        // No voter appears in two vote events.
        let mut voters: Vec<u32> = log.iter().filter_map(|e| match e.payload {
            EventPayload::VoteCast { voter_id, .. } => Some(voter_id),
            _ => None,
        }).collect();
        let before = voters.len();
        voters.sort_unstable();
        voters.dedup();
        prop_assert_eq!(voters.len(), before);
        // Sequence numbers are gapless and Lamport times strictly increase.
        for (index, pair) in log.windows(2).enumerate() {
            prop_assert_eq!(pair[1].seq, pair[0].seq + 1, "gap after event {}", index);
            prop_assert!(pair[1].lamport > pair[0].lamport);
        }
        // Replay reproduces the state exactly.
        prop_assert_eq!(Election::replay(&log), election);
    }
}

/// A Lamport time a hostile client might push: small, or within a few ticks of the end.
fn lamport() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => 0u64..1_000,
        1 => (0u64..8).prop_map(|back| u64::MAX - back),
        1 => (0u64..8).prop_map(|back| (1u64 << 63) - back),
    ]
}

/// Any click time or deadline, including the extremes of `i64`.
fn any_time() -> impl Strategy<Value = i64> {
    prop_oneof![
        2 => (-20_000i64..60_000).prop_map(|dt| NOW + dt),
        1 => Just(i64::MAX),
        1 => Just(i64::MIN),
        1 => any::<i64>(),
    ]
}

fn hostile_command() -> impl Strategy<Value = Command> {
    let session = (1u32..=3).prop_map(|v| format!("s{v}"));
    prop_oneof![
        2 => (1u32..=3, session.clone()).prop_map(|(voter_id, session_hash)| Command::Login {
            name: DEFAULT_VOTERS[voter_id as usize - 1].to_string(),
            voter_id,
            session_hash,
        }),
        3 => (session, any::<u32>(), any_time(), any::<u64>()).prop_map(
            |(session_hash, candidate_id, click_time_ms, grace_ms)| Command::CastVote {
                session_hash, candidate_id: candidate_id % 12, click_time_ms, grace_ms, ballot_id: String::new(), answers: None,
                sealed: None,
            }
        ),
        1 => any_time().prop_map(|end_time_ms| Command::SetDeadline { end_time_ms }),
        1 => Just(Command::StartVoting),
        1 => Just(Command::StopVoting),
        1 => Just(Command::CloseAtDeadline),
        1 => "\\PC{0,70}".prop_map(|name| Command::RegisterVoter { name }),
    ]
}

proptest! {
    /// Apply is total: whatever the envelope holds (Lamport times next to `u64::MAX`, clocks at
    /// the ends of `i64`, any grace), it answers with events or a refusal and never panics,
    /// and every accepted event keeps the log's order.
    #[test]
    fn apply_never_panics_and_the_log_stays_ordered_near_the_end_of_the_clock(
        commands in prop::collection::vec((hostile_command(), lamport(), any_time()), 1..60)
    ) {
        let mut election = Election::default();
        let mut log = election.apply(&Envelope {
            election: shared::elections::default_election_id(),
            command: Command::SeedDefaults, node_id: 1, received_at_ms: NOW, lamport: 0, idempotency: None, by: None,
        }).unwrap();
        for (command, lamport, received_at_ms) in commands {
            let envelope = Envelope { election: shared::elections::default_election_id(), command, node_id: 2, received_at_ms, lamport, idempotency: None, by: None };
            match election.apply(&envelope) {
                Ok(events) => log.extend(events),
                Err(DomainError::LamportExhausted) => prop_assert!(lamport > u64::MAX - 64 || election.lamport > u64::MAX - 64),
                Err(_) => {}
            }
        }
        for pair in log.windows(2) {
            prop_assert_eq!(pair[1].seq, pair[0].seq + 1);
            prop_assert!(pair[1].lamport > pair[0].lamport);
        }
        prop_assert_eq!(Election::replay(&log), election);
    }
}
