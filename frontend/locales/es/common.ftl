# Ballot's words shared by every page (es).

## Every page
language-label = Idioma
contrast-label = Alto contraste
text-size-label = Tamaño del texto
text-size-option = { $percent } %
connection-connecting = Conectando…
connection-live = En directo
connection-reconnecting = Reconectando… (intento { $attempt }, el próximo en { $seconds } s)
connection-refused = Token de administración rechazado
phase-setup = Sin empezar
phase-open = Votación abierta
phase-closed = Votación cerrada
phase-published = Resultados publicados
countdown-time-left = Tiempo restante
countdown-passed = Plazo vencido
countdown-deadline = Plazo
countdown-none = ninguno
countdown-not-set = sin fijar
countdown-voting = Votación
countdown-closed = cerrada

## Why a request failed (every page)
error-network = No se puede contactar con el servidor. Compruebe su conexión e inténtelo de nuevo.
error-network-gave-up = Sigue sin poder contactarse con el servidor. Compruebe su conexión e inténtelo de nuevo en un minuto.
error-decode = El servidor envió una respuesta inesperada ({ $detail }).
error-status = El servidor respondió con el estado { $status }.
error-already-voted = Ya ha votado. Cada votante solo puede votar una vez.
error-vote-pending = Su voto aún espera ser contado; se comprobará de nuevo en breve.
error-vote-pending-gave-up = Su voto aún espera ser contado. Vuelva a cargar la página en un minuto para ver su comprobante.
error-voting-not-open = La votación no está abierta: la elección no acepta votos en este momento.
error-past-deadline = El plazo ha vencido, así que este voto no se contó.
error-click-too-old = Su voto tardó demasiado en llegar al servidor y no se contó; vote de nuevo, por favor.
error-click-in-future = Su voto no se contó porque el reloj de este dispositivo no coincide con el del servidor; vuelva a cargar la página y vote de nuevo.
error-rate-limited = Demasiados intentos fallidos desde esta red. Espere { $seconds } s antes de volver a intentarlo.
error-queue-full = Mucha gente está votando ahora; nuevo intento en { $seconds } s.
error-queue-full-gave-up = Mucha gente está votando ahora y el servidor no pudo atender esto a tiempo. Inténtelo de nuevo en un minuto.
error-unavailable = Los servidores no logran ponerse de acuerdo (hay muy pocos accesibles); nuevo intento en { $seconds } s.
error-unavailable-gave-up = Los servidores siguen sin ponerse de acuerdo (hay muy pocos accesibles). Inténtelo de nuevo en un minuto.
error-busy = El servidor está ocupado; nuevo intento en { $seconds } s.
error-busy-gave-up = El servidor sigue ocupado. Inténtelo de nuevo en un minuto.
error-idempotency-key-reused = Esta página envió dos solicitudes distintas con un mismo número, un problema interno de la página; no se cambió nada. Inténtelo de nuevo: se enviará como una solicitud nueva.
error-lamport-out-of-range = El reloj con que esta página ordena los sucesos no coincide con el del servidor, un problema interno de la página; no se cambió nada. Vuelva a cargar la página e inténtelo de nuevo.
error-malformed = El servidor rechazó esta solicitud por estar mal formada, un problema interno de la página (o un texto muy largo); no se cambió nada. Vuelva a cargar la página e inténtelo de nuevo.
error-bad-credential = Esta credencial no corresponde a nadie del censo de esta elección (o ha sido reemplazada). Revísela e inténtelo de nuevo.
error-self-registration-off = Esta elección no admite inscripciones: la administración importa el censo.
error-roll-frozen = El censo queda fijado al abrirse la votación: solo se pueden importar votantes antes del inicio.
error-mail-not-configured = Los servidores no pueden enviar correo: se iniciaron sin servidor SMTP (--smtp-url).
error-election-exists = Ya existe una elección con este identificador: elija otro identificador (u otro título).
error-bad-login = Nombre o número de votante incorrectos: no corresponden a nadie del censo. Revise ambos e inténtelo de nuevo.
error-bad-session = Su sesión ha terminado; inicie sesión de nuevo.
error-forbidden = El rol de su cuenta no lo permite. Una persona propietaria puede cambiar su rol o asignarle a esta elección.
error-admin-unauthorized = Se rechazó el token de administración. Revíselo e introdúzcalo de nuevo.
error-name-taken = Alguien del censo ya tiene este nombre. Añada algo que le distinga, como una inicial.
error-unknown-candidate = Esta opción no está en la papeleta. Vuelva a cargar la página para ver la papeleta actual.
error-deadline-in-past = El plazo debe estar en el futuro. Elija una hora posterior.
error-deadline-not-reached = El plazo aún no ha vencido: la elección solo puede cerrarse al vencer su plazo una vez que haya vencido.
error-roll-full = El censo está completo: no se pueden añadir más votantes a esta elección.
error-wrong-login-method = Esta elección no identifica a los votantes de esta manera. Use el acceso que muestra su página.
error-cluster-unauthorized = Los servidores rechazaron el secreto de los demás; los operadores deben revisar la configuración del clúster.
error-not-found = No encontrado: esta elección o página no existe. Revise la dirección.
error-too-many-connections = Hay demasiadas páginas conectadas a este servidor ahora. Cierre otras pestañas o inténtelo de nuevo en un minuto.
error-storage = El servidor no pudo leer ni escribir sus datos. Inténtelo de nuevo en un minuto; si sigue ocurriendo, avise a quienes organizan la elección.
error-internal = Algo falló en el servidor. Inténtelo de nuevo; si sigue ocurriendo, avise a quienes organizan la elección.
error-invalid-name = Este nombre no se puede usar: { $detail }
error-wrong-phase = No se puede hacer en esta fase de la elección: { $detail }
error-invalid-election = La elección fue rechazada: { $detail }
error-invalid-ballot = La papeleta fue rechazada: { $detail }
error-invalid-roll = El censo fue rechazado: { $detail }
error-bad-request = El servidor rechazó esta solicitud: { $detail }

## Document titles and pages of no election
title-vote = Ballot: votar
title-admin = Ballot: administración
title-tally = Ballot: recuento
title-elections = Ballot: elecciones
title-audit = Ballot: auditoría
title-admin-elections = Ballot: administración · elecciones
title-not-found = Ballot: no encontrado
not-found-title = Página no encontrada
not-found-vote = Votar
not-found-tally = Recuento
not-found-elections = Elecciones
not-found-admin = Administración
missing-title = No existe esa elección
missing-before-id = No hay ninguna elección con el identificador «
missing-after-id = ».
missing-see-all = Ver todas las elecciones

## Units, and the warning before the deadline
unit-ms = { $value } ms
unit-s = { $value } s
deadline-warning =
    { $minutes ->
        [one] Queda menos de un minuto para votar: emita su papeleta antes del cierre ({ $deadline }).
       *[other] Quedan menos de { $minutes } minutos para votar: emita su papeleta antes del cierre ({ $deadline }).
    }

## Elecciones verificables
error-invalid-proof = Una prueba no se pudo verificar, así que no se registró nada: { $detail }
error-bad-trustee-token = Este enlace de custodio no es válido (o se volvió a nombrar a los custodios). Pida su enlace actual a los organizadores de la elección.
error-trustees-pending = La elección aún no puede abrirse: todos los custodios deben completar primero la ceremonia de claves.
