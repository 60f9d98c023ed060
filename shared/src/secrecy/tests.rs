//! Round trips and tampering: every proof must hold for honest data and fail for a changed byte.

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use super::ballot::{self, SealedBallot, Shape};
use super::ceremony::{self, Board, Step, TrusteeKey};
use super::tally::{self, Decryption};
use super::*;

fn rng(seed: u8) -> ChaCha20Rng {
    ChaCha20Rng::from_seed([seed; 32])
}

/// Runs the whole ceremony for `n` trustees, as the server would relay it.
pub(crate) fn ceremony(n: usize, k: usize) -> (Vec<TrusteeKey>, ceremony::KeySet) {
    let mut r = rng(1);
    let mut keys = Vec::new();
    let mut board = Board {
        commitments: vec![None; n],
        polynomials: vec![None; n],
        shares: vec![None; n],
    };
    for t in 1..=n as u32 {
        let (key, part) = TrusteeKey::start("e1", t, (n, k), &mut r).unwrap();
        ceremony::check_commitment(&part).unwrap();
        board.commitments[t as usize - 1] = Some(part);
        keys.push(key);
    }
    let mut sets = Vec::new();
    for round in 0..3 {
        for (i, key) in keys.iter_mut().enumerate() {
            match key.advance(&board, &mut r).unwrap() {
                Some(Step::Polynomial(info)) => {
                    let commitment = board.commitments[i].as_ref().unwrap();
                    sets.push(ceremony::check_polynomial((n, k), commitment, &info).unwrap());
                    board.polynomials[i] = Some(*info);
                }
                Some(Step::Shares(shares)) => {
                    ceremony::check_shares(n, i as u32 + 1, &shares).unwrap();
                    board.shares[i] = Some(shares);
                }
                None => assert_eq!(round, 2, "only the last round sends nothing"),
            }
        }
    }
    assert!(keys.iter().all(TrusteeKey::is_ready));
    let joint = ceremony::joint_key((n, k), &sets).unwrap();
    for key in &keys {
        let mine = key.participant().unwrap().key_set();
        assert_eq!(mine.shared_key(), joint.shared_key());
    }
    (keys, joint)
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            question: "chair".into(),
            options: 3,
            max_marks: 1,
        },
        Shape {
            question: "tools".into(),
            options: 4,
            max_marks: 2,
        },
    ]
}

#[test]
fn encrypt_prove_verify_add_and_decrypt_with_two_of_three() {
    let (keys, joint) = ceremony(3, 2);
    let key = joint.shared_key().clone();
    let ballots = [
        (
            1,
            vec![vec![true, false, false], vec![true, true, false, false]],
            1,
        ),
        (
            2,
            vec![vec![false, true, false], vec![false, true, false, false]],
            3,
        ),
        (
            3,
            vec![vec![false, false, false], vec![false, false, false, true]],
            1,
        ),
    ];
    let mut total = tally::empty(&[3, 4]);
    for (voter, marks, weight) in &ballots {
        let sealed = ballot::seal(&key, "e1", &shapes(), marks, [*voter as u8; 32]).unwrap();
        let marks = ballot::verify(&key, "e1", &shapes(), &sealed).unwrap();
        assert!(tally::add(&mut total, &marks, *weight, false));
    }
    // Trustee 2 is absent: 1 and 3 are enough.
    let mut r = rng(9);
    let shares: Vec<_> = [0usize, 2]
        .iter()
        .map(|&i| {
            let decryption = tally::decrypt(&keys[i], &total, &mut r).unwrap();
            let id = i as u32 + 1;
            (
                id,
                tally::verify_decryption(&joint, id, &total, &decryption).unwrap(),
            )
        })
        .collect();
    let counts = tally::combine(&joint, &total, &shares, 10).unwrap();
    assert_eq!(counts, vec![vec![1, 3, 0], vec![1, 4, 0, 1]]);
    // One share is not enough.
    assert!(tally::combine(&joint, &total, &shares[..1], 10).is_err());
}

fn sealed(key: &PublicKey) -> SealedBallot {
    let marks = vec![vec![false, true, false], vec![true, false, false, true]];
    ballot::seal(key, "e1", &shapes(), &marks, [7; 32]).unwrap()
}

#[test]
fn a_changed_ballot_is_refused_and_says_where() {
    let (_, joint) = ceremony(1, 1);
    let key = joint.shared_key().clone();
    let good = sealed(&key);
    assert!(ballot::verify(&key, "e1", &shapes(), &good).is_ok());
    // Moved to another election, or given another nonce: the proofs are bound to both.
    let error = ballot::verify(&key, "e2", &shapes(), &good).unwrap_err();
    assert!(error.at.starts_with("question chair"), "{error}");
    let mut renamed = good.clone();
    renamed.nonce = "00".repeat(16);
    let error = ballot::verify(&key, "e1", &shapes(), &renamed).unwrap_err();
    assert!(error.at.starts_with("question chair"), "{error}");
    // A mark swapped for another ballot's mark.
    let other = ballot::seal(
        &key,
        "e1",
        &shapes(),
        &[vec![true, false, false], vec![false; 4]],
        [8; 32],
    )
    .unwrap();
    let mut swapped = good.clone();
    swapped.answers[1].marks[2] = other.answers[1].marks[2].clone();
    let error = ballot::verify(&key, "e1", &shapes(), &swapped).unwrap_err();
    assert!(error.at.starts_with("question tools"), "{error}");
    // A doubled mark: encrypting 2 in one option cannot be proven.
    let mut doubled = good.clone();
    doubled.answers[0].marks[1] = Opaque(good.answers[0].marks[1].0 + good.answers[0].marks[1].0);
    assert!(ballot::verify(&key, "e1", &shapes(), &doubled).is_err());
    // A flipped byte in a proof.
    let text = serde_json::to_string(&good).unwrap();
    let at = text.find("\"sum_link\"").unwrap();
    // Three characters into the proof's challenge.
    let quote = at + text[at..].find("challenge\":\"").unwrap() + 15;
    let mut bytes = text.into_bytes();
    bytes[quote] = if bytes[quote] == b'A' { b'B' } else { b'A' };
    if let Ok(changed) = serde_json::from_slice::<SealedBallot>(&bytes) {
        // (A flip that leaves no scalar is refused at the door instead.)
        let error = ballot::verify(&key, "e1", &shapes(), &changed).unwrap_err();
        assert_eq!(error.at, "question chair, sum of the marks");
    }
    // Too many marks cannot even be sealed.
    let three = vec![vec![true, true, false], vec![false; 4]];
    assert!(ballot::seal(&key, "e1", &shapes(), &three, [1; 32]).is_err());
}

#[test]
fn benaloh_challenge_confirms_the_marks_and_nothing_else() {
    let (_, joint) = ceremony(1, 1);
    let key = joint.shared_key().clone();
    let good = sealed(&key);
    let marks = vec![vec![false, true, false], vec![true, false, false, true]];
    ballot::check_challenge(&key, "e1", &shapes(), &good, &marks, [7; 32]).unwrap();
    let lie = vec![vec![true, false, false], vec![true, false, false, true]];
    assert!(ballot::check_challenge(&key, "e1", &shapes(), &good, &lie, [7; 32]).is_err());
    assert!(ballot::check_challenge(&key, "e1", &shapes(), &good, &marks, [6; 32]).is_err());
    assert_eq!(good.tracking_code().len(), 64);
}

#[test]
fn changed_shares_and_decryptions_are_refused() {
    let (keys, joint) = ceremony(3, 2);
    let key = joint.shared_key().clone();
    let mut total = tally::empty(&[3, 4]);
    let marks = ballot::verify(&key, "e1", &shapes(), &sealed(&key)).unwrap();
    tally::add(&mut total, &marks, 1, false);
    let mut r = rng(3);
    let good: Decryption = tally::decrypt(&keys[0], &total, &mut r).unwrap();
    assert!(tally::verify_decryption(&joint, 1, &total, &good).is_ok());
    // Claimed by another trustee.
    assert!(tally::verify_decryption(&joint, 2, &total, &good).is_err());
    // A share from another option.
    let mut moved = good.clone();
    moved[0][0].share = good[0][1].share.clone();
    let error = tally::verify_decryption(&joint, 1, &total, &moved).unwrap_err();
    assert!(error.at.contains("question 1, option 1"), "{error}");
    // A flipped byte of a proof.
    let mut bad = good.clone();
    let mut bytes = from_hex(&bad[1][2].proof).unwrap();
    bytes[3] ^= 1;
    bad[1][2].proof = to_hex(&bytes);
    assert!(tally::verify_decryption(&joint, 1, &total, &bad).is_err());
}

#[test]
fn a_changed_ceremony_part_is_refused() {
    let mut r = rng(4);
    let (mut first, part) = TrusteeKey::start("e1", 1, (2, 2), &mut r).unwrap();
    let (mut second, other) = TrusteeKey::start("e1", 2, (2, 2), &mut r).unwrap();
    let board = Board {
        commitments: vec![Some(part.clone()), Some(other.clone())],
        polynomials: vec![None, None],
        shares: vec![None, None],
    };
    let Some(Step::Polynomial(info)) = first.advance(&board, &mut r).unwrap() else {
        panic!("round 2 expected");
    };
    second.advance(&board, &mut r).unwrap();
    assert!(ceremony::check_polynomial((2, 2), &part, &info).is_ok());
    // Opened against another trustee's commitment.
    assert!(ceremony::check_polynomial((2, 2), &other, &info).is_err());
    // A share list that leaves a trustee out.
    assert!(ceremony::check_shares(3, 1, &[]).is_err());
    assert!(ceremony::check_commitment(&Commitment {
        commitment: "00".into(),
        transport_key: part.transport_key.clone(),
    })
    .is_err());
}

use super::ceremony::Commitment;
