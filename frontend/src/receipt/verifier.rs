//! The voter page's receipt checker, run apart: the `verify` binary is [`check`] alone (fetch
//! the evidence from the log's routes, judge it), built by trunk as a Web Worker beside the
//! voter app (`frontend/index.html`: `verify.js`, `verify_bg.wasm`, started by
//! `verify_loader.js`). The voter page starts it on each Verify ([`in_worker`]), so the log
//! routes' types, Ed25519 and SHA-256 are fetched when a voter checks a receipt, never on the
//! page's first load. The worker asks the server that served the page, as the page would.
//!
//! The conversation, in JSON strings of [`FromVerifier`] and [`Receipt`]: the worker says
//! `Ready` once its wasm runs and listens (a message sent earlier would be lost), the page
//! sends the receipt, the worker answers `Checked` with the verdict (as data: the worker has
//! no words, the page words it in its language). A loader that cannot
//! start the wasm says `Failed`; a script that cannot be fetched fires `error`.

use std::future::Future;
use std::pin::Pin;

use serde::{Deserialize, Serialize};
use shared::checkpoint::Receipt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

use super::{check, Unchecked, Verdict};

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

/// Starts the worker, sends it `receipt` once it is ready, and reads its verdict; the worker
/// is stopped whatever the outcome.
async fn ask(receipt: &Receipt) -> Result<Verdict, String> {
    let question = serde_json::to_string(receipt).map_err(|err| err.to_string())?;
    let worker = Worker::new(LOADER).map_err(describe)?;
    // The handlers must outlive the wait; they are dropped with this function's frame.
    let mut handlers = None;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let (asker, question, refuse) = (worker.clone(), question.clone(), reject.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            if serde_json::from_str::<FromVerifier>(&text).ok() == Some(FromVerifier::Ready) {
                if let Err(err) = asker.post_message(&JsValue::from_str(&question)) {
                    let _ = refuse.call1(&JsValue::NULL, &err);
                }
            } else {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the worker failed"));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_message, on_error));
    });
    let answer = JsFuture::from(answer).await;
    worker.terminate();
    drop(handlers);
    let text = answer.map_err(describe)?.as_string().unwrap_or_default();
    match serde_json::from_str(&text) {
        Ok(FromVerifier::Checked(verdict)) => Ok(verdict),
        Ok(FromVerifier::Failed(reason)) => Err(reason),
        _ => Err(format!("the worker answered {text:?}")),
    }
}

/// The `verify` worker's whole life: listen for receipts, answer each with its verdict, and
/// say `Ready` once listening.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replier = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let question = event.data().as_string().unwrap_or_default();
        let replier = replier.clone();
        spawn_local(async move {
            let verdict = match serde_json::from_str::<Receipt>(&question) {
                Ok(receipt) => check(&receipt).await,
                Err(_) => Verdict::Unchecked(Unchecked::NotStarted),
            };
            let answer = FromVerifier::Checked(verdict).to_json();
            let _ = replier.post_message(&JsValue::from_str(&answer));
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker does.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&FromVerifier::Ready.to_json()));
}

/// A JavaScript error in words.
fn describe(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|err| String::from(err.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}
