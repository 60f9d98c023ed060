//! Time: the offset between this browser and the server's synchronised clock, the client's
//! Lamport clock, and the hooks that keep both fresh.
//!
//! Votes are judged by *click time* against the deadline, so the browser must read the
//! server's clock, not its own: a laptop a minute fast would otherwise see a countdown that
//! ends early and stamp votes in the future. Cristian's method is enough here: ask the server
//! for its time, assume the answer left it halfway through the round trip, and keep the sample
//! with the shortest round trip of each round (the one least distorted by queueing).

use gloo::timers::callback::Interval;
use shared::ids::TimestampMs;
use shared::LamportTime;
use yew::prelude::*;

use crate::api;

/// How often the clock is re-synchronised. Drift between two clocks is milliseconds per hour,
/// so once a minute is plenty; it also refreshes the offset after a laptop wakes up.
pub const SYNC_INTERVAL_MS: u32 = 60_000;

/// How many requests one synchronisation round makes; the fastest answer wins.
pub const SAMPLES_PER_ROUND: usize = 3;

/// One exchange with `GET /api/time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockSample {
    /// Server clock minus local clock, in milliseconds.
    pub offset_ms: i64,
    /// How long the request took; the offset is accurate to about half of it.
    pub rtt_ms: i64,
    /// The server's Lamport clock in the answer, for the client's clock to merge.
    pub lamport: LamportTime,
}

impl ClockSample {
    /// Cristian's estimate from the local send time, the server's time and the local receive
    /// time: the server read its clock roughly halfway through the round trip.
    pub fn from_exchange(
        sent_ms: f64,
        server_time_ms: TimestampMs,
        received_ms: f64,
        lamport: LamportTime,
    ) -> Self {
        let rtt = (received_ms - sent_ms).max(0.0);
        let local_midpoint = sent_ms + rtt / 2.0;
        ClockSample {
            offset_ms: (server_time_ms as f64 - local_midpoint).round() as i64,
            rtt_ms: rtt.round() as i64,
            lamport,
        }
    }
}

/// The sample with the shortest round trip, ties going to the latest one (the freshest).
pub fn best_sample(samples: &[ClockSample]) -> Option<ClockSample> {
    samples
        .iter()
        .rev()
        .min_by_key(|sample| sample.rtt_ms)
        .copied()
}

/// The server's time as this browser best knows it.
pub fn server_now(local_now_ms: f64, offset_ms: i64) -> TimestampMs {
    local_now_ms.round() as i64 + offset_ms
}

/// A Lamport clock: every message received moves it past the sender's, every message sent
/// ticks it, so the vote this client sends is ordered after everything it has seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lamport(pub LamportTime);

impl Lamport {
    /// Merges a timestamp received from the server: `max(local, remote) + 1`.
    pub fn observe(self, remote: LamportTime) -> Lamport {
        Lamport(self.0.max(remote) + 1)
    }

    /// Ticks for a message about to be sent and returns the timestamp to put in it.
    pub fn send(self) -> (Lamport, LamportTime) {
        let next = self.0 + 1;
        (Lamport(next), next)
    }
}

/// Runs one synchronisation round: a few sequential samples, the best one reported.
async fn sync_round() -> Option<ClockSample> {
    let mut samples = Vec::with_capacity(SAMPLES_PER_ROUND);
    for _ in 0..SAMPLES_PER_ROUND {
        let sent = js_sys::Date::now();
        if let Ok(answer) = api::voter::time().await {
            let received = js_sys::Date::now();
            samples.push(ClockSample::from_exchange(
                sent,
                answer.server_time_ms,
                received,
                answer.lamport,
            ));
        }
    }
    best_sample(&samples)
}

/// Synchronises with the server on mount and then every [`SYNC_INTERVAL_MS`], handing each
/// round's best sample to `on_sample` (the page dispatches it into its reducer).
#[hook]
pub fn use_clock_sync(on_sample: Callback<ClockSample>) {
    use_effect_with((), move |_| {
        let run = move || {
            let on_sample = on_sample.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(sample) = sync_round().await {
                    on_sample.emit(sample);
                }
            });
        };
        run();
        let interval = Interval::new(SYNC_INTERVAL_MS, run);
        move || drop(interval)
    });
}

/// The local time, refreshed every `period_ms`, for countdowns. Re-rendering once a second
/// is cheap at this app's size and keeps the countdown honest.
#[hook]
pub fn use_now_ms(period_ms: u32) -> f64 {
    let now = use_state(js_sys::Date::now);
    {
        let now = now.clone();
        use_effect_with(period_ms, move |period| {
            let interval = Interval::new(*period, move || now.set(js_sys::Date::now()));
            move || drop(interval)
        });
    }
    *now
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_offset_assumes_the_server_answered_halfway() {
        // Sent at 1000 local, answered at 1100 local, the server said 5050: at the midpoint
        // (1050 local) the server read 5050, so the server is 4000 ms ahead.
        let sample = ClockSample::from_exchange(1000.0, 5050, 1100.0, 7);
        assert_eq!(
            sample,
            ClockSample {
                offset_ms: 4000,
                rtt_ms: 100,
                lamport: 7
            }
        );
    }

    #[wasm_bindgen_test]
    fn a_server_behind_gives_a_negative_offset() {
        let sample = ClockSample::from_exchange(10_000.0, 9_010, 10_020.0, 0);
        assert_eq!(sample.offset_ms, -1000);
        assert_eq!(server_now(10_500.0, sample.offset_ms), 9_500);
    }

    #[wasm_bindgen_test]
    fn the_fastest_round_trip_wins() {
        let slow = ClockSample {
            offset_ms: 900,
            rtt_ms: 400,
            lamport: 1,
        };
        let fast = ClockSample {
            offset_ms: 1000,
            rtt_ms: 20,
            lamport: 2,
        };
        let also_fast = ClockSample {
            offset_ms: 1002,
            rtt_ms: 20,
            lamport: 3,
        };
        assert_eq!(best_sample(&[slow, fast, also_fast]), Some(also_fast));
        assert_eq!(best_sample(&[]), None);
    }

    #[wasm_bindgen_test]
    fn lamport_merges_past_the_larger_clock() {
        assert_eq!(Lamport(3).observe(10), Lamport(11));
        assert_eq!(Lamport(10).observe(3), Lamport(11));
        assert_eq!(Lamport(0).observe(0), Lamport(1));
    }

    #[wasm_bindgen_test]
    fn lamport_ticks_before_sending() {
        let (clock, stamp) = Lamport(11).send();
        assert_eq!(stamp, 12);
        assert_eq!(clock, Lamport(12));
        // A reply with the same stamp still moves the clock forward.
        assert_eq!(clock.observe(stamp), Lamport(13));
    }
}
