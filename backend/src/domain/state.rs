//! The election state, rebuilt by folding events with [`Election::evolve`].

use std::collections::{BTreeMap, HashMap};

use shared::ballots::{Answers, Choice, Question, Weight, MAIN_QUESTION};
use shared::dto::{Candidate, VoterStatus};
use shared::elections::{CandidateSpec, ElectionOptions};
use shared::ids::{CandidateId, LamportTime, Seq, TimestampMs, VoterId};
use shared::languages::{Language, Translation};
use shared::results::{decide_outcome, CandidateCount, Outcome};
use shared::{CloseReason, Event, EventPayload, Phase};

use super::definition::MAX_CANDIDATES;
use super::mail::MailBook;
use super::names::name_key;
use super::public_log::PublicLog;
use super::secret::SecretState;
use super::{decide, DomainError, Envelope};
use shared::secrecy::{Ciphertext, Opaque};

/// A voter on the roll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoterRecord {
    pub name: String,
    /// The sequence number of this voter's `vote_cast` event, once voted (the last one, with
    /// re-voting).
    pub vote_seq: Option<Seq>,
    /// The candidate of that vote: a re-vote moves this voter's count away from it.
    pub choice: Option<CandidateId>,
    /// When that vote was received (the receiving node's clock), for the turnout export.
    pub voted_at_ms: Option<TimestampMs>,
    pub email: Option<String>,
    pub external_id: Option<String>,
    /// The hash of the voter's current credential, in a credential election.
    pub credential_hash: Option<String>,
    /// The public id of that vote's ballot (a re-vote's public line names the one it replaces).
    pub ballot_id: Option<String>,
    /// That vote's answers, for a ballot given as answers (`choice` holds an old-form one).
    pub ballot: Option<Answers>,
    /// The voter's weight from the roll; `None` is 1.
    pub weight: Option<Weight>,
    /// In a verifiable election with re-voting: the counted sealed ballot's marks and the
    /// weight they were added with, to take them back out when a re-vote replaces them.
    pub sealed: Option<(u64, Opaque<Vec<Vec<Ciphertext>>>)>,
}

impl VoterRecord {
    pub fn weight(&self) -> Weight {
        self.weight.unwrap_or(Weight::ONE)
    }

    /// The answer of this voter's counted ballot to `question`, if any (empty when blank).
    pub fn answer<'a>(&'a self, question: &str) -> Option<&'a [Choice]> {
        self.vote_seq?;
        match (&self.ballot, &self.choice) {
            (Some(answers), _) => answers.get(question).map(Vec::as_slice),
            (None, Some(choice)) if question == MAIN_QUESTION => Some(old_form_answer(choice)),
            _ => None,
        }
    }
}

/// An old-form vote's one choice as an answer, without allocating.
fn old_form_answer(choice: &CandidateId) -> &[Choice] {
    // `Choice::One` holds the id itself, so a one-item slice needs a `Choice` in memory:
    // the candidates are few, and these are made once.
    static ONES: std::sync::OnceLock<Vec<Choice>> = std::sync::OnceLock::new();
    let ones = ONES.get_or_init(|| (0..=MAX_CANDIDATES as u32).map(Choice::One).collect());
    ones.get(*choice as usize)
        .map(std::slice::from_ref)
        .unwrap_or_default()
}

/// Everything a decision needs, and the figures the read side serves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Election {
    /// The accounts assigned to run (officials) or watch (observers) this election.
    pub officials: std::collections::BTreeSet<shared::accounts::AccountId>,
    pub title: String,
    pub description: String,
    /// The options as defined; `live_results` below is the current visibility.
    pub options: ElectionOptions,
    pub phase: Phase,
    pub deadline_ms: Option<TimestampMs>,
    pub close_reason: Option<CloseReason>,
    /// Whether counts are public while voting is open.
    pub live_results: bool,
    pub candidates: BTreeMap<CandidateId, String>,
    pub candidate_descriptions: BTreeMap<CandidateId, String>,
    pub voters: BTreeMap<VoterId, VoterRecord>,
    /// Each voter's name key (NFC, case-folded), for uniqueness without a scan of the roll.
    pub names: HashMap<String, VoterId>,
    /// Session hash to voter. A voter may hold several sessions (several devices).
    pub sessions: HashMap<String, VoterId>,
    /// Credential hash to voter.
    pub credentials: HashMap<String, VoterId>,
    /// Each imported voter's email, lower-cased, for the import's "already on the roll".
    pub emails: HashMap<String, VoterId>,
    pub counts: BTreeMap<CandidateId, u64>,
    /// The ballot's questions: for an election of the old form, its one plurality question
    /// `main` of `candidates`.
    pub questions: Vec<Question>,
    /// Defined with `questions` (not the old form).
    pub with_questions: bool,
    /// How many voters voted, and their weight and the roll's (ten-thousandths).
    pub voted: u64,
    pub voted_weight: u64,
    pub roll_weight: u64,
    /// The root of the public log just before its `results_published` line: the seed of the
    /// published count's draws.
    pub draw_root: Option<shared::merkle::Hash>,
    /// The last event folded in; the next event gets `last_seq + 1`.
    pub last_seq: Seq,
    /// The highest Lamport timestamp in the log.
    pub lamport: LamportTime,
    /// The public log derived from the events (canonical lines and Merkle leaves).
    pub public: PublicLog,
    /// The latest mail of each kind to each voter.
    pub mail: MailBook,
    /// The language the election is written in (English when `None`), and its translations.
    pub language: Option<Language>,
    pub translations: BTreeMap<Language, Translation>,
    /// A verifiable election's trustees, key and encrypted tally.
    pub secret: SecretState,
}

impl Election {
    /// Folds a whole log, in order.
    pub fn replay<'a>(events: impl IntoIterator<Item = &'a Event>) -> Election {
        let mut election = Election::default();
        for event in events {
            election.evolve(event);
        }
        election
    }

    /// Decides an envelope and, when accepted, stamps and folds its events.
    ///
    /// Stamping is deterministic: sequence numbers follow `last_seq`, and every event's Lamport
    /// time is greater than both the log's and the envelope's. Total: an envelope whose events
    /// could not be numbered (a counter at its maximum) is refused, never a panic, so no entry
    /// in the replicated log can stop a replica from applying it.
    pub fn apply(&mut self, envelope: &Envelope) -> Result<Vec<Event>, DomainError> {
        let payloads = decide(self, envelope)?;
        let count = payloads.len() as u64;
        // Check the whole batch fits before folding any of it: all or nothing.
        let last_seq = self.last_seq.checked_add(count);
        let first_lamport = self.lamport.max(envelope.lamport).checked_add(1);
        let (Some(_), Some(first_lamport)) = (last_seq, first_lamport) else {
            return Err(DomainError::LamportExhausted);
        };
        // The last event is stamped `first_lamport + count - 1`.
        if first_lamport.checked_add(count.saturating_sub(1)).is_none() {
            return Err(DomainError::LamportExhausted);
        }
        let mut events = Vec::with_capacity(payloads.len());
        for payload in payloads {
            let event = Event {
                election_id: envelope.election.clone(),
                seq: self.last_seq + 1,
                lamport: self.lamport.max(envelope.lamport) + 1,
                node_id: envelope.node_id,
                time_ms: envelope.received_at_ms,
                payload,
                by: envelope.by.clone(),
            };
            self.evolve(&event);
            events.push(event);
        }
        Ok(events)
    }

    /// The old-form question's candidates changed: keep `questions` in step.
    fn sync_main_question(&mut self) {
        if self.with_questions {
            return;
        }
        let candidates = self
            .candidates
            .iter()
            .map(|(id, name)| CandidateSpec {
                name: name.clone(),
                description: self
                    .candidate_descriptions
                    .get(id)
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        self.questions = vec![Question::main(candidates)];
    }

    /// The voter whose name reads the same as `name` (NFC, case-folded), if any.
    pub fn voter_named(&self, name: &str) -> Option<VoterId> {
        self.names.get(&name_key(name)).copied()
    }

    /// Folds one event, and its public lines. Never fails: events are facts that were already
    /// decided.
    pub fn evolve(&mut self, event: &Event) {
        let replaced = match &event.payload {
            EventPayload::VoteCast { voter_id, .. } => self
                .voters
                .get(voter_id)
                .filter(|voter| voter.vote_seq.is_some())
                .map(|voter| {
                    let seq = voter.vote_seq.unwrap_or_default();
                    voter
                        .ballot_id
                        .clone()
                        .unwrap_or_else(|| format!("seq-{seq}"))
                }),
            _ => None,
        };
        self.fold(event);
        self.publish(event, replaced);
    }

    fn fold(&mut self, event: &Event) {
        self.last_seq = event.seq;
        self.lamport = self.lamport.max(event.lamport);
        match &event.payload {
            EventPayload::CandidateAdded { candidate_id, name } => {
                self.candidates.insert(*candidate_id, name.clone());
                self.counts.entry(*candidate_id).or_insert(0);
                self.sync_main_question();
            }
            EventPayload::VoterRegistered { voter_id, name } => {
                self.roll_weight = self.roll_weight.saturating_add(Weight::SCALE);
                self.names.insert(name_key(name), *voter_id);
                let record = VoterRecord {
                    name: name.clone(),
                    ..VoterRecord::default()
                };
                self.voters.insert(*voter_id, record);
            }
            EventPayload::VoterImported {
                voter_id,
                name,
                email,
                external_id,
                credential_hash,
                weight,
            } => {
                let units = weight.unwrap_or(Weight::ONE).0;
                self.roll_weight = self.roll_weight.saturating_add(units);
                // Names need not be unique in an imported roll (two people may share one);
                // the first keeps the name for name-and-id lookups.
                self.names.entry(name_key(name)).or_insert(*voter_id);
                if let Some(email) = email {
                    self.emails.insert(email.to_lowercase(), *voter_id);
                }
                self.credentials.insert(credential_hash.clone(), *voter_id);
                let record = VoterRecord {
                    name: name.clone(),
                    email: email.clone(),
                    external_id: external_id.clone(),
                    credential_hash: Some(credential_hash.clone()),
                    weight: *weight,
                    ..VoterRecord::default()
                };
                self.voters.insert(*voter_id, record);
            }
            EventPayload::CredentialIssued {
                voter_id,
                credential_hash,
            } => {
                if let Some(voter) = self.voters.get_mut(voter_id) {
                    if let Some(old) = voter.credential_hash.replace(credential_hash.clone()) {
                        self.credentials.remove(&old);
                    }
                }
                self.credentials.insert(credential_hash.clone(), *voter_id);
                // Whoever held the old credential may hold a session made with it.
                self.sessions.retain(|_, holder| holder != voter_id);
            }
            EventPayload::RollImported { .. } => {}
            EventPayload::ElectionDefined {
                title,
                description,
                options,
                candidates,
                questions,
                language,
                translations,
            } => {
                self.language = *language;
                self.translations = translations.clone();
                self.with_questions = !questions.is_empty();
                self.questions = questions.clone();
                self.title = title.clone();
                self.description = description.clone();
                self.options = options.clone();
                self.live_results = options.live_results;
                self.candidates.clear();
                self.candidate_descriptions.clear();
                self.counts.clear();
                for (candidate, id) in candidates.iter().zip(1..) {
                    self.candidates.insert(id, candidate.name.clone());
                    self.candidate_descriptions
                        .insert(id, candidate.description.clone());
                    self.counts.insert(id, 0);
                }
                self.sync_main_question();
            }
            EventPayload::VoterLoggedIn {
                voter_id,
                session_hash,
            } => {
                self.sessions.insert(session_hash.clone(), *voter_id);
            }
            EventPayload::VoteCast {
                voter_id,
                candidate_id,
                ballot_id,
                answers,
                sealed,
                ..
            } => {
                if let Some(sealed) = sealed {
                    self.fold_sealed(*voter_id, sealed);
                }
                // An old-form choice is counted in `counts`; a ballot of answers is counted
                // from the voters' records when results are asked for.
                let single = (answers.is_none() && *candidate_id != 0).then_some(*candidate_id);
                let (mut replaced, mut first, mut weight) = (None, true, Weight::ONE.0);
                if let Some(voter) = self.voters.get_mut(voter_id) {
                    first = voter.vote_seq.is_none();
                    weight = voter.weight().0;
                    voter.ballot_id = ballot_id.clone();
                    voter.vote_seq = Some(event.seq);
                    voter.voted_at_ms = Some(event.time_ms);
                    voter.ballot = answers.clone();
                    replaced = match single {
                        Some(candidate) => voter.choice.replace(candidate),
                        None => voter.choice.take(),
                    };
                }
                // A re-vote moves the voter's one count: the last vote counts, once.
                if let Some(old) = replaced.and_then(|old| self.counts.get_mut(&old)) {
                    *old = old.saturating_sub(1);
                }
                if let Some(candidate) = single {
                    let count = self.counts.entry(candidate).or_insert(0);
                    *count = count.saturating_add(1);
                }
                if first {
                    self.voted = self.voted.saturating_add(1);
                    self.voted_weight = self.voted_weight.saturating_add(weight);
                }
            }
            EventPayload::DeadlineSet { end_time_ms } => self.deadline_ms = Some(*end_time_ms),
            EventPayload::LiveResultsSet { enabled } => self.live_results = *enabled,
            EventPayload::VotingStarted => self.phase = Phase::Open,
            EventPayload::VotingClosed { reason } => {
                self.phase = Phase::Closed;
                self.close_reason = Some(*reason);
                self.fold_close_secret();
            }
            EventPayload::ResultsPublished => self.phase = Phase::Published,
            EventPayload::MailRequested { .. } => {}
            EventPayload::MailQueued { .. }
            | EventPayload::MailSent { .. }
            | EventPayload::MailFailed { .. } => {
                self.fold_mail(event.seq, event.time_ms, &event.payload)
            }
            EventPayload::OfficialsAssigned { account_ids } => {
                self.officials = account_ids.iter().copied().collect();
            }
            // The accounts' own log; never in an election's.
            EventPayload::AccountCreated { .. } | EventPayload::AccountDeleted { .. } => {}
            EventPayload::TrusteesNamed { .. }
            | EventPayload::TrusteeCommitted { .. }
            | EventPayload::TrusteePolynomialPublished { .. }
            | EventPayload::TrusteeSharesPublished { .. }
            | EventPayload::ElectionKeyPublished { .. }
            | EventPayload::TrusteeDecrypted { .. }
            | EventPayload::TallyDecrypted { .. } => self.fold_secret(&event.payload),
        }
    }

    /// How many voters have voted: each voter counts once, re-votes included.
    pub fn total_votes(&self) -> u64 {
        self.voted
    }

    /// The voter a session belongs to.
    pub fn voter_for_session(&self, session_hash: &str) -> Option<VoterId> {
        self.sessions.get(session_hash).copied()
    }

    /// Whether anyone may see the per-candidate counts now.
    pub fn counts_visible(&self) -> bool {
        if self.is_verifiable() {
            // Nobody knows a count before the trustees decrypt, and it waits for publication.
            return self.phase == Phase::Published && self.secret.sums.is_some();
        }
        self.phase == Phase::Published || self.live_results
    }

    pub fn candidate_list(&self) -> Vec<Candidate> {
        self.candidates
            .iter()
            .map(|(id, name)| Candidate {
                id: *id,
                name: name.clone(),
            })
            .collect()
    }

    pub fn candidate_counts(&self) -> Vec<CandidateCount> {
        self.candidates
            .iter()
            .map(|(id, name)| CandidateCount {
                candidate_id: *id,
                name: name.clone(),
                votes: self.counts.get(id).copied().unwrap_or(0),
            })
            .collect()
    }

    /// The outcome, only once published.
    pub fn published_outcome(&self) -> Option<Outcome> {
        (self.phase == Phase::Published).then(|| decide_outcome(&self.candidate_counts()))
    }

    pub fn voter_statuses(&self) -> Vec<VoterStatus> {
        self.voters
            .iter()
            .map(|(id, v)| self.voter_status(*id, v))
            .collect()
    }

    pub fn voter_status(&self, voter_id: VoterId, record: &VoterRecord) -> VoterStatus {
        VoterStatus {
            voter_id,
            name: record.name.clone(),
            has_voted: record.vote_seq.is_some(),
        }
    }
}
