# Los correos de Ballot a los votantes, en español.

invitation-subject = Su invitación a votar: { $title }
invitation-new-subject = Su nueva invitación a votar: { $title }
invitation-replaces = Esta invitación sustituye a la que se le envió antes: la credencial anterior ya no funciona.
invitation-intro = Está invitado/a a votar en «{ $title }».
invitation-link = Abra su enlace personal para votar:
invitation-link-html = Abrir su enlace personal para votar
invitation-typed = O abra { $page } y escriba esta credencial:
invitation-private = La credencial es solo suya: no reenvíe este correo. Nadie de la elección se la pedirá nunca.
deadline = La votación cierra el { $deadline }.
reminder-subject = Recordatorio: vote en { $title }
reminder-intro = Todavía no ha votado en «{ $title }».
reminder-link = Vote aquí con la credencial de su invitación:
results-subject = Resultados: { $title }
results-intro = Se han publicado los resultados de «{ $title }».
results-rounds = Cada ronda y cada recuento:
results-audit = Compruebe usted mismo el recuento a partir del registro público:
results-no-winner = nadie elegido
results-elected = Elegidos

# Un custodio de una elección verificable: su enlace privado (enviado una vez, al nombrarlo).
trustee-subject = Es usted custodio de: { $title }
trustee-intro = Es usted uno de los { $trustees } custodios de «{ $title }». Sus papeletas están cifradas, y el recuento solo se descifra cuando participan { $threshold } de los { $trustees } custodios.
trustee-link = Abra su página privada para crear su clave y guarde el archivo de clave que le entrega: sin él no podrá participar en el recuento.
trustee-link-html = Abrir su página de custodio
trustee-private = Este enlace es solo suyo: quien lo tenga puede actuar en su nombre. No reenvíe este correo.
