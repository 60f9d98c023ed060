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

## Why a request failed (every page)
error-network = Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.
error-network-gave-up = Le serveur reste injoignable. Vérifiez votre connexion et réessayez dans une minute.
error-decode = Le serveur a envoyé une réponse inattendue ({ $detail }).
error-status = Le serveur a répondu avec le statut { $status }.
error-already-voted = Vous avez déjà voté. Chaque électeur ne peut voter qu'une fois.
error-vote-pending = Votre vote attend encore d'être compté ; nouvelle vérification dans un instant.
error-vote-pending-gave-up = Votre vote attend encore d'être compté. Rechargez la page dans une minute pour voir votre reçu.
error-voting-not-open = Le vote n'est pas ouvert : l'élection n'accepte pas de votes en ce moment.
error-past-deadline = La date limite est passée : ce vote n'a pas été compté.
error-click-too-old = Votre vote a mis trop de temps à parvenir au serveur et n'a pas été compté ; veuillez voter à nouveau.
error-click-in-future = Votre vote n'a pas été compté car l'horloge de cet appareil ne concorde pas avec celle du serveur ; rechargez la page et votez à nouveau.
error-rate-limited = Trop de tentatives échouées depuis ce réseau. Veuillez attendre { $seconds } s avant de réessayer.
error-queue-full = Beaucoup de personnes votent en ce moment ; nouvel essai dans { $seconds } s.
error-queue-full-gave-up = Beaucoup de personnes votent en ce moment et le serveur n'a pas pu traiter cette demande à temps. Réessayez dans une minute.
error-unavailable = Les serveurs ne parviennent pas à s'accorder (trop peu sont joignables) ; nouvel essai dans { $seconds } s.
error-unavailable-gave-up = Les serveurs ne parviennent toujours pas à s'accorder (trop peu sont joignables). Réessayez dans une minute.
error-busy = Le serveur est occupé ; nouvel essai dans { $seconds } s.
error-busy-gave-up = Le serveur est toujours occupé. Réessayez dans une minute.
error-idempotency-key-reused = Cette page a envoyé deux demandes différentes sous un même numéro, un problème interne de la page ; rien n'a été modifié. Réessayez : la demande partira comme une nouvelle.
error-lamport-out-of-range = L'horloge de cette page qui ordonne les événements est décalée par rapport au serveur, un problème interne de la page ; rien n'a été modifié. Rechargez la page et réessayez.
error-malformed = Le serveur a refusé cette demande comme mal formée, un problème interne de la page (ou une saisie très longue) ; rien n'a été modifié. Rechargez la page et réessayez.
error-bad-credential = Cet identifiant ne correspond à personne sur la liste électorale de cette élection (ou il a été remplacé). Vérifiez-le et réessayez.
error-self-registration-off = Cette élection n'accepte pas d'inscriptions : l'administrateur importe la liste électorale.
error-roll-frozen = La liste électorale est figée dès l'ouverture du vote : les électeurs ne peuvent être importés qu'avant le début.
error-mail-not-configured = Les serveurs ne peuvent pas envoyer de courriel : ils ont été démarrés sans serveur SMTP (--smtp-url).
error-election-exists = Une élection avec cet identifiant existe déjà : choisissez un autre identifiant (ou titre).
error-bad-login = Nom ou numéro d'électeur erroné : ils ne correspondent à personne sur la liste. Vérifiez les deux et réessayez.
error-bad-session = Votre session a pris fin ; veuillez vous reconnecter.
error-forbidden = Le rôle de votre compte ne le permet pas. Un propriétaire peut changer votre rôle ou vous affecter à cette élection.
error-admin-unauthorized = Le jeton d'administration a été refusé. Vérifiez-le et saisissez-le à nouveau.
error-name-taken = Une personne de la liste porte déjà ce nom. Ajoutez de quoi vous distinguer, par exemple une initiale.
error-unknown-candidate = Ce choix ne figure pas sur le bulletin. Rechargez la page pour voir le bulletin actuel.
error-deadline-in-past = La date limite doit être dans le futur. Choisissez une heure plus tardive.
error-deadline-not-reached = La date limite n'est pas encore passée : l'élection ne peut être close à sa date limite qu'une fois celle-ci atteinte.
error-roll-full = La liste électorale est pleine : aucun électeur ne peut plus être ajouté à cette élection.
error-wrong-login-method = Cette élection ne connecte pas les électeurs de cette façon. Utilisez la connexion affichée sur sa page.
error-cluster-unauthorized = Les serveurs ont refusé le secret les uns des autres ; les opérateurs doivent vérifier la configuration du cluster.
error-not-found = Introuvable : cette élection ou cette page n'existe pas. Vérifiez l'adresse.
error-too-many-connections = Trop de pages sont connectées à ce serveur en ce moment. Fermez d'autres onglets ou réessayez dans une minute.
error-storage = Le serveur n'a pas pu lire ou écrire ses données. Réessayez dans une minute ; si cela persiste, prévenez les organisateurs de l'élection.
error-internal = Une erreur s'est produite sur le serveur. Réessayez ; si cela persiste, prévenez les organisateurs de l'élection.
error-invalid-name = Ce nom ne peut pas être utilisé : { $detail }
error-wrong-phase = Impossible à cette étape de l'élection : { $detail }
error-invalid-election = L'élection a été refusée : { $detail }
error-invalid-ballot = Le bulletin a été refusé : { $detail }
error-invalid-roll = La liste électorale a été refusée : { $detail }
error-bad-request = Le serveur a refusé cette demande : { $detail }

## Document titles and pages of no election
title-vote = Ballot : voter
title-admin = Ballot : administration
title-tally = Ballot : résultats
title-elections = Ballot : élections
title-audit = Ballot : audit
title-admin-elections = Ballot : administration · élections
title-not-found = Ballot : introuvable
not-found-title = Page introuvable
not-found-vote = Voter
not-found-tally = Résultats
not-found-elections = Élections
not-found-admin = Administration
missing-title = Élection introuvable
missing-before-id = Il n'existe aucune élection avec l'identifiant «{"\u202F"}
missing-after-id = {"\u202F"}».
missing-see-all = Voir toutes les élections

## Units, and the warning before the deadline
unit-ms = { $value } ms
unit-s = { $value } s
deadline-warning =
    { $minutes ->
        [one] Il reste moins d'une minute pour voter : déposez votre bulletin avant la date limite ({ $deadline }).
       *[other] Il reste moins de { $minutes } minutes pour voter : déposez votre bulletin avant la date limite ({ $deadline }).
    }

## Élections vérifiables
error-invalid-proof = Une preuve n'a pas été vérifiée, donc rien n'a été enregistré : { $detail }
error-bad-trustee-token = Ce lien de garant n'est pas valide (ou les garants ont été nommés à nouveau). Demandez votre lien actuel aux organisateurs de l'élection.
error-trustees-pending = L'élection ne peut pas encore ouvrir : chaque garant doit d'abord terminer la cérémonie des clés.
