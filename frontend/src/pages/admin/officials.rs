//! An election's officials and observers (owners only, on its console): a box per account
//! that is not an owner (owners see every election anyway), ticked when the account is
//! assigned, and one button that sends the whole list (`PUT …/officials`).

use std::collections::BTreeSet;

use shared::accounts::{AccountId, AccountRole, AccountView};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::account::role_name;
use super::commander::NoticeState;
use crate::api::{self, ApiError};
use crate::components::notice::{Notice, Tone};

/// The accounts that can be assigned (officials and observers), and those assigned to
/// `election`.
fn assignable(accounts: &[AccountView], election: &str) -> (Vec<AccountView>, BTreeSet<AccountId>) {
    let listed: Vec<AccountView> = accounts
        .iter()
        .filter(|account| account.role != AccountRole::Owner)
        .cloned()
        .collect();
    let assigned = listed
        .iter()
        .filter(|account| account.elections.iter().any(|id| id == election))
        .map(|account| account.account_id)
        .collect();
    (listed, assigned)
}

#[derive(Properties, PartialEq)]
pub struct OfficialsPanelProps {
    pub token: AttrValue,
    /// The election's id.
    pub election: AttrValue,
    pub on_refused: Callback<()>,
}

#[component]
pub fn OfficialsPanel(props: &OfficialsPanelProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let accounts = use_state(|| None::<Vec<AccountView>>);
    let ticked = use_state(BTreeSet::<AccountId>::new);
    let busy = use_state(|| false);
    let notice: NoticeState = use_state(|| (Tone::Info, None));
    let token = props.token.to_string();
    let election = props.election.to_string();
    // What the server holds: the list and the ticks follow every answer.
    let show = {
        let (accounts, ticked, election) = (accounts.clone(), ticked.clone(), election.clone());
        move |list: Vec<AccountView>| {
            let (listed, assigned) = assignable(&list, &election);
            ticked.set(assigned);
            accounts.set(Some(listed));
        }
    };
    {
        let (token, notice, on_refused) = (token.clone(), notice.clone(), props.on_refused.clone());
        let show = show.clone();
        use_effect_with(props.election.clone(), move |_| {
            spawn_local(async move {
                match api::accounts::list(&token).await {
                    Ok(answer) => show(answer.accounts),
                    Err(ApiError::Unauthorized(_)) => on_refused.emit(()),
                    Err(err) => notice.set((Tone::Error, Some(err.describe()))),
                }
            });
        });
    }
    let on_tick = |account_id: AccountId| {
        let ticked = ticked.clone();
        Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next = (*ticked).clone();
            if on {
                next.insert(account_id);
            } else {
                next.remove(&account_id);
            }
            ticked.set(next);
        })
    };
    let on_save = {
        let (ticked, busy, notice) = (ticked.clone(), busy.clone(), notice.clone());
        let (token, election, on_refused) =
            (token.clone(), election.clone(), props.on_refused.clone());
        Callback::from(move |_: MouseEvent| {
            let ids: Vec<AccountId> = ticked.iter().copied().collect();
            let (busy, notice, show) = (busy.clone(), notice.clone(), show.clone());
            let (token, election, on_refused) =
                (token.clone(), election.clone(), on_refused.clone());
            busy.set(true);
            spawn_local(async move {
                match api::accounts::set_officials(&token, &election, ids).await {
                    Ok(answer) => {
                        show(answer.accounts);
                        let saved = crate::i18n::current().t("admin-officials-saved");
                        notice.set((Tone::Success, Some(saved)));
                    }
                    Err(ApiError::Unauthorized(_)) => on_refused.emit(()),
                    Err(err) => notice.set((Tone::Error, Some(err.describe()))),
                }
                busy.set(false);
            });
        })
    };
    let body = match &*accounts {
        None => html! { <p class="muted">{ i18n.t("admin-accounts-loading") }</p> },
        Some(list) if list.is_empty() => html! {
            <p class="muted">{ i18n.t("admin-officials-none") }{ " " }
                <a href="/admin/elections">{ i18n.t("admin-officials-none-link") }</a></p>
        },
        Some(list) => html! {
            <>
                <fieldset class="options">
                    <legend>{ i18n.t("admin-officials-legend") }</legend>
                    { for list.iter().map(|account| html! {
                        <label class="choice" key={account.account_id}>
                            <input id={format!("official-{}", account.account_id)} type="checkbox"
                                checked={ticked.contains(&account.account_id)} onchange={on_tick(account.account_id)} />
                            <span><strong translate="no">{ account.name.clone() }</strong>{ " · " }{ role_name(&i18n, account.role) }</span>
                        </label>
                    }) }
                </fieldset>
                <button id="officials-save" type="button" class="primary" disabled={*busy} onclick={on_save}>
                    { i18n.t("admin-officials-save") }
                </button>
            </>
        },
    };
    html! {
        <>
            { body }
            <Notice tone={notice.0} text={notice.1.clone().map(AttrValue::from)} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn account(account_id: AccountId, role: AccountRole, elections: &[&str]) -> AccountView {
        AccountView {
            account_id,
            name: format!("account {account_id}"),
            role,
            has_password: false,
            elections: elections.iter().map(|id| id.to_string()).collect(),
        }
    }

    #[wasm_bindgen_test]
    fn owners_are_not_listed_and_the_assigned_are_ticked() {
        let accounts = [
            account(1, AccountRole::Owner, &[]),
            account(2, AccountRole::Official, &["board"]),
            account(3, AccountRole::Observer, &["other"]),
        ];
        let (listed, assigned) = assignable(&accounts, "board");
        let ids: Vec<AccountId> = listed.iter().map(|account| account.account_id).collect();
        assert_eq!(ids, [2, 3]);
        assert_eq!(assigned.into_iter().collect::<Vec<_>>(), [2]);
    }
}
