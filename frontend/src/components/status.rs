//! Small badges: is the page live, and which phase is the election in.

use shared::Phase;
use yew::prelude::*;

use crate::format::one_decimal;
use crate::state::Connection;

#[derive(Properties, PartialEq)]
pub struct ConnectionBadgeProps {
    pub connection: Connection,
}

/// Says whether pushes are arriving, so nobody trusts frozen figures without knowing.
#[component]
pub fn ConnectionBadge(props: &ConnectionBadgeProps) -> Html {
    let (class, text) = match props.connection {
        Connection::Connecting => ("badge badge-wait", "Connecting…".to_string()),
        Connection::Live => ("badge badge-live", "Live".to_string()),
        Connection::Reconnecting {
            attempt,
            retry_in_ms,
        } => (
            "badge badge-down",
            format!(
                "Reconnecting… (attempt {attempt}, next in {} s)",
                one_decimal((u64::from(retry_in_ms) + 50) / 100)
            ),
        ),
        Connection::Refused => ("badge badge-down", "Admin token refused".to_string()),
    };
    html! {
        <span class={class} role="status" aria-live="polite" data-testid="connection">
            <span class="dot" aria-hidden="true"></span>{ text }
        </span>
    }
}

/// The words for a phase, as people say them.
pub fn phase_label(phase: Phase) -> &'static str {
    match phase {
        Phase::Setup => "Not started",
        Phase::Open => "Voting open",
        Phase::Closed => "Voting closed",
        Phase::Published => "Results published",
    }
}

#[derive(Properties, PartialEq)]
pub struct PhaseBadgeProps {
    pub phase: Phase,
}

#[component]
pub fn PhaseBadge(props: &PhaseBadgeProps) -> Html {
    let class = format!("badge phase-{}", props.phase.as_str());
    html! {
        <span class={class} data-testid="phase" data-phase={props.phase.as_str()}>
            { phase_label(props.phase) }
        </span>
    }
}
