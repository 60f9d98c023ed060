//! The activity feed's lines as data: what each line says, without its words.
//!
//! The server still writes every line in English ([`crate::dto::Notification::message`], a
//! documented contract), and it writes that sentence from a [`FeedWords`]
//! ([`FeedWords::english`]), sent alongside in [`crate::dto::Notification::words`]: so a page
//! can word the line in its own language and the two can never disagree.
//!
//! Each variant carries exactly the data its English sentence uses. A line a newer server
//! adds reads as [`FeedWords::Unknown`], and a page then shows `message` as it is.

use serde::{Deserialize, Serialize};

use crate::ids::{NodeId, VoterId};
use crate::mail::MailKind;

/// One line of the activity feed, as data (`{"line": "voted", "voter_id": 3, …}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "line", rename_all = "snake_case")]
pub enum FeedWords {
    /// "Candidate {name} is on the ballot".
    CandidateAdded { name: String },
    /// "{name} registered as voter {voter_id}" (the admin's feed).
    VoterRegistered { voter_id: VoterId, name: String },
    /// "A voter registered ({on_roll} on the roll)" (the public feed, which names no one).
    SomeoneRegistered { on_roll: u64 },
    /// "{name} logged in"; without a name (a voter the roll does not know), "voter {voter_id}".
    LoggedIn {
        voter_id: VoterId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// "{name} voted" (the admin's feed).
    Voted {
        voter_id: VoterId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// "A vote was cast" (the public feed).
    SomeoneVoted,
    /// "Deadline set: voting closes {duration} after this change".
    DeadlineSet { closes_in_ms: i64 },
    /// "Live results are on" / "Live results are off".
    LiveResults { enabled: bool },
    /// "Voting is open".
    VotingOpened,
    /// "Voting was stopped by the admin".
    VotingStopped,
    /// "Voting closed: the deadline passed".
    DeadlinePassed,
    /// "The results are published".
    ResultsPublished,
    /// "Election \"{title}\" defined with {candidates} candidates".
    ElectionDefined { title: String, candidates: u64 },
    /// "Election \"{title}\" defined with {questions} question(s)".
    ElectionDefinedWithQuestions { title: String, questions: u64 },
    /// "{name} imported as voter {voter_id}" (the admin's feed).
    VoterImported { voter_id: VoterId, name: String },
    /// "Roll imported: {created} voters added, {skipped} skipped".
    RollImported { created: u64, skipped: u64 },
    /// "{name} got a new credential" (the admin's feed).
    CredentialIssued {
        voter_id: VoterId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// "The {kind} to {name} failed: {error}" (the admin's feed; `error` is the mail
    /// server's own text).
    MailFailed {
        voter_id: VoterId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        kind: MailKind,
        error: String,
    },
    /// "Mail queued: {queued} invitations (…voters without an email left out)" (the admin's
    /// feed).
    MailQueued {
        kind: MailKind,
        queued: u64,
        skipped_no_email: u64,
    },
    /// "Replica {node_id} is unreachable: replication to it has stopped".
    ReplicaUnreachable { node_id: NodeId },
    /// "Replica {node_id} is back and catching up".
    ReplicaBack { node_id: NodeId },
    /// "Member {node_id} joined the cluster".
    MemberJoined { node_id: NodeId },
    /// "Replica {node_id} is now the leader (term {term})".
    NewLeader { node_id: NodeId, term: u64 },
    /// "No leader: an election is under way".
    NoLeader,
    /// A line this build does not know (from a newer server): show the message as it is.
    #[serde(other)]
    Unknown,
}

impl FeedWords {
    /// The line in English: exactly [`crate::dto::Notification::message`]. Empty for
    /// [`FeedWords::Unknown`], whose words only its server knows.
    pub fn english(&self) -> String {
        let voter = |voter_id: &VoterId, name: &Option<String>| {
            name.clone().unwrap_or_else(|| format!("voter {voter_id}"))
        };
        match self {
            FeedWords::CandidateAdded { name } => format!("Candidate {name} is on the ballot"),
            FeedWords::VoterRegistered { voter_id, name } => {
                format!("{name} registered as voter {voter_id}")
            }
            FeedWords::SomeoneRegistered { on_roll } => {
                format!("A voter registered ({on_roll} on the roll)")
            }
            FeedWords::LoggedIn { voter_id, name } => {
                format!("{} logged in", voter(voter_id, name))
            }
            FeedWords::Voted { voter_id, name } => format!("{} voted", voter(voter_id, name)),
            FeedWords::SomeoneVoted => "A vote was cast".to_string(),
            FeedWords::DeadlineSet { closes_in_ms } => format!(
                "Deadline set: voting closes {} after this change",
                duration(*closes_in_ms)
            ),
            FeedWords::LiveResults { enabled: true } => "Live results are on".to_string(),
            FeedWords::LiveResults { enabled: false } => "Live results are off".to_string(),
            FeedWords::VotingOpened => "Voting is open".to_string(),
            FeedWords::VotingStopped => "Voting was stopped by the admin".to_string(),
            FeedWords::DeadlinePassed => "Voting closed: the deadline passed".to_string(),
            FeedWords::ResultsPublished => "The results are published".to_string(),
            FeedWords::ElectionDefined { title, candidates } => {
                format!("Election {title:?} defined with {candidates} candidates")
            }
            FeedWords::ElectionDefinedWithQuestions { title, questions } => {
                let plural = if *questions == 1 { "" } else { "s" };
                format!("Election {title:?} defined with {questions} question{plural}")
            }
            FeedWords::VoterImported { voter_id, name } => {
                format!("{name} imported as voter {voter_id}")
            }
            FeedWords::RollImported { created, skipped } => {
                format!("Roll imported: {created} voters added, {skipped} skipped")
            }
            FeedWords::CredentialIssued { voter_id, name } => {
                format!("{} got a new credential", voter(voter_id, name))
            }
            FeedWords::MailFailed {
                voter_id,
                name,
                kind,
                error,
            } => format!(
                "The {} to {} failed: {error}",
                kind.as_str(),
                voter(voter_id, name)
            ),
            FeedWords::MailQueued {
                kind,
                queued,
                skipped_no_email,
            } => format!(
                "Mail queued: {queued} {}{}",
                match (kind, *queued == 1) {
                    (MailKind::Invitation, true) => "invitation",
                    (MailKind::Invitation, false) => "invitations",
                    (MailKind::Reminder, true) => "reminder",
                    (MailKind::Reminder, false) => "reminders",
                    (MailKind::Results, true) => "results mail",
                    (MailKind::Results, false) => "results mails",
                },
                match skipped_no_email {
                    0 => String::new(),
                    1 => " (1 voter without an email left out)".to_string(),
                    n => format!(" ({n} voters without an email left out)"),
                }
            ),
            FeedWords::ReplicaUnreachable { node_id } => {
                format!("Replica {node_id} is unreachable: replication to it has stopped")
            }
            FeedWords::ReplicaBack { node_id } => {
                format!("Replica {node_id} is back and catching up")
            }
            FeedWords::MemberJoined { node_id } => format!("Member {node_id} joined the cluster"),
            FeedWords::NewLeader { node_id, term } => {
                format!("Replica {node_id} is now the leader (term {term})")
            }
            FeedWords::NoLeader => "No leader: an election is under way".to_string(),
            FeedWords::Unknown => String::new(),
        }
    }
}

/// A span in whole hours, minutes and seconds, rounded to the nearest second as
/// [`duration`] words it: what a page words in its own language.
pub fn duration_parts(ms: i64) -> (i64, i64, i64) {
    let seconds = ms.max(0).saturating_add(500) / 1000;
    (seconds / 3600, seconds / 60 % 60, seconds % 60)
}

/// "1 h 5 min", "12 min 30 s", "45 s": a span people read at a glance (browsers show the clock).
pub fn duration(ms: i64) -> String {
    let (hours, minutes, seconds) = duration_parts(ms);
    match (hours, minutes) {
        (0, 0) => format!("{seconds} s"),
        (0, _) if seconds == 0 => format!("{minutes} min"),
        (0, _) => format!("{minutes} min {seconds} s"),
        _ => format!("{hours} h {minutes} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45_000), "45 s");
        assert_eq!(duration(30 * 60_000), "30 min");
        assert_eq!(duration(12 * 60_000 + 30_000), "12 min 30 s");
        assert_eq!(duration(65 * 60_000), "1 h 5 min");
        assert_eq!(duration(-5), "0 s");
    }

    /// Every line as the server wrote it before the lines were data.
    #[test]
    fn every_line_reads_as_the_server_always_wrote_it() {
        let ada = Some("Ada".to_string());
        let lines = [
            (
                FeedWords::CandidateAdded { name: "Ada".into() },
                "Candidate Ada is on the ballot",
            ),
            (
                FeedWords::VoterRegistered {
                    voter_id: 3,
                    name: "Ada".into(),
                },
                "Ada registered as voter 3",
            ),
            (
                FeedWords::SomeoneRegistered { on_roll: 3 },
                "A voter registered (3 on the roll)",
            ),
            (
                FeedWords::LoggedIn {
                    voter_id: 3,
                    name: ada.clone(),
                },
                "Ada logged in",
            ),
            (
                FeedWords::LoggedIn {
                    voter_id: 9,
                    name: None,
                },
                "voter 9 logged in",
            ),
            (
                FeedWords::Voted {
                    voter_id: 3,
                    name: ada.clone(),
                },
                "Ada voted",
            ),
            (FeedWords::SomeoneVoted, "A vote was cast"),
            (
                FeedWords::DeadlineSet {
                    closes_in_ms: 90 * 60_000,
                },
                "Deadline set: voting closes 1 h 30 min after this change",
            ),
            (
                FeedWords::LiveResults { enabled: true },
                "Live results are on",
            ),
            (
                FeedWords::LiveResults { enabled: false },
                "Live results are off",
            ),
            (FeedWords::VotingOpened, "Voting is open"),
            (FeedWords::VotingStopped, "Voting was stopped by the admin"),
            (
                FeedWords::DeadlinePassed,
                "Voting closed: the deadline passed",
            ),
            (FeedWords::ResultsPublished, "The results are published"),
            (
                FeedWords::ElectionDefined {
                    title: "Board \"2026\"".into(),
                    candidates: 2,
                },
                "Election \"Board \\\"2026\\\"\" defined with 2 candidates",
            ),
            (
                FeedWords::ElectionDefinedWithQuestions {
                    title: "Board".into(),
                    questions: 1,
                },
                "Election \"Board\" defined with 1 question",
            ),
            (
                FeedWords::ElectionDefinedWithQuestions {
                    title: "Board".into(),
                    questions: 2,
                },
                "Election \"Board\" defined with 2 questions",
            ),
            (
                FeedWords::VoterImported {
                    voter_id: 4,
                    name: "Ada".into(),
                },
                "Ada imported as voter 4",
            ),
            (
                FeedWords::RollImported {
                    created: 5,
                    skipped: 1,
                },
                "Roll imported: 5 voters added, 1 skipped",
            ),
            (
                FeedWords::CredentialIssued {
                    voter_id: 3,
                    name: ada.clone(),
                },
                "Ada got a new credential",
            ),
            (
                FeedWords::MailFailed {
                    voter_id: 3,
                    name: ada,
                    kind: MailKind::Reminder,
                    error: "550 no such user".into(),
                },
                "The reminder to Ada failed: 550 no such user",
            ),
            (
                FeedWords::MailQueued {
                    kind: MailKind::Invitation,
                    queued: 1,
                    skipped_no_email: 0,
                },
                "Mail queued: 1 invitation",
            ),
            (
                FeedWords::MailQueued {
                    kind: MailKind::Results,
                    queued: 2,
                    skipped_no_email: 1,
                },
                "Mail queued: 2 results mails (1 voter without an email left out)",
            ),
            (
                FeedWords::MailQueued {
                    kind: MailKind::Reminder,
                    queued: 0,
                    skipped_no_email: 3,
                },
                "Mail queued: 0 reminders (3 voters without an email left out)",
            ),
            (
                FeedWords::ReplicaUnreachable { node_id: 2 },
                "Replica 2 is unreachable: replication to it has stopped",
            ),
            (
                FeedWords::ReplicaBack { node_id: 2 },
                "Replica 2 is back and catching up",
            ),
            (
                FeedWords::MemberJoined { node_id: 4 },
                "Member 4 joined the cluster",
            ),
            (
                FeedWords::NewLeader {
                    node_id: 1,
                    term: 7,
                },
                "Replica 1 is now the leader (term 7)",
            ),
            (FeedWords::NoLeader, "No leader: an election is under way"),
        ];
        for (words, english) in lines {
            assert_eq!(words.english(), english, "{words:?}");
        }
    }

    #[test]
    fn a_line_is_tagged_and_a_newer_line_is_unknown() {
        let json = serde_json::to_value(FeedWords::Voted {
            voter_id: 3,
            name: Some("Ada".into()),
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"line": "voted", "voter_id": 3, "name": "Ada"})
        );
        let newer: FeedWords =
            serde_json::from_value(serde_json::json!({"line": "quorum_reached", "count": 5}))
                .unwrap();
        assert_eq!(newer, FeedWords::Unknown);
        let round: FeedWords = serde_json::from_value(json).unwrap();
        assert_eq!(round.english(), "Ada voted");
    }
}
