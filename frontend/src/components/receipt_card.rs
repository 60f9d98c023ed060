//! The voter's receipt after an accepted vote: a fingerprint to read aloud, the file to
//! download, the Verify button with its answer, and what the receipt does not protect.

use shared::checkpoint::Receipt;
use yew::prelude::*;

use crate::components::verdict::VerdictLine;
use crate::download::Download;
use crate::receipt::{file_name, fingerprint, to_json, CheckState};

#[derive(Properties, PartialEq)]
pub struct ReceiptCardProps {
    pub receipt: Receipt,
    pub check: CheckState,
    pub on_verify: Callback<Receipt>,
    /// The election's audit page, where anyone can check a receipt and see the recount.
    pub audit_href: AttrValue,
}

#[component]
pub fn ReceiptCard(props: &ReceiptCardProps) -> Html {
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
            <h2 id="receipt-title">{ "Your receipt" }</h2>
            <p>
                { "Ballot fingerprint: " }
                <strong class="mono" data-testid="receipt-fingerprint">{ fingerprint(&receipt.ballot_id) }</strong>
                <span class="muted">{ format!(" · entry {} of the public log", receipt.leaf_index) }</span>
            </p>
            <div class="row wrap">
                <a id="download-receipt" class="button" href={file.url().to_string()}
                    download={file.file_name().to_string()}>
                    { "Download receipt" }
                </a>
                <button id="verify-receipt" type="button" class="primary"
                    disabled={props.check == CheckState::Checking}
                    onclick={on_verify}>
                    { "Verify" }
                </button>
                <a href={props.audit_href.clone()}>{ "Audit page" }</a>
            </div>
            <VerdictLine check={props.check.clone()} testid="receipt-verdict" />
            <p class="muted" data-testid="receipt-privacy">
                { "The receipt proves your ballot was recorded in the log the replicas sign, and Verify checks that it is still there. \
                   It does not hide your choice: Ballot does not encrypt ballots, the replicas' private store links each voter to their ballot, \
                   and anyone who sees this receipt can look its ballot up in the public log. Keep it to yourself." }
            </p>
        </section>
    }
}
