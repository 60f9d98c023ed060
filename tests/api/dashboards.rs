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
    // `cargo xtask` writes a gzipped twin beside every file; these stand-ins only need to
    // differ from the files so the test sees which one was sent.
    std::fs::write(dist.path().join("voter-0123_bg.wasm.gz"), GZIPPED_WASM).unwrap();
    std::fs::write(dist.path().join("index.html.gz"), GZIPPED_VOTER_ENTRY).unwrap();
    let dir: PathBuf = dist.path().to_path_buf();
    (
        spawn_app_with(|args| args.common.dist = Some(dir)).await,
        dist,
    )
}

/// The stand-in for `voter-0123_bg.wasm.gz`.
const GZIPPED_WASM: &[u8] = b"\x1f\x8b the gzipped wasm";
/// The stand-in for `index.html.gz`.
const GZIPPED_VOTER_ENTRY: &[u8] = b"\x1f\x8b the gzipped voter app";

/// `path` asked for with these `Accept-Encoding` values (none: no header): the status, the
/// `Content-Encoding` and the bytes as sent.
async fn fetch(
    app: &TestApp,
    path: &str,
    accept_encoding: Option<&str>,
) -> (StatusCode, Option<String>, Vec<u8>) {
    let mut request = app.client.get(format!("{}{path}", app.url));
    if let Some(accept) = accept_encoding {
        request = request.header(reqwest::header::ACCEPT_ENCODING, accept);
    }
    let response = request.send().await.unwrap();
    // Either answer depends on the header, which caches on the way must know.
    assert_eq!(
        response.headers().get(reqwest::header::VARY).unwrap(),
        "accept-encoding",
        "{path}"
    );
    let encoding = response
        .headers()
        .get(reqwest::header::CONTENT_ENCODING)
        .map(|value| value.to_str().unwrap().to_string());
    (
        response.status(),
        encoding,
        response.bytes().await.unwrap().to_vec(),
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

#[tokio::test]
async fn a_client_that_accepts_gzip_gets_the_precompressed_wasm() {
    let (app, _dist) = spawn_with_four_apps().await;
    for accept in ["gzip", "gzip, deflate, br, zstd", "br;q=1.0, gzip;q=0.8"] {
        let (status, encoding, body) = fetch(&app, "/voter-0123_bg.wasm", Some(accept)).await;
        assert_eq!(status, StatusCode::OK, "{accept}");
        assert_eq!(encoding.as_deref(), Some("gzip"), "{accept}");
        assert_eq!(body, GZIPPED_WASM, "{accept}");
    }
}

#[tokio::test]
async fn a_client_that_does_not_accept_gzip_gets_the_files_as_they_are() {
    let (app, _dist) = spawn_with_four_apps().await;
    for accept in [None, Some("identity"), Some("br"), Some("gzip;q=0")] {
        let (status, encoding, body) = fetch(&app, "/voter-0123_bg.wasm", accept).await;
        assert_eq!(status, StatusCode::OK, "{accept:?}");
        assert_eq!(encoding, None, "{accept:?}");
        assert_eq!(body, b"wasm", "{accept:?}");
        for path in ["/", "/e/board-2027", "/index.html"] {
            let (status, encoding, body) = fetch(&app, path, accept).await;
            assert_eq!(status, StatusCode::OK, "{path} {accept:?}");
            assert_eq!(encoding, None, "{path} {accept:?}");
            assert_eq!(body, b"<html>the voter app</html>", "{path} {accept:?}");
        }
    }
}

#[tokio::test]
async fn a_page_route_sends_its_entry_gzipped_when_the_client_accepts_it() {
    let (app, _dist) = spawn_with_four_apps().await;
    for path in ["/", "/e/board-2027", "/index.html"] {
        let (status, encoding, body) = fetch(&app, path, Some("gzip")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(encoding.as_deref(), Some("gzip"), "{path}");
        assert_eq!(body, GZIPPED_VOTER_ENTRY, "{path}");
    }
    // An entry without a twin is sent as it is, even to a client that accepts gzip.
    let (status, encoding, body) = fetch(&app, "/admin", Some("gzip")).await;
    assert_eq!(
        (status, encoding, body),
        (StatusCode::OK, None, b"<html>the admin app</html>".to_vec())
    );
}
