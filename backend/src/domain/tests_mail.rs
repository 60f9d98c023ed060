//! Given/when/then tests of mail as the election decides it: what is queued and left out, the
//! new credential of an invitation, reports that arrive twice or late, and retries that end.

use shared::elections::{new_election_options, CandidateSpec, LoginMethod};
use shared::mail::{MailKind, MailState};
use shared::{EventPayload, Phase};

use super::mail::{Delivery, MailOutcome, QueuedMail, MAX_ATTEMPTS};
use super::*;

const NOW: i64 = 1_000_000;

fn at(command: Command, key: &str) -> Envelope {
    Envelope {
        election: "board".into(),
        command,
        node_id: 1,
        received_at_ms: NOW,
        lamport: 0,
        idempotency: Some(IdempotencyStamp {
            key: key.into(),
            fingerprint: String::new(),
        }),
        by: None,
    }
}

fn row(name: &str, email: Option<&str>, hash: &str) -> ImportRow {
    ImportRow {
        name: name.into(),
        email: email.map(str::to_string),
        external_id: None,
        credential_hash: hash.into(),
        weight: None,
    }
}

/// Given: a credential election with Ann (1) and Bo (2) with emails, Cy (3) without.
fn board(login: LoginMethod) -> Election {
    let mut election = Election::default();
    let define = Command::DefineElection {
        create: true,
        title: "Board".into(),
        description: String::new(),
        candidates: vec![CandidateSpec {
            name: "Ada".into(),
            description: String::new(),
        }],
        questions: Vec::new(),
        options: shared::elections::ElectionOptions {
            login,
            ..new_election_options()
        },
        language: None,
        translations: Default::default(),
    };
    election.apply(&at(define, "define")).expect("defined");
    let rows = vec![
        row("Ann", Some("ann@example.org"), "h1"),
        row("Bo", Some("bo@example.org"), "h2"),
        row("Cy", None, "h3"),
    ];
    let import = Command::ImportVoters { rows, first_row: 0 };
    election.apply(&at(import, "import")).expect("imported");
    election
}

fn invite(voters: &[(u32, &str)]) -> Command {
    Command::QueueMail {
        kind: MailKind::Invitation,
        mails: voters
            .iter()
            .map(|(voter_id, hash)| QueuedMail {
                voter_id: *voter_id,
                credential_hash: Some(hash.to_string()),
            })
            .collect(),
    }
}

fn report(voter_id: u32, generation: u32, attempt: u32, result: Delivery) -> Command {
    Command::RecordMail {
        outcomes: vec![MailOutcome {
            voter_id,
            kind: MailKind::Invitation,
            generation,
            attempt,
            result,
        }],
    }
}

#[test]
fn an_invitation_queues_a_mail_and_replaces_the_credential_of_each_voter_with_an_email() {
    let mut election = board(LoginMethod::Credential);
    let events = election
        .apply(&at(invite(&[(1, "n1"), (2, "n2"), (3, "n3")]), "mail-1"))
        .unwrap();
    let payloads: Vec<_> = events.into_iter().map(|e| e.payload).collect();
    assert_eq!(
        payloads[0],
        EventPayload::MailRequested {
            kind: MailKind::Invitation,
            queued: 2,
            skipped_no_email: 1,
            already_queued: 0,
            skipped_voted: 0,
        }
    );
    assert!(payloads.contains(&EventPayload::MailQueued {
        voter_id: 1,
        kind: MailKind::Invitation,
        generation: 1,
        credential_key: Some("mail-1".into()),
    }));
    assert_eq!(election.credentials.get("n1"), Some(&1));
    assert!(
        !election.credentials.contains_key("h1"),
        "the old one stops"
    );
    assert_eq!(election.credentials.get("h3"), Some(&3), "Cy has no mail");
    // Asked again while waiting: nothing queued twice.
    let again = election.apply(&at(invite(&[(1, "m1")]), "mail-2")).unwrap();
    assert!(matches!(
        again[0].payload,
        EventPayload::MailRequested {
            queued: 0,
            already_queued: 1,
            ..
        }
    ));
    assert_eq!(again.len(), 1);
}

#[test]
fn a_report_counts_once_and_a_stale_one_is_ignored() {
    let mut election = board(LoginMethod::Credential);
    election.apply(&at(invite(&[(1, "n1")]), "mail-1")).unwrap();
    let sent = report(1, 1, 1, Delivery::Sent);
    assert_eq!(election.apply(&at(sent.clone(), "r1")).unwrap().len(), 1);
    assert_eq!(election.apply(&at(sent, "r2")).unwrap().len(), 0);
    let record = &election.mail[&(MailKind::Invitation, 1)];
    assert_eq!(
        (record.state, record.attempts, record.sent_at_ms),
        (MailState::Sent, 1, Some(NOW))
    );
    // A second invitation is the next generation; a late report of the first changes nothing.
    election
        .apply(&at(invite(&[(1, "n1b")]), "mail-3"))
        .unwrap();
    let late = report(1, 1, 1, Delivery::Failed { error: "x".into() });
    assert!(election.apply(&at(late, "r3")).unwrap().is_empty());
    let record = &election.mail[&(MailKind::Invitation, 1)];
    assert_eq!((record.generation, record.state), (2, MailState::Queued));
    assert!(record.ever_sent);
}

#[test]
fn passing_failures_are_retried_until_the_last_attempt_and_a_refusal_is_final() {
    let mut election = board(LoginMethod::Credential);
    election
        .apply(&at(invite(&[(1, "n1"), (2, "n2")]), "mail-1"))
        .unwrap();
    for attempt in 1..=MAX_ATTEMPTS {
        let deferred = Delivery::Deferred {
            error: "451 try later".into(),
            retry_at_ms: NOW + 10,
        };
        let events = election
            .apply(&at(report(1, 1, attempt, deferred), &format!("r{attempt}")))
            .unwrap();
        assert_eq!(events.len(), 1, "attempt {attempt}");
    }
    let record = &election.mail[&(MailKind::Invitation, 1)];
    assert_eq!(
        (record.state, record.attempts),
        (MailState::Failed, MAX_ATTEMPTS)
    );
    assert!(record
        .last_error
        .as_deref()
        .unwrap()
        .starts_with("gave up after"));

    let refused = Delivery::Failed {
        error: "550 no such mailbox".into(),
    };
    election.apply(&at(report(2, 1, 1, refused), "f")).unwrap();
    let record = &election.mail[&(MailKind::Invitation, 2)];
    assert_eq!(record.state, MailState::Failed);
    assert_eq!(record.last_error.as_deref(), Some("550 no such mailbox"));
}

#[test]
fn each_kind_has_its_phases_and_invitations_need_credential_login() {
    let mut names = board(LoginMethod::NameAndId);
    assert!(matches!(
        names.apply(&at(invite(&[(1, "n1")]), "k")),
        Err(DomainError::WrongLoginMethod(_))
    ));
    let mut election = board(LoginMethod::Credential);
    let remind = |key: &str| {
        let mails = vec![QueuedMail {
            voter_id: 1,
            credential_hash: None,
        }];
        let command = Command::QueueMail {
            kind: MailKind::Reminder,
            mails,
        };
        at(command, key)
    };
    assert!(matches!(
        election.apply(&remind("r0")),
        Err(DomainError::WrongPhase { .. })
    ));
    election.apply(&at(Command::StartVoting, "s")).unwrap();
    assert!(election.apply(&remind("r1")).is_ok());
    election.apply(&at(Command::StopVoting, "t")).unwrap();
    assert_eq!(election.phase, Phase::Closed);
    assert!(election.apply(&at(invite(&[(2, "n2")]), "i")).is_err());
}

#[test]
fn mail_never_reaches_the_public_log() {
    let mut election = board(LoginMethod::Credential);
    let before = election.public.size();
    election.apply(&at(invite(&[(1, "n1")]), "mail-1")).unwrap();
    election
        .apply(&at(report(1, 1, 1, Delivery::Sent), "r"))
        .unwrap();
    // One line: the credential was replaced (as when an admin replaces one by hand).
    assert_eq!(election.public.size(), before + 1);
    assert!(election
        .public
        .lines
        .iter()
        .all(|line| !line.contains("mail")));
}
