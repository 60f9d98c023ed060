//! The load generators' flags: `bench`, `bench-failover`, `bench-catchup`, `bench-viewers`,
//! `bench-count` and `bench-mail`.

use std::path::PathBuf;

use clap::Args;

use super::read_secret_file;

#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// Base URLs of the nodes to spread the load over (comma-separated).
    #[arg(long, default_value = "http://127.0.0.1:8000", value_delimiter = ',')]
    pub targets: Vec<String>,
    #[command(flatten)]
    pub token: BenchToken,
    /// How many voters to register and have vote.
    #[arg(long, default_value_t = 2000)]
    pub voters: usize,
    /// How many clients vote at the same time.
    #[arg(long, default_value_t = 64)]
    pub concurrency: usize,
    /// After voting, import a roll of this many voters into a new election in one request
    /// and print the time it took (0 skips it). With --events: the rows of each import
    /// request (1 to 100,000).
    #[arg(long, default_value_t = 100_000)]
    pub import_voters: usize,
    /// Instead of the default election's bench: grow the log by at least this many events
    /// (rolls imported into a new credential election, then --voters of them log in and vote
    /// with --concurrency) and print events/s. Any election may be in any phase.
    #[arg(long)]
    pub events: Option<u64>,
    /// With --events: import requests in flight at once, spread over the targets.
    #[arg(long, default_value_t = 2)]
    pub import_concurrency: usize,
    /// Vote on a new election of this many questions (plurality, approval, IRV, STV and
    /// Schulze in turn, 12 candidates each) instead of the default election's one question.
    #[arg(long, default_value_t = 0)]
    pub questions: usize,
}

/// `ballot bench-mail`: a whole roll mailed through three replicas.
#[derive(Debug, Clone, Args)]
pub struct MailBenchArgs {
    /// Replicas listen on P, P+1, P+2.
    #[arg(long, default_value_t = 8750)]
    pub base_port: u16,
    /// Where the replicas keep their data and logs (wiped first).
    #[arg(long, default_value = "./data/mail-bench")]
    pub data_dir: PathBuf,
    /// Voters on the roll, each mailed an invitation.
    #[arg(long, default_value_t = 10_000)]
    pub voters: usize,
    /// The replicas' --mail-rate (mails per second).
    #[arg(long, default_value_t = 1_000)]
    pub mail_rate: u32,
    /// An SMTP server to send through; without it an aiosmtpd sink is started on a free port.
    #[arg(long)]
    pub smtp_url: Option<String>,
    /// Give up if mails are still queued after this many seconds.
    #[arg(long, default_value_t = 1_800)]
    pub timeout_secs: u64,
}

/// `ballot bench-count`: the counting rules alone.
#[derive(Debug, Clone, Args)]
pub struct CountArgs {
    /// Rankings counted by IRV.
    #[arg(long, default_value_t = 1_000_000)]
    pub irv_ballots: usize,
    /// Rankings counted by Scottish STV.
    #[arg(long, default_value_t = 100_000)]
    pub stv_ballots: usize,
    #[arg(long, default_value_t = 12)]
    pub candidates: u32,
    /// STV's seats.
    #[arg(long, default_value_t = 4)]
    pub seats: u32,
    /// The random ballots' seed.
    #[arg(long, default_value_t = 2027)]
    pub seed: u64,
}

#[derive(Debug, Clone, Args)]
pub struct CatchupArgs {
    /// Replicas listen on P, P+1, P+2.
    #[arg(long, default_value_t = 8700)]
    pub base_port: u16,
    /// Where the replicas keep their data and logs (wiped first unless --reuse).
    #[arg(long, default_value = "./data/catchup-bench")]
    pub data_dir: PathBuf,
    /// Keep the log already in --data-dir and add only what is missing to reach --events.
    #[arg(long)]
    pub reuse: bool,
    /// Events the log must hold (at least) before a follower is wiped.
    #[arg(long, default_value_t = 100_000)]
    pub events: u64,
    /// Rows per roll import request while building the log (1 to 100,000); smaller imports
    /// make more Raft entries (a snapshot is built every 5,000).
    #[arg(long, default_value_t = 100_000)]
    pub import_voters: usize,
    /// Import requests in flight at once while building the log.
    #[arg(long, default_value_t = 2)]
    pub import_concurrency: usize,
    /// Imported voters who log in and vote while building the log.
    #[arg(long, default_value_t = 2000)]
    pub voters: usize,
    /// Voters logging in and voting at once while building the log.
    #[arg(long, default_value_t = 64)]
    pub concurrency: usize,
    /// Give up if the wiped replica has not caught up within this many seconds.
    #[arg(long, default_value_t = 600)]
    pub timeout_secs: u64,
}

#[derive(Debug, Clone, Args)]
pub struct FailoverArgs {
    /// Replicas listen on P, P+1, P+2.
    #[arg(long, default_value_t = 8600)]
    pub base_port: u16,
    /// Where the replicas keep their data (wiped first).
    #[arg(long, default_value = "./data/failover-bench")]
    pub data_dir: PathBuf,
    /// How many times to kill the leader.
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
    /// Stop the leader cleanly (SIGTERM: it hands leadership over first) instead of SIGKILL.
    #[arg(long)]
    pub graceful: bool,
}

/// The admin token a load generator presents, to register voters and to set up and open
/// elections.
#[derive(Debug, Clone, Args)]
pub struct BenchToken {
    /// The admin token, to register voters, set up and open the election.
    #[arg(
        long,
        env = "BALLOT_ADMIN_TOKEN",
        required_unless_present = "admin_token_file"
    )]
    pub admin_token: Option<String>,
    /// File holding the admin token (a trailing newline is ignored).
    #[arg(long, env = "BALLOT_ADMIN_TOKEN_FILE", conflicts_with = "admin_token")]
    pub admin_token_file: Option<PathBuf>,
}

impl BenchToken {
    /// As [`NodeArgs::resolve_secrets`]; the length is not checked here, since the nodes
    /// already refuse short tokens and the bench only presents the one they hold.
    pub fn resolve_secrets(&mut self) -> anyhow::Result<()> {
        if let Some(path) = self.admin_token_file.take() {
            self.admin_token = Some(read_secret_file(&path, "admin-token")?);
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Args)]
pub struct BenchViewersArgs {
    /// Base URL of the node the viewers watch and the votes go to (a local process: its
    /// memory is read from /proc).
    #[arg(long, default_value = "http://127.0.0.1:8300")]
    pub target: String,
    /// How many tally viewers to open.
    #[arg(long, default_value_t = 10_000)]
    pub viewers: usize,
    /// The election to watch and vote in; it must be in setup, allow self-registration and
    /// log in by name and id (the original election does).
    #[arg(long, default_value = "default")]
    pub election: String,
    /// How many votes to cast (one at a time), each timed to its last viewer.
    #[arg(long, default_value_t = 200)]
    pub votes: usize,
    #[command(flatten)]
    pub token: BenchToken,
    /// The node's process id (found from the target's port when not given).
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// Pause between two votes, in milliseconds (0 casts them back to back).
    #[arg(long, default_value_t = 50)]
    pub interval_ms: u64,
    /// How many viewers connect at the same time.
    #[arg(long, default_value_t = 256)]
    pub connect_concurrency: usize,
    /// Other voters' votes per second cast in the background while the timed votes are (0:
    /// none), so the delays are measured under a vote load on the same machine.
    #[arg(long, default_value_t = 0)]
    pub load_votes_per_sec: u64,
    /// How many background voters to register for the load (it stops when they have all
    /// voted).
    #[arg(long, default_value_t = 20_000)]
    pub load_voters: usize,
    /// How many background votes may be in flight at once.
    #[arg(long, default_value_t = 64)]
    pub load_concurrency: usize,
}
