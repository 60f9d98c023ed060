//! The decisions each rule documents, one test each.

use super::{count, letters, question, seed, tally, Vote};
use crate::ballots::{Choice, Method, Threshold, Weight, NO, YES};

fn marks(profile: &[(u64, &[u32])]) -> Vec<Vote> {
    profile
        .iter()
        .map(|(weight, ids)| {
            (
                Weight(*weight),
                ids.iter().map(|&id| Choice::One(id)).collect(),
            )
        })
        .collect()
}

#[test]
fn approval_sums_each_marked_candidate_and_elects_the_most_approved() {
    let votes = marks(&[(10_000, &[1, 2]), (10_000, &[2, 3]), (15_000, &[3])]);
    let result = count(&question(Method::Approval, 4, 2), &votes, &seed());
    let figures: Vec<_> = result.rounds[0]
        .tallies
        .iter()
        .map(|t| t.votes.clone())
        .collect();
    assert_eq!(figures, ["1", "2", "2.5", "0"]);
    assert_eq!(result.winners, vec![3, 2]);
    assert_eq!(result.valid, "3.5");
}

#[test]
fn a_candidate_without_votes_is_never_elected() {
    let votes = marks(&[(10_000, &[2])]);
    let result = count(&question(Method::Plurality, 3, 2), &votes, &seed());
    assert_eq!(result.winners, vec![2]);
    let nobody = count(&question(Method::Plurality, 3, 1), &[], &seed());
    assert!(nobody.winners.is_empty());
    assert_eq!(nobody.valid, "0");
}

#[test]
fn a_tie_across_the_last_seat_goes_to_the_draw_in_round_1() {
    let votes = marks(&[
        (20_000, &[1]),
        (10_000, &[2]),
        (10_000, &[3]),
        (10_000, &[4]),
    ]);
    let result = count(&question(Method::Plurality, 4, 2), &votes, &seed());
    assert_eq!(result.winners[0], 1);
    assert_eq!(result.tie_breaks.len(), 1);
    assert_eq!(result.tie_breaks[0].round, 1);
    assert_eq!(result.tie_breaks[0].among, vec![2, 3, 4]);
    assert_eq!(result.winners[1], result.tie_breaks[0].chosen);
}

#[test]
fn a_referendum_passes_by_its_threshold() {
    let yes_no = |yes: u64, no: u64, threshold| {
        let mut q = question(Method::Referendum, 2, 1);
        q.threshold = threshold;
        let votes = marks(&[(yes, &[YES]), (no, &[NO])]);
        count(&q, &votes, &seed())
    };
    let majority = yes_no(20_000, 10_000, None);
    assert_eq!(
        (majority.passed, majority.threshold),
        (Some(true), Some(Threshold::Majority))
    );
    assert_eq!(majority.winners, vec![YES]);
    let even = yes_no(10_000, 10_000, Some(Threshold::Majority));
    assert_eq!((even.passed, even.winners.clone()), (Some(false), vec![NO]));
    let exactly_two_thirds = yes_no(20_000, 10_000, Some(Threshold::TwoThirds));
    assert_eq!(exactly_two_thirds.passed, Some(true));
    let short = yes_no(19_999, 10_000, Some(Threshold::TwoThirds));
    assert_eq!(short.passed, Some(false));
    let mut q = question(Method::Referendum, 2, 1);
    q.threshold = Some(Threshold::TwoThirds);
    let unanswered = count(&q, &[], &seed());
    assert_eq!(
        (unanswered.passed, unanswered.winners.len()),
        (Some(false), 0)
    );
}

#[test]
fn irv_needs_more_than_half_of_the_continuing_votes() {
    // A 2, B 2, C 1 (C's voter ranks nobody else): C goes, then 2–2 with one exhausted.
    let votes = letters(&[(2, "A"), (2, "B"), (1, "C")]);
    let result = count(&question(Method::Irv, 3, 1), &votes, &seed());
    assert_eq!(result.rounds[0].eliminated, vec![3]);
    assert_eq!(result.rounds[1].exhausted, "1");
    // A and B tie for fewest in round 2: the draw eliminates one, the other wins in round 3.
    assert_eq!(result.tie_breaks.len(), 1);
    assert_eq!(result.tie_breaks[0].round, 2);
    assert_eq!(result.rounds.len(), 3);
    assert_eq!(result.rounds[2].tallies.len(), 1);
    assert_eq!(result.winners.len(), 1);
    let transfer = result.rounds[1].transfer.clone().unwrap();
    assert_eq!(transfer.from, 3);
}

#[test]
fn stv_quota_with_weighted_voters_ignores_the_decimals_of_the_division() {
    // 7.5 votes for 2 seats: 7.5 / 3 = 2.5, so the quota is 2 + 1 = 3.
    let votes: Vec<Vote> = vec![
        (Weight(40_000), vec![Choice::One(1)]),
        (Weight(35_000), vec![Choice::One(2)]),
    ];
    let result = count(&question(Method::Stv, 3, 2), &votes, &seed());
    assert_eq!(result.quota.as_deref(), Some("3"));
    assert_eq!(result.valid, "7.5");
    assert_eq!(result.winners, vec![1, 2]);
}

#[test]
fn stv_transfers_a_surplus_at_five_truncated_decimals() {
    // Quota floor(10 / 3) + 1 = 4. A has 7, surplus 3: value 3/7 = 0.42857 (remainder
    // ignored); B receives 7 × 0.42857 = 2.99999.
    let votes = letters(&[(7, "AB"), (2, "C"), (1, "D")]);
    let result = count(&question(Method::Stv, 4, 2), &votes, &seed());
    assert_eq!(result.quota.as_deref(), Some("4"));
    let second = &result.rounds[1];
    assert_eq!(
        second.transfer.as_ref().unwrap().value.as_deref(),
        Some("0.42857")
    );
    assert_eq!(tally(&result, 1, 2), Some("2.99999"));
    assert_eq!(tally(&result, 1, 1), Some("4"));
}

#[test]
fn stv_elects_everyone_left_when_candidates_do_not_outnumber_seats() {
    let votes = letters(&[(3, "A"), (1, "B")]);
    let result = count(&question(Method::Stv, 3, 5), &votes, &seed());
    assert_eq!(result.rounds.len(), 1);
    assert_eq!(result.winners, vec![1, 2, 3]);
}

#[test]
fn stv_breaks_an_exclusion_tie_by_the_most_recent_stage_where_they_differed() {
    // 18 papers, 3 seats: quota floor(18 / 4) + 1 = 5. Stage 1: A 10, B 2, C 1, D 3, E 2.
    // Stage 2: A's surplus of 5 at value 0.5; the two papers naming C next give it 1, so B,
    // C and E tie on 2. At stage 1 C had fewest, so stage 3 excludes C without a draw.
    let votes = letters(&[(2, "AC"), (8, "A"), (2, "B"), (1, "C"), (3, "D"), (2, "E")]);
    let result = count(&question(Method::Stv, 5, 3), &votes, &seed());
    assert_eq!(result.quota.as_deref(), Some("5"));
    assert_eq!(tally(&result, 1, 3), Some("2"));
    assert_eq!(result.rounds[1].exhausted, "4");
    assert_eq!(result.rounds[2].eliminated, vec![3]);
    // C's papers then all exhaust, and B and E, equal at every stage, go to the lot.
    let draws: Vec<_> = result
        .tie_breaks
        .iter()
        .map(|t| (t.round, t.among.clone()))
        .collect();
    assert_eq!(draws, vec![(4, vec![2, 5])]);
}

#[test]
fn stv_leaves_a_tie_equal_at_every_stage_to_the_draw() {
    let votes = letters(&[(3, "A"), (1, "B"), (1, "C")]);
    let result = count(&question(Method::Stv, 3, 1), &votes, &seed());
    // Quota floor(5 / 2) + 1 = 3: A is elected at once; no tie is needed.
    assert_eq!(result.winners, vec![1]);
    let votes = letters(&[(2, "A"), (1, "B"), (1, "C"), (2, "D")]);
    let result = count(&question(Method::Stv, 4, 1), &votes, &seed());
    // Quota 4: B and C tie on 1 at the only stage so far, so the draw excludes one; then the
    // other; then A and D, level on 2 at every stage, go to the lot too.
    assert_eq!(result.tie_breaks.len(), 2);
    assert_eq!(result.tie_breaks[0].among, vec![2, 3]);
    assert_eq!(result.tie_breaks[1].among, vec![1, 4]);
    assert_eq!(
        result.rounds[1].eliminated,
        vec![result.tie_breaks[0].chosen]
    );
}

#[test]
fn equal_groups_count_as_equal_in_schulze() {
    let votes: Vec<Vote> = vec![
        (Weight::ONE, vec![Choice::Equal(vec![1, 2]), Choice::One(3)]),
        (Weight::ONE, vec![Choice::One(3)]),
    ];
    let result = count(&question(Method::Schulze, 3, 1), &votes, &seed());
    let d = result.pairwise.clone().unwrap();
    assert_eq!((d[0][1].as_str(), d[1][0].as_str()), ("0", "0"));
    assert_eq!((d[0][2].as_str(), d[2][0].as_str()), ("1", "1"));
    assert_eq!(d[2][1], "1");
    assert_eq!(tally(&result, 0, 1), Some("1"));
}

#[test]
fn hostile_answers_and_questions_give_a_result_rather_than_a_panic() {
    let strange: Vec<Vote> = vec![
        (
            Weight(u64::MAX),
            vec![Choice::One(0), Choice::One(99), Choice::One(1)],
        ),
        (
            Weight(1),
            vec![Choice::One(2), Choice::One(2), Choice::Equal(vec![1, 3])],
        ),
        (
            Weight(7),
            vec![Choice::Equal(vec![]), Choice::Equal(vec![2])],
        ),
        (Weight(3), vec![]),
    ];
    for method in [
        Method::Plurality,
        Method::Approval,
        Method::Referendum,
        Method::Irv,
        Method::Stv,
        Method::Schulze,
    ] {
        for (candidates, seats) in [(0, 1), (3, 0), (3, 1), (3, 7), (1, 1)] {
            let result = count(&question(method, candidates, seats), &strange, &seed());
            assert!(result.winners.len() <= candidates.max(2), "{method:?}");
            let _ = count(&question(method, candidates, seats), &[], &seed());
        }
    }
}
