//! Commands (what someone asks for) and the envelope that makes them deterministic.

use serde::{Deserialize, Serialize};
use shared::ballots::{Answers, QuestionSpec, Weight};
use shared::elections::{
    default_election_id, is_default_election, CandidateSpec, ElectionId, ElectionOptions,
};
use shared::ids::{CandidateId, LamportTime, NodeId, TimestampMs, VoterId};
use shared::languages::{Language, Translation};
use shared::mail::MailKind;
use std::collections::BTreeMap;

use super::mail::{MailOutcome, QueuedMail};

/// The ten candidates put on the ballot at first start.
pub const DEFAULT_CANDIDATES: [&str; 10] = [
    "Ada Lovelace",
    "Alan Turing",
    "Grace Hopper",
    "Edsger Dijkstra",
    "Barbara Liskov",
    "Donald Knuth",
    "Margaret Hamilton",
    "Leslie Lamport",
    "Frances Allen",
    "Ken Thompson",
];

/// The ten voters of the original system, ids 1 to 10 in this order.
pub const DEFAULT_VOTERS: [&str; 10] = [
    "Alice", "Bob", "Charlie", "Diana", "Eve", "Frank", "Grace", "Henry", "Ivy", "Jack",
];

/// What a client (or the server's own deadline timer) asks the election to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    /// Put the default candidates and voters in place; does nothing once done.
    SeedDefaults,
    RegisterVoter {
        name: String,
    },
    /// The session token was drawn by the receiving node; only its hash travels.
    Login {
        name: String,
        voter_id: VoterId,
        session_hash: String,
    },
    CastVote {
        session_hash: String,
        /// The old body's one choice (0 when the ballot comes as `answers`).
        #[serde(default)]
        candidate_id: CandidateId,
        /// The whole ballot, question by question.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answers: Option<Answers>,
        click_time_ms: TimestampMs,
        /// How far before the receive time a click time is still trusted.
        grace_ms: u64,
        /// The ballot's public id (128 random bits, hex), drawn by the receiving node: the
        /// public log names the ballot by it, never by the voter. Empty in older logs.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        ballot_id: String,
        /// A verifiable election's sealed ballot, its proofs checked by the receiving member.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sealed: Option<shared::secrecy::ballot::SealedBallot>,
    },
    SetDeadline {
        end_time_ms: TimestampMs,
    },
    SetLiveResults {
        enabled: bool,
    },
    StartVoting,
    StopVoting,
    /// Sent by the server's timer once the deadline has passed.
    CloseAtDeadline,
    PublishResults,
    /// Define a new election (`create`) or redefine one still in setup.
    DefineElection {
        create: bool,
        title: String,
        description: String,
        candidates: Vec<CandidateSpec>,
        /// A ballot of questions (then `candidates` is empty), as the admin wrote them.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        questions: Vec<QuestionSpec>,
        options: ElectionOptions,
        /// The election's own language (English when absent), and its wording in others.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<Language>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        translations: BTreeMap<Language, Translation>,
    },
    /// Put voters on the roll; each credential was derived by the receiving node and only its
    /// hash travels. A large roll comes in several of these (see `api::roll`); `first_row` is
    /// the 1-based number of the first row minus one, so refusals and skips name file rows.
    ImportVoters {
        rows: Vec<ImportRow>,
        #[serde(default)]
        first_row: u64,
    },
    /// Replace a voter's credential (hash only).
    IssueCredential {
        voter_id: VoterId,
        credential_hash: String,
    },
    /// Log in with a credential (hash only); the session token was drawn by the node.
    CredentialLogin {
        credential_hash: String,
        session_hash: String,
    },
    /// Queue mails of `kind` to these voters (one part of an admin's request, see
    /// `api::mail`). An invitation's credential is derived from the write's idempotency key.
    QueueMail {
        kind: MailKind,
        mails: Vec<QueuedMail>,
    },
    /// What the leader's mail sender learned of the mails it tried.
    RecordMail {
        outcomes: Vec<MailOutcome>,
    },
    /// A named admin account (in the accounts' scope); the hashes were made by the node.
    CreateAccount {
        name: String,
        role: shared::accounts::AccountRole,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        password_hash: Option<String>,
        token_hash: String,
        /// The first owner, by the setup link or `--owner-password-file`: refused once any
        /// account has existed, which makes the link good for one use.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        first: bool,
    },
    DeleteAccount {
        account_id: shared::accounts::AccountId,
    },
    /// The election's officials and observers, the whole list.
    AssignOfficials {
        account_ids: Vec<shared::accounts::AccountId>,
    },
    /// A verifiable election's trustees (token hashes only).
    NameTrustees {
        threshold: u32,
        trustees: Vec<shared::events::TrusteeRecord>,
    },
    /// A trustee's ceremony part or decryption, by the SHA-256 of their token.
    Trustee {
        token_hash: String,
        #[serde(flatten)]
        part: super::secret::TrusteePart,
    },
}

/// One voter of a roll import, as the log carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    pub credential_hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
}

impl Command {
    /// The command's serde tag (`cast_vote`, …), for logs: read from the serialised form, so
    /// it cannot drift from the name the Raft log stores.
    pub fn name(&self) -> String {
        let tagged = serde_json::to_value(self).ok();
        let tag = tagged.as_ref().and_then(|value| value["type"].as_str());
        tag.unwrap_or("command").to_string()
    }
}

/// A command stamped by the node that received it. This is what goes into the Raft log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// The election the command is for (`default` in logs written before elections).
    #[serde(
        default = "default_election_id",
        skip_serializing_if = "is_default_election"
    )]
    pub election: ElectionId,
    pub command: Command,
    /// The node that received the command.
    pub node_id: NodeId,
    /// The receiving node's synchronised clock when the command arrived.
    pub received_at_ms: TimestampMs,
    /// The receiving node's Lamport clock after merging the client's timestamp.
    pub lamport: LamportTime,
    /// The write's idempotency key (the client's, or one the receiving node drew) and what the
    /// request was, so a retry gets the first answer and a reused key is told apart. Absent in
    /// logs written before keys existed, and on the server's own commands (seeding, deadline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency: Option<IdempotencyStamp>,
    /// The admin account the command comes from (admin commands only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<shared::accounts::Actor>,
}

/// An idempotency key and the fingerprint of the request that first used it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IdempotencyStamp {
    /// 1–64 visible ASCII characters; global across routes.
    pub key: String,
    /// SHA-256 (hex) of the route and the request's canonical body, computed by the receiving
    /// node: the same key with another fingerprint is a reused key, refused with 422.
    pub fingerprint: String,
}

impl Envelope {
    /// The same envelope, from the admin account `actor`.
    pub fn by(mut self, actor: shared::accounts::Actor) -> Envelope {
        self.by = Some(actor);
        self
    }

    /// The same envelope for election `id` (stamping makes envelopes for the original one).
    pub fn in_election(mut self, id: &str) -> Envelope {
        self.election = id.to_string();
        self
    }
}

impl std::fmt::Display for Envelope {
    // openraft requires the application data to be `Display` for its logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}@node{}/L{}",
            self.command.name(),
            self.node_id,
            self.lamport
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_is_named_by_its_serde_tag() {
        assert_eq!(Command::SeedDefaults.name(), "seed_defaults");
        let vote = Command::CastVote {
            session_hash: "hash".into(),
            candidate_id: 1,
            click_time_ms: 0,
            grace_ms: 0,
            ballot_id: String::new(),
            answers: None,
            sealed: None,
        };
        assert_eq!(vote.name(), "cast_vote");
    }
}
