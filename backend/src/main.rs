//! The `ballot` binary: parse the command line, set up logging, run the chosen subcommand.

use anyhow::Context;
use ballot::config::{Cli, Command};
use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,openraft=warn,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Node(args) => run_node(args, true).await,
        Command::Tally(args) => run_node(args, false).await,
        Command::Cluster(args) => ballot::launcher::run(args).await,
        Command::Bench(args) => ballot::bench::run(args).await,
        Command::Audit(args) => ballot::audit::run(args).await,
        Command::BenchFailover(args) => ballot::bench::failover::run(args).await,
    }
}

async fn run_node(args: ballot::config::NodeArgs, voter: bool) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("binding {}", args.listen))?;
    let given_token = args.admin_token.is_some();
    let node = ballot::server::start(args, listener, voter).await?;
    // Tests and the launcher read this line to learn the real port.
    println!("listening on {}", node.url());
    if !given_token && voter {
        println!("admin token: {}", node.admin_token);
    }
    stop_signal().await?;
    tracing::info!("shutting down");
    node.shutdown().await;
    Ok(())
}

/// Ctrl-C or SIGTERM (what the launcher sends its members).
async fn stop_signal() -> anyhow::Result<()> {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        result = tokio::signal::ctrl_c() => result.context("waiting for Ctrl-C"),
        _ = terminate.recv() => Ok(()),
    }
}
