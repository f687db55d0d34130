"""Behaviour of the CAMEO / PLOVER ontology tables and their API."""

from __future__ import annotations

import pytest

from tacitus import ontology
from tacitus.model import Cameo
from tacitus.ontology import OntologyError, UnknownCode


def test_arrest_code_record():
    c = ontology.cameo("173")
    assert c == Cameo(
        code="173", root="17", label="Arrest, detain, or charge with legal action", goldstein=-5.0, quad_class=4
    )
    assert ontology.label("173") == c.label
    assert ontology.root("173") == "17"


def test_all_twenty_roots_present_with_labels():
    roots = [c for c in ontology.codes() if len(c) == 2]
    assert roots == [f"{r:02d}" for r in range(1, 21)]
    assert ontology.label("19") == "Fight"
    assert ontology.label("20") == "Use unconventional mass violence"


def test_codes_are_strings_with_leading_zero():
    assert ontology.is_code("042")
    assert not ontology.is_code("42")
    assert not ontology.is_code(42)
    assert ontology.label("042") == "Make a visit"


def test_every_code_under_an_existing_parent():
    all_codes = set(ontology.codes())
    assert len(all_codes) > 300
    for c in all_codes:
        assert 2 <= len(c) <= 4
        if len(c) == 4:
            assert c[:3] in all_codes, c
        if len(c) == 3:
            assert c[:2] in all_codes, c


def test_1056_under_105_with_manual_meaning():
    # GDELT's label file runs 1056 and 106 together and relabels 105-108; the manual's structure holds.
    assert ontology.is_code("1056")
    assert ontology.root("1056") == "10"
    assert ontology.label("105") == "Demand that target yields"
    assert "de-escalation of military engagement" in ontology.label("1056")
    assert ontology.plover("1056") == ("REQUEST", "yield", ["military"])


def test_106_exists():
    assert ontology.is_code("106")
    assert ontology.label("106") == "Demand meeting, negotiation"
    assert ontology.cameo("106").goldstein == -5.0


def test_goldstein_inherited_where_gdelt_has_none():
    assert ontology.goldstein("1213") == ontology.goldstein("121") == -4.0
    assert ontology.goldstein("1951") == ontology.goldstein("195") == -10.0


def test_goldstein_range_and_signs():
    for c in ontology.codes():
        assert -10.0 <= ontology.goldstein(c) <= 10.0
    assert ontology.goldstein("057") > 0  # sign formal agreement
    assert ontology.goldstein("190") == -10.0


@pytest.mark.parametrize(
    "code, quad, penta",
    [
        ("010", 1, 0),
        ("0234", 1, 0),
        ("036", 1, 1),
        ("057", 1, 1),
        ("061", 2, 2),
        ("0841", 2, 2),
        ("091", 2, 3),  # root 09: GDELT material cooperation, penta verbal conflict
        ("112", 3, 3),
        ("138", 3, 3),
        ("141", 3, 4),  # root 14: GDELT verbal conflict, penta material conflict
        ("1451", 3, 4),
        ("154", 4, 4),
        ("163", 4, 3),  # root 16 is verbal conflict in penta
        ("173", 4, 4),
        ("2042", 4, 4),
    ],
)
def test_quad_class_and_penta(code, quad, penta):
    assert ontology.quad_class(code) == quad
    assert ontology.cameo(code).quad_class == quad
    assert ontology.penta(code) == penta


def test_penta_and_quad_for_whole_roots():
    for c in ontology.codes():
        if c.startswith("09"):
            assert ontology.penta(c) == 3 and ontology.quad_class(c) == 2
        if c.startswith("14"):
            assert ontology.penta(c) == 4 and ontology.quad_class(c) == 3


def test_plover_examples():
    assert ontology.plover("173") == ("COERCE", "arrest", ["legal"])
    assert ontology.plover("163")[0] == "SANCTION"
    assert ontology.plover("190")[0] == "ASSAULT"
    assert ontology.plover("186")[:2] == ("ASSAULT", "targeted")  # 0.8 "assassinate"
    assert ontology.plover("0842")[:2] == ("RETREAT", "release")  # 0.8 "return"
    assert ontology.plover("116")[:2] == ("SANCTION", "convict")
    assert ontology.plover("042")[:2] == ("CONSULT", "visit")


def test_plover_statements_and_appeals():
    assert ontology.plover("010") == (None, None, [])
    assert ontology.plover("016")[0] is None
    assert ontology.plover("019")[0] == "SUPPORT"
    for c in ontology.codes():
        if c.startswith("02"):
            assert ontology.plover(c)[0] == "REQUEST", c
    assert ontology.plover("0253") == ontology.plover("1053")


def test_every_code_03_to_20_has_a_plover_type():
    for c in ontology.codes():
        if c[:2] >= "03":
            assert ontology.plover(c)[0] in ontology.PLOVER_TYPES, c


def test_plover_uses_only_2_0_vocabulary():
    assert len(ontology.PLOVER_TYPES) == 16
    for old in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"):
        assert old not in ontology.PLOVER_TYPES
    for c in ontology.codes():
        typ, mode, contexts = ontology.plover(c)
        if mode is not None:
            assert mode in ontology.PLOVER_MODES[typ], c
            assert mode not in {"assassinate", "massacre", "cleansing", "return", "ban", "ease"}
        assert set(contexts) <= ontology.PLOVER_CONTEXTS, c


def test_plover_falls_back_to_parent(monkeypatch):
    # The shipped table has a row for every code; a table without a 4-digit row uses the parent's.
    partial = {c: v for c, v in ontology._plover_table().items() if c != "1056"}
    monkeypatch.setattr(ontology, "_plover_table", lambda: partial)
    assert ontology.plover("1056") == ontology.plover("105") == ("REQUEST", "yield", ["legal"])


def test_plover_returns_a_fresh_list():
    ctx = ontology.plover("173")[2]
    ctx.append("junk")
    assert ontology.plover("173")[2] == ["legal"]


@pytest.mark.parametrize("bad", ["999", "21", "1735", "", "0", "abc", None, 173])
def test_unknown_code_raises_naming_it(bad):
    with pytest.raises(UnknownCode) as err:
        ontology.cameo(bad)
    assert repr(bad) in str(err.value)
    assert isinstance(err.value, ValueError)
    for fn in (ontology.label, ontology.root, ontology.penta, ontology.quad_class, ontology.plover):
        with pytest.raises(UnknownCode):
            fn(bad)


def test_cameo_validator_names_file_line_and_code():
    text = '"17": {label: "Coerce", goldstein: -7.0}\n"173": {label: "Arrest", goldstein: -50}\n'
    with pytest.raises(OntologyError, match=r"cameo\.yaml line 2, code '173': goldstein"):
        ontology.parse_cameo(text)
    with pytest.raises(OntologyError, match=r"line 1, code 17: codes must be quoted"):
        ontology.parse_cameo('17: {label: "Coerce", goldstein: -7.0}\n')
    with pytest.raises(OntologyError, match=r"code '1731': parent '173'"):
        ontology.parse_cameo('"17": {label: "Coerce", goldstein: -7.0}\n"1731": {label: "X", goldstein: -5}\n')
    with pytest.raises(OntologyError, match="duplicate key '17'"):
        ontology.parse_cameo('"17": {label: "A", goldstein: 1}\n"17": {label: "B", goldstein: 1}\n')
    with pytest.raises(OntologyError, match="label"):
        ontology.parse_cameo('"17": {goldstein: 1}\n', "mine.yaml")


def test_plover_validator_names_file_line_and_code():
    with pytest.raises(OntologyError, match=r"plover\.yaml line 1, code '173': type 'ARREST'"):
        ontology.parse_plover('"173": {type: ARREST, mode: null, contexts: []}\n')
    with pytest.raises(OntologyError, match=r"code '186': mode 'assassinate'"):
        ontology.parse_plover('"186": {type: ASSAULT, mode: assassinate, contexts: []}\n')
    with pytest.raises(OntologyError, match="not a code of the CAMEO table"):
        ontology.parse_plover('"1739": {type: COERCE, mode: null, contexts: []}\n', {"173"})
    with pytest.raises(OntologyError, match="unknown context"):
        ontology.parse_plover('"173": {type: COERCE, mode: arrest, contexts: [democracy]}\n')
