//! What one Raft entry carries: one envelope, or a batch of them (the vote workers propose
//! every vote waiting, up to a cap, as one entry). The state machine decides a batch's
//! envelopes one by one in order, so a refused one refuses only itself; the entry's answer is
//! one decision per envelope.
//!
//! A single envelope is written exactly as before batches existed (`untagged`), so logs and
//! snapshots written by older builds read unchanged.

use serde::{Deserialize, Serialize};

use crate::domain::Envelope;

// A proposal lives for one trip through Raft; boxing its one envelope would cost every
// single write an allocation to save stack bytes nobody keeps.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Proposal {
    Batch { batch: Vec<Envelope> },
    One(Envelope),
}

impl Proposal {
    /// One entry for `envelopes`: a batch only when there are several.
    pub fn of(mut envelopes: Vec<Envelope>) -> Proposal {
        match envelopes.len() {
            1 => Proposal::One(envelopes.remove(0)),
            _ => Proposal::Batch { batch: envelopes },
        }
    }

    pub fn envelopes(&self) -> &[Envelope] {
        match self {
            Proposal::One(envelope) => std::slice::from_ref(envelope),
            Proposal::Batch { batch } => batch,
        }
    }

    pub fn into_envelopes(self) -> Vec<Envelope> {
        match self {
            Proposal::One(envelope) => vec![envelope],
            Proposal::Batch { batch } => batch,
        }
    }
}

impl std::fmt::Display for Proposal {
    // openraft requires the application data to be `Display` for its logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Proposal::One(envelope) => envelope.fmt(f),
            Proposal::Batch { batch } => match batch.first() {
                Some(first) => write!(f, "batch of {} from {first}", batch.len()),
                None => write!(f, "empty batch"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Command;

    fn envelope(lamport: u64) -> Envelope {
        Envelope {
            election: "default".into(),
            command: Command::SeedDefaults,
            node_id: 1,
            received_at_ms: 0,
            lamport,
            idempotency: None,
            by: None,
        }
    }

    /// Logs written before batches hold bare envelopes: they must read as `One`.
    #[test]
    fn a_bare_envelope_reads_as_one_and_a_batch_round_trips() {
        let bare = serde_json::to_string(&envelope(7)).unwrap();
        let read: Proposal = serde_json::from_str(&bare).unwrap();
        assert_eq!(read, Proposal::One(envelope(7)));
        assert_eq!(serde_json::to_string(&read).unwrap(), bare);
        let batch = Proposal::of(vec![envelope(1), envelope(2)]);
        let text = serde_json::to_string(&batch).unwrap();
        assert_eq!(serde_json::from_str::<Proposal>(&text).unwrap(), batch);
        assert_eq!(batch.envelopes().len(), 2);
    }
}
