//! The private log's replay for `ballot audit`, streamed page by page over two cores.
//!
//! The audit of a million-event member took 22 s and 3.5 GB, most of it allocating and freeing:
//! the whole log was read into memory, replayed twice and serialised twice. Here each page of
//! events is read once, folded into the state on one thread and, on a second, serialised once
//! for the digests (the whole log's and each election's) and checked for gaps and Lamport
//! order; then it is dropped. Memory is the replayed state and two pages.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::Arc;

use sha2::{Digest, Sha256};
use shared::Event;
use sqlx::SqlitePool;

use crate::domain::Elections;

/// Events read and folded at a time.
const PAGE: u32 = 20_000;

/// What the replay found: the state, and per election its events' count and digest.
pub struct Replayed {
    pub elections: Elections,
    pub events: u64,
    pub log_digest: String,
    /// Every election but the accounts' own log (which is in `log_digest`).
    pub parts: BTreeMap<String, Part>,
}

/// One election's share of the log.
pub struct Part {
    pub events: u64,
    pub digest: String,
    /// Its first gap or Lamport inversion, if any: reported after the public log's checks.
    pub broken: Option<String>,
}

impl Replayed {
    /// Reads the log of the database behind `pool`, page by page.
    pub async fn from_pool(pool: &SqlitePool) -> anyhow::Result<Replayed> {
        let digester = Digester::start();
        let mut elections = Elections::default();
        let mut after = 0;
        loop {
            let (events, last) = crate::store::events_page(pool, after, PAGE).await?;
            if events.is_empty() {
                break;
            }
            after = last;
            let events = Arc::new(events);
            digester.send(events.clone());
            for event in events.iter() {
                elections.evolve(event);
            }
        }
        digester.finish(elections)
    }

    /// The same for a log already in memory (the digests on a scoped thread, not a copy).
    pub fn from_events(events: &[Event]) -> anyhow::Result<Replayed> {
        let (elections, digests) = std::thread::scope(|scope| {
            let digests = scope.spawn(|| Digests::of(events.iter()));
            (Elections::replay(events), digests.join())
        });
        let digests = digests.map_err(|_| anyhow::anyhow!("digesting the log failed"))??;
        Ok(digests.into_replayed(elections))
    }
}

/// The second core's share: serialise, digest and check each page.
struct Digester {
    pages: mpsc::Sender<Arc<Vec<Event>>>,
    done: std::thread::JoinHandle<anyhow::Result<Digests>>,
}

#[derive(Default)]
struct Digests {
    events: u64,
    log: Sha256,
    parts: BTreeMap<String, PartState>,
}

struct PartState {
    events: u64,
    last_lamport: u64,
    digest: Sha256,
    broken: Option<String>,
}

impl Digester {
    fn start() -> Digester {
        let (pages, receiver) = mpsc::channel::<Arc<Vec<Event>>>();
        let done = std::thread::spawn(move || {
            let mut digests = Digests::default();
            for page in receiver {
                digests.fold(page.iter())?;
            }
            Ok(digests)
        });
        Digester { pages, done }
    }

    fn send(&self, page: Arc<Vec<Event>>) {
        // A digester that stopped has an error, which `finish` returns.
        let _ = self.pages.send(page);
    }

    fn finish(self, elections: Elections) -> anyhow::Result<Replayed> {
        drop(self.pages);
        let digests = self
            .done
            .join()
            .map_err(|_| anyhow::anyhow!("digesting the log failed"))??;
        Ok(digests.into_replayed(elections))
    }
}

impl Digests {
    fn of<'a>(events: impl Iterator<Item = &'a Event>) -> anyhow::Result<Digests> {
        let mut digests = Digests::default();
        digests.fold(events)?;
        Ok(digests)
    }

    /// Serialises each event once, for the digests and the checks.
    fn fold<'a>(&mut self, events: impl Iterator<Item = &'a Event>) -> anyhow::Result<()> {
        let mut bytes = Vec::with_capacity(1024);
        for event in events {
            bytes.clear();
            serde_json::to_writer(&mut bytes, event)?;
            self.add(event, &bytes);
        }
        Ok(())
    }

    fn into_replayed(self, elections: Elections) -> Replayed {
        let digests = self;
        Replayed {
            elections,
            events: digests.events,
            log_digest: hex::encode(digests.log.finalize()),
            parts: digests
                .parts
                .into_iter()
                .map(|(id, part)| {
                    let digest = hex::encode(part.digest.finalize());
                    (
                        id,
                        Part {
                            events: part.events,
                            digest,
                            broken: part.broken,
                        },
                    )
                })
                .collect(),
        }
    }

    fn add(&mut self, event: &Event, bytes: &[u8]) {
        self.events += 1;
        self.log.update(bytes);
        // The accounts' own log is in the whole log's digest, not among the elections.
        if event.election_id == crate::domain::accounts::ACCOUNTS_SCOPE {
            return;
        }
        let part = match self.parts.get_mut(&event.election_id) {
            Some(part) => part,
            None => self
                .parts
                .entry(event.election_id.clone())
                .or_insert(PartState {
                    events: 0,
                    last_lamport: 0,
                    digest: Sha256::new(),
                    broken: None,
                }),
        };
        let id = &event.election_id;
        // Each election's log is gapless from 1 and stamped in Lamport order.
        if part.broken.is_none() {
            if event.seq != part.events + 1 {
                part.broken = Some(format!(
                    "gap in election {id}'s log: position {} holds seq {}",
                    part.events + 1,
                    event.seq
                ));
            } else if part.events > 0 && event.lamport <= part.last_lamport {
                part.broken = Some(format!(
                    "Lamport time goes backwards in election {id} at seq {}",
                    event.seq
                ));
            }
        }
        part.events += 1;
        part.last_lamport = event.lamport;
        part.digest.update(bytes);
    }
}
