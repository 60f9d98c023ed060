//! An election written in one language with its wording in others: stored as given (trimmed),
//! shown to everyone, logged publicly with the definition, and refused part by part when wrong.

use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::elections::ElectionView;
use shared::languages::Language;
use shared::log::LogEntries;

use crate::helpers::{assert_error, spawn_app, TestApp};

fn agm(id: &str, translations: Value) -> Value {
    json!({
        "id": id, "title": "Assemblée générale", "language": "fr",
        "questions": [
            {"id": "chair", "title": "Présidence", "method": "plurality",
             "candidates": [{"name": "Anne"}, {"name": "Bruno"}]},
            {"id": "motion", "title": "Motion", "method": "referendum"}
        ],
        "translations": translations,
    })
}

async fn first_line(app: &TestApp, id: &str) -> String {
    let path = format!("/api/elections/{id}/log/entries?start=0&end=1");
    let entries: LogEntries = app.get_json(&path).await;
    entries
        .entries
        .into_iter()
        .next()
        .expect("the definition's line")
}

#[tokio::test]
async fn translations_are_kept_shown_and_logged_with_the_definition() {
    let app = spawn_app().await;
    let translations = json!({
        "en": {"title": "  General meeting ", "questions": [
            {"id": "chair", "title": "Chair"},
            {"id": "motion", "candidates": [{"name": "Yes"}, {"name": "No"}]}]},
        "ar": {"title": "الجمعية العامة", "questions": [{"id": "chair", "title": "الرئاسة",
            "candidates": [{"name": "آن"}, {"name": "برونو"}]}]}
    });
    let response = app
        .admin_post("/api/admin/elections", agm("agm", translations))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let view: ElectionView = app.get_json("/api/elections/agm").await;
    assert_eq!(view.language, Language::French);
    let english = &view.translations[&Language::English];
    assert_eq!(english.title, "General meeting", "trimmed");
    assert_eq!(english.questions[1].candidates[0].name, "Yes");
    let arabic = &view.translations[&Language::Arabic];
    assert_eq!(arabic.questions[0].candidates[1].name, "برونو");

    // Anyone can see in the public log what voters of each language were shown.
    let line = first_line(&app, "agm").await;
    assert!(line.contains(r#""language":"fr""#), "{line}");
    assert!(line.contains("الرئاسة"), "{line}");
}

#[tokio::test]
async fn an_election_without_languages_logs_its_definition_as_before() {
    let app = spawn_app().await;
    let body = json!({"id": "plain", "title": "Plain", "candidates": [{"name": "A"}]});
    let response = app.admin_post("/api/admin/elections", body).await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let line = first_line(&app, "plain").await;
    assert!(
        !line.contains("language") && !line.contains("translations"),
        "{line}"
    );
    let view: ElectionView = app.get_json("/api/elections/plain").await;
    assert_eq!(view.language, Language::English);
    assert!(view.translations.is_empty());
}

#[tokio::test]
async fn a_wrong_translation_is_refused_naming_its_field() {
    let app = spawn_app().await;
    let cases = [
        (json!({"pt": {"title": "x"}}), "translations"),
        (json!({"fr": {"title": "x"}}), "translations.fr"),
        (
            json!({"en": {"questions": [{"id": "chair", "candidates": [{"name": "A"}]}]}}),
            "translations.en.questions[0].candidates",
        ),
        (
            json!({"en": {"questions": [{"id": "treasurer"}]}}),
            "translations.en.questions[0].id",
        ),
        (
            json!({"de": {"title": "x".repeat(201)}}),
            "translations.de.title",
        ),
    ];
    for (index, (translations, field)) in cases.into_iter().enumerate() {
        let id = format!("wrong-{index}");
        let response = app
            .admin_post("/api/admin/elections", agm(&id, translations))
            .await;
        let message = assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
        assert!(
            message.starts_with(&format!("{field}:")),
            "{field}: {message}"
        );
    }
    let mut unknown = agm("wrong-language", json!({}));
    unknown["language"] = json!("xx");
    let response = app.admin_post("/api/admin/elections", unknown).await;
    let message = assert_error(response, StatusCode::BAD_REQUEST, "invalid_election").await;
    assert!(message.starts_with("language:"), "{message}");
}
