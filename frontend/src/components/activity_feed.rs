//! The live activity feed, newest first.

use shared::dto::Notification;
use yew::prelude::*;

use crate::format::format_time_of_day;

#[derive(Properties, PartialEq)]
pub struct ActivityFeedProps {
    pub notifications: Vec<Notification>,
}

#[component]
pub fn ActivityFeed(props: &ActivityFeedProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    if props.notifications.is_empty() {
        return html! { <p class="muted">{ i18n.t("admin-feed-empty") }</p> };
    }
    // Numbers of the log and of its clock: identifiers, with their digits as they are.
    let meta = |line: &Notification| {
        let lamport = line.lamport.to_string();
        if line.seq > 0 {
            let seq = line.seq.to_string();
            i18n.t_args(
                "admin-feed-meta",
                &[("seq", seq.into()), ("lamport", lamport.into())],
            )
        } else {
            i18n.t_args("admin-feed-lamport", &[("lamport", lamport.into())])
        }
    };
    html! {
        <ol class="feed" tabindex="0" aria-label={i18n.t("admin-feed-label")} data-testid="feed">
            { for props.notifications.iter().map(|line| html! {
                <li class={format!("feed-{}", line.kind)}>
                    <time class="mono">{ format_time_of_day(line.time_ms) }</time>
                    // The server words each line (with the names in it), in its own language.
                    <span class="feed-message" translate="no">{ &line.message }</span>
                    <span class="feed-meta mono">{ meta(line) }</span>
                </li>
            }) }
        </ol>
    }
}
