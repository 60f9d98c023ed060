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
    if props.notifications.is_empty() {
        return html! { <p class="muted">{ "Nothing has happened yet." }</p> };
    }
    html! {
        <ol class="feed" tabindex="0" aria-label="Activity, newest first" data-testid="feed">
            { for props.notifications.iter().map(|line| html! {
                <li class={format!("feed-{}", line.kind)}>
                    <time class="mono">{ format_time_of_day(line.time_ms) }</time>
                    <span class="feed-message">{ &line.message }</span>
                    <span class="feed-meta mono">
                        { if line.seq > 0 { format!("#{} · L{}", line.seq, line.lamport) }
                          else { format!("L{}", line.lamport) } }
                    </span>
                </li>
            }) }
        </ol>
    }
}
