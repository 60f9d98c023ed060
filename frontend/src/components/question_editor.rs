//! One question of the ballot as the admin writes it: id, title, description, method, the
//! candidates ([`CandidateEditor`]), and the seats, maximum of choices or threshold its
//! method takes. Controlled like the candidate editor: it emits [`QuestionEdit`]s and the form
//! applies them. Element ids start `question-{n}-` (n from 0), so several fit on one page.

use shared::ballots::{Method, QuestionSpec, Threshold};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::candidate_editor::CandidateEditor;
use crate::components::question_editor_edits::{
    count_field, method_key, method_named, QuestionEdit, METHODS,
};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct QuestionEditorProps {
    /// The question's place on the ballot, from 0.
    pub at: usize,
    /// How many questions the ballot has (the last cannot move down).
    pub count: usize,
    pub question: QuestionSpec,
    pub on_edit: Callback<QuestionEdit>,
}

fn input_text(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

#[component]
pub fn QuestionEditor(props: &QuestionEditorProps) -> Html {
    let i18n = use_i18n();
    let (at, question, emit) = (props.at, &props.question, &props.on_edit);
    let number = at + 1;
    let field = |name: &str| format!("question-{at}-{name}");
    let on_text = |edit: fn(usize, String) -> QuestionEdit| {
        emit.reform(move |event: InputEvent| edit(at, input_text(&event)))
    };
    let on_count = |edit: fn(usize, Option<u32>) -> QuestionEdit| {
        emit.reform(move |event: InputEvent| edit(at, count_field(&input_text(&event))))
    };
    let on_description = emit.reform(move |event: InputEvent| {
        QuestionEdit::Description(
            at,
            event.target_unchecked_into::<HtmlTextAreaElement>().value(),
        )
    });
    let on_method = {
        let emit = emit.clone();
        Callback::from(move |event: Event| {
            // Read through `Reflect`: the crate does not build web-sys's `HtmlSelectElement`.
            let value = event
                .target()
                .and_then(|target| js_sys::Reflect::get(&target, &"value".into()).ok())
                .and_then(|value| value.as_string());
            if let Some(method) = value.as_deref().and_then(method_named) {
                emit.emit(QuestionEdit::Method(at, method));
            }
        })
    };
    let on_threshold =
        |threshold: Threshold| emit.reform(move |_: Event| QuestionEdit::Threshold(at, threshold));
    let click = |edit: fn(usize) -> QuestionEdit| emit.reform(move |_: MouseEvent| edit(at));
    let on_candidate = emit.reform(move |edit| QuestionEdit::Candidate(at, edit));
    let count_value = |value: Option<u32>| value.map(|n| n.to_string()).unwrap_or_default();
    let method = question.method;
    let two_thirds = question.threshold == Some(Threshold::TwoThirds);
    let numbered = |key: &str| i18n.t_args(key, &[("number", number.into())]);
    // The title is the admin's own text: a translating browser leaves it alone.
    let heading = match question.title.trim() {
        "" => html! { { numbered("editor-question-heading") } },
        title => html! {
            <>{ numbered("editor-question-heading-titled") }{ " " }<span translate="no">{ title.to_string() }</span></>
        },
    };

    html! {
        <fieldset class="question-editor" data-testid="question-editor" data-question-index={at.to_string()}>
            <legend>{ heading }</legend>
            <div class="question-tools">
                <button id={field("up")} type="button" disabled={at == 0}
                    aria-label={numbered("editor-question-move-up")} onclick={click(QuestionEdit::MoveUp)}>{ "↑" }</button>
                <button id={field("down")} type="button" disabled={at + 1 >= props.count}
                    aria-label={numbered("editor-question-move-down")} onclick={click(QuestionEdit::MoveDown)}>{ "↓" }</button>
                <button id={field("remove")} type="button" onclick={click(QuestionEdit::Remove)}>
                    { numbered("editor-question-remove") }
                </button>
            </div>
            <label for={field("title")}>{ i18n.t("editor-title") }</label>
            <input id={field("title")} type="text" maxlength="200" required=true
                value={question.title.clone()} oninput={on_text(QuestionEdit::Title)} />
            <label for={field("description")} class="minor">{ i18n.t("editor-description") }</label>
            <textarea id={field("description")} rows="2" maxlength="2000"
                value={question.description.clone()} oninput={on_description} />
            <label for={field("id")} class="minor">{ i18n.t("editor-question-id") }</label>
            // The placeholder is the id the server would give it: data, not words.
            <input id={field("id")} type="text" pattern="[a-z0-9-]{1,40}" maxlength="40"
                translate="no" placeholder={format!("q{number}")} value={question.id.clone().unwrap_or_default()}
                oninput={on_text(QuestionEdit::Id)} aria-describedby={field("id-hint")} />
            <p class="hint" id={field("id-hint")}>{ i18n.t_args("editor-question-id-hint", &[("min", 1u64.into()), ("max", 40u64.into())]) }</p>
            <label for={field("method")}>{ i18n.t("editor-method") }</label>
            <select id={field("method")} onchange={on_method}>
                { for METHODS.iter().map(|&m| html! {
                    <option value={m.as_str()} selected={m == method}>{ i18n.t(method_key(m)) }</option>
                }) }
            </select>
            if method.multi_seat() {
                <label for={field("seats")}>{ i18n.t("editor-seats") }</label>
                <input id={field("seats")} type="number" min="1" max="100" placeholder="1"
                    value={count_value(question.seats)} oninput={on_count(QuestionEdit::Seats)} />
            }
            if matches!(method, Method::Plurality | Method::Approval) {
                <label for={field("max-choices")}>{ i18n.t("editor-max-choices") }</label>
                <input id={field("max-choices")} type="number" min="1" max="1000"
                    placeholder={i18n.t(if method == Method::Plurality { "editor-max-choices-plurality" } else { "editor-max-choices-any" })}
                    value={count_value(question.max_choices)} oninput={on_count(QuestionEdit::MaxChoices)} />
            }
            if method == Method::Referendum {
                <fieldset class="options">
                    <legend>{ i18n.t("editor-threshold-legend") }</legend>
                    <label class="choice">
                        <input id={field("threshold-majority")} type="radio" name={field("threshold")}
                            checked={!two_thirds} onchange={on_threshold(Threshold::Majority)} />
                        <span>{ i18n.t("editor-threshold-majority") }</span>
                    </label>
                    <label class="choice">
                        <input id={field("threshold-two-thirds")} type="radio" name={field("threshold")}
                            checked={two_thirds} onchange={on_threshold(Threshold::TwoThirds)} />
                        <span>{ i18n.t("editor-threshold-two-thirds") }</span>
                    </label>
                </fieldset>
                <p class="hint">{ i18n.t("editor-referendum-hint") }</p>
            } else {
                <CandidateEditor candidates={question.candidates.clone()} on_edit={on_candidate}
                    prefix={field("candidate")}
                    legend={numbered("editor-question-candidates")} />
            }
        </fieldset>
    }
}
