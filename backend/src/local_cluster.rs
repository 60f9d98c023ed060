//! A cluster on this machine: where its members listen, the `--peers` they share, the command
//! that starts one of them as its own process, and the wait for a leader. `ballot cluster`,
//! `ballot bench-failover` and the cluster tests all start their members through here, so a
//! member started by any of them is started the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use shared::dto::ClusterStatusResponse;

/// How often [`wait_for_leader`] asks again.
const POLL: Duration = Duration::from_millis(50);

/// One member of a local cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: u64,
    /// The loopback port it listens on.
    pub port: u16,
    /// A voting replica (`ballot node`), or else the tally learner (`ballot tally`).
    pub voter: bool,
}

/// The members of a local cluster: replicas 1..=N and, optionally, the tally N+1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    members: Vec<Member>,
    /// The port other members reach a member at, when that is not its own port (`ballot
    /// chaos` puts a fault-injecting proxy in front of each member).
    proxies: BTreeMap<u64, u16>,
}

impl Layout {
    /// Replicas on `base_port`, `base_port + 1`, … and the tally (if `tally`) on the next port,
    /// as `ballot cluster` documents them.
    pub fn consecutive(base_port: u16, replicas: u64, tally: bool) -> anyhow::Result<Layout> {
        let port = |id: u64| {
            u16::try_from(id - 1)
                .ok()
                .and_then(|offset| base_port.checked_add(offset))
                .with_context(|| format!("--base-port {base_port} leaves no port for member {id}"))
        };
        let members = member_ids(replicas, tally)
            .map(|(id, voter)| {
                Ok(Member {
                    id,
                    port: port(id)?,
                    voter,
                })
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Layout {
            members,
            proxies: BTreeMap::new(),
        })
    }

    /// Every member on a port that was free a moment ago, for tests that run side by side (the
    /// members must know each other's ports before any of them listens).
    pub fn on_free_ports(replicas: u64, tally: bool) -> std::io::Result<Layout> {
        let members = member_ids(replicas, tally)
            .map(|(id, voter)| {
                Ok(Member {
                    id,
                    port: free_port()?,
                    voter,
                })
            })
            .collect::<std::io::Result<_>>()?;
        Ok(Layout {
            members,
            proxies: BTreeMap::new(),
        })
    }

    pub fn members(&self) -> &[Member] {
        &self.members
    }

    pub fn ids(&self) -> impl Iterator<Item = u64> + '_ {
        self.members.iter().map(|member| member.id)
    }

    /// The member with this id; panics on an id the layout does not have.
    pub fn member(&self, id: u64) -> &Member {
        self.members
            .iter()
            .find(|member| member.id == id)
            .unwrap_or_else(|| panic!("no member {id} in {self:?}"))
    }

    /// A member's `host:port`.
    pub fn addr(&self, id: u64) -> String {
        format!("127.0.0.1:{}", self.member(id).port)
    }

    /// Members reach member `id` at `127.0.0.1:port` (a proxy in front of it) instead of its own
    /// port; clients still reach it directly. `--peers` and the tally's `--advertise` follow.
    pub fn behind_proxies(mut self, ports: BTreeMap<u64, u16>) -> Layout {
        self.proxies = ports;
        self
    }

    /// The `host:port` other members reach member `id` at: its proxy's, if it has one.
    pub fn peer_addr(&self, id: u64) -> String {
        match self.proxies.get(&id) {
            Some(port) => format!("127.0.0.1:{port}"),
            None => self.addr(id),
        }
    }

    /// A member's base URL, `http://host:port`.
    pub fn url(&self, id: u64) -> String {
        format!("http://{}", self.addr(id))
    }

    /// The voting members as `--peers` takes them: `1=host:port,2=…`.
    pub fn peers(&self) -> String {
        let voters = self.members.iter().filter(|member| member.voter);
        voters
            .map(|member| format!("{}={}", member.id, self.peer_addr(member.id)))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The command that starts member `id` (`ballot node`, or `ballot tally` for the learner)
    /// on its address, with its data under `DATA_DIR/nodeN`, the layout's `--peers` and the
    /// secrets as `launch` says. Its stdout is discarded; the caller adds flags, stderr and,
    /// for a tokio child, `kill_on_drop`.
    pub fn command(&self, id: u64, launch: &Launch<'_>) -> Command {
        let member = self.member(id);
        let mut command = Command::new(launch.exe);
        command
            .arg(if member.voter { "node" } else { "tally" })
            .args(["--id", &id.to_string(), "--listen", &self.addr(id)])
            .arg("--data-dir")
            .arg(launch.data_dir.join(format!("node{id}")))
            .args(["--peers", &self.peers()])
            // Secrets stay off argv: /proc/PID/cmdline is readable by every local user,
            // /proc/PID/environ and a 0600 file only by the member's own user.
            .env("BALLOT_ADMIN_TOKEN", launch.admin_token)
            // Clap refuses two sources for one secret: drop what the caller inherited.
            .env_remove("BALLOT_ADMIN_TOKEN_FILE")
            .env_remove("BALLOT_CLUSTER_SECRET")
            .env_remove("BALLOT_CLUSTER_SECRET_FILE")
            .stdout(Stdio::null());
        if !member.voter && self.proxies.contains_key(&id) {
            // A voter's own `--peers` entry is its advertised address; the tally has none.
            command.args(["--advertise", &self.peer_addr(id)]);
        }
        match launch.cluster_secret {
            ClusterSecret::File(path) => {
                command.arg("--cluster-secret-file").arg(path);
            }
            ClusterSecret::Value(secret) => {
                command.env("BALLOT_CLUSTER_SECRET", secret);
            }
        }
        command
    }
}

/// Ids 1..=replicas as voters, then the tally.
fn member_ids(replicas: u64, tally: bool) -> impl Iterator<Item = (u64, bool)> {
    let learner = tally.then_some((replicas + 1, false));
    (1..=replicas).map(|id| (id, true)).chain(learner)
}

/// What every member is started with besides its own id, address and data directory.
pub struct Launch<'a> {
    /// The `ballot` binary.
    pub exe: &'a Path,
    /// Member N keeps its database under `data_dir/nodeN`.
    pub data_dir: &'a Path,
    /// Handed to every member in its environment.
    pub admin_token: &'a str,
    pub cluster_secret: ClusterSecret<'a>,
}

/// How a member is handed the cluster secret.
pub enum ClusterSecret<'a> {
    /// A 0600 file, named on argv (`--cluster-secret-file`).
    File(&'a Path),
    /// The value, in the member's environment (`BALLOT_CLUSTER_SECRET`).
    Value(&'a str),
}

/// A loopback port that was free a moment ago, and that this process has not handed out before.
pub fn free_port() -> std::io::Result<u16> {
    free_port_block(1).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::AddrNotAvailable,
            "no free loopback port outside the ephemeral range",
        )
    })
}

/// The first of `count` consecutive loopback ports that were free a moment ago, for a
/// `ballot cluster --base-port` of `count` members.
///
/// Members learn each other's ports before any of them listens, so a port is only reserved
/// by the members binding it later. Two things could take it in between, and both were seen
/// to leave a test cluster with no leader:
/// - the kernel's ephemeral ports, which every outgoing connection (and `bind` to port 0)
///   draws from: a port freed by a killed member could be handed to a connection, or to another
///   test's cluster, before the member restarts on it. Ports are therefore drawn from *below*
///   the ephemeral range, which the kernel never assigns on its own;
/// - another cluster started by this process (tests run side by side): every port handed out
///   is remembered and never handed out again.
pub fn free_port_block(count: u16) -> Option<u16> {
    static HANDED_OUT: std::sync::Mutex<BTreeSet<u16>> = std::sync::Mutex::new(BTreeSet::new());
    let (low, high) = drawable_ports();
    let last_base = high.checked_sub(count)?;
    if last_base < low {
        return None;
    }
    let mut handed_out = HANDED_OUT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    (0..500).find_map(|_| {
        let base = rand::Rng::gen_range(&mut rand::thread_rng(), low..=last_base);
        let ports = base..base.checked_add(count)?;
        if ports.clone().any(|port| handed_out.contains(&port)) {
            return None;
        }
        // Bound together, then dropped together: each was free at this moment.
        let bound: Option<Vec<_>> = ports
            .clone()
            .map(|port| std::net::TcpListener::bind(("127.0.0.1", port)).ok())
            .collect();
        bound?;
        handed_out.extend(ports);
        Some(base)
    })
}

/// The kernel's ephemeral port range, first and last included.
fn ephemeral_ports() -> (u16, u16) {
    std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|text| {
            let mut bounds = text.split_whitespace().map(|n| n.parse::<u16>().ok());
            Some((bounds.next()??, bounds.next()??))
        })
        .unwrap_or((32_768, 60_999))
}

/// The ports [`free_port_block`] draws from: below the kernel's ephemeral range (Linux's
/// `ip_local_port_range`, 32768–60999 by default), and above the well-known and common
/// service ports; above the range instead if a machine starts it very low.
fn drawable_ports() -> (u16, u16) {
    const FLOOR: u16 = 20_000;
    match ephemeral_ports() {
        (start, _) if start >= FLOOR + 1_000 => (FLOOR, start - 1),
        (_, end) => (end.saturating_add(1).max(FLOOR), u16::MAX),
    }
}

/// Which members [`wait_for_leader`] asks, and what answer it accepts.
pub struct LeaderWait<'a> {
    /// The `host:port` of each member to ask (the live ones), or its base URL (`https://…`).
    pub ask: &'a [String],
    /// How many of them must name the same leader: a restarted member can briefly believe in
    /// an old leadership, a majority cannot.
    pub agreeing: usize,
    /// A leader not to accept (the one just killed, whose old followers may still name it).
    pub not: Option<u64>,
    pub limit: Duration,
}

/// Asks the members' `/api/cluster/status` until `agreeing` of them name the same leader other
/// than `not`, and returns its id. `check` runs before every round and ends the wait with its
/// error (a member that exited, say).
pub async fn wait_for_leader(
    client: &reqwest::Client,
    wait: &LeaderWait<'_>,
    mut check: impl FnMut() -> anyhow::Result<()>,
) -> anyhow::Result<u64> {
    let started = Instant::now();
    while started.elapsed() < wait.limit {
        check()?;
        let mut named = Vec::new();
        for addr in wait.ask {
            let base = match addr.contains("://") {
                true => addr.clone(),
                false => format!("http://{addr}"),
            };
            let status = client
                .get(format!("{base}/api/cluster/status"))
                .send()
                .await;
            let Ok(status) = status else { continue };
            let Ok(status) = status.json::<ClusterStatusResponse>().await else {
                continue;
            };
            named.extend(status.leader_id.filter(|leader| Some(*leader) != wait.not));
        }
        let agreed = named
            .iter()
            .find(|leader| named.iter().filter(|other| other == leader).count() >= wait.agreeing);
        if let Some(leader) = agreed {
            return Ok(*leader);
        }
        tokio::time::sleep(POLL).await;
    }
    bail!("no leader was elected within {} s", wait.limit.as_secs())
}

/// Makes the member receive SIGINT ("the whole cluster is stopping") when its parent dies,
/// even by SIGKILL, which no handler of the parent's can catch.
///
/// Linux's parent-death signal is chosen over a pipe the member would watch: it needs no code
/// and no extra flag in the member, so a member started by hand behaves exactly the same. Its
/// catch is that it fires when the *thread* that forked exits, so members must be started from
/// a thread that lives as long as the parent: `main` awaits the launcher on the main thread.
pub fn die_with_parent(command: &mut Command) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;

        let parent = std::process::id() as libc::pid_t;
        // SAFETY: the closure runs in the child between fork and exec, so it may only make
        // async-signal-safe calls: prctl(2), getppid(2), and io::Error values that do not
        // allocate.
        unsafe {
            command.pre_exec(move || {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGINT) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // Had the parent died before prctl, no signal would ever come: we would
                // already have been handed to another parent.
                if libc::getppid() != parent {
                    return Err(std::io::Error::from_raw_os_error(libc::ESRCH));
                }
                Ok(())
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = command;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_members_take_the_ports_from_the_base_and_only_replicas_are_peers() {
        let layout = Layout::consecutive(8000, 3, true).unwrap();

        assert_eq!(layout.addr(1), "127.0.0.1:8000");
        assert_eq!(layout.url(4), "http://127.0.0.1:8003");
        assert!(!layout.member(4).voter);
        assert_eq!(
            layout.peers(),
            "1=127.0.0.1:8000,2=127.0.0.1:8001,3=127.0.0.1:8002"
        );
    }

    #[test]
    fn members_behind_proxies_are_peers_at_the_proxies_and_the_tally_advertises_its_own() {
        let layout = Layout::consecutive(8000, 3, true)
            .unwrap()
            .behind_proxies((1..=4).map(|id| (id, 9000 + id as u16)).collect());
        let launch = Launch {
            exe: Path::new("ballot"),
            data_dir: Path::new("/data"),
            admin_token: "an-admin-token-of-length",
            cluster_secret: ClusterSecret::Value("a-cluster-secret-of-length"),
        };

        let tally = layout.command(4, &launch);

        assert_eq!(
            layout.peers(),
            "1=127.0.0.1:9001,2=127.0.0.1:9002,3=127.0.0.1:9003"
        );
        let args: Vec<_> = tally.get_args().map(|a| a.to_str().unwrap()).collect();
        assert!(
            args.contains(&"127.0.0.1:8003"),
            "listens directly: {args:?}"
        );
        assert!(
            args.windows(2)
                .any(|w| w == ["--advertise", "127.0.0.1:9004"]),
            "{args:?}"
        );
    }

    #[test]
    fn a_base_port_without_room_for_every_member_is_refused() {
        assert!(Layout::consecutive(65_534, 3, false).is_err());
    }

    #[test]
    fn a_member_gets_its_secrets_through_the_environment_or_a_file_never_argv() {
        let layout = Layout::consecutive(8000, 3, true).unwrap();
        let launch = Launch {
            exe: Path::new("ballot"),
            data_dir: Path::new("/data"),
            admin_token: "an-admin-token-of-length",
            cluster_secret: ClusterSecret::File(Path::new("/data/cluster-secret")),
        };

        let command = layout.command(4, &launch);

        let args: Vec<_> = command.get_args().map(|a| a.to_str().unwrap()).collect();
        assert_eq!(args[0], "tally");
        assert!(args.contains(&"/data/node4"), "{args:?}");
        assert!(args.contains(&"/data/cluster-secret"), "{args:?}");
        assert!(
            !args.iter().any(|a| a.contains("an-admin-token")),
            "{args:?}"
        );
        let token = command
            .get_envs()
            .find(|(key, _)| *key == "BALLOT_ADMIN_TOKEN")
            .and_then(|(_, value)| value);
        assert_eq!(token.unwrap(), "an-admin-token-of-length");
    }

    #[test]
    fn free_ports_are_never_handed_out_twice_nor_from_the_kernels_ephemeral_range() {
        let (ephemeral_start, ephemeral_end) = ephemeral_ports();
        let mut seen = BTreeSet::new();
        for _ in 0..100 {
            let base = free_port_block(4).unwrap();
            for port in base..base + 4 {
                assert!(seen.insert(port), "port {port} handed out twice");
                assert!(
                    !(ephemeral_start..=ephemeral_end).contains(&port),
                    "port {port} is in the ephemeral range"
                );
            }
        }
        let single = free_port().unwrap();
        assert!(!seen.contains(&single));
    }
}
