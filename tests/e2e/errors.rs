//! The voter's error messages, as a voter sees them.

use serde_json::json;

use crate::helpers::{
    click, log_in, screenshot, spawn_app, spawn_app_with, type_into, wait_enabled, wait_text,
    Driver, Text,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_login_and_a_double_vote_show_their_messages() {
    let app = spawn_app().await;
    app.admin_post("/api/admin/start", json!({})).await;
    let driver = Driver::start().await;

    // Alice is voter 1, not 2.
    let first = driver.open(&app.url("/"), 412, 915).await;
    type_into(&first, "#login-name", "Alice").await;
    type_into(&first, "#login-id", "2").await;
    click(&first, "#login-submit").await;
    wait_text(
        &first,
        "[data-testid=notice]",
        Text::Contains("Wrong name or voter id"),
    )
    .await;
    screenshot(&first, "voter-wrong-login").await;

    // Charlie opens the ballot in two browsers, and votes in the first.
    let second = driver.session().await;
    log_in(&first, &app, "Charlie", 3).await;
    log_in(&second, &app, "Charlie", 3).await;
    wait_enabled(&second, "button[data-candidate='1']").await;
    wait_enabled(&first, "button[data-candidate='1']").await;
    screenshot(&second, "voter-ballot").await;
    click(&first, "button[data-candidate='1']").await;
    wait_text(
        &first,
        "[data-testid=confirmation]",
        Text::Contains("You have voted"),
    )
    .await;

    // The second browser still shows the ballot; its vote is refused with a clear message,
    // and the page then shows the receipt of the vote that did count.
    click(&second, "button[data-candidate='4']").await;
    wait_text(
        &second,
        "[data-testid=notice]",
        Text::Contains("You have already voted"),
    )
    .await;
    wait_text(
        &second,
        "[data-testid=confirmation]",
        Text::Contains("Receipt: vote #"),
    )
    .await;
    screenshot(&second, "voter-double-vote").await;

    first.close().await.ok();
    second.close().await.ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_vote_queue_is_explained_and_retried() {
    // No room in the queue: every vote is refused with 503 and Retry-After.
    let app = spawn_app_with(&["--vote-queue-capacity", "0"]).await;
    app.admin_post("/api/admin/start", json!({})).await;
    let driver = Driver::start().await;
    let voter = driver.session().await;
    log_in(&voter, &app, "Diana", 4).await;
    wait_enabled(&voter, "button[data-candidate='1']").await;
    click(&voter, "button[data-candidate='1']").await;
    wait_text(
        &voter,
        "[data-testid=notice]",
        Text::Contains("Many people are voting right now; trying again in"),
    )
    .await;
    // The vote is still pending (it will be sent again), not abandoned with an error.
    wait_text(
        &voter,
        "button[data-candidate='1']",
        Text::Contains("Sending…"),
    )
    .await;
    voter.close().await.ok();
}
