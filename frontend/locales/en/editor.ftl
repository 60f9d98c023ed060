# The election form and its question editor (en).
