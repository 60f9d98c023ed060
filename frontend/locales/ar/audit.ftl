# The audit page (ar).
