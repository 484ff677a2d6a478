"""schouw: wijkschouw en beeldkwaliteit, offline vastgelegd in één projectbestand."""

__version__ = "0.1.0"
