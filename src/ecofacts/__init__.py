"""ecofacts: sourced facts about the Belgian biotech ecosystem, from the terminal."""

__version__ = "0.1.0"
