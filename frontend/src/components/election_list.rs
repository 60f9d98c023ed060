//! Every election in a table: title, phase, deadline and turnout, each title linking to the
//! election's page (the voter's page for the public, the console for the admin).

use shared::elections::ElectionSummary;
use yew::prelude::*;

use crate::components::status::PhaseBadge;
use crate::format::{format_date_time, percent};

#[derive(Properties, PartialEq)]
pub struct ElectionListProps {
    pub elections: Vec<ElectionSummary>,
    /// Titles lead to the admin's console, and each row also links to the public pages.
    #[prop_or_default]
    pub admin: bool,
}

#[component]
pub fn ElectionList(props: &ElectionListProps) -> Html {
    if props.elections.is_empty() {
        return html! { <p class="muted">{ "No elections yet." }</p> };
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
                    <a href={href} class="election-link">{ &election.title }</a>
                    <span class="muted mono election-id">{ format!(" {id}") }</span>
                </td>
                <td><PhaseBadge phase={election.phase} /></td>
                <td class="num">
                    { election.deadline_ms.map_or("—".to_string(), format_date_time) }
                </td>
                <td class="num" data-testid="election-turnout">
                    { format!("{} / {} ({} %)", election.voted, election.voters,
                        percent(election.voted, election.voters)) }
                </td>
                if props.admin {
                    <td class="links">
                        <a href={format!("/e/{id}")}>{ "voter page" }</a>{ " · " }
                        <a href={format!("/e/{id}/tally")}>{ "projector" }</a>
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
                        <th scope="col">{ "Election" }</th><th scope="col">{ "Phase" }</th>
                        <th scope="col">{ "Deadline" }</th><th scope="col">{ "Voted / voters" }</th>
                        if props.admin { <th scope="col">{ "Public pages" }</th> }
                    </tr>
                </thead>
                <tbody>{ for props.elections.iter().map(row) }</tbody>
            </table>
        </div>
    }
}
