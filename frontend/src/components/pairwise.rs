//! A Schulze count: the pairwise table (row candidate preferred over column candidate, by
//! the weight of the ballots saying so) and the order it gives, best first.
//!
//! A cell where the row beats the column says so in words as well as in weight, so the
//! outcome of each duel does not rest on colour.

use shared::ballots::QuestionResult;
use yew::prelude::*;

use crate::components::question_results_text::{millionths, Names, Words};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct PairwiseProps {
    pub result: QuestionResult,
    pub names: Names,
}

#[component]
pub fn Pairwise(props: &PairwiseProps) -> Html {
    let i18n = use_i18n();
    let names = &props.names;
    let order = props.result.order.clone().unwrap_or_default();
    let table = props.result.pairwise.clone().unwrap_or_default();
    let weight = |i: usize, j: usize| table.get(i).and_then(|row| row.get(j)).cloned();
    let ids = 1..=table.len() as u32;
    let table_html = html! {
        // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
        <div class="table-scroll" tabindex="0">
            <table class="pairwise" data-testid="pairwise">
                <caption>{ i18n.t("results-pairwise-caption") }</caption>
                <thead>
                    <tr>
                        <td></td>
                        { for ids.clone().map(|id| html! {
                            <th scope="col">
                                { Words::of(&i18n, "results-pairwise-over", &[], &[("name", names.name(id))]).html() }
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for ids.clone().map(|row| {
                        let i = row as usize - 1;
                        html! {
                            <tr data-candidate={row.to_string()}>
                                <th scope="row" translate="no">{ names.name(row) }</th>
                                { for ids.clone().map(|col| {
                                    let j = col as usize - 1;
                                    if i == j {
                                        return html! { <td class="num self">{ "–" }</td> };
                                    }
                                    let here = weight(i, j).unwrap_or_default();
                                    let there = weight(j, i).unwrap_or_default();
                                    let beats = millionths(&here) > millionths(&there);
                                    html! {
                                        <td class={classes!("num", beats.then_some("beats"))}>
                                            { here }
                                            if beats {
                                                <span class="round-mark">
                                                    { format!(" {}", i18n.t("results-pairwise-wins")) }
                                                </span>
                                            }
                                        </td>
                                    }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    };
    html! {
        <>
            if !table.is_empty() { { table_html } }
            if !order.is_empty() {
                <h4>{ i18n.t("results-pairwise-order") }</h4>
                <ol class="schulze-order" data-testid="schulze-order">
                    { for order.iter().map(|&id| html! {
                        <li data-candidate={id.to_string()} translate="no">{ names.name(id) }</li>
                    }) }
                </ol>
            }
        </>
    }
}
