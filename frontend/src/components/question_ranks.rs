//! The control of a Schulze question: a rank number beside each candidate (1 is the first
//! choice; blank leaves the candidate unranked).
//!
//! Why numbers rather than the ranking list of IRV and STV: Schulze lets a voter rank
//! candidates equal, and with numbers that needs nothing new, as two candidates given the same
//! number are equal. Moving buttons would need a further "tie with the one above" control
//! that is hard to explain and to announce. A number field works by keyboard (type, or the
//! arrow keys), by touch (a numeric keypad) and with a screen reader (a labelled field).
//! Numbers need not be consecutive: 1, 1, 4 reads as "two equal first, then one".

use std::collections::{BTreeMap, BTreeSet};

use shared::elections::QuestionView;
use shared::CandidateId;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::question_marks::candidate_text;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct QuestionRanksProps {
    pub question: QuestionView,
    /// Candidate → rank number, for the ranked candidates only.
    pub ranks: BTreeMap<CandidateId, u32>,
    pub enabled: bool,
    pub on_change: Callback<BTreeMap<CandidateId, u32>>,
}

/// A field's text as a rank: a whole number from 1 to `most`; anything else unranks.
fn parse_rank(text: &str, most: u32) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|rank| (1..=most).contains(rank))
}

#[component]
pub fn QuestionRanks(props: &QuestionRanksProps) -> Html {
    let i18n = use_i18n();
    // The fields whose text is not a rank: it counts as unranked, and the field says so
    // rather than leave the voter believing the number was taken.
    let invalid = use_state(BTreeSet::<CandidateId>::new);
    let question = &props.question;
    let most = u32::try_from(question.candidates.len()).unwrap_or(u32::MAX);
    let help_id = format!("q-{}-rank-help", question.id);
    let rows = question.candidates.iter().map(|candidate| {
        let id = candidate.id;
        let input_id = format!("q-{}-rank-{id}", question.id);
        let error_id = format!("q-{}-rank-{id}-error", question.id);
        let oninput = {
            let (ranks, on_change) = (props.ranks.clone(), props.on_change.clone());
            let invalid = invalid.clone();
            Callback::from(move |event: InputEvent| {
                let input = event.target_unchecked_into::<HtmlInputElement>();
                let text = input.value();
                let rank = parse_rank(&text, most);
                // An empty value is also what the browser reports for text that is no
                // number at all ("e", "-"); its validity tells the two apart.
                let wrong = rank.is_none() && (!text.trim().is_empty() || !input.check_validity());
                let mut marked = (*invalid).clone();
                let changed = if wrong {
                    marked.insert(id)
                } else {
                    marked.remove(&id)
                };
                if changed {
                    invalid.set(marked);
                }
                let mut next = ranks.clone();
                match rank {
                    Some(rank) => next.insert(id, rank),
                    None => next.remove(&id),
                };
                on_change.emit(next);
            })
        };
        let value = props.ranks.get(&id).map(u32::to_string).unwrap_or_default();
        let wrong = invalid.contains(&id);
        let described_by = if wrong {
            format!("{error_id} {help_id}")
        } else {
            help_id.clone()
        };
        html! {
            <li class="rank-row">
                <input id={input_id.clone()} type="number" inputmode="numeric"
                    min="1" max={most.to_string()} step="1" class="rank-number"
                    {value} {oninput} disabled={!props.enabled}
                    aria-describedby={described_by}
                    aria-invalid={wrong.then_some("true")}
                    data-testid={format!("rank-{}-{id}", question.id)} />
                <label for={input_id}>{ candidate_text(&i18n, question, candidate) }</label>
                if wrong {
                    <p class="notice-error" id={error_id}>
                        { i18n.t_args("voter-ranks-error", &[("first", 1.into()), ("most", most.into())]) }
                    </p>
                }
            </li>
        }
    });
    html! {
        <>
            <p class="muted" id={help_id.clone()}>
                { i18n.t_args("voter-ranks-help", &[("first", 1.into()), ("most", most.into())]) }
            </p>
            <ul class="rank-rows">{ for rows }</ul>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_rank;

    #[test]
    fn only_whole_ranks_within_the_ballot_count() {
        assert_eq!(parse_rank("2", 3), Some(2));
        assert_eq!(parse_rank(" 3 ", 3), Some(3));
        for bad in ["", "0", "4", "-1", "1.5", "x"] {
            assert_eq!(parse_rank(bad, 3), None, "{bad}");
        }
    }
}
