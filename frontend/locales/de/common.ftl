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
