//! The trustees of a verifiable election, on its console: in setup, the form that names them
//! and the threshold (`POST …/trustees`), with each trustee's private link shown once; then
//! where the key ceremony stands, trustee by trustee; after close, who is still missing for
//! the decryption, and when the tally is decrypted, that the results can be published.

use shared::secrecy::wire::{
    SecrecyView, SecretStage, TrusteeSpec, TrusteesCreated, TrusteesRequest,
};
use shared::Phase;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::commander::NoticeState;
use crate::api::{self, ApiError, PendingWrite};
use crate::components::notice::{Notice, Tone};
use crate::pages::trustee::progress::{sealed_line, TrusteeProgress};

/// How often the panel reads the ceremony again.
const POLL_MS: u32 = 3_000;

/// The names and emails as typed, one row per trustee.
#[derive(Debug, Clone, PartialEq, Default)]
struct Row {
    name: String,
    email: String,
}

/// The request of the form's rows (names and emails trimmed; an empty email is none).
fn request(rows: &[Row], threshold: u32) -> TrusteesRequest {
    TrusteesRequest {
        trustees: rows
            .iter()
            .map(|row| TrusteeSpec {
                name: row.name.trim().to_string(),
                email: Some(row.email.trim().to_string()).filter(|email| !email.is_empty()),
            })
            .collect(),
        threshold,
    }
}

/// A link as the trustee opens it: this page's origin and the server's path (a link the
/// server already made absolute stays as it is).
fn absolute(link: &str) -> String {
    if link.starts_with("http://") || link.starts_with("https://") {
        return link.to_string();
    }
    let origin = gloo::utils::window()
        .location()
        .origin()
        .unwrap_or_default();
    format!("{origin}{link}")
}

#[derive(Properties, PartialEq)]
pub struct TrusteesPanelProps {
    pub token: AttrValue,
    /// The election's id.
    pub election: AttrValue,
    pub phase: Phase,
    /// The account may name trustees (owner or official).
    pub commands: bool,
    pub on_refused: Callback<()>,
}

#[component]
pub fn TrusteesPanel(props: &TrusteesPanelProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let view = use_state(|| None::<SecrecyView>);
    let rows = use_state(|| vec![Row::default()]);
    let threshold = use_state(|| 1_u32);
    let created = use_state(|| None::<TrusteesCreated>);
    let busy = use_state(|| false);
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    let tick = use_state(|| 0_u32);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let count = std::rc::Rc::new(std::cell::Cell::new(0_u32));
            let interval = gloo::timers::callback::Interval::new(POLL_MS, move || {
                count.set(count.get().wrapping_add(1));
                tick.set(count.get());
            });
            move || drop(interval)
        });
    }
    {
        let (view, election) = (view.clone(), props.election.to_string());
        use_effect_with((*tick, (*created).is_some()), move |_| {
            spawn_local(async move {
                if let Ok(answer) = crate::pages::trustee::ceremony::secrecy(&election).await {
                    view.set(Some(answer));
                }
            });
        });
    }

    let on_row = |at: usize, email: bool| {
        let rows = rows.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*rows).clone();
            if let Some(row) = next.get_mut(at) {
                if email {
                    row.email = value;
                } else {
                    row.name = value;
                }
            }
            rows.set(next);
        })
    };
    let on_add = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            if next.len() < shared::secrecy::ceremony::MAX_TRUSTEES {
                next.push(Row::default());
            }
            rows.set(next);
        })
    };
    let on_remove = |at: usize| {
        let (rows, threshold) = (rows.clone(), threshold.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            if next.len() > 1 {
                next.remove(at);
            }
            threshold.set((*threshold).min(next.len() as u32));
            rows.set(next);
        })
    };
    let on_threshold = {
        let (threshold, rows) = (threshold.clone(), rows.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(k) = value.parse::<u32>() {
                threshold.set(k.clamp(1, rows.len() as u32));
            }
        })
    };
    let on_submit = {
        let (rows, threshold, created, busy, notice) = (
            rows.clone(),
            threshold.clone(),
            created.clone(),
            busy.clone(),
            notice.clone(),
        );
        let (token, election, on_refused) = (
            props.token.to_string(),
            props.election.to_string(),
            props.on_refused.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let write = PendingWrite::new(request(&rows, *threshold));
            let (created, busy, notice, on_refused) = (
                created.clone(),
                busy.clone(),
                notice.clone(),
                on_refused.clone(),
            );
            let (token, election) = (token.clone(), election.clone());
            busy.set(true);
            spawn_local(async move {
                let path = format!("/api/admin/elections/{election}/trustees");
                match api::post::<_, TrusteesCreated>(&path, Some(&token), &write).await {
                    Ok(answer) => {
                        created.set(Some(answer));
                        let said = crate::i18n::current().t("admin-trustees-named");
                        notice.set((Tone::Success, Some(said)));
                    }
                    Err(ApiError::Unauthorized(_)) => on_refused.emit(()),
                    Err(err) => notice.set((Tone::Error, Some(err.describe()))),
                }
                busy.set(false);
            });
        })
    };
    let on_dismiss = {
        let created = created.clone();
        Callback::from(move |_: MouseEvent| created.set(None))
    };

    let links = (*created).clone().map(|answer| {
        html! {
            <div class="fresh" data-testid="trustee-links">
                <h3>{ i18n.t("admin-trustees-links-title") }</h3>
                <p class="hint">{ i18n.t("admin-trustees-copy-hint") }</p>
                { for answer.trustees.iter().map(|t| {
                    let id = format!("trustee-link-{}", t.trustee_id);
                    if t.mailed {
                        // Mailed to the trustee: the admin never sees the link.
                        return html! {
                            <p key={t.trustee_id} data-testid={format!("trustee-mailed-{}", t.trustee_id)}>
                                <span translate="no">{ t.name.clone() }</span>{ ": " }
                                { i18n.t("admin-trustee-mailed") }
                            </p>
                        };
                    }
                    html! {
                        <div key={t.trustee_id}>
                            <label for={id.clone()}>
                                { i18n.t("admin-trustee-link") }{ " " }
                                <span translate="no">{ t.name.clone() }</span>
                            </label>
                            <input id={id} type="text" readonly=true class="mono" translate="no"
                                value={absolute(&t.link)} />
                        </div>
                    }
                }) }
                <button id="trustee-links-dismiss" type="button" onclick={on_dismiss}>
                    { i18n.t("admin-trustees-dismiss") }
                </button>
            </div>
        }
    });
    let n = rows.len() as u32;
    let form = (props.commands && props.phase == Phase::Setup).then(|| {
        let again = view.as_ref().is_some_and(|v| !v.trustees.is_empty());
        html! {
            <form class="trustees-form" onsubmit={on_submit} aria-labelledby="trustees-form-title">
                <h3 id="trustees-form-title">{ i18n.t("admin-trustees-form-title") }</h3>
                <p class="hint">{ i18n.t("admin-trustees-intro") }</p>
                { for rows.iter().enumerate().map(|(at, row)| {
                    let number = at as u64 + 1;
                    let args = [("number", number.into())];
                    html! {
                        <fieldset class="trustee-row" key={at}>
                            <legend>{ i18n.t_args("admin-trustee-legend", &args) }</legend>
                            <label for={format!("trustee-name-{number}")}>{ i18n.t("admin-trustee-name") }</label>
                            <input id={format!("trustee-name-{number}")} type="text" required=true maxlength="200"
                                value={row.name.clone()} oninput={on_row(at, false)} />
                            <label for={format!("trustee-email-{number}")}>{ i18n.t("admin-trustee-email") }</label>
                            // Text with the email keyboard: the page's styles size text fields.
                            <input id={format!("trustee-email-{number}")} type="text" inputmode="email"
                                autocomplete="off" spellcheck="false" maxlength="254"
                                value={row.email.clone()} oninput={on_row(at, true)} />
                            if rows.len() > 1 {
                                <button type="button" onclick={on_remove(at)}>
                                    { i18n.t_args("admin-trustees-remove", &args) }
                                </button>
                            }
                        </fieldset>
                    }
                }) }
                <button id="trustee-add" type="button" onclick={on_add}
                    disabled={rows.len() >= shared::secrecy::ceremony::MAX_TRUSTEES}>
                    { i18n.t("admin-trustees-add") }
                </button>
                <label for="trustee-threshold">{ i18n.t("admin-trustees-threshold") }</label>
                <input id="trustee-threshold" type="number" min="1" max={n.to_string()}
                    value={threshold.to_string()} oninput={on_threshold}
                    aria-describedby="trustee-threshold-hint" />
                <p id="trustee-threshold-hint" class="hint">
                    { i18n.t_args("admin-trustees-threshold-hint", &[("count", n.into())]) }
                </p>
                if again {
                    <p class="hint">{ i18n.t("admin-trustees-again-warning") }</p>
                }
                <button id="trustees-save" type="submit" class="primary" disabled={*busy}>
                    { i18n.t("admin-trustees-save") }
                </button>
            </form>
        }
    });
    let standing = match &*view {
        None => html! { <p class="muted">{ i18n.t("admin-trustees-loading") }</p> },
        Some(view) => html! {
            <>
                <TrusteeProgress view={view.clone()} prefix="admin" />
                if view.stage == SecretStage::Decrypting {
                    { sealed_line(&i18n, "admin", view) }
                }
                if view.stage == SecretStage::Decrypted {
                    <p class="good" data-testid="decrypted-publish">{ i18n.t("admin-decrypted-publish") }</p>
                }
            </>
        },
    };
    html! {
        <>
            { links.unwrap_or_default() }
            { standing }
            { form.unwrap_or_default() }
            <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_request_trims_and_leaves_out_empty_emails() {
        let rows = [
            Row {
                name: " Alice ".into(),
                email: "".into(),
            },
            Row {
                name: "Bob".into(),
                email: " bob@example.org ".into(),
            },
        ];
        let sent = request(&rows, 2);
        assert_eq!(sent.threshold, 2);
        assert_eq!(sent.trustees[0].name, "Alice");
        assert_eq!(sent.trustees[0].email, None);
        assert_eq!(sent.trustees[1].email.as_deref(), Some("bob@example.org"));
    }
}
