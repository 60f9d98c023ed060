//! Mail to voters: what an admin asks to send (`POST /api/admin/elections/{id}/mail`), and
//! what the console sees of it (`GET` on the same route).
//!
//! A mail is named by its election, voter, kind and generation: the generation counts how many
//! times that kind was queued for that voter, so a resend is a new mail (and, for an
//! invitation, a new credential), while a retry or a resend after a leader change is the same
//! mail with the same `Message-ID`.

use serde::{Deserialize, Serialize};

use crate::ids::{TimestampMs, VoterId};

/// What a mail is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    /// The personal link and a new credential (setup or open).
    Invitation,
    /// A nudge to a voter who has not voted, with the link only (open).
    Reminder,
    /// The published results, with the link only (published).
    Results,
}

impl MailKind {
    pub const ALL: [MailKind; 3] = [MailKind::Invitation, MailKind::Reminder, MailKind::Results];

    /// The wire string, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Invitation => "invitation",
            MailKind::Reminder => "reminder",
            MailKind::Results => "results",
        }
    }
}

/// Which voters of the roll a request means (before `voter_ids` narrows it down).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MailTarget {
    /// Every voter with an email.
    #[default]
    All,
    /// Voters who were never sent this kind of mail successfully.
    NotSent,
    /// Voters who have not voted.
    NotVoted,
}

/// `POST /api/admin/elections/{id}/mail`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MailRequest {
    pub kind: MailKind,
    #[serde(default)]
    pub to: MailTarget,
    /// Only these voters (of those `to` means); all of them when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voter_ids: Option<Vec<VoterId>>,
}

/// The answer to a [`MailRequest`] (202): how many mails were queued, and why the others of
/// the voters meant were not.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailQueuedResponse {
    pub queued: u64,
    /// Voters meant who have no email on the roll.
    #[serde(default)]
    pub skipped_no_email: u64,
    /// Voters whose mail of this kind is still waiting to be sent (it is not queued twice).
    #[serde(default)]
    pub already_queued: u64,
    /// Voters who have voted (a reminder goes only to those who have not).
    #[serde(default)]
    pub skipped_voted: u64,
}

/// Where one mail stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MailState {
    /// Waiting for the leader to send it (or to retry it after a temporary failure).
    Queued,
    /// Accepted by the SMTP server.
    Sent,
    /// Refused for good (a 5xx), or given up on after too many temporary failures.
    Failed,
    /// A state from a newer server.
    #[serde(other)]
    Unknown,
}

/// The latest mail of one kind to one voter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailStatus {
    pub voter_id: VoterId,
    pub kind: MailKind,
    pub state: MailState,
    /// How many times it was queued for this voter (1 for the first).
    pub generation: u32,
    /// Delivery attempts so far.
    pub attempts: u32,
    /// The SMTP server's (or the connection's) last complaint.
    #[serde(default)]
    pub last_error: Option<String>,
    /// When the SMTP server accepted it.
    #[serde(default)]
    pub sent_at_ms: Option<TimestampMs>,
    /// The voter's name and address on the roll, for the console.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
}

/// `GET /api/admin/elections/{id}/mail`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailStatusResponse {
    /// Whether the members can send mail (`--smtp-url` was given).
    pub configured: bool,
    pub queued: u64,
    pub sent: u64,
    pub failed: u64,
    pub mails: Vec<MailStatus>,
}

/// The fragment of the personal link an invitation carries: the voter page logs in with it
/// and removes it from the address bar. A fragment never reaches a server's access log.
pub const CREDENTIAL_FRAGMENT: &str = "credential=";

/// The credential in a page's fragment (`#credential=…`), if there is one.
pub fn credential_from_fragment(fragment: &str) -> Option<String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|part| part.strip_prefix(CREDENTIAL_FRAGMENT))
        .map(|value| value.replace("%2D", "-").replace("%2d", "-"))
        .filter(|value| !value.is_empty() && value.len() <= 64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_names_its_kind_and_target_by_their_wire_strings() {
        let request: MailRequest =
            serde_json::from_str(r#"{"kind": "reminder", "to": "not_voted"}"#).unwrap();
        assert_eq!(request.kind, MailKind::Reminder);
        assert_eq!(request.to, MailTarget::NotVoted);
        let request: MailRequest =
            serde_json::from_str(r#"{"kind": "invitation", "voter_ids": [3]}"#).unwrap();
        assert_eq!(request.to, MailTarget::All);
        assert!(serde_json::from_str::<MailRequest>(r#"{"kind": "spam"}"#).is_err());
        assert!(serde_json::from_str::<MailRequest>(r#"{"kind": "results", "x": 1}"#).is_err());
        for kind in MailKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }

    #[test]
    fn the_credential_is_read_from_the_fragment_only_when_present() {
        assert_eq!(
            credential_from_fragment("#credential=ABCDE-FGHIJ").as_deref(),
            Some("ABCDE-FGHIJ")
        );
        assert_eq!(
            credential_from_fragment("x=1&credential=AB%2DCD").as_deref(),
            Some("AB-CD")
        );
        assert_eq!(credential_from_fragment("#credential="), None);
        assert_eq!(credential_from_fragment("#other=1"), None);
        assert_eq!(credential_from_fragment(""), None);
    }

    #[test]
    fn a_state_from_a_newer_server_reads_as_unknown() {
        let state: MailState = serde_json::from_str(r#""bounced""#).unwrap();
        assert_eq!(state, MailState::Unknown);
    }
}
