//! Starting and stopping a node, in three steps: [`build`] the handles (storage, engine,
//! cluster, ledger, queue), [`spawn`] the background tasks with only the handles each uses,
//! and [`serve`] HTTP. Every task is owned by the node's [`Tasks`]: stopping joins them all
//! before Raft stops and the database closes.
//!
//! - [`app`]: the router (API, WebSocket, members' routes, dashboards).
//! - [`background`]: the small tasks that belong to no other module.
//! - `tls`: HTTPS on the node's listener (with `--tls-cert` and `--tls-key`).

pub mod app;
mod background;
mod tls;

use std::collections::BTreeMap;
use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};
use axum::serve::ListenerExt as _;
use tokio::net::TcpListener;
use tokio::sync::broadcast;

/// For the `ballot node` and `ballot tally` processes only (see `raft::runtime`).
pub use crate::raft::runtime::install as install_raft_runtime;
pub use app::app;

use crate::api::limits::Limits;
use crate::api::state::{AppState, NodeSettings};
use crate::api::ApiError;
use crate::clock::{LamportClock, ServerClock};
use crate::cluster::{self, Cluster, Ledger};
use crate::config::NodeArgs;
use crate::engine::Engine;
use crate::queue::VoteQueue;
use crate::secrets::new_token;
use crate::tasks::Tasks;
use crate::telemetry::Telemetry;
use crate::tls::NodeTls;
use crate::{api, deadline};

/// A running node. Dropping it does not stop it; call [`RunningNode::shutdown`].
pub struct RunningNode {
    /// The address the HTTP server is bound to (the real port when asked for port 0).
    pub addr: SocketAddr,
    /// The admin token in force (given or generated).
    pub admin_token: String,
    state: AppState,
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

    /// As [`RunningNode::shutdown`], saying whether to hand leadership over. When it returns,
    /// every task of the node has ended, Raft has stopped and the database is closed: the data
    /// directory can be opened again at once.
    pub async fn shutdown_with(self, hand_over: HandOver) {
        let state = self.state;
        if hand_over == HandOver::Yes {
            state.cluster.hand_over_leadership().await;
        }
        state.tasks.stop_and_join().await;
        if let Err(error) = state.cluster.raft.shutdown().await {
            tracing::warn!(?error, "Raft did not shut down cleanly");
        }
        state.engine.close().await;
    }

    /// `http://host:port`, or `https://` when the node serves TLS.
    /// The one-time link that makes the first owner account, while no account has existed.
    pub fn first_owner_link(&self) -> Option<String> {
        use crate::api::accounts::setup::{awaiting_first_owner, setup_token};
        awaiting_first_owner(&self.state).then(|| {
            let token = setup_token(&self.state.settings.session_secret);
            format!("{}/admin#setup={token}", self.url())
        })
    }

    /// Makes the first owner account named `name` with `password` (`--owner-password-file`)
    /// once the cluster can commit, unless an account already exists. In the background: it
    /// waits for a leader, retrying for a minute.
    pub fn create_first_owner(&self, name: String, password: String) {
        use crate::api::accounts::setup::{awaiting_first_owner, create_first_owner};
        let state = self.state.clone();
        tokio::spawn(async move {
            for _ in 0..60 {
                if !awaiting_first_owner(&state) {
                    return;
                }
                match create_first_owner(&state, name.clone(), password.clone()).await {
                    Ok(made) => {
                        tracing::info!(name = %made.name, "made the first owner account");
                        return;
                    }
                    // Another member made it first, or the name/password is refused.
                    Err(ApiError::Domain(error)) => {
                        tracing::info!(%error, "no first owner made here");
                        return;
                    }
                    Err(ApiError::BadRequest(why)) => {
                        tracing::error!(%why, "--owner-password-file refused");
                        return;
                    }
                    // No leader yet: try again in a second.
                    Err(_) => tokio::time::sleep(std::time::Duration::from_secs(1)).await,
                }
            }
        });
    }

    pub fn url(&self) -> String {
        let scheme = if self.state.settings.tls {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}", self.addr)
    }

    /// The node's tasks (to see, after [`RunningNode::shutdown`], that none is left).
    pub fn tasks(&self) -> Tasks {
        self.state.tasks.clone()
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
    // Before anything is opened: unusable TLS files stop the start with their reason.
    let tls = args.common.tls.load(args.peers.is_some())?;
    let state = build_with(&args, addr, voter, tls.as_ref()).await?;
    spawn(&state, &args).await?;
    let server_tls = tls.map(|tls| tls.server);
    serve(&state, listener, args.common.dist.as_deref(), server_tls)?;
    Ok(RunningNode {
        addr,
        admin_token: state.settings.admin_token.clone(),
        state,
    })
}

/// Starts a voting node without binding a socket: its router, for tests that drive it in
/// process (`tower::ServiceExt::oneshot`), and the handle that stops it. Such requests carry
/// no `ConnectInfo`, so the per-address limits count them as loopback. `args.listen` is only
/// the address the node advertises to itself.
pub async fn start_in_process(args: NodeArgs) -> anyhow::Result<(axum::Router, RunningNode)> {
    let addr = args.listen;
    let state = build(&args, addr, true).await?;
    spawn(&state, &args).await?;
    let router = app(state.clone(), args.common.dist.as_deref());
    let node = RunningNode {
        addr,
        admin_token: state.settings.admin_token.clone(),
        state,
    };
    Ok((router, node))
}

/// Opens storage and builds every handle: engine, cluster (Raft), ledger, the vote queue and
/// its workers, the limits. Nothing here needs the finished [`AppState`].
pub async fn build(args: &NodeArgs, addr: SocketAddr, voter: bool) -> anyhow::Result<AppState> {
    let tls = args.common.tls.load(args.peers.is_some())?;
    build_with(args, addr, voter, tls.as_ref()).await
}

/// As [`build`], with the TLS files already loaded.
async fn build_with(
    args: &NodeArgs,
    addr: SocketAddr,
    voter: bool,
    tls: Option<&NodeTls>,
) -> anyhow::Result<AppState> {
    let single = args.peers.is_none();
    if !voter && single {
        bail!("the tally server needs --peers to find the replicas");
    }
    if !single && args.cluster_secret.is_none() {
        bail!("--cluster-secret is required with --peers");
    }
    let pool = crate::store::open(&args.data_dir)
        .await
        .with_context(|| format!("opening the database in {}", args.data_dir.display()))?;
    let engine = Engine::load(pool)
        .await
        .context("replaying the event log")?;
    let tasks = Tasks::new();
    // Built first: the state machine (snapshots) and the vote workers record into it.
    let telemetry = Telemetry::new();

    let peers: BTreeMap<u64, String> = match &args.peers {
        Some(peers) => peers.0.iter().cloned().collect(),
        None => BTreeMap::from([(args.id, addr.to_string())]),
    };
    let advertise = args
        .advertise
        .clone()
        .or_else(|| voter.then(|| peers.get(&args.id).cloned()).flatten())
        .unwrap_or_else(|| addr.to_string());
    let secret: Arc<str> = args.cluster_secret.clone().unwrap_or_else(new_token).into();
    let clock = Arc::new(ServerClock::new(args.clock_skew_ms));
    let membership = cluster::Membership {
        node_id: args.id,
        addr: advertise,
        peers,
        voter,
        secret: secret.clone(),
        source_ip: args.source_ip,
        telemetry: telemetry.clone(),
        tls: tls.map(|tls| tls.peers.clone()).unwrap_or_default(),
    };
    let cluster = Cluster::start(membership, engine.clone(), clock.clone(), &tasks).await?;

    let lamport = Arc::new(LamportClock::default());
    lamport.observe(engine.read().lamport());
    let ledger = Ledger::start(cluster.clone(), lamport.clone(), &tasks);
    // The workers need only the ledger, which exists before the state does.
    let votes = VoteQueue::start(
        args.max_concurrent_votes,
        args.vote_queue_capacity,
        args.max_vote_batch,
        api::ballot::vote_worker(ledger.clone(), telemetry.clone()),
        &tasks,
    );
    let settings = NodeSettings {
        node_id: args.id,
        admin_token: args.common.admin_token.clone().unwrap_or_else(new_token),
        grace_ms: args.grace_ms,
        voter,
        session_secret: session_secret(args, &secret)?,
        tls: tls.is_some(),
    };
    Ok(AppState {
        settings: Arc::new(settings),
        engine,
        ledger,
        clock,
        lamport,
        votes,
        cluster,
        cluster_updates: broadcast::channel(64).0,
        limits: Limits::new(
            args.rate_limit_exempt.clone(),
            args.failed_attempts_per_minute,
            args.max_ws_connections,
            args.max_ws_per_address,
        ),
        tasks,
        signer: Arc::new(
            crate::signing::LogSigner::load_or_create(&args.data_dir)
                .context("reading or making the checkpoint signing key")?,
        ),
        checkpoints: api::board::CheckpointBoard::default(),
        frames: api::frames::PublicFrames::default(),
        results: crate::projections::results::ResultsCache::default(),
        mail: crate::mail::Mailer::from_args(&args.common.mail)?.map(Arc::new),
        telemetry,
    })
}

/// Spawns the background tasks, each with the handles it uses. A single node seeds its
/// election before this returns, so it is ready before it answers anything.
pub async fn spawn(state: &AppState, args: &NodeArgs) -> anyhow::Result<()> {
    let tasks = &state.tasks;
    let stop = tasks.stop_signal();
    let cluster = state.cluster.clone();
    tasks.spawn(background::observe_lamport(
        state.engine.clone(),
        state.lamport.clone(),
        stop.clone(),
    ));
    tasks.spawn(cluster::status::monitor(
        cluster.clone(),
        state.cluster_updates.clone(),
        stop.clone(),
    ));
    let sync_interval = Duration::from_millis(args.clock_sync_ms.max(100));
    tasks.spawn(cluster::time_daemon::run(
        cluster.clone(),
        sync_interval,
        stop.clone(),
    ));
    tasks.spawn(api::checkpointer::run(state.clone(), stop.clone()));
    tasks.spawn(state.telemetry.clone().upkeep(stop.clone()));
    if !state.settings.voter {
        tasks.spawn(cluster.join_as_learner(stop));
        return Ok(());
    }
    tasks.spawn(deadline::close_at_deadline(
        state.engine.clone(),
        state.ledger.clone(),
        stop.clone(),
    ));
    if let Some(mailer) = &state.mail {
        tasks.spawn(crate::mail::sender::run(
            state.engine.clone(),
            state.ledger.clone(),
            cluster.clone(),
            mailer.clone(),
            state.settings.session_secret.clone(),
            state.telemetry.clone(),
            stop.clone(),
        ));
    }
    let seeding = background::seed_if_empty(state.engine.clone(), state.ledger.clone(), stop);
    if args.peers.is_none() {
        // Alone, this node is its own majority: be ready before answering anything.
        seeding.await;
    } else {
        tasks.spawn(seeding);
    }
    Ok(())
}

/// Serves HTTP on `listener` (HTTPS with `tls`) until the node stops (graceful: requests in
/// flight finish).
pub fn serve(
    state: &AppState,
    listener: TcpListener,
    dist: Option<&Path>,
    tls: Option<Arc<rustls::ServerConfig>>,
) -> std::io::Result<()> {
    // The client's address feeds the per-address limits (`ConnectInfo`).
    let app = app(state.clone(), dist).into_make_service_with_connect_info::<SocketAddr>();
    let tasks = state.tasks.clone();
    let stopping = async move { tasks.stopping().await };
    let served: Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>> = match tls {
        None => Box::pin(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(stopping)
                .await
        }),
        Some(config) => {
            // `tap_io` only so that axum derives `ConnectInfo<SocketAddr>` from this listener.
            let listener = tls::TlsListener::new(listener, config, &state.tasks)?.tap_io(|_| ());
            Box::pin(async move {
                axum::serve(listener, app)
                    .with_graceful_shutdown(stopping)
                    .await
            })
        }
    };
    state.tasks.spawn(async move {
        if let Err(error) = served.await {
            tracing::error!(%error, "HTTP server failed");
        }
    });
    Ok(())
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
    background::write_private(&path, &fresh)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(fresh.as_bytes().into())
}
