"""The PDF machinery under both reports: page templates, page numbers, bookmarks,
progress and cancel, and writing big documents without holding them three times.

Three things here are about speed and memory with a thousand photos:

- Images go in as binary JPEG streams. ReportLab's default wraps every image in
  ASCII85 (``rl_config.useA85``), which costs ~30x the rest of the build. The flag is a
  module global, so :func:`binary_streams` flips it only for the length of one build,
  under a lock so two report builds in one process don't restore it under each other.
- Photos are passed through as the JPEG bytes they are (DCTDecode), straight into an
  image XObject: ReportLab's ``drawImage`` with an in-memory image would decode every
  photo to RGB just to hash it. The XObject keeps only the photo's size; its bytes
  are fetched again when the file is written (:class:`LazyJPEG`), so a report holds
  one photo at a time.
- ReportLab normally formats the whole file into a list of byte strings and joins
  them, so at the end the images are in memory three times (objects, pieces, joined
  file). :func:`write_pdf` writes each object to disk as it is formatted.

"pagina X van Y" needs Y before the last page exists; instead of building twice, each
footer draws a form XObject that is defined once, when the page count is known.
"""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Callable, Iterator

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import (
    PDFCrossReferenceTable,
    PDFImageXObject,
    PDFIndirectObject,
    PDFTrailer,
    pdfdocEnc,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from schouw.messages import SchouwError
from schouw.report import styles as S

PAGE_W, PAGE_H = A4
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.2 * cm
MARGIN_BOTTOM = 2.0 * cm
FRAME_W = PAGE_W - 2 * MARGIN_X
PAGE_COUNT_FORM = "schouwPageCount"

_BUILD_LOCK = threading.RLock()


class ReportCancelled(SchouwError):
    def __init__(self) -> None:
        super().__init__("report_cancelled")


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Binary (not ASCII85) image and page streams for the duration of one build."""
    with _BUILD_LOCK:
        old = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = old


# -- writing --------------------------------------------------------------------------


class _StreamFile:
    """ReportLab's PDFFile, but writing to disk as it goes instead of collecting."""

    def __init__(self, handle, pdf_version) -> None:
        self.handle = handle
        self.offset = 0
        self.add(pdfdocEnc("%PDF-{}.{}".format(*pdf_version))
                 + b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n")

    def add(self, s) -> int:
        data = pdfdocEnc(s)
        at = self.offset
        self.offset += len(data)
        self.handle.write(data)
        return at


def write_pdf(canvas: Canvas, handle, cancel: Callable[[], bool] | None = None) -> None:
    """Format ``canvas``'s document object by object into ``handle``.

    Mirrors ``PDFDocument.GetPDFData`` + ``format`` (ReportLab 4-5) but streams, and
    drops each image's bytes once written. Unsupported features (encryption, digital
    signatures) fall back to ReportLab's own writer.
    """
    doc = canvas._doc
    if getattr(doc, "_digiSigs", None) or doc.encrypt.info():
        handle.write(canvas.getpdfdata())
        return
    for font in doc.delayedFonts:
        font.addObjects(doc)
    doc.info.invariant = doc.invariant
    doc.info.digest(doc.signature)
    doc.Reference(doc.Catalog)
    doc.Reference(doc.info)
    doc.Outlines.prepare(doc, canvas)
    if doc.Outlines.ready < 0:
        doc.Catalog.Outlines = None
    doc.encrypt.prepare(doc)
    cat = doc.Reference(doc.Catalog)
    info = doc.Reference(doc.info)
    ids = []
    out = doc.__accum__ = _StreamFile(handle, doc._pdfVersion)
    try:
        counter = 0
        while True:
            counter += 1
            if counter not in doc.numberToId:
                break
            oid = doc.numberToId[counter]
            obj = doc.idToObject[oid]
            doc.idToOffset[oid] = out.add(PDFIndirectObject(oid, obj).format(doc))
            ids.append(oid)
            if isinstance(obj, PDFImageXObject):
                obj.streamContent = b""  # written: let the bytes go
                if cancel is not None and counter % 25 == 0 and cancel():
                    raise ReportCancelled()
    finally:
        with contextlib.suppress(AttributeError):
            del doc.__accum__
    count = len(doc.numberToId)
    if counter - 1 != count:
        raise ValueError(f"PDF object count {counter - 1} != {count}")
    xref = PDFCrossReferenceTable()
    xref.addsection(0, ids)
    at = out.add(xref.format(doc))
    trailer = PDFTrailer(startxref=at, Size=count + 1, Root=cat, Info=info, Encrypt=None, ID=doc.ID())
    out.add(trailer.format(doc))


class ReportCanvas(Canvas):
    """Defines the page-count form at the end and saves by streaming."""

    cancel: Callable[[], bool] | None = None

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        total = self.getPageNumber() - 1
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(S.FONT, 7.5)
        self.setFillColor(S.MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        self.page_count = total
        with open(self._filename, "wb") as handle:
            write_pdf(self, handle, self.cancel)


class LazyJPEG(PDFImageXObject):
    """A JPEG image XObject that holds only its size until the file is written.

    The bytes are read once while the page is drawn (for the pixel size) and let go;
    :func:`write_pdf` formats the object, which reads them again, writes them and lets
    go again. So a report holds one photo at a time, however many it has.
    """

    def __init__(self, name: str, load: Callable[[], bytes | None]) -> None:
        super().__init__(name)
        self._load = load

    def format(self, document):
        data = self._load()
        if not data or _jpeg_size(data) != (self.width, self.height):
            data = _grey_jpeg(self.width, self.height)  # changed or gone since it was drawn
        self.streamContent = data
        try:
            return super().format(document)
        finally:
            self.streamContent = b""


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    from reportlab.pdfbase.pdfutils import readJPEGInfo

    try:
        info = readJPEGInfo(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - not a readable JPEG
        return None
    return info[0], info[1]


def _grey_jpeg(width: int, height: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (max(1, width), max(1, height)), (200, 204, 208)).save(out, "JPEG", quality=50)
    return out.getvalue()


def draw_jpeg(canv: Canvas, key: str, load: Callable[[], bytes | None], x: float, y: float, w: float,
              h: float) -> bool:
    """Place a JPEG, fitted into the box, without decoding it. Returns False when there
    is nothing to draw. Non-JPEG data goes through ReportLab's own (decoding) path."""
    doc = canv._doc
    reg = doc.getXObjectName(key)
    obj = doc.idToObject.get(reg)
    if obj is None:
        data = load()
        if not data:
            return False
        obj = LazyJPEG(key, load)
        if not obj.loadImageFromJPEG(io.BytesIO(data)):
            canv.drawImage(ImageReader(io.BytesIO(data)), x, y, w, h, preserveAspectRatio=True)
            return True
        obj.streamContent = b""
        obj.name = key
        doc.Reference(obj, reg)
        doc.addForm(key, obj)
    scale = min(w / obj.width, h / obj.height)
    dw, dh = obj.width * scale, obj.height * scale
    canv.saveState()
    canv.translate(x + (w - dw) / 2, y + (h - dh) / 2)
    canv.scale(dw, dh)
    canv._code.append(f"/{reg} Do")
    canv.restoreState()
    canv._formsinuse.append(key)
    return True


# -- flowables --------------------------------------------------------------------------


class Heading(Paragraph):
    """A heading that is also a PDF bookmark (outline entry) at its own position."""

    def __init__(self, text: str | None, style, bulletText=None, frags=None, *,  # noqa: N803 - Paragraph's names
                 outline: str | None = None, key: str = "", level: int = 0, closed: bool = False, **kw) -> None:
        # Paragraph.split makes its pieces through self.__class__(None, style, bulletText=,
        # frags=): a heading too long for one page must split like any paragraph.
        super().__init__(text, style, bulletText=bulletText, frags=frags, **kw)
        self.outline = outline
        self.key = key
        self.level = level
        self.closed = closed

    def draw(self) -> None:
        canv = self.canv
        if self.outline and self.key:
            done = canv.__dict__.setdefault("_schouw_outlines", set())
            if self.key not in done:
                done.add(self.key)
                _, top = canv.absolutePosition(0, self.height)
                canv.bookmarkPage(self.key, fit="XYZ", left=0, top=top + 8)
                canv.addOutlineEntry(self.outline, self.key, level=self.level, closed=self.closed)
        super().draw()


class ReportDoc(BaseDocTemplate):
    """A4 with a cover template and a normal template (header, footer with page count)."""

    def __init__(self, filename: str, *, header_left: str, header_right: str, footer_left: str,
                 page_of: str, lang: str, draw_cover: Callable[[Canvas], None] | None = None,
                 cover_frames: list[Frame] | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None, **meta) -> None:
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                         lang={"nl": "nl-NL", "en": "en-GB"}.get(lang, lang), **meta)
        self.header_left = header_left
        self.header_right = header_right
        self.footer_left = footer_left
        self.page_of = page_of
        self.progress = progress
        self.cancel = cancel
        self._total = 1
        body = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = []
        if draw_cover is not None:
            templates.append(PageTemplate("cover", cover_frames or [body], onPage=lambda c, d: draw_cover(c)))
        templates.append(PageTemplate("normal", [body], onPage=self._decorate))
        self.addPageTemplates(templates)
        self.setProgressCallBack(self._on_progress)

    def _on_progress(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._total = max(1, value)
        elif kind == "PROGRESS":
            if self.cancel is not None and self.cancel():
                raise ReportCancelled()
            # A split flowable puts its rest back in the queue, so the raw count can
            # step back; report the furthest point reached.
            self._done = max(getattr(self, "_done", 0), min(value, self._total))
            if self.progress is not None:
                self.progress(self._done, self._total)

    def _decorate(self, canv: Canvas, doc) -> None:
        canv.saveState()
        top = PAGE_H - MARGIN_TOP + 0.9 * cm
        canv.setFont(S.FONT, 7.5)
        canv.setFillColor(S.MUTED)
        canv.drawString(MARGIN_X, top, _fit(self.header_left, S.FONT, 7.5, FRAME_W * 0.62))
        canv.drawRightString(PAGE_W - MARGIN_X, top, _fit(self.header_right, S.FONT, 7.5, FRAME_W * 0.36))
        canv.setStrokeColor(S.RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, top - 5, PAGE_W - MARGIN_X, top - 5)
        bottom = MARGIN_BOTTOM - 1.0 * cm
        canv.line(MARGIN_X, bottom + 10, PAGE_W - MARGIN_X, bottom + 10)
        canv.drawString(MARGIN_X, bottom, _fit(self.footer_left, S.FONT, 7.5, FRAME_W * 0.7))
        reserve = canv.stringWidth("000", S.FONT, 7.5)
        right = PAGE_W - MARGIN_X - reserve
        label = self.page_of.format(page=canv.getPageNumber()) + " "
        canv.drawRightString(right, bottom, label)
        canv.translate(right, bottom)
        canv.doForm(PAGE_COUNT_FORM)
        canv.restoreState()

    def build_story(self, story: list[Flowable]) -> int:
        """Build and save; returns the number of pages."""
        maker = _canvas_maker(self.cancel)
        with binary_streams():
            self.build(story, canvasmaker=maker)
        return self.canv.page_count


def _canvas_maker(cancel):
    class _Canvas(ReportCanvas):
        pass

    _Canvas.cancel = staticmethod(cancel) if cancel else None
    return _Canvas


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


fit_text = _fit
