//! API fuzzing: sequences of valid and hostile requests against one real node, driven in
//! process through its router (no sockets), checked after every request and every case.
//!
//! - [`requests`]: the proptest strategies: election flows with extreme values, and requests
//!   to any route with any method, headers, query and body; [`values`]: what goes inside them.
//! - [`node`]: the node in process, the placeholders a step refers to, restarts.
//! - [`checks`]: what every answer and the election must satisfy.
//!
//! One node serves many cases; after [`ELECTION_CASES`] cases, or [`CLOSED_CASES`] once
//! voting has closed, it is restarted on its data directory (nothing may change) and replaced
//! by a fresh election, so that every phase is met again. [`LANES`] such nodes run side by side, each with its own stream of cases. `BALLOT_FUZZ_CASES` sets the number of cases (default 10,000),
//! `BALLOT_FUZZ_SEED` the seed (default: drawn, and printed). A run with the same seed sends
//! the same requests; `cargo xtask fuzz` runs this binary in release.

mod checks;
mod node;
mod requests;
mod values;

use std::path::Path;
use std::sync::Mutex;
use std::time::Instant;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use shared::dto::{LoginResponse, RegisterResponse};

use crate::node::Node;
use crate::requests::Step;

/// Cases per election before the restart check and a fresh data directory.
const ELECTION_CASES: u64 = 500;
/// A lane says how far it is every this many cases (long runs only).
const PROGRESS_CASES: u64 = 50_000;
/// Cases an election goes on after voting has closed, before a fresh one begins.
const CLOSED_CASES: u64 = 25;
/// A lane stops after this many failing cases (each later one starts a fresh election).
const MAX_FAILURES: usize = 5;
/// Cases run in this many lanes at once, each with its own node on its own thread. Fixed, so that a seed always draws the same cases.
const LANES: u64 = 2;

fn env_u64(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let parsed = value.trim().replace('_', "").parse();
    Some(parsed.unwrap_or_else(|_| panic!("{name} must be a whole number, not {value:?}")))
}

#[test]
fn hostile_request_sequences_never_break_the_node_or_the_election() {
    let cases = env_u64("BALLOT_FUZZ_CASES").unwrap_or(10_000);
    let seed = env_u64("BALLOT_FUZZ_SEED").unwrap_or_else(rand_seed);
    println!("fuzz: {cases} cases, seed {seed} (BALLOT_FUZZ_SEED={seed} repeats this run)");
    watch_panics();
    let started = Instant::now();
    let lanes = (0..LANES).map(|lane| {
        let share = cases / LANES + u64::from(lane < cases % LANES);
        // Drawing a case walks proptest's nested strategies, deeper than a thread's default
        // stack in a debug build. Each lane drives its node on its own one-thread runtime.
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a runtime");
                runtime.block_on(run_lane(lane, share, seed))
            })
            .expect("a thread")
    });
    let lanes: Vec<_> = lanes.collect();
    let mut report = Report::default();
    for lane in lanes {
        let lane = lane.join().expect("a lane does not panic");
        report.cases += lane.cases;
        report.requests += lane.requests;
        report.votes += lane.votes;
        report.retries += lane.retries;
        for (total, lane) in report.classes.iter_mut().zip(lane.classes) {
            *total += lane;
        }
        report.failures.extend(lane.failures);
    }
    println!(
        "fuzz: {} cases, {} requests in {:.1} s, {} failures, seed {seed}",
        report.cases,
        report.requests,
        started.elapsed().as_secs_f64(),
        report.failures.len()
    );
    let [ok, moved, refused, unavailable] = report.classes;
    println!(
        "fuzz: answers 2xx {ok}, 3xx {moved}, 4xx {refused}, 5xx {unavailable}; \
         {} votes counted, {} retries answered as the first time",
        report.votes, report.retries
    );
    for failure in &report.failures {
        println!("fuzz: FAILED {failure}");
    }
    assert!(
        report.failures.is_empty(),
        "{} failing cases; repeat with BALLOT_FUZZ_SEED={seed} BALLOT_FUZZ_CASES={cases}",
        report.failures.len(),
    );
}

/// Panics anywhere in the process, background tasks included (a panicking task of the node
/// would otherwise die unseen). Taken after every case.
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn watch_panics() {
    let print = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut panics) = PANICS.lock() {
            panics.push(info.to_string());
        }
        print(info);
    }));
}

fn no_panic_since_last_case() -> Result<(), String> {
    let panics = std::mem::take(&mut *PANICS.lock().unwrap_or_else(|p| p.into_inner()));
    match panics.is_empty() {
        true => Ok(()),
        false => Err(format!("something panicked: {panics:?}")),
    }
}

fn rand_seed() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::time::SystemTime::now())
}

#[derive(Default)]
struct Report {
    cases: u64,
    requests: u64,
    /// Answers by status class (2xx, 3xx, 4xx, 5xx), to see what the run reached.
    classes: [u64; 4],
    /// Votes acknowledged.
    votes: u64,
    /// Retried writes whose answer was compared with the first.
    retries: u64,
    failures: Vec<String>,
}

/// One lane: its own node and its own stream of cases, drawn from the seed and the lane.
async fn run_lane(lane: u64, cases: u64, seed: u64) -> Report {
    // XorShift: a tenth of ChaCha's cost in a debug build, and as reproducible.
    let mut seed_bytes = [0u8; 16];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    seed_bytes[8..].copy_from_slice(&lane.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::XorShift, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = requests::case();
    let dist = dashboards();
    let mut node = Node::fresh(dist.path()).await;
    let mut log = checks::Log::default();
    let mut report = Report::default();
    let started = Instant::now();
    for case in 0..cases {
        let steps = strategy
            .new_tree(&mut runner)
            .expect("a case can be drawn")
            .current();
        report.cases += 1;
        let mut outcome = run_case(&mut node, &steps, &mut report).await;
        outcome = outcome.and_then(|()| no_panic_since_last_case());
        if outcome.is_ok() {
            outcome = checks::election(&node, &mut log).await;
        }
        let last = case + 1 == cases;
        // Once voting has closed, little is left to reach: a fresh election soon after.
        let election_over = log.cases >= ELECTION_CASES || log.cases_closed >= CLOSED_CASES;
        if outcome.is_ok() && (election_over || last) {
            outcome = restart_unchanged(&mut node).await;
        }
        if (case + 1) % PROGRESS_CASES == 0 {
            let seconds = started.elapsed().as_secs_f64();
            println!("fuzz: lane {lane}: {} cases in {seconds:.0} s", case + 1);
        }
        let failed = outcome.is_err();
        if let Err(problem) = outcome {
            report.failures.push(format!(
                "lane {lane} case {case} (seed {seed}): {problem}\n  steps: {steps:?}"
            ));
            if report.failures.len() >= MAX_FAILURES {
                break;
            }
        }
        // A failed case leaves the election in a state nobody checked: start afresh.
        if !last && (failed || election_over) {
            node.stop().await;
            node = Node::fresh(dist.path()).await;
            log = checks::Log::default();
        }
    }
    node.stop().await;
    report
}

/// Sends a case's steps in order (a burst's copies at once), checking every answer.
async fn run_case(node: &mut Node, steps: &[Step], report: &mut Report) -> Result<(), String> {
    for (index, step) in steps.iter().enumerate() {
        let first = node.handed.last_keyed.clone();
        let batch = node.requests(step);
        report.requests += batch.len() as u64;
        let (sent, requests): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
        let answers =
            futures_util::future::join_all(requests.into_iter().map(|r| node.send(r))).await;
        for (sent, answer) in sent.iter().zip(answers) {
            let at = format!("step {index}: {} {}", sent.method, sent.path);
            let answer = answer.map_err(|problem| format!("{at}: {problem}"))?;
            checks::answer(sent, &answer).map_err(|problem| format!("{at}: {problem}"))?;
            if let (Step::Retry, Some((_, first))) = (step, &first) {
                checks::same_answer(first, &answer)
                    .map_err(|problem| format!("{at}: {problem}"))?;
                report.retries += 1;
            }
            let class = usize::from(answer.status.as_u16() / 100).clamp(2, 5) - 2;
            report.classes[class] += 1;
            if answer.status.is_success() && sent.path == "/api/vote" {
                report.votes += 1;
            }
            remember(node, sent, &answer);
        }
    }
    Ok(())
}

/// Keeps what the election handed out: sessions from logins, registered voters, voters whose
/// vote was accepted.
fn remember(node: &mut Node, sent: &node::Sent, answer: &node::Answer) {
    if !answer.status.is_success() || sent.method != axum::http::Method::POST {
        return;
    }
    if sent.body.is_some() && keyed(sent) {
        if let Ok(first) = serde_json::from_slice(&answer.body) {
            node.handed.last_keyed = Some((sent.clone(), first));
        }
    }
    match sent.path.as_str() {
        "/api/login" => {
            if let Ok(login) = serde_json::from_slice::<LoginResponse>(&answer.body) {
                node.handed.sessions.push((login.session, login.voter_id));
            }
        }
        "/api/register" => {
            if let Ok(voter) = serde_json::from_slice::<RegisterResponse>(&answer.body) {
                node.handed.registered.push((voter.name, voter.voter_id));
            }
        }
        "/api/vote" => {
            let session = sent.body.as_ref().and_then(|b| b["session"].as_str());
            let voter = node
                .handed
                .sessions
                .iter()
                .find(|(token, _)| Some(token.as_str()) == session)
                .map(|(_, voter)| *voter);
            node.handed.acknowledged.extend(voter);
        }
        _ => {}
    }
}

/// Whether a request carries a valid idempotency key (so a retry must get the same answer).
fn keyed(sent: &node::Sent) -> bool {
    let key = sent
        .headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok());
    key.is_some_and(shared::dto::valid_idempotency_key)
}

/// Restarts the node on its data directory and compares the state before and after.
async fn restart_unchanged(node: &mut Node) -> Result<(), String> {
    let before = checks::snapshot(node).await?;
    node.restart().await;
    let after = checks::snapshot(node).await?;
    checks::same_after_restart(&before, &after)
}

/// A stand-in for trunk's `dist/`: an index page and one asset.
fn dashboards() -> tempfile::TempDir {
    let dist = tempfile::tempdir().expect("a temporary directory");
    let write = |path: &str, text: &str| {
        let path = dist.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("a folder");
        std::fs::write(path, text).expect("a file");
    };
    write("index.html", "<!doctype html><title>Ballot</title>");
    write("assets/app.js", "console.log('ballot')");
    dist
}
