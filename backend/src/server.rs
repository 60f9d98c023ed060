//! Starting and stopping a node: storage, engine, write path, background tasks, HTTP.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use axum::routing::any;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower_http::services::{ServeDir, ServeFile};

use crate::clock::{LamportClock, ServerClock};
use crate::config::NodeArgs;
use crate::engine::Engine;
use crate::error::ApiError;
use crate::ledger::Ledger;
use crate::queue::VoteQueue;
use crate::state::{new_session_token, AppState, NodeSettings};
use crate::{api, deadline, ws};

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

impl RunningNode {
    /// Stops accepting requests, finishes the ones in flight and stops background tasks.
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        let _ = self.server.await;
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Starts a node on an already bound listener (so tests can bind port 0).
pub async fn start(
    args: NodeArgs,
    listener: TcpListener,
    voter: bool,
) -> anyhow::Result<RunningNode> {
    let addr = listener.local_addr()?;
    let admin_token = args.admin_token.clone().unwrap_or_else(new_session_token);
    let pool = crate::store::open(&args.data_dir)
        .await
        .with_context(|| format!("opening the database in {}", args.data_dir.display()))?;
    let engine = Engine::load(pool)
        .await
        .context("replaying the event log")?;
    let (shutdown, shutdown_rx) = watch::channel(false);
    let settings = NodeSettings {
        node_id: args.id,
        admin_token: admin_token.clone(),
        grace_ms: args.grace_ms,
        voter,
    };
    let clock = Arc::new(ServerClock::new(args.clock_skew_ms));
    let lamport = Arc::new(LamportClock::default());
    lamport.observe(engine.read().lamport);
    let ledger = Ledger::local(engine.clone());

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
        ledger,
        clock,
        lamport,
        votes,
    };
    let _ = state_tx.send(Some(state.clone()));

    tokio::spawn(observe_lamport(state.clone(), shutdown_rx.clone()));
    if voter {
        seed_if_empty(&state).await?;
        tokio::spawn(deadline::close_at_deadline(
            state.clone(),
            shutdown_rx.clone(),
        ));
    }

    let app = app(state.clone(), args.dist.as_deref());
    let mut stop = shutdown_rx.clone();
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
    });
    Ok(RunningNode {
        addr,
        admin_token,
        state,
        shutdown,
        server,
    })
}

/// The whole HTTP surface: API, WebSocket and the dashboards.
pub fn app(state: AppState, dist: Option<&Path>) -> Router {
    let mut router = api::router()
        .merge(ws::router())
        .route("/api/{*rest}", any(|| async { ApiError::NotFound }));
    if let Some(dist) = dist {
        // Every other path is a dashboard route: answer index.html (200) and let the SPA route.
        let index = ServeFile::new(dist.join("index.html"));
        router = router.fallback_service(ServeDir::new(dist).fallback(index));
    }
    router.with_state(state)
}

/// Puts the default roll and ballot in place on first start.
async fn seed_if_empty(state: &AppState) -> anyhow::Result<()> {
    if state.engine.read().last_seq > 0 {
        return Ok(());
    }
    let envelope = state.stamp(crate::domain::Command::SeedDefaults, 0);
    state
        .commit(envelope)
        .await?
        .map_err(|e| anyhow::anyhow!("seeding refused: {e}"))?;
    Ok(())
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
