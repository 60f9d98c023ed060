# The voter page (de).

## The voter page
voter-title = Abstimmung
voter-loading = Wahl wird geladen…
clock-offset = Abweichung von der Serveruhr: { $offset } (±{ $margin } ms)
clock-synchronising = Uhr wird abgeglichen…
results-title = Ergebnisse
link-all-elections = Alle Wahlen
link-projector = Projektoransicht
link-audit = Öffentliches Protokoll prüfen

## What the voter page says in its notice line
notice-sending-again = Ihre Stimme wird erneut gesendet…
notice-session-ended = Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.
notice-welcome = Willkommen, { $name }.
notice-link-login = Anmeldung mit Ihrem persönlichen Link…
notice-sending = Ihre Stimme wird gesendet…
notice-wrong-login = Falscher Name oder falsche Wählernummer: Sie passen zu niemandem im Wählerverzeichnis. Prüfen Sie beides und versuchen Sie es erneut.
notice-registered = Sie sind Wähler Nr. { $id }. Behalten Sie diese Nummer, um sich erneut anzumelden.
notice-counted = Danke: Ihre Stimme wird gezählt.
notice-replaced = Danke: Ihre neue Stimme wird gezählt und ersetzt die vorherige.

## Logging in
login-title = Anmelden
login-name = Name
login-voter-id = Wählernummer
register-title = Neu hier
register-name = Ihr Name
register-hint = Sie erhalten eine Wählernummer; behalten Sie sie, um sich erneut anzumelden.
register-submit = Registrieren und anmelden
credential-label = Ihr Zugangscode
credential-hint = Fügen Sie den erhaltenen Zugangscode ein. Groß- und Kleinschreibung, Leerzeichen und Bindestriche spielen keine Rolle.

## The logged-in voter's panel
panel-who = Angemeldet als { $name } (Wähler Nr. { $id })
panel-logout = Abmelden
ballot-note-setup = Die Abstimmung hat noch nicht begonnen. Der Stimmzettel öffnet, wenn die Verwaltung die Wahl startet.
ballot-note-deadline = Die Frist ist abgelaufen: Stimmen werden nicht mehr angenommen.
ballot-note-closed = Die Abstimmung ist beendet.
change-title = Stimme ändern
change-intro = Ihre neue Stimme ersetzt die vorherige; nur die letzte zählt.
change-intro-ballot = Ihr neuer Stimmzettel ersetzt den vorherigen; nur der letzte zählt.
keep-vote = Stimme behalten
change-vote = Stimme ändern
voted-title = ✓ Sie haben abgestimmt
voted-private = Ihre Stimme ist erfasst. Die Wählertabelle und der Live-Verlauf zeigen nie, wen Sie gewählt haben.
voted-receipt = Beleg: Stimme
voted-pending = ausstehend
choose-candidate = Wählen Sie eine Person
your-ballot = Ihr Stimmzettel
ballot-intro = Beantworten Sie jede Frage und prüfen Sie Ihre Antworten, bevor Sie den Stimmzettel abgeben. Eine unbeantwortete Frage zählt als Enthaltung.

## The ballot and its review
candidates-label = Kandidierende
vote-for = Stimme für { $name }
vote = Wählen
sending = Wird gesendet…
review-title = Stimmzettel prüfen
review-blank-warning =
    { $count ->
        [one] Sie haben { $count } Frage leer gelassen. Trotzdem abgeben?
       *[other] Sie haben { $count } Fragen leer gelassen. Trotzdem abgeben?
    }
cast-ballot = Stimmzettel abgeben
change-answers = Antworten ändern

## The voter's receipt
receipt-title = Ihr Beleg
receipt-fingerprint = Fingerabdruck des Stimmzettels:
receipt-entry = · Eintrag { $index } des öffentlichen Protokolls
receipt-download = Beleg herunterladen
receipt-verify = Prüfen
receipt-audit = Prüfseite
receipt-privacy = Der Beleg beweist, dass Ihr Stimmzettel in das von den Replikaten signierte Protokoll eingetragen wurde, und Prüfen kontrolliert, dass er noch dort steht. Er verbirgt Ihre Wahl nicht: Ballot verschlüsselt keine Stimmzettel, der private Speicher der Replikate verknüpft jede wählende Person mit ihrem Stimmzettel, und wer diesen Beleg sieht, kann den Stimmzettel im öffentlichen Protokoll nachschlagen. Behalten Sie ihn für sich.

## A ballot of questions
voter-question-number = Frage { $number }
voter-review = Überprüfen
voter-referendum-yes = Ja
voter-referendum-no = Nein
voter-credential-placeholder = XXXXX-XXXXX-XXXXX-XXXXX

## Marking candidates
voter-marks-chosen =
    { $picked ->
        [one] { $picked } von { $max } gewählt
       *[other] { $picked } von { $max } gewählt
    }
voter-marks-limit = Mehr können Sie nicht wählen. Um eine andere Wahl zu treffen, entfernen Sie zuerst einen Ihrer Haken.

## Rank numbers
voter-ranks-help = Geben Sie jedem Kandidaten einen Rang von { $first } (erste Wahl) bis { $most }. Gleiche Zahlen stellen Kandidaten gleich; lassen Sie ein Feld leer, um diesen Kandidaten nicht einzustufen.
voter-ranks-error = Das ist kein Rang, der Kandidat bleibt daher ohne Rang. Geben Sie eine ganze Zahl von { $first } bis { $most } ein oder leeren Sie das Feld.

## Ranking candidates
voter-ranking-intro = Ihre Rangfolge, erste Wahl zuerst:
voter-ranking-empty = Noch niemand eingestuft: Die Antwort ist leer.
voter-ranked = Eingestuft
voter-unranked-heading = Nicht eingestuft:
voter-unranked = Nicht eingestuft
voter-rank-place = { $place }.
voter-move-up = Nach oben
voter-move-up-label = { $name } nach oben
voter-move-down = Nach unten
voter-move-down-label = { $name } nach unten
voter-remove = Entfernen
voter-remove-label = { $name } aus der Rangfolge entfernen
voter-add = Zur Rangfolge hinzufügen
voter-add-label = { $name } zur Rangfolge hinzufügen

## Answers on the review
voter-answer-blank = Leer
voter-answer-separator = {", "}
voter-answer-equal = {" = "}

## A verifiable election's sealed ballot
voter-seal-ballot = Stimmzettel versiegeln
voter-seal-title = Ihr versiegelter Stimmzettel
voter-seal-intro = Ihre Auswahl wird in diesem Browser verschlüsselt: Kein Server, keine Administration und kein einzelner Treuhänder kann sie lesen.
voter-seal-loading = Der Schlüssel der Wahl wird abgerufen…
voter-seal-sealing = Ihr Stimmzettel wird versiegelt…
voter-seal-sealed = Ihr Stimmzettel ist versiegelt. Geben Sie ihn ab oder prüfen Sie ihn zuerst.
voter-seal-not-open = Die Abstimmung ist noch nicht geöffnet: Die Treuhänder haben den Schlüssel der Wahl noch nicht veröffentlicht.
voter-seal-no-random = Dieser Browser kann die sicheren Zufallszahlen nicht erzeugen, die ein versiegelter Stimmzettel braucht. Bitte verwenden Sie einen anderen Browser.
voter-seal-failed = Ihr Stimmzettel konnte nicht versiegelt werden:
voter-seal-checking = Der Stimmzettel wird geprüft…
voter-seal-cast = Abgeben
voter-seal-check = Diesen Stimmzettel prüfen
voter-seal-again = Erneut versiegeln
voter-tracking-code = Nachverfolgungscode:
voter-tracking-hint = Die Prüfung legt offen, wie dieser Stimmzettel versiegelt wurde; danach wird er verworfen und Ihre Auswahl mit einem neuen Nachverfolgungscode erneut versiegelt. Nach der Abgabe erscheint der Nachverfolgungscode Ihres Stimmzettels im öffentlichen Protokoll.
voter-check-title = Prüfung des Stimmzettels
voter-check-intro = Dieser Stimmzettel wird nie abgegeben. Mit dem Startwert und den Markierungen unten kann jeder Ihre Auswahl erneut versiegeln und muss genau diesen Stimmzettel erhalten: Das beweist, dass die Seite versiegelt hat, was Sie gewählt haben.
voter-check-seed = Startwert:
voter-check-marks = Markierungen:
voter-check-json = Alles, was zur Prüfung an anderer Stelle nötig ist (JSON):
voter-check-audit = Auf der Prüfseite erneut prüfen
voter-check-ok = ✓ Dieser Stimmzettel enthält genau Ihre Auswahl. Er wurde verworfen: Versiegeln Sie Ihren Stimmzettel erneut, um ihn abzugeben.
voter-check-bad = ✗ Dieser Stimmzettel enthält nicht Ihre Auswahl. Stimmen Sie nicht von diesem Gerät ab und informieren Sie die Wahlleitung:
voter-cast-tracking-title = Ihr versiegelter Stimmzettel
voter-cast-tracking-hint = Suchen Sie diesen Code im öffentlichen Protokoll, um zu sehen, dass Ihr Stimmzettel wie abgegeben gezählt wurde:
receipt-privacy-sealed = Der Beleg beweist, dass Ihr Stimmzettel im von den Replikaten signierten Protokoll steht, und Prüfen kontrolliert, dass er noch dort steht. Ihre Auswahl ist versiegelt: Das Protokoll enthält nur Ihren verschlüsselten Stimmzettel, und die Treuhänder entschlüsseln nur das Gesamtergebnis.
