//! Applying one fault to the running cluster and undoing it.

use std::time::{Duration, Instant};

use rand::seq::SliceRandom;
use shared::dto::ClusterStatusResponse;

use super::members::Members;
use super::proxy::{Faults, LinkRule};
use super::schedule::{Fault, Target, REPLICAS, TALLY};

/// The clock error of a member restarted by [`Fault::SkewedRestart`].
pub const SKEW_MS: i64 = 30_000;

/// The cluster under test: its processes, its links, and what went wrong on the way.
pub struct Chaos {
    pub members: Members,
    pub faults: Faults,
    /// The runner's own client to the members (status), straight to their ports.
    pub http: reqwest::Client,
    /// Each fault as applied, in words.
    pub applied: Vec<String>,
    /// Problems seen while applying faults (a member that crashed by itself).
    pub violations: Vec<String>,
    pub started: Instant,
}

impl Chaos {
    /// Waits `length`, restarting (and reporting) any member that exits by itself meanwhile.
    pub async fn hold(&mut self, length: Duration) {
        let until = Instant::now() + length;
        while Instant::now() < until {
            tokio::time::sleep((until - Instant::now()).min(Duration::from_millis(100))).await;
            self.restart_crashed();
        }
    }

    /// Awaits `work` while restarting (and reporting) any member that exits by itself, as a
    /// supervisor would: a member that crashed while the runner waits on a write must not turn
    /// into a silent 30 s outage.
    pub async fn supervised<T>(&mut self, work: impl std::future::Future<Output = T>) -> T {
        tokio::pin!(work);
        loop {
            tokio::select! {
                done = &mut work => return done,
                _ = tokio::time::sleep(Duration::from_millis(100)) => self.restart_crashed(),
            }
        }
    }

    pub fn restart_crashed(&mut self) {
        while let Some((id, status)) = self.members.crashed() {
            self.violations.push(format!(
                "member {id} exited by itself ({status}) at {:.1} s; see {}",
                self.started.elapsed().as_secs_f64(),
                self.members.dir.join(format!("node{id}.log")).display()
            ));
            if let Err(error) = self.members.start(id, 0) {
                self.violations
                    .push(format!("member {id} did not restart: {error:#}"));
            }
        }
    }

    /// The leader most live replicas name, if any does.
    pub async fn leader(&self) -> Option<u64> {
        let mut named = Vec::new();
        for id in REPLICAS.into_iter().filter(|id| self.members.is_live(*id)) {
            let url = format!("{}/api/cluster/status", self.members.layout.url(id));
            let request = self.http.get(url).timeout(Duration::from_millis(500));
            let Ok(response) = request.send().await else {
                continue;
            };
            if let Ok(status) = response.json::<ClusterStatusResponse>().await {
                named.extend(status.leader_id);
            }
        }
        named.sort();
        let most = named
            .iter()
            .max_by_key(|leader| named.iter().filter(|other| other == leader).count());
        most.copied()
    }

    async fn resolve(&self, target: Target) -> u64 {
        match target {
            Target::Member(id) => id,
            Target::Leader => match self.leader().await {
                Some(leader) => leader,
                None => *REPLICAS.choose(&mut rand::thread_rng()).unwrap_or(&1),
            },
        }
    }

    /// Applies `fault`, holds it, and undoes it.
    pub async fn episode(&mut self, fault: &Fault) -> anyhow::Result<()> {
        let at = self.started.elapsed().as_secs_f64();
        let length = fault.length();
        let said = match fault {
            Fault::Kill { target, .. } => {
                let id = self.resolve(*target).await;
                self.members.kill(id);
                self.hold(length).await;
                self.members.start(id, 0)?;
                format!("kill {id} ({target})")
            }
            Fault::Pause { target, .. } => {
                let id = self.resolve(*target).await;
                self.members.pause(id);
                self.hold(length).await;
                self.members.resume(id);
                format!("pause {id} ({target})")
            }
            Fault::Isolate { target, .. } => {
                let id = self.resolve(*target).await;
                for other in [1, 2, 3, TALLY].into_iter().filter(|o| *o != id) {
                    self.faults.cut(id, other);
                }
                self.hold(length).await;
                self.faults.heal();
                format!("isolate {id} ({target})")
            }
            Fault::LeaderCut { .. } => {
                let leader = self.resolve(Target::Leader).await;
                for follower in REPLICAS.into_iter().filter(|f| *f != leader) {
                    self.faults.cut(leader, follower);
                }
                self.hold(length).await;
                self.faults.heal();
                format!("cut leader {leader} from the followers")
            }
            Fault::Split {
                alone, tally_alone, ..
            } => {
                let others: Vec<u64> = REPLICAS.into_iter().filter(|o| o != alone).collect();
                for other in &others {
                    self.faults.cut(*alone, *other);
                    if *tally_alone {
                        self.faults.cut(TALLY, *other);
                    }
                }
                if !tally_alone {
                    self.faults.cut(TALLY, *alone);
                }
                self.hold(length).await;
                self.faults.heal();
                let tally = if *tally_alone { " with the tally" } else { "" };
                format!("split {alone}{tally} | {others:?}")
            }
            Fault::OneWay { from, to, .. } => {
                let from = self.resolve(*from).await;
                let to = if from == *to { to % 3 + 1 } else { *to };
                self.faults.set(from, to, LinkRule::Blocked);
                self.hold(length).await;
                self.faults.heal();
                format!("lose {from} -> {to}")
            }
            Fault::Latency {
                links,
                latency_ms,
                jitter_ms,
                ..
            } => {
                for (from, to) in links {
                    let rule = LinkRule::Delayed {
                        latency_ms: *latency_ms,
                        jitter_ms: *jitter_ms,
                    };
                    self.faults.set(*from, *to, rule);
                }
                self.hold(length).await;
                self.faults.heal();
                format!("delay {} links {latency_ms}+{jitter_ms} ms", links.len())
            }
            Fault::WipeFollower { .. } => {
                let leader = self.leader().await;
                let followers: Vec<u64> = REPLICAS
                    .into_iter()
                    .filter(|id| Some(*id) != leader)
                    .collect();
                let id = *followers.choose(&mut rand::thread_rng()).unwrap_or(&1);
                self.members.kill(id);
                self.members.wipe(id)?;
                self.hold(length).await;
                self.members.start(id, 0)?;
                format!("wipe follower {id}")
            }
            Fault::SkewedRestart { target, .. } => {
                let id = self.resolve(*target).await;
                self.members.kill(id);
                self.hold(length).await;
                self.members.start(id, SKEW_MS)?;
                format!("restart {id} ({target}) 30 s ahead")
            }
        };
        self.applied
            .push(format!("{at:.1}s {said} for {:.1}s", length.as_secs_f64()));
        Ok(())
    }

    /// Every link healthy, every member running and not paused.
    pub fn heal(&mut self) -> anyhow::Result<()> {
        self.faults.heal();
        for id in self.members.paused() {
            self.members.resume(id);
        }
        self.restart_crashed();
        for id in [1, 2, 3, TALLY] {
            if !self.members.is_running(id) {
                self.members.start(id, 0)?;
            }
        }
        Ok(())
    }
}
