"""Pronouns, definite descriptions and plural antecedents, resolved to the actors they mean."""
