# Receipts: checking one against the public log, on the voter and audit pages (fr).

## The box where a receipt is pasted (audit page)
receipts-paste-label = Collez un reçu ici, ou déposez son fichier sur ce cadre :
receipts-pick-file = ou choisissez le fichier :
receipts-verify = Vérifier le reçu

## What checking a receipt came to
receipts-checking = Vérification auprès du journal public…
# $entries is the log's size, $signers how many replicas signed it, $list their numbers.
receipts-verified = Votre bulletin figure dans le journal de { $entries } { $entries ->
        [one] entrée
       *[other] entrées
    }, signé par { $signers ->
        [one] la réplique
       *[other] les répliques
    } { $list }.
# Replicas' numbers as a list: "1, 2 and 3" ($first is "1, 2").
receipts-list-comma = {", "}
receipts-list-last = { $first } et { $last }

## A text that is not a receipt to check here
receipts-empty = Collez d'abord un reçu, ou déposez son fichier ici.
receipts-not-a-receipt = Ce n'est pas un reçu Ballot : collez le fichier entier, de {"{"} à {"}"}.
receipts-unknown-election = Ce reçu nomme un identifiant d'élection que Ballot ne crée jamais.
# $election is the receipt's election id, $link the address of its audit page.
receipts-other-election = Ce reçu concerne l'élection « { $election } », pas celle-ci : vérifiez-le sur { $link }.

## A check that failed
receipts-no-keys = Le serveur n'a listé aucune clé de signature : rien n'a pu être vérifié.
# $why is one of the receipts-damage-* below.
receipts-damaged = Ce reçu est endommagé : { $why }.
receipts-damage-other-election = son point de contrôle appartient à une autre élection
receipts-damage-outside = son bulletin se trouve hors de son propre point de contrôle
receipts-damage-ballot-hash = l'empreinte de son bulletin ne compte pas 64 chiffres hexadécimaux
receipts-damage-root-hash = l'empreinte de sa racine ne compte pas 64 chiffres hexadécimaux
receipts-not-signed = Ce reçu n'a été signé par aucune des répliques de l'élection.
receipts-log-of-other-election = Le journal présenté par le serveur appartient à une autre élection que ce reçu.
receipts-too-few-signatures = Le journal est signé par { $valid } des répliques listées ; il faut au moins { $needed } signatures.
receipts-entry-changed = L'entrée { $index } du journal ne correspond pas à ce reçu : l'entrée ou le reçu a été modifié.
receipts-entry-not-this-ballot = L'entrée { $index } du journal n'est pas le bulletin de ce reçu.
# $why is one of the receipts-wrong-*-proof below.
receipts-wrong-proof = La réponse du serveur ne correspond pas à ce reçu : { $why }.
receipts-wrong-inclusion-proof = une preuve d'inclusion portait sur une autre position ou une autre taille de journal
receipts-wrong-consistency-proof = la preuve de cohérence portait sur d'autres tailles de journal
receipts-not-in-receipt-log = Le journal signé de ce reçu ne contient pas son bulletin.
# $latest is the log's size now, $receipt its size when the receipt was issued.
receipts-log-shrank = Le journal compte désormais { $latest } { $latest ->
        [one] entrée
       *[other] entrées
    }, moins que les { $receipt } vues par ce reçu : des entrées ont été supprimées.
receipts-not-in-latest-log = Votre bulletin ne figure pas dans le journal signé de { $entries } { $entries ->
        [one] entrée
       *[other] entrées
    }.
receipts-history-rewritten = Le journal signé de { $latest } { $latest ->
        [one] entrée
       *[other] entrées
    } ne prolonge pas celui de { $receipt } { $receipt ->
        [one] entrée
       *[other] entrées
    } vu par ce reçu : son historique a été réécrit.

## Nothing was decided
# $why is the reason the request failed, a sentence.
receipts-not-checked = Le reçu n'a pas pu être vérifié : { $why }
receipts-checker-not-started = Le reçu n'a pas pu être vérifié : le vérificateur de reçus de cette page n'a pas démarré. Rechargez la page et réessayez.
