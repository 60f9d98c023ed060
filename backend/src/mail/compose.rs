//! What each mail says, as plain text and HTML. Pure: the sender hands in the facts.
//!
//! The credential travels twice in an invitation: in the link's fragment (`#credential=…`),
//! which a browser never sends to a server, so it reaches no access log; and alone on a line,
//! for a voter who types it on another device.

use html_escape::encode_text as html;
use shared::ids::TimestampMs;
use shared::languages::Language;
use shared::mail::{MailKind, CREDENTIAL_FRAGMENT};

use super::words::say;

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
    /// The election's language: the mail is written in it.
    pub language: Language,
}

impl Facts {
    /// The election's voter page.
    pub fn link(&self) -> String {
        format!("{}/e/{}", self.public_url, self.election_id)
    }

    /// The deadline as digits every language reads alike (no month names to translate).
    fn deadline(&self) -> Option<String> {
        let at = chrono::DateTime::from_timestamp_millis(self.deadline_ms?)?;
        Some(at.format("%Y-%m-%d %H:%M UTC").to_string())
    }

    fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        say(self.language, key, args)
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
    let title = [("title", facts.title.as_str())];
    let link = format!("{}#{CREDENTIAL_FRAGMENT}{credential}", facts.link());
    let page = facts.link();
    let replaces = generation > 1;
    let (mut text, mut body) = (String::new(), String::new());
    if replaces {
        let line = facts.say("invitation-replaces", &[]);
        text.push_str(&format!("{line}\n\n"));
        body.push_str(&format!("<p><strong>{}</strong></p>", html(&line)));
    }
    let intro = facts.say("invitation-intro", &title);
    text.push_str(&format!("{intro}\n\n"));
    body.push_str(&format!("<p>{}</p>", html(&intro)));
    if let Some(deadline) = facts.deadline() {
        let line = facts.say("deadline", &[("deadline", &deadline)]);
        text.push_str(&format!("{line}\n\n"));
        body.push_str(&format!("<p>{}</p>", html(&line)));
    }
    let typed = facts.say("invitation-typed", &[("page", &page)]);
    let private = facts.say("invitation-private", &[]);
    text.push_str(&format!(
        "{}\n{link}\n\n{typed}\n\n{credential}\n\n{private}\n",
        facts.say("invitation-link", &[])
    ));
    body.push_str(&format!(
        "<p><a href=\"{}\">{}</a></p><p>{}</p>\
         <p style=\"font-family: monospace; font-size: 1.25em\" dir=\"ltr\">{}</p><p>{}</p>",
        html_escape::encode_double_quoted_attribute(&link),
        html(&facts.say("invitation-link-html", &[])),
        html(&typed),
        html(credential),
        html(&private),
    ));
    let subject = match replaces {
        true => facts.say("invitation-new-subject", &title),
        false => facts.say("invitation-subject", &title),
    };
    Letter {
        subject,
        text,
        html: page_of(facts, &body),
    }
}

fn reminder(facts: &Facts) -> Letter {
    let title = [("title", facts.title.as_str())];
    let intro = facts.say("reminder-intro", &title);
    let mut text = format!("{intro}\n\n");
    let mut body = format!("<p>{}</p>", html(&intro));
    if let Some(deadline) = facts.deadline() {
        let line = facts.say("deadline", &[("deadline", &deadline)]);
        text.push_str(&format!("{line}\n\n"));
        body.push_str(&format!("<p>{}</p>", html(&line)));
    }
    let vote = facts.say("reminder-link", &[]);
    text.push_str(&format!("{vote}\n{}\n", facts.link()));
    body.push_str(&format!(
        "<p>{} <a href=\"{}\">{}</a></p>",
        html(&vote),
        html_escape::encode_double_quoted_attribute(&facts.link()),
        html(&facts.link())
    ));
    Letter {
        subject: facts.say("reminder-subject", &title),
        text,
        html: page_of(facts, &body),
    }
}

fn results(facts: &Facts) -> Letter {
    let title = [("title", facts.title.as_str())];
    let tally = format!("{}/tally", facts.link());
    let audit = format!("{}/audit", facts.link());
    let intro = facts.say("results-intro", &title);
    let mut text = format!("{intro}\n\n");
    let mut body = format!("<p>{}</p><ul>", html(&intro));
    for line in &facts.outcome {
        text.push_str(&format!("- {line}\n"));
        body.push_str(&format!("<li>{}</li>", html(line)));
    }
    let (rounds, check) = (
        facts.say("results-rounds", &[]),
        facts.say("results-audit", &[]),
    );
    text.push_str(&format!("\n{rounds} {tally}\n{check} {audit}\n"));
    body.push_str(&format!(
        "</ul><p>{} <a href=\"{}\">{}</a></p><p>{} <a href=\"{}\">{}</a></p>",
        html(&rounds),
        html_escape::encode_double_quoted_attribute(&tally),
        html(&tally),
        html(&check),
        html_escape::encode_double_quoted_attribute(&audit),
        html(&audit),
    ));
    Letter {
        subject: facts.say("results-subject", &title),
        text,
        html: page_of(facts, &body),
    }
}

/// A results line's words: "no winner" and the label of an untitled question.
pub fn no_winner(language: Language) -> String {
    say(language, "results-no-winner", &[])
}

pub fn elected(language: Language) -> String {
    say(language, "results-elected", &[])
}

pub(super) fn page_of(facts: &Facts, body: &str) -> String {
    let dir = if facts.language.right_to_left() {
        "rtl"
    } else {
        "ltr"
    };
    page(facts.language.tag(), dir, body)
}

fn page(lang: &str, dir: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"></head>\
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
            language: Language::English,
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

    #[test]
    fn a_mail_is_written_in_the_election_s_language() {
        let arabic = Facts {
            language: Language::Arabic,
            ..facts()
        };
        let letter = letter(MailKind::Invitation, &arabic, Some("ABCDE-FGHIJ"), 1);
        assert!(
            letter.subject.starts_with("دعوتك للتصويت"),
            "{}",
            letter.subject
        );
        assert!(letter.html.contains("lang=\"ar\" dir=\"rtl\""));
        // The link and the credential stay as they are, on lines of their own.
        assert!(letter
            .text
            .contains("\nhttps://vote.example.org/e/board-2027#credential=ABCDE-FGHIJ\n"));
        assert!(letter.text.contains("\n\nABCDE-FGHIJ\n\n"));
        assert!(
            letter.text.contains("2026-"),
            "digits for the deadline: {}",
            letter.text
        );
    }
}
