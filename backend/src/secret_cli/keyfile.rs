//! The trustee's key file: the library's [`TrusteeKey`] (readable as is by the trustee page),
//! plus what the CLI needs to resume a ceremony cut short: this trustee's public commitment
//! and the part it was about to send.
//!
//! It is written, mode 0600, after every change of the key and before the part that change
//! produced is sent: a part the server has always comes from a key that is on disk. Written to
//! a temporary file and renamed, so a crash leaves the old file or the new one, never half.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};
use shared::secrecy::ceremony::{Commitment, Polynomial, SealedShare, TrusteeKey};
use shared::secrecy::wire::{SecrecyView, TrusteeView};

/// A part of the ceremony written down before it is sent.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "round", content = "part", rename_all = "snake_case")]
pub enum Pending {
    Commitment(Commitment),
    Polynomial(Box<Polynomial>),
    Shares(Vec<SealedShare>),
}

impl Pending {
    /// The trustee route it goes to.
    pub fn route(&self) -> &'static str {
        match self {
            Pending::Commitment(_) => "trustee/commitment",
            Pending::Polynomial(_) => "trustee/polynomial",
            Pending::Shares(_) => "trustee/shares",
        }
    }

    pub fn round(&self) -> &'static str {
        match self {
            Pending::Commitment(_) => "round 1 of 3 (commitment)",
            Pending::Polynomial(_) => "round 2 of 3 (polynomial)",
            Pending::Shares(_) => "round 3 of 3 (sealed shares)",
        }
    }

    /// Whether the public view already has this trustee's part of that round.
    pub fn is_in(&self, mine: &TrusteeView) -> bool {
        match self {
            Pending::Commitment(_) => mine.commitment.is_some(),
            Pending::Polynomial(_) => mine.polynomial.is_some(),
            Pending::Shares(_) => mine.shares.is_some(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    #[serde(flatten)]
    pub key: TrusteeKey,
    /// This trustee's round 1 part, to recognise its own ceremony on the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<Commitment>,
    /// Written, not yet known to be on the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
}

impl KeyFile {
    pub fn load(path: &Path) -> anyhow::Result<KeyFile> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the key file {}", path.display()))?;
        serde_json::from_str(&text)
            .with_context(|| format!("{} is not a trustee key file", path.display()))
    }

    /// Replaces the file at `path` with this one, readable by its owner only.
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        let text = serde_json::to_string_pretty(self).context("writing the key as JSON")?;
        let temporary = temporary_path(path);
        let write = || -> std::io::Result<()> {
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&temporary)?;
            file.write_all(text.as_bytes())?;
            file.write_all(b"\n")?;
            // On disk before it replaces the old key: a crash must not lose both.
            file.sync_all()?;
            std::fs::rename(&temporary, path)
        };
        write().with_context(|| format!("writing the key file {}", path.display()))
    }

    /// The trustee's own parts as `view` shows them; an error if the view does not name it.
    pub fn mine<'v>(&self, view: &'v SecrecyView) -> anyhow::Result<&'v TrusteeView> {
        view.trustees
            .iter()
            .find(|t| t.trustee_id == self.key.trustee)
            .with_context(|| format!("the server names no trustee {}", self.key.trustee))
    }

    /// Whether the server's round 1 part for this trustee is another than the file's: the
    /// ceremony this file belongs to was started over.
    pub fn is_stale(&self, mine: &TrusteeView) -> bool {
        match (&self.commitment, &mine.commitment) {
            (Some(ours), Some(theirs)) => ours != theirs,
            // Ours was sent (nothing pending) yet the server has none: started over.
            (Some(_), None) => self.pending.is_none(),
            _ => false,
        }
    }
}

fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use rand::SeedableRng;
    use shared::secrecy::ceremony::{Board, Step};

    use super::*;

    fn rng() -> rand::rngs::StdRng {
        rand::rngs::StdRng::seed_from_u64(7)
    }

    fn started() -> KeyFile {
        let (key, part) = TrusteeKey::start("agm", 1, (1, 1), &mut rng()).unwrap();
        KeyFile {
            key,
            commitment: Some(part.clone()),
            pending: Some(Pending::Commitment(part)),
        }
    }

    #[test]
    fn a_key_file_round_trips_with_its_pending_part_and_only_its_owner_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trustee.json");
        let file = started();
        file.save(&path).unwrap();

        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let read = KeyFile::load(&path).unwrap();
        assert!(matches!(read.pending, Some(Pending::Commitment(_))));
        assert_eq!(read.commitment, file.commitment);
        assert_eq!(
            serde_json::to_value(&read.key).unwrap(),
            serde_json::to_value(&file.key).unwrap()
        );
        // The trustee page reads the same file as a bare TrusteeKey.
        let text = std::fs::read_to_string(&path).unwrap();
        let bare: TrusteeKey = serde_json::from_str(&text).unwrap();
        assert_eq!(bare.trustee, 1);
    }

    #[test]
    fn a_key_resumed_from_its_file_finishes_the_ceremony_as_the_original_would() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trustee.json");
        let mut file = started();
        let Some(Pending::Commitment(part)) = file.pending.take() else {
            panic!("a commitment to send");
        };
        let mut board = Board {
            commitments: vec![Some(part)],
            polynomials: vec![None],
            shares: vec![None],
        };
        let Some(Step::Polynomial(info)) = file.key.advance(&board, &mut rng()).unwrap() else {
            panic!("round 2 follows a complete round 1");
        };
        file.pending = Some(Pending::Polynomial(info.clone()));
        file.save(&path).unwrap();

        // As after a crash: the polynomial is read back from the file and sent.
        let mut resumed = KeyFile::load(&path).unwrap();
        let Some(Pending::Polynomial(sent)) = resumed.pending.take() else {
            panic!("the polynomial is still pending");
        };
        assert_eq!(
            serde_json::to_value(&sent).unwrap(),
            serde_json::to_value(&info).unwrap()
        );
        board.polynomials[0] = Some(*sent);
        let step = resumed.key.advance(&board, &mut rng()).unwrap();
        let Some(Step::Shares(shares)) = step else {
            panic!("round 3 follows");
        };
        assert!(shares.is_empty(), "a lone trustee shares with nobody");
        board.shares[0] = Some(shares);
        assert!(resumed.key.advance(&board, &mut rng()).unwrap().is_none());
        assert!(resumed.key.is_ready());
    }

    #[test]
    fn a_file_whose_commitment_the_server_does_not_have_is_stale() {
        let mut file = started();
        let mut mine = TrusteeView {
            trustee_id: 1,
            name: "Ann".into(),
            commitment: None,
            polynomial: None,
            shares: None,
            decrypted: false,
        };
        assert!(!file.is_stale(&mine), "pending: not sent yet");
        file.pending = None;
        assert!(file.is_stale(&mine), "sent, yet the server has none");
        mine.commitment = file.commitment.clone();
        assert!(!file.is_stale(&mine));
        let other = TrusteeKey::start("agm", 1, (1, 1), &mut rand::rngs::OsRng)
            .unwrap()
            .1;
        mine.commitment = Some(other);
        assert!(file.is_stale(&mine));
    }
}
