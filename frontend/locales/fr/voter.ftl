# The voter page (fr).

## The voter page
voter-title = Scrutin
voter-loading = Chargement de l'élection…
clock-offset = Décalage avec l'horloge du serveur : { $offset } (±{ $margin } ms)
clock-synchronising = Synchronisation de l'horloge…
results-title = Résultats
link-all-elections = Toutes les élections
link-projector = Vue projecteur
link-audit = Auditer le journal public

## What the voter page says in its notice line
notice-sending-again = Nouvel envoi de votre vote…
notice-session-ended = Votre session a expiré ; veuillez vous reconnecter.
notice-welcome = Bienvenue, { $name }.
notice-link-login = Connexion avec votre lien personnel…
notice-sending = Envoi de votre vote…
notice-wrong-login = Nom ou numéro d'électeur erroné : ils ne correspondent à personne sur la liste. Vérifiez les deux et réessayez.
notice-registered = Vous êtes l'électeur n° { $id }. Gardez ce numéro pour vous reconnecter.
notice-counted = Merci : votre vote est compté.
notice-replaced = Merci : votre nouveau vote est compté et remplace le précédent.

## Logging in
login-title = Connexion
login-name = Nom
login-voter-id = Numéro d'électeur
register-title = Nouvel électeur
register-name = Votre nom
register-hint = Vous recevrez un numéro d'électeur ; gardez-le pour vous reconnecter.
register-submit = S'inscrire et se connecter
credential-label = Votre code d'accès
credential-hint = Collez le code d'accès reçu. Majuscules, espaces et tirets n'importent pas.

## The logged-in voter's panel
panel-who = Connecté en tant que { $name } (électeur n° { $id })
panel-logout = Se déconnecter
ballot-note-setup = Le vote n'a pas encore commencé. Le bulletin s'ouvrira quand l'administrateur lancera l'élection.
ballot-note-deadline = L'échéance est passée : les votes ne sont plus acceptés.
ballot-note-closed = Le vote est clos.
change-title = Modifier votre vote
change-intro = Votre nouveau vote remplace le précédent ; seul le dernier compte.
change-intro-ballot = Votre nouveau bulletin remplace le précédent ; seul le dernier compte.
keep-vote = Garder mon vote
change-vote = Modifier mon vote
voted-title = ✓ Vous avez voté
voted-private = Votre vote est enregistré. Le tableau des électeurs et le fil en direct ne montrent jamais votre choix.
voted-receipt = Reçu : vote
voted-pending = en attente
choose-candidate = Choisissez un candidat
your-ballot = Votre bulletin
ballot-intro = Répondez à chaque question, puis relisez vos réponses avant de déposer le bulletin. Une question sans réponse compte comme blanc.

## The ballot and its review
candidates-label = Candidats
vote-for = Voter pour { $name }
vote = Voter
sending = Envoi…
review-title = Relisez votre bulletin
review-blank-warning =
    { $count ->
        [one] Vous avez laissé { $count } question blanche. Voter quand même ?
       *[other] Vous avez laissé { $count } questions blanches. Voter quand même ?
    }
cast-ballot = Déposer le bulletin
change-answers = Modifier les réponses

## The voter's receipt
receipt-title = Votre reçu
receipt-fingerprint = Empreinte du bulletin :
receipt-entry = · entrée { $index } du journal public
receipt-download = Télécharger le reçu
receipt-verify = Vérifier
receipt-audit = Page d'audit
receipt-privacy = Le reçu prouve que votre bulletin a été inscrit dans le journal que signent les répliques, et Vérifier contrôle qu'il y est toujours. Il ne cache pas votre choix : Ballot ne chiffre pas les bulletins, le stockage privé des répliques relie chaque électeur à son bulletin, et quiconque voit ce reçu peut retrouver son bulletin dans le journal public. Gardez-le pour vous.

## A ballot of questions
voter-question-number = Question { $number }
voter-review = Vérifier
voter-referendum-yes = Oui
voter-referendum-no = Non
voter-credential-placeholder = XXXXX-XXXXX-XXXXX-XXXXX

## Marking candidates
voter-marks-chosen =
    { $picked ->
        [one] { $picked } choix sur { $max }
       *[other] { $picked } choix sur { $max }
    }
voter-marks-limit = Vous avez atteint le maximum de choix. Pour en choisir un autre, décochez d’abord l’un de vos choix.

## Rank numbers
voter-ranks-help = Donnez à chaque candidat un rang de { $first } (premier choix) à { $most }. Donnez le même numéro pour classer des candidats à égalité ; laissez un champ vide pour ne pas classer ce candidat.
voter-ranks-error = Ce n’est pas un rang : le candidat reste non classé. Saisissez un nombre entier de { $first } à { $most }, ou videz le champ.

## Ranking candidates
voter-ranking-intro = Votre classement, premier choix en tête :
voter-ranking-empty = Personne n’est encore classé : la réponse est blanche.
voter-ranked = Classés
voter-unranked-heading = Non classés :
voter-unranked = Non classés
voter-rank-place = { $place }.
voter-move-up = Monter
voter-move-up-label = Monter { $name }
voter-move-down = Descendre
voter-move-down-label = Descendre { $name }
voter-remove = Retirer
voter-remove-label = Retirer { $name } du classement
voter-add = Ajouter au classement
voter-add-label = Ajouter { $name } au classement

## Answers on the review
voter-answer-blank = Blanc
voter-answer-separator = {", "}
voter-answer-equal = {" = "}

## A verifiable election's sealed ballot
voter-seal-ballot = Sceller le bulletin
voter-seal-title = Votre bulletin scellé
voter-seal-intro = Vos choix sont chiffrés dans ce navigateur : aucun serveur, administrateur ou garant seul ne peut les lire.
voter-seal-loading = Récupération de la clé de l'élection…
voter-seal-sealing = Scellement de votre bulletin…
voter-seal-sealed = Votre bulletin est scellé. Déposez-le, ou vérifiez-le d'abord.
voter-seal-not-open = Le vote n'est pas encore ouvert : les garants n'ont pas publié la clé de l'élection.
voter-seal-no-random = Ce navigateur ne peut pas produire les nombres aléatoires sûrs qu'exige un bulletin scellé. Veuillez utiliser un autre navigateur.
voter-seal-failed = Votre bulletin n'a pas pu être scellé :
voter-seal-checking = Vérification du bulletin…
voter-seal-cast = Le déposer
voter-seal-check = Vérifier ce bulletin
voter-seal-again = Sceller à nouveau
voter-tracking-code = Code de suivi :
voter-tracking-hint = La vérification révèle comment ce bulletin a été scellé : il est alors écarté et vos choix sont scellés à nouveau, avec un nouveau code de suivi. Une fois déposé, le code de suivi de votre bulletin figure dans le journal public.
voter-check-title = Vérification du bulletin
voter-check-intro = Ce bulletin ne sera jamais déposé. Avec la graine et les marques ci-dessous, chacun peut sceller à nouveau vos choix et doit obtenir exactement ce bulletin : cela prouve que la page a scellé ce que vous avez choisi.
voter-check-seed = Graine :
voter-check-marks = Marques :
voter-check-json = Tout ce qu'il faut pour le vérifier ailleurs (JSON) :
voter-check-audit = Le vérifier à nouveau sur la page d'audit
voter-check-ok = ✓ Ce bulletin contient exactement vos choix. Il a été écarté : scellez à nouveau votre bulletin pour le déposer.
voter-check-bad = ✗ Ce bulletin ne contient pas vos choix. Ne votez pas depuis cet appareil et prévenez les organisateurs de l'élection :
voter-cast-tracking-title = Votre bulletin scellé
voter-cast-tracking-hint = Retrouvez ce code dans le journal public pour constater que votre bulletin a été compté tel que déposé :
receipt-privacy-sealed = Le reçu prouve que votre bulletin a été inscrit au journal que signent les répliques, et Vérifier contrôle qu'il y figure toujours. Vos choix sont scellés : le journal ne contient que votre bulletin chiffré, et les garants ne déchiffrent que le total.
