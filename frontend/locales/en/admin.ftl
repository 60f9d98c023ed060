# The admin console and the admin's list of elections (en).

## The token gate
admin-title = Ballot admin
admin-token-title = Admin token
# $flag is the command-line option, shown as code.
admin-token-label = Token (given to the node with { $flag })
admin-token-hint = Kept in this tab only; closing the tab forgets it.
admin-token-submit = Open the console
admin-wrong-token = Wrong admin token.
admin-token-refused = The server refused the admin token; please enter it again.

## The console's frame and sections
admin-election-pages = Election pages
admin-all-elections = All elections
admin-voter-page = Voter page
admin-projector = Projector
admin-forget-token = Forget token
admin-section-election = Election
admin-section-queue = Vote queue
admin-section-results = Results
admin-section-voters = Voters
admin-section-roll = Roll
admin-section-exports = Exports
admin-section-mail = Mail
admin-section-replicas = Replicas
admin-section-activity = Activity
# A list's separator, between its items.
admin-list-separator = {", "}

## The election's commands
admin-no-deadline = No deadline set.
# $time is a date and time.
admin-deadline-at = Deadline at { $time }.
# Follows the deadline's sentence; $node and $lamport are identifiers, $offset a signed duration.
admin-node-clock = {" "}Node { $node } · clock offset { $offset } · Lamport { $lamport }
admin-start = Start voting
admin-start-question = Open the election to votes now?
admin-start-yes = Yes, start voting
admin-stop = Stop voting
admin-stop-question = Close voting now? No vote can be cast afterwards.
admin-stop-yes = Yes, stop voting
admin-publish = Publish results
admin-publish-question = Publish the results? They cannot change afterwards.
admin-publish-yes = Yes, publish results
admin-cancel = Cancel
admin-sending = Sending…
admin-voting-started = Voting started.
admin-voting-stopped = Voting stopped.
admin-results-published = Results published.
admin-deadline-date-label = Deadline (date and time)
admin-deadline-minutes-label = Or minutes from now
admin-set-deadline = Set deadline
admin-deadline-set = Deadline set.
admin-live-results-switch = {" "}Show live results to voters and the tally while voting is open
admin-live-results-shown = Live results shown.
admin-live-results-hidden = Live results hidden.

## The vote queue
admin-queue-waiting = Waiting
admin-queue-in-flight = In flight
admin-queue-capacity = Capacity
admin-queue-peak-waiting = Peak waiting
admin-queue-peak-in-flight = Peak in flight

## The voters and their credentials
# $count is "$voted of $total", in bold.
admin-turnout = { $count } voters have voted ({ $percent } %)
admin-turnout-count = { $voted } of { $total }
admin-turnout-label = Turnout
admin-voters-id = Id
admin-voters-name = Name
admin-voters-voted = Voted
admin-voters-credential = Credential
admin-voter-has-voted = ✓ voted
admin-new-credential = New credential
admin-new-credential-yes = Yes, new credential
admin-new-credential-question = Replace { $name }'s credential? The old one stops working.
admin-replacing-credential = Replacing the credential…
admin-credential-replaced = Credential replaced.
admin-fresh-title = New credential for { $name } (voter #{ $id }): shown once
admin-fresh-title-unnamed = New credential for voter #{ $id }: shown once
admin-fresh-hint = The previous credential and its sessions no longer work. Copy this one now: it cannot be shown again.
admin-fresh-done = Done

## The roll import
admin-roll-file = A CSV file…
admin-roll-paste = …or paste it here
admin-roll-frozen = The roll is frozen once voting has opened.
# $name, $email and $external_id are the columns' names, shown as code.
admin-roll-hint = A header row with { $name }, and optionally { $email } and { $external_id }. Voters already on the roll (same email, or same name without one) are skipped.
admin-roll-import = Import voters
admin-roll-pending = Download or dismiss the credentials above before importing more.
admin-roll-importing = Importing…
admin-roll-imported = Imported: { $created } new voters, { $skipped } skipped.
admin-roll-summary = { $created } new voters, { $skipped } skipped.
admin-roll-skipped-rows = Skipped rows
# $status is the server's reason, as it wrote it.
admin-roll-skipped-row = Row { $row }: { $name } ({ $status })
admin-roll-unreadable = Cannot read the file: { $error }
admin-credentials-title = { $count } new credentials: shown once
admin-credentials-explain = Download them now and send each voter theirs. Ballot keeps only a fingerprint of each credential: this page cannot show them again, and once you leave it or press Done they are gone. A lost credential can only be replaced (New credential in the voter table).
admin-credentials-download = Download credentials (CSV)
admin-credentials-done = Done: forget them
admin-credentials-done-yes = Yes, done: forget them
admin-credentials-dismiss = Dismiss without downloading
admin-credentials-dismiss-yes = Yes, dismiss without downloading
admin-credentials-question = Forget these credentials? They cannot be shown again.
admin-credentials-saved = Saved as { $file }. Keep the file safe.

## The exports
admin-export-results = Results (CSV)
admin-export-turnout = Turnout (CSV)
admin-export-events = Event log (NDJSON)
admin-export-hint = Turnout says who voted and when, never for whom; the log shows each vote without its choice.
admin-export-fetching = Fetching { $file }…
admin-export-downloaded = Downloaded { $file }.
admin-export-fallback = If the download did not start:
admin-export-results-refused = The results can be exported once voting has closed (or while live results are shown).

## Mail to voters
admin-mail-send = Send mail
admin-mail-invite-all = Invite every voter
admin-mail-invite-all-yes = Yes, invite every voter
admin-mail-invite-all-question = Mail every voter their link and a new credential? Credentials they had stop working.
admin-mail-invite-rest = Invite those not yet invited
admin-mail-invite-rest-yes = Yes, invite those not yet invited
admin-mail-invite-rest-question = Mail a link and a new credential to every voter not invited yet?
admin-mail-remind = Remind those who have not voted
admin-mail-results = Mail the results
admin-mail-hint-setup = An invitation carries the voter's personal link and a new credential (the one from the import stops working). Reminders can be sent once voting is open.
admin-mail-hint-open = An invitation carries the voter's personal link and a new credential (the one they had stops working). A reminder goes only to voters who have not voted.
admin-mail-hint-no-credential = Invitations need an election whose voters log in with a credential. A reminder goes only to voters who have not voted, while voting is open.
admin-mail-hint-closed = The results can be mailed once they are published.
admin-mail-hint-published = Voters with an email can be sent the published results.
# $kind is invitation, reminder or results.
admin-mail-queueing = { $kind ->
    [invitation] Queueing the invitations…
    [reminder] Queueing the reminders…
   *[results] Queueing the results mails…
}
admin-mail-queued = Queued { $count } { $kind ->
    [invitation] { $count ->
        [one] invitation
       *[other] invitations
    }
    [reminder] { $count ->
        [one] reminder
       *[other] reminders
    }
   *[results] { $count ->
        [one] results mail
       *[other] results mails
    }
}.
# $list is a list of the reasons below.
admin-mail-skipped = Skipped: { $list }.
admin-mail-skipped-no-email = { $count } without an email
admin-mail-skipped-waiting = { $count } already waiting to be sent
admin-mail-skipped-voted = { $count } who have voted
admin-mail-last-send = Last send: { $kind ->
    [invitation] invitations
    [reminder] reminders
   *[results] results mails
}
admin-mail-figure-queued = Queued
admin-mail-figure-no-email = No email
admin-mail-figure-waiting = Already waiting
admin-mail-figure-voted = Have voted
admin-mail-status-error = The mail's status could not be read: { $error }
admin-mail-reading = Reading the mail's status…
admin-mail-none = No mail sent yet.
admin-mail-heading-invitation = Invitations
admin-mail-heading-reminder = Reminders
admin-mail-heading-results = Results
admin-mail-all-sent = All { $sent } sent.
# $parts says which of the counts are not zero.
admin-mail-progress = { $parts ->
    [failed] { $sent } of { $total } sent, { $failed } failed.
    [waiting] { $sent } of { $total } sent, { $queued } waiting.
   *[both] { $sent } of { $total } sent, { $failed } failed, { $queued } waiting.
}
admin-mail-failed-title = Failed ({ $count })
admin-mail-failed-meta = {" "}· { $kind ->
    [invitation] invitation
    [reminder] reminder
   *[results] results mail
} · { $attempts ->
    [one] { $attempts } attempt
   *[other] { $attempts } attempts
}
admin-mail-resend = Resend
admin-mail-resend-label = Resend the { $kind ->
    [invitation] invitation
    [reminder] reminder
   *[results] results mail
} to { $name }
admin-mail-no-reason = No reason given.
# The placeables are command-line options and settings, shown as code.
admin-mail-setup-intro = The servers cannot send mail: they were started without an SMTP server. Start every member with:
admin-mail-setup-url = { $url } (or { $starttls }, or { $smtps }),
admin-mail-setup-from = { $from }: the sender voters see,
admin-mail-setup-public = { $public }: the links in the mails start with it.
admin-mail-setup-env = The environment variables { $url }, { $from } and { $public } do the same (and keep a password off the command line). { $cluster } and { $xtask } pass them on to the members they start.

## Replicas
admin-cluster-asking = Asking the cluster…
admin-cluster-single = Single node: this server runs without replication.
# $leader is admin-cluster-leader-none or admin-cluster-leader-node, in bold.
admin-cluster-answered = Answered by node { $node }, term { $term }, leader: { $leader }
admin-cluster-leader-none = none
admin-cluster-leader-node = node { $id }
admin-cluster-node = Node
admin-cluster-address = Address
admin-cluster-role = Role
admin-cluster-up = Up
admin-cluster-applied = Applied
admin-cluster-lag = Lag
admin-cluster-offset = Clock offset
admin-member-up = up
admin-member-down = DOWN
admin-role = { $role ->
    [leader] leader
    [follower] follower
    [candidate] candidate
    [learner] learner
    [shutdown] shutdown
   *[unknown] unknown
}
# $role is admin-role's word.
admin-role-non-voting = { $role } (non-voting)

## The activity feed
admin-feed-empty = Nothing has happened yet.
admin-feed-label = Activity, newest first
# $seq is the event's number in the log, $lamport its Lamport time.
admin-feed-meta = #{ $seq } · L{ $lamport }
admin-feed-by = by{" "}
admin-feed-lamport = L{ $lamport }

## The activity feed's lines
# The server's own English for these lines (shared::feed::FeedWords::english) must read the same.
# $name is a voter's or a candidate's name (or admin-feed-line-voter), $voter a voter's number.
admin-feed-line-voter = voter { $voter }
admin-feed-line-candidate-added = Candidate { $name } is on the ballot
admin-feed-line-voter-registered = { $name } registered as voter { $voter }
# $count is how many voters are on the roll now.
admin-feed-line-someone-registered = A voter registered ({ $count } on the roll)
admin-feed-line-logged-in = { $name } logged in
admin-feed-line-voted = { $name } voted
admin-feed-line-someone-voted = A vote was cast
# $duration is one of admin-feed-line-duration-….
admin-feed-line-deadline-set = Deadline set: voting closes { $duration } after this change
admin-feed-line-duration-s = { $seconds } s
admin-feed-line-duration-min = { $minutes } min
admin-feed-line-duration-min-s = { $minutes } min { $seconds } s
admin-feed-line-duration-h-min = { $hours } h { $minutes } min
admin-feed-line-live-results-on = Live results are on
admin-feed-line-live-results-off = Live results are off
admin-feed-line-voting-opened = Voting is open
admin-feed-line-voting-stopped = Voting was stopped by the admin
admin-feed-line-deadline-passed = Voting closed: the deadline passed
admin-feed-line-results-published = The results are published
# $title is the election's title; $count how many candidates or questions it has.
admin-feed-line-election-defined = Election "{ $title }" defined with { $count } candidates
admin-feed-line-election-defined-questions = { $count ->
    [one] Election "{ $title }" defined with { $count } question
   *[other] Election "{ $title }" defined with { $count } questions
}
admin-feed-line-voter-imported = { $name } imported as voter { $voter }
# $created is how many voters the import added, $skipped how many rows it left out.
admin-feed-line-roll-imported = Roll imported: { $created } voters added, { $skipped } skipped
admin-feed-line-credential-issued = { $name } got a new credential
# $kind is invitation, reminder or results; $error is the mail server's own text.
admin-feed-line-mail-failed = The { $kind ->
    [invitation] invitation
    [reminder] reminder
   *[results] results
} to { $name } failed: { $error }
# $count is how many mails were queued, $skipped how many voters have no email.
admin-feed-line-mail-queued = Mail queued: { $count } { $kind ->
    [invitation] { $count ->
        [one] invitation
       *[other] invitations
    }
    [reminder] { $count ->
        [one] reminder
       *[other] reminders
    }
   *[results] { $count ->
        [one] results mail
       *[other] results mails
    }
}{ $skipped ->
    [0] {""}
    [one] {" "}({ $skipped } voter without an email left out)
   *[other] {" "}({ $skipped } voters without an email left out)
}
# $node is a member's number in the cluster, $term the election term of its leadership.
admin-feed-line-replica-unreachable = Replica { $node } is unreachable: replication to it has stopped
admin-feed-line-replica-back = Replica { $node } is back and catching up
admin-feed-line-member-joined = Member { $node } joined the cluster
admin-feed-line-new-leader = Replica { $node } is now the leader (term { $term })
admin-feed-line-no-leader = No leader: an election is under way

## Accounts

admin-checking = Checking…
admin-sign-in-title = Sign in with an account
admin-sign-in-name = Name
admin-sign-in-password = Password
admin-sign-in-submit = Sign in
admin-sign-in-refused = Wrong name or password.
admin-session-ended = Your session has ended; please sign in again.
admin-sign-out = Sign out
# A role's name, shown after the account's name ("Ana · official").
admin-role-owner = owner
admin-role-official = official
admin-role-observer = observer
admin-observer-note = You are an observer: you can watch this election but change nothing.
admin-section-accounts = Accounts
admin-accounts-loading = Loading accounts…
admin-accounts-none = No accounts yet: only the admin token opens these pages.
admin-account-password = signs in with a password
admin-account-token-only = signs in with its token only
admin-account-elections = Elections:
admin-account-no-elections = none
admin-account-delete = Delete
admin-account-delete-yes = Yes, delete it
# $name is the account's name.
admin-account-delete-question = Delete { $name }? Its token and sessions stop at once.
admin-account-deleted = Account deleted.
admin-account-token-title = Token of { $name }
admin-account-token-hint = Copy it now and hand it over: it is shown only this once, and the server keeps only its fingerprint.
admin-account-new = New account
admin-account-name = Name
admin-account-role = Role
admin-account-password-label = Password (optional)
admin-account-password-hint = { $min ->
    [one] At least { $min } character.
   *[other] At least { $min } characters.
} Without a password, the account signs in with its token only.
admin-account-create = Create account
admin-section-officials = Officials and observers
admin-officials-legend = Who may run or watch this election
admin-officials-save = Save officials
admin-officials-saved = Officials saved.
admin-officials-none = No officials or observers yet.
admin-officials-none-link = Create accounts on the list of elections.

## First owner
# The form the one-time setup link opens (`/admin#setup=…`), printed by a new node.
admin-setup-title = Create the first owner account
admin-setup-intro = This link was printed by the server at its first start and works once: the account made here owns the server and creates the other accounts.
admin-setup-name = Name
admin-setup-password = Password
admin-setup-password-hint = { $min ->
    [one] At least { $min } character.
   *[other] At least { $min } characters.
}
admin-setup-submit = Create the owner account
admin-setup-cancel = Sign in instead
admin-setup-name-invalid = Enter a name of 1 to 64 characters, not only spaces.
admin-setup-password-short = { $min ->
    [one] The password is too short: use at least { $min } character.
   *[other] The password is too short: use at least { $min } characters.
}
admin-setup-password-long = { $max ->
    [one] The password is too long: use at most { $max } character.
   *[other] The password is too long: use at most { $max } characters.
}
admin-setup-forbidden = This setup link is not valid. Copy the whole link the server printed at its first start.
admin-setup-used = An account already exists: this setup link has already been used. Sign in instead.
# $reason is why the sign-in failed, a sentence.
admin-setup-sign-in-failed = The owner account was created, but signing in failed: { $reason } Sign in with its name and password.
admin-setup-welcome-title = Your owner account
admin-setup-created = Owner account created.

## Trustees of a verifiable election
admin-section-trustees = Trustees
admin-trustees-loading = Reading the key ceremony…
admin-trustees-form-title = Name the trustees
admin-trustees-intro = The trustees hold the election key between them: no one else, not even the servers, can decrypt the count. Each gets a private link to take part in the key ceremony in their browser.
admin-trustee-legend = Trustee { $number }
admin-trustee-name = Name
admin-trustee-email = Email (optional)
admin-trustees-remove = Remove trustee { $number }
admin-trustees-add = Add a trustee
admin-trustees-threshold = Trustees needed to decrypt
admin-trustees-threshold-hint = That many trustees together can decrypt the result, fewer cannot (1 to { $count }).
admin-trustees-again-warning = Naming the trustees again starts the key ceremony over.
admin-trustees-save = Name the trustees
admin-trustees-named = Trustees named.
admin-trustees-links-title = Private links, shown once
admin-trustee-mailed = their link was mailed to them (you do not see it).
admin-trustees-copy-hint = Copy each link now and give it to its trustee privately: anyone with the link acts as that trustee. They are not shown again.
# Before the trustee's name.
admin-trustee-link = Private link of
admin-trustees-dismiss = I have copied the links
admin-decrypted-publish = The tally is decrypted: the results can be published.
# Followed by the names of the trustees who have not decrypted yet.
admin-sealed-waiting = { $count ->
        [one] Sealed: waiting for { $count } more trustee:
       *[other] Sealed: waiting for { $count } more trustees:
    }
admin-stage-no-trustees = No trustees are named yet: name them before voting opens.
admin-stage-commitments = Key ceremony, round 1 of 3: each trustee commits to a secret.
admin-stage-polynomials = Key ceremony, round 2 of 3: each trustee publishes the public part of their secret.
admin-stage-shares = Key ceremony, round 3 of 3: each trustee sends the others their sealed shares.
admin-stage-key-published = The election key is published: voting can open.
admin-stage-decrypting = Voting is closed: the trustees decrypt the tally.
admin-stage-decrypted = The tally is decrypted.
admin-trustee-col-trustee = Trustee
admin-trustee-col-commitment = Commitment
admin-trustee-col-polynomial = Public part
admin-trustee-col-shares = Shares
admin-trustee-col-decryption = Decryption
admin-trustee-part-in = received
admin-trustee-part-missing = waiting
admin-trustee-you = (you)
