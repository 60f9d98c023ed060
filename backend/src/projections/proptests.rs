//! Random ballots of questions, weighted voters and re-votes: the count of every question is
//! the same live, after replaying the log, and recounted from the public log's lines alone
//! (what the audit page and `ballot audit` do), whatever the ballots and however they came.

use proptest::prelude::*;
use shared::ballots::{Choice, Method, QuestionSpec, Weight};
use shared::elections::{new_election_options, CandidateSpec, ElectionOptions};
use shared::recount::{bulletin_board, recount_questions};

use super::results::question_results;
use crate::domain::{Command, Election, Envelope, ImportRow};

const NOW: i64 = 1_000_000;
const METHODS: [Method; 6] = [
    Method::Plurality,
    Method::Approval,
    Method::Irv,
    Method::Stv,
    Method::Schulze,
    Method::Referendum,
];

fn spec(method: Method) -> QuestionSpec {
    let candidates = if method == Method::Referendum {
        Vec::new()
    } else {
        ["A", "B", "C", "D"]
            .map(|name| CandidateSpec {
                name: name.into(),
                description: String::new(),
            })
            .to_vec()
    };
    QuestionSpec {
        id: None,
        title: String::new(),
        description: String::new(),
        method,
        candidates,
        seats: matches!(method, Method::Stv | Method::Approval).then_some(2),
        max_choices: (method == Method::Plurality).then_some(2),
        threshold: None,
    }
}

fn define() -> Command {
    Command::DefineElection {
        create: true,
        title: "T".into(),
        description: String::new(),
        candidates: Vec::new(),
        questions: METHODS.map(spec).to_vec(),
        options: ElectionOptions {
            revoting: true,
            ..new_election_options()
        },
        language: None,
        translations: Default::default(),
    }
}

/// An answer that may be valid or not: ids 0..=5 (some off the ballot), repeats, equal groups.
fn answer() -> impl Strategy<Value = Vec<Choice>> {
    let item = prop_oneof![
        4 => (0u32..=5).prop_map(Choice::One),
        1 => prop::collection::vec(1u32..=4, 1..3).prop_map(Choice::Equal),
    ];
    prop::collection::vec(item, 0..5)
}

fn ballot() -> impl Strategy<Value = shared::ballots::Answers> {
    prop::collection::btree_map((1usize..=7).prop_map(|q| format!("q{q}")), answer(), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn live_replayed_and_recounted_from_the_public_log_every_question_agrees(
        weights in prop::collection::vec(prop_oneof![Just(None), (1u64..=50_000).prop_map(|w| Some(Weight(w)))], 1..7),
        votes in prop::collection::vec((0usize..7, ballot()), 0..25),
        publish in any::<bool>(),
    ) {
        let mut election = Election::default();
        let mut log = Vec::new();
        let apply = |election: &mut Election, command: Command, lamport: u64| {
            let envelope = Envelope {
                election: "agm".into(),
                command,
                node_id: 1,
                received_at_ms: NOW,
                lamport,
                idempotency: None,
                by: None,
            };
            election.apply(&envelope)
        };
        log.extend(apply(&mut election, define(), 1).unwrap());
        let rows = weights.iter().enumerate().map(|(i, weight)| ImportRow {
            name: format!("V{i}"),
            email: None,
            external_id: None,
            credential_hash: format!("h{i}"),
            weight: *weight,
        }).collect();
        log.extend(apply(&mut election, Command::ImportVoters { rows, first_row: 0 }, 2).unwrap());
        for i in 0..weights.len() {
            let login = Command::CredentialLogin {
                credential_hash: format!("h{i}"),
                session_hash: format!("s{i}"),
            };
            log.extend(apply(&mut election, login, 3).unwrap());
        }
        log.extend(apply(&mut election, Command::StartVoting, 4).unwrap());
        for (lamport, (voter, answers)) in (5u64..).zip(votes) {
            let vote = Command::CastVote {
                session_hash: format!("s{}", voter % weights.len()),
                candidate_id: 0,
                answers: Some(answers),
                click_time_ms: NOW,
                grace_ms: 10_000,
                ballot_id: format!("b{lamport}"),
                sealed: None,
            };
            // Refused ballots record nothing; accepted ones replace the voter's last.
            if let Ok(events) = apply(&mut election, vote, lamport) {
                log.extend(events);
            }
        }
        if publish {
            log.extend(apply(&mut election, Command::StopVoting, 1_000).unwrap());
            log.extend(apply(&mut election, Command::PublishResults, 1_001).unwrap());
        }
        let live = question_results(&election);
        prop_assert_eq!(live.len(), METHODS.len());
        let replayed = Election::replay(&log);
        prop_assert_eq!(&question_results(&replayed), &live);
        let board = bulletin_board("agm", &election.public.lines).unwrap();
        prop_assert_eq!(recount_questions(&board), live);
    }
}
