//! Verifiable elections refuse what they must: ranked questions and live results, opening
//! before the trustees' key, wrong trustee tokens, sealed ballots whose proofs fail or that copy
//! another, and publication before the trustees decrypt; and nothing (API, WebSocket, public
//! log) shows a count or a choice before decryption.

use rand::rngs::OsRng;
use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::dto::{LoginResponse, ResultsResponse, VoteResponse};
use shared::elections::RollResponse;
use shared::log::{LogEntries, PublicEntry, PublicLine, TreeHead};
use shared::secrecy::ballot::{self, SealedBallot};
use shared::secrecy::ceremony::{Step, TrusteeKey};
use shared::secrecy::tally;
use shared::secrecy::wire::{SecrecyView, SecretStage, TrusteesCreated};
use shared::ws::ServerMessage;

use crate::helpers::{assert_error, spawn_app, TestApp, ADMIN_TOKEN};
use crate::support::trustees;
use crate::support::ws::{connect, next_matching};

fn definition(id: &str, method: &str, options: Value) -> Value {
    json!({
        "id": id, "title": "Board 2027", "options": options,
        "questions": [
            {"id": "chair", "method": method,
             "candidates": [{"name": "Ann"}, {"name": "Bob"}, {"name": "Cy"}]},
            {"id": "tools", "method": "approval", "max_choices": 2,
             "candidates": [{"name": "Tea"}, {"name": "Cake"}, {"name": "Jam"}, {"name": "Pie"}]}
        ]
    })
}

async fn create(app: &TestApp, id: &str) -> Vec<String> {
    let options = json!({"secrecy": "verifiable", "login": "credential"});
    let response = app
        .admin_post("/api/admin/elections", definition(id, "plurality", options))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = app
        .client
        .post(format!("{}/api/admin/elections/{id}/voters", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .body("name\nAnn\nBo\nCy\n")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let roll: RollResponse = response.json().await.unwrap();
    roll.voters.into_iter().map(|row| row.credential).collect()
}

async fn view(app: &TestApp, id: &str) -> SecrecyView {
    trustees::view(&app.client, &app.url, id).await
}

async fn trustee_post(
    app: &TestApp,
    id: &str,
    token: &str,
    part: &str,
    body: Value,
) -> reqwest::Response {
    app.client
        .post(format!("{}/api/elections/{id}/trustee/{part}", app.url))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// Names one trustee (threshold 1) and runs their ceremony; the key and its token.
async fn one_trustee(app: &TestApp, id: &str) -> (TrusteeKey, String) {
    let response = app
        .admin_post(
            &format!("/api/admin/elections/{id}/trustees"),
            json!({"trustees": [{"name": "Tess"}], "threshold": 1}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: TrusteesCreated = response.json().await.unwrap();
    let token = created.trustees[0].token.clone();
    assert_eq!(
        created.trustees[0].link,
        format!("/e/{id}/trustee#token={token}")
    );
    let (mut key, commitment) = TrusteeKey::start(id, 1, (1, 1), &mut OsRng).unwrap();
    let wrong = trustee_post(app, id, "not-the-token", "commitment", json!(commitment)).await;
    assert_error(wrong, StatusCode::UNAUTHORIZED, "bad_trustee_token").await;
    let sent = trustee_post(app, id, &token, "commitment", json!(commitment)).await;
    assert_eq!(sent.status(), StatusCode::OK);
    // The same round twice is refused.
    let again = trustee_post(app, id, &token, "commitment", json!(commitment)).await;
    assert_error(again, StatusCode::CONFLICT, "wrong_phase").await;
    loop {
        let view = view(app, id).await;
        let board = view.board();
        match key.advance(&board, &mut OsRng).unwrap() {
            Some(Step::Polynomial(info)) => {
                let sent = trustee_post(app, id, &token, "polynomial", json!(info)).await;
                assert_eq!(sent.status(), StatusCode::OK);
            }
            Some(Step::Shares(shares)) => {
                let sent =
                    trustee_post(app, id, &token, "shares", json!({ "shares": shares })).await;
                assert_eq!(sent.status(), StatusCode::OK);
            }
            None if key.is_ready() => break,
            None => panic!("a lone trustee never waits"),
        }
    }
    assert_eq!(view(app, id).await.stage, SecretStage::KeyPublished);
    (key, token)
}

async fn login(app: &TestApp, id: &str, credential: &str) -> String {
    let response = app
        .post(
            &format!("/api/elections/{id}/login"),
            json!({ "credential": credential }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json::<LoginResponse>().await.unwrap().session
}

async fn seal(app: &TestApp, id: &str, marks: &[Vec<bool>]) -> SealedBallot {
    trustees::seal(&app.client, &app.url, id, marks).await
}

async fn cast(app: &TestApp, id: &str, session: &str, body: Value) -> reqwest::Response {
    let time = app.server_time().await;
    let mut body = body;
    body["session"] = json!(session);
    body["lamport"] = json!(0);
    body["click_time_ms"] = json!(time.server_time_ms);
    app.post(&format!("/api/elections/{id}/vote"), body).await
}

async fn log_lines(app: &TestApp, id: &str) -> Vec<String> {
    let head: TreeHead = app.get_json(&format!("/api/elections/{id}/log/tree")).await;
    let end = head.tree_size;
    let entries: LogEntries = app
        .get_json(&format!(
            "/api/elections/{id}/log/entries?start=0&end={end}"
        ))
        .await;
    entries.entries
}

#[tokio::test]
async fn ranked_questions_and_live_results_are_refused_in_a_verifiable_election() {
    let app = spawn_app().await;
    let ranked = definition("ranked", "irv", json!({"secrecy": "verifiable"}));
    let response = app.admin_post("/api/admin/elections", ranked).await;
    let message = assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
    assert!(message.contains("mixnet"), "{message}");
    let live = definition(
        "live",
        "plurality",
        json!({"secrecy": "verifiable", "live_results": true}),
    );
    let response = app.admin_post("/api/admin/elections", live).await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
    create(&app, "sealed").await;
    let response = app
        .admin_post(
            "/api/admin/elections/sealed/live-results",
            json!({"enabled": true}),
        )
        .await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
    // Trustees are for verifiable elections only.
    let open = definition("open", "plurality", json!({}));
    assert_eq!(
        app.admin_post("/api/admin/elections", open).await.status(),
        StatusCode::CREATED
    );
    let response = app
        .admin_post(
            "/api/admin/elections/open/trustees",
            json!({"trustees": [{"name": "Tess"}], "threshold": 1}),
        )
        .await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
    // k of n within 1 ≤ k ≤ n ≤ 16.
    let response = app
        .admin_post(
            "/api/admin/elections/sealed/trustees",
            json!({"trustees": [{"name": "Tess"}], "threshold": 2}),
        )
        .await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
}

#[tokio::test]
async fn sealed_ballots_are_checked_and_nothing_shows_a_count_before_decryption() {
    let app = spawn_app().await;
    let id = "sealed";
    let credentials = create(&app, id).await;
    let start = app
        .admin_post(&format!("/api/admin/elections/{id}/start"), json!({}))
        .await;
    let message = assert_error(start, StatusCode::CONFLICT, "trustees_pending").await;
    assert!(message.contains("no trustees"), "{message}");
    let (key, token) = one_trustee(&app, id).await;
    let start = app
        .admin_post(&format!("/api/admin/elections/{id}/start"), json!({}))
        .await;
    assert_eq!(start.status(), StatusCode::OK);
    let mut socket = connect(&app.url, &format!("?election={id}")).await;
    next_matching(&mut socket, |m| matches!(m, ServerMessage::Hello { .. })).await;

    let ann = login(&app, id, &credentials[0]).await;
    let bo = login(&app, id, &credentials[1]).await;
    let marks = vec![vec![false, true, false], vec![true, false, false, true]];
    let good = seal(&app, id, &marks).await;
    let lines_before = log_lines(&app, id).await.len();
    // A plain ballot, a changed proof, a ballot sealed for another election: refused, nothing
    // recorded.
    let plain = cast(&app, id, &ann, json!({"answers": {"chair": [2]}})).await;
    assert_error(plain, StatusCode::BAD_REQUEST, "invalid_ballot").await;
    let other = seal(&app, id, &[vec![true, false, false], vec![false; 4]]).await;
    let mut swapped = good.clone();
    swapped.answers[0].marks[0] = other.answers[0].marks[0].clone();
    let response = cast(&app, id, &ann, json!({ "sealed": swapped })).await;
    let message = assert_error(response, StatusCode::BAD_REQUEST, "invalid_proof").await;
    assert!(message.contains("question chair"), "{message}");
    let view = view(&app, id).await;
    let shapes: Vec<_> = view.questions.iter().map(|q| q.shape()).collect();
    let elsewhere = ballot::seal(
        view.key.as_ref().unwrap().0.shared_key(),
        "other",
        &shapes,
        &marks,
        [3; 32],
    )
    .unwrap();
    let response = cast(&app, id, &ann, json!({ "sealed": elsewhere })).await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_proof").await;
    assert_eq!(
        log_lines(&app, id).await.len(),
        lines_before,
        "nothing recorded"
    );

    let response = cast(&app, id, &ann, json!({ "sealed": good })).await;
    assert_eq!(response.status(), StatusCode::OK);
    let vote: VoteResponse = response.json().await.unwrap();
    assert_eq!(vote.tracking_code, Some(good.tracking_code()));
    // Bo copies Ann's ballot from the public log: refused (its nonce was taken).
    let copy = cast(&app, id, &bo, json!({ "sealed": good })).await;
    assert_error(copy, StatusCode::BAD_REQUEST, "invalid_ballot").await;
    let bo_marks = vec![vec![false, true, false], vec![false, true, false, false]];
    let response = cast(
        &app,
        id,
        &bo,
        json!({ "sealed": seal(&app, id, &bo_marks).await }),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);

    // Turnout only: no count in the results, the WebSocket or the public log.
    let results: ResultsResponse = app.get_json(&format!("/api/elections/{id}/results")).await;
    assert_eq!(results.total_votes, 2);
    assert!(!results.counts_visible && results.counts.is_empty() && results.questions.is_empty());
    let pushed = next_matching(
        &mut socket,
        |m| matches!(m, ServerMessage::Tally { results } if results.total_votes == 2),
    )
    .await;
    let ServerMessage::Tally { results } = pushed else {
        unreachable!()
    };
    assert!(results.counts.is_empty() && results.questions.is_empty());
    for text in log_lines(&app, id).await {
        let line: PublicLine = serde_json::from_str(&text).unwrap();
        if let PublicEntry::BallotCast {
            answers,
            candidate_id,
            sealed,
            ..
        } = line.entry
        {
            assert!(
                answers.is_none() && candidate_id == 0 && sealed.is_some(),
                "{text}"
            );
        }
        assert!(!text.contains("\"sums\""), "no decrypted sums yet: {text}");
    }

    // Closed: the tally is published encrypted; publishing waits for the trustee.
    let stop = app
        .admin_post(&format!("/api/admin/elections/{id}/stop"), json!({}))
        .await;
    assert_eq!(stop.status(), StatusCode::OK);
    let publish = app
        .admin_post(&format!("/api/admin/elections/{id}/publish"), json!({}))
        .await;
    assert_error(publish, StatusCode::CONFLICT, "trustees_pending").await;
    let closed = self::view(&app, id).await;
    assert_eq!(closed.stage, SecretStage::Decrypting);
    assert_eq!(closed.missing, vec![1]);
    let encrypted = closed.encrypted_tally().unwrap();
    // A decryption of the wrong ciphertexts is refused.
    let mut shifted = encrypted.clone();
    shifted[0].swap(0, 1);
    let wrong = tally::decrypt(&key, &shifted, &mut OsRng).unwrap();
    let response = trustee_post(&app, id, &token, "decryption", json!({ "shares": wrong })).await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_proof").await;
    let shares = tally::decrypt(&key, &encrypted, &mut OsRng).unwrap();
    let response = trustee_post(&app, id, &token, "decryption", json!({ "shares": shares })).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(self::view(&app, id).await.stage, SecretStage::Decrypted);
    // Still sealed to the public until published.
    let results: ResultsResponse = app.get_json(&format!("/api/elections/{id}/results")).await;
    assert!(results.counts.is_empty());
    let publish = app
        .admin_post(&format!("/api/admin/elections/{id}/publish"), json!({}))
        .await;
    assert_eq!(publish.status(), StatusCode::OK);
    let results: ResultsResponse = app.get_json(&format!("/api/elections/{id}/results")).await;
    let chair = &results.questions[0];
    assert_eq!(chair.winners, vec![2], "both chose Bob: {chair:?}");
    let tools = &results.questions[1];
    let tallies: Vec<&str> = tools.rounds[0]
        .tallies
        .iter()
        .map(|t| t.votes.as_str())
        .collect();
    assert_eq!(tallies, ["1", "1", "0", "1"]);
    assert_eq!(
        results.counts.iter().map(|c| c.votes).collect::<Vec<_>>(),
        [0, 2, 0]
    );
    // The public log checks from its lines alone.
    let lines: Vec<PublicLine> = log_lines(&app, id)
        .await
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let report = shared::secrecy::audit::audit(id, &lines).unwrap().unwrap();
    assert_eq!((report.ballots_checked, report.counted), (2, 2));
    assert_eq!(report.sums.unwrap()[0], vec![0, 20_000, 0]);
}

#[tokio::test]
async fn trustees_with_an_address_get_their_link_by_mail_and_the_admin_never_sees_it() {
    use crate::support::smtp::{SinkOptions, SmtpSink};
    let sink = SmtpSink::start(SinkOptions {
        reject: Some("^refused@".into()),
        ..SinkOptions::default()
    });
    let url = sink.url();
    let app = crate::helpers::spawn_app_with(move |args| {
        args.common.mail.smtp_url = Some(url);
        args.common.mail.public_url = "http://vote.test".into();
    })
    .await;
    create(&app, "mailed").await;
    let response = app
        .admin_post(
            "/api/admin/elections/mailed/trustees",
            json!({"trustees": [
                {"name": "Tess", "email": "tess@example.org"},
                {"name": "Uma"},
                {"name": "Vic", "email": "refused@example.org"}
            ], "threshold": 2}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: TrusteesCreated = response.json().await.unwrap();
    let tess = &created.trustees[0];
    assert!(
        tess.mailed && tess.token.is_empty() && tess.link.is_empty(),
        "{tess:?}"
    );
    // No address, or an address the server refused: the admin gets the link to hand over.
    for trustee in &created.trustees[1..] {
        assert!(!trustee.mailed && !trustee.token.is_empty(), "{trustee:?}");
    }
    let mails = sink.wait_for(1, std::time::Duration::from_secs(30)).await;
    let mail = &mails[0];
    assert_eq!(mail.recipient(), "tess@example.org");
    assert_eq!(mail.subject, "You are a trustee of: Board 2027");
    assert!(mail.text.contains("2 of the 3 trustees"), "{}", mail.text);
    let link = mail.link().unwrap();
    let token = link
        .strip_prefix("http://vote.test/e/mailed/trustee#token=")
        .unwrap();
    // The mailed token is Tess's.
    let me = app
        .client
        .get(format!("{}/api/elections/mailed/trustee", app.url))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let me: shared::secrecy::wire::TrusteeMe = me.json().await.unwrap();
    assert_eq!((me.trustee_id, me.name.as_str()), (1, "Tess"));
}

/// Re-voting and weights as in open elections: the last sealed ballot counts, multiplied by
/// its voter's weight; the decrypted figures keep the weights' decimals.
#[tokio::test]
async fn a_sealed_revote_replaces_the_first_and_weights_multiply_the_ballots() {
    let app = spawn_app().await;
    let id = "weighted";
    let options = json!({"secrecy": "verifiable", "login": "credential", "revoting": true});
    let response = app
        .admin_post("/api/admin/elections", definition(id, "plurality", options))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = app
        .client
        .post(format!("{}/api/admin/elections/{id}/voters", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .body("name,weight\nAnn,2.5\nBo,1\n")
        .send()
        .await
        .unwrap();
    let roll: RollResponse = response.json().await.unwrap();
    let (key, token) = one_trustee(&app, id).await;
    let start = app
        .admin_post(&format!("/api/admin/elections/{id}/start"), json!({}))
        .await;
    assert_eq!(start.status(), StatusCode::OK);
    let ann = login(&app, id, &roll.voters[0].credential).await;
    let bo = login(&app, id, &roll.voters[1].credential).await;
    let chair = |choice: usize| (0..3).map(|i| i == choice).collect::<Vec<bool>>();
    for (session, marks) in [
        (&ann, vec![chair(0), vec![true, false, false, false]]),
        (&bo, vec![chair(1), vec![true, true, false, false]]),
        // Ann changes her mind: Cy, and no tools.
        (&ann, vec![chair(2), vec![false; 4]]),
    ] {
        let sealed = seal(&app, id, &marks).await;
        let response = cast(&app, id, session, json!({ "sealed": sealed })).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let stop = app
        .admin_post(&format!("/api/admin/elections/{id}/stop"), json!({}))
        .await;
    assert_eq!(stop.status(), StatusCode::OK);
    let closed = view(&app, id).await;
    let encrypted = closed.encrypted_tally().unwrap();
    let shares = tally::decrypt(&key, &encrypted, &mut OsRng).unwrap();
    let response = trustee_post(&app, id, &token, "decryption", json!({ "shares": shares })).await;
    assert_eq!(response.status(), StatusCode::OK);
    let publish = app
        .admin_post(&format!("/api/admin/elections/{id}/publish"), json!({}))
        .await;
    assert_eq!(publish.status(), StatusCode::OK);
    let results: ResultsResponse = app.get_json(&format!("/api/elections/{id}/results")).await;
    let tallies = |q: usize| -> Vec<String> {
        results.questions[q].rounds[0]
            .tallies
            .iter()
            .map(|t| t.votes.clone())
            .collect()
    };
    assert_eq!(tallies(0), ["0", "1", "2.5"]);
    assert_eq!(tallies(1), ["1", "1", "0", "0"]);
    assert_eq!(results.questions[0].winners, vec![3]);
    assert_eq!(results.questions[0].valid, "3.5");
    let lines: Vec<PublicLine> = log_lines(&app, id)
        .await
        .iter()
        .map(|t| serde_json::from_str(t).unwrap())
        .collect();
    let report = shared::secrecy::audit::audit(id, &lines).unwrap().unwrap();
    assert_eq!((report.ballots_checked, report.counted), (3, 2));
}

/// A retried naming (same key) answers the same working tokens, not new ones whose hashes the
/// log never saw.
#[tokio::test]
async fn a_retried_naming_of_trustees_answers_the_same_tokens() {
    let app = spawn_app().await;
    create(&app, "retried").await;
    let name = || async {
        let response = app
            .client
            .post(format!("{}/api/admin/elections/retried/trustees", app.url))
            .bearer_auth(ADMIN_TOKEN)
            .header("idempotency-key", "name-trustees-1")
            .json(&json!({"trustees": [{"name": "Tess"}, {"name": "Uma"}], "threshold": 1}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json::<TrusteesCreated>().await.unwrap()
    };
    let (first, again) = (name().await, name().await);
    assert_eq!(first, again);
    assert_ne!(first.trustees[0].token, first.trustees[1].token);
    let me = app
        .client
        .get(format!("{}/api/elections/retried/trustee", app.url))
        .bearer_auth(&again.trustees[1].token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
}
