# The audit page (en).

## The page
# $title is the election's title (or its id).
audit-title = Audit: { $title }
audit-check-title = Check a receipt
audit-link-vote = Vote
audit-link-tally = Projector view
audit-link-elections = All elections

## The public log and its latest checkpoint
audit-log-title = The public log
audit-log-intro = Every event of this election, as lines anyone can download and hash. The replicas sign its size and root; this page checks their signatures itself.
audit-entries = Entries
audit-root = Root
audit-signed-at = Signed at
audit-signers = Signers
audit-checkpoint-fetching = Fetching the latest checkpoint…
audit-checkpoint-failed = No checkpoint yet: { $why }
audit-keys-fetching = Fetching the replicas' keys…
audit-keys-failed = The keys could not be fetched: { $why }
audit-no-keys = The server lists no signing keys.
# The rule of audit-signed-by and audit-too-few-signatures ($rule).
audit-only-replica-signs = the only listed replica must sign
audit-replicas-must-sign = { $needed } of the { $listed } listed replicas must sign
# $count replicas signed validly, $list is their numbers ("1, 2 and 3").
audit-signed-by = Signed by { $count ->
        [one] replica
       *[other] replicas
    } { $list } ({ $rule }).
audit-too-few-signatures = Only { $count } valid signature(s): { $rule }. Do not trust this log.

## The bulletin board
audit-board-title = Bulletin board
audit-board-intro = Every ballot with its choice, never its voter. The replicas' private store still links voters to ballots: there is no encryption.
audit-board-waiting = The bulletin board appears here once the results are published.
audit-board-loading = Fetching the log: { $fetched } of { $count } entries…
audit-board-fetch-failed = The log could not be fetched: { $why }
audit-board-not-signed = The log is not signed by enough replicas, so there is nothing to recount.
audit-board-not-signed-log = The entries the server sent are not the log the replicas signed.
audit-entry-unreadable = Entry { $index } of the log cannot be read.
audit-entry-out-of-place = Entry { $index } of the log says it belongs elsewhere: entries were moved or added.
audit-entry-unknown-superseded = Entry { $index } of the log replaces a ballot that is not in the log before it.
audit-recount-matches = The recount matches the published result.
audit-recount-differs = The recount does not match the published result.
audit-recount-waiting = Waiting for the published result to compare with…
audit-col-candidate = Candidate
audit-col-published = Published
audit-col-recounted = Recounted here
# $count ballots in the log, $counted of them count.
audit-board-summary = { $count ->
        [one] { $count } ballot
       *[other] { $count } ballots
    } in the log, { $counted } counted (a re-vote replaces the ballot it names).
audit-col-entry = Entry
audit-col-ballot = Ballot
audit-col-choice = Choice
audit-col-counted = Counted
audit-replaced = replaced by a later vote
audit-counted = counted
# A candidate whose name the page does not know.
audit-candidate = candidate { $id }
audit-blank = blank

## Each question recounted
audit-questions-title = Each question recounted here
audit-questions-intro = Every question counted again in this browser from the ballots above, with the same rules and the same draws (seeded by the log), and compared with the published result to the last digit.
audit-agrees = agrees
audit-differs = differs
audit-pending = pending
audit-agrees-long = Agrees with the published result.
audit-differs-long = Differs from the published result.
# Before a question's id, when it has no title.
audit-question = Question
audit-recounted-passed = Recounted: PASSED
audit-recounted-rejected = Recounted: REJECTED
audit-recounted-no-winner = Recounted: no winner
# Before the winners' names.
audit-recounted-winners = { $count ->
        [one] Recounted winner:
       *[other] Recounted winners:
    }
audit-recount-in-full = The recount in full
# Around a question's id: a question the results publish but the log's ballot lacks.
audit-question-not-on-ballot-before = question “
audit-question-not-on-ballot-after = ” is published but not on the ballot the log defines.

## Trustee page: key ceremony and decryption
audit-trustee-doc-title = Ballot: trustee
audit-trustee-title = Trustee: key ceremony and decryption
audit-trustee-no-token = This page needs your private trustee link, all of it (with the part after “#token=”). Open the link you were given.
audit-trustee-loading = Checking your trustee link…
# Before the election's id.
audit-trustee-election = Election:
# Before the trustee's name.
audit-trustee-who = You are trustee { $id } of { $count }:
audit-trustee-threshold = { $count ->
        [one] You are the only trustee: your key alone decrypts the result.
       *[other] Any { $threshold } of the { $count } trustees together can decrypt the result; fewer cannot.
    }
audit-trustee-ceremony-title = Key ceremony
audit-trustee-view-loading = Reading where the ceremony stands…
audit-trustee-start = Start the key ceremony
audit-trustee-start-hint = Your browser makes your secret key. Only its public parts are sent; the secret stays here and in your key file.
audit-trustee-started = Your key is made. Download your key file now, then keep this page open.
audit-trustee-sent = Your part is sent.
audit-trustee-key-ready = Your key is ready.
audit-trustee-need-file = Your ceremony is under way: load your key file to continue.
audit-trustee-keep-open = Waiting for the other trustees. This page checks every 2 seconds; keep it open.
audit-trustee-loaded = Key file loaded.
audit-trustee-no-randomness = This browser has no secure random numbers. Use another browser.
# Followed by where and why, in the library's words.
audit-trustee-proof-failed = Your browser refused a part of the ceremony:
audit-trustee-file-unreadable = This file is not a trustee key file.
audit-trustee-file-other-election = This key file belongs to another election.
audit-trustee-file-other-trustee = This key file belongs to another trustee.

## Trustee page: the key file
audit-trustee-file-title = Your key file
audit-trustee-file-warning = Without your key file you cannot decrypt: no server has your secret. Keep the file safe and private.
audit-trustee-file-final = Your key is ready. Download your key file again and keep this one: it is the one that decrypts after voting closes.
audit-trustee-download = Download my key file
audit-trustee-load = Load my key file
audit-trustee-load-hint = To continue the ceremony on another visit, or to decrypt after voting closes.

## Trustee page: decryption
audit-trustee-decrypt-title = Decryption
audit-trustee-decrypt-later = Decryption opens when voting has closed. Come back then with this link and your key file.
audit-trustee-decrypt-needs-file = Load your key file to decrypt.
audit-trustee-decrypt = Decrypt my share
audit-trustee-decrypting = Decrypting…
audit-trustee-decrypted-mine = Your share of the decryption is in.
audit-trustee-decrypted-all = The tally is decrypted: the results can be published.
# Followed by the names of the trustees who have not decrypted yet.
audit-sealed-waiting = { $count ->
        [one] Sealed: waiting for { $count } more trustee:
       *[other] Sealed: waiting for { $count } more trustees:
    }

## Where the ceremony stands, trustee by trustee
audit-stage-no-trustees = No trustees are named yet.
audit-stage-commitments = Round 1 of 3: each trustee commits to a secret.
audit-stage-polynomials = Round 2 of 3: each trustee publishes the public part of their secret.
audit-stage-shares = Round 3 of 3: each trustee sends the others their sealed shares.
audit-stage-key-published = The election key is published: voting can open.
audit-stage-decrypting = Voting is closed: the trustees decrypt the tally.
audit-stage-decrypted = The tally is decrypted.
audit-trustee-col-trustee = Trustee
audit-trustee-col-commitment = Commitment
audit-trustee-col-polynomial = Public part
audit-trustee-col-shares = Shares
audit-trustee-col-decryption = Decryption
audit-trustee-part-in = received
audit-trustee-part-missing = waiting
audit-trustee-you = (you)

## Secret ballots of a verifiable election, checked from the log
audit-secret-title = Secret ballots
audit-secret-intro = Checked in this browser from the signed log alone: every trustee's key, every sealed ballot's proofs, the encrypted tally of the counted ballots, every decryption and the decrypted sums.
audit-secret-checking = Checking the secret ballots…
audit-secret-fetch-failed = Could not fetch the log: { $why }
audit-secret-not-verifiable = The log does not record this election as verifiable.
# Followed by where the check failed and why, in the checker's words.
audit-secret-failed = The check FAILED at
audit-secret-passed = Every proof checks.
audit-secret-ballots = { $count ->
        [one] { $count } sealed ballot checked, { $counted } counted.
       *[other] { $count } sealed ballots checked, { $counted } counted.
    }
audit-secret-trustees = { $count ->
        [one] { $count } trustee's key checked; { $threshold } needed to decrypt.
       *[other] { $count } trustees' keys checked; { $threshold } needed to decrypt.
    }
audit-secret-key-checked = The election key matches the trustees' public parts.
audit-secret-key-waiting = The election key is not published yet.
audit-secret-decryptions = { $count ->
        [one] { $count } trustee's decryption checked.
       *[other] { $count } trustees' decryptions checked.
    }
audit-secret-sums-title = Decrypted sums
audit-secret-col-sum = Votes
audit-secret-sealed = The tally is still sealed: no sums yet.

## Benaloh's check of a ballot the voter did not cast
audit-challenge-title = Check a ballot you did not cast
audit-challenge-intro = Paste what the voter page showed when you chose "Check this ballot" (or what ballot vote --challenge printed). This page seals the choices again from the seed and compares.
audit-challenge-label = The checked ballot (JSON)
audit-challenge-check = Check the ballot
audit-challenge-checking = Checking…
audit-challenge-holds = This ballot seals exactly the choices below (options by number). Its tracking code:
audit-challenge-none = none
audit-challenge-not-cast = It was not cast, as a checked ballot must not be.
audit-challenge-was-cast = Warning: this checked ballot was cast. Its seed is public, so anyone can read its choices.
audit-challenge-unreadable = This is not a checked ballot: paste the whole JSON, with ballot, seed and marks.
audit-challenge-no-key = This election has no published key yet: no ballot can have been sealed under it.
audit-challenge-fails = This ballot does not seal these choices with this seed:
