//! The write path: submit a stamped command, get its decision once a majority has it.
//!
//! Handlers never write the log themselves; they hand an [`Envelope`] to the ledger and wait.
//! The ledger proposes it to Raft on this node when it leads, or forwards it to the leader's
//! internal `/raft/propose` route, retrying across leader changes (including a new leader whose
//! lease has not settled) until [`SUBMIT_TIMEOUT`]. It answers only when the envelope is
//! committed and applied, which is the promise that an acknowledged vote is never lost; when no
//! majority can be reached it gives up with [`LedgerError::Unavailable`] (a 503), having
//! acknowledged nothing.
//!
//! A retry after a lost answer can reach the log twice; that is harmless because every envelope
//! carries an idempotency key: the state machine decides a key once and answers the second
//! entry with the first decision. So the ledger may retry any command, through any leader.

use std::time::Duration;

use openraft::errors::{ClientWriteError, RaftError};
use tokio::time::Instant;

use std::sync::Arc;

use shared::ids::LamportTime;

use tokio::sync::{mpsc, oneshot};

use super::batcher::Pending;
use super::Cluster;
use crate::clock::LamportClock;
use crate::domain::{Command, Decision, Envelope};
use crate::raft::Proposal;
use crate::tasks::Tasks;

/// How long a write may keep retrying before the client gets a 503.
pub const SUBMIT_TIMEOUT: Duration = Duration::from_secs(8);
/// The extra patience per imported voter: a roll of 100,000 is one entry of some 15 MB that a
/// majority must write and apply, which takes seconds, not milliseconds.
const PATIENCE_PER_ROW: Duration = Duration::from_micros(500);

/// How long a submission may take before the client is told 503 (it may still commit; a
/// retry with the same key learns its fate).
fn patience(proposal: &Proposal) -> Duration {
    let rows: usize = proposal
        .envelopes()
        .iter()
        .map(|envelope| match &envelope.command {
            Command::ImportVoters { rows, .. } => rows.len(),
            _ => 0,
        })
        .sum();
    SUBMIT_TIMEOUT + PATIENCE_PER_ROW.saturating_mul(rows.min(1 << 20) as u32)
}
/// How long a leader may go without hearing from a majority before writes are refused.
const QUORUM_SILENCE: Duration = Duration::from_millis(1500);
/// Pause between attempts while there is no usable leader: short, because a new leader is
/// elected within a second of a crash and every pause adds to what the client waits; an attempt
/// costs a local proposal or one refused connection.
const RETRY_PAUSE: Duration = Duration::from_millis(20);

/// Why a command could not be committed (as opposed to being refused by the domain).
#[derive(Debug, Clone, thiserror::Error)]
pub enum LedgerError {
    /// No leader, or no majority: nothing was acknowledged, the client may retry.
    #[error("the cluster cannot commit right now: {0}")]
    Unavailable(String),
    /// Writing failed on this node.
    #[error("storage failure: {0}")]
    Storage(String),
}

/// What openraft answers to one proposal.
pub type WriteOutcome = Result<
    openraft::raft::ClientWriteResponse<crate::raft::TypeConfig>,
    crate::raft::RaftError<crate::raft::ClientWriteError>,
>;

/// Handle to the write path; cheap to clone.
#[derive(Clone)]
pub struct Ledger {
    cluster: Cluster,
    /// The node's Lamport clock: merged with clients' times when stamping, and moved past
    /// every event this node's writes produce.
    lamport: Arc<LamportClock>,
    /// Writes waiting for the next group commit (see [`super::batcher`]).
    waiting: mpsc::UnboundedSender<Pending>,
}

impl Ledger {
    /// The write path of this node, with its group-commit task running under `tasks`.
    pub fn start(cluster: Cluster, lamport: Arc<LamportClock>, tasks: &Tasks) -> Ledger {
        let (waiting, batches) = mpsc::unbounded_channel();
        let ledger = Ledger {
            cluster,
            lamport,
            waiting,
        };
        tasks.spawn(super::batcher::run(
            ledger.clone(),
            batches,
            tasks.clone(),
            tasks.stop_signal(),
        ));
        ledger
    }

    /// Stamps a command as received now, merging the client's Lamport time.
    pub fn stamp(&self, command: Command, client_lamport: LamportTime) -> Envelope {
        Envelope {
            election: shared::elections::default_election_id(),
            command,
            node_id: self.cluster.node_id,
            received_at_ms: self.cluster.clock.now_ms(),
            lamport: self.lamport.merge(client_lamport),
            idempotency: None,
            by: None,
        }
    }

    /// The synchronised wall clock's reading.
    pub fn now_ms(&self) -> i64 {
        self.cluster.clock.now_ms()
    }

    /// An envelope for deciding early against the committed state, without ticking the clock.
    pub fn provisional(&self, command: Command) -> Envelope {
        Envelope {
            election: shared::elections::default_election_id(),
            command,
            node_id: self.cluster.node_id,
            received_at_ms: self.cluster.clock.now_ms(),
            lamport: self.lamport.current(),
            idempotency: None,
            by: None,
        }
    }

    /// Commits an envelope and returns its events (or the domain's refusal). It joins the
    /// next group commit; an import, already large, is committed on its own.
    pub async fn commit(&self, envelope: Envelope) -> Result<Decision, LedgerError> {
        if matches!(envelope.command, Command::ImportVoters { .. }) {
            let mut decisions = self.commit_all(vec![envelope]).await?;
            return decisions.pop().ok_or_else(|| {
                LedgerError::Storage("the entry was answered with no decision".into())
            });
        }
        let (reply, decision) = oneshot::channel();
        self.waiting
            .send(Pending { envelope, reply })
            .map_err(|_| LedgerError::Unavailable("this node is stopping".into()))?;
        decision
            .await
            .map_err(|_| LedgerError::Unavailable("this node is stopping".into()))?
    }

    /// Commits envelopes as one Raft entry (one fsync on each member for all of them) and
    /// returns one decision per envelope, in order: each is decided on its own, so a refused
    /// one refuses only itself.
    pub async fn commit_all(&self, envelopes: Vec<Envelope>) -> Result<Vec<Decision>, LedgerError> {
        let count = envelopes.len();
        if count == 0 {
            return Ok(vec![]);
        }
        let decisions = self.submit(Proposal::of(envelopes)).await?;
        if decisions.len() != count {
            return Err(LedgerError::Storage(format!(
                "{count} envelopes were answered with {} decisions",
                decisions.len()
            )));
        }
        let last = decisions
            .iter()
            .filter_map(|d| d.as_ref().ok()?.last())
            .map(|event| event.lamport)
            .max();
        if let Some(last) = last {
            self.lamport.observe(last);
        }
        Ok(decisions)
    }

    /// Submits one proposal and waits until it is committed, decided and applied.
    pub async fn submit(&self, proposal: Proposal) -> Result<Vec<Decision>, LedgerError> {
        let patience = patience(&proposal);
        let give_up = Instant::now() + patience;
        let mut last_problem = String::from("no leader is known");
        while Instant::now() < give_up {
            let outcome = match tokio::time::timeout_at(give_up, self.propose_here(&proposal)).await
            {
                Ok(Ok(outcome)) => outcome,
                Ok(Err(silence)) => {
                    last_problem = silence.to_string();
                    break;
                }
                Err(_) => break,
            };
            match outcome {
                Ok(response) => return Ok(response.data),
                Err(RaftError::APIError(ClientWriteError::ForwardToLeader(forward))) => {
                    let leader = forward.leader_id.filter(|id| *id != self.cluster.node_id);
                    let addr = forward.leader_node.map(|n| n.addr);
                    match (leader, addr) {
                        (Some(leader), Some(addr)) => {
                            let forwarded =
                                tokio::time::timeout_at(give_up, self.forward(&addr, &proposal));
                            match forwarded.await {
                                Ok(Ok(decisions)) => return Ok(decisions),
                                Ok(Err(problem)) => {
                                    last_problem = format!("leader {leader}: {problem}")
                                }
                                Err(_) => break,
                            }
                        }
                        // A leader whose lease has not settled, or an election in progress.
                        _ => last_problem = "waiting for a leader with a majority".into(),
                    }
                }
                // Overwritten by a new leader before committing: propose again.
                Err(RaftError::APIError(ClientWriteError::LogEntryDiscarded(_))) => {
                    last_problem = "the leader changed while proposing".into();
                }
                Err(RaftError::APIError(error)) => {
                    return Err(LedgerError::Unavailable(error.to_string()));
                }
                Err(RaftError::Fatal(fatal)) => {
                    return Err(LedgerError::Storage(fatal.to_string()))
                }
            }
            tokio::time::sleep(RETRY_PAUSE).await;
        }
        Err(LedgerError::Unavailable(format!(
            "no majority of replicas could commit the request within {} s ({last_problem})",
            patience.as_secs()
        )))
    }

    /// Proposes once on this node. A leader cut off from its majority would hold the proposal
    /// until the majority returns: this gives up (with `Err`) as soon as that silence is clear,
    /// having acknowledged nothing.
    pub async fn propose_here(&self, proposal: &Proposal) -> Result<WriteOutcome, LedgerError> {
        tokio::select! {
            // Polled first: the proposal reaches Raft before anything else can, so proposals
            // made one after another on the leader enter the log in that order.
            biased;
            outcome = self.cluster.raft.client_write(proposal.clone()) => Ok(outcome),
            silence = self.majority_lost() => Err(LedgerError::Unavailable(format!(
                "no majority has answered the leader for {silence:?}"
            ))),
        }
    }

    /// Resolves once this node leads but no majority has acknowledged it for [`QUORUM_SILENCE`].
    async fn majority_lost(&self) -> Duration {
        loop {
            if self.cluster.is_leader() {
                if let Some(age) = crate::raft::quorum_ack_age(&self.cluster.raft) {
                    if age > QUORUM_SILENCE {
                        return age;
                    }
                }
            }
            // Heartbeats (and so acknowledgements) come every 100 ms; look a few times as often.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Proposes through the leader's internal route.
    async fn forward(&self, addr: &str, proposal: &Proposal) -> Result<Vec<Decision>, String> {
        let request = self
            .cluster
            .internal(reqwest::Method::POST, addr, "propose")
            .timeout(patience(proposal))
            .json(proposal);
        let response = request.send().await.map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("answered {}", response.status()));
        }
        response
            .json::<Vec<Decision>>()
            .await
            .map_err(|e| e.to_string())
    }
}
