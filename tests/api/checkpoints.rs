//! Checkpoints made by the node itself: pushed over `/ws` while the log grows and after a
//! phase change, recorded with the leaves they cover, and what `ballot audit --data-dir`
//! makes of a data directory whose events were changed, removed or reordered afterwards.

use std::path::Path;

use reqwest::StatusCode;
use serde_json::json;
use shared::log::{LogEntries, TreeHead};
use shared::ws::ServerMessage;

use crate::helpers::{spawn_app, TestApp};
use crate::support::ws::{connect, next_matching};

async fn tree(app: &TestApp) -> TreeHead {
    app.get_json("/api/elections/default/log/tree").await
}

/// Waits for a pushed checkpoint of the whole current tree, and checks it is co-signed.
async fn pushed_checkpoint_of(app: &TestApp, socket: &mut crate::support::ws::Socket) -> u64 {
    let head = tree(app).await;
    let message = next_matching(socket, |m| {
        matches!(m, ServerMessage::Checkpoint { checkpoint } if checkpoint.tree_size == head.tree_size)
    })
    .await;
    let ServerMessage::Checkpoint { checkpoint } = message else {
        unreachable!()
    };
    assert_eq!(checkpoint.root_hash_hex, head.root_hash_hex);
    let keys: shared::checkpoint::LogKeys = app.get_json("/api/log/keys").await;
    assert_eq!(checkpoint.verify(&keys.keys, 1), Ok(vec![1]));
    head.tree_size
}

/// Runs `sql` on a copy of the node's data directory and audits the copy.
async fn audit_tampered(data_dir: &Path, sql: &[&str]) -> String {
    let copy = tempfile::tempdir().unwrap();
    for file in ["ballot.sqlite3", "ballot.sqlite3-wal", "ballot.sqlite3-shm"] {
        if data_dir.join(file).exists() {
            std::fs::copy(data_dir.join(file), copy.path().join(file)).unwrap();
        }
    }
    let url = format!("sqlite://{}", copy.path().join("ballot.sqlite3").display());
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    // A tamperer with the file drops the append-only triggers first.
    for statement in [
        "DROP TRIGGER events_no_update",
        "DROP TRIGGER events_no_delete",
    ]
    .iter()
    .chain(sql)
    {
        sqlx::query(statement).execute(&pool).await.unwrap();
    }
    pool.close().await;
    let failed = ballot::audit::audit_dir(copy.path(), Some("default"), None, None)
        .await
        .expect_err("a tampered directory fails the audit");
    format!("{failed:#}")
}

#[tokio::test]
async fn checkpoints_are_pushed_recorded_and_a_changed_removed_or_reordered_event_is_named() {
    let mut app = spawn_app().await;
    let mut socket = connect(&app.url, "").await;
    app.start_voting().await;
    for (name, id, candidate) in [("Alice", 1, 3), ("Bob", 2, 5), ("Charlie", 3, 3)] {
        let login = app.login(name, id).await;
        assert_eq!(
            app.vote(&login.session, candidate).await.status(),
            StatusCode::OK
        );
    }
    pushed_checkpoint_of(&app, &mut socket).await;

    // A phase change gets its own checkpoint, covering it.
    let stopped = app.admin_post("/api/admin/stop", json!({})).await;
    assert_eq!(stopped.status(), StatusCode::OK);
    let size = pushed_checkpoint_of(&app, &mut socket).await;
    let entries: LogEntries = app
        .get_json(&format!(
            "/api/elections/default/log/entries?start=0&end={size}"
        ))
        .await;
    assert!(entries.entries[size as usize - 1].contains("voting_closed"));
    let ballots: Vec<usize> = (0..size as usize)
        .filter(|&i| entries.entries[i].contains("\"ballot_cast\""))
        .collect();
    assert_eq!(ballots.len(), 3);
    app.stop().await;

    let data_dir = app.args.data_dir.clone();
    let report = ballot::audit::audit_dir(&data_dir, Some("default"), None, None)
        .await
        .unwrap();
    assert!(
        report.contains(&format!(
            "the largest ({size} entries) signed by members [1]"
        )),
        "{report}"
    );

    // Bob's ballot now says candidate 4.
    let changed = audit_tampered(
        &data_dir,
        &["UPDATE events SET payload = replace(payload, '\"candidate_id\":5', '\"candidate_id\":4') \
           WHERE kind = 'vote_cast' AND payload LIKE '%\"candidate_id\":5%'"],
    )
    .await;
    assert!(
        changed.contains(&format!("entry {}:", ballots[1])),
        "{changed}"
    );

    // Alice's vote is gone.
    let removed = audit_tampered(
        &data_dir,
        &["DELETE FROM events WHERE kind = 'vote_cast' AND payload LIKE '%\"voter_id\":1,%'"],
    )
    .await;
    assert!(
        removed.contains(&format!("entry {}:", ballots[0])),
        "{removed}"
    );

    // Alice's and Bob's ballots swapped places.
    let reordered = audit_tampered(
        &data_dir,
        &[
            "CREATE TABLE swapped AS SELECT seq, payload FROM events \
             WHERE kind = 'vote_cast' \
             AND (payload LIKE '%\"voter_id\":1,%' OR payload LIKE '%\"voter_id\":2,%')",
            "UPDATE events SET payload = \
             (SELECT payload FROM swapped WHERE swapped.seq != events.seq) \
             WHERE election_id = 'default' AND seq IN (SELECT seq FROM swapped)",
        ],
    )
    .await;
    assert!(
        reordered.contains(&format!("entry {}:", ballots[0])),
        "{reordered}"
    );
}
