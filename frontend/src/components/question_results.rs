//! One question's result as a section (`data-question="{id}"`): its title and method, the
//! weight of valid answers and the blanks, the winners named, then the count as the method
//! gives it — bars for plurality and approval, [`RoundsTable`] for IRV and STV,
//! [`Pairwise`] for Schulze, [`ReferendumResult`] for a referendum — and every draw.
//!
//! Results carry candidate ids only; the names come from the election's definition
//! ([`Names`]), so a result shown before the definition arrives says "candidate 2".

use shared::ballots::{Method, QuestionResult, MAIN_QUESTION};
use shared::elections::QuestionView;
use yew::prelude::*;

use crate::components::pairwise::Pairwise;
use crate::components::question_results_text::{
    method_in_words, millionths, names_for, share_of, tie_break_in_words, Names, Words,
};
use crate::components::referendum::ReferendumResult;
use crate::components::rounds::RoundsTable;
use crate::i18n::{use_i18n, I18n};

#[derive(Properties, PartialEq)]
pub struct QuestionResultProps {
    pub result: QuestionResult,
    pub names: Names,
    /// The heading's level: `h2` on the projector, `h3` inside an audit section.
    #[prop_or(AttrValue::Static("h2"))]
    pub heading: AttrValue,
    /// Distinguishes two renderings of one question on a page (the audit's recount).
    #[prop_or_default]
    pub id_suffix: AttrValue,
}

/// Plurality and approval: one bar per candidate in ballot order, winners marked.
fn marks(result: &QuestionResult, names: &Names, i18n: &I18n) -> Html {
    let Some(round) = result.rounds.first() else {
        return html! {};
    };
    let max = round
        .tallies
        .iter()
        .map(|t| millionths(&t.votes))
        .max()
        .unwrap_or(0);
    html! {
        <ol class="bars" aria-label={i18n.t("results-votes-per-candidate")}>
            { for round.tallies.iter().map(|tally| {
                let won = result.winners.contains(&tally.candidate_id);
                let width = share_of(millionths(&tally.votes), max);
                html! {
                    <li class={classes!("bar-row", won.then_some("leader"))}
                        data-candidate={tally.candidate_id.to_string()}>
                        <span class="bar-name">
                            <span translate="no">{ names.name(tally.candidate_id) }</span>
                            if won {
                                <span class="winner-mark">
                                    { format!(" {}", i18n.t("results-elected-mark")) }
                                </span>
                            }
                        </span>
                        <span class="bar-track" aria-hidden="true">
                            <span class="bar-fill" style={format!("width: {width}%")}></span>
                        </span>
                        <span class="bar-votes" data-testid="votes">{ &tally.votes }</span>
                    </li>
                }
            }) }
        </ol>
    }
}

/// "Winner: Ann", "Elected: Ann, Bob"; nothing for a referendum, whose verdict says it all.
fn winners_line(result: &QuestionResult, names: &Names, i18n: &I18n) -> Option<Words> {
    let key = match result.method {
        Method::Referendum => return None,
        _ if result.winners.is_empty() => "results-no-winner",
        _ if result.seats > 1 => "results-elected-named",
        _ => "results-winner-named",
    };
    let named = [("names", names.list(&result.winners))];
    Some(Words::of(i18n, key, &[], &named))
}

#[component]
pub fn QuestionResultView(props: &QuestionResultProps) -> Html {
    let i18n = use_i18n();
    let (result, names) = (&props.result, &props.names);
    let title_id = format!("question-{}{}-title", result.id, props.id_suffix);
    // The title is the election's; an untitled question is named by its id, also theirs.
    let title = match result.title.trim() {
        "" => Words::of(
            &i18n,
            "results-question-untitled",
            &[],
            &[("id", result.id.clone())],
        )
        .html(),
        title => html! { <span translate="no">{ title.to_string() }</span> },
    };
    let body = match result.method {
        Method::Plurality | Method::Approval => marks(result, names, &i18n),
        Method::Irv | Method::Stv => {
            html! { <RoundsTable result={result.clone()} names={names.clone()} /> }
        }
        Method::Schulze => html! { <Pairwise result={result.clone()} names={names.clone()} /> },
        Method::Referendum => html! { <ReferendumResult result={result.clone()} /> },
    };
    let winners = winners_line(result, names, &i18n);
    html! {
        <section class="question-result" data-question={result.id.clone()}
            data-method={result.method.as_str()} aria-labelledby={title_id.clone()}>
            <@{props.heading.to_string()} id={title_id}>{ title }</@>
            // The sentence starts with the method's name ("Instant runoff: …").
            <p class="question-method">
                { method_in_words(result.method, result.seats, result.threshold) }
            </p>
            <p class="question-turnout" data-testid="question-turnout">
                { i18n.t_args("results-question-turnout", &[
                    ("valid", result.valid.as_str().into()),
                    ("blank", result.blank.into()),
                ]) }
            </p>
            if let Some(winners) = winners {
                <p class="question-winners" data-testid="question-winners"
                    data-winners={result.winners.iter().map(u32::to_string).collect::<Vec<_>>().join(",")}>
                    <strong>{ winners.html() }</strong>
                </p>
            }
            { body }
            if !result.tie_breaks.is_empty() {
                <h4>{ i18n.t("results-ties-title") }</h4>
                <ul class="tie-breaks" data-testid="tie-breaks">
                    { for result.tie_breaks.iter().map(|tie| html! {
                        <li>{ tie_break_in_words(tie, result.method, names).html() }</li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionResultsProps {
    pub results: Vec<QuestionResult>,
    /// The election's questions, for the candidates' names (may be empty while loading).
    #[prop_or_default]
    pub questions: Vec<QuestionView>,
    /// Each question's heading level (`h2` on the projector, `h3` inside a card).
    #[prop_or(AttrValue::Static("h2"))]
    pub heading: AttrValue,
}

/// Whether the results are the old form's one question, which the bars and the outcome
/// banner already show.
pub fn only_main(results: &[QuestionResult]) -> bool {
    matches!(results, [only] if only.id == MAIN_QUESTION)
}

/// Every question's result, in ballot order; nothing for the old form's one question.
#[component]
pub fn QuestionResults(props: &QuestionResultsProps) -> Html {
    if only_main(&props.results) {
        return html! {};
    }
    html! {
        <div class="question-results" tabindex="0" data-testid="question-results">
            { for props.results.iter().map(|result| html! {
                <QuestionResultView key={result.id.clone()} result={result.clone()}
                    names={names_for(result, &props.questions)} heading={props.heading.clone()} />
            }) }
        </div>
    }
}
