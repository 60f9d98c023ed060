//! Benaloh's check on the audit page: a voter who chose "Check this ballot" brings the revealed
//! ballot, seed and marks here (the voter page links to `#challenge=…`, or they paste the
//! JSON), and this page, not the one that sealed it, re-seals the marks from the seed under the
//! election's published key and says whether the ballot is exactly that. It also says whether
//! the ballot was cast: it must not have been, its seed being public.

use shared::secrecy::ballot::Challenge;
use shared::secrecy::ProofError;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiError, Scope};
use crate::i18n::use_i18n;

/// Where a check stands.
#[derive(Debug, Clone, PartialEq)]
enum ChallengeState {
    Idle,
    Checking,
    /// The ballot holds the marks; each question's marked options; whether it was cast.
    Holds {
        code: String,
        marked: Vec<(String, Vec<usize>)>,
        cast: bool,
    },
    Unreadable,
    NoKey,
    Fetch(ApiError),
    Fails(ProofError),
}

/// The `#challenge=` of the page's address, decoded.
fn from_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix("#challenge=")?;
    js_sys::decode_uri_component(encoded).ok()?.as_string()
}

async fn check(scope: &Scope, text: &str) -> ChallengeState {
    let Ok(challenge) = serde_json::from_str::<Challenge>(text.trim()) else {
        return ChallengeState::Unreadable;
    };
    let view = match api::voter::secrecy(scope).await {
        Ok(view) => view,
        Err(err) => return ChallengeState::Fetch(err),
    };
    let Some(key) = &view.key else {
        return ChallengeState::NoKey;
    };
    if let Err(why) = challenge.check(key.0.shared_key(), scope.id(), &view.shapes()) {
        return ChallengeState::Fails(why);
    }
    let code = challenge.ballot.tracking_code();
    let cast = match cast_on_log(scope, &code).await {
        Ok(cast) => cast,
        Err(err) => return ChallengeState::Fetch(err),
    };
    let marked = view
        .questions
        .iter()
        .zip(&challenge.marks)
        .map(|(question, marks)| {
            let ids = (1..)
                .zip(marks)
                .filter(|(_, m)| **m)
                .map(|(id, _)| id)
                .collect();
            (question.question.clone(), ids)
        })
        .collect();
    ChallengeState::Holds { code, marked, cast }
}

/// Whether a ballot of this tracking code is on the public log.
async fn cast_on_log(scope: &Scope, code: &str) -> Result<bool, ApiError> {
    let head = api::log::checkpoint(scope).await?;
    let lines = api::log::first_entries(scope, head.tree_size, |_| {}).await?;
    Ok(lines.iter().any(|line| {
        serde_json::from_str::<shared::log::PublicLine>(line).is_ok_and(|line| {
            matches!(&line.entry, shared::log::PublicEntry::BallotCast { sealed: Some(b), .. }
                if b.tracking_code() == code)
        })
    }))
}

#[derive(Properties, PartialEq)]
pub struct ChallengeCheckProps {
    pub scope: Scope,
}

#[component]
pub fn ChallengeCheck(props: &ChallengeCheckProps) -> Html {
    let i18n = use_i18n();
    let text = use_state(|| from_address().unwrap_or_default());
    let state = use_state(|| ChallengeState::Idle);
    let run = {
        let (text, state, scope) = (text.clone(), state.clone(), props.scope.clone());
        Callback::from(move |()| {
            let (text, state, scope) = ((*text).clone(), state.clone(), scope.clone());
            state.set(ChallengeState::Checking);
            spawn_local(async move { state.set(check(&scope, &text).await) });
        })
    };
    {
        // Brought here by the voter page's link: check at once.
        let (run, arrived) = (run.clone(), !text.is_empty());
        use_effect_with((), move |_| {
            if arrived {
                run.emit(());
            }
        });
    }
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let on_submit = {
        let run = run.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit(());
        })
    };
    let verdict = match &*state {
        ChallengeState::Idle => Html::default(),
        ChallengeState::Checking => {
            html! { <p class="muted">{ i18n.t("audit-challenge-checking") }</p> }
        }
        ChallengeState::Holds { code, marked, cast } => html! {
            <div data-testid="challenge-verdict" data-verdict={if *cast { "cast" } else { "holds" }}>
                <p class={classes!("notice", if *cast { "notice-error" } else { "notice-success" })}>
                    { i18n.t("audit-challenge-holds") }{ " " }
                    <span class="mono" translate="no" style="overflow-wrap: anywhere">{ code.clone() }</span>
                </p>
                <ul>
                    { for marked.iter().map(|(question, ids)| html! {
                        <li>
                            <span translate="no">{ question.clone() }</span>{ ": " }
                            if ids.is_empty() {
                                { i18n.t("audit-challenge-none") }
                            } else {
                                <span translate="no">{ ids.iter().map(usize::to_string).collect::<Vec<_>>().join(", ") }</span>
                            }
                        </li>
                    }) }
                </ul>
                <p>{ i18n.t(if *cast { "audit-challenge-was-cast" } else { "audit-challenge-not-cast" }) }</p>
            </div>
        },
        ChallengeState::Unreadable => failed(i18n.t("audit-challenge-unreadable")),
        ChallengeState::NoKey => failed(i18n.t("audit-challenge-no-key")),
        ChallengeState::Fetch(err) => failed(i18n.t_args(
            "audit-secret-fetch-failed",
            &[("why", err.describe().into())],
        )),
        ChallengeState::Fails(why) => html! {
            <p class="notice notice-error" data-testid="challenge-verdict" data-verdict="fails">
                { i18n.t("audit-challenge-fails") }{ " " }
                <span translate="no" style="overflow-wrap: anywhere">{ format!("{}: {}", why.at, why.problem) }</span>
            </p>
        },
    };
    html! {
        <form onsubmit={on_submit}>
            <label for="challenge-json">{ i18n.t("audit-challenge-label") }</label>
            <textarea id="challenge-json" class="mono" rows="4" translate="no"
                value={(*text).clone()} oninput={on_input} />
            <button type="submit" id="challenge-check"
                disabled={*state == ChallengeState::Checking || text.trim().is_empty()}>
                { i18n.t("audit-challenge-check") }
            </button>
            <div role="status" aria-live="polite">{ verdict }</div>
        </form>
    }
}

fn failed(text: String) -> Html {
    html! {
        <p class="notice notice-error" data-testid="challenge-verdict" data-verdict="unreadable">{ text }</p>
    }
}
