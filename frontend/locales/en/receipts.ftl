# Receipts: checking one against the public log, on the voter and audit pages (en).

## The box where a receipt is pasted (audit page)
receipts-paste-label = Paste a receipt here, or drop its file on this box:
receipts-pick-file = or pick the file:
receipts-verify = Verify receipt

## What checking a receipt came to
receipts-checking = Checking against the public log…
# $entries is the log's size, $signers how many replicas signed it, $list their numbers.
receipts-verified = Your ballot is in the log of { $entries } { $entries ->
        [one] entry
       *[other] entries
    }, signed by { $signers ->
        [one] replica
       *[other] replicas
    } { $list }.
# Replicas' numbers as a list: "1, 2 and 3" ($first is "1, 2").
receipts-list-comma = {", "}
receipts-list-last = { $first } and { $last }

## A text that is not a receipt to check here
receipts-empty = Paste a receipt, or drop its file here, first.
receipts-not-a-receipt = This is not a Ballot receipt: paste the whole file, from {"{"} to {"}"}.
receipts-unknown-election = This receipt names an election id that Ballot never makes.
# $election is the receipt's election id, $link the address of its audit page.
receipts-other-election = This receipt is for the election “{ $election }”, not this one: check it on { $link }.

## A check that failed
receipts-no-keys = The server listed no signing keys, so nothing could be checked.
# $why is one of the receipts-damage-* below.
receipts-damaged = This receipt is damaged: { $why }.
receipts-damage-other-election = its checkpoint belongs to another election
receipts-damage-outside = its ballot lies outside its own checkpoint
receipts-damage-ballot-hash = its ballot hash is not 64 hex digits
receipts-damage-root-hash = its root hash is not 64 hex digits
receipts-not-signed = This receipt was not signed by any of the election's replicas.
receipts-log-of-other-election = The log the server showed belongs to another election than this receipt.
receipts-too-few-signatures = The log is signed by { $valid } of the listed replicas; at least { $needed } must sign it.
receipts-entry-changed = Entry { $index } of the log does not match this receipt: the entry or the receipt was changed.
receipts-entry-not-this-ballot = Entry { $index } of the log is not this receipt's ballot.
# $why is one of the receipts-wrong-*-proof below.
receipts-wrong-proof = The server's answer does not fit this receipt: { $why }.
receipts-wrong-inclusion-proof = an inclusion proof was for another place or log size
receipts-wrong-consistency-proof = the consistency proof was for other log sizes
receipts-not-in-receipt-log = This receipt's own signed log does not contain its ballot.
# $latest is the log's size now, $receipt its size when the receipt was issued.
receipts-log-shrank = The log now has { $latest } entries, fewer than the { $receipt } this receipt saw: entries were removed.
receipts-not-in-latest-log = Your ballot is not in the signed log of { $entries } entries.
receipts-history-rewritten = The signed log of { $latest } entries does not extend the { $receipt } entries this receipt saw: its history was rewritten.

## Nothing was decided
# $why is the reason the request failed, a sentence.
receipts-not-checked = The receipt could not be checked: { $why }
receipts-checker-not-started = The receipt could not be checked: this page's receipt checker did not start. Reload the page and try again.
