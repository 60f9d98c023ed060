//! Every election on the replicas: one [`Election`] state per id, each with its own gapless
//! log, all in the one Raft log. Deciding a command reads only its own election's state.

use super::accounts::{Accounts, ACCOUNTS_SCOPE};
use std::collections::BTreeMap;

use shared::elections::{ElectionId, DEFAULT_ELECTION};
use shared::Event;

use super::{Command, DomainError, Election, Envelope};

/// The original election's title (its events never named one).
pub const DEFAULT_TITLE: &str = "Ballot";

/// All elections by id; the original election is always there (empty until seeded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Elections {
    by_id: BTreeMap<ElectionId, Election>,
    /// The named admin accounts, in their own scope ([`ACCOUNTS_SCOPE`]).
    accounts: Accounts,
}

impl Default for Elections {
    fn default() -> Self {
        let original = Election {
            title: DEFAULT_TITLE.to_string(),
            ..Election::default()
        };
        Elections {
            by_id: BTreeMap::from([(DEFAULT_ELECTION.to_string(), original)]),
            accounts: Accounts::default(),
        }
    }
}

impl Elections {
    /// Folds a whole log (every election's events, in any interleaving that keeps each
    /// election's own order).
    pub fn replay<'a>(events: impl IntoIterator<Item = &'a Event>) -> Elections {
        let mut elections = Elections::default();
        for event in events {
            elections.evolve(event);
        }
        elections
    }

    /// Folds one event into its election.
    pub fn evolve(&mut self, event: &Event) {
        if event.election_id == ACCOUNTS_SCOPE {
            return self.accounts.evolve(event);
        }
        match self.by_id.get_mut(&event.election_id) {
            Some(election) => election.evolve(event),
            None => {
                let mut election = Election::default();
                election.evolve(event);
                self.by_id.insert(event.election_id.clone(), election);
            }
        }
    }

    /// Decides and folds an envelope in its election. A definition that creates an election
    /// is decided against a fresh state and kept only when accepted.
    pub fn apply(&mut self, envelope: &Envelope) -> Result<Vec<Event>, DomainError> {
        if envelope.election == ACCOUNTS_SCOPE {
            return self.accounts.apply(envelope);
        }
        if let Some(election) = self.by_id.get_mut(&envelope.election) {
            return election.apply(envelope);
        }
        if !matches!(
            envelope.command,
            Command::DefineElection { create: true, .. }
        ) {
            return Err(DomainError::NoSuchElection(envelope.election.clone()));
        }
        if !shared::elections::valid_election_id(&envelope.election) {
            return Err(DomainError::InvalidElection {
                field: "id".into(),
                problem: "must be 3 to 40 characters of a-z, 0-9 and -".into(),
            });
        }
        let mut fresh = Election::default();
        let events = fresh.apply(envelope)?;
        self.by_id.insert(envelope.election.clone(), fresh);
        Ok(events)
    }

    /// Decides without changing anything (the early refusal of the HTTP layer).
    pub fn decide(&self, envelope: &Envelope) -> Result<(), DomainError> {
        if envelope.election == ACCOUNTS_SCOPE {
            return self.accounts.decide(envelope).map(drop);
        }
        match self.by_id.get(&envelope.election) {
            Some(election) => super::decide(election, envelope).map(drop),
            None => self.clone_fresh_apply(envelope),
        }
    }

    fn clone_fresh_apply(&self, envelope: &Envelope) -> Result<(), DomainError> {
        Elections {
            by_id: BTreeMap::new(),
            accounts: Accounts::default(),
        }
        .apply(envelope)
        .map(drop)
    }

    pub fn get(&self, id: &str) -> Option<&Election> {
        self.by_id.get(id)
    }

    /// The original election.
    pub fn original(&self) -> &Election {
        // Always present: `default` puts it there and nothing removes it.
        static EMPTY: std::sync::OnceLock<Election> = std::sync::OnceLock::new();
        self.by_id
            .get(DEFAULT_ELECTION)
            .unwrap_or_else(|| EMPTY.get_or_init(Election::default))
    }

    /// The highest Lamport time in any election's log.
    pub fn lamport(&self) -> u64 {
        self.by_id.values().map(|e| e.lamport).max().unwrap_or(0)
    }

    /// The named admin accounts.
    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// Every election, by id.
    pub fn iter(&self) -> impl Iterator<Item = (&ElectionId, &Election)> {
        self.by_id.iter()
    }
}
