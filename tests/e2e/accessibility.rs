//! Every page and state, in English, at 1280 px and at 320 px wide: no WCAG 2.2 A or AA
//! violation axe-core finds, every control named and at least 24 × 24 px, and no sideways
//! scrolling at 320 px ([`crate::axe`]). The voter page also meets AAA's 7:1 contrast by
//! default, at least 10:1 in its high-contrast theme, and still fits 320 px at its largest
//! text size. Each test gathers its pages' findings and fails once with all of them.

use fantoccini::Client;
use serde_json::{json, Value};

use crate::axe::{
    assert_none, check_page, enhanced_contrast_violations, scripted_problems, text_contrast, WIDTHS,
};
use crate::helpers::{
    click, find, spawn_app, type_into, wait_enabled, wait_text, Driver, TestApp, Text, ADMIN_TOKEN,
};

/// Opens `path` and waits for `ready` (a CSS selector) to be on the page.
async fn open(client: &Client, app: &TestApp, path: &str, ready: &str) {
    client
        .goto(&app.url(path))
        .await
        .unwrap_or_else(|err| panic!("opening {path}: {err}"));
    find(client, ready).await;
}

/// Passes the admin's token gate if the page shows it, then waits for `ready`.
async fn open_admin(client: &Client, app: &TestApp, path: &str, ready: &str) {
    open(client, app, path, &format!("#admin-token, {ready}")).await;
    let gate = client
        .execute("return !!document.querySelector('#admin-token');", vec![])
        .await
        .expect("looking for the token gate");
    if gate == json!(true) {
        type_into(client, "#admin-token", ADMIN_TOKEN).await;
        click(client, "#admin-token-submit").await;
    }
    find(client, ready).await;
}

fn candidates(names: &[&str]) -> Value {
    Value::Array(names.iter().map(|name| json!({ "name": name })).collect())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_original_elections_pages_have_no_accessibility_violations() {
    let app = spawn_app().await;
    app.admin_post("/api/admin/start", json!({})).await;
    let driver = Driver::start().await;
    let client = driver.open(&app.url("/"), 1280, 900).await;
    let mut findings = Vec::new();

    find(&client, "#login-name").await;
    findings.extend(check_page(&client, "voter login (/)", None).await);

    type_into(&client, "#login-name", "Alice").await;
    type_into(&client, "#login-id", "2").await;
    click(&client, "#login-submit").await;
    wait_text(
        &client,
        "[data-testid=notice]",
        Text::Contains("Wrong name or voter id"),
    )
    .await;
    findings.extend(check_page(&client, "voter wrong login (/)", None).await);

    type_into(&client, "#login-id", "1").await;
    click(&client, "#login-submit").await;
    wait_enabled(&client, "button[data-candidate='1']").await;
    findings.extend(check_page(&client, "old-form ballot (/)", Some("a11y-ballot-320")).await);

    click(&client, "button[data-candidate='1']").await;
    wait_text(
        &client,
        "[data-testid=confirmation]",
        Text::Contains("Receipt: vote #"),
    )
    .await;
    findings.extend(check_page(&client, "receipt (/)", Some("a11y-receipt-320")).await);
    click(&client, "#verify-receipt").await;
    find(&client, "[data-testid=receipt-verdict]").await;
    findings.extend(check_page(&client, "verified receipt (/)", None).await);

    open(&client, &app, "/no/such/page", "main h1").await;
    findings.extend(check_page(&client, "page not found", None).await);

    open(&client, &app, "/tally", "[data-testid=total-votes]").await;
    findings.extend(check_page(&client, "tally (/tally)", None).await);

    open(&client, &app, "/elections", "[data-testid=election-list]").await;
    findings.extend(check_page(&client, "elections (/elections)", None).await);

    open(&client, &app, "/admin", "#admin-token").await;
    findings.extend(check_page(&client, "admin token gate (/admin)", None).await);
    open_admin(&client, &app, "/admin", "[data-testid=voter-table]").await;
    wait_text(&client, "[data-testid=connection]", Text::Contains("Live")).await;
    findings.extend(check_page(&client, "admin console (/admin)", None).await);

    client.close().await.ok();
    assert_none(&findings);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ballot_of_questions_has_no_accessibility_violations_from_ballot_to_audit() {
    let app = spawn_app().await;
    let election = json!({
        "id": "every-method", "title": "Every method",
        "options": {"login": "name_and_id", "self_registration": true},
        "questions": [
            {"id": "chair", "title": "Chair", "method": "irv", "candidates": candidates(&["Ann", "Bob", "Cy"])},
            {"id": "board", "title": "Board", "method": "stv", "seats": 2,
             "candidates": candidates(&["Dee", "Eve", "Fay", "Gus"])},
            {"id": "motion", "title": "Motion", "method": "referendum", "threshold": "two_thirds"},
            {"id": "tools", "title": "Tools", "method": "approval", "max_choices": 2,
             "candidates": candidates(&["Hammer", "Saw", "Drill"])},
            {"id": "logo", "title": "Logo", "method": "schulze", "candidates": candidates(&["Red", "Green", "Blue"])},
            {"id": "secretary", "method": "plurality", "candidates": candidates(&["Ida", "Jon"])}
        ]
    });
    app.admin_post("/api/admin/elections", election).await;
    app.admin_post("/api/admin/elections/every-method/start", json!({}))
        .await;
    let driver = Driver::start().await;
    let client = driver.open(&app.url("/e/every-method"), 1280, 900).await;
    let mut findings = Vec::new();

    find(&client, "#register-name").await;
    findings.extend(check_page(&client, "name-and-id login (/e/every-method)", None).await);
    type_into(&client, "#register-name", "Kim").await;
    click(&client, "#register-submit").await;
    wait_enabled(&client, "#q-chair-add-1").await;
    findings.extend(
        check_page(
            &client,
            "ballot of questions",
            Some("a11y-questions-ballot-320"),
        )
        .await,
    );

    // Some answers, so the ranked lists, the marks and the counts show.
    click(&client, "#q-chair-add-1").await;
    click(&client, "#q-board-add-2").await;
    click(&client, "#q-tools-c-1").await;
    find(&client, "[data-testid=ranked-chair] li").await;
    findings.extend(check_page(&client, "ballot of questions, part answered", None).await);

    click(&client, "#review-ballot").await;
    find(&client, "#review-title").await;
    findings.extend(check_page(&client, "review", Some("a11y-review-320")).await);

    click(&client, "#confirm-blank").await;
    wait_enabled(&client, "#cast-ballot").await;
    click(&client, "#cast-ballot").await;
    wait_text(
        &client,
        "[data-testid=confirmation]",
        Text::Contains("Receipt: vote #"),
    )
    .await;
    findings.extend(check_page(&client, "receipt of a ballot of questions", None).await);

    app.admin_post("/api/admin/elections/every-method/stop", json!({}))
        .await;
    app.admin_post("/api/admin/elections/every-method/publish", json!({}))
        .await;
    open(
        &client,
        &app,
        "/e/every-method/tally",
        "section[data-question='chair'] [data-testid=question-winners]",
    )
    .await;
    findings.extend(check_page(&client, "published tally (/e/every-method/tally)", None).await);

    let verdict = "[data-testid=question-recount][data-question='secretary'] \
                   [data-testid=question-verdict]";
    open(
        &client,
        &app,
        "/e/every-method/audit",
        "[data-testid=board]",
    )
    .await;
    wait_text(&client, verdict, Text::Contains("agrees")).await;
    findings.extend(check_page(&client, "audit (/e/every-method/audit)", None).await);

    client.close().await.ok();
    assert_none(&findings);
}

/// A credential election with a roll of three, made through the API.
async fn credential_election(app: &TestApp, id: &str) {
    let election = json!({
        "id": id, "title": "Board election", "description": "Three seats on the board.",
        "candidates": candidates(&["Ada", "Brian", "Chen"]),
        "options": {"login": "credential"}
    });
    app.admin_post("/api/admin/elections", election).await;
    let response = reqwest::Client::new()
        .post(app.url(&format!("/api/admin/elections/{id}/voters")))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .header("idempotency-key", format!("import-{id}"))
        .body("name,email,external_id\nAnn,ann@example.org,A-1\nBo,,B-2\nCy,cy@example.org,\n")
        .send()
        .await
        .expect("importing the roll");
    assert!(response.status().is_success(), "{}", response.status());
}

#[tokio::test(flavor = "multi_thread")]
async fn credential_elections_and_the_admin_console_have_no_accessibility_violations() {
    let app = spawn_app().await;
    credential_election(&app, "board").await;
    let driver = Driver::start().await;
    let client = driver.open(&app.url("/e/board"), 1280, 900).await;
    let mut findings = Vec::new();

    find(&client, "#credential").await;
    findings.extend(check_page(&client, "credential login (/e/board)", None).await);
    type_into(&client, "#credential", "AAAA-BBBB-CCCC-DDDD-EEEE").await;
    click(&client, "#credential-submit").await;
    find(&client, "[data-testid=notice]").await;
    findings.extend(check_page(&client, "wrong credential (/e/board)", None).await);

    open_admin(
        &client,
        &app,
        "/admin/elections",
        "[data-testid=election-list]",
    )
    .await;
    findings.extend(check_page(&client, "new election (/admin/elections)", None).await);

    open_admin(&client, &app, "/admin/e/board", "[data-testid=voter-table]").await;
    wait_text(&client, "[data-testid=turnout]", Text::Contains("0 of 3")).await;
    findings.extend(check_page(&client, "election console (/admin/e/board)", None).await);

    client.close().await.ok();
    assert_none(&findings);
}

/// The current page's breaches of axe's AAA contrast rule (7:1) at each of [`WIDTHS`], each
/// headed by `page` and the width; the window is left at 1280 px.
async fn check_enhanced_contrast(client: &Client, page: &str) -> Vec<String> {
    let mut findings = Vec::new();
    for width in WIDTHS {
        client
            .set_window_size(width, 900)
            .await
            .expect("resizing the window");
        let found = enhanced_contrast_violations(client).await;
        if !found.is_empty() {
            let mut text = format!("{page} at {width} px, AAA contrast:\n");
            for violation in &found {
                text.push_str(&violation.to_string());
            }
            findings.push(text);
        }
    }
    client
        .set_window_size(1280, 900)
        .await
        .expect("resizing the window back");
    findings
}

/// Every text of the current page at 10:1 or more against its background (the
/// high-contrast theme's promise); returns the lowest ratio seen with the findings.
async fn check_high_contrast(client: &Client, page: &str) -> (f64, Vec<String>) {
    let (lowest, failures) = text_contrast(client, 10.0).await;
    let findings = if failures.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "{page}, high contrast, texts under 10:1:\n  {}",
            failures.join("\n  ")
        )]
    };
    (lowest, findings)
}

/// At 320 px: names, targets and no sideways scrolling (the scripted checks), for the
/// largest text size.
async fn check_reflow_320(client: &Client, page: &str) -> Vec<String> {
    client
        .set_window_size(320, 900)
        .await
        .expect("resizing the window");
    let problems = scripted_problems(client, true).await;
    client
        .set_window_size(1280, 900)
        .await
        .expect("resizing the window back");
    if problems.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "{page} at 320 px, text at 200 %:\n  {}",
            problems.join("\n  ")
        )]
    }
}

/// Waits until `<html>` matches `attributes` (a selector suffix such as `[data-text-size='200']`).
async fn wait_root(client: &Client, attributes: &str) {
    find(client, &format!("html{attributes}")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_voter_page_meets_aaa_contrast_and_offers_high_contrast_and_large_text() {
    let app = spawn_app().await;
    app.admin_post("/api/admin/start", json!({})).await;
    let driver = Driver::start().await;
    let client = driver.open(&app.url("/"), 1280, 900).await;
    let mut findings = Vec::new();

    // The default theme: AAA's 7:1 (4.5:1 for large text) on every state of the page.
    find(&client, "#login-name").await;
    findings.extend(check_enhanced_contrast(&client, "voter login (/)").await);
    type_into(&client, "#login-name", "Alice").await;
    type_into(&client, "#login-id", "1").await;
    click(&client, "#login-submit").await;
    wait_enabled(&client, "button[data-candidate='1']").await;
    findings.extend(check_enhanced_contrast(&client, "ballot (/)").await);
    click(&client, "button[data-candidate='1']").await;
    wait_text(
        &client,
        "[data-testid=confirmation]",
        Text::Contains("Receipt: vote #"),
    )
    .await;
    findings.extend(check_enhanced_contrast(&client, "receipt (/)").await);
    click(&client, "#verify-receipt").await;
    find(&client, "[data-testid=receipt-verdict]").await;
    findings.extend(check_enhanced_contrast(&client, "verified receipt (/)").await);

    // The high-contrast theme: every text at 10:1 or more, and still no AA violation.
    click(&client, "#high-contrast").await;
    wait_root(&client, "[data-contrast='high']").await;
    let (receipt_ratio, found) = check_high_contrast(&client, "verified receipt (/)").await;
    findings.extend(found);
    findings.extend(check_page(&client, "verified receipt, high contrast (/)", None).await);

    // Both settings are remembered: after a reload the theme is still on.
    client.refresh().await.expect("reloading the page");
    find(&client, "[data-testid=confirmation]").await;
    wait_root(&client, "[data-contrast='high']").await;
    find(&client, "#high-contrast:checked").await;

    // The largest text size: still no sideways scrolling at 320 px.
    client
        .execute(
            "const s = document.querySelector('#text-size'); s.value = '200'; \
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("choosing a text size");
    wait_root(&client, "[data-text-size='200']").await;
    let font = client
        .execute(
            "return getComputedStyle(document.documentElement).fontSize;",
            vec![],
        )
        .await
        .expect("reading the root's font size");
    assert_eq!(
        font,
        json!("32px"),
        "the text size did not double the root's"
    );
    findings.extend(check_reflow_320(&client, "receipt (/)").await);
    findings.extend(
        check_page(
            &client,
            "receipt at 200 %, high contrast (/)",
            Some("a11y-large-text-320"),
        )
        .await,
    );

    client
        .execute(
            "document.querySelector('[data-testid=who] + button').click();",
            vec![],
        )
        .await
        .expect("logging out");
    find(&client, "#login-name").await;
    let (login_ratio, found) = check_high_contrast(&client, "voter login (/)").await;
    findings.extend(found);
    findings.extend(check_reflow_320(&client, "voter login (/)").await);
    type_into(&client, "#login-name", "Bob").await;
    type_into(&client, "#login-id", "2").await;
    click(&client, "#login-submit").await;
    wait_enabled(&client, "button[data-candidate='1']").await;
    let (ballot_ratio, found) = check_high_contrast(&client, "ballot (/)").await;
    findings.extend(found);
    findings.extend(check_reflow_320(&client, "ballot (/)").await);
    eprintln!(
        "high contrast, lowest text contrast: receipt {receipt_ratio:.2}:1, \
         login {login_ratio:.2}:1, ballot {ballot_ratio:.2}:1"
    );

    client.close().await.ok();
    assert_none(&findings);
}
