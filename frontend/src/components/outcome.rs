//! The announcement once results are published.

use shared::results::{CandidateCount, Outcome, Wording};
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

/// The candidates to highlight for an outcome: the winner, or every tied leader.
pub fn leaders(outcome: Option<&Outcome>) -> Vec<CandidateId> {
    match outcome {
        Some(Outcome::Winner { candidate_id, .. }) => vec![*candidate_id],
        Some(Outcome::Tie { candidate_ids, .. }) => candidate_ids.clone(),
        Some(Outcome::NoVotes) | None => Vec::new(),
    }
}

#[component]
pub fn OutcomeBanner(props: &OutcomeBannerProps) -> Html {
    html! {
        <section class={classes!("outcome", props.class.clone())} aria-live="polite"
            data-testid="outcome">
            <h2>{ props.outcome.describe(&props.counts, Wording::Sentence) }</h2>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    // The wording itself is `Outcome::describe`'s, tested in `shared`.
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
