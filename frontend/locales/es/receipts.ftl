# Receipts: checking one against the public log, on the voter and audit pages (es).

## The box where a receipt is pasted (audit page)
receipts-paste-label = Pegue aquí un recibo o suelte su archivo sobre este recuadro:
receipts-pick-file = o elija el archivo:
receipts-verify = Verificar el recibo

## What checking a receipt came to
receipts-checking = Comprobando con el registro público…
# $entries is the log's size, $signers how many replicas signed it, $list their numbers.
receipts-verified = Su papeleta está en el registro de { $entries } { $entries ->
        [one] entrada
       *[other] entradas
    }, firmado por { $signers ->
        [one] la réplica
       *[other] las réplicas
    } { $list }.
# Replicas' numbers as a list: "1, 2 and 3" ($first is "1, 2").
receipts-list-comma = {", "}
receipts-list-last = { $first } y { $last }

## A text that is not a receipt to check here
receipts-empty = Primero pegue un recibo o suelte aquí su archivo.
receipts-not-a-receipt = Esto no es un recibo de Ballot: pegue el archivo completo, desde {"{"} hasta {"}"}.
receipts-unknown-election = Este recibo indica un identificador de elección que Ballot nunca crea.
# $election is the receipt's election id, $link the address of its audit page.
receipts-other-election = Este recibo es de la elección «{ $election }», no de esta: verifíquelo en { $link }.

## A check that failed
receipts-no-keys = El servidor no indicó ninguna clave de firma, así que no se pudo verificar nada.
# $why is one of the receipts-damage-* below.
receipts-damaged = Este recibo está dañado: { $why }.
receipts-damage-other-election = su punto de control pertenece a otra elección
receipts-damage-outside = su papeleta está fuera de su propio punto de control
receipts-damage-ballot-hash = el hash de su papeleta no tiene 64 dígitos hexadecimales
receipts-damage-root-hash = el hash de su raíz no tiene 64 dígitos hexadecimales
receipts-not-signed = Este recibo no fue firmado por ninguna de las réplicas de la elección.
receipts-log-of-other-election = El registro que mostró el servidor pertenece a otra elección distinta de la de este recibo.
receipts-too-few-signatures = El registro está firmado por { $valid } de las réplicas indicadas; deben firmarlo al menos { $needed }.
receipts-entry-changed = La entrada { $index } del registro no coincide con este recibo: se modificó la entrada o el recibo.
receipts-entry-not-this-ballot = La entrada { $index } del registro no es la papeleta de este recibo.
# $why is one of the receipts-wrong-*-proof below.
receipts-wrong-proof = La respuesta del servidor no corresponde a este recibo: { $why }.
receipts-wrong-inclusion-proof = una prueba de inclusión era para otra posición u otro tamaño de registro
receipts-wrong-consistency-proof = la prueba de consistencia era para otros tamaños de registro
receipts-not-in-receipt-log = El propio registro firmado de este recibo no contiene su papeleta.
# $latest is the log's size now, $receipt its size when the receipt was issued.
receipts-log-shrank = El registro tiene ahora { $latest } { $latest ->
        [one] entrada
       *[other] entradas
    }, menos que las { $receipt } que vio este recibo: se eliminaron entradas.
receipts-not-in-latest-log = Su papeleta no está en el registro firmado de { $entries } { $entries ->
        [one] entrada
       *[other] entradas
    }.
receipts-history-rewritten = El registro firmado de { $latest } { $latest ->
        [one] entrada
       *[other] entradas
    } no prolonga el de { $receipt } { $receipt ->
        [one] entrada
       *[other] entradas
    } que vio este recibo: su historial se reescribió.

## Nothing was decided
# $why is the reason the request failed, a sentence.
receipts-not-checked = No se pudo verificar el recibo: { $why }
receipts-checker-not-started = No se pudo verificar el recibo: el verificador de recibos de esta página no se inició. Vuelva a cargar la página e inténtelo de nuevo.
