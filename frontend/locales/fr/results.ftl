# The results of every question, shown by the voter, tally, admin and audit pages (fr).

## The list of elections (public and admin)
results-elections-none = Aucune élection pour l’instant.
results-elections-election = Élection
results-elections-phase = Phase
results-elections-deadline = Échéance
results-elections-voted = Votants / inscrits
results-elections-public-pages = Pages publiques
results-elections-turnout = { $voted } / { $voters } ({ $percent } %)
results-elections-voter-page = page de vote
results-elections-projector = projection

## Figures and the announcement
results-votes-per-candidate = Voix par candidat
results-turnout = { $voted } { $voters ->
        [one] électeur sur { $voters } a voté.
       *[other] électeurs sur { $voters } ont voté.
    }
results-turnout-weighted = { $voted } { $voters ->
        [one] électeur sur { $voters } a voté
       *[other] électeurs sur { $voters } ont voté
    } (poids { $weight } sur { $total }).
results-counts-hidden = Les décomptes restent masqués jusqu’à la publication des résultats.
results-outcome-winner = Vainqueur : { $name } avec { $votes } { $votes ->
        [one] voix
       *[other] voix
    }
results-outcome-tie = Égalité entre { $names } avec { $votes } { $votes ->
        [one] voix
       *[other] voix
    } chacun
results-outcome-no-votes = Aucun vote n’a été exprimé : il n’y a donc pas de vainqueur.

## Candidates named in a result
results-candidate = candidat { $id }
results-name-separator = {", "}
results-yes = Oui
results-no = Non

## A question's result
results-question-untitled = Question { $id }
results-question-turnout = Réponses valides : { $valid } · blancs : { $blank }
results-no-winner = Aucun vainqueur : personne n’a répondu à cette question.
results-winner-named = Vainqueur : { $names }
results-elected-named = Élus : { $names }
results-elected-mark = ✓ élu
results-ties-title = Égalités départagées par tirage au sort
results-draw-round = Tirage au tour { $round } entre { $among } : { $chosen } retenu
results-draw-place = Tirage pour la place { $round } entre { $among } : { $chosen } retenu

## Methods, what they ask of a voter and how they decide
results-method-plurality = Scrutin majoritaire
results-method-approval = Vote par approbation
results-method-irv = Vote alternatif
results-method-stv = Vote unique transférable
results-method-schulze = Schulze
results-method-referendum = Référendum
results-instruction-one = Choisissez-en un
results-instruction-up-to = Choisissez-en jusqu’à { $max }
results-instruction-rank = Classez autant de choix que vous voulez, le préféré en premier
results-instruction-rank-equal = Classez autant de choix que vous voulez, le préféré en premier ; ex aequo autorisés
results-instruction-yes-no = Oui ou Non
results-rule-plurality-one = Scrutin majoritaire : le candidat qui obtient le plus de voix l’emporte.
results-rule-plurality-many = Scrutin majoritaire : les { $seats } candidats qui obtiennent le plus de voix l’emportent.
results-rule-approval-one = Vote par approbation : cochez chaque candidat que vous acceptez ; le plus approuvé l’emporte.
results-rule-approval-many = Vote par approbation : cochez chaque candidat que vous acceptez ; les { $seats } plus approuvés l’emportent.
results-rule-irv = Vote alternatif : le candidat ayant le moins de voix est éliminé et ses voix passent à la préférence suivante, jusqu’à ce qu’un candidat obtienne la majorité.
results-rule-stv = Vote unique transférable (règles écossaises) : les candidats atteignant le quota sont élus, les excédents et les voix des candidats éliminés sont reportés, jusqu’à ce que { $seats ->
        [one] le siège soit pourvu
       *[other] les { $seats } sièges soient pourvus
    }.
results-rule-schulze = Schulze : chaque paire de candidats est comparée en duel ; celui qui bat tous les autres par les chemins les plus forts l’emporte.
results-rule-referendum-majority = Référendum : il faut plus de Oui que de Non ; les réponses blanches ne comptent pas.
results-rule-referendum-two-thirds = Référendum : il faut deux tiers de Oui parmi les réponses Oui et Non ; les réponses blanches ne comptent pas.

## Rounds of instant runoff and STV
results-rounds-none = Aucun tour : personne n’a répondu à cette question.
results-rounds-caption = Tour par tour
results-rounds-caption-quota = Tour par tour · quota { $quota }
results-stages-caption = Étape par étape
results-stages-caption-quota = Étape par étape · quota { $quota }
results-round = Tour { $round }
results-stage = Étape { $round }
results-rounds-candidate = Candidat
results-round-elected = élu
results-round-eliminated = éliminé
results-rounds-exhausted = Épuisés
results-rounds-passed-on = Reports
results-rounds-first-preferences = Premières préférences
results-rounds-nothing = Aucun
results-transfer-surplus-value = Excédent de { $from } (valeur de transfert { $value })
results-transfer-surplus = Excédent de { $from }
results-transfer-votes = Voix de { $from } reportées

## Schulze
results-pairwise-caption = Duels : le poids des bulletins préférant le candidat de la ligne à celui de la colonne
results-pairwise-over = face à { $name }
results-pairwise-wins = gagne
results-pairwise-order = Classement, du meilleur au moins bon

## Referendum
results-referendum-bars = Oui et Non
results-referendum-majority = Il faut plus de Oui que de Non.
results-referendum-two-thirds = Il faut deux tiers de Oui parmi les réponses Oui et Non.
results-referendum-passed = ADOPTÉ
results-referendum-rejected = REJETÉ
results-referendum-undecided = non décidé
