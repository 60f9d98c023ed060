//! The ballot: one button per candidate, and one click votes.

use shared::elections::ElectionCandidate;
use shared::CandidateId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BallotProps {
    /// The candidates in ballot order; a description, when the admin wrote one, is shown
    /// under the name so the voter reads it before choosing.
    pub candidates: Vec<ElectionCandidate>,
    /// Voting is open for this voter; otherwise the buttons are shown but disabled, so the
    /// voter can read the ballot before the election opens.
    pub enabled: bool,
    /// The candidate whose vote is being sent, if any.
    pub sending: Option<CandidateId>,
    pub on_vote: Callback<CandidateId>,
}

#[component]
pub fn Ballot(props: &BallotProps) -> Html {
    let disabled = !props.enabled || props.sending.is_some();
    html! {
        <ul class="ballot" aria-label="Candidates" data-testid="ballot">
            { for props.candidates.iter().map(|candidate| {
                let id = candidate.id;
                let onclick = props.on_vote.reform(move |_: MouseEvent| id);
                let sending = props.sending == Some(id);
                let name = html! { <span class="candidate-name">{ &candidate.name }</span> };
                html! {
                    <li>
                        <button class="candidate" type="button" {onclick} {disabled}
                            data-candidate={id.to_string()}
                            aria-label={format!("Vote for {}", candidate.name)}
                            aria-busy={sending.to_string()}>
                            if candidate.description.is_empty() {
                                { name }
                            } else {
                                <span class="candidate-text">
                                    { name }
                                    <span class="candidate-description">{ &candidate.description }</span>
                                </span>
                            }
                            <span class="candidate-action">
                                { if sending { "Sending…" } else { "Vote" } }
                            </span>
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}
