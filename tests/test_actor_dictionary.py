"""Behaviour of the actor dictionaries (countries, agents, organisations, people) and their matcher."""

from __future__ import annotations

import time
from pathlib import Path

import pycountry
import pytest

from tacitus.actors.dictionary import ActorDictionary, DictionaryError, tokenize


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return ActorDictionary.load()


def code(d: ActorDictionary, text: str) -> str | None:
    e = d.lookup(tokenize(text))
    return e.code if e else None


@pytest.mark.parametrize(
    "text, expected, kind",
    [
        ("Japanese", "JPN", "demonym"),
        ("Russians", "RUS", "demonym"),
        ("Belarusian", "BLR", "demonym"),
        ("Belarussian", "BLR", "demonym"),
        ("Azerbaijani", "AZE", "demonym"),
        ("Azeri", "AZE", "demonym"),
        ("Chinese", "CHN", "demonym"),
        ("British", "GBR", "demonym"),
        ("Dutch", "NLD", "demonym"),
        ("Turkish", "TUR", "demonym"),
        ("Americans", "USA", "demonym"),
        ("Poles", "POL", "demonym"),
        ("Kosovar", "KSV", "demonym"),
        ("Moscow", "RUS", "capital"),
        ("Yerevan", "ARM", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Ramallah", "PSE", "capital"),
        ("the Kremlin", "RUSGOV", "seat"),
        ("White House", "USAGOV", "seat"),
        ("the Élysée", "FRAGOV", "seat"),
        ("Elysee", "FRAGOV", "seat"),
        ("the Pentagon", "USAMIL", "seat"),
        ("the Knesset", "ISRLEG", "seat"),
        ("FSB", "RUSSPY", "organisation"),
        ("Internal Security Agency", "POLSPY", "organisation"),
        ("ABW", "POLSPY", "organisation"),
        ("KGB", "BLRSPY", "organisation"),
        ("Hamas", "PSEREBHMS", "organisation"),
        ("Islamic State", "IMGMUSISI", "organisation"),
        ("United Nations", "IGOUNO", "igo"),
        ("UN", "IGOUNO", "igo"),
        ("European Union", "IGOEUREEC", "igo"),
        ("NATO", "IGOWSTNAT", "igo"),
        ("Nato", "IGOWSTNAT", "igo"),
        ("G7", "IGOGOS", "igo"),
        ("Interpol", "IGOCOPITP", "igo"),
        ("Putin", "RUSGOV", "person"),
        ("US", "USA", "country"),
        ("the UK", "GBR", "country"),
        ("Russia", "RUS", "country"),
        ("South Korea", "KOR", "country"),
        ("North Korea", "PRK", "country"),
        ("Ivory Coast", "CIV", "country"),
        ("Burma", "MMR", "country"),
        ("Kosovo", "KSV", "country"),
        ("Taiwan", "TWN", "country"),
        ("Holy See", "VAT", "country"),
        ("Palestine", "PSE", "country"),
        ("spokesmen", "GOV", "role"),
        ("consulate general", "GOV", "role"),
        ("intelligence service", "SPY", "role"),
        ("border guards", "MIL", "role"),
        ("riot police", "COP", "role"),
        ("lawmakers", "LEG", "role"),
    ],
)
def test_phrases(d: ActorDictionary, text: str, expected: str, kind: str) -> None:
    e = d.lookup(tokenize(text))
    assert e is not None, text
    assert (e.code, e.kind) == (expected, kind)


def test_entry_fields(d: ActorDictionary) -> None:
    fsb = d.lookup(["FSB"])
    assert fsb.country == "RUS" and fsb.agents == ("SPY",) and fsb.name == "Federal Security Service"
    assert fsb.source == "organisations.yaml"
    assert d.lookup(["Kremlin"]).agents == ("GOV",)
    role = d.lookup(["diplomats"])
    assert role.code == "GOV" and role.country == "" and role.agents == ("GOV",)
    un = d.lookup(["UN"])
    assert un.country == "IGOUNO" and un.agents == ()
    assert d.lookup(["Russians"]).name == "Russia"


def test_acronyms_match_only_in_exact_case(d: ActorDictionary) -> None:
    for word in ("us", "in", "it", "who", "un", "Us", "fsb"):
        assert d.lookup([word]) is None, word
    assert code(d, "US") == "USA"
    assert code(d, "FR") == "FRA" and code(d, "UA") == "UKR"
    assert code(d, "WHO") == "IGOUNOHLHWHO"


def test_iso2_codes_that_are_common_abbreviations_are_not_countries(d: ActorDictionary) -> None:
    # "the AG", an "MP", "IT", "AI", "TV": not_country_codes in countries.yaml
    for abbreviation in ("AG", "IT", "AI", "PM", "MD", "PE"):  # (PE: physical education)
        assert d.lookup([abbreviation]) is None, abbreviation
    assert code(d, "MP") == "LEG"  # a member of parliament, not the Northern Mariana Islands
    assert code(d, "TV") == "MED"  # television, not Tuvalu
    assert code(d, "Italy") == "ITA" and code(d, "Antigua and Barbuda") == "ATG"


def test_common_words_do_not_match_in_lowercase(d: ActorDictionary) -> None:
    assert d.lookup(["turkey"]) is None
    assert d.lookup(["polish"]) is None
    assert d.lookup(["congress"]) is None
    assert code(d, "Turkey") == "TUR" and code(d, "TURKEY") == "TUR"
    assert code(d, "russia") == "RUS"  # other names are case-insensitive


def test_kosovo_is_not_serbia(d: ActorDictionary) -> None:
    assert code(d, "Kosovo") == "KSV"
    assert code(d, "Kosovars") == "KSV"
    assert d.country("KSV").name == "Kosovo"
    assert d.country("XKX").code == "KSV"
    assert d.is_country_code("KSV")


def test_every_pycountry_country_resolves(d: ActorDictionary) -> None:
    # Organisation acronyms that collide with an ISO-3 code win in text (documented in countries.yaml).
    taken_by_organisations = {"ABW", "NLD"}
    for c in pycountry.countries:
        assert d.is_country_code(c.alpha_3)
        assert d.country(c.alpha_3).code == c.alpha_3
        assert code(d, c.name) == c.alpha_3, c.name
        if c.alpha_3 not in taken_by_organisations:
            assert code(d, c.alpha_3) == c.alpha_3, c.alpha_3


def test_every_un_member_has_a_demonym(d: ActorDictionary) -> None:
    import yaml

    from tacitus.actors.dictionary import DATA_DIR

    data = yaml.safe_load((DATA_DIR / "countries.yaml").read_text(encoding="utf-8"))["countries"]
    un_members = 193
    observers = {"VAT", "PSE"}
    with_demonym = {k for k, v in data.items() if v.get("demonyms") or v.get("shared")}
    assert len(with_demonym) >= un_members + len(observers)
    assert observers <= with_demonym
    for code_ in ("TWN", "HKG", "KSV", "ESH"):
        assert code_ in with_demonym


def test_normalisation(d: ActorDictionary) -> None:
    assert code(d, "Côte d’Ivoire") == "CIV"
    assert code(d, "Cote d'Ivoire") == "CIV"
    assert code(d, "Guinea-Bissau") == "GNB"
    assert d.lookup(["Guinea", "-", "Bissau"]).code == "GNB"
    assert d.lookup(["Russia", "'s"]).code == "RUS"
    assert d.lookup(["Russia’s"]).code == "RUS"
    assert d.lookup(["People", "'s", "Liberation", "Army"]).code == "CHNMIL"
    assert d.lookup(["the", "Kremlin"]).code == "RUSGOV"


def test_longest_match(d: ActorDictionary) -> None:
    words = ["the", "Japanese", "consulate", "general"]
    end, entry = d.longest_match(words, 0)
    assert (end, entry.code, entry.kind) == (2, "JPN", "demonym")
    end, entry = d.longest_match(words, 2)
    assert (end, entry.code, entry.name) == (4, "GOV", "consulate general")
    words = ["Poland", "'s", "Internal", "Security", "Agency", "said"]
    assert d.longest_match(words, 0)[0] == 1
    assert d.longest_match(words, 2) == (5, d.lookup(["ABW"]))
    assert d.longest_match(["the", "United", "Nations", "Security", "Council"], 0)[0] == 5
    assert d.longest_match(["said", "the", "us"], 2) is None
    assert d.max_words >= 5


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "organisations:\n"
        "  - {code: USASPY, name: Office of Strategic Services, names: [OSS]}\n"
        "  - {code: RUSMIL, name: FSB border service, names: [FSB]}\n"
        "seats:\n"
        "  JPNGOV: [Kantei of Japan]\n",
        encoding="utf-8",
    )
    d2 = ActorDictionary.load(extra=[extra])
    oss = d2.lookup(["OSS"])
    assert oss.code == "USASPY" and oss.source == str(extra)
    assert d2.lookup(["FSB"]).code == "RUSMIL"
    assert d2.lookup(["SVR"]).code == "RUSSPY"  # the rest of the package entry stays
    assert d2.lookup(tokenize("Kantei of Japan")).code == "JPNGOV"


def test_a_user_file_extends_the_word_lists(tmp_path: Path) -> None:
    from tacitus.pipeline import Coder

    extra = tmp_path / "words.yaml"
    extra.write_text("dwelling_nouns: [farm]\n", encoding="utf-8")
    sentence = "Israeli troops shelled Palestinian farms."
    assert "farm" in ActorDictionary.load(extra=[extra]).words["dwelling_nouns"]
    assert "farm" not in ActorDictionary.load().words["dwelling_nouns"]
    coded = {e.target.code for e in Coder(actors_extra=[extra]).code_text(sentence)}
    assert "PSECVL" in coded  # the farms now stand for the people who live there


@pytest.mark.parametrize(
    "body, line, problem",
    [
        ("organisations:\n  - {code: RUSXYZ, name: Thing}\n", 2, "unknown agent code 'XYZ'"),
        ("organisations:\n  - {code: QQQSPY, name: Thing}\n", 2, "bad country code 'QQQ'"),
        ("igos:\n  - name: Thing\n    names: [TT]\n", 2, "missing field 'code'"),
        ("countries:\n  ZZZ: {demonyms: [Zed]}\n", 2, "bad country code 'ZZZ'"),
        ("roles:\n  GOV: [minion]\n  FOO: [thing]\n", 3, "unknown agent code in role 'FOO'"),
        ("organisations:\n  - {code: RUSSPY, name: X, nmaes: [Y]}\n", 2, "unknown field 'nmaes'"),
        ("organisations:\n  - {code: RUSSPY, name: [X\n", 3, "invalid YAML"),
        ("people:\n  - name: A B\n    code: GBRGOV\n    roles:\n      - {code: GBROPP, until: 2010-13}\n", 5, "bad date '2010-13'"),
        ("people:\n  - name: A B\n    code: GBRGOV\n    roles:\n      - {code: GBROPP, from: 2011, until: 2010}\n", 5, "ends before it begins"),
        ("people:\n  - name: A B\n    code: GBRGOV\n    roles:\n      - {code: GBRXYZ, from: 2011}\n", 5, "unknown agent code 'XYZ'"),
        ("shared_peoples:\n  basque: [ESP, FRX]\n", 2, "'FRX' is not an ISO-3 country code"),
    ],
)
def test_malformed_user_file(tmp_path: Path, body: str, line: int, problem: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        ActorDictionary.load(extra=[bad])
    assert err.value.file == str(bad)
    assert err.value.line == line
    assert problem in str(err.value)
    assert f"{bad}:{line}:" in str(err.value)


def test_load_is_quick_enough_to_print() -> None:
    t = time.perf_counter()
    ActorDictionary.load()
    print(f"ActorDictionary.load: {time.perf_counter() - t:.3f}s")  # reported, not asserted


def test_a_persons_dated_roles_follow_the_publication_date(tmp_path: Path) -> None:
    """A person coded by the role held when the article was published; the entry's own code when
    the date is unknown or falls in no listed period."""
    from tacitus.pipeline import Coder

    extra = tmp_path / "people.yaml"
    extra.write_text(
        "people:\n"
        "  - name: Alan Testperson\n"
        "    code: GBRGOVMIL\n"
        "    roles:\n"
        "      - {code: GBROPP, until: 2010-05-11}\n"
        "      - {code: GBRGOVMIL, from: 2010-05-12, until: 2011-10}\n",
        encoding="utf-8")
    coder = Coder(actors_extra=[extra])
    sentence = "Alan Testperson accused Russia of lying."

    def source(date: str | None) -> set[str]:
        return {e.source.code for e in coder.code_text(sentence, date=date)}

    assert source("2005-03-01") == {"GBROPP"}
    assert source("2011-10-31") == {"GBRGOVMIL"}  # "2011-10" runs to the month's last day
    assert source("2015-06-01") == {"GBRGOVMIL"}  # no period holds it: the entry's own code
    assert source(None) == {"GBRGOVMIL"}

