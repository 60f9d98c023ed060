//! What the admin sees of the mail to voters: a progress bar per kind of mail, the mails that
//! failed with a Resend button each, and, when the members cannot send mail at all, how to
//! set them up.

use shared::mail::{MailKind, MailState, MailStatus};
use yew::prelude::*;

use crate::api::mail::Progress;
use crate::i18n::I18n;
use crate::pages::admin::words::{code, sentence};

#[derive(Properties, PartialEq)]
pub struct MailProgressProps {
    /// One entry per kind that has any mail.
    pub progress: Vec<Progress>,
}

/// A kind's heading over its bar.
fn heading(i18n: &I18n, kind: MailKind) -> String {
    i18n.t(match kind {
        MailKind::Invitation => "admin-mail-heading-invitation",
        MailKind::Reminder => "admin-mail-heading-reminder",
        MailKind::Results => "admin-mail-heading-results",
    })
}

/// The bars. Each `<progress>` is named by its label and described by the sentence beside it,
/// which also sits inside it as the text for browsers that draw no bar.
#[component]
pub fn MailProgress(props: &MailProgressProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    if props.progress.is_empty() {
        return html! { <p class="muted">{ i18n.t("admin-mail-none") }</p> };
    }
    let bar = |figures: &Progress| {
        let kind = figures.kind.as_str();
        let (id, words_id) = (format!("mail-bar-{kind}"), format!("mail-words-{kind}"));
        let said = figures.describe();
        html! {
            <div class="mail-progress" data-testid={format!("mail-progress-{kind}")}>
                <label for={id.clone()}>{ heading(&i18n, figures.kind) }</label>
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

#[derive(Properties, PartialEq)]
pub struct FailedMailsProps {
    /// Every mail of the election; only the failed ones are listed.
    pub mails: Vec<MailStatus>,
    /// The kinds the phase lets the admin send again.
    pub resendable: Vec<MailKind>,
    /// A send is under way: the buttons wait.
    pub busy: bool,
    pub on_resend: Callback<MailStatus>,
    /// An observer's console: the failures without the buttons that send again.
    #[prop_or_default]
    pub read_only: bool,
}

/// The mails that failed for good, with what the SMTP server said. Mails waiting for another
/// attempt are not listed: the leader retries them by itself.
#[component]
pub fn FailedMails(props: &FailedMailsProps) -> Html {
    let i18n = crate::i18n::use_i18n();
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
        let disabled = props.busy || !props.resendable.contains(&mail.kind);
        // The voter's name in an attribute cannot be marked as data; the page's own tests
        // name the button by it, so it stays.
        let label = i18n.t_args(
            "admin-mail-resend-label",
            &[("kind", kind.into()), ("name", mail.name.clone().into())],
        );
        let meta = i18n.t_args(
            "admin-mail-failed-meta",
            &[("kind", kind.into()), ("attempts", mail.attempts.into())],
        );
        let id = format!("mail-resend-{kind}-{}", mail.voter_id);
        let onclick = {
            let (emit, mail) = (props.on_resend.clone(), mail.clone());
            Callback::from(move |_: MouseEvent| emit.emit(mail.clone()))
        };
        html! {
            <li>
                <div>
                    <strong translate="no">{ &mail.name }</strong>{ " " }
                    <span class="mono" translate="no">{ format!("<{}>", mail.email) }</span>
                    <span class="muted">{ meta }</span>
                    // What the SMTP server said, as it said it.
                    if let Some(error) = mail.last_error.clone() {
                        <p class="mail-error" translate="no">{ error }</p>
                    } else {
                        <p class="mail-error">{ i18n.t("admin-mail-no-reason") }</p>
                    }
                </div>
                if !props.read_only {
                    <button type="button" {id} aria-label={label} {disabled} {onclick}>{ i18n.t("admin-mail-resend") }</button>
                }
            </li>
        }
    };
    html! {
        <>
            <h3 id="mail-failed-title">{ i18n.t_args("admin-mail-failed-title", &[("count", failed.len().into())]) }</h3>
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
    let i18n = crate::i18n::use_i18n();
    let (url, from, public) = (
        code("--smtp-url smtp://host:port"),
        code("--mail-from \"Name <address>\""),
        code("--public-url https://the-address-voters-open"),
    );
    let env = [
        ("url", code("BALLOT_SMTP_URL")),
        ("from", code("BALLOT_MAIL_FROM")),
        ("public", code("BALLOT_PUBLIC_URL")),
        ("cluster", code("ballot cluster")),
        ("xtask", code("cargo xtask run")),
    ];
    html! {
        <div class="mail-setup" data-testid="mail-setup">
            <p>{ i18n.t("admin-mail-setup-intro") }</p>
            <ul>
                <li>
                    { sentence(&i18n, "admin-mail-setup-url", &[], &[
                        ("url", url),
                        ("starttls", code("smtp+starttls://user:password@host:587")),
                        ("smtps", code("smtps://user:password@host:465")),
                    ]) }
                </li>
                <li>{ sentence(&i18n, "admin-mail-setup-from", &[], &[("from", from)]) }</li>
                <li>{ sentence(&i18n, "admin-mail-setup-public", &[], &[("public", public)]) }</li>
            </ul>
            <p>{ sentence(&i18n, "admin-mail-setup-env", &[], &env) }</p>
        </div>
    }
}
