//! A referendum's result: Yes and No with their weights and shares of the answers, the
//! threshold in words ("needs two thirds …"), and PASSED or REJECTED in words.

use shared::ballots::{QuestionResult, Threshold, NO, YES};
use yew::prelude::*;

use crate::components::question_results_text::{millionths, share_of, threshold_in_words};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct ReferendumResultProps {
    pub result: QuestionResult,
}

#[component]
pub fn ReferendumResult(props: &ReferendumResultProps) -> Html {
    let i18n = use_i18n();
    let result = &props.result;
    let votes = |id| {
        result
            .rounds
            .first()
            .and_then(|r| r.tallies.iter().find(|t| t.candidate_id == id))
            .map_or_else(|| "0".to_string(), |t| t.votes.clone())
    };
    let (yes, no) = (votes(YES), votes(NO));
    let answered = millionths(&yes) + millionths(&no);
    let threshold = result.threshold.unwrap_or(Threshold::Majority);
    let verdict = i18n.t(match result.passed {
        Some(true) => "results-referendum-passed",
        Some(false) => "results-referendum-rejected",
        None => "results-referendum-undecided",
    });
    let row = |id, label: String, weight: &str| {
        let share = share_of(millionths(weight), answered);
        html! {
            <li class="bar-row" data-candidate={u32::to_string(&id)}>
                <span class="bar-name">{ label }</span>
                <span class="bar-track" aria-hidden="true">
                    <span class="bar-fill" style={format!("width: {share}%")}></span>
                </span>
                <span class="bar-votes" data-testid="votes">{ weight }</span>
                <span class="bar-share">{ format!("{share} %") }</span>
            </li>
        }
    };
    html! {
        <div class="referendum">
            <ol class="bars" aria-label={i18n.t("results-referendum-bars")}>
                { row(YES, i18n.t("results-yes"), &yes) }
                { row(NO, i18n.t("results-no"), &no) }
            </ol>
            <p class="referendum-threshold" data-testid="referendum-threshold">
                { threshold_in_words(threshold) }
            </p>
            <p class={classes!("referendum-verdict", result.passed.map(|p| if p { "passed" } else { "rejected" }))}
                data-testid="referendum-verdict"
                data-passed={result.passed.map(|p| p.to_string()).unwrap_or_default()}>
                <strong>{ verdict }</strong>
            </p>
        </div>
    }
}
