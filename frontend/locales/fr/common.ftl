# Ballot's words shared by every page (fr).

## Every page
language-label = Langue
contrast-label = Contraste élevé
text-size-label = Taille du texte
text-size-option = { $percent } %
connection-connecting = Connexion…
connection-live = En direct
connection-reconnecting = Reconnexion… (tentative { $attempt }, prochaine dans { $seconds } s)
connection-refused = Jeton d'administration refusé
phase-setup = Pas commencé
phase-open = Vote ouvert
phase-closed = Vote clos
phase-published = Résultats publiés
countdown-time-left = Temps restant
countdown-passed = Échéance passée
countdown-deadline = Échéance
countdown-none = aucune
countdown-not-set = non fixée
countdown-voting = Vote
countdown-closed = clos
