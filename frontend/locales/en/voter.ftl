# The voter page (en).

## The voter page
voter-title = Ballot
voter-loading = Loading the election…
clock-offset = Clock offset from server: { $offset } (±{ $margin } ms)
clock-synchronising = Synchronising clock…
results-title = Results
link-all-elections = All elections
link-projector = Projector view
link-audit = Audit the public log

## What the voter page says in its notice line
notice-sending-again = Sending your vote again…
notice-session-ended = Your session has ended; please log in again.
notice-welcome = Welcome, { $name }.
notice-link-login = Logging you in with your personal link…
notice-sending = Sending your vote…
notice-wrong-login = Wrong name or voter id: they do not match anyone on the roll. Check both and try again.
notice-registered = You are voter #{ $id }. Keep this number to log in again.
notice-counted = Thank you: your vote is counted.
notice-replaced = Thank you: your new vote is counted and replaces the previous one.

## Logging in
login-title = Log in
login-name = Name
login-voter-id = Voter id
register-title = New voter
register-name = Your name
register-hint = You will get a voter id; keep it to log in again.
register-submit = Register and log in
credential-label = Your credential
credential-hint = Paste the credential you were sent. Capitals, spaces and dashes do not matter.

## The logged-in voter's panel
panel-who = Logged in as { $name } (voter #{ $id })
panel-logout = Log out
ballot-note-setup = Voting has not started yet. The ballot opens when the admin starts the election.
ballot-note-deadline = The deadline has passed: votes are no longer accepted.
ballot-note-closed = Voting is closed.
change-title = Change your vote
change-intro = Your new vote replaces the previous one; only the last one counts.
change-intro-ballot = Your new ballot replaces the previous one; only the last one counts.
keep-vote = Keep my vote
change-vote = Change my vote
voted-title = ✓ You have voted
voted-private = Your vote is recorded. The voter table and the live feed never show whom you chose.
voted-receipt = Receipt: vote
voted-pending = pending
choose-candidate = Choose a candidate
your-ballot = Your ballot
ballot-intro = Answer each question, then review your answers before casting the ballot. A question you leave unanswered counts as blank.

## The ballot and its review
candidates-label = Candidates
vote-for = Vote for { $name }
vote = Vote
sending = Sending…
review-title = Review your ballot
review-blank-warning =
    { $count ->
        [one] You left { $count } question blank. Cast anyway?
       *[other] You left { $count } questions blank. Cast anyway?
    }
cast-ballot = Cast ballot
change-answers = Change answers

## The voter's receipt
receipt-title = Your receipt
receipt-fingerprint = Ballot fingerprint:
receipt-entry = · entry { $index } of the public log
receipt-download = Download receipt
receipt-verify = Verify
receipt-audit = Audit page
receipt-privacy = The receipt proves your ballot was recorded in the log the replicas sign, and Verify checks that it is still there. It does not hide your choice: Ballot does not encrypt ballots, the replicas' private store links each voter to their ballot, and anyone who sees this receipt can look its ballot up in the public log. Keep it to yourself.

## A ballot of questions
voter-question-number = Question { $number }
voter-review = Review
voter-referendum-yes = Yes
voter-referendum-no = No
voter-credential-placeholder = XXXXX-XXXXX-XXXXX-XXXXX

## Marking candidates
voter-marks-chosen =
    { $picked ->
        [one] { $picked } of { $max } chosen
       *[other] { $picked } of { $max } chosen
    }
voter-marks-limit = That is the most you can choose. To choose another, first untick one of your choices.

## Rank numbers
voter-ranks-help = Give each candidate a rank from { $first } (first choice) to { $most }. Give the same number to rank candidates equal; leave a field empty to leave that candidate unranked.
voter-ranks-error = This is not a rank, so the candidate is left unranked. Enter a whole number from { $first } to { $most }, or empty the field.

## Ranking candidates
voter-ranking-intro = Your ranking, first choice first:
voter-ranking-empty = Nobody ranked yet: the answer is blank.
voter-ranked = Ranked
voter-unranked-heading = Not ranked:
voter-unranked = Not ranked
voter-rank-place = { $place }.
voter-move-up = Move up
voter-move-up-label = Move { $name } up
voter-move-down = Move down
voter-move-down-label = Move { $name } down
voter-remove = Remove
voter-remove-label = Remove { $name } from the ranking
voter-add = Add to ranking
voter-add-label = Add { $name } to the ranking

## Answers on the review
voter-answer-blank = Blank
voter-answer-separator = {", "}
voter-answer-equal = {" = "}

## A verifiable election's sealed ballot
voter-seal-ballot = Seal ballot
voter-seal-title = Your sealed ballot
voter-seal-intro = Your choices are encrypted in this browser: no server, admin or single trustee can read them.
voter-seal-loading = Fetching the election's key…
voter-seal-sealing = Sealing your ballot…
voter-seal-sealed = Your ballot is sealed. Cast it, or check it first.
voter-seal-not-open = Voting is not open yet: the trustees have not published the election's key.
voter-seal-no-random = This browser cannot make the secure random numbers a sealed ballot needs. Please use another browser.
voter-seal-failed = Your ballot could not be sealed:
voter-seal-checking = Checking the ballot…
voter-seal-cast = Cast it
voter-seal-check = Check this ballot
voter-seal-again = Seal again
voter-tracking-code = Tracking code:
voter-tracking-hint = Checking reveals how this ballot was sealed, so it is then thrown away and your choices are sealed again with a new tracking code. Once cast, your ballot's tracking code appears in the public log.
voter-check-title = Ballot check
voter-check-intro = This ballot will never be cast. With the seed and marks below, anyone can seal your choices again and must get exactly this ballot: that proves the page sealed what you chose.
voter-check-seed = Seed:
voter-check-marks = Marks:
voter-check-json = Everything needed to check it elsewhere (JSON):
voter-check-audit = Check it again on the audit page
voter-check-ok = ✓ This ballot holds exactly your choices. It has been thrown away: seal your ballot again to cast it.
voter-check-bad = ✗ This ballot does not hold your choices. Do not vote from this device, and tell the election's organisers:
voter-cast-tracking-title = Your sealed ballot
voter-cast-tracking-hint = Find this code in the public log to see that your ballot was counted as cast:
receipt-privacy-sealed = The receipt proves your ballot was recorded in the log the replicas sign, and Verify checks that it is still there. Your choices are sealed: the log holds only your encrypted ballot, and the trustees decrypt only the total.
