//! What checking a receipt came to, in one line: green when every check held, red when one
//! failed, plain when the evidence could not be fetched. The space is reserved like a notice's.

use yew::prelude::*;

use crate::i18n::use_i18n;
use crate::receipt::{CheckState, Verdict};

#[derive(Properties, PartialEq)]
pub struct VerdictLineProps {
    pub check: CheckState,
    /// Tells this line apart from another on the same page (`data-testid`).
    pub testid: AttrValue,
}

#[component]
pub fn VerdictLine(props: &VerdictLineProps) -> Html {
    let i18n = use_i18n();
    let (class, role, text) = match &props.check {
        CheckState::Idle => ("notice notice-info", "status", Html::default()),
        CheckState::Checking => (
            "notice notice-info",
            "status",
            html! { { i18n.t("receipts-checking") } },
        ),
        CheckState::Done(verdict @ Verdict::Verified { .. }) => {
            ("notice notice-success", "status", verdict.view(&i18n))
        }
        CheckState::Done(verdict @ Verdict::Refused(_)) => {
            ("notice notice-error", "alert", verdict.view(&i18n))
        }
        CheckState::Done(verdict @ Verdict::Unchecked(_)) => {
            ("notice notice-info", "status", verdict.view(&i18n))
        }
    };
    let outcome = match &props.check {
        CheckState::Done(Verdict::Verified { .. }) => "verified",
        CheckState::Done(Verdict::Refused(_)) => "refused",
        CheckState::Done(Verdict::Unchecked(_)) => "unchecked",
        CheckState::Idle | CheckState::Checking => "",
    };
    html! {
        <p class={class} role={role} aria-live="polite" data-testid={props.testid.clone()}
            data-outcome={outcome}>
            { text }
        </p>
    }
}
