//! A verifiable election's trustee in Chromium: the admin names one trustee (threshold 1) in
//! the console's Trustees panel and reads their private link, shown once; the trustee opens
//! it, starts the key ceremony, gets their key file offered at once, and the page runs the
//! three rounds by itself until the election key is published. Voting opens and closes, the
//! same page decrypts the trustee's share ("Decrypt my share"), the console says the results
//! can be published and the audit page checks every proof from the log. axe runs on the
//! console's panel and the trustee page; the pseudo-language shows no word from the code.

use fantoccini::Client;
use serde_json::json;
use shared::secrecy::wire::{SecrecyView, SecretStage};

use crate::axe::{assert_none, check_page};
use crate::helpers::{
    click, find, screenshot, spawn_app, type_into, wait_enabled, wait_text, Driver, TestApp, Text,
    ADMIN_TOKEN,
};

const ELECTION: &str = "keys";

/// The data the pages show as it is, in every language.
const DATA: [&str; 6] = ["Keys", "keys", "Tess", "Tools", "Hammer", "Saw"];

/// Visible words of plain letters outside `translate="no"` and the data (as in
/// `languages.rs`): in the pseudo-language, every word from the resources is accented.
const PLAIN_WORDS: &str = r#"
const [known] = arguments;
const found = [];
const skipped = (el) => !el || el.closest("[translate=no], script, style, noscript, code");
const shown = (el) => el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
const check = (text, el) => {
  let rest = text;
  for (const data of known) rest = rest.split(data).join(" ");
  rest = rest.replace(/\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{6,}\b/g, " ");
  const words = rest.match(/[A-Za-z]{2,}/g);
  if (words) found.push(`${words.join(" ")} (in ${el.outerHTML.slice(0, 120)})`);
};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!node.textContent.trim() || skipped(el) || !shown(el)) continue;
  check(node.textContent, el);
}
for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
  if (skipped(el)) continue;
  for (const name of ["aria-label", "title", "placeholder", "alt"]) {
    const value = el.getAttribute(name);
    if (value && value.trim()) check(value, el);
  }
}
check(document.title, document.body);
return found;
"#;

async fn plain_words(client: &Client, page: &str) -> Vec<String> {
    let words = client
        .execute(PLAIN_WORDS, vec![json!(DATA)])
        .await
        .expect("reading the page's words");
    let words: Vec<String> = serde_json::from_value(words).expect("a list of words");
    words
        .into_iter()
        .map(|word| format!("{page} (qps): {word}"))
        .collect()
}

async fn secrecy(app: &TestApp) -> SecrecyView {
    let response = reqwest::Client::new()
        .get(app.url(&format!("/api/elections/{ELECTION}/secrecy")))
        .send()
        .await
        .expect("GET secrecy");
    assert!(response.status().is_success(), "{}", response.status());
    response.json().await.expect("a SecrecyView")
}

async fn goto(client: &Client, url: &str, ready: &str) {
    client
        .goto(url)
        .await
        .unwrap_or_else(|err| panic!("opening {url}: {err}"));
    find(client, ready).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_trustee_runs_the_key_ceremony_and_decrypts_in_the_browser() {
    let app = spawn_app().await;
    let tools = ["Hammer", "Saw"].map(|name| json!({ "name": name }));
    app.admin_post(
        "/api/admin/elections",
        json!({
            "id": ELECTION, "title": "Keys",
            "options": {"login": "name_and_id", "self_registration": true, "secrecy": "verifiable"},
            "questions": [{"id": "tools", "title": "Tools", "method": "approval",
                           "max_choices": 2, "candidates": tools}]
        }),
    )
    .await;

    // The admin names the trustee in the console and reads the link, shown once.
    let driver = Driver::start().await;
    let admin = driver.open(&app.url("/admin/elections"), 1280, 900).await;
    type_into(&admin, "#admin-token", ADMIN_TOKEN).await;
    click(&admin, "#admin-token-submit").await;
    find(&admin, "[data-testid=election-list]").await;
    let console = app.url(&format!("/admin/e/{ELECTION}"));
    goto(&admin, &console, "#trustees-panel #trustee-name-1").await;
    wait_text(
        &admin,
        "#trustees-panel [data-testid=secret-stage]",
        Text::Contains("No trustees are named yet"),
    )
    .await;
    let mut findings = check_page(&admin, "trustees panel", Some("trustees-form")).await;
    type_into(&admin, "#trustee-name-1", "Tess").await;
    click(&admin, "#trustees-save").await;
    let link = find(&admin, "#trustee-link-1")
        .await
        .prop("value")
        .await
        .expect("reading the link")
        .expect("a link");
    let prefix = app.url(&format!("/e/{ELECTION}/trustee#token="));
    assert!(link.starts_with(&prefix), "{link}");
    wait_text(
        &admin,
        "#trustees-panel [data-testid=secret-stage]",
        Text::Contains("round 1 of 3"),
    )
    .await;
    findings.extend(check_page(&admin, "trustee links", Some("trustee-links")).await);

    // The trustee's page runs the ceremony from one click.
    let trustee = driver.open(&link, 1280, 900).await;
    wait_text(
        &trustee,
        "[data-testid=trustee-who]",
        Text::Contains("Tess"),
    )
    .await;
    wait_text(
        &trustee,
        "[data-testid=secret-stage]",
        Text::Contains("Round 1 of 3"),
    )
    .await;
    findings.extend(check_page(&trustee, "trustee page", Some("trustee-start")).await);
    click(&trustee, "#trustee-start").await;
    // The key file is offered before anything is sent.
    find(&trustee, "#trustee-download").await;
    wait_text(
        &trustee,
        "[data-testid=secret-stage]",
        Text::Contains("The election key is published"),
    )
    .await;
    wait_text(
        &trustee,
        "[data-testid=key-ready]",
        Text::Contains("Your key is ready"),
    )
    .await;
    let view = secrecy(&app).await;
    assert_eq!(view.stage, SecretStage::KeyPublished);
    assert!(view.key.is_some());
    findings.extend(check_page(&trustee, "trustee key ready", Some("trustee-ready")).await);

    // Voting opens and closes (no ballot: the tally is all zeros); the page decrypts.
    app.admin_post(&format!("/api/admin/elections/{ELECTION}/start"), json!({}))
        .await;
    app.admin_post(&format!("/api/admin/elections/{ELECTION}/stop"), json!({}))
        .await;
    wait_enabled(&trustee, "#trustee-decrypt").await;
    click(&trustee, "#trustee-decrypt").await;
    wait_text(
        &trustee,
        "[data-testid=decrypted-all]",
        Text::Contains("The tally is decrypted"),
    )
    .await;
    screenshot(&trustee, "trustee-decrypted").await;
    assert_eq!(secrecy(&app).await.stage, SecretStage::Decrypted);
    wait_text(
        &admin,
        "[data-testid=decrypted-publish]",
        Text::Contains("the results can be published"),
    )
    .await;

    // Anyone checks it all from the log on the audit page.
    let audit = app.url(&format!("/e/{ELECTION}/audit"));
    goto(&trustee, &audit, "main").await;
    wait_text(
        &trustee,
        "[data-testid=secret-verdict]",
        Text::Contains("Every proof checks."),
    )
    .await;
    screenshot(&trustee, "audit-secret").await;

    // The same pages in the pseudo-language: every word from the resources.
    let qps = |path: &str| app.url(&format!("{path}?lang=qps"));
    goto(
        &trustee,
        &link.replacen("#token=", "?lang=qps#token=", 1),
        "[data-testid=decrypted-all]",
    )
    .await;
    findings.extend(plain_words(&trustee, "trustee page").await);
    goto(&trustee, &qps(&format!("/e/{ELECTION}/audit")), "main").await;
    find(&trustee, "[data-testid=secret-sums]").await;
    findings.extend(plain_words(&trustee, "audit page").await);
    goto(
        &admin,
        &qps(&format!("/admin/e/{ELECTION}")),
        "[data-testid=decrypted-publish]",
    )
    .await;
    findings.extend(plain_words(&admin, "admin console").await);
    assert_none(&findings);
}
