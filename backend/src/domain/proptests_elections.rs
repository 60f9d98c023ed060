//! Random command sequences across several elections: each election keeps its own gapless
//! log, no voter is counted twice, a re-vote replaces the voter's one count (the last vote
//! counts), and replaying the interleaved log reproduces every election.

use std::collections::BTreeMap;

use proptest::prelude::*;
use shared::elections::{new_election_options, CandidateSpec, ElectionOptions};
use shared::{Event, EventPayload};

use super::*;

const NOW: i64 = 1_000_000;
const ELECTIONS: [&str; 3] = ["default", "agm", "board"];

fn options(revoting: bool) -> ElectionOptions {
    ElectionOptions {
        revoting,
        ..new_election_options()
    }
}

fn define(revoting: bool) -> Command {
    Command::DefineElection {
        create: true,
        title: "T".into(),
        description: String::new(),
        candidates: ["A", "B", "C"]
            .map(|name| CandidateSpec {
                name: name.into(),
                description: String::new(),
            })
            .to_vec(),
        questions: Vec::new(),
        options: options(revoting),
        language: None,
        translations: Default::default(),
    }
}

fn command() -> impl Strategy<Value = Command> {
    let session = (1u32..=6).prop_map(|v| format!("s{v}"));
    let row =
        ("[A-D]", prop::option::of("[a-c]@x"), 0u32..8).prop_map(|(name, email, n)| ImportRow {
            name,
            email,
            external_id: None,
            credential_hash: format!("h{n}"),
            weight: None,
        });
    prop_oneof![
        1 => any::<bool>().prop_map(define),
        2 => prop::collection::vec(row, 0..5).prop_map(|rows| Command::ImportVoters { rows, first_row: 0 }),
        3 => (0u32..8, session.clone()).prop_map(|(n, session_hash)| Command::CredentialLogin {
            credential_hash: format!("h{n}"),
            session_hash,
        }),
        1 => (1u32..=4, session.clone()).prop_map(|(voter_id, session_hash)| Command::Login {
            name: DEFAULT_VOTERS[voter_id as usize - 1].to_string(),
            voter_id,
            session_hash,
        }),
        1 => (1u32..=5, 8u32..12).prop_map(|(voter_id, n)| Command::IssueCredential {
            voter_id,
            credential_hash: format!("h{n}"),
        }),
        6 => (session, 0u32..=4).prop_map(|(session_hash, candidate_id)| Command::CastVote {
            session_hash,
            candidate_id,
            click_time_ms: NOW,
            grace_ms: 10_000,
            ballot_id: String::new(),
            answers: None,
            sealed: None,
        }),
        1 => (0usize..3, prop::collection::vec((1u32..=6, 12u32..16), 0..4)).prop_map(|(kind, voters)| {
            Command::QueueMail {
                kind: shared::mail::MailKind::ALL[kind],
                mails: voters.into_iter().map(|(voter_id, n)| mail::QueuedMail {
                    voter_id,
                    credential_hash: Some(format!("h{n}")),
                }).collect(),
            }
        }),
        1 => (0usize..3, 1u32..=6, 0u32..3, 0u32..3, 0u8..3).prop_map(|(kind, voter_id, generation, attempt, result)| {
            let result = match result {
                0 => mail::Delivery::Sent,
                1 => mail::Delivery::Deferred { error: "451".into(), retry_at_ms: NOW },
                _ => mail::Delivery::Failed { error: "550".into() },
            };
            Command::RecordMail { outcomes: vec![mail::MailOutcome {
                voter_id, kind: shared::mail::MailKind::ALL[kind], generation, attempt, result,
            }] }
        }),
        1 => Just(Command::StartVoting),
        1 => Just(Command::StopVoting),
        1 => Just(Command::PublishResults),
    ]
}

/// A vote event: voter, seq, the seq it supersedes.
type VoteRecord = (u32, u64, Option<u64>);

/// Per election: the last accepted vote of each voter, and every vote event.
fn votes_of(log: &[Event], id: &str) -> (BTreeMap<u32, u32>, Vec<VoteRecord>) {
    let mut last = BTreeMap::new();
    let mut all = Vec::new();
    for event in log.iter().filter(|e| e.election_id == id) {
        if let EventPayload::VoteCast {
            voter_id,
            candidate_id,
            supersedes,
            ..
        } = event.payload
        {
            last.insert(voter_id, candidate_id);
            all.push((voter_id, event.seq, supersedes));
        }
    }
    (last, all)
}

proptest! {
    #[test]
    fn every_election_counts_each_voter_once_by_the_last_vote_and_replays_exactly(
        commands in prop::collection::vec((0usize..3, command()), 1..150)
    ) {
        let mut elections = Elections::default();
        let mut log = Vec::new();
        // Queued mail derives its credential from the write's key.
        let stamp = |election: &str, command: Command, lamport: u64| Envelope {
            election: election.to_string(),
            idempotency: matches!(command, Command::QueueMail { .. }).then(|| IdempotencyStamp {
                key: format!("k{lamport}"),
                fingerprint: String::new(),
            }),
            by: None,
            command,
            node_id: 1,
            received_at_ms: NOW,
            lamport,
        };
        log.extend(elections.apply(&stamp("default", Command::SeedDefaults, 0)).unwrap());
        for (lamport, (which, command)) in (1u64..).zip(commands) {
            if let Ok(events) = elections.apply(&stamp(ELECTIONS[which], command, lamport)) {
                log.extend(events);
            }
        }
        for id in ELECTIONS {
            let Some(election) = elections.get(id) else { continue };
            let own: Vec<&Event> = log.iter().filter(|e| e.election_id == id).collect();
            for (index, event) in own.iter().enumerate() {
                prop_assert_eq!(event.seq, index as u64 + 1, "gap in {}", id);
            }
            let (last, all) = votes_of(&log, id);
            // One count per voter who voted, for the candidate of their last vote.
            prop_assert_eq!(election.total_votes(), last.len() as u64);
            for (candidate, count) in &election.counts {
                let expected = last.values().filter(|c| *c == candidate).count() as u64;
                prop_assert_eq!(*count, expected, "{} candidate {}", id, candidate);
            }
            // Without re-voting, one vote per voter; with it, each vote names the one before.
            let mut previous: BTreeMap<u32, u64> = BTreeMap::new();
            for (voter, seq, supersedes) in all {
                if !election.options.revoting {
                    prop_assert!(!previous.contains_key(&voter), "{} voted twice in {}", voter, id);
                }
                prop_assert_eq!(supersedes, previous.get(&voter).copied());
                previous.insert(voter, seq);
            }
        }
        prop_assert_eq!(Elections::replay(&log), elections);
    }
}
