"""Mentions of actors in a text: found, typed and linked to the corpus's actors or proposed."""
