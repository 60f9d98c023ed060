//! The sealer's conversation, run in place (no worker): what the page sends, what the worker
//! answers, and that the page's vote body and tracking code are those of the `SealedBallot`
//! the worker sealed, byte for byte.

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use shared::dto::VoteRequest;
use shared::secrecy::ballot::SealedBallot;
use shared::secrecy::ceremony::{self, Board, KeySet, Step, TrusteeKey};
use shared::secrecy::wire::SealedQuestion;
use shared::secrecy::Opaque;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{answer, seal_in_worker, FromSealer, Job, SealedJson, SealingView, ToSealer};
use crate::api::voter::VoteBody;

/// A one-trustee ceremony's joint key set, as the server relays it.
fn key_set() -> KeySet {
    let mut rng = ChaCha20Rng::from_seed([7; 32]);
    let (mut key, part) = TrusteeKey::start("e1", 1, (1, 1), &mut rng).unwrap();
    let mut board = Board {
        commitments: vec![Some(part)],
        polynomials: vec![None],
        shares: vec![None],
    };
    let mut sets = Vec::new();
    for _ in 0..3 {
        match key.advance(&board, &mut rng).unwrap() {
            Some(Step::Polynomial(info)) => {
                let commitment = board.commitments[0].as_ref().unwrap();
                sets.push(ceremony::check_polynomial((1, 1), commitment, &info).unwrap());
                board.polynomials[0] = Some(*info);
            }
            Some(Step::Shares(shares)) => board.shares[0] = Some(shares),
            None => {}
        }
    }
    ceremony::joint_key((1, 1), &sets).unwrap()
}

/// What the page reads of `GET …/secrecy` for an election of two questions.
fn view() -> SealingView {
    let questions = vec![
        SealedQuestion {
            question: "chair".into(),
            options: 3,
            max_marks: 1,
        },
        SealedQuestion {
            question: "board".into(),
            options: 4,
            max_marks: 2,
        },
    ];
    // The server's whole view; the page must read past what it does not need.
    let body = serde_json::json!({
        "secrecy": "verifiable",
        "stage": "key_published",
        "threshold": 1,
        "trustees": [],
        "key": Opaque(key_set()),
        "questions": questions,
        "ballots": 0,
    });
    serde_json::from_str(&body.to_string()).unwrap()
}

fn job(view: &SealingView) -> Job {
    Job {
        election: "e1".into(),
        key: view.key.clone().unwrap(),
        questions: view.questions.clone(),
        marks: vec![vec![false, true, false], vec![true, false, false, true]],
        seed: [9; 32],
    }
}

fn ask(question: &ToSealer) -> FromSealer {
    let answered = answer(&serde_json::to_string(question).unwrap());
    serde_json::from_str(&answered).unwrap()
}

#[wasm_bindgen_test]
fn a_ballot_sealed_apart_is_sent_and_tracked_as_the_one_sealed() {
    let view = view();
    let FromSealer::Sealed(sealed) = ask(&ToSealer::Seal(job(&view))) else {
        panic!("no ballot sealed");
    };
    let ballot: SealedBallot = serde_json::from_str(sealed.0.get()).unwrap();
    assert_eq!(sealed.tracking_code(), ballot.tracking_code());
    // The vote's body is `VoteRequest`'s, byte for byte.
    let body = VoteBody {
        session: "s".into(),
        candidate_id: None,
        answers: None,
        sealed: Some(sealed.clone()),
        lamport: 4,
        click_time_ms: 1_700_000_000_000,
    };
    let request = VoteRequest {
        session: "s".into(),
        candidate_id: None,
        answers: None,
        sealed: Some(ballot),
        lamport: 4,
        click_time_ms: 1_700_000_000_000,
    };
    let sent = serde_json::to_string(&body).unwrap();
    assert_eq!(sent, serde_json::to_string(&request).unwrap());
    // A vote kept in storage reads back as the same bytes (a reload sends it again).
    assert_eq!(serde_json::from_str::<VoteBody>(&sent).unwrap(), body);
}

#[wasm_bindgen_test]
fn benalohs_check_runs_apart_and_tells_a_matching_ballot_from_another() {
    let view = view();
    let FromSealer::Sealed(sealed) = ask(&ToSealer::Seal(job(&view))) else {
        panic!("no ballot sealed");
    };
    let check = |job: Job, ballot: &SealedJson| {
        let ballot = ballot.clone();
        match ask(&ToSealer::Check { job, ballot }) {
            FromSealer::Checked(verdict) => verdict,
            other => panic!("no verdict: {other:?}"),
        }
    };
    assert_eq!(check(job(&view), &sealed), None);
    let other_marks = Job {
        marks: vec![vec![true, false, false], vec![true, false, false, true]],
        ..job(&view)
    };
    assert!(check(other_marks, &sealed).is_some());
    let other_seed = Job {
        seed: [8; 32],
        ..job(&view)
    };
    assert!(check(other_seed, &sealed).is_some());
}

#[wasm_bindgen_test]
fn a_question_the_sealer_cannot_answer_says_why() {
    assert!(matches!(
        serde_json::from_str(&answer("{\"Seal\": 1}")).unwrap(),
        FromSealer::Failed(_)
    ));
    // What `seal_loader.js` sends when the wasm cannot start.
    assert!(matches!(
        serde_json::from_str(r#"{"Failed":"no wasm"}"#).unwrap(),
        FromSealer::Failed(why) if why == "no wasm"
    ));
}

#[wasm_bindgen_test]
async fn a_sealer_that_cannot_start_says_so_instead_of_waiting() {
    // The test runner serves no `/seal_loader.js`: the worker fails to start.
    assert!(seal_in_worker(job(&view())).await.is_err());
}
