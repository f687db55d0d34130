"""The coder's behaviour: sentence in → events out."""

from __future__ import annotations

from pathlib import Path

import pytest


def triples(events):
    return {(e.source.code, e.cameo.code, e.target.code) for e in events}


def test_arrest_with_reported_speech_and_pronoun(code):
    events = code("Poland's Internal Security Agency said on Thursday that it had detained a member of the Belarusian embassy.")
    [e] = events
    assert (e.source.code, e.cameo.code, e.target.code) == ("POLSPY", "173", "BLRGOV")
    assert e.reported_by is not None and e.reported_by.code == "POLSPY"
    assert e.modality == "reported"
    assert e.cameo.goldstein == -5.0 and e.cameo.quad_class == 4
    assert e.plover_type == "COERCE"


def test_reduced_relative_misparse_still_finds_the_subject(code):
    # The small model makes "announced" a clause hanging off "service", with no subject.
    events = code("The FSB secret service announced on Monday that it had detained an employee of the Japanese consulate general.")
    assert ("RUSSPY", "173", "JPNGOV") in triples(events)


def test_passive_voice_with_agent(code):
    events = code("A Japanese diplomat was arrested by the Russian police in Vladivostok.")
    assert ("RUSCOP", "173", "JPNGOV") in triples(events)


def test_persona_non_grata_and_definite_description(code):
    text = ("Poland detained a member of the Belarusian embassy on Thursday. "
            "The Polish Foreign Ministry declared the diplomat persona non grata.")
    assert ("POLGOV", "166", "BLRGOV") in triples(code(text))  # expelling a diplomat: CAMEO 166, PLOVER SANCTION


def test_capital_as_government_and_summons(code):
    events = code("Tokyo summoned the Russian ambassador over the arrest.")
    assert ("JPNGOV", "040", "RUSGOV") in triples(events)


def test_compound_subject_gives_one_event_per_member(code):
    events = code("Lithuania and Latvia expressed their solidarity with Warsaw.")
    assert {("LTU", "051", "POLGOV"), ("LVA", "051", "POLGOV")} <= triples(events)


def test_accusation_is_coded_not_the_alleged_attack(code):
    events = code("Baku accused Yerevan of opening fire first with small arms and mortars.")
    assert {(e.cameo.root, e.source.country, e.target.country) for e in events} == {("11", "AZE", "ARM")}


def test_negated_act_is_not_reported_as_happened(code):
    assert code("Russia did not attack Ukraine.") == []


def test_negated_cooperation_is_a_refusal(code):
    events = code("Germany will not provide weapons to Ukraine.")
    assert [e.cameo.root for e in events] == ["12"]


def test_hypothetical_is_not_an_event(code):
    assert code("The European Union could impose sanctions on Belarus.") == []


def test_intention_codes_as_intent(code):
    events = code("Washington said it was ready to help Armenia.")
    assert [(e.source.country, e.cameo.code[:2], e.target.country) for e in events] == [("USA", "03", "ARM")]


def test_threat_codes_the_threat_not_the_act(code):
    events = code("Belarus threatened to close the Polish consulate in Grodno.")
    assert [(e.cameo.root, e.target.country) for e in events] == [("13", "POL")]


def test_pronoun_resolves_to_the_titled_person(code):
    text = ("The Polish Foreign Ministry condemned the arrest. "
            "Foreign Minister Tomasz Nowicki accused Minsk of hostile activity. He also summoned the Belarusian charge d'affaires.")
    assert ("POLGOV", "040", "BLRGOV") in triples(code(text))


def test_both_sides_resolve_to_the_last_pair(code):
    text = "Armenia and Azerbaijan traded fire on the border. Russia called on both sides to show restraint."
    assert {("RUS", "ARM"), ("RUS", "AZE")} <= {(e.source.code, e.target.code) for e in code(text) if e.cameo.root == "02"}


def test_unknown_actor_stays_unknown_and_drops_the_event(coder):
    assert coder.code_text("He condemned the decision.") == []
    from tacitus.pipeline import Coder

    partial = Coder(keep_partial=True).code_text("He condemned the decision.")
    assert partial and partial[0].source.code == "" and partial[0].cameo.code == "111"


def test_an_actor_of_no_known_country_holds_its_event_back_unless_asked_for(coder):
    text = "Syrian rebels killed three villagers on Monday."
    assert coder.code_text(text) == []
    from tacitus.pipeline import Coder

    kept = Coder(bare_roles=True).code_text(text)
    assert [(e.source.code, e.cameo.code, e.target.code) for e in kept] == [("SYRREB", "190", "CVL")]


def test_a_role_the_whole_article_places_is_kept_by_default(code):
    article = ("MPs urged the government to redraft the bill on Monday.\n"
               "Gordon Brown told the BBC in London that Britain must save money.\n"
               "Tony Blair and Labour MPs in Westminster backed the plan, and Conservative peers in Edinburgh agreed.\n")
    assert ("GBRLEG", "020", "GBRGOV") in triples(code(article, date="2005-03-01"))


def test_names_that_only_take_their_context_country_make_no_home_or_theatre(code):
    # a British story whose sentences without events name Mr Blair "on Monday", "in Cabinet", "in June":
    # read without entities these were unresolved places that took a context country (USA, from "MPs"
    # read as Mount Pleasant, Texas) and made it the story's theatre
    from conftest import bbc_article

    record = bbc_article("bbc-politics-260")
    assert ("GBRLEG", "111", "GBRGOV") in triples(code(record["text"], date="2005-03-01"))


def test_sanctions_through_a_quantity_noun(code):
    events = code("The European Union has imposed several rounds of sanctions on Belarus.")
    assert [(e.cameo.code, e.target.code) for e in events] == [("163", "BLR")]


def test_user_lexicon_and_actor_files_extend_the_coder(tmp_path: Path):
    from tacitus.pipeline import Coder

    lexicon = tmp_path / "mine.yml"
    lexicon.write_text('verbs:\n  snub: {code: "110"}\n')
    actors = tmp_path / "actors.yml"
    actors.write_text("organisations:\n  - {code: NORBUS, name: Equinor, names: [Equinor]}\n")
    coder = Coder(lexicon_extra=[lexicon], actors_extra=[actors])
    assert ("FRA", "110", "RUS") in triples(coder.code_text("France snubbed Russia."))
    assert ("NORBUS", "111", "RUS") in triples(coder.code_text("Equinor condemned Russia."))


def test_bad_lexicon_entry_names_file_and_line(tmp_path: Path):
    from tacitus.events.lexicon import LexiconError, load_lexicon

    bad = tmp_path / "bad.yml"
    bad.write_text('verbs:\n  snub: {code: "999"}\n')
    with pytest.raises(LexiconError, match=r"bad.yml line 2.*'999' is not a CAMEO code"):
        load_lexicon([bad])


def test_a_user_lexicon_can_name_bombings_and_the_targets_a_sense_needs(tmp_path: Path):
    from tacitus.events.lexicon import LexiconError, load_lexicon
    from tacitus.pipeline import Coder

    mine = tmp_path / "mine.yml"
    mine.write_text('bombing_codes: {grenade: "183"}\n'
                    'verbs:\n  indulge:\n    - {code: "080", target_roles: [OPP]}\n    - {code: none}\n')
    coder = Coder(lexicon_extra=[mine])
    assert ("EGYGOV", "080", "EGYOPP") in triples(coder.code_text("The Egyptian government indulged the opposition."))
    assert not coder.code_text("The Egyptian government indulged Libya.")
    assert ("MLIUAF", "183", "MLICOP") in triples(coder.code_text("Two policemen were killed in a grenade attack in Mali."))
    bad = tmp_path / "bad.yml"
    bad.write_text('bombing_codes: {grenade: "999"}\n')
    with pytest.raises(LexiconError, match=r"bad.yml: bombing_codes.grenade: '999' is not a CAMEO code"):
        load_lexicon([bad])


def test_an_obligation_is_a_demand_not_an_act(code):
    events = code("Britain said Libya must hand over the suspects.")
    assert [(e.source.code, e.cameo.root, e.target.code) for e in events] == [("GBR", "10", "LBY")]


def test_one_sentence_many_events_each_with_its_own_span(code):
    events = code("Baku denied the claim and accused Yerevan of opening fire first.")
    spans = {(e.cameo.code, e.evidence_text) for e in events}
    assert len({s for _, s in spans}) == len(events) >= 2
    assert all(e.evidence_start < e.evidence_end for e in events)


def test_background_history_keeps_its_own_date(code_with_bare_roles):
    events = code_with_bare_roles("Poland and Belarus expelled diplomats in 2021.", date="2024-03-08")
    assert events and all(e.date == "2021" and e.date_precision == "year" for e in events)


def test_all_modalities_marks_what_did_not_happen(coder):
    from tacitus.pipeline import Coder

    everything = Coder(all_modalities=True)
    [negated] = everything.code_text("Russia did not attack Ukraine.")
    assert negated.negated and negated.plover_mode == "negation"
    [maybe] = everything.code_text("The European Union could impose sanctions on Belarus.")
    assert maybe.modality == "hypothetical" and maybe.plover_mode == "hypothetical"


def test_relative_clause_misparse_keeps_the_sentence_subject(code):
    text = "Armenia and Azerbaijan traded fire. Russia, which has peacekeepers stationed in the region, called on both sides to show restraint."
    assert {("RUS", "ARM"), ("RUS", "AZE")} <= {(e.source.code, e.target.code) for e in code(text)}


def test_lemmatizer_slip_does_not_hide_the_verb(code):
    # the small model lemmatizes "staged" as "stag"
    events = code("Ukrainian activists staged a protest in Moscow.")
    assert [(e.cameo.code, e.target.country) for e in events] == [("141", "RUS")]


def test_participle_with_by_names_the_doer(code):
    events = code("Assad, supported by Russia, attacked the rebels.")
    assert ("RUS", "051") in {(e.source.code, e.cameo.code) for e in events}
    assert ("SYRGOV", "190") in {(e.source.code, e.cameo.code) for e in events}


def test_content_of_a_claim_is_not_an_event(code):
    events = code("Poland demanded an admission by Moscow that Soviet forces murdered the prisoners.")
    assert all(e.cameo.root != "18" for e in events)


def test_a_person_keeps_the_code_of_the_first_full_mention(code):
    text = ("Japanese Foreign Minister Yoshimasa Hayashi condemned the arrest. "
            "Hayashi also summoned the Russian ambassador.")
    assert ("JPNGOV", "040", "RUSGOV") in triples(code(text))


def test_seat_of_government_acts_and_capital_as_a_place_does_not(code):
    events = code("The Kremlin condemned the sanctions imposed by the European Union.")
    assert ("RUSGOV", "111") in {(e.source.code, e.cameo.code) for e in events}
    protest = code("Thousands of Ukrainian protesters rallied against Russia in Kyiv.")
    assert [(e.source.country, e.target.code, (e.location or None) and e.location.name) for e in protest] == [("UKR", "RUS", "Kyiv")]


def test_hungarian_and_romanian_officials_are_two_actors(code):
    events = code("Hungarian and Romanian officials condemned Serbia.")
    assert {("HUNGOV", "SRB"), ("ROUGOV", "SRB")} <= {(e.source.code, e.target.code) for e in events}


def test_a_bare_role_takes_the_side_just_attacked(code):
    events = code("Azerbaijani forces shelled Armenian positions overnight, killing one soldier.")
    assert {("AZEMIL", "194", "ARMMIL"), ("AZEMIL", "190", "ARMMIL")} <= triples(events)


def test_passive_without_by_takes_the_attacker_from_the_attack(code):
    events = code("Three Syrian civilians were killed in an air strike by Russian forces.")
    assert ("RUSMIL", "190", "SYRCVL") in triples(events)


def test_allies_attacking_together_are_not_each_others_targets(code):
    assert code("Iranian-backed militias and Syrian forces stormed the town.") == []
    met = code("The US, Russia, and Switzerland met yesterday.")
    assert len({(e.source.code, e.target.code) for e in met}) == 6


def test_a_bare_role_in_an_article_about_one_country_is_that_countrys(code):
    article = ("Blair defends identity card plans\n\n"
               "Tony Blair has defended the plans in London, where Labour and Conservative MPs questioned the scheme.\n"
               "Gordon Brown told the BBC in Edinburgh that Britain needed the cards.\n"
               "MPs urged the government to redraft clauses in the bill.\n"
               "The chancellor criticised the Court of Appeal on Tuesday.")
    events = code(article, date="2005-03-01")
    coded = {(e.source.code, e.cameo.root, e.target.code) for e in events}
    assert ("GBRLEG", "02", "GBRGOV") in coded
    assert ("GBRGOV", "11", "GBRJUD") in coded
    assert {e.source.resolved_by for e in events if e.source.code == "GBRLEG"} == {"home"}


_BRITISH_STORY = ("Gordon Brown told the BBC in London that Britain must save money.\n"
                  "Tony Blair and Labour MPs in Westminster backed the plan, and Conservative peers in Edinburgh agreed.\n")


@pytest.mark.parametrize("before, after, triple", [
    pytest.param("MPs urged the government to redraft the bill on Monday.\n", "", ("GBRLEG", "020", "GBRGOV"),
                 id="a-role-before-the-country-shows-gets-the-whole-articles-home"),
    pytest.param("", "Tony Blair called on world leaders to support a vaccination campaign.", ("GBRGOV", "020", "GOV"),
                 id="roles-of-no-one-place-get-no-home"),
])
def test_the_home_country_of_a_british_story(code_with_bare_roles, before, after, triple):
    assert triple in triples(code_with_bare_roles(before + _BRITISH_STORY + after, date="2005-03-01"))


def test_a_place_is_of_the_country_the_article_puts_it_in(code):
    # "Somerset" alone is first a town in the United States; in a British story it is England's
    article = ("Charles Kennedy is in London today. British farmers protested in Somerset and Hampshire "
               "on Monday, rural seats where his party hopes to make gains from the Conservatives in Britain.")
    targets = {e.target.code for e in code(article, date="2005-03-01")}
    assert "GBR" in targets and "USA" not in targets


def test_an_article_about_two_countries_gives_bare_roles_no_home(code):
    article = ("Poland expelled two Belarusian diplomats on Monday. Belarus called the move hostile.\n"
               "Minsk said Warsaw had broken the Vienna Convention.\n"
               "The minister criticised the court on Tuesday.")
    assert not [e for e in code(article) if "home" in (e.source.resolved_by, e.target.resolved_by)]


def test_a_bare_role_at_home_is_the_target_before_a_foreign_body_further_on(code):
    article = ("Tories attack EU constitution claims\n\n"
               "Michael Ancram spoke in London on Tuesday. Labour MPs and Conservative peers in Westminster debated the treaty.\n"
               "Gordon Brown told the BBC in Edinburgh that Britain would hold a referendum.\n"
               "The Tory spokesman also criticised the government for claiming the EU constitution would make Europe easier to understand.")
    assert ("GBRPTY", "111", "GBRGOV") in triples(code(article, date="2005-03-01"))


def test_fighters_in_an_article_about_one_country_are_not_assumed_to_be_its_own(code_with_bare_roles):
    article = ("Britain will not help jihadist bride\n\n"
               "The Home Office in London said British ministers would not help Shamima Begum. Labour and "
               "Conservative MPs in Westminster backed the decision, and Britain's foreign secretary agreed.\n"
               "A Dutch fighter surrendered to fighters allied to the Syrian Democratic Forces.")
    events = code_with_bare_roles(article)
    assert events and not [e for e in events if "GBRREB" in (e.source.code, e.target.code)]


@pytest.mark.parametrize("article, date, triple", [
    pytest.param("Gen Musharraf held talks with Tony Blair on Monday. He arrived in Britain on Sunday night after flying "
                 "from the United States, where he met President George W Bush. He is due to visit the Pakistani "
                 "community in Manchester on Tuesday afternoon.", "2005-03-01", ("PAKGOV", "036", "PAKCVL"),
                 id="he-is-who-he-was-just-before-not-the-one-he-met"),
    pytest.param("Isis territory has been reduced, with Assad and his allies now controlling the west. De Mistura "
                 "reiterated a message he gave to the UN security council this week when he urged Russia and the US "
                 "to cooperate more closely in Syria.", "2017-10-10", ("IGOUNO", "020", "RUS"),
                 id="he-is-a-person-the-dictionaries-know-though-the-recogniser-says-org"),
])
def test_he_across_sentences(code, article, date, triple):
    assert triple in triples(code(article, date=date))


@pytest.mark.parametrize("text, reporter", [
    pytest.param("“Russia has expelled two British diplomats. We will respond,” the British foreign secretary said.", "GBRGOV",
                 id="a-quotation-closed-by-he-said-is-his"),
    pytest.param('The British foreign secretary said: "We will respond. Russia has expelled two British diplomats."', "GBRGOV",
                 id="a-quotation-opened-by-he-said-is-his"),
    pytest.param('The British foreign secretary said: "We will respond.\n\nRussia has expelled two British diplomats.', None,
                 id="a-paragraph-break-ends-an-open-quotation"),
    pytest.param("The UN adviser said: “There is hope for Idlib. The talks went on. The rebels left. Russia has expelled two British "
                 "diplomats.", None, id="a-quotation-never-closed-is-no-ones"),
])
def test_a_sentence_inside_a_quotation_is_reported_by_its_speaker(code, text, reporter):
    expelled = [e for e in code(text) if e.cameo.code == "166"]
    assert expelled and {(e.reported_by.code if e.reported_by else None) for e in expelled} == {reporter}
    assert {e.modality for e in expelled} == ({"reported"} if reporter else {"asserted"})


@pytest.mark.parametrize("text, reporter", [
    pytest.param("Russia has expelled two British diplomats, according to the UN.", "IGOUNO", id="according-to-x-after"),
    pytest.param("According to the British foreign secretary, Russia has expelled two British diplomats.", "GBRGOV",
                 id="according-to-x-before"),
    pytest.param("According to the agreement, Russia has expelled two British diplomats.", None,
                 id="according-to-terms-is-no-one-telling"),
])
def test_according_to_x_is_reported_by_x(code, text, reporter):
    expelled = [e for e in code(text) if e.cameo.code == "166"]
    assert expelled and {(e.reported_by.code if e.reported_by else None) for e in expelled} == {reporter}
    assert {e.modality for e in expelled} == ({"reported"} if reporter else {"asserted"})


def test_a_paragraphs_first_word_is_not_a_sentence_of_its_own(code):
    # the parser split "Turkey | has said ..." after a letter's signature and lost the subject
    text = ("We must not yet again betray the Kurds, a people committed to peace and democracy. Margaret Owen London\n\n"
            "Turkey has said it will invade and destroy the quasi-independent Kurdish enclave of Rojava in northern Syria.")
    events = [e for e in code(text) if e.cameo.root == "13"]
    assert events and all(e.sentence.startswith("Turkey has said") and e.source.code == "TUR" for e in events)
