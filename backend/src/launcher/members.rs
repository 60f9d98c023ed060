//! The launcher's member processes: started so that secrets stay off their command lines and
//! so that they die with the launcher, and stopped together within a bound.

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use tokio::process::{Child, Command};

use crate::local_cluster::{die_with_parent, Launch, Layout};

/// The members, by id.
pub struct Members(Vec<(u64, Child)>);

impl Members {
    /// Starts every member of `layout` (each serving the dashboards in `dist`, if given, with
    /// the mail settings `mail` in its environment, where a password in the SMTP URL stays off
    /// the command line, and reading the launcher's configuration file `config`, under what
    /// it is given explicitly); they die with the launcher.
    pub fn start(
        layout: &Layout,
        launch: &Launch<'_>,
        dist: Option<&Path>,
        config: Option<&Path>,
        mail: &[(&str, String)],
    ) -> anyhow::Result<Members> {
        let mut members = Vec::new();
        for id in layout.ids() {
            let mut command = layout.command(id, launch);
            command.envs(mail.iter().map(|(name, value)| (name, value)));
            if let Some(dist) = dist {
                command.arg("--dist").arg(dist);
            }
            if let Some(config) = config {
                command.arg("--config").arg(config);
            }
            die_with_parent(&mut command);
            let child = Command::from(command)
                .kill_on_drop(true)
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
