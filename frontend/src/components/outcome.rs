//! The announcement once results are published.

use shared::results::{CandidateCount, Outcome};
use shared::CandidateId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomeBannerProps {
    pub outcome: Outcome,
    /// To name the tied candidates, whose ids are all a tie carries.
    pub counts: Vec<CandidateCount>,
    #[prop_or_default]
    pub class: Classes,
}

/// The sentence for an outcome.
pub fn outcome_text(outcome: &Outcome, counts: &[CandidateCount]) -> String {
    match outcome {
        Outcome::Winner { name, votes, .. } => {
            format!("Winner: {name} with {votes} vote{}", plural(*votes))
        }
        Outcome::Tie {
            candidate_ids,
            votes,
        } => {
            let names: Vec<String> = candidate_ids
                .iter()
                .map(|id| {
                    counts
                        .iter()
                        .find(|count| count.candidate_id == *id)
                        .map_or_else(|| format!("candidate {id}"), |count| count.name.clone())
                })
                .collect();
            format!(
                "Tie between {} with {votes} vote{} each",
                names.join(", "),
                plural(*votes)
            )
        }
        Outcome::NoVotes => "No votes were cast, so there is no winner.".to_string(),
    }
}

/// The candidates to highlight for an outcome: the winner, or every tied leader.
pub fn leaders(outcome: Option<&Outcome>) -> Vec<CandidateId> {
    match outcome {
        Some(Outcome::Winner { candidate_id, .. }) => vec![*candidate_id],
        Some(Outcome::Tie { candidate_ids, .. }) => candidate_ids.clone(),
        Some(Outcome::NoVotes) | None => Vec::new(),
    }
}

fn plural(count: u64) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

#[component]
pub fn OutcomeBanner(props: &OutcomeBannerProps) -> Html {
    html! {
        <section class={classes!("outcome", props.class.clone())} aria-live="polite"
            data-testid="outcome">
            <h2>{ outcome_text(&props.outcome, &props.counts) }</h2>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn count(candidate_id: u32, name: &str, votes: u64) -> CandidateCount {
        CandidateCount {
            candidate_id,
            name: name.into(),
            votes,
        }
    }

    #[wasm_bindgen_test]
    fn outcomes_read_as_sentences() {
        let counts = vec![
            count(1, "Ada", 2),
            count(2, "Grace", 2),
            count(3, "Edsger", 1),
        ];
        let winner = Outcome::Winner {
            candidate_id: 3,
            name: "Edsger".into(),
            votes: 1,
        };
        assert_eq!(outcome_text(&winner, &counts), "Winner: Edsger with 1 vote");
        let tie = Outcome::Tie {
            candidate_ids: vec![1, 2],
            votes: 2,
        };
        assert_eq!(
            outcome_text(&tie, &counts),
            "Tie between Ada, Grace with 2 votes each"
        );
        assert!(outcome_text(&Outcome::NoVotes, &counts).contains("no winner"));
        assert_eq!(leaders(Some(&winner)), vec![3]);
        assert_eq!(leaders(Some(&tie)), vec![1, 2]);
        assert!(leaders(None).is_empty());
    }
}
