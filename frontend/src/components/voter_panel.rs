//! The logged-in voter's panel: who they are, then either the ballot or the receipt.

use shared::dto::{Candidate, LoginResponse, MeResponse};
use shared::{CandidateId, Phase};
use yew::prelude::*;

use crate::components::ballot::Ballot;

#[derive(Properties, PartialEq)]
pub struct VoterPanelProps {
    pub login: LoginResponse,
    /// The server's word on whether this voter has voted; `None` until it answers, and the
    /// ballot stays disabled meanwhile so nobody votes twice by racing the page.
    pub me: Option<MeResponse>,
    pub candidates: Vec<Candidate>,
    pub phase: Phase,
    /// Open and before the deadline, by the server's clock.
    pub accepting: bool,
    pub sending: Option<CandidateId>,
    pub on_vote: Callback<CandidateId>,
    pub on_logout: Callback<()>,
}

/// Why the ballot cannot be used right now, if it cannot.
fn ballot_note(phase: Phase, accepting: bool) -> Option<&'static str> {
    match phase {
        Phase::Setup => {
            Some("Voting has not started yet. The ballot opens when the admin starts the election.")
        }
        Phase::Open if !accepting => Some("The deadline has passed: votes are no longer accepted."),
        Phase::Open => None,
        Phase::Closed | Phase::Published => Some("Voting is closed."),
    }
}

#[component]
pub fn VoterPanel(props: &VoterPanelProps) -> Html {
    let login = &props.login;
    let on_logout = props.on_logout.reform(|_: MouseEvent| ());
    let voted = props.me.as_ref().filter(|me| me.has_voted);
    html! {
        <section class="card" aria-labelledby="ballot-title">
            <div class="row spread">
                <p data-testid="who">
                    { format!("Logged in as {} (voter #{})", login.name, login.voter_id) }
                </p>
                <button type="button" class="link" onclick={on_logout}>{ "Log out" }</button>
            </div>
            if let Some(me) = voted {
                <div class="confirmation" data-testid="confirmation">
                    <h2 id="ballot-title">{ "✓ You have voted" }</h2>
                    <p>
                        { "Your vote is recorded. The voter table and the live feed never show whom you chose." }
                    </p>
                    <p>
                        { "Receipt: vote " }
                        <strong class="mono">
                            { me.vote_seq.map_or("pending".into(), |seq| format!("#{seq}")) }
                        </strong>
                    </p>
                </div>
            } else {
                <h2 id="ballot-title">{ "Choose a candidate" }</h2>
                if let Some(note) = ballot_note(props.phase, props.accepting) {
                    <p class="muted">{ note }</p>
                }
                <Ballot candidates={props.candidates.clone()}
                    enabled={props.accepting && props.me.is_some()}
                    sending={props.sending} on_vote={props.on_vote.clone()} />
            }
        </section>
    }
}
