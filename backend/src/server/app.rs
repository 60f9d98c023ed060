//! The whole HTTP surface as one router: the API, the WebSocket, the members' `/raft/*`
//! routes behind one cluster-secret guard, and the dashboards' files (each page path answered
//! with its app's HTML entry).

use std::io;
use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use shared::dashboards::Dashboard;
use tower_http::services::{ServeDir, ServeFile};

use crate::api::{self, ApiError, AppState};
use crate::{raft, ws};

/// The whole HTTP surface: API, WebSocket, the members' `/raft/*` routes and the dashboards.
/// Every refusal, down to a wrong method or an unknown path, is `{error, message}` JSON.
pub fn app(state: AppState, dist: Option<&Path>) -> Router {
    let public = api::router(&state)
        // A wildcard needs one segment: `/api` and `/api/` are the API's too, not dashboards.
        .route("/api", any(|| async { ApiError::NotFound }))
        .route("/api/", any(|| async { ApiError::NotFound }))
        .route("/api/{*rest}", any(|| async { ApiError::NotFound }))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::lamport::exchange,
        ));
    // One guard for every member route, Raft's RPCs and ours alike; unknown `/raft/` paths
    // and wrong methods are behind it too, so an outsider learns nothing about them.
    let members = api::members::router()
        .merge(raft::http::routes(
            state.cluster.raft.clone(),
            state.cluster.votes.clone(),
            raft::Inbox::new(state.engine.pool().clone()),
        ))
        .route("/raft", any(|| async { ApiError::NotFound }))
        .route("/raft/", any(|| async { ApiError::NotFound }))
        .route("/raft/{*rest}", any(|| async { ApiError::NotFound }))
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .route_layer(axum::middleware::from_fn_with_state(
            state.cluster.secret.clone(),
            raft::http::require_cluster_secret,
        ));
    let router = public
        .merge(ws::router())
        .merge(members)
        // axum keeps the `Allow` header on these.
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed });
    let router = match dist {
        // Every other path is a file of the dashboards or a page: a page answers its app's
        // HTML entry (200) and the app picks the page.
        Some(dist) => {
            let apps = DashboardFiles::new(dist);
            router.fallback(move |request: Request| serve_dashboard(apps.clone(), request))
        }
        None => router.fallback(|| async { ApiError::NotFound }),
    };
    // Outermost, so every answer is counted, refusals and dashboards included; inside the
    // router, so each request already carries the route template it matched.
    router
        .layer(axum::middleware::from_fn_with_state(
            state.telemetry.clone(),
            api::metrics::record_request,
        ))
        .with_state(state)
}

/// The built dashboards: `dist/`'s files (each sent from its `.br` or `.gz` twin to clients
/// that accept brotli or gzip), and for a page path the HTML entry of the app that
/// renders it ([`Dashboard::for_path`]: `admin.html` for `/admin/…`, `tally.html` for the
/// tallies and `/elections`, `audit.html` for `/e/{id}/audit`, `index.html` for the rest).
#[derive(Clone)]
struct DashboardFiles {
    /// One file server per app, indexed by [`Dashboard::index`]; each falls back to its entry.
    apps: [ServeDir<ServeFile>; 4],
}

impl DashboardFiles {
    /// A `dist/` built before the apps were split has only `index.html`: an app whose entry is
    /// missing when the node starts falls back to it, so such a build still answers every page.
    fn new(dist: &Path) -> DashboardFiles {
        let apps = Dashboard::ALL.map(|app| {
            let entry = dist.join(app.entry());
            let entry = if entry.is_file() {
                entry
            } else {
                dist.join(Dashboard::Voter.entry())
            };
            // `cargo xtask` writes a brotli and a gzip twin beside every file. tower-http
            // sends the twin of the coding the client's `Accept-Encoding` rates highest, br
            // over gzip when they tie (as in a browser's `gzip, deflate, br`), the other twin
            // when that one is missing, and the file itself to a client that accepts neither.
            ServeDir::new(dist)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(
                    ServeFile::new(entry)
                        .precompressed_br()
                        .precompressed_gzip(),
                )
        });
        DashboardFiles { apps }
    }

    /// The file server answering `path`: its files, else the entry of the path's app.
    fn for_path(&self, path: &str) -> ServeDir<ServeFile> {
        self.apps[Dashboard::for_path(path).index()].clone()
    }
}

/// Serves a file of the built dashboards, or its app's HTML entry for a dashboard route. Paths
/// the file system refuses (a NUL byte, a name longer than it allows) are the client's mistake:
/// they answer 400 or 404 in our format, never ServeDir's bare 500. The files are small and sent
/// whole: a `Range` is ignored (as RFC 9110 allows), so no bare 416 either, and any other
/// refusal ServeDir would send without a body (a failed precondition) answers 400 in our format.
async fn serve_dashboard(apps: DashboardFiles, mut request: Request) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = ApiError::MethodNotAllowed.into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET,HEAD"));
        return response;
    }
    let path = request.uri().path().to_ascii_lowercase();
    if path.contains("%00") {
        return ApiError::BadRequest("the path contains a NUL byte".into()).into_response();
    }
    // A path that only reads as the API's or the members' once decoded (`/api%2Fadmin`) is
    // neither a dashboard route nor theirs: refuse it in their format.
    let decoded = percent_encoding::percent_decode_str(request.uri().path()).decode_utf8_lossy();
    let reserved = ["/api", "/raft"]
        .iter()
        .any(|prefix| decoded == *prefix || decoded.starts_with(&format!("{prefix}/")));
    if reserved {
        return ApiError::NotFound.into_response();
    }
    let mut files = apps.for_path(request.uri().path());
    request.headers_mut().remove(header::RANGE);
    request.headers_mut().remove(header::IF_RANGE);
    match files.try_call(request).await {
        Ok(response) if response.status().is_client_error() => {
            let status = response.status();
            tracing::debug!(path, %status, "the dashboards refused a request");
            ApiError::BadRequest(format!(
                "the dashboards cannot answer this request's conditional headers ({status})"
            ))
            .into_response()
        }
        Ok(response) if response.status() != StatusCode::INTERNAL_SERVER_ERROR => {
            // The same path is sent in brotli, in gzip or as it is by the client's
            // `Accept-Encoding`, which a cache between us and the browser must know (ServeDir
            // does not say it).
            let mut response = response.into_response();
            response
                .headers_mut()
                .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            response
        }
        Ok(_) => {
            tracing::debug!(path, "the dashboards refused a path");
            ApiError::NotFound.into_response()
        }
        Err(error) => match error.kind() {
            io::ErrorKind::InvalidFilename | io::ErrorKind::InvalidInput => {
                tracing::debug!(path, %error, "no dashboard file can have this name");
                ApiError::NotFound.into_response()
            }
            _ => ApiError::Internal(anyhow::Error::new(error).context("serving a dashboard file"))
                .into_response(),
        },
    }
}
