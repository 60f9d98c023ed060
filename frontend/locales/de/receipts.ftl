# Receipts: checking one against the public log, on the voter and audit pages (de).

## The box where a receipt is pasted (audit page)
receipts-paste-label = Fügen Sie hier einen Beleg ein oder ziehen Sie seine Datei auf dieses Feld:
receipts-pick-file = oder wählen Sie die Datei:
receipts-verify = Beleg prüfen

## What checking a receipt came to
receipts-checking = Abgleich mit dem öffentlichen Protokoll…
# $entries is the log's size, $signers how many replicas signed it, $list their numbers.
receipts-verified = Ihr Stimmzettel steht im Protokoll mit { $entries } { $entries ->
        [one] Eintrag
       *[other] Einträgen
    }, signiert von { $signers ->
        [one] Replikat
       *[other] den Replikaten
    } { $list }.
# Replicas' numbers as a list: "1, 2 and 3" ($first is "1, 2").
receipts-list-comma = {", "}
receipts-list-last = { $first } und { $last }

## A text that is not a receipt to check here
receipts-empty = Fügen Sie zuerst einen Beleg ein oder ziehen Sie seine Datei hierher.
receipts-not-a-receipt = Das ist kein Ballot-Beleg: Fügen Sie die ganze Datei ein, von {"{"} bis {"}"}.
receipts-unknown-election = Dieser Beleg nennt eine Wahlkennung, die Ballot nie vergibt.
# $election is the receipt's election id, $link the address of its audit page.
receipts-other-election = Dieser Beleg gehört zur Wahl „{ $election }“, nicht zu dieser: Prüfen Sie ihn unter { $link }.

## A check that failed
receipts-no-keys = Der Server hat keine Signaturschlüssel angegeben, daher konnte nichts geprüft werden.
# $why is one of the receipts-damage-* below.
receipts-damaged = Dieser Beleg ist beschädigt: { $why }.
receipts-damage-other-election = sein Checkpoint gehört zu einer anderen Wahl
receipts-damage-outside = sein Stimmzettel liegt außerhalb seines eigenen Checkpoints
receipts-damage-ballot-hash = der Hash seines Stimmzettels hat nicht 64 Hexadezimalziffern
receipts-damage-root-hash = sein Wurzel-Hash hat nicht 64 Hexadezimalziffern
receipts-not-signed = Dieser Beleg wurde von keinem der Replikate der Wahl signiert.
receipts-log-of-other-election = Das vom Server gezeigte Protokoll gehört zu einer anderen Wahl als dieser Beleg.
receipts-too-few-signatures = Das Protokoll ist von { $valid } der aufgeführten Replikate signiert; mindestens { $needed } müssen es signieren.
receipts-entry-changed = Eintrag { $index } des Protokolls passt nicht zu diesem Beleg: Der Eintrag oder der Beleg wurde verändert.
receipts-entry-not-this-ballot = Eintrag { $index } des Protokolls ist nicht der Stimmzettel dieses Belegs.
# $why is one of the receipts-wrong-*-proof below.
receipts-wrong-proof = Die Antwort des Servers passt nicht zu diesem Beleg: { $why }.
receipts-wrong-inclusion-proof = ein Inklusionsnachweis galt einer anderen Position oder Protokollgröße
receipts-wrong-consistency-proof = der Konsistenznachweis galt anderen Protokollgrößen
receipts-not-in-receipt-log = Das eigene signierte Protokoll dieses Belegs enthält seinen Stimmzettel nicht.
# $latest is the log's size now, $receipt its size when the receipt was issued.
receipts-log-shrank = Das Protokoll hat jetzt { $latest } { $latest ->
        [one] Eintrag
       *[other] Einträge
    }, weniger als die { $receipt }, die dieser Beleg gesehen hat: Einträge wurden entfernt.
receipts-not-in-latest-log = Ihr Stimmzettel steht nicht im signierten Protokoll mit { $entries } { $entries ->
        [one] Eintrag
       *[other] Einträgen
    }.
receipts-history-rewritten = Das signierte Protokoll mit { $latest } { $latest ->
        [one] Eintrag
       *[other] Einträgen
    } setzt die { $receipt } { $receipt ->
        [one] Eintrag
       *[other] Einträge
    }, die dieser Beleg gesehen hat, nicht fort: Sein Verlauf wurde umgeschrieben.

## Nothing was decided
# $why is the reason the request failed, a sentence.
receipts-not-checked = Der Beleg konnte nicht geprüft werden: { $why }
receipts-checker-not-started = Der Beleg konnte nicht geprüft werden: Die Belegprüfung dieser Seite ist nicht gestartet. Laden Sie die Seite neu und versuchen Sie es noch einmal.
