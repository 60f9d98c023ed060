//! Each election's public log, derived in `evolve` from the private events: the canonical lines
//! of [`shared::log`] and their Merkle leaf hashes. Deterministic like the rest of the domain,
//! so every replica (and a replay) computes the same lines and the same root.

use shared::accounts::Actor;
use shared::log::{PublicEntry, PublicLine};
use shared::merkle::{leaf_hash, Tree};
use shared::{Event, EventPayload};

use super::Election;

/// An election's public lines and their Merkle tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicLog {
    pub lines: Vec<String>,
    /// The leaves and every perfect subtree: any prefix's root and any proof in O(log n).
    pub tree: Tree,
    /// Each ballot's leaf index, for receipts: a receipt's checkpoint is the tree that ends
    /// with the ballot, so every answer to one vote (retries too) is the same.
    pub ballots: std::collections::HashMap<String, u64>,
}

impl PublicLog {
    fn push(&mut self, election_id: &str, entry: PublicEntry, by: Option<&Actor>) {
        let ballot = match &entry {
            PublicEntry::BallotCast { ballot_id, .. } => Some(ballot_id.clone()),
            _ => None,
        };
        let line = PublicLine {
            election_id: election_id.to_string(),
            index: self.lines.len() as u64,
            entry,
            by: by.cloned(),
        }
        .canonical();
        self.tree.push(leaf_hash(line.as_bytes()));
        if let Some(ballot) = ballot {
            self.ballots.insert(ballot, self.lines.len() as u64);
        }
        self.lines.push(line);
    }

    pub fn size(&self) -> u64 {
        self.lines.len() as u64
    }
}

/// The public id of a vote: its own, or one made up from its place for votes logged before
/// ballots had ids.
fn ballot_of(event: &Event, ballot_id: &Option<String>) -> String {
    ballot_id
        .clone()
        .unwrap_or_else(|| format!("seq-{}", event.seq))
}

impl Election {
    /// Appends `event`'s public lines; called by `evolve` after the state has taken the event
    /// in. `replaced` is the ballot a re-vote replaces (read before the state moved on).
    pub(super) fn publish(&mut self, event: &Event, replaced: Option<String>) {
        let id = event.election_id.as_str();
        let entry = match &event.payload {
            EventPayload::CandidateAdded { candidate_id, name } => PublicEntry::CandidateAdded {
                candidate_id: *candidate_id,
                name: name.clone(),
            },
            EventPayload::VoterRegistered { voter_id, name }
            | EventPayload::VoterImported { voter_id, name, .. } => PublicEntry::VoterRegistered {
                voter_id: *voter_id,
                name: name.clone(),
            },
            // Who was mailed, and whether it arrived, is between the admin and the voter.
            EventPayload::VoterLoggedIn { .. }
            | EventPayload::MailRequested { .. }
            | EventPayload::MailQueued { .. }
            | EventPayload::MailSent { .. }
            | EventPayload::MailFailed { .. } => return,
            // Accounts have their own log; who may run an election is the admins' business,
            // and what each of them did is on the lines of what they did.
            EventPayload::AccountCreated { .. }
            | EventPayload::AccountDeleted { .. }
            | EventPayload::OfficialsAssigned { .. } => return,
            EventPayload::VoteCast {
                voter_id,
                candidate_id,
                click_time_ms,
                ballot_id,
                answers,
                sealed,
                ..
            } => PublicEntry::BallotCast {
                ballot_id: ballot_of(event, ballot_id),
                candidate_id: *candidate_id,
                click_time_ms: *click_time_ms,
                supersedes: replaced,
                answers: answers.clone(),
                // The recount needs a weighted ballot's weight; an unweighted one says nothing.
                weight: self.voters.get(voter_id).and_then(|voter| voter.weight),
                sealed: sealed.clone(),
            },
            EventPayload::TrusteesNamed {
                threshold,
                trustees,
            } => PublicEntry::TrusteesNamed {
                threshold: *threshold,
                // Names only: emails and token hashes are between the admin and the trustee.
                trustees: trustees
                    .iter()
                    .map(|t| shared::log::PublicTrustee {
                        trustee_id: t.trustee_id,
                        name: t.name.clone(),
                    })
                    .collect(),
            },
            EventPayload::TrusteeCommitted {
                trustee_id,
                commitment,
            } => PublicEntry::TrusteeCommitted {
                trustee_id: *trustee_id,
                commitment: commitment.clone(),
            },
            EventPayload::TrusteePolynomialPublished {
                trustee_id,
                polynomial,
            } => PublicEntry::TrusteePolynomialPublished {
                trustee_id: *trustee_id,
                polynomial: polynomial.clone(),
            },
            EventPayload::TrusteeSharesPublished { trustee_id, shares } => {
                PublicEntry::TrusteeSharesPublished {
                    trustee_id: *trustee_id,
                    shares: shares.clone(),
                }
            }
            EventPayload::ElectionKeyPublished { key } => {
                PublicEntry::ElectionKeyPublished { key: key.clone() }
            }
            EventPayload::TrusteeDecrypted { trustee_id, shares } => {
                PublicEntry::TrusteeDecrypted {
                    trustee_id: *trustee_id,
                    shares: shares.clone(),
                }
            }
            EventPayload::TallyDecrypted { sums } => {
                PublicEntry::TallyDecrypted { sums: sums.clone() }
            }
            EventPayload::DeadlineSet { end_time_ms } => PublicEntry::DeadlineSet {
                end_time_ms: *end_time_ms,
            },
            EventPayload::LiveResultsSet { enabled } => {
                PublicEntry::LiveResultsSet { enabled: *enabled }
            }
            EventPayload::VotingStarted => PublicEntry::VotingStarted,
            EventPayload::VotingClosed { reason } => PublicEntry::VotingClosed { reason: *reason },
            EventPayload::ResultsPublished => {
                // The draws of the published count are seeded by the log as it stood here:
                // every ballot is in it, and nobody could know it before the last one.
                self.draw_root = Some(self.public.tree.root());
                self.public
                    .push(id, PublicEntry::ResultsPublished, event.by.as_ref());
                // Who voted, in voter-id order: nothing in this order points at a ballot.
                let voted: Vec<u32> = self
                    .voters
                    .iter()
                    .filter(|(_, voter)| voter.vote_seq.is_some())
                    .map(|(voter_id, _)| *voter_id)
                    .collect();
                for voter_id in voted {
                    self.public
                        .push(id, PublicEntry::VoterParticipated { voter_id }, None);
                }
                return;
            }
            EventPayload::ElectionDefined {
                title,
                description,
                options,
                candidates,
                questions,
                language,
                translations,
            } => PublicEntry::ElectionDefined {
                title: title.clone(),
                description: description.clone(),
                options: options.clone(),
                candidates: candidates.clone(),
                questions: questions.clone(),
                language: *language,
                translations: translations.clone(),
            },
            EventPayload::RollImported {
                rows,
                created,
                skipped,
            } => PublicEntry::RollImported {
                rows: *rows,
                created: *created,
                skipped: skipped.len() as u64,
            },
            EventPayload::CredentialIssued { voter_id, .. } => PublicEntry::CredentialIssued {
                voter_id: *voter_id,
            },
        };
        self.public.push(id, entry, event.by.as_ref());
    }
}
