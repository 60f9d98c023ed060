//! The WebSocket hook notices a dead server, says so, and comes back by itself.

use serde_json::json;

use crate::helpers::{screenshot, spawn_app, wait_text, Driver, Text};

#[tokio::test(flavor = "multi_thread")]
async fn the_tally_shows_reconnecting_and_recovers_when_the_node_restarts() {
    let mut app = spawn_app().await;
    let driver = Driver::start().await;
    let tally = driver.session().await;
    tally
        .goto(&app.url("/tally"))
        .await
        .expect("opening /tally");
    wait_text(&tally, "[data-testid=connection]", Text::Is("Live")).await;
    wait_text(&tally, "[data-testid=phase]", Text::Is("Not started")).await;
    tally
        .execute("window.__notReloaded = true;", vec![])
        .await
        .expect("setting a marker");

    app.kill().await;
    wait_text(
        &tally,
        "[data-testid=connection]",
        Text::Contains("Reconnecting"),
    )
    .await;
    screenshot(&tally, "tally-reconnecting").await;

    app.restart().await;
    wait_text(&tally, "[data-testid=connection]", Text::Is("Live")).await;
    // Pushes flow on the new connection: the phase changes without a reload.
    app.admin_post("/api/admin/start", json!({})).await;
    wait_text(&tally, "[data-testid=phase]", Text::Is("Voting open")).await;
    let marker = tally
        .execute("return window.__notReloaded === true;", vec![])
        .await
        .expect("reading the marker");
    assert_eq!(
        marker,
        json!(true),
        "the page must recover without a reload"
    );

    tally.close().await.ok();
}
