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
