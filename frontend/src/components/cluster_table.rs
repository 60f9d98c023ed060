//! Replica health: role, leader, lag, clock offset, reachability.

use shared::dto::{MemberStatus, Role};
use yew::prelude::*;

use crate::format::{count, offset};
use crate::i18n::I18n;
use crate::pages::admin::words::{data, sentence};
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
fn role_text(i18n: &I18n, member: &MemberStatus) -> String {
    let role = i18n.t_args("admin-role", &[("role", member.role.as_str().into())]);
    if member.voter || member.role == Role::Learner {
        role
    } else {
        i18n.t_args("admin-role-non-voting", &[("role", role.into())])
    }
}

#[component]
pub fn ClusterTable(props: &ClusterTableProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let status = match &props.cluster {
        ClusterView::Unknown => {
            return html! { <p class="muted">{ i18n.t("admin-cluster-asking") }</p> }
        }
        ClusterView::SingleNode => {
            return html! {
                <p class="muted" data-testid="single-node">{ i18n.t("admin-cluster-single") }</p>
            }
        }
        ClusterView::Known(status) => status,
    };
    // Node ids and terms are identifiers: their digits as they are.
    let leader = status.leader_id.map_or_else(
        || i18n.t("admin-cluster-leader-none"),
        |id| {
            i18n.t_args(
                "admin-cluster-leader-node",
                &[("id", id.to_string().into())],
            )
        },
    );
    let answered = sentence(
        &i18n,
        "admin-cluster-answered",
        &[
            ("node", status.node_id.to_string().into()),
            ("term", status.term.to_string().into()),
        ],
        &[("leader", html! { <strong>{ leader }</strong> })],
    );
    html! {
        <>
            <p>{ answered }</p>
            // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
            <div class="table-scroll" tabindex="0">
                <table class="cluster" data-testid="cluster-table">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("admin-cluster-node") }</th>
                            <th scope="col">{ i18n.t("admin-cluster-address") }</th>
                            <th scope="col">{ i18n.t("admin-cluster-role") }</th>
                            <th scope="col">{ i18n.t("admin-cluster-up") }</th>
                            <th scope="col">{ i18n.t("admin-cluster-applied") }</th>
                            <th scope="col">{ i18n.t("admin-cluster-lag") }</th>
                            <th scope="col">{ i18n.t("admin-cluster-offset") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for status.members.iter().map(|member| html! {
                            <tr class={(!member.reachable).then_some("down")}>
                                <td class="num">{ member.node_id }</td>
                                <td class="mono">{ data(member.addr.clone()) }</td>
                                <td>{ role_text(&i18n, member) }</td>
                                <td>{ i18n.t(if member.reachable { "admin-member-up" } else { "admin-member-down" }) }</td>
                                <td class="num">{ or_dash(member.applied_index.map(count)) }</td>
                                <td class="num">{ or_dash(member.lag.map(count)) }</td>
                                <td class="num">{ or_dash(member.clock_offset_ms.map(offset)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
