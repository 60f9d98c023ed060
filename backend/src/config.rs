//! Command-line configuration (clap). `ballot node --help` documents every flag.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};

/// The fewest characters a given admin token or cluster secret may have. Either one opens the
/// whole election to whoever holds it, so a short, guessable one is refused at start.
pub const MIN_SECRET_CHARS: usize = 16;
use crate::addresses::AddressSet;

mod backup;
mod bench;
pub mod file;
mod mail;
mod secrecy;
mod tls;
pub use backup::{BackupArgs, RestoreArgs};
pub use bench::{
    BenchArgs, BenchToken, BenchViewersArgs, CatchupArgs, CountArgs, FailoverArgs, MailBenchArgs,
};
pub use file::ConfigArgs;
pub use mail::MailArgs;
pub use secrecy::{
    DecryptArgs, KeygenArgs, SecrecyBenchArgs, ServerArgs, TrusteeArgs, TrusteeCommand,
    TrusteeToken, VoteArgs,
};
pub use tls::TlsArgs;

#[derive(Debug, Parser)]
#[command(
    name = "ballot",
    version,
    about = "Ballot: a replicated, event-sourced election server"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a voting replica (alone, or one of three with --peers).
    Node(NodeArgs),
    /// Run the tally server: a non-voting Raft learner that serves results and the tally screen.
    Tally(NodeArgs),
    /// Run the whole system on this machine: three replicas and the tally, each its own process.
    Cluster(ClusterArgs),
    /// Show the settings a node would run with: `ballot config --print` takes `node`'s flags
    /// (and --config) and prints them as TOML with each value's source, secrets masked.
    Config(ConfigArgs),
    /// Load generator: registers voters and casts votes concurrently, then prints figures.
    Bench(BenchArgs),
    /// Failover measurement: starts three replicas, SIGKILLs the leader a few times and prints
    /// how long writes were unavailable each time.
    BenchFailover(FailoverArgs),
    /// Catch-up measurement: starts three replicas, builds a log of --events events, wipes a
    /// follower and prints how long it took to catch up and the peak memory of the leader and
    /// of the wiped replica meanwhile.
    BenchCatchup(CatchupArgs),
    /// Live viewers: opens thousands of tally WebSockets on one node, casts votes and prints
    /// how long the last viewer waited for each vote's tally, and the node's memory per viewer.
    BenchViewers(BenchViewersArgs),
    /// Counting speed: IRV over a million random rankings and Scottish STV over a hundred
    /// thousand, in this process; prints the time of each count.
    BenchCount(CountArgs),
    /// Mail speed: starts three replicas and an SMTP sink, mails invitations to a roll of
    /// --voters and prints how long until every outcome was in the log.
    BenchMail(MailBenchArgs),
    /// Replays a member's event log from its database and prints the state and result it
    /// reproduces, with a digest of the log to compare across replicas.
    Audit(AuditArgs),
    /// Copies a running member's database without stopping writes, checks the copy (SHA-256,
    /// SQLite's integrity check, the log's replay) and writes it to --out.
    Backup(BackupArgs),
    /// Makes a data directory from a backup, for a single node or a member of a new cluster.
    Restore(RestoreArgs),
    /// Fault schedules: starts its own cluster behind fault-injecting proxies per schedule,
    /// runs simulated voters through kills, pauses, partitions, latency, wipes and skewed
    /// clocks, then checks that nothing acknowledged was lost or done twice.
    Chaos(ChaosArgs),
    /// A trustee of a verifiable election: `keygen` runs their part of the key ceremony,
    /// `decrypt` their share of the closed tally.
    Trustee(TrusteeArgs),
    /// Casts a ballot from the command line (sealed here in a verifiable election), or with
    /// --challenge prints a sealed ballot for Benaloh's check without casting it.
    Vote(VoteArgs),
    /// Secret-ballot speed: sealing, checking, tallying and decrypting, in this process.
    BenchSecrecy(SecrecyBenchArgs),
}

#[derive(Debug, Clone, Args)]
pub struct NodeArgs {
    /// This member's id in the cluster (replicas 1..=3, the tally 4).
    #[arg(long, default_value_t = 1)]
    pub id: u64,
    /// Address to listen on (port 0 picks a free port; the chosen one is printed).
    #[arg(long, default_value = "127.0.0.1:8000")]
    pub listen: SocketAddr,
    /// Directory holding this node's SQLite database (created if missing).
    #[arg(long, default_value = "./data/node1")]
    pub data_dir: PathBuf,
    #[command(flatten)]
    pub common: CommonArgs,
    /// How many vote commits are in flight at once; the rest wait in the queue.
    #[arg(long, default_value_t = 5)]
    pub max_concurrent_votes: usize,
    /// The most votes one commit carries: a free worker takes every waiting vote up to this,
    /// in queue order, and commits them as one Raft entry (1 turns batching off).
    #[arg(long, default_value_t = 512)]
    pub max_vote_batch: usize,
    /// How many votes may wait; beyond this a vote is refused with 503 and Retry-After.
    #[arg(long, default_value_t = 1000)]
    pub vote_queue_capacity: usize,
    /// How far before the server's receive time a client's click time is still trusted.
    #[arg(long, default_value_t = 10_000)]
    pub grace_ms: u64,
    /// The cluster's voting members as `1=host:port,2=host:port,3=host:port`. Without it the
    /// node is a one-member cluster.
    #[arg(long, value_parser = parse_peers)]
    pub peers: Option<Peers>,
    /// Shared secret required on the internal /raft routes (at least 16 characters). Prefer
    /// --cluster-secret-file: argv is visible to every local user.
    #[arg(long, env = "BALLOT_CLUSTER_SECRET")]
    pub cluster_secret: Option<String>,
    /// File holding the cluster secret (a trailing newline is ignored).
    #[arg(
        long,
        env = "BALLOT_CLUSTER_SECRET_FILE",
        conflicts_with = "cluster_secret"
    )]
    pub cluster_secret_file: Option<PathBuf>,
    /// Starts this node with its clock deliberately wrong by this many ms (demos and tests of
    /// Berkeley synchronisation).
    #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
    pub clock_skew_ms: i64,
    /// How often the leader runs a Berkeley clock synchronisation round.
    #[arg(long, default_value_t = 5_000)]
    pub clock_sync_ms: u64,
    /// The address other members reach this one at (default: its entry in --peers, else
    /// --listen). Needed for the tally when it listens on 0.0.0.0.
    #[arg(long)]
    pub advertise: Option<String>,
    /// Most WebSocket connections this node holds; beyond, an upgrade is refused with 503 and
    /// Retry-After.
    #[arg(long, default_value_t = 20_000)]
    pub max_ws_connections: usize,
    /// Most WebSocket connections from one client address (IPv6: one /64), enough for a school
    /// behind one NAT address; beyond, 429 and Retry-After. Exempt addresses are not capped.
    #[arg(long, default_value_t = 1_000)]
    pub max_ws_per_address: usize,
    /// Refused register/login attempts one address may make per minute (the same burst);
    /// once used up, every attempt from it gets 429 until one refills. Successful ones never
    /// count.
    #[arg(long, default_value = "20")]
    pub failed_attempts_per_minute: NonZeroU32,
    /// Comma-separated IPs or CIDR blocks no per-address limit applies to (the failed-attempt
    /// limiter and the WebSocket cap per address). An empty value exempts nothing.
    #[arg(long, default_value = "127.0.0.0/8,::1")]
    pub rate_limit_exempt: AddressSet,
    /// Makes the first owner account with the password in this file (a trailing newline is
    /// ignored) once the cluster has a leader, unless an account already exists. Without it a
    /// node prints a one-time setup link while no account exists.
    #[arg(long, env = "BALLOT_OWNER_PASSWORD_FILE")]
    pub owner_password_file: Option<PathBuf>,
    /// The first owner's name, with --owner-password-file.
    #[arg(long, env = "BALLOT_OWNER_NAME", default_value = "owner")]
    pub owner_name: String,
    /// The local address this member's connections to other members leave from (the Raft
    /// RPCs and the members' own routes). Only `ballot chaos` needs it: its fault-injecting
    /// proxies tell members apart by it (member N leaves from 127.0.0.1N).
    #[arg(long, hide = true)]
    pub source_ip: Option<std::net::IpAddr>,
}

/// The flags a member takes and `ballot cluster` hands on to each of its members.
#[derive(Debug, Clone, Default, Args)]
pub struct CommonArgs {
    /// A TOML file of settings: every flag's long name with `_` for `-` as a key. The
    /// environment (`BALLOT_<KEY>`) and the command line override it.
    #[arg(long, env = "BALLOT_CONFIG")]
    pub config: Option<PathBuf>,
    /// Bearer token for the admin API (at least 16 characters). Without it a random one is
    /// generated and printed. Prefer --admin-token-file: argv is visible to every local user.
    #[arg(long, env = "BALLOT_ADMIN_TOKEN")]
    pub admin_token: Option<String>,
    /// File holding the admin token (a trailing newline is ignored).
    #[arg(long, env = "BALLOT_ADMIN_TOKEN_FILE", conflicts_with = "admin_token")]
    pub admin_token_file: Option<PathBuf>,
    /// Directory of the built dashboards (trunk's dist/) to serve at /, /admin and /tally.
    #[arg(long)]
    pub dist: Option<PathBuf>,
    #[command(flatten)]
    pub mail: MailArgs,
    #[command(flatten)]
    pub tls: TlsArgs,
}

impl CommonArgs {
    /// Reads `--admin-token-file` into `admin_token` and checks the token's length.
    fn resolve_admin_token(&mut self) -> anyhow::Result<()> {
        resolve_secret(
            &mut self.admin_token,
            &mut self.admin_token_file,
            "admin-token",
        )
    }
}

impl NodeArgs {
    /// Reads the secret files into `admin_token` and `cluster_secret` (and clears the file
    /// fields), then refuses secrets shorter than [`MIN_SECRET_CHARS`]. `main` calls it before
    /// `server::start`, which only ever sees resolved values.
    pub fn resolve_secrets(&mut self) -> anyhow::Result<()> {
        self.common.resolve_admin_token()?;
        resolve_secret(
            &mut self.cluster_secret,
            &mut self.cluster_secret_file,
            "cluster-secret",
        )
    }
}

impl ClusterArgs {
    /// As [`NodeArgs::resolve_secrets`], for the admin token the launcher hands its members.
    pub fn resolve_secrets(&mut self) -> anyhow::Result<()> {
        self.common.resolve_admin_token()
    }
}

/// One secret given at most one way (clap refuses two): its value on argv or in the
/// environment, or `--FLAG-file`. Leaves the value in `value` and checks its length.
fn resolve_secret(
    value: &mut Option<String>,
    file: &mut Option<PathBuf>,
    flag: &str,
) -> anyhow::Result<()> {
    let source = match file.take() {
        Some(path) => {
            *value = Some(read_secret_file(&path, flag)?);
            format!("--{flag}-file {}", path.display())
        }
        None => format!("--{flag} (or {})", env_name(flag)),
    };
    if let Some(secret) = value {
        let chars = secret.chars().count();
        if chars < MIN_SECRET_CHARS {
            bail!(
                "the {} given by {source} has {chars} characters; at least {MIN_SECRET_CHARS} \
                 are required",
                flag.replace('-', " ")
            );
        }
    }
    Ok(())
}

/// The file's contents without the trailing newline an editor or `echo` leaves.
pub fn read_secret_file(path: &std::path::Path, flag: &str) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading --{flag}-file {}", path.display()))?;
    Ok(text.trim_end_matches(['\r', '\n']).to_string())
}

/// `admin-token` becomes `BALLOT_ADMIN_TOKEN`, the variable clap reads for that flag.
fn env_name(flag: &str) -> String {
    format!("BALLOT_{}", flag.replace('-', "_").to_uppercase())
}

/// Members of the cluster: id and address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peers(pub Vec<(u64, String)>);

fn parse_peers(text: &str) -> Result<Peers, String> {
    let mut peers = Vec::new();
    for part in text.split(',').filter(|p| !p.trim().is_empty()) {
        let (id, addr) = part
            .split_once('=')
            .ok_or_else(|| format!("{part:?} is not of the form ID=HOST:PORT"))?;
        let id: u64 = id
            .trim()
            .parse()
            .map_err(|_| format!("{id:?} is not a member id"))?;
        let addr = addr.trim();
        if !addr.contains(':') {
            return Err(format!("{addr:?} is not HOST:PORT"));
        }
        peers.push((id, addr.to_string()));
    }
    if peers.is_empty() {
        return Err("no peers given".into());
    }
    Ok(Peers(peers))
}

#[derive(Debug, Clone, Args)]
pub struct ClusterArgs {
    /// Replicas listen on P, P+1, P+2 and the tally on P+3.
    #[arg(long, default_value_t = 8000)]
    pub base_port: u16,
    /// Each member keeps its database under DIR/nodeN.
    #[arg(long, default_value = "./data")]
    pub data_dir: PathBuf,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Clone, Args)]
pub struct AuditArgs {
    /// A member's data directory (its `ballot.sqlite3` is opened read-only in spirit: nothing
    /// is written to the event table).
    #[arg(long, required_unless_present = "url", conflicts_with = "url")]
    pub data_dir: Option<PathBuf>,
    /// Audit an election's public log over HTTP from any replica or the tally instead
    /// (needs --election): every line, the checkpoint's signatures, the recount.
    #[arg(long, requires = "election")]
    pub url: Option<String>,
    /// Report only this election (every election by default).
    #[arg(long)]
    pub election: Option<String>,
    /// Receipts to check, one receipt JSON per line (those of --election).
    #[arg(long, requires = "election")]
    pub receipts: Option<PathBuf>,
    /// An earlier checkpoint (JSON) the log must extend (consistency proof).
    #[arg(long, requires = "election")]
    pub since: Option<PathBuf>,
    /// The CA that signed the members' certificates, for an `https://` --url (the members'
    /// --tls-ca).
    #[arg(long, requires = "url")]
    pub tls_ca: Option<PathBuf>,
    /// Benaloh's check of a ballot the voter checked instead of casting (the JSON the voter
    /// page shows, or `ballot vote --challenge` prints), against the election's key and log.
    #[arg(long, requires = "url")]
    pub challenge: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ChaosArgs {
    /// How many schedules to run, with seeds S, S+1, …
    #[arg(long, default_value_t = 1)]
    pub schedules: u64,
    /// The first schedule's seed; a seed always draws the same schedule of faults.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Members listen on P..P+3 and their proxies on P+4..P+7 (default: free ports).
    #[arg(long)]
    pub base_port: Option<u16>,
    /// Each schedule keeps its members' data and logs in DIR/seed-S, deleted if it passes.
    #[arg(long, default_value = "./data/chaos")]
    pub data_dir: PathBuf,
    /// How long each schedule's load and faults last.
    #[arg(long, default_value_t = 12)]
    pub duration_secs: u64,
    /// How many simulated voters run at once.
    #[arg(long, default_value_t = 60)]
    pub voters: usize,
    /// Keep every schedule's data, logs and history, not only a failing one's.
    #[arg(long)]
    pub keep: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("ballot").chain(args.iter().copied()))
    }

    #[test]
    fn a_secret_file_loses_its_trailing_newline_and_fills_the_value() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("secret");
        std::fs::write(&file, "a-cluster-secret-of-some-length\r\n").unwrap();
        let path = file.to_str().unwrap();
        let Command::Tally(mut args) = parse(&["tally", "--cluster-secret-file", path])
            .unwrap()
            .command
        else {
            panic!("parsed as tally");
        };

        args.resolve_secrets().unwrap();

        assert_eq!(
            args.cluster_secret.as_deref(),
            Some("a-cluster-secret-of-some-length")
        );
        assert_eq!(args.cluster_secret_file, None);
    }

    #[test]
    fn a_short_secret_is_refused_naming_its_flag() {
        let Command::Node(mut args) = parse(&["node", "--cluster-secret", "short"])
            .unwrap()
            .command
        else {
            panic!("parsed as node");
        };

        let error = args.resolve_secrets().unwrap_err().to_string();

        assert!(error.contains("--cluster-secret"), "{error}");
    }

    #[test]
    fn bench_takes_its_admin_token_from_a_file_instead_of_argv() {
        assert!(parse(&["bench", "--admin-token-file", "/run/token"]).is_ok());
        assert!(parse(&["bench", "--admin-token", "t", "--admin-token-file", "f"]).is_err());
    }
}
