//! A voter's receipt in the browser: the fingerprint read aloud, the JSON file, reading a
//! pasted or dropped one, and checking it. [`gather`] fetches the evidence from the log's
//! routes; [`judge`] hands it to [`shared::verify::verify_receipt`] and turns the answer into
//! a [`Verdict`], which the page words in its language ([`Verdict::text`]). The split keeps
//! the deciding part testable without a server.
//!
//! Checking (the log routes' types, Ed25519 and SHA-256: a sixth of the voter's wasm) is not
//! in the voter app's first load: the voter page checks through [`verifier`], a Web Worker it
//! starts on Verify, which runs [`check`] there. The audit page, whose purpose is checking,
//! checks in place ([`in_place`]).

use std::future::Future;
use std::pin::Pin;

use shared::checkpoint::Receipt;
use shared::log::{ConsistencyProof, InclusionProof};
use shared::verify::{verify_receipt, ReceiptEvidence};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiError, Scope};

mod verdict;
pub mod verifier;
mod words;

pub use verdict::{Damage, Refusal, Unchecked, Verdict, WrongProof};
pub use words::replicas_in_words;

/// Where a check stands, for the page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CheckState {
    #[default]
    Idle,
    Checking,
    Done(Verdict),
}

/// The first 16 hex digits of the ballot id in groups of four ("1a2b 3c4d 5e6f 7a8b"):
/// short enough to read aloud or copy by hand, long enough that two ballots of one election
/// practically never share it.
pub fn fingerprint(ballot_id: &str) -> String {
    let digits: Vec<char> = ballot_id.chars().take(16).collect();
    let groups: Vec<String> = digits.chunks(4).map(|g| g.iter().collect()).collect();
    groups.join(" ")
}

/// The receipt as the downloaded file holds it: indented JSON, the same fields as the
/// server's `receipt`, so `ballot audit --receipts` reads it too once put on one line.
pub fn to_json(receipt: &Receipt) -> String {
    serde_json::to_string_pretty(receipt).unwrap_or_default()
}

/// The downloaded file's name: the election and the fingerprint's first group.
pub fn file_name(receipt: &Receipt) -> String {
    let short: String = receipt.ballot_id.chars().take(8).collect();
    format!("ballot-receipt-{}-{short}.json", receipt.election_id)
}

/// A receipt pasted or dropped by a person, or why it is not one.
pub fn parse(text: &str) -> Result<Receipt, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Refusal::Empty);
    }
    let receipt: Receipt = serde_json::from_str(text).map_err(|_| Refusal::NotAReceipt)?;
    if Scope::of(&receipt.election_id).is_none() {
        return Err(Refusal::UnknownElection);
    }
    Ok(receipt)
}

/// The verifier's answer, for the page to word ([`Verdict::text`]).
pub fn judge(evidence: &ReceiptEvidence) -> Verdict {
    match verify_receipt(evidence) {
        Ok(verified) => verified.into(),
        Err(failed) => Verdict::Refused(failed.into()),
    }
}

/// Fetches everything [`judge`] needs for `receipt` from the server that serves this page:
/// the keys, the latest co-signed checkpoint, the ballot's line and the three proofs.
pub async fn gather(scope: &Scope, receipt: &Receipt) -> Result<ReceiptEvidence, ApiError> {
    let keys = api::log::keys().await?.keys;
    let latest = api::log::checkpoint(scope).await?;
    let (index, mine) = (receipt.leaf_index, receipt.checkpoint.tree_size);
    let mut evidence = ReceiptEvidence {
        receipt: receipt.clone(),
        keys,
        latest: latest.clone(),
        entry: String::new(),
        receipt_inclusion: InclusionProof {
            leaf_index: index,
            tree_size: mine,
            audit_path: Vec::new(),
        },
        latest_inclusion: InclusionProof {
            leaf_index: index,
            tree_size: latest.tree_size,
            audit_path: Vec::new(),
        },
        consistency: ConsistencyProof {
            first: mine,
            second: latest.tree_size,
            proof: Vec::new(),
        },
    };
    // A receipt that contradicts itself, or a log smaller than the receipt's, is refused by
    // the verifier before it looks at the line and the proofs; asking for them would only
    // earn a 400.
    if index >= mine || latest.tree_size < mine {
        return Ok(evidence);
    }
    let line = api::log::entries(scope, index, index + 1).await?;
    evidence.entry = line.into_iter().next().unwrap_or_default();
    evidence.receipt_inclusion = api::log::inclusion(scope, index, mine).await?;
    evidence.latest_inclusion = api::log::inclusion(scope, index, latest.tree_size).await?;
    evidence.consistency = api::log::consistency(scope, mine, latest.tree_size).await?;
    Ok(evidence)
}

/// How a page checks a receipt: [`in_place`], or [`verifier::in_worker`], which keeps the
/// checks out of the page's own wasm.
pub type Checker = fn(Receipt) -> Pin<Box<dyn Future<Output = Verdict>>>;

/// [`check`] in this page's own wasm.
pub fn in_place(receipt: Receipt) -> Pin<Box<dyn Future<Output = Verdict>>> {
    Box::pin(async move { check(&receipt).await })
}

/// Fetches the evidence and judges it.
pub async fn check(receipt: &Receipt) -> Verdict {
    let Some(scope) = Scope::of(&receipt.election_id) else {
        return Verdict::Refused(Refusal::UnknownElection);
    };
    match gather(&scope, receipt).await {
        Ok(evidence) => judge(&evidence),
        Err(err) => Verdict::Unchecked(Unchecked::Fetch(err)),
    }
}

/// A check the page can start: its state, and the callback that checks a receipt with
/// `checker` (one at a time; a click while one runs is ignored).
#[hook]
pub fn use_receipt_check(checker: Checker) -> (UseStateHandle<CheckState>, Callback<Receipt>) {
    let state = use_state(CheckState::default);
    let start = {
        let state = state.clone();
        Callback::from(move |receipt: Receipt| {
            if *state == CheckState::Checking {
                return;
            }
            state.set(CheckState::Checking);
            let state = state.clone();
            spawn_local(async move {
                state.set(CheckState::Done(checker(receipt).await));
            });
        })
    };
    (state, start)
}

#[cfg(test)]
mod tests;
