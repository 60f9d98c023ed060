//! The fault-injecting TCP proxy in front of each member.
//!
//! One [`Proxy`] listens for each destination member; every member's `--peers` (and the tally's
//! `--advertise`) name the proxies, so every member-to-member connection crosses one. Member N
//! connects from its own loopback address ([`source_ip`]: `127.0.0.1N`, set with the hidden
//! `--source-ip` flag), so the proxy knows from the peer address of an accepted connection which
//! member dialled, and so which directed links the connection carries: its requests travel
//! source → destination, its answers destination → source.
//!
//! The runner sets a [`LinkRule`] per directed link in one [`Faults`] table shared by every
//! proxy, and every connection follows changes at once (connections are pooled and long-lived,
//! so a rule only for new ones would let a partition leak):
//! - `Blocked`: the bytes of that direction are read and thrown away, and nothing is closed, as
//!   a real partition swallows packets; a connection accepted while its request direction is
//!   blocked is never even forwarded. Block both directions of a pair for a partition, one for
//!   one-way loss. A TCP stream that lost bytes cannot carry HTTP any more, so once its
//!   direction is unblocked the connection is closed and the member dials again.
//! - `Delayed`: each chunk is delivered `latency` plus a random `0..=jitter` ms after it was
//!   read, never before the chunk ahead of it.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use rand::Rng;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// What happens to the bytes member `from` sends member `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRule {
    /// Swallowed (a partition, or one-way loss if only this direction).
    Blocked,
    /// Delivered late: `latency_ms` plus a uniform `0..=jitter_ms`.
    Delayed { latency_ms: u64, jitter_ms: u64 },
}

/// The rules in force: directed link `(from, to)` to its rule; a missing link is healthy.
pub type Rules = BTreeMap<(u64, u64), LinkRule>;

/// The rule table every proxy and connection watches.
#[derive(Clone)]
pub struct Faults {
    rules: watch::Sender<Rules>,
}

impl Default for Faults {
    fn default() -> Faults {
        Faults {
            rules: watch::Sender::new(Rules::new()),
        }
    }
}

impl Faults {
    /// Sets the rule of the directed link `from → to`.
    pub fn set(&self, from: u64, to: u64, rule: LinkRule) {
        self.rules.send_modify(|rules| {
            rules.insert((from, to), rule);
        });
    }

    /// Blocks both directions between `a` and `b`.
    pub fn cut(&self, a: u64, b: u64) {
        self.set(a, b, LinkRule::Blocked);
        self.set(b, a, LinkRule::Blocked);
    }

    /// Removes every rule whose link satisfies `which`.
    pub fn clear_where(&self, which: impl Fn(u64, u64, LinkRule) -> bool) {
        self.rules
            .send_modify(|rules| rules.retain(|(from, to), rule| !which(*from, *to, *rule)));
    }

    /// Every link healthy again.
    pub fn heal(&self) {
        self.rules.send_modify(Rules::clear);
    }

    fn watch(&self) -> watch::Receiver<Rules> {
        self.rules.subscribe()
    }
}

/// The loopback address member `id` connects to other members from: `127.0.0.1N` (so 127.0.0.11
/// for member 1), never 127.0.0.1 itself, which every other local client uses.
pub fn source_ip(id: u64) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, 0, 10 + id as u8))
}

/// The member a connection comes from, by its source address.
fn member_at(ip: IpAddr) -> Option<u64> {
    match ip {
        IpAddr::V4(v4)
            if v4.octets()[..3] == [127, 0, 0] && (11..=19).contains(&v4.octets()[3]) =>
        {
            Some(u64::from(v4.octets()[3] - 10))
        }
        _ => None,
    }
}

/// A listening proxy in front of one member.
pub struct Proxy {
    /// The port members reach the destination at.
    pub port: u16,
}

impl Proxy {
    /// Listens on `listen` (port 0 picks one) and forwards to member `to` at `target`, applying
    /// `faults`, until `stop`. Every connection task is owned by `tasks`.
    pub async fn start(
        listen: SocketAddr,
        to: u64,
        target: SocketAddr,
        faults: &Faults,
        tasks: &TaskTracker,
        stop: CancellationToken,
    ) -> std::io::Result<Proxy> {
        let listener = TcpListener::bind(listen).await?;
        let port = listener.local_addr()?.port();
        let rules = faults.watch();
        let connections = tasks.clone();
        tasks.spawn(async move {
            loop {
                let accepted = tokio::select! {
                    accepted = listener.accept() => accepted,
                    _ = stop.cancelled() => return,
                };
                let Ok((inbound, peer)) = accepted else {
                    continue;
                };
                let from = member_at(peer.ip());
                let (rules, stop) = (rules.clone(), stop.clone());
                connections.spawn(async move {
                    tokio::select! {
                        _ = connection(inbound, from, to, target, rules) => {}
                        _ = stop.cancelled() => {}
                    }
                });
            }
        });
        Ok(Proxy { port })
    }
}

/// The rule of `link` now (no rule for a connection from an unknown source).
fn rule(rules: &watch::Receiver<Rules>, link: Option<(u64, u64)>) -> Option<LinkRule> {
    link.and_then(|link| rules.borrow().get(&link).copied())
}

/// Carries one connection from member `from` to member `to` until either side closes.
async fn connection(
    mut inbound: TcpStream,
    from: Option<u64>,
    to: u64,
    target: SocketAddr,
    mut rules: watch::Receiver<Rules>,
) {
    let request_link = from.map(|from| (from, to));
    let answer_link = from.map(|from| (to, from));
    if rule(&rules, request_link) == Some(LinkRule::Blocked) {
        // The connection "never arrives": swallow what the member sends, and close once the
        // link heals so it dials again.
        let mut sink = vec![0u8; 16 * 1024];
        loop {
            tokio::select! {
                read = inbound.read(&mut sink) => if !matches!(read, Ok(n) if n > 0) { return },
                changed = rules.changed() => {
                    if changed.is_err() || rule(&rules, request_link) != Some(LinkRule::Blocked) {
                        return;
                    }
                }
            }
        }
    }
    let outbound =
        match tokio::time::timeout(Duration::from_secs(1), TcpStream::connect(target)).await {
            Ok(Ok(outbound)) => outbound,
            // The member is down: the dialler sees its connection closed, as a refused one.
            _ => return,
        };
    let _ = inbound.set_nodelay(true);
    let _ = outbound.set_nodelay(true);
    let (inbound_read, inbound_write) = inbound.into_split();
    let (outbound_read, outbound_write) = outbound.into_split();
    tokio::select! {
        _ = pump(inbound_read, outbound_write, request_link, rules.clone()) => {}
        _ = pump(outbound_read, inbound_write, answer_link, rules) => {}
    }
}

/// Copies one direction of a connection, applying its link's rule to every chunk. Returns when
/// the reader closes (after delivering what it read), the writer fails, or the link heals from
/// having lost bytes.
async fn pump(
    mut reader: impl AsyncRead + Unpin,
    mut writer: impl AsyncWrite + Unpin,
    link: Option<(u64, u64)>,
    mut rules: watch::Receiver<Rules>,
) {
    let (chunks, mut due) = mpsc::channel::<(Instant, Vec<u8>)>(64);
    let reading = async move {
        let mut buffer = vec![0u8; 16 * 1024];
        let mut last_due = Instant::now();
        let mut lost_bytes = false;
        loop {
            tokio::select! {
                read = reader.read(&mut buffer) => {
                    let n = match read {
                        Ok(n) if n > 0 => n,
                        _ => return,
                    };
                    let delay = match rule(&rules, link) {
                        Some(LinkRule::Blocked) => {
                            lost_bytes = true;
                            continue;
                        }
                        Some(LinkRule::Delayed { latency_ms, jitter_ms }) => {
                            latency_ms + rand::thread_rng().gen_range(0..=jitter_ms)
                        }
                        None => 0,
                    };
                    if lost_bytes {
                        return;
                    }
                    let at = (Instant::now() + Duration::from_millis(delay)).max(last_due);
                    last_due = at;
                    if chunks.send((at, buffer[..n].to_vec())).await.is_err() {
                        return;
                    }
                }
                changed = rules.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    if lost_bytes && rule(&rules, link) != Some(LinkRule::Blocked) {
                        return;
                    }
                }
            }
        }
    };
    let writing = async move {
        while let Some((at, chunk)) = due.recv().await {
            tokio::time::sleep_until(at).await;
            if writer.write_all(&chunk).await.is_err() {
                return;
            }
        }
        let _ = writer.shutdown().await;
    };
    tokio::join!(reading, writing);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An echo server, a proxy in front of it, and a connection from member `from`.
    async fn echo_through_proxy(faults: &Faults, from: u64) -> TcpStream {
        let echo = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let target = echo.local_addr().unwrap();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = echo.accept().await {
                tokio::spawn(async move {
                    let (mut r, mut w) = socket.split();
                    let _ = tokio::io::copy(&mut r, &mut w).await;
                });
            }
        });
        let tasks = TaskTracker::new();
        let proxy = Proxy::start(
            "127.0.0.1:0".parse().unwrap(),
            2,
            target,
            faults,
            &tasks,
            CancellationToken::new(),
        )
        .await
        .unwrap();
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind(SocketAddr::new(source_ip(from), 0)).unwrap();
        socket
            .connect(SocketAddr::from(([127, 0, 0, 1], proxy.port)))
            .await
            .unwrap()
    }

    async fn round_trip(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
        let started = Instant::now();
        stream.write_all(b"ping").await.ok()?;
        let mut answer = [0u8; 4];
        tokio::time::timeout(limit, stream.read_exact(&mut answer))
            .await
            .ok()?
            .ok()?;
        Some(started.elapsed())
    }

    #[test]
    fn members_are_told_apart_by_their_source_address() {
        assert_eq!(member_at(source_ip(1)), Some(1));
        assert_eq!(member_at(source_ip(4)), Some(4));
        assert_eq!(member_at("127.0.0.1".parse().unwrap()), None);
    }

    #[tokio::test]
    async fn a_cut_link_swallows_bytes_and_its_connection_closes_once_healed() {
        let faults = Faults::default();
        let mut stream = echo_through_proxy(&faults, 1).await;
        assert!(round_trip(&mut stream, Duration::from_secs(2))
            .await
            .is_some());

        faults.cut(1, 2);
        assert!(round_trip(&mut stream, Duration::from_millis(300))
            .await
            .is_none());

        faults.heal();
        let mut rest = Vec::new();
        let closed = tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut rest));
        assert!(
            closed.await.is_ok(),
            "the connection that lost bytes is closed"
        );
    }

    #[tokio::test]
    async fn a_rule_on_another_link_leaves_this_one_alone_and_latency_delays() {
        let faults = Faults::default();
        faults.cut(3, 2);
        let mut stream = echo_through_proxy(&faults, 1).await;
        assert!(round_trip(&mut stream, Duration::from_secs(2))
            .await
            .is_some());

        faults.set(
            2,
            1,
            LinkRule::Delayed {
                latency_ms: 150,
                jitter_ms: 0,
            },
        );
        let took = round_trip(&mut stream, Duration::from_secs(2))
            .await
            .unwrap();
        assert!(took >= Duration::from_millis(150), "{took:?}");
    }

    #[tokio::test]
    async fn one_way_loss_loses_only_the_answers() {
        let faults = Faults::default();
        faults.set(2, 1, LinkRule::Blocked);
        let mut stream = echo_through_proxy(&faults, 1).await;
        assert!(round_trip(&mut stream, Duration::from_millis(300))
            .await
            .is_none());
    }
}
