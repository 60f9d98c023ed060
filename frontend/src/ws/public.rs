//! The pushes a public page reads (voter, tally, audit). A public connection gets `hello`,
//! `phase`, `tally`, `checkpoint`, `error` and the public activity feed's `notification`s;
//! the admin's pushes (`voter`, `queue`, `cluster`) go to admin connections only. No public
//! page shows the feed, so of a notification it reads only the Lamport time, which keeps the
//! page's clock moving as the log does; everything else is skipped unread. Reading
//! `shared::ws::ServerMessage` whole would put the decoders of every feed line
//! (`shared::feed::FeedWords`) and of the admin's tables in each public page's wasm.
//!
//! The names and fields are `ServerMessage`'s (a test checks the two read a push alike).

use serde::Deserialize;
use shared::checkpoint::Checkpoint;
use shared::dto::ResultsResponse;
use shared::ids::TimestampMs;
use shared::ws::ServerMessage;
use shared::{ErrorCode, LamportTime, NodeId, Phase};

use crate::state::Action;

// Each push is read in two passes over its text: its `type` alone, then the fields of that
// type into a plain struct. Serde's internally tagged enums buffer every field of a push
// before picking its variant, and that generic buffering took more of the wasm than the
// pushes' own fields.

/// A push's `type`, every other field skipped.
#[derive(Deserialize)]
struct Kind<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
}

#[derive(Deserialize)]
struct Hello {
    node_id: NodeId,
    server_time_ms: TimestampMs,
    lamport: LamportTime,
    phase: Phase,
    deadline_ms: Option<TimestampMs>,
    live_results: bool,
    #[serde(default)]
    admin: bool,
}

/// Of a notification, only its clock: the line itself is for the admin's feed.
#[derive(Deserialize)]
struct Clock {
    lamport: LamportTime,
}

#[derive(Deserialize)]
struct PhaseChange {
    phase: Phase,
    deadline_ms: Option<TimestampMs>,
    live_results: bool,
    lamport: LamportTime,
}

#[derive(Deserialize)]
struct Tally {
    results: ResultsResponse,
}

#[derive(Deserialize)]
struct Signed {
    checkpoint: Checkpoint,
}

#[derive(Deserialize)]
struct Refused {
    error: ErrorCode,
    message: String,
}

fn read<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|err| err.to_string())
}

/// What a push tells a public page, if anything: nothing for an admin's push or one newer
/// than this build.
pub fn public_push(text: &str) -> Result<Option<Action>, String> {
    let Kind { kind } = read(text)?;
    let message = match &*kind {
        "hello" => {
            let hello: Hello = read(text)?;
            ServerMessage::Hello {
                node_id: hello.node_id,
                server_time_ms: hello.server_time_ms,
                lamport: hello.lamport,
                phase: hello.phase,
                deadline_ms: hello.deadline_ms,
                live_results: hello.live_results,
                admin: hello.admin,
            }
        }
        "notification" => {
            let Clock { lamport } = read(text)?;
            return Ok(Some(Action::LamportObserved(lamport)));
        }
        "phase" => {
            let change: PhaseChange = read(text)?;
            ServerMessage::Phase {
                phase: change.phase,
                deadline_ms: change.deadline_ms,
                live_results: change.live_results,
                lamport: change.lamport,
            }
        }
        "tally" => {
            let Tally { results } = read(text)?;
            ServerMessage::Tally { results }
        }
        "checkpoint" => {
            let Signed { checkpoint } = read(text)?;
            ServerMessage::Checkpoint { checkpoint }
        }
        "error" => {
            let Refused { error, message } = read(text)?;
            ServerMessage::Error { error, message }
        }
        _ => return Ok(None),
    };
    Ok(Some(Action::Server(message)))
}

#[cfg(test)]
mod tests {
    use shared::dto::{Notification, QueueStatus};
    use shared::kinds::NotificationKind;
    use shared::results::Outcome;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn read(message: &ServerMessage) -> Option<Action> {
        public_push(&serde_json::to_string(message).unwrap()).unwrap()
    }

    #[wasm_bindgen_test]
    fn a_public_page_reads_its_pushes_as_the_admin_console_does() {
        let pushes = [
            ServerMessage::Hello {
                node_id: 2,
                server_time_ms: 1_700_000_000_000,
                lamport: 7,
                phase: Phase::Open,
                deadline_ms: Some(1_700_000_060_000),
                live_results: true,
                admin: false,
            },
            ServerMessage::Phase {
                phase: Phase::Closed,
                deadline_ms: None,
                live_results: false,
                lamport: 9,
            },
            ServerMessage::Error {
                error: ErrorCode::BadSession,
                message: "no".into(),
            },
            ServerMessage::Tally {
                results: ResultsResponse {
                    outcome: Some(Outcome::Winner {
                        candidate_id: 1,
                        name: "Ada".into(),
                        votes: 3,
                    }),
                    ..crate::state::tests::results(4, Phase::Open, 3)
                },
            },
        ];
        for push in pushes {
            match read(&push) {
                Some(Action::Server(read)) => assert_eq!(read, push),
                _ => panic!("{push:?} was not read"),
            }
        }
    }

    #[wasm_bindgen_test]
    fn of_a_feed_line_a_public_page_keeps_the_clock_and_it_skips_the_admins_pushes() {
        let line = ServerMessage::Notification {
            notification: Notification {
                seq: 3,
                lamport: 11,
                time_ms: 1_700_000_000_000,
                kind: NotificationKind::VoteCast,
                message: "A vote was cast".into(),
                words: None,
                by: None,
            },
            lamport: 12,
        };
        assert!(matches!(read(&line), Some(Action::LamportObserved(12))));
        let queue = ServerMessage::Queue {
            queue: QueueStatus::default(),
        };
        assert!(read(&queue).is_none());
        assert!(public_push("{\"type\":\"newer_than_this_build\"}")
            .unwrap()
            .is_none());
        assert!(public_push("not json").is_err());
    }
}
