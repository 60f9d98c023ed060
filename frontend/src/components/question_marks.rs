//! The control of a question answered by marking: radio buttons where one mark is allowed
//! (plurality of one, referendum Yes/No), checkboxes with a running count where several are
//! (plurality of more, approval). Native inputs, so keyboards, touch and screen readers get
//! the behaviour they expect (arrow keys move within a radio group, Space toggles a box).

use shared::ballots::Method;
use shared::elections::{ElectionCandidate, QuestionView};
use shared::CandidateId;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::question_draft::toggle;

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
    let question = &props.question;
    let single = single_mark(question);
    let max = question.max_choices.max(1);
    let at_limit = props.picked.len() >= max as usize;
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
                    {checked} {disabled} {onchange}
                    data-testid={format!("mark-{}-{id}", question.id)} />
                <label for={input_id}>{ candidate_text(candidate) }</label>
            </li>
        }
    });
    html! {
        <>
            <ul class="marks">{ for items }</ul>
            if !single {
                <p class="mark-count muted" aria-live="polite"
                    data-testid={format!("count-{}", question.id)}>
                    { format!("{} of {max} chosen", props.picked.len()) }
                </p>
            }
        </>
    }
}

/// A candidate's name and description as every question's control shows them.
pub(super) fn candidate_text(candidate: &ElectionCandidate) -> Html {
    html! {
        <>
            <span class="candidate-name">{ &candidate.name }</span>
            if !candidate.description.is_empty() {
                <span class="candidate-description">{ &candidate.description }</span>
            }
        </>
    }
}
