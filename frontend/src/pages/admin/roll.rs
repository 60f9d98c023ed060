//! An election's roll: importing voters from CSV (a file or pasted text) while the election
//! is in setup, the one-time download of the credentials the import answers with, and
//! replacing one voter's credential.

use std::rc::Rc;

use shared::elections::{CredentialResponse, RollResponse};
use shared::{Phase, VoterId};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::commander::{wait_saying, NoticeState, MAX_COMMAND_RETRIES};
use super::words::{code, data, sentence};
use crate::api::write::{send_with_retries, Settled};
use crate::api::{self, ApiError, PendingWrite, Scope};
use crate::components::credentials::CredentialsDownload;
use crate::components::notice::{Notice, Tone};

/// What a pasted roll looks like, shown in the empty field: a file's format, not words to
/// translate.
const EXAMPLE: &str = "name,email,external_id\nAnn Smith,ann@example.org,A-1\n";

/// Replaces `voter_id`'s credential and returns the new one (shown once), or says in
/// `notice` why not. A refused token sends the admin back to the gate.
pub async fn replace_credential(
    token: &str,
    scope: &Scope,
    voter_id: VoterId,
    notice: &NoticeState,
    on_refused: &Callback<()>,
) -> Option<CredentialResponse> {
    let i18n = crate::i18n::current();
    notice.set((Tone::Info, Some(i18n.t("admin-replacing-credential"))));
    let write = PendingWrite::new(voter_id);
    let send = |write: &PendingWrite<VoterId>| {
        let (token, scope, write) = (token.to_string(), scope.clone(), write.clone());
        async move { api::roll::new_credential(&token, &scope, &write).await }
    };
    match send_with_retries(&write, MAX_COMMAND_RETRIES, send, wait_saying(notice)).await {
        Settled::Done(answer) => {
            notice.set((Tone::Success, Some(i18n.t("admin-credential-replaced"))));
            return Some(answer);
        }
        Settled::Refused(ApiError::Unauthorized(_)) => on_refused.emit(()),
        Settled::Refused(err) => notice.set((Tone::Error, Some(err.describe()))),
        Settled::GaveUp(err) => notice.set((Tone::Error, Some(err.describe_gave_up()))),
    }
    None
}

/// Sends one import (one click) and reports it; the answer is kept for the download.
async fn import(
    token: String,
    scope: Scope,
    csv: String,
    notice: NoticeState,
    on_refused: Callback<()>,
) -> Option<RollResponse> {
    let write = PendingWrite::new(csv);
    let send = |write: &PendingWrite<String>| {
        let (token, scope, write) = (token.clone(), scope.clone(), write.clone());
        async move { api::roll::import_csv(&token, &scope, &write).await }
    };
    match send_with_retries(&write, MAX_COMMAND_RETRIES, send, wait_saying(&notice)).await {
        Settled::Done(answer) => {
            let said = crate::i18n::current().t_args(
                "admin-roll-imported",
                &[
                    ("created", answer.created.into()),
                    ("skipped", answer.skipped.into()),
                ],
            );
            notice.set((Tone::Success, Some(said)));
            return Some(answer);
        }
        Settled::Refused(ApiError::Unauthorized(_)) => on_refused.emit(()),
        Settled::Refused(err) => notice.set((Tone::Error, Some(err.describe()))),
        Settled::GaveUp(err) => notice.set((Tone::Error, Some(err.describe_gave_up()))),
    }
    None
}

#[derive(Properties, PartialEq)]
pub struct RollPanelProps {
    pub token: AttrValue,
    pub scope: Scope,
    pub phase: Phase,
    pub on_refused: Callback<()>,
}

#[component]
pub fn RollPanel(props: &RollPanelProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let csv = use_state(String::new);
    let busy = use_state(|| false);
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    // The last import's answer, with its credentials, until the admin dismisses it.
    let answer = use_state(|| None::<Rc<RollResponse>>);

    let on_paste = {
        let csv = csv.clone();
        Callback::from(move |event: InputEvent| {
            csv.set(event.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    // A chosen file is read into the text field, so a file and a paste take one path and the
    // admin sees what will be sent.
    let on_file = {
        let (csv, notice) = (csv.clone(), notice.clone());
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let (csv, notice) = (csv.clone(), notice.clone());
            spawn_local(async move {
                let blob = gloo::file::Blob::from(file);
                match gloo::file::futures::read_as_text(&blob).await {
                    Ok(text) => csv.set(text),
                    Err(err) => {
                        let said = crate::i18n::current().t_args(
                            "admin-roll-unreadable",
                            &[("error", err.to_string().into())],
                        );
                        notice.set((Tone::Error, Some(said)))
                    }
                }
            });
        })
    };
    let on_submit = {
        let (csv, busy, notice, answer) =
            (csv.clone(), busy.clone(), notice.clone(), answer.clone());
        let (token, scope, on_refused) = (
            props.token.to_string(),
            props.scope.clone(),
            props.on_refused.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = (*csv).clone();
            let (csv, busy, notice, answer) =
                (csv.clone(), busy.clone(), notice.clone(), answer.clone());
            let (token, scope, on_refused) = (token.clone(), scope.clone(), on_refused.clone());
            busy.set(true);
            notice.set((
                Tone::Info,
                Some(crate::i18n::current().t("admin-roll-importing")),
            ));
            spawn_local(async move {
                if let Some(made) = import(token, scope, text, notice, on_refused).await {
                    answer.set(Some(Rc::new(made)));
                    csv.set(String::new());
                }
                busy.set(false);
            });
        })
    };
    let on_dismiss = {
        let answer = answer.clone();
        Callback::from(move |()| answer.set(None))
    };

    let frozen = props.phase != Phase::Setup;
    // A new import would replace credentials not yet saved: they must be dealt with first.
    let pending = answer.is_some();
    html! {
        <>
            if let Some(roll) = (*answer).clone() {
                <p data-testid="roll-summary">
                    { i18n.t_args("admin-roll-summary", &[
                        ("created", roll.created.into()),
                        ("skipped", roll.skipped.into()),
                    ]) }
                </p>
                if roll.skipped > 0 {
                    <ul class="skipped" aria-label={i18n.t("admin-roll-skipped-rows")}>
                        { for roll.voters.iter().enumerate().filter(|(_, row)| row.voter_id.is_none()).map(|(at, row)| html! {
                            <li>{ sentence(&i18n, "admin-roll-skipped-row", &[("row", (at + 1).into())], &[
                                ("name", data(row.name.clone())),
                                ("status", data(row.status.clone())),
                            ]) }</li>
                        }) }
                    </ul>
                }
                <CredentialsDownload roll={roll}
                    file_name={format!("{}-credentials.csv", props.scope.id())} on_dismiss={on_dismiss} />
            }
            <form class="roll-form" onsubmit={on_submit}>
                <label for="roll-file">{ i18n.t("admin-roll-file") }</label>
                <input id="roll-file" type="file" accept=".csv,text/csv" onchange={on_file}
                    disabled={frozen} />
                <label for="roll-csv">{ i18n.t("admin-roll-paste") }</label>
                // The CSV is data, and so is its example.
                <textarea id="roll-csv" class="mono" translate="no" rows="6" spellcheck="false" placeholder={EXAMPLE}
                    value={(*csv).clone()} oninput={on_paste} disabled={frozen} />
                <p class="hint">
                    if frozen {
                        { i18n.t("admin-roll-frozen") }
                    } else {
                        { sentence(&i18n, "admin-roll-hint", &[], &[
                            ("name", code("name")),
                            ("email", code("email")),
                            ("external_id", code("external_id")),
                        ]) }
                    }
                </p>
                <button id="roll-import" type="submit" class="primary"
                    disabled={frozen || *busy || pending || csv.trim().is_empty()}>
                    { i18n.t("admin-roll-import") }
                </button>
                if pending {
                    <p class="hint">{ i18n.t("admin-roll-pending") }</p>
                }
            </form>
            <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
        </>
    }
}
