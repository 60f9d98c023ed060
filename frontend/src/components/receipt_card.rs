//! The voter's receipt after an accepted vote: a fingerprint to read aloud, the file to
//! download, the Verify button with its answer, and what the receipt does not protect.

use shared::checkpoint::Receipt;
use yew::prelude::*;

use crate::components::verdict::VerdictLine;
use crate::download::Download;
use crate::i18n::use_i18n;
use crate::receipt::{file_name, fingerprint, to_json, CheckState};

#[derive(Properties, PartialEq)]
pub struct ReceiptCardProps {
    pub receipt: Receipt,
    pub check: CheckState,
    pub on_verify: Callback<Receipt>,
    /// The election's audit page, where anyone can check a receipt and see the recount.
    pub audit_href: AttrValue,
    /// A verifiable election's ballot: sealed, so the privacy note says so.
    #[prop_or_default]
    pub sealed: bool,
}

#[component]
pub fn ReceiptCard(props: &ReceiptCardProps) -> Html {
    let i18n = use_i18n();
    // The file is made once per receipt; the object URL lives as long as the card.
    let file = use_memo(props.receipt.clone(), |receipt| {
        Download::from_text(&to_json(receipt), "application/json", file_name(receipt))
    });
    let on_verify = {
        let (receipt, on_verify) = (props.receipt.clone(), props.on_verify.clone());
        Callback::from(move |_: MouseEvent| on_verify.emit(receipt.clone()))
    };
    let receipt = &props.receipt;
    html! {
        <section class="card receipt" aria-labelledby="receipt-title">
            <h2 id="receipt-title">{ i18n.t("receipt-title") }</h2>
            <p>
                { i18n.t("receipt-fingerprint") }{ " " }
                <strong class="mono" data-testid="receipt-fingerprint" translate="no">{ fingerprint(&receipt.ballot_id) }</strong>
                <span class="muted">{ " " }{ i18n.t_args("receipt-entry", &[("index", receipt.leaf_index.into())]) }</span>
            </p>
            <div class="row wrap">
                <a id="download-receipt" class="button" href={file.url().to_string()}
                    download={file.file_name().to_string()}>
                    { i18n.t("receipt-download") }
                </a>
                <button id="verify-receipt" type="button" class="primary"
                    disabled={props.check == CheckState::Checking}
                    onclick={on_verify}>
                    { i18n.t("receipt-verify") }
                </button>
                <a href={props.audit_href.clone()}>{ i18n.t("receipt-audit") }</a>
            </div>
            <VerdictLine check={props.check.clone()} testid="receipt-verdict" />
            <p class="muted" data-testid="receipt-privacy">
                { i18n.t(if props.sealed { "receipt-privacy-sealed" } else { "receipt-privacy" }) }
            </p>
        </section>
    }
}
