# The projector tally and the list of elections (fr).

## The projector
tally-title = Résultats de l’élection
tally-waiting = En attente des premiers chiffres…
tally-votes-cast = { $count ->
        [one] vote exprimé
       *[other] votes exprimés
    } · { $voters } { $voters ->
        [one] électeur
       *[other] électeurs
    }
tally-weight-voted = poids exprimé · sur { $weight }
tally-turnout = participation
tally-turnout-hidden = participation : les décomptes restent masqués jusqu’à la publication des résultats
tally-turnout-label = Participation
tally-log = Journal public : { $entries } { $entries ->
        [one] entrée
       *[other] entrées
    } · racine
tally-log-waiting = Journal public : en attente du premier point de contrôle
tally-audit = audit

## The list of elections
tally-elections-title = Élections
tally-elections-choose = Choisissez votre élection
tally-elections-loading = Chargement…
