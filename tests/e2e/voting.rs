//! A vote reaches the projector live, and the voter's receipt survives a reload.

use serde_json::json;

use crate::helpers::{
    click, log_in, screenshot, spawn_app, type_into, wait_enabled, wait_text, Driver, Text,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_vote_appears_on_the_tally_page_without_a_reload() {
    let app = spawn_app().await;
    app.admin_post("/api/admin/live-results", json!({ "enabled": true }))
        .await;
    app.admin_post("/api/admin/start", json!({})).await;
    let driver = Driver::start().await;

    // The projector, at 1080p, connected before anyone votes.
    let tally = driver.open(&app.url("/tally"), 1920, 1080).await;
    wait_text(&tally, "[data-testid=connection]", Text::Contains("Live")).await;
    wait_text(&tally, "[data-testid=total-votes]", Text::Is("0")).await;
    wait_text(&tally, "[data-testid=phase]", Text::Is("Voting open")).await;
    // A marker that a reload would wipe out.
    tally
        .execute("window.__notReloaded = true;", vec![])
        .await
        .expect("setting a marker");

    let voter = driver.session().await;
    log_in(&voter, &app, "Alice", 1).await;
    wait_enabled(&voter, "button[data-candidate='2']").await;
    click(&voter, "button[data-candidate='2']").await;
    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("You have voted"),
    )
    .await;

    wait_text(&tally, "[data-testid=total-votes]", Text::Is("1")).await;
    wait_text(
        &tally,
        "li[data-candidate='2'] [data-testid=votes]",
        Text::Is("1"),
    )
    .await;
    wait_text(
        &tally,
        "li[data-candidate='1'] [data-testid=votes]",
        Text::Is("0"),
    )
    .await;
    let marker = tally
        .execute("return window.__notReloaded === true;", vec![])
        .await
        .unwrap();
    assert_eq!(
        marker,
        json!(true),
        "the tally page must update without reloading"
    );
    screenshot(&tally, "tally").await;

    // The confirmation comes from the server (GET /api/me), so it survives a reload.
    voter.refresh().await.expect("reloading the voter page");
    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("Receipt: vote #"),
    )
    .await;

    tally.close().await.ok();
    voter.close().await.ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_voter_registers_and_is_logged_in_with_their_number() {
    let app = spawn_app().await;
    let driver = Driver::start().await;
    let voter = driver.session().await;
    voter
        .goto(&app.url("/"))
        .await
        .expect("opening the voter page");
    type_into(&voter, "#register-name", "Zoe").await;
    click(&voter, "#register-submit").await;
    // Ten voters are on the roll at first start, so the newcomer is number 11.
    wait_text(
        &voter,
        "[data-testid=notice]",
        Text::Contains("You are voter #11"),
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=who]",
        Text::Is("Logged in as Zoe (voter #11)"),
    )
    .await;
    // Before the election opens the ballot is readable but cannot be used.
    wait_text(
        &voter,
        "[data-testid=ballot]",
        Text::Contains("Ada Lovelace"),
    )
    .await;
    let disabled = voter
        .execute(
            "return document.querySelector(\"button[data-candidate='1']\").disabled;",
            vec![],
        )
        .await
        .expect("reading the button");
    assert_eq!(disabled, json!(true), "no vote before the election opens");
    voter.close().await.ok();
}
