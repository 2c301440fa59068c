"""What a clause's context says of it: negated, hedged, and who claims it (speakers, quotes)."""
