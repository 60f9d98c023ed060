# Receipts: checking one against the public log, on the voter and audit pages (de).
