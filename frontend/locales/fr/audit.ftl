# The audit page (fr).
