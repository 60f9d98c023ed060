# The results of every question, shown by the voter, tally, admin and audit pages (en).
