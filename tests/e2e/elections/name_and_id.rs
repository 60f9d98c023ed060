//! An election whose voters log in by name and voter id, set up over the API; and an id no
//! election has.

use serde_json::json;

use crate::helpers::{click, find, spawn_app, type_into, wait_enabled, wait_text, Driver, Text};

#[tokio::test(flavor = "multi_thread")]
async fn a_name_and_id_election_logs_voters_in_by_name_without_re_voting() {
    let app = spawn_app().await;
    let election = json!({
        "id": "club-vote", "title": "Club vote",
        "candidates": [{"name": "Yes"}, {"name": "No"}],
        "options": {"login": "name_and_id"}
    });
    app.admin_post("/api/admin/elections", election).await;
    let roll = json!({"voters": [{"name": "Zoe"}, {"name": "Yann"}]});
    app.admin_post("/api/admin/elections/club-vote/voters", roll)
        .await;
    app.admin_post("/api/admin/elections/club-vote/start", json!({}))
        .await;
    let driver = Driver::start().await;

    let voter = driver.open(&app.url("/e/club-vote"), 412, 915).await;
    wait_text(&voter, "header h1", Text::Is("Club vote")).await;
    // No registration form: the admin imports this roll.
    let forms = voter
        .execute("return !!document.querySelector('#register-name');", vec![])
        .await
        .expect("looking for the registration form");
    assert_eq!(forms, json!(false));
    type_into(&voter, "#login-name", "Yann").await;
    type_into(&voter, "#login-id", "2").await;
    click(&voter, "#login-submit").await;
    wait_text(
        &voter,
        "[data-testid=who]",
        Text::Is("Logged in as Yann (voter #2)"),
    )
    .await;
    wait_enabled(&voter, "button[data-candidate='1']").await;
    click(&voter, "button[data-candidate='1']").await;
    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("Receipt: vote #"),
    )
    .await;
    let change = voter
        .execute("return !!document.querySelector('#change-vote');", vec![])
        .await
        .expect("looking for the change button");
    assert_eq!(change, json!(false), "no re-voting in this election");

    // The session is this election's: the original page still asks for a login.
    voter.goto(&app.url("/")).await.expect("opening /");
    find(&voter, "#login-name").await;

    // An election that does not exist says so.
    voter
        .goto(&app.url("/e/no-such-thing"))
        .await
        .expect("opening a missing election");
    wait_text(
        &voter,
        "[data-testid=missing]",
        Text::Contains("no-such-thing"),
    )
    .await;
    voter.close().await.ok();
}
