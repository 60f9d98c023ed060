//! What makes an election definition and a roll row acceptable. Checked by the receiving node
//! (for a quick 400 naming the field) and again in apply (so the log can never hold a bad one).

use std::collections::HashSet;

use shared::elections::{CandidateSpec, ElectionOptions, LoginMethod};

use super::names::{name_key, normalise_name};
use super::DomainError;

pub const MAX_TITLE: usize = 200;
pub const MAX_DESCRIPTION: usize = 5_000;
pub const MAX_CANDIDATES: usize = 200;
pub const MAX_CANDIDATE_NAME: usize = 100;
pub const MAX_CANDIDATE_DESCRIPTION: usize = 2_000;
/// An email or external id on the roll.
pub const MAX_ROLL_FIELD: usize = 254;

fn invalid(field: impl Into<String>, problem: impl Into<String>) -> DomainError {
    DomainError::InvalidElection {
        field: field.into(),
        problem: problem.into(),
    }
}

/// A definition as stored: title and names trimmed (NFC), or the first problem, naming its
/// field (`title`, `candidates[2].name`, …).
pub fn check_definition(
    title: &str,
    description: &str,
    candidates: &[CandidateSpec],
) -> Result<(String, String, Vec<CandidateSpec>), DomainError> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        return Err(invalid(
            "title",
            format!("must be 1 to {MAX_TITLE} characters"),
        ));
    }
    if title.chars().any(char::is_control) {
        return Err(invalid("title", "must not hold control characters"));
    }
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(invalid(
            "description",
            format!("must be at most {MAX_DESCRIPTION} characters"),
        ));
    }
    if candidates.is_empty() || candidates.len() > MAX_CANDIDATES {
        return Err(invalid(
            "candidates",
            format!("there must be 1 to {MAX_CANDIDATES} candidates"),
        ));
    }
    let checked = check_candidates(candidates)?;
    Ok((title.to_string(), description.to_string(), checked))
}

/// The title and description of a definition with questions (which carry the candidates).
pub fn check_title(title: &str, description: &str) -> Result<(String, String), DomainError> {
    let (title, description, _) = check_definition(
        title,
        description,
        &[CandidateSpec {
            name: "-".into(),
            description: String::new(),
        }],
    )?;
    Ok((title, description))
}

/// Candidates as stored: names trimmed (NFC), unique by their case-folded key; problems name
/// the field (`candidates[2].name`).
pub fn check_candidates(candidates: &[CandidateSpec]) -> Result<Vec<CandidateSpec>, DomainError> {
    if candidates.len() > MAX_CANDIDATES {
        return Err(invalid(
            "candidates",
            format!("there must be at most {MAX_CANDIDATES} candidates"),
        ));
    }
    let mut seen = HashSet::new();
    let mut checked = Vec::with_capacity(candidates.len());
    for (index, candidate) in candidates.iter().enumerate() {
        let field = format!("candidates[{index}].name");
        let name = candidate.name.trim();
        if name.is_empty() || name.chars().count() > MAX_CANDIDATE_NAME {
            return Err(invalid(
                field,
                format!("must be 1 to {MAX_CANDIDATE_NAME} characters"),
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(invalid(field, "must not hold control characters"));
        }
        let name = normalise_name(name)
            .map_err(|_| invalid(&field, "must not hold invisible characters"))?;
        if !seen.insert(name_key(&name)) {
            return Err(invalid(field, format!("{name:?} is on the ballot twice")));
        }
        if candidate.description.chars().count() > MAX_CANDIDATE_DESCRIPTION {
            return Err(invalid(
                format!("candidates[{index}].description"),
                format!("must be at most {MAX_CANDIDATE_DESCRIPTION} characters"),
            ));
        }
        checked.push(CandidateSpec {
            name,
            description: candidate.description.clone(),
        });
    }
    Ok(checked)
}

/// Options that work together: a voter who registers in a credential election would get no
/// credential and could never log in, so self-registration needs name-and-id login.
pub fn check_options(options: &ElectionOptions) -> Result<(), DomainError> {
    if options.self_registration && options.login == LoginMethod::Credential {
        return Err(invalid(
            "options.self_registration",
            "needs \"login\": \"name_and_id\" (a credential election takes its roll from an import)",
        ));
    }
    Ok(())
}

/// An id derived from a title: lower-case ASCII letters and digits, runs of anything else as
/// one `-`, at most 40 characters; `election-…` when too short.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    slug = slug.trim_end_matches('-').to_string();
    if slug.len() < 3 {
        slug = format!("election-{slug}").trim_end_matches('-').to_string();
    }
    slug
}

/// An optional roll field (email, external id): trimmed, empty as absent, bounded.
pub fn roll_field(
    value: Option<&str>,
    row: u64,
    field: &str,
) -> Result<Option<String>, DomainError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > MAX_ROLL_FIELD || value.chars().any(char::is_control) {
        return Err(DomainError::InvalidRoll {
            row,
            problem: format!("{field} must be at most {MAX_ROLL_FIELD} visible characters"),
        });
    }
    Ok(Some(value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(name: &str) -> CandidateSpec {
        CandidateSpec {
            name: name.into(),
            description: String::new(),
        }
    }

    #[test]
    fn a_definition_is_trimmed_and_its_problems_name_the_field() {
        let (title, _, candidates) =
            check_definition("  Board  ", "", &[candidate(" Ann "), candidate("Bo")]).unwrap();
        assert_eq!(title, "Board");
        assert_eq!(candidates[0].name, "Ann");
        let field = |r: Result<_, DomainError>| match r {
            Err(DomainError::InvalidElection { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(check_definition("", "", &[candidate("A")])), "title");
        assert_eq!(field(check_definition("T", "", &[])), "candidates");
        let twice = check_definition("T", "", &[candidate("Ann"), candidate("ANN")]);
        assert_eq!(field(twice), "candidates[1].name");
        let control = check_definition("T", "", &[candidate("A\u{7}")]);
        assert_eq!(field(control), "candidates[0].name");
        let long = "x".repeat(MAX_DESCRIPTION + 1);
        assert_eq!(
            field(check_definition("T", &long, &[candidate("A")])),
            "description"
        );
    }

    #[test]
    fn slugs_are_valid_election_ids() {
        assert_eq!(slug("Board election 2027"), "board-election-2027");
        assert_eq!(slug("  Ünïon -- vote!! "), "n-on-vote");
        assert_eq!(slug("A"), "election-a");
        assert_eq!(slug("!!!"), "election");
        for title in ["Board election 2027", "A", "!!!", &"long title ".repeat(10)] {
            assert!(
                shared::elections::valid_election_id(&slug(title)),
                "{title}"
            );
        }
    }
}
