//! A ballot of six questions (IRV, STV, a referendum, approval, Schulze, and a plurality
//! question left blank) cast with the keyboard only: after focusing the first control once,
//! every step is a key press to whatever has the focus. The public log must then hold exactly
//! the answers entered.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::{json, Value};

use crate::helpers::{
    click, find, screenshot, spawn_app, type_into, wait_enabled, wait_text, Driver, TestApp, Text,
};

/// One key press; `Shift(k)` holds Shift around `k` (Shift+Tab goes back).
#[derive(Clone, Copy)]
pub(crate) enum Press {
    K(char),
    Shift(char),
}

use Press::{Shift, K};

/// Sends key presses to the focused element, as a keyboard does (W3C actions, not
/// `send_keys` to a chosen element, which would move the focus there first).
pub(crate) async fn press(client: &Client, presses: &[Press]) {
    for &p in presses {
        let mut keys = KeyActions::new("keyboard".to_string());
        let (shift, key) = match p {
            K(key) => (false, key),
            Shift(key) => (true, key),
        };
        if shift {
            keys = keys.then(KeyAction::Down {
                value: Key::Shift.into(),
            });
        }
        keys = keys
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        if shift {
            keys = keys.then(KeyAction::Up {
                value: Key::Shift.into(),
            });
        }
        client.perform_actions(keys).await.expect("pressing a key");
    }
}

/// The id of the focused element, once the page has drawn what the last key changed.
async fn focused(client: &Client) -> String {
    let script = r#"
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => done(document.activeElement ? document.activeElement.id : ""));
"#;
    let id = client
        .execute_async(script, vec![])
        .await
        .expect("reading the focus");
    id.as_str().unwrap_or_default().to_string()
}

/// Asserts the focus is on the element with DOM id `id`.
async fn assert_focus(client: &Client, id: &str, after: &str) {
    assert_eq!(focused(client).await, id, "the focus after {after}");
}

fn candidates(names: &[&str]) -> Value {
    Value::Array(names.iter().map(|name| json!({ "name": name })).collect())
}

/// The `answers` of every ballot in the election's public log.
async fn logged_answers(app: &TestApp, election: &str) -> Vec<Value> {
    let http = reqwest::Client::new();
    let get = |path: String| {
        let http = http.clone();
        async move {
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
        }
    };
    let tree = get(format!("/api/elections/{election}/log/tree")).await;
    let size = tree["tree_size"].as_u64().expect("tree_size");
    let entries = get(format!(
        "/api/elections/{election}/log/entries?start=0&end={size}"
    ))
    .await;
    let lines = entries["entries"].as_array().expect("entries").iter();
    lines
        .map(|line| serde_json::from_str::<Value>(line.as_str().expect("a line")).expect("JSON"))
        .filter(|line| line["type"] == "ballot_cast")
        .map(|line| line["answers"].clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ballot_of_questions_is_cast_with_the_keyboard_alone_and_logged_as_entered() {
    let app = spawn_app().await;
    let election = json!({
        "id": "five-q", "title": "Five",
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
    app.admin_post("/api/admin/elections/five-q/start", json!({}))
        .await;
    let driver = Driver::start().await;

    let voter = driver.open(&app.url("/e/five-q"), 1280, 900).await;
    wait_text(&voter, "header h1", Text::Is("Five")).await;
    type_into(&voter, "#register-name", "Kim").await;
    click(&voter, "#register-submit").await;
    wait_text(
        &voter,
        "[data-testid=who]",
        Text::Contains("Logged in as Kim"),
    )
    .await;
    // The old form's buttons are not used for a ballot of questions.
    let old_buttons = voter
        .execute(
            "return document.querySelectorAll('button[data-candidate]').length;",
            vec![],
        )
        .await
        .expect("counting candidate buttons");
    assert_eq!(old_buttons, json!(0));
    find(&voter, "fieldset[data-question='secretary'] legend").await;
    wait_text(
        &voter,
        "fieldset[data-question='secretary'] legend",
        Text::Is("Question 6"),
    )
    .await;

    // The one time the test focuses a control itself; everything after is keys.
    wait_enabled(&voter, "#q-chair-add-1").await;
    voter
        .execute("document.getElementById('q-chair-add-1').focus();", vec![])
        .await
        .expect("focusing the first control");

    // Chair (IRV): add Ann, add Bob, then move Bob above Ann; Cy stays unranked.
    press(&voter, &[K(Key::Enter.into())]).await;
    assert_focus(&voter, "q-chair-add-2", "adding Ann").await;
    press(&voter, &[K(Key::Enter.into())]).await;
    assert_focus(&voter, "q-chair-add-3", "adding Bob").await;
    press(
        &voter,
        &[
            Shift(Key::Tab.into()),
            Shift(Key::Tab.into()),
            K(Key::Enter.into()),
        ],
    )
    .await;
    assert_focus(&voter, "q-chair-down-2", "moving Bob to the top").await;
    wait_text(
        &voter,
        "[data-testid=ranked-chair] li:first-child",
        Text::Contains("Bob"),
    )
    .await;
    // Bob's Remove, Ann's Move up, Ann's Remove, Cy's Add, then the next question.
    press(&voter, &[K(Key::Tab.into()); 5]).await;
    assert_focus(&voter, "q-board-add-1", "leaving the chair question").await;

    // Board (STV): add Dee, Fay and Gus, remove Gus, move Fay above Dee.
    press(
        &voter,
        &[
            K(Key::Enter.into()),
            K(Key::Tab.into()),
            K(Key::Enter.into()),
        ],
    )
    .await;
    assert_focus(&voter, "q-board-add-4", "adding Fay").await;
    press(&voter, &[K(Key::Enter.into())]).await;
    assert_focus(&voter, "q-board-add-2", "adding Gus").await;
    press(&voter, &[Shift(Key::Tab.into()), K(Key::Enter.into())]).await;
    assert_focus(&voter, "q-board-remove-3", "removing Gus").await;
    press(&voter, &[Shift(Key::Tab.into()), K(Key::Enter.into())]).await;
    assert_focus(&voter, "q-board-down-3", "moving Fay to the top").await;
    // Fay's Remove, Dee's Move up, Dee's Remove, Eve's Add, Gus's Add, then the referendum.
    press(&voter, &[K(Key::Tab.into()); 6]).await;
    assert_focus(&voter, "q-motion-c-1", "leaving the board question").await;

    // Motion (referendum): the arrow key moves to No and marks it.
    press(&voter, &[K(Key::Down.into()), K(Key::Tab.into())]).await;
    assert_focus(&voter, "q-tools-c-1", "answering the motion").await;

    // Tools (approval, at most 2): Hammer and Drill; Saw is then refused.
    let space = K(' ');
    press(
        &voter,
        &[space, K(Key::Tab.into()), K(Key::Tab.into()), space],
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=count-tools]",
        Text::Is("2 of 2 chosen"),
    )
    .await;
    let saw_disabled = voter
        .execute(
            "return document.getElementById('q-tools-c-2').disabled;",
            vec![],
        )
        .await
        .expect("reading Saw's box");
    assert_eq!(saw_disabled, json!(true), "a third mark must be refused");
    press(&voter, &[K(Key::Tab.into())]).await;
    assert_focus(&voter, "q-logo-rank-1", "leaving the tools question").await;

    // Logo (Schulze): Red 1, Green 2, Blue 1 (equal to Red).
    let tab = K(Key::Tab.into());
    press(&voter, &[K('1'), tab, K('2'), tab, K('1'), tab]).await;
    // Secretary is left blank: one Tab over its radio group reaches Review.
    assert_focus(&voter, "q-secretary-c-1", "leaving the logo question").await;
    press(&voter, &[tab]).await;
    assert_focus(&voter, "review-ballot", "leaving the last question").await;
    screenshot(&voter, "questions-ballot").await;
    press(&voter, &[K(Key::Enter.into())]).await;

    // The review says every answer in words, and asks about the blank one.
    assert_focus(&voter, "review-title", "opening the review").await;
    let said = [
        ("chair", "1. Bob, 2. Ann"),
        ("board", "1. Fay, 2. Dee"),
        ("motion", "No"),
        ("tools", "Hammer, Drill"),
        ("logo", "1. Red = Blue, 2. Green"),
        ("secretary", "Blank"),
    ];
    for (question, words) in said {
        let css = format!("[data-testid=review-{question}] dd");
        wait_text(&voter, &css, Text::Is(words)).await;
    }
    screenshot(&voter, "questions-review").await;
    wait_text(
        &voter,
        "label[for=confirm-blank]",
        Text::Is("You left 1 question blank. Cast anyway?"),
    )
    .await;
    let cast_disabled = voter
        .execute(
            "return document.getElementById('cast-ballot').disabled;",
            vec![],
        )
        .await
        .expect("reading the cast button");
    assert_eq!(
        cast_disabled,
        json!(true),
        "a blank answer needs confirming first"
    );
    press(&voter, &[tab, space, tab]).await;
    assert_focus(&voter, "cast-ballot", "confirming the blank answer").await;
    press(&voter, &[K(Key::Enter.into())]).await;

    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("You have voted"),
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("Receipt: vote #"),
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=notice]",
        Text::Contains("your vote is counted"),
    )
    .await;

    // The log holds exactly what was entered; the blank question is left out.
    let expected = json!({
        "chair": [2, 1],
        "board": [3, 1],
        "motion": [2],
        "tools": [1, 3],
        "logo": [[1, 3], 2]
    });
    assert_eq!(logged_answers(&app, "five-q").await, vec![expected]);
    voter.close().await.ok();

    // Published, the browser recounts every question from the public log with the same code
    // and draws, and finds the server's figures; the tally names each question's winners.
    app.admin_post("/api/admin/elections/five-q/stop", json!({}))
        .await;
    app.admin_post("/api/admin/elections/five-q/publish", json!({}))
        .await;
    let auditor = driver.session().await;
    auditor
        .goto(&app.url("/e/five-q/audit"))
        .await
        .expect("opening the audit page");
    for question in ["chair", "board", "motion", "tools", "logo", "secretary"] {
        let verdict = format!(
            "[data-testid=question-recount][data-question='{question}'] [data-testid=question-verdict]"
        );
        wait_text(&auditor, &verdict, Text::Contains("agrees")).await;
    }
    screenshot(&auditor, "questions-audit").await;
    auditor
        .goto(&app.url("/e/five-q/tally"))
        .await
        .expect("opening the tally page");
    wait_text(
        &auditor,
        "section[data-question='chair'] [data-testid=question-winners]",
        Text::Contains("Bob"),
    )
    .await;
    screenshot(&auditor, "questions-tally").await;
    auditor.close().await.ok();
}
