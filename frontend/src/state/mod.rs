//! Everything a dashboard shows that can change while it is open, folded by one reducer.
//!
//! Two sources feed it: snapshots fetched over HTTP (on load and after every reconnection)
//! and pushes from `/ws`. They can arrive in either order, so every merge here is written to
//! be order-tolerant: results only move forward by `as_of_seq`, a voter's `has_voted` never
//! goes back to false, notifications are de-duplicated, and only the server's own `hello` and
//! `phase` pushes may set the phase backwards.

use std::rc::Rc;

use shared::dto::{
    AdminCommandResponse, AdminStatusResponse, ClusterStatusResponse, ErrorBody, Notification,
    QueueStatus, ResultsResponse, VoterStatus, VotersResponse,
};
use shared::ids::TimestampMs;
use shared::ws::ServerMessage;
use shared::{ErrorCode, LamportTime, NodeId, Phase};
use yew::Reducible;

use crate::clock::{ClockSample, Lamport};

/// How many activity lines the admin keeps; older ones scroll away.
pub const MAX_NOTIFICATIONS: usize = 100;

/// The WebSocket's state, shown as a badge so nobody trusts stale figures silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    /// The first attempt is under way.
    Connecting,
    /// Pushes are arriving.
    Live,
    /// The connection dropped; the next attempt starts after `retry_in_ms`.
    Reconnecting { attempt: u32, retry_in_ms: u32 },
    /// The server refused this page's admin token (an `admin_unauthorized` error, close code
    /// 4001). The hook does not reconnect: the same token would be refused again.
    Refused,
}

/// What the admin knows about replication.
#[derive(Debug, Clone, PartialEq)]
pub enum ClusterView {
    /// Not asked yet.
    Unknown,
    /// The node answered 404: it runs without replication.
    SingleNode,
    Known(ClusterStatusResponse),
}

/// The live state of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveState {
    pub connection: Connection,
    /// Counts successful connections. Pushes sent while disconnected are lost, so pages
    /// refetch their snapshots whenever this changes.
    pub generation: u32,
    /// The node this page talks to, from `hello`.
    pub node_id: Option<NodeId>,
    /// Whether the server accepted this connection's admin token (an admin `hello`).
    pub admin: bool,
    /// The last refusal the server pushed for something this page sent over the socket.
    pub socket_error: Option<ErrorBody>,
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    pub live_results: bool,
    pub results: Option<ResultsResponse>,
    /// Admin only: the roll, ordered by voter id.
    pub voters: Vec<VoterStatus>,
    /// Admin only.
    pub queue: Option<QueueStatus>,
    /// Admin only.
    pub cluster: ClusterView,
    /// The election's latest co-signed checkpoint of its public log, as pushed.
    pub checkpoint: Option<shared::checkpoint::Checkpoint>,
    /// Admin only: newest first.
    pub notifications: Vec<Notification>,
    /// This client's Lamport clock, merged with every timestamp the server sends.
    pub lamport: Lamport,
    /// The latest clock synchronisation, if any succeeded.
    pub clock: Option<ClockSample>,
}

impl Default for LiveState {
    fn default() -> Self {
        LiveState {
            connection: Connection::Connecting,
            generation: 0,
            node_id: None,
            admin: false,
            socket_error: None,
            phase: Phase::Setup,
            deadline_ms: None,
            live_results: false,
            results: None,
            voters: Vec::new(),
            queue: None,
            cluster: ClusterView::Unknown,
            checkpoint: None,
            notifications: Vec::new(),
            lamport: Lamport::default(),
            clock: None,
        }
    }
}

/// Everything that can happen to a [`LiveState`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The WebSocket opened.
    Connected,
    /// The WebSocket closed or failed to open.
    Disconnected {
        attempt: u32,
        retry_in_ms: u32,
    },
    /// The server closed the socket because it refused the admin token (close code 4001).
    AdminRefused,
    /// A push from `/ws`.
    Server(ServerMessage),
    ResultsLoaded(ResultsResponse),
    /// `GET …/log/checkpoint`, fetched on load and after a phase change.
    CheckpointLoaded(shared::checkpoint::Checkpoint),
    VotersLoaded(VotersResponse),
    AdminStatusLoaded(AdminStatusResponse),
    ClusterLoaded(Option<ClusterStatusResponse>),
    NotificationsLoaded(Vec<Notification>),
    /// The answer to an admin command: the new phase, deadline and visibility.
    CommandApplied(AdminCommandResponse),
    ClockSynced(ClockSample),
    /// A Lamport timestamp from an HTTP answer.
    LamportObserved(LamportTime),
    /// The client stamped a message it is sending with this timestamp.
    LamportSent(LamportTime),
}

impl LiveState {
    /// Voters who have voted and the size of the roll, from the admin's table.
    pub fn turnout(&self) -> (u64, u64) {
        let voted = self.voters.iter().filter(|voter| voter.has_voted).count();
        (voted as u64, self.voters.len() as u64)
    }

    /// The server's clock correction for this browser (0 until the first sync).
    pub fn offset_ms(&self) -> i64 {
        self.clock.map_or(0, |sample| sample.offset_ms)
    }

    /// Phases only move forward (`Phase` orders them), so a late snapshot must not undo a
    /// newer push.
    fn advance_phase(&mut self, phase: Phase, deadline_ms: Option<TimestampMs>) {
        if phase >= self.phase {
            self.phase = phase;
            self.deadline_ms = deadline_ms;
        }
    }

    fn apply_results(&mut self, results: ResultsResponse) {
        let newer = self
            .results
            .as_ref()
            .is_none_or(|current| results.as_of_seq >= current.as_of_seq);
        if newer {
            self.advance_phase(results.phase, results.deadline_ms);
            self.results = Some(results);
        }
    }

    /// Fetched and pushed checkpoints can cross: the larger tree wins (a log only grows), and
    /// of two of the same size the later one.
    fn apply_checkpoint(&mut self, checkpoint: shared::checkpoint::Checkpoint) {
        let newer = self.checkpoint.as_ref().is_none_or(|current| {
            (checkpoint.tree_size, checkpoint.timestamp_ms)
                >= (current.tree_size, current.timestamp_ms)
        });
        if newer {
            self.checkpoint = Some(checkpoint);
        }
    }

    fn upsert_voter(&mut self, voter: VoterStatus) {
        match self
            .voters
            .binary_search_by_key(&voter.voter_id, |v| v.voter_id)
        {
            Ok(index) => {
                let row = &mut self.voters[index];
                row.has_voted |= voter.has_voted;
                row.name = voter.name;
            }
            Err(index) => self.voters.insert(index, voter),
        }
    }

    fn add_notifications(&mut self, incoming: impl IntoIterator<Item = Notification>) {
        for line in incoming {
            // Log events are identified by their sequence number; cluster news (seq 0) by
            // their text and time.
            let duplicate = self.notifications.iter().any(|known| {
                known.seq == line.seq
                    && known.kind == line.kind
                    && (line.seq != 0
                        || (known.time_ms == line.time_ms && known.message == line.message))
            });
            if !duplicate {
                self.notifications.push(line);
            }
        }
        self.notifications
            .sort_by_key(|line| std::cmp::Reverse((line.time_ms, line.seq)));
        self.notifications.truncate(MAX_NOTIFICATIONS);
    }

    fn refuse_admin(&mut self) {
        self.admin = false;
        self.connection = Connection::Refused;
    }

    fn apply_server(&mut self, message: ServerMessage) {
        match message {
            ServerMessage::Hello {
                node_id,
                lamport,
                phase,
                deadline_ms,
                live_results,
                admin,
                ..
            } => {
                // The admin `hello` answers the `auth` message, after the public one: from
                // now on admin pushes arrive, so the page refetches its admin snapshots to
                // cover what happened before.
                if admin && !self.admin {
                    self.generation += 1;
                }
                self.admin = admin;
                self.node_id = Some(node_id);
                self.lamport = self.lamport.observe(lamport);
                self.phase = phase;
                self.deadline_ms = deadline_ms;
                self.live_results = live_results;
            }
            ServerMessage::Phase {
                phase,
                deadline_ms,
                live_results,
                lamport,
            } => {
                self.lamport = self.lamport.observe(lamport);
                self.phase = phase;
                self.deadline_ms = deadline_ms;
                self.live_results = live_results;
            }
            ServerMessage::Notification {
                notification,
                lamport,
            } => {
                self.lamport = self.lamport.observe(lamport);
                self.add_notifications([notification]);
            }
            ServerMessage::Tally { results } => self.apply_results(results),
            ServerMessage::Voter { voter } => self.upsert_voter(voter),
            ServerMessage::Queue { queue } => self.queue = Some(queue),
            ServerMessage::Cluster { status } => self.cluster = ClusterView::Known(status),
            ServerMessage::Checkpoint { checkpoint } => self.apply_checkpoint(checkpoint),
            ServerMessage::Error { error, message } => {
                if error == ErrorCode::AdminUnauthorized {
                    self.refuse_admin();
                }
                self.socket_error = Some(ErrorBody { error, message });
            }
        }
    }
}

impl Reducible for LiveState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Connected => {
                next.connection = Connection::Live;
                next.generation += 1;
                next.admin = false;
            }
            Action::AdminRefused => next.refuse_admin(),
            Action::Disconnected {
                attempt,
                retry_in_ms,
            } => {
                next.connection = Connection::Reconnecting {
                    attempt,
                    retry_in_ms,
                };
            }
            Action::Server(message) => next.apply_server(message),
            Action::ResultsLoaded(results) => next.apply_results(results),
            Action::CheckpointLoaded(checkpoint) => next.apply_checkpoint(checkpoint),
            Action::VotersLoaded(snapshot) => {
                let pushed = std::mem::take(&mut next.voters);
                for voter in snapshot.voters.into_iter().chain(pushed) {
                    next.upsert_voter(voter);
                }
            }
            Action::AdminStatusLoaded(status) => {
                next.node_id = Some(status.node_id);
                next.advance_phase(status.phase, status.deadline_ms);
                next.live_results = status.live_results;
                next.queue = Some(status.queue);
                next.lamport = next.lamport.observe(status.lamport);
            }
            Action::ClusterLoaded(status) => {
                next.cluster = status.map_or(ClusterView::SingleNode, ClusterView::Known);
            }
            Action::NotificationsLoaded(lines) => next.add_notifications(lines),
            Action::CommandApplied(answer) => {
                next.advance_phase(answer.phase, answer.deadline_ms);
                if answer.phase == next.phase {
                    next.deadline_ms = answer.deadline_ms;
                }
                next.live_results = answer.live_results;
                next.lamport = next.lamport.observe(answer.lamport);
            }
            Action::ClockSynced(sample) => {
                next.lamport = next.lamport.observe(sample.lamport);
                next.clock = Some(sample);
            }
            Action::LamportObserved(remote) => next.lamport = next.lamport.observe(remote),
            Action::LamportSent(stamp) => next.lamport = Lamport(next.lamport.0.max(stamp)),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
pub(crate) mod tests;
