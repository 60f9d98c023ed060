# The audit page (fr).

## The page
# $title is the election's title (or its id).
audit-title = Audit : { $title }
audit-check-title = Vérifier un reçu
audit-link-vote = Voter
audit-link-tally = Vue projecteur
audit-link-elections = Toutes les élections

## The public log and its latest checkpoint
audit-log-title = Le journal public
audit-log-intro = Chaque événement de cette élection, sous forme de lignes que chacun peut télécharger et hacher. Les répliques signent sa taille et sa racine ; cette page vérifie elle-même leurs signatures.
audit-entries = Entrées
audit-root = Racine
audit-signed-at = Signé le
audit-signers = Signataires
audit-checkpoint-fetching = Récupération du dernier point de contrôle…
audit-checkpoint-failed = Pas encore de point de contrôle : { $why }
audit-keys-fetching = Récupération des clés des répliques…
audit-keys-failed = Les clés n'ont pas pu être récupérées : { $why }
audit-no-keys = Le serveur ne liste aucune clé de signature.
# The rule of audit-signed-by and audit-too-few-signatures ($rule).
audit-only-replica-signs = la seule réplique listée doit signer
audit-replicas-must-sign = { $needed } des { $listed } répliques listées doivent signer
# $count replicas signed validly, $list is their numbers ("1, 2 and 3").
audit-signed-by = Signé par { $count ->
        [one] la réplique
       *[other] les répliques
    } { $list } ({ $rule }).
audit-too-few-signatures = Seulement { $count } { $count ->
        [one] signature valide
       *[other] signatures valides
    } : { $rule }. Ne vous fiez pas à ce journal.

## The bulletin board
audit-board-title = Tableau d'affichage
audit-board-intro = Chaque bulletin avec son choix, jamais son électeur. Le stockage privé des répliques relie toujours les électeurs aux bulletins : il n'y a pas de chiffrement.
audit-board-waiting = Le tableau d'affichage apparaît ici dès la publication des résultats.
audit-board-loading = Récupération du journal : { $fetched } sur { $count } { $count ->
        [one] entrée
       *[other] entrées
    }…
audit-board-fetch-failed = Le journal n'a pas pu être récupéré : { $why }
audit-board-not-signed = Le journal n'est pas signé par assez de répliques : il n'y a rien à recompter.
audit-board-not-signed-log = Les entrées envoyées par le serveur ne sont pas le journal signé par les répliques.
audit-entry-unreadable = L'entrée { $index } du journal est illisible.
audit-entry-out-of-place = L'entrée { $index } du journal indique qu'elle appartient ailleurs : des entrées ont été déplacées ou ajoutées.
audit-entry-unknown-superseded = L'entrée { $index } du journal remplace un bulletin qui n'y figure pas avant elle.
audit-recount-matches = Le recomptage concorde avec le résultat publié.
audit-recount-differs = Le recomptage ne concorde pas avec le résultat publié.
audit-recount-waiting = En attente du résultat publié pour comparer…
audit-col-candidate = Candidat
audit-col-published = Publié
audit-col-recounted = Recompté ici
# $count ballots in the log, $counted of them count.
audit-board-summary = { $count } { $count ->
        [one] bulletin
       *[other] bulletins
    } dans le journal, { $counted } { $counted ->
        [one] compté
       *[other] comptés
    } (un nouveau vote remplace le bulletin qu'il désigne).
audit-col-entry = Entrée
audit-col-ballot = Bulletin
audit-col-choice = Choix
audit-col-counted = Compté
audit-replaced = remplacé par un vote ultérieur
audit-counted = compté
# A candidate whose name the page does not know.
audit-candidate = candidat { $id }
audit-blank = blanc

## Each question recounted
audit-questions-title = Chaque question recomptée ici
audit-questions-intro = Chaque question recomptée dans ce navigateur à partir des bulletins ci-dessus, avec les mêmes règles et les mêmes tirages (issus du journal), et comparée au résultat publié jusqu'au dernier chiffre.
audit-agrees = concorde
audit-differs = diffère
audit-pending = en attente
audit-agrees-long = Concorde avec le résultat publié.
audit-differs-long = Diffère du résultat publié.
# Before a question's id, when it has no title.
audit-question = Question
audit-recounted-passed = Recompté : ADOPTÉ
audit-recounted-rejected = Recompté : REJETÉ
audit-recounted-no-winner = Recompté : aucun gagnant
# Before the winners' names.
audit-recounted-winners = { $count ->
        [one] Gagnant recompté :
       *[other] Gagnants recomptés :
    }
audit-recount-in-full = Le recomptage complet
# Around a question's id: a question the results publish but the log's ballot lacks.
audit-question-not-on-ballot-before = la question «{"\u00A0"}
audit-question-not-on-ballot-after = {"\u00A0"}» est publiée mais ne figure pas sur le bulletin défini par le journal.

## Trustee page: key ceremony and decryption
audit-trustee-doc-title = Ballot : dépositaire
audit-trustee-title = Dépositaire : cérémonie des clés et déchiffrement
audit-trustee-no-token = Cette page a besoin de votre lien privé de dépositaire, en entier (avec la partie après « #token= »). Ouvrez le lien qui vous a été remis.
audit-trustee-loading = Vérification de votre lien de dépositaire…
# Before the election's id.
audit-trustee-election = Élection :
# Before the trustee's name.
audit-trustee-who = Vous êtes le dépositaire { $id } sur { $count } :
audit-trustee-threshold = { $count ->
        [one] Vous êtes le seul dépositaire : votre clé suffit à déchiffrer le résultat.
       *[other] { $threshold } des { $count } dépositaires, ensemble, peuvent déchiffrer le résultat ; moins n’y suffisent pas.
    }
audit-trustee-ceremony-title = Cérémonie des clés
audit-trustee-view-loading = Lecture de l’état de la cérémonie…
audit-trustee-start = Commencer la cérémonie des clés
audit-trustee-start-hint = Votre navigateur crée votre clé secrète. Seules ses parties publiques sont envoyées ; le secret reste ici et dans votre fichier de clé.
audit-trustee-started = Votre clé est créée. Téléchargez maintenant votre fichier de clé, puis gardez cette page ouverte.
audit-trustee-sent = Votre part est envoyée.
audit-trustee-key-ready = Votre clé est prête.
audit-trustee-need-file = Votre cérémonie est en cours : chargez votre fichier de clé pour continuer.
audit-trustee-keep-open = En attente des autres dépositaires. Cette page vérifie toutes les 2 secondes ; gardez-la ouverte.
audit-trustee-loaded = Fichier de clé chargé.
audit-trustee-no-randomness = Ce navigateur ne fournit pas de nombres aléatoires sûrs. Utilisez un autre navigateur.
# Followed by where and why, in the library's words.
audit-trustee-proof-failed = Votre navigateur a refusé une partie de la cérémonie :
audit-trustee-file-unreadable = Ce fichier n’est pas un fichier de clé de dépositaire.
audit-trustee-file-other-election = Ce fichier de clé appartient à une autre élection.
audit-trustee-file-other-trustee = Ce fichier de clé appartient à un autre dépositaire.

## Trustee page: the key file
audit-trustee-file-title = Votre fichier de clé
audit-trustee-file-warning = Sans votre fichier de clé, vous ne pourrez pas déchiffrer : aucun serveur ne détient votre secret. Conservez ce fichier en lieu sûr et privé.
audit-trustee-file-final = Votre clé est prête. Téléchargez à nouveau votre fichier de clé et gardez celui-ci : c’est lui qui déchiffre après la clôture du vote.
audit-trustee-download = Télécharger mon fichier de clé
audit-trustee-load = Charger mon fichier de clé
audit-trustee-load-hint = Pour reprendre la cérémonie lors d’une autre visite, ou pour déchiffrer après la clôture du vote.

## Trustee page: decryption
audit-trustee-decrypt-title = Déchiffrement
audit-trustee-decrypt-later = Le déchiffrement s’ouvre à la clôture du vote. Revenez alors avec ce lien et votre fichier de clé.
audit-trustee-decrypt-needs-file = Chargez votre fichier de clé pour déchiffrer.
audit-trustee-decrypt = Déchiffrer ma part
audit-trustee-decrypting = Déchiffrement…
audit-trustee-decrypted-mine = Votre part du déchiffrement est reçue.
audit-trustee-decrypted-all = Le décompte est déchiffré : les résultats peuvent être publiés.
# Followed by the names of the trustees who have not decrypted yet.
audit-sealed-waiting = { $count ->
        [one] Scellé : en attente de { $count } dépositaire de plus :
       *[other] Scellé : en attente de { $count } dépositaires de plus :
    }

## Where the ceremony stands, trustee by trustee
audit-stage-no-trustees = Aucun dépositaire n’est encore désigné.
audit-stage-commitments = Tour 1 sur 3 : chaque dépositaire s’engage sur un secret.
audit-stage-polynomials = Tour 2 sur 3 : chaque dépositaire publie la partie publique de son secret.
audit-stage-shares = Tour 3 sur 3 : chaque dépositaire envoie aux autres leurs parts scellées.
audit-stage-key-published = La clé de l’élection est publiée : le vote peut ouvrir.
audit-stage-decrypting = Le vote est clos : les dépositaires déchiffrent le décompte.
audit-stage-decrypted = Le décompte est déchiffré.
audit-trustee-col-trustee = Dépositaire
audit-trustee-col-commitment = Engagement
audit-trustee-col-polynomial = Partie publique
audit-trustee-col-shares = Parts
audit-trustee-col-decryption = Déchiffrement
audit-trustee-part-in = reçu
audit-trustee-part-missing = en attente
audit-trustee-you = (vous)

## Secret ballots of a verifiable election, checked from the log
audit-secret-title = Bulletins secrets
audit-secret-intro = Vérifié dans ce navigateur à partir du seul journal signé : la clé de chaque dépositaire, les preuves de chaque bulletin scellé, le décompte chiffré des bulletins comptés, chaque déchiffrement et les sommes déchiffrées.
audit-secret-checking = Vérification des bulletins secrets…
audit-secret-fetch-failed = Impossible de récupérer le journal : { $why }
audit-secret-not-verifiable = Le journal n’enregistre pas cette élection comme vérifiable.
# Followed by where the check failed and why, in the checker's words.
audit-secret-failed = La vérification a ÉCHOUÉ à
audit-secret-passed = Toutes les preuves sont valides.
audit-secret-ballots = { $count ->
        [one] { $count } bulletin scellé vérifié, { $counted } compté(s).
       *[other] { $count } bulletins scellés vérifiés, { $counted } comptés.
    }
audit-secret-trustees = { $count ->
        [one] Clé de { $count } dépositaire vérifiée ; { $threshold } nécessaire(s) pour déchiffrer.
       *[other] Clés de { $count } dépositaires vérifiées ; { $threshold } nécessaires pour déchiffrer.
    }
audit-secret-key-checked = La clé de l’élection correspond aux parties publiques des dépositaires.
audit-secret-key-waiting = La clé de l’élection n’est pas encore publiée.
audit-secret-decryptions = { $count ->
        [one] Déchiffrement de { $count } dépositaire vérifié.
       *[other] Déchiffrements de { $count } dépositaires vérifiés.
    }
audit-secret-sums-title = Sommes déchiffrées
audit-secret-col-sum = Voix
audit-secret-sealed = Le décompte est encore scellé : pas encore de sommes.

## Vérification de Benaloh d'un bulletin que l'électeur n'a pas déposé
audit-challenge-title = Vérifier un bulletin que vous n'avez pas déposé
audit-challenge-intro = Collez ce que la page de vote a affiché quand vous avez choisi « Vérifier ce bulletin » (ou ce qu'a affiché ballot vote --challenge). Cette page chiffre de nouveau les choix à partir de la graine et compare.
audit-challenge-label = Le bulletin vérifié (JSON)
audit-challenge-check = Vérifier le bulletin
audit-challenge-checking = Vérification…
audit-challenge-holds = Ce bulletin chiffre exactement les choix ci-dessous (options par numéro). Son code de suivi :
audit-challenge-none = aucune
audit-challenge-not-cast = Il n'a pas été déposé, comme il se doit pour un bulletin vérifié.
audit-challenge-was-cast = Attention : ce bulletin vérifié a été déposé. Sa graine est publique, donc tout le monde peut lire ses choix.
audit-challenge-unreadable = Ce n'est pas un bulletin vérifié : collez tout le JSON, avec ballot, seed et marks.
audit-challenge-no-key = Cette élection n'a pas encore de clé publiée : aucun bulletin n'a pu être chiffré avec elle.
audit-challenge-fails = Ce bulletin ne chiffre pas ces choix avec cette graine :
