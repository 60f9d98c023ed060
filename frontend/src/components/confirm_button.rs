//! A button that asks before it acts. The question appears inline rather than in
//! `window.confirm`, which blocks the page (and its live updates) while it is open.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmButtonProps {
    /// Used for the element ids (`{id}` and `{id}-confirm`), which tests and labels use.
    pub id: AttrValue,
    pub label: AttrValue,
    pub question: AttrValue,
    pub disabled: bool,
    #[prop_or_default]
    pub danger: bool,
    pub on_confirm: Callback<()>,
}

#[component]
pub fn ConfirmButton(props: &ConfirmButtonProps) -> Html {
    let asking = use_state(|| false);
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    let confirm = {
        let (asking, on_confirm) = (asking.clone(), props.on_confirm.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            on_confirm.emit(());
        })
    };
    let class = classes!("command", props.danger.then_some("danger"));
    if *asking && !props.disabled {
        let confirm_id = format!("{}-confirm", props.id);
        html! {
            <div class="confirm" role="group" aria-label={props.question.clone()}>
                <span class="confirm-question">{ &props.question }</span>
                <button id={confirm_id} type="button" class={class} onclick={confirm}
                    autofocus=true>
                    { "Yes, " }{ props.label.to_lowercase() }
                </button>
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
            </div>
        }
    } else {
        html! {
            <button id={props.id.clone()} type="button" {class} onclick={ask}
                disabled={props.disabled}>
                { &props.label }
            </button>
        }
    }
}
