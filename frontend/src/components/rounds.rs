//! A count of instant runoff or STV round by round: a row per candidate and a column per
//! round (STV: stage), each cell the candidate's votes after that round, with who was elected
//! or eliminated in it said in words, the votes exhausted so far, and what each round passed
//! on ("Surplus of Ann (transfer value 0.34409)").
//!
//! A candidate who no longer continues has no figure in later rounds; the cell says "–" so
//! the table keeps its shape.

use shared::ballots::{QuestionResult, Round};
use shared::CandidateId;
use yew::prelude::*;

use crate::components::question_results_text::{transfer_in_words, Names};

#[derive(Properties, PartialEq)]
pub struct RoundsTableProps {
    pub result: QuestionResult,
    pub names: Names,
}

/// Every candidate the rounds name, in ballot (id) order.
fn candidates_of(rounds: &[Round]) -> Vec<CandidateId> {
    let mut ids: Vec<CandidateId> = rounds
        .iter()
        .flat_map(|r| {
            r.tallies
                .iter()
                .map(|t| t.candidate_id)
                .chain(r.elected.iter().copied())
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn cell(round: &Round, id: CandidateId) -> Html {
    let votes = round
        .tallies
        .iter()
        .find(|t| t.candidate_id == id)
        .map(|t| t.votes.clone());
    let elected = round.elected.contains(&id);
    let eliminated = round.eliminated.contains(&id);
    let class = classes!(
        "num",
        elected.then_some("elected"),
        eliminated.then_some("eliminated")
    );
    html! {
        <td class={class} data-round={round.round.to_string()}>
            { votes.unwrap_or_else(|| "–".into()) }
            if elected { <span class="round-mark">{ " elected" }</span> }
            if eliminated { <span class="round-mark">{ " eliminated" }</span> }
        </td>
    }
}

#[component]
pub fn RoundsTable(props: &RoundsTableProps) -> Html {
    let result = &props.result;
    let rounds = &result.rounds;
    if rounds.is_empty() {
        return html! { <p class="muted">{ "No rounds: nobody answered this question." }</p> };
    }
    let stage = if result.method == shared::ballots::Method::Stv {
        "Stage"
    } else {
        "Round"
    };
    let winners = &result.winners;
    let caption = match &result.quota {
        Some(quota) => format!("{stage} by {} · quota {quota}", stage.to_lowercase()),
        None => format!("{stage} by {}", stage.to_lowercase()),
    };
    html! {
        // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
        <div class="table-scroll" tabindex="0">
            <table class="rounds" data-testid="rounds">
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Candidate" }</th>
                        { for rounds.iter().map(|r| html! { <th scope="col">{ format!("{stage} {}", r.round) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for candidates_of(rounds).into_iter().map(|id| {
                        let won = winners.contains(&id);
                        html! {
                            <tr data-candidate={id.to_string()} class={classes!(won.then_some("winner"))}>
                                <th scope="row">
                                    { props.names.name(id) }
                                    if won { <span class="winner-mark">{ " ✓ elected" }</span> }
                                </th>
                                { for rounds.iter().map(|r| cell(r, id)) }
                            </tr>
                        }
                    }) }
                    <tr class="exhausted" data-testid="exhausted">
                        <th scope="row">{ "Exhausted" }</th>
                        { for rounds.iter().map(|r| html! { <td class="num">{ &r.exhausted }</td> }) }
                    </tr>
                </tbody>
                <tfoot>
                    <tr class="transfers">
                        <th scope="row">{ "Passed on" }</th>
                        { for rounds.iter().map(|r| html! {
                            <td data-testid="transfer">
                                { match (&r.transfer, r.round) {
                                    (Some(t), _) => transfer_in_words(t, &props.names),
                                    (None, 1) => "First preferences".to_string(),
                                    (None, _) => "Nothing".to_string(),
                                } }
                            </td>
                        }) }
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
