//! Tests of the replication layer: openraft's own storage suite against the SQLite stores, and
//! real in-process clusters talking HTTP on `127.0.0.1:0`, each node with its own database.
//! Every wait is on openraft's metrics with a deadline, never a fixed sleep.

use std::future::IntoFuture;
use std::sync::Arc;
use std::time::Duration;

use openraft::errors::ClientWriteError as WriteError;
use openraft::testing::log::{StoreBuilder, Suite};
use openraft::{ServerState, StorageError};
use shared::{Event, EventPayload};
use tempfile::TempDir;
use tokio::net::TcpListener;

use super::*;
use crate::domain::Command;
use crate::store;

/// Generous for a loaded two-core machine; a healthy run needs a small fraction of it.
const DEADLINE: Duration = Duration::from_secs(20);

const SECRET: &str = "test-cluster-secret";

/// Gives openraft's suite a fresh database in a temporary directory per store.
struct SqliteStores;

impl StoreBuilder<TypeConfig, LogStore, StateMachine, TempDir> for SqliteStores {
    async fn build(&self) -> Result<(TempDir, LogStore, StateMachine), StorageError<TypeConfig>> {
        let dir = tempfile::tempdir().expect("temporary directory");
        let pool = store::open(dir.path()).await.expect("open database");
        let engine = Engine::load(pool.clone()).await.expect("load engine");
        Ok((
            dir,
            LogStore::new(pool, engine.wal().clone(), true),
            StateMachine::new(engine, crate::telemetry::Telemetry::new()),
        ))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sqlite_log_store_and_state_machine_pass_openraft_storage_suite() {
    Suite::test_all(SqliteStores)
        .await
        .expect("openraft storage suite");
}

/// One member of an in-process cluster.
struct TestNode {
    id: NodeId,
    addr: String,
    raft: Raft,
    engine: Engine,
    _dir: TempDir,
}

impl TestNode {
    async fn events(&self) -> Vec<Event> {
        store::all_events(self.engine.pool())
            .await
            .expect("read events")
    }
}

/// Starts a node with a fresh database and serves its Raft routes on a free port.
async fn spawn_node(id: NodeId, config: Arc<openraft::Config>) -> TestNode {
    spawn_node_in(
        id,
        tempfile::tempdir().expect("temporary directory"),
        config,
    )
    .await
}

/// Starts a node on the database in `dir`, new or left by an earlier run.
async fn spawn_node_in(id: NodeId, dir: TempDir, config: Arc<openraft::Config>) -> TestNode {
    let pool = store::open(dir.path()).await.expect("open database");
    let engine = Engine::load(pool).await.expect("load engine");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("local address").to_string();
    let telemetry = crate::telemetry::Telemetry::new();
    let network = super::Network::new(Arc::from(SECRET), None, crate::tls::PeerTls::default())
        .expect("Raft HTTP client");
    let raft = start(id, engine.clone(), telemetry, network, config, true)
        .await
        .expect("start raft");
    let inbox = super::Inbox::new(engine.pool().clone());
    let app: axum::Router = http::router(raft.clone(), Arc::from(SECRET), inbox);
    tokio::spawn(axum::serve(listener, app).into_future());
    TestNode {
        id,
        addr,
        raft,
        engine,
        _dir: dir,
    }
}

/// Initialises `voters` through the first of them and returns the leader they elect.
async fn form_cluster(voters: &[TestNode]) -> &TestNode {
    let members = members(voters.iter().map(|n| (n.id, n.addr.as_str())));
    voters[0]
        .raft
        .initialize(members)
        .await
        .expect("initialize");
    let metrics = voters[0]
        .raft
        .wait(Some(DEADLINE))
        .metrics(|m| m.current_leader.is_some(), "a leader is elected")
        .await
        .expect("leader elected in time");
    let leader_id = metrics.current_leader.expect("leader");
    let leader = voters
        .iter()
        .find(|n| n.id == leader_id)
        .expect("leader is a voter");
    leader
        .raft
        .wait(Some(DEADLINE))
        .state(ServerState::Leader, "leader knows")
        .await
        .expect("leader");
    leader
}

fn envelope(command: Command) -> Proposal {
    Proposal::One(crate::domain::Envelope {
        election: shared::elections::default_election_id(),
        command,
        node_id: 1,
        received_at_ms: 1_700_000_000_000,
        lamport: 1,
        idempotency: None,
        by: None,
    })
}

/// Proposes on the leader, retrying while a new leader's lease settles (`ForwardToLeader` with
/// no leader named), as the API layer must.
async fn write(leader: &Raft, command: Command) -> openraft::raft::ClientWriteResponse<TypeConfig> {
    let deadline = tokio::time::Instant::now() + DEADLINE;
    loop {
        match leader.client_write(envelope(command.clone())).await {
            Ok(response) => return response,
            Err(openraft::errors::RaftError::APIError(WriteError::ForwardToLeader(f)))
                if f.leader_id.is_none() && tokio::time::Instant::now() < deadline =>
            {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(error) => panic!("write {command:?} failed: {error}"),
        }
    }
}

async fn wait_applied(nodes: &[TestNode], index: u64) {
    for node in nodes {
        node.raft
            .wait(Some(DEADLINE))
            .applied_index_at_least(Some(index), format!("node {} applies {index}", node.id))
            .await
            .expect("applied in time");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_the_leader_reaches_every_replica_event_table() {
    let nodes = vec![
        spawn_node(1, config()).await,
        spawn_node(2, config()).await,
        spawn_node(3, config()).await,
    ];
    let leader = form_cluster(&nodes).await;

    write(&leader.raft, Command::SeedDefaults).await;
    let response = write(&leader.raft, Command::RegisterVoter { name: "Zed".into() }).await;
    let events = response.data[0].clone().expect("registration accepted");
    assert!(
        matches!(&events[..], [Event { payload: EventPayload::VoterRegistered { name, .. }, .. }] if name == "Zed")
    );

    wait_applied(&nodes, response.log_id.index).await;
    let leader_events = leader.events().await;
    assert!(
        leader_events.len() > 20,
        "defaults and the new voter are in the log"
    );
    for node in &nodes {
        assert_eq!(
            node.events().await,
            leader_events,
            "node {} has the leader's event table",
            node.id
        );
        let known = node.raft.metrics().borrow_watched().current_leader;
        assert_eq!(known, Some(leader.id), "node {} knows the leader", node.id);
    }
}

/// A batch is one entry: its envelopes are decided one by one in their order, a refused one
/// refuses only itself, and every replica applies the same events.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_is_decided_in_order_and_a_refused_envelope_refuses_only_itself() {
    let nodes = vec![
        spawn_node(1, config()).await,
        spawn_node(2, config()).await,
        spawn_node(3, config()).await,
    ];
    let leader = form_cluster(&nodes).await;
    write(&leader.raft, Command::SeedDefaults).await;
    let register = |name: &str| {
        envelope(Command::RegisterVoter { name: name.into() })
            .into_envelopes()
            .remove(0)
    };
    let batch = Proposal::of(vec![
        register("Ann"),
        register("Ben"),
        register("Ann"),
        register("Cid"),
    ]);
    let response = leader
        .raft
        .client_write(batch)
        .await
        .expect("the batch commits");
    let names: Vec<Option<String>> = response
        .data
        .iter()
        .map(|decision| match decision.as_ref().ok()?.as_slice() {
            [Event {
                payload: EventPayload::VoterRegistered { name, .. },
                ..
            }] => Some(name.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        names,
        [
            Some("Ann".into()),
            Some("Ben".into()),
            None,
            Some("Cid".into())
        ]
    );
    assert!(matches!(
        response.data[2],
        Err(crate::domain::DomainError::NameTaken(_))
    ));

    wait_applied(&nodes, response.log_id.index).await;
    let leader_events = leader.events().await;
    let tail: Vec<&EventPayload> = leader_events
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(|e| &e.payload)
        .collect();
    assert!(
        matches!(
            tail[..],
            [
                EventPayload::VoterRegistered { voter_id: 11, .. },
                EventPayload::VoterRegistered { voter_id: 12, .. },
                EventPayload::VoterRegistered { voter_id: 13, .. }
            ]
        ),
        "{tail:?}"
    );
    for node in &nodes {
        assert_eq!(
            node.events().await,
            leader_events,
            "node {} applied the same",
            node.id
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_majority_the_leader_refuses_writes_instead_of_losing_them() {
    let nodes = vec![
        spawn_node(1, config()).await,
        spawn_node(2, config()).await,
        spawn_node(3, config()).await,
    ];
    let leader = form_cluster(&nodes).await;
    write(&leader.raft, Command::SeedDefaults).await;
    assert!(
        quorum_ack_age(&leader.raft).is_some_and(|age| age < Duration::from_secs(1)),
        "a healthy leader"
    );
    let before = leader.events().await;

    for follower in nodes.iter().filter(|n| n.id != leader.id) {
        follower
            .raft
            .shutdown()
            .await
            .expect("shut a follower down");
    }
    // The age grows with the clock rather than with a metrics change, so poll it.
    let deadline = tokio::time::Instant::now() + DEADLINE;
    while quorum_ack_age(&leader.raft).is_none_or(|age| age < Duration::from_millis(2100)) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the quorum acknowledgement never aged"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let refused = leader
        .raft
        .client_write(envelope(Command::RegisterVoter {
            name: "Lost".into(),
        }))
        .await;
    assert!(
        matches!(&refused, Err(openraft::errors::RaftError::APIError(WriteError::ForwardToLeader(f)))
            if f.leader_id.is_none() && f.reason == openraft::errors::ForwardReason::LeaseExpired),
        "got {refused:?}"
    );
    assert_eq!(leader.events().await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_node_resumes_from_its_database() {
    let node = spawn_node(1, config()).await;
    form_cluster(std::slice::from_ref(&node)).await;
    write(&node.raft, Command::SeedDefaults).await;
    let last = write(
        &node.raft,
        Command::RegisterVoter {
            name: "Before".into(),
        },
    )
    .await
    .log_id;
    let events_before = node.events().await;
    node.raft.shutdown().await.expect("shutdown");
    node.engine.pool().close().await;

    let node = spawn_node_in(1, node._dir, config()).await;

    assert!(
        node.raft.is_initialized().await.expect("raft running"),
        "membership survived"
    );
    node.raft
        .wait(Some(DEADLINE))
        .state(ServerState::Leader, "leads again")
        .await
        .expect("leader");
    node.raft
        .wait(Some(DEADLINE))
        .applied_index_at_least(Some(last.index), "resumed")
        .await
        .expect("applied");
    assert_eq!(
        node.events().await,
        events_before,
        "the engine reloaded the same log"
    );
    let after = write(
        &node.raft,
        Command::RegisterVoter {
            name: "After".into(),
        },
    )
    .await;
    assert!(after.log_id > last);
    assert_eq!(node.events().await.len(), events_before.len() + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_command_is_answered_with_its_domain_error_and_writes_nothing() {
    let nodes = vec![spawn_node(1, config()).await];
    let leader = form_cluster(&nodes).await;
    write(&leader.raft, Command::SeedDefaults).await;
    let before = leader.events().await;

    let response = write(
        &leader.raft,
        Command::RegisterVoter {
            name: "Alice".into(),
        },
    )
    .await;

    assert!(matches!(
        response.data[..],
        [Err(crate::domain::DomainError::NameTaken(_))]
    ));
    assert_eq!(leader.events().await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_learner_added_after_the_log_was_purged_is_rebuilt_from_a_snapshot() {
    let config = Arc::new(
        openraft::Config {
            snapshot_policy: openraft::SnapshotPolicy::Never,
            max_in_snapshot_log_to_keep: 0,
            ..(*config()).clone()
        }
        .validate()
        .expect("valid config"),
    );
    let voters = vec![
        spawn_node(1, config.clone()).await,
        spawn_node(2, config.clone()).await,
    ];
    let leader = form_cluster(&voters).await;
    write(&leader.raft, Command::SeedDefaults).await;
    // More rows and remembered answers than one snapshot chunk carries, so the snapshot
    // crosses several chunks of each.
    let mut last = 0;
    for batch in 0..10 {
        let envelopes = (0..512)
            .map(|i| {
                let mut envelope = envelope(Command::RegisterVoter {
                    name: format!("Late {batch}-{i}"),
                })
                .into_envelopes()
                .remove(0);
                envelope.idempotency = Some(crate::domain::IdempotencyStamp {
                    key: format!("key-{batch}-{i}"),
                    fingerprint: "f".into(),
                });
                envelope
            })
            .collect();
        last = leader
            .raft
            .client_write(Proposal::of(envelopes))
            .await
            .expect("a batch commits")
            .log_id
            .index;
    }
    wait_applied(&voters, last).await;
    assert!(leader.events().await.len() > 5000);

    leader
        .raft
        .trigger()
        .snapshot()
        .await
        .expect("trigger snapshot");
    leader
        .raft
        .wait(Some(DEADLINE))
        .metrics(
            |m| m.snapshot.as_ref().is_some_and(|s| s.index >= last),
            "snapshot built",
        )
        .await
        .expect("snapshot in time");
    leader
        .raft
        .trigger()
        .purge_log(last)
        .await
        .expect("trigger purge");
    leader
        .raft
        .wait(Some(DEADLINE))
        .metrics(
            |m| m.purged.as_ref().is_some_and(|p| p.index >= last),
            "log purged",
        )
        .await
        .expect("purged in time");

    let learner = spawn_node(3, config).await;
    leader
        .raft
        .add_learner(learner.id, BasicNode::new(&learner.addr), true)
        .await
        .expect("add learner");
    let nodes = [learner];
    wait_applied(&nodes, last).await;
    let metrics = nodes[0]
        .raft
        .wait(Some(DEADLINE))
        .metrics(|_| true, "metrics")
        .await
        .expect("metrics");
    assert!(
        metrics.snapshot.is_some_and(|s| s.index >= last),
        "the learner installed a snapshot"
    );
    assert_eq!(nodes[0].events().await, leader.events().await);
    assert_eq!(
        nodes[0].engine.remembered_now().await,
        leader.engine.remembered_now().await
    );
    assert_eq!(nodes[0].engine.remembered_now().await.len(), 5120);
    // The swapped-in table is still append-only, and still takes the writes that follow.
    let rewrite = sqlx::query("UPDATE events SET payload = '{}' WHERE pos = 1")
        .execute(nodes[0].engine.pool())
        .await;
    assert!(rewrite.is_err(), "the event table refuses updates");
    let after = write(
        &leader.raft,
        Command::RegisterVoter {
            name: "After the snapshot".into(),
        },
    )
    .await
    .log_id
    .index;
    wait_applied(&nodes, after).await;
    assert_eq!(nodes[0].events().await, leader.events().await);
}

#[tokio::test]
async fn raft_routes_refuse_requests_without_the_cluster_secret() {
    let node = spawn_node(1, config()).await;
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let url = format!("http://{}/raft/vote", node.addr);

    let missing = client
        .post(&url)
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("send");
    let wrong = client
        .post(&url)
        .header("x-cluster-secret", "guess")
        .body("{}")
        .send()
        .await
        .expect("send");

    for response in [missing, wrong] {
        assert_eq!(response.status(), reqwest::StatusCode::UNAUTHORIZED);
        let body: serde_json::Value = response.json().await.expect("json body");
        assert_eq!(body["error"], "cluster_unauthorized");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

#[tokio::test]
async fn snapshot_chunks_out_of_order_are_refused_and_stage_nothing() {
    let node = spawn_node(1, config()).await;
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let url = format!("http://{}/raft/snapshot", node.addr);
    let row = |pos: i64| crate::store::snapshots::EventRow {
        pos,
        election_id: "default".into(),
        seq: pos,
        lamport: 1,
        node_id: 1,
        time_ms: 0,
        kind: "voter_registered".into(),
        payload: "{}".into(),
    };
    let chunk = |stream: u64, offset: u64, rows: Vec<_>| super::snapshot_stream::SnapshotChunk {
        vote: openraft::alias::VoteOf::<TypeConfig>::new(1, 2),
        meta: super::state_machine::SnapshotMeta::default(),
        stream,
        offset,
        rows,
        replies: vec![],
        done: false,
    };
    let post = |chunk| {
        client
            .post(&url)
            .header("x-cluster-secret", SECRET)
            .json(&chunk)
            .send()
    };

    // A stream must start at row 0.
    let late_start = post(chunk(7, 2, vec![row(3)])).await.expect("send");
    assert_eq!(late_start.status(), reqwest::StatusCode::CONFLICT);

    let first = post(chunk(8, 0, vec![row(1), row(2)])).await.expect("send");
    assert_eq!(first.status(), reqwest::StatusCode::OK);
    // A chunk that skips rows, or repeats them, is refused and leaves the staging as it was.
    for offset in [0, 1, 5] {
        let wrong = post(chunk(8, offset, vec![row(9)])).await.expect("send");
        assert_eq!(
            wrong.status(),
            reqwest::StatusCode::CONFLICT,
            "offset {offset}"
        );
        let body: serde_json::Value = wrong.json().await.expect("json body");
        assert!(body["message"]
            .as_str()
            .is_some_and(|m| m.contains("out of order")));
    }
    let staged = crate::store::snapshots::staged(node.engine.pool())
        .await
        .expect("staged rows");
    assert_eq!(staged, (2, 2));
    // The event log itself was never touched.
    assert!(node.events().await.is_empty());
}

#[tokio::test]
async fn a_snapshot_recorded_before_a_restart_is_served_as_a_fresh_cut_with_its_answers() {
    use openraft::storage::{RaftSnapshotBuilder, RaftStateMachine};
    let dir = tempfile::tempdir().expect("temporary directory");
    let pool = store::open(dir.path()).await.expect("open database");
    let engine = Engine::load(pool).await.expect("load engine");
    let mut register = envelope(Command::RegisterVoter {
        name: "Kept".into(),
    })
    .into_envelopes();
    register[0].idempotency = Some(crate::domain::IdempotencyStamp {
        key: "kept-key".into(),
        fingerprint: "f".into(),
    });
    engine.apply_batch(&register, &[]).await.expect("apply");

    let mut machine = StateMachine::new(engine.clone(), crate::telemetry::Telemetry::new());
    assert!(machine
        .get_current_snapshot()
        .await
        .expect("read")
        .is_none());
    let built = machine
        .get_snapshot_builder()
        .await
        .build_snapshot()
        .await
        .expect("build");
    let state_machine::SnapshotData::Local { cut: built, .. } = built.snapshot else {
        panic!("a built snapshot is this member's own cut");
    };
    assert_eq!(built.replies.len(), 1);

    // A new process over the same database: the cut's answers were only in memory.
    let mut restarted = StateMachine::new(engine.clone(), crate::telemetry::Telemetry::new());
    let current = restarted
        .get_current_snapshot()
        .await
        .expect("read")
        .expect("a snapshot was recorded before the restart");
    let state_machine::SnapshotData::Local { cut, .. } = current.snapshot else {
        panic!("the current snapshot is this member's own cut");
    };
    assert_eq!(*cut, *built);
    assert!(cut.last_pos > 0);
}
