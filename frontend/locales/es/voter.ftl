# The voter page (es).

## The voter page
voter-title = Votación
voter-loading = Cargando la elección…
clock-offset = Desfase con el reloj del servidor: { $offset } (±{ $margin } ms)
clock-synchronising = Sincronizando el reloj…
results-title = Resultados
link-all-elections = Todas las elecciones
link-projector = Vista de proyector
link-audit = Auditar el registro público

## What the voter page says in its notice line
notice-sending-again = Enviando de nuevo su voto…
notice-session-ended = Su sesión ha terminado; vuelva a iniciar sesión.
notice-welcome = Bienvenido/a, { $name }.
notice-link-login = Iniciando sesión con su enlace personal…
notice-sending = Enviando su voto…
notice-wrong-login = Nombre o número de votante incorrectos: no coinciden con nadie del censo. Compruebe ambos e inténtelo de nuevo.
notice-registered = Usted es el votante n.º { $id }. Guarde este número para volver a entrar.
notice-counted = Gracias: su voto se ha contado.
notice-replaced = Gracias: su nuevo voto se ha contado y sustituye al anterior.

## Logging in
login-title = Iniciar sesión
login-name = Nombre
login-voter-id = Número de votante
register-title = Nuevo votante
register-name = Su nombre
register-hint = Recibirá un número de votante; guárdelo para volver a entrar.
register-submit = Registrarse y entrar
credential-label = Su credencial
credential-hint = Pegue la credencial que recibió. Mayúsculas, espacios y guiones no importan.

## The logged-in voter's panel
panel-who = Sesión de { $name } (votante n.º { $id })
panel-logout = Cerrar sesión
ballot-note-setup = La votación aún no ha empezado. La papeleta se abrirá cuando la administración inicie la elección.
ballot-note-deadline = El plazo ha vencido: ya no se aceptan votos.
ballot-note-closed = La votación está cerrada.
change-title = Cambiar su voto
change-intro = Su nuevo voto sustituye al anterior; solo cuenta el último.
change-intro-ballot = Su nueva papeleta sustituye a la anterior; solo cuenta la última.
keep-vote = Mantener mi voto
change-vote = Cambiar mi voto
voted-title = ✓ Ha votado
voted-private = Su voto está registrado. La tabla de votantes y la actividad en directo nunca muestran a quién eligió.
voted-receipt = Recibo: voto
voted-pending = pendiente
choose-candidate = Elija una candidatura
your-ballot = Su papeleta
ballot-intro = Responda cada pregunta y revise sus respuestas antes de depositar la papeleta. Una pregunta sin responder cuenta como en blanco.

## The ballot and its review
candidates-label = Candidaturas
vote-for = Votar por { $name }
vote = Votar
sending = Enviando…
review-title = Revise su papeleta
review-blank-warning =
    { $count ->
        [one] Dejó { $count } pregunta en blanco. ¿Votar de todos modos?
       *[other] Dejó { $count } preguntas en blanco. ¿Votar de todos modos?
    }
cast-ballot = Depositar la papeleta
change-answers = Cambiar respuestas

## The voter's receipt
receipt-title = Su recibo
receipt-fingerprint = Huella de la papeleta:
receipt-entry = · entrada { $index } del registro público
receipt-download = Descargar el recibo
receipt-verify = Verificar
receipt-audit = Página de auditoría
receipt-privacy = El recibo prueba que su papeleta quedó inscrita en el registro que firman las réplicas, y Verificar comprueba que sigue allí. No oculta su elección: Ballot no cifra las papeletas, el almacén privado de las réplicas vincula a cada votante con su papeleta y cualquiera que vea este recibo puede buscar su papeleta en el registro público. Guárdelo para usted.

## A ballot of questions
voter-question-number = Pregunta { $number }
voter-review = Revisar
voter-referendum-yes = Sí
voter-referendum-no = No
voter-credential-placeholder = XXXXX-XXXXX-XXXXX-XXXXX

## Marking candidates
voter-marks-chosen =
    { $picked ->
        [one] { $picked } de { $max } elegido
       *[other] { $picked } de { $max } elegidos
    }
voter-marks-limit = No puede elegir más. Para elegir otra opción, desmarque primero una de las que ha elegido.

## Rank numbers
voter-ranks-help = Dé a cada candidato un puesto del { $first } (primera opción) al { $most }. Dé el mismo número para empatar candidatos; deje un campo vacío para no clasificar a ese candidato.
voter-ranks-error = Esto no es un puesto, así que el candidato queda sin clasificar. Escriba un número entero del { $first } al { $most } o vacíe el campo.

## Ranking candidates
voter-ranking-intro = Su clasificación, primera opción primero:
voter-ranking-empty = Aún no hay nadie clasificado: la respuesta está en blanco.
voter-ranked = Clasificados
voter-unranked-heading = Sin clasificar:
voter-unranked = Sin clasificar
voter-rank-place = { $place }.
voter-move-up = Subir
voter-move-up-label = Subir a { $name }
voter-move-down = Bajar
voter-move-down-label = Bajar a { $name }
voter-remove = Quitar
voter-remove-label = Quitar a { $name } de la clasificación
voter-add = Añadir a la clasificación
voter-add-label = Añadir a { $name } a la clasificación

## Answers on the review
voter-answer-blank = En blanco
voter-answer-separator = {", "}
voter-answer-equal = {" = "}

## A verifiable election's sealed ballot
voter-seal-ballot = Sellar la papeleta
voter-seal-title = Su papeleta sellada
voter-seal-intro = Sus opciones se cifran en este navegador: ningún servidor, administrador ni custodio por sí solo puede leerlas.
voter-seal-loading = Obteniendo la clave de la elección…
voter-seal-sealing = Sellando su papeleta…
voter-seal-sealed = Su papeleta está sellada. Deposítela o compruébela antes.
voter-seal-not-open = La votación aún no está abierta: los custodios no han publicado la clave de la elección.
voter-seal-no-random = Este navegador no puede generar los números aleatorios seguros que necesita una papeleta sellada. Use otro navegador.
voter-seal-failed = No se pudo sellar su papeleta:
voter-seal-checking = Comprobando la papeleta…
voter-seal-cast = Depositarla
voter-seal-check = Comprobar esta papeleta
voter-seal-again = Sellar de nuevo
voter-tracking-code = Código de seguimiento:
voter-tracking-hint = La comprobación revela cómo se selló esta papeleta, así que después se descarta y sus opciones se sellan de nuevo con un nuevo código de seguimiento. Una vez depositada, el código de seguimiento de su papeleta aparece en el registro público.
voter-check-title = Comprobación de la papeleta
voter-check-intro = Esta papeleta nunca se depositará. Con la semilla y las marcas de abajo, cualquiera puede volver a sellar sus opciones y debe obtener exactamente esta papeleta: eso demuestra que la página selló lo que usted eligió.
voter-check-seed = Semilla:
voter-check-marks = Marcas:
voter-check-json = Todo lo necesario para comprobarla en otro lugar (JSON):
voter-check-audit = Comprobarla de nuevo en la página de auditoría
voter-check-ok = ✓ Esta papeleta contiene exactamente sus opciones. Se ha descartado: selle de nuevo su papeleta para depositarla.
voter-check-bad = ✗ Esta papeleta no contiene sus opciones. No vote desde este dispositivo e informe a los organizadores de la elección:
voter-cast-tracking-title = Su papeleta sellada
voter-cast-tracking-hint = Busque este código en el registro público para ver que su papeleta se contó tal como la depositó:
receipt-privacy-sealed = El recibo demuestra que su papeleta quedó anotada en el registro que firman las réplicas, y Verificar comprueba que sigue ahí. Sus opciones están selladas: el registro solo contiene su papeleta cifrada, y los custodios solo descifran el total.
