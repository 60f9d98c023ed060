//! Ballots of questions through the API: defining them, casting answers, weighted rolls, the
//! results of every method, the public log's ballots recounted to the same figures, and the
//! exports.

use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::ballots::Method;
use shared::dto::{LoginResponse, ResultsResponse};
use shared::elections::{ElectionView, RollResponse};
use shared::log::LogEntries;
use shared::recount::{bulletin_board, recount_questions};

use crate::helpers::{assert_error, spawn_app, TestApp, ADMIN_TOKEN};

fn names(names: &[&str]) -> Value {
    Value::Array(names.iter().map(|name| json!({ "name": name })).collect())
}

/// Five questions, one of each kind but plurality (the old form covers it), with re-voting.
fn five_questions(id: &str) -> Value {
    json!({
        "id": id, "title": "AGM 2027",
        "options": {"revoting": true},
        "questions": [
            {"id": "chair", "title": "Chair", "method": "irv", "candidates": names(&["Ann", "Bob", "Cy"])},
            {"id": "board", "method": "stv", "seats": 2, "candidates": names(&["Dee", "Eve", "Fay", "Gus"])},
            {"id": "motion", "method": "referendum", "threshold": "two_thirds"},
            {"method": "approval", "candidates": names(&["Tea", "Cake", "Jam"])},
            {"id": "logo", "method": "schulze", "candidates": names(&["Red", "Green", "Blue"])}
        ]
    })
}

async fn import(app: &TestApp, id: &str, csv: &str) -> Vec<String> {
    let response = app
        .client
        .post(format!("{}/api/admin/elections/{id}/voters", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .header("idempotency-key", format!("import-{id}"))
        .body(csv.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let roll: RollResponse = response.json().await.unwrap();
    roll.voters.into_iter().map(|row| row.credential).collect()
}

async fn session(app: &TestApp, id: &str, credential: &str) -> String {
    let response = app
        .post(
            &format!("/api/elections/{id}/login"),
            json!({ "credential": credential }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let login: LoginResponse = response.json().await.unwrap();
    login.session
}

async fn cast(app: &TestApp, id: &str, session: &str, ballot: Value) -> reqwest::Response {
    let now = app.server_time().await;
    let mut body = json!({
        "session": session, "lamport": now.lamport, "click_time_ms": now.server_time_ms,
    });
    for (key, value) in ballot.as_object().unwrap() {
        body[key] = value.clone();
    }
    app.post(&format!("/api/elections/{id}/vote"), body).await
}

async fn admin(app: &TestApp, id: &str, action: &str) {
    let path = format!("/api/admin/elections/{id}/{action}");
    let response = app.admin_post(&path, json!({})).await;
    assert_eq!(response.status(), StatusCode::OK, "{action}");
}

async fn public_lines(app: &TestApp, id: &str) -> Vec<String> {
    let tree: Value = app.get_json(&format!("/api/elections/{id}/log/tree")).await;
    let size = tree["tree_size"].as_u64().unwrap();
    let path = format!("/api/elections/{id}/log/entries?start=0&end={size}");
    let entries: LogEntries = app.get_json(&path).await;
    entries.entries
}

#[tokio::test]
async fn a_ballot_of_questions_is_defined_with_its_defaults_and_shown_with_candidate_ids() {
    let app = spawn_app().await;
    let response = app
        .admin_post("/api/admin/elections", five_questions("agm"))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let view: ElectionView = app.get_json("/api/elections/agm").await;
    let ids: Vec<&str> = view.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["chair", "board", "motion", "q4", "logo"]);
    assert!(
        view.candidates.is_empty(),
        "several questions: no old-form list"
    );
    let board = &view.questions[1];
    assert_eq!((board.method, board.seats), (Method::Stv, 2));
    assert_eq!(board.candidates[3].id, 4);
    let motion = &view.questions[2];
    let options: Vec<&str> = motion.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(options, ["Yes", "No"]);
    assert_eq!(motion.max_choices, 1);
    assert_eq!(
        view.questions[3].max_choices, 3,
        "approval: every candidate"
    );

    // The old form is one plurality question, `main`.
    let old: ElectionView = app.get_json("/api/elections/default").await;
    assert_eq!(old.questions.len(), 1);
    assert_eq!(old.questions[0].id, "main");
    assert_eq!(old.questions[0].candidates.len(), 10);
}

#[tokio::test]
async fn every_refused_definition_is_invalid_election_naming_the_question_and_field() {
    let app = spawn_app().await;
    let cases = [
        (
            json!([{"id": "x", "method": "irv", "candidates": names(&["A", "B"]), "seats": 2}]),
            "questions[x].seats",
        ),
        (
            json!([{"id": "x", "method": "stv", "candidates": names(&["A", "B"]), "seats": 2}]),
            "questions[x].seats",
        ),
        (
            json!([{"id": "x", "method": "plurality", "candidates": names(&["A"])}]),
            "questions[x].candidates",
        ),
        (
            json!([{"id": "x", "method": "referendum", "candidates": names(&["A", "B"])}]),
            "questions[x].candidates",
        ),
        (
            json!([{"id": "x", "method": "approval", "candidates": names(&["A", "B"]), "threshold": "majority"}]),
            "questions[x].threshold",
        ),
        (
            json!([{"id": "x", "method": "plurality", "candidates": names(&["A", "B"]), "max_choices": 3}]),
            "questions[x].max_choices",
        ),
        (
            json!([{"id": "x", "method": "plurality", "candidates": names(&["A", "a"])}]),
            "questions[x].candidates[1].name",
        ),
        (
            json!([{"id": "Bad Id", "method": "approval", "candidates": names(&["A", "B"])}]),
            "questions[0].id",
        ),
        (
            json!([{"id": "x", "method": "approval", "candidates": names(&["A", "B"])},
                {"id": "x", "method": "approval", "candidates": names(&["A", "B"])}]),
            "questions[x].id",
        ),
        (
            json!([{"id": "x", "method": "borda", "candidates": names(&["A", "B"])}]),
            "questions",
        ),
        (json!([]), "questions"),
    ];
    for (questions, field) in cases {
        let body = json!({"id": "bad", "title": "T", "questions": questions});
        let response = app.admin_post("/api/admin/elections", body).await;
        let message = assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
        assert!(message.contains(field), "{field}: {message}");
    }
    let both = json!({"id": "bad", "title": "T", "candidates": names(&["A"]),
                      "questions": [{"method": "approval", "candidates": names(&["A", "B"])}]});
    let response = app.admin_post("/api/admin/elections", both).await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
    let too_many: Vec<Value> = (0..33).map(|_| json!({"method": "referendum"})).collect();
    let body = json!({"id": "bad", "title": "T", "questions": too_many});
    let response = app.admin_post("/api/admin/elections", body).await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
    let list: Value = app.get_json("/api/elections").await;
    assert!(!list.to_string().contains("\"bad\""), "nothing was created");
}

#[tokio::test]
async fn a_bad_answer_is_invalid_ballot_naming_the_question_and_nothing_is_recorded() {
    let app = spawn_app().await;
    app.admin_post("/api/admin/elections", five_questions("agm"))
        .await;
    let credentials = import(&app, "agm", "name\nAnn\n").await;
    admin(&app, "agm", "start").await;
    let session = session(&app, "agm", &credentials[0]).await;
    let cases = [
        (json!({"answers": {"nope": [1]}}), "nope"),
        (json!({"answers": {"chair": [1, 1]}}), "chair"),
        (json!({"answers": {"chair": [4]}}), "chair"),
        (json!({"answers": {"chair": [[1, 2]]}}), "chair"),
        (json!({"answers": {"motion": [1, 2]}}), "motion"),
        (json!({"answers": {"q4": [0]}}), "q4"),
        (json!({"answers": {"logo": [[1, 2], 2]}}), "logo"),
        (json!({"candidate_id": 1}), "answers"),
    ];
    for (ballot, question) in cases {
        let response = cast(&app, "agm", &session, ballot.clone()).await;
        let message = assert_error(response, StatusCode::BAD_REQUEST, "invalid_ballot").await;
        assert!(message.contains(question), "{ballot}: {message}");
    }
    let view: ElectionView = app.get_json("/api/elections/agm").await;
    assert_eq!(view.voted, 0);
}

#[tokio::test]
async fn the_old_candidate_id_body_votes_on_a_ballot_of_one_plurality_question() {
    let app = spawn_app().await;
    let body = json!({"id": "solo", "title": "Solo", "questions": [
        {"id": "pick", "method": "plurality", "candidates": names(&["A", "B"])}]});
    app.admin_post("/api/admin/elections", body).await;
    let credentials = import(&app, "solo", "name\nAnn\n").await;
    admin(&app, "solo", "start").await;
    let session = session(&app, "solo", &credentials[0]).await;
    let response = cast(&app, "solo", &session, json!({"candidate_id": 2})).await;
    assert_eq!(response.status(), StatusCode::OK);
    admin(&app, "solo", "stop").await;
    admin(&app, "solo", "publish").await;
    let results: ResultsResponse = app.get_json("/api/elections/solo/results").await;
    assert_eq!(results.questions[0].winners, [2]);
    assert_eq!(results.counts[1].votes, 1, "old clients still read counts");
}

/// Three weighted voters and one who re-votes: every method's winners, the weights in every
/// figure, the log's ballots recounted to the same results, and the exports.
#[tokio::test]
async fn weighted_ballots_are_counted_by_each_method_and_the_public_log_recounts_them() {
    let app = spawn_app().await;
    app.admin_post("/api/admin/elections", five_questions("agm"))
        .await;
    let csv = "name,weight\nAnn,2.5\nBo,1\nCy,\nDi,0.5\n";
    let credentials = import(&app, "agm", csv).await;
    admin(&app, "agm", "start").await;
    let mut sessions = Vec::new();
    for credential in &credentials {
        sessions.push(session(&app, "agm", credential).await);
    }
    let ballots = [
        json!({"chair": [1, 2], "board": [1, 2, 3], "motion": [1], "q4": [1, 2], "logo": [3, [1, 2]]}),
        json!({"chair": [2], "board": [3, 1], "motion": [2], "q4": [2], "logo": [1]}),
        json!({"chair": [3, 2], "board": [4], "motion": [], "q4": [], "logo": [[2, 3]]}),
        // Di first votes for Ann as chair, then re-votes: the whole new ballot replaces it.
        json!({"chair": [1]}),
    ];
    for (session, answers) in sessions.iter().zip(&ballots) {
        let response = cast(&app, "agm", session, json!({ "answers": answers })).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let revote = json!({"answers": {"chair": [3], "motion": [1]}});
    let response = cast(&app, "agm", &sessions[3], revote).await;
    assert_eq!(response.status(), StatusCode::OK);
    admin(&app, "agm", "stop").await;
    admin(&app, "agm", "publish").await;

    let results: ResultsResponse = app.get_json("/api/elections/agm/results").await;
    assert_eq!(results.total_votes, 4);
    assert_eq!(
        (
            results.voted_weight.as_str(),
            results.eligible_weight.as_str()
        ),
        ("5", "5")
    );
    let question = |id: &str| results.questions.iter().find(|q| q.id == id).unwrap();
    // Chair by IRV: Ann 2.5, Bob 1, Cy 1 + 0.5 (Di's re-vote) = 1.5 of 5: no majority;
    // Bob goes, his ballot moves to nobody continuing but Ann? It ranks Bob only: exhausted.
    let chair = question("chair");
    assert_eq!(chair.valid, "5");
    assert_eq!(chair.rounds[0].tallies[0].votes, "2.5");
    assert_eq!(chair.winners, [1], "{chair:?}");
    // Motion by two thirds: Yes 2.5 + 0.5 = 3, No 1; Cy abstained.
    let motion = question("motion");
    assert_eq!((motion.passed, motion.blank), (Some(true), 1));
    // Approval: Tea 2.5, Cake 3.5.
    assert_eq!(question("q4").winners, [2]);
    let logo = question("logo");
    assert_eq!(logo.order.as_ref().map(Vec::len), Some(3));
    assert_eq!(question("board").quota.as_deref(), Some("2"));

    // The public log's ballots carry the answers and the weight, never the voter; recounted
    // from the lines alone, every question comes out to the same figures, rounds and draws.
    let lines = public_lines(&app, "agm").await;
    let weighted = lines
        .iter()
        .find(|line| line.contains("\"weight\":\"2.5\""))
        .expect("a weighted ballot line");
    assert!(weighted.contains("\"answers\"") && !weighted.contains("voter_id"));
    let board = bulletin_board("agm", &lines).unwrap();
    assert_eq!(recount_questions(&board), results.questions);

    // Exports: the ranked question's ballots as BLT, the rounds as CSV rows.
    let blt = app.get("/api/elections/agm/export/board.blt").await;
    assert_eq!(blt.status(), StatusCode::OK);
    let blt = blt.text().await.unwrap();
    assert!(blt.starts_with("4 2\n"), "{blt}");
    assert!(
        blt.contains("2.5 1 2 3 0\n") && blt.contains("\"Gus\"\n"),
        "{blt}"
    );
    let missing = app.get("/api/elections/agm/export/motion.blt").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let csv = app.get("/api/elections/agm/export/results.csv").await;
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with("candidate_id,name,votes,share,outcome,question,round\n"));
    assert!(csv.contains("1,Ann,2.5,50.00,,chair,1\n"), "{csv}");
}
