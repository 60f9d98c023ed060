//! The admin endpoints. Every call carries the admin token as a bearer credential.

use gloo::net::http::Method;
use shared::dto::{
    AdminCommandResponse, AdminStatusResponse, ClusterStatusResponse, DeadlineRequest,
    LiveResultsRequest, NotificationsResponse, VotersResponse,
};
use shared::ids::TimestampMs;

use super::{get, post, request, ApiError};

/// The three phase commands, each behind a confirmation in the admin page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseCommand {
    Start,
    Stop,
    Publish,
}

impl PhaseCommand {
    fn path(self) -> &'static str {
        match self {
            PhaseCommand::Start => "/api/admin/start",
            PhaseCommand::Stop => "/api/admin/stop",
            PhaseCommand::Publish => "/api/admin/publish",
        }
    }

    /// The button's label.
    pub fn label(self) -> &'static str {
        match self {
            PhaseCommand::Start => "Start voting",
            PhaseCommand::Stop => "Stop voting",
            PhaseCommand::Publish => "Publish results",
        }
    }

    /// The question asked before the command is sent: each one is irreversible.
    pub fn question(self) -> &'static str {
        match self {
            PhaseCommand::Start => "Open the election to votes now?",
            PhaseCommand::Stop => "Close voting now? No vote can be cast afterwards.",
            PhaseCommand::Publish => "Publish the results? They cannot change afterwards.",
        }
    }
}

/// `POST /api/admin/start|stop|publish` (an empty JSON object as body).
pub async fn phase_command(
    token: &str,
    command: PhaseCommand,
) -> Result<AdminCommandResponse, ApiError> {
    let empty = serde_json::Map::new();
    request(Method::POST, command.path(), Some(token), Some(&empty)).await
}

/// `POST /api/admin/deadline {end_time_ms}`
pub async fn set_deadline_at(
    token: &str,
    end_time_ms: TimestampMs,
) -> Result<AdminCommandResponse, ApiError> {
    let body = DeadlineRequest {
        end_time_ms: Some(end_time_ms),
        minutes: None,
    };
    post("/api/admin/deadline", Some(token), &body).await
}

/// `POST /api/admin/deadline {minutes}`
pub async fn set_deadline_in(token: &str, minutes: f64) -> Result<AdminCommandResponse, ApiError> {
    let body = DeadlineRequest {
        end_time_ms: None,
        minutes: Some(minutes),
    };
    post("/api/admin/deadline", Some(token), &body).await
}

/// `POST /api/admin/live-results {enabled}`
pub async fn set_live_results(
    token: &str,
    enabled: bool,
) -> Result<AdminCommandResponse, ApiError> {
    post(
        "/api/admin/live-results",
        Some(token),
        &LiveResultsRequest { enabled },
    )
    .await
}

/// `GET /api/admin/status`: phase, queue and clocks. Also how the page checks a token.
pub async fn status(token: &str) -> Result<AdminStatusResponse, ApiError> {
    get("/api/admin/status", Some(token)).await
}

/// `GET /api/admin/voters`: the roll, with who has voted (never for whom).
pub async fn voters(token: &str) -> Result<VotersResponse, ApiError> {
    get("/api/admin/voters", Some(token)).await
}

/// `GET /api/notifications`: the most recent lines of the activity feed.
pub async fn notifications(token: &str) -> Result<NotificationsResponse, ApiError> {
    get("/api/notifications", Some(token)).await
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
