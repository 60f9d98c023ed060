//! Named admin accounts and their roles: each role against each kind of admin route (allowed
//! or 403), tokens and sessions that stop with their account, CSRF on writes by cookie, and
//! the account named (`by`) on the public log's lines of what it did.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use shared::accounts::{AccountsResponse, CreateAccountResponse, MeAdminResponse};

use crate::helpers::{assert_error, spawn_app, TestApp};

pub(crate) async fn create(
    app: &TestApp,
    name: &str,
    role: &str,
    password: Option<&str>,
) -> CreateAccountResponse {
    let response = app
        .admin_post(
            "/api/admin/accounts",
            json!({"name": name, "role": role, "password": password}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

pub(crate) async fn call(
    app: &TestApp,
    token: &str,
    method: Method,
    path: &str,
    body: Value,
) -> StatusCode {
    let mut request = app
        .client
        .request(method.clone(), format!("{}{path}", app.url))
        .bearer_auth(token);
    if method != Method::GET {
        request = request.json(&body);
    }
    request.send().await.unwrap().status()
}

/// Two elections, `ours` (assigned to the official and the observer) and `theirs`.
pub(crate) async fn two_elections(app: &TestApp) {
    for id in ["ours", "theirs"] {
        let response = app
            .admin_post(
                "/api/admin/elections",
                json!({"id": id, "title": id, "candidates": [{"name": "Ann"}, {"name": "Bob"}]}),
            )
            .await;
        assert!(response.status().is_success(), "{}", response.status());
    }
}

#[tokio::test]
async fn each_role_may_do_what_it_is_for_and_nothing_else() {
    let app = spawn_app().await;
    two_elections(&app).await;
    let official = create(&app, "Ana Official", "official", None).await;
    let observer = create(&app, "Obi Observer", "observer", None).await;
    let owner = create(&app, "Olga Owner", "owner", None).await;
    let assigned = app
        .client
        .put(format!("{}/api/admin/elections/ours/officials", app.url))
        .bearer_auth(&owner.token)
        .json(&json!({"account_ids": [official.account_id, observer.account_id]}))
        .send()
        .await
        .unwrap();
    assert_eq!(assigned.status(), StatusCode::OK);

    use Method as M;
    // (method, path, body, owner, official, observer)
    let cases: Vec<(M, &str, Value, bool, bool, bool)> = vec![
        (
            M::GET,
            "/api/admin/elections/ours/status",
            json!(null),
            true,
            true,
            true,
        ),
        (
            M::GET,
            "/api/admin/elections/ours/events",
            json!(null),
            true,
            true,
            true,
        ),
        (
            M::GET,
            "/api/admin/elections/ours/mail",
            json!(null),
            true,
            true,
            true,
        ),
        (
            M::GET,
            "/api/admin/elections/theirs/status",
            json!(null),
            true,
            false,
            false,
        ),
        (
            M::POST,
            "/api/admin/elections/ours/deadline",
            json!({"minutes": 30}),
            true,
            true,
            false,
        ),
        (
            M::POST,
            "/api/admin/elections/theirs/deadline",
            json!({"minutes": 30}),
            true,
            false,
            false,
        ),
        (
            M::GET,
            "/api/admin/elections",
            json!(null),
            true,
            true,
            true,
        ),
        (
            M::POST,
            "/api/admin/elections",
            json!({"id": "new-one", "title": "New", "candidates": [{"name": "X"}]}),
            true,
            false,
            false,
        ),
        (
            M::GET,
            "/api/admin/accounts",
            json!(null),
            true,
            false,
            false,
        ),
        (
            M::POST,
            "/api/admin/accounts",
            json!({"name": "Eve", "role": "owner"}),
            true,
            false,
            false,
        ),
        (
            M::PUT,
            "/api/admin/elections/ours/officials",
            json!({"account_ids": [official.account_id, observer.account_id]}),
            true,
            false,
            false,
        ),
        // The original election's routes are election `default`'s, assigned to nobody.
        (M::POST, "/api/admin/start", json!({}), true, false, false),
        (M::GET, "/api/admin/me", json!(null), true, true, true),
    ];
    let mut wrong = Vec::new();
    for (method, path, body, by_owner, by_official, by_observer) in cases {
        for (who, token, allowed) in [
            ("owner", &owner.token, by_owner),
            ("official", &official.token, by_official),
            ("observer", &observer.token, by_observer),
        ] {
            let status = call(&app, token, method.clone(), path, body.clone()).await;
            let ok = if allowed {
                status != StatusCode::FORBIDDEN && status != StatusCode::UNAUTHORIZED
            } else {
                status == StatusCode::FORBIDDEN
            };
            if !ok {
                wrong.push(format!(
                    "{who} {method} {path}: {status} (allowed: {allowed})"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // A refusal is a 403 `forbidden` with a sentence.
    let refused = app
        .client
        .post(format!("{}/api/admin/elections/ours/start", app.url))
        .bearer_auth(&observer.token)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn a_deleted_account_s_token_stops_at_once_and_the_log_names_who_did_what() {
    let app = spawn_app().await;
    two_elections(&app).await;
    let official = create(&app, "Ana Official", "official", None).await;
    let assigned = app
        .admin_put_officials("ours", &[official.account_id])
        .await;
    assert_eq!(assigned, StatusCode::OK);
    let started = call(
        &app,
        &official.token,
        Method::POST,
        "/api/admin/elections/ours/start",
        json!({}),
    )
    .await;
    assert_eq!(started, StatusCode::OK);

    // The public log's line of the start names the official.
    let lines = public_lines(&app, "ours").await;
    let started = lines
        .iter()
        .find(|line| line.contains(r#""type":"voting_started""#))
        .expect("a line for the start");
    let by = format!(
        r#""by":{{"account_id":{},"name":"Ana Official"}}"#,
        official.account_id
    );
    assert!(started.contains(&by), "{started}");
    // The admin's feed names who started it; the public feed names nobody.
    let feed: Value = app
        .admin_get_json("/api/elections/ours/notifications")
        .await;
    let started = feed["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|line| line["kind"] == "voting_started")
        .cloned()
        .expect("a line for the start");
    assert_eq!(started["by"]["name"], "Ana Official", "{started}");
    let public: Value = app.get_json("/api/elections/ours/notifications").await;
    assert!(!public.to_string().contains("Ana Official"), "{public}");
    // The admin token is the built-in owner's.
    app.admin_post("/api/admin/elections/ours/stop", json!({}))
        .await;
    let lines = public_lines(&app, "ours").await;
    let stopped = lines
        .iter()
        .find(|line| line.contains(r#""type":"voting_closed""#))
        .expect("a line for the stop");
    assert!(
        stopped.contains(r#""by":{"account_id":0,"name":"admin"}"#),
        "{stopped}"
    );

    let deleted = app
        .client
        .delete(format!(
            "{}/api/admin/accounts/{}",
            app.url, official.account_id
        ))
        .bearer_auth(crate::helpers::ADMIN_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let after = call(
        &app,
        &official.token,
        Method::GET,
        "/api/admin/me",
        json!(null),
    )
    .await;
    assert_eq!(after, StatusCode::UNAUTHORIZED);
    let listed: AccountsResponse = app.admin_get_json("/api/admin/accounts").await;
    assert!(listed.accounts.is_empty(), "{listed:?}");
}

#[tokio::test]
async fn a_password_signs_in_for_a_session_cookie_whose_writes_need_their_csrf_value() {
    let app = spawn_app().await;
    two_elections(&app).await;
    let owner = create(&app, "Olga Owner", "owner", Some("correct horse battery")).await;
    let wrong = app
        .post(
            "/api/admin/login",
            json!({"name": "Olga Owner", "password": "not the password"}),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);

    let signed_in = app
        .post(
            "/api/admin/login",
            json!({"name": "olga owner", "password": "correct horse battery"}),
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let cookie = signed_in
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let session = cookie.split(';').next().unwrap().to_string();
    let me: MeAdminResponse = signed_in.json().await.unwrap();
    assert_eq!(me.account_id, owner.account_id);
    let csrf = me.csrf.expect("a CSRF value for a cookie session");

    // Reading by cookie needs nothing more.
    let status = app
        .client
        .get(format!("{}/api/admin/elections/ours/status", app.url))
        .header("cookie", &session)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, StatusCode::OK);
    // A write by cookie without the CSRF value is refused, with it accepted.
    let deadline = |csrf: Option<&str>| {
        let mut request = app
            .client
            .post(format!("{}/api/admin/elections/ours/deadline", app.url))
            .header("cookie", &session)
            .json(&json!({"minutes": 10}));
        if let Some(csrf) = csrf {
            request = request.header("x-csrf-token", csrf);
        }
        request.send()
    };
    assert_eq!(
        deadline(None).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        deadline(Some("0000")).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        deadline(Some(&csrf)).await.unwrap().status(),
        StatusCode::OK
    );
    // A forged cookie is nobody.
    let forged = session.replace(&format!("={}.", owner.account_id), "=99.");
    let status = app
        .client
        .get(format!("{}/api/admin/me", app.url))
        .header("cookie", &forged)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn bad_accounts_are_refused_clearly() {
    let app = spawn_app().await;
    create(&app, "Ana", "official", None).await;
    let twice = app
        .admin_post(
            "/api/admin/accounts",
            json!({"name": "ana", "role": "observer"}),
        )
        .await;
    assert_error(twice, StatusCode::CONFLICT, "name_taken").await;
    let short = app
        .admin_post(
            "/api/admin/accounts",
            json!({"name": "Bo", "role": "owner", "password": "short"}),
        )
        .await;
    assert_error(short, StatusCode::BAD_REQUEST, "bad_request").await;
    let role = app
        .admin_post("/api/admin/accounts", json!({"name": "Cy", "role": "root"}))
        .await;
    assert_error(role, StatusCode::BAD_REQUEST, "bad_request").await;
    let nobody = app
        .client
        .put(format!("{}/api/admin/elections/default/officials", app.url))
        .bearer_auth(crate::helpers::ADMIN_TOKEN)
        .json(&json!({"account_ids": [42]}))
        .send()
        .await
        .unwrap();
    assert_error(nobody, StatusCode::NOT_FOUND, "not_found").await;
}

/// Every line of an election's public log.
async fn public_lines(app: &TestApp, election: &str) -> Vec<String> {
    let tree: Value = app
        .get_json(&format!("/api/elections/{election}/log/tree"))
        .await;
    let size = tree["tree_size"].as_u64().expect("a tree size");
    let entries: Value = app
        .get_json(&format!(
            "/api/elections/{election}/log/entries?start=0&end={size}"
        ))
        .await;
    serde_json::from_value(entries["entries"].clone()).expect("the lines")
}

impl TestApp {
    pub(crate) async fn admin_put_officials(&self, election: &str, ids: &[u32]) -> StatusCode {
        self.client
            .put(format!(
                "{}/api/admin/elections/{election}/officials",
                self.url
            ))
            .bearer_auth(crate::helpers::ADMIN_TOKEN)
            .json(&json!({ "account_ids": ids }))
            .send()
            .await
            .unwrap()
            .status()
    }
}

#[tokio::test]
async fn the_first_owner_is_made_once_by_the_setup_link_the_node_prints() {
    let app = spawn_app().await;
    let node = app.node.as_ref().expect("a running node");
    let link = node
        .first_owner_link()
        .expect("a setup link while no account exists");
    let token = link.split("#setup=").nth(1).expect("the link's token");
    let setup = |setup_token: &str, name: &str| {
        app.post(
            "/api/admin/setup",
            json!({"setup_token": setup_token, "name": name, "password": "a long enough password"}),
        )
    };
    assert_error(
        setup("not-the-token", "Olga").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let made = setup(token, "Olga").await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let made: CreateAccountResponse = made.json().await.unwrap();
    assert_eq!(made.role, shared::accounts::AccountRole::Owner);
    // The owner signs in, and its token is an owner's.
    let signed_in = app
        .post(
            "/api/admin/login",
            json!({"name": "Olga", "password": "a long enough password"}),
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let listed = call(
        &app,
        &made.token,
        Method::GET,
        "/api/admin/accounts",
        json!(null),
    )
    .await;
    assert_eq!(listed, StatusCode::OK);
    // The link was for one use.
    assert_error(
        setup(token, "Mallory").await,
        StatusCode::CONFLICT,
        "name_taken",
    )
    .await;
    assert!(node.first_owner_link().is_none());
}
