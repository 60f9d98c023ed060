//! A voter's receipt, end to end: the vote's answer carries it, the page shows its
//! fingerprint and offers the file, Verify checks it in the browser, and anyone checks the
//! downloaded file on the audit page; a changed receipt is refused there, and after
//! publication the bulletin board's recount matches the published result.

use fantoccini::Client;
use serde_json::json;
use shared::checkpoint::{Checkpoint, Receipt};

use crate::elections::linked_text;
use crate::helpers::{
    click, find, log_in, screenshot, spawn_app, type_into, wait_enabled, wait_text, Driver,
    TestApp, Text,
};

/// Logs Alice in on `/`, votes for candidate 2 and returns the receipt file exactly as the
/// page's Download link holds it.
async fn vote_and_download(voter: &Client, app: &TestApp) -> String {
    log_in(voter, app, "Alice", 1).await;
    wait_enabled(voter, "button[data-candidate='2']").await;
    click(voter, "button[data-candidate='2']").await;
    wait_text(
        voter,
        "[data-testid=confirmation]",
        Text::Contains("You have voted"),
    )
    .await;
    find(voter, "#download-receipt").await;
    linked_text(voter, "#download-receipt").await
}

/// The co-signed checkpoint the server answers now.
async fn checkpoint(app: &TestApp) -> Checkpoint {
    reqwest::get(app.url("/api/elections/default/log/checkpoint"))
        .await
        .expect("asking for the checkpoint")
        .json()
        .await
        .expect("a checkpoint")
}

/// Opens the audit page, pastes `text` into the receipt box and presses Verify.
async fn paste_on_audit_page(auditor: &Client, app: &TestApp, text: &str) {
    auditor
        .goto(&app.url("/e/default/audit"))
        .await
        .expect("opening the audit page");
    wait_text(
        auditor,
        "[data-testid=checkpoint-signers]",
        Text::Contains("Signed by replica"),
    )
    .await;
    type_into(auditor, "#receipt-text", text).await;
    click(auditor, "#check-receipt").await;
}

fn signers_in_words(checkpoint: &Checkpoint) -> String {
    let mut ids: Vec<u64> = checkpoint.signatures.iter().map(|s| s.node_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
    match ids.as_slice() {
        [one] => format!("replica {one}"),
        [rest @ .., last] => format!("replicas {} and {last}", rest.join(", ")),
        [] => panic!("a checkpoint without signatures"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_downloaded_receipt_verifies_on_the_voter_page_and_on_the_audit_page() {
    let app = spawn_app().await;
    app.admin_post("/api/admin/start", json!({})).await;
    let driver = Driver::start().await;
    let voter = driver.session().await;

    let file = vote_and_download(&voter, &app).await;
    let receipt: Receipt = serde_json::from_str(&file).expect("the file is a receipt");
    assert_eq!(receipt.election_id, "default");
    assert_eq!(receipt.leaf_index + 1, receipt.checkpoint.tree_size);
    let digits = &receipt.ballot_id[..16];
    let fingerprint = format!(
        "{} {} {} {}",
        &digits[..4],
        &digits[4..8],
        &digits[8..12],
        &digits[12..]
    );
    wait_text(
        &voter,
        "[data-testid=receipt-fingerprint]",
        Text::Is(&fingerprint),
    )
    .await;
    wait_text(
        &voter,
        "[data-testid=receipt-privacy]",
        Text::Contains("private store links each voter to their ballot"),
    )
    .await;

    // The voter's own Verify, in the browser.
    click(&voter, "#verify-receipt").await;
    wait_text(
        &voter,
        "[data-testid=receipt-verdict]",
        Text::Contains("Your ballot is in the log of"),
    )
    .await;
    screenshot(&voter, "voter-receipt").await;

    // The receipt is kept in this browser across a reload.
    voter.refresh().await.expect("reloading the voter page");
    wait_text(
        &voter,
        "[data-testid=receipt-fingerprint]",
        Text::Is(&fingerprint),
    )
    .await;

    // Anyone, in another browser, with the file the voter downloaded.
    let auditor = driver.session().await;
    paste_on_audit_page(&auditor, &app, &file).await;
    let latest = checkpoint(&app).await;
    let expected = format!(
        "Your ballot is in the log of {} entries, signed by {}.",
        latest.tree_size,
        signers_in_words(&latest)
    );
    wait_text(&auditor, "[data-testid=audit-verdict]", Text::Is(&expected)).await;
    screenshot(&auditor, "audit-receipt").await;

    // The projector shows the same log's size and the start of its root.
    auditor
        .goto(&app.url("/tally"))
        .await
        .expect("opening the tally page");
    wait_text(
        &auditor,
        "[data-testid=tally-log]",
        Text::Contains(&format!("Public log: {} entries", latest.tree_size)),
    )
    .await;
    wait_text(
        &auditor,
        "[data-testid=tally-root]",
        Text::Is(&latest.root_hash_hex[..12]),
    )
    .await;

    voter.close().await.ok();
    auditor.close().await.ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_changed_receipt_is_refused_and_the_published_recount_matches() {
    let app = spawn_app().await;
    app.admin_post("/api/admin/start", json!({})).await;
    let driver = Driver::start().await;
    let voter = driver.session().await;
    let file = vote_and_download(&voter, &app).await;
    let mut receipt: Receipt = serde_json::from_str(&file).expect("the file is a receipt");

    // One digit of the ballot's hash changed: the log's entry no longer matches it.
    let first = if receipt.leaf_hash_hex.starts_with('0') {
        "1"
    } else {
        "0"
    };
    receipt.leaf_hash_hex.replace_range(0..1, first);
    let changed = serde_json::to_string(&receipt).expect("a receipt as JSON");
    let auditor = driver.session().await;
    paste_on_audit_page(&auditor, &app, &changed).await;
    wait_text(
        &auditor,
        "[data-testid=audit-verdict]",
        Text::Contains(&format!(
            "Entry {} of the log does not match this receipt",
            receipt.leaf_index
        )),
    )
    .await;
    let outcome = auditor
        .execute(
            "return document.querySelector('[data-testid=audit-verdict]').dataset.outcome;",
            vec![],
        )
        .await
        .expect("reading the verdict");
    assert_eq!(outcome, json!("refused"));

    // After publication the open audit page shows the board and recounts it.
    app.admin_post("/api/admin/stop", json!({})).await;
    app.admin_post("/api/admin/publish", json!({})).await;
    wait_text(
        &auditor,
        "[data-testid=recount-verdict]",
        Text::Is("The recount matches the published result."),
    )
    .await;
    let row = format!("tr[data-ballot='{}']", receipt.ballot_id);
    wait_text(&auditor, &row, Text::Contains("counted")).await;
    wait_text(
        &auditor,
        "tr[data-candidate='2'] [data-testid=recounted]",
        Text::Is("1"),
    )
    .await;
    auditor
        .execute(
            "document.getElementById('board-title').scrollIntoView();",
            vec![],
        )
        .await
        .expect("scrolling to the board");
    screenshot(&auditor, "audit-board").await;

    voter.close().await.ok();
    auditor.close().await.ok();
}
