//! Time left until the deadline, by the server's clock.

use shared::ids::TimestampMs;
use shared::rules::counts_before_deadline;
use shared::Phase;
use yew::prelude::*;

use crate::format::{format_countdown, when};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct CountdownProps {
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    /// The server's time now (local time plus the synchronised offset).
    pub server_now_ms: TimestampMs,
    /// Adds a CSS class, e.g. `huge` on the projector.
    #[prop_or_default]
    pub class: Classes,
}

/// Shows `M:SS` left while voting is open, the deadline before it opens, and nothing
/// misleading afterwards.
#[component]
pub fn Countdown(props: &CountdownProps) -> Html {
    let i18n = use_i18n();
    let t = |key: &str| i18n.t(key);
    let (label, value) = match (props.phase, props.deadline_ms) {
        // While a click still counts (the shared rule), this is time left, not "passed".
        (Phase::Open, Some(deadline))
            if counts_before_deadline(props.server_now_ms, Some(deadline)) =>
        {
            (
                t("countdown-time-left"),
                format_countdown(deadline - props.server_now_ms),
            )
        }
        (Phase::Open, Some(_)) => (t("countdown-passed"), "0:00".to_string()),
        (Phase::Open, None) => (t("countdown-deadline"), t("countdown-none")),
        (Phase::Setup, Some(deadline)) => (t("countdown-deadline"), when(deadline)),
        (Phase::Setup, None) => (t("countdown-deadline"), t("countdown-not-set")),
        (Phase::Closed | Phase::Published, _) => (t("countdown-voting"), t("countdown-closed")),
    };
    html! {
        <div class={classes!("countdown", props.class.clone())} data-testid="countdown">
            <span class="countdown-label">{ label }</span>
            <span class="countdown-value" role="timer" aria-live="off">{ value }</span>
        </div>
    }
}
