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
