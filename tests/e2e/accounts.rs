//! Named accounts in the admin pages: an observer signs in with a name and a password and sees
//! an election's console without a control that changes it; an owner makes an account through
//! the accounts page and sees its token once.

use serde_json::json;

use crate::helpers::{
    click, find, screenshot, spawn_app, type_into, wait_gone, wait_text, Driver, TestApp, Text,
    ADMIN_TOKEN,
};

const PASSWORD: &str = "correct horse battery staple";

/// An election `board` with a roll of two, and an observer assigned to it, through the API.
async fn board_with_an_observer(app: &TestApp) {
    let election = json!({
        "id": "board", "title": "Board election",
        "candidates": [{"name": "Ada"}, {"name": "Brian"}],
        "options": {"login": "credential"}
    });
    app.admin_post("/api/admin/elections", election).await;
    let http = reqwest::Client::new();
    let roll = http
        .post(app.url("/api/admin/elections/board/voters"))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .header("idempotency-key", "import-board")
        .body("name,email,external_id\nAnn,,A-1\nBo,,B-2\n")
        .send()
        .await
        .expect("importing the roll");
    assert!(roll.status().is_success(), "{}", roll.status());
    let observer = json!({"name": "Olivia Observer", "role": "observer", "password": PASSWORD});
    let created: serde_json::Value = http
        .post(app.url("/api/admin/accounts"))
        .bearer_auth(ADMIN_TOKEN)
        .json(&observer)
        .send()
        .await
        .expect("creating the observer")
        .json()
        .await
        .expect("the new account");
    let assigned = http
        .put(app.url("/api/admin/elections/board/officials"))
        .bearer_auth(ADMIN_TOKEN)
        .json(&json!({"account_ids": [created["account_id"]]}))
        .send()
        .await
        .expect("assigning the observer");
    assert!(assigned.status().is_success(), "{}", assigned.status());
}

/// Whether an element matching `css` is on the page now.
async fn present(client: &fantoccini::Client, css: &str) -> bool {
    client
        .execute(
            "return !!document.querySelector(arguments[0]);",
            vec![json!(css)],
        )
        .await
        .expect("looking for an element")
        == json!(true)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_observer_signs_in_and_watches_and_an_owner_makes_an_account() {
    let app = spawn_app().await;
    board_with_an_observer(&app).await;
    let driver = Driver::start().await;

    // The observer signs in with a name and a password: a session cookie, no token.
    let observer = driver.open(&app.url("/admin/e/board"), 1280, 1200).await;
    type_into(&observer, "#admin-name", "Olivia Observer").await;
    type_into(&observer, "#admin-password", PASSWORD).await;
    click(&observer, "#admin-sign-in").await;
    wait_text(
        &observer,
        "[data-testid=account-badge]",
        Text::Contains("Olivia Observer · observer"),
    )
    .await;
    find(&observer, "[data-testid=voter-table]").await;
    wait_text(&observer, "[data-testid=turnout]", Text::Contains("0 of 2")).await;
    wait_text(
        &observer,
        "[data-testid=observer-note]",
        Text::Is("You are an observer: you can watch this election but change nothing."),
    )
    .await;
    for control in [
        "#start",
        "#stop",
        "#publish",
        "#live-results",
        "#deadline-minutes",
        "#roll-import",
        "#mail-invite-all",
        "#officials-save",
    ] {
        assert!(
            !present(&observer, control).await,
            "an observer's console shows {control}"
        );
    }
    screenshot(&observer, "accounts-observer-console").await;

    // A reload keeps the session (the cookie), and signing out ends it.
    observer.refresh().await.expect("reloading");
    wait_text(
        &observer,
        "[data-testid=account-badge]",
        Text::Contains("Olivia Observer"),
    )
    .await;
    click(&observer, "#admin-sign-out").await;
    find(&observer, "#admin-sign-in").await;
    observer.close().await.ok();

    // The owner, by the admin token, makes an account on the accounts page.
    let owner = driver.open(&app.url("/admin/elections"), 1280, 1200).await;
    type_into(&owner, "#admin-token", ADMIN_TOKEN).await;
    click(&owner, "#admin-token-submit").await;
    wait_text(
        &owner,
        "[data-testid=account-badge]",
        Text::Contains("admin · owner"),
    )
    .await;
    wait_text(
        &owner,
        "[data-testid=accounts]",
        Text::Contains("Olivia Observer"),
    )
    .await;
    type_into(&owner, "#account-name", "Ana").await;
    click(&owner, "#account-create").await;
    wait_text(
        &owner,
        "[data-testid=account-token]",
        Text::Contains("Token of Ana"),
    )
    .await;
    let token = find(&owner, "[data-testid=account-token-value]")
        .await
        .text()
        .await
        .expect("reading the token");
    assert!(token.trim().len() >= 16, "a token is shown: {token:?}");
    wait_text(
        &owner,
        "[data-testid=accounts]",
        Text::Contains("Ana · official"),
    )
    .await;
    screenshot(&owner, "accounts-new-token").await;
    // Done: the token is gone for good.
    click(&owner, "#account-token-done").await;
    wait_gone(&owner, "[data-testid=account-token]").await;

    // On the election's console, the owner sees who is assigned and can change it.
    owner
        .goto(&app.url("/admin/e/board"))
        .await
        .expect("opening the console");
    let observer_box = find(&owner, "#official-1").await;
    assert_eq!(
        observer_box.prop("checked").await.expect("reading the box"),
        Some("true".into()),
        "the observer is assigned to the board"
    );
    click(&owner, "#official-2").await;
    click(&owner, "#officials-save").await;
    wait_text(
        &owner,
        "section[aria-labelledby=officials-title] [data-testid=notice]",
        Text::Is("Officials saved."),
    )
    .await;
    owner.close().await.ok();
}
