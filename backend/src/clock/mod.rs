//! Clocks: the Lamport logical clock and the node's synchronised wall clock.
//!
//! - [`LamportClock`]: merged with every client timestamp and every applied event.
//! - [`ServerClock`]: the system clock plus a deliberate skew (for demos and tests) plus the
//!   Berkeley correction the cluster's time daemon last sent. Deadlines and `/api/time` use it.

pub mod berkeley;

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use shared::dto::MAX_LAMPORT_AHEAD;
use shared::ids::{LamportTime, TimestampMs};

/// A client's Lamport time further ahead of the node's than [`MAX_LAMPORT_AHEAD`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the Lamport time {given} is more than 2^40 ahead of this server's ({ours})")]
pub struct TooFarAhead {
    pub given: LamportTime,
    pub ours: LamportTime,
}

/// A Lamport clock shared by every request handler of a node.
///
/// It only moves by saturating arithmetic, and a client may push it forward by at most
/// [`MAX_LAMPORT_AHEAD`] per request ([`LamportClock::admit`]): 2^40 ticks is more than a
/// busy election makes in centuries, and it keeps the clock of every replica nowhere near
/// `u64::MAX`, whatever the clients send.
#[derive(Debug, Default)]
pub struct LamportClock {
    value: AtomicU64,
}

impl LamportClock {
    /// Checks a client's timestamp before it is merged: refuses one too far ahead.
    pub fn admit(&self, remote: LamportTime) -> Result<LamportTime, TooFarAhead> {
        let ours = self.current();
        if remote > ours.saturating_add(MAX_LAMPORT_AHEAD) {
            return Err(TooFarAhead {
                given: remote,
                ours,
            });
        }
        Ok(remote)
    }

    /// Receive rule: the clock becomes `max(local, remote) + 1`; returns the new value.
    pub fn merge(&self, remote: LamportTime) -> LamportTime {
        let previous = self
            .value
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |local| {
                Some(local.max(remote).saturating_add(1))
            })
            .unwrap_or_else(|v| v);
        previous.max(remote).saturating_add(1)
    }

    /// Observes a timestamp without ticking (an event applied from the log).
    pub fn observe(&self, seen: LamportTime) {
        self.value.fetch_max(seen, Ordering::SeqCst);
    }

    pub fn current(&self) -> LamportTime {
        self.value.load(Ordering::SeqCst)
    }
}

/// The node's wall clock, in milliseconds since the epoch.
#[derive(Debug)]
pub struct ServerClock {
    /// A deliberate error added to the system clock (`--clock-skew-ms`).
    skew_ms: i64,
    /// The correction last applied by Berkeley synchronisation.
    correction_ms: AtomicI64,
}

impl ServerClock {
    pub fn new(skew_ms: i64) -> ServerClock {
        ServerClock {
            skew_ms,
            correction_ms: AtomicI64::new(0),
        }
    }

    /// The uncorrected local reading (system clock plus skew): what Berkeley polls.
    pub fn local_ms(&self) -> TimestampMs {
        let since_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let millis = i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX);
        millis.saturating_add(self.skew_ms)
    }

    /// The synchronised time every decision uses.
    pub fn now_ms(&self) -> TimestampMs {
        self.local_ms().saturating_add(self.correction_ms())
    }

    pub fn correction_ms(&self) -> i64 {
        self.correction_ms.load(Ordering::SeqCst)
    }

    /// Adjusts the correction by `delta` (Berkeley sends relative adjustments).
    pub fn adjust(&self, delta_ms: i64) {
        self.correction_ms.fetch_add(delta_ms, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lamport_merge_takes_the_maximum_plus_one() {
        let clock = LamportClock::default();
        assert_eq!(clock.merge(0), 1);
        assert_eq!(clock.merge(10), 11);
        assert_eq!(
            clock.merge(3),
            12,
            "a smaller remote still ticks the local clock"
        );
        clock.observe(40);
        assert_eq!(clock.current(), 40);
        clock.observe(5);
        assert_eq!(clock.current(), 40);
    }

    #[test]
    fn the_lamport_clock_refuses_a_leap_and_never_overflows() {
        let clock = LamportClock::default();
        clock.merge(100);
        assert_eq!(
            clock.admit(101 + MAX_LAMPORT_AHEAD),
            Ok(101 + MAX_LAMPORT_AHEAD)
        );
        assert!(clock.admit(102 + MAX_LAMPORT_AHEAD).is_err());
        assert!(clock.admit(u64::MAX).is_err());
        // Even merged without the check, the clock saturates instead of wrapping to 0.
        assert_eq!(clock.merge(u64::MAX - 1), u64::MAX);
        assert_eq!(clock.merge(u64::MAX), u64::MAX);
        assert_eq!(clock.merge(3), u64::MAX);
    }

    #[test]
    fn the_server_clock_adds_skew_and_correction() {
        let clock = ServerClock::new(30_000);
        let system = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64;
        assert!((clock.local_ms() - system - 30_000).abs() < 1_000);
        clock.adjust(-30_000);
        assert!((clock.now_ms() - system).abs() < 1_000);
    }
}
