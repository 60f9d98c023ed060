//! An election with a French translation: `/e/{id}?lang=fr` shows its French title, question
//! and candidate names, `?lang=en` its own English ones, and a question without a translation
//! keeps its own wording in both.

use serde_json::json;

use crate::helpers::{click, screenshot, spawn_app, type_into, wait_text, Driver, Text};

/// The text of the element matching `css` (which must exist).
async fn text_of(client: &fantoccini::Client, css: &str) -> String {
    let text = client
        .execute(
            "return document.querySelector(arguments[0]).textContent;",
            vec![json!(css)],
        )
        .await
        .unwrap_or_else(|err| panic!("reading {css}: {err}"));
    text.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_voter_page_shows_the_election_in_the_page_language() {
    let app = spawn_app().await;
    let election = json!({
        "id": "assembly", "title": "Assembly",
        "options": {"login": "name_and_id", "self_registration": true},
        "questions": [
            {"id": "chair", "title": "Chair", "method": "plurality",
             "candidates": [{"name": "Mary"}, {"name": "Bob"}]},
            {"id": "tools", "title": "Tools", "method": "approval", "max_choices": 2,
             "candidates": [{"name": "Hammer"}, {"name": "Saw"}]}
        ],
        "translations": {"fr": {"title": "Assemblée", "questions": [
            {"id": "chair", "title": "Présidence",
             "candidates": [{"name": "Marie"}, {"name": "Bob"}]}
        ]}}
    });
    app.admin_post("/api/admin/elections", election).await;
    app.admin_post("/api/admin/elections/assembly/start", json!({}))
        .await;
    let driver = Driver::start().await;

    let voter = driver
        .open(&app.url("/e/assembly?lang=fr"), 1280, 900)
        .await;
    wait_text(&voter, "header h1", Text::Is("Assemblée")).await;
    type_into(&voter, "#register-name", "Kim").await;
    click(&voter, "#register-submit").await;
    let chair = "fieldset[data-question='chair']";
    wait_text(
        &voter,
        &format!("{chair} legend"),
        Text::Contains("Présidence"),
    )
    .await;
    wait_text(&voter, chair, Text::Contains("Marie")).await;
    // The untranslated question keeps its own wording.
    wait_text(
        &voter,
        "fieldset[data-question='tools'] legend",
        Text::Contains("Tools"),
    )
    .await;
    screenshot(&voter, "translations-fr").await;

    // The same voter (the session is kept) reading in English.
    voter
        .goto(&app.url("/e/assembly?lang=en"))
        .await
        .expect("opening the page in English");
    wait_text(&voter, "header h1", Text::Is("Assembly")).await;
    wait_text(&voter, &format!("{chair} legend"), Text::Contains("Chair")).await;
    wait_text(&voter, chair, Text::Contains("Mary")).await;
    let shown = text_of(&voter, chair).await;
    assert!(
        !shown.contains("Marie") && !shown.contains("Présidence"),
        "the English page shows French: {shown:?}"
    );
    voter.close().await.ok();
}
