//! Every question recounted here from the bulletin board, by the same rules and draws the
//! server counts with (`shared::recount::recount_questions`), and compared to the last digit
//! with the published result of each (`compare_questions`): "agrees" or "differs" in words,
//! the recounted winners named, and the whole recount behind a disclosure.
//!
//! The recount runs once per board (it may be long for STV over many ballots), not at every
//! push of the published figures.

use std::rc::Rc;

use shared::ballots::{Method, QuestionResult};
use shared::dto::ResultsResponse;
use shared::recount::{compare_questions, recount_questions, BulletinBoard};
use yew::prelude::*;

use crate::components::question_results::QuestionResultView;
use crate::components::question_results_text::Names;

#[derive(Properties, PartialEq)]
pub struct QuestionRecountProps {
    pub board: Rc<BulletinBoard>,
    pub results: Option<ResultsResponse>,
}

/// The recounted winners in words ("Recounted winner: Ann"; "Recounted: PASSED").
fn winners_in_words(result: &QuestionResult, names: &Names) -> String {
    match (result.method, result.passed) {
        (Method::Referendum, Some(true)) => "Recounted: PASSED".into(),
        (Method::Referendum, Some(false)) => "Recounted: REJECTED".into(),
        _ if result.winners.is_empty() => "Recounted: no winner".into(),
        _ if result.winners.len() == 1 => {
            format!("Recounted winner: {}", names.list(&result.winners))
        }
        _ => format!("Recounted winners: {}", names.list(&result.winners)),
    }
}

#[component]
pub fn QuestionRecount(props: &QuestionRecountProps) -> Html {
    let recounted = use_memo(props.board.clone(), |board| recount_questions(board));
    if recounted.is_empty() {
        return html! {};
    }
    let published = match &props.results {
        Some(results) if results.counts_visible => Some(results.questions.clone()),
        _ => None,
    };
    let verdicts = published.as_ref().map(|p| compare_questions(p, &recounted));
    let names_of = |id: &str| {
        props
            .board
            .questions
            .iter()
            .find(|q| q.id == id)
            .map(Names::of_question)
            .unwrap_or_default()
    };
    html! {
        <section class="question-recounts" aria-labelledby="question-recount-title">
            <h3 id="question-recount-title">{ "Each question recounted here" }</h3>
            <p class="muted">
                { "Every question counted again in this browser from the ballots above, with the same rules and the same draws (seeded by the log), and compared with the published result to the last digit." }
            </p>
            <ul class="question-recount-list">
                { for recounted.iter().map(|result| {
                    let names = names_of(&result.id);
                    let agrees = verdicts.as_ref().and_then(|all| {
                        all.iter().find(|(id, _)| *id == result.id).map(|(_, agrees)| *agrees)
                    });
                    let (verdict, class) = match agrees {
                        Some(true) => ("Agrees with the published result.", "good"),
                        Some(false) => ("Differs from the published result.", "bad"),
                        None => ("Waiting for the published result to compare with…", "muted"),
                    };
                    let title = match result.title.trim() {
                        "" => format!("Question {}", result.id),
                        title => title.to_string(),
                    };
                    html! {
                        <li class="question-recount" data-testid="question-recount"
                            data-question={result.id.clone()}
                            data-agrees={agrees.map(|a| a.to_string()).unwrap_or_default()}>
                            <h4>{ title }</h4>
                            <p class={classes!("question-verdict", class)} data-testid="question-verdict"
                                role={(agrees == Some(false)).then_some("alert")}>
                                <strong>{ if agrees == Some(true) { "agrees" } else if agrees == Some(false) { "differs" } else { "pending" } }</strong>
                                { ": " }{ verdict }
                            </p>
                            <p data-testid="recounted-winners"
                                data-winners={result.winners.iter().map(u32::to_string).collect::<Vec<_>>().join(",")}>
                                { winners_in_words(result, &names) }
                            </p>
                            <details>
                                <summary>{ "The recount in full" }</summary>
                                <QuestionResultView result={result.clone()} names={names}
                                    heading="h5" id_suffix="-recount" />
                            </details>
                        </li>
                    }
                }) }
            </ul>
            // A question published but not on the board (or the reverse) differs too.
            { for verdicts.iter().flatten().filter(|(id, _)| !recounted.iter().any(|r| r.id == *id)).map(|(id, _)| html! {
                <p class="question-recount bad" data-testid="question-recount" data-question={id.clone()} data-agrees="false" role="alert">
                    <strong>{ "differs" }</strong>{ format!(": question “{id}” is published but not on the ballot the log defines.") }
                </p>
            }) }
        </section>
    }
}
