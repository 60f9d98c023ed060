//! The voter page's receipt checker, run apart: the `verify` binary is [`check`] alone (fetch
//! the evidence from the log's routes, judge it), built by trunk as a Web Worker beside the
//! voter app (`frontend/index.html`: `verify.js`, `verify_bg.wasm`, started by
//! `verify_loader.js`). The voter page starts it on each Verify ([`in_worker`]), so the log
//! routes' types, Ed25519 and SHA-256 are fetched when a voter checks a receipt, never on the
//! page's first load. The worker asks the server that served the page, as the page would.
//!
//! The conversation ([`crate::worker`]), in JSON strings of [`FromVerifier`] and [`Receipt`]:
//! the worker says `Ready` once its wasm runs and listens (a message sent earlier would be
//! lost), the page sends the receipt, the worker answers `Checked` with the verdict (as data: the worker has
//! no words, the page words it in its language). A loader that cannot
//! start the wasm says `Failed`; a script that cannot be fetched fires `error`.

use std::future::Future;
use std::pin::Pin;

use serde::{Deserialize, Serialize};
use shared::checkpoint::Receipt;

use super::{check, Unchecked, Verdict};
use crate::worker;

/// The worker's script: trunk copies it from `frontend/verify_loader.js`. Absolute, since the
/// voter page also lives at `/e/{id}`.
const LOADER: &str = "/verify_loader.js";

/// What the worker tells the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FromVerifier {
    /// The worker listens: the page may send the receipt.
    Ready,
    /// The verdict on the receipt the page sent.
    Checked(Verdict),
    /// The loader could not start the wasm (sent by `verify_loader.js`).
    Failed(String),
}

impl FromVerifier {
    fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The verdict on `receipt` from a worker started for it, or why there is none.
pub fn in_worker(receipt: Receipt) -> Pin<Box<dyn Future<Output = Verdict>>> {
    Box::pin(async move {
        ask(&receipt).await.unwrap_or_else(|reason| {
            // Why, for whoever opens the browser's console.
            gloo::console::warn!(format!("the receipt checker did not start: {reason}"));
            Verdict::Unchecked(Unchecked::NotStarted)
        })
    })
}

/// Starts the worker, sends it `receipt` once it is ready, and reads its verdict
/// ([`crate::worker::ask`]).
async fn ask(receipt: &Receipt) -> Result<Verdict, String> {
    let question = serde_json::to_string(receipt).map_err(|err| err.to_string())?;
    let text = worker::ask(LOADER, question).await?;
    match serde_json::from_str(&text) {
        Ok(FromVerifier::Checked(verdict)) => Ok(verdict),
        Ok(FromVerifier::Failed(reason)) => Err(reason),
        _ => Err(format!("the worker answered {text:?}")),
    }
}

/// The `verify` worker's whole life: answer each receipt with its verdict
/// ([`crate::worker::serve`]).
pub fn serve() {
    worker::serve(|question: String| async move {
        let verdict = match serde_json::from_str::<Receipt>(&question) {
            Ok(receipt) => check(&receipt).await,
            Err(_) => Verdict::Unchecked(Unchecked::NotStarted),
        };
        FromVerifier::Checked(verdict).to_json()
    });
}
