//! The activity feed: one line per event, worded for the public or for the admin.
//!
//! The public feed never names anyone: not who registered, voted or logged in (a name and a
//! voter number are all a login needed in the original system). The admin feed names voters
//! but, like every other view, never says for whom anyone voted.
//!
//! Each line is a [`FeedWords`] (its data, which the pages word in their own language) and that
//! line's English ([`FeedWords::english`]), the `message` every client has always read: the
//! data carries nothing the English does not, so the public lines name no one either.

use shared::dto::{Notification, NotificationKind};
use shared::feed::FeedWords;
use shared::{CloseReason, Event, EventPayload};

use crate::domain::Election;

/// Who is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Public,
    Admin,
}

/// Renders an event, or `None` when the audience should not see it at all.
pub fn render(event: &Event, election: &Election, audience: Audience) -> Option<Notification> {
    let admin = audience == Audience::Admin;
    // The voter's name from the roll; a voter it does not know is worded by number.
    let voter_name = |id: &u32| election.voters.get(id).map(|v| v.name.clone());
    let words = match &event.payload {
        EventPayload::CandidateAdded { name, .. } => {
            FeedWords::CandidateAdded { name: name.clone() }
        }
        EventPayload::VoterRegistered { voter_id, name } if admin => FeedWords::VoterRegistered {
            voter_id: *voter_id,
            name: name.clone(),
        },
        // Voter ids are handed out in order, so the id is the size of the roll at that point.
        EventPayload::VoterRegistered { voter_id, .. } => FeedWords::SomeoneRegistered {
            on_roll: u64::from(*voter_id),
        },
        EventPayload::VoterLoggedIn { voter_id, .. } if admin => FeedWords::LoggedIn {
            voter_id: *voter_id,
            name: voter_name(voter_id),
        },
        EventPayload::VoterLoggedIn { .. } => return None,
        EventPayload::VoteCast { voter_id, .. } if admin => FeedWords::Voted {
            voter_id: *voter_id,
            name: voter_name(voter_id),
        },
        EventPayload::VoteCast { .. } => FeedWords::SomeoneVoted,
        EventPayload::DeadlineSet { end_time_ms } => FeedWords::DeadlineSet {
            closes_in_ms: end_time_ms.saturating_sub(event.time_ms),
        },
        EventPayload::LiveResultsSet { enabled } => FeedWords::LiveResults { enabled: *enabled },
        EventPayload::VotingStarted => FeedWords::VotingOpened,
        EventPayload::VotingClosed {
            reason: CloseReason::Admin,
        } => FeedWords::VotingStopped,
        EventPayload::VotingClosed {
            reason: CloseReason::Deadline,
        } => FeedWords::DeadlinePassed,
        EventPayload::ResultsPublished => FeedWords::ResultsPublished,
        EventPayload::ElectionDefined {
            title,
            candidates,
            questions,
            ..
        } if questions.is_empty() => FeedWords::ElectionDefined {
            title: title.clone(),
            candidates: candidates.len() as u64,
        },
        EventPayload::ElectionDefined {
            title, questions, ..
        } => FeedWords::ElectionDefinedWithQuestions {
            title: title.clone(),
            questions: questions.len() as u64,
        },
        EventPayload::VoterImported { voter_id, name, .. } if admin => FeedWords::VoterImported {
            voter_id: *voter_id,
            name: name.clone(),
        },
        EventPayload::VoterImported { .. } => return None,
        EventPayload::RollImported {
            created, skipped, ..
        } => FeedWords::RollImported {
            created: *created,
            skipped: skipped.len() as u64,
        },
        EventPayload::CredentialIssued { voter_id, .. } if admin => FeedWords::CredentialIssued {
            voter_id: *voter_id,
            name: voter_name(voter_id),
        },
        EventPayload::CredentialIssued { .. } => return None,
        // A failure is worth a line; the mail panel shows the progress of the rest.
        EventPayload::MailFailed {
            voter_id,
            kind,
            error,
            retry_at_ms: None,
            ..
        } if admin => FeedWords::MailFailed {
            voter_id: *voter_id,
            name: voter_name(voter_id),
            kind: *kind,
            error: error.clone(),
        },
        EventPayload::MailRequested {
            kind,
            queued,
            skipped_no_email,
            ..
        } if admin => FeedWords::MailQueued {
            kind: *kind,
            queued: *queued,
            skipped_no_email: *skipped_no_email,
        },
        EventPayload::MailRequested { .. }
        | EventPayload::MailQueued { .. }
        | EventPayload::MailSent { .. }
        | EventPayload::MailFailed { .. }
        | EventPayload::AccountCreated { .. }
        | EventPayload::AccountDeleted { .. }
        | EventPayload::OfficialsAssigned { .. } => return None,
        // The ceremony and the decryption have their own view (`GET …/secrecy`), which the
        // admin's trustees panel and the trustees' pages follow.
        EventPayload::TrusteesNamed { .. }
        | EventPayload::TrusteeCommitted { .. }
        | EventPayload::TrusteePolynomialPublished { .. }
        | EventPayload::TrusteeSharesPublished { .. }
        | EventPayload::ElectionKeyPublished { .. }
        | EventPayload::TrusteeDecrypted { .. }
        | EventPayload::TallyDecrypted { .. } => return None,
    };
    Some(Notification {
        seq: event.seq,
        lamport: event.lamport,
        time_ms: event.time_ms,
        kind: NotificationKind::from(&event.payload),
        message: words.english(),
        words: Some(words),
        // Who did an admin action is the admins' to see; the public feed names nobody.
        by: event.by.clone().filter(|_| admin),
    })
}
