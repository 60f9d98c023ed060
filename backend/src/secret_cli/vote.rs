//! `ballot vote`: logs a voter in and casts their ballot. In a verifiable election the
//! answers are turned into marks and sealed here, under the election's key, with a fresh
//! random seed; the server only ever sees the sealed ballot. `--challenge` is Benaloh's check
//! instead: the sealed ballot, its seed and its marks are printed and nothing is cast.

use anyhow::{bail, Context};
use rand::rngs::OsRng;
use rand::RngCore;
use serde::Serialize;
use serde_json::json;
use shared::ballots::{check_answer, Answers, Question};
use shared::dto::{LoginResponse, TimeResponse, VoteRequest, VoteResponse};
use shared::elections::{CandidateSpec, ElectionView, QuestionView};
use shared::secrecy::ballot::{self as sealing, SealedBallot};
use shared::secrecy::wire::SecrecyView;
use shared::secrecy::Secrecy;

use super::explain;
use super::remote::Remote;
use crate::config::VoteArgs;

/// What `ballot vote` did.
#[derive(Debug, Clone)]
pub enum VoteOutcome {
    Cast {
        /// The sealed ballot's tracking code (verifiable elections).
        tracking_code: Option<String>,
        /// The ballot's id in the public log.
        ballot_id: Option<String>,
        seq: u64,
    },
    /// Benaloh's check: what anyone needs to confirm the ballot seals these marks.
    Challenge(Challenge),
}

#[derive(Debug, Clone, Serialize)]
pub struct Challenge {
    pub election: String,
    pub tracking_code: String,
    /// The 32-byte seed every random number of the sealing came from, hex.
    pub seed: String,
    /// The questions' ids, in ballot order (for reading `marks`).
    pub questions: Vec<String>,
    /// Per question in ballot order, one mark per option: with `seed` and `ballot`, the form
    /// `shared::secrecy::ballot::Challenge` reads (`ballot audit --challenge`, the audit page).
    pub marks: Vec<Vec<bool>>,
    pub ballot: SealedBallot,
}

pub async fn run(args: VoteArgs) -> anyhow::Result<()> {
    match vote(&args).await? {
        VoteOutcome::Cast {
            tracking_code,
            ballot_id,
            seq,
        } => {
            println!("vote accepted (event {seq})");
            if let Some(code) = tracking_code {
                println!("tracking code: {code}");
            }
            if let Some(id) = ballot_id {
                println!("ballot id: {id}");
            }
        }
        VoteOutcome::Challenge(challenge) => {
            println!("{}", serde_json::to_string_pretty(&challenge)?);
            eprintln!(
                "not cast: this ballot is for checking only (its seed is public now); vote \
                 without --challenge to cast a new one"
            );
        }
    }
    Ok(())
}

pub async fn vote(args: &VoteArgs) -> anyhow::Result<VoteOutcome> {
    let remote = Remote::new(&args.server)?;
    let election: ElectionView = remote.get("", None).await.map_err(explain)?;
    let questions: Vec<Question> = election.questions.iter().map(question_of).collect();
    let answers: Answers = serde_json::from_str(&args.answers)
        .context("--answers is a JSON object of question id → answer, e.g. {\"q1\":[2,3]}")?;
    for (id, answer) in &answers {
        let question = questions
            .iter()
            .find(|q| &q.id == id)
            .with_context(|| format!("--answers: the election has no question {id:?}"))?;
        check_answer(question, answer)
            .map_err(|problem| anyhow::anyhow!("--answers, question {id}: {problem}"))?;
    }
    let sealed = match election.options.secrecy {
        Secrecy::Open if args.challenge => {
            bail!("--challenge is for verifiable elections: this one's ballots are not sealed")
        }
        Secrecy::Open => None,
        Secrecy::Verifiable => Some(seal(&remote, &questions, &answers).await?),
    };
    if args.challenge {
        let Some((ballot, seed, marks)) = sealed else {
            bail!("nothing sealed");
        };
        return Ok(VoteOutcome::Challenge(Challenge {
            election: remote.election.clone(),
            tracking_code: ballot.tracking_code(),
            seed: hex::encode(seed),
            questions: marks.iter().map(|(question, _)| question.clone()).collect(),
            marks: marks.into_iter().map(|(_, marks)| marks).collect(),
            ballot,
        }));
    }
    let session = login(&remote, args).await?;
    let now: TimeResponse = remote.get_root("/api/time").await.map_err(explain)?;
    let (answers, sealed) = match sealed {
        Some((ballot, _, _)) => (None, Some(ballot)),
        None => (Some(answers), None),
    };
    let expected = sealed.as_ref().map(SealedBallot::tracking_code);
    let request = VoteRequest {
        session,
        candidate_id: None,
        answers,
        sealed,
        lamport: now.lamport,
        click_time_ms: now.server_time_ms,
    };
    let response: VoteResponse = remote.post("vote", None, &request).await.map_err(explain)?;
    if expected.is_some() && response.tracking_code != expected {
        bail!(
            "the server acknowledged the vote under tracking code {:?}, not this ballot's {:?}",
            response.tracking_code,
            expected
        );
    }
    Ok(VoteOutcome::Cast {
        tracking_code: response.tracking_code,
        ballot_id: response.receipt.map(|r| r.ballot_id),
        seq: response.seq,
    })
}

type Sealed = (SealedBallot, [u8; 32], Vec<(String, Vec<bool>)>);

/// The answers as marks under the election's key, question by question in ballot order.
async fn seal(
    remote: &Remote,
    questions: &[Question],
    answers: &Answers,
) -> anyhow::Result<Sealed> {
    let view: SecrecyView = remote.get("secrecy", None).await.map_err(explain)?;
    let key = view
        .key
        .context("the election's key is not published yet: the trustees' ceremony is not over")?;
    let mut shapes = Vec::with_capacity(view.questions.len());
    let mut marks = Vec::with_capacity(view.questions.len());
    for sealed in &view.questions {
        let question = questions
            .iter()
            .find(|q| q.id == sealed.question)
            .with_context(|| format!("the election has no question {:?}", sealed.question))?;
        let answer = answers.get(&question.id).cloned().unwrap_or_default();
        shapes.push(sealed.shape());
        marks.push(sealing::marks_of(question, &answer));
    }
    let mut seed = [0_u8; 32];
    OsRng.fill_bytes(&mut seed);
    let ballot = sealing::seal(key.0.shared_key(), &remote.election, &shapes, &marks, seed)
        .map_err(|e| anyhow::anyhow!("sealing the ballot: {e}"))?;
    let named = view
        .questions
        .iter()
        .map(|q| q.question.clone())
        .zip(marks)
        .collect();
    Ok((ballot, seed, named))
}

async fn login(remote: &Remote, args: &VoteArgs) -> anyhow::Result<String> {
    let body = match (&args.credential, &args.name, args.voter_id) {
        (Some(credential), _, _) => json!({ "credential": credential }),
        (None, Some(name), Some(voter_id)) => json!({ "name": name, "voter_id": voter_id }),
        _ => bail!("give --credential (or BALLOT_CREDENTIAL), or --name and --voter-id"),
    };
    let login: LoginResponse = remote
        .post("login", None, &body)
        .await
        .map_err(explain)
        .context("logging in")?;
    Ok(login.session)
}

/// The public view of a question as the sealing reads it (candidate ids are 1, 2, … in order).
fn question_of(view: &QuestionView) -> Question {
    Question {
        id: view.id.clone(),
        title: view.title.clone(),
        description: view.description.clone(),
        method: view.method,
        candidates: view
            .candidates
            .iter()
            .map(|c| CandidateSpec {
                name: c.name.clone(),
                description: c.description.clone(),
            })
            .collect(),
        seats: view.seats,
        max_choices: view.max_choices,
        threshold: view.threshold,
    }
}
