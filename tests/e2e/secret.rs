//! A verifiable election from end to end in Chromium: the admin names one trustee (threshold
//! 1), the trustee's key ceremony runs from this test process over HTTP with the same code the
//! trustee page and the CLI use, the election opens, and a voter seals a ballot in the
//! browser, checks it (Benaloh's challenge: the page re-seals it from its seed and says it
//! matches), seals again (a new tracking code) and casts. Exactly one ballot is counted, the
//! public log carries the sealed ballot the page showed at cast, and the checked ballot is
//! nowhere in the log. axe runs on the sealed ballot and on the check.

use rand::rngs::ThreadRng;
use serde_json::{json, Value};
use shared::secrecy::ballot::{self, SealedBallot};
use shared::secrecy::ceremony::{Step, TrusteeKey};
use shared::secrecy::wire::{SecrecyView, SecretStage, SharesRequest, TrusteesCreated};

use crate::axe::{assert_none, check_page};
use crate::helpers::{
    click, find, screenshot, spawn_app, type_into, wait_enabled, wait_text, Driver, TestApp, Text,
    ADMIN_TOKEN, WAIT,
};

const ELECTION: &str = "sealed";

/// A fresh `Idempotency-Key`, as every write sends one.
fn idempotency_key() -> String {
    format!("{:032x}", rand::random::<u128>())
}

async fn secrecy(http: &reqwest::Client, app: &TestApp) -> SecrecyView {
    let response = http
        .get(app.url(&format!("/api/elections/{ELECTION}/secrecy")))
        .send()
        .await
        .expect("GET secrecy");
    assert!(response.status().is_success(), "{}", response.status());
    response.json().await.expect("a SecrecyView")
}

/// One of the trustee's posts, checked to be accepted.
async fn trustee_post(
    http: &reqwest::Client,
    app: &TestApp,
    token: &str,
    round: &str,
    body: &impl serde::Serialize,
) {
    let path = format!("/api/elections/{ELECTION}/trustee/{round}");
    let response = http
        .post(app.url(&path))
        .bearer_auth(token)
        .header("Idempotency-Key", idempotency_key())
        .json(body)
        .send()
        .await
        .expect("a trustee request");
    let status = response.status();
    assert!(
        status.is_success(),
        "{path} answered {status}: {}",
        response.text().await.unwrap_or_default()
    );
}

/// Names one trustee and runs their whole key ceremony, as `ballot trustee keygen` would.
async fn run_ceremony(http: &reqwest::Client, app: &TestApp) {
    let response = http
        .post(app.url(&format!("/api/admin/elections/{ELECTION}/trustees")))
        .bearer_auth(ADMIN_TOKEN)
        .header("Idempotency-Key", idempotency_key())
        .json(&json!({"trustees": [{"name": "Tess"}], "threshold": 1}))
        .send()
        .await
        .expect("naming the trustees");
    let status = response.status();
    assert_eq!(status.as_u16(), 201, "{:?}", response.text().await);
    let created: TrusteesCreated = response.json().await.expect("the trustees' tokens");
    let token = created.trustees[0].token.clone();
    assert_eq!(created.trustees[0].trustee_id, 1);

    let mut rng: ThreadRng = rand::thread_rng();
    let (mut key, commitment) =
        TrusteeKey::start(ELECTION, 1, (1, 1), &mut rng).expect("a trustee key");
    trustee_post(http, app, &token, "commitment", &commitment).await;
    let view = secrecy(http, app).await;
    let Some(Step::Polynomial(polynomial)) = key.advance(&view.board(), &mut rng).unwrap() else {
        panic!("the polynomial comes after every commitment");
    };
    trustee_post(http, app, &token, "polynomial", &polynomial).await;
    let view = secrecy(http, app).await;
    let Some(Step::Shares(shares)) = key.advance(&view.board(), &mut rng).unwrap() else {
        panic!("the shares come after every polynomial");
    };
    trustee_post(http, app, &token, "shares", &SharesRequest { shares }).await;
    let view = secrecy(http, app).await;
    assert!(key.advance(&view.board(), &mut rng).unwrap().is_none());
    assert!(key.is_ready(), "the trustee's key is complete");
    // The joint key follows from the shares at once, or shortly after.
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let view = secrecy(http, app).await;
        if view.stage == SecretStage::KeyPublished && view.key.is_some() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the key was not published: stage {:?}",
            view.stage
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Every line of the election's public log, as text.
async fn log_lines(http: &reqwest::Client, app: &TestApp) -> Vec<String> {
    let get = |path: String| async move {
        let response = http
            .get(app.url(&path))
            .send()
            .await
            .expect("a log request");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json::<Value>().await.expect("a JSON answer")
    };
    let tree = get(format!("/api/elections/{ELECTION}/log/tree")).await;
    let size = tree["tree_size"].as_u64().expect("tree_size");
    let entries = get(format!(
        "/api/elections/{ELECTION}/log/entries?start=0&end={size}"
    ))
    .await;
    (entries["entries"].as_array().expect("entries").iter())
        .map(|line| line.as_str().expect("a line").to_string())
        .collect()
}

async fn text_of(client: &fantoccini::Client, css: &str) -> String {
    let text = find(client, css).await.text().await.expect("reading text");
    text.trim().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sealed_ballot_is_checked_sealed_again_and_cast() {
    let app = spawn_app().await;
    let http = reqwest::Client::new();
    let tools = ["Hammer", "Saw", "Drill"].map(|name| json!({ "name": name }));
    app.admin_post(
        "/api/admin/elections",
        json!({
            "id": ELECTION, "title": "Sealed",
            "options": {"login": "name_and_id", "self_registration": true, "secrecy": "verifiable"},
            "questions": [{"id": "tools", "title": "Tools", "method": "approval",
                           "max_choices": 2, "candidates": tools}]
        }),
    )
    .await;
    run_ceremony(&http, &app).await;
    app.admin_post(&format!("/api/admin/elections/{ELECTION}/start"), json!({}))
        .await;

    let driver = Driver::start().await;
    let voter = driver
        .open(&app.url(&format!("/e/{ELECTION}")), 1280, 900)
        .await;
    wait_text(&voter, "header h1", Text::Is("Sealed")).await;
    // Sealing is fetched when a voter seals, never with the page (frontend/src/sealer.rs):
    // nothing of the sealer yet, and every worker the page starts from now on is noted.
    let fetched = voter
        .execute(
            "return performance.getEntriesByType('resource')
               .map((r) => new URL(r.name).pathname).filter((path) => path.startsWith('/seal'));",
            vec![],
        )
        .await
        .expect("listing what the page fetched");
    assert_eq!(
        fetched,
        json!([]),
        "the page's first load fetched the sealer"
    );
    voter
        .execute(
            "window.startedWorkers = []; const Started = window.Worker;
             window.Worker = function (url, options) {
               window.startedWorkers.push(String(url)); return new Started(url, options); };",
            vec![],
        )
        .await
        .expect("noting the workers");
    type_into(&voter, "#register-name", "Kim").await;
    click(&voter, "#register-submit").await;
    wait_text(
        &voter,
        "[data-testid=who]",
        Text::Contains("Logged in as Kim"),
    )
    .await;
    wait_enabled(&voter, "#q-tools-c-1").await;
    click(&voter, "#q-tools-c-1").await;
    click(&voter, "#q-tools-c-3").await;
    click(&voter, "#review-ballot").await;
    wait_text(
        &voter,
        "[data-testid=review-tools] dd",
        Text::Is("Hammer, Drill"),
    )
    .await;
    wait_text(&voter, "#cast-ballot", Text::Is("Seal ballot")).await;
    click(&voter, "#cast-ballot").await;

    // Sealed: a tracking code, "Check this ballot" and "Cast it".
    wait_text(
        &voter,
        "[data-testid=seal-status]",
        Text::Contains("Your ballot is sealed"),
    )
    .await;
    let checked_code = text_of(&voter, "[data-testid=tracking-code]").await;
    assert_eq!(checked_code.len(), 64, "a SHA-256 in hex: {checked_code}");
    find(&voter, "#check-ballot").await;
    let mut findings = check_page(&voter, "sealed ballot", Some("secret-sealed")).await;

    // The check re-seals the marks from the revealed seed and finds the same ballot.
    click(&voter, "#check-ballot").await;
    wait_text(
        &voter,
        "[data-testid=seal-status]",
        Text::Contains("This ballot holds exactly your choices"),
    )
    .await;
    // Sealing and the check each ran in the sealer's worker.
    let workers = voter
        .execute("return window.startedWorkers;", vec![])
        .await
        .expect("reading the workers");
    assert_eq!(workers, json!(["/seal_loader.js", "/seal_loader.js"]));
    assert_eq!(
        text_of(&voter, "[data-testid=check-tracking-code]").await,
        checked_code
    );
    assert_eq!(text_of(&voter, "[data-testid=check-seed]").await.len(), 64);
    assert_eq!(
        text_of(&voter, "[data-testid=check-marks]").await,
        "[[true,false,true]]"
    );
    // What the page reveals is enough for anyone to check the ballot elsewhere.
    let revealed = find(&voter, "#check-json")
        .await
        .prop("value")
        .await
        .expect("the JSON");
    let revealed_json = revealed.unwrap_or_default();
    let revealed: Value = serde_json::from_str(&revealed_json).expect("JSON");
    let ballot: SealedBallot =
        serde_json::from_value(revealed["ballot"].clone()).expect("a ballot");
    assert_eq!(ballot.tracking_code(), checked_code);
    let seed: [u8; 32] = (0..32)
        .map(|i| u8::from_str_radix(&revealed["seed"].as_str().unwrap()[2 * i..2 * i + 2], 16))
        .collect::<Result<Vec<u8>, _>>()
        .expect("a seed in hex")
        .try_into()
        .expect("32 bytes");
    let marks: Vec<Vec<bool>> = serde_json::from_value(revealed["marks"].clone()).expect("marks");
    let view = secrecy(&http, &app).await;
    let key = view.key.expect("the election's key");
    let shapes: Vec<_> = view.questions.iter().map(|q| q.shape()).collect();
    ballot::check_challenge(key.0.shared_key(), ELECTION, &shapes, &ballot, &marks, seed)
        .expect("the revealed ballot checks outside the browser too");
    let cast_gone = voter
        .execute("return document.getElementById('cast-sealed');", vec![])
        .await
        .expect("looking for the cast button");
    assert_eq!(cast_gone, Value::Null, "a checked ballot cannot be cast");
    findings.extend(check_page(&voter, "checked ballot", Some("secret-checked")).await);
    let audit_link = find(&voter, "[data-testid=check-audit-link]")
        .await
        .attr("href")
        .await
        .expect("the link")
        .expect("an href");

    // Sealed again: a new seed, so a new tracking code; the marks are the same.
    click(&voter, "#seal-again").await;
    wait_text(
        &voter,
        "[data-testid=seal-status]",
        Text::Contains("Your ballot is sealed"),
    )
    .await;
    let cast_code = text_of(&voter, "[data-testid=tracking-code]").await;
    assert_eq!(cast_code.len(), 64);
    assert_ne!(cast_code, checked_code, "sealing again draws a new seed");
    wait_enabled(&voter, "#cast-sealed").await;
    click(&voter, "#cast-sealed").await;
    wait_text(
        &voter,
        "[data-testid=notice]",
        Text::Contains("your vote is counted"),
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=cast-tracking-code]",
        Text::Is(&cast_code),
    )
    .await;
    find(&voter, "[data-testid=receipt-fingerprint]").await;
    screenshot(&voter, "secret-cast").await;
    assert_none(&findings);

    // Exactly one ballot counted, and the log holds the one cast, never the checked one.
    assert_eq!(secrecy(&http, &app).await.ballots, 1);
    let lines = log_lines(&http, &app).await;
    let cast: Vec<SealedBallot> = (lines.iter())
        .map(|line| serde_json::from_str::<Value>(line).expect("a JSON line"))
        .filter(|line| line["type"] == "ballot_cast")
        .map(|line| serde_json::from_value(line["sealed"].clone()).expect("a sealed ballot"))
        .collect();
    assert_eq!(cast.len(), 1, "one ballot_cast line");
    assert_eq!(cast[0].tracking_code(), cast_code);
    assert!(
        lines.iter().all(|line| !line.contains(&checked_code)),
        "the checked ballot's tracking code is in the log"
    );
    let checked_nonce_logged = lines.iter().any(|line| {
        serde_json::from_str::<Value>(line).is_ok_and(|line| {
            line["type"] == "ballot_cast"
                && serde_json::from_value::<SealedBallot>(line["sealed"].clone())
                    .is_ok_and(|ballot| ballot.tracking_code() == checked_code)
        })
    });
    assert!(!checked_nonce_logged, "the checked ballot was cast");

    // The independent check: the audit page, brought the challenge by the voter page's link,
    // re-seals it on its own and says it holds and was not cast.
    let auditor = driver.open(&app.url(&audit_link), 1280, 900).await;
    wait_text(
        &auditor,
        "[data-testid=challenge-verdict]",
        Text::Contains("It was not cast"),
    )
    .await;
    let verdict = find(&auditor, "[data-testid=challenge-verdict]").await;
    assert_eq!(
        verdict.attr("data-verdict").await.expect("attr").as_deref(),
        Some("holds")
    );
    let shown = verdict.text().await.expect("the verdict");
    assert!(
        shown.contains(&checked_code) && shown.contains("tools: 1, 3"),
        "{shown}"
    );
    assert_none(&check_page(&auditor, "audit challenge", Some("secret-audit-challenge")).await);
    // A changed mark does not hold.
    let changed = revealed_json.replace("[[true,false,true]]", "[[true,true,false]]");
    let area = find(&auditor, "#challenge-json").await;
    area.clear().await.expect("clearing");
    area.send_keys(&changed).await.expect("typing");
    click(&auditor, "#challenge-check").await;
    wait_text(
        &auditor,
        "[data-testid=challenge-verdict]",
        Text::Contains("does not seal these choices"),
    )
    .await;
}

/// Clicks `button` in the page and answers how long (ms, by the page's clock) until the
/// tracking code shows a value other than `before`.
const TIME_SEAL: &str = r#"
const [button, before] = arguments;
const done = arguments[arguments.length - 1];
const started = performance.now();
document.getElementById(button).click();
const poll = () => {
  const code = document.querySelector("[data-testid=tracking-code]");
  if (code && code.textContent.trim() && code.textContent.trim() !== before) {
    done({ ms: performance.now() - started, code: code.textContent.trim() });
  } else if (performance.now() - started > 20000) {
    done({ ms: -1, code: "" });
  } else {
    setTimeout(poll, 1);
  }
};
poll();
"#;

/// The figure the issue asks for: sealing a 10-candidate approval ballot with its proofs in
/// headless Chromium, from the click to the tracking code on screen (release wasm as served).
/// Printed, not asserted: speed targets are benchmarks, not tests.
#[tokio::test(flavor = "multi_thread")]
async fn sealing_a_ten_candidate_approval_ballot_in_chromium_is_timed() {
    let app = spawn_app().await;
    let http = reqwest::Client::new();
    let candidates: Vec<Value> = (1..=10)
        .map(|i| json!({ "name": format!("C{i}") }))
        .collect();
    app.admin_post(
        "/api/admin/elections",
        json!({
            "id": ELECTION, "title": "Sealed",
            "options": {"login": "name_and_id", "self_registration": true, "secrecy": "verifiable"},
            "questions": [{"id": "tools", "title": "Tools", "method": "approval",
                           "candidates": candidates}]
        }),
    )
    .await;
    run_ceremony(&http, &app).await;
    app.admin_post(&format!("/api/admin/elections/{ELECTION}/start"), json!({}))
        .await;
    let driver = Driver::start().await;
    let voter = driver
        .open(&app.url(&format!("/e/{ELECTION}")), 1280, 900)
        .await;
    wait_text(&voter, "header h1", Text::Is("Sealed")).await;
    type_into(&voter, "#register-name", "Kim").await;
    click(&voter, "#register-submit").await;
    wait_text(
        &voter,
        "[data-testid=who]",
        Text::Contains("Logged in as Kim"),
    )
    .await;
    wait_enabled(&voter, "#q-tools-c-1").await;
    for i in [1, 4, 5, 8, 10] {
        click(&voter, &format!("#q-tools-c-{i}")).await;
    }
    click(&voter, "#review-ballot").await;
    wait_text(&voter, "#cast-ballot", Text::Is("Seal ballot")).await;
    let mut times = Vec::new();
    let mut before = String::new();
    for round in 0..6 {
        let button = if round == 0 {
            "cast-ballot"
        } else {
            "seal-again"
        };
        if round > 0 {
            click(&voter, "#check-ballot").await;
            wait_enabled(&voter, "#seal-again").await;
        }
        let timed = voter
            .execute_async(TIME_SEAL, vec![json!(button), json!(before)])
            .await
            .expect("timing a seal");
        let ms = timed["ms"].as_f64().expect("ms");
        assert!(ms >= 0.0, "the tracking code never showed");
        before = timed["code"].as_str().unwrap_or_default().to_string();
        times.push(ms);
    }
    // The first includes fetching the key and shapes; the others are sealing alone.
    let again = &times[1..];
    let mean = again.iter().sum::<f64>() / again.len() as f64;
    println!(
        "sealing a 10-candidate approval ballot in Chromium: first {:.0} ms (with GET …/secrecy), then mean {mean:.0} ms, max {:.0} ms over {} seals",
        times[0],
        again.iter().cloned().fold(0.0, f64::max),
        again.len()
    );
}
