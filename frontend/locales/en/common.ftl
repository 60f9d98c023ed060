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
