# Ballot's words shared by every page (de).

## Every page
language-label = Sprache
contrast-label = Hoher Kontrast
text-size-label = Textgröße
text-size-option = { $percent } %
connection-connecting = Verbinde…
connection-live = Live
connection-reconnecting = Neue Verbindung… (Versuch { $attempt }, nächster in { $seconds } s)
connection-refused = Admin-Token abgelehnt
phase-setup = Nicht begonnen
phase-open = Abstimmung offen
phase-closed = Abstimmung beendet
phase-published = Ergebnisse veröffentlicht
countdown-time-left = Verbleibende Zeit
countdown-passed = Frist abgelaufen
countdown-deadline = Frist
countdown-none = keine
countdown-not-set = nicht festgelegt
countdown-voting = Abstimmung
countdown-closed = beendet

## Why a request failed (every page)
error-network = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-network-gave-up = Der Server ist weiterhin nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es in einer Minute erneut.
error-decode = Der Server hat eine unerwartete Antwort gesendet ({ $detail }).
error-status = Der Server antwortete mit Status { $status }.
error-already-voted = Sie haben bereits abgestimmt. Jede Person kann nur einmal abstimmen.
error-vote-pending = Ihre Stimme wartet noch auf die Zählung; gleich wird erneut nachgesehen.
error-vote-pending-gave-up = Ihre Stimme wartet noch auf die Zählung. Laden Sie die Seite in einer Minute neu, um Ihre Quittung zu sehen.
error-voting-not-open = Die Abstimmung ist nicht geöffnet: Die Wahl nimmt gerade keine Stimmen an.
error-past-deadline = Die Frist ist abgelaufen, daher wurde diese Stimme nicht gezählt.
error-click-too-old = Ihre Stimme hat zu lange zum Server gebraucht und wurde nicht gezählt; bitte stimmen Sie erneut ab.
error-click-in-future = Ihre Stimme wurde nicht gezählt, weil die Uhr dieses Geräts von der des Servers abweicht; bitte laden Sie die Seite neu und stimmen Sie erneut ab.
error-rate-limited = Zu viele fehlgeschlagene Versuche aus diesem Netz. Bitte warten Sie { $seconds } s, bevor Sie es erneut versuchen.
error-queue-full = Gerade stimmen sehr viele Menschen ab; neuer Versuch in { $seconds } s.
error-queue-full-gave-up = Gerade stimmen sehr viele Menschen ab, und der Server konnte dies nicht rechtzeitig annehmen. Bitte versuchen Sie es in einer Minute erneut.
error-unavailable = Die Server können sich gerade nicht einigen (zu wenige sind erreichbar); neuer Versuch in { $seconds } s.
error-unavailable-gave-up = Die Server können sich weiterhin nicht einigen (zu wenige sind erreichbar). Bitte versuchen Sie es in einer Minute erneut.
error-busy = Der Server ist ausgelastet; neuer Versuch in { $seconds } s.
error-busy-gave-up = Der Server ist weiterhin ausgelastet. Bitte versuchen Sie es in einer Minute erneut.
error-idempotency-key-reused = Diese Seite hat zwei verschiedene Anfragen unter einer Anfragenummer gesendet, ein interner Fehler der Seite; nichts wurde geändert. Bitte versuchen Sie es erneut: Es wird als neue Anfrage gesendet.
error-lamport-out-of-range = Die Uhr dieser Seite zum Ordnen von Ereignissen passt nicht zum Server, ein interner Fehler der Seite; nichts wurde geändert. Bitte laden Sie die Seite neu und versuchen Sie es erneut.
error-malformed = Der Server hat diese Anfrage als fehlerhaft abgelehnt, ein interner Fehler der Seite (oder eine sehr lange Eingabe); nichts wurde geändert. Bitte laden Sie die Seite neu und versuchen Sie es erneut.
error-bad-credential = Dieser Zugangscode passt zu niemandem im Wählerverzeichnis dieser Wahl (oder er wurde ersetzt). Prüfen Sie ihn und versuchen Sie es erneut.
error-self-registration-off = Diese Wahl nimmt keine Anmeldungen an: Die Verwaltung importiert das Wählerverzeichnis.
error-roll-frozen = Das Wählerverzeichnis ist ab Beginn der Abstimmung eingefroren: Personen können nur vor dem Start importiert werden.
error-mail-not-configured = Die Server können keine E-Mails senden: Sie wurden ohne SMTP-Server gestartet (--smtp-url).
error-election-exists = Eine Wahl mit dieser Kennung existiert bereits: Wählen Sie eine andere Kennung (oder einen anderen Titel).
error-bad-login = Falscher Name oder falsche Wählernummer: Sie passen zu niemandem im Verzeichnis. Prüfen Sie beides und versuchen Sie es erneut.
error-bad-session = Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.
error-forbidden = Die Rolle Ihres Kontos erlaubt das nicht. Eine Person mit der Rolle Eigentümer kann Ihre Rolle ändern oder Sie dieser Wahl zuweisen.
error-admin-unauthorized = Das Admin-Token wurde abgelehnt. Prüfen Sie es und geben Sie es erneut ein.
error-name-taken = Jemand im Verzeichnis trägt bereits diesen Namen. Fügen Sie etwas Unterscheidendes hinzu, etwa eine Initiale.
error-unknown-candidate = Diese Wahlmöglichkeit steht nicht auf dem Stimmzettel. Laden Sie die Seite neu, um den aktuellen Stimmzettel zu sehen.
error-deadline-in-past = Die Frist muss in der Zukunft liegen. Wählen Sie einen späteren Zeitpunkt.
error-deadline-not-reached = Die Frist ist noch nicht abgelaufen: Die Wahl kann erst danach zum Fristende geschlossen werden.
error-roll-full = Das Wählerverzeichnis ist voll: Dieser Wahl können keine weiteren Personen hinzugefügt werden.
error-wrong-login-method = Diese Wahl meldet Wählende nicht auf diese Weise an. Verwenden Sie die Anmeldung, die ihre Seite zeigt.
error-cluster-unauthorized = Die Server haben das Geheimnis der anderen abgelehnt; der Betrieb muss die Einstellungen des Clusters prüfen.
error-not-found = Nicht gefunden: Diese Wahl oder Seite existiert nicht. Prüfen Sie die Adresse.
error-too-many-connections = Gerade sind zu viele Seiten mit diesem Server verbunden. Schließen Sie andere Tabs oder versuchen Sie es in einer Minute erneut.
error-storage = Der Server konnte seine Daten nicht lesen oder schreiben. Bitte versuchen Sie es in einer Minute erneut; wenn es wieder passiert, informieren Sie die Organisatoren der Wahl.
error-internal = Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut; wenn es wieder passiert, informieren Sie die Organisatoren der Wahl.
error-invalid-name = Dieser Name kann nicht verwendet werden: { $detail }
error-wrong-phase = Das ist in dieser Phase der Wahl nicht möglich: { $detail }
error-invalid-election = Die Wahl wurde abgelehnt: { $detail }
error-invalid-ballot = Der Stimmzettel wurde abgelehnt: { $detail }
error-invalid-roll = Das Wählerverzeichnis wurde abgelehnt: { $detail }
error-bad-request = Der Server hat diese Anfrage abgelehnt: { $detail }

## Document titles and pages of no election
title-vote = Ballot: abstimmen
title-admin = Ballot: Verwaltung
title-tally = Ballot: Auszählung
title-elections = Ballot: Wahlen
title-audit = Ballot: Prüfung
title-admin-elections = Ballot: Verwaltung · Wahlen
title-not-found = Ballot: nicht gefunden
not-found-title = Seite nicht gefunden
not-found-vote = Abstimmen
not-found-tally = Auszählung
not-found-elections = Wahlen
not-found-admin = Verwaltung
missing-title = Keine solche Wahl
missing-before-id = Es gibt keine Wahl mit der Kennung „
missing-after-id = “.
missing-see-all = Alle Wahlen ansehen

## Units, and the warning before the deadline
unit-ms = { $value } ms
unit-s = { $value } s
deadline-warning =
    { $minutes ->
        [one] Weniger als eine Minute zum Abstimmen: Geben Sie Ihren Stimmzettel vor Fristende ab ({ $deadline }).
       *[other] Weniger als { $minutes } Minuten zum Abstimmen: Geben Sie Ihren Stimmzettel vor Fristende ab ({ $deadline }).
    }

## Verifizierbare Wahlen
error-invalid-proof = Ein Nachweis hat die Prüfung nicht bestanden, daher wurde nichts gespeichert: { $detail }
error-bad-trustee-token = Dieser Treuhänder-Link ist ungültig (oder die Treuhänder wurden neu benannt). Fragen Sie die Wahlleitung nach Ihrem aktuellen Link.
error-trustees-pending = Die Wahl kann noch nicht beginnen: Alle Treuhänder müssen zuerst die Schlüsselzeremonie abschließen.
