//! The ballot: one button per candidate, and one click votes.

use shared::elections::ElectionCandidate;
use shared::CandidateId;
use yew::prelude::*;

use crate::i18n::use_i18n;

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
    let i18n = use_i18n();
    let disabled = !props.enabled || props.sending.is_some();
    html! {
        <ul class="ballot" aria-label={i18n.t("candidates-label")} data-testid="ballot">
            { for props.candidates.iter().map(|candidate| {
                let id = candidate.id;
                let onclick = props.on_vote.reform(move |_: MouseEvent| id);
                let sending = props.sending == Some(id);
                let name = html! {
                    <span class="candidate-name" id={format!("candidate-{id}-name")} translate="no">
                        { &candidate.name }
                    </span>
                };
                // Named by its visible words in their order (WCAG 2.5.3, label in name), so
                // a voice command saying what the button shows reaches it.
                let parts: &[&str] = if candidate.description.is_empty() {
                    &["name", "action"]
                } else {
                    &["name", "description", "action"]
                };
                let labelled_by = parts
                    .iter()
                    .map(|part| format!("candidate-{id}-{part}"))
                    .collect::<Vec<_>>()
                    .join(" ");
                html! {
                    <li>
                        <button class="candidate" type="button" {onclick} {disabled}
                            data-candidate={id.to_string()}
                            aria-label={i18n.t_args("vote-for", &[("name", candidate.name.as_str().into())])}
                            aria-labelledby={labelled_by}
                            aria-busy={sending.to_string()}>
                            if candidate.description.is_empty() {
                                { name }
                            } else {
                                <span class="candidate-text">
                                    { name }
                                    { " " }
                                    <span class="candidate-description" translate="no"
                                        id={format!("candidate-{id}-description")}>
                                        { &candidate.description }
                                    </span>
                                </span>
                            }
                            // A space between the words, so they read as words (WCAG 2.5.3).
                            { " " }
                            <span class="candidate-action" id={format!("candidate-{id}-action")}>
                                { i18n.t(if sending { "sending" } else { "vote" }) }
                            </span>
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}
