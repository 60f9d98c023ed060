# The admin console and the admin's list of elections (de).

## The token gate
admin-title = Ballot-Verwaltung
admin-token-title = Admin-Token
# $flag is the command-line option, shown as code.
admin-token-label = Token (dem Knoten mit { $flag } übergeben)
admin-token-hint = Nur in diesem Tab gespeichert; beim Schließen des Tabs wird es vergessen.
admin-token-submit = Konsole öffnen
admin-wrong-token = Falsches Admin-Token.
admin-token-refused = Der Server hat das Admin-Token abgelehnt; bitte geben Sie es erneut ein.

## The console's frame and sections
admin-election-pages = Seiten der Wahl
admin-all-elections = Alle Wahlen
admin-voter-page = Wählerseite
admin-projector = Projektion
admin-forget-token = Token vergessen
admin-section-election = Wahl
admin-section-queue = Stimmwarteschlange
admin-section-results = Ergebnisse
admin-section-voters = Wählende
admin-section-roll = Wählerverzeichnis
admin-section-exports = Exporte
admin-section-mail = E-Mails
admin-section-replicas = Replikate
admin-section-activity = Aktivität
# A list's separator, between its items.
admin-list-separator = {", "}

## The election's commands
admin-no-deadline = Keine Frist festgelegt.
# $time is a date and time.
admin-deadline-at = Frist: { $time }.
# Follows the deadline's sentence; $node and $lamport are identifiers, $offset a signed duration.
admin-node-clock = {" "}Knoten { $node } · Uhrabweichung { $offset } · Lamport { $lamport }
admin-start = Abstimmung starten
admin-start-question = Die Wahl jetzt für die Stimmabgabe öffnen?
admin-start-yes = Ja, Abstimmung starten
admin-stop = Abstimmung beenden
admin-stop-question = Die Abstimmung jetzt schließen? Danach kann keine Stimme mehr abgegeben werden.
admin-stop-yes = Ja, Abstimmung beenden
admin-publish = Ergebnisse veröffentlichen
admin-publish-question = Die Ergebnisse veröffentlichen? Danach können sie sich nicht mehr ändern.
admin-publish-yes = Ja, Ergebnisse veröffentlichen
admin-cancel = Abbrechen
admin-sending = Wird gesendet…
admin-voting-started = Abstimmung gestartet.
admin-voting-stopped = Abstimmung beendet.
admin-results-published = Ergebnisse veröffentlicht.
admin-deadline-date-label = Frist (Datum und Uhrzeit)
admin-deadline-minutes-label = Oder in Minuten ab jetzt
admin-set-deadline = Frist festlegen
admin-deadline-set = Frist festgelegt.
admin-live-results-switch = {" "}Live-Ergebnisse während der Abstimmung den Wählenden und der Projektion zeigen
admin-live-results-shown = Live-Ergebnisse werden angezeigt.
admin-live-results-hidden = Live-Ergebnisse sind ausgeblendet.

## The vote queue
admin-queue-waiting = Wartend
admin-queue-in-flight = In Bearbeitung
admin-queue-capacity = Kapazität
admin-queue-peak-waiting = Höchstens wartend
admin-queue-peak-in-flight = Höchstens in Bearbeitung

## The voters and their credentials
# $count is "$voted of $total", in bold.
admin-turnout = { $count } Wählenden { $voted ->
    [one] hat
   *[other] haben
} abgestimmt ({ $percent } %)
admin-turnout-count = { $voted } von { $total }
admin-turnout-label = Wahlbeteiligung
admin-voters-id = ID
admin-voters-name = Name
admin-voters-voted = Abgestimmt
admin-voters-credential = Zugangscode
admin-voter-has-voted = ✓ abgestimmt
admin-new-credential = Neuer Zugangscode
admin-new-credential-yes = Ja, neuer Zugangscode
admin-new-credential-question = Den Zugangscode von { $name } ersetzen? Der alte funktioniert dann nicht mehr.
admin-replacing-credential = Zugangscode wird ersetzt…
admin-credential-replaced = Zugangscode ersetzt.
admin-fresh-title = Neuer Zugangscode für { $name } (Wähler Nr. { $id }): wird nur einmal angezeigt
admin-fresh-title-unnamed = Neuer Zugangscode für Wähler Nr. { $id }: wird nur einmal angezeigt
admin-fresh-hint = Der bisherige Zugangscode und seine Sitzungen funktionieren nicht mehr. Kopieren Sie diesen jetzt: Er kann nicht erneut angezeigt werden.
admin-fresh-done = Fertig

## The roll import
admin-roll-file = Eine CSV-Datei…
admin-roll-paste = …oder hier einfügen
admin-roll-frozen = Das Wählerverzeichnis ist ab Beginn der Abstimmung gesperrt.
# $name, $email and $external_id are the columns' names, shown as code.
admin-roll-hint = Eine Kopfzeile mit { $name } und optional { $email } und { $external_id }. Bereits verzeichnete Wählende (gleiche E-Mail-Adresse oder gleicher Name ohne Adresse) werden übersprungen.
admin-roll-import = Wählende importieren
admin-roll-pending = Laden Sie die Zugangscodes oben herunter oder verwerfen Sie sie, bevor Sie weitere importieren.
admin-roll-importing = Wird importiert…
admin-roll-imported = Importiert: { $created } neu, { $skipped } übersprungen.
admin-roll-summary = { $created } neu, { $skipped } übersprungen.
admin-roll-skipped-rows = Übersprungene Zeilen
# $status is the server's reason, as it wrote it.
admin-roll-skipped-row = Zeile { $row }: { $name } ({ $status })
admin-roll-unreadable = Die Datei kann nicht gelesen werden: { $error }
admin-credentials-title = { $count ->
    [one] { $count } neuer Zugangscode: wird nur einmal angezeigt
   *[other] { $count } neue Zugangscodes: werden nur einmal angezeigt
}
admin-credentials-explain = Laden Sie sie jetzt herunter und senden Sie jedem Wählenden den eigenen. Ballot speichert von jedem Zugangscode nur einen Fingerabdruck: Diese Seite kann sie nicht erneut anzeigen, und sobald Sie sie verlassen oder auf Fertig drücken, sind sie weg. Ein verlorener Zugangscode kann nur ersetzt werden (Neuer Zugangscode in der Wählertabelle).
admin-credentials-download = Zugangscodes herunterladen (CSV)
admin-credentials-done = Fertig: vergessen
admin-credentials-done-yes = Ja, vergessen
admin-credentials-dismiss = Ohne Herunterladen verwerfen
admin-credentials-dismiss-yes = Ja, ohne Herunterladen verwerfen
admin-credentials-question = Diese Zugangscodes vergessen? Sie können nicht erneut angezeigt werden.
admin-credentials-saved = Gespeichert als { $file }. Bewahren Sie die Datei sicher auf.

## The exports
admin-export-results = Ergebnisse (CSV)
admin-export-turnout = Wahlbeteiligung (CSV)
admin-export-events = Ereignisprotokoll (NDJSON)
admin-export-hint = Die Wahlbeteiligung zeigt, wer wann abgestimmt hat, nie wofür; das Protokoll zeigt jede Stimme ohne ihre Wahl.
admin-export-fetching = { $file } wird abgerufen…
admin-export-downloaded = { $file } heruntergeladen.
admin-export-fallback = Falls der Download nicht begonnen hat:
admin-export-results-refused = Die Ergebnisse können exportiert werden, sobald die Abstimmung beendet ist (oder solange Live-Ergebnisse angezeigt werden).

## Mail to voters
admin-mail-send = E-Mails senden
admin-mail-invite-all = Alle Wählenden einladen
admin-mail-invite-all-yes = Ja, alle Wählenden einladen
admin-mail-invite-all-question = Allen Wählenden ihren Link und einen neuen Zugangscode senden? Ihre bisherigen Zugangscodes funktionieren dann nicht mehr.
admin-mail-invite-rest = Noch nicht Eingeladene einladen
admin-mail-invite-rest-yes = Ja, noch nicht Eingeladene einladen
admin-mail-invite-rest-question = Allen noch nicht eingeladenen Wählenden einen Link und einen neuen Zugangscode senden?
admin-mail-remind = Alle erinnern, die noch nicht abgestimmt haben
admin-mail-results = Ergebnisse versenden
admin-mail-hint-setup = Eine Einladung enthält den persönlichen Link und einen neuen Zugangscode (der aus dem Import funktioniert dann nicht mehr). Erinnerungen können ab Beginn der Abstimmung gesendet werden.
admin-mail-hint-open = Eine Einladung enthält den persönlichen Link und einen neuen Zugangscode (der bisherige funktioniert dann nicht mehr). Eine Erinnerung geht nur an Wählende, die nicht abgestimmt haben.
admin-mail-hint-no-credential = Einladungen setzen eine Wahl voraus, bei der sich die Wählenden mit einem Zugangscode anmelden. Eine Erinnerung geht nur an Wählende, die nicht abgestimmt haben, solange die Abstimmung läuft.
admin-mail-hint-closed = Die Ergebnisse können versendet werden, sobald sie veröffentlicht sind.
admin-mail-hint-published = Wählende mit E-Mail-Adresse können die veröffentlichten Ergebnisse erhalten.
# $kind is invitation, reminder or results.
admin-mail-queueing = { $kind ->
    [invitation] Einladungen werden eingereiht…
    [reminder] Erinnerungen werden eingereiht…
   *[results] Ergebnis-E-Mails werden eingereiht…
}
admin-mail-queued = { $kind ->
    [invitation] { $count ->
        [one] { $count } Einladung eingereiht.
       *[other] { $count } Einladungen eingereiht.
    }
    [reminder] { $count ->
        [one] { $count } Erinnerung eingereiht.
       *[other] { $count } Erinnerungen eingereiht.
    }
   *[results] { $count ->
        [one] { $count } Ergebnis-E-Mail eingereiht.
       *[other] { $count } Ergebnis-E-Mails eingereiht.
    }
}
# $list is a list of the reasons below.
admin-mail-skipped = Übersprungen: { $list }.
admin-mail-skipped-no-email = { $count } ohne E-Mail-Adresse
admin-mail-skipped-waiting = { $count } bereits im Versand
admin-mail-skipped-voted = { $count } bereits abgestimmt
admin-mail-last-send = Letzter Versand: { $kind ->
    [invitation] Einladungen
    [reminder] Erinnerungen
   *[results] Ergebnis-E-Mails
}
admin-mail-figure-queued = Eingereiht
admin-mail-figure-no-email = Ohne E-Mail
admin-mail-figure-waiting = Bereits wartend
admin-mail-figure-voted = Haben abgestimmt
admin-mail-status-error = Der Status der E-Mails konnte nicht gelesen werden: { $error }
admin-mail-reading = Status der E-Mails wird gelesen…
admin-mail-none = Noch keine E-Mails versendet.
admin-mail-heading-invitation = Einladungen
admin-mail-heading-reminder = Erinnerungen
admin-mail-heading-results = Ergebnisse
admin-mail-all-sent = Alle gesendet ({ $sent }).
# $parts says which of the counts are not zero.
admin-mail-progress = { $parts ->
    [failed] { $sent } von { $total } gesendet, { $failed } fehlgeschlagen.
    [waiting] { $sent } von { $total } gesendet, { $queued } wartend.
   *[both] { $sent } von { $total } gesendet, { $failed } fehlgeschlagen, { $queued } wartend.
}
admin-mail-failed-title = Fehlgeschlagen ({ $count })
admin-mail-failed-meta = {" "}· { $kind ->
    [invitation] Einladung
    [reminder] Erinnerung
   *[results] Ergebnis-E-Mail
} · { $attempts ->
    [one] { $attempts } Versuch
   *[other] { $attempts } Versuche
}
admin-mail-resend = Erneut senden
admin-mail-resend-label = { $kind ->
    [invitation] Einladung
    [reminder] Erinnerung
   *[results] Ergebnis-E-Mail
} erneut an { $name } senden
admin-mail-no-reason = Kein Grund angegeben.
# The placeables are command-line options and settings, shown as code.
admin-mail-setup-intro = Die Server können keine E-Mails senden: Sie wurden ohne SMTP-Server gestartet. Starten Sie jedes Mitglied mit:
admin-mail-setup-url = { $url } (oder { $starttls } oder { $smtps }),
admin-mail-setup-from = { $from }: der Absender, den die Wählenden sehen,
admin-mail-setup-public = { $public }: damit beginnen die Links in den E-Mails.
admin-mail-setup-env = Die Umgebungsvariablen { $url }, { $from } und { $public } bewirken dasselbe (und halten ein Passwort aus der Befehlszeile heraus). { $cluster } und { $xtask } geben sie an die Mitglieder weiter, die sie starten.

## Replicas
admin-cluster-asking = Cluster wird abgefragt…
admin-cluster-single = Einzelner Knoten: Dieser Server läuft ohne Replikation.
# $leader is admin-cluster-leader-none or admin-cluster-leader-node, in bold.
admin-cluster-answered = Antwort von Knoten { $node }, Amtszeit { $term }, Leader: { $leader }
admin-cluster-leader-none = keiner
admin-cluster-leader-node = Knoten { $id }
admin-cluster-node = Knoten
admin-cluster-address = Adresse
admin-cluster-role = Rolle
admin-cluster-up = Erreichbar
admin-cluster-applied = Angewendet
admin-cluster-lag = Rückstand
admin-cluster-offset = Uhrabweichung
admin-member-up = erreichbar
admin-member-down = AUSGEFALLEN
admin-role = { $role ->
    [leader] Leader
    [follower] Follower
    [candidate] Kandidat
    [learner] Learner
    [shutdown] wird beendet
   *[unknown] unbekannt
}
# $role is admin-role's word.
admin-role-non-voting = { $role } (nicht stimmberechtigt)

## The activity feed
admin-feed-empty = Bisher ist nichts geschehen.
admin-feed-label = Aktivität, neueste zuerst
# $seq is the event's number in the log, $lamport its Lamport time.
admin-feed-meta = #{ $seq } · L{ $lamport }
admin-feed-by = durch{" "}
admin-feed-lamport = L{ $lamport }

## The activity feed's lines
# The server's own English for these lines (shared::feed::FeedWords::english) must read the same.
# $name is a voter's or a candidate's name (or admin-feed-line-voter), $voter a voter's number.
admin-feed-line-voter = Wähler Nr. { $voter }
admin-feed-line-candidate-added = { $name } steht auf dem Stimmzettel
admin-feed-line-voter-registered = { $name } hat sich als Wähler Nr. { $voter } registriert
# $count is how many voters are on the roll now.
admin-feed-line-someone-registered = Jemand hat sich registriert ({ $count } im Wählerverzeichnis)
admin-feed-line-logged-in = { $name } hat sich angemeldet
admin-feed-line-voted = { $name } hat abgestimmt
admin-feed-line-someone-voted = Eine Stimme wurde abgegeben
# $duration is one of admin-feed-line-duration-….
admin-feed-line-deadline-set = Frist festgelegt: Die Abstimmung endet { $duration } nach dieser Änderung
admin-feed-line-duration-s = { $seconds } Sek.
admin-feed-line-duration-min = { $minutes } Min.
admin-feed-line-duration-min-s = { $minutes } Min. { $seconds } Sek.
admin-feed-line-duration-h-min = { $hours } Std. { $minutes } Min.
admin-feed-line-live-results-on = Live-Ergebnisse sind eingeschaltet
admin-feed-line-live-results-off = Live-Ergebnisse sind ausgeschaltet
admin-feed-line-voting-opened = Die Abstimmung ist eröffnet
admin-feed-line-voting-stopped = Die Abstimmung wurde von der Verwaltung beendet
admin-feed-line-deadline-passed = Abstimmung beendet: Die Frist ist abgelaufen
admin-feed-line-results-published = Die Ergebnisse sind veröffentlicht
# $title is the election's title; $count how many candidates or questions it has.
admin-feed-line-election-defined = { $count ->
    [one] Wahl „{ $title }“ mit { $count } Kandidatur festgelegt
   *[other] Wahl „{ $title }“ mit { $count } Kandidaturen festgelegt
}
admin-feed-line-election-defined-questions = { $count ->
    [one] Wahl „{ $title }“ mit { $count } Frage festgelegt
   *[other] Wahl „{ $title }“ mit { $count } Fragen festgelegt
}
admin-feed-line-voter-imported = { $name } als Wähler Nr. { $voter } importiert
# $created is how many voters the import added, $skipped how many rows it left out.
admin-feed-line-roll-imported = Wählerverzeichnis importiert: { $created ->
    [one] { $created } Eintrag
   *[other] { $created } Einträge
} hinzugefügt, { $skipped } übersprungen
admin-feed-line-credential-issued = { $name } hat einen neuen Zugangscode erhalten
# $kind is invitation, reminder or results; $error is the mail server's own text.
admin-feed-line-mail-failed = { $kind ->
    [invitation] Die Einladung
    [reminder] Die Erinnerung
   *[results] Die Ergebnis-E-Mail
} an { $name } ist fehlgeschlagen: { $error }
# $count is how many mails were queued, $skipped how many voters have no email.
admin-feed-line-mail-queued = E-Mails eingereiht: { $count } { $kind ->
    [invitation] { $count ->
        [one] Einladung
       *[other] Einladungen
    }
    [reminder] { $count ->
        [one] Erinnerung
       *[other] Erinnerungen
    }
   *[results] { $count ->
        [one] Ergebnis-E-Mail
       *[other] Ergebnis-E-Mails
    }
}{ $skipped ->
    [0] {""}
   *[other] {" "}({ $skipped } ohne E-Mail-Adresse ausgelassen)
}
# $node is a member's number in the cluster, $term the election term of its leadership.
admin-feed-line-replica-unreachable = Knoten { $node } ist nicht erreichbar: Die Replikation dorthin ist unterbrochen
admin-feed-line-replica-back = Knoten { $node } ist wieder da und holt auf
admin-feed-line-member-joined = Knoten { $node } ist dem Cluster beigetreten
admin-feed-line-new-leader = Knoten { $node } ist jetzt Leader (Amtszeit { $term })
admin-feed-line-no-leader = Kein Leader: Eine Leader-Wahl läuft

## Accounts

admin-checking = Wird geprüft…
admin-sign-in-title = Mit einem Konto anmelden
admin-sign-in-name = Name
admin-sign-in-password = Passwort
admin-sign-in-submit = Anmelden
admin-sign-in-refused = Name oder Passwort falsch.
admin-session-ended = Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.
admin-sign-out = Abmelden
# A role's name, shown after the account's name ("Ana · official").
admin-role-owner = Inhaber
admin-role-official = Wahlleitung
admin-role-observer = Beobachtung
admin-observer-note = Sie sind als Beobachter angemeldet: Sie können diese Wahl verfolgen, aber nichts ändern.
admin-section-accounts = Konten
admin-accounts-loading = Konten werden geladen…
admin-accounts-none = Noch keine Konten: Nur das Admin-Token öffnet diese Seiten.
admin-account-password = meldet sich mit Passwort an
admin-account-token-only = meldet sich nur mit seinem Token an
admin-account-elections = Wahlen:
admin-account-no-elections = keine
admin-account-delete = Löschen
admin-account-delete-yes = Ja, löschen
# $name is the account's name.
admin-account-delete-question = { $name } löschen? Token und Sitzungen des Kontos werden sofort ungültig.
admin-account-deleted = Konto gelöscht.
admin-account-token-title = Token von { $name }
admin-account-token-hint = Kopieren Sie es jetzt und geben Sie es weiter: Es wird nur dieses eine Mal angezeigt, der Server speichert nur seinen Fingerabdruck.
admin-account-new = Neues Konto
admin-account-name = Name
admin-account-role = Rolle
admin-account-password-label = Passwort (optional)
admin-account-password-hint = { $min ->
    [one] Mindestens { $min } Zeichen.
   *[other] Mindestens { $min } Zeichen.
} Ohne Passwort meldet sich das Konto nur mit seinem Token an.
admin-account-create = Konto anlegen
admin-section-officials = Wahlleitung und Beobachtung
admin-officials-legend = Wer diese Wahl leiten oder verfolgen darf
admin-officials-save = Zuweisungen speichern
admin-officials-saved = Zuweisungen gespeichert.
admin-officials-none = Noch keine Konten für Wahlleitung oder Beobachtung.
admin-officials-none-link = Legen Sie Konten in der Liste der Wahlen an.

## First owner
# The form the one-time setup link opens (`/admin#setup=…`), printed by a new node.
admin-setup-title = Erstes Eigentümerkonto anlegen
admin-setup-intro = Diesen Link hat der Server beim ersten Start ausgegeben; er gilt nur einmal. Das hier angelegte Konto ist Eigentümer des Servers und legt die weiteren Konten an.
admin-setup-name = Name
admin-setup-password = Passwort
admin-setup-password-hint = { $min ->
    [one] Mindestens { $min } Zeichen.
   *[other] Mindestens { $min } Zeichen.
}
admin-setup-submit = Eigentümerkonto anlegen
admin-setup-cancel = Stattdessen anmelden
admin-setup-name-invalid = Geben Sie einen Namen mit 1 bis 64 Zeichen ein, nicht nur Leerzeichen.
admin-setup-password-short = { $min ->
    [one] Das Passwort ist zu kurz: mindestens { $min } Zeichen.
   *[other] Das Passwort ist zu kurz: mindestens { $min } Zeichen.
}
admin-setup-password-long = { $max ->
    [one] Das Passwort ist zu lang: höchstens { $max } Zeichen.
   *[other] Das Passwort ist zu lang: höchstens { $max } Zeichen.
}
admin-setup-forbidden = Dieser Einrichtungslink ist ungültig. Kopieren Sie den vollständigen Link, den der Server beim ersten Start ausgegeben hat.
admin-setup-used = Es gibt bereits ein Konto: Dieser Einrichtungslink wurde schon verwendet. Melden Sie sich stattdessen an.
# $reason is why the sign-in failed, a sentence.
admin-setup-sign-in-failed = Das Eigentümerkonto wurde angelegt, aber die Anmeldung ist fehlgeschlagen: { $reason } Melden Sie sich mit Name und Passwort an.
admin-setup-welcome-title = Ihr Eigentümerkonto
admin-setup-created = Eigentümerkonto angelegt.

## Trustees of a verifiable election
admin-section-trustees = Treuhänder
admin-trustees-loading = Schlüsselzeremonie wird gelesen…
admin-trustees-form-title = Treuhänder benennen
admin-trustees-intro = Die Treuhänder teilen sich den Wahlschlüssel: Niemand sonst, nicht einmal die Server, kann die Auszählung entschlüsseln. Jeder erhält einen privaten Link, um in seinem Browser an der Schlüsselzeremonie teilzunehmen.
admin-trustee-legend = Treuhänder { $number }
admin-trustee-name = Name
admin-trustee-email = E-Mail (optional)
admin-trustees-remove = Treuhänder { $number } entfernen
admin-trustees-add = Treuhänder hinzufügen
admin-trustees-threshold = Zum Entschlüsseln nötige Treuhänder
admin-trustees-threshold-hint = So viele Treuhänder können das Ergebnis gemeinsam entschlüsseln, weniger nicht (1 bis { $count }).
admin-trustees-again-warning = Werden die Treuhänder erneut benannt, beginnt die Schlüsselzeremonie von vorn.
admin-trustees-save = Treuhänder benennen
admin-trustees-named = Treuhänder benannt.
admin-trustees-links-title = Private Links, nur einmal angezeigt
admin-trustee-mailed = der Link wurde per E-Mail zugestellt (Sie sehen ihn nicht).
admin-trustees-copy-hint = Kopieren Sie jeden Link jetzt und geben Sie ihn vertraulich an seinen Treuhänder weiter: Wer den Link hat, handelt als dieser Treuhänder. Sie werden nicht erneut angezeigt.
# Before the trustee's name.
admin-trustee-link = Privater Link von
admin-trustees-dismiss = Ich habe die Links kopiert
admin-decrypted-publish = Die Auszählung ist entschlüsselt: Die Ergebnisse können veröffentlicht werden.
# Followed by the names of the trustees who have not decrypted yet.
admin-sealed-waiting = { $count ->
        [one] Versiegelt: Es fehlt noch { $count } Treuhänder:
       *[other] Versiegelt: Es fehlen noch { $count } Treuhänder:
    }
admin-stage-no-trustees = Es sind noch keine Treuhänder benannt: Benennen Sie sie, bevor die Wahl beginnt.
admin-stage-commitments = Schlüsselzeremonie, Runde 1 von 3: Jeder Treuhänder legt sich auf ein Geheimnis fest.
admin-stage-polynomials = Schlüsselzeremonie, Runde 2 von 3: Jeder Treuhänder veröffentlicht den öffentlichen Teil seines Geheimnisses.
admin-stage-shares = Schlüsselzeremonie, Runde 3 von 3: Jeder Treuhänder sendet den anderen ihre versiegelten Anteile.
admin-stage-key-published = Der Wahlschlüssel ist veröffentlicht: Die Wahl kann beginnen.
admin-stage-decrypting = Die Wahl ist beendet: Die Treuhänder entschlüsseln die Auszählung.
admin-stage-decrypted = Die Auszählung ist entschlüsselt.
admin-trustee-col-trustee = Treuhänder
admin-trustee-col-commitment = Festlegung
admin-trustee-col-polynomial = Öffentlicher Teil
admin-trustee-col-shares = Anteile
admin-trustee-col-decryption = Entschlüsselung
admin-trustee-part-in = erhalten
admin-trustee-part-missing = ausstehend
admin-trustee-you = (Sie)
