"""Photos from the phone (HEIC) and the web (WebP) reach Signalen as JPEG: through
prepare_photo and the privacy-masked export copy, as the outbox builds them."""

from __future__ import annotations

import uuid

import pytest
from signalen_server import SignalenServer
from test_mor_signalen import deliver, now_iso, report, transport_for

from schouw.exchange.mor.base import OutgoingPhoto
from schouw.photos import Mask, export_copy, prepare_photo


def _sources(testdata):
    images = testdata / "images"
    found = sorted((images / "heic").glob("*.HEIC"))[:1] + sorted((images / "heic").glob("*.heic"))[:1]
    if (images / "flower.webp").exists():
        found.append(images / "flower.webp")
    return found


def test_heic_and_webp_arrive_as_jpeg(shared_testdata):
    sources = _sources(shared_testdata)
    if not sources:
        pytest.skip("no HEIC or WebP test images")
    photos = []
    for n, path in enumerate(sources):
        prepared = prepare_photo(path)
        masks = [Mask(0.1, 0.1, 0.2, 0.2)] if n == 0 else []  # one masked, the others as they are
        copy = export_copy(prepared.jpeg, masks)
        photos.append(OutgoingPhoto(photo_id=str(uuid.uuid4()), filename=path.name, jpeg=copy))
    with SignalenServer(lifetime=60) as server, transport_for(server, timeout=10) as transport:
        rep = report(photo_list=tuple(photos))
        remote, done = deliver(transport, rep, since=now_iso())
        stored = server.attachments_of(int(remote[4:]))
        assert done == {p.photo_id for p in photos}
        assert len(stored) == len(photos)
        for attachment, source in zip(stored, sources, strict=True):
            assert attachment.mimetype == "image/jpeg", source.name
            assert attachment.uploaded_name.endswith(".jpg")
            assert attachment.data[:3] == b"\xff\xd8\xff"
            assert b"Exif" not in attachment.data[:4096]  # the export copy carries no metadata
