//! The cluster's status (what `GET /api/cluster/status`, the original's GetReplicaStatus,
//! serves) and the monitor that turns changes of the cluster's health into pushes and
//! notifications.

use std::time::Duration;

use futures_util::future::join_all;
use openraft::async_runtime::WatchReceiver as _;
use openraft::ServerState;
use shared::dto::{ClusterStatusResponse, MemberStatus, Notification, NotificationKind, Role};
use shared::feed::FeedWords;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;

use super::dto::MemberReport;
use super::Cluster;

/// How long a member may take to describe itself before it counts as unreachable.
const MEMBER_TIMEOUT: Duration = Duration::from_millis(800);
/// How often the monitor looks at the cluster.
const MONITOR_INTERVAL: Duration = Duration::from_secs(1);

/// A change of the cluster's health: the new status and what to tell the admin about it.
#[derive(Debug, Clone)]
pub struct ClusterUpdate {
    pub status: ClusterStatusResponse,
    pub notices: Vec<Notification>,
}

fn role(state: ServerState) -> Role {
    match state {
        ServerState::Leader => Role::Leader,
        ServerState::Follower => Role::Follower,
        ServerState::Candidate => Role::Candidate,
        ServerState::Learner => Role::Learner,
        ServerState::Shutdown => Role::Shutdown,
    }
}

/// This node's own report, from its Raft metrics.
pub fn own_report(cluster: &Cluster) -> MemberReport {
    let metrics = cluster.raft.metrics().borrow_watched().clone();
    MemberReport {
        node_id: cluster.node_id,
        role: role(metrics.state),
        term: metrics.current_term,
        leader_id: metrics.current_leader,
        last_log_index: metrics.last_log_index,
        applied_index: metrics.last_applied.map(|l| l.index()),
        clock_offset_ms: cluster.clock.correction_ms(),
    }
}

/// Asks every member about itself (concurrently, with a short timeout) and assembles the view.
pub async fn gather(cluster: &Cluster) -> ClusterStatusResponse {
    let members = cluster.members();
    let reports = join_all(members.iter().map(|(id, addr, _)| async move {
        if *id == cluster.node_id {
            return Some(own_report(cluster));
        }
        let request = cluster
            .internal(reqwest::Method::GET, addr, "member")
            .timeout(MEMBER_TIMEOUT);
        let response = request.send().await.ok()?;
        response.json::<MemberReport>().await.ok()
    }))
    .await;
    let own = own_report(cluster);
    let leader_id = own.leader_id;
    let leader_last = reports
        .iter()
        .flatten()
        .find(|r| Some(r.node_id) == leader_id)
        .and_then(|r| r.last_log_index);
    let members = members
        .iter()
        .zip(reports)
        .map(|((id, addr, voter), report)| match report {
            Some(r) => MemberStatus {
                node_id: *id,
                addr: addr.clone(),
                role: r.role,
                voter: *voter,
                reachable: true,
                term: r.term,
                last_log_index: r.last_log_index,
                applied_index: r.applied_index,
                lag: leader_last.map(|last| last.saturating_sub(r.applied_index.unwrap_or(0))),
                clock_offset_ms: Some(r.clock_offset_ms),
            },
            None => MemberStatus {
                node_id: *id,
                addr: addr.clone(),
                role: Role::Unknown,
                voter: *voter,
                reachable: false,
                term: 0,
                last_log_index: None,
                applied_index: None,
                lag: None,
                clock_offset_ms: None,
            },
        })
        .collect();
    ClusterStatusResponse {
        node_id: cluster.node_id,
        leader_id,
        term: own.term,
        members,
    }
}

/// Watches the cluster and publishes its status whenever it changes; a member becoming
/// unreachable or coming back, or a new leader, also becomes a notification of kind `cluster`.
pub async fn monitor(
    cluster: Cluster,
    updates: broadcast::Sender<ClusterUpdate>,
    stop: CancellationToken,
) {
    let mut previous: Option<ClusterStatusResponse> = None;
    loop {
        let status = tokio::select! {
            status = gather(&cluster) => status,
            _ = stop.cancelled() => return,
        };
        let notices = changes(previous.as_ref(), &status, cluster.clock.now_ms());
        // Any change is pushed (lag and clock offsets too), at most once per look.
        if previous.as_ref() != Some(&status) {
            let _ = updates.send(ClusterUpdate {
                status: status.clone(),
                notices,
            });
        }
        previous = Some(status);
        tokio::select! {
            _ = tokio::time::sleep(MONITOR_INTERVAL) => {}
            _ = stop.cancelled() => return,
        }
    }
}

/// Human-readable lines for what changed since the previous look.
fn changes(
    previous: Option<&ClusterStatusResponse>,
    now: &ClusterStatusResponse,
    time_ms: i64,
) -> Vec<Notification> {
    let Some(previous) = previous else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for member in &now.members {
        let before = previous
            .members
            .iter()
            .find(|m| m.node_id == member.node_id);
        match before.map(|b| b.reachable) {
            Some(true) if !member.reachable => lines.push(FeedWords::ReplicaUnreachable {
                node_id: member.node_id,
            }),
            Some(false) if member.reachable => lines.push(FeedWords::ReplicaBack {
                node_id: member.node_id,
            }),
            None => lines.push(FeedWords::MemberJoined {
                node_id: member.node_id,
            }),
            _ => {}
        }
    }
    if previous.leader_id != now.leader_id {
        match now.leader_id {
            Some(leader) => lines.push(FeedWords::NewLeader {
                node_id: leader,
                term: now.term,
            }),
            None => lines.push(FeedWords::NoLeader),
        }
    }
    lines
        .into_iter()
        .map(|words| Notification {
            seq: 0,
            lamport: 0,
            time_ms,
            kind: NotificationKind::Cluster,
            message: words.english(),
            words: Some(words),
            by: None,
        })
        .collect()
}
