//! A verifiable election end to end through the command-line side (`ballot trustee keygen`,
//! `ballot vote`, `ballot trustee decrypt`, run in process): three trustees, two of whom
//! decrypt, weighted voters, a Benaloh challenge, and the public log's secrecy audit.

use std::path::Path;

use ballot::config::{DecryptArgs, KeygenArgs, ServerArgs, TrusteeToken, VoteArgs};
use ballot::secret_cli::decrypt::{decrypt, DecryptReport};
use ballot::secret_cli::keygen::keygen;
use ballot::secret_cli::vote::{vote, VoteOutcome};
use reqwest::StatusCode;
use serde_json::json;
use shared::dto::ResultsResponse;
use shared::elections::RollResponse;
use shared::log::{LogEntries, PublicLine};
use shared::secrecy::ballot::check_challenge;
use shared::secrecy::wire::{SecrecyView, SecretStage, TrusteesCreated};

use crate::helpers::{spawn_app, TestApp, ADMIN_TOKEN};

const ID: &str = "agm";

fn server(app: &TestApp) -> ServerArgs {
    ServerArgs {
        url: app.url.clone(),
        election: ID.into(),
        tls_ca: None,
    }
}

fn token(token: &str) -> TrusteeToken {
    TrusteeToken {
        token: Some(token.into()),
        token_file: None,
    }
}

fn keygen_args(app: &TestApp, dir: &Path, trustee: &TrusteesCreated, n: usize) -> KeygenArgs {
    KeygenArgs {
        server: server(app),
        token: token(&trustee.trustees[n].token),
        out: dir.join(format!("trustee-{}.json", n + 1)),
        wait_secs: 60,
    }
}

fn vote_args(app: &TestApp, credential: &str, answers: serde_json::Value) -> VoteArgs {
    VoteArgs {
        server: server(app),
        credential: Some(credential.into()),
        name: None,
        voter_id: None,
        answers: answers.to_string(),
        challenge: false,
    }
}

async fn admin(app: &TestApp, action: &str) {
    let path = format!("/api/admin/elections/{ID}/{action}");
    let response = app.admin_post(&path, json!({})).await;
    assert_eq!(response.status(), StatusCode::OK, "{action}");
}

/// An election of a plurality and an approval question, sealed, with a weighted roll of three.
async fn verifiable_election(app: &TestApp) -> Vec<String> {
    let names = |names: &[&str]| -> serde_json::Value {
        names.iter().map(|name| json!({ "name": name })).collect()
    };
    let body = json!({
        "id": ID, "title": "AGM 2027",
        "options": {"secrecy": "verifiable"},
        "questions": [
            {"id": "chair", "method": "plurality", "candidates": names(&["Ann", "Bob"])},
            {"id": "snacks", "method": "approval", "candidates": names(&["Tea", "Cake", "Jam"])}
        ]
    });
    let response = app.admin_post("/api/admin/elections", body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = app
        .client
        .post(format!("{}/api/admin/elections/{ID}/voters", app.url))
        .bearer_auth(ADMIN_TOKEN)
        .header("content-type", "text/csv")
        .header("idempotency-key", "import-agm")
        .body("name,weight\nAnn,2\nBo,1\nCy,1\n")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let roll: RollResponse = response.json().await.unwrap();
    roll.voters.into_iter().map(|row| row.credential).collect()
}

async fn public_lines(app: &TestApp) -> Vec<PublicLine> {
    let tree: serde_json::Value = app.get_json(&format!("/api/elections/{ID}/log/tree")).await;
    let size = tree["tree_size"].as_u64().unwrap();
    let path = format!("/api/elections/{ID}/log/entries?start=0&end={size}");
    let entries: LogEntries = app.get_json(&path).await;
    let lines = entries.entries.iter();
    lines
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[tokio::test]
async fn three_trustees_run_the_ceremony_by_cli_and_two_of_them_decrypt_the_sealed_ballots() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let credentials = verifiable_election(&app).await;
    let body =
        json!({"trustees": [{"name": "Tia"}, {"name": "Uli"}, {"name": "Vic"}], "threshold": 2});
    let response = app
        .admin_post(&format!("/api/admin/elections/{ID}/trustees"), body)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let trustees: TrusteesCreated = response.json().await.unwrap();

    // The three ceremonies wait on one another, so they run at once.
    let args: Vec<KeygenArgs> = (0..3)
        .map(|n| keygen_args(&app, dir.path(), &trustees, n))
        .collect();
    let (one, two, three) = tokio::join!(keygen(&args[0]), keygen(&args[1]), keygen(&args[2]));
    let reports = [one.unwrap(), two.unwrap(), three.unwrap()];
    assert!(reports.iter().all(|r| r.joint_key == reports[0].joint_key));
    let view: SecrecyView = app.get_json(&format!("/api/elections/{ID}/secrecy")).await;
    assert_eq!(view.stage, SecretStage::KeyPublished);
    // Run again on its key file, a finished ceremony only checks the published key.
    let again = keygen(&args[0]).await.unwrap();
    assert!(again.resumed);
    assert_eq!(again.joint_key, reports[0].joint_key);

    admin(&app, "start").await;
    // Benaloh's check first: the printed ballot, seed and marks check, and nothing is cast.
    let mut challenge = vote_args(
        &app,
        &credentials[0],
        json!({"chair": [1], "snacks": [1, 2]}),
    );
    challenge.challenge = true;
    let VoteOutcome::Challenge(checked) = vote(&challenge).await.unwrap() else {
        panic!("a challenge casts nothing");
    };
    let key = view.key.as_ref().unwrap().0.shared_key();
    let shapes: Vec<_> = view.questions.iter().map(|q| q.shape()).collect();
    assert_eq!(checked.marks, [vec![true, false], vec![true, true, false]]);
    let seed: [u8; 32] = hex::decode(&checked.seed).unwrap().try_into().unwrap();
    check_challenge(key, ID, &shapes, &checked.ballot, &checked.marks, seed).unwrap();
    // What the CLI prints is what `ballot audit --challenge` and the audit page read.
    let printed = serde_json::to_string(&checked).unwrap();
    let read: shared::secrecy::ballot::Challenge = serde_json::from_str(&printed).unwrap();
    read.check(key, ID, &shapes).unwrap();

    // Ann (weight 2): Ann, Tea and Cake; Bo: Bob, Cake and Jam; Cy: Ann, no snacks.
    let ballots = [
        json!({"chair": [1], "snacks": [1, 2]}),
        json!({"chair": [2], "snacks": [2, 3]}),
        json!({"chair": [1]}),
    ];
    for (credential, answers) in credentials.iter().zip(ballots) {
        let outcome = vote(&vote_args(&app, credential, answers)).await.unwrap();
        let VoteOutcome::Cast {
            tracking_code,
            ballot_id,
            ..
        } = outcome
        else {
            panic!("cast");
        };
        assert_eq!(tracking_code.map(|c| c.len()), Some(64));
        assert!(ballot_id.is_some());
    }
    let results: ResultsResponse = app.get_json(&format!("/api/elections/{ID}/results")).await;
    assert_eq!(results.total_votes, 3);
    assert!(!results.counts_visible && results.counts.is_empty());
    assert!(results.questions.iter().all(|q| q.rounds.is_empty()));

    admin(&app, "stop").await;
    // Trustee 2 stays away; 1 and 3 are enough.
    let decrypt_args = |n: usize| DecryptArgs {
        server: server(&app),
        token: token(&trustees.trustees[n].token),
        key: args[n].out.clone(),
    };
    let first = decrypt(&decrypt_args(0)).await.unwrap();
    assert!(matches!(
        first,
        DecryptReport::Sent {
            options: 5,
            stage: SecretStage::Decrypting
        }
    ));
    let view: SecrecyView = app.get_json(&format!("/api/elections/{ID}/secrecy")).await;
    assert_eq!(view.missing, [2, 3]);
    let last = decrypt(&decrypt_args(2)).await.unwrap();
    assert!(matches!(
        last,
        DecryptReport::Sent {
            stage: SecretStage::Decrypted,
            ..
        }
    ));
    assert_eq!(
        decrypt(&decrypt_args(0)).await.unwrap(),
        DecryptReport::AlreadyIn
    );

    admin(&app, "publish").await;
    let results: ResultsResponse = app.get_json(&format!("/api/elections/{ID}/results")).await;
    let question = |id: &str| results.questions.iter().find(|q| q.id == id).unwrap();
    let votes = |id: &str| -> Vec<String> {
        let tallies = &question(id).rounds[0].tallies;
        tallies.iter().map(|t| t.votes.clone()).collect()
    };
    assert_eq!(votes("chair"), ["3", "1"]);
    assert_eq!(question("chair").winners, [1]);
    assert_eq!(votes("snacks"), ["2", "3", "1"]);
    assert_eq!(question("snacks").winners, [2]);

    // The public log alone checks: every proof, the tally and both decryptions.
    let lines = public_lines(&app).await;
    let audit = shared::secrecy::audit::audit(ID, &lines)
        .unwrap()
        .expect("a verifiable election");
    assert_eq!((audit.ballots_checked, audit.counted), (3, 3));
    assert_eq!(audit.decryptions_checked, 2);
    assert_eq!(
        audit.sums,
        Some(vec![vec![30_000, 10_000], vec![20_000, 30_000, 10_000]])
    );
}
