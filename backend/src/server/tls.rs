//! HTTPS (and so WSS) on the node's listener: TLS handshakes made beside the accept loop, and
//! the finished streams handed to `axum::serve` as an ordinary [`Listener`], so the router,
//! `ConnectInfo`, WebSocket upgrades and graceful shutdown work as over plain TCP.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::serve::Listener;
use rustls::ServerConfig;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;
use tokio_util::sync::CancellationToken;

use crate::tasks::Tasks;

/// How long a client gets to finish its handshake: one that stalls holds a socket and a task.
const HANDSHAKE_LIMIT: Duration = Duration::from_secs(10);

/// The most handshakes under way at once; beyond, accepting waits for one to end, as the kernel's
/// backlog would make a plain TCP client wait.
const MAX_HANDSHAKES: usize = 1024;

/// Finished TLS connections, for `axum::serve`.
pub struct TlsListener {
    connections: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local: SocketAddr,
}

impl TlsListener {
    /// Accepts on `tcp` and makes each connection's handshake in its own task (a slow client
    /// must not hold up the next one), until the node stops.
    pub fn new(
        tcp: TcpListener,
        config: Arc<ServerConfig>,
        tasks: &Tasks,
    ) -> std::io::Result<TlsListener> {
        let local = tcp.local_addr()?;
        let (sender, connections) = mpsc::channel(64);
        tasks.spawn(accept(
            tcp,
            TlsAcceptor::from(config),
            sender,
            tasks.stop_signal(),
        ));
        Ok(TlsListener { connections, local })
    }
}

impl Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.connections.recv().await {
            Some(connection) => connection,
            // The accept loop ended: the node is stopping, and axum stops asking once it is.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        Ok(self.local)
    }
}

async fn accept(
    tcp: TcpListener,
    acceptor: TlsAcceptor,
    ready: mpsc::Sender<(TlsStream<TcpStream>, SocketAddr)>,
    stop: CancellationToken,
) {
    // Owned here: when the node stops, handshakes still under way end with this task.
    let mut handshakes = JoinSet::new();
    loop {
        let accepted = tokio::select! {
            _ = stop.cancelled() => return,
            Some(_) = handshakes.join_next(), if !handshakes.is_empty() => continue,
            accepted = tcp.accept(), if handshakes.len() < MAX_HANDSHAKES => accepted,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of file descriptors, most likely: pause rather than spin (as axum does).
                tracing::warn!(%error, "accepting a connection failed");
                tokio::select! {
                    _ = stop.cancelled() => return,
                    _ = tokio::time::sleep(Duration::from_secs(1)) => continue,
                }
            }
        };
        let acceptor = acceptor.clone();
        let ready = ready.clone();
        handshakes.spawn(async move {
            let handshake = tokio::time::timeout(HANDSHAKE_LIMIT, acceptor.accept(stream));
            match handshake.await {
                Ok(Ok(stream)) => {
                    // A closed channel means the server has stopped; the connection just drops.
                    let _ = ready.send((stream, peer)).await;
                }
                // A plain-HTTP request, a client that does not trust our certificate, a scanner:
                // nothing the operator can act on at a higher level than debug.
                Ok(Err(error)) => tracing::debug!(%error, %peer, "TLS handshake failed"),
                Err(_) => tracing::debug!(%peer, "TLS handshake timed out"),
            }
        });
    }
}
