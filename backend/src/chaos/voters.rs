//! The simulated voters: each one a loop that registers a new voter, logs in, reads the clock
//! and votes through random replicas (every write retried with its idempotency key), then
//! reads `/api/me` of itself and of an earlier voter on random replicas, and starts over
//! with the next name. A loop ends when voting has closed (a 403, or a 409 `wrong_phase` on
//! registration) or the runner winds the load down.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::{json, Value};
use shared::dto::TimeResponse;
use tokio_util::sync::CancellationToken;

use super::history::{Answer, Client, OpKind};

/// What the voter loops share.
pub struct Crowd {
    pub client: Client,
    /// Every name starts with it, so the checks know the schedule's own voters.
    pub prefix: String,
    /// Where the election's voter routes are (`/api` or `/api/elections/{id}`).
    pub api: String,
    /// The candidates on its ballot (1 to this).
    pub candidates: u32,
    /// Once cancelled, no loop starts a new voter (operations under way still finish).
    pub wind_down: CancellationToken,
    /// Set when a loop learns that voting has closed.
    pub closed: AtomicBool,
    /// Voters whose vote was acknowledged, with their sessions, for `/api/me` reads.
    voted: Mutex<Vec<(u64, String)>>,
}

impl Crowd {
    pub fn new(client: Client, prefix: String, api: String, candidates: u32) -> Crowd {
        Crowd {
            client,
            prefix,
            api,
            candidates,
            wind_down: CancellationToken::new(),
            closed: AtomicBool::new(false),
            voted: Mutex::default(),
        }
    }

    fn stopping(&self) -> bool {
        self.wind_down.is_cancelled() || self.closed.load(Ordering::Relaxed)
    }

    fn someone_who_voted(&self) -> Option<(u64, String)> {
        let voted = self.voted.lock().unwrap_or_else(|e| e.into_inner());
        voted.choose(&mut rand::thread_rng()).cloned()
    }
}

/// Loop number `index`: voter after voter until voting closes or the load winds down.
pub async fn voter_loop(crowd: Arc<Crowd>, index: usize) {
    for n in 0.. {
        if crowd.stopping() {
            return;
        }
        one_voter(&crowd, &format!("{}-{index}-{n}", crowd.prefix)).await;
        let think = rand::thread_rng().gen_range(10..80);
        tokio::time::sleep(Duration::from_millis(think)).await;
    }
}

async fn one_voter(crowd: &Crowd, name: &str) {
    let client = &crowd.client;
    let kind = OpKind::Register {
        name: name.to_string(),
    };
    let registered = client
        .write(
            kind,
            &format!("{}/register", crowd.api),
            &json!({ "name": name }),
            None,
        )
        .await;
    let voter_id = match registered {
        Answer::Ok(body) => match body["voter_id"].as_u64() {
            Some(id) => id,
            None => return,
        },
        Answer::Refused { code, .. } if code == "wrong_phase" => {
            crowd.closed.store(true, Ordering::Relaxed);
            return;
        }
        _ => return,
    };
    let body = json!({ "name": name, "voter_id": voter_id });
    let login = client
        .write(
            OpKind::Login { voter_id },
            &format!("{}/login", crowd.api),
            &body,
            None,
        )
        .await;
    let Answer::Ok(login) = login else { return };
    let Some(session) = login["session"].as_str().map(str::to_string) else {
        return;
    };
    if crowd.stopping() {
        return;
    }
    // The click time comes from the replica the vote is first sent to, as a browser reads the
    // clock of the server it talks to.
    let Some((base, time)) = read_clock(client, &crowd.abandon_token()).await else {
        return;
    };
    let candidate = rand::thread_rng().gen_range(1..=crowd.candidates);
    let body = json!({
        "session": session, "candidate_id": candidate,
        "lamport": time.lamport, "click_time_ms": time.server_time_ms,
    });
    let vote = client
        .write_first_to(
            OpKind::Vote { voter_id },
            &format!("{}/vote", crowd.api),
            &body,
            None,
            Some(&base),
        )
        .await;
    match vote {
        Answer::Ok(_) => crowd
            .voted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((voter_id, session.clone())),
        Answer::Refused { status: 403, .. } => {
            crowd.closed.store(true, Ordering::Relaxed);
            return;
        }
        _ => {}
    }
    let reads = rand::thread_rng().gen_range(1..=2);
    for _ in 0..reads {
        if crowd.stopping() {
            return;
        }
        client.me(&crowd.api, voter_id, &session).await;
        if let Some((other, other_session)) = crowd.someone_who_voted() {
            client.me(&crowd.api, other, &other_session).await;
        }
        let pause = rand::thread_rng().gen_range(50..200);
        tokio::time::sleep(Duration::from_millis(pause)).await;
    }
}

impl Crowd {
    fn abandon_token(&self) -> CancellationToken {
        self.client.abandon.clone()
    }
}

/// `GET /api/time` of a random replica until one answers; returns that replica and its clock.
async fn read_clock(
    client: &Client,
    abandon: &CancellationToken,
) -> Option<(String, TimeResponse)> {
    while !abandon.is_cancelled() {
        let base = client.random_replica().to_string();
        let request = client
            .http
            .get(format!("{base}/api/time"))
            .timeout(Duration::from_secs(1));
        if let Ok(response) = request.send().await {
            if let Ok(time) = response.json::<Value>().await {
                if let Ok(time) = serde_json::from_value::<TimeResponse>(time) {
                    return Some((base, time));
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}
