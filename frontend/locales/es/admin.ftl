# The admin console and the admin's list of elections (es).

## The token gate
admin-title = Administración de Ballot
admin-token-title = Token de administración
# $flag is the command-line option, shown as code.
admin-token-label = Token (el que se dio al nodo con { $flag })
admin-token-hint = Se guarda solo en esta pestaña; al cerrarla se olvida.
admin-token-submit = Abrir la consola
admin-wrong-token = Token de administración incorrecto.
admin-token-refused = El servidor rechazó el token de administración; vuelva a introducirlo.

## The console's frame and sections
admin-election-pages = Páginas de la elección
admin-all-elections = Todas las elecciones
admin-voter-page = Página de votantes
admin-projector = Proyector
admin-forget-token = Olvidar el token
admin-section-election = Elección
admin-section-queue = Cola de votos
admin-section-results = Resultados
admin-section-voters = Votantes
admin-section-roll = Censo
admin-section-exports = Exportaciones
admin-section-mail = Correo
admin-section-replicas = Réplicas
admin-section-activity = Actividad
# A list's separator, between its items.
admin-list-separator = {", "}

## The election's commands
admin-no-deadline = No hay plazo fijado.
# $time is a date and time.
admin-deadline-at = Plazo: { $time }.
# Follows the deadline's sentence; $node and $lamport are identifiers, $offset a signed duration.
admin-node-clock = {" "}Nodo { $node } · desfase de reloj { $offset } · Lamport { $lamport }
admin-start = Abrir la votación
admin-start-question = ¿Abrir ahora la elección a los votos?
admin-start-yes = Sí, abrir la votación
admin-stop = Cerrar la votación
admin-stop-question = ¿Cerrar la votación ahora? Después no se podrá emitir ningún voto.
admin-stop-yes = Sí, cerrar la votación
admin-publish = Publicar los resultados
admin-publish-question = ¿Publicar los resultados? Después no podrán cambiar.
admin-publish-yes = Sí, publicar los resultados
admin-cancel = Cancelar
admin-sending = Enviando…
admin-voting-started = Votación abierta.
admin-voting-stopped = Votación cerrada.
admin-results-published = Resultados publicados.
admin-deadline-date-label = Plazo (fecha y hora)
admin-deadline-minutes-label = O minutos a partir de ahora
admin-set-deadline = Fijar el plazo
admin-deadline-set = Plazo fijado.
admin-live-results-switch = {" "}Mostrar resultados en directo a los votantes y al proyector mientras la votación esté abierta
admin-live-results-shown = Resultados en directo visibles.
admin-live-results-hidden = Resultados en directo ocultos.

## The vote queue
admin-queue-waiting = En espera
admin-queue-in-flight = En curso
admin-queue-capacity = Capacidad
admin-queue-peak-waiting = Máximo en espera
admin-queue-peak-in-flight = Máximo en curso

## The voters and their credentials
# $count is "$voted of $total", in bold.
admin-turnout = { $count } { $total ->
    [one] votante
   *[other] votantes
} { $voted ->
    [one] ha
   *[other] han
} votado ({ $percent } %)
admin-turnout-count = { $voted } de { $total }
admin-turnout-label = Participación
admin-voters-id = Id
admin-voters-name = Nombre
admin-voters-voted = Ha votado
admin-voters-credential = Credencial
admin-voter-has-voted = ✓ ha votado
admin-new-credential = Nueva credencial
admin-new-credential-yes = Sí, nueva credencial
admin-new-credential-question = ¿Reemplazar la credencial de { $name }? La anterior dejará de funcionar.
admin-replacing-credential = Reemplazando la credencial…
admin-credential-replaced = Credencial reemplazada.
admin-fresh-title = Nueva credencial para { $name } (votante n.º { $id }): se muestra una sola vez
admin-fresh-title-unnamed = Nueva credencial para el votante n.º { $id }: se muestra una sola vez
admin-fresh-hint = La credencial anterior y sus sesiones ya no funcionan. Copie esta ahora: no se podrá volver a mostrar.
admin-fresh-done = Listo

## The roll import
admin-roll-file = Un archivo CSV…
admin-roll-paste = …o péguelo aquí
admin-roll-frozen = El censo queda fijado una vez abierta la votación.
# $name, $email and $external_id are the columns' names, shown as code.
admin-roll-hint = Una fila de encabezado con { $name } y, opcionalmente, { $email } y { $external_id }. Los votantes que ya están en el censo (mismo correo, o mismo nombre sin correo) se omiten.
admin-roll-import = Importar votantes
admin-roll-pending = Descargue o descarte las credenciales de arriba antes de importar más.
admin-roll-importing = Importando…
admin-roll-imported = Importación: { $created ->
    [one] { $created } votante nuevo
   *[other] { $created } votantes nuevos
}, { $skipped ->
    [one] { $skipped } omitido
   *[other] { $skipped } omitidos
}.
admin-roll-summary = { $created ->
    [one] { $created } votante nuevo
   *[other] { $created } votantes nuevos
}, { $skipped ->
    [one] { $skipped } omitido
   *[other] { $skipped } omitidos
}.
admin-roll-skipped-rows = Filas omitidas
# $status is the server's reason, as it wrote it.
admin-roll-skipped-row = Fila { $row }: { $name } ({ $status })
admin-roll-unreadable = No se puede leer el archivo: { $error }
admin-credentials-title = { $count ->
    [one] { $count } credencial nueva: se muestra una sola vez
   *[other] { $count } credenciales nuevas: se muestran una sola vez
}
admin-credentials-explain = Descárguelas ahora y envíe a cada votante la suya. Ballot solo guarda una huella de cada credencial: esta página no podrá volver a mostrarlas y, en cuanto salga de ella o pulse Listo, se perderán. Una credencial perdida solo puede reemplazarse (Nueva credencial en la tabla de votantes).
admin-credentials-download = Descargar las credenciales (CSV)
admin-credentials-done = Listo: olvidarlas
admin-credentials-done-yes = Sí, olvidarlas
admin-credentials-dismiss = Descartar sin descargar
admin-credentials-dismiss-yes = Sí, descartar sin descargar
admin-credentials-question = ¿Olvidar estas credenciales? No se podrán volver a mostrar.
admin-credentials-saved = Guardado como { $file }. Conserve el archivo en un lugar seguro.

## The exports
admin-export-results = Resultados (CSV)
admin-export-turnout = Participación (CSV)
admin-export-events = Registro de eventos (NDJSON)
admin-export-hint = La participación dice quién votó y cuándo, nunca a quién; el registro muestra cada voto sin su elección.
admin-export-fetching = Obteniendo { $file }…
admin-export-downloaded = { $file } descargado.
admin-export-fallback = Si la descarga no comenzó:
admin-export-results-refused = Los resultados pueden exportarse una vez cerrada la votación (o mientras se muestren los resultados en directo).

## Mail to voters
admin-mail-send = Enviar correo
admin-mail-invite-all = Invitar a todos los votantes
admin-mail-invite-all-yes = Sí, invitar a todos los votantes
admin-mail-invite-all-question = ¿Enviar a cada votante su enlace y una credencial nueva? Las credenciales que tenían dejarán de funcionar.
admin-mail-invite-rest = Invitar a quienes aún no lo están
admin-mail-invite-rest-yes = Sí, invitar a quienes aún no lo están
admin-mail-invite-rest-question = ¿Enviar un enlace y una credencial nueva a cada votante aún no invitado?
admin-mail-remind = Recordar a quienes no han votado
admin-mail-results = Enviar los resultados
admin-mail-hint-setup = Una invitación lleva el enlace personal del votante y una credencial nueva (la de la importación deja de funcionar). Los recordatorios pueden enviarse una vez abierta la votación.
admin-mail-hint-open = Una invitación lleva el enlace personal del votante y una credencial nueva (la que tenía deja de funcionar). Un recordatorio solo llega a los votantes que no han votado.
admin-mail-hint-no-credential = Las invitaciones requieren una elección cuyos votantes inicien sesión con una credencial. Un recordatorio solo llega a los votantes que no han votado, mientras la votación esté abierta.
admin-mail-hint-closed = Los resultados podrán enviarse una vez publicados.
admin-mail-hint-published = A los votantes con correo se les pueden enviar los resultados publicados.
# $kind is invitation, reminder or results.
admin-mail-queueing = { $kind ->
    [invitation] Poniendo en cola las invitaciones…
    [reminder] Poniendo en cola los recordatorios…
   *[results] Poniendo en cola los correos de resultados…
}
admin-mail-queued = { $kind ->
    [invitation] { $count ->
        [one] { $count } invitación en cola.
       *[other] { $count } invitaciones en cola.
    }
    [reminder] { $count ->
        [one] { $count } recordatorio en cola.
       *[other] { $count } recordatorios en cola.
    }
   *[results] { $count ->
        [one] { $count } correo de resultados en cola.
       *[other] { $count } correos de resultados en cola.
    }
}
# $list is a list of the reasons below.
admin-mail-skipped = Omitidos: { $list }.
admin-mail-skipped-no-email = { $count } sin correo
admin-mail-skipped-waiting = { $count } ya a la espera de envío
admin-mail-skipped-voted = { $count ->
    [one] { $count } que ya votó
   *[other] { $count } que ya votaron
}
admin-mail-last-send = Último envío: { $kind ->
    [invitation] invitaciones
    [reminder] recordatorios
   *[results] correos de resultados
}
admin-mail-figure-queued = En cola
admin-mail-figure-no-email = Sin correo
admin-mail-figure-waiting = Ya en espera
admin-mail-figure-voted = Ya votaron
admin-mail-status-error = No se pudo leer el estado del correo: { $error }
admin-mail-reading = Leyendo el estado del correo…
admin-mail-none = Aún no se ha enviado ningún correo.
admin-mail-heading-invitation = Invitaciones
admin-mail-heading-reminder = Recordatorios
admin-mail-heading-results = Resultados
admin-mail-all-sent = Todo enviado ({ $sent }).
# $parts says which of the counts are not zero.
admin-mail-progress = { $parts ->
    [failed] Enviados: { $sent } de { $total }; fallidos: { $failed }.
    [waiting] Enviados: { $sent } de { $total }; en espera: { $queued }.
   *[both] Enviados: { $sent } de { $total }; fallidos: { $failed }; en espera: { $queued }.
}
admin-mail-failed-title = Fallidos ({ $count })
admin-mail-failed-meta = {" "}· { $kind ->
    [invitation] invitación
    [reminder] recordatorio
   *[results] correo de resultados
} · { $attempts ->
    [one] { $attempts } intento
   *[other] { $attempts } intentos
}
admin-mail-resend = Reenviar
admin-mail-resend-label = Reenviar { $kind ->
    [invitation] la invitación
    [reminder] el recordatorio
   *[results] el correo de resultados
} a { $name }
admin-mail-no-reason = No se indicó ningún motivo.
# The placeables are command-line options and settings, shown as code.
admin-mail-setup-intro = Los servidores no pueden enviar correo: se iniciaron sin servidor SMTP. Inicie cada miembro con:
admin-mail-setup-url = { $url } (o { $starttls }, o { $smtps }),
admin-mail-setup-from = { $from }: el remitente que ven los votantes,
admin-mail-setup-public = { $public }: los enlaces de los correos empiezan por ella.
admin-mail-setup-env = Las variables de entorno { $url }, { $from } y { $public } hacen lo mismo (y mantienen la contraseña fuera de la línea de comandos). { $cluster } y { $xtask } las pasan a los miembros que inician.

## Replicas
admin-cluster-asking = Consultando el clúster…
admin-cluster-single = Nodo único: este servidor funciona sin replicación.
# $leader is admin-cluster-leader-none or admin-cluster-leader-node, in bold.
admin-cluster-answered = Respondió el nodo { $node }, mandato { $term }, líder: { $leader }
admin-cluster-leader-none = ninguno
admin-cluster-leader-node = nodo { $id }
admin-cluster-node = Nodo
admin-cluster-address = Dirección
admin-cluster-role = Rol
admin-cluster-up = Activo
admin-cluster-applied = Aplicado
admin-cluster-lag = Retraso
admin-cluster-offset = Desfase de reloj
admin-member-up = activo
admin-member-down = CAÍDO
admin-role = { $role ->
    [leader] líder
    [follower] seguidor
    [candidate] candidato
    [learner] aprendiz
    [shutdown] deteniéndose
   *[unknown] desconocido
}
# $role is admin-role's word.
admin-role-non-voting = { $role } (sin voto)

## The activity feed
admin-feed-empty = Todavía no ha ocurrido nada.
admin-feed-label = Actividad, lo más reciente primero
# $seq is the event's number in the log, $lamport its Lamport time.
admin-feed-meta = #{ $seq } · L{ $lamport }
admin-feed-by = por{" "}
admin-feed-lamport = L{ $lamport }

## The activity feed's lines
# The server's own English for these lines (shared::feed::FeedWords::english) must read the same.
# $name is a voter's or a candidate's name (or admin-feed-line-voter), $voter a voter's number.
admin-feed-line-voter = votante n.º { $voter }
admin-feed-line-candidate-added = { $name } figura en la papeleta
admin-feed-line-voter-registered = { $name } se registró como votante n.º { $voter }
# $count is how many voters are on the roll now.
admin-feed-line-someone-registered = Se registró un votante ({ $count } en el censo)
admin-feed-line-logged-in = { $name } inició sesión
admin-feed-line-voted = { $name } votó
admin-feed-line-someone-voted = Se emitió un voto
# $duration is one of admin-feed-line-duration-….
admin-feed-line-deadline-set = Plazo fijado: la votación se cierra { $duration } después de este cambio
admin-feed-line-duration-s = { $seconds } s
admin-feed-line-duration-min = { $minutes } min
admin-feed-line-duration-min-s = { $minutes } min { $seconds } s
admin-feed-line-duration-h-min = { $hours } h { $minutes } min
admin-feed-line-live-results-on = Los resultados en directo están activados
admin-feed-line-live-results-off = Los resultados en directo están desactivados
admin-feed-line-voting-opened = La votación está abierta
admin-feed-line-voting-stopped = El administrador detuvo la votación
admin-feed-line-deadline-passed = Votación cerrada: el plazo venció
admin-feed-line-results-published = Los resultados están publicados
# $title is the election's title; $count how many candidates or questions it has.
admin-feed-line-election-defined = { $count ->
    [one] Elección «{ $title }» definida con { $count } candidato
   *[other] Elección «{ $title }» definida con { $count } candidatos
}
admin-feed-line-election-defined-questions = { $count ->
    [one] Elección «{ $title }» definida con { $count } pregunta
   *[other] Elección «{ $title }» definida con { $count } preguntas
}
admin-feed-line-voter-imported = { $name } importado como votante n.º { $voter }
# $created is how many voters the import added, $skipped how many rows it left out.
admin-feed-line-roll-imported = Censo importado: { $created ->
    [one] { $created } votante añadido
   *[other] { $created } votantes añadidos
}, { $skipped ->
    [one] { $skipped } omitido
   *[other] { $skipped } omitidos
}
admin-feed-line-credential-issued = { $name } recibió una credencial nueva
# $kind is invitation, reminder or results; $error is the mail server's own text.
admin-feed-line-mail-failed = { $kind ->
    [invitation] La invitación
    [reminder] El recordatorio
   *[results] El correo de resultados
} a { $name } falló: { $error }
# $count is how many mails were queued, $skipped how many voters have no email.
admin-feed-line-mail-queued = Correo en cola: { $kind ->
    [invitation] { $count ->
        [one] { $count } invitación
       *[other] { $count } invitaciones
    }
    [reminder] { $count ->
        [one] { $count } recordatorio
       *[other] { $count } recordatorios
    }
   *[results] { $count ->
        [one] { $count } correo de resultados
       *[other] { $count } correos de resultados
    }
}{ $skipped ->
    [0] {""}
    [one] {" "}({ $skipped } votante sin correo electrónico excluido)
   *[other] {" "}({ $skipped } votantes sin correo electrónico excluidos)
}
# $node is a member's number in the cluster, $term the election term of its leadership.
admin-feed-line-replica-unreachable = El nodo { $node } no responde: la replicación hacia él se detuvo
admin-feed-line-replica-back = El nodo { $node } ha vuelto y se está poniendo al día
admin-feed-line-member-joined = El nodo { $node } se unió al clúster
admin-feed-line-new-leader = El nodo { $node } es ahora el líder (mandato { $term })
admin-feed-line-no-leader = Sin líder: hay una elección en curso

## Accounts

admin-checking = Comprobando…
admin-sign-in-title = Iniciar sesión con una cuenta
admin-sign-in-name = Nombre
admin-sign-in-password = Contraseña
admin-sign-in-submit = Iniciar sesión
admin-sign-in-refused = Nombre o contraseña incorrectos.
admin-session-ended = Su sesión ha terminado; vuelva a iniciar sesión.
admin-sign-out = Cerrar sesión
# A role's name, shown after the account's name ("Ana · official").
admin-role-owner = propietario
admin-role-official = responsable
admin-role-observer = observador
admin-observer-note = Usted es observador: puede seguir esta elección, pero no cambiar nada.
admin-section-accounts = Cuentas
admin-accounts-loading = Cargando las cuentas…
admin-accounts-none = Aún no hay cuentas: solo el token de administración abre estas páginas.
admin-account-password = inicia sesión con contraseña
admin-account-token-only = inicia sesión solo con su token
admin-account-elections = Elecciones:
admin-account-no-elections = ninguna
admin-account-delete = Eliminar
admin-account-delete-yes = Sí, eliminarla
# $name is the account's name.
admin-account-delete-question = ¿Eliminar { $name }? Su token y sus sesiones dejan de funcionar de inmediato.
admin-account-deleted = Cuenta eliminada.
admin-account-token-title = Token de { $name }
admin-account-token-hint = Cópielo ahora y entréguelo: solo se muestra esta vez, y el servidor guarda únicamente su huella.
admin-account-new = Nueva cuenta
admin-account-name = Nombre
admin-account-role = Rol
admin-account-password-label = Contraseña (opcional)
admin-account-password-hint = { $min ->
    [one] Al menos { $min } carácter.
   *[other] Al menos { $min } caracteres.
} Sin contraseña, la cuenta inicia sesión solo con su token.
admin-account-create = Crear la cuenta
admin-section-officials = Responsables y observadores
admin-officials-legend = Quién puede dirigir o seguir esta elección
admin-officials-save = Guardar los responsables
admin-officials-saved = Responsables guardados.
admin-officials-none = Aún no hay responsables ni observadores.
admin-officials-none-link = Cree cuentas en la lista de elecciones.

## First owner
# The form the one-time setup link opens (`/admin#setup=…`), printed by a new node.
admin-setup-title = Crear la primera cuenta de propietario
admin-setup-intro = El servidor mostró este enlace en su primer arranque y solo sirve una vez: la cuenta creada aquí es la propietaria del servidor y crea las demás cuentas.
admin-setup-name = Nombre
admin-setup-password = Contraseña
admin-setup-password-hint = { $min ->
    [one] Al menos { $min } carácter.
   *[other] Al menos { $min } caracteres.
}
admin-setup-submit = Crear la cuenta de propietario
admin-setup-cancel = Iniciar sesión en su lugar
admin-setup-name-invalid = Escriba un nombre de 1 a 64 caracteres, no solo espacios.
admin-setup-password-short = { $min ->
    [one] La contraseña es demasiado corta: use al menos { $min } carácter.
   *[other] La contraseña es demasiado corta: use al menos { $min } caracteres.
}
admin-setup-password-long = { $max ->
    [one] La contraseña es demasiado larga: use como máximo { $max } carácter.
   *[other] La contraseña es demasiado larga: use como máximo { $max } caracteres.
}
admin-setup-forbidden = Este enlace de configuración no es válido. Copie el enlace completo que mostró el servidor en su primer arranque.
admin-setup-used = Ya existe una cuenta: este enlace de configuración ya se usó. Inicie sesión en su lugar.
# $reason is why the sign-in failed, a sentence.
admin-setup-sign-in-failed = La cuenta de propietario se creó, pero el inicio de sesión falló: { $reason } Inicie sesión con su nombre y contraseña.
admin-setup-welcome-title = Su cuenta de propietario
admin-setup-created = Cuenta de propietario creada.

## Trustees of a verifiable election
admin-section-trustees = Custodios
admin-trustees-loading = Leyendo la ceremonia de claves…
admin-trustees-form-title = Designar a los custodios
admin-trustees-intro = Los custodios se reparten la clave de la elección: nadie más, ni siquiera los servidores, puede descifrar el recuento. Cada uno recibe un enlace privado para participar en la ceremonia de claves desde su navegador.
admin-trustee-legend = Custodio { $number }
admin-trustee-name = Nombre
admin-trustee-email = Correo electrónico (opcional)
admin-trustees-remove = Quitar al custodio { $number }
admin-trustees-add = Añadir un custodio
admin-trustees-threshold = Custodios necesarios para descifrar
admin-trustees-threshold-hint = Ese número de custodios puede descifrar juntos el resultado; menos no pueden (de 1 a { $count }).
admin-trustees-again-warning = Designar de nuevo a los custodios reinicia la ceremonia de claves.
admin-trustees-save = Designar a los custodios
admin-trustees-named = Custodios designados.
admin-trustees-links-title = Enlaces privados, se muestran una sola vez
admin-trustee-mailed = su enlace se le envió por correo (usted no lo ve).
admin-trustees-copy-hint = Copie ahora cada enlace y entréguelo en privado a su custodio: quien tenga el enlace actúa como ese custodio. No se volverán a mostrar.
# Before the trustee's name.
admin-trustee-link = Enlace privado de
admin-trustees-dismiss = He copiado los enlaces
admin-decrypted-publish = El recuento está descifrado: los resultados pueden publicarse.
# Followed by the names of the trustees who have not decrypted yet.
admin-sealed-waiting = { $count ->
        [one] Sellado: falta { $count } custodio más:
       *[other] Sellado: faltan { $count } custodios más:
    }
admin-stage-no-trustees = Aún no hay custodios designados: desígnelos antes de abrir la votación.
admin-stage-commitments = Ceremonia de claves, ronda 1 de 3: cada custodio se compromete con un secreto.
admin-stage-polynomials = Ceremonia de claves, ronda 2 de 3: cada custodio publica la parte pública de su secreto.
admin-stage-shares = Ceremonia de claves, ronda 3 de 3: cada custodio envía a los demás sus partes selladas.
admin-stage-key-published = La clave de la elección está publicada: la votación puede abrirse.
admin-stage-decrypting = La votación está cerrada: los custodios descifran el recuento.
admin-stage-decrypted = El recuento está descifrado.
admin-trustee-col-trustee = Custodio
admin-trustee-col-commitment = Compromiso
admin-trustee-col-polynomial = Parte pública
admin-trustee-col-shares = Partes
admin-trustee-col-decryption = Descifrado
admin-trustee-part-in = recibido
admin-trustee-part-missing = pendiente
admin-trustee-you = (usted)
