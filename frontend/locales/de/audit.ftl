# The audit page (de).
