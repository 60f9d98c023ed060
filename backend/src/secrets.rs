//! Tokens and secrets: drawing them, hashing them for the log, comparing them safely.
//!
//! A leaf: it imports nothing from the crate, so every layer may use it.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// Compares two secrets without leaking, through timing, how much of them matched.
pub fn constant_time_eq(given: &str, expected: &str) -> bool {
    let expected = Sha256::digest(expected.as_bytes());
    let given = Sha256::digest(given.as_bytes());
    expected
        .iter()
        .zip(given.iter())
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

/// A new random token (256 bits, hex): admin tokens, cluster secrets, drawn keys.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the log keeps of a session token: its SHA-256, so the log never holds a credential.
pub fn session_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_equal_only_when_equal_and_tokens_are_fresh() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("", "abc"));
        assert_ne!(new_token(), new_token());
        assert_eq!(new_token().len(), 64);
        assert_eq!(session_hash("t").len(), 64);
    }
}
