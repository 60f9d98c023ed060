# The admin console and the admin's list of elections (fr).
