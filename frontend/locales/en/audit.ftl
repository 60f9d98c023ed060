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
