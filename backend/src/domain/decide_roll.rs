//! `decide` for the commands of elections as data: defining an election, importing its roll,
//! replacing a credential and logging in with one. Pure, like the rest of [`super::decide`].

use std::collections::HashSet;

use std::collections::BTreeMap;

use super::translations::check_translations;
use shared::ballots::Question;
use shared::ballots::{QuestionSpec, Weight};
use shared::elections::{CandidateSpec, ElectionOptions, LoginMethod};
use shared::events::SkippedRow;
use shared::languages::{Language, Translation};
use shared::{EventPayload, Phase};

use super::definition::{check_options, roll_field};
use super::names::{name_key, normalise_name};
use super::questions::check_ballot_definition;
use super::{DomainError, Election, ImportRow};

/// What an admin sends to define an election.
pub struct Definition<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub candidates: &'a [CandidateSpec],
    pub questions: &'a [QuestionSpec],
    pub options: &'a ElectionOptions,
    pub language: Option<Language>,
    pub translations: &'a BTreeMap<Language, Translation>,
}

/// Defines a new election (`create`, against an empty state) or redefines one in setup.
pub fn define(
    state: &Election,
    create: bool,
    definition: Definition<'_>,
    election_id: &str,
) -> Result<Vec<EventPayload>, DomainError> {
    let Definition {
        title,
        description,
        candidates,
        questions,
        options,
        language,
        translations,
    } = definition;
    if create && state.last_seq > 0 {
        return Err(DomainError::ElectionExists(election_id.to_string()));
    }
    if !create && state.phase != Phase::Setup {
        return Err(DomainError::WrongPhase {
            action: "change the election".into(),
            phase: state.phase,
        });
    }
    let (title, description, candidates, questions) =
        check_ballot_definition(title, description, candidates, questions)?;
    check_options(options)?;
    let stored = match questions.is_empty() {
        true => vec![Question::main(candidates.clone())],
        false => questions.clone(),
    };
    let translations = check_translations(language, translations, &candidates, &stored)?;
    super::secret::check_verifiable(options, &stored)?;
    Ok(vec![EventPayload::ElectionDefined {
        title,
        description,
        options: options.clone(),
        candidates,
        questions,
        language,
        translations,
    }])
}

/// Puts new voters on the roll, all or nothing: a bad row refuses the whole import. Rows
/// already on the roll (same email, or same name when no email) are skipped, not duplicated.
pub fn import(
    state: &Election,
    rows: &[ImportRow],
    first_row: u64,
) -> Result<Vec<EventPayload>, DomainError> {
    if state.phase != Phase::Setup {
        return Err(DomainError::RollFrozen);
    }
    let mut next = state.voters.keys().next_back().copied().unwrap_or(0);
    let (mut emails, mut names, mut hashes) = (HashSet::new(), HashSet::new(), HashSet::new());
    let mut events = Vec::new();
    let mut skipped = Vec::new();
    for (row, entry) in (first_row.saturating_add(1)..).zip(rows) {
        let name = normalise_name(&entry.name).map_err(|_| DomainError::InvalidRoll {
            row,
            problem: "the name must be 1 to 100 characters of visible text".into(),
        })?;
        let email = roll_field(entry.email.as_deref(), row, "email")?;
        let external_id = roll_field(entry.external_id.as_deref(), row, "external_id")?;
        let on_roll = match &email {
            Some(email) => {
                let key = email.to_lowercase();
                (state.emails.contains_key(&key) || !emails.insert(key))
                    .then_some("email already on the roll")
            }
            None => {
                let key = name_key(&name);
                (state.names.contains_key(&key) || !names.insert(key))
                    .then_some("name already on the roll")
            }
        };
        if let Some(reason) = on_roll {
            skipped.push(SkippedRow {
                row,
                reason: reason.into(),
            });
            continue;
        }
        names.insert(name_key(&name));
        let hash = &entry.credential_hash;
        if state.credentials.contains_key(hash) || !hashes.insert(hash.clone()) {
            return Err(DomainError::InvalidRoll {
                row,
                problem: "the credential is not unique; import again".into(),
            });
        }
        let weight = entry.weight.filter(|weight| !weight.is_one());
        if weight.is_some_and(|weight| weight.0 == 0 || weight > Weight::MAX) {
            return Err(DomainError::InvalidRoll {
                row,
                problem: "the weight must be a positive decimal of at most 1000000".into(),
            });
        }
        next = next.checked_add(1).ok_or(DomainError::RollFull)?;
        events.push(EventPayload::VoterImported {
            voter_id: next,
            name,
            email,
            external_id,
            credential_hash: hash.clone(),
            weight,
        });
    }
    events.push(EventPayload::RollImported {
        rows: rows.len() as u64,
        created: events.len() as u64,
        skipped,
    });
    Ok(events)
}

/// Replaces a voter's credential while the election is not closed.
pub fn issue_credential(
    state: &Election,
    voter_id: u32,
    credential_hash: &str,
) -> Result<Vec<EventPayload>, DomainError> {
    if state.phase >= Phase::Closed {
        return Err(DomainError::WrongPhase {
            action: "issue a credential".into(),
            phase: state.phase,
        });
    }
    if !state.voters.contains_key(&voter_id) {
        return Err(DomainError::NoSuchVoter(voter_id));
    }
    if state.credentials.contains_key(credential_hash) {
        return Err(DomainError::BadCredential);
    }
    Ok(vec![EventPayload::CredentialIssued {
        voter_id,
        credential_hash: credential_hash.to_string(),
    }])
}

/// A login with a credential, in an election that logs voters in that way.
pub fn credential_login(
    state: &Election,
    credential_hash: &str,
    session_hash: &str,
) -> Result<Vec<EventPayload>, DomainError> {
    if state.options.login != LoginMethod::Credential {
        return Err(DomainError::WrongLoginMethod("by name and voter id".into()));
    }
    let voter_id = *state
        .credentials
        .get(credential_hash)
        .ok_or(DomainError::BadCredential)?;
    Ok(vec![EventPayload::VoterLoggedIn {
        voter_id,
        session_hash: session_hash.to_string(),
    }])
}
