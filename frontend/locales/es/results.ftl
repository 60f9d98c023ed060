# The results of every question, shown by the voter, tally, admin and audit pages (es).

## The list of elections (public and admin)
results-elections-none = Todavía no hay elecciones.
results-elections-election = Elección
results-elections-phase = Fase
results-elections-deadline = Plazo
results-elections-voted = Votantes / censo
results-elections-public-pages = Páginas públicas
results-elections-turnout = { $voted } / { $voters } ({ $percent } %)
results-elections-voter-page = página de votación
results-elections-projector = proyector

## Figures and the announcement
results-votes-per-candidate = Votos por candidato
results-turnout = Han votado { $voted } de { $voters } electores.
results-turnout-weighted = Han votado { $voted } de { $voters } electores (peso { $weight } de { $total }).
results-counts-hidden = Los recuentos permanecen ocultos hasta que se publiquen los resultados.
results-outcome-winner = Ganador: { $name } con { $votes } { $votes ->
        [one] voto
       *[other] votos
    }
results-outcome-tie = Empate entre { $names } con { $votes } { $votes ->
        [one] voto
       *[other] votos
    } cada uno
results-outcome-no-votes = No se emitió ningún voto, así que no hay ganador.

## Candidates named in a result
results-candidate = candidato { $id }
results-name-separator = {", "}
results-yes = Sí
results-no = No

## A question's result
results-question-untitled = Pregunta { $id }
results-question-turnout = Respuestas válidas: { $valid } · en blanco: { $blank }
results-no-winner = Sin ganador: nadie respondió a esta pregunta.
results-winner-named = Ganador: { $names }
results-elected-named = Elegidos: { $names }
results-elected-mark = ✓ elegido
results-ties-title = Empates resueltos por sorteo
results-draw-round = Sorteo en la ronda { $round } entre { $among }: salió { $chosen }
results-draw-place = Sorteo por el puesto { $round } entre { $among }: salió { $chosen }

## Methods, what they ask of a voter and how they decide
results-method-plurality = Mayoría simple
results-method-approval = Voto por aprobación
results-method-irv = Segunda vuelta instantánea
results-method-stv = Voto único transferible
results-method-schulze = Schulze
results-method-referendum = Referéndum
results-instruction-one = Elija una opción
results-instruction-up-to = Elija hasta { $max }
results-instruction-rank = Ordene tantas como quiera, la preferida primero
results-instruction-rank-equal = Ordene tantas como quiera, la preferida primero; se permiten empates
results-instruction-yes-no = Sí o No
results-rule-plurality-one = Mayoría simple: gana el candidato con más votos.
results-rule-plurality-many = Mayoría simple: ganan los { $seats } candidatos con más votos.
results-rule-approval-one = Voto por aprobación: marque cada candidato que acepte; gana el más aprobado.
results-rule-approval-many = Voto por aprobación: marque cada candidato que acepte; ganan los { $seats } más aprobados.
results-rule-irv = Segunda vuelta instantánea: el candidato con menos votos queda eliminado y sus votos pasan a la siguiente preferencia, hasta que uno obtiene la mayoría.
results-rule-stv = Voto único transferible (reglas escocesas): los candidatos que alcanzan la cuota quedan elegidos; los excedentes y los votos de los eliminados se transfieren, hasta cubrir { $seats ->
        [one] el escaño
       *[other] { $seats } escaños
    }.
results-rule-schulze = Schulze: cada par de candidatos se compara frente a frente; gana quien vence a todos los demás por los caminos más fuertes.
results-rule-referendum-majority = Referéndum: necesita más Sí que No; las respuestas en blanco no cuentan.
results-rule-referendum-two-thirds = Referéndum: necesita dos tercios de las respuestas Sí y No; las respuestas en blanco no cuentan.

## Rounds of instant runoff and STV
results-rounds-none = Sin rondas: nadie respondió a esta pregunta.
results-rounds-caption = Ronda a ronda
results-rounds-caption-quota = Ronda a ronda · cuota { $quota }
results-stages-caption = Etapa a etapa
results-stages-caption-quota = Etapa a etapa · cuota { $quota }
results-round = Ronda { $round }
results-stage = Etapa { $round }
results-rounds-candidate = Candidato
results-round-elected = elegido
results-round-eliminated = eliminado
results-rounds-exhausted = Agotados
results-rounds-passed-on = Transferido
results-rounds-first-preferences = Primeras preferencias
results-rounds-nothing = Nada
results-transfer-surplus-value = Excedente de { $from } (valor de transferencia { $value })
results-transfer-surplus = Excedente de { $from }
results-transfer-votes = Votos de { $from } transferidos

## Schulze
results-pairwise-caption = Frente a frente: el peso de las papeletas que prefieren al candidato de la fila sobre el de la columna
results-pairwise-over = sobre { $name }
results-pairwise-wins = gana
results-pairwise-order = Orden, del mejor al peor

## Referendum
results-referendum-bars = Sí y No
results-referendum-majority = Necesita más Sí que No.
results-referendum-two-thirds = Necesita dos tercios de las respuestas Sí y No.
results-referendum-passed = APROBADO
results-referendum-rejected = RECHAZADO
results-referendum-undecided = sin decidir
