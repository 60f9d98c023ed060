//! `ballot trustee keygen`: one trustee's whole key ceremony against the server.
//!
//! Each pass reads the public view, sends the part written down in the key file if the view
//! does not have it yet, then lets the key move on as far as the other trustees' parts allow
//! (writing the file, then sending what that produced). It ends when the server has published
//! the joint key and that key is the one this trustee's own computation gives.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use rand::rngs::OsRng;
use shared::secrecy::ceremony::{Step, TrusteeKey};
use shared::secrecy::wire::{SecrecyView, SecretStage, TrusteeAccepted, TrusteeMe};
use shared::ErrorCode;

use super::keyfile::{KeyFile, Pending};
use super::remote::{Remote, RemoteError};
use super::{explain, trustee_me};
use crate::config::KeygenArgs;

/// How often the view is read while waiting for the other trustees.
const POLL: Duration = Duration::from_millis(500);

/// What the ceremony ended with.
#[derive(Debug, Clone)]
pub struct KeygenReport {
    pub trustee_id: u32,
    /// Whether the key file was there already.
    pub resumed: bool,
    /// The joint public key's wire form.
    pub joint_key: String,
}

pub async fn run(args: KeygenArgs) -> anyhow::Result<()> {
    let report = keygen(&args).await?;
    println!(
        "trustee {}: key ceremony complete{}; key file {} (keep it secret until the tally is \
         decrypted)",
        report.trustee_id,
        if report.resumed { " (resumed)" } else { "" },
        args.out.display()
    );
    println!("election key: {}", report.joint_key);
    Ok(())
}

pub async fn keygen(args: &KeygenArgs) -> anyhow::Result<KeygenReport> {
    let remote = Remote::new(&args.server)?;
    let token = args.token.resolve()?;
    let me = trustee_me(&remote, &token).await?;
    let resumed = args.out.exists();
    let mut file = if resumed {
        let file = KeyFile::load(&args.out)?;
        check_file_is_mine(&file, &me, &args.out)?;
        progress(&me, "resuming from the key file");
        file
    } else {
        let params = (me.trustees as usize, me.threshold as usize);
        let (key, part) = TrusteeKey::start(&me.election_id, me.trustee_id, params, &mut OsRng)
            .map_err(|e| anyhow::anyhow!("starting the ceremony: {e}"))?;
        let file = KeyFile {
            key,
            commitment: Some(part.clone()),
            pending: Some(Pending::Commitment(part)),
        };
        file.save(&args.out)?;
        file
    };
    let deadline = Instant::now() + Duration::from_secs(args.wait_secs);
    let mut last_said = String::new();
    loop {
        let view: SecrecyView = remote.get("secrecy", None).await.map_err(explain)?;
        let mine = file.mine(&view)?;
        if file.is_stale(mine) {
            bail!(
                "the server holds another commitment from trustee {} than the one in {}: the \
                 trustees were named again (move that file away and run again), or this \
                 trustee's earlier key file was lost (then the admin must name the trustees \
                 again)",
                me.trustee_id,
                args.out.display()
            );
        }
        if let Some(pending) = file.pending.clone() {
            if !pending.is_in(mine) {
                send(&remote, &token, &pending, me.trustee_id).await?;
                progress(&me, &format!("{}: sent", pending.round()));
            }
            file.pending = None;
            file.save(&args.out)?;
            continue;
        }
        if file.key.is_ready() {
            if let Some(joint_key) = published_key(&view, &file.key)? {
                return Ok(KeygenReport {
                    trustee_id: me.trustee_id,
                    resumed,
                    joint_key,
                });
            }
        } else {
            let was_ready = file.key.is_ready();
            let step = file
                .key
                .advance(&view.board(), &mut OsRng)
                .map_err(|e| anyhow::anyhow!("another trustee's part does not check: {e}"))?;
            if step.is_some() || file.key.is_ready() != was_ready {
                file.pending = step.map(|step| match step {
                    Step::Polynomial(info) => Pending::Polynomial(info),
                    Step::Shares(shares) => Pending::Shares(shares),
                });
                file.save(&args.out)?;
                continue;
            }
        }
        let waiting = waiting_for(&view);
        if waiting != last_said {
            progress(&me, &waiting);
            last_said = waiting;
        }
        if Instant::now() >= deadline {
            bail!(
                "gave up after {} s ({last_said}); run the same command again to resume (the \
                 key file keeps this trustee's progress)",
                args.wait_secs
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

fn check_file_is_mine(file: &KeyFile, me: &TrusteeMe, path: &Path) -> anyhow::Result<()> {
    let key = &file.key;
    if key.election != me.election_id || key.trustee != me.trustee_id {
        bail!(
            "{} is trustee {}'s key of election {:?}, but this token is trustee {}'s of {:?}",
            path.display(),
            key.trustee,
            key.election,
            me.trustee_id,
            me.election_id
        );
    }
    if key.trustees != me.trustees as usize || key.threshold != me.threshold as usize {
        bail!(
            "{} is for {} of {} trustees, the server now wants {} of {}: the trustees were \
             named again; move that file away and run again",
            path.display(),
            key.threshold,
            key.trustees,
            me.threshold,
            me.trustees
        );
    }
    Ok(())
}

async fn send(
    remote: &Remote,
    token: &str,
    pending: &Pending,
    trustee_id: u32,
) -> anyhow::Result<()> {
    let answer: Result<TrusteeAccepted, RemoteError> = match pending {
        Pending::Commitment(part) => remote.post(pending.route(), Some(token), part).await,
        Pending::Polynomial(info) => remote.post(pending.route(), Some(token), info).await,
        Pending::Shares(shares) => {
            let body = shared::secrecy::wire::SharesRequest {
                shares: shares.clone(),
            };
            remote.post(pending.route(), Some(token), &body).await
        }
    };
    match answer {
        Ok(_) => Ok(()),
        // Sent already (an answer lost on the way): the next view shows it.
        Err(error) if error.code() == Some(ErrorCode::WrongPhase) => {
            let view: SecrecyView = remote.get("secrecy", None).await.map_err(explain)?;
            let sent = view
                .trustees
                .iter()
                .any(|t| t.trustee_id == trustee_id && pending.is_in(t));
            if sent {
                Ok(())
            } else {
                Err(explain(error)).context(format!("sending {}", pending.round()))
            }
        }
        Err(error) => Err(explain(error)).context(format!("sending {}", pending.round())),
    }
}

/// The joint key once the server published it, checked against this trustee's own.
fn published_key(view: &SecrecyView, key: &TrusteeKey) -> anyhow::Result<Option<String>> {
    let Some(published) = &view.key else {
        return Ok(None);
    };
    let ours = key
        .participant()
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .key_set()
        .shared_key()
        .clone();
    let theirs = published.0.shared_key();
    let wire = |k: &shared::secrecy::PublicKey| serde_json::to_string(k).unwrap_or_default();
    if wire(&ours) != wire(theirs) {
        bail!(
            "the server published an election key that is not the one the trustees' parts \
             give: do not open this election"
        );
    }
    Ok(Some(wire(theirs).trim_matches('"').to_string()))
}

/// "round 2 of 3 (polynomials): waiting for trustees 1 (Ann), 3 (Cy)".
fn waiting_for(view: &SecrecyView) -> String {
    let (round, missing): (&str, Vec<_>) = match view.stage {
        SecretStage::NoTrustees => return "waiting for the trustees to be named".into(),
        SecretStage::Commitments => (
            "round 1 of 3 (commitments)",
            view.trustees
                .iter()
                .filter(|t| t.commitment.is_none())
                .collect(),
        ),
        SecretStage::Polynomials => (
            "round 2 of 3 (polynomials)",
            view.trustees
                .iter()
                .filter(|t| t.polynomial.is_none())
                .collect(),
        ),
        SecretStage::Shares => (
            "round 3 of 3 (sealed shares)",
            view.trustees
                .iter()
                .filter(|t| t.shares.is_none())
                .collect(),
        ),
        _ => return "waiting for the server to publish the election key".into(),
    };
    if missing.is_empty() {
        return format!("{round}: complete, waiting for the server to publish the election key");
    }
    let names: Vec<String> = missing
        .iter()
        .map(|t| format!("{} ({})", t.trustee_id, t.name))
        .collect();
    format!("{round}: waiting for trustee(s) {}", names.join(", "))
}

fn progress(me: &TrusteeMe, line: &str) {
    eprintln!("trustee {} ({}): {line}", me.trustee_id, me.name);
}

#[cfg(test)]
mod tests {
    use shared::secrecy::wire::TrusteeView;
    use shared::secrecy::Secrecy;

    use super::*;

    fn view(stage: SecretStage, committed: &[bool]) -> SecrecyView {
        let names = ["Tia", "Uli", "Vic"];
        // Listed out of order: the board goes by trustee id.
        let trustees = [2, 0, 1]
            .into_iter()
            .filter(|&i| i < committed.len())
            .map(|i| TrusteeView {
                trustee_id: i as u32 + 1,
                name: names[i].into(),
                commitment: committed[i].then(|| shared::secrecy::ceremony::Commitment {
                    commitment: format!("{i:064x}"),
                    transport_key: String::new(),
                }),
                polynomial: None,
                shares: None,
                decrypted: false,
            })
            .collect();
        SecrecyView {
            secrecy: Secrecy::Verifiable,
            stage,
            threshold: 2,
            trustees,
            key: None,
            questions: Vec::new(),
            ballots: 0,
            tally: None,
            missing: Vec::new(),
        }
    }

    #[test]
    fn progress_names_the_round_and_who_is_missing_and_the_board_is_in_id_order() {
        let round_one = view(SecretStage::Commitments, &[true, false, true]);
        assert_eq!(
            waiting_for(&round_one),
            "round 1 of 3 (commitments): waiting for trustee(s) 2 (Uli)"
        );
        let board = round_one.board();
        let ids: Vec<Option<String>> = board
            .commitments
            .iter()
            .map(|c| c.as_ref().map(|c| c.commitment[62..].to_string()))
            .collect();
        assert_eq!(ids, [Some("00".into()), None, Some("02".into())]);
        assert_eq!(board.polynomials.len(), 3);

        let done = view(SecretStage::Commitments, &[true, true, true]);
        assert!(waiting_for(&done).contains("complete"));
        let published = view(SecretStage::KeyPublished, &[true, true, true]);
        assert!(waiting_for(&published).contains("publish the election key"));
    }
}
