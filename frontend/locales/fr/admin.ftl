# The admin console and the admin's list of elections (fr).

## The token gate
admin-title = Administration de Ballot
admin-token-title = Jeton d'administration
# $flag is the command-line option, shown as code.
admin-token-label = Jeton (donné au nœud avec { $flag })
admin-token-hint = Conservé dans cet onglet uniquement ; le fermer l'efface.
admin-token-submit = Ouvrir la console
admin-wrong-token = Jeton d'administration incorrect.
admin-token-refused = Le serveur a refusé le jeton d'administration ; veuillez le saisir à nouveau.

## The console's frame and sections
admin-election-pages = Pages de l'élection
admin-all-elections = Toutes les élections
admin-voter-page = Page des électeurs
admin-projector = Projection
admin-forget-token = Oublier le jeton
admin-section-election = Élection
admin-section-queue = File des votes
admin-section-results = Résultats
admin-section-voters = Électeurs
admin-section-roll = Liste électorale
admin-section-exports = Exports
admin-section-mail = Courriels
admin-section-replicas = Répliques
admin-section-activity = Activité
# A list's separator, between its items.
admin-list-separator = {", "}

## The election's commands
admin-no-deadline = Aucune échéance fixée.
# $time is a date and time.
admin-deadline-at = Échéance : { $time }.
# Follows the deadline's sentence; $node and $lamport are identifiers, $offset a signed duration.
admin-node-clock = {" "}Nœud { $node } · décalage d'horloge { $offset } · Lamport { $lamport }
admin-start = Ouvrir le vote
admin-start-question = Ouvrir l'élection aux votes maintenant ?
admin-start-yes = Oui, ouvrir le vote
admin-stop = Clore le vote
admin-stop-question = Clore le vote maintenant ? Plus aucun vote ne pourra être déposé.
admin-stop-yes = Oui, clore le vote
admin-publish = Publier les résultats
admin-publish-question = Publier les résultats ? Ils ne pourront plus changer.
admin-publish-yes = Oui, publier les résultats
admin-cancel = Annuler
admin-sending = Envoi…
admin-voting-started = Vote ouvert.
admin-voting-stopped = Vote clos.
admin-results-published = Résultats publiés.
admin-deadline-date-label = Échéance (date et heure)
admin-deadline-minutes-label = Ou dans combien de minutes
admin-set-deadline = Fixer l'échéance
admin-deadline-set = Échéance fixée.
admin-live-results-switch = {" "}Montrer les résultats en direct aux électeurs et à la projection pendant le vote
admin-live-results-shown = Résultats en direct affichés.
admin-live-results-hidden = Résultats en direct masqués.

## The vote queue
admin-queue-waiting = En attente
admin-queue-in-flight = En cours
admin-queue-capacity = Capacité
admin-queue-peak-waiting = Pic d'attente
admin-queue-peak-in-flight = Pic en cours

## The voters and their credentials
# $count is "$voted of $total", in bold.
admin-turnout = { $count } { $total ->
    [one] électeur
   *[other] électeurs
} { $voted ->
    [one] a
   *[other] ont
} voté ({ $percent } %)
admin-turnout-count = { $voted } sur { $total }
admin-turnout-label = Participation
admin-voters-id = Id
admin-voters-name = Nom
admin-voters-voted = A voté
admin-voters-credential = Code d'accès
admin-voter-has-voted = ✓ a voté
admin-new-credential = Nouveau code d'accès
admin-new-credential-yes = Oui, nouveau code d'accès
admin-new-credential-question = Remplacer le code d'accès de { $name } ? L'ancien cessera de fonctionner.
admin-replacing-credential = Remplacement du code d'accès…
admin-credential-replaced = Code d'accès remplacé.
admin-fresh-title = Nouveau code d'accès pour { $name } (électeur n° { $id }) : affiché une seule fois
admin-fresh-title-unnamed = Nouveau code d'accès pour l'électeur n° { $id } : affiché une seule fois
admin-fresh-hint = Le code d'accès précédent et ses sessions ne fonctionnent plus. Copiez celui-ci maintenant : il ne pourra plus être affiché.
admin-fresh-done = Terminé

## The roll import
admin-roll-file = Un fichier CSV…
admin-roll-paste = …ou collez-le ici
admin-roll-frozen = La liste est figée dès l'ouverture du vote.
# $name, $email and $external_id are the columns' names, shown as code.
admin-roll-hint = Une ligne d'en-tête avec { $name } et, en option, { $email } et { $external_id }. Les électeurs déjà inscrits (même adresse, ou même nom sans adresse) sont ignorés.
admin-roll-import = Importer les électeurs
admin-roll-pending = Téléchargez ou écartez les codes d'accès ci-dessus avant d'importer à nouveau.
admin-roll-importing = Importation…
admin-roll-imported = Importation : { $created ->
    [one] { $created } nouvel électeur
   *[other] { $created } nouveaux électeurs
}, { $skipped ->
    [one] { $skipped } ignoré
   *[other] { $skipped } ignorés
}.
admin-roll-summary = { $created ->
    [one] { $created } nouvel électeur
   *[other] { $created } nouveaux électeurs
}, { $skipped ->
    [one] { $skipped } ignoré
   *[other] { $skipped } ignorés
}.
admin-roll-skipped-rows = Lignes ignorées
# $status is the server's reason, as it wrote it.
admin-roll-skipped-row = Ligne { $row } : { $name } ({ $status })
admin-roll-unreadable = Impossible de lire le fichier : { $error }
admin-credentials-title = { $count ->
    [one] { $count } nouveau code d'accès : affiché une seule fois
   *[other] { $count } nouveaux codes d'accès : affichés une seule fois
}
admin-credentials-explain = Téléchargez-les maintenant et envoyez à chaque électeur le sien. Ballot ne conserve qu'une empreinte de chaque code d'accès : cette page ne pourra plus les afficher, et dès que vous la quittez ou appuyez sur Terminé, ils sont perdus. Un code d'accès perdu ne peut qu'être remplacé (Nouveau code d'accès dans le tableau des électeurs).
admin-credentials-download = Télécharger les codes d'accès (CSV)
admin-credentials-done = Terminé : les oublier
admin-credentials-done-yes = Oui, les oublier
admin-credentials-dismiss = Écarter sans télécharger
admin-credentials-dismiss-yes = Oui, écarter sans télécharger
admin-credentials-question = Oublier ces codes d'accès ? Ils ne pourront plus être affichés.
admin-credentials-saved = Enregistré sous { $file }. Conservez ce fichier en lieu sûr.

## The exports
admin-export-results = Résultats (CSV)
admin-export-turnout = Participation (CSV)
admin-export-events = Journal des événements (NDJSON)
admin-export-hint = La participation indique qui a voté et quand, jamais pour qui ; le journal montre chaque vote sans son choix.
admin-export-fetching = Récupération de { $file }…
admin-export-downloaded = { $file } téléchargé.
admin-export-fallback = Si le téléchargement n'a pas démarré :
admin-export-results-refused = Les résultats peuvent être exportés une fois le vote clos (ou tant que les résultats en direct sont affichés).

## Mail to voters
admin-mail-send = Envoyer des courriels
admin-mail-invite-all = Inviter tous les électeurs
admin-mail-invite-all-yes = Oui, inviter tous les électeurs
admin-mail-invite-all-question = Envoyer à chaque électeur son lien et un nouveau code d'accès ? Leurs codes d'accès actuels cesseront de fonctionner.
admin-mail-invite-rest = Inviter ceux qui ne l'ont pas été
admin-mail-invite-rest-yes = Oui, inviter ceux qui ne l'ont pas été
admin-mail-invite-rest-question = Envoyer un lien et un nouveau code d'accès à chaque électeur pas encore invité ?
admin-mail-remind = Relancer ceux qui n'ont pas voté
admin-mail-results = Envoyer les résultats
admin-mail-hint-setup = Une invitation contient le lien personnel de l'électeur et un nouveau code d'accès (celui de l'importation cesse de fonctionner). Les relances sont possibles une fois le vote ouvert.
admin-mail-hint-open = Une invitation contient le lien personnel de l'électeur et un nouveau code d'accès (l'ancien cesse de fonctionner). Une relance ne va qu'aux électeurs qui n'ont pas voté.
admin-mail-hint-no-credential = Les invitations demandent une élection où les électeurs se connectent avec un code d'accès. Une relance ne va qu'aux électeurs qui n'ont pas voté, pendant le vote.
admin-mail-hint-closed = Les résultats pourront être envoyés une fois publiés.
admin-mail-hint-published = Les électeurs ayant une adresse peuvent recevoir les résultats publiés.
# $kind is invitation, reminder or results.
admin-mail-queueing = { $kind ->
    [invitation] Mise en file des invitations…
    [reminder] Mise en file des relances…
   *[results] Mise en file des courriels de résultats…
}
admin-mail-queued = { $kind ->
    [invitation] { $count ->
        [one] { $count } invitation mise en file.
       *[other] { $count } invitations mises en file.
    }
    [reminder] { $count ->
        [one] { $count } relance mise en file.
       *[other] { $count } relances mises en file.
    }
   *[results] { $count ->
        [one] { $count } courriel de résultats mis en file.
       *[other] { $count } courriels de résultats mis en file.
    }
}
# $list is a list of the reasons below.
admin-mail-skipped = Ignorés : { $list }.
admin-mail-skipped-no-email = { $count } sans adresse
admin-mail-skipped-waiting = { $count } déjà en attente d'envoi
admin-mail-skipped-voted = { $count ->
    [one] { $count } qui a voté
   *[other] { $count } qui ont voté
}
admin-mail-last-send = Dernier envoi : { $kind ->
    [invitation] invitations
    [reminder] relances
   *[results] courriels de résultats
}
admin-mail-figure-queued = En file
admin-mail-figure-no-email = Sans adresse
admin-mail-figure-waiting = Déjà en attente
admin-mail-figure-voted = Ont voté
admin-mail-status-error = L'état des courriels n'a pas pu être lu : { $error }
admin-mail-reading = Lecture de l'état des courriels…
admin-mail-none = Aucun courriel envoyé pour l'instant.
admin-mail-heading-invitation = Invitations
admin-mail-heading-reminder = Relances
admin-mail-heading-results = Résultats
admin-mail-all-sent = Tout est envoyé ({ $sent }).
# $parts says which of the counts are not zero.
admin-mail-progress = { $parts ->
    [failed] Envoyés : { $sent } sur { $total }, échecs : { $failed }.
    [waiting] Envoyés : { $sent } sur { $total }, en attente : { $queued }.
   *[both] Envoyés : { $sent } sur { $total }, échecs : { $failed }, en attente : { $queued }.
}
admin-mail-failed-title = Échecs ({ $count })
admin-mail-failed-meta = {" "}· { $kind ->
    [invitation] invitation
    [reminder] relance
   *[results] courriel de résultats
} · { $attempts ->
    [one] { $attempts } tentative
   *[other] { $attempts } tentatives
}
admin-mail-resend = Renvoyer
admin-mail-resend-label = Renvoyer { $kind ->
    [invitation] l'invitation
    [reminder] la relance
   *[results] le courriel de résultats
} à { $name }
admin-mail-no-reason = Aucune raison donnée.
# The placeables are command-line options and settings, shown as code.
admin-mail-setup-intro = Les serveurs ne peuvent pas envoyer de courriels : ils ont été démarrés sans serveur SMTP. Démarrez chaque membre avec :
admin-mail-setup-url = { $url } (ou { $starttls }, ou { $smtps }),
admin-mail-setup-from = { $from } : l'expéditeur que voient les électeurs,
admin-mail-setup-public = { $public } : le début des liens dans les courriels.
admin-mail-setup-env = Les variables d'environnement { $url }, { $from } et { $public } font de même (et gardent un mot de passe hors de la ligne de commande). { $cluster } et { $xtask } les transmettent aux membres qu'ils démarrent.

## Replicas
admin-cluster-asking = Interrogation du cluster…
admin-cluster-single = Nœud unique : ce serveur fonctionne sans réplication.
# $leader is admin-cluster-leader-none or admin-cluster-leader-node, in bold.
admin-cluster-answered = Réponse du nœud { $node }, mandat { $term }, leader : { $leader }
admin-cluster-leader-none = aucun
admin-cluster-leader-node = nœud { $id }
admin-cluster-node = Nœud
admin-cluster-address = Adresse
admin-cluster-role = Rôle
admin-cluster-up = En ligne
admin-cluster-applied = Appliqué
admin-cluster-lag = Retard
admin-cluster-offset = Décalage d'horloge
admin-member-up = en ligne
admin-member-down = HORS LIGNE
admin-role = { $role ->
    [leader] leader
    [follower] suiveur
    [candidate] candidat
    [learner] apprenant
    [shutdown] arrêt
   *[unknown] inconnu
}
# $role is admin-role's word.
admin-role-non-voting = { $role } (sans droit de vote)

## The activity feed
admin-feed-empty = Rien ne s'est encore passé.
admin-feed-label = Activité, la plus récente d'abord
# $seq is the event's number in the log, $lamport its Lamport time.
admin-feed-meta = #{ $seq } · L{ $lamport }
admin-feed-by = par{" "}
admin-feed-lamport = L{ $lamport }

## The activity feed's lines
# The server's own English for these lines (shared::feed::FeedWords::english) must read the same.
# $name is a voter's or a candidate's name (or admin-feed-line-voter), $voter a voter's number.
admin-feed-line-voter = l'électeur n° { $voter }
admin-feed-line-candidate-added = { $name } figure sur le bulletin
admin-feed-line-voter-registered = { $name } s'est inscrit comme électeur n° { $voter }
# $count is how many voters are on the roll now.
admin-feed-line-someone-registered = { $count ->
    [one] Un électeur s'est inscrit ({ $count } inscrit sur la liste)
   *[other] Un électeur s'est inscrit ({ $count } inscrits sur la liste)
}
admin-feed-line-logged-in = { $name } s'est connecté
admin-feed-line-voted = { $name } a voté
admin-feed-line-someone-voted = Un vote a été déposé
# $duration is one of admin-feed-line-duration-….
admin-feed-line-deadline-set = Échéance fixée : le vote se clôt { $duration } après ce changement
admin-feed-line-duration-s = { $seconds } s
admin-feed-line-duration-min = { $minutes } min
admin-feed-line-duration-min-s = { $minutes } min { $seconds } s
admin-feed-line-duration-h-min = { $hours } h { $minutes } min
admin-feed-line-live-results-on = Les résultats en direct sont affichés
admin-feed-line-live-results-off = Les résultats en direct sont masqués
admin-feed-line-voting-opened = Le vote est ouvert
admin-feed-line-voting-stopped = Le vote a été arrêté par l'administrateur
admin-feed-line-deadline-passed = Vote clos : l'échéance est passée
admin-feed-line-results-published = Les résultats sont publiés
# $title is the election's title; $count how many candidates or questions it has.
admin-feed-line-election-defined = { $count ->
    [one] Élection « { $title } » définie avec { $count } candidat
   *[other] Élection « { $title } » définie avec { $count } candidats
}
admin-feed-line-election-defined-questions = { $count ->
    [one] Élection « { $title } » définie avec { $count } question
   *[other] Élection « { $title } » définie avec { $count } questions
}
admin-feed-line-voter-imported = { $name } importé comme électeur n° { $voter }
# $created is how many voters the import added, $skipped how many rows it left out.
admin-feed-line-roll-imported = Liste importée : { $created ->
    [one] { $created } électeur ajouté
   *[other] { $created } électeurs ajoutés
}, { $skipped ->
    [one] { $skipped } ignoré
   *[other] { $skipped } ignorés
}
admin-feed-line-credential-issued = { $name } a reçu un nouveau code d'accès
# $kind is invitation, reminder or results; $error is the mail server's own text.
admin-feed-line-mail-failed = { $kind ->
    [invitation] L'invitation
    [reminder] La relance
   *[results] Le courriel de résultats
} à { $name } a échoué : { $error }
# $count is how many mails were queued, $skipped how many voters have no email.
admin-feed-line-mail-queued = Courriels mis en file : { $kind ->
    [invitation] { $count ->
        [one] { $count } invitation
       *[other] { $count } invitations
    }
    [reminder] { $count ->
        [one] { $count } relance
       *[other] { $count } relances
    }
   *[results] { $count ->
        [one] { $count } courriel de résultats
       *[other] { $count } courriels de résultats
    }
}{ $skipped ->
    [0] {""}
    [one] {" "}({ $skipped } électeur sans adresse électronique écarté)
   *[other] {" "}({ $skipped } électeurs sans adresse électronique écartés)
}
# $node is a member's number in the cluster, $term the election term of its leadership.
admin-feed-line-replica-unreachable = Le nœud { $node } est injoignable : sa réplication est interrompue
admin-feed-line-replica-back = Le nœud { $node } est de retour et se met à jour
admin-feed-line-member-joined = Le nœud { $node } a rejoint le cluster
admin-feed-line-new-leader = Le nœud { $node } est désormais leader (mandat { $term })
admin-feed-line-no-leader = Aucun leader : une élection est en cours

## Accounts

admin-checking = Vérification…
admin-sign-in-title = Se connecter avec un compte
admin-sign-in-name = Nom
admin-sign-in-password = Mot de passe
admin-sign-in-submit = Se connecter
admin-sign-in-refused = Nom ou mot de passe incorrect.
admin-session-ended = Votre session a pris fin ; veuillez vous reconnecter.
admin-sign-out = Se déconnecter
# A role's name, shown after the account's name ("Ana · official").
admin-role-owner = propriétaire
admin-role-official = responsable
admin-role-observer = observateur
admin-observer-note = Vous êtes observateur : vous pouvez suivre cette élection sans rien y modifier.
admin-section-accounts = Comptes
admin-accounts-loading = Chargement des comptes…
admin-accounts-none = Aucun compte pour l'instant : seul le jeton d'administration ouvre ces pages.
admin-account-password = se connecte avec un mot de passe
admin-account-token-only = se connecte uniquement avec son jeton
admin-account-elections = Élections :
admin-account-no-elections = aucune
admin-account-delete = Supprimer
admin-account-delete-yes = Oui, le supprimer
# $name is the account's name.
admin-account-delete-question = Supprimer { $name } ? Son jeton et ses sessions cessent aussitôt de fonctionner.
admin-account-deleted = Compte supprimé.
admin-account-token-title = Jeton de { $name }
admin-account-token-hint = Copiez-le maintenant et transmettez-le : il n'est affiché qu'une fois, et le serveur n'en garde que l'empreinte.
admin-account-new = Nouveau compte
admin-account-name = Nom
admin-account-role = Rôle
admin-account-password-label = Mot de passe (facultatif)
admin-account-password-hint = { $min ->
    [one] Au moins { $min } caractère.
   *[other] Au moins { $min } caractères.
} Sans mot de passe, le compte se connecte uniquement avec son jeton.
admin-account-create = Créer le compte
admin-section-officials = Responsables et observateurs
admin-officials-legend = Qui peut gérer ou suivre cette élection
admin-officials-save = Enregistrer les responsables
admin-officials-saved = Responsables enregistrés.
admin-officials-none = Aucun responsable ni observateur pour l'instant.
admin-officials-none-link = Créez des comptes sur la liste des élections.

## First owner
# The form the one-time setup link opens (`/admin#setup=…`), printed by a new node.
admin-setup-title = Créer le premier compte propriétaire
admin-setup-intro = Ce lien a été affiché par le serveur à son premier démarrage et ne sert qu'une fois : le compte créé ici est propriétaire du serveur et crée les autres comptes.
admin-setup-name = Nom
admin-setup-password = Mot de passe
admin-setup-password-hint = { $min ->
    [one] Au moins { $min } caractère.
   *[other] Au moins { $min } caractères.
}
admin-setup-submit = Créer le compte propriétaire
admin-setup-cancel = Se connecter plutôt
admin-setup-name-invalid = Saisissez un nom de 1 à 64 caractères, pas uniquement des espaces.
admin-setup-password-short = { $min ->
    [one] Mot de passe trop court : au moins { $min } caractère.
   *[other] Mot de passe trop court : au moins { $min } caractères.
}
admin-setup-password-long = { $max ->
    [one] Mot de passe trop long : au plus { $max } caractère.
   *[other] Mot de passe trop long : au plus { $max } caractères.
}
admin-setup-forbidden = Ce lien d'installation n'est pas valide. Copiez le lien complet affiché par le serveur à son premier démarrage.
admin-setup-used = Un compte existe déjà : ce lien d'installation a déjà servi. Connectez-vous plutôt.
# $reason is why the sign-in failed, a sentence.
admin-setup-sign-in-failed = Le compte propriétaire a été créé, mais la connexion a échoué : { $reason } Connectez-vous avec son nom et son mot de passe.
admin-setup-welcome-title = Votre compte propriétaire
admin-setup-created = Compte propriétaire créé.

## Trustees of a verifiable election
admin-section-trustees = Dépositaires
admin-trustees-loading = Lecture de la cérémonie des clés…
admin-trustees-form-title = Désigner les dépositaires
admin-trustees-intro = Les dépositaires se partagent la clé de l’élection : personne d’autre, pas même les serveurs, ne peut déchiffrer le décompte. Chacun reçoit un lien privé pour participer à la cérémonie des clés dans son navigateur.
admin-trustee-legend = Dépositaire { $number }
admin-trustee-name = Nom
admin-trustee-email = Adresse e-mail (facultative)
admin-trustees-remove = Retirer le dépositaire { $number }
admin-trustees-add = Ajouter un dépositaire
admin-trustees-threshold = Dépositaires nécessaires pour déchiffrer
admin-trustees-threshold-hint = Ce nombre de dépositaires, ensemble, peut déchiffrer le résultat ; moins n’y suffisent pas (de 1 à { $count }).
admin-trustees-again-warning = Désigner à nouveau les dépositaires recommence la cérémonie des clés.
admin-trustees-save = Désigner les dépositaires
admin-trustees-named = Dépositaires désignés.
admin-trustees-links-title = Liens privés, affichés une seule fois
admin-trustee-mailed = son lien lui a été envoyé par courriel (vous ne le voyez pas).
admin-trustees-copy-hint = Copiez chaque lien maintenant et remettez-le en privé à son dépositaire : quiconque détient le lien agit en son nom. Ils ne seront plus affichés.
# Before the trustee's name.
admin-trustee-link = Lien privé de
admin-trustees-dismiss = J’ai copié les liens
admin-decrypted-publish = Le décompte est déchiffré : les résultats peuvent être publiés.
# Followed by the names of the trustees who have not decrypted yet.
admin-sealed-waiting = { $count ->
        [one] Scellé : en attente de { $count } dépositaire de plus :
       *[other] Scellé : en attente de { $count } dépositaires de plus :
    }
admin-stage-no-trustees = Aucun dépositaire n’est encore désigné : désignez-les avant l’ouverture du vote.
admin-stage-commitments = Cérémonie des clés, tour 1 sur 3 : chaque dépositaire s’engage sur un secret.
admin-stage-polynomials = Cérémonie des clés, tour 2 sur 3 : chaque dépositaire publie la partie publique de son secret.
admin-stage-shares = Cérémonie des clés, tour 3 sur 3 : chaque dépositaire envoie aux autres leurs parts scellées.
admin-stage-key-published = La clé de l’élection est publiée : le vote peut ouvrir.
admin-stage-decrypting = Le vote est clos : les dépositaires déchiffrent le décompte.
admin-stage-decrypted = Le décompte est déchiffré.
admin-trustee-col-trustee = Dépositaire
admin-trustee-col-commitment = Engagement
admin-trustee-col-polynomial = Partie publique
admin-trustee-col-shares = Parts
admin-trustee-col-decryption = Déchiffrement
admin-trustee-part-in = reçu
admin-trustee-part-missing = en attente
admin-trustee-you = (vous)
