//! A button that asks before it acts. The question appears inline rather than in
//! `window.confirm`, which blocks the page (and its live updates) while it is open.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmButtonProps {
    /// Used for the element ids (`{id}` and `{id}-confirm`), which tests and labels use.
    pub id: AttrValue,
    pub label: AttrValue,
    /// The confirming button's label ("Yes, start voting"): its own message, since "yes" and
    /// the action do not combine the same way in every language.
    pub yes: AttrValue,
    /// The question, also the name of the group of buttons that answers it. Html, so a name
    /// inside it can be marked as data.
    pub question: Html,
    pub disabled: bool,
    #[prop_or_default]
    pub danger: bool,
    pub on_confirm: Callback<()>,
}

/// Moves keyboard focus to an element, if it is rendered.
fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

#[component]
pub fn ConfirmButton(props: &ConfirmButtonProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let asking = use_state(|| false);
    let main_ref = use_node_ref();
    let confirm_ref = use_node_ref();
    let was_asking = use_mut_ref(|| false);
    // The button under the focus is replaced when the question appears (and back again), so
    // focus is moved by hand: keyboard users would otherwise be dropped at the top of the page.
    {
        let (main_ref, confirm_ref) = (main_ref.clone(), confirm_ref.clone());
        use_effect_with(*asking, move |asking| {
            if *asking {
                focus(&confirm_ref);
            } else if *was_asking.borrow() {
                focus(&main_ref);
            }
            *was_asking.borrow_mut() = *asking;
        });
    }
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    let on_key = {
        let asking = asking.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                asking.set(false);
            }
        })
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
        let question_id = format!("{}-question", props.id);
        html! {
            <div class="confirm" role="group" aria-labelledby={question_id.clone()} onkeydown={on_key}>
                <span id={question_id} class="confirm-question">{ props.question.clone() }</span>
                <button id={confirm_id} ref={confirm_ref} type="button" class={class} onclick={confirm}>
                    { &props.yes }
                </button>
                <button type="button" onclick={cancel}>{ i18n.t("admin-cancel") }</button>
            </div>
        }
    } else {
        html! {
            <button id={props.id.clone()} ref={main_ref} type="button" {class} onclick={ask}
                disabled={props.disabled}>
                { &props.label }
            </button>
        }
    }
}
