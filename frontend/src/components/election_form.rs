//! The form for a new election: title, description, an optional id, the ballot and the
//! options, each explained in one line. It only gathers the request; the page sends it.
//!
//! The ballot starts simple (one list of candidates, [`CandidateEditor`], sent as the old
//! form's `candidates`). "Add a question" turns it into a ballot of questions
//! ([`QuestionEditor`], sent as `questions`); removing every question returns to the simple
//! ballot. The voter's ballot is previewed below either ([`BallotPreview`]).

use shared::ballots::QuestionSpec;
use shared::elections::{new_election_options, ElectionOptions, ElectionRequest, LoginMethod};
use shared::secrecy::Secrecy;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::candidate_editor::{apply, starting_ballot, CandidateEditor, Edit};
use crate::components::question_editor::QuestionEditor;
use crate::components::question_editor_edits::{
    apply_question, from_simple_ballot, new_question, to_request, QuestionEdit,
};
use crate::components::question_editor_preview::BallotPreview;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct ElectionFormProps {
    /// The request is under way: the button waits.
    pub busy: bool,
    pub on_submit: Callback<ElectionRequest>,
}

/// The options made consistent: self-registration only works with login by name and id (a
/// voter who registers gets a number, not a credential), so choosing credentials turns it
/// off; a verifiable election has no count to show before decryption, so no live results.
pub fn consistent(mut options: ElectionOptions) -> ElectionOptions {
    if options.login == LoginMethod::Credential {
        options.self_registration = false;
    }
    if !options.secrecy.is_open() {
        options.live_results = false;
    }
    options
}

/// The simple ballot as the one plurality question it is, for the preview.
fn from_simple_ballot_preview(
    candidates: &[shared::elections::CandidateSpec],
) -> Vec<QuestionSpec> {
    vec![QuestionSpec {
        candidates: candidates.to_vec(),
        ..new_question()
    }]
}

fn text(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

fn checked(event: &Event) -> bool {
    event.target_unchecked_into::<HtmlInputElement>().checked()
}

#[component]
pub fn ElectionForm(props: &ElectionFormProps) -> Html {
    let i18n = use_i18n();
    let title = use_state(String::new);
    let description = use_state(String::new);
    let id = use_state(String::new);
    let candidates = use_state(starting_ballot);
    // `None` while the ballot is simple; never `Some` of an empty list.
    let questions = use_state(|| None::<Vec<QuestionSpec>>);
    let options = use_state(new_election_options);

    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| state.set(text(&event)))
    };
    let on_description = {
        let description = description.clone();
        Callback::from(move |event: InputEvent| {
            description.set(event.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_edit = {
        let candidates = candidates.clone();
        Callback::from(move |edit: Edit| candidates.set(apply((*candidates).clone(), edit)))
    };
    let on_question_edit = {
        let questions = questions.clone();
        Callback::from(move |edit: QuestionEdit| {
            let next = apply_question((*questions).clone().unwrap_or_default(), edit);
            questions.set((!next.is_empty()).then_some(next));
        })
    };
    let on_add_question = {
        let (questions, candidates) = (questions.clone(), candidates.clone());
        Callback::from(move |_: MouseEvent| {
            let next = match (*questions).clone() {
                Some(mut list) => {
                    list.push(new_question());
                    list
                }
                None => from_simple_ballot(&candidates),
            };
            questions.set(Some(next));
        })
    };
    // One callback per option, each changing one field of the options.
    let option = |change: fn(&mut ElectionOptions, bool)| {
        let options = options.clone();
        Callback::from(move |event: Event| {
            let mut next = (*options).clone();
            change(&mut next, checked(&event));
            options.set(consistent(next));
        })
    };
    let on_submit = {
        let (title, description, id) = (title.clone(), description.clone(), id.clone());
        let (candidates, questions, options, emit) = (
            candidates.clone(),
            questions.clone(),
            options.clone(),
            props.on_submit.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let id = id.trim();
            // The server takes one form or the other, never both.
            let (candidates, questions) = match &*questions {
                Some(list) => (Vec::new(), Some(list.iter().map(to_request).collect())),
                None => ((*candidates).clone(), None),
            };
            emit.emit(ElectionRequest {
                id: (!id.is_empty()).then(|| id.to_string()),
                title: title.trim().to_string(),
                description: description.trim().to_string(),
                candidates,
                questions,
                options: (*options).clone(),
                // Languages are given through the API for now (docs/api.md).
                language: None,
                translations: Default::default(),
            });
        })
    };

    let credential = options.login == LoginMethod::Credential;
    let verifiable = options.secrecy == Secrecy::Verifiable;
    let ballot = match &*questions {
        None => html! {
            <>
                <CandidateEditor candidates={(*candidates).clone()} on_edit={on_edit} />
                <p class="hint">{ i18n.t("editor-simple-hint") }</p>
                <button id="question-add" type="button" onclick={on_add_question}>{ i18n.t("editor-add-question") }</button>
                <BallotPreview questions={from_simple_ballot_preview(&candidates)} open=false />
            </>
        },
        Some(list) => html! {
            <>
                <div class="question-editors" data-testid="question-editors">
                    { for list.iter().enumerate().map(|(at, question)| html! {
                        <QuestionEditor key={at} at={at} count={list.len()} question={question.clone()}
                            on_edit={on_question_edit.clone()} />
                    }) }
                </div>
                <button id="question-add" type="button" onclick={on_add_question}>{ i18n.t("editor-add-question") }</button>
                <BallotPreview questions={list.clone()} />
            </>
        },
    };
    html! {
        <form class="card election-form" onsubmit={on_submit} aria-labelledby="new-election-title">
            <h2 id="new-election-title">{ i18n.t("editor-new-election") }</h2>
            <label for="election-title">{ i18n.t("editor-title") }</label>
            <input id="election-title" type="text" required=true maxlength="200"
                value={(*title).clone()} oninput={set(&title)} />
            <label for="election-description">{ i18n.t("editor-description") }</label>
            <textarea id="election-description" rows="3" maxlength="5000"
                value={(*description).clone()} oninput={on_description} />
            <label for="election-id">{ i18n.t("editor-election-id") }</label>
            <input id="election-id" type="text" pattern="[a-z0-9-]{3,40}" maxlength="40"
                placeholder={i18n.t("editor-election-id-placeholder")} value={(*id).clone()} oninput={set(&id)} />
            <p class="hint">{ i18n.t_args("editor-election-id-hint", &[("min", 3u64.into()), ("max", 40u64.into())]) }</p>

            { ballot }

            <fieldset class="options">
                <legend>{ i18n.t("editor-login-legend") }</legend>
                <label class="choice">
                    <input id="login-credential" type="radio" name="login" checked={credential}
                        onchange={option(|o, on| if on { o.login = LoginMethod::Credential })} />
                    <span><strong>{ i18n.t("editor-login-credential") }</strong>{ i18n.t("editor-login-credential-detail") }</span>
                </label>
                <label class="choice">
                    <input id="login-name-and-id" type="radio" name="login" checked={!credential}
                        onchange={option(|o, on| if on { o.login = LoginMethod::NameAndId })} />
                    <span><strong>{ i18n.t("editor-login-name-and-id") }</strong>{ i18n.t("editor-login-name-and-id-detail") }</span>
                </label>
            </fieldset>
            <fieldset class="options">
                <legend>{ i18n.t("editor-secrecy-legend") }</legend>
                <label class="choice">
                    <input id="secrecy-open" type="radio" name="secrecy" checked={!verifiable}
                        onchange={option(|o, on| if on { o.secrecy = Secrecy::Open })} />
                    <span><strong>{ i18n.t("editor-secrecy-open") }</strong>{ i18n.t("editor-secrecy-open-detail") }</span>
                </label>
                <label class="choice">
                    <input id="secrecy-verifiable" type="radio" name="secrecy" checked={verifiable}
                        onchange={option(|o, on| if on { o.secrecy = Secrecy::Verifiable })} />
                    <span><strong>{ i18n.t("editor-secrecy-verifiable") }</strong>{ i18n.t("editor-secrecy-verifiable-detail") }</span>
                </label>
            </fieldset>
            <fieldset class="options">
                <legend>{ i18n.t("editor-options-legend") }</legend>
                <label class="choice">
                    <input id="option-live-results" type="checkbox" checked={options.live_results}
                        disabled={verifiable} onchange={option(|o, on| o.live_results = on)} />
                    <span><strong>{ i18n.t("editor-option-live-results") }</strong>{ i18n.t("editor-option-live-results-detail") }</span>
                </label>
                <label class="choice">
                    <input id="option-revoting" type="checkbox" checked={options.revoting}
                        onchange={option(|o, on| o.revoting = on)} />
                    <span><strong>{ i18n.t("editor-option-revoting") }</strong>{ i18n.t("editor-option-revoting-detail") }</span>
                </label>
                <label class="choice">
                    <input id="option-self-registration" type="checkbox"
                        checked={options.self_registration} disabled={credential}
                        onchange={option(|o, on| o.self_registration = on)} />
                    <span><strong>{ i18n.t("editor-option-self-registration") }</strong>{ i18n.t("editor-option-self-registration-detail") }</span>
                </label>
            </fieldset>
            <button id="election-submit" type="submit" class="primary" disabled={props.busy}>
                { i18n.t("editor-create") }
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn credentials_and_self_registration_do_not_mix() {
        let mut options = new_election_options();
        options.self_registration = true;
        assert!(!consistent(options.clone()).self_registration);
        options.login = LoginMethod::NameAndId;
        assert!(consistent(options).self_registration);
    }

    #[wasm_bindgen_test]
    fn verifiable_elections_show_no_live_results() {
        let mut options = new_election_options();
        options.live_results = true;
        options.secrecy = Secrecy::Verifiable;
        assert!(!consistent(options.clone()).live_results);
        options.secrecy = Secrecy::Open;
        assert!(consistent(options).live_results);
    }
}
