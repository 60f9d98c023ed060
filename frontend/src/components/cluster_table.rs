//! Replica health: role, leader, lag, clock offset, reachability.

use shared::dto::{MemberStatus, Role};
use yew::prelude::*;

use crate::format::format_offset;
use crate::state::ClusterView;

#[derive(Properties, PartialEq)]
pub struct ClusterTableProps {
    pub cluster: ClusterView,
}

fn or_dash<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// The member's role, noting a non-voting member whose role does not already say so (a
/// learner that is catching up reports itself as a follower, say).
fn role_text(member: &MemberStatus) -> String {
    if member.voter || member.role == Role::Learner {
        member.role.to_string()
    } else {
        format!("{} (non-voting)", member.role)
    }
}

#[component]
pub fn ClusterTable(props: &ClusterTableProps) -> Html {
    let status = match &props.cluster {
        ClusterView::Unknown => return html! { <p class="muted">{ "Asking the cluster…" }</p> },
        ClusterView::SingleNode => {
            return html! {
                <p class="muted" data-testid="single-node">
                    { "Single node: this server runs without replication." }
                </p>
            }
        }
        ClusterView::Known(status) => status,
    };
    html! {
        <>
            <p>
                { format!("Answered by node {}, term {}, leader: ", status.node_id, status.term) }
                <strong>{ status.leader_id.map_or("none".to_string(), |id| format!("node {id}")) }</strong>
            </p>
            // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
            <div class="table-scroll" tabindex="0">
                <table class="cluster" data-testid="cluster-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Node" }</th><th scope="col">{ "Address" }</th>
                            <th scope="col">{ "Role" }</th><th scope="col">{ "Up" }</th>
                            <th scope="col">{ "Applied" }</th><th scope="col">{ "Lag" }</th>
                            <th scope="col">{ "Clock offset" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for status.members.iter().map(|member| html! {
                            <tr class={(!member.reachable).then_some("down")}>
                                <td class="num">{ member.node_id }</td>
                                <td class="mono">{ &member.addr }</td>
                                <td>{ role_text(member) }</td>
                                <td>{ if member.reachable { "up" } else { "DOWN" } }</td>
                                <td class="num">{ or_dash(member.applied_index) }</td>
                                <td class="num">{ or_dash(member.lag) }</td>
                                <td class="num">{ or_dash(member.clock_offset_ms.map(format_offset)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
