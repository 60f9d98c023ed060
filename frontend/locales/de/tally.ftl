# The projector tally and the list of elections (de).

## The projector
tally-title = Wahlergebnisse
tally-waiting = Warten auf die ersten Zahlen…
tally-votes-cast = { $count ->
        [one] Stimme
       *[other] Stimmen
    } abgegeben · { $voters } Wahlberechtigte
tally-weight-voted = Gewicht abgestimmt · von { $weight }
tally-turnout = Beteiligung
tally-turnout-hidden = Beteiligung: Die Stimmenzahlen bleiben bis zur Veröffentlichung der Ergebnisse verborgen
tally-turnout-label = Beteiligung
tally-log = Öffentliches Protokoll: { $entries } { $entries ->
        [one] Eintrag
       *[other] Einträge
    } · Wurzel
tally-log-waiting = Öffentliches Protokoll: Warten auf den ersten Checkpoint
tally-audit = Prüfung

## The list of elections
tally-elections-title = Wahlen
tally-elections-choose = Wahl auswählen
tally-elections-loading = Wird geladen…
