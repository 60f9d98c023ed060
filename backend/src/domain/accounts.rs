//! Named admin accounts: their own small log beside the elections', decided and folded like
//! an election's, in the reserved scope [`ACCOUNTS_SCOPE`] (not a valid election id, so no
//! election can take it, and no list of elections shows it).
//!
//! Only hashes are kept: the token's SHA-256 and the password's argon2id string, both made by
//! the node that took the request (a hash with a random salt must be drawn once, not by each
//! replica). Who may do what is the HTTP layer's business; this is who exists.

use std::collections::BTreeMap;

use shared::accounts::{valid_account_name, AccountId, AccountRole};
use shared::{Event, EventPayload, Seq};

use super::{Command, DomainError, Envelope};

/// The scope of the accounts' log.
pub const ACCOUNTS_SCOPE: &str = "_accounts";

/// One account as the log made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub role: AccountRole,
    pub password_hash: Option<String>,
    pub token_hash: String,
}

/// Every account, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accounts {
    by_id: BTreeMap<AccountId, Account>,
    /// The highest id ever given: a deleted account's id is never given again, so an old
    /// `by` in a log never names a newer account.
    last_id: AccountId,
    last_seq: Seq,
    lamport: u64,
}

impl Accounts {
    pub fn evolve(&mut self, event: &Event) {
        self.last_seq = event.seq;
        self.lamport = self.lamport.max(event.lamport);
        match &event.payload {
            EventPayload::AccountCreated {
                account_id,
                name,
                role,
                password_hash,
                token_hash,
            } => {
                self.last_id = self.last_id.max(*account_id);
                self.by_id.insert(
                    *account_id,
                    Account {
                        name: name.clone(),
                        role: *role,
                        password_hash: password_hash.clone(),
                        token_hash: token_hash.clone(),
                    },
                );
            }
            EventPayload::AccountDeleted { account_id } => {
                self.by_id.remove(account_id);
            }
            _ => {}
        }
    }

    pub fn decide(&self, envelope: &Envelope) -> Result<Vec<EventPayload>, DomainError> {
        match &envelope.command {
            Command::CreateAccount {
                name,
                role,
                password_hash,
                token_hash,
                first,
            } => {
                if *first && self.last_id > 0 {
                    return Err(DomainError::AccountExists(
                        "the first owner (the setup link has been used)".into(),
                    ));
                }
                let name = name.trim().to_string();
                if !valid_account_name(&name) {
                    return Err(DomainError::InvalidAccount(
                        "the name must be 1 to 64 characters of visible text".into(),
                    ));
                }
                if self.named(&name).is_some() {
                    return Err(DomainError::AccountExists(name));
                }
                let hex =
                    |text: &str| text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit());
                if !hex(token_hash) {
                    return Err(DomainError::InvalidAccount("malformed token hash".into()));
                }
                let account_id = self
                    .last_id
                    .checked_add(1)
                    .ok_or_else(|| DomainError::InvalidAccount("no account id is left".into()))?;
                Ok(vec![EventPayload::AccountCreated {
                    account_id,
                    name,
                    role: *role,
                    password_hash: password_hash.clone(),
                    token_hash: token_hash.clone(),
                }])
            }
            Command::DeleteAccount { account_id } => match self.by_id.contains_key(account_id) {
                true => Ok(vec![EventPayload::AccountDeleted {
                    account_id: *account_id,
                }]),
                false => Err(DomainError::NoSuchAccount(*account_id)),
            },
            other => Err(DomainError::InvalidAccount(format!(
                "{} is not an account command",
                other.name()
            ))),
        }
    }

    /// Decides, stamps and folds; like an election's `apply`, total.
    pub fn apply(&mut self, envelope: &Envelope) -> Result<Vec<Event>, DomainError> {
        let payloads = self.decide(envelope)?;
        let mut events = Vec::with_capacity(payloads.len());
        for payload in payloads {
            let seq = self
                .last_seq
                .checked_add(1)
                .ok_or(DomainError::LamportExhausted)?;
            let lamport = self
                .lamport
                .max(envelope.lamport)
                .checked_add(1)
                .ok_or(DomainError::LamportExhausted)?;
            let event = Event {
                election_id: ACCOUNTS_SCOPE.to_string(),
                seq,
                lamport,
                node_id: envelope.node_id,
                time_ms: envelope.received_at_ms,
                payload,
                by: envelope.by.clone(),
            };
            self.evolve(&event);
            events.push(event);
        }
        Ok(events)
    }

    pub fn get(&self, id: AccountId) -> Option<&Account> {
        self.by_id.get(&id)
    }

    /// The account of this name, compared without regard to case.
    pub fn named(&self, name: &str) -> Option<(AccountId, &Account)> {
        let wanted = name.trim().to_lowercase();
        self.by_id
            .iter()
            .find(|(_, account)| account.name.to_lowercase() == wanted)
            .map(|(id, account)| (*id, account))
    }

    /// The account whose token hashes to `token_hash`.
    pub fn by_token_hash(&self, token_hash: &str) -> Option<(AccountId, &Account)> {
        self.by_id
            .iter()
            .find(|(_, account)| account.token_hash == token_hash)
            .map(|(id, account)| (*id, account))
    }

    /// Whether no account has ever existed (the first owner may still be made).
    pub fn never_had_any(&self) -> bool {
        self.last_id == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = (&AccountId, &Account)> {
        self.by_id.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(command: Command) -> Envelope {
        Envelope {
            election: ACCOUNTS_SCOPE.into(),
            command,
            node_id: 1,
            received_at_ms: 1_000,
            lamport: 1,
            idempotency: None,
            by: None,
        }
    }

    fn create(name: &str, role: AccountRole) -> Envelope {
        at(Command::CreateAccount {
            name: name.into(),
            role,
            password_hash: None,
            token_hash: "ab".repeat(32),
            first: false,
        })
    }

    #[test]
    fn the_first_owner_can_be_made_once_only() {
        let first = || {
            at(Command::CreateAccount {
                name: "Olga".into(),
                role: AccountRole::Owner,
                password_hash: None,
                token_hash: "cd".repeat(32),
                first: true,
            })
        };
        let mut accounts = Accounts::default();
        accounts.apply(&first()).unwrap();
        assert!(matches!(
            accounts.apply(&first()),
            Err(DomainError::AccountExists(_))
        ));
        // Also after the first owner is deleted: the link was used.
        accounts
            .apply(&at(Command::DeleteAccount { account_id: 1 }))
            .unwrap();
        assert!(accounts.apply(&first()).is_err());
    }

    #[test]
    fn accounts_are_numbered_and_a_deleted_id_is_never_given_again() {
        let mut accounts = Accounts::default();
        accounts
            .apply(&create("Ana", AccountRole::Official))
            .unwrap();
        accounts
            .apply(&create("Bo", AccountRole::Observer))
            .unwrap();
        accounts
            .apply(&at(Command::DeleteAccount { account_id: 2 }))
            .unwrap();
        let events = accounts.apply(&create("Cy", AccountRole::Owner)).unwrap();
        assert!(matches!(
            events[0].payload,
            EventPayload::AccountCreated { account_id: 3, .. }
        ));
        assert!(accounts.get(2).is_none());
        assert_eq!(accounts.named("cy").map(|(id, _)| id), Some(3));
        // Replaying the log gives the same accounts.
        let mut replayed = Accounts::default();
        replayed.evolve(&events[0]);
        assert_eq!(replayed.get(3), accounts.get(3));
    }

    #[test]
    fn a_name_twice_a_bad_name_or_an_unknown_account_is_refused() {
        let mut accounts = Accounts::default();
        accounts
            .apply(&create("Ana", AccountRole::Official))
            .unwrap();
        assert!(matches!(
            accounts.apply(&create(" ana ", AccountRole::Owner)),
            Err(DomainError::AccountExists(_))
        ));
        assert!(matches!(
            accounts.apply(&create("", AccountRole::Owner)),
            Err(DomainError::InvalidAccount(_))
        ));
        assert!(matches!(
            accounts.apply(&at(Command::DeleteAccount { account_id: 9 })),
            Err(DomainError::NoSuchAccount(9))
        ));
        assert!(matches!(
            accounts.apply(&at(Command::StartVoting)),
            Err(DomainError::InvalidAccount(_))
        ));
    }
}
