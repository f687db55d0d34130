"""Companies of organisations.yaml's business block in coded sentences: sentence in → events out."""

from __future__ import annotations

import pytest


def triples(events):
    return {(e.source.code, e.cameo.code, e.target.code) for e in events}


def codes(events):
    return {e.source.code for e in events} | {e.target.code for e in events}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gazprom cut gas supplies to Ukraine.", ("RUSBUS", "162", "UKR")),
        ("Ukraine accused Gazprom of blackmail.", ("UKR", "112", "RUSBUS")),
        ("Houthi rebels attacked Aramco.", ("YEMREB", "190", "SAUBUS")),
        ("Rosneft signed an agreement with China's CNPC.", ("RUSBUS", "057", "CHNBUS")),
        ("The US imposed sanctions on Huawei.", ("USA", "163", "CHNBUS")),
        ("Nigerian villagers sued Royal Dutch Shell.", ("NGACVL", "115", "GBRBUS")),  # Shell only under its full names
        ("Iranian forces shot down a Ukraine International Airlines jet.", ("IRNMIL", "190", "UKRBUS")),
    ],
)
def test_companies_code_as_business_of_their_headquarters_country(code, text, expected):
    assert expected in triples(code(text))


def test_gm_is_neither_gambia_nor_a_company(code):
    # GM is Gambia's ISO two-letter code, General Motors' initials and "genetically modified"
    assert ("ITABUS", "057", "USABUS") in triples(code("Fiat reached an agreement with General Motors."))
    events = code("The European Commission banned GM crops from France.")
    assert events and not codes(events) & {"USABUS", "GMB"}


def test_the_central_bank_is_not_the_commercial_bank_named_inside_it(code):
    assert ("CHNGOVBUS", "111", "USA") in triples(code("The People's Bank of China criticised the United States."))
    assert ("CHNBUS", "111", "USA") in triples(code("The Bank of China criticised the United States."))


def test_creditor_clubs_are_not_their_cities(code):
    assert ("NGA", "057", "IGOBUS") in triples(code("Nigeria reached a debt deal with the Paris Club."))
    assert ("ARG", "046", "MNCBUS") in triples(code("Argentina negotiated with the London Club."))
    # a football club of London stays London: "Club" needs its capital
    events = code("The London club Chelsea signed an agreement with Russia.")
    assert ("GBR", "057", "RUS") in triples(events)
    assert "MNCBUS" not in codes(events)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A shell hit the building, killing two civilians.", ("UAF", "190", "CVL")),  # not Shell plc
        ("Polish apple growers protested against Russia's ban.", ("POL", "141", "RUS")),  # not Apple Inc
    ],
)
def test_common_words_are_not_companies(code_with_bare_roles, text, expected):
    events = code_with_bare_roles(text)
    assert expected in triples(events)
    assert not any(c.endswith("BUS") for c in codes(events))
