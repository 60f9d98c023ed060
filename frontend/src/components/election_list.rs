//! Every election in a table: title, phase, deadline and turnout, each title linking to the
//! election's page (the voter's page for the public, the console for the admin).

use shared::elections::ElectionSummary;
use yew::prelude::*;

use crate::components::status::PhaseBadge;
use crate::format::{percent, when};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct ElectionListProps {
    pub elections: Vec<ElectionSummary>,
    /// Titles lead to the admin's console, and each row also links to the public pages.
    #[prop_or_default]
    pub admin: bool,
}

#[component]
pub fn ElectionList(props: &ElectionListProps) -> Html {
    let i18n = use_i18n();
    if props.elections.is_empty() {
        return html! { <p class="muted">{ i18n.t("results-elections-none") }</p> };
    }
    let row = |election: &ElectionSummary| {
        let id = &election.id;
        let href = if props.admin {
            format!("/admin/e/{id}")
        } else {
            format!("/e/{id}")
        };
        html! {
            <tr data-election={id.clone()}>
                <td>
                    <a href={href} class="election-link" translate="no">{ &election.title }</a>
                    { " " }
                    <span class="muted mono election-id" translate="no">{ id }</span>
                </td>
                <td><PhaseBadge phase={election.phase} /></td>
                <td class="num">
                    { election.deadline_ms.map_or("—".to_string(), when) }
                </td>
                <td class="num" data-testid="election-turnout">
                    { i18n.t_args("results-elections-turnout", &[
                        ("voted", election.voted.into()),
                        ("voters", election.voters.into()),
                        ("percent", percent(election.voted, election.voters).into()),
                    ]) }
                </td>
                if props.admin {
                    <td class="links">
                        <a href={format!("/e/{id}")}>{ i18n.t("results-elections-voter-page") }</a>
                        { " · " }
                        <a href={format!("/e/{id}/tally")}>{ i18n.t("results-elections-projector") }</a>
                    </td>
                }
            </tr>
        }
    };
    html! {
        // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
        <div class="table-scroll" tabindex="0">
            <table class="elections" data-testid="election-list">
                <thead>
                    <tr>
                        <th scope="col">{ i18n.t("results-elections-election") }</th>
                        <th scope="col">{ i18n.t("results-elections-phase") }</th>
                        <th scope="col">{ i18n.t("results-elections-deadline") }</th>
                        <th scope="col">{ i18n.t("results-elections-voted") }</th>
                        if props.admin {
                            <th scope="col">{ i18n.t("results-elections-public-pages") }</th>
                        }
                    </tr>
                </thead>
                <tbody>{ for props.elections.iter().map(row) }</tbody>
            </table>
        </div>
    }
}
