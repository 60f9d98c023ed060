//! The pure election domain: commands in, events out, state by folding events.
//!
//! Nothing here does IO, reads a clock or draws a random number: everything a decision needs
//! (the receive time, the Lamport time, the session hash, the grace window) is inside the
//! [`Envelope`]. That is what lets every replica's Raft state machine apply the same envelope
//! and reach the same events, byte for byte, and lets an auditor replay the log.
//!
//! - [`command`]: the imperative commands and the envelope that stamps them.
//! - [`decide`]: `decide(&Election, &Envelope) -> Result<Vec<EventPayload>, DomainError>`.
//! - [`state`]: the [`Election`] state and `evolve`, a plain `match` over events.
//! - [`elections`]: every election by id ([`Elections`]); a command reads only its own.
//! - [`definition`]: what makes an election definition or a roll row acceptable.
//! - `decide_roll`: deciding definitions, roll imports, credentials and credential logins.
//! - [`mail`]: mail to voters: queued, sent, failed; what the leader's sender reports.
//! - [`translations`]: an election's language and its wording in others.
//! - [`names`]: how voter names are normalised, refused and compared.
//! - [`replies`]: the first decision for each idempotency key, so retries are answered, not redone.
//!
//! `apply` is total: whatever an envelope holds, it returns a decision (events or a refusal)
//! and never panics; every counter moves by checked or saturating arithmetic.

pub mod accounts;
mod command;
mod decide;
mod decide_roll;
pub mod definition;
mod elections;
mod error;
pub mod mail;
pub mod names;
mod public_log;
pub mod questions;
mod replies;
pub mod secret;
mod state;
pub mod translations;

pub use command::{
    Command, Envelope, IdempotencyStamp, ImportRow, DEFAULT_CANDIDATES, DEFAULT_VOTERS,
};
pub use decide::{decide, FUTURE_CLICK_TOLERANCE_MS};
pub use elections::{Elections, DEFAULT_TITLE};
pub use error::DomainError;
pub use names::MAX_NAME_LEN;
pub use public_log::PublicLog;
pub use replies::{Decision, Remembered, Replies, REMEMBERED_KEYS};
pub use state::{Election, VoterRecord};

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod proptests_elections;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_mail;
