//! Voter credentials: drawn for a roll import, typed by people, kept only as hashes.
//!
//! A credential is 20 base32 letters and digits (100 bits) in four groups of five,
//! `ABCDE-FGHIJ-KLMNO-PQRST`: long enough that it cannot be guessed online (failed logins are
//! rate limited too), short enough to read aloud. Typing is forgiving: case, spaces and dashes do
//! not matter, and `0`, `1`, `8` read as `O`, `I`, `B` (base32 has no such digits).
//!
//! Derived, not drawn at random: a retried import (same idempotency key) must show the same
//! credentials through any replica, and the log keeps only their hashes. So each is an HMAC of
//! the key and the row under the cluster secret, as session tokens are. Whoever holds that
//! secret can already write to the Raft log directly, so it grants nothing new.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

const GROUPS: usize = 4;
const GROUP_LEN: usize = 5;

/// The credential for row `index` of the write with idempotency key `key` in `election`
/// (`purpose` separates imports from replacements).
pub fn derive(secret: &[u8], election: &str, purpose: &str, key: &str, index: u64) -> String {
    // HMAC accepts a key of any length; `new_from_slice` cannot fail for it.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    for part in ["ballot credential", election, purpose, key] {
        mac.update(part.as_bytes());
        mac.update(&[0]);
    }
    mac.update(&index.to_be_bytes());
    let bytes = mac.finalize().into_bytes();
    let letters = data_encoding::BASE32_NOPAD.encode(&bytes[..13]);
    let letters: Vec<char> = letters.chars().take(GROUPS * GROUP_LEN).collect();
    letters
        .chunks(GROUP_LEN)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A credential as typed, in its canonical form: upper case, no separators, look-alike digits
/// read as letters.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            '0' => 'O',
            '1' => 'I',
            '8' => 'B',
            other => other,
        })
        .collect()
}

/// What the log keeps of a credential of `election`: SHA-256 of its canonical form, bound to
/// the election (hex).
pub fn hash(election: &str, typed: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"ballot credential hash\0");
    hasher.update(election.as_bytes());
    hasher.update([0]);
    hasher.update(normalise(typed).as_bytes());
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_four_groups_of_five_base32_characters() {
        let credential = derive(b"secret", "board", "import", "key", 0);
        assert_eq!(credential.len(), 23, "{credential}");
        let groups: Vec<&str> = credential.split('-').collect();
        assert_eq!(groups.len(), 4);
        assert!(credential
            .chars()
            .all(|c| c == '-' || c.is_ascii_uppercase() || ('2'..='7').contains(&c)));
    }

    #[test]
    fn derivation_depends_on_every_input_and_repeats() {
        let one = derive(b"s", "e", "import", "k", 1);
        assert_eq!(one, derive(b"s", "e", "import", "k", 1));
        assert_ne!(one, derive(b"t", "e", "import", "k", 1));
        assert_ne!(one, derive(b"s", "f", "import", "k", 1));
        assert_ne!(one, derive(b"s", "e", "reissue", "k", 1));
        assert_ne!(one, derive(b"s", "e", "import", "l", 1));
        assert_ne!(one, derive(b"s", "e", "import", "k", 2));
    }

    #[test]
    fn typing_is_forgiving_but_the_election_is_bound() {
        let credential = "ABCDE-FGHIJ-KLMNO-PQRST";
        assert_eq!(
            hash("e", credential),
            hash("e", " abcde fghij klmno pqrst ")
        );
        assert_eq!(hash("e", "OIB"), hash("e", "018"));
        assert_ne!(hash("e", credential), hash("f", credential));
        assert_ne!(hash("e", credential), hash("e", "ABCDE-FGHIJ-KLMNO-PQRSS"));
    }
}
