//! Mail across a leader change: only the leader sends, and the queue is replicated events, so
//! a leader killed half-way through sending invitations leaves the rest to its successor, which
//! writes the same mails (same Message-ID, same credential) and sends every one still owed.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use reqwest::StatusCode;
use serde_json::json;
use shared::dto::LoginResponse;
use shared::mail::{MailQueuedResponse, MailStatusResponse};

use crate::helpers::*;
use crate::support::smtp::{credentials_in, files_under, ReceivedMail, SinkOptions, SmtpSink};

const VOTERS: u32 = 500;
/// Slow enough that the leader is still sending when it is killed, fast enough for a test.
const MAIL_RATE: &str = "100";
const DEADLINE: Duration = Duration::from_secs(120);

fn email(voter_id: u32) -> String {
    format!("v{voter_id}@example.org")
}

/// Creates the credential election `agm` with [`VOTERS`] voters through member `id`. Each
/// write carries a key and is retried while the young cluster answers 503 (a leader may still
/// be settling): a retry with the key gets the first answer, never a second election or roll.
async fn election(cluster: &TestCluster, id: u64) {
    let definition = json!({
        "id": "agm", "title": "General meeting",
        "candidates": [{"name": "Ada"}, {"name": "Brian"}],
        "options": {"login": "credential"},
    });
    let mut csv = String::from("name,email\n");
    for i in 1..=VOTERS {
        csv.push_str(&format!("Voter {i},{}\n", email(i)));
    }
    let writes = [
        (
            "/api/admin/elections",
            "application/json",
            definition.to_string(),
            StatusCode::CREATED,
        ),
        (
            "/api/admin/elections/agm/voters",
            "text/csv",
            csv,
            StatusCode::OK,
        ),
    ];
    for (path, content_type, body, expected) in writes {
        let started = Instant::now();
        loop {
            let sent = cluster
                .client
                .post(format!("{}{path}", cluster.url(id)))
                .bearer_auth(ADMIN_TOKEN)
                .header("content-type", content_type)
                .header("idempotency-key", format!("setup:{path}"))
                .body(body.clone())
                .send()
                .await;
            let (status, text) = match sent {
                Ok(answer) => (
                    Some(answer.status()),
                    answer.text().await.unwrap_or_default(),
                ),
                Err(error) => (None, error.to_string()),
            };
            if status == Some(expected) {
                break;
            }
            let passing = status.is_none_or(|s| s == StatusCode::SERVICE_UNAVAILABLE);
            assert!(
                passing && started.elapsed() < DEADLINE,
                "{path}: {status:?} {text}\n{}",
                cluster.log_tails()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

async fn mail_status(cluster: &TestCluster, id: u64) -> Option<MailStatusResponse> {
    let request = cluster
        .client
        .get(format!("{}/api/admin/elections/agm/mail", cluster.url(id)))
        .bearer_auth(ADMIN_TOKEN);
    request.send().await.ok()?.json().await.ok()
}

/// The voter a mail went to, by its address.
fn voter_of(mail: &ReceivedMail) -> u32 {
    let local = mail.recipient().strip_suffix("@example.org").unwrap();
    local.strip_prefix('v').unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_leader_sends_the_invitations_a_killed_one_left_with_the_same_credentials() {
    let sink = SmtpSink::start(SinkOptions::default());
    let smtp_url = sink.url();
    let env = [
        ("BALLOT_SMTP_URL", smtp_url.as_str()),
        ("BALLOT_MAIL_RATE", MAIL_RATE),
        ("BALLOT_MAIL_RETRY_MS", "200"),
        ("BALLOT_PUBLIC_URL", "http://vote.test"),
    ];
    let cluster = spawn_cluster_with_env(false, &[], &env).await;
    let leader = cluster.wait_for_leader(None).await;
    election(&cluster, leader).await;
    let queued = cluster
        .client
        .post(format!(
            "{}/api/admin/elections/agm/mail",
            cluster.url(leader)
        ))
        .bearer_auth(ADMIN_TOKEN)
        .header("idempotency-key", "invite-everyone")
        .json(&json!({"kind": "invitation"}))
        .send()
        .await
        .unwrap();
    assert_eq!(queued.status(), StatusCode::ACCEPTED);
    let queued: MailQueuedResponse = queued.json().await.unwrap();
    assert_eq!(queued.queued, u64::from(VOTERS));

    // Killed mid-queue: some mails out, most still owed.
    let early = sink.wait_for(50, DEADLINE).await.len();
    cluster.kill(leader);
    assert!(
        early < VOTERS as usize,
        "all {early} mails went out before the leader was killed: raise VOTERS or lower the rate"
    );
    let successor = cluster.wait_for_leader(Some(leader)).await;

    let what = format!("a mail to each of the {VOTERS} voters");
    let mails = sink
        .wait_until(DEADLINE, &what, |mails| {
            let voters: std::collections::HashSet<u32> = mails.iter().map(voter_of).collect();
            voters.len() == VOTERS as usize
        })
        .await;
    let mut by_voter: HashMap<u32, Vec<&ReceivedMail>> = HashMap::new();
    for mail in &mails {
        by_voter.entry(voter_of(mail)).or_default().push(mail);
    }
    let twice = by_voter.values().filter(|mails| mails.len() > 1).count();
    println!(
        "{early} mails before the kill, {} in all, {twice} voters mailed more than once",
        mails.len()
    );
    // A mail sent again after the leader change is the same mail, so a client can tell.
    for (voter, mails) in &by_voter {
        let first = &mails[0].message_id;
        assert!(
            mails.iter().all(|mail| &mail.message_id == first),
            "voter {voter} got different Message-IDs: {mails:?}"
        );
    }

    let started = Instant::now();
    loop {
        let status = mail_status(&cluster, successor).await;
        if let Some(status) = &status {
            if status.sent == u64::from(VOTERS) {
                assert_eq!((status.queued, status.failed), (0, 0));
                break;
            }
        }
        assert!(
            started.elapsed() < DEADLINE,
            "never all sent: {:?}\n{}",
            status.map(|s| (s.queued, s.sent, s.failed)),
            cluster.log_tails()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The last mail each voter got holds a credential that logs in.
    let credentials: Vec<(u32, String)> = by_voter
        .iter()
        .map(|(voter, mails)| {
            let last = mails.last().unwrap();
            (*voter, last.credential().expect("a credential in the link"))
        })
        .collect();
    let logins = futures_util::stream::iter(credentials.iter().cloned())
        .map(|(voter, credential)| {
            let url = format!("{}/api/elections/agm/login", cluster.url(successor));
            let request = cluster
                .client
                .post(url)
                .json(&json!({ "credential": credential }));
            async move { (voter, request.send().await) }
        })
        .buffer_unordered(8)
        .collect::<Vec<_>>()
        .await;
    for (voter, response) in logins {
        let response = response.expect("the new leader answers");
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "credential of voter {voter}"
        );
        let login: LoginResponse = response.json().await.unwrap();
        assert_eq!(login.voter_id, voter);
    }

    // No member wrote a credential down: neither in its log nor in its database.
    let mut files = Vec::new();
    for id in cluster.ids() {
        files.push(cluster.dir.path().join(format!("node{id}.log")));
        files.extend(files_under(&cluster.data_dir(id)));
    }
    let all: Vec<String> = mails.iter().filter_map(ReceivedMail::credential).collect();
    let leaked = credentials_in(&files, &all);
    assert!(leaked.is_empty(), "credentials written down: {leaked:?}");
}
