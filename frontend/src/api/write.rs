//! Writes that are safe to send twice: every logical write (one click) is a [`PendingWrite`]
//! with its own random [`IdempotencyKey`], and every retry of it sends the same key with the
//! same body, so the server answers a retry with its first answer instead of acting twice.
//! [`send_with_retries`] is the retry loop, free of timers and HTTP so tests can drive it.

use std::future::Future;

use serde::{Deserialize, Serialize};
use shared::dto::valid_idempotency_key;

use super::ApiError;

/// The value of the `Idempotency-Key` header: 32 lowercase hex digits (128 random bits), which
/// [`shared::dto::valid_idempotency_key`] accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// A fresh key from the browser's cryptographic generator (`crypto.getRandomValues`, which
    /// also works on plain `http://`). Should it be missing, `Math.random` still makes
    /// collisions between one voter's writes practically impossible.
    pub fn random() -> Self {
        let mut bytes = [0u8; 16];
        let from_crypto = web_sys::window()
            .and_then(|window| window.crypto().ok())
            .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
        if !from_crypto {
            for byte in &mut bytes {
                *byte = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        Self::from_bytes(bytes)
    }

    /// The key spelling these bytes, in hex.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        IdempotencyKey(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IdempotencyKey {
    type Error = String;

    /// Only for keys read back from storage: a tampered one is refused rather than sent.
    fn try_from(key: String) -> Result<Self, String> {
        if valid_idempotency_key(&key) {
            Ok(IdempotencyKey(key))
        } else {
            Err(format!("not an idempotency key: {key:?}"))
        }
    }
}

impl From<IdempotencyKey> for String {
    fn from(key: IdempotencyKey) -> String {
        key.0
    }
}

/// One logical write: its body and the key every attempt at it carries. Made once per click;
/// retries reuse it as is, a new click makes a new one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingWrite<B> {
    pub key: IdempotencyKey,
    pub body: B,
}

impl<B> PendingWrite<B> {
    /// A new logical write with a fresh key.
    pub fn new(body: B) -> Self {
        PendingWrite {
            key: IdempotencyKey::random(),
            body,
        }
    }
}

/// How a write ended after its retries.
#[derive(Debug, Clone, PartialEq)]
pub enum Settled<T> {
    /// The server's answer (possibly the remembered answer to an earlier attempt).
    Done(T),
    /// A final refusal: retrying the same request cannot change it.
    Refused(ApiError),
    /// Still retriable after `max_retries`: the person should try again later.
    GaveUp(ApiError),
}

/// Sends `write` with `send` until it gets a final answer, at most `max_retries + 1` times.
/// Between attempts `wait(error, delay_ms)` is awaited: the page shows the error's sentence
/// and sleeps. Every attempt gets the same `write`, so the same idempotency key and body.
pub async fn send_with_retries<B, T, S, SendFut, W, WaitFut>(
    write: &PendingWrite<B>,
    max_retries: u32,
    mut send: S,
    mut wait: W,
) -> Settled<T>
where
    S: FnMut(&PendingWrite<B>) -> SendFut,
    SendFut: Future<Output = Result<T, ApiError>>,
    W: FnMut(&ApiError, u32) -> WaitFut,
    WaitFut: Future<Output = ()>,
{
    let mut retries = 0;
    loop {
        let err = match send(write).await {
            Ok(answer) => return Settled::Done(answer),
            Err(err) => err,
        };
        let Some(delay_ms) = err.retry_in_ms() else {
            return Settled::Refused(err);
        };
        if retries == max_retries {
            return Settled::GaveUp(err);
        }
        retries += 1;
        wait(&err, delay_ms).await;
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::future::ready;

    use shared::dto::{ErrorBody, MAX_IDEMPOTENCY_KEY_LEN};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn refusal(status: u16, code: &str) -> ApiError {
        let body = ErrorBody {
            error: serde_json::from_value(code.into()).expect("a wire code"),
            message: code.into(),
        };
        ApiError::from_status(status, Some(body), Some("1"))
    }

    /// Runs one write against canned answers; returns the outcome and the keys sent.
    async fn run(
        write: &PendingWrite<&'static str>,
        answers: Vec<Result<u64, ApiError>>,
        max_retries: u32,
    ) -> (Settled<u64>, Vec<(String, &'static str)>, Vec<u32>) {
        let answers = RefCell::new(answers.into_iter());
        let sent = RefCell::new(Vec::new());
        let waits = RefCell::new(Vec::new());
        let outcome = send_with_retries(
            write,
            max_retries,
            |attempt| {
                sent.borrow_mut()
                    .push((attempt.key.as_str().to_owned(), attempt.body));
                ready(answers.borrow_mut().next().expect("an answer per attempt"))
            },
            |_, delay_ms| {
                waits.borrow_mut().push(delay_ms);
                ready(())
            },
        )
        .await;
        (outcome, sent.into_inner(), waits.into_inner())
    }

    #[wasm_bindgen_test]
    fn random_keys_are_valid_and_distinct() {
        let first = IdempotencyKey::random();
        let second = IdempotencyKey::random();
        assert!(valid_idempotency_key(first.as_str()), "{first:?}");
        assert_eq!(first.as_str().len(), 32);
        assert!(first.as_str().len() <= MAX_IDEMPOTENCY_KEY_LEN);
        assert_ne!(first, second);
    }

    #[wasm_bindgen_test]
    fn keys_spell_their_bytes_in_hex() {
        let key =
            IdempotencyKey::from_bytes([0, 1, 0xab, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]);
        assert_eq!(key.as_str(), "0001abff000000000000000000000009");
        assert!(valid_idempotency_key(key.as_str()));
    }

    #[wasm_bindgen_test]
    fn a_stored_key_is_checked_when_read_back() {
        let write = PendingWrite::new(7u32);
        let json = serde_json::to_string(&write).unwrap();
        assert_eq!(
            serde_json::from_str::<PendingWrite<u32>>(&json).unwrap(),
            write
        );
        let tampered = r#"{"key":"has a space","body":7}"#;
        assert!(serde_json::from_str::<PendingWrite<u32>>(tampered).is_err());
        assert!(serde_json::from_str::<PendingWrite<u32>>(r#"{"key":"","body":7}"#).is_err());
    }

    #[wasm_bindgen_test]
    async fn every_retry_of_one_vote_sends_the_same_key_and_body() {
        let write = PendingWrite::new("vote for 1");
        let answers = vec![
            Err(refusal(503, "queue_full")),
            Err(ApiError::Network("offline".into())),
            Err(refusal(503, "unavailable")),
            Err(refusal(409, "vote_pending")),
            Ok(42),
        ];
        let (outcome, sent, waits) = run(&write, answers, 10).await;
        assert_eq!(outcome, Settled::Done(42));
        assert_eq!(sent.len(), 5);
        for attempt in &sent {
            assert_eq!(attempt, &(write.key.as_str().to_owned(), "vote for 1"));
        }
        assert_eq!(waits, vec![1000, 2000, 1000, 1000]);
    }

    #[wasm_bindgen_test]
    async fn a_new_vote_gets_a_new_key() {
        let first = PendingWrite::new("vote for 1");
        let second = PendingWrite::new("vote for 1");
        assert_ne!(first.key, second.key, "another click is another write");
        let (_, sent_first, _) = run(&first, vec![Ok(1)], 3).await;
        let (_, sent_second, _) = run(&second, vec![Ok(2)], 3).await;
        assert_ne!(sent_first[0].0, sent_second[0].0);
    }

    #[wasm_bindgen_test]
    async fn a_final_refusal_stops_at_once() {
        let write = PendingWrite::new("vote");
        let (outcome, sent, waits) =
            run(&write, vec![Err(refusal(409, "already_voted"))], 10).await;
        assert_eq!(outcome, Settled::Refused(refusal(409, "already_voted")));
        assert_eq!(sent.len(), 1);
        assert!(waits.is_empty());
    }

    #[wasm_bindgen_test]
    async fn retries_are_bounded() {
        let write = PendingWrite::new("vote");
        let answers = (0..3).map(|_| Err(refusal(503, "queue_full"))).collect();
        let (outcome, sent, waits) = run(&write, answers, 2).await;
        assert_eq!(outcome, Settled::GaveUp(refusal(503, "queue_full")));
        assert_eq!(sent.len(), 3);
        assert_eq!(waits.len(), 2);
    }
}
