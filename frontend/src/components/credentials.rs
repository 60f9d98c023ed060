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
    let dismiss_label = if *downloaded {
        "Done: forget them"
    } else {
        "Dismiss without downloading"
    };
    html! {
        <div class="once" role="region" aria-labelledby="credentials-title" data-testid="credentials">
            <h3 id="credentials-title">{ format!("{count} new credentials: shown once") }</h3>
            <p>
                { "Download them now and send each voter theirs. Ballot keeps only a fingerprint of \
                   each credential: this page cannot show them again, and once you leave it or \
                   press Done they are gone. A lost credential can only be replaced (New \
                   credential in the voter table)." }
            </p>
            <div class="row wrap">
                <a id="credentials-download" class="button primary" href={file.url().to_string()}
                    download={file.file_name().to_string()} onclick={on_click}>
                    { "Download credentials (CSV)" }
                </a>
                // Asked first: a click here loses the only copy.
                <ConfirmButton id="credentials-dismiss" label={dismiss_label}
                    question="Forget these credentials? They cannot be shown again."
                    danger=true disabled=false on_confirm={props.on_dismiss.clone()} />
            </div>
            if *downloaded {
                <p class="notice notice-success">{ format!("Saved as {}. Keep the file safe.", file.file_name()) }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FreshCredentialProps {
    pub credential: CredentialResponse,
    /// The voter's name, to say whose credential it is.
    pub name: AttrValue,
    pub on_dismiss: Callback<()>,
}

/// A replaced credential, shown once in full so it can be copied and handed over.
#[component]
pub fn FreshCredential(props: &FreshCredentialProps) -> Html {
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="once" role="region" aria-labelledby="fresh-title" data-testid="fresh-credential">
            <h3 id="fresh-title">
                { format!("New credential for {} (voter #{}): shown once", props.name, props.credential.voter_id) }
            </h3>
            <p class="credential mono" data-testid="fresh-credential-value">{ &props.credential.credential }</p>
            <p class="hint">
                { "The previous credential and its sessions no longer work. Copy this one now: \
                   it cannot be shown again." }
            </p>
            <button id="fresh-dismiss" type="button" onclick={on_dismiss}>{ "Done" }</button>
        </div>
    }
}
