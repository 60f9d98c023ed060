//! This member's Ed25519 key for signing checkpoints: generated on first start into the data
//! directory (`log-signing.key`, hex, mode 0600) and read on every later start, so a member
//! keeps its identity across restarts and a wiped member gets a new one.

use std::io::Write;
use std::path::Path;

use ed25519_dalek::{Signer, SigningKey};

const KEY_FILE: &str = "log-signing.key";

/// The member's signing key.
pub struct LogSigner {
    key: SigningKey,
}

impl LogSigner {
    /// Reads the key from `data_dir`, or makes one there.
    pub fn load_or_create(data_dir: &Path) -> std::io::Result<LogSigner> {
        let path = data_dir.join(KEY_FILE);
        if let Ok(text) = std::fs::read_to_string(&path) {
            let bytes = hex::decode(text.trim()).ok();
            let seed: Option<[u8; 32]> = bytes.and_then(|b| b.try_into().ok());
            return match seed {
                Some(seed) => Ok(LogSigner {
                    key: SigningKey::from_bytes(&seed),
                }),
                None => Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{} does not hold a 32-byte hex key", path.display()),
                )),
            };
        }
        std::fs::create_dir_all(data_dir)?;
        let seed: [u8; 32] = rand::random();
        let mut file = {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)?
        };
        file.write_all(hex::encode(seed).as_bytes())?;
        file.sync_all()?;
        Ok(LogSigner {
            key: SigningKey::from_bytes(&seed),
        })
    }

    pub fn public_key_hex(&self) -> String {
        hex::encode(self.key.verifying_key().as_bytes())
    }

    /// The signature (hex) of `text`.
    pub fn sign_hex(&self, text: &str) -> String {
        hex::encode(self.key.sign(text.as_bytes()).to_bytes())
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn the_key_is_made_once_private_and_kept_across_starts() {
        let dir = tempfile::tempdir().unwrap();
        let first = LogSigner::load_or_create(dir.path()).unwrap();
        let again = LogSigner::load_or_create(dir.path()).unwrap();
        assert_eq!(first.public_key_hex(), again.public_key_hex());
        let mode = std::fs::metadata(dir.path().join(KEY_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let text = shared::checkpoint::signed_text("e", 1, "ab", 2);
        let signature = first.sign_hex(&text);
        assert!(shared::checkpoint::verify_hex(
            &first.public_key_hex(),
            text.as_bytes(),
            &signature
        ));
        let other = tempfile::tempdir().unwrap();
        let stranger = LogSigner::load_or_create(other.path()).unwrap();
        assert_ne!(stranger.public_key_hex(), first.public_key_hex());
    }
}
