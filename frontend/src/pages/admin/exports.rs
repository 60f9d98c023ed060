//! The admin's exports of an election: results and turnout as CSV, the event log as NDJSON.
//! They need the admin token, which a plain link cannot carry, so each button fetches its
//! file with the token and hands it to the browser's downloads; the last file also stays as
//! a link, in case the browser did not save it.

use shared::ErrorCode;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::commander::NoticeState;
use crate::api::roll::{export, Export};
use crate::api::{ApiError, Scope};
use crate::components::notice::{Notice, Tone};
use crate::download::Download;

#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    pub token: AttrValue,
    pub scope: Scope,
    pub on_refused: Callback<()>,
}

/// Why an export was refused, in the admin's words.
fn refusal(wanted: Export, err: &ApiError) -> String {
    match (wanted, err.code()) {
        (Export::Results, ErrorCode::WrongPhase) => {
            crate::i18n::current().t("admin-export-results-refused")
        }
        _ => err.describe(),
    }
}

#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    let busy = use_state(|| false);
    // The last file fetched; kept so its link works, replaced (and revoked) by the next one.
    let last = use_state(|| None::<Download>);

    let button = |wanted: Export| {
        let disabled = *busy;
        let (notice, busy, last) = (notice.clone(), busy.clone(), last.clone());
        let (token, scope, on_refused) = (
            props.token.to_string(),
            props.scope.clone(),
            props.on_refused.clone(),
        );
        let onclick = Callback::from(move |_: MouseEvent| {
            let (notice, busy, last) = (notice.clone(), busy.clone(), last.clone());
            let (token, scope, on_refused) = (token.clone(), scope.clone(), on_refused.clone());
            busy.set(true);
            let i18n = crate::i18n::current();
            let fetching = i18n.t_args("admin-export-fetching", &[("file", wanted.file().into())]);
            notice.set((Tone::Info, Some(fetching)));
            spawn_local(async move {
                match export(&token, &scope, wanted).await {
                    Ok(text) => {
                        let file =
                            Download::from_text(&text, wanted.mime(), wanted.saved_as(&scope));
                        file.start();
                        let name = file.file_name().to_string();
                        let said = i18n.t_args("admin-export-downloaded", &[("file", name.into())]);
                        notice.set((Tone::Success, Some(said)));
                        last.set(Some(file));
                    }
                    Err(ApiError::Unauthorized(_)) => on_refused.emit(()),
                    Err(err) => notice.set((Tone::Error, Some(refusal(wanted, &err)))),
                }
                busy.set(false);
            });
        });
        let id = format!("export-{}", wanted.file().replace('.', "-"));
        html! {
            <button id={id} type="button" {onclick} {disabled}>{ wanted.label() }</button>
        }
    };
    html! {
        <>
            <div class="commands">{ for Export::ALL.into_iter().map(button) }</div>
            <p class="hint">
                { i18n.t("admin-export-hint") }
            </p>
            <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
            if let Some(file) = (*last).clone() {
                <p>
                    { i18n.t("admin-export-fallback") }{ " " }
                    <a data-testid="export-link" translate="no" href={file.url().to_string()}
                        download={file.file_name().to_string()}>{ file.file_name().to_string() }</a>
                </p>
            }
        </>
    }
}
