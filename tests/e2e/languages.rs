//! Every page in another language: in Arabic, right to left with no WCAG 2.2 AA violation at
//! 1280 and 320 px ([`crate::axe`]); in the pseudo-language `qps`, where every letter that
//! comes from the Fluent resources is accented, no visible word of plain letters is left
//! except the data the test itself put in (names, titles, ids): a text written into the code
//! instead of the resources shows up as plain English and fails the test.
//!
//! Both walk the same tour of pages and states: credential login and its error, name-and-id
//! registration, a ballot of questions, its review and receipt, the admin's token gate, list
//! and console, the published tally, the audit page's recount, the list of elections and a
//! page that does not exist.

use fantoccini::Client;
use serde_json::{json, Value};

use crate::axe::{assert_none, check_page};
use crate::helpers::{
    click, find, screenshot, spawn_app, type_into, wait_enabled, Driver, TestApp, ADMIN_TOKEN,
};

/// What the tour checks on each page.
#[derive(Clone, Copy)]
enum Check {
    /// axe-core and the scripted checks at both widths, and the page laid out right to left.
    RightToLeft,
    /// No word of plain ASCII letters outside `translate="no"` and the test's own data.
    Pseudo,
}

impl Check {
    fn lang(self) -> &'static str {
        match self {
            Check::RightToLeft => "ar",
            Check::Pseudo => "qps",
        }
    }
}

/// The data the tour's elections carry: shown as they are in every language.
const DATA: [&str; 23] = [
    "Board election",
    "Three seats on the board.",
    "Ada",
    "Brian",
    "Chen",
    "Every method",
    "every-method",
    "board",
    "Chair",
    "Ann",
    "Bob",
    "Cy",
    "Motion",
    "Tools",
    "Hammer",
    "Saw",
    "Drill",
    "Logo",
    "Red",
    "Green",
    "Blue",
    "Kim",
    "default",
];

/// Visible text and accessible names outside `translate="no"`, less the known data, as
/// words of two or more plain letters, each with the element it is in.
const PLAIN_WORDS: &str = r#"
const [known] = arguments;
const found = [];
const skipped = (el) => !el || el.closest("[translate=no], script, style, noscript, code, kbd, samp");
const shown = (el) => el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
const check = (text, el, where) => {
  let rest = text;
  for (const data of known) rest = rest.split(data).join(" ");
  // An id, a hash or a key the page shows (hex, base32, with digits) is data, not words.
  rest = rest.replace(/\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{6,}\b/g, " ");
  const words = rest.match(/[A-Za-z]{2,}/g);
  if (words) found.push(`${words.join(" ")} (${where} of ${el.outerHTML.slice(0, 120)})`);
};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!node.textContent.trim() || skipped(el) || !shown(el)) continue;
  check(node.textContent, el, "text");
}
for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
  if (skipped(el)) continue;
  for (const name of ["aria-label", "title", "placeholder", "alt"]) {
    const value = el.getAttribute(name);
    if (value && value.trim()) check(value, el, name);
  }
}
check(document.title, document.body, "document title");
return found;
"#;

/// The page's findings for `check`, each headed by `page`.
async fn inspect(client: &Client, check: Check, page: &str) -> Vec<String> {
    match check {
        Check::RightToLeft => {
            let mut findings = Vec::new();
            let layout = client
                .execute(
                    "return [document.documentElement.lang, document.documentElement.dir, \
                     getComputedStyle(document.body).direction];",
                    vec![],
                )
                .await
                .expect("reading the page's direction");
            if layout != json!(["ar", "rtl", "rtl"]) {
                findings.push(format!("{page}: lang, dir and direction are {layout}"));
            }
            findings.extend(check_page(client, &format!("{page} (ar)"), None).await);
            findings
        }
        Check::Pseudo => {
            let words = client
                .execute(PLAIN_WORDS, vec![json!(DATA)])
                .await
                .expect("reading the page's words");
            let words: Vec<String> = serde_json::from_value(words).expect("a list of words");
            if words.is_empty() {
                Vec::new()
            } else {
                vec![format!(
                    "{page} shows words not from the resources:\n  {}",
                    words.join("\n  ")
                )]
            }
        }
    }
}

fn candidates(names: &[&str]) -> Value {
    Value::Array(names.iter().map(|name| json!({ "name": name })).collect())
}

/// The tour's two elections: `board` (credential login, a roll of three) and `every-method`
/// (name and id with self-registration, four questions), both open.
async fn elections(app: &TestApp) {
    let board = json!({
        "id": "board", "title": "Board election", "description": "Three seats on the board.",
        "candidates": candidates(&["Ada", "Brian", "Chen"]),
        "options": {"login": "credential"}
    });
    app.admin_post("/api/admin/elections", board).await;
    let response = reqwest::Client::new()
        .post(app.url("/api/admin/elections/board/voters"))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .header("idempotency-key", "import-board")
        .body("name,email,external_id\nAda,ada@example.org,A-1\nBrian,,B-2\nChen,,\n")
        .send()
        .await
        .expect("importing the roll");
    assert!(response.status().is_success(), "{}", response.status());
    let every = json!({
        "id": "every-method", "title": "Every method",
        "options": {"login": "name_and_id", "self_registration": true},
        "questions": [
            {"id": "chair", "title": "Chair", "method": "irv", "candidates": candidates(&["Ann", "Bob", "Cy"])},
            {"id": "motion", "title": "Motion", "method": "referendum", "threshold": "two_thirds"},
            {"id": "tools", "title": "Tools", "method": "approval", "max_choices": 2,
             "candidates": candidates(&["Hammer", "Saw", "Drill"])},
            {"id": "logo", "title": "Logo", "method": "schulze", "candidates": candidates(&["Red", "Green", "Blue"])}
        ]
    });
    app.admin_post("/api/admin/elections", every).await;
    for id in ["board", "every-method"] {
        app.admin_post(&format!("/api/admin/elections/{id}/start"), json!({}))
            .await;
    }
}

/// Opens `path` in the tour's language and waits for `ready`.
async fn open(client: &Client, app: &TestApp, check: Check, path: &str, ready: &str) {
    let url = app.url(&format!("{path}?lang={}", check.lang()));
    client
        .goto(&url)
        .await
        .unwrap_or_else(|err| panic!("opening {url}: {err}"));
    find(client, ready).await;
}

/// Every page and state of the tour, checked by `check`; fails once with every finding.
async fn tour(check: Check) {
    let app = spawn_app().await;
    elections(&app).await;
    let driver = Driver::start().await;
    let client = driver.open(&app.url("/"), 1280, 900).await;
    let mut findings = Vec::new();

    open(&client, &app, check, "/e/board", "#credential").await;
    findings.extend(inspect(&client, check, "credential login").await);
    type_into(&client, "#credential", "AAAA-BBBB-CCCC-DDDD-EEEE").await;
    click(&client, "#credential-submit").await;
    find(&client, "[data-testid=notice]:not(:empty)").await;
    findings.extend(inspect(&client, check, "wrong credential").await);

    open(&client, &app, check, "/e/every-method", "#register-name").await;
    findings.extend(inspect(&client, check, "name-and-id login").await);
    type_into(&client, "#register-name", "Kim").await;
    click(&client, "#register-submit").await;
    wait_enabled(&client, "#q-chair-add-1").await;
    click(&client, "#q-chair-add-1").await;
    click(&client, "#q-tools-c-1").await;
    find(&client, "[data-testid=ranked-chair] li").await;
    findings.extend(inspect(&client, check, "ballot of questions").await);
    if let Check::RightToLeft = check {
        screenshot(&client, "arabic-ballot-1280").await;
    }
    click(&client, "#review-ballot").await;
    find(&client, "#review-title").await;
    findings.extend(inspect(&client, check, "review").await);
    click(&client, "#confirm-blank").await;
    wait_enabled(&client, "#cast-ballot").await;
    click(&client, "#cast-ballot").await;
    find(&client, "[data-testid=confirmation]").await;
    findings.extend(inspect(&client, check, "receipt").await);

    open(&client, &app, check, "/admin/elections", "#admin-token").await;
    findings.extend(inspect(&client, check, "admin token gate").await);
    type_into(&client, "#admin-token", ADMIN_TOKEN).await;
    click(&client, "#admin-token-submit").await;
    find(&client, "[data-testid=election-list]").await;
    findings.extend(inspect(&client, check, "admin's elections and form").await);
    open(
        &client,
        &app,
        check,
        "/admin/e/every-method",
        "[data-testid=voter-table]",
    )
    .await;
    find(&client, "[data-testid=connection].badge-live").await;
    findings.extend(inspect(&client, check, "admin console").await);

    for step in ["stop", "publish"] {
        app.admin_post(
            &format!("/api/admin/elections/every-method/{step}"),
            json!({}),
        )
        .await;
    }
    open(
        &client,
        &app,
        check,
        "/e/every-method/tally",
        "section[data-question='chair'] [data-testid=question-winners]",
    )
    .await;
    findings.extend(inspect(&client, check, "published tally").await);
    open(
        &client,
        &app,
        check,
        "/e/every-method/audit",
        "[data-testid=question-recount][data-question='logo'][data-agrees='true']",
    )
    .await;
    findings.extend(inspect(&client, check, "audit").await);
    open(
        &client,
        &app,
        check,
        "/elections",
        "[data-testid=election-list]",
    )
    .await;
    findings.extend(inspect(&client, check, "list of elections").await);
    open(&client, &app, check, "/no/such/page", "main h1").await;
    findings.extend(inspect(&client, check, "page not found").await);

    client.close().await.ok();
    assert_none(&findings);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_in_arabic_is_right_to_left_with_no_accessibility_violation() {
    tour(Check::RightToLeft).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_in_the_pseudo_language_shows_only_words_from_the_resources() {
    tour(Check::Pseudo).await;
}
