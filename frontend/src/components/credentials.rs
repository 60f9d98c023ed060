//! Credentials, shown once: the file of an import's credentials, and one replaced credential.
//!
//! The server keeps only hashes of credentials, so what these components show is the only
//! copy there will ever be. They say so, and they forget it when the admin dismisses them
//! (a lost credential is replaced with "New credential", never shown again).

use std::rc::Rc;

use shared::elections::{CredentialResponse, RollResponse};
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::csv::{credentials_csv, issued};
use crate::download::Download;
use crate::pages::admin::words::{data, sentence};

#[derive(Properties, PartialEq)]
pub struct CredentialsDownloadProps {
    /// The import's answer, credentials included.
    pub roll: Rc<RollResponse>,
    /// The name the file is saved under.
    pub file_name: AttrValue,
    /// "Done": the admin has the file; the page forgets the credentials.
    pub on_dismiss: Callback<()>,
}

/// The one-time download after an import: the CSV is built here from the answer (the server
/// will not send these credentials again) and saved through a `blob:` link.
#[component]
pub fn CredentialsDownload(props: &CredentialsDownloadProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let file = use_memo(
        (props.roll.clone(), props.file_name.clone()),
        |(roll, name)| {
            Download::from_text(&credentials_csv(&roll.voters), "text/csv", name.to_string())
        },
    );
    let downloaded = use_state(|| false);
    let on_click = {
        let downloaded = downloaded.clone();
        Callback::from(move |_: MouseEvent| downloaded.set(true))
    };
    let count = issued(&props.roll.voters);
    let dismiss = if *downloaded {
        "admin-credentials-done"
    } else {
        "admin-credentials-dismiss"
    };
    html! {
        <div class="once" role="region" aria-labelledby="credentials-title" data-testid="credentials">
            <h3 id="credentials-title">
                { i18n.t_args("admin-credentials-title", &[("count", count.into())]) }
            </h3>
            <p>{ i18n.t("admin-credentials-explain") }</p>
            <div class="row wrap">
                <a id="credentials-download" class="button primary" href={file.url().to_string()}
                    download={file.file_name().to_string()} onclick={on_click}>
                    { i18n.t("admin-credentials-download") }
                </a>
                // Asked first: a click here loses the only copy.
                <ConfirmButton id="credentials-dismiss" label={i18n.t(dismiss)}
                    yes={i18n.t(&format!("{dismiss}-yes"))}
                    question={html! { i18n.t("admin-credentials-question") }}
                    danger=true disabled=false on_confirm={props.on_dismiss.clone()} />
            </div>
            if *downloaded {
                <p class="notice notice-success">
                    { sentence(&i18n, "admin-credentials-saved", &[], &[("file", data(file.file_name().to_string()))]) }
                </p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FreshCredentialProps {
    pub credential: CredentialResponse,
    /// The voter's name, to say whose credential it is (none if the roll has not arrived yet).
    pub name: Option<AttrValue>,
    pub on_dismiss: Callback<()>,
}

/// A replaced credential, shown once in full so it can be copied and handed over.
#[component]
pub fn FreshCredential(props: &FreshCredentialProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    // An id, not a quantity: its digits as they are.
    let id = props.credential.voter_id.to_string();
    let title = match &props.name {
        Some(name) => sentence(
            &i18n,
            "admin-fresh-title",
            &[("id", id.into())],
            &[("name", data(name.clone()))],
        ),
        None => html! { i18n.t_args("admin-fresh-title-unnamed", &[("id", id.into())]) },
    };
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="once" role="region" aria-labelledby="fresh-title" data-testid="fresh-credential">
            <h3 id="fresh-title">{ title }</h3>
            <p class="credential mono" translate="no" data-testid="fresh-credential-value">
                { &props.credential.credential }
            </p>
            <p class="hint">{ i18n.t("admin-fresh-hint") }</p>
            <button id="fresh-dismiss" type="button" onclick={on_dismiss}>{ i18n.t("admin-fresh-done") }</button>
        </div>
    }
}
