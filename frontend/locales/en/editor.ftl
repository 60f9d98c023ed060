# The election form and its question editor (en).

## The admin's list of elections
editor-elections-title = Elections
editor-admin-pages = Admin pages
editor-original-console = Original election's console
editor-public-list = Public list
editor-forget-token = Forget token
editor-all-elections = All elections
editor-loading = Loading…
editor-creating = Creating the election…
# $title: the election's title, as the admin typed it.
editor-created = Created “{ $title }”.

## The form for a new election
editor-new-election = New election
editor-title = Title
editor-description = Description (optional)
editor-election-id = Id in the address (optional)
editor-election-id-placeholder = made from the title
# The characters and the address stay as they are: they are what the field accepts.
editor-election-id-hint = { $min } to { $max } of a–z, 0–9 and -; voters will open /e/<id>.
editor-simple-hint = A simple ballot: one question, one choice. Add a question for several questions, ranked ballots, several seats or a referendum.
editor-add-question = Add a question
editor-login-legend = How voters log in
# Each option is its name in bold followed by its explanation, which starts with the colon.
editor-login-credential = Credential
editor-login-credential-detail = : each voter gets a secret code when you import the roll.
editor-login-name-and-id = Name and voter id
editor-login-name-and-id-detail = : voters type their name and number, as in the original election.
editor-options-legend = Options
editor-option-live-results = Live results
editor-option-live-results-detail = : voters and the projector see the counts while voting is open, not only the turnout.
editor-option-revoting = Re-voting
editor-option-revoting-detail = : a voter may vote again while voting is open; only the last vote counts.
editor-option-self-registration = Self-registration
editor-option-self-registration-detail = : anyone may put themselves on the roll (with name-and-id login only).
editor-secrecy-legend = Ballot secrecy
editor-secrecy-open = Open
editor-secrecy-open-detail = : the servers count the votes; the public log hides who voted for whom.
editor-secrecy-verifiable = Verifiable
editor-secrecy-verifiable-detail = : each ballot is encrypted in the voter's browser, and only the trustees you name, together, can decrypt the count, which anyone can check (plurality, approval and referendum questions; no live results).
editor-create = Create the election

## One question of the ballot
editor-question-heading = Question { $number }
# Followed by the question's title.
editor-question-heading-titled = Question { $number }:
editor-question-move-up = Move question { $number } up
editor-question-move-down = Move question { $number } down
editor-question-remove = Remove question { $number }
editor-question-id = Id (optional)
editor-question-id-hint = { $min } to { $max } of a–z, 0–9 and -; errors name the question by it.
editor-method = Counting method
editor-method-plurality = Plurality
editor-method-approval = Approval
editor-method-irv = Instant runoff
editor-method-stv = Single transferable vote
editor-method-schulze = Schulze
editor-method-referendum = Referendum
editor-seats = Seats to fill
editor-max-choices = Most candidates a voter may mark
editor-max-choices-plurality = as many as seats
editor-max-choices-any = any number
editor-threshold-legend = It passes with
editor-threshold-majority = More Yes than No (a majority)
editor-threshold-two-thirds = At least two thirds Yes
editor-referendum-hint = A referendum's options are Yes and No; blank answers do not count.
editor-question-candidates = Candidates of question { $number }, in ballot order

## The candidates of a ballot
editor-candidates-legend = Candidates, in ballot order
editor-candidate = Candidate { $number }
editor-candidate-move-up = Move candidate { $number } up
editor-candidate-move-down = Move candidate { $number } down
editor-candidate-remove = Remove candidate { $number }
editor-add-candidate = Add a candidate

## The preview of the voter's ballot
editor-preview-summary = The voter's ballot (preview)
editor-preview-yes = Yes
editor-preview-no = No
editor-preview-unnamed = (candidate { $number } not named yet)
