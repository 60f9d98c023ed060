//! Given/when/then tests of every rule, without a database.

use shared::{CloseReason, EventPayload, Phase};

use super::*;

const NOW: i64 = 1_000_000;
const GRACE: u64 = 10_000;

fn at(command: Command, received_at_ms: i64) -> Envelope {
    Envelope {
        election: shared::elections::default_election_id(),
        command,
        node_id: 1,
        received_at_ms,
        lamport: 0,
        idempotency: None,
        by: None,
    }
}

/// Given: the default roll and ballot, plus the commands in `given`, all accepted.
fn given(commands: &[Command]) -> Election {
    let mut election = Election::default();
    election
        .apply(&at(Command::SeedDefaults, NOW))
        .expect("seed");
    for command in commands {
        election
            .apply(&at(command.clone(), NOW))
            .expect("given command accepted");
    }
    election
}

fn login(voter_id: u32, name: &str, session: &str) -> Command {
    let session_hash = session.to_string();
    Command::Login {
        name: name.into(),
        voter_id,
        session_hash,
    }
}

fn vote(session: &str, candidate_id: u32, click_time_ms: i64) -> Command {
    let session_hash = session.to_string();
    Command::CastVote {
        session_hash,
        candidate_id,
        click_time_ms,
        grace_ms: GRACE,
        ballot_id: format!("b-{session}-{candidate_id}"),
        answers: None,
        sealed: None,
    }
}

fn open_with_alice() -> Election {
    given(&[login(1, "Alice", "s-alice"), Command::StartVoting])
}

#[test]
fn seeding_creates_ten_candidates_and_the_original_ten_voters_once() {
    let mut election = given(&[]);
    assert_eq!(election.candidates.len(), 10);
    let names: Vec<_> = election.voters.values().map(|v| v.name.as_str()).collect();
    assert_eq!(names, DEFAULT_VOTERS);
    assert_eq!(
        election.voters.keys().copied().collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
    let again = election.apply(&at(Command::SeedDefaults, NOW)).unwrap();
    assert!(
        again.is_empty(),
        "seeding twice must not duplicate the roll"
    );
}

#[test]
fn registering_gives_the_next_id_and_refuses_duplicates_and_blank_names() {
    let mut election = given(&[]);
    let events = election
        .apply(&at(
            Command::RegisterVoter {
                name: " Kim ".into(),
            },
            NOW,
        ))
        .unwrap();
    let expected = EventPayload::VoterRegistered {
        voter_id: 11,
        name: "Kim".into(),
    };
    assert_eq!(events[0].payload, expected);
    let dup = election.apply(&at(Command::RegisterVoter { name: "kim".into() }, NOW));
    assert_eq!(dup, Err(DomainError::NameTaken("kim".into())));
    let blank = election.apply(&at(Command::RegisterVoter { name: "  ".into() }, NOW));
    assert!(matches!(blank, Err(DomainError::InvalidName { .. })));
    let long = election.apply(&at(
        Command::RegisterVoter {
            name: "x".repeat(65),
        },
        NOW,
    ));
    assert!(matches!(long, Err(DomainError::InvalidName { .. })));
}

#[test]
fn login_needs_the_matching_name_and_id() {
    let mut election = given(&[]);
    assert!(
        election.apply(&at(login(2, "bob", "s"), NOW)).is_ok(),
        "names are case-blind"
    );
    assert_eq!(
        election.apply(&at(login(2, "Alice", "s"), NOW)),
        Err(DomainError::BadLogin)
    );
    assert_eq!(
        election.apply(&at(login(99, "Alice", "s"), NOW)),
        Err(DomainError::BadLogin)
    );
    assert_eq!(election.voter_for_session("s"), Some(2));
}

#[test]
fn a_vote_while_open_is_counted_once() {
    let mut election = open_with_alice();
    let events = election
        .apply(&at(vote("s-alice", 3, NOW - 5), NOW))
        .unwrap();
    assert!(matches!(
        events[0].payload,
        EventPayload::VoteCast {
            voter_id: 1,
            candidate_id: 3,
            ..
        }
    ));
    assert_eq!(election.counts[&3], 1);
    let again = election.apply(&at(vote("s-alice", 4, NOW), NOW));
    assert_eq!(again, Err(DomainError::AlreadyVoted));
    assert_eq!(election.total_votes(), 1);
}

#[test]
fn a_second_session_of_the_same_voter_cannot_vote_again() {
    let mut election = open_with_alice();
    election
        .apply(&at(login(1, "Alice", "s-phone"), NOW))
        .unwrap();
    election.apply(&at(vote("s-alice", 3, NOW), NOW)).unwrap();
    assert_eq!(
        election.apply(&at(vote("s-phone", 3, NOW), NOW)),
        Err(DomainError::AlreadyVoted)
    );
}

#[test]
fn votes_need_a_known_session_and_candidate() {
    let mut election = open_with_alice();
    assert_eq!(
        election.apply(&at(vote("nope", 3, NOW), NOW)),
        Err(DomainError::BadSession)
    );
    let unknown = election.apply(&at(vote("s-alice", 42, NOW), NOW));
    assert_eq!(unknown, Err(DomainError::UnknownCandidate(42)));
}

#[test]
fn votes_are_refused_before_opening_and_after_stop_or_publish() {
    let mut setup = given(&[login(1, "Alice", "s-alice")]);
    let refused = setup.apply(&at(vote("s-alice", 1, NOW), NOW));
    assert_eq!(refused, Err(DomainError::NotOpen(Phase::Setup)));
    let mut stopped = given(&[
        login(1, "Alice", "s-alice"),
        Command::StartVoting,
        Command::StopVoting,
    ]);
    let refused = stopped.apply(&at(vote("s-alice", 1, NOW), NOW));
    assert_eq!(refused, Err(DomainError::NotOpen(Phase::Closed)));
}

#[test]
fn the_deadline_is_judged_on_click_time_not_receive_time() {
    let deadline = NOW + 1_000;
    let mut election = given(&[
        login(1, "Alice", "s-alice"),
        login(2, "Bob", "s-bob"),
        Command::SetDeadline {
            end_time_ms: deadline,
        },
        Command::StartVoting,
    ]);
    // Clicked 1 ms before the deadline, received 3 s after it: counted.
    let late_arrival = at(vote("s-alice", 1, deadline - 1), deadline + 3_000);
    assert!(election.apply(&late_arrival).is_ok());
    // Clicked after the deadline: refused even though voting is still open.
    let late_click = at(vote("s-bob", 1, deadline + 1), deadline + 2);
    assert_eq!(election.apply(&late_click), Err(DomainError::PastDeadline));
}

#[test]
fn a_click_exactly_at_the_deadline_counts_as_the_voter_page_promises() {
    let deadline = NOW + 1_000;
    let mut election = given(&[
        login(1, "Alice", "s-alice"),
        Command::SetDeadline {
            end_time_ms: deadline,
        },
        Command::StartVoting,
    ]);
    // The rule is `shared::rules::counts_before_deadline`, which the page applies too.
    assert!(election
        .apply(&at(vote("s-alice", 1, deadline), deadline))
        .is_ok());
}

#[test]
fn a_click_in_the_future_or_older_than_the_grace_is_refused() {
    let mut election = open_with_alice();
    let future = at(vote("s-alice", 1, NOW + FUTURE_CLICK_TOLERANCE_MS + 1), NOW);
    assert_eq!(election.apply(&future), Err(DomainError::ClickInFuture));
    let stale = at(vote("s-alice", 1, NOW - GRACE as i64 - 1), NOW);
    assert_eq!(
        election.apply(&stale),
        Err(DomainError::ClickTooOld { grace_ms: GRACE })
    );
    let just_in = at(vote("s-alice", 1, NOW - GRACE as i64), NOW);
    assert!(election.apply(&just_in).is_ok());
}

#[test]
fn the_deadline_closes_voting_by_an_event_and_late_clicks_within_grace_still_count() {
    let deadline = NOW + 1_000;
    let mut election = given(&[
        login(1, "Alice", "s-alice"),
        login(2, "Bob", "s-bob"),
        Command::SetDeadline {
            end_time_ms: deadline,
        },
        Command::StartVoting,
    ]);
    let early = election.apply(&at(Command::CloseAtDeadline, deadline - 1));
    assert_eq!(early, Err(DomainError::DeadlineNotReached));
    let closed = election
        .apply(&at(Command::CloseAtDeadline, deadline))
        .unwrap();
    let expected = EventPayload::VotingClosed {
        reason: CloseReason::Deadline,
    };
    assert_eq!(closed[0].payload, expected);
    assert_eq!(election.phase, Phase::Closed);
    // In flight when the timer fired: clicked before the deadline, still within grace.
    assert!(election
        .apply(&at(vote("s-alice", 2, deadline - 10), deadline + 500))
        .is_ok());
    let after = election.apply(&at(vote("s-bob", 2, deadline + 10), deadline + 500));
    assert_eq!(after, Err(DomainError::PastDeadline));
}

#[test]
fn the_phases_only_move_forward() {
    let mut election = given(&[]);
    let publish_early = election.apply(&at(Command::PublishResults, NOW));
    assert!(matches!(publish_early, Err(DomainError::WrongPhase { .. })));
    assert!(matches!(
        election.apply(&at(Command::StopVoting, NOW)),
        Err(DomainError::WrongPhase { .. })
    ));
    election.apply(&at(Command::StartVoting, NOW)).unwrap();
    assert!(matches!(
        election.apply(&at(Command::StartVoting, NOW)),
        Err(DomainError::WrongPhase { .. })
    ));
    election.apply(&at(Command::StopVoting, NOW)).unwrap();
    election.apply(&at(Command::PublishResults, NOW)).unwrap();
    assert_eq!(election.phase, Phase::Published);
    let deadline = election.apply(&at(
        Command::SetDeadline {
            end_time_ms: NOW + 10,
        },
        NOW,
    ));
    assert!(matches!(deadline, Err(DomainError::WrongPhase { .. })));
    let register = election.apply(&at(
        Command::RegisterVoter {
            name: "Late".into(),
        },
        NOW,
    ));
    assert!(matches!(register, Err(DomainError::WrongPhase { .. })));
}

#[test]
fn a_deadline_must_be_in_the_future_and_start_refuses_a_passed_one() {
    let mut election = given(&[]);
    let past = election.apply(&at(Command::SetDeadline { end_time_ms: NOW }, NOW));
    assert_eq!(past, Err(DomainError::DeadlineInPast));
    election
        .apply(&at(
            Command::SetDeadline {
                end_time_ms: NOW + 5,
            },
            NOW,
        ))
        .unwrap();
    assert_eq!(
        election.apply(&at(Command::StartVoting, NOW + 5)),
        Err(DomainError::DeadlineInPast)
    );
}

#[test]
fn results_and_outcome_stay_hidden_until_published_unless_live() {
    let mut election = open_with_alice();
    election.apply(&at(vote("s-alice", 7, NOW), NOW)).unwrap();
    assert!(!election.counts_visible());
    assert_eq!(election.published_outcome(), None);
    election
        .apply(&at(Command::SetLiveResults { enabled: true }, NOW))
        .unwrap();
    assert!(election.counts_visible());
    assert_eq!(
        election.published_outcome(),
        None,
        "live counts never announce a winner"
    );
    election.apply(&at(Command::StopVoting, NOW)).unwrap();
    election.apply(&at(Command::PublishResults, NOW)).unwrap();
    let outcome = election.published_outcome().unwrap();
    assert!(matches!(
        outcome,
        shared::results::Outcome::Winner {
            candidate_id: 7,
            votes: 1,
            ..
        }
    ));
}

#[test]
fn events_get_gapless_sequence_numbers_and_lamport_times_above_the_client() {
    let mut election = given(&[]);
    let seq_before = election.last_seq;
    let envelope = Envelope {
        lamport: 500,
        ..at(Command::RegisterVoter { name: "Kim".into() }, NOW)
    };
    let events = election.apply(&envelope).unwrap();
    assert_eq!(events[0].seq, seq_before + 1);
    assert_eq!(events[0].lamport, 501);
    let next = election
        .apply(&at(Command::RegisterVoter { name: "Lee".into() }, NOW))
        .unwrap();
    assert_eq!(
        next[0].lamport, 502,
        "a lower client clock never moves the log's clock back"
    );
}

#[test]
fn replaying_the_log_rebuilds_the_same_state() {
    let mut log = Vec::new();
    let mut live = Election::default();
    for command in [
        Command::SeedDefaults,
        login(1, "Alice", "s-alice"),
        Command::SetDeadline {
            end_time_ms: NOW + 60_000,
        },
        Command::StartVoting,
        vote("s-alice", 2, NOW),
        Command::StopVoting,
        Command::PublishResults,
    ] {
        log.extend(live.apply(&at(command, NOW)).unwrap_or_default());
    }
    assert_eq!(log.len() as u64, live.last_seq);
    assert_eq!(Election::replay(&log), live);
}

#[test]
fn names_are_normalised_and_look_alikes_are_refused() {
    let mut election = given(&[]);
    let register = |name: &str| at(Command::RegisterVoter { name: name.into() }, NOW);
    let events = election.apply(&register(" Jose\u{0301} ")).unwrap();
    assert!(matches!(
        &events[0].payload,
        EventPayload::VoterRegistered { name, .. } if name == "Jos\u{00E9}"
    ));
    for taken in ["JOS\u{00C9}", "jos\u{00E9}", "ALICE"] {
        assert!(matches!(
            election.apply(&register(taken)),
            Err(DomainError::NameTaken(_))
        ));
    }
    for hidden in [
        "Al\u{200B}ice",
        "\u{FEFF}Bob",
        "Eve\u{202E}",
        "Ivy\u{E0001}",
    ] {
        assert_eq!(
            election.apply(&register(hidden)),
            Err(DomainError::InvisibleInName)
        );
    }
    // A login compares names the same way.
    let login = at(login(1, "ALICE", "s-any"), NOW);
    assert!(election.apply(&login).is_ok());
}

#[test]
fn an_envelope_at_the_end_of_the_lamport_clock_is_refused_and_changes_nothing() {
    let mut election = given(&[]);
    let before = election.clone();
    let envelope = Envelope {
        lamport: u64::MAX,
        ..at(Command::RegisterVoter { name: "Kim".into() }, NOW)
    };
    assert_eq!(
        election.apply(&envelope),
        Err(DomainError::LamportExhausted)
    );
    assert_eq!(election, before);
    // Just below the end, the one event still fits.
    let envelope = Envelope {
        lamport: u64::MAX - 1,
        ..at(Command::RegisterVoter { name: "Kim".into() }, NOW)
    };
    assert_eq!(election.apply(&envelope).unwrap()[0].lamport, u64::MAX);
    // And from then on every further event is refused, not wrapped around to 0.
    let next = at(Command::RegisterVoter { name: "Lee".into() }, NOW);
    assert_eq!(election.apply(&next), Err(DomainError::LamportExhausted));
}

#[test]
fn extreme_click_times_and_grace_windows_are_refused_without_overflow() {
    let mut election = open_with_alice();
    for (click, grace) in [(i64::MAX, GRACE), (i64::MIN, GRACE), (NOW, u64::MAX)] {
        let command = Command::CastVote {
            session_hash: "s-alice".into(),
            candidate_id: 1,
            click_time_ms: click,
            grace_ms: grace,
            ballot_id: String::new(),
            answers: None,
            sealed: None,
        };
        let decided = election.apply(&at(command, NOW));
        if click == NOW {
            assert!(decided.is_ok(), "a huge grace only widens the window");
        } else {
            assert!(decided.is_err());
        }
    }
    let at_end = at(
        Command::SetDeadline {
            end_time_ms: i64::MAX,
        },
        i64::MAX,
    );
    assert_eq!(election.apply(&at_end), Err(DomainError::DeadlineInPast));
}
