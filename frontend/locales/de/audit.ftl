# The audit page (de).

## The page
# $title is the election's title (or its id).
audit-title = Prüfung: { $title }
audit-check-title = Einen Beleg prüfen
audit-link-vote = Abstimmen
audit-link-tally = Projektoransicht
audit-link-elections = Alle Wahlen

## The public log and its latest checkpoint
audit-log-title = Das öffentliche Protokoll
audit-log-intro = Jedes Ereignis dieser Wahl, als Zeilen, die jeder herunterladen und hashen kann. Die Replikate signieren seine Größe und Wurzel; diese Seite prüft ihre Signaturen selbst.
audit-entries = Einträge
audit-root = Wurzel
audit-signed-at = Signiert am
audit-signers = Unterzeichner
audit-checkpoint-fetching = Letzter Checkpoint wird abgerufen…
audit-checkpoint-failed = Noch kein Checkpoint: { $why }
audit-keys-fetching = Schlüssel der Replikate werden abgerufen…
audit-keys-failed = Die Schlüssel konnten nicht abgerufen werden: { $why }
audit-no-keys = Der Server führt keine Signaturschlüssel auf.
# The rule of audit-signed-by and audit-too-few-signatures ($rule).
audit-only-replica-signs = das einzige aufgeführte Replikat muss signieren
audit-replicas-must-sign = { $needed } der { $listed } aufgeführten Replikate müssen signieren
# $count replicas signed validly, $list is their numbers ("1, 2 and 3").
audit-signed-by = Signiert von { $count ->
        [one] Replikat
       *[other] den Replikaten
    } { $list } ({ $rule }).
audit-too-few-signatures = Nur { $count } { $count ->
        [one] gültige Signatur
       *[other] gültige Signaturen
    }: { $rule }. Vertrauen Sie diesem Protokoll nicht.

## The bulletin board
audit-board-title = Öffentliche Stimmentafel
audit-board-intro = Jeder Stimmzettel mit seiner Wahl, nie mit der wählenden Person. Der private Speicher der Replikate verknüpft Wählende weiterhin mit Stimmzetteln: Es gibt keine Verschlüsselung.
audit-board-waiting = Die Stimmentafel erscheint hier, sobald die Ergebnisse veröffentlicht sind.
audit-board-loading = Protokoll wird abgerufen: { $fetched } von { $count } { $count ->
        [one] Eintrag
       *[other] Einträgen
    }…
audit-board-fetch-failed = Das Protokoll konnte nicht abgerufen werden: { $why }
audit-board-not-signed = Das Protokoll ist nicht von genügend Replikaten signiert, daher gibt es nichts nachzuzählen.
audit-board-not-signed-log = Die vom Server gesendeten Einträge sind nicht das Protokoll, das die Replikate signiert haben.
audit-entry-unreadable = Eintrag { $index } des Protokolls ist nicht lesbar.
audit-entry-out-of-place = Eintrag { $index } des Protokolls gibt an, woanders hinzugehören: Einträge wurden verschoben oder hinzugefügt.
audit-entry-unknown-superseded = Eintrag { $index } des Protokolls ersetzt einen Stimmzettel, der nicht vor ihm im Protokoll steht.
audit-recount-matches = Die Nachzählung stimmt mit dem veröffentlichten Ergebnis überein.
audit-recount-differs = Die Nachzählung stimmt nicht mit dem veröffentlichten Ergebnis überein.
audit-recount-waiting = Warten auf das veröffentlichte Ergebnis zum Vergleich…
audit-col-candidate = Kandidat
audit-col-published = Veröffentlicht
audit-col-recounted = Hier nachgezählt
# $count ballots in the log, $counted of them count.
audit-board-summary = { $count } { $count ->
        [one] Stimmzettel
       *[other] Stimmzettel
    } im Protokoll, { $counted } gezählt (eine erneute Stimmabgabe ersetzt den Stimmzettel, den sie nennt).
audit-col-entry = Eintrag
audit-col-ballot = Stimmzettel
audit-col-choice = Wahl
audit-col-counted = Gezählt
audit-replaced = durch eine spätere Stimme ersetzt
audit-counted = gezählt
# A candidate whose name the page does not know.
audit-candidate = Kandidat { $id }
audit-blank = leer

## Each question recounted
audit-questions-title = Jede Frage hier nachgezählt
audit-questions-intro = Jede Frage in diesem Browser aus den obigen Stimmzetteln neu ausgezählt, mit denselben Regeln und denselben Losziehungen (aus dem Protokoll abgeleitet), und bis zur letzten Ziffer mit dem veröffentlichten Ergebnis verglichen.
audit-agrees = stimmt überein
audit-differs = weicht ab
audit-pending = ausstehend
audit-agrees-long = Stimmt mit dem veröffentlichten Ergebnis überein.
audit-differs-long = Weicht vom veröffentlichten Ergebnis ab.
# Before a question's id, when it has no title.
audit-question = Frage
audit-recounted-passed = Nachgezählt: ANGENOMMEN
audit-recounted-rejected = Nachgezählt: ABGELEHNT
audit-recounted-no-winner = Nachgezählt: kein Gewinner
# Before the winners' names.
audit-recounted-winners = { $count ->
        [one] Nachgezählter Gewinner:
       *[other] Nachgezählte Gewinner:
    }
audit-recount-in-full = Die vollständige Nachzählung
# Around a question's id: a question the results publish but the log's ballot lacks.
audit-question-not-on-ballot-before = Frage „
audit-question-not-on-ballot-after = “ ist veröffentlicht, steht aber nicht auf dem Stimmzettel, den das Protokoll festlegt.
