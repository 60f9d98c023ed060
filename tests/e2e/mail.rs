//! Mail to voters from the admin console, against a real SMTP server (`smtp::SmtpSink`): the
//! invitations go out with a live progress bar, the personal link logs the voter in and leaves
//! no credential in the address bar, a refused address is listed with the server's words and
//! sent again by one click, and a node without SMTP explains how to set it up.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::Client;
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::process::{Child, Command};

use crate::elections::confirm;
use crate::helpers::{
    click, dist_dir, find, read_until, screenshot, spawn_app, type_into, wait_enabled, wait_text,
    Driver, Text, ADMIN_TOKEN, WAIT,
};
use crate::smtp::{SinkOptions, SmtpSink};

const ELECTION: &str = "staff-vote";

/// A `ballot node` that mails through `smtp_url`, with its own address as `--public-url`, so
/// the links in its mails lead back to it. (The shared `spawn_app` binds port 0, and the
/// address must be known before the node starts.)
struct MailNode {
    base_url: String,
    child: Child,
    data: TempDir,
    http: reqwest::Client,
}

impl MailNode {
    async fn start(smtp_url: &str) -> MailNode {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let listen = format!("127.0.0.1:{port}");
        let data = tempfile::tempdir().expect("temporary data directory");
        let log = std::fs::File::create(data.path().join("node.log")).expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_ballot"))
            .arg("node")
            .args(["--listen", &listen, "--admin-token", ADMIN_TOKEN])
            .arg("--data-dir")
            .arg(data.path().join("node"))
            .arg("--dist")
            .arg(dist_dir())
            .args(["--smtp-url", smtp_url])
            .args(["--public-url", &format!("http://{listen}")])
            .args(["--mail-from", "Staff vote <vote@example.org>"])
            .stdout(Stdio::piped())
            .stderr(log)
            .kill_on_drop(true)
            .spawn()
            .expect("starting the ballot binary");
        let base_url = read_until(&mut child, "the ballot node", |line| {
            line.strip_prefix("listening on ")
                .map(|url| url.trim().trim_end_matches('/').to_string())
        })
        .await;
        assert_eq!(base_url, format!("http://{listen}"));
        MailNode {
            base_url,
            child,
            data,
            http: reqwest::Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

impl Drop for MailNode {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
        if std::thread::panicking() {
            print_log_tail(&self.data.path().join("node.log"));
        }
    }
}

fn print_log_tail(path: &Path) {
    let log = std::fs::read_to_string(path).unwrap_or_default();
    let tail: Vec<&str> = log.lines().rev().take(40).collect();
    eprintln!("--- last lines of the node's log ---");
    for line in tail.iter().rev() {
        eprintln!("{line}");
    }
}

/// An admin request over HTTP for the steps a test is not about; returns the JSON answer.
async fn admin(http: &reqwest::Client, method: reqwest::Method, url: String, body: Value) -> Value {
    let mut request = http.request(method, &url).bearer_auth(ADMIN_TOKEN);
    if !body.is_null() {
        request = request
            .json(&body)
            .header(shared::dto::IDEMPOTENCY_KEY_HEADER, random_key());
    }
    let response = request.send().await.expect("admin request");
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    assert!(status.is_success(), "{url} answered {status}: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// A fresh idempotency key: 32 hex digits.
fn random_key() -> String {
    (0..16)
        .map(|_| format!("{:02x}", rand::random::<u8>()))
        .collect()
}

/// A credential election with `roll` (name and email pairs; an empty email is none).
async fn credential_election(http: &reqwest::Client, base: &str, roll: &[(&str, &str)]) {
    let election = json!({
        "id": ELECTION, "title": "Staff vote",
        "candidates": [{"name": "Yes"}, {"name": "No"}],
        "options": {"login": "credential"}
    });
    let post = reqwest::Method::POST;
    admin(
        http,
        post.clone(),
        format!("{base}/api/admin/elections"),
        election,
    )
    .await;
    let voters: Vec<Value> = roll
        .iter()
        .map(|(name, email)| json!({"name": name, "email": (!email.is_empty()).then_some(email)}))
        .collect();
    let url = format!("{base}/api/admin/elections/{ELECTION}/voters");
    admin(http, post, url, json!({ "voters": voters })).await;
}

/// The console of the election, past the token gate, once it is live.
async fn open_console(driver: &Driver, base: &str) -> Client {
    let console = driver
        .open(&format!("{base}/admin/e/{ELECTION}"), 1366, 1500)
        .await;
    type_into(&console, "#admin-token", ADMIN_TOKEN).await;
    click(&console, "#admin-token-submit").await;
    wait_text(&console, "header h1", Text::Is("Staff vote")).await;
    wait_text(&console, "[data-testid=connection]", Text::Contains("Live")).await;
    console
}

/// Scrolls the mail panel into view, so a screenshot shows it.
async fn show_panel(console: &Client) {
    console
        .execute(
            "document.querySelector('#mail-panel').scrollIntoView({block: 'start'});",
            vec![],
        )
        .await
        .expect("scrolling to the mail panel");
}

/// The page's address and fragment as the browser has them now.
async fn address(client: &Client) -> (String, String) {
    let seen = client
        .execute("return [location.href, location.hash];", vec![])
        .await
        .expect("reading the address");
    let part = |at: usize| seen[at].as_str().unwrap_or_default().to_string();
    (part(0), part(1))
}

#[tokio::test(flavor = "multi_thread")]
async fn invitations_are_mailed_and_the_personal_link_logs_the_voter_in() {
    let sink = SmtpSink::start(SinkOptions::default());
    let node = MailNode::start(&sink.url()).await;
    let roll = [
        ("Ann Smith", "ann@example.org"),
        ("Bo", "bo@example.org"),
        ("Cy", ""),
        ("Di", "di@example.org"),
    ];
    credential_election(&node.http, &node.base_url, &roll).await;
    let driver = Driver::start().await;
    let console = open_console(&driver, &node.base_url).await;

    // Invitations are allowed before voting opens; results are not, reminders not yet.
    wait_enabled(&console, "#mail-invite-all").await;
    let disabled = console
        .execute(
            "return [document.querySelector('#mail-remind').disabled, \
                     document.querySelector('#mail-results').disabled];",
            vec![],
        )
        .await
        .expect("reading the buttons");
    assert_eq!(disabled, json!([true, true]));
    confirm(&console, "mail-invite-all").await;
    wait_text(
        &console,
        "#mail-panel [data-testid=notice]",
        Text::Is("Queued 3 invitations. Skipped: 1 without an email."),
    )
    .await;
    // The bar follows the leader until every mail is accepted by the SMTP server.
    wait_text(
        &console,
        "[data-testid=mail-progress-invitation]",
        Text::Contains("All 3 sent."),
    )
    .await;
    let bar = find(&console, "#mail-bar-invitation").await;
    assert_eq!(bar.attr("value").await.unwrap().as_deref(), Some("3"));
    assert_eq!(bar.attr("max").await.unwrap().as_deref(), Some("3"));
    show_panel(&console).await;
    screenshot(&console, "admin-mail-sent").await;

    let mails = sink.wait_for(3, WAIT).await;
    let mut recipients: Vec<&str> = mails.iter().map(|mail| mail.recipient()).collect();
    recipients.sort_unstable();
    assert_eq!(
        recipients,
        ["ann@example.org", "bo@example.org", "di@example.org"]
    );
    let ann = mails
        .iter()
        .find(|mail| mail.recipient() == "ann@example.org")
        .expect("Ann's invitation");
    let link = ann.link().expect("a link in the invitation");
    let credential = ann.credential().expect("a credential in the invitation");
    assert_eq!(
        link,
        node.url(&format!("/e/{ELECTION}#credential={credential}"))
    );

    // The link logs Ann in by itself and leaves nothing of the credential in the address.
    let voter = driver.open(&link, 412, 915).await;
    wait_text(
        &voter,
        "[data-testid=who]",
        Text::Contains("Logged in as Ann Smith"),
    )
    .await;
    let (href, hash) = address(&voter).await;
    assert_eq!(href, node.url(&format!("/e/{ELECTION}")));
    assert_eq!(hash, "");
    let url = voter.current_url().await.expect("the voter's URL");
    assert_eq!(url.fragment(), None, "{url}");
    screenshot(&voter, "voter-from-invitation").await;

    // A link with a wrong credential says so, is cleaned all the same, and the form works.
    let stranger = driver
        .open(
            &node.url(&format!("/e/{ELECTION}#credential=AAAAA-BBBBB-CCCCC-DDDDD")),
            412,
            915,
        )
        .await;
    wait_text(
        &stranger,
        "[data-testid=notice]",
        Text::Contains("does not match anyone"),
    )
    .await;
    assert_eq!(address(&stranger).await.1, "");
    wait_enabled(&stranger, "#credential-submit").await;
    type_into(&stranger, "#credential", &credential).await;
    click(&stranger, "#credential-submit").await;
    wait_text(
        &stranger,
        "[data-testid=who]",
        Text::Contains("Logged in as Ann Smith"),
    )
    .await;

    // Voting opens and Ann votes: a reminder goes only to the others with an email.
    let start = node.url(&format!("/api/admin/elections/{ELECTION}/start"));
    admin(&node.http, reqwest::Method::POST, start, json!({})).await;
    wait_enabled(&voter, "button[data-candidate]").await;
    click(&voter, "button[data-candidate]").await;
    wait_text(
        &voter,
        "[data-testid=confirmation]",
        Text::Contains("You have voted"),
    )
    .await;
    wait_enabled(&console, "#mail-remind").await;
    click(&console, "#mail-remind").await;
    wait_text(
        &console,
        "#mail-panel [data-testid=notice]",
        Text::Contains("Queued 2 reminders."),
    )
    .await;
    wait_text(
        &console,
        "[data-testid=mail-progress-reminder]",
        Text::Contains("All 2 sent."),
    )
    .await;
    let mails = sink.wait_for(5, WAIT).await;
    let mut reminded: Vec<&str> = mails[3..].iter().map(|mail| mail.recipient()).collect();
    reminded.sort_unstable();
    assert_eq!(reminded, ["bo@example.org", "di@example.org"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_address_is_listed_with_the_server_s_words_and_sent_again() {
    let sink = SmtpSink::start(SinkOptions {
        reject: Some("^bo@".into()),
        ..SinkOptions::default()
    });
    let node = MailNode::start(&sink.url()).await;
    let roll = [("Ann Smith", "ann@example.org"), ("Bo", "bo@example.org")];
    credential_election(&node.http, &node.base_url, &roll).await;
    let driver = Driver::start().await;
    let console = open_console(&driver, &node.base_url).await;

    confirm(&console, "mail-invite-rest").await;
    wait_text(
        &console,
        "[data-testid=mail-progress-invitation]",
        Text::Contains("1 of 2 sent, 1 failed."),
    )
    .await;
    wait_text(&console, "[data-testid=mail-failed]", Text::Contains("Bo")).await;
    wait_text(
        &console,
        "[data-testid=mail-failed]",
        Text::Contains("<bo@example.org>"),
    )
    .await;
    wait_text(&console, "[data-testid=mail-failed]", Text::Contains("550")).await;
    let resend = find(&console, "#mail-resend-invitation-2").await;
    assert_eq!(
        resend.attr("aria-label").await.unwrap().as_deref(),
        Some("Resend the invitation to Bo")
    );
    show_panel(&console).await;
    screenshot(&console, "admin-mail-failed").await;

    // Resend queues Bo's invitation again, as a new mail (a second generation).
    wait_enabled(&console, "#mail-resend-invitation-2").await;
    click(&console, "#mail-resend-invitation-2").await;
    wait_text(
        &console,
        "#mail-panel [data-testid=notice]",
        Text::Is("Queued 1 invitation."),
    )
    .await;
    let status_url = node.url(&format!("/api/admin/elections/{ELECTION}/mail"));
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let status = admin(
            &node.http,
            reqwest::Method::GET,
            status_url.clone(),
            Value::Null,
        )
        .await;
        let bo = status["mails"]
            .as_array()
            .and_then(|mails| mails.iter().find(|mail| mail["voter_id"] == json!(2)))
            .cloned()
            .unwrap_or_default();
        if bo["generation"] == json!(2) && bo["state"] == json!("failed") {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "Bo's resent invitation did not fail again in time: {status}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    wait_text(
        &console,
        "[data-testid=mail-progress-invitation]",
        Text::Contains("1 of 2 sent, 1 failed."),
    )
    .await;
    assert_eq!(sink.messages().len(), 1, "only Ann's invitation arrived");
}

#[tokio::test(flavor = "multi_thread")]
async fn without_smtp_the_panel_says_how_to_set_it_up() {
    let app = spawn_app().await;
    let http = reqwest::Client::new();
    credential_election(&http, &app.base_url, &[("Ann Smith", "ann@example.org")]).await;
    let driver = Driver::start().await;
    let console = open_console(&driver, &app.base_url).await;
    wait_text(
        &console,
        "[data-testid=mail-setup]",
        Text::Contains("--smtp-url smtp://host:port"),
    )
    .await;
    wait_text(
        &console,
        "[data-testid=mail-setup]",
        Text::Contains("BALLOT_PUBLIC_URL"),
    )
    .await;
    show_panel(&console).await;
    screenshot(&console, "admin-mail-not-configured").await;
}
