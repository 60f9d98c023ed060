//! The announcement once results are published.

use shared::results::{CandidateCount, Outcome};
use shared::CandidateId;
use yew::prelude::*;

use crate::components::question_results_text::Words;
use crate::i18n::{use_i18n, I18n};

#[derive(Properties, PartialEq)]
pub struct OutcomeBannerProps {
    pub outcome: Outcome,
    /// To name the tied candidates, whose ids are all a tie carries.
    pub counts: Vec<CandidateCount>,
    #[prop_or_default]
    pub class: Classes,
}

/// The candidates to highlight for an outcome: the winner, or every tied leader.
pub fn leaders(outcome: Option<&Outcome>) -> Vec<CandidateId> {
    match outcome {
        Some(Outcome::Winner { candidate_id, .. }) => vec![*candidate_id],
        Some(Outcome::Tie { candidate_ids, .. }) => candidate_ids.clone(),
        Some(Outcome::NoVotes) | None => Vec::new(),
    }
}

/// The outcome as a sentence in the page's language, the names kept apart as data: what
/// `Outcome::describe` says in English with `Wording::Sentence`.
pub fn outcome_in_words(outcome: &Outcome, counts: &[CandidateCount], i18n: &I18n) -> Words {
    match outcome {
        Outcome::Winner { name, votes, .. } => Words::of(
            i18n,
            "results-outcome-winner",
            &[("votes", (*votes).into())],
            &[("name", name.clone())],
        ),
        Outcome::Tie {
            candidate_ids,
            votes,
        } => {
            let names: Vec<String> = candidate_ids
                .iter()
                .map(|&id| {
                    counts
                        .iter()
                        .find(|count| count.candidate_id == id)
                        .map_or_else(
                            || i18n.t_args("results-candidate", &[("id", id.into())]),
                            |count| count.name.clone(),
                        )
                })
                .collect();
            let names = names.join(&i18n.t("results-name-separator"));
            Words::of(
                i18n,
                "results-outcome-tie",
                &[("votes", (*votes).into())],
                &[("names", names)],
            )
        }
        Outcome::NoVotes => Words::of(i18n, "results-outcome-no-votes", &[], &[]),
    }
}

#[component]
pub fn OutcomeBanner(props: &OutcomeBannerProps) -> Html {
    let i18n = use_i18n();
    html! {
        <section class={classes!("outcome", props.class.clone())} aria-live="polite"
            data-testid="outcome">
            <h2>{ outcome_in_words(&props.outcome, &props.counts, &i18n).html() }</h2>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    // The English wording is `Outcome::describe`'s, tested in `shared`; it must not drift.
    #[wasm_bindgen_test]
    fn the_sentence_says_what_describe_says_in_english() {
        use shared::results::Wording;
        let counts = vec![
            CandidateCount {
                candidate_id: 1,
                name: "Ada".into(),
                votes: 2,
            },
            CandidateCount {
                candidate_id: 2,
                name: "Grace".into(),
                votes: 2,
            },
        ];
        let i18n = I18n::english();
        for outcome in [
            Outcome::Winner {
                candidate_id: 1,
                name: "Ada".into(),
                votes: 1,
            },
            Outcome::Winner {
                candidate_id: 1,
                name: "Ada".into(),
                votes: 2,
            },
            Outcome::Tie {
                candidate_ids: vec![1, 2, 3],
                votes: 2,
            },
            Outcome::NoVotes,
        ] {
            assert_eq!(
                outcome_in_words(&outcome, &counts, &i18n).to_string(),
                outcome.describe(&counts, Wording::Sentence)
            );
        }
    }

    #[wasm_bindgen_test]
    fn the_winner_or_every_tied_leader_is_highlighted() {
        let winner = Outcome::Winner {
            candidate_id: 3,
            name: "Edsger".into(),
            votes: 1,
        };
        let tie = Outcome::Tie {
            candidate_ids: vec![1, 2],
            votes: 2,
        };

        assert_eq!(leaders(Some(&winner)), vec![3]);
        assert_eq!(leaders(Some(&tie)), vec![1, 2]);
        assert!(leaders(Some(&Outcome::NoVotes)).is_empty());
        assert!(leaders(None).is_empty());
    }
}
