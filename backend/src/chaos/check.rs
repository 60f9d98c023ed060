//! The checks of a schedule's history against the final event log: every acknowledged write
//! present exactly once, an unacknowledged one at most once, a refused one absent, no voter
//! counted twice, and no `/api/me` that forgot an acknowledged vote.

use std::collections::HashMap;
use std::time::Duration;

use shared::{AuditEvent, AuditPayload, EventPayload};

use super::history::{Answer, Op, OpKind};
use crate::api::write::session_token;
use crate::secrets::session_hash;

/// What the checks found.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Writes with a 2xx answer.
    pub acknowledged: usize,
    /// Acknowledged writes missing from the log.
    pub lost: Vec<String>,
    /// Writes (acknowledged or not) present more than once, and voters counted twice.
    pub duplicated: Vec<String>,
    /// Every other broken promise (a refused write that happened, a stale read, …).
    pub violations: Vec<String>,
    /// The longest stretch of the load with no write acknowledged.
    pub longest_unavailable: Duration,
    /// Server errors (5xx other than 503) answered on the way.
    pub server_errors: u32,
}

impl Verdict {
    /// Adds election `election`'s verdict to this one (its findings named by the election).
    pub fn merge(&mut self, election: &str, other: Verdict) {
        let named = |finding: String| format!("[{election}] {finding}");
        self.acknowledged += other.acknowledged;
        self.lost.extend(other.lost.into_iter().map(named));
        self.duplicated
            .extend(other.duplicated.into_iter().map(named));
        self.violations
            .extend(other.violations.into_iter().map(named));
        self.longest_unavailable = self.longest_unavailable.max(other.longest_unavailable);
        self.server_errors += other.server_errors;
    }
}

/// What the log holds, counted the ways the checks ask.
struct Counted {
    /// Registration name to the voter ids registered under it.
    registered: HashMap<String, Vec<u64>>,
    /// Session hash to how many logins carry it.
    logins: HashMap<String, usize>,
    /// Voter id to how many votes it has.
    votes: HashMap<u64, usize>,
}

fn count(events: &[AuditEvent]) -> Counted {
    let mut counted = Counted {
        registered: HashMap::new(),
        logins: HashMap::new(),
        votes: HashMap::new(),
    };
    for event in events {
        match &event.payload {
            AuditPayload::Vote(vote) => {
                *counted.votes.entry(u64::from(vote.voter_id)).or_default() += 1
            }
            AuditPayload::Logged(EventPayload::VoterRegistered { voter_id, name }) => {
                counted
                    .registered
                    .entry(name.clone())
                    .or_default()
                    .push(u64::from(*voter_id));
            }
            AuditPayload::Logged(EventPayload::VoterLoggedIn { session_hash, .. }) => {
                *counted.logins.entry(session_hash.clone()).or_default() += 1;
            }
            _ => {}
        }
    }
    counted
}

/// Checks `ops` against the final `events`. `secret` is the cluster secret, from which the
/// session of a login that was never answered can still be derived; `load` is the stretch of
/// the schedule whose write availability counts.
pub fn check(
    ops: &[Op],
    events: &[AuditEvent],
    secret: &str,
    load: (Duration, Duration),
) -> Verdict {
    let counted = count(events);
    let mut verdict = Verdict::default();
    for op in ops {
        verdict.server_errors += op.server_errors;
        if op.is_write() && matches!(op.answer, Answer::Ok(_)) {
            verdict.acknowledged += 1;
        }
        check_op(op, &counted, secret, &mut verdict);
    }
    for (voter_id, votes) in &counted.votes {
        if *votes > 1 {
            verdict
                .duplicated
                .push(format!("voter {voter_id} counted {votes} times"));
        }
    }
    check_reads(ops, &mut verdict);
    verdict.longest_unavailable = longest_gap(ops, load);
    verdict
}

fn check_op(op: &Op, counted: &Counted, secret: &str, verdict: &mut Verdict) {
    let (what, present) = match &op.kind {
        OpKind::Register { name } => {
            let ids = counted.registered.get(name).map_or(&[][..], Vec::as_slice);
            if let Answer::Ok(body) = &op.answer {
                let answered = body["voter_id"].as_u64();
                if ids.len() == 1 && answered.is_some() && answered != Some(ids[0]) {
                    verdict.violations.push(format!(
                        "registration of {name} answered voter {answered:?}, the log says {}",
                        ids[0]
                    ));
                }
            }
            (format!("registration of {name}"), ids.len())
        }
        OpKind::Login { voter_id } => {
            let session = match &op.answer {
                Answer::Ok(body) => body["session"].as_str().unwrap_or_default().to_string(),
                _ => session_token(secret.as_bytes(), op.key.as_deref().unwrap_or_default()),
            };
            let present = counted.logins.get(&session_hash(&session)).copied();
            (format!("login of voter {voter_id}"), present.unwrap_or(0))
        }
        OpKind::Vote { voter_id } => (
            format!("vote of voter {voter_id}"),
            counted.votes.get(voter_id).copied().unwrap_or(0),
        ),
        OpKind::Me { .. } | OpKind::Admin { .. } => return,
    };
    let at = format!("(invoked at {:.3} s)", op.invoked.as_secs_f64());
    match &op.answer {
        Answer::Ok(_) if present == 0 => verdict.lost.push(format!("acknowledged {what} {at}")),
        Answer::Refused { status, code } if present > 0 => verdict.violations.push(format!(
            "{what} was refused with {status} {code} {at} but is in the log"
        )),
        _ if present > 1 && !matches!(op.kind, OpKind::Vote { .. }) => verdict
            .duplicated
            .push(format!("{what} is in the log {present} times {at}")),
        _ => {}
    }
}

/// Once a vote was acknowledged, no `/api/me` invoked later may say the voter has not voted.
fn check_reads(ops: &[Op], verdict: &mut Verdict) {
    let acknowledged: HashMap<u64, Duration> = ops
        .iter()
        .filter_map(|op| match (&op.kind, &op.answer) {
            (OpKind::Vote { voter_id }, Answer::Ok(_)) => Some((*voter_id, op.answered)),
            _ => None,
        })
        .collect();
    for op in ops {
        let (OpKind::Me { voter_id }, Answer::Ok(body)) = (&op.kind, &op.answer) else {
            continue;
        };
        let Some(acked) = acknowledged.get(voter_id) else {
            continue;
        };
        if op.invoked > *acked && body["has_voted"] == serde_json::Value::Bool(false) {
            verdict.violations.push(format!(
                "/api/me of voter {voter_id} invoked at {:.3} s said has_voted=false; its vote \
                 was acknowledged at {:.3} s",
                op.invoked.as_secs_f64(),
                acked.as_secs_f64()
            ));
        }
    }
}

/// The longest time within `load` with no write acknowledged.
fn longest_gap(ops: &[Op], (from, to): (Duration, Duration)) -> Duration {
    let mut acks: Vec<Duration> = ops
        .iter()
        .filter(|op| op.is_write() && matches!(op.answer, Answer::Ok(_)))
        .map(|op| op.answered.clamp(from, to))
        .collect();
    acks.push(from);
    acks.push(to);
    acks.sort();
    acks.windows(2)
        .map(|pair| pair[1] - pair[0])
        .max()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use shared::events::{VoteCastKind, VoteWithoutChoice};

    fn op(kind: OpKind, answer: Answer, invoked_ms: u64, answered_ms: u64) -> Op {
        Op {
            kind,
            key: Some("k".into()),
            invoked: Duration::from_millis(invoked_ms),
            answered: Duration::from_millis(answered_ms),
            answer,
            attempts: 1,
            server_errors: 0,
        }
    }

    fn event(seq: u64, payload: AuditPayload) -> AuditEvent {
        AuditEvent {
            election_id: shared::elections::default_election_id(),
            seq,
            lamport: seq,
            node_id: 1,
            time_ms: 0,
            payload,
            by: None,
        }
    }

    fn vote(seq: u64, voter_id: u32) -> AuditEvent {
        event(
            seq,
            AuditPayload::Vote(VoteWithoutChoice {
                kind: VoteCastKind::VoteCast,
                voter_id,
                click_time_ms: 0,
            }),
        )
    }

    const LOAD: (Duration, Duration) = (Duration::ZERO, Duration::from_secs(1));

    #[test]
    fn an_acknowledged_vote_missing_from_the_log_is_lost_and_a_double_count_is_duplicated() {
        let ops = [
            op(OpKind::Vote { voter_id: 11 }, Answer::Ok(json!({})), 0, 10),
            op(OpKind::Vote { voter_id: 12 }, Answer::Unknown, 0, 10),
        ];
        let events = [vote(1, 12), vote(2, 12)];

        let verdict = check(&ops, &events, "secret", LOAD);

        assert_eq!(verdict.acknowledged, 1);
        assert_eq!(verdict.lost.len(), 1, "{verdict:?}");
        assert_eq!(verdict.duplicated.len(), 1, "{verdict:?}");
    }

    #[test]
    fn a_read_after_the_acknowledgement_that_forgets_the_vote_is_a_violation() {
        let ops = [
            op(OpKind::Vote { voter_id: 11 }, Answer::Ok(json!({})), 0, 10),
            op(
                OpKind::Me { voter_id: 11 },
                Answer::Ok(json!({"has_voted": false})),
                5,
                6,
            ),
            op(
                OpKind::Me { voter_id: 11 },
                Answer::Ok(json!({"has_voted": false})),
                11,
                12,
            ),
        ];

        let verdict = check(&ops, &[vote(1, 11)], "secret", LOAD);

        assert_eq!(verdict.violations.len(), 1, "{verdict:?}");
    }

    #[test]
    fn an_unanswered_login_is_found_by_the_session_its_key_derives() {
        let mut login = op(OpKind::Login { voter_id: 11 }, Answer::Unknown, 0, 10);
        login.key = Some("the-key".into());
        let hash = session_hash(&session_token(b"secret", "the-key"));
        let logged = |seq| {
            event(
                seq,
                AuditPayload::Logged(EventPayload::VoterLoggedIn {
                    voter_id: 11,
                    session_hash: hash.clone(),
                }),
            )
        };

        let once = check(&[login.clone()], &[logged(1)], "secret", LOAD);
        let twice = check(&[login], &[logged(1), logged(2)], "secret", LOAD);

        assert!(once.duplicated.is_empty());
        assert_eq!(twice.duplicated.len(), 1);
    }

    #[test]
    fn the_longest_gap_between_acknowledgements_counts_the_ends_of_the_load() {
        let ops = [
            op(
                OpKind::Admin { path: "x".into() },
                Answer::Ok(json!({})),
                0,
                300,
            ),
            op(
                OpKind::Admin { path: "x".into() },
                Answer::Ok(json!({})),
                0,
                400,
            ),
        ];

        assert_eq!(longest_gap(&ops, LOAD), Duration::from_millis(600));
    }
}
