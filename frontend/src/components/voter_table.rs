//! The roll: who has voted (never for whom) and the turnout; for elections with credentials,
//! a way to replace one voter's credential.

use shared::dto::VoterStatus;
use shared::VoterId;
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::format::percent;
use crate::pages::admin::words::{data, sentence};

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
    let i18n = crate::i18n::use_i18n();
    let voted = props.voters.iter().filter(|v| v.has_voted).count() as u64;
    let total = props.voters.len() as u64;
    let action = |voter: &VoterStatus| {
        props.on_new_credential.as_ref().map(|emit| {
            let voter_id = voter.voter_id;
            html! {
                <td>
                    <ConfirmButton id={format!("new-credential-{voter_id}")} label={i18n.t("admin-new-credential")}
                        yes={i18n.t("admin-new-credential-yes")}
                        question={sentence(&i18n, "admin-new-credential-question", &[], &[("name", data(voter.name.clone()))])}
                        disabled={props.credentials_disabled}
                        on_confirm={emit.reform(move |()| voter_id)} />
                </td>
            }
        })
    };
    html! {
        <>
            <p class="turnout" data-testid="turnout">
                { sentence(&i18n, "admin-turnout", &[
                    ("voted", voted.into()),
                    ("total", total.into()),
                    ("percent", percent(voted, total).into()),
                ], &[("count", html! {
                    <strong>{ i18n.t_args("admin-turnout-count", &[("voted", voted.into()), ("total", total.into())]) }</strong>
                })]) }
            </p>
            <meter class="turnout-meter" min="0" max={total.max(1).to_string()}
                value={voted.to_string()} aria-label={i18n.t("admin-turnout-label")}></meter>
            // Focusable, so a keyboard can scroll it (WCAG 2.1.1).
            <div class="table-scroll" tabindex="0">
                <table class="voters" data-testid="voter-table">
                    <thead>
                        <tr><th scope="col">{ i18n.t("admin-voters-id") }</th><th scope="col">{ i18n.t("admin-voters-name") }</th>
                            <th scope="col">{ i18n.t("admin-voters-voted") }</th>
                            if props.on_new_credential.is_some() {
                                <th scope="col">{ i18n.t("admin-voters-credential") }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        { for props.voters.iter().map(|voter| html! {
                            <tr class={voter.has_voted.then_some("voted")}>
                                <td class="num">{ voter.voter_id }</td>
                                <td translate="no">{ &voter.name }</td>
                                <td>{ if voter.has_voted { i18n.t("admin-voter-has-voted") } else { "—".to_string() } }</td>
                                { action(voter).unwrap_or_default() }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
