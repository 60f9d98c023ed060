//! The credentials file an admin downloads after a roll import, built in the browser from the
//! import's answer: the server shows each credential once and keeps only its hash, so this
//! file is the only copy there will ever be.
//!
//! The columns are those of the server's own CSV answer (`Accept: text/csv`), so a file saved
//! either way reads the same. Fields are quoted as RFC 4180 says (a comma, a quote or a line
//! break inside a field), with `\n` line ends as the server writes them.

use std::borrow::Cow;

use shared::elections::RollRow;

/// The header row of the credentials file.
pub const CREDENTIALS_HEADER: &str = "voter_id,name,email,external_id,credential,status";

/// One field, quoted when it must be: inside quotes, a quote is doubled.
pub fn field(value: &str) -> Cow<'_, str> {
    if value.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", value.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(value)
    }
}

/// One line of fields, without its line end.
pub fn line<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    fields.into_iter().map(field).collect::<Vec<_>>().join(",")
}

/// The whole file: the header, then one line per row of the answer, in the roll's order.
/// Skipped rows are kept (with an empty credential and the reason in `status`), so the file
/// accounts for every line of the imported roll.
pub fn credentials_csv(rows: &[RollRow]) -> String {
    let mut out = String::with_capacity(64 * (rows.len() + 1));
    out.push_str(CREDENTIALS_HEADER);
    out.push('\n');
    for row in rows {
        let voter_id = row.voter_id.map(|id| id.to_string()).unwrap_or_default();
        out.push_str(&line([
            voter_id.as_str(),
            &row.name,
            &row.email,
            &row.external_id,
            &row.credential,
            &row.status,
        ]));
        out.push('\n');
    }
    out
}

/// How many rows of an import's answer got a credential.
pub fn issued(rows: &[RollRow]) -> usize {
    rows.iter().filter(|row| !row.credential.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn row(voter_id: Option<u32>, name: &str, email: &str, credential: &str) -> RollRow {
        RollRow {
            voter_id,
            name: name.into(),
            email: email.into(),
            external_id: String::new(),
            credential: credential.into(),
            status: if voter_id.is_some() {
                "created".into()
            } else {
                "skipped: email already on the roll".into()
            },
        }
    }

    #[wasm_bindgen_test]
    fn plain_fields_stay_as_they_are_and_others_are_quoted() {
        assert_eq!(field("Ann Smith"), "Ann Smith");
        assert_eq!(field(""), "");
        assert_eq!(field("Bo, the Second"), "\"Bo, the Second\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(line(["a", "b,c", ""]), "a,\"b,c\",");
    }

    #[wasm_bindgen_test]
    fn the_file_has_the_server_s_header_and_one_line_per_row() {
        let rows = [
            row(
                Some(1),
                "Ann Smith",
                "ann@example.org",
                "ABCDE-FGHJK-LMNPQ-RSTUV",
            ),
            row(Some(2), "Bo, the Second", "", "BCDEF-GHJKL-MNPQR-STUVW"),
            row(None, "Ann Again", "ANN@example.org", ""),
        ];
        let csv = credentials_csv(&rows);
        let expected = "voter_id,name,email,external_id,credential,status\n\
                        1,Ann Smith,ann@example.org,,ABCDE-FGHJK-LMNPQ-RSTUV,created\n\
                        2,\"Bo, the Second\",,,BCDEF-GHJKL-MNPQR-STUVW,created\n\
                        ,Ann Again,ANN@example.org,,,skipped: email already on the roll\n";
        assert_eq!(csv, expected);
        assert_eq!(issued(&rows), 2);
    }

    #[wasm_bindgen_test]
    fn an_empty_answer_is_just_the_header() {
        assert_eq!(credentials_csv(&[]), format!("{CREDENTIALS_HEADER}\n"));
        assert_eq!(issued(&[]), 0);
    }
}
