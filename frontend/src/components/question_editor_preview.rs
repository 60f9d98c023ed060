//! The voter's ballot as the admin is writing it: each question's title, its method in
//! words, what the voter is asked ("Choose up to 2", "Rank any number", "Yes or No") and its
//! candidates. Read-only: nothing in it can be marked, so it only says what the ballot
//! will ask.

use shared::ballots::{Method, QuestionSpec};
use yew::prelude::*;

use crate::components::question_editor_edits::settled_max_choices;
use crate::components::question_results_text::{instruction, method_in_words};

#[derive(Properties, PartialEq)]
pub struct BallotPreviewProps {
    pub questions: Vec<QuestionSpec>,
    /// Shown unfolded. The simple ballot keeps it folded: its one list is the editor above.
    #[prop_or(true)]
    pub open: bool,
}

fn preview_question((at, question): (usize, &QuestionSpec)) -> Html {
    let number = at + 1;
    let title = match question.title.trim() {
        "" => format!("Question {number}"),
        title => title.to_string(),
    };
    let method = question.method;
    let seats = question.seats.unwrap_or(1);
    let names: Vec<String> = if method == Method::Referendum {
        vec!["Yes".into(), "No".into()]
    } else {
        question
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| match c.name.trim() {
                "" => format!("(candidate {} not named yet)", i + 1),
                name => name.to_string(),
            })
            .collect()
    };
    // A box for a mark, a blank for a rank number: the shapes the voter will see.
    let mark = if method.is_ranked() { "__" } else { "☐" };
    html! {
        <li class="preview-question" data-testid="preview-question">
            <h4>{ title }</h4>
            if !question.description.trim().is_empty() {
                <p class="muted">{ question.description.trim() }</p>
            }
            <p class="preview-instruction"><strong>{ instruction(method, settled_max_choices(question)) }</strong></p>
            <p class="hint">{ method_in_words(method, seats, question.threshold) }</p>
            <ul class="preview-candidates">
                { for names.into_iter().map(|name| html! {
                    <li><span class="preview-mark" aria-hidden="true">{ mark }</span>{ " " }{ name }</li>
                }) }
            </ul>
        </li>
    }
}

#[component]
pub fn BallotPreview(props: &BallotPreviewProps) -> Html {
    html! {
        <details class="ballot-preview" data-testid="ballot-preview" open={props.open}>
            <summary>{ "The voter's ballot (preview)" }</summary>
            <ol class="preview-questions">
                { for props.questions.iter().enumerate().map(preview_question) }
            </ol>
        </details>
    }
}
