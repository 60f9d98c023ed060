//! A verifiable election's ballot sealer, run apart: the `seal` binary is [`serve`] alone
//! (seal marks under the election's key, or re-seal a challenged ballot and compare:
//! `shared::secrecy::ballot`), built by trunk as a Web Worker beside the voter app
//! (`frontend/index.html`: `seal.js`, `seal_bg.wasm`, started by `seal_loader.js`). The voter
//! page asks it ([`seal_in_worker`], [`check_in_worker`]) only when a voter of a verifiable
//! election has reviewed a ballot, so the curve arithmetic, the proofs and ChaCha20 are never
//! in the page's first load.
//!
//! The page never decodes a key or a ballot either: it reads the election's key set as JSON
//! ([`SealingView`]) and hands it to the worker, and keeps the sealed ballot as the JSON the
//! worker wrote ([`SealedJson`]), which is what it sends to the server and what its tracking
//! code hashes. Each question carries everything its answer depends on (sealing is
//! deterministic in the seed, which the page draws and keeps for Benaloh's check), so every
//! question starts a fresh worker that holds nothing between two of them.
//!
//! The conversation ([`crate::worker`]), in JSON strings of [`ToSealer`] and [`FromSealer`].

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use shared::secrecy::wire::SealedQuestion;

use crate::worker;

/// The worker's script: trunk copies it from `frontend/seal_loader.js`. Absolute, since the
/// voter page also lives at `/e/{id}`.
const LOADER: &str = "/seal_loader.js";

/// What the voter page reads of `GET /api/elections/{id}/secrecy`
/// (`shared::secrecy::wire::SecrecyView`): the joint key set, kept as JSON since decoding it
/// is curve arithmetic only the worker carries, and what a ballot seals.
#[derive(Debug, Deserialize)]
pub struct SealingView {
    /// Absent until the trustees publish it.
    #[serde(default)]
    pub key: Option<Box<RawValue>>,
    pub questions: Vec<SealedQuestion>,
}

/// Everything one sealing needs; what it seals is a function of this alone.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    pub election: String,
    /// The joint key set, as the server sent it.
    pub key: Box<RawValue>,
    /// What each question seals, in the ballot's order.
    pub questions: Vec<SealedQuestion>,
    /// One list of marks per question, one mark per option.
    pub marks: Vec<Vec<bool>>,
    pub seed: [u8; 32],
}

/// A sealed ballot (`shared::secrecy::ballot::SealedBallot`) as the JSON `serde_json` wrote
/// for it, byte for byte: what the vote's body carries and the tracking code hashes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SealedJson(pub Box<RawValue>);

impl SealedJson {
    /// The tracking code: SHA-256 of the ballot's JSON in hex, as
    /// `SealedBallot::tracking_code` computes it from the same bytes.
    pub fn tracking_code(&self) -> String {
        let digest = Sha256::digest(self.0.get().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl PartialEq for SealedJson {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

/// What the page asks the worker.
#[derive(Debug, Serialize, Deserialize)]
pub enum ToSealer {
    /// Seal the job's marks.
    Seal(Job),
    /// Benaloh's check: whether sealing the job gives exactly `ballot`.
    Check { job: Job, ballot: SealedJson },
}

/// What the worker tells the page.
#[derive(Debug, Serialize, Deserialize)]
pub enum FromSealer {
    /// The worker listens: the page may send its question.
    Ready,
    Sealed(SealedJson),
    /// The check's verdict: `None` when the ballot is what the seed and marks make, else
    /// where it differs.
    Checked(Option<String>),
    /// The question could not be answered (the library's own words), or the loader could not
    /// start the wasm (sent by `seal_loader.js`).
    Failed(String),
}

/// The job's marks sealed by a worker started for them, or why not.
pub async fn seal_in_worker(job: Job) -> Result<SealedJson, String> {
    match ask(&ToSealer::Seal(job)).await? {
        FromSealer::Sealed(ballot) => Ok(ballot),
        other => Err(unexpected(other)),
    }
}

/// Benaloh's verdict on `ballot` from a worker started for it: `Ok(None)` when sealing the
/// job gives exactly `ballot`, `Ok(Some(where))` when it does not; `Err` when it could not
/// tell.
pub async fn check_in_worker(job: Job, ballot: SealedJson) -> Result<Option<String>, String> {
    match ask(&ToSealer::Check { job, ballot }).await? {
        FromSealer::Checked(verdict) => Ok(verdict),
        other => Err(unexpected(other)),
    }
}

async fn ask(question: &ToSealer) -> Result<FromSealer, String> {
    let question = serde_json::to_string(question).map_err(|err| err.to_string())?;
    let text = worker::ask(LOADER, question).await?;
    serde_json::from_str(&text).map_err(|_| format!("the sealer answered {text:?}"))
}

fn unexpected(answer: FromSealer) -> String {
    match answer {
        FromSealer::Failed(reason) => reason,
        other => format!("the sealer answered {other:?}"),
    }
}

/// The `seal` worker's whole life ([`crate::worker::serve`]).
pub fn serve() {
    worker::serve(|question: String| async move { answer(&question) });
}

/// The worker's answer to one question (JSON in, JSON out).
pub fn answer(question: &str) -> String {
    let answer = match serde_json::from_str::<ToSealer>(question) {
        Ok(ToSealer::Seal(job)) => seal(&job).map(FromSealer::Sealed),
        Ok(ToSealer::Check { job, ballot }) => check(&job, &ballot).map(FromSealer::Checked),
        Err(err) => Err(err.to_string()),
    };
    let answer = answer.unwrap_or_else(FromSealer::Failed);
    serde_json::to_string(&answer).unwrap_or_default()
}

/// The election's public key and the questions' shapes, decoded.
fn prepare(
    job: &Job,
) -> Result<
    (
        shared::secrecy::PublicKey,
        Vec<shared::secrecy::ballot::Shape>,
    ),
    String,
> {
    let keys: shared::secrecy::Opaque<shared::secrecy::ceremony::KeySet> =
        serde_json::from_str(job.key.get()).map_err(|err| err.to_string())?;
    let shapes = job.questions.iter().map(SealedQuestion::shape).collect();
    Ok((keys.0.shared_key().clone(), shapes))
}

fn seal(job: &Job) -> Result<SealedJson, String> {
    use shared::secrecy::ballot;
    let (key, shapes) = prepare(job)?;
    let sealed = ballot::seal(&key, &job.election, &shapes, &job.marks, job.seed)
        .map_err(|err| err.to_string())?;
    let json = serde_json::value::to_raw_value(&sealed).map_err(|err| err.to_string())?;
    Ok(SealedJson(json))
}

fn check(job: &Job, ballot: &SealedJson) -> Result<Option<String>, String> {
    use shared::secrecy::ballot::{self, SealedBallot};
    let (key, shapes) = prepare(job)?;
    let ballot: SealedBallot = serde_json::from_str(ballot.0.get()).map_err(|e| e.to_string())?;
    let verdict =
        ballot::check_challenge(&key, &job.election, &shapes, &ballot, &job.marks, job.seed);
    Ok(verdict.err().map(|err| err.to_string()))
}

#[cfg(test)]
mod tests;
