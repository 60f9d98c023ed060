# The projector tally and the list of elections (de).
