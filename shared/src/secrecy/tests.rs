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
    let counts = tally::combine(&joint, &total, &shares, 10, 1).unwrap();
    assert_eq!(counts, vec![vec![1, 3, 0], vec![1, 4, 0, 1]]);
    // One share is not enough.
    assert!(tally::combine(&joint, &total, &shares[..1], 10, 1).is_err());
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

mod log_audit {
    use super::*;
    use crate::ballots::{Method, Question};
    use crate::elections::{new_election_options, CandidateSpec};
    use crate::log::{PublicEntry, PublicLine, PublicTrustee};
    use crate::secrecy::audit::audit;
    use crate::CloseReason;

    fn question(id: &str, method: Method, options: usize, max: u32) -> Question {
        Question {
            id: id.into(),
            title: id.into(),
            description: String::new(),
            method,
            candidates: (0..options)
                .map(|i| CandidateSpec {
                    name: format!("c{i}"),
                    description: String::new(),
                })
                .collect(),
            seats: 1,
            max_choices: max,
            threshold: None,
        }
    }

    /// A whole verifiable election's public log: 3 trustees, k = 2, three ballots (one
    /// replaced by a re-vote), trustees 1 and 3 decrypt.
    fn election_log() -> Vec<PublicEntry> {
        let (n, k) = (3, 2);
        let mut r = rng(5);
        let mut options = new_election_options();
        options.secrecy = Secrecy::Verifiable;
        let questions = vec![
            question("chair", Method::Plurality, 3, 1),
            question("tools", Method::Approval, 4, 2),
        ];
        let mut entries = vec![
            PublicEntry::ElectionDefined {
                title: "t".into(),
                description: String::new(),
                options,
                candidates: vec![],
                questions,
                language: None,
                translations: Default::default(),
            },
            PublicEntry::TrusteesNamed {
                threshold: k as u32,
                trustees: (1..=n as u32)
                    .map(|trustee_id| PublicTrustee {
                        trustee_id,
                        name: format!("t{trustee_id}"),
                    })
                    .collect(),
            },
        ];
        let (keys, joint) = ceremony(n, k);
        // The ceremony's parts as the log would carry them (re-run to get the parts).
        let mut parts_keys = Vec::new();
        let mut board = Board {
            commitments: vec![None; n],
            polynomials: vec![None; n],
            shares: vec![None; n],
        };
        for t in 1..=n as u32 {
            let (key, part) = TrusteeKey::start("e1", t, (n, k), &mut r).unwrap();
            entries.push(PublicEntry::TrusteeCommitted {
                trustee_id: t,
                commitment: part.clone(),
            });
            board.commitments[t as usize - 1] = Some(part);
            parts_keys.push(key);
        }
        for (i, key) in parts_keys.iter_mut().enumerate() {
            if let Some(Step::Polynomial(info)) = key.advance(&board, &mut r).unwrap() {
                entries.push(PublicEntry::TrusteePolynomialPublished {
                    trustee_id: i as u32 + 1,
                    polynomial: Opaque(*info.clone()),
                });
                board.polynomials[i] = Some(*info);
            }
        }
        let sets: Vec<_> = (0..n)
            .map(|i| {
                ceremony::check_polynomial(
                    (n, k),
                    board.commitments[i].as_ref().unwrap(),
                    board.polynomials[i].as_ref().unwrap(),
                )
                .unwrap()
            })
            .collect();
        let published = ceremony::joint_key((n, k), &sets).unwrap();
        drop((keys, joint));
        for (i, key) in parts_keys.iter_mut().enumerate() {
            if let Some(Step::Shares(shares)) = key.advance(&board, &mut r).unwrap() {
                board.shares[i] = Some(shares);
            }
        }
        for key in parts_keys.iter_mut() {
            key.advance(&board, &mut r).unwrap();
        }
        entries.push(PublicEntry::ElectionKeyPublished {
            key: Opaque(published.clone()),
        });
        let shapes = shapes();
        let marks = [
            vec![vec![true, false, false], vec![true, true, false, false]],
            vec![vec![false, true, false], vec![false, false, false, true]],
            vec![vec![false, false, true], vec![false, false, false, false]],
        ];
        let mut total = tally::empty(&[3, 4]);
        for (i, marks) in marks.iter().enumerate() {
            let sealed =
                ballot::seal(published.shared_key(), "e1", &shapes, marks, [i as u8; 32]).unwrap();
            let cts = ballot::verify(published.shared_key(), "e1", &shapes, &sealed).unwrap();
            if i != 0 {
                tally::add(&mut total, &cts, 10_000, false);
            }
            entries.push(PublicEntry::BallotCast {
                ballot_id: format!("b{i}"),
                candidate_id: 0,
                click_time_ms: 1,
                // The third replaces the first.
                supersedes: (i == 2).then(|| "b0".to_string()),
                answers: None,
                weight: None,
                sealed: Some(sealed),
            });
        }
        entries.push(PublicEntry::VotingClosed {
            reason: CloseReason::Admin,
        });
        let mut checked = Vec::new();
        for i in [0usize, 2] {
            let shares = tally::decrypt(&parts_keys[i], &total, &mut r).unwrap();
            let id = i as u32 + 1;
            checked.push((
                id,
                tally::verify_decryption(&published, id, &total, &shares).unwrap(),
            ));
            entries.push(PublicEntry::TrusteeDecrypted {
                trustee_id: id,
                shares,
            });
        }
        let sums = tally::combine(&published, &total, &checked, 20_000, 10_000).unwrap();
        assert_eq!(sums, vec![vec![0, 10_000, 10_000], vec![0, 0, 0, 10_000]]);
        entries.push(PublicEntry::TallyDecrypted { sums });
        entries
    }

    fn lines(entries: Vec<PublicEntry>) -> Vec<PublicLine> {
        entries
            .into_iter()
            .enumerate()
            .map(|(index, entry)| PublicLine {
                election_id: "e1".into(),
                index: index as u64,
                entry,
                by: None,
            })
            .collect()
    }

    #[test]
    fn a_whole_verifiable_election_checks_from_its_log_and_a_flipped_byte_does_not() {
        let entries = election_log();
        let report = audit("e1", &lines(entries.clone())).unwrap().unwrap();
        assert_eq!(report.ballots_checked, 3);
        assert_eq!(report.counted, 2);
        assert_eq!(report.decryptions_checked, 2);
        assert_eq!(
            report.sums,
            Some(vec![vec![0, 10_000, 10_000], vec![0, 0, 0, 10_000]])
        );
        // Flip one character in turn inside each kind of line's JSON and expect a refusal that
        // names the line (or a line that no longer parses).
        let mut refused = 0;
        for (index, entry) in entries.iter().enumerate() {
            let json = serde_json::to_string(entry).unwrap();
            let Some(at) = [
                "\"sealed\"",
                "\"polynomial\"",
                "\"shares\"",
                "\"sums\"",
                "\"key\"",
            ]
            .iter()
            .find_map(|field| json.find(field)) else {
                continue;
            };
            // Flip characters further and further into the field's value until the line still
            // parses (most flips of a point's encoding are no point at all: refused outright).
            let Some(changed) = (at + 12..json.len()).find_map(|spot| {
                let mut bytes = json.clone().into_bytes();
                bytes[spot] = match bytes[spot] {
                    b'0' => b'1',
                    b'A' => b'B',
                    b'a' => b'b',
                    b if b.is_ascii_alphanumeric() => b'0',
                    _ => return None,
                };
                serde_json::from_slice::<PublicEntry>(&bytes)
                    .ok()
                    .filter(|changed| changed != entry)
            }) else {
                continue;
            };
            let mut tampered = entries.clone();
            tampered[index] = changed;
            let error = audit("e1", &lines(tampered)).expect_err("a changed line must fail");
            assert!(
                error.at.starts_with(&format!("line {index}")),
                "line {index}: {error}"
            );
            refused += 1;
        }
        // Polynomials, key, ballots, decryptions and sums were each changed and caught.
        assert!(refused >= 8, "only {refused} changed lines were checked");
        // A tally decrypted to other sums.
        let mut lied = entries.clone();
        if let Some(PublicEntry::TallyDecrypted { sums }) = lied.last_mut() {
            sums[0][1] = 0;
            sums[0][0] = 10_000;
        }
        assert!(audit("e1", &lines(lied)).is_err());
        // A counted ballot left out (the tally then does not decrypt to the published sums).
        let mut dropped = entries;
        dropped.retain(|entry| {
            !matches!(entry, PublicEntry::BallotCast { ballot_id, .. } if ballot_id == "b1")
        });
        assert!(audit("e1", &lines(dropped)).is_err());
    }
}
