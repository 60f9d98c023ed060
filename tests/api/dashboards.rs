//! The dashboards are four wasm apps with an HTML entry each (`shared::dashboards`): every page
//! path must be answered, with 200, by the entry of the app that renders it.

use std::path::PathBuf;

use reqwest::StatusCode;
use shared::dashboards::Dashboard;

use crate::helpers::{spawn_app_with, TestApp};

/// A node serving a `dist/` whose entries say which app they are, and the folder (kept alive).
async fn spawn_with_four_apps() -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    for app in Dashboard::ALL {
        let page = format!("<html>the {} app</html>", app.name());
        std::fs::write(dist.path().join(app.entry()), page).unwrap();
    }
    std::fs::write(dist.path().join("voter-0123_bg.wasm"), "wasm").unwrap();
    let dir: PathBuf = dist.path().to_path_buf();
    (
        spawn_app_with(|args| args.common.dist = Some(dir)).await,
        dist,
    )
}

async fn page(app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = app.get(path).await;
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn every_page_is_answered_with_the_app_that_renders_it() {
    let (app, _dist) = spawn_with_four_apps().await;
    for (path, expected) in [
        ("/", "voter"),
        ("/index.html", "voter"),
        ("/e/board-2027", "voter"),
        ("/e/default/", "voter"),
        ("/admin", "admin"),
        ("/admin/", "admin"),
        ("/admin/elections", "admin"),
        ("/admin/e/board-2027", "admin"),
        ("/tally", "tally"),
        ("/elections", "tally"),
        ("/e/board-2027/tally", "tally"),
        ("/e/default/audit", "audit"),
        ("/e/board-2027/audit", "audit"),
        // Paths no app claims get the voter app, which says "page not found".
        ("/tallyho", "voter"),
        ("/e/board-2027/nothing", "voter"),
    ] {
        let (status, body) = page(&app, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(body, format!("<html>the {expected} app</html>"), "{path}");
    }
}

#[tokio::test]
async fn the_apps_files_are_served_as_they_are() {
    let (app, _dist) = spawn_with_four_apps().await;
    assert_eq!(
        page(&app, "/admin.html").await.1,
        "<html>the admin app</html>"
    );
    assert_eq!(page(&app, "/voter-0123_bg.wasm").await.1, "wasm");
}

#[tokio::test]
async fn the_api_websocket_members_and_metrics_routes_are_never_a_page() {
    let (app, _dist) = spawn_with_four_apps().await;
    for path in [
        "/api/options",
        "/api/no-such-route",
        "/api/admin/elections",
        "/ws",
        "/ws?election=default",
        "/raft/vote",
        "/raft/no-such-route",
        "/metrics",
    ] {
        let (status, body) = page(&app, path).await;
        assert!(
            !body.contains("<html>"),
            "{path} answered {status} with a page"
        );
    }
}

#[tokio::test]
async fn a_dist_with_only_index_html_still_answers_every_page() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<html>one app</html>").unwrap();
    let dir = dist.path().to_path_buf();
    let app = spawn_app_with(|args| args.common.dist = Some(dir)).await;
    for path in ["/", "/admin", "/tally", "/e/default/audit", "/elections"] {
        assert_eq!(
            page(&app, path).await,
            (StatusCode::OK, "<html>one app</html>".into())
        );
    }
}
