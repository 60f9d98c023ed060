//! The `ballot` binary: parse the command line, set up logging, run the chosen subcommand.

use std::io::IsTerminal;

use anyhow::Context;
use ballot::config::Command;
use ballot::server::HandOver;
use tokio::signal::unix::{signal, Signal, SignalKind};
use tracing_subscriber::EnvFilter;

/// mimalloc: glibc's malloc and free were a sixth of a loaded leader's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,openraft=warn,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        // Colour codes only help a terminal; in a log file or journald they are noise.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    // The command line over the environment over the --config file (`config/file.rs`).
    match ballot::config::file::parse()?.command {
        Command::Node(mut args) => {
            args.resolve_secrets()?;
            run_node(args, true).await
        }
        Command::Tally(mut args) => {
            args.resolve_secrets()?;
            run_node(args, false).await
        }
        Command::Cluster(mut args) => {
            args.resolve_secrets()?;
            // Awaited here, on the main thread, not in a spawned task: the members' parent-death
            // signal follows the thread that started them (see `launcher`).
            ballot::launcher::run(args).await
        }
        Command::Config(args) => {
            print!("{}", args.effective.to_toml());
            Ok(())
        }
        Command::Bench(mut args) => {
            args.token.resolve_secrets()?;
            ballot::bench::run(args).await
        }
        Command::Audit(args) => ballot::audit::run(args).await,
        Command::Backup(mut args) => {
            args.token.resolve_secrets()?;
            ballot::backup::backup(args).await
        }
        Command::Restore(args) => ballot::backup::restore(args).await,
        Command::BenchFailover(args) => ballot::bench::failover::run(args).await,
        // On the main thread: its members' parent-death signal follows it.
        Command::BenchCatchup(args) => ballot::bench::catchup::run(args).await,
        Command::BenchCount(args) => ballot::bench::count::run(args),
        // On the main thread: its members' parent-death signal follows it.
        Command::BenchMail(args) => ballot::bench::mail::run(args).await,
        Command::BenchViewers(mut args) => {
            args.token.resolve_secrets()?;
            ballot::bench::viewers::run(args).await
        }
        // On the main thread too: the runner starts members whose parent-death signal follows it.
        Command::Chaos(args) => ballot::chaos::run(args).await,
        Command::Trustee(args) => ballot::secret_cli::run_trustee(args).await,
        Command::Vote(args) => ballot::secret_cli::vote::run(args).await,
        Command::BenchSecrecy(args) => ballot::bench::secrecy::run(args),
    }
}

async fn run_node(args: ballot::config::NodeArgs, voter: bool) -> anyhow::Result<()> {
    // Heartbeats and replication on a thread of their own (see `raft::runtime`).
    ballot::server::install_raft_runtime().context("starting the Raft runtime")?;
    // Listening before the "listening on" line: whoever reads it may signal us at once.
    let mut stop = StopSignals::listen()?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("binding {}", args.listen))?;
    let given_token = args.common.admin_token.is_some();
    let owner = match &args.owner_password_file {
        Some(file) => Some((
            args.owner_name.clone(),
            ballot::config::read_secret_file(file, "owner-password")?,
        )),
        None => None,
    };
    let node = ballot::server::start(args, listener, voter).await?;
    // Tests and the launcher read this line to learn the real port.
    say(&format!("listening on {}", node.url()));
    if !given_token && voter {
        say(&format!("admin token: {}", node.admin_token));
    }
    if voter {
        match owner {
            Some((name, password)) => node.create_first_owner(name, password),
            None => {
                if let Some(link) = node.first_owner_link() {
                    say(&format!("first owner: {link}"));
                }
            }
        }
    }
    let hand_over = stop.recv().await;
    tracing::info!(?hand_over, "shutting down");
    node.shutdown_with(hand_over).await;
    Ok(())
}

/// A line on stdout for whoever started the node. Whoever reads it may stop reading (a test
/// that took the address, a closed terminal): a node keeps running without its audience,
/// where `println!` would panic on the broken pipe.
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}

/// SIGINT and SIGTERM, and what each means for leadership.
///
/// SIGINT is what a terminal's Ctrl-C sends to the whole process group, and what the launcher
/// sends its members (also when it dies, through the parent-death signal): the whole cluster is
/// stopping, so a hand-over would have nobody to go to. SIGTERM is an operator or systemd
/// stopping this one member: hand leadership over so the others need no election.
struct StopSignals {
    interrupt: Signal,
    terminate: Signal,
}

impl StopSignals {
    fn listen() -> anyhow::Result<StopSignals> {
        Ok(StopSignals {
            interrupt: signal(SignalKind::interrupt()).context("listening for SIGINT")?,
            terminate: signal(SignalKind::terminate()).context("listening for SIGTERM")?,
        })
    }

    async fn recv(&mut self) -> HandOver {
        tokio::select! {
            _ = self.interrupt.recv() => HandOver::No,
            _ = self.terminate.recv() => HandOver::Yes,
        }
    }
}
