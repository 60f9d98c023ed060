//! The logged-in voter's panel for a ballot of questions, while there is a ballot to fill
//! in: who they are, why the ballot cannot be sent yet (if it cannot), and the ballot. Once
//! the vote is counted the page shows [`super::voter_panel::VoterPanel`] instead, so the
//! confirmation and receipt are the same for every kind of election.

use shared::ballots::Answers;
use shared::dto::{LoginResponse, MeResponse};
use shared::elections::QuestionView;
use shared::Phase;
use yew::prelude::*;

use super::question_ballot::QuestionBallot;
use super::voter_panel::ballot_note;

#[derive(Properties, PartialEq)]
pub struct QuestionPanelProps {
    pub login: LoginResponse,
    /// The server's word on whether this voter has voted; the ballot cannot be sent until
    /// it answers, so nobody votes twice by racing the page.
    pub me: Option<MeResponse>,
    pub questions: Vec<QuestionView>,
    pub phase: Phase,
    /// Open and before the deadline, by the server's clock.
    pub accepting: bool,
    pub sending: bool,
    pub on_cast: Callback<Answers>,
    pub on_logout: Callback<()>,
    /// The voter chose "Change my vote": this ballot replaces the counted one.
    #[prop_or_default]
    pub changing: bool,
    /// Called with `false` by "Keep my vote" (back to the receipt).
    #[prop_or_default]
    pub on_change: Callback<bool>,
}

#[component]
pub fn QuestionPanel(props: &QuestionPanelProps) -> Html {
    let login = &props.login;
    let on_logout = props.on_logout.reform(|_: MouseEvent| ());
    let (title, intro) = if props.changing {
        (
            "Change your vote",
            "Your new ballot replaces the previous one; only the last one counts.",
        )
    } else {
        (
            "Your ballot",
            "Answer each question, then review your answers before casting the ballot. A question you leave unanswered counts as blank.",
        )
    };
    html! {
        <section class="card" aria-labelledby="ballot-title">
            <div class="row spread">
                <p data-testid="who">
                    { format!("Logged in as {} (voter #{})", login.name, login.voter_id) }
                </p>
                <button type="button" class="link" onclick={on_logout}>{ "Log out" }</button>
            </div>
            <h2 id="ballot-title">{ title }</h2>
            <p class="muted">{ intro }</p>
            if let Some(note) = ballot_note(props.phase, props.accepting) {
                <p class="muted">{ note }</p>
            }
            <QuestionBallot questions={props.questions.clone()}
                enabled={props.accepting && props.me.is_some()}
                sending={props.sending} on_cast={props.on_cast.clone()} />
            if props.changing {
                <button id="keep-vote" type="button" class="link" disabled={props.sending}
                    onclick={props.on_change.reform(|_: MouseEvent| false)}>
                    { "Keep my vote" }
                </button>
            }
        </section>
    }
}
