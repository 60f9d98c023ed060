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

mod command;
mod decide;
mod error;
mod state;

pub use command::{Command, Envelope, DEFAULT_CANDIDATES, DEFAULT_VOTERS};
pub use decide::{decide, FUTURE_CLICK_TOLERANCE_MS, MAX_NAME_LEN};
pub use error::DomainError;
pub use state::{Election, VoterRecord};

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
