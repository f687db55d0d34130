"""The people dictionary in the coder: a bare name in a sentence codes as its person's actor."""

from __future__ import annotations

import pytest

from tacitus.actors.dictionary import tokenize


def triples(events):
    return {(e.source.code, e.cameo.code, e.target.code) for e in events}


def test_bare_surnames_of_past_leaders_code_as_their_governments(code):
    assert ("FRAGOV", "040", "DEUGOV") in triples(code("Mitterrand met Kohl."))
    assert ("FRAGOV", "041", "RUSGOV") in triples(code("Chirac telephoned Yeltsin on Tuesday."))
    events = code("President Gbagbo accused France of backing the rebels.")
    assert [(e.source.code, e.cameo.root, e.target.country) for e in events] == [("CIVGOV", "11", "FRA")]


@pytest.mark.parametrize("name", ["Gaddafi", "Gadhafi", "Qaddafi", "Kadhafi", "Muammar Qaddafi"])
def test_spelling_variants_give_the_same_person(code, name):
    events = code(f"{name} accused Washington of plotting against Libya.")
    assert ("LBYGOV", "112", "USAGOV") in triples(events)


def test_defence_ministers_are_govmil_like_the_role_words(code):
    assert ("USAGOVMIL", "051", "PAKGOV") in triples(code("Rumsfeld praised Musharraf."))
    assert ("RUSGOVMIL", "111", "IGOWSTNAT") in triples(code("Defence Minister Shoigu criticised NATO."))


def test_rebel_militant_and_igo_leaders_take_their_organisations_codes(code):
    assert ("LBNREB", "130", "ISR") in triples(code("Nasrallah threatened Israel with war."))
    assert ("IMGMUSAQD", "130", "USA") in triples(code("Osama bin Laden threatened the United States."))
    assert ("IGOWSTNAT", "020", "TURGOV") in triples(code("Stoltenberg urged Erdogan to approve Sweden's membership."))
    events = code("Savimbi accused the Angolan government of violating the ceasefire.")
    assert [(e.source.code, e.cameo.root, e.target.code) for e in events] == [("AGOREB", "11", "AGOGOV")]


def test_shared_surnames_and_common_words_need_the_full_name(code, coder):
    d = coder.dictionary
    # Two listed people with different codes: only full names are keys.
    for bare in ("Tshisekedi", "Fujimori", "Gandhi", "Castro", "Marcos", "Herzog", "Koizumi", "Rasmussen"):
        assert d.lookup(tokenize(bare)) is None, bare
    assert d.lookup(tokenize("Felix Tshisekedi")).code == "CODGOV"
    assert d.lookup(tokenize("Etienne Tshisekedi")).code == "CODOPP"
    assert d.lookup(tokenize("Keiko Fujimori")).code == "PEROPP"
    assert d.lookup(tokenize("Roman Herzog")).code == "DEUGOV"
    assert d.lookup(tokenize("Isaac Herzog")).code == "ISRGOV"
    # Surnames that are English words or places: full names only.
    for bare in ("Begin", "begin", "Major", "May", "Truss", "Montenegro"):
        entry = d.lookup(tokenize(bare))
        assert entry is None or entry.kind != "person", bare
    assert d.lookup(tokenize("Menachem Begin")).code == "ISRGOV"
    assert d.lookup(tokenize("Montenegro")).kind == "country"
    events = code("Felix Tshisekedi accused Kagame of backing M23 rebels.")
    assert ("CODGOV", "112", "RWAGOV") in triples(events)


@pytest.mark.parametrize("sentence, date, source", [
    ("Liam Fox accused Tony Blair of lying.", "2005-02-01", "GBROPP"),  # Tory co-chairman, in opposition
    ("Liam Fox accused Russia of lying.", "2011-03-01", "GBRGOVMIL"),  # defence secretary
    ("Peter Mandelson criticised China.", "2005-03-01", "IGOEUREEC"),  # EU trade commissioner
    ("Joe Biden criticised China.", "2018-06-01", "USAELI"),  # out of office
    ("Joe Biden criticised China.", "2022-06-01", "USAGOV"),
    ("Joe Biden criticised China.", None, "USAGOV"),  # no date: the entry's own code
])
def test_a_person_is_coded_by_the_role_held_on_the_publication_date(code, sentence, date, source):
    assert source in {e.source.code for e in code(sentence, date=date)}


def test_the_office_held_on_the_date_wins_over_the_party_named_beside_a_person(code):
    sentence = "Lib Dem Treasury spokesman Vince Cable criticised Gordon Brown."
    assert ("GBROPP", "111", "GBRGOV") in {(e.source.code, e.cameo.code, e.target.code) for e in code(sentence, date="2005-03-01")}
    undated = "Tory chairman Liam Fox accused Labour of lying."  # no date: the party the text gives him
    assert ("GBRPTY", "112", "GBRPTY") in {(e.source.code, e.cameo.code, e.target.code) for e in code(undated)}


def test_the_title_the_text_gives_a_person_wins_over_the_dated_role(code):
    # Blunkett was a backbencher on this date by the dictionary; the article calls him Home Secretary
    sentence = "Home Secretary David Blunkett criticised Russia."
    assert "GBRGOV" in {e.source.code for e in code(sentence, date="2005-03-01")}
    assert "GBRLEG" in {e.source.code for e in code("David Blunkett criticised Russia.", date="2005-03-01")}


def test_a_sentence_about_an_earlier_year_codes_people_as_they_were_then(code):
    # Saddam Hussein was out of office by 2017, but in a 2017 sentence about 1980 he was Iraq's ruler
    assert ("IRQGOV", "190", "IRN") in {(e.source.code, e.cameo.code, e.target.code)
                                        for e in code("Saddam Hussein attacked Iran in 1980.", date="2017-10-03")}
    assert ("IRQELI", "111", "IRN") in {(e.source.code, e.cameo.code, e.target.code)
                                        for e in code("Saddam Hussein criticised Iran.", date="2017-10-03")}
