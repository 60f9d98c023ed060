//! Mail to voters over SMTP (lettre on tokio, TLS by rustls): the settings, how one mail is
//! written and handed to the SMTP server, and the leader's sender ([`sender::run`]).
//!
//! - [`compose`]: what each mail says (pure), in the election's language (`words`: the
//!   Fluent resources in `locales/`).
//! - [`sender`]: the leader's loop that sends the replicated queue and records the outcome.
//!
//! What is to be sent, and what was sent or failed, are events in the election's log (see
//! `domain::mail`); this module only does the SMTP. A mail's `Message-ID` and, for an
//! invitation, its credential are derived from its name (election, voter, kind, generation)
//! and the cluster secret, so whichever leader sends it writes the same mail.

pub mod compose;
mod recorder;
pub mod sender;
pub mod trustee;
mod words;

use std::time::Duration;

use anyhow::{bail, Context};
use hmac::{Hmac, Mac};
use lettre::address::Envelope;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sha2::Sha256;
use shared::ids::VoterId;
use shared::mail::MailKind;

use crate::config::MailArgs;

/// How long one SMTP exchange may take before it counts as a passing failure.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// Mails one connection is counted on to carry per second. lettre 0.11.23 leaves Nagle's
/// algorithm on, so each mail waits for the server's delayed ACK (40 ms on Linux) before its
/// final `.`: about 20 a second per connection (fixed upstream, lettre PR #1159, unreleased).
const MAILS_PER_CONNECTION: u32 = 20;
/// The most SMTP connections the leader holds, whatever the rate.
const MAX_CONNECTIONS: u32 = 32;

/// A member's way to send mail, built once from its flags.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    pub public_url: String,
    pub rate: std::num::NonZeroU32,
    pub retry: Duration,
    /// Mails handed to the SMTP server at once, and the connection pool's size: as many as
    /// `--mail-rate` needs (two at least, so one slow mail does not stop the rest).
    pub connections: usize,
}

/// What happened to one mail at the SMTP server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    Accepted,
    /// A 4xx, a connection or TLS failure, a time-out: worth another try later.
    Passing(String),
    /// A 5xx, or a message that cannot be written (a malformed address): never worth retrying.
    Refused(String),
}

/// One mail, ready to write.
pub struct Outgoing<'a> {
    pub election: &'a str,
    pub voter_id: VoterId,
    pub kind: MailKind,
    pub generation: u32,
    pub name: &'a str,
    pub email: &'a str,
    pub letter: compose::Letter,
}

impl Mailer {
    /// The mailer of these flags, or `None` without `--smtp-url`. A URL that cannot be used is
    /// an error at start (naming the flag, never echoing a password).
    pub fn from_args(args: &MailArgs) -> anyhow::Result<Option<Mailer>> {
        let Some(url) = &args.smtp_url else {
            return Ok(None);
        };
        let connections = args
            .mail_rate
            .get()
            .div_ceil(MAILS_PER_CONNECTION)
            .clamp(2, MAX_CONNECTIONS);
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&lettre_url(url)?)
            .map_err(|_| anyhow::anyhow!("--smtp-url is not a usable SMTP address (smtp://host:port, smtp+starttls://…, smtps://…)"))?
            .timeout(Some(SMTP_TIMEOUT))
            .pool_config(PoolConfig::new().max_size(connections))
            .build();
        let from: Mailbox = args
            .mail_from
            .parse()
            .with_context(|| format!("--mail-from {:?} is not `Name <address>`", args.mail_from))?;
        Ok(Some(Mailer {
            transport,
            from,
            public_url: args.public_url.trim_end_matches('/').to_string(),
            rate: args.mail_rate,
            retry: Duration::from_millis(args.mail_retry_ms.max(1)),
            connections: connections as usize,
        }))
    }

    /// Writes and hands one mail to the SMTP server.
    pub async fn send(&self, secret: &[u8], mail: &Outgoing<'_>) -> Sent {
        let message = match self.message(secret, mail) {
            Ok(message) => message,
            Err(problem) => return Sent::Refused(problem),
        };
        match self.transport.send(message).await {
            Ok(_) => Sent::Accepted,
            Err(error) if error.is_permanent() => Sent::Refused(error.to_string()),
            Err(error) => Sent::Passing(error.to_string()),
        }
    }

    fn message(&self, secret: &[u8], mail: &Outgoing<'_>) -> Result<Message, String> {
        let to: Address = mail
            .email
            .parse()
            .map_err(|_| format!("{:?} is not an email address", mail.email))?;
        let bounce = bounce_address(&self.from.email, mail.election, mail.voter_id)
            .map_err(|e| format!("the bounce address cannot be written: {e}"))?;
        let envelope = Envelope::new(Some(bounce), vec![to.clone()]).map_err(|e| e.to_string())?;
        Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(Some(mail.name.to_string()), to))
            .subject(mail.letter.subject.clone())
            .message_id(Some(message_id(secret, &self.from.email, mail)))
            .envelope(envelope)
            .date_now()
            .multipart(MultiPart::alternative_plain_html(
                mail.letter.text.clone(),
                mail.letter.html.clone(),
            ))
            .map_err(|e| e.to_string())
    }
}

impl Mailer {
    /// Sends a one-off mail that is not a voter's (a trustee's link): once, not queued, so a
    /// passing failure is a failure. `tag` names it for its `Message-ID`.
    pub async fn send_direct(
        &self,
        secret: &[u8],
        tag: &str,
        (name, email): (&str, &str),
        letter: &compose::Letter,
    ) -> Sent {
        let Ok(to) = email.parse::<Address>() else {
            return Sent::Refused(format!("{email:?} is not an email address"));
        };
        let id = {
            let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
                Ok(mac) => mac,
                Err(_) => return Sent::Refused("no secret".into()),
            };
            mac.update(b"ballot message id\0");
            mac.update(tag.as_bytes());
            format!(
                "<{tag}.{}@{}>",
                hex::encode(&mac.finalize().into_bytes()[..8]),
                self.from.email.domain()
            )
        };
        let message = Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(Some(name.to_string()), to))
            .subject(letter.subject.clone())
            .message_id(Some(id))
            .date_now()
            .multipart(MultiPart::alternative_plain_html(
                letter.text.clone(),
                letter.html.clone(),
            ));
        let message = match message {
            Ok(message) => message,
            Err(error) => return Sent::Refused(error.to_string()),
        };
        match self.transport.send(message).await {
            Ok(_) => Sent::Accepted,
            Err(error) if error.is_permanent() => Sent::Refused(error.to_string()),
            Err(error) => Sent::Passing(error.to_string()),
        }
    }
}

/// `smtp+starttls://` is lettre's `smtp://…?tls=required`; the other schemes are its own.
fn lettre_url(url: &str) -> anyhow::Result<String> {
    if let Some(rest) = url.strip_prefix("smtp+starttls://") {
        let joiner = if rest.contains('?') { '&' } else { '?' };
        return Ok(format!("smtp://{rest}{joiner}tls=required"));
    }
    if url.starts_with("smtp://") || url.starts_with("smtps://") {
        return Ok(url.to_string());
    }
    bail!("--smtp-url must start with smtp://, smtp+starttls:// or smtps://")
}

/// `local+{election}.{voter_id}@domain` of the sender's address: a bounce names the voter.
pub fn bounce_address(
    from: &Address,
    election: &str,
    voter_id: VoterId,
) -> Result<Address, lettre::address::AddressError> {
    let local = from.user().split('+').next().unwrap_or(from.user());
    Address::new(format!("{local}+{election}.{voter_id}"), from.domain())
}

/// The same for every send of one (election, voter, kind, generation), and unguessable across
/// clusters: a mail client shows a resend after a leader change as the same message.
pub fn message_id(secret: &[u8], from: &Address, mail: &Outgoing<'_>) -> String {
    let name = format!(
        "{}.{}.{}.{}",
        mail.election,
        mail.voter_id,
        mail.kind.as_str(),
        mail.generation
    );
    let tag = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mut mac) => {
            mac.update(b"ballot message id\0");
            mac.update(name.as_bytes());
            hex::encode(&mac.finalize().into_bytes()[..8])
        }
        Err(_) => String::new(),
    };
    format!("<{name}.{tag}@{}>", from.domain())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starttls_is_written_the_way_lettre_reads_it() {
        assert_eq!(
            lettre_url("smtp+starttls://u:p@mail.example.org:587").unwrap(),
            "smtp://u:p@mail.example.org:587?tls=required"
        );
        assert_eq!(
            lettre_url("smtps://mail.example.org").unwrap(),
            "smtps://mail.example.org"
        );
        assert!(lettre_url("http://mail.example.org").is_err());
    }

    #[test]
    fn the_bounce_address_names_election_and_voter() {
        let from: Address = "ballot+x@example.org".parse().unwrap();
        let bounce = bounce_address(&from, "board-2027", 42).unwrap();
        assert_eq!(bounce.to_string(), "ballot+board-2027.42@example.org");
    }

    #[test]
    fn a_message_id_depends_on_the_mail_and_the_cluster_only() {
        let from: Address = "ballot@example.org".parse().unwrap();
        let mail = |generation| Outgoing {
            election: "e1",
            voter_id: 7,
            kind: MailKind::Invitation,
            generation,
            name: "Ada",
            email: "ada@example.org",
            letter: compose::Letter {
                subject: String::new(),
                text: String::new(),
                html: String::new(),
            },
        };
        let first = message_id(b"secret", &from, &mail(1));
        assert_eq!(first, message_id(b"secret", &from, &mail(1)));
        assert_ne!(first, message_id(b"secret", &from, &mail(2)));
        assert_ne!(first, message_id(b"other", &from, &mail(1)));
        assert!(first.starts_with("<e1.7.invitation.1.") && first.ends_with("@example.org>"));
    }
}
