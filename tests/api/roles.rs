//! Every admin route of the published API description (`GET /api/openapi.json`), each role
//! against it: allowed, or 403 `forbidden`, as the roles say. A route added to the API is
//! checked here without anyone listing it.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::{call, create, two_elections};
use crate::helpers::{spawn_app, TestApp};

/// Every admin operation of the published OpenAPI description, each path's ids filled in for
/// election `ours` (assigned to the official and the observer) or `theirs` (not).
async fn admin_operations(app: &TestApp, election: &str, account: u32) -> Vec<(Method, String)> {
    let spec: Value = app.get_json("/api/openapi.json").await;
    let mut operations = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("operations") {
            let admin = operation["security"]
                .as_array()
                .is_some_and(|list| list.iter().any(|s| s.get("admin").is_some()));
            if !admin || !path.starts_with("/api/admin/") {
                continue;
            }
            let path = path
                .replace("{id}", election)
                .replace("{voter_id}", "1")
                .replace("{account_id}", &account.to_string())
                .replace("{file}", "turnout.csv");
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("a method");
            operations.push((method, path));
        }
    }
    operations
}

/// What the roles say of one operation: (owner, official, observer) allowed.
fn expected(method: &Method, path: &str, assigned: bool) -> (bool, bool, bool) {
    let reading = *method == Method::GET;
    let own = matches!(path, "/api/admin/me" | "/api/admin/logout");
    let owners_only = path.starts_with("/api/admin/accounts")
        || path.ends_with("/officials")
        || path == "/api/admin/backup"
        || (path == "/api/admin/elections" && !reading);
    let list = path == "/api/admin/elections" && reading;
    // Routes without an id are the original election's, assigned to nobody here.
    let in_election = path.starts_with("/api/admin/elections/") && assigned;
    if own || list {
        return (true, true, true);
    }
    if owners_only {
        return (true, false, false);
    }
    (true, in_election, in_election && reading)
}

#[tokio::test]
async fn every_admin_route_of_the_api_description_admits_exactly_the_roles_it_should() {
    let app = spawn_app().await;
    two_elections(&app).await;
    let official = create(&app, "Ana Official", "official", None).await;
    let observer = create(&app, "Obi Observer", "observer", None).await;
    let owner = create(&app, "Olga Owner", "owner", None).await;
    // An account for the owner's DELETE to remove (refused to the others first).
    let spare = create(&app, "Spare", "observer", None).await;
    assert_eq!(
        app.admin_put_officials("ours", &[official.account_id, observer.account_id])
            .await,
        StatusCode::OK
    );
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (election, assigned) in [("ours", true), ("theirs", false)] {
        for (method, path) in admin_operations(&app, election, spare.account_id).await {
            let (by_owner, by_official, by_observer) = expected(&method, &path, assigned);
            // The owner last: its DELETE removes the spare account, its stop ends voting.
            for (who, token, allowed) in [
                ("observer", &observer.token, by_observer),
                ("official", &official.token, by_official),
                ("owner", &owner.token, by_owner),
            ] {
                let status = call(&app, token, method.clone(), &path, json!({})).await;
                let ok = match allowed {
                    true => status != StatusCode::FORBIDDEN && status != StatusCode::UNAUTHORIZED,
                    false => status == StatusCode::FORBIDDEN,
                };
                if !ok {
                    wrong.push(format!(
                        "{who} {method} {path}: {status} (allowed: {allowed})"
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(
        checked > 60,
        "only {checked} checks: is the description read?"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
