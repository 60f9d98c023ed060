//! A trustee's page, `/e/{id}/trustee#token=…` (in the audit app, which carries the same
//! crypto): the key ceremony run in this browser, the key file, and after voting closes this
//! trustee's share of the decryption.
//!
//! The token stays in the fragment (it never reaches a server by the address; the page sends
//! it as a bearer token) so the same link opens the page again for the decryption. The
//! trustee's secret never leaves the browser except as the key file they download. The page
//! reads the public view every two seconds and moves the key on as far as the others' parts
//! allow ([`ceremony`]).

pub mod ceremony;
mod flow;
pub mod progress;
mod sections;

use gloo::timers::callback::Interval;
use shared::secrecy::wire::{SecrecyView, SecretStage, TrusteeMe};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::language_switcher::LanguageSwitcher;
use crate::download::Download;
use crate::i18n::use_i18n;
use ceremony::Pending;
use flow::{status_html, Handles, Memory, Status};
use progress::TrusteeProgress;
use sections::{DecryptSection, KeyFileSection};

/// The stages in their order, to compare (the wire type has no order).
pub fn rank(stage: SecretStage) -> u8 {
    match stage {
        SecretStage::NoTrustees => 0,
        SecretStage::Commitments => 1,
        SecretStage::Polynomials => 2,
        SecretStage::Shares => 3,
        SecretStage::KeyPublished => 4,
        SecretStage::Decrypting => 5,
        SecretStage::Decrypted => 6,
    }
}

/// How often the page reads the public view.
const POLL_MS: u32 = 2_000;

/// The token of `#token=…`, if the address has one.
pub fn token_from_fragment(fragment: &str) -> Option<String> {
    let token = fragment.trim_start_matches('#').strip_prefix("token=")?;
    let token = token.split('&').next().unwrap_or_default();
    (!token.is_empty()).then(|| token.to_string())
}

#[derive(Properties, PartialEq)]
pub struct TrusteePageProps {
    /// The election of the route, already checked.
    pub election: AttrValue,
}

#[component]
pub fn TrusteePage(props: &TrusteePageProps) -> Html {
    let i18n = use_i18n();
    let token = use_memo((), |_| {
        let fragment = gloo::utils::window().location().hash().unwrap_or_default();
        token_from_fragment(&fragment)
    });
    let me = use_state(|| None::<Result<TrusteeMe, ApiError>>);
    let memory = use_mut_ref(Memory::default);
    let view = use_state(|| None::<SecrecyView>);
    let status = use_state(|| None::<Status>);
    let download = use_state(|| None::<Download>);
    let ready = use_state(|| false);
    let busy = use_state(|| false);
    {
        let (me, token, election) = (me.clone(), token.clone(), props.election.to_string());
        use_effect_with((), move |_| {
            if let Some(token) = (*token).clone() {
                spawn_local(async move { me.set(Some(ceremony::me(&election, &token).await)) });
            }
        });
    }
    let handles = match (&*token, &*me) {
        (Some(token), Some(Ok(me))) => Some(Handles {
            election: props.election.to_string(),
            token: token.clone(),
            me: me.clone(),
            memory: memory.clone(),
            view: view.clone(),
            status: status.clone(),
            download: download.clone(),
            ready: ready.clone(),
        }),
        _ => None,
    };
    {
        let handles = handles.clone();
        use_effect_with(handles.is_some(), move |known| {
            let interval = (*known).then(|| {
                let handles = handles.expect("known");
                handles.poll();
                Interval::new(POLL_MS, move || handles.poll())
            });
            move || drop(interval)
        });
    }

    let header = html! {
        <header class="topbar">
            <h1>{ i18n.t("audit-trustee-title") }</h1>
            <LanguageSwitcher />
        </header>
    };
    let me = match (&*token, &*me, &handles) {
        (None, _, _) => {
            return html! {
                <main class="page narrow trustee">
                    { header }
                    <p class="notice notice-error" role="alert" data-testid="trustee-no-token">
                        { i18n.t("audit-trustee-no-token") }
                    </p>
                </main>
            }
        }
        (_, Some(Err(err)), _) => {
            return html! {
                <main class="page narrow trustee">
                    { header }
                    <p class="notice notice-error" role="alert" data-testid="trustee-refused">
                        { err.describe() }
                    </p>
                </main>
            }
        }
        (_, _, Some(handles)) => handles.me.clone(),
        _ => {
            return html! {
                <main class="page narrow trustee">
                    { header }
                    <p class="muted" role="status">{ i18n.t("audit-trustee-loading") }</p>
                </main>
            }
        }
    };
    let handles = handles.expect("the trustee is known");
    let has_key = memory.borrow().key.is_some();
    let pending = memory.borrow().pending.is_some();

    let on_start = {
        let handles = handles.clone();
        Callback::from(move |_: MouseEvent| match ceremony::start(&handles.me) {
            Ok(pending) => {
                // The file is offered before anything is sent: a commitment without its key
                // would leave the ceremony stuck.
                handles.keep(pending.key.clone());
                handles.memory.borrow_mut().pending = Some(pending);
                handles
                    .status
                    .set(Some(Status::Said("audit-trustee-started")));
                handles.poll();
            }
            Err(trouble) => handles.status.set(Some(Status::Trouble(trouble))),
        })
    };
    let on_file = {
        let handles = handles.clone();
        Callback::from(
            move |text: String| match ceremony::read_file(&text, &handles.me) {
                Ok(key) => {
                    handles.memory.borrow_mut().pending = None;
                    handles.keep(key);
                    handles
                        .status
                        .set(Some(Status::Said("audit-trustee-loaded")));
                    handles.poll();
                }
                Err(why) => handles.status.set(Some(Status::File(why))),
            },
        )
    };
    let on_decrypt = {
        let (handles, busy) = (handles.clone(), busy.clone());
        Callback::from(move |_: MouseEvent| {
            let key = handles.memory.borrow().key.clone();
            let (Some(key), Some(view)) = (key, (*handles.view).clone()) else {
                return;
            };
            busy.set(true);
            let (handles, busy) = (handles.clone(), busy.clone());
            // Let the page show that it is working before the arithmetic holds the thread.
            gloo::timers::callback::Timeout::new(30, move || {
                match ceremony::decrypt(&key, &view) {
                    Ok(part) => {
                        handles.memory.borrow_mut().pending = Some(Pending { key, part });
                        handles.poll();
                    }
                    Err(trouble) => handles.status.set(Some(Status::Trouble(trouble))),
                }
                busy.set(false);
            })
            .forget();
        })
    };

    let view = (*view).clone();
    let stage = view.as_ref().map(|v| v.stage);
    let mine = view
        .as_ref()
        .and_then(|v| v.trustees.iter().find(|t| t.trustee_id == me.trustee_id))
        .cloned();
    let committed = mine.as_ref().is_some_and(|t| t.commitment.is_some());
    let can_start = stage == Some(SecretStage::Commitments) && !committed && !pending;
    let needs_file = !has_key && committed;
    let status_line = status_html(&i18n, (*status).as_ref());
    html! {
        <main class="page narrow trustee">
            { header }
            <p>
                { i18n.t("audit-trustee-election") }{ " " }
                <span translate="no" class="mono">{ props.election.to_string() }</span>
            </p>
            <p data-testid="trustee-who">
                { i18n.t_args("audit-trustee-who", &[
                    ("id", me.trustee_id.into()), ("count", me.trustees.into())]) }
                { " " }<strong translate="no">{ me.name.clone() }</strong>
            </p>
            <p class="muted">
                { i18n.t_args("audit-trustee-threshold", &[
                    ("threshold", me.threshold.into()), ("count", me.trustees.into())]) }
            </p>
            { status_line }
            <section class="card" aria-labelledby="ceremony-title">
                <h2 id="ceremony-title">{ i18n.t("audit-trustee-ceremony-title") }</h2>
                if let Some(view) = view.clone() {
                    <TrusteeProgress view={view} prefix="audit" me={Some(me.trustee_id)} />
                } else {
                    <p class="muted">{ i18n.t("audit-trustee-view-loading") }</p>
                }
                if can_start {
                    <p class="hint">{ i18n.t("audit-trustee-start-hint") }</p>
                    <button id="trustee-start" type="button" class="primary" onclick={on_start}>
                        { i18n.t("audit-trustee-start") }
                    </button>
                } else if needs_file {
                    <p class="hint" data-testid="trustee-needs-file">{ i18n.t("audit-trustee-need-file") }</p>
                } else if has_key && !*ready && stage.is_some_and(|s| rank(s) < rank(SecretStage::KeyPublished)) {
                    <p class="hint">{ i18n.t("audit-trustee-keep-open") }</p>
                }
            </section>
            <KeyFileSection download={(*download).clone()} ready={*ready} on_file={on_file} />
            if stage.is_some_and(|s| rank(s) >= rank(SecretStage::KeyPublished)) {
                if let Some(view) = view {
                    <DecryptSection view={view} me={me.trustee_id} has_key={has_key}
                        ready={*ready} busy={*busy || pending} on_decrypt={on_decrypt} />
                }
            }
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::token_from_fragment;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_token_comes_from_the_fragment() {
        assert_eq!(token_from_fragment("#token=abc").as_deref(), Some("abc"));
        assert_eq!(
            token_from_fragment("#token=abc&x=1").as_deref(),
            Some("abc")
        );
        assert_eq!(token_from_fragment("#token="), None);
        assert_eq!(token_from_fragment("#credential=abc"), None);
        assert_eq!(token_from_fragment(""), None);
    }
}
