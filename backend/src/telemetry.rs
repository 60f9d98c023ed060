//! This node's metrics: one Prometheus recorder per node, the name of every metric, and the few
//! calls that record them. `GET /metrics` (`api/metrics.rs`) renders it.
//!
//! Why a recorder per node and not the `metrics` crate's global one: tests and the fuzzer start
//! several nodes in one process, and a global recorder would mix their requests, votes and Raft
//! terms into one page, so no node's `/metrics` would be about that node. Each node therefore
//! builds its own [`PrometheusRecorder`] and every recording goes through
//! [`metrics::with_local_recorder`] with it ([`Telemetry::record`]); the `metrics` macros stay
//! the way to record, and the exporter stays the only Prometheus formatter.
//!
//! Every histogram has explicit buckets, so it renders as a Prometheus histogram (`_bucket`,
//! `_sum`, `_count`) rather than a summary. Gauges are set only when `/metrics` is scraped and
//! are forgotten once they have not been set for [`GAUGE_IDLE`]: a gauge with a label that
//! stopped being true (the apply lag of a follower this node no longer leads) then disappears
//! instead of showing its last value forever.
//!
//! A leaf: it imports nothing from the crate, so any layer may record.

use std::sync::Arc;
use std::time::Duration;

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics::{with_local_recorder, Unit};
use metrics_exporter_prometheus::PrometheusRecorder;
use metrics_exporter_prometheus::{BuildError, Matcher, PrometheusBuilder, PrometheusHandle};
use metrics_util::MetricKindMask;
use tokio_util::sync::CancellationToken;

/// HTTP requests answered, by route template, method and status class.
pub const HTTP_REQUESTS: &str = "ballot_http_requests_total";
/// How long answering an HTTP request took, by route template, method and status class.
pub const HTTP_DURATION: &str = "ballot_http_request_duration_seconds";
/// Votes whose batch this node committed and that the election accepted.
pub const VOTES_COMMITTED: &str = "ballot_votes_committed_total";
/// Votes whose batch this node committed but that the election refused (decided, not counted).
pub const VOTES_REFUSED: &str = "ballot_votes_refused_total";
/// Vote batches that could not be committed (no majority, stopping).
pub const VOTE_BATCHES_FAILED: &str = "ballot_vote_batches_failed_total";
/// How many votes each committed batch carried.
pub const VOTE_BATCH_SIZE: &str = "ballot_vote_batch_size";
/// How long committing one batch of votes took.
pub const VOTE_COMMIT_DURATION: &str = "ballot_vote_commit_duration_seconds";
/// Votes waiting in the queue.
pub const QUEUE_DEPTH: &str = "ballot_vote_queue_depth";
/// Votes being committed by a worker right now.
pub const QUEUE_IN_FLIGHT: &str = "ballot_vote_queue_in_flight";
/// How many votes the queue holds at most.
pub const QUEUE_CAPACITY: &str = "ballot_vote_queue_capacity";
/// This node's current Raft term.
pub const RAFT_TERM: &str = "ballot_raft_term";
/// The longest gap between two majority acknowledgements of this node as leader.
pub const RAFT_QUORUM_ACK_GAP_MAX: &str = "ballot_raft_quorum_ack_gap_max_seconds";
/// 1 when this node leads, else 0.
pub const RAFT_IS_LEADER: &str = "ballot_raft_is_leader";
/// The leader this node knows of (0: none).
pub const RAFT_LEADER_ID: &str = "ballot_raft_leader_id";
/// The index of the last entry in this node's log.
pub const RAFT_LAST_LOG_INDEX: &str = "ballot_raft_last_log_index";
/// The index of the last entry this node knows to be committed.
pub const RAFT_COMMIT_INDEX: &str = "ballot_raft_commit_index";
/// The index of the last entry this node applied.
pub const RAFT_LAST_APPLIED: &str = "ballot_raft_last_applied";
/// On the leader: how many entries of its log a member has not yet acknowledged.
pub const RAFT_MEMBER_LAG: &str = "ballot_raft_member_lag_entries";
/// Open WebSocket connections.
/// Mails handed to the SMTP server by this member, by outcome (`sent`, `deferred`, `failed`).
pub const MAIL_ATTEMPTS: &str = "ballot_mail_attempts_total";
/// Time the SMTP server took to answer one mail.
pub const MAIL_SEND_DURATION: &str = "ballot_mail_send_duration_seconds";
/// Mails waiting to be sent, in every election (each member's view of the log).
pub const MAIL_QUEUED: &str = "ballot_mail_queued";
pub const WS_CONNECTIONS: &str = "ballot_ws_connections";
/// How long making a co-signed checkpoint took, by outcome.
pub const CHECKPOINT_DURATION: &str = "ballot_checkpoint_cosign_duration_seconds";
/// How long building a Raft snapshot took.
pub const SNAPSHOT_BUILD_DURATION: &str = "ballot_snapshot_build_duration_seconds";
/// How long installing a Raft snapshot took.
pub const SNAPSHOT_INSTALL_DURATION: &str = "ballot_snapshot_install_duration_seconds";

/// How long a gauge nobody set is still shown. Scrapes set every gauge just before rendering,
/// so only gauges whose label went away (a member's lag) are older than this.
pub const GAUGE_IDLE: Duration = Duration::from_secs(2);

/// How often histogram samples are folded into their buckets when nobody scrapes, so they do
/// not pile up in memory.
pub const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// Buckets of durations: 1 ms to 10 s.
const SECONDS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
/// Buckets of batch sizes: powers of two up to the largest batch a worker takes.
const BATCH: &[f64] = &[
    1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0,
];

/// The exporter's settings: gauges forgotten when idle, and buckets for every histogram (every
/// duration's name ends in `_seconds`). It refuses only an empty bucket list.
fn bucketed() -> Result<PrometheusBuilder, BuildError> {
    PrometheusBuilder::new()
        .idle_timeout(MetricKindMask::GAUGE, Some(GAUGE_IDLE))
        .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), SECONDS)?
        .set_buckets_for_metric(Matcher::Full(VOTE_BATCH_SIZE.into()), BATCH)
}

/// This node's recorder and the handle that renders it; cheap to clone.
#[derive(Clone)]
pub struct Telemetry {
    recorder: Arc<PrometheusRecorder>,
    handle: PrometheusHandle,
}

impl std::fmt::Debug for Telemetry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Telemetry")
    }
}

impl Default for Telemetry {
    fn default() -> Self {
        Telemetry::new()
    }
}

impl Telemetry {
    /// A fresh recorder with every metric described and every histogram bucketed.
    pub fn new() -> Telemetry {
        let builder = bucketed().unwrap_or_else(|error| {
            tracing::error!(%error, "histogram buckets refused: histograms render as summaries");
            PrometheusBuilder::new()
        });
        let recorder = builder.build_recorder();
        let telemetry = Telemetry {
            handle: recorder.handle(),
            recorder: Arc::new(recorder),
        };
        telemetry.record(describe_all);
        telemetry
    }

    /// Runs `record` with this node's recorder as the `metrics` macros' target.
    pub fn record<T>(&self, record: impl FnOnce() -> T) -> T {
        with_local_recorder(&*self.recorder, record)
    }

    /// The Prometheus text exposition of everything recorded.
    pub fn render(&self) -> String {
        self.handle.render()
    }

    /// One answered HTTP request. `route` must be a route template (or a fixed word), never a
    /// raw path: each distinct value is a new series kept for the node's lifetime.
    pub fn http_request(&self, route: &str, method: &'static str, status: u16, took: Duration) {
        let class = match status {
            100..=199 => "1xx",
            200..=299 => "2xx",
            300..=399 => "3xx",
            400..=499 => "4xx",
            _ => "5xx",
        };
        let labels = [
            ("route", route.to_string()),
            ("method", method.to_string()),
            ("status", class.to_string()),
        ];
        self.record(|| {
            counter!(HTTP_REQUESTS, &labels[..]).increment(1);
            histogram!(HTTP_DURATION, &labels[..]).record(took.as_secs_f64());
        });
    }

    /// One batch of votes the vote worker tried to commit: how many it carried, how long it
    /// took, and (when committed) how many the election accepted.
    pub fn vote_batch(&self, size: usize, took: Duration, accepted: Option<usize>) {
        self.record(|| {
            histogram!(VOTE_COMMIT_DURATION).record(took.as_secs_f64());
            match accepted {
                Some(accepted) => {
                    histogram!(VOTE_BATCH_SIZE).record(size as f64);
                    counter!(VOTES_COMMITTED).increment(accepted as u64);
                    counter!(VOTES_REFUSED).increment(size.saturating_sub(accepted) as u64);
                }
                None => counter!(VOTE_BATCHES_FAILED).increment(1),
            }
        });
    }

    /// One mail the sender handed to the SMTP server, and what became of it.
    pub fn mail_attempt(&self, outcome: &'static str, took: Duration) {
        self.record(|| {
            counter!(MAIL_ATTEMPTS, "outcome" => outcome).increment(1);
            histogram!(MAIL_SEND_DURATION).record(took.as_secs_f64());
        });
    }

    /// One attempt at a co-signed checkpoint.
    pub fn checkpoint(&self, took: Duration, signed: bool) {
        let outcome = if signed { "signed" } else { "failed" };
        self.record(|| {
            histogram!(CHECKPOINT_DURATION, "outcome" => outcome).record(took.as_secs_f64())
        });
    }

    /// One snapshot built (`installed` false) or installed.
    pub fn snapshot(&self, took: Duration, installed: bool) {
        let name = if installed {
            SNAPSHOT_INSTALL_DURATION
        } else {
            SNAPSHOT_BUILD_DURATION
        };
        self.record(|| histogram!(name).record(took.as_secs_f64()));
    }

    /// Sets a gauge without labels (sampled at scrape time).
    pub fn set(&self, name: &'static str, value: f64) {
        self.record(|| gauge!(name).set(value));
    }

    /// Sets a gauge with one label (sampled at scrape time).
    pub fn set_labelled(&self, name: &'static str, label: &'static str, key: String, value: f64) {
        self.record(|| gauge!(name, label => key).set(value));
    }

    /// Folds histogram samples into buckets every [`UPKEEP_EVERY`] until the node stops (the
    /// recorder leaves this to its owner).
    pub async fn upkeep(self, stop: CancellationToken) {
        let mut tick = tokio::time::interval(UPKEEP_EVERY);
        loop {
            tokio::select! {
                _ = stop.cancelled() => return,
                _ = tick.tick() => self.handle.run_upkeep(),
            }
        }
    }
}

/// Every metric's help text, shown as `# HELP` once it has a value.
fn describe_all() {
    describe_counter!(
        HTTP_REQUESTS,
        "HTTP requests answered, by route template, method and status class"
    );
    describe_histogram!(
        HTTP_DURATION,
        Unit::Seconds,
        "HTTP request latency, by route template, method and status class"
    );
    describe_counter!(
        VOTES_COMMITTED,
        "Votes this node committed that the election accepted"
    );
    describe_counter!(
        VOTES_REFUSED,
        "Votes this node committed that the election refused"
    );
    describe_counter!(
        VOTE_BATCHES_FAILED,
        "Vote batches that could not be committed"
    );
    describe_histogram!(
        VOTE_BATCH_SIZE,
        Unit::Count,
        "Votes carried by each committed batch"
    );
    describe_histogram!(
        VOTE_COMMIT_DURATION,
        Unit::Seconds,
        "Time to commit one batch of votes"
    );
    describe_counter!(
        MAIL_ATTEMPTS,
        "Mails this member handed to the SMTP server, by outcome (sent, deferred, failed)"
    );
    describe_histogram!(
        MAIL_SEND_DURATION,
        Unit::Seconds,
        "Time the SMTP server took to answer one mail"
    );
    describe_gauge!(MAIL_QUEUED, "Mails waiting to be sent, in every election");
    describe_gauge!(QUEUE_DEPTH, "Votes waiting in the vote queue");
    describe_gauge!(
        QUEUE_IN_FLIGHT,
        "Votes being committed by the queue's workers"
    );
    describe_gauge!(QUEUE_CAPACITY, "Votes the vote queue holds at most");
    describe_gauge!(RAFT_TERM, "This node's current Raft term");
    describe_gauge!(
        RAFT_QUORUM_ACK_GAP_MAX,
        Unit::Seconds,
        "The longest this node, leading, went between two acknowledgements by a majority"
    );
    describe_gauge!(
        RAFT_IS_LEADER,
        "1 when this node is the Raft leader, else 0"
    );
    describe_gauge!(
        RAFT_LEADER_ID,
        "The Raft leader's node id as this node knows it (0: none)"
    );
    describe_gauge!(
        RAFT_LAST_LOG_INDEX,
        "Index of the last entry in this node's Raft log"
    );
    describe_gauge!(
        RAFT_COMMIT_INDEX,
        "Index of the last Raft entry this node knows committed"
    );
    describe_gauge!(
        RAFT_LAST_APPLIED,
        "Index of the last Raft entry this node applied"
    );
    describe_gauge!(
        RAFT_MEMBER_LAG,
        "On the leader: entries a member has not acknowledged yet"
    );
    describe_gauge!(WS_CONNECTIONS, "Open WebSocket connections");
    describe_histogram!(
        CHECKPOINT_DURATION,
        Unit::Seconds,
        "Time to make a co-signed checkpoint, by outcome"
    );
    describe_histogram!(
        SNAPSHOT_BUILD_DURATION,
        Unit::Seconds,
        "Time to build a Raft snapshot"
    );
    describe_histogram!(
        SNAPSHOT_INSTALL_DURATION,
        Unit::Seconds,
        "Time to install a Raft snapshot"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_nodes_in_one_process_keep_their_own_figures() {
        let first = Telemetry::new();
        let second = Telemetry::new();
        first.vote_batch(3, Duration::from_millis(5), Some(3));
        let rendered = first.render();
        assert!(
            rendered.contains("ballot_votes_committed_total 3"),
            "{rendered}"
        );
        assert!(
            rendered.contains("ballot_vote_batch_size_bucket"),
            "{rendered}"
        );
        assert!(!second.render().contains("ballot_votes_committed_total"));
    }

    #[test]
    fn status_codes_are_recorded_by_class() {
        let telemetry = Telemetry::new();
        telemetry.http_request("/api/vote", "POST", 409, Duration::from_millis(1));
        let rendered = telemetry.render();
        assert!(
            rendered.contains(
                r#"ballot_http_requests_total{route="/api/vote",method="POST",status="4xx"} 1"#
            ),
            "{rendered}"
        );
    }
}
