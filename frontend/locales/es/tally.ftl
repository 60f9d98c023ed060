# The projector tally and the list of elections (es).

## The projector
tally-title = Resultados de la elección
tally-waiting = Esperando las primeras cifras…
tally-votes-cast = { $count ->
        [one] voto emitido
       *[other] votos emitidos
    } · { $voters } electores
tally-weight-voted = peso votado · de { $weight }
tally-turnout = participación
tally-turnout-hidden = participación: los recuentos permanecen ocultos hasta que se publiquen los resultados
tally-turnout-label = Participación
tally-log = Registro público: { $entries } { $entries ->
        [one] entrada
       *[other] entradas
    } · raíz
tally-log-waiting = Registro público: esperando el primer punto de control
tally-audit = auditoría

## The list of elections
tally-elections-title = Elecciones
tally-elections-choose = Elija su elección
tally-elections-loading = Cargando…
