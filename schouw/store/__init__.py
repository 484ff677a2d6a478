"""The single-file project store: SQLite via sqlite-utils. All SQL of schouw lives here."""

from schouw.store.project import CURRENT_VERSION, Project, create_project, open_project

__all__ = ["CURRENT_VERSION", "Project", "create_project", "open_project"]
