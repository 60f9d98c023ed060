//! Given/when/then over small logs: ballots, re-votes, a published result.

use super::*;

fn ballot(id: &str, candidate_id: CandidateId, supersedes: Option<&str>) -> PublicEntry {
    PublicEntry::BallotCast {
        ballot_id: id.into(),
        candidate_id,
        click_time_ms: 1,
        supersedes: supersedes.map(str::to_string),
        answers: None,
        weight: None,
        sealed: None,
    }
}

fn log(entries: Vec<PublicEntry>) -> Vec<String> {
    entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            PublicLine {
                election_id: "board".into(),
                index: index as u64,
                entry,
                by: None,
            }
            .canonical()
        })
        .collect()
}

fn count(candidate_id: CandidateId, name: &str, votes: u64) -> CandidateCount {
    CandidateCount {
        candidate_id,
        name: name.into(),
        votes,
    }
}

#[test]
fn a_re_vote_replaces_the_ballot_it_names() {
    let lines = log(vec![
        PublicEntry::VotingStarted,
        ballot("a", 1, None),
        ballot("b", 2, None),
        ballot("c", 2, Some("a")),
        PublicEntry::ResultsPublished,
    ]);
    let board = bulletin_board("board", &lines).unwrap();
    let superseded: Vec<bool> = board.ballots.iter().map(|b| b.superseded).collect();
    assert_eq!(superseded, vec![true, false, false]);
    assert_eq!(board.counts, BTreeMap::from([(2, 2)]));
    assert_eq!(board.counted, 2);
    assert!(board.published);
}

#[test]
fn the_recount_is_compared_candidate_by_candidate() {
    let lines = log(vec![ballot("a", 1, None), ballot("b", 2, None)]);
    let board = bulletin_board("board", &lines).unwrap();
    let honest = [count(1, "Ada", 1), count(2, "Bea", 1), count(3, "Cy", 0)];
    let rows = compare(&board, &honest);
    assert_eq!(rows.len(), 3);
    assert!(recount_matches(&rows, 2, &board));
    let inflated = [count(1, "Ada", 2), count(2, "Bea", 1)];
    let rows = compare(&board, &inflated);
    assert!(!recount_matches(&rows, 3, &board));
    assert_eq!(rows[0].recounted, 1);
    assert_eq!(rows[0].published, 2);
    // A candidate the result leaves out still shows up, under a plain name.
    let rows = compare(&board, &[count(1, "Ada", 1)]);
    assert_eq!(rows[1].name, "candidate 2");
    assert!(!recount_matches(&rows, 2, &board));
}

#[test]
fn moved_foreign_or_unreadable_lines_are_refused() {
    let mut lines = log(vec![ballot("a", 1, None), ballot("b", 2, None)]);
    lines.swap(0, 1);
    assert_eq!(
        bulletin_board("board", &lines),
        Err(RecountError::OutOfPlace { index: 0 })
    );
    let lines = log(vec![ballot("a", 1, None)]);
    assert_eq!(
        bulletin_board("other", &lines),
        Err(RecountError::OutOfPlace { index: 0 })
    );
    let spaced = vec![lines[0].replace(':', ": ")];
    assert_eq!(
        bulletin_board("board", &spaced),
        Err(RecountError::Unreadable { index: 0 })
    );
}

#[test]
fn replacing_an_unknown_or_already_replaced_ballot_is_refused() {
    let lines = log(vec![ballot("a", 1, None), ballot("b", 2, Some("zz"))]);
    assert_eq!(
        bulletin_board("board", &lines),
        Err(RecountError::UnknownSuperseded { index: 1 })
    );
    let lines = log(vec![
        ballot("a", 1, None),
        ballot("b", 2, Some("a")),
        ballot("c", 2, Some("a")),
    ]);
    assert_eq!(
        bulletin_board("board", &lines),
        Err(RecountError::UnknownSuperseded { index: 2 })
    );
}

#[test]
fn lines_match_a_checkpoint_only_with_its_size_and_root() {
    let lines = log(vec![ballot("a", 1, None), ballot("b", 2, None)]);
    let leaves: Vec<merkle::Hash> = lines
        .iter()
        .map(|l| merkle::leaf_hash(l.as_bytes()))
        .collect();
    let checkpoint = Checkpoint {
        election_id: "board".into(),
        tree_size: 2,
        root_hash_hex: merkle::root(&leaves)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        timestamp_ms: 0,
        signatures: Vec::new(),
    };
    assert!(lines_match_checkpoint(&lines, &checkpoint));
    assert!(!lines_match_checkpoint(&lines[..1], &checkpoint));
    let changed = vec![lines[0].clone(), lines[1].replace("\"b\"", "\"c\"")];
    assert!(!lines_match_checkpoint(&changed, &checkpoint));
}
