//! The HTTP side of the client commands: one election's routes on one server, JSON both ways,
//! the server's `{error, message}` kept typed so callers can tell a refusal from a failure.

use std::time::Duration;

use anyhow::Context;
use rand::RngCore;
use reqwest::{Method, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::dto::ErrorBody;
use shared::ErrorCode;

use crate::config::ServerArgs;

/// Attempts of one write when the server cannot be reached or answers 5xx: the same
/// Idempotency-Key each time, so a write that did land is answered, not done twice.
const ATTEMPTS: u32 = 5;
const RETRY_PAUSE: Duration = Duration::from_millis(500);

/// Why a request did not give the answer wanted.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// The server answered with one of its errors.
    #[error("{what} answered {status} {}: {message}", code.as_str())]
    Refused {
        what: String,
        status: StatusCode,
        code: ErrorCode,
        message: String,
    },
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl RemoteError {
    /// The server's error code, when it answered with one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            RemoteError::Refused { code, .. } => Some(*code),
            RemoteError::Other(_) => None,
        }
    }
}

/// One election on one server.
#[derive(Debug, Clone)]
pub struct Remote {
    client: reqwest::Client,
    base: String,
    pub election: String,
}

impl Remote {
    pub fn new(server: &ServerArgs) -> anyhow::Result<Remote> {
        let builder = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(60));
        let client = crate::tls::cli_client(builder, server.tls_ca.as_deref())?
            .build()
            .context("building the HTTP client")?;
        Ok(Remote {
            client,
            base: server.url.trim_end_matches('/').to_string(),
            election: server.election.clone(),
        })
    }

    /// `/api/elections/{id}/{tail}` (or `/api/elections/{id}` for an empty tail).
    fn url(&self, tail: &str) -> String {
        let election = &self.election;
        match tail {
            "" => format!("{}/api/elections/{election}", self.base),
            _ => format!("{}/api/elections/{election}/{tail}", self.base),
        }
    }

    /// `GET` of a route outside the election (`/api/time`).
    pub async fn get_root<T: DeserializeOwned>(&self, path: &str) -> Result<T, RemoteError> {
        let url = format!("{}{path}", self.base);
        send(self.client.get(&url), format!("GET {url}")).await
    }

    /// `GET /api/elections/{id}/{tail}`, with the trustee's token when given.
    pub async fn get<T: DeserializeOwned>(
        &self,
        tail: &str,
        token: Option<&str>,
    ) -> Result<T, RemoteError> {
        let url = self.url(tail);
        let mut request = self.client.get(&url);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        send(request, format!("GET {url}")).await
    }

    /// `POST /api/elections/{id}/{tail}` with a fresh Idempotency-Key, retried with the same
    /// key while the server is unreachable or answers 5xx.
    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        tail: &str,
        token: Option<&str>,
        body: &B,
    ) -> Result<T, RemoteError> {
        let url = self.url(tail);
        let key = idempotency_key();
        let what = format!("POST {url}");
        let mut attempt = 1;
        loop {
            let mut request = self
                .client
                .request(Method::POST, &url)
                .header("idempotency-key", &key)
                .json(body);
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            match send(request, what.clone()).await {
                Err(RemoteError::Refused { status, .. })
                    if status.is_server_error() && attempt < ATTEMPTS => {}
                Err(RemoteError::Other(_)) if attempt < ATTEMPTS => {}
                done => return done,
            }
            attempt += 1;
            tokio::time::sleep(RETRY_PAUSE).await;
        }
    }
}

/// 16 random bytes in hex: within the 1–64 visible characters the server takes.
fn idempotency_key() -> String {
    let mut bytes = [0_u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

async fn send<T: DeserializeOwned>(
    request: RequestBuilder,
    what: String,
) -> Result<T, RemoteError> {
    let response = request.send().await.with_context(|| what.clone())?;
    let status = response.status();
    if status.is_success() {
        let body = response
            .json()
            .await
            .with_context(|| format!("reading the answer to {what}"))?;
        return Ok(body);
    }
    let text = response.text().await.unwrap_or_default();
    match serde_json::from_str::<ErrorBody>(&text) {
        Ok(body) => Err(RemoteError::Refused {
            what,
            status,
            code: body.error,
            message: body.message,
        }),
        Err(_) => Err(anyhow::anyhow!("{what} answered {status}: {text}").into()),
    }
}
