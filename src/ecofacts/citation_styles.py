"""The styles `ecofacts cite --style` offers: a module of its own, so that the command line can name them without
importing the renderers (`ecofacts.render.citation`) on every run."""

from enum import StrEnum


class Style(StrEnum):
    apa = "apa"
    bibtex = "bibtex"
    csl_json = "csl-json"
    ris = "ris"
    markdown = "markdown"
