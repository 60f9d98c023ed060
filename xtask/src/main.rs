//! The project's two commands (the cargo-xtask convention):
//!
//! - `cargo xtask run`: installs what is missing, builds the dashboards and the server in
//!   release, and starts the whole system (three replicas and the tally) under `./data`.
//! - `cargo xtask test`: installs what is missing, builds the dashboards, and runs every test:
//!   the workspace's unit, integration, cluster and browser tests, then the wasm unit tests in
//!   headless Chromium.
//! - `cargo xtask fuzz --cases N [--seed S]`: the API fuzzer (`tests/fuzz`) in release, with
//!   N cases instead of the normal test run's 10,000.
//! - `cargo xtask sizes [--browser]`: builds the dashboards and prints what each page's first
//!   load fetches, in bytes, gzipped, brotli-compressed, and as sent to a browser that accepts
//!   `gzip, deflate, br`; `--browser` also loads each page in headless Chromium and prints its
//!   time to interactive (the e2e test `first_loads`).
//!
//! The dashboards are four wasm apps built by trunk and assembled into `dist/`
//! ([`dashboards`]), each file with a brotli and a gzip twin beside it ([`precompress`]).
//!
//! Every set-up step checks first and skips what is already there, so a second run costs nothing.
//! The versions here follow the offline toolchain recipe (`shared/TOOLCHAIN.md` of the team).

mod dashboards;
mod imports;
mod precompress;
mod setup;
mod supervise;

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "xtask", about = "Ballot's project commands")]
struct Cli {
    #[command(subcommand)]
    command: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Run the whole system: replicas on 8000-8002, tally on 8003, data under ./data.
    Run {
        #[arg(long, default_value_t = 8000)]
        base_port: u16,
        #[arg(long, default_value = "data")]
        data_dir: PathBuf,
        /// Use this admin token (at least 16 characters) instead of a random one.
        #[arg(long, env = "BALLOT_ADMIN_TOKEN")]
        admin_token: Option<String>,
        #[command(flatten)]
        mail: MailFlags,
    },
    /// Run every test (what CI runs).
    Test,
    /// Only install the tools and build the dashboards.
    Setup,
    /// Build the dashboards and print each page's first-load files: bytes, gzipped bytes,
    /// brotli bytes, and the bytes a node sends a browser that accepts `gzip, deflate, br`.
    Sizes {
        /// Also load each page in headless Chromium and print its time to interactive.
        #[arg(long)]
        browser: bool,
    },
    /// Fuzz the API in release: hostile request sequences against in-process nodes
    /// (`tests/fuzz`), with every answer and the election checked after each case.
    Fuzz {
        /// How many cases (each 1 to 20 requests) to run.
        #[arg(long, default_value_t = 100_000)]
        cases: u64,
        /// The seed of a run to repeat (printed by every run); without it, one is drawn.
        #[arg(long)]
        seed: Option<u64>,
    },
}

/// The mail settings `ballot cluster` hands on to its members (see `ballot node --help`).
#[derive(clap::Args)]
struct MailFlags {
    /// The SMTP server mail to voters goes through (`smtp://host:port`,
    /// `smtp+starttls://user:password@host:587`, `smtps://…`).
    #[arg(long, env = "BALLOT_SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender voters see, as `Name <address>`.
    #[arg(long, env = "BALLOT_MAIL_FROM")]
    mail_from: Option<String>,
    /// The address voters open (the links in mails start with it).
    #[arg(long, env = "BALLOT_PUBLIC_URL")]
    public_url: Option<String>,
    /// The most mails the leader sends per second.
    #[arg(long, env = "BALLOT_MAIL_RATE")]
    mail_rate: Option<u32>,
}

impl MailFlags {
    /// As environment variables: a password in the SMTP URL stays off every command line.
    fn apply(self, command: &mut Command, base_port: u16) {
        let public_url = self
            .public_url
            .unwrap_or_else(|| format!("http://localhost:{base_port}"));
        command.env("BALLOT_PUBLIC_URL", public_url);
        let vars = [
            ("BALLOT_SMTP_URL", self.smtp_url),
            ("BALLOT_MAIL_FROM", self.mail_from),
            ("BALLOT_MAIL_RATE", self.mail_rate.map(|r| r.to_string())),
        ];
        for (name, value) in vars {
            if let Some(value) = value {
                command.env(name, value);
            }
        }
    }
}

fn main() -> Result<()> {
    let root = project_root();
    std::env::set_current_dir(&root)?;
    match Cli::parse().command {
        Task::Setup => {
            setup::ensure_all(&root, true)?;
            dashboards::build(&root)
        }
        Task::Run {
            base_port,
            data_dir,
            admin_token,
            mail,
        } => {
            setup::ensure_all(&root, false)?;
            dashboards::build(&root)?;
            run(cargo().args(["build", "--release", "-p", "backend", "--bin", "ballot"]))?;
            let mut command = Command::new(root.join("target/release/ballot"));
            command
                .args(["cluster", "--base-port", &base_port.to_string()])
                .arg("--data-dir")
                .arg(&data_dir)
                .arg("--dist")
                .arg(root.join("dist"));
            if let Some(token) = admin_token {
                // Through the environment: argv is readable by every local user.
                command.env("BALLOT_ADMIN_TOKEN", token);
            }
            command.env("PATH", setup::tool_path());
            println!("xtask: {command:?}");
            // After the print: the SMTP URL may hold a password.
            mail.apply(&mut command, base_port);
            let status = supervise::run_until_stopped(&mut command)?;
            if !status.success() {
                bail!("ballot cluster failed ({status})");
            }
            Ok(())
        }
        Task::Fuzz { cases, seed } => fuzz(cases, seed),
        Task::Sizes { browser } => {
            setup::ensure_all(&root, browser)?;
            dashboards::build(&root)?;
            dashboards::print_sizes(&root)?;
            if browser {
                // The figures go straight to stderr, past the test harness's capture.
                run(cargo().args(["test", "-p", "backend", "--test", "e2e", "first_loads"]))?;
            }
            Ok(())
        }
        Task::Test => {
            // Layering first: it takes a moment and says more than a failed build would.
            imports::check(&root.join("backend/src"))?;
            setup::ensure_all(&root, true)?;
            dashboards::build(&root)?;
            run(cargo().args(["build", "-p", "backend", "--bin", "ballot"]))?;
            run(cargo().args(["test", "-p", "shared", "-p", "backend", "-p", "xtask"]))?;
            run(cargo()
                .args([
                    "test",
                    "-p",
                    "frontend",
                    "--target",
                    "wasm32-unknown-unknown",
                ])
                .env("CHROMEDRIVER", "/usr/bin/chromedriver")
                .env(
                    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                    "wasm-bindgen-test-runner",
                ))?;
            println!("xtask: every test passed");
            Ok(())
        }
    }
}

/// Runs the fuzz test binary in release with `cases` cases and prints what it ran: the cases,
/// the requests, the time taken, the failures and the seed that repeats the run.
fn fuzz(cases: u64, seed: Option<u64>) -> Result<()> {
    let mut command = cargo();
    command
        .args(["test", "--release", "-p", "backend", "--test", "fuzz"])
        .args(["--", "--nocapture", "--test-threads", "1"])
        .env("BALLOT_FUZZ_CASES", cases.to_string());
    if let Some(seed) = seed {
        command.env("BALLOT_FUZZ_SEED", seed.to_string());
    }
    let started = std::time::Instant::now();
    let outcome = run(&mut command);
    let took = started.elapsed().as_secs_f64();
    match &outcome {
        Ok(()) => {
            println!("xtask: fuzzed {cases} cases in {took:.0} s (build included): no failure")
        }
        Err(_) => println!(
            "xtask: the fuzz run failed after {took:.0} s; its `fuzz: FAILED` lines above name \
             the case, and `fuzz:` lines the seed to repeat it with --seed"
        ),
    }
    outcome
}

fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Runs a command with the tools' folders first on PATH, failing on a non-zero exit.
fn run(command: &mut Command) -> Result<()> {
    command.env("PATH", setup::tool_path());
    let shown = format!("{command:?}");
    println!("xtask: {shown}");
    let status = command
        .status()
        .with_context(|| format!("starting {shown}"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}
