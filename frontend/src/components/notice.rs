//! One line of feedback under a form. Its space is always reserved so that a message
//! appearing never pushes the buttons away from under the pointer.

use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub tone: Tone,
    /// Nothing to say: the reserved space stays empty.
    pub text: Option<AttrValue>,
}

#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let (class, role) = match props.tone {
        Tone::Info => ("notice notice-info", "status"),
        Tone::Success => ("notice notice-success", "status"),
        // Errors interrupt a screen reader; everything else waits its turn.
        Tone::Error => ("notice notice-error", "alert"),
    };
    html! {
        <p class={class} role={role} aria-live="polite" data-testid="notice">
            { props.text.clone().unwrap_or_default() }
        </p>
    }
}
