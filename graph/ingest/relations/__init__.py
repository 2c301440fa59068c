"""The relation rules over the parse: verbs, event nouns, clause shapes and who plays which role."""
