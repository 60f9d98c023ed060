//! A ballot of questions: one fieldset per question with the control its method needs, then
//! a review step that says every answer in words before anything is sent.
//!
//! The answers live here, above both steps, so "Change answers" brings back the form exactly
//! as the voter left it; they are also kept in the tab's storage under the voter's session,
//! so a reload (or a phone that drops the tab) brings them back too.

use shared::ballots::{Answers, Method};
use shared::elections::QuestionView;
use yew::prelude::*;

use super::question_draft::{title, Draft};
use super::question_marks::QuestionMarks;
use super::question_ranking::QuestionRanking;
use super::question_ranks::QuestionRanks;
use super::review::Review;
use crate::i18n::{use_i18n, I18n};
use crate::storage;

/// The legend of a question (and its heading on the review): its own title, marked as the
/// election's words, or "Question N" (1-based) in the page's language when it has none.
pub(super) fn legend(i18n: &I18n, question: &QuestionView, index: usize) -> Html {
    match title(question) {
        Some(title) => html! { <span translate="no">{ title }</span> },
        None => Html::from(i18n.t_args("voter-question-number", &[("number", (index + 1).into())])),
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionBallotProps {
    /// The voter's session: the draft is kept under it.
    pub session: AttrValue,
    pub questions: Vec<QuestionView>,
    /// Voting is open for this voter; otherwise the form can be read but not sent.
    pub enabled: bool,
    /// The ballot is being sent.
    pub sending: bool,
    pub on_cast: Callback<Answers>,
    /// A verifiable election: "Cast ballot" on the review seals it first.
    #[prop_or_default]
    pub sealed: bool,
}

#[component]
pub fn QuestionBallot(props: &QuestionBallotProps) -> Html {
    let i18n = use_i18n();
    let draft = {
        let session = props.session.clone();
        use_state(move || storage::draft::<Draft>(&session).unwrap_or_default())
    };
    {
        let session = props.session.clone();
        use_effect_with((*draft).clone(), move |draft| {
            if *draft == Draft::default() {
                storage::forget_draft(&session);
            } else {
                storage::save_draft(&session, draft);
            }
        });
    }
    let reviewing = use_state(|| false);
    let review_button = use_node_ref();
    // Back from the review, the focus returns to the button that opened it.
    let refocus = use_mut_ref(|| false);
    {
        let (review_button, refocus) = (review_button.clone(), refocus.clone());
        use_effect(move || {
            if std::mem::take(&mut *refocus.borrow_mut()) {
                if let Some(button) = review_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let answers = draft.answers(&props.questions);

    if *reviewing {
        let on_cast = props.on_cast.reform({
            let answers = answers.clone();
            move |()| answers.clone()
        });
        let on_change = {
            let (reviewing, refocus) = (reviewing.clone(), refocus.clone());
            Callback::from(move |()| {
                *refocus.borrow_mut() = true;
                reviewing.set(false);
            })
        };
        return html! {
            <Review questions={props.questions.clone()} answers={answers}
                enabled={props.enabled} sending={props.sending} {on_cast} {on_change}
                sealed={props.sealed} />
        };
    }

    let fieldsets = props.questions.iter().enumerate().map(|(index, question)| {
        let qid = question.id.clone();
        let enabled = props.enabled && !props.sending;
        let control = match question.method {
            Method::Irv | Method::Stv => {
                let on_change = {
                    let (draft, qid) = (draft.clone(), qid.clone());
                    Callback::from(move |ranking| {
                        let mut next = (*draft).clone();
                        next.picks.insert(qid.clone(), ranking);
                        draft.set(next);
                    })
                };
                html! {
                    <QuestionRanking question={question.clone()} ranking={draft.picks(&qid)}
                        {enabled} {on_change} />
                }
            }
            Method::Schulze => {
                let on_change = {
                    let (draft, qid) = (draft.clone(), qid.clone());
                    Callback::from(move |ranks| {
                        let mut next = (*draft).clone();
                        next.ranks.insert(qid.clone(), ranks);
                        draft.set(next);
                    })
                };
                html! {
                    <QuestionRanks question={question.clone()} ranks={draft.ranks(&qid)}
                        {enabled} {on_change} />
                }
            }
            Method::Plurality | Method::Approval | Method::Referendum => {
                let on_change = {
                    let (draft, qid) = (draft.clone(), qid.clone());
                    Callback::from(move |picked| {
                        let mut next = (*draft).clone();
                        next.picks.insert(qid.clone(), picked);
                        draft.set(next);
                    })
                };
                html! {
                    <QuestionMarks question={question.clone()} picked={draft.picks(&qid)}
                        {enabled} {on_change} />
                }
            }
        };
        html! {
            <fieldset class="question" data-question={qid.clone()}>
                <legend>{ legend(&i18n, question, index) }</legend>
                if !question.description.is_empty() {
                    <p class="question-description" translate="no">{ &question.description }</p>
                }
                { control }
            </fieldset>
        }
    });
    let on_review = {
        let reviewing = reviewing.clone();
        Callback::from(move |_: MouseEvent| reviewing.set(true))
    };
    html! {
        <form class="questions" data-testid="question-ballot" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { for fieldsets }
            <button type="button" id="review-ballot" data-testid="review-button" class="primary"
                ref={review_button} onclick={on_review}>
                { i18n.t("voter-review") }
            </button>
        </form>
    }
}
