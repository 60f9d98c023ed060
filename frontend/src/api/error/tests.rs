//! How statuses and codes map to variants, sentences and retries.

use super::*;
use wasm_bindgen_test::wasm_bindgen_test;

/// An error body as the server would send it, read through serde from the wire string.
fn body(code: &str) -> Option<ErrorBody> {
    let json = serde_json::json!({"error": code, "message": format!("server says {code}")});
    Some(serde_json::from_value(json).expect("an error body"))
}

#[wasm_bindgen_test]
fn statuses_map_to_their_variants() {
    assert!(matches!(
        ApiError::from_status(401, body("bad_login"), None),
        ApiError::Unauthorized(_)
    ));
    assert!(matches!(
        ApiError::from_status(403, body("voting_not_open"), None),
        ApiError::Forbidden(_)
    ));
    assert!(matches!(
        ApiError::from_status(409, body("already_voted"), None),
        ApiError::Conflict(_)
    ));
    for status in [400, 405, 413, 422] {
        assert!(matches!(
            ApiError::from_status(status, None, None),
            ApiError::Invalid(_)
        ));
    }
    assert!(matches!(
        ApiError::from_status(429, body("rate_limited"), Some("30")),
        ApiError::RateLimited {
            retry_after_s: 30,
            ..
        }
    ));
    assert!(matches!(
        ApiError::from_status(500, None, None),
        ApiError::Server { status: 500, .. }
    ));
}

#[wasm_bindgen_test]
fn codes_parse_to_their_variants() {
    let code = |wire: &str| ApiError::from_status(400, body(wire), None).code();
    assert_eq!(code("queue_full"), ErrorCode::QueueFull);
    assert_eq!(code("unavailable"), ErrorCode::Unavailable);
    assert_eq!(
        code("idempotency_key_reused"),
        ErrorCode::IdempotencyKeyReused
    );
    assert_eq!(code("something_new"), ErrorCode::Unknown);
    let newer = ApiError::from_status(400, body("something_new"), None);
    assert_eq!(newer.describe(), "server says something_new");
}

#[wasm_bindgen_test]
fn a_full_queue_keeps_its_retry_after() {
    let err = ApiError::from_status(503, body("queue_full"), Some(" 3 "));
    assert!(matches!(
        err,
        ApiError::Busy {
            retry_after_s: 3,
            ..
        }
    ));
    assert!(err.describe().contains("3 s"));
    assert_eq!(err.retry_in_ms(), Some(3000));
    let missing = ApiError::from_status(503, None, None);
    assert!(matches!(
        missing,
        ApiError::Busy {
            retry_after_s: DEFAULT_RETRY_AFTER_S,
            ..
        }
    ));
    let zero = ApiError::from_status(503, None, Some("0"));
    assert!(
        matches!(
            zero,
            ApiError::Busy {
                retry_after_s: 1,
                ..
            }
        ),
        "never retry in a busy loop"
    );
}

#[wasm_bindgen_test]
fn no_majority_and_a_full_queue_read_differently() {
    let full = ApiError::from_status(503, body("queue_full"), Some("2")).describe();
    let split = ApiError::from_status(503, body("unavailable"), Some("2")).describe();
    assert_ne!(full, split);
    assert!(full.contains("Many people are voting"), "{full}");
    assert!(split.contains("servers cannot agree"), "{split}");
    assert!(full.contains("2 s") && split.contains("2 s"));
}

#[wasm_bindgen_test]
fn a_rate_limit_says_how_long_to_wait_and_is_not_retried_by_the_page() {
    let err = ApiError::from_status(429, body("rate_limited"), Some("42"));
    assert!(err.describe().contains("wait 42 s"), "{}", err.describe());
    assert_eq!(err.retry_in_ms(), None);
}

#[wasm_bindgen_test]
fn page_bugs_are_explained_as_such() {
    let reused = ApiError::from_status(422, body("idempotency_key_reused"), None);
    assert!(reused.describe().contains("internal problem of the page"));
    assert!(reused.describe().contains("try again"));
    assert_eq!(reused.retry_in_ms(), None, "the same key would fail again");
    let lamport = ApiError::from_status(400, body("lamport_out_of_range"), None);
    assert!(lamport.describe().contains("internal problem of the page"));
    let large = ApiError::from_status(413, body("payload_too_large"), None);
    assert!(large.describe().contains("internal problem of the page"));
    let method = ApiError::from_status(405, body("method_not_allowed"), None);
    assert!(method.describe().contains("internal problem of the page"));
}

#[wasm_bindgen_test]
fn only_answers_that_may_change_are_retried() {
    let pending = ApiError::from_status(409, body("vote_pending"), None);
    assert_eq!(pending.retry_in_ms(), Some(1000));
    assert!(pending.describe().contains("still waiting"));
    let voted = ApiError::from_status(409, body("already_voted"), None);
    assert_eq!(voted.retry_in_ms(), None);
    let network = ApiError::Network("offline".into());
    assert_eq!(network.retry_in_ms(), Some(NETWORK_RETRY_MS));
    let unavailable = ApiError::from_status(503, body("unavailable"), Some("1"));
    assert_eq!(unavailable.retry_in_ms(), Some(1000));
    let late = ApiError::from_status(403, body("past_deadline"), None);
    assert_eq!(late.retry_in_ms(), None);
}

#[wasm_bindgen_test]
fn giving_up_promises_no_further_attempt() {
    for err in [
        ApiError::from_status(503, body("queue_full"), None),
        ApiError::from_status(503, body("unavailable"), None),
        ApiError::from_status(503, None, None),
        ApiError::from_status(409, body("vote_pending"), None),
        ApiError::Network("offline".into()),
    ] {
        let sentence = err.describe_gave_up();
        assert!(!sentence.contains("trying again"), "{sentence}");
        assert!(sentence.contains("in a minute"), "{sentence}");
    }
}

#[wasm_bindgen_test]
fn voter_errors_have_clear_sentences() {
    let voted = ApiError::from_status(409, body("already_voted"), None);
    assert!(voted.describe().contains("already voted"));
    let late = ApiError::from_status(403, body("past_deadline"), None);
    assert!(late.describe().contains("deadline has passed"));
    let closed = ApiError::from_status(403, body("voting_not_open"), None);
    assert!(closed.describe().contains("Voting is not open"));
    let stale = ApiError::from_status(400, body("click_too_old"), None);
    assert!(stale.describe().contains("vote again"));
    // Every code has the page's own words, in the page's language (not the server's English).
    let other = ApiError::from_status(401, body("bad_login"), None);
    assert!(
        other.describe().starts_with("Wrong name or voter id"),
        "{}",
        other.describe()
    );
}

#[wasm_bindgen_test]
fn election_refusals_have_their_own_sentences() {
    let credential = ApiError::from_status(401, body("bad_credential"), None);
    assert!(credential.describe().contains("credential does not match"));
    let frozen = ApiError::from_status(409, body("roll_frozen"), None);
    assert!(frozen.describe().contains("roll is frozen"));
    let exists = ApiError::from_status(409, body("election_exists"), None);
    assert!(exists.describe().contains("already exists"));
    // The server's sentence names the field or the line: the page's words quote it.
    let invalid = ApiError::from_status(400, body("invalid_roll"), None);
    assert_eq!(
        invalid.describe(),
        "The roll was refused: server says invalid_roll"
    );
}

#[wasm_bindgen_test]
fn a_body_less_error_still_has_a_code_and_a_message() {
    let err = ApiError::from_status(502, None, None);
    assert_eq!(err.code(), ErrorCode::Unknown);
    assert!(err.describe().contains("502"));
    let proxy = ApiError::from_status(503, None, Some("4"));
    assert!(proxy.describe().contains("4 s"));
}
