"""Named organisations of organisations.yaml in coded sentences: sentence in → events out."""

from __future__ import annotations

import pytest


def triples(events):
    return {(e.source.code, e.cameo.code, e.target.code) for e in events}


def sources_and_targets(events):
    return {(e.source.code, e.target.code) for e in events}


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("UNITA rebels attacked Angolan troops.", "AGOREB", "AGOMIL"),
        ("The Irish Republican Army bombed a British army base.", "GBRREB", "GBRMIL"),  # CAMEO: GBRREB, not a region
        ("The Kosovo Liberation Army attacked Serbian police.", "KSVREB", "SRBCOP"),
        ("RUF rebels attacked ECOMOG troops in Freetown.", "SLEREB", None),
        ("The Lord's Resistance Army abducted children in northern Uganda.", "UGAREB", None),
        ("Lashkar-e-Toiba militants attacked Indian troops in Kashmir.", "PAKREB", "INDMIL"),  # a spelling variant
        ("The Contras attacked Sandinista troops.", "NICREB", "NICPTY"),
    ],
)
def test_armed_groups_code_as_their_country_rebels(code, text, source, target):
    events = code(text)
    assert events, text
    assert source in {e.source.code for e in events}
    if target is not None:
        assert (source, target) in sources_and_targets(events)


def test_peshmerga_fight_the_islamic_state(code):
    events = code("Kurdish Peshmerga forces attacked Islamic State fighters near Mosul.")
    assert ("IRQMIL", "190", "IMGMUSISI") in triples(events)


def test_named_institutions_keep_their_country(code):
    # "Congress" alone is the US Congress and "Security Council" the UN's: the named forms win.
    assert ("PERLEG", "VEN") in sources_and_targets(code("Peru's Congress condemned Venezuela."))
    assert ("BRALEG", "ISR") in sources_and_targets(code("Brazil's National Congress condemned Israel."))
    assert ("RUSGOVMIL", "UKR") in sources_and_targets(code("Russia's Security Council warned Ukraine."))
    assert ("HKGLEG", "GBR") in sources_and_targets(code("Hong Kong's Legislative Council condemned Britain."))


def test_news_agencies_are_media_of_their_country(code):
    assert [e.source.code for e in code("Xinhua criticised the United States.")] == ["CHNMED"]
    # with the role word after the name the code is the same
    assert ("CHNMED", "JPN") in sources_and_targets(code("China's Xinhua news agency accused Japan of provocation."))


def test_ngos_follow_the_amnesty_convention(code):
    assert ("NGODEV", "111", "ISR") in triples(code("Oxfam condemned Israel."))
    assert ("NGOREF", "SDNMIL") in sources_and_targets(code("The Norwegian Refugee Council criticised Sudan's army."))


def test_a_shared_acronym_is_the_organisation_of_the_country_the_article_is_about(code):
    british = ("BNP candidate suspended\n\n"
               "The UK Independence Party suspended a candidate in London after he attended a meeting of the BNP "
               "in Leeds. Labour and Tory MPs in Westminster condemned him.\n"
               "Labour accused the BNP of racism.")
    bangladeshi = ("Dhaka protests\n\n"
                   "Police in Dhaka arrested opposition activists in Bangladesh on Monday. The Awami League "
                   "government in Chittagong was criticised.\n"
                   "The BNP accused the government of repression.")
    assert ("GBRPTY", "112", "GBRPTY") in {(e.source.code, e.cameo.code, e.target.code) for e in code(british)}
    assert ("BGDPTY", "112", "BGDGOV") in {(e.source.code, e.cameo.code, e.target.code) for e in code(bangladeshi)}
    assert not code("The BNP accused the government of repression.")  # about no one country: unknown
