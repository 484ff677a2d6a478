"""Publishing to the municipality's PostgreSQL/PostGIS (issue #21).

An exchange-like layer: it reads the project (store, the services' read models, the
domain's one judging rule) and writes the central database through
:mod:`schouw.store.central`, where its SQL lives. Nothing here imports ui.
"""

from schouw.publish.run import PublishResult, publish

__all__ = ["PublishResult", "publish"]
