//! What the simulated clients did: every logical operation with its invoke time, its final
//! answer and its answer time, and the client side of a write that is retried with one
//! idempotency key until it gets a definite answer.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::seq::SliceRandom;
use rand::Rng;
use reqwest::StatusCode;
use serde_json::Value;
use shared::dto::IDEMPOTENCY_KEY_HEADER;
use tokio_util::sync::CancellationToken;

/// What an operation was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpKind {
    Register {
        name: String,
    },
    Login {
        voter_id: u64,
    },
    Vote {
        voter_id: u64,
    },
    /// `GET /api/me` of this voter.
    Me {
        voter_id: u64,
    },
    Admin {
        path: String,
    },
}

/// How an operation ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A 2xx with this body: acknowledged.
    Ok(Value),
    /// A definite refusal (a 4xx that no retry changes).
    Refused { status: u16, code: String },
    /// No definite answer before the client gave up: it may or may not have happened.
    Unknown,
}

/// One logical operation, however many attempts it took.
#[derive(Debug, Clone)]
pub struct Op {
    pub kind: OpKind,
    /// The idempotency key of a write (the same on every attempt).
    pub key: Option<String>,
    /// Since the schedule started.
    pub invoked: Duration,
    pub answered: Duration,
    pub answer: Answer,
    pub attempts: u32,
    /// Answers of 500 (or another 5xx than 503) on the way: a server error is a bug to look at.
    pub server_errors: u32,
}

impl Op {
    pub fn is_write(&self) -> bool {
        !matches!(self.kind, OpKind::Me { .. })
    }
}

/// Every operation of a schedule; cheap to clone.
#[derive(Clone)]
pub struct History {
    ops: Arc<Mutex<Vec<Op>>>,
    started: Instant,
}

impl History {
    pub fn new(started: Instant) -> History {
        History {
            ops: Arc::default(),
            started,
        }
    }

    pub fn since_start(&self) -> Duration {
        self.started.elapsed()
    }

    fn record(&self, op: Op) {
        self.ops.lock().unwrap_or_else(|e| e.into_inner()).push(op);
    }

    pub fn ops(&self) -> Vec<Op> {
        self.ops.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// What every simulated client shares: where the replicas are, the history, and when to stop.
pub struct Client {
    pub http: reqwest::Client,
    /// The voting replicas' base URLs; each attempt picks one at random.
    pub replicas: Vec<String>,
    pub history: History,
    /// Once cancelled, operations without an answer give up and are recorded as unknown.
    pub abandon: CancellationToken,
}

impl Client {
    pub fn new(replicas: Vec<String>, history: History) -> reqwest::Result<Client> {
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(3))
            .connect_timeout(Duration::from_secs(1))
            .build()?;
        Ok(Client {
            http,
            replicas,
            history,
            abandon: CancellationToken::new(),
        })
    }

    pub fn random_replica(&self) -> &str {
        self.replicas
            .choose(&mut rand::thread_rng())
            .map_or("", String::as_str)
    }

    /// A write as a careful client makes it: one fresh idempotency key, the same key and body
    /// on every attempt, each attempt to a random replica, retried after a 503 (and other
    /// 5xx), a 429, a 409 `vote_pending`, a timeout or a connection error, until a definite
    /// answer or [`Client::abandon`]. Recorded in the history and returned.
    pub async fn write(
        &self,
        kind: OpKind,
        path: &str,
        body: &Value,
        bearer: Option<&str>,
    ) -> Answer {
        self.write_first_to(kind, path, body, bearer, None).await
    }

    /// As [`Client::write`], sending the first attempt to `first` (a vote goes where its clock
    /// was read).
    pub async fn write_first_to(
        &self,
        kind: OpKind,
        path: &str,
        body: &Value,
        bearer: Option<&str>,
        first: Option<&str>,
    ) -> Answer {
        let key = hex::encode(rand::thread_rng().gen::<[u8; 16]>());
        let invoked = self.history.since_start();
        let (mut attempts, mut server_errors) = (0, 0);
        let answer = loop {
            if self.abandon.is_cancelled() {
                break Answer::Unknown;
            }
            let base = match (attempts, first) {
                (0, Some(first)) => first,
                _ => self.random_replica(),
            };
            attempts += 1;
            let mut request = self
                .http
                .post(format!("{base}{path}"))
                .header(IDEMPOTENCY_KEY_HEADER, &key)
                .json(body);
            if let Some(token) = bearer {
                request = request.bearer_auth(token);
            }
            let response = tokio::select! {
                response = request.send() => response,
                _ = self.abandon.cancelled() => break Answer::Unknown,
            };
            if let Ok(response) = response {
                let status = response.status();
                let body: Value = response.json().await.unwrap_or(Value::Null);
                if status.is_success() {
                    break Answer::Ok(body);
                }
                let code = body["error"].as_str().unwrap_or_default().to_string();
                if status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE {
                    server_errors += 1;
                }
                let retry = status.is_server_error()
                    || status == StatusCode::TOO_MANY_REQUESTS
                    || code == "vote_pending";
                if !retry {
                    break Answer::Refused {
                        status: status.as_u16(),
                        code,
                    };
                }
            }
            let pause = rand::thread_rng().gen_range(30..150);
            tokio::time::sleep(Duration::from_millis(pause)).await;
        };
        self.history.record(Op {
            kind,
            key: Some(key),
            invoked,
            answered: self.history.since_start(),
            answer: answer.clone(),
            attempts,
            server_errors,
        });
        answer
    }

    /// `GET {api}/me` once on a random replica, recorded (only answers that say something are
    /// checked).
    pub async fn me(&self, api: &str, voter_id: u64, session: &str) {
        let invoked = self.history.since_start();
        let request = self
            .http
            .get(format!("{}{api}/me", self.random_replica()))
            .bearer_auth(session)
            .timeout(Duration::from_secs(1));
        let answer = match request.send().await {
            Ok(response) if response.status().is_success() => {
                Answer::Ok(response.json().await.unwrap_or(Value::Null))
            }
            Ok(response) => Answer::Refused {
                status: response.status().as_u16(),
                code: String::new(),
            },
            Err(_) => Answer::Unknown,
        };
        self.history.record(Op {
            kind: OpKind::Me { voter_id },
            key: None,
            invoked,
            answered: self.history.since_start(),
            answer,
            attempts: 1,
            server_errors: 0,
        });
    }
}
