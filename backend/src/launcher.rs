//! `ballot cluster`: the whole system on one machine. Three replicas on P, P+1, P+2 and the
//! tally learner on P+3, each its own OS process (exactly what one would start by hand on three
//! hosts), data under DIR/nodeN. Waits for a leader, prints the URLs, and stops everything
//! cleanly on Ctrl-C or SIGTERM; the members also stop if the launcher is killed.
//!
//! - [`members`]: starting the member processes (secrets off argv, parent-death signal) and
//!   stopping them together.

mod members;

use std::fs::{OpenOptions, Permissions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use tokio::signal::unix::{signal, SignalKind};

use crate::config::ClusterArgs;
use crate::secrets::new_token;

use members::{Launch, Members};

/// How long the members get to stop cleanly before they are SIGKILLed.
const STOP_LIMIT: Duration = Duration::from_secs(10);

/// Runs the cluster until SIGINT or SIGTERM; `args` must have been through
/// [`ClusterArgs::resolve_secrets`].
pub async fn run(args: ClusterArgs) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("finding the ballot binary")?;
    let admin_token = args.admin_token.clone().unwrap_or_else(new_token);
    let secret_file = cluster_secret_file(&args.data_dir)?;
    let addr = |id: u16| format!("127.0.0.1:{}", args.base_port + id - 1);
    let peers = (1..=3)
        .map(|id| format!("{id}={}", addr(id)))
        .collect::<Vec<_>>()
        .join(",");
    // Listening before the members exist, so a signal during start-up still stops them.
    let mut interrupt = signal(SignalKind::interrupt()).context("listening for SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("listening for SIGTERM")?;
    let launch = Launch {
        exe: &exe,
        peers: &peers,
        admin_token: &admin_token,
        secret_file: &secret_file,
        dist: args.dist.as_deref(),
    };
    let mut members = Members::start(&launch, &args.data_dir, addr)?;
    let first = addr(1);
    let started = tokio::select! {
        leader = wait_for_leader(&first, Duration::from_secs(60), &mut members) => Some(leader),
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
    print_welcome(&args, &addr, leader, &admin_token);
    tokio::select! {
        _ = interrupt.recv() => {}
        _ = terminate.recv() => {}
    }
    println!("stopping…");
    members.stop(STOP_LIMIT).await;
    Ok(())
}

fn print_welcome(args: &ClusterArgs, addr: &impl Fn(u16) -> String, leader: u64, token: &str) {
    println!();
    println!("Ballot is running: three replicas and the tally server (leader: node {leader}).");
    for id in 1..=3 {
        println!(
            "  replica {id}:  voter http://{0}/   admin http://{0}/admin",
            addr(id)
        );
    }
    println!("  tally:      http://{}/tally", addr(4));
    println!("  admin token: {token}");
    println!("  data: {}", args.data_dir.display());
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

/// Asks member 1 for the cluster status until it names a leader.
async fn wait_for_leader(
    addr: &str,
    limit: Duration,
    members: &mut Members,
) -> anyhow::Result<u64> {
    // The members are on loopback: a proxy from HTTP_PROXY would never reach them.
    let client = reqwest::Client::builder().no_proxy().build()?;
    let started = Instant::now();
    while started.elapsed() < limit {
        members.check_running()?;
        let status = client
            .get(format!("http://{addr}/api/cluster/status"))
            .send()
            .await;
        if let Ok(response) = status {
            if let Ok(status) = response.json::<shared::dto::ClusterStatusResponse>().await {
                if let Some(leader) = status.leader_id {
                    return Ok(leader);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    bail!("no leader was elected within {} s", limit.as_secs())
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
