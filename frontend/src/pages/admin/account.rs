//! Who is signed in to the admin pages, and what their role lets them see: the badge in the
//! header ("Ana · official"), the button that ends the session, and [`Powers`], the one place
//! that decides which controls a role is shown. The server is the judge of every request;
//! hiding what a role may not do only spares people buttons that would be refused.

use shared::accounts::{AccountRole, MeAdminResponse};
use yew::prelude::*;

use crate::i18n::I18n;

/// The controls a role is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Powers {
    /// Anything that changes an election: start, stop, publish, the deadline, the live
    /// results switch, the roll import, new credentials and mail.
    pub commands: bool,
    /// Accounts, an election's officials and new elections.
    pub owner: bool,
}

impl Powers {
    pub fn of(role: AccountRole) -> Powers {
        match role {
            AccountRole::Owner => Powers {
                commands: true,
                owner: true,
            },
            AccountRole::Official => Powers {
                commands: true,
                owner: false,
            },
            AccountRole::Observer => Powers {
                commands: false,
                owner: false,
            },
        }
    }
}

/// A role's name, in the page's language.
pub fn role_name(i18n: &I18n, role: AccountRole) -> String {
    i18n.t(&format!("admin-role-{}", role.as_str()))
}

/// Whether the pages were opened with a token (kept in this tab) rather than signed in by
/// password (a session cookie): an empty token is the latter, see `api::builder`.
pub fn by_token(token: &str) -> bool {
    !token.is_empty()
}

#[derive(Properties, PartialEq)]
pub struct AccountBarProps {
    pub me: MeAdminResponse,
    /// The token the pages use; empty when signed in by password.
    pub token: AttrValue,
    pub on_logout: Callback<()>,
    /// Extra classes for the button (the console pushes it right when it has no links).
    #[prop_or_default]
    pub class: Classes,
}

/// The signed-in account's name and role, and the button that ends it: "Forget token" for a
/// token, "Sign out" for a password's session.
#[component]
pub fn AccountBar(props: &AccountBarProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let on_logout = props.on_logout.reform(|_: MouseEvent| ());
    let (id, label) = if by_token(&props.token) {
        ("admin-forget-token", i18n.t("admin-forget-token"))
    } else {
        ("admin-sign-out", i18n.t("admin-sign-out"))
    };
    html! {
        <>
            <span class={classes!("badge", props.class.clone())} data-testid="account-badge">
                // The account's name is data; its role is ours.
                <span translate="no">{ props.me.name.clone() }</span>
                { " · " }{ role_name(&i18n, props.me.role) }
            </span>
            <button {id} type="button" class="link" onclick={on_logout}>{ label }</button>
        </>
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn an_observer_sees_no_command_and_only_owners_manage_accounts() {
        let owner = Powers::of(AccountRole::Owner);
        assert!(owner.commands && owner.owner);
        let official = Powers::of(AccountRole::Official);
        assert!(official.commands && !official.owner);
        let observer = Powers::of(AccountRole::Observer);
        assert!(!observer.commands && !observer.owner);
    }

    #[wasm_bindgen_test]
    fn an_empty_token_is_a_session_by_password() {
        assert!(by_token("e2e-test-admin-token"));
        assert!(!by_token(""));
    }
}
