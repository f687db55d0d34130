"""Who did it and to whom: the source and target actors of a trigger, from its grammatical roles
and, where those hold no actor, from documented fallbacks (the recipient, the person a condition is
put to, whoever made the claim being rejected, the place, the one other actor of the clause)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tacitus.actors.coref import ArticleActors, Coreference, at_home
from tacitus.actors.dictionary import TRANSNATIONAL
from tacitus.actors.resolve import match_entries, phrase_tokens
from tacitus.events import grammar as g
from tacitus.events.framing import Framing
from tacitus.events.lexicon import Lexicon
from tacitus.events.triggers import Trigger
from tacitus.model import ActorRef, Event, actor_code

_ANSWERABLE_ROOTS = {"02", "10", "11", "12", "13", "16", "17"}
_ASKING_ROOTS = {"02", "03", "10", "13"}  # what a bare refusal answers: a request, an offer, a demand, an ultimatum
_PLACE_PREPS = {"in", "at", "near", "from", "across", "through", "into", "inside", "outside", "around", "throughout", "within", "along"}
# A state organ of unknown country acting on a country's political opposition is that country's
# ("President X banned Ugandan opposition candidates" → UGAGOV). Not armies, and not civilians or
# refugees: foreign forces capture, kill and expel other countries' citizens all the time.
_STATE_ROLES = {"GOV", "COP", "JUD", "LEG"}
_DOMESTIC_ROLES = {"OPP", "REB", "EDU", "LAB", "MED", "PTY", "REL", "HRI", "ELI"}
# Parts of a society that, facing a state, are taken to be its own (not "civilians": see _of_place)
_SOCIETY_ROLES = _DOMESTIC_ROLES | {"REF", "RAD", "INS", "SEP", "AGR", "BUS"}



@dataclass
class Roles:
    sources: list[ActorRef]
    targets: list[ActorRef]
    subject: Token | None  # the subject word the source came from, if any
    target_head: Token | None
    target_absent: bool = False  # the act names no one it was done to ("rebels surrendered"), as
                                 # opposed to naming someone the dictionaries do not know


class RoleFinder:
    def __init__(self, lexicon: Lexicon, coref: Coreference,
                 place_country: Callable[[str], str | None] | None = None) -> None:
        self.lexicon = lexicon
        self.coref = coref
        self.place_country = place_country  # a gazetteer's place name → ISO-3 country, for places as targets

    def find(self, trigger: Trigger, sentence: Span, sentence_index: int, memory: ArticleActors,
             history: list[Event]) -> Roles:
        """Sources and targets, in the order of the rules below; sources filtered by the sense's roles."""
        sources, subject = self._sources(trigger.verb, sentence, memory, sentence_index)
        if (trigger.sense.code[:2] < "14" and subject is not None and subject.dep_ == "nsubj"
                and subject.lemma_.lower() in self.lexicon.attack_nouns | self.lexicon.harm_nouns):
            # "a Turkish offensive now threatens Manbij": an act endangers; it threatens, says or asks nothing
            return Roles([], [], subject, None)
        if not any(s.country or s.agents for s in sources):
            sources = self._unidentified_attacker(trigger, subject, memory, sentence_index) or self._state_of_place(trigger) or sources
        if trigger.sense.subject:
            sources = [s for s in sources if trigger.sense.subject & roles_of(s)]
            if not sources:
                return Roles([], [], subject, None)
        exclude = sources[0].country if sources else ""
        if self._helps_towards_an_outcome(trigger):
            # "helped (to) move the focus from Scotland's problems", "would help smash the gangs":
            # helping something come about aids no one the sentence names
            return Roles(sources, [], subject, None, False)
        if trigger.sense.target == "none":
            return Roles(sources, [], subject, None, True)  # "resigned", "accepted responsibility": no one's
        own = sources[0].country if sources and set(sources[0].agents) & _DOMESTIC_PARTIES else ""
        targets, target_head = self._targets(trigger, memory, sentence_index, exclude, own)
        # (a sense whose target is only what its slot names guesses no other: "blamed weak demand in
        # western Europe" blames no one)
        # (nor is one guessed for a stance on an act whose doer is not named: "condemned the killing of
        # civilians" condemns no one the sentence names)
        guess = not targets and bool(sources) and not trigger.sense.named_target and not self._judges_an_act(trigger)
        if guess:
            targets = self._counterpart(trigger, sources[0], history) or self._asker(trigger, sources[0], history)
        reciprocal = self.lexicon.is_mutual(trigger.sense) and len(sources) > 1
        if (guess and not targets and not reciprocal and not self._names_unknown_party(trigger) and not self._only_said(trigger)
                and not trigger.sense.code.startswith("043")):  # (where one hosts is no guest)
            targets = [t for t in self._place_as_target(trigger) if not _venue_only(t, sources, trigger.sense.code)]
        if guess and not targets and not reciprocal and not trigger.sense.code.startswith("04") and not self._names_unknown_party(trigger):
            # (whom one met or talked with is named with "with" or as the object, never guessed)
            targets = self._clause_actor(trigger, subject, sources, memory, sentence_index)
        if _by_force(trigger.sense.code):
            targets = [_place_not_government(t) for t in targets]  # "shelled the capital Juba": a place
        if trigger.sense.code.startswith("15"):
            # "ordered patrols by police and soldiers": one's own forces are the means of a show of force
            targets = [t for t in targets if t.country or not set(t.agents) <= _FORCES]
        if self._falls_on_population(trigger):
            targets = [_people_of_place(t) for t in targets]  # "a curfew in Abidjan": its people
        if any(_of_no_country(a) for a in sources + targets):
            place = self._place_as_target(trigger, within_event=True)  # "23 people were killed in Tel Aviv"
            if place:
                sources = [_of_place(a, place[0]) for a in sources]
                targets = [_of_place(a, place[0]) for a in targets]
        targets = _society_targets(_domestic(targets, sources), sources, trigger.sense.code)
        sources = _domestic(sources, targets, society=True, diplomatic=self.coref.resolver.dictionary.words["diplomatic_heads"],
                            in_arms=trigger.sense.code[:2] >= "14")
        targets = [_same_side(t, sources, history, sentence_index) for t in targets]
        home = memory.home()
        if home:  # (targets got theirs as candidates in _targets)
            sources = [at_home(a, home, self.coref.resolver.dictionary.words["unplaced_qualifiers"]) for a in sources]
        if trigger.sense.swap:
            sources, targets = targets, sources
        absent = not targets and not self._target_named(trigger, self.coref.resolver.resolve)
        return Roles(sources, targets, subject, target_head, absent)

    def _sources(self, verb: Token, sentence: Span, memory: ArticleActors, sentence_index: int) -> tuple[list[ActorRef], Token | None]:
        controller = self._controlling_object(verb, memory, sentence_index)
        if controller is not None:
            return controller
        subject = g.subject_of(verb)
        if subject is not None and subject.dep_ == "csubj":
            return [], subject  # "Chasing Kurdish forces from Afrin allowed Turkey to boast": an act, no doer
        actors = self.coref.actors(subject, memory, sentence_index) if subject is not None else []
        if subject is not None:
            # "Putin, along with his Turkish counterpart, Erdoğan, is due to meet …": both act
            for companion in _companions(subject):
                found = self.coref.actors(companion, memory, sentence_index)
                # ("his Turkish counterpart, Recep Tayyip Erdoğan": one of each country)
                actors += [a for a in found if a.country and not any(b.country == a.country and len(b.agents) > len(a.agents) for b in found)]
        if subject is not None and actors and all(a.resolved_by == "owner" for a in actors) and self._force_done_to(subject):
            actors = []  # "the bombardment of a packed population will force ...": whom it falls on does nothing
        if subject is not None and actors and self._forecast_of_a_thing(subject, verb):
            actors = []  # "the EU's planned changes would force Britain to ...": not the EU's act
        if subject is not None and not any(a.country for a in actors):
            # "The Somali militant group al - Shabab is claiming": the parser splits one subject into
            # several; another of them may be the actor
            for other in (c for c in verb.children if c.dep_ == subject.dep_ and c != subject and c.i < verb.i):
                found = self.coref.actors(other, memory, sentence_index)
                if any(a.country for a in found):
                    actors, subject = found, other
                    break
        if subject is None and g.is_passive(verb):
            attacker = self._attacker(verb, memory, sentence_index)
            if attacker:
                return attacker
        passive = g.is_passive(verb) or (verb.dep_ == "conj" and g.is_passive(verb.head))
        if not [a for a in actors if a.country] and g.is_verb(verb) and not passive:
            # (a passive's subject is its target: "20 people were killed or wounded" has no doer to guess)
            fallback = self._leftmost_actor(sentence, verb, memory, sentence_index)
            if fallback:
                return fallback
        return actors, subject

    def _forecast_of_a_thing(self, subject: Token, verb: Token) -> bool:
        """Is the act what a thing (someone's, or an act) will or would do: a forecast?"""
        thing = subject.pos_ == "NOUN" and not self._heads_an_actor(subject)
        return (thing and (g.child(subject, "poss") is not None or self._names_an_act(subject))
                and g.modal_of(verb) in ("planned", "hypothetical"))

    def _force_done_to(self, noun: Token) -> bool:
        """ "the bombardment of a population", "the shelling of Aleppo": a noun of force whose "of" names
        who suffers it (not "the attack by Russian forces", "the visit of the president")."""
        if noun.lemma_.lower() not in self.lexicon.attack_nouns:
            return False
        return bool(g.prep_objects(noun, ("of",))) and not g.prep_objects(noun, ("by",)) and g.child(noun, "poss") is None

    def _controlling_object(self, verb: Token, memory: ArticleActors, sentence_index: int) -> tuple[list[ActorRef], Token] | None:
        """ "US troops trained Kurdish-led units to fight Isis", "the force raised by Washington to
        fight Isis": whom one trains, arms or raises does what the to-infinitive says (unknown if
        the dictionaries do not know them)."""
        if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        above = verb.head
        if above.lemma_.lower() not in self.lexicon.enabling_verbs:
            return None
        doer = g.child(above, "dobj") if not g.is_passive(above) else g.child(above, "nsubjpass")
        if doer is None and g.is_passive(above) and above.dep_ == "acl":
            doer = above.head  # "the force raised by Washington to fight Isis"
        if doer is None or doer.i > verb.i:
            return None
        return self.coref.actors(doer, memory, sentence_index), doer

    def _attacker(self, verb: Token, memory: ArticleActors, sentence_index: int) -> tuple[list[ActorRef], Token] | None:
        """A passive with no "by": the doer named in the attack it happened in ("were killed in
        Israeli tank shelling", "died in an air strike by government forces")."""
        for noun in g.prep_objects(verb, ("in", "during", "by")):
            if noun.lemma_.lower() not in self.lexicon.attack_nouns and noun.lower_ not in self.lexicon.attack_nouns:
                # "killed in Israeli tank shelling" parsed as "in Israeli tank" + a "shelling" clause
                after = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
                if after is None or after.head != verb or after.lower_ not in self.lexicon.attack_nouns:
                    continue
            for candidate in [noun] + g.prep_objects(noun, ("by",)):
                actors = self.coref.actors(candidate, memory, sentence_index)
                if any(a.country or a.agents for a in actors):
                    return actors, candidate
        return None

    @staticmethod
    def _helps_towards_an_outcome(trigger: Trigger) -> bool:
        verb = trigger.verb
        # ("helped in lengthening the suffering": towards an outcome too)
        toward = g.child(verb, "xcomp", "ccomp") is not None or any(
            c.dep_ == "prep" and c.lower_ == "in" and g.child(c, "pcomp") is not None for c in verb.children)
        return (trigger.sense.code.startswith("07") and trigger.noun is None and trigger.sense.target == "object"
                and g.object_of(verb) is None and toward)

    @staticmethod
    def _only_said(trigger: Trigger) -> bool:
        """An appeal, praise, demand or refusal: where it is made is not whom it is made to ("appealed
        for inspectors to be given more time in Iraq" is no appeal to Iraq). Comments on an event take
        its place ("expressed sorrow for the shootings in South Carolina"), and so do intentions and
        threats of an act ("threatened to storm his residence in Tbilisi"), as the act itself would."""
        return trigger.sense.code[:2] in ("02", "05", "10", "12")

    def _named_place(self, tok: Token) -> list[ActorRef]:
        """The country a phrase names as a place: a country or capital, or a town the gazetteer knows."""
        mention = self.coref.resolver.resolve(tok)
        if mention and mention.actor.country and all(e.kind in ("country", "capital") for e in mention.entries):
            actor = mention.actor
            return [ActorRef(actor.text, actor.country, actor.country, [], actor.start, actor.end, "place")]
        named_as_actor = mention is not None and any(e.kind in ("organisation", "igo", "person", "seat") for e in mention.entries)
        tok = self.coref.resolver.place_name(tok)  # "Idlib province"
        if not named_as_actor and tok.pos_ == "PROPN" and self.place_country is not None:
            name = g.proper_name(tok)
            country = self.place_country(name)
            if country:
                return [ActorRef(name, country, country, [], tok.idx, tok.idx + len(tok.text), "place")]
        return []

    def _state_of_place(self, trigger: Trigger) -> list[ActorRef]:
        """ "A missionary was arrested in Lebanon": only a state arrests, deports or bans where it
        happens, so an unnamed doer of such an act told in the passive is the state of the place."""
        if trigger.sense.code[:3] not in self.lexicon.state_acts or not g.is_passive(trigger.verb):
            return []
        if g.agent_objects(trigger.verb):
            return []  # "by gunmen": a named doer, resolved or not, is not replaced
        # "deported from Ghana" (on the verb: "two men from Keighley were arrested" says where they live;
        # "expelled to Iran" names where they were sent, not who sent them)
        place = [p for pobj in g.prep_objects(trigger.verb, ("from",)) for p in self._named_place(pobj)]
        place = place or self._place_as_target(trigger, within_event=True, preps=("in", "at"))
        return [ActorRef(p.text, p.country, p.country, [], p.start, p.end, "place") for p in place[:1]]

    def _falls_on_population(self, trigger: Trigger) -> bool:
        """Is the act a measure on a population ("imposed a curfew", "lifted martial law")?"""
        noun = trigger.noun if trigger.noun is not None else g.object_of(trigger.verb)
        if noun is None:
            return False
        words = [noun] + [c for c in noun.lefts if c.dep_ in ("compound", "amod")] + g.prep_objects(noun, ("of",))  # "a state of emergency"
        return any(w.lemma_.lower() in self.lexicon.population_measures for w in words)

    def _unidentified_attacker(self, trigger: Trigger, subject: Token | None, memory: ArticleActors,
                               sentence_index: int) -> list[ActorRef]:
        """ "A roadside bomb killed two soldiers", "were killed in a car bomb explosion": an attack
        whose doer the text names only by its weapon is CAMEO's unidentified armed force (UAF); it
        takes the country the weapon came from ("a rocket was fired from Gaza"), else the country of
        the place it happened in (see _of_place). Nobody is guessed."""
        if not _by_force(trigger.sense.code):
            return []
        verb = trigger.verb
        passive = g.is_passive(verb)
        slots = [subject] if subject is not None and not passive else []
        if passive or subject is None:
            slots += g.agent_objects(verb) + g.prep_objects(verb, ("in", "during", "by"))
        if passive:
            slots.append(g.child(verb, "nsubjpass"))  # what was fired may be the weapon: "a rocket was fired"
        for noun in slots:
            if noun is None or not (self._weapon_word(noun) or self._names_weapon(noun)):
                continue
            users = self._weapon_users(noun, memory, sentence_index)
            if users:
                return users  # "a missile believed to be fired by pro-Russia rebels"
            if not self._names_weapon(noun):
                continue
            phrase = [t for t in noun.subtree if t.i <= noun.i]
            start, end = phrase[0].idx, noun.idx + len(noun.text)
            owner = self._weapon_state(noun)
            if owner:  # "suspected Israeli missiles were fired at Latakia": that state's forces
                return [ActorRef(noun.doc.text[start:end], owner + "MIL", owner, ["MIL"], start, end, "dictionary")]
            origin = [p for pobj in g.prep_objects(verb, ("from",)) for p in self._named_place(pobj)] if passive else []
            country = origin[0].country if origin else ""
            return [ActorRef(noun.doc.text[start:end], country + "UAF", country, ["UAF"], start, end,
                             "place" if country else "unidentified")]
        return []

    def _weapon_state(self, weapon: Token) -> str:
        """The state a demonym gives the weapon ("Israeli missiles", "Russian warplanes"), if one."""
        for mod in (c for c in weapon.lefts if c.dep_ in ("amod", "compound")):
            entry = self.coref.resolver.dictionary.lookup([mod.text])
            if entry is not None and entry.kind in ("demonym", "country") and len(entry.country) == 3:
                return entry.country
        return ""

    def _weapon_users(self, weapon: Token, memory: ArticleActors, sentence_index: int) -> list[ActorRef]:
        """Who the phrase says used the weapon: "a missile fired by pro-Russia rebels"."""
        uses = [c for c in weapon.children if c.dep_ == "acl"]
        uses += [x for c in uses for x in c.children if x.dep_ == "xcomp"]  # "believed to be fired by"
        for user in (p for c in uses for p in g.agent_objects(c)):
            actors = self.coref.actors(user, memory, sentence_index)
            if any(a.country or a.agents for a in actors):
                return actors
        return []

    def _names_weapon(self, noun: Token) -> bool:
        """Does the phrase name an attack by its weapon only? Not when another noun in it names a doer
        the dictionaries do not know ("a coalition bombing")."""
        mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
        if any(m.pos_ in ("NOUN", "PROPN") and not self._weapon_word(m) and m.lower_ not in self.lexicon.bomb_carriers for m in mods):
            return False
        return any(self._weapon_word(w) for w in [noun] + mods)

    def _weapon_word(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.lexicon.weapon_words or tok.lower_ in self.lexicon.weapon_words

    def _leftmost_actor(self, sentence: Span, verb: Token, memory: ArticleActors, sentence_index: int) -> tuple[list[ActorRef], Token] | None:
        """Word order when the parse gives the verb no usable subject (reduced-relative misparses)."""
        if verb.dep_ not in ("acl", "relcl", "ROOT", "dep", "appos", "conj") or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            return None
        if g.child(verb, "nsubj", "nsubjpass") is not None:
            return None
        for tok in sentence:
            if tok.i >= verb.i:
                break
            if tok.dep_ in ("nsubj", "ROOT", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN"):
                actors = self.coref.actors(tok, memory, sentence_index)
                if [a for a in actors if a.country]:
                    return actors, tok
        return None

    def _targets(self, trigger: Trigger, memory: ArticleActors, sentence_index: int, exclude: str,
                 own: str = "") -> tuple[list[ActorRef], Token | None]:
        sense, verb = trigger.sense, trigger.verb
        heads: list[Token] = []
        anchor = trigger.noun if trigger.noun is not None else verb
        if sense.target == "object" and trigger.noun is None:
            obj = g.object_of(verb)
            comp = g.child(verb, "xcomp")
            if obj is None and comp is not None and not sense.code.startswith("07"):
                # "refused to host exercises of ..." (but "would help smash the gangs" does not aid them)
                obj = g.object_of(comp)
                if obj is not None:  # "threatened to deliver blows to the US and Israel"
                    conveyed = comp.lemma_.lower() in self.lexicon.conveying_verbs  # (what is sent is no target; where it goes is)
                    heads.extend(([] if conveyed else [obj]) + g.prep_objects(comp, ("to", "on", "against", "at"))
                                 + (g.prep_objects(comp, ("in", "into")) + g.prep_objects(obj, ("to", "in", "into")) if conveyed else []))
                    obj = None
            if obj is not None:
                heads.append(obj)
        elif sense.target.startswith("prep:"):
            heads.extend(_not_times(g.prep_objects(anchor, sense.target_preps)) or _not_times(g.prep_objects(verb, sense.target_preps)))
            if not heads and trigger.noun is None:
                obj = g.object_of(verb)
                if obj is not None and not self.coref.resolver.name_runs_through_of(obj):
                    heads.extend(g.prep_objects(obj, sense.target_preps))
                    for measure in obj.ancestors:  # "70 million dollars of aid for Romania": on the quantity
                        if measure == verb:
                            break
                        heads.extend(g.prep_objects(measure, sense.target_preps))
        elif sense.target == "xcomp":
            comp = g.child(verb, "xcomp", "ccomp")
            obj = g.object_of(comp) if comp is not None else None
            if obj is not None and comp.lemma_.lower() not in self.lexicon.conveying_verbs:
                heads.append(obj)  # (not what is sent: "threatened to send Turkish forces to retake the town")
            if comp is not None:
                # "threatened to cut off electricity to Nakhichevan": the recipient of the threatened act
                # (not a manner: "pledged to pursue a campaign with limited civilian casualties")
                heads.extend(h for h in g.prep_objects(comp, ("to", "on", "against", "from", "with")) if not self._means(h))
                if obj is not None:
                    heads.extend(h for h in g.prep_objects(obj, ("to", "on", "against", "from", "with", "of")) if not self._means(h))
        elif sense.target == "clause":
            subj = g.clause_subject(verb)
            # "admitted he was wrong", "denied it had attacked": a pronoun there is the speaker itself
            if subj is not None and subj.pos_ != "PRON" and self._heads_an_actor(subj):
                heads.append(subj)
        elif sense.target == "poss":
            obj = g.object_of(verb)
            poss = g.child(obj, "poss") if obj is not None else None
            if poss is None and obj is not None and any(c.dep_ == "dobj" and c.i == obj.i + 1 for c in verb.children):
                poss = obj  # "attacked Tory | plans": an owner the parser split off as a second object
            if poss is not None:
                heads.append(poss)
        if sense.also and not heads:
            heads.extend(g.prep_objects(verb, sense.also))
        own_slot = set(heads)  # (a name there the dictionaries do not know stops the search)
        if not sense.named_target:
            heads.extend(self._fallback_heads(trigger))
        # The first candidate with a country wins; a role alone ("its troops") only when none has one.
        role_only: tuple[list[ActorRef], Token | None] = ([], None)
        home = memory.home()
        for head in heads:
            # "called for the release of X", "condemned the killing of X": X is neither asked nor condemned
            an_act_asked_for = sense.code[:2] in ("02", "10") and self._names_an_act(head)
            an_act_judged = self._judges_an_act(trigger) and head == g.object_of(verb)
            for candidate in self._candidates(head, trigger, an_act_asked_for or an_act_judged):
                actors = self.coref.actors(candidate, memory, sentence_index, exclude=exclude, own=own)
                if home:  # "criticised the government for claiming the EU ...": the (British) government
                    actors = [at_home(a, home, self.coref.resolver.dictionary.words["unplaced_qualifiers"]) for a in actors]
                if (an_act_asked_for or an_act_judged) and candidate == head and all(a.resolved_by == "owner" for a in actors):
                    continue  # (nor is "the release" itself, which the resolver gives its "of" owner)
                if not actors and candidate == head and head.pos_ == "PRON" and head.lower_ not in ("it", "its"):
                    return role_only  # "He has been criticised ... for encouraging young people": he, unknown
                if not actors and candidate == head and head in own_slot and head.pos_ == "PROPN" and not self._known_place(head):
                    return role_only  # "appealed to Saratova to find 1,800 Russian-speakers": Saratova, unknown
                if candidate.dep_ == "pobj" and candidate.head.lower_ in _PLACE_PREPS - {"from"}:
                    actors = [_place_not_government(a) for a in actors]  # "arrived in Amman": a place
                if any(a.country for a in actors):
                    return actors, candidate
                if actors and not role_only[0]:
                    role_only = (actors, candidate)
        return role_only

    def _candidates(self, head: Token, trigger: Trigger, an_act: bool) -> list[Token]:
        """The head of a target slot, then whose it is: its owner ("denounced Serbia's suppression"),
        its first of/on/against/with/to complement, and the doers of what it names ("crimes committed
        by Croat forces"). `an_act`: the head names an act asked for or judged, whose "of" is whom it
        befalls, not a party ("the release of the inmates", "the killing of civilians")."""
        sense, verb = trigger.sense, trigger.verb
        owner = [c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]  # "its" is the subject's own
        # ("pound the area, backed by Iranian allies": the backers of what is hit are not hit)
        # (only of a deed: "crimes committed by Croat forces", not "a conference boycotted by the opposition")
        doers = g.prep_objects(head, ("by",)) + [p for c in head.children if c.dep_ == "acl" and c != verb
                                                  and self._of_a_deed(c)
                                                  for p in g.agent_objects(c)]
        # talks "on" or "of" something are about it, not with it
        owner_preps = ("against", "with", "to") if sense.code.startswith("04") else ("of", "on", "against", "with", "to")
        if _by_force(sense.code):
            owner_preps = tuple(p for p in owner_preps if p != "with")  # "the towns with artillery fire": a means
        # (a noun, not a clause: "accusing the prime minister of hiding from ..." names the charge)
        # (nor a manner: "a campaign with limited civilian casualties")
        whose = _not_times([p for prep in owner_preps for p in g.prep_objects(head, (prep,))
                            if not g.is_verb(p) and not self._means(p) and not _aimed_elsewhere(p, sense.code)])[:1]
        if head.lemma_.lower() in self.coref.resolver.dictionary.words["measure_nouns"]:
            whose = []  # "a limit on the number of people": no one's
        if an_act:
            # "called for the release of the inmates": those released are not whom the call is to
            # ("condemned the killing of civilians": nor whom the condemnation is of)
            whose = [w for w in whose if w.head.lower_ != "of"]
        if sense.code[:2] in ("03", "07") and head.dep_ == "dobj" and head.pos_ == "NOUN" and not self._heads_an_actor(head):
            # what is promised or given is no recipient, nor is whose it is: "pledged open-ended US
            # military commitment", "offering military training" (but "aid to the Kurds": the Kurds)
            return [c for c in whose if c.head.lower_ in ("to", "for", "with")]
        if _own_possession(head) and not g.is_passive(verb):
            # "withdrew its troops": the subject's own forces are no target; "reneged on his
            # commitment to the Zambian people": whom it was made to is
            return [c for c in whose if c.head.lower_ in ("to", "with", "against")]
        return [head] + owner + whose + doers

    def _heads_an_actor(self, tok: Token) -> bool:
        """Is the word itself an actor's (a name, a pronoun, a role or country word), not a thing that
        only a modifier ties to one ("government reform")?"""
        if tok.pos_ in ("PROPN", "PRON") or self.coref.is_pair_phrase(tok):
            return True
        entries = match_entries(self.coref.resolver.dictionary, phrase_tokens(tok))
        return any(tok in toks for _, toks in entries)

    def _fights_in_a_purpose(self, tok: Token, trigger: Trigger) -> bool:
        """Is the word a to-infinitive of force or against someone under a cooperative act ("sent
        troops to fight X", "to oust X", "to prevent X from ...")?"""
        if tok.dep_ not in ("xcomp", "advcl") or trigger.sense.code[:2] >= "09":
            return False
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        if tok.lemma_.lower() in self.lexicon.hostile_purposes:
            return True
        plain = [sense for sense in self.lexicon.verbs.get(tok.lemma_.lower(), ())
                 if not (sense.object or sense.phrase or sense.particle or sense.xcomp)]  # ("set up", not "set fire")
        return any(sense.code[:2] in ("17", "18", "19", "20") for sense in plain)

    def _topic_of_a_noun(self, tok: Token, trigger: Trigger) -> bool:
        """Is the word what a thing is about: "a summit on the Middle East", "a report about Iraq"
        (but "sanctions on Iran" are against it; talks "on" anything are about it)?"""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in _TOPIC_PREPS or prep.head.pos_ != "NOUN":
            return False
        return prep.lower_ != "on" or not self._names_an_act(prep.head) or trigger.sense.code.startswith("04")

    def _means(self, tok: Token) -> bool:
        """ "with the aid of Islamist proxies", "with limited civilian casualties", "with Hans Eichel
        saying ...", "on Twitter": a means, a manner, an aside or a channel, not a party to the act."""
        channel = tok.head.lower_ in ("on", "via", "through") and " ".join(
            t.lower_ for t in tok.subtree if t.dep_ in ("compound", "amod") or t == tok) in self.lexicon.channels
        return (tok.head.lower_ == "with" and tok.lemma_.lower() in self.lexicon.means_nouns) or channel or _absolute(tok)

    def _of_a_deed(self, participle: Token) -> bool:
        """Does the participle ("committed", "held", "owned") make its "by" the doer or holder of the
        thing it describes (`doing_verbs`)?"""
        return any(w in self.lexicon.doing_verbs for w in g.lemma_candidates(participle))

    def _names_an_act(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in self.lexicon.nouns or lemma in self.lexicon.verbs

    def _names_unknown_party(self, trigger: Trigger) -> bool:
        """ "met John Smithers in Geneva": the target is a name the dictionaries do not know; the
        place must not stand in for it."""
        heads = [h.head.head if h.lower_ in ("who", "whom") and h.head.dep_ == "relcl" else h for h in _slot_heads(trigger)]
        # ("another friend of Emwazi, Bilal Berjawi": his name, the parser may hang on the "of" object)
        owners = [p for h in heads if h.pos_ == "NOUN" for p in g.prep_objects(h, ("of",))]
        described = [c for h in heads + owners for c in h.children if c.dep_ == "appos"]
        return (any(h.pos_ == "PROPN" and not self._known_place(h) for h in heads)  # ("Mohammed Sakr, who was killed")
                or any(h.pos_ == "PROPN" and not self._known_place(h) and self.coref.resolver.resolve(h) is None for h in described))

    def _known_place(self, tok: Token) -> bool:
        name = g.proper_name(tok)
        return self.place_country is not None and self.place_country(name) is not None

    @staticmethod
    def _target_named(trigger: Trigger, resolve: Callable[[Token], object]) -> bool:
        """Does the act name anyone or anything in its target slot (its object, the sense's
        prepositions, a recipient)? Things count too: "attacked the convoy" names a target the
        dictionaries cannot code, so such an event stays partial. But where the sense names its
        object itself ("called off the strike", "halted talks"), that object is the act's theme, not
        a party: it counts only when it is an actor."""
        sense, verb = trigger.sense, trigger.verb
        theme = g.object_of(verb) if sense.target == "object" and sense.object and trigger.noun is None else None
        heads = [h for h in _slot_heads(trigger) if not (theme is not None and h == theme and resolve(h) is None)]
        if theme is not None:  # but whose it is names a party: "dismissed Stephanie Villalba's allegations"
            heads += [c for c in theme.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        refused = g.child(verb, "xcomp") if sense.code.startswith("12") else None
        if refused is not None and (thing := g.object_of(refused)) is not None:
            # "refused to back Lord Dubs' bill": whose bill names a party ("refused to publish his advice" none)
            heads += [c for c in thing.children if c.dep_ == "poss" and c.pos_ != "PRON"] + ([thing] if thing.pos_ == "PROPN" else [])
        heads += g.prep_objects(verb, sense.also) if sense.also else []
        dative = g.child(verb, "dative")
        heads += [dative] if dative is not None else []
        # an object the parser made a second subject after the verb is named too
        heads += [c for c in verb.children if c.i > verb.i and c.dep_ == "nsubj"]
        return any(h.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for h in heads)  # "killing 50"

    def _judges_an_act(self, trigger: Trigger) -> bool:
        """A stance (endorse, disapprove, reject, threaten) on a harmful act named as a noun."""
        obj = g.object_of(trigger.verb) if trigger.noun is None else None
        return (obj is not None and trigger.sense.code[:2] in _STANCE_ROOTS
                and obj.lemma_.lower() in self.lexicon.harm_nouns)

    def _fallback_heads(self, trigger: Trigger) -> list[Token]:
        """Where the sense's own role holds no actor: the recipient ("gave Tanzania a grant"), the
        subject of a that-clause ("demanded that Hamas renounce ..."), then recipient-like
        prepositions on the verb or its object."""
        verb = trigger.verb
        heads: list[Token] = []
        dative = g.child(verb, "dative")
        if dative is not None:
            heads.append(g.child(dative, "pobj") or dative)
        comp = g.child(verb, "ccomp") or next((c for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)  # "called for Burma to ..."
        if trigger.noun is not None:
            comp = g.child(trigger.noun, "acl", "ccomp") or comp  # "its demand that Israel ease ..."
        if comp is not None and trigger.sense.code[:2] in ("02", "10", "11", "12", "13") and comp.i > verb.i:
            # (a clause before the verb is no content of it: "X want the budget capped - the Commission has urged
            # an increase", where the parser hangs the first clause on "urged")
            subj = g.child(comp, "nsubj", "nsubjpass")
            if subj is not None and self._heads_an_actor(subj):
                heads.append(subj)  # (not "insisted that government reform must continue": a thing)
        if trigger.sense.code.startswith("13"):
            heads.extend(g.condition_subjects(verb))
        if trigger.sense.code.startswith("14"):
            heads.extend(_protested(verb, trigger.noun, self.lexicon.purpose_verbs))
        obj = g.object_of(verb) if trigger.noun is None else trigger.noun
        # talks "on" or "for" something are about it, not with it; so is information shared or
        # cooperation agreed "on" something
        code = trigger.sense.code
        recipients = ("to", "with", "against", "toward", "towards") + (
            () if code.startswith("04") else ("for",) if code.startswith(("03", "06")) else ("on", "for"))
        if _by_force(trigger.sense.code):
            # "pounding the towns with artillery fire": a means; "fought for Isis": a side
            recipients = tuple(p for p in recipients if p not in ("with", "for"))
        for anchor in (verb, obj):
            if anchor is not None:
                # ("invaded Afrin with the aid of Islamist proxies": a means, not a party; "to share
                # information on the P-3 Orion": what it is about)
                # (nor a clause: "declined to comment on whether Turkey would fight")
                heads.extend(h for h in g.prep_objects(anchor, recipients)
                             if not self._means(h) and not (anchor is obj and _aimed_elsewhere(h, trigger.sense.code)) and not (anchor is obj and self._topic_of_a_noun(h, trigger)) and not _nearby(h)
                             and not (g.is_verb(h) and g.child(h, "nsubj", "nsubjpass", "mark") is not None))
        if obj is not None:
            # "rejected calls by Belarus", "an offer from Afghanistan": whoever made it
            heads.extend(g.prep_objects(obj, ("by", "from")))
        # ("deployed fighters from the IRGC", "Isis fights from civilian areas": where they come or fight from)
        if verb.lemma_.lower() not in self.lexicon.conveying_verbs and not _by_force(trigger.sense.code):
            heads.extend(g.prep_objects(verb, ("from",)))  # "confiscated weapons from armed groups"
        return _not_times(heads)  # ("shelling the enclave on the third day of the campaign")

    def _counterpart(self, trigger: Trigger, source: ActorRef, history: list[Event]) -> list[ActorRef]:
        """ "Belarus rejected the accusations": the target is whoever made them, found among the
        earlier events that concern the source."""
        obj = g.object_of(trigger.verb)
        if obj is None or obj.lemma_.lower() not in self.lexicon.answered_nouns or not source.country:
            return []
        if "02" <= trigger.sense.code[:2] <= "09":
            return []  # "welcomed the report": cooperation answers no earlier hostile act
        # "rejected the demands": an earlier demand's maker ("delivered an ultimatum": the act's own noun,
        # put to whoever the last hostile act was between)
        named = self.lexicon.nouns.get(obj.lemma_.lower()) if trigger.noun is None else None
        for earlier in reversed(history[-12:]):
            if earlier.cameo.root not in _ANSWERABLE_ROOTS:
                continue  # only a demand, accusation, threat or coercion is something to reject or deny
            if named is not None and not _same_kind(earlier.cameo.root, named.code[:2]):
                continue
            parties = [earlier.reported_by, earlier.source, earlier.target]
            if source.country not in {p.country for p in parties if p}:
                continue
            for party in parties:
                if party and party.country and party.country != source.country:
                    return [ActorRef(obj.text, party.country, party.country, [], obj.idx, obj.idx + len(obj.text), "counterpart")]
        return []

    def _asker(self, trigger: Trigger, source: ActorRef, history: list[Event]) -> list[ActorRef]:
        """ "Turkey demanded that HTS leave. The jihadist group has refused": a refusal that names
        nothing refuses the last request, offer or ultimatum put to its source."""
        verb = trigger.verb
        xcomp = g.child(verb, "xcomp")
        if not trigger.sense.code.startswith("12") or trigger.noun is not None or not source.code:
            return []
        if g.object_of(verb) is not None or (xcomp is not None and xcomp.lemma_ != "do"):
            return []  # ("refused to do so" answers too)
        for earlier in reversed(history[-8:]):
            if earlier.cameo.root in _ASKING_ROOTS and earlier.target.code == source.code and earlier.source.country:
                found = earlier.source
                return [ActorRef(found.text, found.code, found.country, list(found.agents), -1, -1, "counterpart")]
        return []

    def _clause_actor(self, trigger: Trigger, subject: Token | None, sources: list[ActorRef],
                      memory: ArticleActors, sentence_index: int) -> list[ActorRef]:
        """No role holds an actor: the one actor of another country named inside the trigger's own
        clause (not in its subject, not in an embedded that-clause) is the target."""
        verb = trigger.verb
        skip: set[int] = set()
        for c in verb.children:
            # not the subject, and not a clause of another act: "refused to intervene, prioritising its
            # ties with Turkey" does not refuse Turkey (a purpose, "to allow deliveries to X", still counts)
            # ("continue to pound the area, backed by Iranian and Russian allies": the allies are no target)
            participle = c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and not any(m.dep_ in ("aux", "mark") for m in c.children)
            # (nor a conjoined clause with a subject of its own: "they offer courses and Scotland is seen as ...")
            own_clause = c.dep_ == "conj" and g.is_verb(c) and g.child(c, "nsubj", "nsubjpass") is not None
            # (nor another act with an object of its own: "backed the strikes but criticised Trump's
            # tweets"; but "will invade and destroy the enclave" share one, and "denied the claim and
            # accused Yerevan" answers Yerevan)
            own_clause = own_clause or (c.dep_ == "conj" and self._another_act(c) and g.object_of(verb) is not None
                                        and not self._answers(verb))
            # (nor the doer of a passive: "opposed by leftist parties, including Lula's Workers Party")
            # (nor what is sent: "sent troops and Arab militia into Afrin" is no aid to the militia)
            carried = c.dep_ == "dobj" and verb.lemma_.lower() in self.lexicon.conveying_verbs
            if c.dep_ in ("nsubj", "nsubjpass", "ccomp", "csubj", "parataxis", "agent") or participle or own_clause or carried or (
                    subject is not None and c.i == subject.i):
                skip |= {t.i for t in c.subtree}
        for t in verb.subtree:
            if t.i in skip or t == verb:
                continue
            # "rejected reports that Syria ...": what the reports say names no target; but "insisted on
            # its demands that Burundi's government grant ...": whom a demand is put to does
            content = (t.dep_ in ("acl", "ccomp") and t.head.pos_ == "NOUN" and t.head.lemma_.lower() not in self.lexicon.demand_nouns
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children))
            # "agreed to set up a body that would give Gibraltarians a voice": a relative clause describes
            # a thing; "declined to say whether the prime minister backed it": what is said is not a party
            # (nor a clause of time, cause or condition: "once the fight against Isis had been completed")
            # ("when the US failed to help the rebels, Saddam counter-attacked": "when" a wh-adverb)
            subordinate = t.dep_ == "advcl" and any((m.dep_ == "mark" and m.lower_ not in ("for", "to", "so"))
                                                    or (m.dep_ == "advmod" and m.tag_ == "WRB" and m.i < t.i) for m in t.children)
            # "Unlike Britain, France opposed the war"; "fighting alongside a Spaniard": a companion
            compared = t.dep_ == "prep" and t.lower_ in ("like", "unlike", "alongside", "beside")
            # "agreed to pay a fine for bribing an Indonesian official": what it is for names no party
            grounds = t.dep_ == "prep" and t.lower_ == "for" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)
            # "pound the area, backed by Iranian and Russian allies": who backs is no target
            backing = t.dep_ in ("acl", "advcl") and t.lemma_.lower() in self.lexicon.backing_verbs and g.child(t, "agent") is not None
            # "welcomed the decision, with finance minister Hans Eichel saying ...": a clause aside
            absolute = t.dep_ == "pcomp" and t.head.lower_ == "with"
            # "agreed over Russian objections", "called for a ceasefire, following Russian objections": the
            # circumstances, not the party; nor another act told before or after it ("launched an internal
            # investigation before informing the US Department of Justice")
            sequel = t.dep_ == "pcomp" and t.head.lower_ in g.SEQUENCE_PREPS and t.tag_ == "VBG"
            circumstance = t.dep_ == "prep" and (t.lower_ in g.CIRCUMSTANCE_PREPS or t.lower_ == "over" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in self.lexicon.objection_nouns for p in t.children))
            # "declined to comment on whether Turkey would fight": an open question names no party;
            # "as per American preference", "according to Russia": whose view, not whom the act is to
            question = t.dep_ in ("pcomp", "ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in t.children)
            attribution = t.dep_ == "prep" and (t.lower_ == "per" or (t.lower_ == "to" and t.head.lower_ == "according"))
            aside = (content or subordinate or compared or grounds or backing or absolute or circumstance or sequel or question
                     or attribution or t.dep_ == "relcl")
            if aside or (t.dep_ in ("ccomp", "csubj") and t.head.pos_ in ("VERB", "AUX")) or self._fights_in_a_purpose(t, trigger):
                skip |= {u.i for u in t.subtree}  # (a purpose of force: "sent troops to fight the Taliban" aids no enemy)
        countries = {s.country for s in sources}
        found: dict[str, ActorRef] = {}
        for tok in verb.subtree:
            if tok.i in skip or tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ in ("compound", "amod", "poss"):
                continue
            if _prepositions_between(verb, tok) > 3:
                continue  # "rejected calls for the publication of advice on the legality of the Iraq war"
            if (trigger.sense.code[:2] in ("02", "10") and tok.dep_ == "pobj" and tok.head.lower_ == "of"
                    and self._names_an_act(tok.head.head)):
                continue  # "called for the release of the Afghan inmates": not whom the call is to
            if _locative(tok) and (g.child(verb, "dobj") is not None or g.is_passive(verb) or self._only_said(trigger)):
                continue  # the act has an object of its own, or is an appeal: "in Syria" only says where
            if self._topic_of_a_noun(tok, trigger):
                continue  # "offer participation in a summit on the Middle East": what it is about
            if (tok.dep_ == "pobj" and tok.head.lower_ == "with" and _by_force(trigger.sense.code)) or self._means(tok):
                continue  # "pounding the border towns with artillery fire", "a campaign with limited casualties": the means or manner
            if tok.dep_ == "pobj" and tok.head.lower_ == "for" and _by_force(trigger.sense.code):
                continue  # "fought for Isis": the side fought on
            if _aimed_elsewhere(tok, trigger.sense.code):
                continue  # "backed retaliatory action against Syria": whom the backed act is against
            if g.clause_subject_taken_for_object(tok):
                continue  # "refused to deny HTS is planning": whom the denied clause is about
            if (tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.dep_ in ("acl", "relcl")
                    and not self._of_a_deed(tok.head.head)):
                continue  # "condemned a target imagined by the IRC": who describes the thing, not whom it is aimed at
            if tok.lemma_.lower() in g.TIME_NOUNS or _nearby(tok):
                continue  # "on the third day of a military campaign": when; "struck close to the bases": where
            mention = self.coref.resolver.resolve(tok)
            if mention is None or mention.actor.resolved_by == "owner":
                continue  # "the legality of the Iraq war" is not Iraq; "of the Iraq war" is looked at itself
            if mention.actor.country and mention.actor.country not in countries:
                found.setdefault(mention.actor.country, mention.actor)
        if len(found) == 1:
            actor = next(iter(found.values()))
            return [ActorRef(actor.text, actor.code, actor.country, list(actor.agents), actor.start, actor.end, "clause")]
        return []

    def _another_act(self, verb: Token) -> bool:
        """A verb of the lexicon with an object of its own: an act with its own target."""
        return g.is_verb(verb) and verb.lemma_.lower() in self.lexicon.verbs and g.object_of(verb) is not None

    def _answers(self, verb: Token) -> bool:
        """Does the verb's object name what someone else said or did ("denied the claim")?"""
        obj = g.object_of(verb)
        return obj is not None and obj.lemma_.lower() in self.lexicon.answered_nouns

    def _place_as_target(self, trigger: Trigger, within_event: bool = False, preps: tuple[str, ...] = ("in", "at", "to")) -> list[ActorRef]:
        """No target named: a country or capital the act happens in is the target, as in
        PETRARCH ("staged a protest in Beijing" → CHN, "will meet in Zurich" → CHE).
        `within_event` also reads places of the event's own circumstances ("killed in a gunbattle in
        southern Serbia", "killed ... when they blew themselves up in Tel Aviv"), for whose civilians
        were hit, not for a target."""
        obj = g.object_of(trigger.verb) if trigger.noun is None else None
        # "strengthened its forces in Lebanon", "suspended aid deliveries in Baghdad"
        anchors = [trigger.verb] + ([trigger.noun] if trigger.noun is not None else []) + ([obj] if obj is not None else [])
        anchors += [c for c in trigger.verb.children if c.dep_ == "xcomp" or (within_event and c.dep_ == "advcl")]
        if not within_event and g.is_purpose_clause(trigger.verb) and trigger.verb.head.lemma_.lower() in self.lexicon.conveying_verbs:
            anchors.append(trigger.verb.head)  # "sent personnel to Bosnia to investigate": where they were sent
        # also one level down: "expressed sorrow for the shootings in South Carolina"
        anchors += [p for a in list(anchors) for p in g.prep_objects(a, ("for", "over", "of", "on"))]
        # "responsibility for an attack targeting shoppers at a mall in Nairobi"
        anchors += [c for a in list(anchors) if a.pos_ == "NOUN" for c in a.children if c.dep_ == "acl"]
        if within_event and trigger.verb.dep_ in ("advcl", "conj") and trigger.verb.tag_ == "VBG":
            # "shelled the capital Juba, killing 20 people": the main act's place and object
            main = trigger.verb.head
            anchors.append(main)
            thing = g.object_of(main)
            for _ in range(3):  # "a government-held part of Syria's second city Aleppo"
                if thing is None:
                    break
                place = self._named_place(thing)
                if place:
                    return place
                thing = next(iter(g.prep_objects(thing, ("of",))), None)
        if within_event:
            # "a roadside bomb near Samarra killed ...", "killed by a device outside Basra"
            doers = [h for h in [g.subject_of(trigger.verb)] + g.agent_objects(trigger.verb) if h is not None]
            anchors += [p for a in list(anchors) for p in g.prep_objects(a, ("in", "during")) if p.pos_ == "NOUN"] + doers
            preps += ("near", "outside")
        if obj is not None and obj.pos_ == "PROPN" and self.place_country and not within_event:
            # "shelled Mariupol", "captured Kafr Saghir": a town as the object stands for its country
            name = g.proper_name(obj)
            country = self.place_country(name)
            if country:
                return [ActorRef(name, country, country, [], obj.idx, obj.idx + len(obj.text), "place")]
        for anchor in anchors:
            for pobj in g.prep_objects(anchor, preps):
                for _ in range(3):
                    # "in the northern city of Kirkuk": the named place; "at targets in Jericho": the place
                    # of the thing; "in a residential sector of eastern Beirut"; "to Esfahan Uranium
                    # Conversion Facilities in central Iran": a name that is no place, then where it is
                    if pobj.pos_ == "PROPN" and (place := self._named_place(pobj)):
                        return place
                    inner = next(iter(g.prep_objects(pobj, ("of", "in"))), None)
                    if inner is None or pobj.pos_ not in ("NOUN", "PROPN"):
                        break
                    pobj = inner
                place = self._named_place(pobj)
                if place:
                    return place
        return []

    def reporter(self, frame: Framing, memory: ArticleActors, sentence_index: int) -> ActorRef | None:
        if frame.reporter is None:
            return None
        found = self.coref.actors(frame.reporter, memory, sentence_index)
        if found:
            return found[0]
        return ActorRef(text=frame.reporter.text)


_FORCES = {"MIL", "COP", "SPY", "UAF"}
# Parties within a country that deal with its state: their "the government" is their own country's.
_DOMESTIC_PARTIES = {"OPP", "PTY", "LEG", "LAB", "JUD", "CVL", "EDU", "HRI", "MED", "REB"}


def _companions(subject: Token) -> list[Token]:
    """Who the subject acts "along with", "together with" or "alongside"."""
    preps = [c for c in subject.children if c.dep_ == "prep" and (c.lower_ == "alongside" or (
        c.lower_ == "with" and any(a.lower_ in ("along", "together") for a in c.children if a.dep_ == "advmod")))]
    preps += [w for c in subject.children if c.dep_ == "prep" and c.lower_ in ("along", "together")
              for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
    return [p for prep in preps for p in prep.children if p.dep_ == "pobj"]


def _locative(tok: Token) -> bool:
    """A place phrase's object: "in Syria", "out of London"."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in _PLACE_PREPS or (prep.lower_ == "of" and prep.head.lower_ in ("out", "outside", "inside"))


def _same_kind(root: str, other: str) -> bool:
    """The same root, or both asks ("urged Greece to cut spending. Greece rejected the demand")."""
    return root == other or {root, other} <= _ASKING_ROOTS


def _prepositions_between(verb: Token, tok: Token) -> int:
    """How many prepositional phrases deep `tok` sits under `verb`."""
    count, current = 0, tok
    while current != verb and current.head != current:
        count += current.dep_ == "pobj"
        current = current.head
    return count


def _people_of_place(actor: ActorRef) -> ActorRef:
    """A town or country (or its capital read as a place) stands for its civilians."""
    if (actor.agents and actor.resolved_by != "metonym") or not actor.country or actor.country.startswith("IGO"):
        return actor
    return ActorRef(actor.text, actor.country + "CVL", actor.country, ["CVL"], actor.start, actor.end, "place")


def _aimed_elsewhere(noun: Token, code: str) -> bool:
    """ "backed retaliatory action against Syria": in an act of cooperation (03-08), whom a thing is
    against is not whom the act is for."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "against" and "03" <= code[:2] <= "08"


def _nearby(noun: Token) -> bool:
    """ "struck close to Russian military bases": where it struck, not what."""
    prep = noun.head
    return prep.lower_ == "to" and prep.head.lower_ in ("close", "next", "near", "adjacent")


def _absolute(noun: Token) -> bool:
    """ "welcomed the decision, with finance minister Hans Eichel saying ...": "with" and a noun doing
    something of its own is a clause aside, not a party to the act."""
    if noun.dep_ == "pcomp" and noun.head.lower_ == "with" and g.is_verb(noun):
        return True  # (parsed as "with" + the clause "Hans Eichel saying ...")
    return noun.head.lower_ == "with" and any(c.dep_ in ("acl", "advcl", "relcl") and c.tag_ in ("VBG", "VBN") for c in noun.children)


def _not_times(heads: list[Token]) -> list[Token]:
    """ "eased on Thursday the curfew in Khartoum", "on the third day of the campaign": a time is no target."""
    return [h for h in heads if h.ent_type_ not in ("DATE", "TIME") and h.lemma_.lower() not in g.TIME_NOUNS]


def _same_side(actor: ActorRef, sources: list[ActorRef], history: list[Event], sentence_index: int) -> ActorRef:
    """A bare role ("killing one soldier") takes the country of the same role just targeted in this
    sentence by the same source ("shelled Armenian positions, killing one soldier" → ARMMIL)."""
    if actor.country or not actor.agents:
        return actor
    source_countries = {s.country for s in sources}
    for earlier in reversed(history):
        if earlier.sentence_index != sentence_index:
            break
        target = earlier.target
        if (earlier.source.country in source_countries and target.country and target.country not in source_countries
                and set(actor.agents) <= set(target.agents)):
            return actor.placed(target.country, "same-side")
    return actor


def _protested(verb: Token, noun: Token | None, purpose_verbs: frozenset[str]) -> list[Token]:
    """Whom a protest is against when the protest verb names nobody: the object of its purpose clause
    ("to protest President Assad's failure", "to demand reforms by Suharto's government") or of "in
    protest against/at" — the candidates' owners and "by" phrases are tried in turn by the caller."""
    heads: list[Token] = []
    for anchor in (verb, noun):
        if anchor is None:
            continue
        for clause in anchor.children:
            if clause.dep_ in ("advcl", "xcomp", "acl") and clause.lemma_.lower() in purpose_verbs:
                obj = g.object_of(clause)
                objects = [obj] if obj is not None else []
                objects += g.prep_objects(clause, ("against", "at", "over", "for", "on", "from"))
                for o in objects:
                    heads.append(o)
                    heads.extend(g.prep_objects(o, ("by", "of", "from")))
        for pobj in g.prep_objects(anchor, ("in",)):
            if pobj.lemma_.lower() == "protest":
                for o in g.prep_objects(pobj, ("against", "at", "over", "of")):
                    heads.append(o)
                    heads.extend(g.prep_objects(o, ("by", "of", "from")))
    return heads


def _slot_heads(trigger: Trigger) -> list[Token]:
    """The words in the target slot the sense names (its object, its prepositions, the object or
    subject of its complement, the owner of its object), whether or not they are actors."""
    sense, verb = trigger.sense, trigger.verb
    anchor = trigger.noun if trigger.noun is not None else verb
    if sense.target == "object" and trigger.noun is None:
        obj = g.object_of(verb)
        return [obj] if obj is not None else []
    if sense.target.startswith("prep:"):
        return g.prep_objects(anchor, sense.target_preps) + g.prep_objects(verb, sense.target_preps)
    if sense.target in ("xcomp", "clause"):
        comp = g.child(verb, "xcomp", "ccomp")
        return [h for h in (g.object_of(comp), g.subject_of(comp)) if h is not None] if comp is not None else []
    if sense.target == "poss":
        obj = g.object_of(verb)
        return [c for c in obj.children if c.dep_ == "poss"] if obj is not None else []
    return []


# Roles whose country, when the text states none, is taken to be that of the event's place.
_PLACE_BOUND_ROLES = (["CVL"], ["UAF"])


def _of_no_country(actor: ActorRef) -> bool:
    return not actor.country and actor.agents in _PLACE_BOUND_ROLES


def _of_place(actor: ActorRef, place: ActorRef) -> ActorRef:
    """Civilians and unidentified gunmen or bombers of no stated nationality are taken to be of the
    country where the event happened, as PETRARCH and ICEWS do; `resolved_by` says so."""
    if not _of_no_country(actor):
        return actor
    agents = actor.agents
    return ActorRef(actor.text, actor_code(place.country, agents), place.country, list(agents), actor.start, actor.end, "place")


def _own_possession(head: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my") for c in head.children)


def _venue_only(place: ActorRef, sources: list[ActorRef], code: str) -> bool:
    """A place that is only where people met or cooperated, not a party: one in the doer's own
    country ("attended a ceremony in Hambantota"), or where an international body meets ("EU leaders
    are holding talks in Brussels"). (A foreign place visited stays the host: "arrived in Amman".)"""
    if code[:2] not in ("03", "04", "05", "06"):
        return False
    return any(s.country == place.country or s.country[:3] in TRANSNATIONAL for s in sources if s.country)


def _place_not_government(actor: ActorRef) -> ActorRef:
    if actor.resolved_by == "metonym":
        return ActorRef(actor.text, actor.country, actor.country, [], actor.start, actor.end, "place")
    return actor


def _domestic(actors: list[ActorRef], others: list[ActorRef] | None = None, society: bool = False,
              diplomatic: frozenset[str] = frozenset(), in_arms: bool = True) -> list[ActorRef]:
    """Actors of unknown country facing the actors of one country, across the state/society line,
    belong to that country, marked `domestic`: a state role facing its domestic actors ("President X
    banned Ugandan opposition candidates" → UGAGOV), and (`society`, for doers only) a domestic role
    acting on a state ("students demanded reforms by the Indonesian government" → IDNEDU; refugees
    deported by a government are not taken to be its own). Troops count as the state only where the
    act is one of arms (`in_arms`): "the opposition accused US forces" says nothing of whose it is."""
    if not others:
        return actors
    out = []
    for a in actors:
        if not a.country and a.agents:
            if set(a.agents) <= _STATE_ROLES:
                a = _of_country(a, _one_country(others, _DOMESTIC_ROLES))
            elif society and set(a.agents) <= _SOCIETY_ROLES and not any(_abroad(o, diplomatic) for o in others):
                # (troops in arms are the state's, but not for rebels: "rebels killed nine French soldiers"
                # in Ivory Coast are no French rebels)
                a = _of_country(a, _one_country(others, _STATE_ROLES | ({"MIL"} if in_arms and not set(a.agents) & _ARMED_SIDES else set())))
        out.append(a)
    return out


# Armed sides of a conflict, whom foreign troops fight as often as their own state's.
_ARMED_SIDES = {"REB", "INS", "SEP", "UAF", "RAD"}


# Acts by which a state deals with its own society: its police disperse protesters, its government
# accuses or concedes to rebels, its army holds refugees.
_HOME_ROOTS = ("08", "11", "15", "17", "18", "19", "20")


def _society_targets(targets: list[ActorRef], sources: list[ActorRef], code: str) -> list[ActorRef]:
    """A part of society of unknown country as the target is of the state named beside it ("the
    Sudanese government and the rebels in Darfur"), else, for a state's dealings with its own
    society, of the acting state ("Liberian riot police dispersed demonstrators" → LBROPP).
    Refugees are not assumed to be the state's own."""
    out = []
    for t in targets:
        # (civilians too when a state's government, police or courts arrest or jail them: "Erdoğan jails
        # tens of thousands of people" in a story on Syria jails Turks)
        society = _SOCIETY_ROLES | ({"CVL"} if code[:2] == "17" else set())
        if not t.country and t.agents and set(t.agents) <= society and "REF" not in t.agents:
            country = _one_country([o for o in targets if o is not t], _STATE_ROLES | {"MIL"})
            if not country and code[:2] in _HOME_ROOTS:
                # (troops fight foreign rebels as often as their own: "Russian jets bombed rebel-held
                # positions" in Syria; the article's theatre places those)
                country = _one_country(sources, _STATE_ROLES | ({"MIL"} if not set(t.agents) & _ARMED_SIDES else set()))
            t = _of_country(t, country)
        out.append(t)
    return out


def _abroad(actor: ActorRef, diplomatic: frozenset[str]) -> bool:
    """A state's mission abroad ("a protest outside the Syrian embassy"): those facing it may be anyone."""
    return any(w in diplomatic for w in actor.text.lower().split())


def _one_country(actors: list[ActorRef], roles: set[str]) -> str:
    """The one country of the actors with one of these roles, or "" (an NGO or IGO is no country:
    "civil rights group Liberty called on the government")."""
    countries = {o.country for o in actors if o.country and o.country[:3] not in TRANSNATIONAL and set(o.agents) & roles}
    return countries.pop() if len(countries) == 1 else ""


_TOPIC_PREPS = {"on", "about", "regarding", "concerning"}
# Stances towards an act (endorse, disapprove, reject, threaten): towards whose act it was.
_STANCE_ROOTS = ("05", "11", "12", "13")


def _by_force(code: str) -> bool:
    """An act of force (CAMEO 18-20): its "with" names a means, its doer may be a weapon's user."""
    return code[:2] in ("18", "19", "20")


def roles_of(actor: ActorRef) -> set[str]:
    """An actor's agent roles, an intergovernmental body counting as IGO ("the UN envoy": IGOUNO) and
    an international armed group as IMG ("Islamic State": IMGMUSISI)."""
    return set(actor.agents) | {block for block in ("IGO", "IMG") if actor.country.startswith(block)}


def _of_country(actor: ActorRef, country: str) -> ActorRef:
    if not country:
        return actor
    return actor.placed(country, "domestic")
