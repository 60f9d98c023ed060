# Les courriels de Ballot aux votants, en français.

invitation-subject = Votre invitation à voter : { $title }
invitation-new-subject = Votre nouvelle invitation à voter : { $title }
invitation-replaces = Cette invitation remplace celle qui vous a été envoyée auparavant : l'ancien identifiant ne fonctionne plus.
invitation-intro = Vous êtes invité·e à voter : « { $title } ».
invitation-link = Ouvrez votre lien personnel pour voter :
invitation-link-html = Ouvrir votre lien personnel pour voter
invitation-typed = Ou ouvrez { $page } et saisissez cet identifiant :
invitation-private = Cet identifiant est à vous seul·e : ne transférez pas ce courriel. Personne de l'élection ne vous le demandera jamais.
deadline = Le vote se termine le { $deadline }.
reminder-subject = Rappel : votez pour « { $title } »
reminder-intro = Vous n'avez pas encore voté : « { $title } ».
reminder-link = Votez ici avec l'identifiant reçu dans votre invitation :
results-subject = Résultats : { $title }
results-intro = Les résultats de « { $title } » sont publiés.
results-rounds = Chaque tour et chaque décompte :
results-audit = Vérifiez vous-même le décompte à partir du journal public :
results-no-winner = aucun élu
results-elected = Élu·e·s

# Un garant d'une élection vérifiable : son lien personnel (envoyé une fois, à sa nomination).
trustee-subject = Vous êtes garant de : { $title }
trustee-intro = Vous êtes l'un des { $trustees } garants de « { $title } ». Ses bulletins sont chiffrés, et le décompte n'est déchiffré que si { $threshold } des { $trustees } garants y participent.
trustee-link = Ouvrez votre page personnelle pour créer votre clé, et gardez le fichier de clé qu'elle vous remet : sans lui, vous ne pourrez pas participer au décompte.
trustee-link-html = Ouvrir votre page de garant
trustee-private = Ce lien n'appartient qu'à vous : qui le détient peut agir en votre nom. Ne transférez pas ce message.
