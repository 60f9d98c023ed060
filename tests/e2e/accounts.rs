//! Named accounts in the admin pages: an observer signs in with a name and a password and sees
//! an election's console without a control that changes it; an owner makes an account through
//! the accounts page and sees its token once; the setup link a new node prints makes the first
//! owner, once.

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

/// Opens the admin page with a setup link and fills the first owner's form.
async fn fill_setup(client: &fantoccini::Client, name: &str) {
    type_into(client, "#setup-name", name).await;
    type_into(client, "#setup-password", PASSWORD).await;
    click(client, "#setup-submit").await;
}

/// The address bar, as the page shows it now.
async fn address(client: &fantoccini::Client) -> String {
    client
        .current_url()
        .await
        .expect("reading the address")
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_setup_link_is_refused_next_to_its_form() {
    let app = spawn_app().await;
    let driver = Driver::start().await;
    let client = driver.open(&app.url("/admin#setup=wrong"), 1280, 900).await;
    wait_text(
        &client,
        "#setup-title",
        Text::Is("Create the first owner account"),
    )
    .await;
    // The token left the address bar at once, and the gate gave way to the form.
    assert!(
        !address(&client).await.contains("setup"),
        "the setup token is still in the address bar"
    );
    assert!(
        !present(&client, "#admin-token").await,
        "the token gate is shown"
    );
    fill_setup(&client, "Owner").await;
    wait_text(
        &client,
        "#setup-form + [data-testid=notice]",
        Text::Contains("This setup link is not valid."),
    )
    .await;
    screenshot(&client, "accounts-setup-wrong-link").await;
    // "Sign in instead" brings the gate back.
    click(&client, "#setup-cancel").await;
    find(&client, "#admin-token").await;
    client.close().await.ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_setup_link_makes_the_first_owner_and_signs_them_in() {
    let app = spawn_app().await;
    let link = app
        .setup_link
        .clone()
        .expect("a new node prints its first owner's setup link");
    assert!(link.contains("/admin#setup="), "{link}");
    let driver = Driver::start().await;
    let client = driver.open(&link, 1280, 1200).await;
    find(&client, "#setup-name").await;
    assert!(
        !address(&client).await.contains("setup"),
        "the setup token is still in the address bar"
    );
    fill_setup(&client, "Olga Owner").await;
    wait_text(
        &client,
        "[data-testid=account-badge]",
        Text::Contains("Olga Owner · owner"),
    )
    .await;
    wait_text(
        &client,
        "[data-testid=owner-created] [data-testid=notice]",
        Text::Is("Owner account created."),
    )
    .await;
    let token = find(&client, "[data-testid=account-token-value]")
        .await
        .text()
        .await
        .expect("reading the token");
    assert!(token.trim().len() >= 16, "a token is shown: {token:?}");
    screenshot(&client, "accounts-first-owner").await;
    click(&client, "#account-token-done").await;
    wait_gone(&client, "[data-testid=account-token]").await;
    // Signed in by password: a reload keeps the session, and the link is spent.
    client.refresh().await.expect("reloading");
    wait_text(
        &client,
        "[data-testid=account-badge]",
        Text::Contains("Olga Owner"),
    )
    .await;
    client.close().await.ok();
    // In a fresh window (no session), the form refuses the spent link.
    let again = driver.open(&link, 1280, 900).await;
    fill_setup(&again, "Someone Else").await;
    wait_text(
        &again,
        "#setup-form + [data-testid=notice]",
        Text::Contains("this setup link has already been used"),
    )
    .await;
    again.close().await.ok();
}
