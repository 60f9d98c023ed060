//! Given/when/then tests of the reducer: pushes and snapshots in every order.

use std::rc::Rc;

use shared::dto::{Notification, ResultsResponse, VoterStatus, VotersResponse};
use shared::results::{CandidateCount, Outcome};
use shared::ws::ServerMessage;
use shared::{NotificationKind, Phase};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Reducible;

use super::{Action, ClusterView, Connection, LiveState, MAX_NOTIFICATIONS};
use crate::clock::{ClockSample, Lamport};

fn given(actions: impl IntoIterator<Item = Action>) -> Rc<LiveState> {
    actions
        .into_iter()
        .fold(Rc::new(LiveState::default()), |state, action| {
            state.reduce(action)
        })
}

pub(crate) fn results(as_of_seq: u64, phase: Phase, total_votes: u64) -> ResultsResponse {
    ResultsResponse {
        phase,
        deadline_ms: None,
        total_votes,
        eligible_voters: 10,
        counts_visible: true,
        counts: vec![CandidateCount {
            candidate_id: 1,
            name: "Ada".into(),
            votes: total_votes,
        }],
        outcome: None,
        as_of_seq,
        questions: Vec::new(),
        voted_weight: total_votes.to_string(),
        eligible_weight: "10".into(),
    }
}

fn voter(voter_id: u32, has_voted: bool) -> VoterStatus {
    VoterStatus {
        voter_id,
        name: format!("V{voter_id}"),
        has_voted,
    }
}

fn line(seq: u64, time_ms: i64, message: &str) -> Notification {
    Notification {
        seq,
        lamport: seq,
        time_ms,
        kind: if seq == 0 {
            NotificationKind::Cluster
        } else {
            NotificationKind::VoteCast
        },
        message: message.into(),
        words: None,
        by: None,
    }
}

fn phase_push(phase: Phase, lamport: u64) -> Action {
    Action::Server(ServerMessage::Phase {
        phase,
        deadline_ms: Some(99),
        live_results: true,
        lamport,
    })
}

#[wasm_bindgen_test]
fn connecting_then_live_then_reconnecting() {
    let state = given([]);
    assert_eq!(state.connection, Connection::Connecting);
    let state = state.reduce(Action::Connected);
    assert_eq!((state.connection, state.generation), (Connection::Live, 1));
    let state = state.reduce(Action::Disconnected {
        attempt: 2,
        retry_in_ms: 2000,
    });
    assert_eq!(
        state.connection,
        Connection::Reconnecting {
            attempt: 2,
            retry_in_ms: 2000
        }
    );
    let state = state.reduce(Action::Connected);
    assert_eq!(
        state.generation, 2,
        "every reconnection asks pages to refetch"
    );
}

#[wasm_bindgen_test]
fn hello_sets_the_phase_and_merges_the_lamport_clock() {
    let state = given([Action::Server(ServerMessage::Hello {
        node_id: 3,
        server_time_ms: 1,
        lamport: 41,
        phase: Phase::Open,
        deadline_ms: Some(5000),
        live_results: true,
        admin: false,
    })]);
    assert_eq!(state.node_id, Some(3));
    assert_eq!(
        (state.phase, state.deadline_ms, state.live_results),
        (Phase::Open, Some(5000), true)
    );
    assert_eq!(state.lamport, Lamport(42));
}

#[wasm_bindgen_test]
fn a_stale_tally_does_not_replace_a_newer_one() {
    let state = given([
        Action::Server(ServerMessage::Tally {
            results: results(7, Phase::Open, 3),
        }),
        Action::ResultsLoaded(results(5, Phase::Open, 2)),
    ]);
    assert_eq!(state.results.as_ref().map(|r| r.total_votes), Some(3));
}

#[wasm_bindgen_test]
fn a_late_snapshot_does_not_move_the_phase_backwards() {
    let state = given([
        phase_push(Phase::Closed, 10),
        Action::ResultsLoaded(results(9, Phase::Open, 1)),
    ]);
    assert_eq!(state.phase, Phase::Closed);
    assert_eq!(
        state.results.as_ref().map(|r| r.as_of_seq),
        Some(9),
        "the figures still apply"
    );
}

#[wasm_bindgen_test]
fn a_published_tally_carries_the_outcome() {
    let mut published = results(12, Phase::Published, 4);
    published.outcome = Some(Outcome::Winner {
        candidate_id: 1,
        name: "Ada".into(),
        votes: 4,
    });
    let state = given([
        phase_push(Phase::Closed, 1),
        Action::Server(ServerMessage::Tally { results: published }),
    ]);
    assert_eq!(state.phase, Phase::Published);
    assert!(matches!(
        state.results.as_ref().and_then(|r| r.outcome.clone()),
        Some(Outcome::Winner { .. })
    ));
}

#[wasm_bindgen_test]
fn voter_pushes_update_the_table_in_id_order() {
    let snapshot = VotersResponse {
        voters: vec![voter(1, false), voter(3, false)],
        voted: 0,
        total: 2,
    };
    let state = given([
        Action::VotersLoaded(snapshot),
        Action::Server(ServerMessage::Voter {
            voter: voter(2, false),
        }),
        Action::Server(ServerMessage::Voter {
            voter: voter(3, true),
        }),
    ]);
    let ids: Vec<u32> = state.voters.iter().map(|v| v.voter_id).collect();
    assert_eq!(ids, vec![1, 2, 3]);
    assert_eq!(state.turnout(), (1, 3));
}

#[wasm_bindgen_test]
fn a_snapshot_older_than_a_push_keeps_the_vote() {
    let stale = VotersResponse {
        voters: vec![voter(1, false)],
        voted: 0,
        total: 1,
    };
    let state = given([
        Action::Server(ServerMessage::Voter {
            voter: voter(1, true),
        }),
        Action::VotersLoaded(stale),
    ]);
    assert_eq!(state.turnout(), (1, 1), "a vote is never taken back");
}

#[wasm_bindgen_test]
fn notifications_are_deduplicated_and_newest_first() {
    let state = given([
        Action::Server(ServerMessage::Notification {
            notification: line(2, 200, "Bob voted"),
            lamport: 5,
        }),
        Action::NotificationsLoaded(vec![line(1, 100, "Alice voted"), line(2, 200, "Bob voted")]),
        Action::Server(ServerMessage::Notification {
            notification: line(0, 300, "node 2 down"),
            lamport: 6,
        }),
        Action::Server(ServerMessage::Notification {
            notification: line(0, 300, "node 2 down"),
            lamport: 6,
        }),
    ]);
    let messages: Vec<&str> = state
        .notifications
        .iter()
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(messages, vec!["node 2 down", "Bob voted", "Alice voted"]);
    // 5 -> 6, then 6 -> 7, then the repeated 6 still ticks: 8.
    assert_eq!(state.lamport, Lamport(8));
}

#[wasm_bindgen_test]
fn the_feed_is_capped() {
    let lines = (1..=150).map(|seq| line(seq, seq as i64, "x")).collect();
    let state = given([Action::NotificationsLoaded(lines)]);
    assert_eq!(state.notifications.len(), MAX_NOTIFICATIONS);
    assert_eq!(state.notifications[0].seq, 150, "the newest lines are kept");
}

#[wasm_bindgen_test]
fn a_missing_cluster_endpoint_means_single_node() {
    assert_eq!(
        given([Action::ClusterLoaded(None)]).cluster,
        ClusterView::SingleNode
    );
}

#[wasm_bindgen_test]
fn clock_samples_set_the_offset_and_the_lamport_clock() {
    let sample = ClockSample {
        offset_ms: -120,
        rtt_ms: 8,
        lamport: 20,
    };
    let state = given([Action::ClockSynced(sample)]);
    assert_eq!(state.offset_ms(), -120);
    assert_eq!(state.lamport, Lamport(21));
    let (_, stamp) = state.lamport.send();
    let state = state.reduce(Action::LamportSent(stamp));
    assert_eq!(state.lamport, Lamport(22));
    let state = state.reduce(Action::LamportObserved(50));
    assert_eq!(state.lamport, Lamport(51));
}

fn hello(admin: bool) -> Action {
    Action::Server(ServerMessage::Hello {
        node_id: 1,
        server_time_ms: 1,
        lamport: 1,
        phase: Phase::Open,
        deadline_ms: None,
        live_results: false,
        admin,
    })
}

fn socket_error(error: &str) -> Action {
    Action::Server(ServerMessage::Error {
        error: serde_json::from_value(error.into()).expect("a wire code"),
        message: format!("server says {error}"),
    })
}

#[wasm_bindgen_test]
fn the_admin_hello_grants_admin_pushes_and_asks_for_fresh_snapshots() {
    let state = given([Action::Connected, hello(false)]);
    assert!(!state.admin);
    assert_eq!(state.generation, 1);
    let state = state.reduce(hello(true));
    assert!(state.admin);
    assert_eq!(
        state.generation, 2,
        "what happened before the admin subscription is refetched"
    );
    let state = state.reduce(hello(true));
    assert_eq!(state.generation, 2, "only the first admin hello refetches");
    let state = state.reduce(Action::Connected);
    assert!(!state.admin, "a new connection must authenticate again");
}

#[wasm_bindgen_test]
fn a_refused_admin_token_stops_the_connection() {
    let state = given([
        Action::Connected,
        hello(false),
        socket_error("admin_unauthorized"),
    ]);
    assert_eq!(state.connection, Connection::Refused);
    assert!(!state.admin);
    assert_eq!(
        state.socket_error.as_ref().map(|body| body.error.as_str()),
        Some("admin_unauthorized")
    );
    let closed = given([Action::Connected, hello(true), Action::AdminRefused]);
    assert_eq!(closed.connection, Connection::Refused);
    assert!(!closed.admin);
}

#[wasm_bindgen_test]
fn other_socket_errors_are_kept_without_dropping_the_connection() {
    let state = given([Action::Connected, hello(true), socket_error("bad_message")]);
    assert_eq!(state.connection, Connection::Live);
    assert!(state.admin);
    assert_eq!(
        state
            .socket_error
            .as_ref()
            .map(|body| body.message.as_str()),
        Some("server says bad_message")
    );
}

fn checkpoint(tree_size: u64, timestamp_ms: i64) -> shared::checkpoint::Checkpoint {
    shared::checkpoint::Checkpoint {
        election_id: "default".into(),
        tree_size,
        root_hash_hex: format!("{tree_size:064x}"),
        timestamp_ms,
        signatures: Vec::new(),
    }
}

#[wasm_bindgen_test]
fn a_fetched_checkpoint_older_than_the_pushed_one_is_ignored() {
    let pushed = Action::Server(ServerMessage::Checkpoint {
        checkpoint: checkpoint(12, 2_000),
    });
    let state = given([pushed, Action::CheckpointLoaded(checkpoint(9, 3_000))]);
    assert_eq!(state.checkpoint, Some(checkpoint(12, 2_000)));
    let state = given([
        Action::CheckpointLoaded(checkpoint(12, 1_000)),
        Action::CheckpointLoaded(checkpoint(12, 2_000)),
    ]);
    assert_eq!(state.checkpoint, Some(checkpoint(12, 2_000)));
}
