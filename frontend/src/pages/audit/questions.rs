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
use crate::i18n::{use_i18n, I18n};

#[derive(Properties, PartialEq)]
pub struct QuestionRecountProps {
    pub board: Rc<BulletinBoard>,
    pub results: Option<ResultsResponse>,
}

/// The recounted winners in words ("Recounted winner: Ann"; "Recounted: PASSED"); the
/// names are data.
fn winners_in_words(i18n: &I18n, result: &QuestionResult, names: &Names) -> Html {
    let key = match (result.method, result.passed) {
        (Method::Referendum, Some(true)) => "audit-recounted-passed",
        (Method::Referendum, Some(false)) => "audit-recounted-rejected",
        _ if result.winners.is_empty() => "audit-recounted-no-winner",
        _ => {
            let label = i18n.t_args(
                "audit-recounted-winners",
                &[("count", result.winners.len().into())],
            );
            return html! {
                <>{ label }{ " " }<span translate="no">{ names.list(&result.winners) }</span></>
            };
        }
    };
    html! { { i18n.t(key) } }
}

#[component]
pub fn QuestionRecount(props: &QuestionRecountProps) -> Html {
    let i18n = use_i18n();
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
            <h3 id="question-recount-title">{ i18n.t("audit-questions-title") }</h3>
            <p class="muted">{ i18n.t("audit-questions-intro") }</p>
            <ul class="question-recount-list">
                { for recounted.iter().map(|result| {
                    let names = names_of(&result.id);
                    let agrees = verdicts.as_ref().and_then(|all| {
                        all.iter().find(|(id, _)| *id == result.id).map(|(_, agrees)| *agrees)
                    });
                    let (word, verdict, class) = match agrees {
                        Some(true) => ("audit-agrees", "audit-agrees-long", "good"),
                        Some(false) => ("audit-differs", "audit-differs-long", "bad"),
                        None => ("audit-pending", "audit-recount-waiting", "muted"),
                    };
                    // The title, or the question's id, is the election's data.
                    let title = match result.title.trim() {
                        "" => html! {
                            <>
                                { i18n.t("audit-question") }{ " " }
                                <span translate="no">{ result.id.clone() }</span>
                            </>
                        },
                        title => html! { <span translate="no">{ title.to_string() }</span> },
                    };
                    html! {
                        <li class="question-recount" data-testid="question-recount"
                            data-question={result.id.clone()}
                            data-agrees={agrees.map(|a| a.to_string()).unwrap_or_default()}>
                            <h4>{ title }</h4>
                            <p class={classes!("question-verdict", class)} data-testid="question-verdict"
                                role={(agrees == Some(false)).then_some("alert")}>
                                <strong>{ i18n.t(word) }</strong>
                                { ": " }{ i18n.t(verdict) }
                            </p>
                            <p data-testid="recounted-winners"
                                data-winners={result.winners.iter().map(u32::to_string).collect::<Vec<_>>().join(",")}>
                                { winners_in_words(&i18n, result, &names) }
                            </p>
                            <details>
                                <summary>{ i18n.t("audit-recount-in-full") }</summary>
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
                    <strong>{ i18n.t("audit-differs") }</strong>{ ": " }
                    { i18n.t("audit-question-not-on-ballot-before") }
                    <span translate="no">{ id.clone() }</span>
                    { i18n.t("audit-question-not-on-ballot-after") }
                </p>
            }) }
        </section>
    }
}
