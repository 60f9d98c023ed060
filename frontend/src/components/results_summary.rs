//! The figures as a voter or the admin sees them: the winner once published, the bars when
//! the counts are visible, and the turnout always (with the weight that voted when voters
//! are weighted). Given the election's questions, a ballot of questions shows each
//! question's result instead of the bars.

use shared::dto::ResultsResponse;
use shared::elections::QuestionView;
use yew::prelude::*;

use crate::components::bar_chart::BarChart;
use crate::components::outcome::{leaders, OutcomeBanner};
use crate::components::question_results::{only_main, QuestionResults};

#[derive(Properties, PartialEq)]
pub struct ResultsSummaryProps {
    pub results: ResultsResponse,
    /// The election's questions, to name their candidates. Left empty, the summary shows the
    /// bars alone, as before ballots of questions.
    #[prop_or_default]
    pub questions: Option<Vec<QuestionView>>,
}

#[component]
pub fn ResultsSummary(props: &ResultsSummaryProps) -> Html {
    let results = &props.results;
    let by_question = props.questions.is_some()
        && !results.questions.is_empty()
        && !only_main(&results.questions);
    let visible = results.counts_visible && !results.counts.is_empty();
    let weighted =
        !results.voted_weight.is_empty() && results.voted_weight != results.total_votes.to_string();
    let turnout = if weighted {
        format!(
            "{} of {} voters have voted (weight {} of {}).",
            results.total_votes,
            results.eligible_voters,
            results.voted_weight,
            results.eligible_weight
        )
    } else {
        format!(
            "{} of {} voters have voted.",
            results.total_votes, results.eligible_voters
        )
    };
    html! {
        <>
            if let Some(outcome) = results.outcome.clone() {
                <OutcomeBanner outcome={outcome} counts={results.counts.clone()} />
            }
            if by_question {
                <QuestionResults results={results.questions.clone()} heading="h3"
                    questions={props.questions.clone().unwrap_or_default()} />
            } else if visible {
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
