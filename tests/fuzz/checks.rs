//! What must hold, whatever was sent: for every answer (no 5xx but the documented 503s, errors
//! as `{error, message}`, nothing privileged without its credential), and for the election
//! after every case (counts equal the voters who voted, nobody counted twice, acknowledged
//! votes recorded, the same state after a restart).

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use serde_json::Value;
use shared::dto::{ErrorBody, EventsResponse, ResultsResponse, VotersResponse};
use shared::{AuditPayload, ErrorCode, Phase};

use crate::node::{Answer, Node, Sent, ADMIN_TOKEN, CLUSTER_SECRET};

/// The 503s the API documents; any other 5xx is a hole.
const UNAVAILABLE_CODES: [ErrorCode; 3] = [
    ErrorCode::Unavailable,
    ErrorCode::QueueFull,
    ErrorCode::TooManyConnections,
];

/// The path percent-decoded: what "an admin route" means however it is spelled.
fn decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether an answer is one of the stand-in dashboard files (see `dashboards` in `main`).
fn is_dashboard_file(body: &[u8]) -> bool {
    body.starts_with(b"<!doctype html>") || body.starts_with(b"console.log")
}

/// The API's own namespaces: never answered by the dashboards.
fn in_api_namespace(path: &str) -> bool {
    ["/api", "/raft"]
        .iter()
        .any(|prefix| path == *prefix || path.starts_with(&format!("{prefix}/")))
}

fn header<'a>(sent: &'a Sent, name: &str) -> Option<&'a str> {
    sent.headers.get(name).and_then(|v| v.to_str().ok())
}

/// Whether the request carries the admin token as the node reads it (`Authorization: Bearer`,
/// the first such header, trimmed).
fn carries_admin_token(sent: &Sent) -> bool {
    let bearer = header(sent, "authorization").and_then(|v| v.strip_prefix("Bearer "));
    // Only the header: `?admin_token=` is for `/ws`, and must open no admin route.
    bearer.map(str::trim) == Some(ADMIN_TOKEN)
}

/// Checks one answer; `Err` says what is wrong with it.
pub fn answer(sent: &Sent, answer: &Answer) -> Result<(), String> {
    let status = answer.status;
    let path = decoded(&sent.path);
    let dashboard = is_dashboard_file(&answer.body);
    let api = ["/api", "/raft", "/health", "/ws"]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    if status.is_server_error() {
        let code = serde_json::from_slice::<ErrorBody>(&answer.body).map(|b| b.error);
        let allowed = status == StatusCode::SERVICE_UNAVAILABLE
            && code.as_ref().is_ok_and(|c| UNAVAILABLE_CODES.contains(c));
        if !allowed {
            return Err(format!(
                "a server error: {status} {:?}",
                lossy(&answer.body)
            ));
        }
    }
    if status.is_redirection() && api {
        return Err(format!("an API route redirected: {status}"));
    }
    if !status.is_success() && !status.is_redirection() && sent.method != Method::HEAD {
        let body: ErrorBody = serde_json::from_slice(&answer.body).map_err(|error| {
            format!(
                "a {status} whose body is not {{error, message}} ({error}): {:?}",
                lossy(&answer.body)
            )
        })?;
        if body.message.trim().is_empty() || body.error == ErrorCode::Unknown {
            return Err(format!(
                "a {status} with an empty message or unknown code: {body:?}"
            ));
        }
    }
    // The dashboards serve their own files and nothing else from the disk (no traversal).
    let readable = sent.method != Method::HEAD && status == StatusCode::OK;
    if readable && !api && !dashboard {
        return Err(format!(
            "a dashboard path answered something else: {:?}",
            lossy(&answer.body)
        ));
    }
    if status.is_success() && dashboard && in_api_namespace(&path) {
        return Err(format!(
            "{path} is the API's and was answered by the dashboards"
        ));
    }
    // A dashboard file is public; paths are case-sensitive, so `/API/ADMIN` is a dashboard
    // route, but `%61` in a path must not reach `/api/admin` unguarded.
    // A HEAD has no body to tell a dashboard file by: there the path is taken as routed.
    let lower = if sent.method == Method::HEAD {
        path.clone()
    } else {
        path.to_ascii_lowercase()
    };
    let under = |prefix: &str| lower == prefix || lower.starts_with(&format!("{prefix}/"));
    if status.is_success() && !dashboard {
        if under("/api/admin") && !carries_admin_token(sent) {
            return Err(format!(
                "an admin route answered {status} without the admin token"
            ));
        }
        if under("/raft") && header(sent, "x-cluster-secret") != Some(CLUSTER_SECRET) {
            return Err(format!(
                "a member route answered {status} without the cluster secret"
            ));
        }
        if sent.method == Method::GET {
            pages_start_after(sent, &path, answer)?;
        }
    }
    Ok(())
}

/// `?after=n` on the audit log and the feed returns only events after `n`.
fn pages_start_after(sent: &Sent, path: &str, answer: &Answer) -> Result<(), String> {
    let Some(after) = sent.query.as_deref().and_then(|query| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix("after="))
            .and_then(|n| n.parse::<u64>().ok())
    }) else {
        return Ok(());
    };
    let body: Value = serde_json::from_slice(&answer.body).unwrap_or_default();
    let list = match path {
        "/api/admin/events" => &body["events"],
        "/api/notifications" => &body["notifications"],
        _ => return Ok(()),
    };
    let seqs = list
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["seq"].as_u64());
    match seqs.into_iter().find(|seq| *seq <= after) {
        Some(seq) => Err(format!("{path}?after={after} returned seq {seq}")),
        None => Ok(()),
    }
}

fn lossy(body: &[u8]) -> String {
    String::from_utf8_lossy(&body[..body.len().min(300)]).into_owned()
}

/// The audit log read so far in this election: the voters a `vote_cast` names.
#[derive(Debug, Default)]
pub struct Log {
    after: u64,
    pub voted: BTreeSet<u32>,
    /// Cases checked in this election, and how many of them after voting closed.
    pub cases: u64,
    pub cases_closed: u64,
}

/// The election's invariants through the API, reading only the log's new events.
pub async fn election(node: &Node, log: &mut Log) -> Result<(), String> {
    loop {
        let page = node
            .admin_json(&format!(
                "/api/admin/events?after={}&limit=10000",
                log.after
            ))
            .await?;
        let page: EventsResponse = serde_json::from_value(page).map_err(|e| e.to_string())?;
        let Some(last) = page.events.last() else {
            break;
        };
        log.after = last.seq;
        for event in &page.events {
            if let AuditPayload::Vote(vote) = &event.payload {
                if !log.voted.insert(vote.voter_id) {
                    return Err(format!("voter {} has two vote_cast events", vote.voter_id));
                }
            }
        }
    }
    let voters: VotersResponse =
        serde_json::from_value(node.admin_json("/api/admin/voters").await?)
            .map_err(|e| e.to_string())?;
    let results: ResultsResponse = serde_json::from_value(node.admin_json("/api/results").await?)
        .map_err(|e| e.to_string())?;
    let has_voted: BTreeSet<u32> = voters
        .voters
        .iter()
        .filter(|v| v.has_voted)
        .map(|v| v.voter_id)
        .collect();
    if has_voted != log.voted {
        return Err(format!(
            "voters with has_voted {has_voted:?} != vote_cast events {:?}",
            log.voted
        ));
    }
    if voters.voted != has_voted.len() as u64 || voters.total != voters.voters.len() as u64 {
        return Err(format!(
            "the voter table's totals disagree with its rows: {voters:?}"
        ));
    }
    if results.total_votes != voters.voted || results.eligible_voters != voters.total {
        return Err(format!(
            "results count {} votes of {} voters, the voter table {} of {}",
            results.total_votes, results.eligible_voters, voters.voted, voters.total
        ));
    }
    // Every ballot is one candidate's or blank (a ballot of answers may leave `main` blank).
    let counted: u64 = results.counts.iter().map(|c| c.votes).sum();
    let blank = results.questions.first().map_or(0, |q| q.blank);
    if results.counts_visible && counted + blank != results.total_votes {
        return Err(format!(
            "the counts add up to {counted} and {blank} blank, not {}",
            results.total_votes
        ));
    }
    if let Some(voter) = node
        .handed
        .acknowledged
        .iter()
        .find(|v| !has_voted.contains(v))
    {
        return Err(format!(
            "voter {voter}'s vote was acknowledged but is not recorded"
        ));
    }
    log.cases += 1;
    if results.phase >= Phase::Closed {
        log.cases_closed += 1;
    }
    Ok(())
}

/// A retried write's answer: the first one's, but for what it reports about now (the node's
/// Lamport time, an admin command's current phase).
pub fn same_answer(first: &Value, answer: &Answer) -> Result<(), String> {
    let now_fields = ["lamport", "phase", "deadline_ms", "live_results"];
    let strip = |value: &Value| {
        let mut value = value.clone();
        if let Some(fields) = value.as_object_mut() {
            fields.retain(|name, _| !now_fields.contains(&name.as_str()));
        }
        value
    };
    let again: Value = serde_json::from_slice(&answer.body).unwrap_or_default();
    if !answer.status.is_success() || strip(&again) != strip(first) {
        return Err(format!(
            "a retry answered {} {again}, the first time {first}",
            answer.status
        ));
    }
    Ok(())
}

/// What a restart must not change: the log, the voter table and the results.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    events: Vec<Value>,
    voters: Value,
    results: Value,
}

pub async fn snapshot(node: &Node) -> Result<Snapshot, String> {
    let events = node.admin_json("/api/admin/events?limit=10000").await?;
    Ok(Snapshot {
        events: events["events"].as_array().cloned().unwrap_or_default(),
        voters: node.admin_json("/api/admin/voters").await?,
        results: node.admin_json("/api/results").await?,
    })
}

/// Compares the state before and after a restart. The deadline timer may have closed voting
/// meanwhile (one more event); then the log must only have grown and the votes be the same.
pub fn same_after_restart(before: &Snapshot, after: &Snapshot) -> Result<(), String> {
    if after.events.len() < before.events.len()
        || after.events[..before.events.len()] != before.events[..]
    {
        return Err("the log changed across a restart".into());
    }
    if after.voters != before.voters {
        return Err(format!(
            "the voter table changed across a restart: {:?} -> {:?}",
            before.voters, after.voters
        ));
    }
    let grown = after.events.len() > before.events.len();
    let same_votes = after.results["total_votes"] == before.results["total_votes"];
    if (grown && !same_votes) || (!grown && after.results != before.results) {
        return Err(format!(
            "the results changed across a restart: {} -> {}",
            before.results, after.results
        ));
    }
    Ok(())
}
