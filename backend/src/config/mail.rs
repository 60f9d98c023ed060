//! The mail flags every member takes (and `ballot cluster` hands on to its members through
//! the environment, so a password in `--smtp-url` stays off their command lines).

use std::num::NonZeroU32;

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct MailArgs {
    /// The SMTP server mail to voters goes through: `smtp://host:port` (plain),
    /// `smtp+starttls://host:port`, `smtps://host:port`, each with an optional
    /// `user:password@` before the host. Without it the mail routes answer 409
    /// `mail_not_configured`.
    #[arg(long, env = "BALLOT_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The sender voters see, as `Name <address>` or `address`. Bounces go to
    /// `local+{election}.{voter_id}@domain` of this address.
    #[arg(
        long,
        env = "BALLOT_MAIL_FROM",
        default_value = "Ballot <ballot@localhost>"
    )]
    pub mail_from: String,
    /// The address voters open, as they reach it (`https://vote.example.org`); the links in
    /// mails start with it.
    #[arg(
        long,
        env = "BALLOT_PUBLIC_URL",
        default_value = "http://localhost:8000"
    )]
    pub public_url: String,
    /// The most mails the leader sends per second.
    #[arg(long, env = "BALLOT_MAIL_RATE", default_value = "10")]
    pub mail_rate: NonZeroU32,
    /// The first wait before a mail that failed for a passing reason is tried again; each
    /// further attempt waits twice as long, up to an hour.
    #[arg(
        long,
        env = "BALLOT_MAIL_RETRY_MS",
        default_value_t = 30_000,
        hide = true
    )]
    pub mail_retry_ms: u64,
}

impl Default for MailArgs {
    fn default() -> Self {
        MailArgs {
            smtp_url: None,
            mail_from: "Ballot <ballot@localhost>".into(),
            public_url: "http://localhost:8000".into(),
            mail_rate: NonZeroU32::new(10).unwrap_or(NonZeroU32::MIN),
            mail_retry_ms: 30_000,
        }
    }
}

impl MailArgs {
    /// One line for people: where mail goes (the SMTP host only: never a password), or how
    /// to turn it on.
    pub fn describe(&self) -> String {
        let Some(url) = &self.smtp_url else {
            return "off (start with --smtp-url smtp://host:port to mail voters)".into();
        };
        let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        let host = after_scheme
            .rsplit_once('@')
            .map_or(after_scheme, |(_, host)| host);
        let host = host.split(['/', '?']).next().unwrap_or(host);
        format!(
            "through {host} as {}, {} a second at most, links to {}",
            self.mail_from, self.mail_rate, self.public_url
        )
    }

    /// The settings as environment variables, for a member process started by the launcher.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        let mut vars = vec![
            ("BALLOT_MAIL_FROM", self.mail_from.clone()),
            ("BALLOT_PUBLIC_URL", self.public_url.clone()),
            ("BALLOT_MAIL_RATE", self.mail_rate.to_string()),
            ("BALLOT_MAIL_RETRY_MS", self.mail_retry_ms.to_string()),
        ];
        if let Some(url) = &self.smtp_url {
            vars.push(("BALLOT_SMTP_URL", url.clone()));
        }
        vars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_names_the_host_and_never_the_password() {
        let args = MailArgs {
            smtp_url: Some("smtp+starttls://ann:s3cret@mail.example.org:587/?x=1".into()),
            ..MailArgs::default()
        };
        let line = args.describe();
        assert!(
            line.starts_with("through mail.example.org:587 as Ballot"),
            "{line}"
        );
        assert!(!line.contains("s3cret") && !line.contains("ann:"), "{line}");
        assert!(MailArgs::default().describe().starts_with("off"));
    }
}
