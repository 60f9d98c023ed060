# The audit page (en).
