//! The figures as a voter or the admin sees them: the winner once published, the bars when
//! the counts are visible, and the turnout always (with the weight that voted when voters
//! are weighted). Given the election's questions, a ballot of questions shows each
//! question's result instead of the bars.

use fluent_bundle::FluentValue;
use shared::dto::ResultsResponse;
use shared::elections::QuestionView;
use yew::prelude::*;

use crate::components::bar_chart::BarChart;
use crate::components::outcome::{leaders, OutcomeBanner};
use crate::components::question_results::{only_main, QuestionResults};
use crate::i18n::use_i18n;

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
    let i18n = use_i18n();
    let results = &props.results;
    let by_question = props.questions.is_some()
        && !results.questions.is_empty()
        && !only_main(&results.questions);
    let visible = results.counts_visible && !results.counts.is_empty();
    let weighted =
        !results.voted_weight.is_empty() && results.voted_weight != results.total_votes.to_string();
    let voted: [(&str, FluentValue); 2] = [
        ("voted", results.total_votes.into()),
        ("voters", results.eligible_voters.into()),
    ];
    let turnout = if weighted {
        let mut args = voted.to_vec();
        args.push(("weight", results.voted_weight.as_str().into()));
        args.push(("total", results.eligible_weight.as_str().into()));
        i18n.t_args("results-turnout-weighted", &args)
    } else {
        i18n.t_args("results-turnout", &voted)
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
                if !visible { { format!(" {}", i18n.t("results-counts-hidden")) } }
            </p>
        </>
    }
}
