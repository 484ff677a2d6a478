"""The dialogs of the *Indicatoren* view: define an indicator (new or edit) and record a
value (by hand with its source, or computed from a meting).

Both call the use cases of :mod:`schouw.services.indicators` — the same functions and the
same checks as ``schouw indicators add|set|value`` — and show a refusal in red next to the
field it is about, with the service's own sentence; the dialog stays open and nothing is
written. What changed goes to the change hub, from which the view refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.services import indicators as S
from schouw.services.changes import Changes
from schouw.ui import theme
from schouw.ui.dialogs import show_error
from schouw.ui.widgets import fit_on_screen, named, styled

Notify = Callable[[Changes, object], None]


def _number(parent: QWidget, name: str, accessible: str) -> QDoubleSpinBox:
    box = named(QDoubleSpinBox(parent), name, accessible)
    box.setRange(-1e9, 1e9)
    box.setDecimals(2)
    return box


def _year(parent: QWidget, name: str, accessible: str, value: int) -> QSpinBox:
    box = named(QSpinBox(parent), name, accessible)
    box.setRange(1900, 2200)
    box.setValue(value)
    return box


class _FieldErrors:
    """Red lines under fields, one per field key; ``show`` puts a service's refusal under
    the field it names and returns False when the refusal belongs to none."""

    def __init__(self, owner: QWidget, prefix: str, fields: dict[str, str], accessible: str):
        self.owner = owner
        self.accessible = accessible
        self.labels: dict[str, QLabel] = {}
        self.keys = fields  # message key -> field key
        self.prefix = prefix

    def wrap(self, field: str, widget: QWidget) -> QWidget:
        """The field with its (hidden) error line under it, for a form row."""
        box = QWidget(self.owner)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = named(QLabel(box), f"{self.prefix}{field[0].upper()}{field[1:]}Error", self.accessible)
        error.setWordWrap(True)
        theme.colour_text(error, theme.BELOW)
        error.hide()
        layout.addWidget(error)
        self.labels[field] = error
        return box

    def clear(self, *_args) -> None:
        for error in self.labels.values():
            error.clear()
            error.hide()

    def show(self, error: SchouwError) -> bool:
        field = self.keys.get(error.key)
        if field is None or field not in self.labels:
            return False
        self.clear()
        self.labels[field].setText(error.message())
        self.labels[field].show()
        return True

    def shown(self) -> dict[str, str]:
        """The error text per field that shows one (what a test reads)."""
        return {k: e.text() for k, e in self.labels.items() if not e.isHidden() and e.text()}


def area_choices(project) -> list[tuple[str, str]]:
    """(label, area text for the use case): the whole project, then every wijk and buurt."""
    out = [("", "")]
    out += [(f"{w.name} (wijk)", f"wijk:{w.name}") for w in project.areas.wijken()]
    out += [(f"{b.name} (buurt)", f"buurt:{b.name}") for b in project.areas.buurten()]
    return out


class IndicatorDialog(QDialog):
    """Nieuwe indicator… / Bewerken…: name, unit, area, direction, nulmeting (value,
    year, source), streefwaarde (value, year) and which share of a meting feeds it."""

    FIELDS = {"indicator_no_name": "name", "indicator_exists": "name", "indicator_unknown_area": "area",
              "indicator_target_before_baseline": "targetYear", "indicator_bad_direction": "direction",
              "indicator_bad_group": "group", "indicator_unknown": "name", "indicator_ambiguous": "name"}

    def __init__(self, session, notify: Notify, row: S.IndicatorRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.notify = notify
        self.row = row
        self.indicator_id: str | None = row.indicator.id if row else None
        title = self.tr("Indicator bewerken") if row else self.tr("Nieuwe indicator")
        named(self, "indicatorDialog", title)
        self.setWindowTitle(title)
        this_year = date.today().year
        self.errors = _FieldErrors(self, "indicator", self.FIELDS, self.tr("Foutmelding"))
        self.name_edit = named(QLineEdit(self), "indicatorName", self.tr("Naam"))
        self.name_edit.setPlaceholderText(self.tr("bijv. % inwoners dat zich onveilig voelt"))
        self.unit_edit = named(QLineEdit(self), "indicatorUnit", self.tr("Eenheid"))
        self.unit_edit.setPlaceholderText(self.tr("bijv. %"))
        self.area_combo = named(QComboBox(self), "indicatorArea", self.tr("Gebied"))
        self.area_combo.setEditable(True)
        # what is typed stays typed: never a new choice without an area behind it
        self.area_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for text, value in area_choices(session.project):
            self.area_combo.addItem(text or self.tr("Hele project"), value)
        self.direction_combo = named(QComboBox(self), "indicatorDirection", self.tr("Richting"))
        self.direction_combo.addItem(self.tr("Hoger is beter"), "up")
        self.direction_combo.addItem(self.tr("Lager is beter"), "down")
        self.baseline_value = _number(self, "indicatorBaseline", self.tr("Waarde van de nulmeting"))
        self.baseline_year = _year(self, "indicatorBaselineYear", self.tr("Jaar van de nulmeting"), this_year - 1)
        self.baseline_source = named(QLineEdit(self), "indicatorBaselineSource", self.tr("Bron van de nulmeting"))
        self.baseline_source.setPlaceholderText(self.tr("bijv. Veiligheidsmonitor 2022"))
        self.target_value = _number(self, "indicatorTarget", self.tr("Streefwaarde"))
        self.target_year = _year(self, "indicatorTargetYear", self.tr("Jaar van de streefwaarde"), this_year + 3)
        self.group_combo = named(QComboBox(self), "indicatorGroup", self.tr("Aandeel uit een meting"))
        self.group_combo.addItem(self.tr("Totaal (alle aspecten)"), "")
        self.group_combo.addItem(self.tr("Schoon"), "schoon")
        self.group_combo.addItem(self.tr("Heel"), "heel")
        self.aspect_edit = named(QLineEdit(self), "indicatorAspect", self.tr("Eén aspect (element.aspect)"))
        self.aspect_edit.setPlaceholderText(self.tr("leeg: de hele groep"))

        form = QFormLayout()
        form.addRow(self.tr("Naam"), self.errors.wrap("name", self.name_edit))
        form.addRow(self.tr("Eenheid"), self.unit_edit)
        form.addRow(self.tr("Gebied"), self.errors.wrap("area", self.area_combo))
        form.addRow(self.tr("Richting"), self.errors.wrap("direction", self.direction_combo))
        form.addRow(self.tr("Nulmeting"), self.baseline_value)
        form.addRow(self.tr("Jaar nulmeting"), self.baseline_year)
        form.addRow(self.tr("Bron nulmeting"), self.baseline_source)
        form.addRow(self.tr("Streefwaarde"), self.target_value)
        form.addRow(self.tr("Jaar streefwaarde"), self.errors.wrap("targetYear", self.target_year))
        form.addRow(self.tr("Uit een meting"), self.errors.wrap("group", self.group_combo))
        form.addRow(self.tr("Aspect"), self.aspect_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        self.save_button = styled(named(QPushButton(self.tr("Opslaan"), self), "indicatorSave",
                                        self.tr("Indicator opslaan")), role="primary")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, "indicatorCancel", self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if row is not None:
            self._fill(row)
        for signal in (self.name_edit.textChanged, self.area_combo.currentTextChanged,
                       self.baseline_year.valueChanged, self.target_year.valueChanged):
            signal.connect(self.errors.clear)
        fit_on_screen(self, 560, 560)

    def _fill(self, row: S.IndicatorRow) -> None:
        i = row.indicator
        self.name_edit.setText(i.name)
        self.unit_edit.setText(i.unit)
        area = f"{i.area_kind}:{row.area_name}" if i.area_kind else ""
        self.area_combo.setCurrentIndex(max(self.area_combo.findData(area), 0))
        self.direction_combo.setCurrentIndex(self.direction_combo.findData(i.direction.value))
        self.baseline_value.setValue(i.baseline_value)
        self.baseline_year.setValue(i.baseline_year)
        self.baseline_source.setText(i.baseline_source)
        self.target_value.setValue(i.target_value)
        self.target_year.setValue(i.target_year)
        self.group_combo.setCurrentIndex(max(self.group_combo.findData(i.aspect_group), 0))
        self.aspect_edit.setText(i.aspect)

    def area_text(self) -> str:
        """The area for the use case: a listed choice by its value, else what was typed
        (which the use case refuses when no wijk or buurt has that name)."""
        text = self.area_combo.currentText().strip()
        index = self.area_combo.findText(text)
        value = self.area_combo.itemData(index) if index >= 0 else None
        return value if isinstance(value, str) else text

    def values(self) -> dict:
        return {
            "name": self.name_edit.text(), "unit": self.unit_edit.text(), "area": self.area_text(),
            "direction": self.direction_combo.currentData(),
            "baseline": self.baseline_value.value(), "baseline_year": self.baseline_year.value(),
            "baseline_source": self.baseline_source.text(),
            "target": self.target_value.value(), "target_year": self.target_year.value(),
            "aspect_group": self.group_combo.currentData(), "aspect": self.aspect_edit.text(),
        }

    def accept(self) -> None:
        project = self.session.project
        try:
            with project.write():
                if self.indicator_id is None:
                    indicator, changes = S.add_indicator(project, **self.values())
                else:
                    indicator, changes = S.update_indicator(project, self.indicator_id, **self.values())
        except SchouwError as error:
            if not self.errors.show(error):
                show_error(self, error)
            return
        self.indicator_id = indicator.id
        self.notify(changes, self)
        super().accept()


class ValueDialog(QDialog):
    """Waarde toevoegen…: a value of a year by hand with its source, or computed from a
    meting (the rounds are listed with their kind; a knelpuntenschouw is refused by the
    use case, with its reason, next to the round)."""

    FIELDS = {"indicator_bad_year": "year", "indicator_round_not_meting": "round",
              "indicator_round_outside_area": "round", "indicator_round_nothing_judged": "round",
              "indicator_unknown_aspect": "round", "unknown_round": "round"}

    def __init__(self, session, notify: Notify, row: S.IndicatorRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.notify = notify
        self.row = row
        named(self, "indicatorValueDialog", self.tr("Waarde toevoegen"))
        self.setWindowTitle(self.tr("Waarde toevoegen: {name}").format(name=row.indicator.name))
        self.errors = _FieldErrors(self, "value", self.FIELDS, self.tr("Foutmelding"))
        self.by_hand = named(QRadioButton(self.tr("Met de hand, met bron"), self), "valueByHand",
                             self.tr("Waarde met de hand invoeren"))
        self.from_round = named(QRadioButton(self.tr("Berekend uit een meting"), self), "valueFromRound",
                                self.tr("Waarde berekenen uit een meting"))
        group = QButtonGroup(self)
        group.addButton(self.by_hand)
        group.addButton(self.from_round)
        self.by_hand.setChecked(True)
        self.year_spin = _year(self, "valueYear", self.tr("Jaar"), date.today().year)
        self.value_spin = _number(self, "valueValue", self.tr("Waarde"))
        if row.values:
            self.value_spin.setValue(row.values[-1].value)
        self.source_edit = named(QLineEdit(self), "valueSource", self.tr("Bron"))
        self.source_edit.setPlaceholderText(self.tr("bijv. Veiligheidsmonitor, CBS, meldingen"))
        self.round_combo = named(QComboBox(self), "valueRound", self.tr("Meting"))
        metingen = []
        for r in session.project.rounds.list():
            kind = self.tr("meting") if r["kind"] == "meting" else self.tr("knelpuntenschouw")
            if r["kind"] == "meting":
                metingen.append(self.round_combo.count())
            self.round_combo.addItem(f"{r['title'] or r['buurt']} — {r['date']} ({kind})", r["id"])
        if metingen:  # the newest meting first: the usual choice
            self.round_combo.setCurrentIndex(metingen[0])
        form = QFormLayout()
        form.addRow(self.by_hand)
        form.addRow(self.tr("Jaar"), self.errors.wrap("year", self.year_spin))
        form.addRow(self.tr("Waarde"), self.value_spin)
        form.addRow(self.tr("Bron"), self.source_edit)
        form.addRow(self.from_round)
        form.addRow(self.tr("Meting"), self.errors.wrap("round", self.round_combo))
        hint = QLabel(self.tr("Uit een meting: het aandeel op of boven de norm van de groep van de indicator, "
                              "met het kwaliteitsprofiel van vandaag; het jaar is dat van de meting."), self)
        hint.setWordWrap(True)
        theme.text_role(hint, "muted")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        self.save_button = styled(named(QPushButton(self.tr("Opslaan"), self), "valueSave",
                                        self.tr("Waarde opslaan")), role="primary")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, "valueCancel", self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.by_hand.toggled.connect(self._mode)
        for signal in (self.year_spin.valueChanged, self.round_combo.currentIndexChanged, self.by_hand.toggled):
            signal.connect(self.errors.clear)
        self._mode()
        fit_on_screen(self, 560, 420)

    def _mode(self, *_args) -> None:
        hand = self.by_hand.isChecked()
        for widget in (self.year_spin, self.value_spin, self.source_edit):
            widget.setEnabled(hand)
        self.round_combo.setEnabled(not hand)

    def accept(self) -> None:
        project = self.session.project
        indicator_id = self.row.indicator.id
        try:
            with project.write():
                if self.by_hand.isChecked():
                    _value, changes = S.set_value(project, indicator_id, year=self.year_spin.value(),
                                                  value=self.value_spin.value(), source=self.source_edit.text())
                else:
                    round_id = self.round_combo.currentData()
                    if round_id is None:
                        raise SchouwError("unknown_round", id="-")
                    _value, changes = S.value_from_round(project, indicator_id, round_id)
        except SchouwError as error:
            if not self.errors.show(error):
                show_error(self, error)
            return
        self.notify(changes, self)
        super().accept()
