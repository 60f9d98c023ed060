# The election form and its question editor (fr).

## The admin's list of elections
editor-elections-title = Élections
editor-admin-pages = Pages d'administration
editor-original-console = Console de l'élection d'origine
editor-public-list = Liste publique
editor-forget-token = Oublier le jeton
editor-all-elections = Toutes les élections
editor-loading = Chargement…
editor-creating = Création de l'élection…
# $title: the election's title, as the admin typed it.
editor-created = Élection « { $title } » créée.

## The form for a new election
editor-new-election = Nouvelle élection
editor-title = Titre
editor-description = Description (facultative)
editor-election-id = Identifiant dans l'adresse (facultatif)
editor-election-id-placeholder = tiré du titre
# The characters and the address stay as they are: they are what the field accepts.
editor-election-id-hint = De { $min } à { $max } caractères parmi a–z, 0–9 et - ; les électeurs ouvriront /e/<id>.
editor-simple-hint = Un bulletin simple : une question, un choix. Ajoutez une question pour poser plusieurs questions, classer les candidats, pourvoir plusieurs sièges ou organiser un référendum.
editor-add-question = Ajouter une question
editor-login-legend = Connexion des électeurs
# Each option is its name in bold followed by its explanation, which starts with the colon.
editor-login-credential = Code d'accès
editor-login-credential-detail = {"\u00A0"}: chaque électeur reçoit un code secret lors de l'import de la liste électorale.
editor-login-name-and-id = Nom et numéro d'électeur
editor-login-name-and-id-detail = {"\u00A0"}: les électeurs saisissent leur nom et leur numéro, comme pour l'élection d'origine.
editor-options-legend = Options
editor-option-live-results = Résultats en direct
editor-option-live-results-detail = {"\u00A0"}: les électeurs et le projecteur voient les décomptes pendant le vote, pas seulement la participation.
editor-option-revoting = Nouveau vote
editor-option-revoting-detail = {"\u00A0"}: un électeur peut voter à nouveau tant que le vote est ouvert ; seul le dernier vote compte.
editor-option-self-registration = Auto-inscription
editor-option-self-registration-detail = {"\u00A0"}: chacun peut s'inscrire lui-même sur la liste (connexion par nom et numéro uniquement).
editor-secrecy-legend = Secret du vote
editor-secrecy-open = Ouvert
editor-secrecy-open-detail = {"\u00A0"}: les serveurs comptent les votes ; le journal public cache qui a voté pour qui.
editor-secrecy-verifiable = Vérifiable
editor-secrecy-verifiable-detail = {"\u00A0"}: chaque bulletin est chiffré dans le navigateur de l'électeur, et seuls les dépositaires que vous désignez, ensemble, peuvent déchiffrer le décompte, que chacun peut vérifier (questions à un choix, par approbation et référendums ; pas de résultats en direct).
editor-create = Créer l'élection

## One question of the ballot
editor-question-heading = Question { $number }
# Followed by the question's title.
editor-question-heading-titled = Question { $number }{"\u00A0"}:
editor-question-move-up = Monter la question { $number }
editor-question-move-down = Descendre la question { $number }
editor-question-remove = Supprimer la question { $number }
editor-question-id = Identifiant (facultatif)
editor-question-id-hint = De { $min } à { $max } caractères parmi a–z, 0–9 et - ; les erreurs désignent la question par cet identifiant.
editor-method = Mode de scrutin
editor-method-plurality = Majorité relative
editor-method-approval = Vote par approbation
editor-method-irv = Vote préférentiel (IRV)
editor-method-stv = Vote unique transférable (VUT)
editor-method-schulze = Méthode Schulze
editor-method-referendum = Référendum
editor-seats = Sièges à pourvoir
editor-max-choices = Nombre maximal de candidats qu'un électeur peut cocher
editor-max-choices-plurality = autant que de sièges
editor-max-choices-any = sans limite
editor-threshold-legend = Adoption avec
editor-threshold-majority = Plus de Oui que de Non (majorité)
editor-threshold-two-thirds = Au moins deux tiers de Oui
editor-referendum-hint = Les réponses d'un référendum sont Oui et Non ; les votes blancs ne comptent pas.
editor-question-candidates = Candidats de la question { $number }, dans l'ordre du bulletin

## The candidates of a ballot
editor-candidates-legend = Candidats, dans l'ordre du bulletin
editor-candidate = Candidat { $number }
editor-candidate-move-up = Monter le candidat { $number }
editor-candidate-move-down = Descendre le candidat { $number }
editor-candidate-remove = Supprimer le candidat { $number }
editor-add-candidate = Ajouter un candidat

## The preview of the voter's ballot
editor-preview-summary = Le bulletin de l'électeur (aperçu)
editor-preview-yes = Oui
editor-preview-no = Non
editor-preview-unnamed = (candidat { $number } pas encore nommé)
