//! `ballot bench --questions N`: the vote load of `ballot bench` on a new election whose ballot
//! has N questions of 12 candidates each (plurality, approval, IRV, STV and Schulze in turn),
//! so its votes/s compare with the one-question election's in the same sitting.

use anyhow::Context;
use serde_json::{json, Value};

const CANDIDATES: u32 = 12;
const METHODS: [&str; 5] = ["plurality", "approval", "irv", "stv", "schulze"];

/// Creates the election (name-and-id login, self-registration) and returns its id.
pub async fn create(
    client: &reqwest::Client,
    base: &str,
    admin_token: &str,
    questions: usize,
) -> anyhow::Result<String> {
    let id = format!("bench-{}-{questions}q", std::process::id());
    let candidates: Vec<Value> = (1..=CANDIDATES)
        .map(|i| json!({ "name": format!("Candidate {i}") }))
        .collect();
    let questions: Vec<Value> = (0..questions)
        .map(|q| {
            let method = METHODS[q % METHODS.len()];
            let seats = if method == "stv" { 3 } else { 1 };
            json!({"method": method, "candidates": candidates, "seats": seats})
        })
        .collect();
    let body = json!({
        "id": id, "title": "Bench ballot", "questions": questions,
        "options": {"login": "name_and_id", "self_registration": true},
    });
    client
        .post(format!("{base}/api/admin/elections"))
        .bearer_auth(admin_token)
        .json(&body)
        .send()
        .await?
        .error_for_status()
        .context("creating the bench's election of questions")?;
    Ok(id)
}

/// Voter `i`'s answers: every question answered, rankings of four, spread over the candidates.
pub fn answers(questions: usize, i: usize) -> Value {
    let first = (i as u32 % CANDIDATES) + 1;
    let pick = |k: u32| ((first - 1 + k) % CANDIDATES) + 1;
    let answers: serde_json::Map<String, Value> = (0..questions)
        .map(|q| {
            let answer = match METHODS[q % METHODS.len()] {
                "plurality" => json!([first]),
                "approval" => json!([first, pick(5)]),
                _ => json!([first, pick(1), pick(2), pick(3)]),
            };
            (format!("q{}", q + 1), answer)
        })
        .collect();
    Value::Object(answers)
}
