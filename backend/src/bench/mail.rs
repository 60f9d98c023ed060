//! `ballot bench-mail`: how fast the leader mails a whole roll. Starts three replicas of this
//! very binary with an SMTP server (`--smtp-url`, or aiosmtpd's sink started here from
//! Debian's `python3-aiosmtpd`), imports `--voters` voters with emails into a credential
//! election, asks for invitations to all of them and times until every mail is recorded sent
//! (or failed) in the replicated log. Figures are printed, never asserted.

use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use serde_json::json;
use shared::mail::{MailQueuedResponse, MailStatusResponse};
use tokio::process::{Child, Command};

use super::catchup::spawn_member;
use super::failover::wait_for_majority_leader;
use crate::config::MailBenchArgs;
use crate::local_cluster::{die_with_parent, free_port_block, ClusterSecret, Launch, Layout};

/// Both the cluster secret and the admin token of the bench's own throw-away replicas.
const SECRET: &str = "mail-bench-secret-0123";
const ELECTION: &str = "mail-bench";

pub async fn run(args: MailBenchArgs) -> anyhow::Result<()> {
    let _ = std::fs::remove_dir_all(&args.data_dir);
    std::fs::create_dir_all(&args.data_dir)
        .with_context(|| format!("creating {}", args.data_dir.display()))?;
    let mut sink = None;
    let smtp_url = match &args.smtp_url {
        Some(url) => url.clone(),
        None => {
            let port = free_port_block(1).context("a free port for the SMTP sink")?;
            sink = Some(start_sink(port)?);
            format!("smtp://127.0.0.1:{port}")
        }
    };
    let exe = std::env::current_exe().context("finding the ballot binary")?;
    let layout = Layout::consecutive(args.base_port, 3, false)?;
    let launch = Launch {
        exe: &exe,
        data_dir: &args.data_dir,
        admin_token: SECRET,
        cluster_secret: ClusterSecret::Value(SECRET),
    };
    let env = [
        ("BALLOT_SMTP_URL", smtp_url),
        ("BALLOT_MAIL_RATE", args.mail_rate.to_string()),
        ("BALLOT_PUBLIC_URL", layout.url(1)),
    ];
    let mut members = Vec::new();
    for id in layout.ids() {
        members.push(spawn_member(&layout, &launch, id, &env)?);
    }
    let outcome = measure(&args, &layout).await;
    for member in &mut members {
        let _ = member.kill().await;
    }
    if let Some(mut sink) = sink {
        let _ = sink.kill().await;
    }
    outcome
}

/// aiosmtpd's `Sink` handler accepts every mail and keeps none.
fn start_sink(port: u16) -> anyhow::Result<Child> {
    let mut command = std::process::Command::new("/usr/bin/python3");
    command
        .args(["-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink", "-l"])
        .arg(format!("127.0.0.1:{port}"))
        .stdout(Stdio::null());
    die_with_parent(&mut command);
    Command::from(command)
        .kill_on_drop(true)
        .spawn()
        .context("starting aiosmtpd (apt-get install python3-aiosmtpd, or give --smtp-url)")
}

async fn measure(args: &MailBenchArgs, layout: &Layout) -> anyhow::Result<()> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .no_proxy()
        .build()?;
    let leader = wait_for_majority_leader(&client, layout, None).await?;
    let base = layout.url(leader);
    let definition = json!({
        "id": ELECTION, "title": "Mail bench",
        "candidates": [{"name": "Yes"}, {"name": "No"}],
        "options": {"login": "credential"},
    });
    client
        .post(format!("{base}/api/admin/elections"))
        .bearer_auth(SECRET)
        .json(&definition)
        .send()
        .await?
        .error_for_status()
        .context("defining the election")?;
    let mut csv = String::from("name,email\n");
    for i in 0..args.voters {
        csv.push_str(&format!("Voter {i},voter{i}@example.org\n"));
    }
    client
        .post(format!("{base}/api/admin/elections/{ELECTION}/voters"))
        .bearer_auth(SECRET)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await?
        .error_for_status()
        .context("importing the roll")?;
    println!(
        "mailing {} invitations through 3 replicas at --mail-rate {}…",
        args.voters, args.mail_rate
    );
    let started = Instant::now();
    let queued: MailQueuedResponse = client
        .post(format!("{base}/api/admin/elections/{ELECTION}/mail"))
        .bearer_auth(SECRET)
        .json(&json!({"kind": "invitation"}))
        .send()
        .await?
        .error_for_status()
        .context("asking for the invitations")?
        .json()
        .await?;
    let queueing = started.elapsed();
    println!(
        "  queued {} in {:.2} s (every credential derived and replaced, committed on a majority)",
        queued.queued,
        queueing.as_secs_f64()
    );
    let deadline = started + Duration::from_secs(args.timeout_secs);
    let status = loop {
        let status: MailStatusResponse = client
            .get(format!("{base}/api/admin/elections/{ELECTION}/mail"))
            .bearer_auth(SECRET)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        if status.queued == 0 {
            break status;
        }
        if Instant::now() > deadline {
            bail!(
                "{} mails still queued after {} s",
                status.queued,
                args.timeout_secs
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let took = started.elapsed();
    println!(
        "  sent {} (failed {}) in {:.2} s: {:.0} mails/s from the request to the last \
         outcome in the log",
        status.sent,
        status.failed,
        took.as_secs_f64(),
        status.sent as f64 / took.as_secs_f64()
    );
    Ok(())
}
