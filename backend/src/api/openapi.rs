//! `GET /api/openapi.json`: the OpenAPI 3 description of the public API.
//!
//! Every body's schema is derived from its type in `shared` (`utoipa::ToSchema`), so the spec
//! cannot drift from what the handlers read and write. The operations are one table here,
//! because most handlers serve two paths (the original election's and `/api/elections/{id}/…`);
//! a test reads every `.route(…)` in `backend/src` and fails when a path or method is missing.
//! The members' routes (`/raft/*`) are internal and left out.

use std::sync::OnceLock;

use axum::routing::get;
use axum::{Json, Router};
use shared::accounts::{
    AccountRole, AccountView, AccountsResponse, Actor, AdminLoginRequest, CreateAccountRequest,
    CreateAccountResponse, MeAdminResponse, OfficialsRequest, SetupRequest,
};
use shared::checkpoint::{Checkpoint, CheckpointSignature, LogKey, LogKeys, Receipt};
use shared::dto::*;
use shared::elections::*;
use shared::events::{AuditEvent, AuditPayload, CloseReason, Phase, VoteWithoutChoice};
use shared::languages::{Language, QuestionTranslation, Translation};
use shared::log::{ConsistencyProof, InclusionProof, LogEntries, TreeHead};
use shared::mail::{
    MailKind, MailQueuedResponse, MailRequest, MailState, MailStatus, MailStatusResponse,
    MailTarget,
};
use shared::results::{CandidateCount, Outcome};
use shared::secrecy::ballot::{CountProof, SealedAnswer, SealedBallot};
use shared::secrecy::ceremony::{Commitment, SealedShare};
use shared::secrecy::tally::ShareProof;
use shared::secrecy::wire::{
    DecryptionRequest, SealedQuestion, SecrecyView, SecretStage, SharesRequest, TrusteeAccepted,
    TrusteeCreated, TrusteeMe, TrusteeSpec, TrusteeView, TrusteesCreated, TrusteesRequest,
};
use shared::secrecy::Secrecy;
use shared::{ErrorCode, NotificationKind, Role};
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, Required, ResponseBuilder};
use utoipa::OpenApi;

use crate::api::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ballot",
        description = "A replicated, event-sourced election system. Errors are always \
                       `{error, message}` (ErrorBody); every write may carry an \
                       `Idempotency-Key` header (1-64 visible ASCII) and a retry with it gets \
                       the first answer."
    ),
    components(schemas(
        ErrorBody,
        ErrorCode,
        RegisterRequest,
        RegisterResponse,
        LoginRequest,
        LoginResponse,
        MeResponse,
        Candidate,
        OptionsResponse,
        TimeResponse,
        VoteRequest,
        VoteResponse,
        Secrecy,
        SealedBallot,
        SealedAnswer,
        CountProof,
        TrusteeSpec,
        TrusteesRequest,
        TrusteeCreated,
        TrusteesCreated,
        SecrecyView,
        SecretStage,
        TrusteeView,
        SealedQuestion,
        Commitment,
        SealedShare,
        SharesRequest,
        DecryptionRequest,
        ShareProof,
        TrusteeMe,
        TrusteeAccepted,
        ResultsResponse,
        CandidateCount,
        Outcome,
        Phase,
        CloseReason,
        DeadlineRequest,
        LiveResultsRequest,
        AdminCommandResponse,
        VoterStatus,
        VotersResponse,
        QueueStatus,
        AdminStatusResponse,
        EventsResponse,
        AuditEvent,
        AuditPayload,
        VoteWithoutChoice,
        Notification,
        NotificationKind,
        NotificationsResponse,
        MemberStatus,
        Role,
        ClusterStatusResponse,
        ElectionRequest,
        ElectionOptions,
        LoginMethod,
        CandidateSpec,
        ElectionView,
        ElectionCandidate,
        ElectionSummary,
        ElectionsResponse,
        RollEntry,
        RollRequest,
        RollRow,
        RollResponse,
        CredentialLoginRequest,
        CredentialResponse,
        LogEntries,
        TreeHead,
        InclusionProof,
        ConsistencyProof,
        Checkpoint,
        CheckpointSignature,
        Receipt,
        LogKey,
        LogKeys,
        Language,
        Translation,
        QuestionTranslation,
        MailKind,
        MailTarget,
        MailRequest,
        MailQueuedResponse,
        MailState,
        MailStatus,
        MailStatusResponse,
        AccountRole,
        Actor,
        CreateAccountRequest,
        CreateAccountResponse,
        AccountView,
        AccountsResponse,
        OfficialsRequest,
        AdminLoginRequest,
        MeAdminResponse,
        SetupRequest,
    ))
)]
struct Schemas;

/// Who may call an operation.
#[derive(Clone, Copy)]
enum Auth {
    Public,
    /// `Authorization: Bearer <admin token>`.
    Admin,
    /// `Authorization: Bearer <session>` from a login.
    Session,
    /// `Authorization: Bearer <trustee token>` of a verifiable election.
    Trustee,
}

/// A request or response body: a schema by name, or a file type.
#[derive(Clone, Copy)]
enum Body {
    None,
    Json(&'static str),
    /// A roll: CSV with a header row, or `RollRequest` as JSON.
    Roll,
    Csv,
    /// A ranked question's ballots in the BLT format (see docs/ballots.md).
    Blt,
    NdJson,
    /// The Prometheus text exposition format (`GET /metrics`).
    Prometheus,
    /// A SQLite database file (`GET /api/admin/backup`).
    Sqlite,
}

/// One operation of the API.
struct Op {
    method: HttpMethod,
    path: &'static str,
    summary: &'static str,
    auth: Auth,
    request: Body,
    status: &'static str,
    response: Body,
    query: &'static [&'static str],
}

const fn op(method: HttpMethod, path: &'static str, summary: &'static str) -> Op {
    Op {
        method,
        path,
        summary,
        auth: Auth::Public,
        request: Body::None,
        status: "200",
        response: Body::None,
        query: &[],
    }
}

impl Op {
    const fn auth(mut self, auth: Auth) -> Op {
        self.auth = auth;
        self
    }
    const fn takes(mut self, body: Body) -> Op {
        self.request = body;
        self
    }
    const fn gives(mut self, status: &'static str, body: Body) -> Op {
        self.status = status;
        self.response = body;
        self
    }
    const fn query(mut self, names: &'static [&'static str]) -> Op {
        self.query = names;
        self
    }
}

use Auth::{Admin, Session};
use Body::{Blt, Csv, Json as J, NdJson, Roll};
use HttpMethod::{Delete, Get, Post, Put};

const FEED: &[&str] = &["after", "limit"];

/// Every operation; the routes with `{id}` are the same as the original election's.
const OPS: &[Op] = &[
    op(
        Get,
        "/health",
        "Whether this node can commit writes (503 when not)",
    ),
    op(
        Get,
        "/health/live",
        "Whether the process answers (liveness probe)",
    ),
    op(
        Get,
        "/metrics",
        "This node's metrics in the Prometheus text format (no token needed)",
    )
    .gives("200", Body::Prometheus),
    op(
        Get,
        "/api/cluster/status",
        "The replicas, their roles and the leader",
    )
    .gives("200", J("ClusterStatusResponse")),
    op(
        Get,
        "/api/time",
        "The synchronised server clock and Lamport time",
    )
    .gives("200", J("TimeResponse")),
    op(
        Get,
        "/ws",
        "WebSocket pushes (notifications, phase, tally); ?election=ID",
    )
    .query(&["election", "admin_token"])
    .gives("101", Body::None),
    op(
        Post,
        "/api/register",
        "Put yourself on the original election's roll",
    )
    .takes(J("RegisterRequest"))
    .gives("201", J("RegisterResponse")),
    op(
        Post,
        "/api/elections/{id}/register",
        "Self-registration, when the election allows it",
    )
    .takes(J("RegisterRequest"))
    .gives("201", J("RegisterResponse")),
    op(
        Post,
        "/api/login",
        "Log in with name and voter id (original election)",
    )
    .takes(J("LoginRequest"))
    .gives("200", J("LoginResponse")),
    op(
        Post,
        "/api/elections/{id}/login",
        "Log in with a credential, or name and voter id",
    )
    .takes(J("CredentialLoginRequest"))
    .gives("200", J("LoginResponse")),
    op(Get, "/api/me", "Who the session is and whether they voted")
        .auth(Session)
        .gives("200", J("MeResponse")),
    op(
        Get,
        "/api/elections/{id}/me",
        "Who the session is in this election",
    )
    .auth(Session)
    .gives("200", J("MeResponse")),
    op(Get, "/api/options", "The candidates").gives("200", J("OptionsResponse")),
    op(
        Get,
        "/api/elections/{id}/options",
        "The election's candidates",
    )
    .gives("200", J("OptionsResponse")),
    op(Post, "/api/vote", "Cast a vote (queued in Lamport order)")
        .takes(J("VoteRequest"))
        .gives("200", J("VoteResponse")),
    op(
        Post,
        "/api/elections/{id}/vote",
        "Cast (or, with re-voting, replace) a vote",
    )
    .takes(J("VoteRequest"))
    .gives("200", J("VoteResponse")),
    op(
        Get,
        "/api/results",
        "Phase, turnout and (when visible) counts",
    )
    .gives("200", J("ResultsResponse")),
    op(Get, "/api/elections/{id}/results", "The election's results")
        .gives("200", J("ResultsResponse")),
    op(Get, "/api/notifications", "The activity feed")
        .query(FEED)
        .gives("200", J("NotificationsResponse")),
    op(
        Get,
        "/api/elections/{id}/notifications",
        "The election's activity feed",
    )
    .query(FEED)
    .gives("200", J("NotificationsResponse")),
    op(Get, "/api/elections", "Every election").gives("200", J("ElectionsResponse")),
    op(
        Get,
        "/api/elections/{id}",
        "One election's definition, phase and turnout",
    )
    .gives("200", J("ElectionView")),
    op(
        Get,
        "/api/elections/{id}/export/results.csv",
        "Published results as CSV",
    )
    .gives("200", Csv),
    op(
        Get,
        "/api/elections/{id}/export/{file}",
        "`{question_id}.blt`: a ranked question's published ballots as BLT",
    )
    .gives("200", Blt),
    op(Get, "/api/admin/elections", "Every election (admin)")
        .auth(Admin)
        .gives("200", J("ElectionsResponse")),
    op(Post, "/api/admin/elections", "Define an election")
        .auth(Admin)
        .takes(J("ElectionRequest"))
        .gives("201", J("ElectionView")),
    op(Get, "/api/admin/elections/{id}", "One election (admin)")
        .auth(Admin)
        .gives("200", J("ElectionView")),
    op(
        Put,
        "/api/admin/elections/{id}",
        "Redefine an election still in setup",
    )
    .auth(Admin)
    .takes(J("ElectionRequest"))
    .gives("200", J("ElectionView")),
    op(
        Post,
        "/api/admin/elections/{id}/voters",
        "Import voters; credentials shown once",
    )
    .auth(Admin)
    .takes(Roll)
    .gives("200", J("RollResponse")),
    op(
        Get,
        "/api/admin/elections/{id}/voters",
        "The election's roll",
    )
    .auth(Admin)
    .gives("200", J("VotersResponse")),
    op(
        Post,
        "/api/admin/elections/{id}/voters/{voter_id}/credential",
        "Replace a credential",
    )
    .auth(Admin)
    .gives("200", J("CredentialResponse")),
    op(
        Post,
        "/api/admin/elections/{id}/mail",
        "Queue invitations, reminders or results mails (409 mail_not_configured without SMTP)",
    )
    .auth(Admin)
    .takes(J("MailRequest"))
    .gives("202", J("MailQueuedResponse")),
    op(
        Get,
        "/api/admin/elections/{id}/mail",
        "Where each mail stands (409 mail_not_configured without SMTP)",
    )
    .auth(Admin)
    .gives("200", J("MailStatusResponse")),
    op(
        Get,
        "/api/admin/elections/{id}/export/results.csv",
        "Results as CSV (once closed)",
    )
    .auth(Admin)
    .gives("200", Csv),
    op(
        Get,
        "/api/admin/elections/{id}/export/{file}",
        "`{question_id}.blt`: a ranked question's ballots as BLT (once closed)",
    )
    .auth(Admin)
    .gives("200", Blt),
    op(
        Get,
        "/api/admin/elections/{id}/export/turnout.csv",
        "Who voted and when, never how",
    )
    .auth(Admin)
    .gives("200", Csv),
    op(
        Get,
        "/api/admin/elections/{id}/export/events.ndjson",
        "The election's audit log",
    )
    .auth(Admin)
    .gives("200", NdJson),
    op(
        Post,
        "/api/admin/accounts",
        "Add a named account; its token is shown once",
    )
    .auth(Admin)
    .takes(J("CreateAccountRequest"))
    .gives("201", J("CreateAccountResponse")),
    op(Get, "/api/admin/accounts", "Every account (owners only)")
        .auth(Admin)
        .gives("200", J("AccountsResponse")),
    op(
        Delete,
        "/api/admin/accounts/{account_id}",
        "Delete an account: its token and sessions stop at once",
    )
    .auth(Admin)
    .gives("204", Body::None),
    op(
        Put,
        "/api/admin/elections/{id}/officials",
        "The election's officials and observers (owners only)",
    )
    .auth(Admin)
    .takes(J("OfficialsRequest"))
    .gives("200", J("AccountsResponse")),
    op(
        Post,
        "/api/admin/login",
        "Sign in with a password: sets the session cookie ballot_admin",
    )
    .takes(J("AdminLoginRequest"))
    .gives("200", J("MeAdminResponse")),
    op(
        Post,
        "/api/admin/setup",
        "The first owner account, by the one-time link a new node prints",
    )
    .takes(J("SetupRequest"))
    .gives("201", J("CreateAccountResponse")),
    op(Post, "/api/admin/logout", "Clear the session cookie")
        .auth(Admin)
        .gives("204", Body::None),
    op(Get, "/api/admin/me", "The account asking")
        .auth(Admin)
        .gives("200", J("MeAdminResponse")),
    op(
        Get,
        "/api/admin/backup",
        "A consistent copy of this member's SQLite database, taken while writes go on; \
         headers x-ballot-backup-sha256 and x-ballot-applied-index (503 while another runs)",
    )
    .auth(Admin)
    .gives("200", Body::Sqlite),
    op(Post, "/api/admin/deadline", "Set the deadline")
        .auth(Admin)
        .takes(J("DeadlineRequest"))
        .gives("200", J("AdminCommandResponse")),
    op(
        Post,
        "/api/admin/elections/{id}/deadline",
        "Set the election's deadline",
    )
    .auth(Admin)
    .takes(J("DeadlineRequest"))
    .gives("200", J("AdminCommandResponse")),
    op(
        Post,
        "/api/admin/live-results",
        "Show or hide counts while voting is open",
    )
    .auth(Admin)
    .takes(J("LiveResultsRequest"))
    .gives("200", J("AdminCommandResponse")),
    op(
        Post,
        "/api/admin/elections/{id}/live-results",
        "Live results of the election",
    )
    .auth(Admin)
    .takes(J("LiveResultsRequest"))
    .gives("200", J("AdminCommandResponse")),
    op(Post, "/api/admin/start", "Open voting")
        .auth(Admin)
        .gives("200", J("AdminCommandResponse")),
    op(Post, "/api/admin/elections/{id}/start", "Open the election")
        .auth(Admin)
        .gives("200", J("AdminCommandResponse")),
    op(Post, "/api/admin/stop", "Close voting")
        .auth(Admin)
        .gives("200", J("AdminCommandResponse")),
    op(Post, "/api/admin/elections/{id}/stop", "Close the election")
        .auth(Admin)
        .gives("200", J("AdminCommandResponse")),
    op(Post, "/api/admin/publish", "Publish the results")
        .auth(Admin)
        .gives("200", J("AdminCommandResponse")),
    op(
        Post,
        "/api/admin/elections/{id}/publish",
        "Publish the election's results",
    )
    .auth(Admin)
    .gives("200", J("AdminCommandResponse")),
    op(Get, "/api/admin/voters", "The original election's roll")
        .auth(Admin)
        .gives("200", J("VotersResponse")),
    op(Get, "/api/admin/status", "Phase, queue, clocks")
        .auth(Admin)
        .gives("200", J("AdminStatusResponse")),
    op(
        Get,
        "/api/admin/elections/{id}/status",
        "The election's phase, queue, clocks",
    )
    .auth(Admin)
    .gives("200", J("AdminStatusResponse")),
    op(
        Get,
        "/api/admin/events",
        "This node's audit log (votes without choices)",
    )
    .auth(Admin)
    .query(FEED)
    .gives("200", J("EventsResponse")),
    op(
        Get,
        "/api/admin/elections/{id}/events",
        "The election's audit log",
    )
    .auth(Admin)
    .query(FEED)
    .gives("200", J("EventsResponse")),
    op(
        Get,
        "/api/elections/{id}/log/entries",
        "Public log lines start..end (at most 1,000)",
    )
    .query(&["start", "end"])
    .gives("200", J("LogEntries")),
    op(
        Get,
        "/api/elections/{id}/log/tree",
        "The Merkle tree head this replica has applied",
    )
    .gives("200", J("TreeHead")),
    op(
        Get,
        "/api/elections/{id}/log/inclusion",
        "RFC 9162 inclusion proof of a leaf",
    )
    .query(&["index", "tree_size"])
    .gives("200", J("InclusionProof")),
    op(
        Get,
        "/api/elections/{id}/log/consistency",
        "RFC 9162 consistency proof",
    )
    .query(&["first", "second"])
    .gives("200", J("ConsistencyProof")),
    op(Get, "/api/log/keys", "Every member's Ed25519 public key").gives("200", J("LogKeys")),
    op(
        Get,
        "/api/elections/{id}/log/checkpoint",
        "The tree head co-signed by a majority",
    )
    .gives("200", J("Checkpoint")),
    op(Get, "/api/openapi.json", "This description"),
    op(
        Post,
        "/api/admin/elections/{id}/trustees",
        "Name a verifiable election's trustees and threshold (setup; each token shown once)",
    )
    .auth(Admin)
    .takes(J("TrusteesRequest"))
    .gives("201", J("TrusteesCreated")),
    op(
        Get,
        "/api/elections/{id}/secrecy",
        "A verifiable election's trustees, key, sealed questions, turnout and encrypted tally",
    )
    .gives("200", J("SecrecyView")),
    op(
        Get,
        "/api/elections/{id}/trustee",
        "Who a trustee token names",
    )
    .auth(Auth::Trustee)
    .gives("200", J("TrusteeMe")),
    op(
        Post,
        "/api/elections/{id}/trustee/commitment",
        "Ceremony round 1: a trustee's commitment and transport key",
    )
    .auth(Auth::Trustee)
    .takes(J("Commitment"))
    .gives("200", J("TrusteeAccepted")),
    op(
        Post,
        "/api/elections/{id}/trustee/polynomial",
        "Ceremony round 2: a trustee's public polynomial, proof and opening",
    )
    .auth(Auth::Trustee)
    .gives("200", J("TrusteeAccepted")),
    op(
        Post,
        "/api/elections/{id}/trustee/shares",
        "Ceremony round 3: a trustee's shares for the others, each sealed to its recipient",
    )
    .auth(Auth::Trustee)
    .takes(J("SharesRequest"))
    .gives("200", J("TrusteeAccepted")),
    op(
        Post,
        "/api/elections/{id}/trustee/decryption",
        "After close: a trustee's decryption shares of the tally, with proofs",
    )
    .auth(Auth::Trustee)
    .takes(J("DecryptionRequest"))
    .gives("200", J("TrusteeAccepted")),
];
fn content(body: Body) -> Vec<(&'static str, utoipa::openapi::Content)> {
    let schema = |name: &str| {
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name(name)))
            .build()
    };
    match body {
        Body::None => vec![],
        Body::Json(name) => vec![("application/json", schema(name))],
        Body::Roll => vec![
            ("text/csv", ContentBuilder::new().build()),
            ("application/json", schema("RollRequest")),
        ],
        Body::Csv => vec![("text/csv", ContentBuilder::new().build())],
        Body::Blt => vec![("text/plain", ContentBuilder::new().build())],
        Body::NdJson => vec![("application/x-ndjson", ContentBuilder::new().build())],
        Body::Prometheus => vec![("text/plain; version=0.0.4", ContentBuilder::new().build())],
        Body::Sqlite => vec![("application/vnd.sqlite3", ContentBuilder::new().build())],
    }
}

/// The whole description (built once).
pub fn spec() -> &'static utoipa::openapi::OpenApi {
    static SPEC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    SPEC.get_or_init(build)
}

fn build() -> utoipa::openapi::OpenApi {
    let mut api = Schemas::openapi();
    let bearer = || SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build());
    if let Some(components) = api.components.as_mut() {
        components.add_security_scheme("admin", bearer());
        components.add_security_scheme("session", bearer());
        components.add_security_scheme("trustee", bearer());
    }
    for op in OPS {
        let mut builder = OperationBuilder::new().summary(Some(op.summary));
        for name in ["id", "voter_id", "file"] {
            if op.path.contains(&format!("{{{name}}}")) {
                let parameter = ParameterBuilder::new()
                    .name(name)
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True);
                builder = builder.parameter(parameter);
            }
        }
        for name in op.query {
            builder = builder.parameter(
                ParameterBuilder::new()
                    .name(*name)
                    .parameter_in(ParameterIn::Query),
            );
        }
        builder = match op.auth {
            Auth::Public => builder,
            Auth::Admin => {
                builder.security(SecurityRequirement::new("admin", Vec::<String>::new()))
            }
            Auth::Session => {
                builder.security(SecurityRequirement::new("session", Vec::<String>::new()))
            }
            Auth::Trustee => {
                builder.security(SecurityRequirement::new("trustee", Vec::<String>::new()))
            }
        };
        if !matches!(op.request, Body::None) {
            let mut request = RequestBodyBuilder::new().required(Some(Required::True));
            for (kind, body) in content(op.request) {
                request = request.content(kind, body);
            }
            builder = builder.request_body(Some(request.build()));
        }
        let mut ok = ResponseBuilder::new().description(op.summary);
        for (kind, body) in content(op.response) {
            ok = ok.content(kind, body);
        }
        let error = ResponseBuilder::new()
            .description("A refusal: {error, message}")
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            );
        builder = builder
            .response(op.status, ok.build())
            .response("default", error.build());
        api.paths
            .add_path_operation(op.path, vec![op.method.clone()], builder.build());
    }
    api
}

pub fn router() -> Router<AppState> {
    Router::new().route("/api/openapi.json", get(|| async { Json(spec().clone()) }))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// Every `(METHOD, path)` the routers in `backend/src` declare, read from the source.
    fn routed() -> BTreeSet<(String, String)> {
        let mut found = BTreeSet::new();
        let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    routes_in(&std::fs::read_to_string(&path).unwrap(), &mut found);
                }
            }
        }
        found
    }

    /// `.route("path", get(a).post(b))` calls: the path and the methods inside the call.
    fn routes_in(text: &str, found: &mut BTreeSet<(String, String)>) {
        let mut rest = text;
        while let Some(at) = rest.find(".route(") {
            rest = &rest[at + ".route(".len()..];
            let Some(open) = rest.find('"') else { break };
            if !rest[..open].trim().is_empty() {
                continue;
            }
            let Some(close) = rest[open + 1..].find('"') else {
                break;
            };
            let path = &rest[open + 1..open + 1 + close];
            if !path.starts_with('/') {
                continue;
            }
            // The call ends where its parentheses balance.
            let mut depth = 1;
            let mut end = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = i;
                    break;
                }
            }
            let call = &rest[..end];
            for method in ["get", "post", "put", "delete", "patch"] {
                let bare = format!(" {method}(");
                let chained = format!(".{method}(");
                let opened = format!("({method}(");
                if call.contains(&bare) || call.contains(&chained) || call.contains(&opened) {
                    found.insert((method.to_uppercase(), path.to_string()));
                }
            }
        }
    }

    #[test]
    fn every_route_in_the_router_is_in_the_spec() {
        let spec = serde_json::to_value(spec()).unwrap();
        let routes = routed();
        assert!(routes.len() > 40, "the route reader found {routes:?}");
        let missing: Vec<_> = routes
            .iter()
            .filter(|(_, path)| !path.starts_with("/raft") && !path.starts_with("/api/{*"))
            .filter(|(method, path)| spec["paths"][path][method.to_lowercase()].is_null())
            .collect();
        assert!(
            missing.is_empty(),
            "routes missing from the spec: {missing:?}"
        );
    }

    #[test]
    fn the_route_reader_sees_chained_and_multi_line_routes() {
        let mut found = BTreeSet::new();
        routes_in(
            "r.route(\n  \"/a/{id}\",\n  post(x).get(y).layer(L::max(1)),\n).route(\"/b\", get(z))",
            &mut found,
        );
        let want: BTreeSet<_> = [("GET", "/a/{id}"), ("POST", "/a/{id}"), ("GET", "/b")]
            .into_iter()
            .map(|(m, p)| (m.to_string(), p.to_string()))
            .collect();
        assert_eq!(found, want);
    }

    #[test]
    fn the_spec_is_openapi_3_and_every_reference_resolves() {
        let spec = serde_json::to_value(spec()).unwrap();
        assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
        let text = spec.to_string();
        for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = &reference[..reference.find('"').unwrap()];
            assert!(
                !spec["components"]["schemas"][name].is_null(),
                "{name} is referenced but not defined"
            );
        }
    }
}
