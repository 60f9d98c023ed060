//! The figures as a voter or the admin sees them: the winner once published, the bars when
//! the counts are visible, and the turnout always.

use shared::dto::ResultsResponse;
use yew::prelude::*;

use crate::components::bar_chart::BarChart;
use crate::components::outcome::{leaders, OutcomeBanner};

#[derive(Properties, PartialEq)]
pub struct ResultsSummaryProps {
    pub results: ResultsResponse,
}

#[component]
pub fn ResultsSummary(props: &ResultsSummaryProps) -> Html {
    let results = &props.results;
    let visible = results.counts_visible && !results.counts.is_empty();
    let turnout = format!(
        "{} of {} voters have voted.",
        results.total_votes, results.eligible_voters
    );
    html! {
        <>
            if let Some(outcome) = results.outcome.clone() {
                <OutcomeBanner outcome={outcome} counts={results.counts.clone()} />
            }
            if visible {
                <BarChart counts={results.counts.clone()}
                    leaders={leaders(results.outcome.as_ref())} />
            }
            <p class="muted" data-testid="total-votes">
                { turnout }
                if !visible { { " The counts are hidden until the results are published." } }
            </p>
        </>
    }
}
