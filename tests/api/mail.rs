//! Mail to voters: invitations carrying a fresh credential, reminders to those who have not
//! voted, results after publication, all sent by the node through a real SMTP server (the
//! sink of `support::smtp`), with refused and deferred recipients.

use std::collections::HashSet;
use std::num::NonZeroU32;
use std::time::{Duration, Instant};

use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use shared::dto::LoginResponse;
use shared::elections::RollResponse;
use shared::mail::{MailKind, MailQueuedResponse, MailState, MailStatus, MailStatusResponse};

use crate::helpers::{assert_error, spawn_app, spawn_app_with, TestApp, ADMIN_TOKEN};
use crate::support::smtp::{credentials_in, files_under, ReceivedMail, SinkOptions, SmtpSink};

const PUBLIC_URL: &str = "http://vote.test";
/// The one election each test mails about.
const ID: &str = "agm";
/// Generous: the machine may be compiling while the tests run.
const DEADLINE: Duration = Duration::from_secs(60);

/// A node that mails through `sink`, fast: the rate limit and backoff are not what is tested.
async fn mail_app(sink: &SmtpSink, retry_ms: u64) -> TestApp {
    let url = sink.url();
    spawn_app_with(move |args| {
        let mail = &mut args.common.mail;
        mail.smtp_url = Some(url);
        mail.public_url = PUBLIC_URL.into();
        mail.mail_rate = NonZeroU32::new(1000).unwrap();
        mail.mail_retry_ms = retry_ms;
    })
    .await
}

fn email(voter_id: u32) -> String {
    format!("v{voter_id}@example.org")
}

/// Creates the credential election [`ID`] with voters 1..=count, voter i at [`email`]`(i)`,
/// and `extra` CSV rows after them; returns the import's answer.
async fn election(app: &TestApp, count: u32, extra: &str) -> RollResponse {
    let definition = json!({
        "id": ID, "title": "General meeting",
        "candidates": [{"name": "Ada"}, {"name": "Brian"}],
        "options": {"login": "credential"},
    });
    let created = app.admin_post("/api/admin/elections", definition).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let mut csv = String::from("name,email\n");
    for i in 1..=count {
        csv.push_str(&format!("Voter {i},{}\n", email(i)));
    }
    csv.push_str(extra);
    let imported = app
        .client
        .post(format!("{}/api/admin/elections/{ID}/voters", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(imported.status(), StatusCode::OK);
    imported.json().await.unwrap()
}

async fn post_mail(app: &TestApp, body: Value, key: Option<&str>) -> Response {
    let mut request = app
        .client
        .post(format!("{}/api/admin/elections/{ID}/mail", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .json(&body);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.unwrap()
}

async fn queue(app: &TestApp, body: Value) -> MailQueuedResponse {
    let response = post_mail(app, body.clone(), None).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED, "{body}");
    response.json().await.unwrap()
}

/// Asks for `kind` of mail to everyone, expecting 409 `wrong_phase`.
async fn refused_now(app: &TestApp, kind: &str) {
    let response = post_mail(app, json!({ "kind": kind }), None).await;
    assert_error(response, StatusCode::CONFLICT, "wrong_phase").await;
}

async fn admin(app: &TestApp, action: &str) {
    let path = format!("/api/admin/elections/{ID}/{action}");
    assert_eq!(
        app.admin_post(&path, json!({})).await.status(),
        StatusCode::OK
    );
}

async fn credential_login(app: &TestApp, credential: &str) -> Response {
    let body = json!({ "credential": credential });
    app.post(&format!("/api/elections/{ID}/login"), body).await
}

/// Waits until no mail of the election is waiting any more (sent or failed for good).
async fn settled(app: &TestApp) -> MailStatusResponse {
    let started = Instant::now();
    loop {
        let status = mail_status(app).await;
        if status.queued == 0 {
            return status;
        }
        assert!(
            started.elapsed() < DEADLINE,
            "mail still queued: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn mail_status(app: &TestApp) -> MailStatusResponse {
    let path = format!("/api/admin/elections/{ID}/mail");
    app.admin_get_json(&path).await
}

fn entry(status: &MailStatusResponse, voter_id: u32, kind: MailKind) -> &MailStatus {
    let mut mails = status.mails.iter();
    let found = mails.find(|m| m.voter_id == voter_id && m.kind == kind);
    found.unwrap_or_else(|| panic!("no {kind:?} for voter {voter_id}: {status:?}"))
}

/// The voter a mail went to, by its address.
fn voter_of(mail: &ReceivedMail) -> u32 {
    let local = mail.recipient().strip_suffix("@example.org").unwrap();
    local.strip_prefix('v').unwrap().parse().unwrap()
}

#[tokio::test]
async fn an_invitation_reaches_every_voter_with_a_credential_that_logs_in() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = mail_app(&sink, 200).await;
    election(&app, 200, "").await;
    let queued = queue(&app, json!({"kind": "invitation"})).await;
    let expected = MailQueuedResponse {
        queued: 200,
        ..MailQueuedResponse::default()
    };
    assert_eq!(queued, expected);

    let mails = sink.wait_for(200, DEADLINE).await;
    let mut voters = HashSet::new();
    let mut message_ids = HashSet::new();
    for mail in &mails {
        let voter = voter_of(mail);
        assert!(voters.insert(voter), "voter {voter} mailed twice");
        assert!(message_ids.insert(mail.message_id.clone()), "{mail:?}");
        assert!(mail.to.contains(&email(voter)), "To: {}", mail.to);
        // Bounces name the election and the voter.
        assert_eq!(mail.mail_from, format!("ballot+agm.{voter}@localhost"));
        let credential = mail.credential().expect("a credential in the link");
        let link = format!("{PUBLIC_URL}/e/agm#credential={credential}");
        assert_eq!(mail.link().as_deref(), Some(link.as_str()));
        // Typed by hand from the mail, the credential stands on a line of its own.
        assert!(mail.text.lines().any(|line| line.trim() == credential));
        assert!(!mail.html.is_empty(), "{mail:?}");
        let login = credential_login(&app, &credential).await;
        assert_eq!(
            login.status(),
            StatusCode::OK,
            "credential of voter {voter}"
        );
        let login: LoginResponse = login.json().await.unwrap();
        assert_eq!(login.voter_id, voter);
    }
    assert_eq!(voters.len(), 200);

    let status = settled(&app).await;
    assert!(status.configured);
    assert_eq!((status.sent, status.failed), (200, 0));
    assert_eq!(status.mails.len(), 200);
    let invitation = entry(&status, 7, MailKind::Invitation);
    assert_eq!(
        (invitation.state, invitation.generation),
        (MailState::Sent, 1)
    );
    assert_eq!(invitation.attempts, 1);
    assert_eq!(invitation.email, email(7));
    assert!(invitation.sent_at_ms.is_some());
}

#[tokio::test]
async fn reminders_reach_only_the_voters_who_have_not_voted_and_carry_no_credential() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = mail_app(&sink, 200).await;
    let roll = election(&app, 6, "No Mail,\n").await;
    refused_now(&app, "reminder").await;

    admin(&app, "start").await;
    for row in &roll.voters[..2] {
        let login: LoginResponse = credential_login(&app, &row.credential)
            .await
            .json()
            .await
            .unwrap();
        let now = app.server_time().await;
        let body = json!({"session": login.session, "candidate_id": 1,
            "lamport": now.lamport, "click_time_ms": now.server_time_ms});
        let voted = app.post(&format!("/api/elections/{ID}/vote"), body).await;
        assert_eq!(voted.status(), StatusCode::OK);
    }
    let queued = queue(&app, json!({"kind": "reminder"})).await;
    let expected = MailQueuedResponse {
        queued: 4,
        skipped_no_email: 1,
        skipped_voted: 2,
        already_queued: 0,
    };
    assert_eq!(queued, expected);

    let status = settled(&app).await;
    assert_eq!(status.sent, 4);
    let mails = sink.messages();
    let mut voters: Vec<u32> = mails.iter().map(voter_of).collect();
    voters.sort_unstable();
    assert_eq!(voters, [3, 4, 5, 6]);
    let credentials: Vec<&str> = roll.voters.iter().map(|r| r.credential.as_str()).collect();
    for mail in &mails {
        assert_eq!(mail.credential(), None, "{}", mail.text);
        for credential in credentials.iter().filter(|c| !c.is_empty()) {
            let bare = credential.replace('-', "");
            for body in [&mail.text, &mail.html] {
                assert!(!body.contains(credential) && !body.contains(&bare));
            }
        }
        let link = mail.link().expect("a link to the election");
        assert!(link.starts_with(&format!("{PUBLIC_URL}/e/agm")), "{link}");
    }
}

#[tokio::test]
async fn a_refused_address_fails_with_the_servers_reason_and_a_deferred_one_is_sent_later() {
    let sink = SmtpSink::start(SinkOptions {
        reject: Some("^v2@".into()),
        defer_once: Some("^v3@".into()),
    });
    // A backoff long enough to watch the deferred mail wait for its second attempt.
    let app = mail_app(&sink, 2_000).await;
    election(&app, 4, "").await;
    assert_eq!(queue(&app, json!({"kind": "invitation"})).await.queued, 4);

    let started = Instant::now();
    loop {
        let status = mail_status(&app).await;
        let deferred = entry(&status, 3, MailKind::Invitation);
        if deferred.attempts >= 1 {
            assert_eq!(deferred.state, MailState::Queued, "{deferred:?}");
            let error = deferred.last_error.as_deref().unwrap_or_default();
            assert!(error.contains("try again later"), "{deferred:?}");
            break;
        }
        assert!(started.elapsed() < DEADLINE, "never deferred: {status:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let status = settled(&app).await;
    assert_eq!((status.sent, status.failed), (3, 1), "{status:?}");
    let refused = entry(&status, 2, MailKind::Invitation);
    assert_eq!((refused.state, refused.attempts), (MailState::Failed, 1));
    let reason = refused.last_error.as_deref().unwrap_or_default();
    assert!(reason.contains("mailbox unavailable"), "{refused:?}");
    let deferred = entry(&status, 3, MailKind::Invitation);
    assert_eq!((deferred.state, deferred.attempts), (MailState::Sent, 2));
    for voter in [1, 4] {
        assert_eq!(
            entry(&status, voter, MailKind::Invitation).state,
            MailState::Sent
        );
    }
    let mut voters: Vec<u32> = sink.messages().iter().map(voter_of).collect();
    voters.sort_unstable();
    assert_eq!(voters, [1, 3, 4]);
}

#[tokio::test]
async fn without_an_smtp_server_mail_is_refused_as_not_configured() {
    let app = spawn_app().await;
    election(&app, 1, "").await;
    let post = post_mail(&app, json!({"kind": "invitation"}), None).await;
    assert_error(post, StatusCode::CONFLICT, "mail_not_configured").await;
    let get = app
        .admin_get(&format!("/api/admin/elections/{ID}/mail"))
        .await;
    assert_error(get, StatusCode::CONFLICT, "mail_not_configured").await;
}

#[tokio::test]
async fn each_kind_is_refused_outside_its_phases_and_results_go_out_once_published() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = mail_app(&sink, 200).await;
    election(&app, 2, "").await;
    refused_now(&app, "results").await;
    let unknown = json!({"kind": "invitation", "voter_ids": [1, 99]});
    let unknown = post_mail(&app, unknown, None).await;
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    admin(&app, "start").await;
    refused_now(&app, "results").await;
    admin(&app, "stop").await;
    for kind in ["results", "reminder", "invitation"] {
        refused_now(&app, kind).await;
    }
    admin(&app, "publish").await;
    refused_now(&app, "reminder").await;
    // Nothing was queued by any refused request.
    assert!(settled(&app).await.mails.is_empty());

    assert_eq!(queue(&app, json!({"kind": "results"})).await.queued, 2);
    let mails = sink.wait_for(2, DEADLINE).await;
    for mail in &mails {
        assert_eq!(mail.credential(), None, "{}", mail.text);
        assert!(mail
            .link()
            .unwrap()
            .starts_with(&format!("{PUBLIC_URL}/e/agm")));
    }
    assert_eq!(settled(&app).await.sent, 2);
}

#[tokio::test]
async fn a_second_invitation_replaces_the_credential_and_says_so() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = mail_app(&sink, 200).await;
    election(&app, 2, "").await;
    let one = json!({"kind": "invitation", "voter_ids": [1]});
    assert_eq!(queue(&app, one.clone()).await.queued, 1);
    settled(&app).await;
    let first = sink.wait_for(1, DEADLINE).await.remove(0);
    let old = first.credential().unwrap();
    assert_eq!(credential_login(&app, &old).await.status(), StatusCode::OK);

    assert_eq!(queue(&app, one).await.queued, 1);
    let status = settled(&app).await;
    let again = entry(&status, 1, MailKind::Invitation);
    assert_eq!((again.state, again.generation), (MailState::Sent, 2));
    let second = sink.wait_for(2, DEADLINE).await.remove(1);
    assert_eq!(voter_of(&second), 1);
    assert_ne!(second.message_id, first.message_id);
    assert!(second.text.contains("replaces"), "{}", second.text);
    let new = second.credential().unwrap();
    assert_ne!(new, old);
    let stale = credential_login(&app, &old).await;
    assert_error(stale, StatusCode::UNAUTHORIZED, "bad_credential").await;
    let login: LoginResponse = credential_login(&app, &new).await.json().await.unwrap();
    assert_eq!(login.voter_id, 1);
}

#[tokio::test]
async fn a_replayed_idempotency_key_answers_the_same_and_sends_no_second_mail() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = mail_app(&sink, 200).await;
    election(&app, 3, "").await;
    let body = json!({"kind": "invitation"});
    let first = post_mail(&app, body.clone(), Some("invite-once")).await;
    assert_eq!(first.status(), StatusCode::ACCEPTED);
    let first: Value = first.json().await.unwrap();
    settled(&app).await;
    sink.wait_for(3, DEADLINE).await;

    // Replayed after the mails went out: were it queued again, it would be a second generation.
    let replay = post_mail(&app, body, Some("invite-once")).await;
    assert_eq!(replay.status(), StatusCode::ACCEPTED);
    assert_eq!(replay.json::<Value>().await.unwrap(), first);
    let status = settled(&app).await;
    assert!(status.mails.iter().all(|m| m.generation == 1), "{status:?}");
    assert_eq!(sink.messages().len(), 3);
}

#[tokio::test]
async fn no_mailed_credential_is_written_to_the_nodes_database() {
    let sink = SmtpSink::start(SinkOptions::default());
    let app = mail_app(&sink, 200).await;
    election(&app, 20, "").await;
    queue(&app, json!({"kind": "invitation"})).await;
    settled(&app).await;
    // A second generation for some: their earlier credentials were written nowhere either.
    let again = json!({"kind": "invitation", "voter_ids": [1, 2, 3]});
    queue(&app, again).await;
    settled(&app).await;
    let mails = sink.wait_for(23, DEADLINE).await;
    let credentials: Vec<String> = mails.iter().filter_map(ReceivedMail::credential).collect();
    assert_eq!(credentials.len(), 23);
    for credential in &credentials[20..] {
        let login = credential_login(&app, credential).await;
        assert_eq!(login.status(), StatusCode::OK);
    }

    let files = files_under(&app.args.data_dir);
    // The scan reads what the node wrote: the roll's addresses are there.
    let holds = |file: &std::path::PathBuf, needle: &[u8]| {
        let bytes = std::fs::read(file).unwrap_or_default();
        bytes.windows(needle.len()).any(|w| w == needle)
    };
    assert!(
        files.iter().any(|f| holds(f, email(20).as_bytes())),
        "{files:?}"
    );
    let leaked = credentials_in(&files, &credentials);
    assert!(leaked.is_empty(), "credentials on disk: {leaked:?}");
}
