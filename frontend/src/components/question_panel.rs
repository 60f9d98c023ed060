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
use super::voter_panel::{ballot_note, who_and_logout};
use crate::i18n::use_i18n;

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
    /// A verifiable election: the reviewed ballot goes to sealing, not straight to the server.
    #[prop_or_default]
    pub sealed: bool,
}

#[component]
pub fn QuestionPanel(props: &QuestionPanelProps) -> Html {
    let i18n = use_i18n();
    let on_logout = props.on_logout.reform(|_: MouseEvent| ());
    let (title, intro) = if props.changing {
        ("change-title", "change-intro-ballot")
    } else {
        ("your-ballot", "ballot-intro")
    };
    html! {
        <section class="card" aria-labelledby="ballot-title">
            { who_and_logout(&i18n, &props.login, on_logout) }
            <h2 id="ballot-title">{ i18n.t(title) }</h2>
            <p class="muted">{ i18n.t(intro) }</p>
            if let Some(note) = ballot_note(&i18n, props.phase, props.accepting) {
                <p class="muted">{ note }</p>
            }
            <QuestionBallot session={props.login.session.clone()} questions={props.questions.clone()}
                enabled={props.accepting && props.me.is_some()}
                sending={props.sending} on_cast={props.on_cast.clone()}
                sealed={props.sealed} />
            if props.changing {
                <button id="keep-vote" type="button" class="link" disabled={props.sending}
                    onclick={props.on_change.reform(|_: MouseEvent| false)}>
                    { i18n.t("keep-vote") }
                </button>
            }
        </section>
    }
}
