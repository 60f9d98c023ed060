//! `ballot backup` against a replica while votes keep coming, then `ballot restore` of the file
//! into three new data directories: the new cluster serves the same elections, the backed-up
//! events and votes, the same public log roots, takes new votes, and passes `ballot audit
//! --url`. A tally that joins it empty is sent the restored state.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ballot::backup::verify::Summary;
use ballot::local_cluster::{wait_for_leader, ClusterSecret, Launch, Layout, LeaderWait};
use reqwest::StatusCode;
use serde_json::json;
use shared::dto::{EventsResponse, ResultsResponse};
use shared::elections::ElectionsResponse;
use shared::log::{ConsistencyProof, TreeHead};

use crate::helpers::*;
use crate::support::http::fetch_json;

const VOTERS: usize = 120;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_load_restores_into_a_new_cluster_with_the_same_logs() {
    let old = Arc::new(spawn_cluster(false, &[]).await);
    let (leader, sessions) = old.open_election(VOTERS).await;
    let live = old
        .client
        .post(format!("{}/api/admin/live-results", old.url(leader)))
        .bearer_auth(ADMIN_TOKEN)
        .json(&json!({"enabled": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(live.status(), StatusCode::OK);

    // Votes keep coming, one voter after another, while the backup runs.
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let voting = tokio::spawn({
        let (old, acknowledged, sessions) = (old.clone(), acknowledged.clone(), sessions.clone());
        async move {
            for (i, (_, session)) in sessions.iter().enumerate() {
                let status = old.vote(leader, session, 1 + (i % 3) as u32).await.unwrap();
                assert_eq!(status, StatusCode::OK);
                acknowledged.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    wait_until("ten votes are acknowledged", || async {
        acknowledged.load(Ordering::SeqCst) >= 10
    })
    .await;

    let follower = old.ids().into_iter().find(|id| *id != leader).unwrap();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("ballot-backup.sqlite3");
    let before_backup = acknowledged.load(Ordering::SeqCst);
    let backup = tokio::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
        .args(["backup", "--url", &old.url(follower), "--out"])
        .arg(&file)
        .env("BALLOT_ADMIN_TOKEN", ADMIN_TOKEN)
        .env_remove("BALLOT_ADMIN_TOKEN_FILE")
        .output()
        .await
        .unwrap();
    let after_backup = acknowledged.load(Ordering::SeqCst);
    let printed = String::from_utf8_lossy(&backup.stdout).into_owned();
    assert!(
        backup.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&backup.stderr)
    );
    assert!(printed.contains("integrity_check ok"), "{printed}");
    voting.await.unwrap();
    assert!(
        before_backup < VOTERS,
        "the votes ended before the backup began"
    );

    let summary = ballot::backup::verify::verify(&file).await.unwrap();
    assert!(printed.contains(&summary.to_string()), "{printed}");
    let default = summary
        .elections
        .iter()
        .find(|e| e.id == "default")
        .unwrap();
    // A follower may apply a vote a moment after the leader acknowledged it.
    assert!(
        default.votes >= 1 && default.votes as usize <= after_backup,
        "{summary}"
    );
    let old_events = old.events(leader).await.unwrap();
    let backed_up = &old_events[..default.events as usize];

    // The old cluster's log extends the backed-up one: same root at the backup's size.
    let old_head: TreeHead = old
        .get_json(leader, "/api/elections/default/log/tree")
        .await
        .unwrap();
    let path = format!(
        "/api/elections/default/log/consistency?first={}&second={}",
        default.public_size, old_head.tree_size
    );
    let proof: ConsistencyProof = old.get_json(leader, &path).await.unwrap();
    let hash = |text: &str| -> [u8; 32] { hex::decode(text).unwrap().try_into().unwrap() };
    let proof: Vec<[u8; 32]> = proof.proof.iter().map(|h| hash(h)).collect();
    assert!(shared::merkle::verify_consistency(
        default.public_size,
        old_head.tree_size,
        &hash(&default.public_root),
        &hash(&old_head.root_hash_hex),
        &proof
    ));

    // Three replicas restored from the file; the tally (4) starts empty.
    let new = Restored::start(&file, &summary);
    let new_leader = new.wait_for_leader().await;
    for id in 1..=4 {
        new.wait_for_tree(id, "default", default.public_size, &default.public_root)
            .await;
    }
    let elections: ElectionsResponse = new.admin_get(new_leader, "/api/admin/elections").await;
    let mut ids: Vec<String> = elections.elections.iter().map(|e| e.id.clone()).collect();
    ids.sort();
    let mut expected: Vec<String> = summary.elections.iter().map(|e| e.id.clone()).collect();
    expected.sort();
    assert_eq!(ids, expected);
    let events: EventsResponse = new
        .admin_get(new_leader, "/api/admin/events?after=0&limit=10000")
        .await;
    assert_eq!(events.events, backed_up);
    let results: ResultsResponse = new.admin_get(new_leader, "/api/results").await;
    assert_eq!(results.total_votes, default.votes);

    // The restored cluster takes writes: a voter the backup had not counted yet votes, one it
    // had counted is refused.
    let counted = voters_who_voted(backed_up);
    let (_, fresh) = sessions
        .iter()
        .find(|(voter, _)| !counted.contains(voter))
        .expect("a voter who voted after the backup");
    let (_, again) = sessions
        .iter()
        .find(|(voter, _)| counted.contains(voter))
        .unwrap();
    assert_eq!(new.vote(new_leader, fresh).await, StatusCode::OK);
    assert_eq!(new.vote(new_leader, again).await, StatusCode::CONFLICT);

    // Anyone's audit of the restored log and the checkpoints the new members co-sign.
    let audit = tokio::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
        .args(["audit", "--url", &new.layout.url(new_leader)])
        .args(["--election", "default"])
        .output()
        .await
        .unwrap();
    assert!(
        audit.status.success(),
        "{}{}\n{}",
        String::from_utf8_lossy(&audit.stdout),
        String::from_utf8_lossy(&audit.stderr),
        new.log_tails()
    );
}

/// Polls `condition` until it holds, for at most 60 s.
async fn wait_until<F, Fut>(what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    while !condition().await {
        assert!(started.elapsed() < Duration::from_secs(60), "never: {what}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// A new cluster whose replicas were restored from one backup, and an empty tally.
struct Restored {
    layout: Layout,
    dir: tempfile::TempDir,
    children: Vec<Child>,
    client: reqwest::Client,
}

impl Restored {
    fn start(file: &Path, summary: &Summary) -> Restored {
        let layout = Layout::on_free_ports(3, true).expect("free ports");
        let dir = tempfile::tempdir().unwrap();
        for id in 1..=3 {
            let restored = std::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
                .args(["restore", "--from"])
                .arg(file)
                .arg("--data-dir")
                .arg(dir.path().join(format!("node{id}")))
                .args(["--peers", &layout.peers()])
                .output()
                .unwrap();
            let printed = String::from_utf8_lossy(&restored.stdout);
            assert!(
                restored.status.success(),
                "{}",
                String::from_utf8_lossy(&restored.stderr)
            );
            assert!(printed.contains(&summary.to_string()), "{printed}");
        }
        let secret = format!("restored-cluster-secret-{}", layout.addr(1));
        let launch = Launch {
            exe: Path::new(env!("CARGO_BIN_EXE_ballot")),
            data_dir: dir.path(),
            admin_token: ADMIN_TOKEN,
            cluster_secret: ClusterSecret::Value(&secret),
        };
        let children = layout
            .ids()
            .map(|id| {
                let log = std::fs::File::create(log_path(dir.path(), id)).unwrap();
                layout
                    .command(id, &launch)
                    .env("RUST_LOG", "info,openraft=warn")
                    .stderr(Stdio::from(log))
                    .spawn()
                    .expect("member starts")
            })
            .collect();
        Restored {
            layout,
            dir,
            children,
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .build()
                .unwrap(),
        }
    }

    async fn wait_for_leader(&self) -> u64 {
        let ask: Vec<String> = (1..=3).map(|id| self.layout.addr(id)).collect();
        let wait = LeaderWait {
            ask: &ask,
            agreeing: 2,
            not: None,
            limit: Duration::from_secs(30),
        };
        wait_for_leader(&self.client, &wait, || Ok(()))
            .await
            .unwrap_or_else(|error| panic!("{error}\n{}", self.log_tails()))
    }

    /// Waits until member `id` has election `election`'s public log at `size` with `root`.
    async fn wait_for_tree(&self, id: u64, election: &str, size: u64, root: &str) {
        let url = format!("{}/api/elections/{election}/log/tree", self.layout.url(id));
        let started = Instant::now();
        loop {
            let head: Option<TreeHead> = fetch_json(self.client.get(&url)).await.ok();
            if let Some(head) = &head {
                if head.tree_size == size {
                    assert_eq!(head.root_hash_hex, root, "member {id}");
                    return;
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "member {id} has {head:?}, not {size} entries\n{}",
                self.log_tails()
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    async fn admin_get<T: serde::de::DeserializeOwned>(&self, id: u64, path: &str) -> T {
        let request = self.client.get(format!("{}{path}", self.layout.url(id)));
        fetch_json(request.bearer_auth(ADMIN_TOKEN)).await.unwrap()
    }

    async fn vote(&self, id: u64, session: &str) -> StatusCode {
        let time: shared::dto::TimeResponse =
            fetch_json(self.client.get(format!("{}/api/time", self.layout.url(id))))
                .await
                .unwrap();
        let body = json!({ "session": session, "candidate_id": 2,
            "lamport": time.lamport, "click_time_ms": time.server_time_ms });
        self.client
            .post(format!("{}/api/vote", self.layout.url(id)))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status()
    }

    fn log_tails(&self) -> String {
        self.layout
            .ids()
            .map(|id| {
                let log =
                    std::fs::read_to_string(log_path(self.dir.path(), id)).unwrap_or_default();
                let lines: Vec<&str> = log.lines().collect();
                let tail = lines[lines.len().saturating_sub(15)..].join("\n");
                format!("--- restored member {id}:\n{tail}")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn log_path(dir: &Path, id: u64) -> PathBuf {
    dir.join(format!("node{id}.log"))
}

impl Drop for Restored {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
