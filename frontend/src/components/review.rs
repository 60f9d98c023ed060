//! The review step of a ballot of questions: every question with its answer in words, a
//! confirmation when some are blank, then "Cast ballot" or "Change answers".
//!
//! The heading takes the focus when the step opens, so a keyboard or screen-reader user lands
//! on what changed rather than on the page's body.

use shared::ballots::{Answers, Choice};
use shared::elections::QuestionView;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::question_ballot::legend;
use super::question_draft::answer_names;
use super::question_marks::name_html;
use crate::i18n::{use_i18n, I18n};

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub questions: Vec<QuestionView>,
    /// What will be sent (blank answers left out).
    pub answers: Answers,
    /// Voting is open for this voter and no ballot is being sent.
    pub enabled: bool,
    /// The ballot is being sent.
    pub sending: bool,
    pub on_cast: Callback<()>,
    pub on_change: Callback<()>,
    /// A verifiable election: the next step seals the ballot (and casting comes after it).
    #[prop_or_default]
    pub sealed: bool,
}

/// "You left 1 question blank." or "You left N questions blank.", in the page's language.
pub fn blank_warning(i18n: &I18n, blank: usize) -> String {
    i18n.t_args("review-blank-warning", &[("count", blank.into())])
}

/// An answer in words: names in order ("1. Bob, 2. Ann" when ranked), equal ones joined by
/// "=", or "Blank"; the election's names marked as its own words.
fn answer_in_words(i18n: &I18n, question: &QuestionView, answer: &[Choice]) -> Html {
    let groups = answer_names(question, answer);
    if groups.is_empty() {
        return Html::from(i18n.t("voter-answer-blank"));
    }
    let ranked = question.method.is_ranked();
    let items = groups.into_iter().enumerate().map(|(index, names)| {
        let names = names.into_iter().enumerate().map(|(at, name)| {
            html! {
                <>
                    if at > 0 { { i18n.t("voter-answer-equal") } }
                    { name_html(i18n, name) }
                </>
            }
        });
        html! {
            <>
                if index > 0 { { i18n.t("voter-answer-separator") } }
                if ranked {
                    { i18n.t_args("voter-rank-place", &[("place", (index + 1).into())]) }{ " " }
                }
                { for names }
            </>
        }
    });
    html! { <>{ for items }</> }
}

#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let i18n = use_i18n();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let blank_confirmed = use_state(|| false);
    let blank = props
        .questions
        .iter()
        .filter(|q| !props.answers.contains_key(&q.id))
        .count();
    let rows = props.questions.iter().enumerate().map(|(index, question)| {
        let answer = props.answers.get(&question.id).cloned().unwrap_or_default();
        let words = answer_in_words(&i18n, question, &answer);
        html! {
            <div class="review-row" data-testid={format!("review-{}", question.id)}>
                <dt>{ legend(&i18n, question, index) }</dt>
                <dd class={classes!(answer.is_empty().then_some("blank"))}>{ words }</dd>
            </div>
        }
    });
    let on_confirm = {
        let blank_confirmed = blank_confirmed.clone();
        Callback::from(move |event: Event| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
            blank_confirmed.set(target.is_some_and(|input| input.checked()));
        })
    };
    let can_cast = props.enabled && !props.sending && (blank == 0 || *blank_confirmed);
    html! {
        <div class="review" data-testid="review">
            <h3 ref={heading} tabindex="-1" id="review-title">{ i18n.t("review-title") }</h3>
            <dl class="review-list" aria-labelledby="review-title">{ for rows }</dl>
            if blank > 0 {
                <p class="review-blank">
                    <input type="checkbox" id="confirm-blank" data-testid="confirm-blank"
                        checked={*blank_confirmed} onchange={on_confirm} />
                    <label for="confirm-blank">{ blank_warning(&i18n, blank) }</label>
                </p>
            }
            <div class="row">
                <button type="button" id="cast-ballot" data-testid="cast" class="primary"
                    disabled={!can_cast} aria-busy={props.sending.to_string()}
                    onclick={props.on_cast.reform(|_: MouseEvent| ())}>
                    { i18n.t(match (props.sending, props.sealed) {
                        (true, _) => "sending",
                        (false, true) => "voter-seal-ballot",
                        (false, false) => "cast-ballot",
                    }) }
                </button>
                <button type="button" id="change-answers" data-testid="change-answers"
                    disabled={props.sending}
                    onclick={props.on_change.reform(|_: MouseEvent| ())}>
                    { i18n.t("change-answers") }
                </button>
            </div>
        </div>
    }
}
