//! The roll: who has voted (never for whom) and the turnout; for elections with credentials,
//! a way to replace one voter's credential.

use shared::dto::VoterStatus;
use shared::VoterId;
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::format::percent;

#[derive(Properties, PartialEq)]
pub struct VoterTableProps {
    pub voters: Vec<VoterStatus>,
    /// Adds a "New credential" button per voter (asked first: the old credential stops
    /// working); `None` where voters log in without credentials.
    #[prop_or_default]
    pub on_new_credential: Option<Callback<VoterId>>,
    /// The buttons wait (a replacement is under way, or voting has closed).
    #[prop_or_default]
    pub credentials_disabled: bool,
}

#[component]
pub fn VoterTable(props: &VoterTableProps) -> Html {
    let voted = props.voters.iter().filter(|v| v.has_voted).count() as u64;
    let total = props.voters.len() as u64;
    let action = |voter: &VoterStatus| {
        props.on_new_credential.as_ref().map(|emit| {
            let voter_id = voter.voter_id;
            html! {
                <td>
                    <ConfirmButton id={format!("new-credential-{voter_id}")} label="New credential"
                        question={format!("Replace {}'s credential? The old one stops working.", voter.name)}
                        disabled={props.credentials_disabled}
                        on_confirm={emit.reform(move |()| voter_id)} />
                </td>
            }
        })
    };
    html! {
        <>
            <p class="turnout" data-testid="turnout">
                <strong>{ format!("{voted} of {total}") }</strong>
                { format!(" voters have voted ({} %)", percent(voted, total)) }
            </p>
            <meter class="turnout-meter" min="0" max={total.max(1).to_string()}
                value={voted.to_string()} aria-label="Turnout"></meter>
            // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
            <div class="table-scroll" tabindex="0">
                <table class="voters" data-testid="voter-table">
                    <thead>
                        <tr><th scope="col">{ "Id" }</th><th scope="col">{ "Name" }</th>
                            <th scope="col">{ "Voted" }</th>
                            if props.on_new_credential.is_some() {
                                <th scope="col">{ "Credential" }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        { for props.voters.iter().map(|voter| html! {
                            <tr class={voter.has_voted.then_some("voted")}>
                                <td class="num">{ voter.voter_id }</td>
                                <td>{ &voter.name }</td>
                                <td>{ if voter.has_voted { "✓ voted" } else { "—" } }</td>
                                { action(voter).unwrap_or_default() }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
