# The audit page (es).
