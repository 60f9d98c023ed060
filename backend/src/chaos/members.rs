//! The member processes of one schedule: started through [`crate::local_cluster`] as every
//! local cluster is, each leaving from its own source address, and killed, paused, wiped and
//! restarted as the schedule says.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;

use super::proxy::source_ip;
use crate::local_cluster::{die_with_parent, ClusterSecret, Launch, Layout};

/// The processes of one cluster, by member id.
pub struct Members {
    pub layout: Layout,
    exe: PathBuf,
    /// Member N keeps its data in `dir/nodeN` and its log in `dir/nodeN.log`.
    pub dir: PathBuf,
    pub admin_token: String,
    pub cluster_secret: String,
    children: BTreeMap<u64, Child>,
    /// Members stopped with SIGSTOP and not yet continued.
    paused: BTreeSet<u64>,
}

impl Members {
    pub fn new(layout: Layout, exe: &Path, dir: &Path, admin_token: &str, secret: &str) -> Members {
        Members {
            layout,
            exe: exe.to_path_buf(),
            dir: dir.to_path_buf(),
            admin_token: admin_token.to_string(),
            cluster_secret: secret.to_string(),
            children: BTreeMap::new(),
            paused: BTreeSet::new(),
        }
    }

    pub fn data_dir(&self, id: u64) -> PathBuf {
        self.dir.join(format!("node{id}"))
    }

    /// Starts member `id` with its clock `skew_ms` off. Must run on the thread that lives as
    /// long as the runner (the parent-death signal follows the forking thread).
    pub fn start(&mut self, id: u64, skew_ms: i64) -> anyhow::Result<()> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join(format!("node{id}.log")))?;
        let launch = Launch {
            exe: &self.exe,
            data_dir: &self.dir,
            admin_token: &self.admin_token,
            cluster_secret: ClusterSecret::Value(&self.cluster_secret),
        };
        let mut command = self.layout.command(id, &launch);
        command
            .args(["--source-ip", &source_ip(id).to_string()])
            .args(["--clock-sync-ms", "1000"])
            .args(["--clock-skew-ms", &skew_ms.to_string()])
            .env("RUST_LOG", "info,openraft=warn,sqlx=warn")
            .stdin(Stdio::null())
            .stderr(log);
        die_with_parent(&mut command);
        let child = command
            .spawn()
            .with_context(|| format!("starting member {id}"))?;
        self.children.insert(id, child);
        Ok(())
    }

    pub fn is_running(&self, id: u64) -> bool {
        self.children.contains_key(&id)
    }

    /// Running and not paused: it can answer.
    pub fn is_live(&self, id: u64) -> bool {
        self.is_running(id) && !self.paused.contains(&id)
    }

    pub fn running(&self) -> Vec<u64> {
        self.children.keys().copied().collect()
    }

    /// SIGKILL, and reap it.
    pub fn kill(&mut self, id: u64) {
        self.resume(id);
        if let Some(mut child) = self.children.remove(&id) {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn pause(&mut self, id: u64) {
        if self.signal(id, libc::SIGSTOP) {
            self.paused.insert(id);
        }
    }

    pub fn resume(&mut self, id: u64) {
        if self.paused.remove(&id) {
            self.signal(id, libc::SIGCONT);
        }
    }

    pub fn paused(&self) -> Vec<u64> {
        self.paused.iter().copied().collect()
    }

    fn signal(&self, id: u64, signal: libc::c_int) -> bool {
        let Some(child) = self.children.get(&id) else {
            return false;
        };
        // SAFETY: kill(2) on the pid of our own, not yet reaped, child.
        unsafe { libc::kill(child.id() as libc::pid_t, signal) == 0 }
    }

    /// Deletes a stopped member's data directory.
    pub fn wipe(&self, id: u64) -> std::io::Result<()> {
        match std::fs::remove_dir_all(self.data_dir(id)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }

    /// A member that exited without being told to: a crash.
    pub fn crashed(&mut self) -> Option<(u64, ExitStatus)> {
        let exited = self
            .children
            .iter_mut()
            .find_map(|(id, child)| Some((*id, child.try_wait().ok()??)))?;
        self.children.remove(&exited.0);
        Some(exited)
    }

    /// SIGINT to every member ("the whole cluster is stopping"), SIGKILL after `limit`.
    /// Returns the members that needed SIGKILL.
    pub async fn stop_all(&mut self, limit: Duration) -> Vec<u64> {
        for id in self.paused() {
            self.resume(id);
        }
        for id in self.running() {
            self.signal(id, libc::SIGINT);
        }
        let started = Instant::now();
        while started.elapsed() < limit {
            self.children
                .retain(|_, child| !matches!(child.try_wait(), Ok(Some(_))));
            if self.children.is_empty() {
                return vec![];
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let stuck = self.running();
        for id in &stuck {
            self.kill(*id);
        }
        stuck
    }
}

impl Drop for Members {
    fn drop(&mut self) {
        for id in self.running() {
            self.kill(id);
        }
    }
}
