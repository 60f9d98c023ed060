# The results of every question, shown by the voter, tally, admin and audit pages (en).

## The list of elections (public and admin)
results-elections-none = No elections yet.
results-elections-election = Election
results-elections-phase = Phase
results-elections-deadline = Deadline
results-elections-voted = Voted / voters
results-elections-public-pages = Public pages
results-elections-turnout = { $voted } / { $voters } ({ $percent } %)
results-elections-voter-page = voter page
results-elections-projector = projector

## Figures and the announcement
results-votes-per-candidate = Votes per candidate
results-turnout = { $voted } of { $voters } voters have voted.
results-turnout-weighted = { $voted } of { $voters } voters have voted (weight { $weight } of { $total }).
results-counts-hidden = The counts are hidden until the results are published.
results-outcome-winner = Winner: { $name } with { $votes } { $votes ->
        [one] vote
       *[other] votes
    }
results-outcome-tie = Tie between { $names } with { $votes } { $votes ->
        [one] vote
       *[other] votes
    } each
results-outcome-no-votes = No votes were cast, so there is no winner.

## Candidates named in a result
results-candidate = candidate { $id }
results-name-separator = {", "}
results-yes = Yes
results-no = No

## A question's result
results-question-untitled = Question { $id }
results-question-turnout = Valid answers: { $valid } · blank: { $blank }
results-no-winner = No winner: nobody answered this question.
results-winner-named = Winner: { $names }
results-elected-named = Elected: { $names }
results-elected-mark = ✓ elected
results-ties-title = Ties settled by lot
results-draw-round = Draw in round { $round } among { $among }: chose { $chosen }
results-draw-place = Draw for place { $round } among { $among }: chose { $chosen }

## Methods, what they ask of a voter and how they decide
results-method-plurality = Plurality
results-method-approval = Approval
results-method-irv = Instant runoff
results-method-stv = Single transferable vote
results-method-schulze = Schulze
results-method-referendum = Referendum
results-instruction-one = Choose one
results-instruction-up-to = Choose up to { $max }
results-instruction-rank = Rank any number, most preferred first
results-instruction-rank-equal = Rank any number, most preferred first; equal ranks allowed
results-instruction-yes-no = Yes or No
results-rule-plurality-one = Plurality: the candidate with the most votes wins.
results-rule-plurality-many = Plurality: the { $seats } candidates with the most votes win.
results-rule-approval-one = Approval: mark every candidate you accept; the most approved wins.
results-rule-approval-many = Approval: mark every candidate you accept; the { $seats } most approved win.
results-rule-irv = Instant runoff: the candidate with the fewest votes is eliminated and their votes pass to the next preference, until one holds a majority.
results-rule-stv = Single transferable vote (Scottish rules): candidates reaching the quota are elected, surpluses and eliminated candidates' votes pass on, until { $seats ->
        [one] one seat
       *[other] { $seats } seats
    } are filled.
results-rule-schulze = Schulze: every pair of candidates is compared head to head; the one who beats every other by the strongest paths wins.
results-rule-referendum-majority = Referendum: it needs more Yes than No; blank answers do not count.
results-rule-referendum-two-thirds = Referendum: it needs two thirds of the Yes and No answers; blank answers do not count.

## Rounds of instant runoff and STV
results-rounds-none = No rounds: nobody answered this question.
results-rounds-caption = Round by round
results-rounds-caption-quota = Round by round · quota { $quota }
results-stages-caption = Stage by stage
results-stages-caption-quota = Stage by stage · quota { $quota }
results-round = Round { $round }
results-stage = Stage { $round }
results-rounds-candidate = Candidate
results-round-elected = elected
results-round-eliminated = eliminated
results-rounds-exhausted = Exhausted
results-rounds-passed-on = Passed on
results-rounds-first-preferences = First preferences
results-rounds-nothing = Nothing
results-transfer-surplus-value = Surplus of { $from } (transfer value { $value })
results-transfer-surplus = Surplus of { $from }
results-transfer-votes = Votes of { $from } transferred

## Schulze
results-pairwise-caption = Head to head: the weight of the ballots preferring the row's candidate to the column's
results-pairwise-over = over { $name }
results-pairwise-wins = wins
results-pairwise-order = Order, best first

## Referendum
results-referendum-bars = Yes and No
results-referendum-majority = It needs more Yes than No.
results-referendum-two-thirds = It needs two thirds of the Yes and No answers.
results-referendum-passed = PASSED
results-referendum-rejected = REJECTED
results-referendum-undecided = not decided
