//! `ballot trustee decrypt`: after close, this trustee's decryption shares of the encrypted
//! tally, each with its proof, sent to the server. Any `threshold` trustees' shares give the
//! counts; the key never leaves this machine.

use anyhow::{bail, Context};
use rand::rngs::OsRng;
use shared::secrecy::tally::{self, Tally};
use shared::secrecy::wire::{DecryptionRequest, SecrecyView, SecretStage, TrusteeAccepted};

use super::keyfile::KeyFile;
use super::remote::Remote;
use super::{explain, trustee_me};
use crate::config::DecryptArgs;

/// What was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecryptReport {
    /// Shares for this many options were accepted; the stage the election is now at.
    Sent { options: usize, stage: SecretStage },
    /// This trustee's decryption was in already.
    AlreadyIn,
}

pub async fn run(args: DecryptArgs) -> anyhow::Result<()> {
    match decrypt(&args).await? {
        DecryptReport::Sent { options, stage } => {
            println!("decryption shares of {options} option(s) sent, with their proofs");
            match stage {
                SecretStage::Decrypted => {
                    println!("enough trustees have decrypted: the counts are in")
                }
                _ => println!("waiting for more trustees to decrypt"),
            }
        }
        DecryptReport::AlreadyIn => println!("this trustee's decryption is in already"),
    }
    Ok(())
}

pub async fn decrypt(args: &DecryptArgs) -> anyhow::Result<DecryptReport> {
    let remote = Remote::new(&args.server)?;
    let token = args.token.resolve()?;
    let file = KeyFile::load(&args.key)?;
    let key = &file.key;
    let me = trustee_me(&remote, &token).await?;
    if key.election != me.election_id || key.trustee != me.trustee_id {
        bail!(
            "{} is trustee {}'s key of election {:?}, but this token is trustee {}'s of {:?}",
            args.key.display(),
            key.trustee,
            key.election,
            me.trustee_id,
            me.election_id
        );
    }
    let participant = key
        .participant()
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.key.display()))?;
    let view: SecrecyView = remote.get("secrecy", None).await.map_err(explain)?;
    if view
        .trustees
        .iter()
        .any(|t| t.trustee_id == me.trustee_id && t.decrypted)
    {
        return Ok(DecryptReport::AlreadyIn);
    }
    if view.stage != SecretStage::Decrypting {
        bail!(
            "the election is at stage {}: trustees decrypt once voting has closed",
            serde_json::to_value(view.stage).unwrap_or_default()
        );
    }
    let published = view
        .key
        .as_ref()
        .context("the server shows no election key")?;
    let wire = |k: &shared::secrecy::PublicKey| serde_json::to_string(k).unwrap_or_default();
    if wire(participant.key_set().shared_key()) != wire(published.0.shared_key()) {
        bail!(
            "{} belongs to another key than this election's",
            args.key.display()
        );
    }
    let tally: Tally = view
        .encrypted_tally()
        .context("the server shows no encrypted tally")?;
    let options = tally.iter().map(Vec::len).sum();
    let shares = tally::decrypt(key, &tally, &mut OsRng).map_err(|e| anyhow::anyhow!("{e}"))?;
    let accepted: TrusteeAccepted = remote
        .post(
            "trustee/decryption",
            Some(&token),
            &DecryptionRequest { shares },
        )
        .await
        .map_err(explain)?;
    Ok(DecryptReport::Sent {
        options,
        stage: accepted.stage,
    })
}
