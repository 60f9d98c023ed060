//! Named admin accounts and their roles: the wire types of `/api/admin/accounts`,
//! `/api/admin/login`, `/api/admin/me` and `/api/admin/elections/{id}/officials`.
//!
//! Three roles, from most to least power: an [`AccountRole::Owner`] manages accounts and every
//! election; an [`AccountRole::Official`] runs the elections an owner assigns; an
//! [`AccountRole::Observer`] sees the console of the elections assigned to them and can change
//! nothing. The admin token of `--admin-token` is an owner's token (the built-in account
//! [`BUILT_IN_OWNER`]), so everything that used it keeps working.

use serde::{Deserialize, Serialize};

/// An account's number, given in order of creation from 1.
pub type AccountId = u32;

/// The account the admin token stands for.
pub const BUILT_IN_OWNER: AccountId = 0;
/// The built-in account's name, as the log's `by` shows it.
pub const BUILT_IN_OWNER_NAME: &str = "admin";

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountRole {
    Owner,
    Official,
    Observer,
}

impl AccountRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountRole::Owner => "owner",
            AccountRole::Official => "official",
            AccountRole::Observer => "observer",
        }
    }
}

/// Who did an admin action, as the log and the exports name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Actor {
    pub account_id: AccountId,
    pub name: String,
}

/// `POST /api/admin/accounts`. Without a password the account signs in by its token only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateAccountRequest {
    pub name: String,
    pub role: AccountRole,
    #[serde(default)]
    pub password: Option<String>,
}

/// 201 of `POST /api/admin/accounts`: the personal API token, shown this once (only its hash
/// is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateAccountResponse {
    pub account_id: AccountId,
    pub name: String,
    pub role: AccountRole,
    pub token: String,
}

/// One account in `GET /api/admin/accounts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountView {
    pub account_id: AccountId,
    pub name: String,
    pub role: AccountRole,
    /// Whether it can sign in with a password (else by token only).
    pub has_password: bool,
    /// The elections it is assigned to (officials and observers).
    pub elections: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountsResponse {
    pub accounts: Vec<AccountView>,
}

/// `PUT /api/admin/elections/{id}/officials`: the officials and observers of an election (the
/// whole list; an account left out is unassigned).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficialsRequest {
    pub account_ids: Vec<AccountId>,
}

/// `POST /api/admin/setup`: the first owner account, by the one-time link a new node prints
/// (`first owner: {url}/admin#setup={setup_token}`). Refused once any account has existed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
    pub setup_token: String,
    pub name: String,
    pub password: String,
}

/// `POST /api/admin/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AdminLoginRequest {
    pub name: String,
    pub password: String,
}

/// `GET /api/admin/me`, and the body of a successful `POST /api/admin/login` (which also sets
/// the session cookie). `csrf` is the value a page signed in by cookie sends as
/// `X-CSRF-Token` on every write; absent for a bearer token, which needs none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeAdminResponse {
    pub account_id: AccountId,
    pub name: String,
    pub role: AccountRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csrf: Option<String>,
}

/// The most characters of an account's name.
pub const MAX_ACCOUNT_NAME_CHARS: usize = 64;
/// The fewest characters of a password.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The most characters of a password (argon2 takes any, but a megabyte is an attack).
pub const MAX_PASSWORD_CHARS: usize = 256;

/// An account name is 1–64 characters, none of them control characters, not only spaces.
pub fn valid_account_name(name: &str) -> bool {
    let chars = name.chars().count();
    (1..=MAX_ACCOUNT_NAME_CHARS).contains(&chars)
        && !name.trim().is_empty()
        && !name.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_their_wire_strings() {
        for role in [
            AccountRole::Owner,
            AccountRole::Official,
            AccountRole::Observer,
        ] {
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
        assert!(serde_json::from_str::<AccountRole>("\"root\"").is_err());
    }

    #[test]
    fn account_names_are_checked() {
        assert!(valid_account_name("Ana Official"));
        assert!(!valid_account_name(""));
        assert!(!valid_account_name("   "));
        assert!(!valid_account_name("a\u{7}b"));
        assert!(!valid_account_name(&"x".repeat(65)));
    }
}
