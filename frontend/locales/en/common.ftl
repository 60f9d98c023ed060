# Ballot's words shared by every page (en).

## Every page
language-label = Language
contrast-label = High contrast
text-size-label = Text size
text-size-option = { $percent }%
connection-connecting = Connecting…
connection-live = Live
connection-reconnecting = Reconnecting… (attempt { $attempt }, next in { $seconds } s)
connection-refused = Admin token refused
phase-setup = Not started
phase-open = Voting open
phase-closed = Voting closed
phase-published = Results published
countdown-time-left = Time left
countdown-passed = Deadline passed
countdown-deadline = Deadline
countdown-none = none
countdown-not-set = not set
countdown-voting = Voting
countdown-closed = closed

## Why a request failed (every page)
error-network = Cannot reach the server. Check your connection and try again.
error-network-gave-up = Still cannot reach the server. Check your connection and try again in a minute.
error-decode = The server sent an unexpected answer ({ $detail }).
error-status = The server answered with status { $status }.
error-already-voted = You have already voted. Each voter can vote only once.
error-vote-pending = Your vote is still waiting to be counted; checking again shortly.
error-vote-pending-gave-up = Your vote is still waiting to be counted. Reload the page in a minute to see your receipt.
error-voting-not-open = Voting is not open: the election is not accepting votes right now.
error-past-deadline = The deadline has passed, so this vote was not counted.
error-click-too-old = Your vote took too long to reach the server and was not counted; please vote again.
error-click-in-future = Your vote was not counted because this device's clock disagrees with the server's; please reload the page and vote again.
error-rate-limited = Too many failed attempts from this network. Please wait { $seconds } s before trying again.
error-queue-full = Many people are voting right now; trying again in { $seconds } s.
error-queue-full-gave-up = Many people are voting right now and the server could not take this in time. Please try again in a minute.
error-unavailable = The servers cannot agree right now (too few of them are reachable); trying again in { $seconds } s.
error-unavailable-gave-up = The servers still cannot agree (too few of them are reachable). Please try again in a minute.
error-busy = The server is busy; trying again in { $seconds } s.
error-busy-gave-up = The server is still busy. Please try again in a minute.
error-idempotency-key-reused = This page sent two different requests under one request number, an internal problem of the page; nothing was changed. Please try again: it will be sent as a new request.
error-lamport-out-of-range = This page's clock for ordering events is out of step with the server, an internal problem of the page; nothing was changed. Please reload the page and try again.
error-malformed = The server refused this request as malformed, an internal problem of the page (or a very long entry); nothing was changed. Please reload the page and try again.
error-bad-credential = This credential does not match anyone on this election's roll (or it has been replaced). Check it and try again.
error-self-registration-off = This election does not take registrations: the admin imports the roll.
error-roll-frozen = The roll is frozen once voting has opened: voters can only be imported before the start.
error-mail-not-configured = The servers cannot send mail: they were started without an SMTP server (--smtp-url).
error-election-exists = An election with this id already exists: choose another id (or title).
error-bad-login = Wrong name or voter id: they do not match anyone on the roll. Check both and try again.
error-bad-session = Your session has ended; please log in again.
error-forbidden = Your account's role does not allow this. An owner can change your role or assign you to this election.
error-admin-unauthorized = The admin token was refused. Check it and enter it again.
error-name-taken = Someone on the roll already has this name. Add something that tells you apart, such as an initial.
error-unknown-candidate = This choice is not on the ballot. Reload the page to see the current ballot.
error-deadline-in-past = The deadline must be in the future. Choose a later time.
error-deadline-not-reached = The deadline has not passed yet: the election can be closed at its deadline only once it has.
error-roll-full = The roll is full: no more voters can be added to this election.
error-wrong-login-method = This election does not log voters in this way. Use the login its page shows.
error-cluster-unauthorized = The servers refused each other's secret; the operators must check the cluster's settings.
error-not-found = Not found: this election or page does not exist. Check the address.
error-too-many-connections = Too many pages are connected to this server right now. Close other tabs or try again in a minute.
error-storage = The server could not read or write its data. Please try again in a minute; if it keeps happening, tell the election's organisers.
error-internal = Something went wrong on the server. Please try again; if it keeps happening, tell the election's organisers.
error-invalid-name = This name cannot be used: { $detail }
error-wrong-phase = This cannot be done at this stage of the election: { $detail }
error-invalid-election = The election was refused: { $detail }
error-invalid-ballot = The ballot was refused: { $detail }
error-invalid-roll = The roll was refused: { $detail }
error-bad-request = The server refused this request: { $detail }

## Document titles and pages of no election
title-vote = Ballot: vote
title-admin = Ballot: admin
title-tally = Ballot: tally
title-elections = Ballot: elections
title-audit = Ballot: audit
title-admin-elections = Ballot: admin · elections
title-not-found = Ballot: not found
not-found-title = Page not found
not-found-vote = Vote
not-found-tally = Tally
not-found-elections = Elections
not-found-admin = Admin
missing-title = No such election
missing-before-id = There is no election with the id “
missing-after-id = ”.
missing-see-all = See every election

## Units, and the warning before the deadline
unit-ms = { $value } ms
unit-s = { $value } s
deadline-warning =
    { $minutes ->
        [one] Less than one minute left to vote: cast your ballot before the deadline ({ $deadline }).
       *[other] Less than { $minutes } minutes left to vote: cast your ballot before the deadline ({ $deadline }).
    }

## Verifiable elections
error-invalid-proof = A proof did not check, so nothing was recorded: { $detail }
error-bad-trustee-token = This trustee link is not valid (or the trustees were named again). Ask the election's organisers for your current link.
error-trustees-pending = The election cannot open yet: every trustee must finish the key ceremony first.
