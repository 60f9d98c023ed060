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
