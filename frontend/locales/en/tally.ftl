# The projector tally and the list of elections (en).

## The projector
tally-title = Election results
tally-waiting = Waiting for the first figures…
tally-votes-cast = { $count ->
        [one] vote
       *[other] votes
    } cast · { $voters } voters
tally-weight-voted = weight voted · of { $weight }
tally-turnout = turnout
tally-turnout-hidden = turnout: the counts are hidden until the results are published
tally-turnout-label = Turnout
tally-log = Public log: { $entries } entries · root
tally-log-waiting = Public log: waiting for the first checkpoint
tally-audit = audit

## The list of elections
tally-elections-title = Elections
tally-elections-choose = Choose your election
tally-elections-loading = Loading…
