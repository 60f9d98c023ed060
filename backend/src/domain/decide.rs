//! `decide`: is this command allowed now, and what happened if so. Pure.

use shared::rules::counts_before_deadline;
use shared::{CloseReason, EventPayload, Phase};

use shared::elections::LoginMethod;

use super::decide_roll;
use super::names::{name_key, normalise_name, NameProblem, MAX_NAME_LEN};
use super::questions::CheckedBallot;
use super::{Command, DomainError, Election, Envelope, DEFAULT_CANDIDATES, DEFAULT_VOTERS};

/// A click time may be this far ahead of the receiving server's clock and still be trusted.
///
/// Browsers read a clock synchronised to the server over HTTP, so their estimate carries
/// up to half a round trip of error; a few hundred milliseconds absorbs that without letting a
/// client push its click meaningfully into the future.
pub const FUTURE_CLICK_TOLERANCE_MS: i64 = 250;

/// Decides one command against the current state.
pub fn decide(state: &Election, envelope: &Envelope) -> Result<Vec<EventPayload>, DomainError> {
    let now = envelope.received_at_ms;
    match &envelope.command {
        Command::SeedDefaults if shared::elections::is_default_election(&envelope.election) => {
            Ok(seed_defaults(state))
        }
        Command::SeedDefaults => Ok(vec![]),
        Command::RegisterVoter { name } => {
            if !state.options.self_registration {
                return Err(DomainError::SelfRegistrationOff);
            }
            let name = valid_name(name)?;
            if state.voter_named(&name).is_some() {
                return Err(DomainError::NameTaken(name));
            }
            if matches!(state.phase, Phase::Closed | Phase::Published) {
                return Err(wrong_phase("register", state.phase));
            }
            let last = state.voters.keys().next_back().copied().unwrap_or(0);
            let voter_id = last.checked_add(1).ok_or(DomainError::RollFull)?;
            Ok(vec![EventPayload::VoterRegistered { voter_id, name }])
        }
        Command::Login {
            name,
            voter_id,
            session_hash,
        } => {
            if state.options.login != LoginMethod::NameAndId {
                return Err(DomainError::WrongLoginMethod("with a credential".into()));
            }
            let matches = state
                .voters
                .get(voter_id)
                .is_some_and(|v| name_key(&v.name) == name_key(name));
            if !matches {
                return Err(DomainError::BadLogin);
            }
            let session_hash = session_hash.clone();
            Ok(vec![EventPayload::VoterLoggedIn {
                voter_id: *voter_id,
                session_hash,
            }])
        }
        Command::CastVote {
            session_hash,
            candidate_id,
            answers,
            click_time_ms,
            grace_ms,
            ballot_id,
            sealed,
        } => {
            let voter_id = state
                .voter_for_session(session_hash)
                .ok_or(DomainError::BadSession)?;
            state.check_sealed(sealed.as_ref())?;
            let ballot = match sealed {
                // Sealed: the marks are secret; their shape was checked just above.
                Some(_) => CheckedBallot::Answers(Default::default()),
                None => state.check_cast(*candidate_id, answers.as_ref())?,
            };
            let voter = state.voters.get(&voter_id).ok_or(DomainError::BadSession)?;
            let supersedes = match voter.vote_seq {
                Some(previous) if state.options.revoting => Some(previous),
                Some(_) => return Err(DomainError::AlreadyVoted),
                None => None,
            };
            if *click_time_ms > now.saturating_add(FUTURE_CLICK_TOLERANCE_MS) {
                return Err(DomainError::ClickInFuture);
            }
            let grace = i64::try_from(*grace_ms).unwrap_or(i64::MAX);
            if *click_time_ms < now.saturating_sub(grace) {
                return Err(DomainError::ClickTooOld {
                    grace_ms: *grace_ms,
                });
            }
            let before_deadline = counts_before_deadline(*click_time_ms, state.deadline_ms);
            match (state.phase, state.close_reason) {
                (Phase::Open, _) if before_deadline => {}
                (Phase::Open, _) => return Err(DomainError::PastDeadline),
                // A vote clicked before the deadline may arrive after the timer closed voting:
                // the click time decides, within the grace window checked above.
                (Phase::Closed, Some(CloseReason::Deadline)) if before_deadline => {}
                (Phase::Closed, Some(CloseReason::Deadline)) => {
                    return Err(DomainError::PastDeadline)
                }
                (phase, _) => return Err(DomainError::NotOpen(phase)),
            }
            let (candidate_id, answers) = match ballot {
                CheckedBallot::Single(candidate) => (candidate, None),
                CheckedBallot::Answers(_) if sealed.is_some() => (0, None),
                CheckedBallot::Answers(answers) => (0, Some(answers)),
            };
            Ok(vec![EventPayload::VoteCast {
                voter_id,
                candidate_id,
                click_time_ms: *click_time_ms,
                supersedes,
                ballot_id: (!ballot_id.is_empty()).then(|| ballot_id.clone()),
                answers,
                sealed: sealed.clone(),
            }])
        }
        Command::SetDeadline { end_time_ms } => {
            if !matches!(state.phase, Phase::Setup | Phase::Open) {
                return Err(wrong_phase("set the deadline", state.phase));
            }
            if *end_time_ms <= now {
                return Err(DomainError::DeadlineInPast);
            }
            Ok(vec![EventPayload::DeadlineSet {
                end_time_ms: *end_time_ms,
            }])
        }
        Command::SetLiveResults { enabled } => {
            if state.phase == Phase::Published {
                return Err(wrong_phase("change result visibility", state.phase));
            }
            if state.live_results == *enabled {
                return Ok(vec![]);
            }
            if *enabled && state.is_verifiable() {
                return Err(sealed_counts());
            }
            Ok(vec![EventPayload::LiveResultsSet { enabled: *enabled }])
        }
        Command::StartVoting => {
            if state.phase != Phase::Setup {
                return Err(wrong_phase("start voting", state.phase));
            }
            if state.deadline_ms.is_some_and(|d| d <= now) {
                return Err(DomainError::DeadlineInPast);
            }
            state.check_keys_ready()?;
            Ok(vec![EventPayload::VotingStarted])
        }
        Command::StopVoting => {
            if state.phase != Phase::Open {
                return Err(wrong_phase("stop voting", state.phase));
            }
            Ok(vec![EventPayload::VotingClosed {
                reason: CloseReason::Admin,
            }])
        }
        Command::CloseAtDeadline => {
            if state.phase != Phase::Open {
                return Err(wrong_phase("close at the deadline", state.phase));
            }
            match state.deadline_ms {
                Some(deadline) if now >= deadline => Ok(vec![EventPayload::VotingClosed {
                    reason: CloseReason::Deadline,
                }]),
                _ => Err(DomainError::DeadlineNotReached),
            }
        }
        Command::PublishResults => {
            if state.phase != Phase::Closed {
                return Err(wrong_phase("publish results", state.phase));
            }
            state.check_decrypted()?;
            Ok(vec![EventPayload::ResultsPublished])
        }
        Command::DefineElection {
            create,
            title,
            description,
            candidates,
            questions,
            options,
            language,
            translations,
        } => decide_roll::define(
            state,
            *create,
            decide_roll::Definition {
                title,
                description,
                candidates,
                questions,
                options,
                language: *language,
                translations,
            },
            &envelope.election,
        ),
        Command::ImportVoters { rows, first_row } => decide_roll::import(state, rows, *first_row),
        Command::IssueCredential {
            voter_id,
            credential_hash,
        } => decide_roll::issue_credential(state, *voter_id, credential_hash),
        Command::CredentialLogin {
            credential_hash,
            session_hash,
        } => decide_roll::credential_login(state, credential_hash, session_hash),
        Command::QueueMail { kind, mails } => {
            if *kind == shared::mail::MailKind::Invitation
                && state.options.login != LoginMethod::Credential
            {
                // An invitation carries a credential; this election does not use them.
                return Err(DomainError::WrongLoginMethod("by name and voter id".into()));
            }
            super::mail::queue(state, envelope, *kind, mails)
        }
        Command::RecordMail { outcomes } => Ok(super::mail::record(state, outcomes)),
        Command::AssignOfficials { account_ids } => {
            // The HTTP layer checked the accounts exist; the list is kept sorted and once each.
            let mut account_ids = account_ids.clone();
            account_ids.sort_unstable();
            account_ids.dedup();
            Ok(vec![EventPayload::OfficialsAssigned { account_ids }])
        }
        Command::NameTrustees {
            threshold,
            trustees,
        } => state.decide_trustees(*threshold, trustees),
        Command::Trustee { token_hash, part } => state.decide_trustee_part(token_hash, part),
        Command::CreateAccount { .. } | Command::DeleteAccount { .. } => Err(
            DomainError::InvalidAccount("accounts are not part of an election".into()),
        ),
    }
}

/// Live results in a verifiable election: there is no count to show before the trustees.
pub(super) fn sealed_counts() -> DomainError {
    DomainError::InvalidElection {
        field: "live_results".into(),
        problem: "a verifiable election's counts are sealed until its trustees decrypt them".into(),
    }
}

fn wrong_phase(action: &str, phase: Phase) -> DomainError {
    DomainError::WrongPhase {
        action: action.to_string(),
        phase,
    }
}

/// The name as stored (trimmed, NFC), or why it is refused.
fn valid_name(name: &str) -> Result<String, DomainError> {
    normalise_name(name).map_err(|problem| match problem {
        NameProblem::Length => DomainError::InvalidName { max: MAX_NAME_LEN },
        NameProblem::Invisible => DomainError::InvisibleInName,
    })
}

/// The default ballot and roll, once: an election that already has candidates is left alone.
fn seed_defaults(state: &Election) -> Vec<EventPayload> {
    if !state.candidates.is_empty() || !state.voters.is_empty() {
        return vec![];
    }
    let candidates = DEFAULT_CANDIDATES
        .iter()
        .zip(1..)
        .map(|(name, candidate_id)| EventPayload::CandidateAdded {
            candidate_id,
            name: name.to_string(),
        });
    let voters =
        DEFAULT_VOTERS
            .iter()
            .zip(1..)
            .map(|(name, voter_id)| EventPayload::VoterRegistered {
                voter_id,
                name: name.to_string(),
            });
    candidates.chain(voters).collect()
}
