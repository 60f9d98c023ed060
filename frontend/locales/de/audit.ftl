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

## Trustee page: key ceremony and decryption
audit-trustee-doc-title = Ballot: Treuhänder
audit-trustee-title = Treuhänder: Schlüsselzeremonie und Entschlüsselung
audit-trustee-no-token = Diese Seite braucht Ihren privaten Treuhänder-Link, und zwar vollständig (mit dem Teil nach „#token=“). Öffnen Sie den Link, den Sie erhalten haben.
audit-trustee-loading = Ihr Treuhänder-Link wird geprüft…
# Before the election's id.
audit-trustee-election = Wahl:
# Before the trustee's name.
audit-trustee-who = Sie sind Treuhänder { $id } von { $count }:
audit-trustee-threshold = { $count ->
        [one] Sie sind der einzige Treuhänder: Ihr Schlüssel allein entschlüsselt das Ergebnis.
       *[other] Beliebige { $threshold } der { $count } Treuhänder können das Ergebnis gemeinsam entschlüsseln; weniger nicht.
    }
audit-trustee-ceremony-title = Schlüsselzeremonie
audit-trustee-view-loading = Stand der Zeremonie wird gelesen…
audit-trustee-start = Schlüsselzeremonie beginnen
audit-trustee-start-hint = Ihr Browser erzeugt Ihren geheimen Schlüssel. Nur seine öffentlichen Teile werden gesendet; das Geheimnis bleibt hier und in Ihrer Schlüsseldatei.
audit-trustee-started = Ihr Schlüssel ist erzeugt. Laden Sie jetzt Ihre Schlüsseldatei herunter und lassen Sie diese Seite geöffnet.
audit-trustee-sent = Ihr Teil ist gesendet.
audit-trustee-key-ready = Ihr Schlüssel ist bereit.
audit-trustee-need-file = Ihre Zeremonie läuft: Laden Sie Ihre Schlüsseldatei, um fortzufahren.
audit-trustee-keep-open = Warten auf die anderen Treuhänder. Diese Seite prüft alle 2 Sekunden; lassen Sie sie geöffnet.
audit-trustee-loaded = Schlüsseldatei geladen.
audit-trustee-no-randomness = Dieser Browser liefert keine sicheren Zufallszahlen. Verwenden Sie einen anderen Browser.
# Followed by where and why, in the library's words.
audit-trustee-proof-failed = Ihr Browser hat einen Teil der Zeremonie abgelehnt:
audit-trustee-file-unreadable = Diese Datei ist keine Treuhänder-Schlüsseldatei.
audit-trustee-file-other-election = Diese Schlüsseldatei gehört zu einer anderen Wahl.
audit-trustee-file-other-trustee = Diese Schlüsseldatei gehört einem anderen Treuhänder.

## Trustee page: the key file
audit-trustee-file-title = Ihre Schlüsseldatei
audit-trustee-file-warning = Ohne Ihre Schlüsseldatei können Sie nicht entschlüsseln: Kein Server kennt Ihr Geheimnis. Bewahren Sie die Datei sicher und privat auf.
audit-trustee-file-final = Ihr Schlüssel ist bereit. Laden Sie Ihre Schlüsseldatei erneut herunter und behalten Sie diese: Mit ihr wird nach Ende der Wahl entschlüsselt.
audit-trustee-download = Meine Schlüsseldatei herunterladen
audit-trustee-load = Meine Schlüsseldatei laden
audit-trustee-load-hint = Um die Zeremonie bei einem späteren Besuch fortzusetzen oder nach Ende der Wahl zu entschlüsseln.

## Trustee page: decryption
audit-trustee-decrypt-title = Entschlüsselung
audit-trustee-decrypt-later = Die Entschlüsselung beginnt, wenn die Wahl beendet ist. Kommen Sie dann mit diesem Link und Ihrer Schlüsseldatei zurück.
audit-trustee-decrypt-needs-file = Laden Sie Ihre Schlüsseldatei, um zu entschlüsseln.
audit-trustee-decrypt = Meinen Anteil entschlüsseln
audit-trustee-decrypting = Wird entschlüsselt…
audit-trustee-decrypted-mine = Ihr Anteil an der Entschlüsselung ist eingegangen.
audit-trustee-decrypted-all = Die Auszählung ist entschlüsselt: Die Ergebnisse können veröffentlicht werden.
# Followed by the names of the trustees who have not decrypted yet.
audit-sealed-waiting = { $count ->
        [one] Versiegelt: Es fehlt noch { $count } Treuhänder:
       *[other] Versiegelt: Es fehlen noch { $count } Treuhänder:
    }

## Where the ceremony stands, trustee by trustee
audit-stage-no-trustees = Es sind noch keine Treuhänder benannt.
audit-stage-commitments = Runde 1 von 3: Jeder Treuhänder legt sich auf ein Geheimnis fest.
audit-stage-polynomials = Runde 2 von 3: Jeder Treuhänder veröffentlicht den öffentlichen Teil seines Geheimnisses.
audit-stage-shares = Runde 3 von 3: Jeder Treuhänder sendet den anderen ihre versiegelten Anteile.
audit-stage-key-published = Der Wahlschlüssel ist veröffentlicht: Die Wahl kann beginnen.
audit-stage-decrypting = Die Wahl ist beendet: Die Treuhänder entschlüsseln die Auszählung.
audit-stage-decrypted = Die Auszählung ist entschlüsselt.
audit-trustee-col-trustee = Treuhänder
audit-trustee-col-commitment = Festlegung
audit-trustee-col-polynomial = Öffentlicher Teil
audit-trustee-col-shares = Anteile
audit-trustee-col-decryption = Entschlüsselung
audit-trustee-part-in = erhalten
audit-trustee-part-missing = ausstehend
audit-trustee-you = (Sie)

## Secret ballots of a verifiable election, checked from the log
audit-secret-title = Geheime Stimmzettel
audit-secret-intro = In diesem Browser allein anhand des signierten Protokolls geprüft: der Schlüssel jedes Treuhänders, die Beweise jedes versiegelten Stimmzettels, die verschlüsselte Auszählung der gezählten Stimmzettel, jede Entschlüsselung und die entschlüsselten Summen.
audit-secret-checking = Die geheimen Stimmzettel werden geprüft…
audit-secret-fetch-failed = Das Protokoll konnte nicht abgerufen werden: { $why }
audit-secret-not-verifiable = Das Protokoll verzeichnet diese Wahl nicht als überprüfbar.
# Followed by where the check failed and why, in the checker's words.
audit-secret-failed = Die Prüfung ist FEHLGESCHLAGEN bei
audit-secret-passed = Alle Beweise sind gültig.
audit-secret-ballots = { $count ->
        [one] { $count } versiegelter Stimmzettel geprüft, { $counted } gezählt.
       *[other] { $count } versiegelte Stimmzettel geprüft, { $counted } gezählt.
    }
audit-secret-trustees = { $count ->
        [one] Schlüssel von { $count } Treuhänder geprüft; { $threshold } zum Entschlüsseln nötig.
       *[other] Schlüssel von { $count } Treuhändern geprüft; { $threshold } zum Entschlüsseln nötig.
    }
audit-secret-key-checked = Der Wahlschlüssel passt zu den öffentlichen Teilen der Treuhänder.
audit-secret-key-waiting = Der Wahlschlüssel ist noch nicht veröffentlicht.
audit-secret-decryptions = { $count ->
        [one] Entschlüsselung von { $count } Treuhänder geprüft.
       *[other] Entschlüsselungen von { $count } Treuhändern geprüft.
    }
audit-secret-sums-title = Entschlüsselte Summen
audit-secret-col-sum = Stimmen
audit-secret-sealed = Die Auszählung ist noch versiegelt: noch keine Summen.

## Benaloh-Prüfung eines Stimmzettels, den die wählende Person nicht abgegeben hat
audit-challenge-title = Einen nicht abgegebenen Stimmzettel prüfen
audit-challenge-intro = Fügen Sie ein, was die Wahlseite bei „Diesen Stimmzettel prüfen“ angezeigt hat (oder was ballot vote --challenge ausgegeben hat). Diese Seite verschlüsselt die Auswahl aus dem Startwert erneut und vergleicht.
audit-challenge-label = Der geprüfte Stimmzettel (JSON)
audit-challenge-check = Stimmzettel prüfen
audit-challenge-checking = Wird geprüft …
audit-challenge-holds = Dieser Stimmzettel verschlüsselt genau die Auswahl unten (Optionen nach Nummer). Sein Prüfcode:
audit-challenge-none = keine
audit-challenge-not-cast = Er wurde nicht abgegeben, wie es sich für einen geprüften Stimmzettel gehört.
audit-challenge-was-cast = Achtung: Dieser geprüfte Stimmzettel wurde abgegeben. Sein Startwert ist öffentlich, also kann jeder seine Auswahl lesen.
audit-challenge-unreadable = Das ist kein geprüfter Stimmzettel: Fügen Sie das ganze JSON mit ballot, seed und marks ein.
audit-challenge-no-key = Für diese Wahl ist noch kein Schlüssel veröffentlicht: Kein Stimmzettel kann damit verschlüsselt worden sein.
audit-challenge-fails = Dieser Stimmzettel verschlüsselt diese Auswahl mit diesem Startwert nicht:
