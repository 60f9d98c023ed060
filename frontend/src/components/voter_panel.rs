//! The logged-in voter's panel: who they are, then either the ballot or the receipt. Where the
//! election allows re-voting, the receipt offers "Change my vote", which brings the ballot
//! back; the last vote is the one that counts.

use shared::dto::{LoginResponse, MeResponse};
use shared::elections::ElectionCandidate;
use shared::{CandidateId, Phase};
use yew::prelude::*;

use crate::components::ballot::Ballot;

#[derive(Properties, PartialEq)]
pub struct VoterPanelProps {
    pub login: LoginResponse,
    /// The server's word on whether this voter has voted; `None` until it answers, and the
    /// ballot stays disabled meanwhile so nobody votes twice by racing the page.
    pub me: Option<MeResponse>,
    pub candidates: Vec<ElectionCandidate>,
    pub phase: Phase,
    /// Open and before the deadline, by the server's clock.
    pub accepting: bool,
    pub sending: Option<CandidateId>,
    pub on_vote: Callback<CandidateId>,
    pub on_logout: Callback<()>,
    /// The election lets a voter vote again (the last vote counts).
    #[prop_or_default]
    pub revoting: bool,
    /// The voter chose "Change my vote": the ballot is shown again over the receipt.
    #[prop_or_default]
    pub changing: bool,
    /// `true`: "Change my vote"; `false`: "Keep my vote" (back to the receipt).
    #[prop_or_default]
    pub on_change: Callback<bool>,
}

/// Why the ballot cannot be used right now, if it cannot (a ballot of questions says the same).
pub(crate) fn ballot_note(phase: Phase, accepting: bool) -> Option<&'static str> {
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
    let ballot = html! {
        <Ballot candidates={props.candidates.clone()}
            enabled={props.accepting && props.me.is_some()}
            sending={props.sending} on_vote={props.on_vote.clone()} />
    };
    let body = match voted {
        Some(_) if props.changing && props.revoting => html! {
            <>
                <h2 id="ballot-title">{ "Change your vote" }</h2>
                <p class="muted">{ "Your new vote replaces the previous one; only the last one counts." }</p>
                if let Some(note) = ballot_note(props.phase, props.accepting) {
                    <p class="muted">{ note }</p>
                }
                { ballot }
                <button id="keep-vote" type="button" class="link"
                    disabled={props.sending.is_some()}
                    onclick={props.on_change.reform(|_: MouseEvent| false)}>
                    { "Keep my vote" }
                </button>
            </>
        },
        Some(me) => html! {
            <div class="confirmation" data-testid="confirmation">
                <h2 id="ballot-title">{ "✓ You have voted" }</h2>
                <p>
                    { "Your vote is recorded. The voter table and the live feed never show whom you chose." }
                </p>
                <p>
                    { "Receipt: vote " }
                    <strong class="mono" data-testid="receipt">
                        { me.vote_seq.map_or("pending".into(), |seq| format!("#{seq}")) }
                    </strong>
                </p>
                if props.revoting && props.accepting {
                    <button id="change-vote" type="button"
                        onclick={props.on_change.reform(|_: MouseEvent| true)}>
                        { "Change my vote" }
                    </button>
                }
            </div>
        },
        None => html! {
            <>
                <h2 id="ballot-title">{ "Choose a candidate" }</h2>
                if let Some(note) = ballot_note(props.phase, props.accepting) {
                    <p class="muted">{ note }</p>
                }
                { ballot }
            </>
        },
    };
    html! {
        <section class="card" aria-labelledby="ballot-title">
            <div class="row spread">
                <p data-testid="who">
                    { format!("Logged in as {} (voter #{})", login.name, login.voter_id) }
                </p>
                <button type="button" class="link" onclick={on_logout}>{ "Log out" }</button>
            </div>
            { body }
        </section>
    }
}
