# The election form and its question editor (de).

## The admin's list of elections
editor-elections-title = Wahlen
editor-admin-pages = Verwaltungsseiten
editor-original-console = Konsole der ursprünglichen Wahl
editor-public-list = Öffentliche Liste
editor-forget-token = Token vergessen
editor-all-elections = Alle Wahlen
editor-loading = Wird geladen…
editor-creating = Wahl wird angelegt…
# $title: the election's title, as the admin typed it.
editor-created = „{ $title }“ angelegt.

## The form for a new election
editor-new-election = Neue Wahl
editor-title = Titel
editor-description = Beschreibung (optional)
editor-election-id = Kennung in der Adresse (optional)
editor-election-id-placeholder = aus dem Titel gebildet
# The characters and the address stay as they are: they are what the field accepts.
editor-election-id-hint = { $min } bis { $max } Zeichen aus a–z, 0–9 und -; Wählende öffnen /e/<id>.
editor-simple-hint = Ein einfacher Stimmzettel: eine Frage, eine Wahl. Fügen Sie eine Frage hinzu für mehrere Fragen, Rangfolgen, mehrere Sitze oder ein Referendum.
editor-add-question = Frage hinzufügen
editor-login-legend = Anmeldung der Wählenden
# Each option is its name in bold followed by its explanation, which starts with the colon.
editor-login-credential = Zugangscode
editor-login-credential-detail = : Jede wählende Person erhält beim Import des Wählerverzeichnisses einen geheimen Code.
editor-login-name-and-id = Name und Wählernummer
editor-login-name-and-id-detail = : Wählende geben ihren Namen und ihre Nummer ein, wie bei der ursprünglichen Wahl.
editor-options-legend = Optionen
editor-option-live-results = Live-Ergebnisse
editor-option-live-results-detail = : Wählende und der Projektor sehen während der Abstimmung die Stimmenzahlen, nicht nur die Wahlbeteiligung.
editor-option-revoting = Erneut wählen
editor-option-revoting-detail = : Man kann erneut abstimmen, solange die Abstimmung offen ist; nur die letzte Stimme zählt.
editor-option-self-registration = Selbstregistrierung
editor-option-self-registration-detail = : Jede Person kann sich selbst ins Wählerverzeichnis eintragen (nur mit Anmeldung per Name und Nummer).
editor-secrecy-legend = Wahlgeheimnis
editor-secrecy-open = Offen
editor-secrecy-open-detail = : Die Server zählen die Stimmen; das öffentliche Protokoll verbirgt, wer wen gewählt hat.
editor-secrecy-verifiable = Überprüfbar
editor-secrecy-verifiable-detail = : Jeder Stimmzettel wird im Browser der wählenden Person verschlüsselt, und nur die von Ihnen benannten Treuhänder können gemeinsam die Auszählung entschlüsseln, die jeder überprüfen kann (Mehrheits-, Zustimmungs- und Referendumsfragen; keine Live-Ergebnisse).
editor-create = Wahl anlegen

## One question of the ballot
editor-question-heading = Frage { $number }
# Followed by the question's title.
editor-question-heading-titled = Frage { $number }:
editor-question-move-up = Frage { $number } nach oben
editor-question-move-down = Frage { $number } nach unten
editor-question-remove = Frage { $number } entfernen
editor-question-id = Kennung (optional)
editor-question-id-hint = { $min } bis { $max } Zeichen aus a–z, 0–9 und -; Fehlermeldungen nennen die Frage damit.
editor-method = Auszählungsverfahren
editor-method-plurality = Relative Mehrheitswahl
editor-method-approval = Zustimmungswahl
editor-method-irv = Integrierte Stichwahl (IRV)
editor-method-stv = Übertragbare Einzelstimmgebung (STV)
editor-method-schulze = Schulze-Methode
editor-method-referendum = Referendum
editor-seats = Zu besetzende Sitze
editor-max-choices = Höchstzahl ankreuzbarer Kandidierender
editor-max-choices-plurality = so viele wie Sitze
editor-max-choices-any = beliebig viele
editor-threshold-legend = Angenommen mit
editor-threshold-majority = Mehr Ja als Nein (Mehrheit)
editor-threshold-two-thirds = Mindestens zwei Drittel Ja
editor-referendum-hint = Die Antworten eines Referendums sind Ja und Nein; Enthaltungen zählen nicht.
editor-question-candidates = Kandidierende von Frage { $number }, in Stimmzettel-Reihenfolge

## The candidates of a ballot
editor-candidates-legend = Kandidierende, in Stimmzettel-Reihenfolge
editor-candidate = Kandidat/in { $number }
editor-candidate-move-up = Kandidat/in { $number } nach oben
editor-candidate-move-down = Kandidat/in { $number } nach unten
editor-candidate-remove = Kandidat/in { $number } entfernen
editor-add-candidate = Kandidat/in hinzufügen

## The preview of the voter's ballot
editor-preview-summary = Der Stimmzettel der Wählenden (Vorschau)
editor-preview-yes = Ja
editor-preview-no = Nein
editor-preview-unnamed = (Kandidat/in { $number } noch ohne Namen)
