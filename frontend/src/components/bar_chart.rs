//! Votes per candidate as horizontal bars.
//!
//! Rows keep the ballot's order instead of sorting by votes: on a projector, bars that swap
//! places at every vote are hard to follow, and a fixed order keeps the layout still.

use shared::results::CandidateCount;
use shared::CandidateId;
use yew::prelude::*;

use crate::format::{bar_width, count as number, percent};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub counts: Vec<CandidateCount>,
    /// Highlighted rows (the winner, or the tied leaders).
    #[prop_or_default]
    pub leaders: Vec<CandidateId>,
    /// Adds a CSS class, e.g. `huge` on the projector.
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let i18n = use_i18n();
    let max_votes = props.counts.iter().map(|c| c.votes).max().unwrap_or(0);
    let total: u64 = props.counts.iter().map(|c| c.votes).sum();
    html! {
        <ol class={classes!("bars", props.class.clone())} aria-label={i18n.t("results-votes-per-candidate")}
            data-testid="bar-chart">
            { for props.counts.iter().map(|count| {
                let leader = props.leaders.contains(&count.candidate_id);
                let width = format!("width: {}%", bar_width(count.votes, max_votes));
                html! {
                    <li class={classes!("bar-row", leader.then_some("leader"))}
                        data-candidate={count.candidate_id.to_string()}>
                        <span class="bar-name" translate="no">{ &count.name }</span>
                        <span class="bar-track" aria-hidden="true">
                            <span class="bar-fill" style={width}></span>
                        </span>
                        <span class="bar-votes" data-testid="votes">{ number(count.votes) }</span>
                        <span class="bar-share">{ format!("{} %", percent(count.votes, total)) }</span>
                    </li>
                }
            }) }
        </ol>
    }
}
