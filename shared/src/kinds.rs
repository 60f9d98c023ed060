//! The closed vocabularies of the wire besides error codes: what a notification is about
//! ([`NotificationKind`]) and a member's part in the cluster ([`Role`]). Their serde names are
//! the wire strings; a value from a newer server reads as `Unknown`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::events::EventPayload;

/// What a [`crate::dto::Notification`] is about: the kind of the log event it describes (the same names
/// as [`EventPayload::kind`]), or `cluster` for news about the replicas.
///
/// A kind this build does not know (from a newer server) reads as
/// [`NotificationKind::Unknown`], so an older page still shows the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    CandidateAdded,
    VoterRegistered,
    VoterLoggedIn,
    VoteCast,
    DeadlineSet,
    LiveResultsSet,
    VotingStarted,
    VotingClosed,
    ResultsPublished,
    ElectionDefined,
    VoterImported,
    RollImported,
    CredentialIssued,
    MailRequested,
    MailQueued,
    MailSent,
    MailFailed,
    AccountCreated,
    AccountDeleted,
    OfficialsAssigned,
    TrusteesNamed,
    TrusteeCommitted,
    TrusteePolynomialPublished,
    TrusteeSharesPublished,
    ElectionKeyPublished,
    TrusteeDecrypted,
    TallyDecrypted,
    /// A replica became unreachable or came back, or the leader changed.
    Cluster,
    /// A kind from a newer server. Never sent by the server.
    #[serde(other)]
    Unknown,
}

impl NotificationKind {
    /// The wire string, as serde writes it (also a CSS class of the activity feed).
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::CandidateAdded => "candidate_added",
            NotificationKind::VoterRegistered => "voter_registered",
            NotificationKind::VoterLoggedIn => "voter_logged_in",
            NotificationKind::VoteCast => "vote_cast",
            NotificationKind::DeadlineSet => "deadline_set",
            NotificationKind::LiveResultsSet => "live_results_set",
            NotificationKind::VotingStarted => "voting_started",
            NotificationKind::VotingClosed => "voting_closed",
            NotificationKind::ResultsPublished => "results_published",
            NotificationKind::ElectionDefined => "election_defined",
            NotificationKind::VoterImported => "voter_imported",
            NotificationKind::RollImported => "roll_imported",
            NotificationKind::CredentialIssued => "credential_issued",
            NotificationKind::MailRequested => "mail_requested",
            NotificationKind::MailQueued => "mail_queued",
            NotificationKind::MailSent => "mail_sent",
            NotificationKind::MailFailed => "mail_failed",
            NotificationKind::AccountCreated => "account_created",
            NotificationKind::AccountDeleted => "account_deleted",
            NotificationKind::OfficialsAssigned => "officials_assigned",
            NotificationKind::TrusteesNamed => "trustees_named",
            NotificationKind::TrusteeCommitted => "trustee_committed",
            NotificationKind::TrusteePolynomialPublished => "trustee_polynomial_published",
            NotificationKind::TrusteeSharesPublished => "trustee_shares_published",
            NotificationKind::ElectionKeyPublished => "election_key_published",
            NotificationKind::TrusteeDecrypted => "trustee_decrypted",
            NotificationKind::TallyDecrypted => "tally_decrypted",
            NotificationKind::Cluster => "cluster",
            NotificationKind::Unknown => "unknown",
        }
    }
}

impl fmt::Display for NotificationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&EventPayload> for NotificationKind {
    fn from(payload: &EventPayload) -> Self {
        match payload {
            EventPayload::CandidateAdded { .. } => NotificationKind::CandidateAdded,
            EventPayload::VoterRegistered { .. } => NotificationKind::VoterRegistered,
            EventPayload::VoterLoggedIn { .. } => NotificationKind::VoterLoggedIn,
            EventPayload::VoteCast { .. } => NotificationKind::VoteCast,
            EventPayload::DeadlineSet { .. } => NotificationKind::DeadlineSet,
            EventPayload::LiveResultsSet { .. } => NotificationKind::LiveResultsSet,
            EventPayload::VotingStarted => NotificationKind::VotingStarted,
            EventPayload::VotingClosed { .. } => NotificationKind::VotingClosed,
            EventPayload::ResultsPublished => NotificationKind::ResultsPublished,
            EventPayload::ElectionDefined { .. } => NotificationKind::ElectionDefined,
            EventPayload::VoterImported { .. } => NotificationKind::VoterImported,
            EventPayload::RollImported { .. } => NotificationKind::RollImported,
            EventPayload::CredentialIssued { .. } => NotificationKind::CredentialIssued,
            EventPayload::MailRequested { .. } => NotificationKind::MailRequested,
            EventPayload::MailQueued { .. } => NotificationKind::MailQueued,
            EventPayload::MailSent { .. } => NotificationKind::MailSent,
            EventPayload::MailFailed { .. } => NotificationKind::MailFailed,
            EventPayload::AccountCreated { .. } => NotificationKind::AccountCreated,
            EventPayload::AccountDeleted { .. } => NotificationKind::AccountDeleted,
            EventPayload::OfficialsAssigned { .. } => NotificationKind::OfficialsAssigned,
            EventPayload::TrusteesNamed { .. } => NotificationKind::TrusteesNamed,
            EventPayload::TrusteeCommitted { .. } => NotificationKind::TrusteeCommitted,
            EventPayload::TrusteePolynomialPublished { .. } => {
                NotificationKind::TrusteePolynomialPublished
            }
            EventPayload::TrusteeSharesPublished { .. } => NotificationKind::TrusteeSharesPublished,
            EventPayload::ElectionKeyPublished { .. } => NotificationKind::ElectionKeyPublished,
            EventPayload::TrusteeDecrypted { .. } => NotificationKind::TrusteeDecrypted,
            EventPayload::TallyDecrypted { .. } => NotificationKind::TallyDecrypted,
        }
    }
}

/// A member's part in the Raft cluster, as `GET /api/cluster/status` and `/health` report it.
///
/// A role this build does not know (from a newer server) reads as [`Role::Unknown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Leader,
    Follower,
    Candidate,
    /// A non-voting member (the tally node), receiving the log.
    Learner,
    /// The member's Raft is stopping.
    Shutdown,
    /// The member did not answer (or named a role this build does not know).
    #[serde(other)]
    Unknown,
}

impl Role {
    /// The wire string, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Leader => "leader",
            Role::Follower => "follower",
            Role::Candidate => "candidate",
            Role::Learner => "learner",
            Role::Shutdown => "shutdown",
            Role::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
