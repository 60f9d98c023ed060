//! An election's roll and files (admin): importing voters from CSV, replacing one voter's
//! credential, and the exports. Credentials come back once, in these answers, and are never
//! stored by the server in a form it could show again.

use gloo::net::http::Method;
use shared::elections::{CredentialResponse, RollResponse};
use shared::VoterId;

use super::{get_text, post_text, request, ApiError, PendingWrite, Scope};

/// `POST /api/admin/elections/{id}/voters` with a CSV body (header row
/// `name,email,external_id`). A retry under the same key gets the same answer, credentials
/// included, and adds nobody twice.
pub async fn import_csv(
    token: &str,
    scope: &Scope,
    write: &PendingWrite<String>,
) -> Result<RollResponse, ApiError> {
    post_text(
        &scope.election_admin("voters"),
        Some(token),
        "text/csv",
        write,
    )
    .await
}

/// `POST /api/admin/elections/{id}/voters/{voter_id}/credential`: a new credential for one
/// voter; the old one and its sessions stop working. The request has no body: the write's
/// key alone makes a retry give the same credential.
pub async fn new_credential(
    token: &str,
    scope: &Scope,
    write: &PendingWrite<VoterId>,
) -> Result<CredentialResponse, ApiError> {
    let path = scope.election_admin(&format!("voters/{}/credential", write.body));
    request::<(), _>(Method::POST, &path, Some(token), Some(&write.key), None).await
}

/// The files an admin can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Votes per candidate and the outcome (once voting has closed, or while live results
    /// are shown).
    Results,
    /// Who voted and when, never for whom.
    Turnout,
    /// The election's log, one audit event per line (votes without their choice).
    Events,
}

impl Export {
    pub const ALL: [Export; 3] = [Export::Results, Export::Turnout, Export::Events];

    /// The file's name on the server, which is also the route's last segment.
    pub fn file(self) -> &'static str {
        match self {
            Export::Results => "results.csv",
            Export::Turnout => "turnout.csv",
            Export::Events => "events.ndjson",
        }
    }

    /// The MIME type the download is saved with.
    pub fn mime(self) -> &'static str {
        match self {
            Export::Results | Export::Turnout => "text/csv",
            Export::Events => "application/x-ndjson",
        }
    }

    /// The button's label, in the page's language.
    pub fn label(self) -> String {
        let key = match self {
            Export::Results => "admin-export-results",
            Export::Turnout => "admin-export-turnout",
            Export::Events => "admin-export-events",
        };
        crate::i18n::current().t(key)
    }

    /// The name the browser saves the file under: the election's id first, as the server's
    /// own `Content-Disposition` names it.
    pub fn saved_as(self, scope: &Scope) -> String {
        format!("{}-{}", scope.id(), self.file())
    }
}

/// `GET /api/admin/elections/{id}/export/{file}` with the admin token, as text.
pub async fn export(token: &str, scope: &Scope, export: Export) -> Result<String, ApiError> {
    let path = scope.election_admin(&format!("export/{}", export.file()));
    get_text(&path, Some(token)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn exports_are_saved_under_the_election_s_name() {
        let board = Scope::Election("board-2027".into());
        let names: Vec<String> = Export::ALL.iter().map(|e| e.saved_as(&board)).collect();
        assert_eq!(
            names,
            [
                "board-2027-results.csv",
                "board-2027-turnout.csv",
                "board-2027-events.ndjson"
            ]
        );
        assert_eq!(
            Export::Turnout.saved_as(&Scope::Original),
            "default-turnout.csv"
        );
    }
}
