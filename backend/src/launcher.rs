//! `ballot cluster`: the whole system on one machine. Three replicas on P, P+1, P+2 and the
//! tally learner on P+3, each its own OS process (exactly what one would start by hand on three
//! hosts), data under DIR/nodeN. Waits for a leader, prints the URLs, and stops everything
//! cleanly on Ctrl-C or SIGTERM; the members also stop if the launcher is killed.
//!
//! - [`members`]: starting the member processes (through [`crate::local_cluster`], with the
//!   parent-death signal) and stopping them together.

mod members;

use std::fs::{OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use tokio::signal::unix::{signal, SignalKind};

use crate::config::ClusterArgs;
use crate::local_cluster::{wait_for_leader, ClusterSecret, Launch, Layout, LeaderWait};
use crate::secrets::new_token;
use crate::tls::PeerTls;

use members::Members;

/// How long the members get to stop cleanly before they are SIGKILLed.
const STOP_LIMIT: Duration = Duration::from_secs(10);

/// Runs the cluster until SIGINT or SIGTERM; `args` must have been through
/// [`ClusterArgs::resolve_secrets`].
pub async fn run(args: ClusterArgs) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("finding the ballot binary")?;
    let admin_token = args.common.admin_token.clone().unwrap_or_else(new_token);
    let secret_file = cluster_secret_file(&args.data_dir)?;
    let layout = Layout::consecutive(args.base_port, 3, true)?;
    // Checked here too, so that a bad file stops the launcher before four members fail on it.
    let tls = args.common.tls.load(true)?;
    let peers = tls.map(|tls| tls.peers).unwrap_or_default();
    // Listening before the members exist, so a signal during start-up still stops them.
    let mut interrupt = signal(SignalKind::interrupt()).context("listening for SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("listening for SIGTERM")?;
    let launch = Launch {
        exe: &exe,
        data_dir: &args.data_dir,
        admin_token: &admin_token,
        cluster_secret: ClusterSecret::File(&secret_file),
    };
    let mut mail = args.common.mail.env();
    mail.extend(args.common.tls.env());
    let (dist, config) = (args.common.dist.as_deref(), args.common.config.as_deref());
    let mut members = Members::start(&layout, &launch, dist, config, &mail)?;
    let started = tokio::select! {
        leader = wait_for_first_leader(&layout, &peers, &mut members) => Some(leader),
        _ = interrupt.recv() => None,
        _ = terminate.recv() => None,
    };
    let leader = match started {
        Some(Ok(leader)) => leader,
        Some(Err(error)) => {
            members.stop(STOP_LIMIT).await;
            return Err(error);
        }
        None => {
            println!("stopping…");
            members.stop(STOP_LIMIT).await;
            return Ok(());
        }
    };
    print_welcome(&args, &layout, &peers, leader, &admin_token);
    tokio::select! {
        _ = interrupt.recv() => {}
        _ = terminate.recv() => {}
    }
    println!("stopping…");
    members.stop(STOP_LIMIT).await;
    Ok(())
}

/// Asks member 1 for the cluster status until it names a leader, failing as soon as a member
/// exits.
async fn wait_for_first_leader(
    layout: &Layout,
    tls: &PeerTls,
    members: &mut Members,
) -> anyhow::Result<u64> {
    // The members are on loopback: a proxy from HTTP_PROXY would never reach them.
    let client = tls.client(reqwest::Client::builder().no_proxy()).build()?;
    let wait = LeaderWait {
        ask: &[tls.url(&layout.addr(1), "")],
        agreeing: 1,
        not: None,
        limit: Duration::from_secs(60),
    };
    wait_for_leader(&client, &wait, || members.check_running()).await
}

fn print_welcome(args: &ClusterArgs, layout: &Layout, tls: &PeerTls, leader: u64, token: &str) {
    let url = |id: u64, path: &str| tls.url(&layout.addr(id), path);
    println!();
    println!("Ballot is running: three replicas and the tally server (leader: node {leader}).");
    for id in 1..=3 {
        println!(
            "  replica {id}:  voter {}   admin {}",
            url(id, "/"),
            url(id, "/admin")
        );
    }
    println!("  tally:      {}", url(4, "/tally"));
    println!("  admin token: {token}");
    println!("  data: {}", args.data_dir.display());
    println!("  mail: {}", args.common.mail.describe());
    println!("Press Ctrl-C to stop.");
}

/// The file holding the secret the members share, created on first start with mode 0600 and
/// kept in the data directory so a restart reuses it. Returns its path.
fn cluster_secret_file(data_dir: &Path) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;
    let path = data_dir.join("cluster-secret");
    let created = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path);
    match created {
        Ok(mut file) => file
            .write_all(new_token().as_bytes())
            .with_context(|| format!("writing {}", path.display()))?,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            // Launchers before this one wrote it with the umask's mode, often world-readable.
            std::fs::set_permissions(&path, Permissions::from_mode(0o600))
                .with_context(|| format!("making {} private", path.display()))?;
        }
        Err(error) => {
            return Err(error).with_context(|| format!("creating {}", path.display()));
        }
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_cluster_secret_file_is_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = cluster_secret_file(dir.path()).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert!(std::fs::read_to_string(&path).unwrap().len() >= 16);
    }

    #[test]
    fn an_existing_world_readable_cluster_secret_file_is_made_private_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cluster-secret");
        std::fs::write(&path, "an-older-cluster-secret").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o644)).unwrap();
        assert_eq!(cluster_secret_file(dir.path()).unwrap(), path);
        assert_eq!(mode(&path), 0o600);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "an-older-cluster-secret"
        );
    }
}
