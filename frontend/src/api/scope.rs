//! Which election a page works on, and so which routes it calls.
//!
//! The original election keeps its original routes (`/api/options`, `/api/admin/start`,
//! `/ws`), so the pages `/`, `/admin` and `/tally` send exactly what they always sent. Every
//! other election is reached through its own routes (`/api/elections/{id}/options`,
//! `/api/admin/elections/{id}/start`, `/ws?election={id}`). The id in a [`Scope::Election`]
//! has been checked with [`valid_election_id`] (only `a-z`, `0-9` and `-`), so it can go into a
//! path or a query string as it is.

use shared::elections::{valid_election_id, ElectionId, DEFAULT_ELECTION};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// The `default` election, through the routes without an election in their path.
    #[default]
    Original,
    /// Another election, through `/api/elections/{id}/…`.
    Election(ElectionId),
}

impl Scope {
    /// The scope of an election id: the original election's own routes for `default` (so one
    /// election has one session, whichever page the voter came through), the election's
    /// routes otherwise. `None` for an id the server could not have made.
    pub fn of(id: &str) -> Option<Scope> {
        if id == DEFAULT_ELECTION {
            Some(Scope::Original)
        } else if valid_election_id(id) {
            Some(Scope::Election(id.to_string()))
        } else {
            None
        }
    }

    /// The election's id (`default` for the original one).
    pub fn id(&self) -> &str {
        match self {
            Scope::Original => DEFAULT_ELECTION,
            Scope::Election(id) => id,
        }
    }

    /// A public route: `public("options")` is `/api/options` or `/api/elections/{id}/options`.
    pub fn public(&self, rest: &str) -> String {
        match self {
            Scope::Original => format!("/api/{rest}"),
            Scope::Election(id) => format!("/api/elections/{id}/{rest}"),
        }
    }

    /// An admin route: `admin("start")` is `/api/admin/start` or
    /// `/api/admin/elections/{id}/start`.
    pub fn admin(&self, rest: &str) -> String {
        match self {
            Scope::Original => format!("/api/admin/{rest}"),
            Scope::Election(id) => format!("/api/admin/elections/{id}/{rest}"),
        }
    }

    /// An admin route that only exists under `/api/admin/elections/{id}/` (the roll import,
    /// credentials and exports), for the original election too.
    pub fn election_admin(&self, rest: &str) -> String {
        format!("/api/admin/elections/{}/{rest}", self.id())
    }

    /// The query string of the WebSocket URL: empty for the original election, whose socket
    /// is plain `/ws`.
    pub fn ws_query(&self) -> String {
        match self {
            Scope::Original => String::new(),
            Scope::Election(id) => format!("?election={id}"),
        }
    }

    /// What a browser-storage key gets appended, so that each election keeps its own voter
    /// session (a session belongs to one election); empty for the original election, whose
    /// keys stay as they were.
    pub fn storage_suffix(&self) -> String {
        match self {
            Scope::Original => String::new(),
            Scope::Election(id) => format!(".{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Scope;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_original_election_keeps_its_original_routes() {
        let original = Scope::of("default").unwrap();
        assert_eq!(original, Scope::Original);
        assert_eq!(original.id(), "default");
        assert_eq!(original.public("options"), "/api/options");
        assert_eq!(original.admin("start"), "/api/admin/start");
        assert_eq!(
            original.election_admin("export/turnout.csv"),
            "/api/admin/elections/default/export/turnout.csv"
        );
        assert_eq!(original.ws_query(), "");
        assert_eq!(original.storage_suffix(), "");
    }

    #[wasm_bindgen_test]
    fn another_election_goes_through_its_own_routes() {
        let board = Scope::of("board-2027").unwrap();
        assert_eq!(board.id(), "board-2027");
        assert_eq!(board.public("vote"), "/api/elections/board-2027/vote");
        assert_eq!(
            board.admin("status"),
            "/api/admin/elections/board-2027/status"
        );
        assert_eq!(board.ws_query(), "?election=board-2027");
        assert_eq!(board.storage_suffix(), ".board-2027");
    }

    #[wasm_bindgen_test]
    fn ids_the_server_could_not_have_made_have_no_scope() {
        for id in ["", "ab", "Board", "a/b", "a?b", "été", "x y z"] {
            assert_eq!(Scope::of(id), None, "{id:?}");
        }
    }
}
