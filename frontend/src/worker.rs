//! The voter page's Web Workers, both sides of one conversation: a page asks a question, a
//! worker answers it. Each worker is a wasm binary trunk builds beside the voter app
//! (`frontend/index.html`, `data-type="worker"`) and a small loader script starts; the page
//! starts it only when it needs it, so its code is never in the page's first load. Two use
//! it: the receipt checker ([`crate::receipt::verifier`], on Verify) and the sealer of a
//! verifiable election's ballots ([`crate::sealer`], on reviewing one).
//!
//! Questions and answers are JSON strings. The worker says `"Ready"` once its wasm runs and
//! listens (a message sent earlier would be lost), the page then sends its question and reads
//! the next message as the answer. A loader that cannot start the wasm answers
//! `{"Failed": why}` instead; a script that cannot be fetched fires `error`.

use std::future::Future;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// What a worker says first, once it listens: the JSON of a unit variant `Ready`.
const READY: &str = "\"Ready\"";

/// Starts the worker whose script is `loader`, sends it `question` once it is ready, and
/// returns its answer (JSON text); the worker is stopped whatever the outcome.
pub async fn ask(loader: &str, question: String) -> Result<String, String> {
    let worker = Worker::new(loader).map_err(describe)?;
    // The handlers must outlive the wait; they are dropped with this function's frame.
    let mut handlers = None;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let (asker, question, refuse) = (worker.clone(), question.clone(), reject.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            if text == READY {
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
    Ok(answer.map_err(describe)?.as_string().unwrap_or_default())
}

/// A worker's whole life: answer every question with `answer`, and say `Ready` once
/// listening.
pub fn serve<F, A>(answer: F)
where
    F: Fn(String) -> A + 'static,
    A: Future<Output = String> + 'static,
{
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replier = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let question = event.data().as_string().unwrap_or_default();
        let (replier, answering) = (replier.clone(), answer(question));
        spawn_local(async move {
            let answer = answering.await;
            let _ = replier.post_message(&JsValue::from_str(&answer));
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker does.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// A JavaScript error in words.
pub fn describe(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|err| String::from(err.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}
