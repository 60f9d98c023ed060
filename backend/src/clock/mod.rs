//! Clocks: the Lamport logical clock and the node's synchronised wall clock.
//!
//! - [`LamportClock`]: merged with every client timestamp and every applied event.
//! - [`ServerClock`]: the system clock plus a deliberate skew (for demos and tests) plus the
//!   Berkeley correction the cluster's time daemon last sent. Deadlines and `/api/time` use it.

pub mod berkeley;

use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use shared::ids::{LamportTime, TimestampMs};

/// A Lamport clock shared by every request handler of a node.
#[derive(Debug, Default)]
pub struct LamportClock {
    value: AtomicU64,
}

impl LamportClock {
    /// Receive rule: the clock becomes `max(local, remote) + 1`; returns the new value.
    pub fn merge(&self, remote: LamportTime) -> LamportTime {
        let previous = self
            .value
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |local| {
                Some(local.max(remote) + 1)
            })
            .unwrap_or_else(|v| v);
        previous.max(remote) + 1
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
        since_epoch.as_millis() as i64 + self.skew_ms
    }

    /// The synchronised time every decision uses.
    pub fn now_ms(&self) -> TimestampMs {
        self.local_ms() + self.correction_ms()
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
