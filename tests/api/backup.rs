//! `GET /api/admin/backup`: admin only; the copy it streams is what its headers say, passes
//! `ballot backup`'s checks, and `ballot restore` (a single node) makes a data directory a node
//! serves the same elections and public logs from.

use reqwest::StatusCode;
use serde_json::json;
use sha2::{Digest, Sha256};
use shared::dto::{ErrorBody, LoginResponse, RegisterResponse};
use shared::log::TreeHead;
use shared::ErrorCode;

use crate::helpers::*;

#[tokio::test]
async fn the_backup_route_answers_401_without_the_admin_token() {
    let app = spawn_app().await;
    let anonymous = app.get("/api/admin/backup").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let body: ErrorBody = anonymous.json().await.unwrap();
    assert_eq!(body.error, ErrorCode::AdminUnauthorized);

    let wrong = app
        .client
        .get(format!("{}/api/admin/backup", app.url))
        .bearer_auth("not-the-admin-token")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    // A voter's session is not the admin token either.
    let registered = app.post("/api/register", json!({"name": "Ada"})).await;
    assert_eq!(registered.status(), StatusCode::CREATED);
    let voter: RegisterResponse = registered.json().await.unwrap();
    let login = app
        .post(
            "/api/login",
            json!({"name": "Ada", "voter_id": voter.voter_id}),
        )
        .await;
    let login: LoginResponse = login.json().await.unwrap();
    let as_voter = app
        .client
        .get(format!("{}/api/admin/backup", app.url))
        .bearer_auth(&login.session)
        .send()
        .await
        .unwrap();
    assert_eq!(as_voter.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_backup_is_what_its_headers_say_and_restores_into_a_node_with_the_same_logs() {
    let app = spawn_app().await;
    for name in ["Ada", "Bo", "Cy"] {
        let registered = app.post("/api/register", json!({ "name": name })).await;
        assert_eq!(registered.status(), StatusCode::CREATED);
    }
    let before: TreeHead = app.get_json("/api/elections/default/log/tree").await;
    assert!(before.tree_size >= 3, "{before:?}");

    let response = app
        .client
        .get(format!("{}/api/admin/backup", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    };
    let sha256 = header("x-ballot-backup-sha256").expect("a SHA-256 header");
    let applied: u64 = header("x-ballot-applied-index")
        .expect("an applied index header")
        .parse()
        .unwrap();
    let bytes = response.bytes().await.unwrap();
    assert_eq!(hex::encode(Sha256::digest(&bytes)), sha256);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.sqlite3");
    std::fs::write(&file, &bytes).unwrap();
    let summary = ballot::backup::verify::verify(&file).await.unwrap();
    assert_eq!(summary.applied_index, Some(applied));
    let default = summary
        .elections
        .iter()
        .find(|e| e.id == "default")
        .expect("the original election");
    assert_eq!(default.public_size, before.tree_size);
    assert_eq!(default.public_root, before.root_hash_hex);
    // Nothing of the copy is left in the data directory.
    let left: Vec<_> = std::fs::read_dir(&app.args.data_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".backup-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // A directory that is not empty is refused; a new one is restored.
    let restore = |target: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ballot"))
            .args(["restore", "--from"])
            .arg(&file)
            .arg("--data-dir")
            .arg(target)
            .output()
            .unwrap()
    };
    let refused = restore(&app.args.data_dir);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not empty"));
    let restored_dir = dir.path().join("restored");
    let restored = restore(&restored_dir);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );

    // A single node on the restored directory serves the same public log, and takes writes.
    let mut args = node_args(restored_dir);
    args.common.admin_token = Some(ADMIN_TOKEN.into());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let node = ballot::server::start(args, listener, true).await.unwrap();
    let client = reqwest::Client::new();
    let tree: TreeHead = client
        .get(format!("{}/api/elections/default/log/tree", node.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(tree, before);
    let registered = client
        .post(format!("{}/api/register", node.url()))
        .json(&json!({"name": "Di"}))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::CREATED);
    node.shutdown().await;
}
