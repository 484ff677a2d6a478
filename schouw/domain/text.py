"""Which characters text in schouw may hold, and how any text is made safe to show.

Control characters have no meaning in a street name or a description, but they do
harm where text goes: openpyxl refuses to write them (``IllegalCharacterError``), an
XML or PDF writer may choke on them, and ESC, BEL or CR printed to a terminal can move
the cursor, rewrite what is on screen or ring the bell (escape injection). So they are
refused wherever text comes in (app, CLI, package import) and escaped wherever text
goes out, for text that slipped in before this rule existed.

Refused: the C0 controls U+0000..U+001F (except TAB and LF in multi-line text such as
a description), DEL U+007F and the C1 controls U+0080..U+009F. CR is refused too: the
app and the CLI write line breaks as LF, and a lone CR is what overwrites a terminal
line.
"""

from __future__ import annotations

import re

from schouw.messages import SchouwError, render

_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MULTI_LINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _pattern(multiline: bool) -> re.Pattern[str]:
    return _MULTI_LINE if multiline else _SINGLE_LINE


def refused_character(text: str | None, *, multiline: bool = False) -> str | None:
    """The first character ``text`` may not hold, or None when it is clean."""
    if not text:
        return None
    found = _pattern(multiline).search(text)
    return found.group() if found else None


def char_name(char: str) -> str:
    """How a refused character is named in a message: ``U+001B``."""
    return f"U+{ord(char):04X}"


class TextRefused(SchouwError):
    """Text with a control character; names the field in the language it is shown in."""

    def __init__(self, field: str, char: str) -> None:
        self.field = field
        super().__init__("control_characters", what=field, char=char_name(char))

    def message(self, lang: str | None = None) -> str:
        return render(self.key, lang, **{**self.params, "what": render(f"field_{self.field}", lang)})


def require_clean(field: str, text: str | None, *, multiline: bool = False) -> None:
    """Refuse text with a control character; ``field`` is a column name (its label in
    the user's language is taken from the catalogue, ``field_<column>``)."""
    char = refused_character(text, multiline=multiline)
    if char is not None:
        raise TextRefused(field, char)


def printable(text: str | None, *, multiline: bool = True) -> str:
    """``text`` safe for any output: every refused character becomes a visible escape
    (``\\x1b``), so nothing is silently lost and nothing acts on the reader's screen or
    file. Single-line output also turns TAB and LF into spaces."""
    if not text:
        return text or ""
    if not multiline:
        text = text.replace("\t", " ").replace("\n", " ")
    return _pattern(multiline).sub(lambda m: f"\\x{ord(m.group()):02x}", text)


#: Columns whose text may span lines (TAB and LF allowed); every other text is one line.
MULTI_LINE_FIELDS = frozenset({"description", "notes", "status_reason", "note", "definition", "evaluation_note",
                               "outcome_note"})


def check_text(**fields: str | None) -> None:
    """The one text check for what a user records (a finding and its action, a
    round, a participant), for every way it is recorded or edited (CLI, the app's
    editor): keyword = column name."""
    for field, text in fields.items():
        require_clean(field, text, multiline=field in MULTI_LINE_FIELDS)
