//! A schedule of faults drawn from a seed, and how each fault is applied and undone.
//!
//! The schedule is a sequence of episodes, one fault each, with short gaps between them, until
//! the schedule's duration is used; at most one member is ever down or paused at once, so a
//! majority can always exist once a partition heals. The leader is the target more often than
//! the others (it is named as [`Target::Leader`] and looked up when the episode starts). Two
//! admin commands may be issued during the episodes: a deadline a few seconds ahead and a stop.
//! Everything is drawn from one `StdRng` seeded with the schedule's seed, so a seed always
//! gives the same schedule (the timing of the processes, of course, varies).

use std::fmt;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

/// The voting replicas' ids; the tally is [`TALLY`].
pub const REPLICAS: [u64; 3] = [1, 2, 3];
pub const TALLY: u64 = 4;

/// Whom a fault hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Whoever leads when the episode starts.
    Leader,
    Member(u64),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Leader => write!(f, "leader"),
            Target::Member(id) => write!(f, "{id}"),
        }
    }
}

/// One fault of a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// SIGKILL, down for `down`, restarted on its data.
    Kill { target: Target, down: Duration },
    /// SIGSTOP, SIGCONT after `paused` (1–10 s).
    Pause { target: Target, paused: Duration },
    /// Every link of the member (to the replicas and the tally) cut both ways.
    Isolate { target: Target, hold: Duration },
    /// The leader cut from both followers, not from the tally or clients.
    LeaderCut { hold: Duration },
    /// One replica alone on one side, two on the other; the tally on the lone side or not.
    Split {
        alone: u64,
        tally_alone: bool,
        hold: Duration,
    },
    /// Everything `from` sends `to` is lost; the other way works.
    OneWay {
        from: Target,
        to: u64,
        hold: Duration,
    },
    /// Latency and jitter (together at most 200 ms) on some directed links.
    Latency {
        links: Vec<(u64, u64)>,
        latency_ms: u64,
        jitter_ms: u64,
        hold: Duration,
    },
    /// A follower SIGKILLed, its data directory deleted, restarted empty after `down`.
    WipeFollower { down: Duration },
    /// SIGKILL and a restart with the clock 30 s ahead.
    SkewedRestart { target: Target, down: Duration },
}

impl Fault {
    /// A short name, for the summary line.
    pub fn kind(&self) -> &'static str {
        match self {
            Fault::Kill { .. } => "kill",
            Fault::Pause { .. } => "pause",
            Fault::Isolate { .. } => "isolate",
            Fault::LeaderCut { .. } => "leader-cut",
            Fault::Split { .. } => "split",
            Fault::OneWay { .. } => "one-way",
            Fault::Latency { .. } => "latency",
            Fault::WipeFollower { .. } => "wipe",
            Fault::SkewedRestart { .. } => "skew",
        }
    }

    /// How long the episode lasts before it is undone.
    pub fn length(&self) -> Duration {
        match self {
            Fault::Kill { down, .. }
            | Fault::WipeFollower { down }
            | Fault::SkewedRestart { down, .. } => *down,
            Fault::Pause { paused, .. } => *paused,
            Fault::Isolate { hold, .. }
            | Fault::LeaderCut { hold }
            | Fault::Split { hold, .. }
            | Fault::OneWay { hold, .. }
            | Fault::Latency { hold, .. } => *hold,
        }
    }
}

/// An admin command the schedule issues at `at` after the load starts.
#[derive(Debug, Clone, PartialEq)]
pub enum AdminAction {
    /// `POST /api/admin/deadline {"minutes": m}`.
    Deadline { at: Duration, minutes: f64 },
    /// `POST /api/admin/stop`.
    Stop { at: Duration },
}

/// Everything a seed decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Each episode: the quiet gap before it, then the fault.
    pub episodes: Vec<(Duration, Fault)>,
    pub admin: Vec<AdminAction>,
}

fn ms(rng: &mut StdRng, from: u64, to: u64) -> Duration {
    Duration::from_millis(rng.gen_range(from..=to))
}

/// The leader half the time, else any replica.
fn target(rng: &mut StdRng) -> Target {
    if rng.gen_bool(0.5) {
        Target::Leader
    } else {
        Target::Member(*REPLICAS.choose(rng).unwrap_or(&1))
    }
}

/// The leader half the time, else any member, the tally included.
fn any_member(rng: &mut StdRng) -> Target {
    if rng.gen_bool(0.5) {
        Target::Leader
    } else {
        Target::Member(*[1, 2, 3, TALLY].choose(rng).unwrap_or(&1))
    }
}

/// Draws the schedule of `seed` for a load of `duration`.
pub fn draw(seed: u64, duration: Duration) -> Schedule {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut episodes = Vec::new();
    let mut planned = Duration::ZERO;
    while planned < duration {
        let gap = ms(&mut rng, 0, 800);
        let fault = draw_fault(&mut rng);
        planned += gap + fault.length();
        episodes.push((gap, fault));
    }
    let mut admin = Vec::new();
    let share = |rng: &mut StdRng, from: f64, to: f64| duration.mul_f64(rng.gen_range(from..to));
    if rng.gen_bool(0.5) {
        admin.push(AdminAction::Deadline {
            at: share(&mut rng, 0.2, 0.7),
            // 4.8 to 30 s ahead: sometimes within the load, sometimes after it.
            minutes: rng.gen_range(0.08..0.5),
        });
    }
    if rng.gen_bool(0.3) {
        admin.push(AdminAction::Stop {
            at: share(&mut rng, 0.6, 0.95),
        });
    }
    Schedule { episodes, admin }
}

fn draw_fault(rng: &mut StdRng) -> Fault {
    let hold = |rng: &mut StdRng| ms(rng, 1_000, 4_000);
    match rng.gen_range(0..12) {
        0..=2 => Fault::Kill {
            target: any_member(rng),
            down: ms(rng, 200, 3_000),
        },
        3 => Fault::Pause {
            target: any_member(rng),
            paused: ms(rng, 1_000, 10_000),
        },
        4 => Fault::Isolate {
            target: target(rng),
            hold: hold(rng),
        },
        5 => Fault::LeaderCut { hold: hold(rng) },
        6 => Fault::Split {
            alone: *REPLICAS.choose(rng).unwrap_or(&1),
            tally_alone: rng.gen_bool(0.5),
            hold: hold(rng),
        },
        7 => {
            let to = *REPLICAS.choose(rng).unwrap_or(&1);
            Fault::OneWay {
                from: target(rng),
                to,
                hold: hold(rng),
            }
        }
        8 => {
            let all: Vec<(u64, u64)> = [1, 2, 3, TALLY]
                .iter()
                .flat_map(|a| [1, 2, 3, TALLY].map(|b| (*a, b)))
                .filter(|(a, b)| a != b)
                .collect();
            let count = rng.gen_range(1..=all.len());
            let links = all.choose_multiple(rng, count).copied().collect();
            let latency_ms = rng.gen_range(0..=200);
            Fault::Latency {
                links,
                latency_ms,
                jitter_ms: rng.gen_range(0..=200 - latency_ms),
                hold: hold(rng),
            }
        }
        9 | 10 => Fault::WipeFollower {
            down: ms(rng, 200, 2_000),
        },
        _ => Fault::SkewedRestart {
            target: any_member(rng),
            down: ms(rng, 200, 1_500),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_always_draws_the_same_schedule_and_another_seed_another() {
        let duration = Duration::from_secs(12);
        assert_eq!(draw(7, duration), draw(7, duration));
        assert_ne!(draw(7, duration), draw(8, duration));
    }

    #[test]
    fn a_schedule_fills_its_duration_and_pauses_last_one_to_ten_seconds() {
        for seed in 0..200 {
            let schedule = draw(seed, Duration::from_secs(12));
            let total: Duration = schedule.episodes.iter().map(|(g, f)| *g + f.length()).sum();
            assert!(total >= Duration::from_secs(12));
            for (_, fault) in &schedule.episodes {
                if let Fault::Pause { paused, .. } = fault {
                    assert!((1..=10).contains(&paused.as_secs()));
                }
                if let Fault::Latency {
                    latency_ms,
                    jitter_ms,
                    ..
                } = fault
                {
                    assert!(latency_ms + jitter_ms <= 200);
                }
            }
        }
    }
}
