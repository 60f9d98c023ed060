//! A trustee's side of a verifiable election over HTTP, as the CLI and the trustee page do it:
//! the key ceremony against any member, and sealing a ballot under the published key.
#![allow(dead_code)] // each test binary uses part of it

use std::time::{Duration, Instant};

use rand::rngs::OsRng;
use rand::RngCore;
use serde_json::{json, Value};
use shared::secrecy::ballot::{self, SealedBallot};
use shared::secrecy::ceremony::{Step, TrusteeKey};
use shared::secrecy::wire::SecrecyView;

/// `GET …/secrecy` from `base`.
pub async fn view(client: &reqwest::Client, base: &str, election: &str) -> SecrecyView {
    let url = format!("{base}/api/elections/{election}/secrecy");
    client.get(url).send().await.unwrap().json().await.unwrap()
}

/// Posts a trustee's part; panics on anything but 200.
pub async fn post(
    client: &reqwest::Client,
    base: &str,
    election: &str,
    token: &str,
    part: &str,
    body: Value,
) {
    let url = format!("{base}/api/elections/{election}/trustee/{part}");
    // A key per part: a retry after a lost answer would be answered, not redone.
    let key = format!("{part}-{}", &token[..12]);
    let started = Instant::now();
    let response = loop {
        let response = client
            .post(&url)
            .bearer_auth(token)
            .header("idempotency-key", &key)
            .json(&body)
            .send()
            .await
            .unwrap();
        // 503: a leader change under way; the same key again, as clients are told to.
        if response.status() != 503 || started.elapsed() > Duration::from_secs(30) {
            break response;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let status = response.status();
    assert_eq!(
        status,
        200,
        "{part}: {}",
        response.text().await.unwrap_or_default()
    );
}

/// Runs trustee `trustee` of `(n, k)` through the whole ceremony against `base`, waiting for
/// the others between rounds (at most `limit`).
pub async fn ceremony(
    client: &reqwest::Client,
    base: &str,
    election: &str,
    trustee: u32,
    token: &str,
    params: (usize, usize),
    limit: Duration,
) -> TrusteeKey {
    let (mut key, commitment) = TrusteeKey::start(election, trustee, params, &mut OsRng).unwrap();
    post(
        client,
        base,
        election,
        token,
        "commitment",
        json!(commitment),
    )
    .await;
    let started = Instant::now();
    while !key.is_ready() {
        assert!(
            started.elapsed() < limit,
            "trustee {trustee}: the ceremony did not finish"
        );
        let view = view(client, base, election).await;
        let board = view.board();
        match key.advance(&board, &mut OsRng).unwrap() {
            Some(Step::Polynomial(info)) => {
                post(client, base, election, token, "polynomial", json!(info)).await
            }
            Some(Step::Shares(shares)) => {
                post(
                    client,
                    base,
                    election,
                    token,
                    "shares",
                    json!({ "shares": shares }),
                )
                .await
            }
            // Waiting for the others: poll again shortly (a condition with a deadline above).
            None => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    key
}

/// Seals `marks` under the election's published key.
pub async fn seal(
    client: &reqwest::Client,
    base: &str,
    election: &str,
    marks: &[Vec<bool>],
) -> SealedBallot {
    let view = view(client, base, election).await;
    let key = view.key.expect("the key is published").0;
    let shapes: Vec<_> = view.questions.iter().map(|q| q.shape()).collect();
    let mut seed = [0u8; 32];
    OsRng.fill_bytes(&mut seed);
    ballot::seal(key.shared_key(), election, &shapes, marks, seed).unwrap()
}
