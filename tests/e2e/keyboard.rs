//! A voter of a credential election goes from the page's first Tab to the receipt with the
//! keyboard only: after every key the focused element shows a visible focus indicator and is
//! on screen, uncovered (WCAG 2.4.7 and 2.4.11). With four minutes left, an alert says so. The credential is pasted, as voters copy it
//! from their invitation (the page must not block pasting, and the pasted text's case and
//! spaces must not matter), a reload in the middle keeps the marks made so far, and the
//! outcome of casting is announced by a live region.

use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::{json, Value};

use crate::helpers::{
    find, spawn_app, wait_enabled, wait_text, Driver, TestApp, Text, ADMIN_TOKEN,
};
use crate::questions::{press, Press::K};

/// Where the focus is after the last key, and what is wrong with how it shows: nothing
/// focused, no visible indicator (an outline of 2 px or more, or a shadow), off screen, or
/// covered by something else at its centre.
const FOCUS: &str = r#"
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => {
  const el = document.activeElement;
  if (!el || el === document.body) { done({ id: "", problem: "nothing has the focus" }); return; }
  const what = el.outerHTML.slice(0, 120);
  const style = getComputedStyle(el);
  const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadowed = style.boxShadow && style.boxShadow !== "none";
  const r = el.getBoundingClientRect();
  let problem = "";
  if (!outlined && !shadowed) problem = `no visible focus indicator: ${what}`;
  else if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth)
    problem = `focused but off screen: ${what}`;
  else {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    const label = el.labels && el.labels[0];
    if (top && !(el.contains(top) || top.contains(el) || (label && label.contains(top))))
      problem = `focused but covered by ${top.outerHTML.slice(0, 80)}: ${what}`;
  }
  done({ id: el.id, problem });
});
"#;

/// Presses Tab until the element with an id starting with `prefix` has the focus (at most
/// `limit` presses), checking the focus after each; returns the focused id and the problems.
async fn tab_to(client: &Client, prefix: &str, limit: usize, problems: &mut Vec<String>) -> String {
    for _ in 0..limit {
        press(client, &[K(Key::Tab.into())]).await;
        let focus = client
            .execute_async(FOCUS, vec![])
            .await
            .expect("reading the focus");
        let id = focus["id"].as_str().unwrap_or_default().to_string();
        if let Some(problem) = focus["problem"].as_str().filter(|p| !p.is_empty()) {
            problems.push(format!("tabbing to {prefix}: {problem}"));
        }
        if id.starts_with(prefix) {
            return id;
        }
    }
    panic!("{limit} presses of Tab did not reach #{prefix}…; problems so far: {problems:#?}");
}

/// A credential election of two questions with a roll of one; returns Ann's credential.
async fn election(app: &TestApp) -> String {
    let candidates =
        |names: &[&str]| -> Value { names.iter().map(|name| json!({ "name": name })).collect() };
    let election = json!({
        "id": "keys", "title": "Keyboard election",
        "options": {"login": "credential"},
        "questions": [
            {"id": "tools", "title": "Tools", "method": "approval", "max_choices": 2,
             "candidates": candidates(&["Hammer", "Saw", "Drill"])},
            {"id": "motion", "title": "Motion", "method": "referendum", "threshold": "majority"}
        ]
    });
    app.admin_post("/api/admin/elections", election).await;
    let csv = reqwest::Client::new()
        .post(app.url("/api/admin/elections/keys/voters"))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .header("accept", "text/csv")
        .header("idempotency-key", "import-keys")
        .body("name,email,external_id\nAnn,,\n")
        .send()
        .await
        .expect("importing the roll")
        .text()
        .await
        .expect("the roll's answer");
    app.admin_post("/api/admin/elections/keys/start", json!({}))
        .await;
    // Four minutes left: the page must say so before anything is cast.
    app.admin_post("/api/admin/elections/keys/deadline", json!({"minutes": 4}))
        .await;
    // voter_id,name,email,external_id,credential,status
    let row = csv.lines().nth(1).expect("a row for Ann");
    row.split(',')
        .nth(4)
        .expect("a credential column")
        .to_string()
}

/// Pastes `text` into the focused field as a browser does: a `paste` event the page may not
/// cancel, then the text inserted at the caret (a script's paste event inserts nothing by
/// itself). Returns whether the page cancelled the paste.
const PASTE: &str = r#"
const [text] = arguments;
const field = document.activeElement;
const data = new DataTransfer(); data.setData("text/plain", text);
const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
const allowed = field.dispatchEvent(event);
if (allowed) document.execCommand("insertText", false, text);
return !allowed;
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_voter_goes_from_the_first_tab_to_the_receipt_with_the_keyboard_alone() {
    let app = spawn_app().await;
    let credential = election(&app).await;
    let driver = Driver::start().await;
    let client = driver.open(&app.url("/e/keys"), 1280, 900).await;
    find(&client, "#credential").await;
    let mut problems = Vec::new();

    tab_to(&client, "credential", 30, &mut problems).await;
    // Copied from a mail client: lower case, spaces instead of dashes, a trailing newline.
    let pasted = format!("{}\n", credential.to_lowercase().replace('-', " "));
    let cancelled = client
        .execute(PASTE, vec![json!(pasted)])
        .await
        .expect("pasting");
    assert_eq!(cancelled, json!(false), "the page cancelled a paste");
    press(&client, &[K(Key::Enter.into())]).await;
    wait_enabled(&client, "#q-tools-c-1").await;
    // The time limit does not end silently: an alert says how little is left.
    wait_text(
        &client,
        "[data-testid=deadline-warning][role=alert]",
        Text::Contains("Less than 5 minutes left to vote"),
    )
    .await;

    tab_to(&client, "q-tools-c-", 30, &mut problems).await;
    press(&client, &[K(' ')]).await;
    find(&client, "[id^='q-tools-c-']:checked").await;
    // A ballot being filled in survives a reload; the keys start again from the top.
    client.refresh().await.expect("reloading the page");
    wait_enabled(&client, "[id^='q-tools-c-']:checked").await;
    tab_to(&client, "q-motion-c-", 10, &mut problems).await;
    press(&client, &[K(' ')]).await;
    find(&client, "[id^='q-motion-c-']:checked").await;
    tab_to(&client, "review-ballot", 10, &mut problems).await;
    press(&client, &[K(Key::Enter.into())]).await;
    wait_enabled(&client, "#cast-ballot").await;
    tab_to(&client, "cast-ballot", 30, &mut problems).await;
    press(&client, &[K(Key::Enter.into())]).await;

    // The outcome is announced: it is in a live region, not only drawn.
    wait_text(
        &client,
        "[data-testid=notice]",
        Text::Contains("your vote is counted"),
    )
    .await;
    let live = client
        .execute(
            "const n = document.querySelector('[data-testid=notice]'); \
             return !!n.closest('[aria-live=polite], [aria-live=assertive], [role=status], [role=alert]');",
            vec![],
        )
        .await
        .expect("reading the notice");
    assert_eq!(live, json!(true), "the outcome is not in a live region");
    find(&client, "[data-testid=confirmation]").await;
    client.close().await.ok();
    assert!(
        problems.is_empty(),
        "focus problems:\n{}",
        problems.join("\n")
    );
}
