//! The voter's ballot as the admin is writing it: each question's title, its method in
//! words, what the voter is asked ("Choose up to 2", "Rank any number", "Yes or No") and its
//! candidates. Read-only: nothing in it can be marked, so it only says what the ballot
//! will ask.

use shared::ballots::{Method, QuestionSpec};
use yew::prelude::*;

use crate::components::question_editor_edits::settled_max_choices;
use crate::components::question_results_text::{instruction, method_in_words};
use crate::i18n::{use_i18n, I18n};

#[derive(Properties, PartialEq)]
pub struct BallotPreviewProps {
    pub questions: Vec<QuestionSpec>,
    /// Shown unfolded. The simple ballot keeps it folded: its one list is the editor above.
    #[prop_or(true)]
    pub open: bool,
}

fn preview_question(i18n: &I18n, (at, question): (usize, &QuestionSpec)) -> Html {
    let number = at + 1;
    let numbered = |key: &str| i18n.t_args(key, &[("number", number.into())]);
    // The admin's own texts (titles, descriptions, names) are marked so a translating
    // browser leaves them alone; the placeholders for what is not typed yet are ours.
    let title = match question.title.trim() {
        "" => html! { <h4>{ numbered("editor-question-heading") }</h4> },
        title => html! { <h4 translate="no">{ title.to_string() }</h4> },
    };
    let method = question.method;
    let seats = question.seats.unwrap_or(1);
    let names: Vec<Html> = if method == Method::Referendum {
        vec![
            html! { { i18n.t("editor-preview-yes") } },
            html! { { i18n.t("editor-preview-no") } },
        ]
    } else {
        question
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| match c.name.trim() {
                "" => html! {
                    { i18n.t_args("editor-preview-unnamed", &[("number", (i + 1).into())]) }
                },
                name => html! { <span translate="no">{ name.to_string() }</span> },
            })
            .collect()
    };
    // A box for a mark, a blank for a rank number: the shapes the voter will see.
    let mark = if method.is_ranked() { "__" } else { "☐" };
    html! {
        <li class="preview-question" data-testid="preview-question">
            { title }
            if !question.description.trim().is_empty() {
                <p class="muted" translate="no">{ question.description.trim() }</p>
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
    let i18n = use_i18n();
    html! {
        <details class="ballot-preview" data-testid="ballot-preview" open={props.open}>
            <summary>{ i18n.t("editor-preview-summary") }</summary>
            <ol class="preview-questions">
                { for props.questions.iter().enumerate().map(|question| preview_question(&i18n, question)) }
            </ol>
        </details>
    }
}
