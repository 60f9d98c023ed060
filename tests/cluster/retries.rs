//! Writes whose answer was lost when the leader died are retried with their idempotency key
//! through another replica: each gets its first answer, and nothing happens twice.

use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::dto::{LoginResponse, RegisterResponse, VoteResponse};
use shared::AuditPayload;
use shared::EventPayload;

use crate::helpers::*;

impl TestCluster {
    /// A keyed POST through member `id`: the status and the body.
    async fn keyed(&self, id: u64, path: &str, key: &str, body: &Value) -> (StatusCode, Value) {
        let response = self
            .client
            .post(format!("{}{path}", self.url(id)))
            .bearer_auth(ADMIN_TOKEN)
            .header("idempotency-key", key)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_committed_before_the_leader_died_get_their_first_answer_through_another_replica() {
    let cluster = spawn_cluster(false, &[]).await;
    let leader = cluster.wait_for_leader(None).await;
    let register = json!({"name": "Kim"});
    let (status, first_register) = cluster
        .keyed(leader, "/api/register", "r-kim", &register)
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let kim: RegisterResponse = serde_json::from_value(first_register.clone()).unwrap();
    let login = json!({"name": "Kim", "voter_id": kim.voter_id});
    let (_, first_login) = cluster.keyed(leader, "/api/login", "l-kim", &login).await;
    let session: LoginResponse = serde_json::from_value(first_login.clone()).unwrap();
    let (status, _) = cluster
        .keyed(leader, "/api/admin/start", "start", &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let time = cluster.time(leader).await.unwrap();
    let vote = json!({"session": session.session, "candidate_id": 6,
        "lamport": time.lamport, "click_time_ms": time.server_time_ms});
    let (status, first_vote) = cluster.keyed(leader, "/api/vote", "v-kim", &vote).await;
    assert_eq!(status, StatusCode::OK, "{first_vote}");
    let first_vote: VoteResponse = serde_json::from_value(first_vote).unwrap();

    // The answers are lost with the leader; the clients retry through a survivor.
    cluster.kill(leader);
    let new_leader = cluster.wait_for_leader(Some(leader)).await;
    let survivors: Vec<u64> = [1, 2, 3].into_iter().filter(|id| *id != leader).collect();
    for via in survivors {
        let (status, again) = cluster
            .keyed(via, "/api/register", "r-kim", &register)
            .await;
        assert_eq!(
            (status, &again),
            (StatusCode::CREATED, &first_register),
            "via {via}"
        );
        let (status, again) = cluster.keyed(via, "/api/login", "l-kim", &login).await;
        assert_eq!(
            (status, &again),
            (StatusCode::OK, &first_login),
            "via {via}"
        );
        let (status, _) = cluster
            .keyed(via, "/api/admin/start", "start", &json!({}))
            .await;
        assert_eq!(
            status,
            StatusCode::OK,
            "start again via {via}: not 409 wrong_phase"
        );
        let (status, again) = cluster.keyed(via, "/api/vote", "v-kim", &vote).await;
        assert_eq!(status, StatusCode::OK, "vote again via {via}: {again}");
        let again: VoteResponse = serde_json::from_value(again).unwrap();
        assert_eq!(again.seq, first_vote.seq);
        // The same key for another vote is refused, and does not count.
        let other = json!({"session": session.session, "candidate_id": 7,
            "lamport": time.lamport, "click_time_ms": time.server_time_ms});
        let (status, refused) = cluster.keyed(via, "/api/vote", "v-kim", &other).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(refused["error"], "idempotency_key_reused");
    }

    // Nothing happened twice: one Kim, one start, one vote, on every survivor.
    let survivors: Vec<u64> = [1, 2, 3].into_iter().filter(|id| *id != leader).collect();
    let log = cluster.wait_for_equal_logs(&survivors, 23).await;
    let count =
        |wanted: fn(&AuditPayload) -> bool| log.iter().filter(|e| wanted(&e.payload)).count();
    assert_eq!(
        count(
            |p| matches!(p, AuditPayload::Logged(EventPayload::VoterRegistered { name, .. }) if name == "Kim")
        ),
        1
    );
    assert_eq!(
        count(|p| matches!(p, AuditPayload::Logged(EventPayload::VotingStarted))),
        1
    );
    assert_eq!(count(|p| matches!(p, AuditPayload::Vote(_))), 1);
    assert_eq!(cluster.results(new_leader).await.total_votes, 1);
}
