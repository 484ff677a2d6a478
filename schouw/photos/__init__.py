"""Photos: reading, EXIF facts, orientation, normalised copies, privacy masks, export.

Pillow only: no Qt, no SQL, no store. Everything here is bytes in, bytes out, so the
store can keep the results in one transaction and the UI can run it on worker threads.
"""

from schouw.photos.exif import PhotoMeta, read_photo_meta
from schouw.photos.export import derivatives, export_copy
from schouw.photos.ingest import PreparedPhoto, prepare_photo
from schouw.photos.masks import Mask

__all__ = [
    "Mask",
    "PhotoMeta",
    "PreparedPhoto",
    "derivatives",
    "export_copy",
    "prepare_photo",
    "read_photo_meta",
]
