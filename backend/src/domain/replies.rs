//! The first answer to every idempotency key, so a retried write is answered, not redone.
//!
//! A client (or the node that received its request) puts an idempotency key in the envelope.
//! The state machine looks the key up before deciding: a key seen before with the same request
//! gets the decision it got the first time, whichever replica the retry reached and whatever
//! leader changes happened in between; the same key with another request is refused as
//! [`DomainError::IdempotencyKeyReused`]. Only a key not seen before is decided.
//!
//! The memory is bounded: beyond [`REMEMBERED_KEYS`] keys the oldest is forgotten. Every
//! replica forgets in log order, so all of them remember the same keys; snapshots carry the
//! records in that order.

use std::collections::{HashMap, VecDeque};

use serde::{Deserialize, Serialize};
use shared::Event;

use super::{DomainError, IdempotencyStamp};

/// What one envelope came to: its events, or why it was refused.
pub type Decision = Result<Vec<Event>, DomainError>;

/// How many keys are remembered. At the default rate limits this is hours of writes, far longer
/// than any client keeps retrying; a key older than that is decided afresh.
pub const REMEMBERED_KEYS: usize = 200_000;

/// One remembered key, as stored and as carried in snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    pub key: String,
    pub fingerprint: String,
    pub decision: Decision,
}

/// The remembered keys, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replies {
    by_key: HashMap<String, (String, Decision)>,
    order: VecDeque<String>,
    capacity: usize,
}

impl Default for Replies {
    fn default() -> Self {
        Replies::with_capacity(REMEMBERED_KEYS)
    }
}

impl Replies {
    pub fn with_capacity(capacity: usize) -> Replies {
        Replies {
            by_key: HashMap::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// Rebuilds the memory from records in the order they were remembered.
    pub fn from_records(records: impl IntoIterator<Item = Remembered>) -> Replies {
        let mut replies = Replies::default();
        for record in records {
            replies.remember(record.key, record.fingerprint, record.decision);
        }
        replies
    }

    /// The first answer to this key, if it is remembered: the decision itself for the same
    /// request, a refusal for another one.
    pub fn lookup(&self, stamp: &IdempotencyStamp) -> Option<Decision> {
        let (fingerprint, decision) = self.by_key.get(&stamp.key)?;
        if *fingerprint == stamp.fingerprint {
            Some(decision.clone())
        } else {
            Some(Err(DomainError::IdempotencyKeyReused))
        }
    }

    /// Remembers a key's first decision; returns the key forgotten to make room, if any.
    pub fn remember(
        &mut self,
        key: String,
        fingerprint: String,
        decision: Decision,
    ) -> Option<String> {
        if self.by_key.contains_key(&key) {
            return None;
        }
        self.order.push_back(key.clone());
        self.by_key.insert(key, (fingerprint, decision));
        if self.order.len() <= self.capacity {
            return None;
        }
        let oldest = self.order.pop_front()?;
        self.by_key.remove(&oldest);
        Some(oldest)
    }

    /// Every remembered key, oldest first (for snapshots).
    pub fn records(&self) -> Vec<Remembered> {
        self.order
            .iter()
            .filter_map(|key| {
                let (fingerprint, decision) = self.by_key.get(key)?;
                Some(Remembered {
                    key: key.clone(),
                    fingerprint: fingerprint.clone(),
                    decision: decision.clone(),
                })
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(key: &str, fingerprint: &str) -> IdempotencyStamp {
        IdempotencyStamp {
            key: key.into(),
            fingerprint: fingerprint.into(),
        }
    }

    #[test]
    fn a_key_gets_its_first_answer_and_another_request_under_it_is_refused() {
        let mut replies = Replies::default();
        assert_eq!(replies.lookup(&stamp("k", "a")), None);
        replies.remember("k".into(), "a".into(), Err(DomainError::AlreadyVoted));
        assert_eq!(
            replies.lookup(&stamp("k", "a")),
            Some(Err(DomainError::AlreadyVoted))
        );
        assert_eq!(
            replies.lookup(&stamp("k", "b")),
            Some(Err(DomainError::IdempotencyKeyReused))
        );
        // A second decision for the same key never replaces the first.
        replies.remember("k".into(), "a".into(), Ok(vec![]));
        assert_eq!(
            replies.lookup(&stamp("k", "a")),
            Some(Err(DomainError::AlreadyVoted))
        );
    }

    #[test]
    fn the_oldest_key_is_forgotten_first_and_records_rebuild_the_same_memory() {
        let mut replies = Replies::with_capacity(2);
        for key in ["a", "b", "c"] {
            replies.remember(key.into(), "f".into(), Ok(vec![]));
        }
        assert_eq!(replies.lookup(&stamp("a", "f")), None);
        assert!(replies.lookup(&stamp("c", "f")).is_some());
        let rebuilt = Replies::from_records(replies.records());
        assert_eq!(rebuilt.records(), replies.records());
        assert_eq!(rebuilt.len(), 2);
    }
}
