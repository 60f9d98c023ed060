//! The values inside requests: strings people and attackers type, numbers at and beyond every
//! edge, JSON of any shape (mostly with the node's own field names), and Raft log entries.

use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Field names of every body the node reads, so that objects often have the right shape.
const FIELDS: &[&str] = &[
    "name",
    "voter_id",
    "session",
    "candidate_id",
    "lamport",
    "click_time_ms",
    "end_time_ms",
    "minutes",
    "enabled",
    "adjust_ms",
    "node_id",
    "addr",
    "command",
    "type",
    "received_at_ms",
    "idempotency",
    "key",
    "fingerprint",
    "session_hash",
    "grace_ms",
    "vote",
    "admin_token",
];

/// JSON number tokens at and beyond every edge.
pub const NUMBER_TEXT: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "1e308",
    "1e309",
    "-1e309",
    "1e-400",
    "0.5",
    "1.0",
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    "1_000",
    "\"1\"",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"\\ud83d\\ude00\"",
    "null",
    "true",
    "[]",
    "{}",
];

/// Strings people and attackers type.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z ]{0,12}",
        2 => Just("Alice".to_string()),
        1 => Just(String::new()),
        1 => Just("Al\u{200B}ice".to_string()),
        1 => Just("\u{202E}ecilA".to_string()),
        1 => Just("\u{FEFF}".to_string()),
        1 => Just("Jose\u{0301}".to_string()),
        1 => Just("STRASSE straße ǅ ﬁ".to_string()),
        1 => Just("\u{E0041}\u{E007F}".to_string()),
        1 => Just("a\u{0}b\r\n\t".to_string()),
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => Just("' OR 1=1; DROP TABLE events; --".to_string()),
        1 => Just("𝕬𝖑𝖎𝖈𝖊 🗳️ 李".to_string()),
        2 => any::<String>().prop_map(|s| s.chars().take(80).collect()),
        1 => (1usize..200).prop_map(|n| "x".repeat(n)),
        1 => (60usize..70).prop_map(|n| "é".repeat(n)),
    ]
}

pub fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(0)),
        Just(json!(1)),
        Just(json!(-1)),
        Just(json!(u32::MAX)),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(i64::MAX)),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (-1e300f64..1e300).prop_map(|f| json!(f)),
        Just(json!(f64::MIN_POSITIVE)),
        Just(json!(5e-324)),
        Just(json!(0.5)),
        Just(json!(525_600.0)),
        Just(json!(525_600.000_1)),
    ]
}

pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec((field(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

pub fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(FIELDS).prop_map(str::to_string),
        1 => "[a-z_]{1,8}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ]
}

/// An object with (mostly) the node's field names and any values.
pub fn shaped_object() -> impl Strategy<Value = Value> {
    vec((field(), json_value()), 0..6)
        .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>()))
}

/// `{"field": token, …}` with number tokens serde_json's `Value` cannot hold.
pub fn odd_json_text() -> impl Strategy<Value = String> {
    vec((field(), prop::sample::select(NUMBER_TEXT)), 0..5).prop_map(|pairs| {
        let fields: Vec<String> = pairs
            .iter()
            .map(|(name, token)| format!("{}:{token}", Value::String(name.clone())))
            .collect();
        format!("{{{}}}", fields.join(","))
    })
}

/// A Raft log entry's command as a member would forward it, with any values.
pub fn envelope() -> impl Strategy<Value = Value> {
    let command = prop_oneof![
        Just(json!({"type": "seed_defaults"})),
        text().prop_map(|name| json!({"type": "register_voter", "name": name})),
        (text(), number(), text()).prop_map(|(name, voter_id, session_hash)| {
            json!({"type": "login", "name": name, "voter_id": voter_id, "session_hash": session_hash})
        }),
        (text(), number(), number(), number()).prop_map(|(hash, candidate, click, grace)| {
            json!({"type": "cast_vote", "session_hash": hash, "candidate_id": candidate,
                   "click_time_ms": click, "grace_ms": grace})
        }),
        number().prop_map(|end| json!({"type": "set_deadline", "end_time_ms": end})),
        any::<bool>().prop_map(|enabled| json!({"type": "set_live_results", "enabled": enabled})),
        Just(json!({"type": "start_voting"})),
        Just(json!({"type": "close_at_deadline"})),
        Just(json!({"type": "publish_results"})),
        (0usize..4, number(), proptest::option::of(text())).prop_map(|(kind, voter, hash)| {
            let kind = ["invitation", "reminder", "results", "spam"][kind];
            json!({"type": "queue_mail", "kind": kind,
                   "mails": [{"voter_id": voter, "credential_hash": hash}]})
        }),
        (0usize..4, number(), number(), number(), text()).prop_map(
            |(kind, voter, generation, attempt, error)| {
                let kind = ["invitation", "reminder", "results", "spam"][kind];
                let result = match attempt.as_u64().unwrap_or(0) % 3 {
                    0 => json!({"type": "sent"}),
                    1 => json!({"type": "deferred", "error": error, "retry_at_ms": attempt}),
                    _ => json!({"type": "failed", "error": error}),
                };
                json!({"type": "record_mail", "outcomes": [{"voter_id": voter, "kind": kind,
                       "generation": generation, "attempt": attempt, "result": result}]})
            }
        ),
    ];
    (
        command,
        number(),
        number(),
        number(),
        proptest::option::of(text()),
    )
        .prop_map(|(command, node_id, received, lamport, key)| {
            let mut envelope = json!({
                "command": command, "node_id": node_id,
                "received_at_ms": received, "lamport": lamport,
            });
            if let Some(key) = key {
                envelope["idempotency"] = json!({"key": key, "fingerprint": "f"});
            }
            envelope
        })
}
