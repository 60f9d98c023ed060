//! The control of a question answered by marking: radio buttons where one mark is allowed
//! (plurality of one, referendum Yes/No), checkboxes with a running count where several are
//! (plurality of more, approval). Native inputs, so keyboards, touch and screen readers get
//! the behaviour they expect (arrow keys move within a radio group, Space toggles a box).

use shared::ballots::Method;
use shared::elections::{ElectionCandidate, QuestionView};
use shared::CandidateId;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::question_draft::{name_of, toggle, Name};
use crate::i18n::{use_i18n, I18n};

#[derive(Properties, PartialEq)]
pub struct QuestionMarksProps {
    pub question: QuestionView,
    /// The marked candidates.
    pub picked: Vec<CandidateId>,
    pub enabled: bool,
    pub on_change: Callback<Vec<CandidateId>>,
}

/// Whether the question takes one mark (radios) rather than several (checkboxes).
fn single_mark(question: &QuestionView) -> bool {
    question.method == Method::Referendum || question.max_choices <= 1
}

#[component]
pub fn QuestionMarks(props: &QuestionMarksProps) -> Html {
    let i18n = use_i18n();
    let question = &props.question;
    let single = single_mark(question);
    let max = question.max_choices.max(1);
    let at_limit = props.picked.len() >= max as usize;
    // Some boxes are disabled: the boxes say why, and what to do to choose another.
    let limiting = !single && at_limit && (max as usize) < question.candidates.len();
    let count_id = format!("q-{}-count", question.id);
    let limit_id = format!("q-{}-limit", question.id);
    let described_by = if single {
        None
    } else if limiting {
        Some(format!("{count_id} {limit_id}"))
    } else {
        Some(count_id.clone())
    };
    let items = question.candidates.iter().map(|candidate| {
        let id = candidate.id;
        let input_id = format!("q-{}-c-{id}", question.id);
        let checked = props.picked.contains(&id);
        let onchange = {
            let (picked, on_change) = (props.picked.clone(), props.on_change.clone());
            Callback::from(move |event: Event| {
                let on = event.target_unchecked_into::<HtmlInputElement>().checked();
                let next = if single {
                    vec![id]
                } else {
                    toggle(&picked, id, on, max)
                };
                on_change.emit(next);
            })
        };
        // At the limit the unmarked boxes are disabled, so a further mark cannot be made and
        // the voter sees why from the count beside them.
        let disabled = !props.enabled || (!single && at_limit && !checked);
        html! {
            <li class="mark">
                <input id={input_id.clone()} type={if single { "radio" } else { "checkbox" }}
                    name={format!("q-{}", question.id)} value={id.to_string()}
                    {checked} {disabled} {onchange} aria-describedby={described_by.clone()}
                    data-testid={format!("mark-{}-{id}", question.id)} />
                <label for={input_id}>{ candidate_text(&i18n, question, candidate) }</label>
            </li>
        }
    });
    html! {
        <>
            <ul class="marks">{ for items }</ul>
            if !single {
                <p class="mark-count muted" aria-live="polite" id={count_id}
                    data-testid={format!("count-{}", question.id)}>
                    { i18n.t_args("voter-marks-chosen", &[
                        ("picked", props.picked.len().into()),
                        ("max", max.into()),
                    ]) }
                </p>
            }
            if limiting {
                <p class="hint" id={limit_id}>{ i18n.t("voter-marks-limit") }</p>
            }
        </>
    }
}

/// A candidate's name and description as every question's control shows them.
pub(super) fn candidate_text(
    i18n: &I18n,
    question: &QuestionView,
    candidate: &ElectionCandidate,
) -> Html {
    html! {
        <>
            <span class="candidate-name">{ name_html(i18n, name_of(question, candidate.id)) }</span>
            if !candidate.description.is_empty() {
                <span class="candidate-description" translate="no">{ &candidate.description }</span>
            }
        </>
    }
}

/// A candidate's name: the election's own words marked as data, or a referendum's default
/// Yes or No in the page's language.
pub(super) fn name_html(i18n: &I18n, name: Name<'_>) -> Html {
    match name {
        Name::Own(candidate) => html! { <span translate="no">{ &candidate.name }</span> },
        Name::Yes => Html::from(i18n.t("voter-referendum-yes")),
        Name::No => Html::from(i18n.t("voter-referendum-no")),
        Name::Unknown(id) => Html::from(format!("#{id}")),
    }
}
