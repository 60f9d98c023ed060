//! Voter names as people type them: normalised, checked for invisible tricks, compared the
//! way people read them.
//!
//! A name is trimmed and put in Unicode NFC, so "é" typed as one code point or as "e" plus a
//! combining accent is the same name. Characters that change how text looks without being
//! seen (zero-width characters, bidirectional controls, the byte-order mark, tag characters)
//! are refused: they let "Alice" and "Al\u{200B}ice" be two voters that look alike, or reorder
//! a line of the admin's table. Uniqueness is decided on the Unicode case fold of the NFC
//! form, so "STRASSE" and "straße" are one name, as are "Kim" and "KIM".

use unicode_normalization::UnicodeNormalization;

/// Longest voter name accepted, in characters (after normalisation).
pub const MAX_NAME_LEN: usize = 64;

/// Why a name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Empty after trimming, or longer than [`MAX_NAME_LEN`].
    Length,
    /// Holds a control, zero-width, bidirectional, byte-order-mark or tag character.
    Invisible,
}

/// The name as stored: trimmed, NFC, checked.
pub fn normalise_name(raw: &str) -> Result<String, NameProblem> {
    let name: String = raw.trim().nfc().collect();
    let length = name.chars().count();
    if length == 0 || length > MAX_NAME_LEN {
        return Err(NameProblem::Length);
    }
    if name.chars().any(is_invisible) {
        return Err(NameProblem::Invisible);
    }
    Ok(name)
}

/// The key names are compared on: the case fold of the NFC form (trimmed).
pub fn name_key(name: &str) -> String {
    let normal: String = name.trim().nfc().collect();
    caseless::default_case_fold_str(&normal).nfc().collect()
}

/// Characters that are not seen but change what is seen.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'                  // soft hyphen
            | '\u{034F}'                // combining grapheme joiner
            | '\u{061C}'                // Arabic letter mark
            | '\u{115F}' | '\u{1160}'   // Hangul fillers
            | '\u{180E}'                // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}'   // zero-width space, joiners, LRM, RLM
            | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
            | '\u{2066}'..='\u{206F}'   // bidi isolates, deprecated format characters
            | '\u{3164}'                // Hangul filler
            | '\u{FEFF}'                // byte-order mark / zero-width no-break space
            | '\u{FFA0}'                // halfwidth Hangul filler
            | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
            | '\u{E0000}'..='\u{E007F}' // tag characters
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_put_in_nfc() {
        let decomposed = "  Jose\u{0301} ";
        assert_eq!(normalise_name(decomposed).unwrap(), "Jos\u{00E9}");
        assert_eq!(name_key(decomposed), name_key("JOS\u{00C9}"));
    }

    #[test]
    fn invisible_and_direction_changing_characters_are_refused() {
        for bad in [
            "Al\u{200B}ice",
            "Al\u{200D}ice",
            "\u{FEFF}Alice",
            "Alice\u{202E}",
            "Al\u{2066}ice",
            "Alice\u{E0041}",
            "Ali\u{00AD}ce",
            "Al\tice",
        ] {
            assert_eq!(normalise_name(bad), Err(NameProblem::Invisible), "{bad:?}");
        }
        assert_eq!(normalise_name("   "), Err(NameProblem::Length));
        assert_eq!(normalise_name(&"a".repeat(65)), Err(NameProblem::Length));
        assert!(normalise_name("Zoë O'Brien-Łukasz 李").is_ok());
    }

    #[test]
    fn case_folding_matches_what_people_read_as_one_name() {
        assert_eq!(name_key("STRASSE"), name_key("straße"));
        assert_eq!(name_key("Kim"), name_key("kIM"));
        assert_ne!(name_key("Kim"), name_key("Kimi"));
    }
}
