//! Setting the deadline, either as a date and time or as minutes from now.

use shared::ids::TimestampMs;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format::{datetime_local_value, parse_datetime_local};

#[derive(Properties, PartialEq)]
pub struct DeadlineFormProps {
    /// The current deadline, to prefill the date-time field.
    pub deadline_ms: Option<TimestampMs>,
    pub disabled: bool,
    pub on_set_at: Callback<TimestampMs>,
    pub on_set_in: Callback<f64>,
}

fn value_of(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

#[component]
pub fn DeadlineForm(props: &DeadlineFormProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let at = use_state(|| {
        props
            .deadline_ms
            .map(datetime_local_value)
            .unwrap_or_default()
    });
    let minutes = use_state(|| "10".to_string());
    // Follow the deadline when it changes (set here, from another tab or by another admin),
    // so the field never shows a stale value as if it were current.
    {
        let at = at.clone();
        use_effect_with(props.deadline_ms, move |deadline| {
            if let Some(ms) = deadline {
                at.set(datetime_local_value(*ms));
            }
        });
    }

    let submit_at = {
        let (at, emit) = (at.clone(), props.on_set_at.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(ms) = parse_datetime_local(&at) {
                emit.emit(ms);
            }
        })
    };
    let submit_in = {
        let (minutes, emit) = (minutes.clone(), props.on_set_in.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Ok(value) = minutes.trim().parse::<f64>() {
                if value > 0.0 {
                    emit.emit(value);
                }
            }
        })
    };
    let on_at = {
        let at = at.clone();
        Callback::from(move |event: InputEvent| at.set(value_of(&event)))
    };
    let on_minutes = {
        let minutes = minutes.clone();
        Callback::from(move |event: InputEvent| minutes.set(value_of(&event)))
    };

    html! {
        <div class="deadline-forms">
            <form class="inline-form" onsubmit={submit_at}>
                <label for="deadline-at">{ i18n.t("admin-deadline-date-label") }</label>
                <input id="deadline-at" type="datetime-local" required=true
                    value={(*at).clone()} oninput={on_at} />
                <button id="deadline-at-submit" type="submit" disabled={props.disabled}>
                    { i18n.t("admin-set-deadline") }
                </button>
            </form>
            <form class="inline-form" onsubmit={submit_in}>
                <label for="deadline-minutes">{ i18n.t("admin-deadline-minutes-label") }</label>
                <input id="deadline-minutes" type="number" min="0.1" step="any" required=true
                    inputmode="decimal" value={(*minutes).clone()} oninput={on_minutes} />
                <button id="deadline-minutes-submit" type="submit" disabled={props.disabled}>
                    { i18n.t("admin-set-deadline") }
                </button>
            </form>
        </div>
    }
}
