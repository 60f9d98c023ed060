# The results of every question, shown by the voter, tally, admin and audit pages (de).

## The list of elections (public and admin)
results-elections-none = Noch keine Wahlen.
results-elections-election = Wahl
results-elections-phase = Phase
results-elections-deadline = Frist
results-elections-voted = Abgestimmt / Wahlberechtigte
results-elections-public-pages = Öffentliche Seiten
results-elections-turnout = { $voted } / { $voters } ({ $percent } %)
results-elections-voter-page = Wahlseite
results-elections-projector = Projektor

## Figures and the announcement
results-votes-per-candidate = Stimmen je Kandidat
results-turnout = { $voted } von { $voters } Wahlberechtigten haben abgestimmt.
results-turnout-weighted = { $voted } von { $voters } Wahlberechtigten haben abgestimmt (Gewicht { $weight } von { $total }).
results-counts-hidden = Die Stimmenzahlen bleiben bis zur Veröffentlichung der Ergebnisse verborgen.
results-outcome-winner = Gewinner: { $name } mit { $votes } { $votes ->
        [one] Stimme
       *[other] Stimmen
    }
results-outcome-tie = Gleichstand zwischen { $names } mit je { $votes } { $votes ->
        [one] Stimme
       *[other] Stimmen
    }
results-outcome-no-votes = Es wurden keine Stimmen abgegeben, daher gibt es keinen Gewinner.

## Candidates named in a result
results-candidate = Kandidat { $id }
results-name-separator = {", "}
results-yes = Ja
results-no = Nein

## A question's result
results-question-untitled = Frage { $id }
results-question-turnout = Gültige Antworten: { $valid } · leer: { $blank }
results-no-winner = Kein Gewinner: Niemand hat diese Frage beantwortet.
results-winner-named = Gewinner: { $names }
results-elected-named = Gewählt: { $names }
results-elected-mark = ✓ gewählt
results-ties-title = Durch Los entschiedene Gleichstände
results-draw-round = Losentscheid in Runde { $round } zwischen { $among }: { $chosen } gezogen
results-draw-place = Losentscheid um Platz { $round } zwischen { $among }: { $chosen } gezogen

## Methods, what they ask of a voter and how they decide
results-method-plurality = Mehrheitswahl
results-method-approval = Zustimmungswahl
results-method-irv = Integrierte Stichwahl
results-method-stv = Übertragbare Einzelstimmgebung
results-method-schulze = Schulze
results-method-referendum = Abstimmung
results-instruction-one = Wählen Sie eine Option
results-instruction-up-to = Wählen Sie bis zu { $max }
results-instruction-rank = Ordnen Sie beliebig viele, die bevorzugte zuerst
results-instruction-rank-equal = Ordnen Sie beliebig viele, die bevorzugte zuerst; gleiche Ränge erlaubt
results-instruction-yes-no = Ja oder Nein
results-rule-plurality-one = Mehrheitswahl: Wer die meisten Stimmen erhält, gewinnt.
results-rule-plurality-many = Mehrheitswahl: Die { $seats } Kandidaten mit den meisten Stimmen gewinnen.
results-rule-approval-one = Zustimmungswahl: Markieren Sie jeden Kandidaten, den Sie akzeptieren; wer die meiste Zustimmung erhält, gewinnt.
results-rule-approval-many = Zustimmungswahl: Markieren Sie jeden Kandidaten, den Sie akzeptieren; die { $seats } mit der meisten Zustimmung gewinnen.
results-rule-irv = Integrierte Stichwahl: Der Kandidat mit den wenigsten Stimmen scheidet aus und seine Stimmen gehen an die nächste Präferenz, bis einer die Mehrheit hat.
results-rule-stv = Übertragbare Einzelstimmgebung (schottische Regeln): Wer die Quote erreicht, ist gewählt; Überschüsse und die Stimmen ausgeschiedener Kandidaten werden übertragen, bis { $seats ->
        [one] der Sitz besetzt ist
       *[other] { $seats } Sitze besetzt sind
    }.
results-rule-schulze = Schulze: Jedes Kandidatenpaar wird im direkten Vergleich gegenübergestellt; wer jeden anderen über die stärksten Pfade schlägt, gewinnt.
results-rule-referendum-majority = Abstimmung: Sie braucht mehr Ja als Nein; leere Antworten zählen nicht.
results-rule-referendum-two-thirds = Abstimmung: Sie braucht zwei Drittel der Ja- und Nein-Antworten; leere Antworten zählen nicht.

## Rounds of instant runoff and STV
results-rounds-none = Keine Runden: Niemand hat diese Frage beantwortet.
results-rounds-caption = Runde für Runde
results-rounds-caption-quota = Runde für Runde · Quote { $quota }
results-stages-caption = Stufe für Stufe
results-stages-caption-quota = Stufe für Stufe · Quote { $quota }
results-round = Runde { $round }
results-stage = Stufe { $round }
results-rounds-candidate = Kandidat
results-round-elected = gewählt
results-round-eliminated = ausgeschieden
results-rounds-exhausted = Erschöpft
results-rounds-passed-on = Übertragen
results-rounds-first-preferences = Erstpräferenzen
results-rounds-nothing = Nichts
results-transfer-surplus-value = Überschuss von { $from } (Übertragungswert { $value })
results-transfer-surplus = Überschuss von { $from }
results-transfer-votes = Stimmen von { $from } übertragen

## Schulze
results-pairwise-caption = Direkter Vergleich: das Gewicht der Stimmzettel, die den Kandidaten der Zeile dem der Spalte vorziehen
results-pairwise-over = vor { $name }
results-pairwise-wins = gewinnt
results-pairwise-order = Reihenfolge, beste zuerst

## Referendum
results-referendum-bars = Ja und Nein
results-referendum-majority = Sie braucht mehr Ja als Nein.
results-referendum-two-thirds = Sie braucht zwei Drittel der Ja- und Nein-Antworten.
results-referendum-passed = ANGENOMMEN
results-referendum-rejected = ABGELEHNT
results-referendum-undecided = nicht entschieden
