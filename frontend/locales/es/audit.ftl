# The audit page (es).

## The page
# $title is the election's title (or its id).
audit-title = Auditoría: { $title }
audit-check-title = Verificar un recibo
audit-link-vote = Votar
audit-link-tally = Vista de proyector
audit-link-elections = Todas las elecciones

## The public log and its latest checkpoint
audit-log-title = El registro público
audit-log-intro = Cada evento de esta elección, como líneas que cualquiera puede descargar y cuyo hash puede calcular. Las réplicas firman su tamaño y su raíz; esta página comprueba ella misma sus firmas.
audit-entries = Entradas
audit-root = Raíz
audit-signed-at = Firmado el
audit-signers = Firmantes
audit-checkpoint-fetching = Obteniendo el último punto de control…
audit-checkpoint-failed = Aún no hay punto de control: { $why }
audit-keys-fetching = Obteniendo las claves de las réplicas…
audit-keys-failed = No se pudieron obtener las claves: { $why }
audit-no-keys = El servidor no indica ninguna clave de firma.
# The rule of audit-signed-by and audit-too-few-signatures ($rule).
audit-only-replica-signs = debe firmar la única réplica indicada
audit-replicas-must-sign = deben firmar { $needed } de las { $listed } réplicas indicadas
# $count replicas signed validly, $list is their numbers ("1, 2 and 3").
audit-signed-by = Firmado por { $count ->
        [one] la réplica
       *[other] las réplicas
    } { $list } ({ $rule }).
audit-too-few-signatures = Solo { $count } { $count ->
        [one] firma válida
       *[other] firmas válidas
    }: { $rule }. No confíe en este registro.

## The bulletin board
audit-board-title = Tablón de papeletas
audit-board-intro = Cada papeleta con su elección, nunca con su votante. El almacén privado de las réplicas sigue vinculando votantes y papeletas: no hay cifrado.
audit-board-waiting = El tablón de papeletas aparece aquí en cuanto se publican los resultados.
audit-board-loading = Obteniendo el registro: { $fetched } de { $count } { $count ->
        [one] entrada
       *[other] entradas
    }…
audit-board-fetch-failed = No se pudo obtener el registro: { $why }
audit-board-not-signed = El registro no está firmado por suficientes réplicas, así que no hay nada que recontar.
audit-board-not-signed-log = Las entradas que envió el servidor no son el registro que firmaron las réplicas.
audit-entry-unreadable = La entrada { $index } del registro no se puede leer.
audit-entry-out-of-place = La entrada { $index } del registro dice pertenecer a otro lugar: se movieron o añadieron entradas.
audit-entry-unknown-superseded = La entrada { $index } del registro reemplaza una papeleta que no está antes en el registro.
audit-recount-matches = El recuento coincide con el resultado publicado.
audit-recount-differs = El recuento no coincide con el resultado publicado.
audit-recount-waiting = Esperando el resultado publicado para comparar…
audit-col-candidate = Candidato
audit-col-published = Publicado
audit-col-recounted = Recontado aquí
# $count ballots in the log, $counted of them count.
audit-board-summary = { $count } { $count ->
        [one] papeleta
       *[other] papeletas
    } en el registro, { $counted } { $counted ->
        [one] contada
       *[other] contadas
    } (un nuevo voto reemplaza la papeleta que indica).
audit-col-entry = Entrada
audit-col-ballot = Papeleta
audit-col-choice = Elección
audit-col-counted = Contada
audit-replaced = reemplazada por un voto posterior
audit-counted = contada
# A candidate whose name the page does not know.
audit-candidate = candidato { $id }
audit-blank = en blanco

## Each question recounted
audit-questions-title = Cada pregunta recontada aquí
audit-questions-intro = Cada pregunta contada de nuevo en este navegador a partir de las papeletas de arriba, con las mismas reglas y los mismos sorteos (derivados del registro), y comparada con el resultado publicado hasta el último dígito.
audit-agrees = coincide
audit-differs = difiere
audit-pending = pendiente
audit-agrees-long = Coincide con el resultado publicado.
audit-differs-long = Difiere del resultado publicado.
# Before a question's id, when it has no title.
audit-question = Pregunta
audit-recounted-passed = Recontado: APROBADO
audit-recounted-rejected = Recontado: RECHAZADO
audit-recounted-no-winner = Recontado: sin ganador
# Before the winners' names.
audit-recounted-winners = { $count ->
        [one] Ganador recontado:
       *[other] Ganadores recontados:
    }
audit-recount-in-full = El recuento completo
# Around a question's id: a question the results publish but the log's ballot lacks.
audit-question-not-on-ballot-before = la pregunta «
audit-question-not-on-ballot-after = » está publicada pero no figura en la papeleta que define el registro.

## Trustee page: key ceremony and decryption
audit-trustee-doc-title = Ballot: custodio
audit-trustee-title = Custodio: ceremonia de claves y descifrado
audit-trustee-no-token = Esta página necesita su enlace privado de custodio, completo (con la parte después de «#token=»). Abra el enlace que recibió.
audit-trustee-loading = Comprobando su enlace de custodio…
# Before the election's id.
audit-trustee-election = Elección:
# Before the trustee's name.
audit-trustee-who = Usted es el custodio { $id } de { $count }:
audit-trustee-threshold = { $count ->
        [one] Usted es el único custodio: su clave basta para descifrar el resultado.
       *[other] Cualesquiera { $threshold } de los { $count } custodios pueden descifrar juntos el resultado; menos no pueden.
    }
audit-trustee-ceremony-title = Ceremonia de claves
audit-trustee-view-loading = Leyendo el estado de la ceremonia…
audit-trustee-start = Iniciar la ceremonia de claves
audit-trustee-start-hint = Su navegador crea su clave secreta. Solo se envían sus partes públicas; el secreto queda aquí y en su archivo de clave.
audit-trustee-started = Su clave está creada. Descargue ahora su archivo de clave y mantenga esta página abierta.
audit-trustee-sent = Su parte se ha enviado.
audit-trustee-key-ready = Su clave está lista.
audit-trustee-need-file = Su ceremonia está en curso: cargue su archivo de clave para continuar.
audit-trustee-keep-open = Esperando a los demás custodios. Esta página comprueba cada 2 segundos; manténgala abierta.
audit-trustee-loaded = Archivo de clave cargado.
audit-trustee-no-randomness = Este navegador no ofrece números aleatorios seguros. Use otro navegador.
# Followed by where and why, in the library's words.
audit-trustee-proof-failed = Su navegador rechazó una parte de la ceremonia:
audit-trustee-file-unreadable = Este archivo no es un archivo de clave de custodio.
audit-trustee-file-other-election = Este archivo de clave pertenece a otra elección.
audit-trustee-file-other-trustee = Este archivo de clave pertenece a otro custodio.

## Trustee page: the key file
audit-trustee-file-title = Su archivo de clave
audit-trustee-file-warning = Sin su archivo de clave no podrá descifrar: ningún servidor tiene su secreto. Guarde el archivo en un lugar seguro y privado.
audit-trustee-file-final = Su clave está lista. Descargue de nuevo su archivo de clave y conserve este: es el que descifra cuando se cierre la votación.
audit-trustee-download = Descargar mi archivo de clave
audit-trustee-load = Cargar mi archivo de clave
audit-trustee-load-hint = Para continuar la ceremonia en otra visita, o para descifrar cuando se cierre la votación.

## Trustee page: decryption
audit-trustee-decrypt-title = Descifrado
audit-trustee-decrypt-later = El descifrado se abre cuando se cierra la votación. Vuelva entonces con este enlace y su archivo de clave.
audit-trustee-decrypt-needs-file = Cargue su archivo de clave para descifrar.
audit-trustee-decrypt = Descifrar mi parte
audit-trustee-decrypting = Descifrando…
audit-trustee-decrypted-mine = Su parte del descifrado se ha recibido.
audit-trustee-decrypted-all = El recuento está descifrado: los resultados pueden publicarse.
# Followed by the names of the trustees who have not decrypted yet.
audit-sealed-waiting = { $count ->
        [one] Sellado: falta { $count } custodio más:
       *[other] Sellado: faltan { $count } custodios más:
    }

## Where the ceremony stands, trustee by trustee
audit-stage-no-trustees = Aún no hay custodios designados.
audit-stage-commitments = Ronda 1 de 3: cada custodio se compromete con un secreto.
audit-stage-polynomials = Ronda 2 de 3: cada custodio publica la parte pública de su secreto.
audit-stage-shares = Ronda 3 de 3: cada custodio envía a los demás sus partes selladas.
audit-stage-key-published = La clave de la elección está publicada: la votación puede abrirse.
audit-stage-decrypting = La votación está cerrada: los custodios descifran el recuento.
audit-stage-decrypted = El recuento está descifrado.
audit-trustee-col-trustee = Custodio
audit-trustee-col-commitment = Compromiso
audit-trustee-col-polynomial = Parte pública
audit-trustee-col-shares = Partes
audit-trustee-col-decryption = Descifrado
audit-trustee-part-in = recibido
audit-trustee-part-missing = pendiente
audit-trustee-you = (usted)

## Secret ballots of a verifiable election, checked from the log
audit-secret-title = Papeletas secretas
audit-secret-intro = Comprobado en este navegador solo a partir del registro firmado: la clave de cada custodio, las pruebas de cada papeleta sellada, el recuento cifrado de las papeletas contadas, cada descifrado y las sumas descifradas.
audit-secret-checking = Comprobando las papeletas secretas…
audit-secret-fetch-failed = No se pudo obtener el registro: { $why }
audit-secret-not-verifiable = El registro no consigna esta elección como verificable.
# Followed by where the check failed and why, in the checker's words.
audit-secret-failed = La comprobación FALLÓ en
audit-secret-passed = Todas las pruebas son válidas.
audit-secret-ballots = { $count ->
        [one] { $count } papeleta sellada comprobada, { $counted } contada(s).
       *[other] { $count } papeletas selladas comprobadas, { $counted } contadas.
    }
audit-secret-trustees = { $count ->
        [one] Clave de { $count } custodio comprobada; { $threshold } necesario(s) para descifrar.
       *[other] Claves de { $count } custodios comprobadas; { $threshold } necesarios para descifrar.
    }
audit-secret-key-checked = La clave de la elección coincide con las partes públicas de los custodios.
audit-secret-key-waiting = La clave de la elección aún no está publicada.
audit-secret-decryptions = { $count ->
        [one] Descifrado de { $count } custodio comprobado.
       *[other] Descifrados de { $count } custodios comprobados.
    }
audit-secret-sums-title = Sumas descifradas
audit-secret-col-sum = Votos
audit-secret-sealed = El recuento sigue sellado: aún no hay sumas.

## Comprobación de Benaloh de una papeleta que el votante no emitió
audit-challenge-title = Comprobar una papeleta que no emitió
audit-challenge-intro = Pegue lo que mostró la página de votación al elegir «Comprobar esta papeleta» (o lo que imprimió ballot vote --challenge). Esta página vuelve a cifrar las opciones a partir de la semilla y compara.
audit-challenge-label = La papeleta comprobada (JSON)
audit-challenge-check = Comprobar la papeleta
audit-challenge-checking = Comprobando…
audit-challenge-holds = Esta papeleta cifra exactamente las opciones de abajo (por número). Su código de seguimiento:
audit-challenge-none = ninguna
audit-challenge-not-cast = No se emitió, como corresponde a una papeleta comprobada.
audit-challenge-was-cast = Atención: esta papeleta comprobada se emitió. Su semilla es pública, así que cualquiera puede leer sus opciones.
audit-challenge-unreadable = Esto no es una papeleta comprobada: pegue todo el JSON, con ballot, seed y marks.
audit-challenge-no-key = Esta elección aún no tiene clave publicada: ninguna papeleta puede haberse cifrado con ella.
audit-challenge-fails = Esta papeleta no cifra estas opciones con esta semilla:
