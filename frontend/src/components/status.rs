//! Small badges: is the page live, and which phase is the election in.

use shared::Phase;
use yew::prelude::*;

use crate::format::one_decimal;
use crate::i18n::use_i18n;
use crate::state::Connection;

#[derive(Properties, PartialEq)]
pub struct ConnectionBadgeProps {
    pub connection: Connection,
}

/// Says whether pushes are arriving, so nobody trusts frozen figures without knowing.
#[component]
pub fn ConnectionBadge(props: &ConnectionBadgeProps) -> Html {
    let i18n = use_i18n();
    let (class, text) = match props.connection {
        Connection::Connecting => ("badge badge-wait", i18n.t("connection-connecting")),
        Connection::Live => ("badge badge-live", i18n.t("connection-live")),
        Connection::Reconnecting {
            attempt,
            retry_in_ms,
        } => (
            "badge badge-down",
            i18n.t_args(
                "connection-reconnecting",
                &[
                    ("attempt", attempt.into()),
                    (
                        "seconds",
                        one_decimal((u64::from(retry_in_ms) + 50) / 100).into(),
                    ),
                ],
            ),
        ),
        Connection::Refused => ("badge badge-down", i18n.t("connection-refused")),
    };
    html! {
        <span class={class} role="status" aria-live="polite" data-testid="connection">
            <span class="dot" aria-hidden="true"></span>{ text }
        </span>
    }
}

/// The key of a phase's words in the Fluent resources.
pub fn phase_key(phase: Phase) -> &'static str {
    match phase {
        Phase::Setup => "phase-setup",
        Phase::Open => "phase-open",
        Phase::Closed => "phase-closed",
        Phase::Published => "phase-published",
    }
}

#[derive(Properties, PartialEq)]
pub struct PhaseBadgeProps {
    pub phase: Phase,
}

#[component]
pub fn PhaseBadge(props: &PhaseBadgeProps) -> Html {
    let i18n = use_i18n();
    let class = format!("badge phase-{}", props.phase.as_str());
    html! {
        <span class={class} data-testid="phase" data-phase={props.phase.as_str()}>
            { i18n.t(phase_key(props.phase)) }
        </span>
    }
}
