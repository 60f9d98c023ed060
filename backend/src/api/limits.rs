//! Limits that stop abuse without touching honest load.
//!
//! - [`FailedAttempts`]: per client address, refused `register` and `login` attempts (4xx other
//!   than 429) use up a quota (governor's GCRA, `--failed-attempts-per-minute`, the same burst).
//!   Once it is used up the address gets `429 rate_limited` with `Retry-After` for *every*
//!   attempt, good or bad, until one attempt has refilled: a brute-forcer learns nothing from
//!   the one guess that would have succeeded. Successful work never counts, so a school behind
//!   one NAT address can register hundreds of voters a second.
//! - [`ConnectionSlots`]: WebSocket connections per node (`--max-ws-connections`, 503 beyond)
//!   and per address (`--max-ws-per-address`, 429 beyond).
//! - [`AddressSet`]: the addresses exempt from both per-address limits (`--rate-limit-exempt`,
//!   loopback by default).
//!
//! The address is the TCP peer's ([`ClientIp`]); forwarding headers are not trusted. IPv6
//! clients are counted per /64, the block one host is normally given, so that rotating through
//! its own addresses does not buy an attacker fresh quotas.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use super::extract::ClientIp;
pub use crate::addresses::AddressSet;
use crate::api::error::ApiError;

/// What a client waits before trying a WebSocket again when a connection cap is reached.
const CONNECTION_RETRY_AFTER_SECS: u64 = 5;
/// Every this many recorded failures, keys whose quota has refilled are forgotten.
const RETAIN_EVERY: u64 = 1024;
/// Above this many blocked addresses, expired blocks are swept on insert.
const BLOCKED_SWEEP_ABOVE: usize = 1024;

/// The per-address limits of a node; cheap to clone.
#[derive(Clone)]
pub struct Limits {
    /// Addresses that no per-address limit applies to.
    pub exempt: Arc<AddressSet>,
    /// Refused register/login attempts per address.
    pub failed_attempts: Arc<FailedAttempts>,
    /// Live WebSocket connections, per node and per address.
    pub connections: Arc<ConnectionSlots>,
}

impl Limits {
    pub fn new(
        exempt: AddressSet,
        failed_attempts_per_minute: NonZeroU32,
        max_ws_connections: usize,
        max_ws_per_address: usize,
    ) -> Limits {
        let exempt = Arc::new(exempt);
        Limits {
            failed_attempts: Arc::new(FailedAttempts::new(failed_attempts_per_minute)),
            connections: Arc::new(ConnectionSlots::new(
                max_ws_connections,
                max_ws_per_address,
                exempt.clone(),
            )),
            exempt,
        }
    }
}

/// The key an address is counted under: IPv4 as is, IPv6 by its /64.
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !(u128::MAX >> 64);
            IpAddr::V6(Ipv6Addr::from(prefix))
        }
        v4 => v4,
    }
}

type Limiter =
    RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock, StateInformationMiddleware>;

/// Refused attempts per address, and the addresses that used up their quota.
pub struct FailedAttempts {
    /// One GCRA cell per refused attempt.
    limiter: Limiter,
    /// How long one cell takes to refill.
    refill: Duration,
    /// Addresses whose quota is used up, until when. governor cannot tell whether a key has a
    /// cell left without taking it, and a successful attempt must not take one, so the verdict
    /// reached when the last cell went is kept here.
    blocked: Mutex<HashMap<IpAddr, Instant>>,
    /// Failures recorded, to forget refilled keys now and then.
    recorded: AtomicU64,
}

impl FailedAttempts {
    pub fn new(per_minute: NonZeroU32) -> FailedAttempts {
        let quota = Quota::per_minute(per_minute);
        FailedAttempts {
            refill: quota.replenish_interval(),
            limiter: RateLimiter::keyed(quota).with_middleware::<StateInformationMiddleware>(),
            blocked: Mutex::new(HashMap::new()),
            recorded: AtomicU64::new(0),
        }
    }

    /// How long `key` must still wait, if its quota is used up.
    pub fn blocked_for(&self, key: IpAddr) -> Option<Duration> {
        let mut blocked = self.blocked();
        let until = *blocked.get(&key)?;
        let now = Instant::now();
        if until > now {
            Some(until - now)
        } else {
            blocked.remove(&key);
            None
        }
    }

    /// Takes a cell for a refused attempt; the last one blocks the address until a cell
    /// refills.
    pub fn record_failure(&self, key: IpAddr) {
        let wait = match self.limiter.check_key(&key) {
            Ok(snapshot) if snapshot.remaining_burst_capacity() > 0 => None,
            // The last cell just went; the next refills within one interval.
            Ok(_) => Some(self.refill),
            // Concurrent failures raced past an exhausted quota.
            Err(not_until) => Some(not_until.wait_time_from(self.limiter.clock().now())),
        };
        if let Some(wait) = wait {
            let now = Instant::now();
            let mut blocked = self.blocked();
            if blocked.len() > BLOCKED_SWEEP_ABOVE {
                blocked.retain(|_, until| *until > now);
            }
            blocked.insert(key, now + wait);
        }
        if self.recorded.fetch_add(1, Ordering::Relaxed) % RETAIN_EVERY == RETAIN_EVERY - 1 {
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
        }
    }

    fn blocked(&self) -> MutexGuard<'_, HashMap<IpAddr, Instant>> {
        self.blocked.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The middleware on `/api/register` and `/api/login`: refuses a blocked address with 429 and
/// counts the refused attempts of the others.
pub async fn limit_failed_attempts(
    State(limits): State<Limits>,
    request: Request,
    next: Next,
) -> Response {
    let ClientIp(ip) = ClientIp::of(request.extensions());
    if limits.exempt.contains(ip) {
        return next.run(request).await;
    }
    let key = address_key(ip);
    let attempts = &limits.failed_attempts;
    if let Some(wait) = attempts.blocked_for(key) {
        return ApiError::RateLimited {
            retry_after_secs: whole_seconds(wait),
        }
        .into_response();
    }
    let response = next.run(request).await;
    let status = response.status();
    if status.is_client_error() && status != StatusCode::TOO_MANY_REQUESTS {
        attempts.record_failure(key);
    }
    response
}

/// A wait in whole seconds for `Retry-After`, rounded up, at least 1.
fn whole_seconds(wait: Duration) -> u64 {
    wait.as_secs()
        .saturating_add(u64::from(wait.subsec_nanos() > 0))
        .max(1)
}

/// Live WebSocket connections: in total, and per address key.
pub struct ConnectionSlots {
    max_total: usize,
    max_per_address: usize,
    exempt: Arc<AddressSet>,
    counts: Mutex<ConnectionCounts>,
}

#[derive(Default)]
struct ConnectionCounts {
    total: usize,
    /// Only addresses with live connections (entries go when their count reaches zero).
    per_address: HashMap<IpAddr, usize>,
}

/// One live connection; dropping it frees the slot.
pub struct ConnectionSlot {
    slots: Arc<ConnectionSlots>,
    /// The address key counted, or `None` for an exempt address.
    key: Option<IpAddr>,
}

impl ConnectionSlots {
    pub fn new(max_total: usize, max_per_address: usize, exempt: Arc<AddressSet>) -> Self {
        ConnectionSlots {
            max_total,
            max_per_address,
            exempt,
            counts: Mutex::new(ConnectionCounts::default()),
        }
    }

    /// Takes a slot for a connection from `ip`, or says why not (503 node full, 429 address
    /// full).
    pub fn acquire(self: &Arc<Self>, ip: IpAddr) -> Result<ConnectionSlot, ApiError> {
        let key = (!self.exempt.contains(ip)).then(|| address_key(ip));
        let mut counts = self.counts();
        if counts.total >= self.max_total {
            return Err(ApiError::TooManyConnections {
                retry_after_secs: CONNECTION_RETRY_AFTER_SECS,
            });
        }
        if let Some(key) = key {
            let held = counts.per_address.get(&key).copied().unwrap_or(0);
            if held >= self.max_per_address {
                return Err(ApiError::TooManyConnectionsFromAddress {
                    retry_after_secs: CONNECTION_RETRY_AFTER_SECS,
                });
            }
            counts.per_address.insert(key, held + 1);
        }
        counts.total += 1;
        Ok(ConnectionSlot {
            slots: self.clone(),
            key,
        })
    }

    /// How many connections are live.
    pub fn live(&self) -> usize {
        self.counts().total
    }

    fn counts(&self) -> MutexGuard<'_, ConnectionCounts> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut counts = self.slots.counts();
        counts.total = counts.total.saturating_sub(1);
        if let Some(key) = self.key {
            if let Some(held) = counts.per_address.get_mut(&key) {
                *held = held.saturating_sub(1);
                if *held == 0 {
                    counts.per_address.remove(&key);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn address_sets_parse_ips_and_blocks_and_the_empty_text() {
        let set: AddressSet = "127.0.0.0/8, ::1,10.1.2.3".parse().unwrap();
        assert!(set.contains(ip("127.4.5.6")));
        assert!(set.contains(ip("::1")));
        assert!(set.contains(ip("::ffff:127.0.0.1")), "IPv4-mapped loopback");
        assert!(set.contains(ip("10.1.2.3")));
        assert!(!set.contains(ip("10.1.2.4")));
        assert_eq!("".parse::<AddressSet>().unwrap(), AddressSet::default());
        assert!("not-an-address".parse::<AddressSet>().is_err());
    }

    #[test]
    fn the_exempt_flag_defaults_to_loopback_and_accepts_the_empty_value() {
        use clap::Parser;

        use crate::config::{Cli, Command};
        let node_args = |extra: &[&str]| {
            let argv = ["ballot", "node"].iter().chain(extra).copied();
            match Cli::try_parse_from(argv).expect("flags parse").command {
                Command::Node(args) => args,
                _ => unreachable!("a node command"),
            }
        };
        let defaults = node_args(&[]);
        assert!(defaults.rate_limit_exempt.contains(ip("127.0.0.1")));
        assert!(defaults.rate_limit_exempt.contains(ip("::1")));
        assert_eq!(defaults.failed_attempts_per_minute.get(), 20);
        let none = node_args(&["--rate-limit-exempt", ""]);
        assert!(!none.rate_limit_exempt.contains(ip("127.0.0.1")));
        assert!(
            Cli::try_parse_from(["ballot", "node", "--failed-attempts-per-minute", "0"]).is_err()
        );
    }

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        assert_eq!(
            address_key(ip("2001:db8:1:2:aaaa::1")),
            address_key(ip("2001:db8:1:2:bbbb::2"))
        );
        assert_ne!(
            address_key(ip("2001:db8:1:2::1")),
            address_key(ip("2001:db8:1:3::1"))
        );
        assert_eq!(address_key(ip("192.0.2.7")), ip("192.0.2.7"));
    }

    #[test]
    fn an_address_is_blocked_once_its_failures_use_up_the_quota() {
        let attempts = FailedAttempts::new(NonZeroU32::new(3).unwrap());
        let key = ip("192.0.2.1");
        for _ in 0..2 {
            attempts.record_failure(key);
            assert_eq!(attempts.blocked_for(key), None);
        }
        attempts.record_failure(key);
        let wait = attempts.blocked_for(key).expect("blocked after 3 failures");
        assert!(wait <= Duration::from_secs(20), "{wait:?}");
        assert_eq!(
            attempts.blocked_for(ip("192.0.2.2")),
            None,
            "others are not"
        );
    }

    #[test]
    fn connection_slots_cap_the_node_and_each_address_and_free_on_drop() {
        let exempt = Arc::new("127.0.0.1".parse::<AddressSet>().unwrap());
        let slots = Arc::new(ConnectionSlots::new(3, 1, exempt));
        let first = slots.acquire(ip("192.0.2.1")).expect("first");
        assert!(matches!(
            slots.acquire(ip("192.0.2.1")),
            Err(ApiError::TooManyConnectionsFromAddress { .. })
        ));
        let _local = slots.acquire(ip("127.0.0.1")).expect("exempt");
        let _local2 = slots.acquire(ip("127.0.0.1")).expect("exempt, uncapped");
        assert!(matches!(
            slots.acquire(ip("192.0.2.9")),
            Err(ApiError::TooManyConnections { .. })
        ));
        drop(first);
        assert_eq!(slots.live(), 2);
        slots.acquire(ip("192.0.2.1")).expect("freed");
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(whole_seconds(Duration::from_millis(1)), 1);
        assert_eq!(whole_seconds(Duration::from_millis(3000)), 3);
        assert_eq!(whole_seconds(Duration::from_millis(3001)), 4);
    }
}
