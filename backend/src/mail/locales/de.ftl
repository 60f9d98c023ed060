# Die Mails von Ballot an Wählende, auf Deutsch.

invitation-subject = Ihre Einladung zur Wahl: { $title }
invitation-new-subject = Ihre neue Einladung zur Wahl: { $title }
invitation-replaces = Diese Einladung ersetzt die frühere: Der frühere Zugangscode gilt nicht mehr.
invitation-intro = Sie sind eingeladen, bei „{ $title }“ abzustimmen.
invitation-link = Öffnen Sie Ihren persönlichen Link, um abzustimmen:
invitation-link-html = Persönlichen Link zum Abstimmen öffnen
invitation-typed = Oder öffnen Sie { $page } und geben Sie diesen Zugangscode ein:
invitation-private = Der Zugangscode gehört nur Ihnen: Leiten Sie diese Mail nicht weiter. Niemand von der Wahl wird Sie je danach fragen.
deadline = Die Abstimmung endet am { $deadline }.
reminder-subject = Erinnerung: Stimmen Sie ab bei { $title }
reminder-intro = Sie haben bei „{ $title }“ noch nicht abgestimmt.
reminder-link = Stimmen Sie hier mit dem Zugangscode aus Ihrer Einladung ab:
results-subject = Ergebnisse: { $title }
results-intro = Die Ergebnisse von „{ $title }“ sind veröffentlicht.
results-rounds = Jede Runde und jede Zählung:
results-audit = Prüfen Sie die Zählung selbst anhand des öffentlichen Protokolls:
results-no-winner = niemand gewählt
results-elected = Gewählt

# Ein Treuhänder einer verifizierbaren Wahl: sein persönlicher Link (einmal gesendet, bei der Benennung).
trustee-subject = Sie sind Treuhänder von: { $title }
trustee-intro = Sie sind einer der { $trustees } Treuhänder von „{ $title }“. Die Stimmzettel sind verschlüsselt, und die Auszählung wird nur entschlüsselt, wenn { $threshold } der { $trustees } Treuhänder mitwirken.
trustee-link = Öffnen Sie Ihre persönliche Seite, um Ihren Schlüssel zu erzeugen, und bewahren Sie die Schlüsseldatei auf: Ohne sie können Sie nicht an der Auszählung mitwirken.
trustee-link-html = Ihre Treuhänderseite öffnen
trustee-private = Dieser Link gehört nur Ihnen: Wer ihn hat, kann in Ihrem Namen handeln. Leiten Sie diese E-Mail nicht weiter.
