# The mails Ballot sends to voters, in English. Every other language file has the same keys
# (a test checks). `$title` is the election's title in the election's language.

invitation-subject = Your invitation to vote: { $title }
invitation-new-subject = Your new invitation to vote: { $title }
invitation-replaces = This invitation replaces the one sent to you earlier: the earlier credential no longer works.
invitation-intro = You are invited to vote in "{ $title }".
invitation-link = Open your personal link to vote:
invitation-link-html = Open your personal link to vote
invitation-typed = Or open { $page } and type this credential:
invitation-private = The credential is yours alone: do not forward this mail. Nobody from the election will ever ask you for it.
deadline = Voting closes on { $deadline }.
reminder-subject = Reminder: vote in { $title }
reminder-intro = You have not voted in "{ $title }" yet.
reminder-link = Vote here with the credential from your invitation:
results-subject = Results: { $title }
results-intro = The results of "{ $title }" are published.
results-rounds = Every round and count:
results-audit = Check the count yourself from the public log:
results-no-winner = no winner
results-elected = Elected

# A verifiable election's trustee: their private link (sent once, when they are named).
trustee-subject = You are a trustee of: { $title }
trustee-intro = You are one of the { $trustees } trustees of "{ $title }". Its ballots are encrypted, and the count is decrypted only when { $threshold } of the { $trustees } trustees take part.
trustee-link = Open your private page to make your key, and keep the key file it gives you: without it you cannot take part in the count.
trustee-link-html = Open your private trustee page
trustee-private = This link is yours alone: whoever has it can act as you. Do not forward this mail.
