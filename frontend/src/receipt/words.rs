//! A [`Verdict`] in the page's words (`receipts-*` in `locales/*/receipts.ftl`), and the
//! replicas' numbers as a list, which the audit page's checkpoint says too.

use shared::NodeId;
use yew::prelude::*;

use super::verdict::{Damage, Refusal, Unchecked, Verdict, WrongProof};
use crate::i18n::I18n;

/// Replicas' numbers as a list in words: "1", "1 and 2", "1, 2 and 3".
pub fn replicas_in_words(i18n: &I18n, ids: &[NodeId]) -> String {
    let words: Vec<String> = ids
        .iter()
        .map(|&id| crate::i18n::number(i18n.lang(), id as f64))
        .collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => i18n.t_args(
            "receipts-list-last",
            &[
                ("first", rest.join(&i18n.t("receipts-list-comma")).into()),
                ("last", last.clone().into()),
            ],
        ),
    }
}

/// `text` with each occurrence of the `data` strings in an element the browser's translator
/// leaves alone.
fn marking(text: &str, data: &[&str]) -> Html {
    let next = data
        .iter()
        .filter(|piece| !piece.is_empty())
        .filter_map(|piece| text.find(piece).map(|at| (at, *piece)))
        .min_by_key(|(at, piece)| (*at, usize::MAX - piece.len()));
    match next {
        None => html! { { text.to_string() } },
        Some((at, piece)) => html! {
            <>
                { text[..at].to_string() }
                <span translate="no">{ piece.to_string() }</span>
                { marking(&text[at + piece.len()..], data) }
            </>
        },
    }
}

impl Verdict {
    /// The verdict in one sentence.
    pub fn text(&self, i18n: &I18n) -> String {
        match self {
            Verdict::Verified { tree_size, signers } => i18n.t_args(
                "receipts-verified",
                &[
                    ("entries", (*tree_size).into()),
                    ("signers", signers.len().into()),
                    ("list", replicas_in_words(i18n, signers).into()),
                ],
            ),
            Verdict::Refused(refusal) => refusal.text(i18n),
            Verdict::Unchecked(Unchecked::NotStarted) => i18n.t("receipts-checker-not-started"),
            Verdict::Unchecked(Unchecked::Fetch(err)) => {
                i18n.t_args("receipts-not-checked", &[("why", err.describe().into())])
            }
        }
    }

    /// The sentence as the page shows it: the election id and address a refusal names are
    /// data, not words to translate.
    pub fn view(&self, i18n: &I18n) -> Html {
        match self {
            Verdict::Refused(Refusal::OtherElectionsReceipt(election)) => {
                let link = other_audit_page(election);
                marking(&self.text(i18n), &[election, &link])
            }
            _ => html! { { self.text(i18n) } },
        }
    }
}

/// Where a receipt of `election` is checked.
fn other_audit_page(election: &str) -> String {
    format!("/e/{election}/audit")
}

impl Refusal {
    fn text(&self, i18n: &I18n) -> String {
        let count = |key: &str, name: &str, n: u64| i18n.t_args(key, &[(name, n.into())]);
        let sizes = |key: &str, receipt_size: u64, latest_size: u64| {
            i18n.t_args(
                key,
                &[
                    ("receipt", receipt_size.into()),
                    ("latest", latest_size.into()),
                ],
            )
        };
        match self {
            Refusal::Empty => i18n.t("receipts-empty"),
            Refusal::NotAReceipt => i18n.t("receipts-not-a-receipt"),
            Refusal::UnknownElection => i18n.t("receipts-unknown-election"),
            Refusal::OtherElectionsReceipt(election) => i18n.t_args(
                "receipts-other-election",
                &[
                    ("election", election.as_str().into()),
                    ("link", other_audit_page(election).into()),
                ],
            ),
            Refusal::NoKeys => i18n.t("receipts-no-keys"),
            Refusal::Damaged(damage) => {
                let why = match damage {
                    Damage::CheckpointOfOtherElection => i18n.t("receipts-damage-other-election"),
                    Damage::BallotOutsideCheckpoint => i18n.t("receipts-damage-outside"),
                    Damage::BallotHash => i18n.t("receipts-damage-ballot-hash"),
                    Damage::RootHash => i18n.t("receipts-damage-root-hash"),
                    Damage::Other(why) => why.clone(),
                };
                i18n.t_args("receipts-damaged", &[("why", why.into())])
            }
            Refusal::ReceiptNotSigned => i18n.t("receipts-not-signed"),
            Refusal::LogOfOtherElection => i18n.t("receipts-log-of-other-election"),
            Refusal::TooFewSignatures { valid, needed } => i18n.t_args(
                "receipts-too-few-signatures",
                &[("valid", (*valid).into()), ("needed", (*needed).into())],
            ),
            Refusal::EntryChanged { leaf_index } => {
                count("receipts-entry-changed", "index", *leaf_index)
            }
            Refusal::EntryNotThisBallot { leaf_index } => {
                count("receipts-entry-not-this-ballot", "index", *leaf_index)
            }
            Refusal::WrongProof(wrong) => {
                let why = match wrong {
                    WrongProof::Inclusion => i18n.t("receipts-wrong-inclusion-proof"),
                    WrongProof::Consistency => i18n.t("receipts-wrong-consistency-proof"),
                    WrongProof::Other(why) => why.clone(),
                };
                i18n.t_args("receipts-wrong-proof", &[("why", why.into())])
            }
            Refusal::NotInReceiptTree => i18n.t("receipts-not-in-receipt-log"),
            Refusal::LogShrank {
                receipt_size,
                latest_size,
            } => sizes("receipts-log-shrank", *receipt_size, *latest_size),
            Refusal::NotInLatestTree { tree_size } => {
                count("receipts-not-in-latest-log", "entries", *tree_size)
            }
            Refusal::HistoryRewritten {
                receipt_size,
                latest_size,
            } => sizes("receipts-history-rewritten", *receipt_size, *latest_size),
        }
    }
}
