//! Starting and stopping a node: storage, engine, write path, background tasks, HTTP.

use std::collections::BTreeMap;
use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::{broadcast, watch};
use tokio::task::JoinHandle;
use tower_http::services::{ServeDir, ServeFile};

use crate::api::limits::Limits;
use crate::clock::{LamportClock, ServerClock};
use crate::cluster::Cluster;
use crate::config::NodeArgs;
use crate::engine::Engine;
use crate::error::ApiError;
use crate::ledger::Ledger;
use crate::queue::VoteQueue;
use crate::secrets::new_token;
use crate::state::{AppState, NodeSettings};
use crate::{api, cluster, deadline, raft, ws};

/// A running node. Dropping it does not stop it; call [`RunningNode::shutdown`].
pub struct RunningNode {
    /// The address the HTTP server is bound to (the real port when asked for port 0).
    pub addr: SocketAddr,
    /// The admin token in force (given or generated).
    pub admin_token: String,
    pub state: AppState,
    shutdown: watch::Sender<bool>,
    server: JoinHandle<()>,
}

/// Whether a stopping leader first hands leadership to another voter.
///
/// The hand-over saves the survivors an election timeout when one member stops (a rolling
/// restart, systemd stopping one replica). When the whole cluster stops there is nobody to hand
/// over to, and trying only costs a two-second wait and a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandOver {
    /// Only this member is stopping: hand leadership over first.
    Yes,
    /// The whole cluster is stopping: skip the hand-over.
    No,
}

impl RunningNode {
    /// Stops accepting requests, finishes the ones in flight and stops background tasks,
    /// handing leadership over first (as [`HandOver::Yes`]).
    pub async fn shutdown(self) {
        self.shutdown_with(HandOver::Yes).await;
    }

    /// As [`RunningNode::shutdown`], saying whether to hand leadership over.
    pub async fn shutdown_with(self, hand_over: HandOver) {
        if hand_over == HandOver::Yes {
            self.state.cluster.hand_over_leadership().await;
        }
        let _ = self.shutdown.send(true);
        let _ = self.server.await;
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Starts a node on an already bound listener (so tests can bind port 0). `voter` is false for
/// the tally learner.
pub async fn start(
    args: NodeArgs,
    listener: TcpListener,
    voter: bool,
) -> anyhow::Result<RunningNode> {
    let addr = listener.local_addr()?;
    let admin_token = args.admin_token.clone().unwrap_or_else(new_token);
    let pool = crate::store::open(&args.data_dir)
        .await
        .with_context(|| format!("opening the database in {}", args.data_dir.display()))?;
    let engine = Engine::load(pool)
        .await
        .context("replaying the event log")?;
    let (shutdown, shutdown_rx) = watch::channel(false);

    let single = args.peers.is_none();
    if !voter && single {
        bail!("the tally server needs --peers to find the replicas");
    }
    if !single && args.cluster_secret.is_none() {
        bail!("--cluster-secret is required with --peers");
    }
    let peers: BTreeMap<u64, String> = match &args.peers {
        Some(peers) => peers.0.iter().cloned().collect(),
        None => BTreeMap::from([(args.id, addr.to_string())]),
    };
    let advertise = args
        .advertise
        .clone()
        .or_else(|| voter.then(|| peers.get(&args.id).cloned()).flatten())
        .unwrap_or_else(|| addr.to_string());
    let secret: Arc<str> = args
        .cluster_secret
        .clone()
        .unwrap_or_else(new_token)
        .into();
    let cluster = Cluster::start(
        args.id,
        advertise,
        peers,
        voter,
        secret.clone(),
        engine.clone(),
    )
    .await?;

    let settings = NodeSettings {
        node_id: args.id,
        admin_token: admin_token.clone(),
        grace_ms: args.grace_ms,
        voter,
        session_secret: session_secret(&args, &secret)?,
    };
    let clock = Arc::new(ServerClock::new(args.clock_skew_ms));
    let lamport = Arc::new(LamportClock::default());
    lamport.observe(engine.read().lamport);

    // The queue's workers need the state, and the state holds the queue: tie the knot through
    // a channel that hands the finished state to the workers.
    let (state_tx, state_rx) = watch::channel::<Option<AppState>>(None);
    let votes = VoteQueue::start(
        args.max_concurrent_votes,
        args.vote_queue_capacity,
        move |job| {
            let state = state_rx.borrow().clone();
            async move {
                match state {
                    Some(state) => api::ballot::process_vote(state, job).await,
                    None => drop(job),
                }
            }
        },
        shutdown_rx.clone(),
    );
    let state = AppState {
        settings: Arc::new(settings),
        engine,
        ledger: Ledger::new(cluster.clone()),
        clock,
        lamport,
        votes,
        cluster: cluster.clone(),
        cluster_updates: broadcast::channel(64).0,
        limits: Limits::new(
            args.rate_limit_exempt.clone(),
            args.failed_attempts_per_minute,
            args.max_ws_connections,
            args.max_ws_per_address,
        ),
    };
    let _ = state_tx.send(Some(state.clone()));

    tokio::spawn(observe_lamport(state.clone(), shutdown_rx.clone()));
    tokio::spawn(cluster::status::monitor(state.clone(), shutdown_rx.clone()));
    let sync_interval = Duration::from_millis(args.clock_sync_ms.max(100));
    tokio::spawn(cluster::time_daemon::run(
        state.clone(),
        sync_interval,
        shutdown_rx.clone(),
    ));
    if voter {
        tokio::spawn(deadline::close_at_deadline(
            state.clone(),
            shutdown_rx.clone(),
        ));
        let seeding = tokio::spawn(seed_if_empty(state.clone(), shutdown_rx.clone()));
        if single {
            // Alone, this node is its own majority: be ready before answering anything.
            seeding.await?;
        }
    } else {
        tokio::spawn(cluster.clone().join_as_learner(shutdown_rx.clone()));
    }

    // The client's address feeds the per-address limits (`ConnectInfo`).
    let app = app(state.clone(), args.dist.as_deref())
        .into_make_service_with_connect_info::<SocketAddr>();
    let mut stop = shutdown_rx.clone();
    let raft = cluster.raft.clone();
    let server = tokio::spawn(async move {
        let graceful = async move {
            let _ = stop.wait_for(|s| *s).await;
        };
        if let Err(error) = axum::serve(listener, app)
            .with_graceful_shutdown(graceful)
            .await
        {
            tracing::error!(%error, "HTTP server failed");
        }
        if let Err(error) = raft.shutdown().await {
            tracing::warn!(?error, "Raft did not shut down cleanly");
        }
    });
    Ok(RunningNode {
        addr,
        admin_token,
        state,
        shutdown,
        server,
    })
}

/// The secret login tokens are derived under: the cluster secret, which every member shares.
/// A one-member cluster without one keeps its own in its data directory (mode 0600), so a
/// login retried across a restart still gets the same token.
fn session_secret(args: &NodeArgs, cluster_secret: &str) -> anyhow::Result<Arc<[u8]>> {
    if args.cluster_secret.is_some() {
        return Ok(cluster_secret.as_bytes().into());
    }
    let path = args.data_dir.join("session-secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if existing.trim().len() >= 32 {
            return Ok(existing.trim().as_bytes().into());
        }
    }
    let fresh = new_token();
    write_private(&path, &fresh).with_context(|| format!("writing {}", path.display()))?;
    Ok(fresh.as_bytes().into())
}

/// Writes a file only its owner can read.
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

/// The whole HTTP surface: API, WebSocket, the members' `/raft/*` routes and the dashboards.
/// Every refusal, down to a wrong method or an unknown path, is `{error, message}` JSON.
pub fn app(state: AppState, dist: Option<&Path>) -> Router {
    let public = api::router(&state)
        .merge(cluster::status::router())
        .route("/api/{*rest}", any(|| async { ApiError::NotFound }))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            api::lamport::exchange,
        ));
    // One guard for every member route, Raft's RPCs and ours alike; unknown `/raft/` paths
    // and wrong methods are behind it too, so an outsider learns nothing about them.
    let members = cluster::internal::router()
        .merge(raft::http::routes(state.cluster.raft.clone()))
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
        // Every other path is a dashboard route: answer index.html (200) and let the SPA route.
        Some(dist) => {
            let index = ServeFile::new(dist.join("index.html"));
            let files = ServeDir::new(dist).fallback(index);
            router.fallback(move |request: Request| serve_dashboard(files.clone(), request))
        }
        None => router.fallback(|| async { ApiError::NotFound }),
    };
    router.with_state(state)
}

/// Serves a file of the built dashboards, or index.html for a dashboard route. Paths the file
/// system refuses (a NUL byte, a name longer than it allows) are the client's mistake: they
/// answer 400 or 404 in our format, never ServeDir's bare 500.
async fn serve_dashboard(mut files: ServeDir<ServeFile>, request: Request) -> Response {
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
    match files.try_call(request).await {
        Ok(response) if response.status() != StatusCode::INTERNAL_SERVER_ERROR => {
            response.into_response()
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

/// Puts the default roll and ballot in place on first start. Every replica tries (the command
/// is idempotent: once seeded, deciding it yields nothing), retrying until a majority exists.
async fn seed_if_empty(state: AppState, mut shutdown: watch::Receiver<bool>) {
    while state.engine.read().last_seq == 0 {
        let envelope = state.stamp(crate::domain::Command::SeedDefaults, 0);
        let attempt = tokio::select! {
            outcome = state.commit(envelope) => outcome,
            _ = shutdown.wait_for(|s| *s) => return,
        };
        match attempt {
            Ok(_) => return,
            Err(error) => tracing::info!(%error, "waiting for a majority to seed the election"),
        }
    }
}

/// Keeps the Lamport clock ahead of every event this node applies, including replicated ones.
async fn observe_lamport(state: AppState, mut shutdown: watch::Receiver<bool>) {
    let mut events = state.engine.subscribe();
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(event) => state.lamport.observe(event.lamport),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    state.lamport.observe(state.engine.read().lamport);
                }
                Err(_) => return,
            },
            _ = shutdown.wait_for(|s| *s) => return,
        }
    }
}
