//! The dashboards are four wasm apps with an HTML entry each (`shared::dashboards`): every page
//! path must be answered, with 200, by the entry of the app that renders it.

use std::io::Read;
use std::path::PathBuf;

use reqwest::StatusCode;
use shared::dashboards::Dashboard;

use crate::helpers::{spawn_app_with, TestApp};

/// A node serving a `dist/` whose entries say which app they are, and the folder (kept alive).
/// `cargo xtask` writes a brotli and a gzip twin beside every file; here the voter's entry and
/// wasm have both, the admin's entry only a brotli twin and the tally's only a gzip twin, so
/// the tests see which twin (or the file) is sent when one is missing.
async fn spawn_with_four_apps() -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dist.path().join(name), bytes).unwrap();
    for app in Dashboard::ALL {
        write(app.entry(), entry_of(app.name()).as_bytes());
    }
    write("voter-0123_bg.wasm", WASM);
    // The gzip stand-ins only need to differ from the files so the test sees which one was
    // sent; the brotli twins are real, so the test also checks they decode to the file.
    write("voter-0123_bg.wasm.gz", GZIPPED_WASM);
    write("voter-0123_bg.wasm.br", &brotli_of(WASM));
    write("index.html.gz", GZIPPED_VOTER_ENTRY);
    write("index.html.br", &brotli_of(entry_of("voter").as_bytes()));
    write("admin.html.br", &brotli_of(entry_of("admin").as_bytes()));
    write("tally.html.gz", GZIPPED_TALLY_ENTRY);
    let dir: PathBuf = dist.path().to_path_buf();
    (
        spawn_app_with(|args| args.common.dist = Some(dir)).await,
        dist,
    )
}

/// The HTML entry of the app named `name`, as the tests' `dist/` has it.
fn entry_of(name: &str) -> String {
    format!("<html>the {name} app</html>")
}

/// The stand-in for the voter's wasm.
const WASM: &[u8] = b"wasm";
/// The stand-in for `voter-0123_bg.wasm.gz`.
const GZIPPED_WASM: &[u8] = b"\x1f\x8b the gzipped wasm";
/// The stand-in for `index.html.gz`.
const GZIPPED_VOTER_ENTRY: &[u8] = b"\x1f\x8b the gzipped voter app";
/// The stand-in for `tally.html.gz`.
const GZIPPED_TALLY_ENTRY: &[u8] = b"\x1f\x8b the gzipped tally app";

/// `raw` brotli-compressed, as `cargo xtask` writes a `.br` twin (quality 11).
fn brotli_of(raw: &[u8]) -> Vec<u8> {
    let mut packed = Vec::new();
    brotli::BrotliCompress(&mut &raw[..], &mut packed, &Default::default()).unwrap();
    packed
}

/// `packed` brotli-decoded.
fn unbrotli(packed: &[u8]) -> Vec<u8> {
    let mut raw = Vec::new();
    brotli::Decompressor::new(packed, 4096)
        .read_to_end(&mut raw)
        .unwrap();
    raw
}

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
async fn a_client_that_accepts_br_gets_the_brotli_twin_of_the_wasm_and_the_pages() {
    let (app, _dist) = spawn_with_four_apps().await;
    // A browser's header (br and gzip tie at q=1: tower-http prefers br), br alone, and br
    // rated above gzip.
    for accept in [
        "gzip, deflate, br, zstd",
        "gzip, deflate, br",
        "br",
        "br;q=1.0, gzip;q=0.8",
    ] {
        for (path, file) in [
            ("/voter-0123_bg.wasm", WASM.to_vec()),
            ("/", entry_of("voter").into_bytes()),
            ("/e/board-2027", entry_of("voter").into_bytes()),
            ("/index.html", entry_of("voter").into_bytes()),
            ("/admin", entry_of("admin").into_bytes()),
            ("/admin/elections", entry_of("admin").into_bytes()),
        ] {
            let (status, encoding, body) = fetch(&app, path, Some(accept)).await;
            assert_eq!(status, StatusCode::OK, "{path} {accept}");
            assert_eq!(encoding.as_deref(), Some("br"), "{path} {accept}");
            assert_eq!(unbrotli(&body), file, "{path} {accept}");
        }
    }
}

#[tokio::test]
async fn a_client_that_accepts_gzip_but_not_br_gets_the_gzip_twin() {
    let (app, _dist) = spawn_with_four_apps().await;
    for accept in [
        "gzip",
        "gzip, deflate",
        "gzip;q=1.0, br;q=0.5",
        "br;q=0, gzip",
    ] {
        for (path, twin) in [
            ("/voter-0123_bg.wasm", GZIPPED_WASM),
            ("/", GZIPPED_VOTER_ENTRY),
            ("/e/board-2027", GZIPPED_VOTER_ENTRY),
            ("/index.html", GZIPPED_VOTER_ENTRY),
            ("/tally", GZIPPED_TALLY_ENTRY),
        ] {
            let (status, encoding, body) = fetch(&app, path, Some(accept)).await;
            assert_eq!(status, StatusCode::OK, "{path} {accept}");
            assert_eq!(encoding.as_deref(), Some("gzip"), "{path} {accept}");
            assert_eq!(body, twin, "{path} {accept}");
        }
    }
}

#[tokio::test]
async fn a_client_that_accepts_neither_br_nor_gzip_gets_the_files_as_they_are() {
    let (app, _dist) = spawn_with_four_apps().await;
    let accepts = [
        None,
        Some("identity"),
        Some("deflate"),
        Some("zstd"),
        Some("gzip;q=0, br;q=0"),
    ];
    for accept in accepts {
        let (status, encoding, body) = fetch(&app, "/voter-0123_bg.wasm", accept).await;
        assert_eq!(status, StatusCode::OK, "{accept:?}");
        assert_eq!(encoding, None, "{accept:?}");
        assert_eq!(body, WASM, "{accept:?}");
        for (path, app_name) in [
            ("/", "voter"),
            ("/e/board-2027", "voter"),
            ("/index.html", "voter"),
            ("/admin", "admin"),
            ("/tally", "tally"),
        ] {
            let (status, encoding, body) = fetch(&app, path, accept).await;
            assert_eq!(status, StatusCode::OK, "{path} {accept:?}");
            assert_eq!(encoding, None, "{path} {accept:?}");
            assert_eq!(body, entry_of(app_name).as_bytes(), "{path} {accept:?}");
        }
    }
}

#[tokio::test]
async fn a_missing_twin_sends_the_other_accepted_coding_else_the_file() {
    let (app, _dist) = spawn_with_four_apps().await;
    // The admin's entry has only a brotli twin, the tally's only a gzip twin.
    let admin = entry_of("admin").into_bytes();
    let (status, encoding, body) = fetch(&app, "/admin", Some("gzip")).await;
    assert_eq!(
        (status, encoding, body),
        (StatusCode::OK, None, admin.clone())
    );
    let (status, encoding, body) = fetch(&app, "/admin", Some("gzip, br;q=0.5")).await;
    assert_eq!((status, encoding.as_deref()), (StatusCode::OK, Some("br")));
    assert_eq!(unbrotli(&body), admin);
    let tally = entry_of("tally").into_bytes();
    let (status, encoding, body) = fetch(&app, "/tally", Some("br")).await;
    assert_eq!((status, encoding, body), (StatusCode::OK, None, tally));
    let (status, encoding, body) = fetch(&app, "/tally", Some("gzip, deflate, br")).await;
    assert_eq!(
        (status, encoding.as_deref(), body.as_slice()),
        (StatusCode::OK, Some("gzip"), GZIPPED_TALLY_ENTRY)
    );
}
