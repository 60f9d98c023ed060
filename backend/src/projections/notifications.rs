//! The activity feed: one line per event, worded for the public or for the admin.
//!
//! The public feed never names anyone: not who registered, voted or logged in (a name and a
//! voter number are all a login needed in the original system). The admin feed names voters
//! but, like every other view, never says for whom anyone voted.

use shared::dto::{Notification, NotificationKind};
use shared::mail::MailKind;
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
    let voter_name = |id: &u32| {
        election
            .voters
            .get(id)
            .map(|v| v.name.clone())
            .unwrap_or_else(|| format!("voter {id}"))
    };
    let message = match &event.payload {
        EventPayload::CandidateAdded { name, .. } => format!("Candidate {name} is on the ballot"),
        EventPayload::VoterRegistered { voter_id, name } if admin => {
            format!("{name} registered as voter {voter_id}")
        }
        // Voter ids are handed out in order, so the id is the size of the roll at that point.
        EventPayload::VoterRegistered { voter_id, .. } => {
            format!("A voter registered ({voter_id} on the roll)")
        }
        EventPayload::VoterLoggedIn { voter_id, .. } if admin => {
            format!("{} logged in", voter_name(voter_id))
        }
        EventPayload::VoterLoggedIn { .. } => return None,
        EventPayload::VoteCast { voter_id, .. } if admin => {
            format!("{} voted", voter_name(voter_id))
        }
        EventPayload::VoteCast { .. } => "A vote was cast".to_string(),
        EventPayload::DeadlineSet { end_time_ms } => {
            format!(
                "Deadline set: voting closes {} after this change",
                duration(end_time_ms.saturating_sub(event.time_ms))
            )
        }
        EventPayload::LiveResultsSet { enabled: true } => "Live results are on".to_string(),
        EventPayload::LiveResultsSet { enabled: false } => "Live results are off".to_string(),
        EventPayload::VotingStarted => "Voting is open".to_string(),
        EventPayload::VotingClosed {
            reason: CloseReason::Admin,
        } => "Voting was stopped by the admin".to_string(),
        EventPayload::VotingClosed {
            reason: CloseReason::Deadline,
        } => "Voting closed: the deadline passed".to_string(),
        EventPayload::ResultsPublished => "The results are published".to_string(),
        EventPayload::ElectionDefined {
            title,
            candidates,
            questions,
            ..
        } if questions.is_empty() => {
            format!(
                "Election {title:?} defined with {} candidates",
                candidates.len()
            )
        }
        EventPayload::ElectionDefined {
            title, questions, ..
        } => {
            let count = questions.len();
            let plural = if count == 1 { "" } else { "s" };
            format!("Election {title:?} defined with {count} question{plural}")
        }
        EventPayload::VoterImported { voter_id, name, .. } if admin => {
            format!("{name} imported as voter {voter_id}")
        }
        EventPayload::VoterImported { .. } => return None,
        EventPayload::RollImported {
            created, skipped, ..
        } => format!(
            "Roll imported: {created} voters added, {} skipped",
            skipped.len()
        ),
        EventPayload::CredentialIssued { voter_id, .. } if admin => {
            format!("{} got a new credential", voter_name(voter_id))
        }
        EventPayload::CredentialIssued { .. } => return None,
        // A failure is worth a line; the mail panel shows the progress of the rest.
        EventPayload::MailFailed {
            voter_id,
            kind,
            error,
            retry_at_ms: None,
            ..
        } if admin => format!(
            "The {} to {} failed: {error}",
            kind.as_str(),
            voter_name(voter_id)
        ),
        EventPayload::MailRequested {
            kind,
            queued,
            skipped_no_email,
            ..
        } if admin => format!(
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
        EventPayload::MailRequested { .. }
        | EventPayload::MailQueued { .. }
        | EventPayload::MailSent { .. }
        | EventPayload::MailFailed { .. } => return None,
    };
    Some(Notification {
        seq: event.seq,
        lamport: event.lamport,
        time_ms: event.time_ms,
        kind: NotificationKind::from(&event.payload),
        message,
    })
}

/// "1 h 5 min", "12 min 30 s", "45 s": a span people read at a glance (browsers show the clock).
fn duration(ms: i64) -> String {
    let seconds = ms.max(0).saturating_add(500) / 1000;
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (hours, minutes) {
        (0, 0) => format!("{seconds} s"),
        (0, _) if seconds == 0 => format!("{minutes} min"),
        (0, _) => format!("{minutes} min {seconds} s"),
        _ => format!("{hours} h {minutes} min"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations_read_naturally() {
        assert_eq!(super::duration(45_000), "45 s");
        assert_eq!(super::duration(30 * 60_000), "30 min");
        assert_eq!(super::duration(12 * 60_000 + 30_000), "12 min 30 s");
        assert_eq!(super::duration(65 * 60_000), "1 h 5 min");
    }
}
