"""Noun phrase → CAMEO actor code, from the dictionary entries found in the phrase.

"Poland's Internal Security Agency" → POLSPY, "the Japanese consulate general" → JPNGOV,
"a spokesman for the Belarusian Foreign Ministry" → BLRGOV (a role-only head takes the country
of its "of/for" complement), "Moscow" acting → RUSGOV.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from spacy.tokens import Token

from tacitus.actors.dictionary import ActorDictionary, ActorEntry
from tacitus.events.grammar import proper_name
from tacitus.model import ActorRef, actor_code
from tacitus.places import name_key
from tacitus.situating import ARTICLE_PLACES

# Modifier relations whose words belong to the actor phrase left of its head.
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "npadvmod", "case", "punct", "quantmod", "advmod", "prep", "pobj", "cc", "conj"}
# Complements that say whose a role-only head is ("a member of the embassy", "spokesman for").
_OWNER_PREPS = {"of", "for", "from", "at"}
_COUNTRYISH = {"country", "demonym", "capital"}
_NAMED = {"organisation", "igo", "seat", "person"}
# Heads that are institutions of their own: a name before them qualifies, it does not absorb them
_INSTITUTION_ROLES = {"EDU", "HLH", "MED", "BUS", "REL"}
# Offices a title gives a named person ("Home Secretary David Blunkett", "Defence Minister Shoigu").
_TITLE_ROLES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
# Roles that say little about whom a person works for: "an employee of the consulate" is the consulate's.
_GENERIC_ROLES = {"LAB", "CVL", "PPL"}


@dataclass
class Mention:
    """An actor found at a token, with the entries that made it."""

    actor: ActorRef
    head: Token
    entries: tuple[ActorEntry, ...]
    is_person: bool = False
    is_plural: bool = False
    as_source: bool = False  # it was the subject of a clause or the source of an event


def looks_like_person(tok: Token, honorifics: frozenset[str] = frozenset()) -> bool:
    """A person's name: the entity recogniser says so, or (it runs only on sentences with a trigger)
    a proper noun it left unlabelled with a first name or an honorific before it ("Robert Jackson",
    "Ms King")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "PERSON"):
        return False
    if tok.ent_type_ == "PERSON":
        return True
    return any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i == tok.i - 1 for c in tok.lefts) or (
        tok.i > 0 and tok.nbor(-1).lower_.rstrip(".") in honorifics)


def _one_of_a_people(head: Token, entries: list[tuple[ActorEntry, list[Token]]]) -> bool:
    """Is the phrase one person named by a people's noun ("the Briton", "a Frenchman"), not the
    people as a state ("the Russians attacked")?"""
    return head.tag_ in ("NN", "NNP") and head.text[:1].isupper() and any(
        e.kind == "demonym" and head in toks for e, toks in entries) and (
        head.i > 0 and head.doc[head.i - 1].lower_ in ("a", "an", "the", "one"))


_DASHES = ("-", "–", "—")


def _named_before_a_dash(head: Token) -> Token | None:
    """The name a phrase opens with when a spaced dash follows it ("Iran - Opec's second-biggest oil
    producer"): the last word of that name, if the name is short."""
    tokens = sorted(head.subtree, key=lambda t: t.i)
    for tok in tokens[1:5]:
        if tok.text in _DASHES and tok.whitespace_ and tok.doc[tok.i - 1].whitespace_:
            name = tok.doc[tok.i - 1]
            words = [t for t in tokens if t.i < tok.i]
            if name != head and all(t.pos_ in ("PROPN", "DET") for t in words) and name.pos_ == "PROPN":
                return name
            return None
    return None


def phrase_tokens(head: Token) -> list[Token]:
    """The head with its left modifiers (and their subtrees): the actor phrase."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in _PHRASE_DEPS or child.dep_ == "appos":
            tokens.extend(child.subtree)
    for child in head.rights:
        # Flat names and hyphenated compounds to the right of a mis-chosen head.
        if child.dep_ in ("compound", "flat", "appos") and child.i == head.i + 1:
            tokens.extend(child.subtree)
    return sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)


def _words(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens if t.tag_ != "POS" and t.text not in ("'s", "’s", "'", "’")]


# Participles of holding a place: "rebel-held positions" are the holders' (PhraseResolver._held_by).
_HOLDING_LINKS = {"occupied", "held", "controlled", "run"}
_LOOSE_LINKS = {"linked", "backed", "allied", "affiliated", "inspired", "sponsored", "aligned", "friendly", "leaning",
                "born", "ruled"} | _HOLDING_LINKS  # ("UK-based firm": of the UK)


_STANCE_PREFIXES = {"pro", "anti"}


def _loosely_linked(tokens: list[Token]) -> bool:
    """ "Al-Qaeda-linked rebels", "Russian-backed separatists", "pro-Russia rebels", "anti-Syria
    journalist": the name only qualifies the actor."""
    first, last = tokens[0], tokens[-1]
    doc = last.doc
    before = [doc[i].lower_ for i in range(max(first.i - 2, 0), first.i)]
    if before[-1:] and (before[-1] in _STANCE_PREFIXES or (before[-1] == "-" and before[-2:-1] and before[-2] in _STANCE_PREFIXES)):
        return True
    nxt = [doc[i] for i in range(last.i + 1, min(last.i + 3, len(doc)))]
    words = [t.lower_.lstrip("-") for t in nxt]
    if words and words[0] in _LOOSE_LINKS and nxt[0].pos_ in ("VERB", "AUX") and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.head == nxt[0] for t in tokens):
        return False  # "Russia held talks": the name is the subject of the verb, not "Russia-held"
    if words and nxt[0].dep_ == "acl" and nxt[0].head == last:
        return False  # "a newspaper based in Beirut": the participle describes this very phrase
    return bool(words) and (words[0] in _LOOSE_LINKS or (words[0] == "" and len(words) > 1 and words[1] in _LOOSE_LINKS))


def match_entries(dictionary: ActorDictionary, tokens: list[Token]) -> list[tuple[ActorEntry, list[Token]]]:
    """Dictionary entries found in the phrase, longest first at each position, left to right."""
    kept = [t for t in tokens if t.tag_ != "POS" and t.text not in ("'s", "’s", "'", "’")]
    words = [t.text for t in kept]
    found: list[tuple[ActorEntry, list[Token]]] = []
    i = 0
    while i < len(words):
        hit = dictionary.longest_match(words, i)
        if hit:
            end, entry = hit
            if (entry.kind == "role" and end == i + 1 and kept[i].tag_ == "JJ"
                    and kept[i].lower_ in dictionary.words["adjective_homonyms"]):
                i = end  # "a firm but fair policy": an adjective, not a company
                continue
            if entry.kind == "role" and end == i + 1 and _first_name(kept[i], dictionary.words["given_names"]):
                i = end  # "Christian Lacroix": a name, not a Christian
                continue
            if entry.kind == "country" and dictionary.is_region_code(entry.code) and _starts_a_longer_name(kept[i:end]):
                i = end  # "West Darfur State" is a place in Sudan, not the West
                continue
            if entry.kind in ("country", "demonym") and (_names_a_feature(kept[end - 1], dictionary.words["feature_nouns"])
                                                          or _qualifies_a_thing(kept[end - 1], dictionary.words["national_things"])):
                i = end  # "the Indian Ocean", "the South China Sea": a sea, not a country; "the US dollar"
                continue
            if entry.kind == "role" and _qualifies_a_thing(kept[end - 1], dictionary.words["role_things"]):
                i = end  # "military intervention": an act, not the military
                continue
            if not _loosely_linked(kept[i:end]):
                found.append((entry, kept[i:end]))
            i = end
        else:
            i += 1
    return _stated_state_first(found, dictionary.shared_peoples)


def _stated_state_first(found: list[tuple[ActorEntry, list[Token]]], peoples: Mapping[str, tuple[str, ...]]) -> list[tuple[ActorEntry, list[Token]]]:
    """ "Iraqi Kurds", "Syrian Kurdish fighters": the state the phrase names, not the one the article
    gives the people (the people word then is only what the phrase is about)."""
    of_people = [(e, toks) for e, toks in found if len(toks) == 1 and toks[0].lower_ in peoples]
    if not of_people or not any(e.kind in ("country", "demonym", "capital") for e, toks in found if (e, toks) not in of_people):
        return found
    return [(e, toks) for e, toks in found if (e, toks) not in of_people]


def _names_a_feature(last: Token, features: frozenset[str]) -> bool:
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    return nxt is not None and nxt.lower_ in features and nxt.text[:1].isupper()


def _first_name(tok: Token, given_names: frozenset[str]) -> bool:
    """A role word that is also a given name, opening a person's name ("Christian Lacroix")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in given_names and nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ == "PERSON"


def _qualifies_a_thing(last: Token, things: frozenset[str]) -> bool:
    """ "the US dollar", "the US's massive budget deficit": the country word qualifies a thing."""
    return last.dep_ in ("compound", "amod", "poss", "nmod") and last.head.lemma_.lower() in things and last.head.i > last.i


def _starts_a_longer_name(tokens: list[Token]) -> bool:
    """The match is the first word of a proper name that goes on ("West Darfur", "East Timor")."""
    last = tokens[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and last.dep_ == "compound"


def _leading_country(entries: list[tuple[ActorEntry, list[Token]]]) -> ActorEntry | None:
    """ "the Russian-led alliance": the country that leads it is the actor."""
    for entry, toks in entries:
        if entry.kind in _COUNTRYISH and toks:
            nxt = toks[-1].nbor(1) if toks[-1].i + 1 < len(toks[-1].doc) else None
            after = nxt.nbor(1) if nxt is not None and nxt.i + 1 < len(nxt.doc) else None
            if nxt is not None and (nxt.lower_ == "-led" or (nxt.text == "-" and after is not None and after.lower_ == "led")):
                return entry
            if nxt is not None and nxt.lower_ == "led" and nxt.dep_ == "amod":
                return entry
    return None


def _ethnic(entry: ActorEntry, tokens: list[Token]) -> bool:
    """ "ethnic Albanians", "ethnic Turks": a population, not the state of that name."""
    first = tokens[0] if tokens else None
    return entry.kind == "demonym" and first is not None and first.i > 0 and first.nbor(-1).lower_ == "ethnic"


def _people_of(entry: ActorEntry, tokens: list[Token], head: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """ "more than 100 Palestinians", "168 Liberians", "young Algerians", "thousands of Nigerians":
    people of a nation counted or described are its civilians; "the Russians" is the nation itself."""
    if entry.kind != "demonym" or head.tag_ not in ("NNS", "NNPS"):
        return False
    if head not in tokens:  # "Iraqi Kurds", "Syrian Druze": a people named by an unknown plural name
        return head.tag_ == "NNPS" and all(t.dep_ in ("amod", "compound") and t.head == head for t in tokens)
    if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return False
    described = any(c.dep_ in ("nummod", "quantmod") or c.lower_ in words["describing_words"]
                    or (c.dep_ in ("amod", "compound") and c.is_lower and c not in tokens)
                    or (c.dep_ == "acl" and c.tag_ == "VBG")  # "Palestinians living in Gaza"
                    for c in head.children)
    counted = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in words["quantity_heads"]
    return described or counted


def _of_unknown_name(entries: list[tuple[ActorEntry, list[Token]]], head: Token) -> bool:
    """Does a name no entry covers qualify the head ("Borussia" in "Borussia officials")?"""
    known = {t.i for _, toks in entries for t in toks}
    return any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.i not in known and c.ent_type_ not in ("PERSON", "DATE")
               for c in head.children)


def _only_owner_named(entries: list[tuple[ActorEntry, list[Token]]], head: Token) -> bool:
    """Are all the phrase's entries inside its possessor ("Russia's" in "Russia's ally")?"""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    inside = {t.i for t in owner.subtree}
    return all(toks and all(t.i in inside for t in toks) for _, toks in entries)


def _homes_of(entry: ActorEntry, head: Token, dwellings: frozenset[str]) -> bool:
    """ "Iraqi towns", "Palestinian homes": where a nation's people live stands for its civilians."""
    return entry.kind == "demonym" and head.tag_ == "NNS" and head.lemma_.lower() in dwellings



def combine(entries: list[tuple[ActorEntry, list[Token]]], head: Token, text: str,
            words: Mapping[str, frozenset[str]]) -> ActorRef | None:
    """One actor code from the entries of a phrase (see module doc for the conventions)."""
    if not entries:
        return None
    leader = _leading_country(entries)
    if leader is not None:
        # "the Russian-led alliance" → RUS; "Vietnamese-led forces" → VNMMIL (the head's own role)
        head_role = next((e for e, toks in entries if e.kind == "role" and head in toks), None)
        return _ref(text, leader.country, head_role.agents if head_role else (), "dictionary")
    if any(_ethnic(e, toks) for e, toks in entries):
        # a population: its country is where it lives ("ethnic Albanians in Serbia"), left to the owner
        entries = [(e, toks) for e, toks in entries if not _ethnic(e, toks)]
        if not entries:
            return _ref(text, "", ("CVL",), "role")
    if len(entries) == 1 and (_people_of(entries[0][0], entries[0][1], head, words) or _homes_of(entries[0][0], head, words["dwelling_nouns"])):
        return _ref(text, entries[0][0].country, ("CVL",), "dictionary")
    named = [(e, toks) for e, toks in entries if e.kind in _NAMED]
    countries = [e for e, _ in entries if e.kind in _COUNTRYISH]
    roles = [(e, toks) for e, toks in entries if e.kind == "role"]
    head_role = next((e for e, toks in roles if head in toks), None)
    role = head_role or (roles[-1][0] if roles else None)
    insurgent = next((e for e, toks in roles if head not in toks and set(e.agents) & _INSURGENT_ROLES), None)
    if head_role is not None and "MIL" in head_role.agents and insurgent is not None:
        role = head_role = insurgent  # "a new Syrian rebel army": the rebels' army, no state's
    titled = next((toks for e, toks in roles if e is role), [])
    if role is not None and titled and titled[-1].lemma_.lower() in words["vague_titles"]:
        # "opposition spokesman", "rebel officials": a title naming no office is of the side before it
        role = next((e for e, toks in roles if toks is not titled and "GOV" not in e.agents), role)
        head_role = role if head_role is not None else None
    parties = [e for e, _ in named if e.kind == "organisation" and "PTY" in e.agents]
    if parties and named[-1][0].kind == "person" and not named[-1][0].dated and not any({"GOV", "MIL"} & set(e.agents) for e, _ in roles):
        # "Tory chairman Liam Fox", "Labour's Mr Livingstone": the party the text gives him wins over
        # the office the dictionary remembers him for, unless that is the office he held on the
        # article's date ("Lib Dem spokesman Vince Cable" in 2005: GBROPP)
        party = parties[-1]
        return _ref(text, party.country, party.agents, "dictionary", code=party.code)
    if named:
        org, org_tokens = named[-1]
        if org.kind == "person" and (_inside_another_name(org_tokens, head) or _another_given_name(org, org_tokens, entries, words)):
            return None  # "Nisreen Assad Ibrahim Bahar" is not Assad, nor "Nasr al-Hariri" Rafik Hariri
        if head_role and head not in org_tokens and set(head_role.agents) & _INSTITUTION_ROLES and not org.country.startswith("IGO"):
            # "Cumhuriyet University": a university named like the newspaper is still a university
            return _ref(text, org.country, head_role.agents, "dictionary")
        if org.kind == "seat" and countries and countries[0].country != org.country:
            # "the Syrian Congress", "Peru's Congress": a seat's name with another country's demonym
            return _ref(text, countries[0].country, org.agents, "dictionary")
        title, title_tokens = next(((e, toks) for e, toks in roles if not set(toks) & set(org_tokens)), (None, []))
        vague = title is not None and all(t.lemma_.lower() in words["vague_titles"] for t in title_tokens)
        if (org.kind == "person" and len(org.country) == 3 and title is not None and set(title.agents) & _TITLE_ROLES
                and not parties and not vague):
            # "Home Secretary David Blunkett": the office the text gives him is his office now (not
            # "Lib Dem spokesman Vince Cable", whose party says whose spokesman; not an IGO's head)
            return _ref(text, org.country, title.agents, "dictionary")
        head_is_org = head in org_tokens or not head_role
        if head_is_org or not (countries and head_role):
            if not org.country and countries:
                return _ref(text, countries[0].country, org.agents, "dictionary")
            return _ref(text, org.country, org.agents, "dictionary", code=org.code)
        if org.country.startswith("IGO") and head_role:
            # "Russia's UN ambassador": the person belongs to the country, not to the IGO.
            return _ref(text, countries[0].country, head_role.agents, "dictionary")
        return _ref(text, org.country or countries[0].country, head_role.agents, "dictionary")
    if countries:
        country = countries[0]
        agents = role.agents if role else ()
        if not agents and country.kind == "capital" and len(entries) == 1:
            if head not in entries[0][1]:
                return _ref(text, country.country, (), "dictionary")  # "the Beijing Olympics": a place's name
            agents = country.agents or ("GOV",)
            return _ref(text, country.country, agents, "metonym")
        return _ref(text, country.country, agents, "dictionary")
    if role:
        return _ref(text, "", role.agents, "role")
    return None


def _holder(head: Token) -> Token | None:
    """ "rebel" in "rebel-held positions", "Kurdish" in "Kurdish-controlled areas"."""
    for mod in head.lefts:
        if mod.dep_ == "amod" and mod.lower_ in _HOLDING_LINKS:
            return next((c for c in mod.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod")), None)
    return None


_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)


def _inside_another_name(name_tokens: list[Token], head: Token) -> bool:
    """Is a known person's name only part of a longer name ending in another word ("Nisreen Assad
    Ibrahim Bahar"), not the person's own ("Bashar al-Assad", "Putin aide Dmitry Peskov")?"""
    if not name_tokens or head in name_tokens or head.i < name_tokens[-1].i:
        return False
    after = head.doc[name_tokens[-1].i + 1: head.i + 1]  # (not "Bashar Assad Tuesday", a day the parser ran on)
    return all(t.pos_ == "PROPN" and t.lower_ not in _CALENDAR_WORDS and t.ent_type_ not in ("DATE", "TIME") for t in after)


def _another_given_name(person: ActorEntry, name_tokens: list[Token], entries: list[tuple[ActorEntry, list[Token]]],
                        words: Mapping[str, frozenset[str]]) -> bool:
    """A known surname after a given name that is not the known person's ("Nasr al-Hariri" against
    "Rafik Hariri"); titles ("President Assad") and honorifics ("Mr Hariri") are no given names."""
    if len(name_tokens) != 1 or not person.name:
        return False
    doc, i = name_tokens[0].doc, name_tokens[0].i - 1
    while i >= 0 and (doc[i].lower_ in words["name_particles"] or (len(doc[i].text.rstrip(".")) == 1 and doc[i].text[0].isalpha())):
        i -= 1  # ("Nasr al-Hariri", "Donald J Trump")
    if i < 0:
        return False
    given = doc[i]
    if (given.pos_ != "PROPN" or not given.text[:1].isupper() or given.lower_.rstrip(".") in words["honorifics"]
            or given.dep_ not in ("compound", "flat") or given.head.i <= given.i):
        return False  # (a name of the same phrase: not "In Syria, Erdoğan")
    if any(given in toks for _, toks in entries):
        return False  # a title or a name the dictionaries know
    # (a spelling or a form of the same name is the same person: "Mikhail" for "Mikheil" Saakashvili,
    # "Chadli" for "Chedli" Klibi, "Chuck" for Charles Schumer)
    known = {w.lower() for w in person.name.replace("-", " ").split()[:-1]}
    forms = {f for group in words["given_name_forms"] if known & set(group.split()) for f in group.split()}
    return given.lower_ not in forms and not any(SequenceMatcher(None, given.lower_, w).ratio() >= 0.6 for w in known)


def _ref(text: str, country: str, agents: tuple[str, ...] | list[str], how: str, code: str | None = None) -> ActorRef:
    agents = list(dict.fromkeys(a for a in agents if a and a != country))  # "NGOHRI" + "HRI" once
    if code is None:
        code = actor_code(country, agents)
    return ActorRef(text=text, code=code, country=country, agents=list(agents), resolved_by=how)


def _span_text(tokens: list[Token]) -> tuple[str, int, int]:
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    # Doc.text rebuilds the whole text on every call; a span's text costs only its own tokens.
    return tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text, start, end


class PhraseResolver:
    """Resolves the actor phrase at a head token; no coreference (see coref.py)."""

    def __init__(self, dictionary: ActorDictionary, place_country: Callable[[str], str | None] | None = None) -> None:
        self.dictionary = dictionary
        self.place_country = place_country  # a gazetteer's place name → ISO-3, for "police in Karachi"

    def _against_a_thing(self, head: Token, depth: int) -> bool:
        """ "opposition to new stores" (a stance), not "the opposition to the government" (a body)."""
        things = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        return bool(things) and (depth >= 3 or all(self.resolve(p, depth + 1) is None for p in things))

    def resolve(self, head: Token, depth: int = 0) -> Mention | None:
        named = _named_before_a_dash(head)
        if named is not None and depth < 3:
            # "Iran - Opec's second-biggest oil producer - has been pursuing deals", parsed with Iran
            # as a modifier of Opec: the phrase is Iran, described
            found = self.resolve(named, depth + 1)
            if found is not None and found.actor.country:
                return replace(found, head=head, is_plural=False, as_source=head.dep_ in ("nsubj", "nsubjpass"))
        tokens = phrase_tokens(head)
        entries = match_entries(self.dictionary, tokens)
        longer = self._name_with_of(head, tokens)
        if longer is not None:  # "the Democratic People's Republic of Korea" is one name
            tokens, entries = longer
        text, start, end = _span_text(tokens)
        words = self.dictionary.words
        held = self._held_by(head, text, words)
        if held is not None:
            # "rebel-held positions", "Kurdish-controlled areas": the holders' (not the military of
            # whoever the head noun alone would suggest)
            held.start, held.end = start, end
            return Mention(held, head, (), is_plural=head.tag_ in ("NNS", "NNPS"), as_source=head.dep_ in ("nsubj", "nsubjpass"))
        actor = combine(entries, head, text, words)
        if actor is not None and head.lemma_.lower() in words["place_nouns"] and any(t.lower_ in self.dictionary.shared_peoples for t in tokens):
            # "the Kurdish city of Afrin": of the state the named place is in, not the one the article gives the people
            named = next((country for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
                          and (country := ARTICLE_PLACES.get().get(name_key(proper_name(o))))), None)
            if named:
                actor = _ref(text, named, actor.agents, "place")
        if actor is not None and "MIL" in actor.agents and self._a_peoples_fighters(tokens, head, entries):
            # "Kurdish forces", "Syrian Kurdish fighters": a people's armed men are no state's army
            actor = _ref(text, actor.country, ["REB" if a == "MIL" else a for a in actor.agents], actor.resolved_by)
        if actor is not None and actor.country and not actor.agents and all(e.kind == "demonym" for e, _ in entries):
            role = self._shared_head_role(head)
            if role:  # "Sierra Leonean and Liberian refugees" parsed as "Sierra Leonean" + "Liberian refugees"
                actor = _ref(text, actor.country, role, "dictionary")
        if actor is not None and not actor.country and actor.agents:
            shared = self._shared_modifier_country(head)
            if shared:  # "Israeli helicopters and tanks": the adjective qualifies both
                actor = _ref(text, shared, actor.agents, "dictionary")
            else:
                local = self._leading_place(tokens, entries)
                if local:  # "Texas police", "New York Attorney General Eliot Spitzer": of where they serve
                    actor = _ref(text, local, actor.agents, "place")
        if actor is not None and actor.country and not actor.agents and _one_of_a_people(head, entries):
            actor = _ref(text, actor.country, ["CVL"], "dictionary")  # "the Briton", "a Frenchman": a person, not the state
        if actor is not None and actor.country and not actor.agents and depth < 3:
            named = self._apposition_role(head, actor.country, depth)
            if named is not None:  # "his Turkish counterpart, Recep Tayyip Erdoğan": TURGOV
                actor = _ref(text, actor.country, named.agents, "dictionary")
        if head.lemma_.lower() in words["stance_nouns"] and self._against_a_thing(head, depth):
            return None  # "fighting opposition to new stores": a stance, not the opposition
        if actor is not None and head.lemma_.lower() in words["relational_nouns"] and _only_owner_named(entries, head):
            return None  # "Assad's main backer", "Turkey's enemies": someone else than the one named
        if actor is not None and not actor.country and head.lemma_.lower() in words["vague_titles"] and _of_unknown_name(entries, head):
            return None  # "Borussia officials": the people of a body the dictionaries do not know
        if (actor is None or not actor.country) and depth < 3 and not (actor is None and head.lemma_.lower() in words["measure_nouns"]
                                                                      or head.lemma_.lower() in words["relational_nouns"]):
            owner = self._owner(head, depth, actor)  # ("the number of people" is no one)
            if owner is not None and any(e.kind in ("organisation", "igo") for e in owner.entries):
                # "leaders of the Muslim Brotherhood", "a spokesman for NATO": the organisation acts
                actor = ActorRef(text=text, code=owner.actor.code, country=owner.actor.country,
                                 agents=list(owner.actor.agents), resolved_by="owner")
            elif owner is not None and head.lemma_.lower() in words["kin_nouns"]:
                actor = _ref(text, owner.actor.country, ["CVL"], "owner")  # "the wives of fighters": civilians
            elif owner is not None:
                actor = _merge_owner(actor, owner.actor, text, vague=head.lemma_.lower() in words["vague_titles"])
                entries = entries + [(e, []) for e in owner.entries]
        if actor is None:
            return None
        if _former(head, words["former_words"]) and set(actor.agents) & _OFFICE_ROLES:
            # "former union leader Sir Bill Morris", "a former defence minister": an elite, not the office
            actor = _ref(actor.text, actor.country, ["ELI"], actor.resolved_by)
        actor.start, actor.end = start, end
        # (an organisation the recogniser takes for a person, "Yukos", is not one: "it" may be it)
        named_body = any(e.kind in ("organisation", "igo", "country", "seat") and head in toks for e, toks in entries)
        is_person = (looks_like_person(head, words["honorifics"]) and not named_body) or any(e.kind == "person" for e, _ in entries)
        return Mention(actor, head, tuple(e for e, _ in entries), is_person=is_person,
                       is_plural=head.tag_ in ("NNS", "NNPS"), as_source=head.dep_ in ("nsubj", "nsubjpass"))

    def _a_peoples_fighters(self, tokens: list[Token], head: Token, entries: list[tuple[ActorEntry, list[Token]]]) -> bool:
        """Is the phrase a shared people's word on a force with no name of its own ("Kurdish forces",
        not "the Kurdish Peshmerga", an organisation)?"""
        people = any(t.lower_ in self.dictionary.shared_peoples and t != head for t in tokens)
        return people and not any(e.kind in ("organisation", "igo") for e, _ in entries)

    def _held_by(self, head: Token, text: str, words: Mapping[str, frozenset[str]]) -> ActorRef | None:
        """The actor of "rebel-" in "rebel-held positions" (a name before "-held" only qualifies the
        phrase, so the dictionary match skips it: looked up here as the holder)."""
        holder = _holder(head)
        if holder is None:
            return None
        tokens = phrase_tokens(holder)
        entry = self.dictionary.lookup([t.text for t in tokens]) or self.dictionary.lookup([holder.text])
        if entry is None:
            return None
        # "Albanian rebel-held territory": the holders are of the country the phrase names beside them
        others = [c for c in head.lefts if c.dep_ in ("amod", "compound") and c.i < holder.i]
        countries = [(e, toks) for e, toks in match_entries(self.dictionary, others) if e.kind in ("country", "demonym")]
        actor = combine(countries[:1] + [(entry, tokens)], holder, text, words)
        # (a state holding a place makes it no state's actor: "the Russian-held town" is a town)
        return replace(actor, resolved_by="owner") if actor is not None and actor.agents else None

    def _apposition_role(self, head: Token, country: str, depth: int) -> ActorRef | None:
        """The actor an apposition names, when it is of the same country and says its role."""
        for appos in (c for c in head.children if c.dep_ == "appos"):
            found = self.resolve(appos, depth + 1)
            # (not a capital: "Yemen's capital, Sana'a" is a place)
            if found is not None and found.actor.country == country and found.actor.agents and found.actor.resolved_by != "metonym":
                return found.actor
        return None

    def _leading_place(self, tokens: list[Token], entries: list[tuple[ActorEntry, list[Token]]]) -> str:
        """The country of a town or region whose name opens the phrase before its role word
        ("Texas police", "New York Attorney General ..."), or ""."""
        roles = [toks[0].i for e, toks in entries if e.kind == "role" and toks]
        if self.place_country is None or not roles:
            return ""
        name = [t for t in tokens if t.i < min(roles) and t.dep_ != "det"]
        if not name or not all(t.pos_ == "PROPN" and t.dep_ == "compound" for t in name):
            return ""
        return self.place_country(" ".join(t.text for t in name)) or ""

    def _shared_modifier_country(self, head: Token) -> str:
        """The country of a demonym modifying the first of two conjoined bare nouns ("Israeli
        helicopters and tanks"), or ""; a conjunct with its own determiner or modifiers is apart."""
        first = head.head
        if head.dep_ != "conj" or first.pos_ not in ("NOUN", "PROPN") or any(
                c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in head.lefts):
            return ""
        mods = [c for c in first.lefts if c.dep_ in ("amod", "compound")]
        countries = [e for e, _ in match_entries(self.dictionary, mods) if e.kind == "demonym"]
        return countries[0].country if len(countries) == 1 else ""

    def _name_with_of(self, head: Token, tokens: list[Token]) -> tuple[list[Token], list[tuple[ActorEntry, list[Token]]]] | None:
        """The phrase and its entries with the head's "of" complement, when a dictionary name
        runs through the "of"; else None."""
        of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return None
        longer = sorted(set(tokens) | set(of.subtree), key=lambda t: t.i)
        entries = match_entries(self.dictionary, longer)
        if any(of in toks for _, toks in entries):
            return longer, entries
        return None

    def name_runs_through_of(self, head: Token) -> bool:
        """Is the head's "of" complement part of its name ("Republic of Korea")?"""
        return self._name_with_of(head, phrase_tokens(head)) is not None

    def place_name(self, tok: Token) -> Token:
        """The name word of "Idlib province", "the Hama countryside" (a place noun after its town's
        name); any other token itself."""
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.dictionary.words["place_nouns"]:
            return next((c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), tok)
        return tok

    def _town(self, tok: Token) -> Mention | None:
        """A place the dictionaries do not list but the gazetteer does ("police in Karachi", "in
        Idlib province")."""
        tok = self.place_name(tok)
        if self.place_country is None or tok.pos_ != "PROPN":
            return None
        name = proper_name(tok)
        country = self.place_country(name)
        if not country:
            return None
        return Mention(ActorRef(text=name, code=country, country=country, resolved_by="place"), tok, ())

    def _shared_head_role(self, head: Token) -> tuple[str, ...]:
        """The role of the conjoined noun a bare demonym shares ("Sierra Leonean and Liberian
        refugees" → REF), when that noun has a demonym of its own; else ()."""
        for conj in (c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
            mods = [c for c in conj.lefts if c.dep_ in ("amod", "compound")]
            if any(e.kind == "demonym" for e, _ in match_entries(self.dictionary, mods)):
                roles = [e for e, _ in match_entries(self.dictionary, [conj]) if e.kind == "role"]
                if roles:
                    return tuple(roles[0].agents)
        return ()

    def _names_an_actor(self, tok: Token) -> bool:
        """Is the word itself an actor's (a name, or a word of the dictionaries), not a thing a
        modifier ties to one ("IRA bomb attacks")?"""
        return tok.pos_ == "PROPN" or any(tok in toks for _, toks in match_entries(self.dictionary, phrase_tokens(tok)))

    def _owner(self, head: Token, depth: int, role: ActorRef | None = None) -> Mention | None:
        # "a court in Guyana", "police in Kenya", "authorities in Croatia": a local institution belongs to
        # the place; an embassy or envoy in a capital does not, nor a thing named by a role ("a drone
        # strike in Somalia" is no Somali act).
        words = self.dictionary.words
        local = (role is not None and role.agents and head.lemma_.lower() not in words["diplomatic_heads"]
                 and (self._names_an_actor(head) or any(c.dep_ == "poss" for c in head.children)))
        # "the town of Maarat al-Numan in Idlib province": a town whose name is unknown is where it lies
        dwelling = head.lemma_.lower() in words["dwelling_nouns"]
        preps = _OWNER_PREPS | ({"in"} if local or dwelling else set())
        for child in head.rights:
            if child.dep_ == "amod" and child.lower_ in words["side_words"]:
                # "forces loyal to Assad", "fighters allied to the SDF": whose side they are on
                side = next((p for c in child.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                             for p in c.children if p.dep_ == "pobj"), None)
                found = self.resolve(side, depth + 1) if side is not None else None
                if found is not None:
                    return found
            if child.dep_ == "acl" and child.lower_ in words["located_words"] and local:
                # "a newspaper based in Beirut", "a group headquartered in Trinidad"
                child = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "in"), child)
                preps = preps | {"in"}
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        if child.lower_ == "for" and not self._names_an_actor(pobj):
                            return None  # "people jailed for IRA bomb attacks" are not the IRA's
                        found = self.resolve(pobj, depth + 1) or self._town(pobj)
                        if (child.lower_ == "for" and found is not None and not found.actor.agents
                                and any(e.kind == "country" for e in found.entries)):
                            return None  # "the minister for Europe", "the envoy for Syria": a portfolio, not whose
                        if found is not None and (child.lower_ == "in" and any(e.kind in ("capital", "seat") for e in found.entries)
                                                  or child.lower_ == "from" and any(e.kind == "capital" for e in found.entries)):
                            # "civilians in Kabul", "police in Moscow", "a railway worker from east London":
                            # the place, not its government
                            place = found.actor
                            return replace(found, actor=ActorRef(place.text, place.country, place.country, [], place.start, place.end, "owner"))
                        if found is not None or not dwelling:
                            return found
            if child.dep_ == "appos":
                found = self.resolve(child, depth + 1)
                if found:
                    return found
        return None


# Roles whose armed men are not a state's military: "a rebel army", "insurgent troops".
_INSURGENT_ROLES = {"REB", "INS", "SEP"}
# Offices a person can leave: their former holders are elites (ELI), as CAMEO codes them.
_OFFICE_ROLES = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "LAB", "OPP", "REB", "BUS", "MED"}


def _former(head: Token, former_words: frozenset[str]) -> bool:
    return any(c.lower_ in former_words and c.dep_ in ("amod", "advmod", "compound") for c in head.subtree if c.i < head.i)


def _merge_owner(actor: ActorRef | None, owner: ActorRef, text: str, vague: bool = False) -> ActorRef:
    """A role-only (or empty) head takes its owner's country; its own role wins, except that a
    member of a named organisation is that organisation ("leaders of the Muslim Brotherhood"), and
    a title naming no office is of its owner's side ("a spokesman for the Syrian rebels": SYRREB)."""
    generic_head = actor is not None and (set(actor.agents) <= _GENERIC_ROLES or vague) and bool(owner.agents)
    if actor is None or not actor.agents or generic_head or (owner.agents and owner.resolved_by == "dictionary" and owner.code != actor_code(owner.country, owner.agents)):
        return ActorRef(text=text, code=owner.code, country=owner.country, agents=list(owner.agents), resolved_by="owner")
    agents = actor.agents
    if owner.country.startswith("IGO"):
        return ActorRef(text=text, code=owner.code, country=owner.country, agents=list(owner.agents), resolved_by="owner")
    return _ref(text, owner.country, agents, "owner")
