//! Elections as data: defining elections, importing rolls with credentials, credential login,
//! re-voting, exports, and the original election untouched beside them.

use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::dto::{LoginResponse, MeResponse, ResultsResponse};
use shared::elections::{ElectionView, ElectionsResponse, LoginMethod, RollResponse};

use crate::helpers::{assert_error, spawn_app, TestApp, ADMIN_TOKEN};

const ROLL: &str = "name,email,external_id\n\
                    Ann Smith,ann@example.org,A-1\n\
                    \"Bo, the Second\",bo@example.org,\n\
                    Cy,,C-3\n\
                    Ann Again,ANN@example.org,\n\
                    Di,di@example.org,D-4\n";

fn board(id: &str, revoting: bool) -> Value {
    json!({
        "id": id, "title": "Board election 2027", "description": "Three seats",
        "candidates": [
            {"name": "Ada", "description": "Treasurer"},
            {"name": "Brian"},
            {"name": "Chen"}
        ],
        "options": {"revoting": revoting}
    })
}

async fn create(app: &TestApp, body: Value) -> ElectionView {
    let response = app.admin_post("/api/admin/elections", body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

async fn import_csv(app: &TestApp, id: &str, csv: &str, key: &str) -> reqwest::Response {
    app.client
        .post(format!("{}/api/admin/elections/{id}/voters", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .header("idempotency-key", key)
        .body(csv.to_string())
        .send()
        .await
        .unwrap()
}

async fn credential_login(app: &TestApp, id: &str, credential: &str) -> reqwest::Response {
    let path = format!("/api/elections/{id}/login");
    app.post(&path, json!({ "credential": credential })).await
}

async fn vote_in(app: &TestApp, id: &str, session: &str, candidate_id: u32) -> reqwest::Response {
    let now = app.server_time().await;
    let body = json!({
        "session": session, "candidate_id": candidate_id,
        "lamport": now.lamport, "click_time_ms": now.server_time_ms,
    });
    app.post(&format!("/api/elections/{id}/vote"), body).await
}

async fn admin(app: &TestApp, id: &str, action: &str) -> reqwest::Response {
    let path = format!("/api/admin/elections/{id}/{action}");
    app.admin_post(&path, json!({})).await
}

/// Creates `id`, imports [`ROLL`], returns the credentials of the created rows in order.
async fn election_with_roll(app: &TestApp, id: &str, revoting: bool) -> Vec<String> {
    create(app, board(id, revoting)).await;
    let response = import_csv(app, id, ROLL, &format!("import-{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let roll: RollResponse = response.json().await.unwrap();
    roll.voters
        .into_iter()
        .filter(|row| row.status == "created")
        .map(|row| row.credential)
        .collect()
}

#[tokio::test]
async fn an_admin_defines_an_election_that_the_public_lists_beside_the_original() {
    let app = spawn_app().await;
    let created = create(&app, board("board-2027", false)).await;
    assert_eq!(created.election_id, "board-2027");
    assert_eq!(created.options.login, LoginMethod::Credential);
    assert!(!created.options.self_registration);
    let names: Vec<&str> = created.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Brian", "Chen"]);
    assert_eq!(created.candidates[0].id, 1);
    assert_eq!(created.candidates[0].description, "Treasurer");

    let listed: ElectionsResponse = app.get_json("/api/elections").await;
    let ids: Vec<&str> = listed.elections.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["board-2027", "default"]);
    let shown: ElectionView = app.get_json("/api/elections/board-2027").await;
    assert_eq!(shown, created);

    // Without an id, one is derived from the title.
    let derived = create(
        &app,
        json!({"title": "Club Vote!", "candidates": [{"name": "X"}]}),
    )
    .await;
    assert_eq!(derived.id, "club-vote");

    // The original election is unchanged: ten candidates, name-and-id login.
    let original: ElectionView = app.get_json("/api/elections/default").await;
    assert_eq!(original.candidates.len(), 10);
    assert_eq!(original.options.login, LoginMethod::NameAndId);
    assert_eq!(app.login("Alice", 1).await.voter_id, 1);
}

#[tokio::test]
async fn bad_definitions_are_refused_naming_the_field_and_change_nothing() {
    let app = spawn_app().await;
    let cases = [
        (json!({"title": "", "candidates": [{"name": "A"}]}), "title"),
        (json!({"title": "T", "candidates": []}), "candidates"),
        (
            json!({"title": "T", "candidates": [{"name": "A"}, {"name": " a "}]}),
            "candidates[1].name",
        ),
        (
            json!({"title": "T", "candidates": [{"name": "A\u{0}"}]}),
            "candidates[0].name",
        ),
        (
            json!({"id": "No Caps", "title": "T", "candidates": [{"name": "A"}]}),
            "id",
        ),
        (
            json!({"title": "x".repeat(201), "candidates": [{"name": "A"}]}),
            "title",
        ),
        (
            json!({"title": "T", "candidates": [{"name": "A"}],
                   "options": {"self_registration": true, "login": "credential"}}),
            "options.self_registration",
        ),
    ];
    for (body, field) in cases {
        let response = app.admin_post("/api/admin/elections", body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let error: Value = response.json().await.unwrap();
        let message = error["message"].as_str().unwrap();
        assert!(message.starts_with(field), "{field}: {message}");
    }
    let listed: ElectionsResponse = app.get_json("/api/elections").await;
    assert_eq!(listed.elections.len(), 1);

    create(&app, board("board-2027", false)).await;
    let again = app
        .admin_post("/api/admin/elections", board("board-2027", false))
        .await;
    assert_error(again, StatusCode::CONFLICT, "election_exists").await;
    let anonymous = app
        .post("/api/admin/elections", board("other", false))
        .await;
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "admin_unauthorized").await;
    // Found by the fuzzer: the admin's GETs were answered without the token.
    for path in ["/api/admin/elections", "/api/admin/elections/board-2027"] {
        let anonymous = app.get(path).await;
        assert_error(anonymous, StatusCode::UNAUTHORIZED, "admin_unauthorized").await;
        assert_eq!(app.admin_get(path).await.status(), StatusCode::OK);
    }
    let missing = app.get("/api/elections/nope-nope").await;
    assert_error(missing, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn a_csv_roll_gets_one_credential_per_new_voter_and_skips_those_already_on_it() {
    let app = spawn_app().await;
    create(&app, board("board-2027", false)).await;
    let response = import_csv(&app, "board-2027", ROLL, "import-1").await;
    assert_eq!(response.status(), StatusCode::OK);
    let roll: RollResponse = response.json().await.unwrap();
    assert_eq!((roll.created, roll.skipped), (4, 1));
    let statuses: Vec<&str> = roll.voters.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(
        statuses,
        [
            "created",
            "created",
            "created",
            "skipped: email already on the roll",
            "created"
        ]
    );
    assert_eq!(roll.voters[1].name, "Bo, the Second");
    assert_eq!(roll.voters[0].external_id, "A-1");
    let ids: Vec<Option<u32>> = roll.voters.iter().map(|r| r.voter_id).collect();
    assert_eq!(ids, [Some(1), Some(2), Some(3), None, Some(4)]);
    let credential = &roll.voters[0].credential;
    assert_eq!(credential.len(), 23, "{credential}");
    assert!(roll.voters[3].credential.is_empty());

    // A retry with the same key shows the same credentials; nothing is added twice.
    let retry: RollResponse = import_csv(&app, "board-2027", ROLL, "import-1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retry, roll);
    // The same file under a new key adds nobody.
    let again: RollResponse = import_csv(&app, "board-2027", ROLL, "import-2")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((again.created, again.skipped), (0, 5));

    // The credential is shown once and kept only as a hash: nowhere in the audit log.
    let log = app
        .admin_get("/api/admin/elections/board-2027/events")
        .await;
    let log = log.text().await.unwrap();
    assert!(!log.contains(credential.as_str()));

    // Asked for CSV, the answer is CSV with the documented header.
    let csv = app
        .client
        .post(format!("{}/api/admin/elections/board-2027/voters", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "application/json")
        .header("accept", "text/csv")
        .body(r#"{"voters": [{"name": "Eve", "email": "eve@example.org"}]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("voter_id,name,email,external_id,credential,status")
    );
    assert!(lines.next().unwrap().starts_with("5,Eve,eve@example.org,,"));
}

#[tokio::test]
async fn a_malformed_roll_is_refused_naming_the_line_and_imports_nothing() {
    let app = spawn_app().await;
    create(&app, board("board-2027", false)).await;
    let cases = [
        ("email\nann@example.org\n", "line 1"),
        (
            "name,email\nAnn,a@example.org\nBo,b@example.org,extra\n",
            "line 3",
        ),
        ("name,email\nAnn,a@example.org\n\"unclosed,b\n", "line 3"),
        ("name\nAnn\n\u{200b}\n", "row 2"),
    ];
    for (csv, line) in cases {
        let response = import_csv(
            &app,
            "board-2027",
            csv,
            &format!("bad-{}", line.replace(' ', "-")),
        )
        .await;
        let message = assert_error(response, StatusCode::BAD_REQUEST, "invalid_roll").await;
        assert!(message.contains(line), "{line}: {message}");
    }
    let view: ElectionView = app.get_json("/api/elections/board-2027").await;
    assert_eq!(view.voters, 0);
    let wrong_type = app
        .client
        .post(format!("{}/api/admin/elections/board-2027/voters", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/plain")
        .body("name\nAnn\n")
        .send()
        .await
        .unwrap();
    assert_error(
        wrong_type,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
}

#[tokio::test]
async fn voters_log_in_with_their_credential_and_vote_in_their_election_only() {
    let app = spawn_app().await;
    let credentials = election_with_roll(&app, "board-2027", false).await;

    // Typing is forgiving: lower case and spaces instead of dashes.
    let typed = credentials[0].to_lowercase().replace('-', " ");
    let response = credential_login(&app, "board-2027", &typed).await;
    assert_eq!(response.status(), StatusCode::OK);
    let login: LoginResponse = response.json().await.unwrap();
    assert_eq!((login.voter_id, login.name.as_str()), (1, "Ann Smith"));

    let wrong = credential_login(&app, "board-2027", "AAAAA-AAAAA-AAAAA-AAAAA").await;
    assert_error(wrong, StatusCode::UNAUTHORIZED, "bad_credential").await;
    let by_name = app
        .post(
            "/api/elections/board-2027/login",
            json!({"name": "Ann Smith", "voter_id": 1}),
        )
        .await;
    assert_error(by_name, StatusCode::UNAUTHORIZED, "wrong_login_method").await;
    let in_default = credential_login(&app, "default", &credentials[0]).await;
    assert_error(in_default, StatusCode::UNAUTHORIZED, "wrong_login_method").await;
    let register = app
        .post(
            "/api/elections/board-2027/register",
            json!({"name": "Mallory"}),
        )
        .await;
    assert_error(register, StatusCode::FORBIDDEN, "self_registration_off").await;

    // The session belongs to its election.
    let me = app
        .client
        .get(format!("{}/api/me", app.url))
        .bearer_auth(&login.session)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);

    assert_eq!(
        admin(&app, "board-2027", "start").await.status(),
        StatusCode::OK
    );
    assert_eq!(app.results().await.phase, shared::Phase::Setup);
    let voted = vote_in(&app, "board-2027", &login.session, 2).await;
    assert_eq!(voted.status(), StatusCode::OK);
    let in_default = app.vote(&login.session, 2).await;
    assert_error(in_default, StatusCode::UNAUTHORIZED, "bad_session").await;
    let again = vote_in(&app, "board-2027", &login.session, 3).await;
    assert_error(again, StatusCode::CONFLICT, "already_voted").await;
    let me: MeResponse = app
        .client
        .get(format!("{}/api/elections/board-2027/me", app.url))
        .bearer_auth(&login.session)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(me.has_voted);

    // Once open, the roll and the ballot are frozen.
    let late = import_csv(&app, "board-2027", "name\nZed\n", "late").await;
    assert_error(late, StatusCode::CONFLICT, "roll_frozen").await;
    let redefine = app
        .client
        .put(format!("{}/api/admin/elections/board-2027", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .json(&board("board-2027", false))
        .send()
        .await
        .unwrap();
    assert_error(redefine, StatusCode::CONFLICT, "wrong_phase").await;
}

#[tokio::test]
async fn with_re_voting_the_last_vote_counts_once() {
    let app = spawn_app().await;
    let credentials = election_with_roll(&app, "agm", true).await;
    admin(&app, "agm", "start").await;
    let mut sessions = Vec::new();
    for credential in &credentials[..2] {
        let login: LoginResponse = credential_login(&app, "agm", credential)
            .await
            .json()
            .await
            .unwrap();
        sessions.push(login.session);
    }
    for candidate in [1, 2, 3] {
        let response = vote_in(&app, "agm", &sessions[0], candidate).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    assert_eq!(
        vote_in(&app, "agm", &sessions[1], 3).await.status(),
        StatusCode::OK
    );
    admin(&app, "agm", "stop").await;
    admin(&app, "agm", "publish").await;
    let results: ResultsResponse = app.get_json("/api/elections/agm/results").await;
    let counts: Vec<u64> = results.counts.iter().map(|c| c.votes).collect();
    assert_eq!(counts, [0, 0, 2]);
    assert_eq!(results.total_votes, 2);

    // The log keeps every ballot and says which one each replaces.
    let log = app
        .admin_get("/api/admin/elections/agm/export/events.ndjson")
        .await;
    assert_eq!(log.status(), StatusCode::OK);
    let text = log.text().await.unwrap();
    let votes: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap())
        .filter(|event| event["payload"]["type"] == "vote_cast")
        .collect();
    assert_eq!(votes.len(), 4);
    assert!(votes.iter().all(|v| v["election_id"] == "agm"));
    assert!(votes
        .iter()
        .all(|v| v["payload"].get("candidate_id").is_none()));
}

#[tokio::test]
async fn a_replaced_credential_stops_the_old_one_and_its_sessions() {
    let app = spawn_app().await;
    let credentials = election_with_roll(&app, "board-2027", false).await;
    let old: LoginResponse = credential_login(&app, "board-2027", &credentials[1])
        .await
        .json()
        .await
        .unwrap();
    let path = "/api/admin/elections/board-2027/voters/2/credential";
    let response = app.admin_post(path, json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let fresh: Value = response.json().await.unwrap();
    let fresh = fresh["credential"].as_str().unwrap().to_string();
    assert_ne!(fresh, credentials[1]);

    let refused = credential_login(&app, "board-2027", &credentials[1]).await;
    assert_error(refused, StatusCode::UNAUTHORIZED, "bad_credential").await;
    let login: LoginResponse = credential_login(&app, "board-2027", &fresh)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(login.voter_id, 2);
    let me = app
        .client
        .get(format!("{}/api/elections/board-2027/me", app.url))
        .bearer_auth(&old.session)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
    let nobody = app
        .admin_post(
            "/api/admin/elections/board-2027/voters/99/credential",
            json!({}),
        )
        .await;
    assert_error(nobody, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn exports_give_results_turnout_without_choices_and_the_log() {
    let app = spawn_app().await;
    let credentials = election_with_roll(&app, "board-2027", false).await;
    admin(&app, "board-2027", "start").await;
    let login: LoginResponse = credential_login(&app, "board-2027", &credentials[0])
        .await
        .json()
        .await
        .unwrap();
    vote_in(&app, "board-2027", &login.session, 2).await;

    let early = app
        .admin_get("/api/admin/elections/board-2027/export/results.csv")
        .await;
    assert_error(early, StatusCode::CONFLICT, "wrong_phase").await;
    admin(&app, "board-2027", "stop").await;
    let results = app
        .admin_get("/api/admin/elections/board-2027/export/results.csv")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        results,
        "candidate_id,name,votes,share,outcome\n1,Ada,0,0.00,\n2,Brian,1,100.00,winner\n3,Chen,0,0.00,\n"
    );
    let public = app
        .get("/api/elections/board-2027/export/results.csv")
        .await;
    assert_error(public, StatusCode::CONFLICT, "wrong_phase").await;
    admin(&app, "board-2027", "publish").await;
    let public = app
        .get("/api/elections/board-2027/export/results.csv")
        .await;
    assert_eq!(public.text().await.unwrap(), results);

    let turnout = app
        .admin_get("/api/admin/elections/board-2027/export/turnout.csv")
        .await
        .text()
        .await
        .unwrap();
    let lines: Vec<&str> = turnout.lines().collect();
    assert_eq!(lines[0], "voter_id,name,email,voted,time");
    assert!(lines[1].starts_with("1,Ann Smith,ann@example.org,yes,"));
    assert_eq!(lines[2], "2,\"Bo, the Second\",bo@example.org,no,");
    assert!(!turnout.contains("Brian"));
    let anonymous = app
        .get("/api/admin/elections/board-2027/export/turnout.csv")
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn elections_survive_a_restart_and_the_original_log_stays_its_own() {
    let mut app = spawn_app().await;
    let credentials = election_with_roll(&app, "board-2027", false).await;
    app.stop().await;
    app.start().await;
    let view: ElectionView = app.get_json("/api/elections/board-2027").await;
    assert_eq!(view.voters, 4);
    let login = credential_login(&app, "board-2027", &credentials[3]).await;
    assert_eq!(login.status(), StatusCode::OK);
    // The original election's audit log holds none of the other election's events.
    let events: Value = app.admin_get_json("/api/admin/events?limit=10000").await;
    let events = events["events"].as_array().unwrap();
    assert!(events.iter().all(|e| e.get("election_id").is_none()));
    assert!(events
        .iter()
        .all(|e| e["payload"]["type"] != "voter_imported"));
}

#[tokio::test]
async fn guessing_credentials_is_slowed_down_with_429_and_retry_after() {
    let app = crate::helpers::spawn_app_with(|args| {
        args.rate_limit_exempt = "".parse().unwrap();
        args.failed_attempts_per_minute = std::num::NonZeroU32::new(3).unwrap();
    })
    .await;
    let credentials = election_with_roll(&app, "board-2027", false).await;
    for _ in 0..3 {
        let guess = credential_login(&app, "board-2027", "AAAAA-AAAAA-AAAAA-AAAAA").await;
        assert_eq!(guess.status(), StatusCode::UNAUTHORIZED);
    }
    let limited = credential_login(&app, "board-2027", &credentials[0]).await;
    assert!(limited.headers().contains_key("retry-after"));
    assert_error(limited, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}

#[tokio::test]
async fn the_openapi_description_is_served_and_names_the_election_routes() {
    let app = spawn_app().await;
    let spec: Value = app.get_json("/api/openapi.json").await;
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/vote",
        "/api/admin/elections",
        "/api/elections/{id}/login",
        "/api/admin/elections/{id}/voters",
    ] {
        assert!(spec["paths"][path].is_object(), "{path}");
    }
    assert!(spec["components"]["schemas"]["ElectionRequest"].is_object());
}

#[tokio::test]
async fn a_large_roll_is_committed_in_parts_and_answers_as_one_import() {
    let app = spawn_app().await;
    create(&app, board("big", false)).await;
    let mut csv = String::from("name,email\n");
    for i in 0..4_500 {
        csv.push_str(&format!("Voter {i},v{i}@example.org\n"));
    }
    // Row 4,501 repeats row 1's email: skipped, named by its row in the file.
    csv.push_str("Someone Else,V0@example.org\n");
    let response = import_csv(&app, "big", &csv, "big-import").await;
    assert_eq!(response.status(), StatusCode::OK);
    let roll: RollResponse = response.json().await.unwrap();
    assert_eq!((roll.created, roll.skipped), (4_500, 1));
    assert_eq!(roll.voters[4_499].voter_id, Some(4_500));
    assert_eq!(
        roll.voters[4_500].status,
        "skipped: email already on the roll"
    );
    let retry: RollResponse = import_csv(&app, "big", &csv, "big-import")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retry, roll);
    let reused = import_csv(&app, "big", "name\nOther\n", "big-import").await;
    assert_error(
        reused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    )
    .await;
    let view: ElectionView = app.get_json("/api/elections/big").await;
    assert_eq!(view.voters, 4_500);
    let login = credential_login(&app, "big", &roll.voters[4_321].credential).await;
    assert_eq!(login.status(), StatusCode::OK);
}
