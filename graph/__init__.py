"""powergraph: a knowledge graph of a political power struggle, and the tools to question it."""

__version__ = "0.1.0"
