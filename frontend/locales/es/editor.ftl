# The election form and its question editor (es).

## The admin's list of elections
editor-elections-title = Elecciones
editor-admin-pages = Páginas de administración
editor-original-console = Consola de la elección original
editor-public-list = Lista pública
editor-forget-token = Olvidar el token
editor-all-elections = Todas las elecciones
editor-loading = Cargando…
editor-creating = Creando la elección…
# $title: the election's title, as the admin typed it.
editor-created = Se creó «{ $title }».

## The form for a new election
editor-new-election = Nueva elección
editor-title = Título
editor-description = Descripción (opcional)
editor-election-id = Identificador en la dirección (opcional)
editor-election-id-placeholder = generado a partir del título
# The characters and the address stay as they are: they are what the field accepts.
editor-election-id-hint = De { $min } a { $max } caracteres entre a–z, 0–9 y -; los votantes abrirán /e/<id>.
editor-simple-hint = Una papeleta sencilla: una pregunta, una opción. Añada una pregunta para tener varias preguntas, papeletas con orden de preferencia, varios escaños o un referéndum.
editor-add-question = Añadir una pregunta
editor-login-legend = Cómo acceden los votantes
# Each option is its name in bold followed by its explanation, which starts with the colon.
editor-login-credential = Credencial
editor-login-credential-detail = : cada votante recibe un código secreto al importar el censo.
editor-login-name-and-id = Nombre y número de votante
editor-login-name-and-id-detail = : los votantes escriben su nombre y su número, como en la elección original.
editor-options-legend = Opciones
editor-option-live-results = Resultados en directo
editor-option-live-results-detail = : los votantes y el proyector ven los recuentos mientras la votación está abierta, no solo la participación.
editor-option-revoting = Volver a votar
editor-option-revoting-detail = : un votante puede votar de nuevo mientras la votación está abierta; solo cuenta el último voto.
editor-option-self-registration = Autoinscripción
editor-option-self-registration-detail = : cualquiera puede inscribirse en el censo (solo con acceso por nombre y número).
editor-secrecy-legend = Secreto del voto
editor-secrecy-open = Abierto
editor-secrecy-open-detail = : los servidores cuentan los votos; el registro público oculta quién votó a quién.
editor-secrecy-verifiable = Verificable
editor-secrecy-verifiable-detail = : cada papeleta se cifra en el navegador del votante, y solo los custodios que usted designe, juntos, pueden descifrar el recuento, que cualquiera puede comprobar (preguntas de mayoría, aprobación y referéndum; sin resultados en directo).
editor-create = Crear la elección

## One question of the ballot
editor-question-heading = Pregunta { $number }
# Followed by the question's title.
editor-question-heading-titled = Pregunta { $number }:
editor-question-move-up = Subir la pregunta { $number }
editor-question-move-down = Bajar la pregunta { $number }
editor-question-remove = Eliminar la pregunta { $number }
editor-question-id = Identificador (opcional)
editor-question-id-hint = De { $min } a { $max } caracteres entre a–z, 0–9 y -; los errores nombran la pregunta con él.
editor-method = Método de recuento
editor-method-plurality = Mayoría simple
editor-method-approval = Voto aprobatorio
editor-method-irv = Segunda vuelta instantánea (IRV)
editor-method-stv = Voto único transferible (VUT)
editor-method-schulze = Método Schulze
editor-method-referendum = Referéndum
editor-seats = Escaños a cubrir
editor-max-choices = Máximo de candidatos que un votante puede marcar
editor-max-choices-plurality = tantos como escaños
editor-max-choices-any = sin límite
editor-threshold-legend = Se aprueba con
editor-threshold-majority = Más Sí que No (mayoría)
editor-threshold-two-thirds = Al menos dos tercios de Sí
editor-referendum-hint = Las opciones de un referéndum son Sí y No; los votos en blanco no cuentan.
editor-question-candidates = Candidatos de la pregunta { $number }, en el orden de la papeleta

## The candidates of a ballot
editor-candidates-legend = Candidatos, en el orden de la papeleta
editor-candidate = Candidato { $number }
editor-candidate-move-up = Subir el candidato { $number }
editor-candidate-move-down = Bajar el candidato { $number }
editor-candidate-remove = Eliminar el candidato { $number }
editor-add-candidate = Añadir un candidato

## The preview of the voter's ballot
editor-preview-summary = La papeleta del votante (vista previa)
editor-preview-yes = Sí
editor-preview-no = No
editor-preview-unnamed = (candidato { $number } aún sin nombre)
