//! The mail that gives a verifiable election's trustee their private link.
//!
//! Sent once, by the member that named the trustees, and not queued like voters' mail: the
//! admin's answer says which trustees it reached, and shows the links of the others (once), so
//! nothing is lost if a mail is. A trustee's link is mailed rather than shown because an admin
//! who holds a trustee's token could stand in for that trustee in the key ceremony.

use html_escape::encode_text as html;

use super::compose::{page_of, Facts, Letter};
use super::words::say;

/// The letter to one trustee: who they are to the election, the link, and to keep it private.
pub fn letter(facts: &Facts, link: &str, (trustees, threshold): (usize, u32)) -> Letter {
    let language = facts.language;
    let title = facts.title.as_str();
    let (trustees, threshold) = (trustees.to_string(), threshold.to_string());
    let intro = say(
        language,
        "trustee-intro",
        &[
            ("title", title),
            ("trustees", &trustees),
            ("threshold", &threshold),
        ],
    );
    let open = say(language, "trustee-link", &[]);
    let private = say(language, "trustee-private", &[]);
    let text = format!("{intro}\n\n{open}\n{link}\n\n{private}\n");
    let body = format!(
        "<p>{}</p><p><a href=\"{}\">{}</a></p><p>{}</p>",
        html(&intro),
        html_escape::encode_double_quoted_attribute(link),
        html(&say(language, "trustee-link-html", &[])),
        html(&private),
    );
    Letter {
        subject: say(language, "trustee-subject", &[("title", title)]),
        text,
        html: page_of(facts, &body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::languages::Language;

    #[test]
    fn the_letter_carries_the_link_and_says_how_many_trustees_decrypt() {
        let facts = Facts {
            election_id: "agm".into(),
            title: "AGM <2027>".into(),
            public_url: "https://vote.example.org".into(),
            language: Language::English,
            ..Facts::default()
        };
        let link = "https://vote.example.org/e/agm/trustee#token=abc";
        let letter = letter(&facts, link, (3, 2));
        assert_eq!(letter.subject, "You are a trustee of: AGM <2027>");
        assert!(letter.text.contains(link) && letter.text.contains("2 of the 3"));
        assert!(letter.html.contains("AGM &lt;2027&gt;") && letter.html.contains("#token=abc"));
        let french = super::letter(
            &Facts {
                language: Language::French,
                ..facts
            },
            link,
            (3, 2),
        );
        assert!(
            french.subject.starts_with("Vous êtes"),
            "{}",
            french.subject
        );
    }
}
