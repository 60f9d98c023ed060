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
use crate::i18n::{use_i18n, I18n};

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

fn cell(round: &Round, id: CandidateId, i18n: &I18n) -> Html {
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
            if elected {
                <span class="round-mark">{ format!(" {}", i18n.t("results-round-elected")) }</span>
            }
            if eliminated {
                <span class="round-mark">{ format!(" {}", i18n.t("results-round-eliminated")) }</span>
            }
        </td>
    }
}

#[component]
pub fn RoundsTable(props: &RoundsTableProps) -> Html {
    let i18n = use_i18n();
    let result = &props.result;
    let rounds = &result.rounds;
    if rounds.is_empty() {
        return html! { <p class="muted">{ i18n.t("results-rounds-none") }</p> };
    }
    // STV counts in stages, instant runoff in rounds.
    let stv = result.method == shared::ballots::Method::Stv;
    let (by, heading) = if stv {
        ("results-stages-caption", "results-stage")
    } else {
        ("results-rounds-caption", "results-round")
    };
    let winners = &result.winners;
    let caption = match &result.quota {
        Some(quota) => i18n.t_args(&format!("{by}-quota"), &[("quota", quota.as_str().into())]),
        None => i18n.t(by),
    };
    html! {
        // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
        <div class="table-scroll" tabindex="0">
            <table class="rounds" data-testid="rounds">
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ i18n.t("results-rounds-candidate") }</th>
                        { for rounds.iter().map(|r| html! {
                            <th scope="col">{ i18n.t_args(heading, &[("round", r.round.into())]) }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for candidates_of(rounds).into_iter().map(|id| {
                        let won = winners.contains(&id);
                        html! {
                            <tr data-candidate={id.to_string()} class={classes!(won.then_some("winner"))}>
                                <th scope="row">
                                    <span translate="no">{ props.names.name(id) }</span>
                                    if won {
                                        <span class="winner-mark">
                                            { format!(" {}", i18n.t("results-elected-mark")) }
                                        </span>
                                    }
                                </th>
                                { for rounds.iter().map(|r| cell(r, id, &i18n)) }
                            </tr>
                        }
                    }) }
                    <tr class="exhausted" data-testid="exhausted">
                        <th scope="row">{ i18n.t("results-rounds-exhausted") }</th>
                        { for rounds.iter().map(|r| html! { <td class="num">{ &r.exhausted }</td> }) }
                    </tr>
                </tbody>
                <tfoot>
                    <tr class="transfers">
                        <th scope="row">{ i18n.t("results-rounds-passed-on") }</th>
                        { for rounds.iter().map(|r| html! {
                            <td data-testid="transfer">
                                { match (&r.transfer, r.round) {
                                    (Some(t), _) => transfer_in_words(t, &props.names).html(),
                                    (None, 1) => html! { { i18n.t("results-rounds-first-preferences") } },
                                    (None, _) => html! { { i18n.t("results-rounds-nothing") } },
                                } }
                            </td>
                        }) }
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
