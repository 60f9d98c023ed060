//! What each mail says, as plain text and HTML. Pure: the sender hands in the facts.
//!
//! The credential travels twice in an invitation: in the link's fragment (`#credential=…`),
//! which a browser never sends to a server, so it reaches no access log; and alone on a line,
//! for a voter who types it on another device.

use html_escape::encode_text as html;
use shared::ids::TimestampMs;
use shared::mail::{MailKind, CREDENTIAL_FRAGMENT};

/// A mail's subject and its two bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What every mail of an election says about it.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub election_id: String,
    pub title: String,
    pub deadline_ms: Option<TimestampMs>,
    /// The voters' address without a trailing slash (`--public-url`).
    pub public_url: String,
    /// The published outcome, one line per question ("Chair: Ada Lovelace").
    pub outcome: Vec<String>,
}

impl Facts {
    /// The election's voter page.
    pub fn link(&self) -> String {
        format!("{}/e/{}", self.public_url, self.election_id)
    }

    fn deadline(&self) -> Option<String> {
        let at = chrono::DateTime::from_timestamp_millis(self.deadline_ms?)?;
        Some(at.format("%A %-d %B %Y, %H:%M UTC").to_string())
    }
}

/// The mail of `kind`; `credential` only for an invitation. `generation` above 1 says it
/// replaces an earlier invitation.
pub fn letter(kind: MailKind, facts: &Facts, credential: Option<&str>, generation: u32) -> Letter {
    match (kind, credential) {
        (MailKind::Invitation, Some(credential)) => invitation(facts, credential, generation),
        (MailKind::Reminder, _) => reminder(facts),
        (MailKind::Results, _) => results(facts),
        // An invitation without a credential is never sent (the sender checks); say only
        // where to vote rather than nothing.
        (MailKind::Invitation, None) => reminder(facts),
    }
}

fn invitation(facts: &Facts, credential: &str, generation: u32) -> Letter {
    let title = &facts.title;
    let link = format!("{}#{CREDENTIAL_FRAGMENT}{credential}", facts.link());
    let replaces = generation > 1;
    let mut text = String::new();
    if replaces {
        text.push_str(
            "This invitation replaces the one sent to you earlier: the earlier credential no \
             longer works.\n\n",
        );
    }
    text.push_str(&format!("You are invited to vote in \"{title}\".\n\n"));
    if let Some(deadline) = facts.deadline() {
        text.push_str(&format!("Voting closes on {deadline}.\n\n"));
    }
    text.push_str(&format!(
        "Open your personal link to vote:\n{link}\n\n\
         Or open {} and type this credential:\n\n{credential}\n\n\
         The credential is yours alone: do not forward this mail. Nobody from the election \
         will ever ask you for it.\n",
        facts.link()
    ));
    let mut body = String::new();
    if replaces {
        body.push_str(
            "<p><strong>This invitation replaces the one sent to you earlier: the earlier \
             credential no longer works.</strong></p>",
        );
    }
    body.push_str(&format!(
        "<p>You are invited to vote in <strong>{}</strong>.</p>",
        html(title)
    ));
    if let Some(deadline) = facts.deadline() {
        body.push_str(&format!("<p>Voting closes on {}.</p>", html(&deadline)));
    }
    body.push_str(&format!(
        "<p><a href=\"{}\">Open your personal link to vote</a></p>\
         <p>Or open {} and type this credential:</p>\
         <p style=\"font-family: monospace; font-size: 1.25em\">{}</p>\
         <p>The credential is yours alone: do not forward this mail. Nobody from the election \
         will ever ask you for it.</p>",
        html_escape::encode_double_quoted_attribute(&link),
        html(&facts.link()),
        html(credential)
    ));
    let subject = match replaces {
        true => format!("Your new invitation to vote: {title}"),
        false => format!("Your invitation to vote: {title}"),
    };
    Letter {
        subject,
        text,
        html: page(&body),
    }
}

fn reminder(facts: &Facts) -> Letter {
    let title = &facts.title;
    let mut text = format!("You have not voted in \"{title}\" yet.\n\n");
    let mut body = format!(
        "<p>You have not voted in <strong>{}</strong> yet.</p>",
        html(title)
    );
    if let Some(deadline) = facts.deadline() {
        text.push_str(&format!("Voting closes on {deadline}.\n\n"));
        body.push_str(&format!("<p>Voting closes on {}.</p>", html(&deadline)));
    }
    text.push_str(&format!(
        "Vote here with the credential from your invitation:\n{}\n",
        facts.link()
    ));
    body.push_str(&format!(
        "<p><a href=\"{}\">Vote here</a> with the credential from your invitation.</p>",
        html_escape::encode_double_quoted_attribute(&facts.link())
    ));
    Letter {
        subject: format!("Reminder: vote in {title}"),
        text,
        html: page(&body),
    }
}

fn results(facts: &Facts) -> Letter {
    let title = &facts.title;
    let tally = format!("{}/tally", facts.link());
    let audit = format!("{}/audit", facts.link());
    let mut text = format!("The results of \"{title}\" are published.\n\n");
    let mut body = format!(
        "<p>The results of <strong>{}</strong> are published.</p><ul>",
        html(title)
    );
    for line in &facts.outcome {
        text.push_str(&format!("- {line}\n"));
        body.push_str(&format!("<li>{}</li>", html(line)));
    }
    text.push_str(&format!(
        "\nEvery round and count: {tally}\nCheck the count yourself from the public log: {audit}\n"
    ));
    body.push_str(&format!(
        "</ul><p><a href=\"{}\">Every round and count</a> · \
         <a href=\"{}\">check the count yourself from the public log</a></p>",
        html_escape::encode_double_quoted_attribute(&tally),
        html_escape::encode_double_quoted_attribute(&audit)
    ));
    Letter {
        subject: format!("Results: {title}"),
        text,
        html: page(&body),
    }
}

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head>\
         <body style=\"font-family: sans-serif; line-height: 1.5; color: #111\">{body}</body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            election_id: "board-2027".into(),
            title: "Board <2027> & co".into(),
            deadline_ms: Some(1_796_000_000_000),
            public_url: "https://vote.example.org".into(),
            outcome: vec!["Chair: Ada <b>".into()],
        }
    }

    #[test]
    fn an_invitation_carries_the_link_with_its_credential_and_the_credential_alone() {
        let letter = letter(MailKind::Invitation, &facts(), Some("ABCDE-FGHIJ"), 1);
        assert!(letter
            .text
            .contains("https://vote.example.org/e/board-2027#credential=ABCDE-FGHIJ\n"));
        assert!(letter.text.contains("\n\nABCDE-FGHIJ\n\n"));
        assert!(letter.text.contains("Voting closes on"));
        assert!(!letter.text.contains("replaces"));
        assert!(
            letter.html.contains("Board &lt;2027&gt; &amp; co"),
            "{}",
            letter.html
        );
        assert_eq!(letter.subject, "Your invitation to vote: Board <2027> & co");
    }

    #[test]
    fn a_second_invitation_says_it_replaces_the_first() {
        let letter = letter(MailKind::Invitation, &facts(), Some("ABCDE"), 2);
        assert!(letter.text.starts_with("This invitation replaces"));
        assert!(letter.subject.starts_with("Your new invitation"));
    }

    #[test]
    fn reminders_and_results_carry_only_links() {
        for kind in [MailKind::Reminder, MailKind::Results] {
            let letter = letter(kind, &facts(), Some("ABCDE-FGHIJ"), 1);
            assert!(!letter.text.contains("ABCDE"), "{kind:?}");
            assert!(!letter.text.contains(CREDENTIAL_FRAGMENT), "{kind:?}");
            assert!(letter
                .text
                .contains("https://vote.example.org/e/board-2027"));
        }
        let results = letter(MailKind::Results, &facts(), None, 1);
        assert!(results.text.contains("- Chair: Ada <b>\n"));
        assert!(results.html.contains("Chair: Ada &lt;b&gt;"));
    }
}
