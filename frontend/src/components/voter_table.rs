//! The roll: who has voted (never for whom) and the turnout.

use shared::dto::VoterStatus;
use yew::prelude::*;

use crate::format::percent;

#[derive(Properties, PartialEq)]
pub struct VoterTableProps {
    pub voters: Vec<VoterStatus>,
}

#[component]
pub fn VoterTable(props: &VoterTableProps) -> Html {
    let voted = props.voters.iter().filter(|v| v.has_voted).count() as u64;
    let total = props.voters.len() as u64;
    html! {
        <>
            <p class="turnout" data-testid="turnout">
                <strong>{ format!("{voted} of {total}") }</strong>
                { format!(" voters have voted ({} %)", percent(voted, total)) }
            </p>
            <meter class="turnout-meter" min="0" max={total.max(1).to_string()}
                value={voted.to_string()} aria-label="Turnout"></meter>
            <div class="table-scroll">
                <table class="voters" data-testid="voter-table">
                    <thead>
                        <tr><th scope="col">{ "Id" }</th><th scope="col">{ "Name" }</th>
                            <th scope="col">{ "Voted" }</th></tr>
                    </thead>
                    <tbody>
                        { for props.voters.iter().map(|voter| html! {
                            <tr class={voter.has_voted.then_some("voted")}>
                                <td class="num">{ voter.voter_id }</td>
                                <td>{ &voter.name }</td>
                                <td>{ if voter.has_voted { "✓ voted" } else { "—" } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
