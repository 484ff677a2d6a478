"""Masks set through the use case land on the right pixels of every copy that leaves the
laptop, for photos whose camera stored them sideways (EXIF orientation 6 and 8): the
thumbnail and report copy in the project, the export package's ``fotos/`` member, the
report PDF's embedded image and the photo the MOR server (Open311, Signalen) receives. The master and the
kept original stay byte for byte as they were.

Each copy is compared with the upright source (turned by Pillow's own exif_transpose)
with the same masks burnt in: a mask in the wrong place, or a copy turned the wrong way,
differs by far more than JPEG noise."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat
from test_mor_fixtures import (  # noqa: F401 - fixtures
    file_secrets_fixture,
    make_profile,
    mor_copy,
    mor_master_fixture,
    secret,
    server_fixture,
)

from schouw.exchange.mor.open311 import Open311Transport
from schouw.exchange.mor.profile import parse_sync_profile
from schouw.photos.masks import FILL, Mask, apply_masks
from schouw.services import photos as photo_service
from schouw.services.exchange import export_package
from schouw.services.findings import add_photos
from schouw.services.reports import build_report
from schouw.services.sync import run_sync
from schouw.store import open_project
from schouw.store.outbox import OutboxRepo

#: over the "6"/"8" label in the middle, and an ellipse low on the left (not symmetric:
#: a copy turned the wrong way puts them elsewhere)
MASKS = [Mask(0.40, 0.38, 0.20, 0.22), Mask(0.05, 0.62, 0.30, 0.28, "ellipse")]


def upright_reference(path) -> Image.Image:
    with Image.open(path) as im:
        return ImageOps.exif_transpose(im).convert("RGB")


def expected(reference: Image.Image, size: tuple[int, int]) -> Image.Image:
    return apply_masks(reference.resize(size, Image.Resampling.BICUBIC), MASKS)


def core(mask: Mask, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The middle half of a mask: clear of JPEG ringing, inside an ellipse too."""
    w, h = size
    cx, cy = (mask.x + mask.w / 2) * w, (mask.y + mask.h / 2) * h
    rx, ry = mask.w * w / 4, mask.h * h / 4
    return int(cx - rx), int(cy - ry), int(cx + rx), int(cy + ry)


def assert_masked_copy(data: bytes, reference: Image.Image, what: str) -> None:
    im = Image.open(io.BytesIO(data)).convert("RGB")
    assert abs(im.width / im.height - reference.width / reference.height) < 0.02, (what, im.size)
    for mask in MASKS:
        region = im.crop(core(mask, im.size))
        stat = ImageStat.Stat(region)
        assert max(stat.stddev) < 4 and all(abs(m - f) < 8 for m, f in zip(stat.mean, FILL, strict=True)), \
            (what, mask, stat.mean, stat.stddev)
        # the source has detail there: the flat fill is the mask, not the photo
        assert max(ImageStat.Stat(reference.crop(core(mask, reference.size))).stddev) > 8
    # an ellipse leaves its bounding box's corners alone
    ellipse = MASKS[1]
    x0, y0 = int(ellipse.x * im.width) + 1, int(ellipse.y * im.height) + 1
    corner = im.crop((x0, y0, x0 + max(2, im.width // 60), y0 + max(2, im.height // 60)))
    assert max(abs(m - f) for m, f in zip(ImageStat.Stat(corner).mean, FILL, strict=True)) > 15, what
    # everywhere: the upright photo with the masks where they belong
    diff = ImageStat.Stat(ImageChops.difference(im, expected(reference, im.size))).mean
    assert max(diff) < 8, (what, diff)
    turned = expected(reference.transpose(Image.Transpose.ROTATE_180), im.size)
    assert max(ImageStat.Stat(ImageChops.difference(im, turned)).mean) > 3 * max(diff) + 10, what


@pytest.fixture
def masked(request, tmp_path, mor_master, shared_testdata):
    """The MOR test project with the sideways photo as the only photo of a finding that
    goes to the municipality, kept with its original, masked through the use case."""
    source = shared_testdata / "images" / "orientation" / request.param
    if not source.is_file():
        pytest.skip(f"{request.param} not available")
    path, ids = mor_copy(mor_master, tmp_path / "mor.schouw")
    project = open_project(path)
    finding = ids["litter_c"]
    for old in project.photos.for_finding(finding):
        project.photos.delete(old.id)
    outcome = add_photos(project, finding, [source], keep_original=True)
    photo = outcome.added[0]
    before = {kind: project.photos.blob(photo.id, kind) for kind in ("jpeg", "original", "thumb")}
    stored = photo_service.set_masks(project, photo.id[:8], MASKS)
    yield project, ids, stored, before, source
    project.close()


def sent_to_mor(project, finding_id: str, mor: str, open311) -> bytes:
    """Send the round's selected findings through the outbox; the photo as received."""
    if mor == "open311":
        transport = Open311Transport(make_profile(open311.url), secret())
        try:
            run_sync(project, make_profile(open311.url), transport=transport)
        finally:
            transport.close()
        return open311.attachments[OutboxRepo(project).for_finding(finding_id).remote_id]
    from signalen_server import SignalenServer
    from test_mor_fixtures import GEMEENTE
    from test_mor_signalen_outbox import SECRET, profile_data

    from schouw.exchange.mor.base import uuid_tag
    from schouw.exchange.mor.signalen import SignalenTransport

    project.findings.update(finding_id, lat=52.0921, lon=5.1187)  # Signalen wants a place
    with SignalenServer(client_secret=SECRET, lifetime=60) as server:
        # the fixture's litter finding is for "Gemeente, team Reiniging": select every municipal party
        profile = parse_sync_profile({**profile_data(server.url),
                                      "selection": {"below_norm": True, "parties": GEMEENTE}}, "test")
        transport = SignalenTransport(profile, SECRET)
        try:
            run_sync(project, profile, transport=transport)
        finally:
            transport.close()
        (signal_,) = server.with_text(uuid_tag(finding_id))
        (attachment,) = signal_.attachments
        return attachment.data


@pytest.mark.parametrize(("masked", "mor"), [("Landscape_6.jpg", "open311"), ("Portrait_8.jpg", "signalen")],
                         indirect=["masked"])
def test_every_copy_that_leaves_has_the_masks_on_the_right_pixels(masked, mor, server, tmp_path):
    project, ids, photo, before, source = masked
    reference = upright_reference(source)
    assert [Mask.from_dict(m) for m in photo.masks] == MASKS
    assert (photo.width > photo.height) == (reference.width > reference.height)  # stored upright

    # in the project: the thumbnail and the report copy were re-made with the masks
    thumb = project.photos.blob(photo.id, "thumb")
    assert thumb != before["thumb"]
    assert_masked_copy(thumb, reference, "thumbnail")
    assert_masked_copy(project.photos.blob(photo.id, "report"), reference, "report copy")

    # the export package
    zip_path = export_package(project, ids["round"], tmp_path / "pakket.zip").path
    with zipfile.ZipFile(zip_path) as z:
        doc = json.loads(z.read("schouw.json"))
        member = next(p["file"] for p in doc["photos"] if p["id"] == photo.id)
        assert member.startswith("fotos/")
        assert_masked_copy(z.read(member), reference, "export package")

    # the report: the image embedded in the PDF
    from pypdf import PdfReader

    pdf = build_report(project, ids["round"], tmp_path / "rapport.pdf").path
    images = [img for page in PdfReader(pdf).pages for img in page.images]
    ratio = reference.width / reference.height
    ours = [img for img in images if abs(img.image.width / img.image.height - ratio) < 0.02
            and img.image.width >= 400]
    assert len(ours) == 1, [(i.name, i.image.size) for i in images]
    buf = io.BytesIO()
    ours[0].image.convert("RGB").save(buf, "PNG")
    assert_masked_copy(buf.getvalue(), reference, "report PDF")

    # the MOR report: what the municipality's server received
    assert_masked_copy(sent_to_mor(project, ids["litter_c"], mor, server), reference, f"{mor} attachment")

    # the original on the laptop: untouched
    assert project.photos.blob(photo.id, "jpeg") == before["jpeg"]
    assert hashlib.sha256(project.photos.blob(photo.id, "original")).digest() == \
        hashlib.sha256(source.read_bytes()).digest() == hashlib.sha256(before["original"]).digest()
