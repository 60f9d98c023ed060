//! What a case sends: [`Step`]s drawn by proptest strategies, half of them the steps of a real
//! election (log in a default voter, start voting, vote) with extreme values mixed in, half
//! hostile requests to any route with any method, headers, query and body.
//!
//! A step names what it needs from the running election through placeholders (the admin
//! token, the n-th session this election handed out, an idempotency key used before, the
//! server's "now"); [`crate::node`] resolves them when it sends the step.

use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::values::{
    envelope, json_value, number, odd_json_text, shaped_object, text, NUMBER_TEXT,
};

/// One request of a case.
#[derive(Debug, Clone)]
pub enum Step {
    /// `POST /api/login` of a default voter (1–10) or a registered one (11 and up), its name
    /// in some spelling.
    Login {
        voter: u32,
        spelling: Spelling,
        key: Key,
    },
    /// `POST /api/register` with any name.
    Register { name: String, key: Key },
    /// `POST /api/vote` with a known (or garbage) session.
    Vote {
        session: SessionRef,
        candidate_id: u32,
        /// Sent as `answers` instead of `candidate_id`: a ballot of questions, well-formed or
        /// not (the default election has one question, `main`).
        answers: Option<Value>,
        click: Click,
        lamport: u64,
        key: Key,
        header_lamport: Lamport,
    },
    /// `GET /api/me`.
    Me { session: SessionRef },
    /// An admin command with the right token (and odd values where it takes any).
    Admin { action: AdminAction, key: Key },
    /// The same vote sent several times at once (races between workers and retries).
    Burst {
        session: SessionRef,
        candidate_id: u32,
        key: Key,
        copies: usize,
    },
    /// The last successful write with an idempotency key, sent again as it was: it must get
    /// the same answer (exactly once).
    Retry,
    /// `POST /raft/propose` with the cluster secret: a log entry as a member forwards it, with
    /// any values (the state machine's `apply` must be total).
    Propose(Value),
    /// Anything to any route.
    Raw(Raw),
}

/// How a default voter's name is written.
#[derive(Debug, Clone, Copy)]
pub enum Spelling {
    Exact,
    Upper,
    Padded,
    Wrong,
}

/// A session the election handed out (by index, wrapping), or none that exists.
#[derive(Debug, Clone)]
pub enum SessionRef {
    Known(usize),
    Garbage(String),
}

/// A click time: near the server's "now" (an offset in ms) or any value.
#[derive(Debug, Clone, Copy)]
pub enum Click {
    Now(i64),
    Fixed(i64),
}

/// The `x-lamport` header.
#[derive(Debug, Clone)]
pub enum Lamport {
    Absent,
    /// Around the 2^40 a client may be ahead (the node's clock is small in a test).
    Near(u64),
    Value(u64),
    Text(String),
}

/// The `Idempotency-Key` header.
#[derive(Debug, Clone)]
pub enum Key {
    Absent,
    /// `fuzz-<n>`: valid, and likely to be reused within a case.
    Fresh(u16),
    /// A key sent earlier in this election (by index, wrapping), with another request.
    Reuse(usize),
    /// Any bytes: mostly invalid.
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone)]
pub enum AdminAction {
    Start,
    Stop,
    Publish,
    LiveResults(bool),
    Deadline(Value),
    /// `POST …/mail` of the original election (names and ids, so an invitation is refused;
    /// reminders and results are queued to voters without an email: none is sent).
    Mail(Value),
}

/// The `Authorization` header of a raw request.
#[derive(Debug, Clone)]
pub enum Auth {
    Absent,
    Admin,
    Session(usize),
    Bytes(Vec<u8>),
}

/// A request built from parts, any of them hostile.
#[derive(Debug, Clone)]
pub struct Raw {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub auth: Auth,
    /// Whether to send the right cluster secret (only to the member routes that are safe to
    /// call with it; see [`crate::node`]).
    pub cluster_secret: Option<bool>,
    pub lamport: Lamport,
    pub key: Key,
    pub content_type: Option<String>,
    pub headers: Vec<(String, Vec<u8>)>,
    pub body: Body,
}

#[derive(Debug, Clone)]
pub enum Body {
    Empty,
    Json(Value),
    /// JSON text serde_json's `Value` cannot hold (numbers out of range, NaN, lone surrogates).
    Text(String),
    Bytes(Vec<u8>),
    /// `depth` nested arrays or objects.
    Nested {
        depth: usize,
        objects: bool,
    },
    /// A JSON string of `len` characters (beyond the 64 KB limit when large).
    Huge {
        len: usize,
    },
}

/// Every route the node serves, plus near misses.
pub const PATHS: &[&str] = &[
    "/api/register",
    "/api/login",
    "/api/me",
    "/api/options",
    "/api/time",
    "/api/vote",
    "/api/results",
    "/api/notifications",
    "/api/admin/deadline",
    "/api/admin/live-results",
    "/api/admin/start",
    "/api/admin/stop",
    "/api/admin/publish",
    "/api/admin/voters",
    "/api/admin/status",
    "/api/admin/events",
    "/api/cluster/status",
    "/api/openapi.json",
    "/api/elections",
    "/api/elections/default",
    "/api/elections/default/login",
    "/api/elections/default/register",
    "/api/elections/default/vote",
    "/api/elections/default/me",
    "/api/elections/default/options",
    "/api/elections/default/results",
    "/api/elections/default/notifications",
    "/api/elections/default/export/results.csv",
    "/api/elections/no-such-one/options",
    "/api/elections/default/log/tree",
    "/api/elections/default/log/checkpoint",
    "/api/log/keys",
    "/raft/cosign",
    "/raft/log-key",
    "/api/elections/default/log/entries",
    "/api/elections/default/log/inclusion",
    "/api/elections/default/log/consistency",
    "/api/elections/%00/vote",
    "/api/elections/ab/login",
    "/api/admin/elections",
    "/api/admin/elections/default",
    "/api/admin/elections/fuzzed-1",
    "/api/admin/elections/default/voters",
    "/api/admin/elections/default/voters/1/credential",
    "/api/admin/elections/default/voters/-1/credential",
    "/api/admin/elections/default/voters/99999999999/credential",
    "/api/admin/elections/default/start",
    "/api/admin/elections/default/deadline",
    "/api/admin/elections/default/status",
    "/api/admin/elections/default/mail",
    "/api/admin/elections/fuzzed-1/mail",
    "/api/admin/elections/default/events",
    "/api/admin/elections/default/export/results.csv",
    "/api/admin/elections/default/export/turnout.csv",
    "/api/admin/elections/default/export/events.ndjson",
    "/health",
    "/health/live",
    "/ws",
    "/raft/propose",
    "/raft/read-index",
    "/raft/join",
    "/raft/member",
    "/raft/clock",
    "/raft/append",
    "/raft/vote",
    "/raft/pre-vote",
    "/raft/snapshot",
    "/raft/transfer-leader",
    "/",
    "/admin",
    "/tally",
    "/index.html",
    "/assets/app.js",
    "/assets",
    "/api",
    "/api/",
    "/api/admin",
    "/api/admin/",
    "/api/admin/voters/",
    "/api/%61dmin/voters",
    "/API/ADMIN/VOTERS",
    "/raft",
    "/raft/",
    "/raft/unknown",
    "//api//vote",
    "/api/vote/..",
    "/../etc/passwd",
    "/assets/%2e%2e/%2e%2e/Cargo.toml",
    "/%00",
    "/a%00b",
    "/%ff%fe",
    "/%e2%80%8b",
    "/api/admin/%00",
];

const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "FUZZ",
];

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        3 => Just(Body::Empty),
        6 => shaped_object().prop_map(Body::Json),
        2 => json_value().prop_map(Body::Json),
        1 => envelope().prop_map(Body::Json),
        3 => odd_json_text().prop_map(Body::Text),
        2 => vec(any::<u8>(), 0..64).prop_map(Body::Bytes),
        // A JSON string holding bytes that are not UTF-8.
        1 => vec(any::<u8>(), 0..16).prop_map(|bytes| {
            let mut body = b"{\"name\":\"".to_vec();
            body.extend(bytes);
            body.extend(b"\xff\xfe\"}");
            Body::Bytes(body)
        }),
        1 => (1usize..5000, any::<bool>()).prop_map(|(depth, objects)| Body::Nested { depth, objects }),
        1 => prop_oneof![Just(70_000usize), 1usize..2000].prop_map(|len| Body::Huge { len }),
    ]
}

fn key() -> impl Strategy<Value = Key> {
    prop_oneof![
        4 => Just(Key::Absent),
        3 => (0u16..8).prop_map(Key::Fresh),
        2 => any::<usize>().prop_map(Key::Reuse),
        1 => prop_oneof![
            Just(b"".to_vec()),
            Just(b" ".to_vec()),
            Just(vec![b'k'; 65]),
            Just("ключ".as_bytes().to_vec()),
            Just(b"a b".to_vec()),
            Just(b"\xff".to_vec()),
            vec(any::<u8>(), 0..80),
        ]
        .prop_map(Key::Bytes),
    ]
}

fn lamport() -> impl Strategy<Value = Lamport> {
    prop_oneof![
        6 => Just(Lamport::Absent),
        1 => prop_oneof![Just(0u64), Just(1 << 40), Just((1 << 40) + 1), any::<u64>()]
            .prop_map(Lamport::Near),
        1 => prop_oneof![Just(0u64), Just(u64::MAX), Just(u64::MAX - 1), any::<u64>()]
            .prop_map(Lamport::Value),
        1 => prop_oneof![
            Just("-1".to_string()),
            Just("18446744073709551616".to_string()),
            Just(" 7 ".to_string()),
            Just("1e3".to_string()),
            Just("0x10".to_string()),
            Just(String::new()),
            "[0-9a-z+-]{0,25}",
        ]
        .prop_map(Lamport::Text),
    ]
}

fn session() -> impl Strategy<Value = SessionRef> {
    prop_oneof![
        8 => any::<usize>().prop_map(SessionRef::Known),
        1 => text().prop_map(SessionRef::Garbage),
    ]
}

/// A ballot of answers: mostly the default election's one question with ids in and out of
/// range, repeats and ranked-equal groups; sometimes other questions or any JSON at all.
fn answers() -> impl Strategy<Value = Value> {
    let item = prop_oneof![
        6 => candidate().prop_map(Value::from),
        1 => vec(candidate(), 0..3).prop_map(Value::from),
        1 => json_value(),
    ];
    let answer = prop_oneof![
        8 => vec(item, 0..4).prop_map(Value::Array),
        1 => json_value(),
    ];
    let question = prop_oneof![8 => Just("main".to_string()), 1 => text()];
    prop_oneof![
        8 => proptest::collection::btree_map(question, answer, 0..3)
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        1 => json_value(),
    ]
}

fn candidate() -> impl Strategy<Value = u32> {
    prop_oneof![8 => 1u32..=10, 1 => Just(0u32), 1 => any::<u32>()]
}

fn click() -> impl Strategy<Value = Click> {
    prop_oneof![
        8 => Just(Click::Now(0)),
        2 => (-20_000i64..1_000).prop_map(Click::Now),
        1 => prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(0i64), any::<i64>()].prop_map(Click::Fixed),
    ]
}

fn admin_action() -> impl Strategy<Value = AdminAction> {
    // Stopping and publishing end the election: rare, so most of an election's cases meet it
    // open. Deadlines are mostly far away, sometimes a millisecond ahead (the timer closes).
    let deadline = prop_oneof![
        number().prop_map(|end| json!({"end_time_ms": end})),
        number().prop_map(|minutes| json!({"minutes": minutes})),
        (number(), number())
            .prop_map(|(end, minutes)| json!({"end_time_ms": end, "minutes": minutes})),
        Just(json!({})),
        Just(json!({"minutes": 600})),
        Just(json!({"minutes": 0.0005})),
    ];
    prop_oneof![
        40 => Just(AdminAction::Start),
        1 => Just(AdminAction::Stop),
        1 => Just(AdminAction::Publish),
        8 => any::<bool>().prop_map(AdminAction::LiveResults),
        6 => deadline.prop_map(AdminAction::Deadline),
        3 => (0usize..4, 0usize..4, proptest::option::of(vec(number(), 0..4))).prop_map(
            |(kind, to, voter_ids)| {
                let kind = ["invitation", "reminder", "results", "junk"][kind];
                let to = ["all", "not_sent", "not_voted", "someone"][to];
                let mut body = json!({"kind": kind, "to": to});
                if let Some(ids) = voter_ids {
                    body["voter_ids"] = json!(ids);
                }
                AdminAction::Mail(body)
            }
        ),
    ]
}

fn header_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        text().prop_map(String::into_bytes),
        vec(any::<u8>(), 0..40),
        Just(b"bytes=0-0,5-1,-1".to_vec()),
        Just(b"bytes=99999999999999999999-".to_vec()),
        Just(b"*".to_vec()),
        Just(b"Thu, 01 Jan 1970 00:00:00 GMT".to_vec()),
        Just(b"gzip, br, zstd".to_vec()),
        Just(b"websocket".to_vec()),
        Just(b"upgrade".to_vec()),
        Just(b"13".to_vec()),
        Just(b"dGhlIHNhbXBsZSBub25jZQ==".to_vec()),
        (1usize..100_000).prop_map(|n| vec![b'7'; n]),
    ]
}

fn extra_headers() -> impl Strategy<Value = Vec<(String, Vec<u8>)>> {
    let name = prop_oneof![
        Just("range".to_string()),
        Just("if-none-match".to_string()),
        Just("if-modified-since".to_string()),
        Just("if-unmodified-since".to_string()),
        Just("if-match".to_string()),
        Just("if-range".to_string()),
        Just("accept-encoding".to_string()),
        Just("connection".to_string()),
        Just("upgrade".to_string()),
        Just("sec-websocket-version".to_string()),
        Just("sec-websocket-key".to_string()),
        Just("x-forwarded-for".to_string()),
        // A second copy of the headers the node reads.
        Just("x-lamport".to_string()),
        Just("idempotency-key".to_string()),
        Just("authorization".to_string()),
        Just("x-cluster-secret".to_string()),
        Just("content-length".to_string()),
        Just("transfer-encoding".to_string()),
        Just("expect".to_string()),
        "[a-z-]{1,12}",
    ];
    vec((name, header_bytes()), 0..3)
}

fn auth() -> impl Strategy<Value = Auth> {
    prop_oneof![
        3 => Just(Auth::Absent),
        2 => Just(Auth::Admin),
        2 => any::<usize>().prop_map(Auth::Session),
        2 => prop_oneof![
            Just(b"Bearer ".to_vec()),
            Just(b"Bearer".to_vec()),
            Just(b"bearer test-admin-token-for-fuzzing".to_vec()),
            Just(b"Basic dGVzdDp0ZXN0".to_vec()),
            Just(b"Bearer test-admin-token-for-fuzzin".to_vec()),
            Just(b"Bearer test-admin-token-for-fuzzingg".to_vec()),
            Just(b"Bearer  test-admin-token-for-fuzzing\xff".to_vec()),
            (1usize..100_000).prop_map(|n| format!("Bearer {}", "t".repeat(n)).into_bytes()),
            text().prop_map(|t| format!("Bearer {t}").into_bytes()),
            vec(any::<u8>(), 0..40),
        ]
        .prop_map(Auth::Bytes),
    ]
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        6 => Just(Some("application/json".to_string())),
        2 => Just(None),
        1 => Just(Some("application/json; charset=utf-16".to_string())),
        1 => Just(Some("application/vnd.ballot+json".to_string())),
        1 => Just(Some("text/plain".to_string())),
        1 => Just(Some("application/jsonx".to_string())),
        1 => Just(Some("multipart/form-data; boundary=x".to_string())),
        1 => "[a-z/;= -]{0,30}".prop_map(Some),
    ]
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => prop::sample::select(PATHS).prop_map(str::to_string),
        1 => "(/[a-zA-Z0-9._~%-]{0,20}){1,4}",
        1 => (1usize..400).prop_map(|n| format!("/{}", "a".repeat(n))),
        1 => (prop::sample::select(PATHS), "[a-z%0-9./]{1,10}")
            .prop_map(|(base, tail)| format!("{base}{tail}")),
    ]
}

fn query() -> impl Strategy<Value = Option<String>> {
    let value = prop_oneof![
        prop::sample::select(NUMBER_TEXT).prop_map(str::to_string),
        Just("18446744073709551615".to_string()),
        Just("9223372036854775808".to_string()),
        Just("test-admin-token-for-fuzzing".to_string()),
        "[a-z0-9%+&=]{0,12}",
    ];
    let pair = (
        prop::sample::select(&["after", "limit", "admin_token", "x", ""][..]),
        value,
    )
        .prop_map(|(name, value)| format!("{name}={value}"));
    prop_oneof![
        3 => Just(None),
        3 => vec(pair, 1..4).prop_map(|pairs| Some(pairs.join("&"))),
        1 => "[a-zA-Z0-9%&=+]{0,30}".prop_map(Some),
    ]
}

fn raw() -> impl Strategy<Value = Raw> {
    let method = prop_oneof![
        4 => Just("GET".to_string()),
        4 => Just("POST".to_string()),
        3 => prop::sample::select(METHODS).prop_map(str::to_string),
    ];
    let secret = prop_oneof![
        6 => Just(None),
        2 => Just(Some(true)),
        1 => Just(Some(false)),
    ];
    (
        (method, path(), query(), auth(), secret),
        (lamport(), key(), content_type(), extra_headers(), body()),
    )
        .prop_map(
            |(
                (method, path, query, auth, cluster_secret),
                (lamport, key, content_type, headers, body),
            )| Raw {
                method,
                path,
                query,
                auth,
                cluster_secret,
                lamport,
                key,
                content_type,
                headers,
                body,
            },
        )
}

fn step() -> impl Strategy<Value = Step> {
    let spelling = prop_oneof![
        6 => Just(Spelling::Exact),
        1 => Just(Spelling::Upper),
        1 => Just(Spelling::Padded),
        1 => Just(Spelling::Wrong),
    ];
    prop_oneof![
        3 => (1u32..=20, spelling, key())
            .prop_map(|(voter, spelling, key)| Step::Login { voter, spelling, key }),
        2 => (prop_oneof![3 => "[A-Z][a-z]{2,8}", 2 => text()], key())
            .prop_map(|(name, key)| Step::Register { name, key }),
        8 => (session(), candidate(), prop_oneof![3 => Just(None), 1 => answers().prop_map(Some)], click(), prop_oneof![6 => Just(0u64), 1 => Just(1 << 39), 1 => any::<u64>()], key(), lamport())
            .prop_map(|(session, candidate_id, answers, click, lamport, key, header_lamport)| Step::Vote {
                session, candidate_id, answers, click, lamport, key, header_lamport,
            }),
        1 => session().prop_map(|session| Step::Me { session }),
        2 => (admin_action(), key()).prop_map(|(action, key)| Step::Admin { action, key }),
        1 => (session(), candidate(), key(), 2usize..5)
            .prop_map(|(session, candidate_id, key, copies)| Step::Burst { session, candidate_id, key, copies }),
        1 => envelope().prop_map(Step::Propose),
        2 => Just(Step::Retry),
        16 => raw().prop_map(Step::Raw),
    ]
}

/// One case: a short sequence of steps against the same election.
pub fn case() -> impl Strategy<Value = Vec<Step>> {
    vec(step(), 1..=20)
}
