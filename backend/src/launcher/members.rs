//! The launcher's member processes: started so that secrets stay off their command lines and
//! so that they die with the launcher, and stopped together within a bound.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::Context;
use tokio::process::{Child, Command};

/// What every member is started with besides its own id, address and data directory.
pub struct Launch<'a> {
    pub exe: &'a Path,
    /// `1=host:port,2=…,3=…`.
    pub peers: &'a str,
    pub admin_token: &'a str,
    /// The 0600 file holding the cluster secret.
    pub secret_file: &'a Path,
    pub dist: Option<&'a Path>,
}

/// The four members, by id.
pub struct Members(Vec<(u16, Child)>);

impl Members {
    /// Starts replicas 1..=3 and the tally 4; `addr(id)` is a member's `host:port`.
    pub fn start(
        launch: &Launch<'_>,
        data_dir: &Path,
        addr: impl Fn(u16) -> String,
    ) -> anyhow::Result<Members> {
        let mut members = Vec::new();
        for id in 1..=4u16 {
            let mut command = Command::new(launch.exe);
            command
                .arg(if id == 4 { "tally" } else { "node" })
                .args(["--id", &id.to_string(), "--listen", &addr(id)])
                .arg("--data-dir")
                .arg(data_dir.join(format!("node{id}")))
                .args(["--peers", launch.peers])
                // A path on argv, the secrets themselves in a 0600 file and in the
                // environment: /proc/PID/cmdline is readable by every local user,
                // /proc/PID/environ only by the member's own user.
                .arg("--cluster-secret-file")
                .arg(launch.secret_file)
                .env("BALLOT_ADMIN_TOKEN", launch.admin_token)
                // Clap refuses two sources for one secret: drop what the launcher inherited.
                .env_remove("BALLOT_ADMIN_TOKEN_FILE")
                .env_remove("BALLOT_CLUSTER_SECRET")
                .env_remove("BALLOT_CLUSTER_SECRET_FILE")
                .stdout(Stdio::null())
                .kill_on_drop(true);
            if let Some(dist) = launch.dist {
                command.arg("--dist").arg(dist);
            }
            die_with_parent(&mut command);
            let child = command
                .spawn()
                .with_context(|| format!("starting member {id}"))?;
            members.push((id, child));
        }
        Ok(Members(members))
    }

    /// Fails if a member has exited (they are meant to run until stopped).
    pub fn check_running(&mut self) -> anyhow::Result<()> {
        for (id, child) in &mut self.0 {
            if let Some(status) = child.try_wait()? {
                anyhow::bail!("member {id} exited during start-up ({status}); see its log above");
            }
        }
        Ok(())
    }

    /// Sends every member SIGINT, which tells it the whole cluster is stopping (no leadership
    /// hand-over, see `main.rs`), waits up to `limit` for all of them, then SIGKILLs the rest.
    pub async fn stop(&mut self, limit: Duration) {
        for (_, child) in &self.0 {
            if let Some(pid) = child.id() {
                // SAFETY: plain kill(2) on the pid of our own child, not yet reaped.
                unsafe { libc::kill(pid as libc::pid_t, libc::SIGINT) };
            }
        }
        let deadline = tokio::time::Instant::now() + limit;
        for (id, child) in &mut self.0 {
            if tokio::time::timeout_at(deadline, child.wait())
                .await
                .is_err()
            {
                eprintln!("member {id} did not stop in time; killing it");
                let _ = child.kill().await;
            }
        }
    }
}

/// Makes the member receive SIGINT ("the whole cluster is stopping") when the launcher dies,
/// even by SIGKILL, which no handler of the launcher's can catch.
///
/// Linux's parent-death signal is chosen over a pipe the member would watch: it needs no code
/// and no extra flag in the member, so a member started by hand behaves exactly the same. Its
/// catch is that it fires when the *thread* that forked exits, so members must be started from
/// a thread that lives as long as the launcher: `main` awaits the launcher on the main thread.
fn die_with_parent(command: &mut Command) {
    #[cfg(target_os = "linux")]
    {
        let parent = std::process::id() as libc::pid_t;
        // SAFETY: the closure runs in the child between fork and exec, so it may only make
        // async-signal-safe calls: prctl(2), getppid(2), and io::Error values that do not
        // allocate.
        unsafe {
            command.pre_exec(move || {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGINT) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // Had the launcher died before prctl, no signal would ever come: we would
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
