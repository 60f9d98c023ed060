//! Read models derived from the committed state and events; nothing here is stored, so they
//! are rebuilt from sequence 0 whenever the engine replays the log.
//!
//! - [`results`]: the results/tally view, hiding counts until they may be seen.
//! - [`notifications`]: the human-readable activity feed, per audience.

pub mod notifications;
pub mod results;

#[cfg(test)]
mod proptests;
