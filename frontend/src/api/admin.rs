//! The admin endpoints of the election in a [`Scope`]. Every call carries the admin token as a
//! bearer credential; every command is an [`AdminCommand`] sent as a [`PendingWrite`], so a
//! retry cannot act twice.

use gloo::net::http::Method;
use shared::dto::{
    AdminCommandResponse, AdminStatusResponse, ClusterStatusResponse, DeadlineRequest,
    LiveResultsRequest, NotificationsResponse, VotersResponse,
};
use shared::ids::TimestampMs;

use super::{get, request, ApiError, PendingWrite, Scope};

/// The three phase commands, each behind a confirmation in the admin page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseCommand {
    Start,
    Stop,
    Publish,
}

impl PhaseCommand {
    /// The route's last segment, under the scope's admin routes.
    fn route(self) -> &'static str {
        match self {
            PhaseCommand::Start => "start",
            PhaseCommand::Stop => "stop",
            PhaseCommand::Publish => "publish",
        }
    }

    /// The button's label, in the page's language.
    pub fn label(self) -> String {
        crate::i18n::current().t(self.key())
    }

    /// The question asked before the command is sent: each one is irreversible.
    pub fn question(self) -> String {
        crate::i18n::current().t(&format!("{}-question", self.key()))
    }

    /// The confirming button's label ("Yes, …").
    pub fn yes(self) -> String {
        crate::i18n::current().t(&format!("{}-yes", self.key()))
    }

    /// The key of the label's message, which also begins the keys of its question and its
    /// confirmation.
    fn key(self) -> &'static str {
        match self {
            PhaseCommand::Start => "admin-start",
            PhaseCommand::Stop => "admin-stop",
            PhaseCommand::Publish => "admin-publish",
        }
    }
}

/// Every admin write: the console makes one [`PendingWrite`] of it per click. The routes are
/// under `/api/admin/` for the original election, `/api/admin/elections/{id}/` for another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AdminCommand {
    /// `POST …/start|stop|publish` (an empty JSON object as body).
    Phase(PhaseCommand),
    /// `POST …/deadline {end_time_ms}`
    DeadlineAt(TimestampMs),
    /// `POST …/deadline {minutes}`
    DeadlineIn(f64),
    /// `POST …/live-results {enabled}`
    LiveResults(bool),
}

impl AdminCommand {
    /// The route's last segment, under the scope's admin routes.
    fn route(self) -> &'static str {
        match self {
            AdminCommand::Phase(command) => command.route(),
            AdminCommand::DeadlineAt(_) | AdminCommand::DeadlineIn(_) => "deadline",
            AdminCommand::LiveResults(_) => "live-results",
        }
    }

    fn body(self) -> Result<serde_json::Value, serde_json::Error> {
        match self {
            AdminCommand::Phase(_) => Ok(serde_json::Value::Object(serde_json::Map::new())),
            AdminCommand::DeadlineAt(end_time_ms) => serde_json::to_value(DeadlineRequest {
                end_time_ms: Some(end_time_ms),
                minutes: None,
            }),
            AdminCommand::DeadlineIn(minutes) => serde_json::to_value(DeadlineRequest {
                end_time_ms: None,
                minutes: Some(minutes),
            }),
            AdminCommand::LiveResults(enabled) => {
                serde_json::to_value(LiveResultsRequest { enabled })
            }
        }
    }
}

/// Sends one admin command to the scope's election under its write's idempotency key.
pub async fn command(
    token: &str,
    scope: &Scope,
    write: &PendingWrite<AdminCommand>,
) -> Result<AdminCommandResponse, ApiError> {
    let body = write
        .body
        .body()
        .map_err(|err| ApiError::Decode(err.to_string()))?;
    request(
        Method::POST,
        &scope.admin(write.body.route()),
        Some(token),
        Some(&write.key),
        Some(&body),
    )
    .await
}

/// `GET …/status`: phase, queue and clocks. Also how the page checks a token.
pub async fn status(token: &str, scope: &Scope) -> Result<AdminStatusResponse, ApiError> {
    get(&scope.admin("status"), Some(token)).await
}

/// `GET …/voters`: the roll, with who has voted (never for whom).
pub async fn voters(token: &str, scope: &Scope) -> Result<VotersResponse, ApiError> {
    get(&scope.admin("voters"), Some(token)).await
}

/// `GET …/notifications` with the admin token: the most recent lines of the activity feed,
/// worded for the admin.
pub async fn notifications(token: &str, scope: &Scope) -> Result<NotificationsResponse, ApiError> {
    get(&scope.public("notifications"), Some(token)).await
}

/// `GET /api/cluster/status`. `Ok(None)` when the node has no replication (a 404): the page
/// then shows "single node" instead of an error.
pub async fn cluster_status(token: &str) -> Result<Option<ClusterStatusResponse>, ApiError> {
    match get("/api/cluster/status", Some(token)).await {
        Ok(status) => Ok(Some(status)),
        Err(ApiError::NotFound(_)) => Ok(None),
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn each_command_has_its_route_and_body() {
        let original = Scope::Original;
        let cases = [
            (
                AdminCommand::Phase(PhaseCommand::Start),
                "/api/admin/start",
                json!({}),
            ),
            (
                AdminCommand::Phase(PhaseCommand::Publish),
                "/api/admin/publish",
                json!({}),
            ),
            (
                AdminCommand::DeadlineAt(1_000),
                "/api/admin/deadline",
                json!({"end_time_ms": 1000, "minutes": null}),
            ),
            (
                AdminCommand::DeadlineIn(2.5),
                "/api/admin/deadline",
                json!({"end_time_ms": null, "minutes": 2.5}),
            ),
            (
                AdminCommand::LiveResults(true),
                "/api/admin/live-results",
                json!({"enabled": true}),
            ),
        ];
        for (command, path, body) in cases {
            assert_eq!(original.admin(command.route()), path);
            assert_eq!(command.body().unwrap(), body);
        }
    }

    #[wasm_bindgen_test]
    fn another_election_s_commands_go_to_its_own_routes() {
        let board = Scope::Election("board-2027".into());
        let stop = AdminCommand::Phase(PhaseCommand::Stop);
        assert_eq!(
            board.admin(stop.route()),
            "/api/admin/elections/board-2027/stop"
        );
        let deadline = AdminCommand::DeadlineIn(1.0);
        assert_eq!(
            board.admin(deadline.route()),
            "/api/admin/elections/board-2027/deadline"
        );
    }
}
