//! Worked examples from the literature, with the outcomes their authors published.

use super::{count, letters, question, seed, tally};
use crate::ballots::Method;

/// Markus Schulze's example 1 (45 voters, 5 candidates), as in the Wikipedia and Electowiki
/// "Schulze method" articles he wrote: d matrix as published, ranking E > A > C > B > D.
#[test]
fn schulze_example_1_has_the_published_matrix_and_ranking() {
    let votes = letters(&[
        (5, "ACBED"),
        (5, "ADECB"),
        (8, "BEDAC"),
        (3, "CABED"),
        (7, "CAEBD"),
        (2, "CBADE"),
        (7, "DCEBA"),
        (8, "EBADC"),
    ]);
    let result = count(&question(Method::Schulze, 5, 1), &votes, &seed());
    let published = [
        [0, 20, 26, 30, 22],
        [25, 0, 16, 33, 18],
        [19, 29, 0, 17, 24],
        [15, 12, 28, 0, 14],
        [23, 27, 21, 31, 0],
    ];
    let expected: Vec<Vec<String>> = published
        .iter()
        .map(|row| row.iter().map(|n| n.to_string()).collect())
        .collect();
    assert_eq!(result.pairwise, Some(expected));
    assert_eq!(result.order, Some(vec![5, 1, 3, 2, 4]));
    assert_eq!(result.winners, vec![5]);
    assert!(result.tie_breaks.is_empty());
    assert_eq!(result.valid, "45");
}

/// Schulze's example 2 (30 voters, 4 candidates): D > A > C > B.
#[test]
fn schulze_example_2_ranks_d_first() {
    let votes = letters(&[
        (5, "ACBD"),
        (2, "ACDB"),
        (3, "ADCB"),
        (4, "BACD"),
        (3, "CBDA"),
        (3, "CDBA"),
        (1, "DACB"),
        (5, "DBAC"),
        (4, "DCBA"),
    ]);
    let result = count(&question(Method::Schulze, 4, 1), &votes, &seed());
    assert_eq!(result.order, Some(vec![4, 1, 3, 2]));
    assert_eq!(result.winners, vec![4]);
    // A full ranking on every ballot: each pair's two figures add up to the 30 voters.
    let d = result.pairwise.unwrap();
    assert_eq!(d[0][1], "11");
    assert_eq!(d[1][0], "19");
}

/// Schulze's example 3 (30 voters, 5 candidates): B > A > D > E > C.
#[test]
fn schulze_example_3_ranks_b_first() {
    let votes = letters(&[
        (3, "ABDEC"),
        (5, "ADEBC"),
        (1, "ADECB"),
        (2, "BADEC"),
        (2, "BDECA"),
        (4, "CABDE"),
        (6, "CBADE"),
        (2, "DBECA"),
        (5, "DECAB"),
    ]);
    let result = count(&question(Method::Schulze, 5, 1), &votes, &seed());
    assert_eq!(result.order, Some(vec![2, 1, 4, 5, 3]));
    assert!(result.tie_breaks.is_empty());
}

/// Schulze's example 4 (9 voters): B and D tie for first, A and C for third; the method
/// leaves both ties open, so the draw must settle them and say so.
#[test]
fn schulze_example_4_leaves_two_ties_to_the_draw() {
    let votes = letters(&[(3, "ABCD"), (2, "DABC"), (2, "DBCA"), (2, "CBDA")]);
    let result = count(&question(Method::Schulze, 4, 1), &votes, &seed());
    let order = result.order.clone().unwrap();
    let mut top = order[..2].to_vec();
    top.sort();
    let mut bottom = order[2..].to_vec();
    bottom.sort();
    assert_eq!((top, bottom), (vec![2, 4], vec![1, 3]));
    let draws: Vec<_> = result
        .tie_breaks
        .iter()
        .map(|t| (t.round, t.among.clone()))
        .collect();
    assert_eq!(draws, vec![(1, vec![2, 4]), (3, vec![1, 3])]);
    assert_eq!(result.winners, vec![order[0]]);
}

/// Wikipedia's Tennessee capital example: Memphis 42 %, Nashville 26 %, Chattanooga 15 %,
/// Knoxville 17 %; under instant runoff Knoxville wins in the third round.
#[test]
fn irv_elects_knoxville_in_the_tennessee_example() {
    // 1 Memphis, 2 Nashville, 3 Chattanooga, 4 Knoxville.
    let votes = letters(&[(42, "ABCD"), (26, "BCDA"), (15, "CDBA"), (17, "DCBA")]);
    let result = count(&question(Method::Irv, 4, 1), &votes, &seed());
    assert_eq!(result.winners, vec![4]);
    assert_eq!(result.rounds.len(), 3);
    assert_eq!(result.rounds[0].eliminated, vec![3]);
    assert_eq!(result.rounds[1].eliminated, vec![2]);
    assert_eq!(tally(&result, 1, 4), Some("32"));
    assert_eq!(tally(&result, 2, 4), Some("58"));
    assert_eq!(tally(&result, 2, 1), Some("42"));
    assert_eq!(result.rounds[2].elected, vec![4]);
}

/// The same example under plurality elects Memphis (Wikipedia's comparison of methods).
#[test]
fn plurality_elects_memphis_in_the_tennessee_example() {
    let votes = letters(&[(42, "A"), (26, "B"), (15, "C"), (17, "D")]);
    let result = count(&question(Method::Plurality, 4, 1), &votes, &seed());
    assert_eq!(result.winners, vec![1]);
}

/// The Scottish Government's quota example (rule 46): 2,000 valid papers for 3 seats give a
/// quota of 2000 / 4 + 1 = 501.
#[test]
fn the_scottish_quota_of_2000_papers_for_3_seats_is_501() {
    let mut profile = vec![(700, "ABC"), (600, "BAC"), (400, "CAB"), (300, "DCB")];
    profile.sort();
    let votes = letters(&profile);
    let result = count(&question(Method::Stv, 4, 3), &votes, &seed());
    assert_eq!(result.quota.as_deref(), Some("501"));
    assert_eq!(result.valid, "2000");
}
