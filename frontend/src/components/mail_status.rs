//! What the admin sees of the mail to voters: a progress bar per kind of mail, the mails that
//! failed with a Resend button each, and, when the members cannot send mail at all, how to
//! set them up.

use shared::mail::{MailKind, MailState, MailStatus};
use yew::prelude::*;

use crate::api::mail::{noun, Progress};

#[derive(Properties, PartialEq)]
pub struct MailProgressProps {
    /// One entry per kind that has any mail.
    pub progress: Vec<Progress>,
}

/// A kind's heading over its bar.
fn heading(kind: MailKind) -> &'static str {
    match kind {
        MailKind::Invitation => "Invitations",
        MailKind::Reminder => "Reminders",
        MailKind::Results => "Results",
    }
}

/// The bars. Each `<progress>` is named by its label and described by the sentence beside it,
/// which also sits inside it as the text for browsers that draw no bar.
#[component]
pub fn MailProgress(props: &MailProgressProps) -> Html {
    if props.progress.is_empty() {
        return html! { <p class="muted">{ "No mail sent yet." }</p> };
    }
    let bar = |figures: &Progress| {
        let kind = figures.kind.as_str();
        let (id, words_id) = (format!("mail-bar-{kind}"), format!("mail-words-{kind}"));
        let said = figures.describe();
        html! {
            <div class="mail-progress" data-testid={format!("mail-progress-{kind}")}>
                <label for={id.clone()}>{ heading(figures.kind) }</label>
                <progress id={id} max={figures.total().max(1).to_string()}
                    value={figures.handled().to_string()} aria-describedby={words_id.clone()}>
                    { said.clone() }
                </progress>
                <p id={words_id} class="mail-words">{ said }</p>
            </div>
        }
    };
    html! { <>{ for props.progress.iter().map(bar) }</> }
}

/// How many times the leader tried, in words.
fn attempts(count: u32) -> String {
    match count {
        1 => "1 attempt".into(),
        _ => format!("{count} attempts"),
    }
}

#[derive(Properties, PartialEq)]
pub struct FailedMailsProps {
    /// Every mail of the election; only the failed ones are listed.
    pub mails: Vec<MailStatus>,
    /// The kinds the phase lets the admin send again.
    pub resendable: Vec<MailKind>,
    /// A send is under way: the buttons wait.
    pub busy: bool,
    pub on_resend: Callback<MailStatus>,
}

/// The mails that failed for good, with what the SMTP server said. Mails waiting for another
/// attempt are not listed: the leader retries them by itself.
#[component]
pub fn FailedMails(props: &FailedMailsProps) -> Html {
    let failed: Vec<&MailStatus> = props
        .mails
        .iter()
        .filter(|mail| mail.state == MailState::Failed)
        .collect();
    if failed.is_empty() {
        return Html::default();
    }
    let row = |mail: &&MailStatus| {
        let mail = (*mail).clone();
        let kind = mail.kind.as_str();
        let what = noun(mail.kind, 1);
        let disabled = props.busy || !props.resendable.contains(&mail.kind);
        let label = format!("Resend the {what} to {}", mail.name);
        let id = format!("mail-resend-{kind}-{}", mail.voter_id);
        let onclick = {
            let (emit, mail) = (props.on_resend.clone(), mail.clone());
            Callback::from(move |_: MouseEvent| emit.emit(mail.clone()))
        };
        html! {
            <li>
                <div>
                    <strong>{ &mail.name }</strong>{ " " }
                    <span class="mono">{ format!("<{}>", mail.email) }</span>
                    <span class="muted">{ format!(" · {what} · {}", attempts(mail.attempts)) }</span>
                    <p class="mail-error">
                        { mail.last_error.clone().unwrap_or_else(|| "No reason given.".into()) }
                    </p>
                </div>
                <button type="button" {id} aria-label={label} {disabled} {onclick}>{ "Resend" }</button>
            </li>
        }
    };
    html! {
        <>
            <h3 id="mail-failed-title">{ format!("Failed ({})", failed.len()) }</h3>
            <ul class="mail-failed" aria-labelledby="mail-failed-title" data-testid="mail-failed">
                { for failed.iter().map(row) }
            </ul>
        </>
    }
}

/// How to give the members an SMTP server, shown when they have none (the server answered
/// `mail_not_configured`). Every member needs the same settings, since whichever one leads
/// sends the mail.
#[component]
pub fn MailSetupHelp() -> Html {
    html! {
        <div class="mail-setup" data-testid="mail-setup">
            <p>
                { "The servers cannot send mail: they were started without an SMTP server. \
                   Start every member with:" }
            </p>
            <ul>
                <li>
                    <code>{ "--smtp-url smtp://host:port" }</code>
                    { " (or " }<code>{ "smtp+starttls://user:password@host:587" }</code>
                    { ", or " }<code>{ "smtps://user:password@host:465" }</code>{ ")," }
                </li>
                <li>
                    <code>{ "--mail-from \"Name <address>\"" }</code>
                    { ": the sender voters see," }
                </li>
                <li>
                    <code>{ "--public-url https://the-address-voters-open" }</code>
                    { ": the links in the mails start with it." }
                </li>
            </ul>
            <p>
                { "The environment variables " }<code>{ "BALLOT_SMTP_URL" }</code>{ ", " }
                <code>{ "BALLOT_MAIL_FROM" }</code>{ " and " }<code>{ "BALLOT_PUBLIC_URL" }</code>
                { " do the same (and keep a password off the command line). " }
                <code>{ "ballot cluster" }</code>{ " and " }<code>{ "cargo xtask run" }</code>
                { " pass them on to the members they start." }
            </p>
        </div>
    }
}
