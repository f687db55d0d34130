"""Sentence → events: find predicate triggers, pick the sense, attach source and target actors,
and decide what really happened (reported, intended, threatened, negated, alleged)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tacitus import ontology
from tacitus.actors.coref import ArticleActors, Coreference
from tacitus.events import grammar as g
from tacitus.events.lexicon import Lexicon, Sense
from tacitus.model import ActorRef, Event

# Object nouns that are someone's words, not an actor: "rejected the accusations".
_CLAIM_NOUNS = {"claim", "accusation", "allegation", "charge", "report", "criticism", "statement", "demand", "call",
                "remark", "comment", "assertion", "suggestion", "threat", "ultimatum", "proposal", "offer", "request"}
# Object nouns that name an earlier act: "condemned the detention" answers whoever detained.
_ACT_NOUNS = {"arrest", "detention", "expulsion", "attack", "decision", "move", "sanction", "measure", "shelling",
              "strike", "raid", "seizure", "closure", "ban", "annexation", "invasion", "occupation", "killing", "execution"}
_FACTUAL = {"asserted", "reported", "planned"}


@dataclass
class Trigger:
    verb: Token  # the predicate word (a verb, or the light verb of an event noun)
    sense: Sense
    noun: Token | None = None  # the event noun of a light-verb construction


@dataclass
class Framing:
    """How the sentence frames an event: who says so and whether it happened."""

    modality: str = "asserted"
    negated: bool = False
    suppressed: bool = False  # an alleged, demanded or threatened act: the frame is coded instead
    reporter: Token | None = None
    intent: bool = False
    planned: bool = False  # future tense: coded as the act, marked planned
    refusal: bool = False  # a negated act of cooperation, coded as a rejection
    notes: list[str] = field(default_factory=list)


@dataclass
class SentenceEvents:
    events: list[Event]
    mentions: list[tuple[Token, list[ActorRef]]]


class EventCoder:
    def __init__(self, lexicon: Lexicon, coref: Coreference, keep_partial: bool = False,
                 all_modalities: bool = False, place_country: Callable[[str], str | None] | None = None) -> None:
        self.lexicon = lexicon
        self.place_country = place_country  # a gazetteer's place name → ISO-3 country, for places as targets
        self._known = frozenset(lexicon.verbs) | lexicon.light_verbs | lexicon.reporting_verbs
        self._triggering = frozenset(lexicon.verbs) | lexicon.light_verbs | lexicon.intent_verbs
        self.coref = coref
        self.keep_partial = keep_partial
        self.all_modalities = all_modalities

    # -- triggers -------------------------------------------------------------------------
    def may_hold_event(self, sentence: Span) -> bool:
        """Cheap test before entity recognition: a predicate the lexicon knows, or an obligation
        ("must") that a reporting verb turns into a demand. Plain "X said" sentences do not count."""
        for tok in sentence:
            if tok.lower_ in ("must", "should") or (g.is_verb(tok) and self._lemma(tok) in self._triggering):
                return True
        return False

    def triggers(self, sentence: Span) -> list[Trigger]:
        found: list[Trigger] = []
        for tok in sentence:
            if not g.is_verb(tok):
                continue
            lemma = self._lemma(tok)
            sense = self._verb_sense(tok, lemma)
            if sense is None and lemma in self.lexicon.light_verbs:
                found.extend(self._noun_triggers(tok))
                continue
            if sense is not None:
                found.append(Trigger(tok, sense))
            elif lemma in self.lexicon.reporting_verbs:
                comp = g.child(tok, "ccomp")
                if comp is not None and g.is_demand_clause(comp):
                    # "Britain said Libya must hand over the suspects": a demand on Libya (CAMEO 10).
                    found.append(Trigger(tok, Sense(lemma, "100", f"{lemma}.must.100", target="clause")))
            if lemma in self.lexicon.intent_verbs:
                comp = g.child(tok, "ccomp")
                if comp is not None and g.child(comp, "nsubj") is not None and g.is_verb(comp):
                    # "Obama wants Putin to attack": a wish put to another actor is an appeal (CAMEO 02)
                    found.append(Trigger(tok, Sense(lemma, "020", f"{lemma}.appeal.020", target="clause")))
        return found

    def _lemma(self, tok: Token) -> str:
        """The first lemma candidate the lexicon knows, else the lemmatizer's."""
        return next((c for c in g.lemma_candidates(tok) if c in self._known), tok.lemma_.lower())

    def _verb_sense(self, verb: Token, lemma: str) -> Sense | None:
        for sense in self.lexicon.verbs.get(lemma, ()):
            if self._fits(verb, sense):
                return sense
        return None

    def _fits(self, verb: Token, sense: Sense) -> bool:
        if sense.particle and not g.has_particle(verb, sense.particle):
            return False
        if sense.object:
            obj = g.object_of(verb)
            if obj is None or not self._lemma_in(obj, sense.object):
                return False
        if sense.phrase:
            after = g.text_after(verb)
            if not any(p in after for p in sense.phrase):
                return False
        if sense.xcomp:
            comp = g.child(verb, "xcomp", "ccomp")
            if comp is None or comp.lemma_.lower() not in sense.xcomp:
                return False
        if sense.clause and not any(c.dep_ in ("ccomp", "xcomp", "pcomp") for c in verb.children):
            return False
        if sense.object_actor:
            obj = g.object_of(verb)
            if obj is None or obj.pos_ not in ("PROPN", "PRON") and obj.ent_type_ not in ("GPE", "ORG", "NORP", "PERSON"):
                return False
        return True

    @staticmethod
    def _lemma_in(token: Token, lemmas: frozenset[str]) -> bool:
        lemma = token.lemma_.lower()
        if lemma in lemmas or token.lower_ in lemmas:
            return True
        for dep in ("compound", "amod"):
            modifier = " ".join(t.lower_ for t in token.lefts if t.dep_ == dep)
            if modifier and f"{modifier} {lemma}" in lemmas:  # "martial law", "hunger strike"
                return True
        return False

    def _noun_triggers(self, verb: Token) -> list[Trigger]:
        obj = g.object_of(verb)
        if obj is None:
            return []
        out = []
        for noun in [obj] + list(obj.conjuncts):
            key = noun.lemma_.lower()
            compound = " ".join(t.lower_ for t in noun.lefts if t.dep_ == "compound")
            sense = self.lexicon.nouns.get(f"{compound} {key}".strip()) or self.lexicon.nouns.get(key)
            if sense is not None:
                out.append(Trigger(verb, sense, noun))
        return out

    # -- framing --------------------------------------------------------------------------
    def framing(self, trigger: Trigger, trigger_verbs: set[int]) -> Framing:
        frame = Framing()
        verb = trigger.verb
        if g.is_negated(verb) or g.under_negation(verb):
            frame.negated = True
        if g.is_modifier_participle(verb) or g.is_background_clause(verb) or (
                verb.dep_ == "conj" and g.is_modifier_participle(verb.head)):
            frame.suppressed = True
            return frame
        if g.is_purpose_clause(verb) and verb.head.i in trigger_verbs:
            frame.suppressed = True  # the main act is coded; its purpose is not an act of its own
            return frame
        modal = g.modal_of(verb)
        current = verb
        depth = 0
        while depth < 6:
            depth += 1
            governed = g.governing_verb(current)
            if governed is None:
                break
            head, relation = governed
            lemma = head.lemma_.lower()
            if lemma in self.lexicon.allegation_verbs and head.i != verb.i:
                frame.suppressed = True
                frame.notes.append(f"alleged under '{head.text}'")
                break
            if lemma in self.lexicon.reporting_verbs and relation == "ccomp":
                if frame.reporter is None:
                    frame.reporter = g.subject_of(head)
                    frame.modality = "reported"
                current = head
                continue
            intent_word = lemma in self.lexicon.intent_verbs or lemma in self.lexicon.intent_adjectives
            if relation == "ccomp" and intent_word and g.child(current, "nsubj") is not None:
                frame.suppressed = True  # "wants Putin to attack": a wish about another actor
                break
            if relation == "xcomp" and intent_word:
                frame.intent = True
                current = head
                continue
            if relation == "xcomp" and lemma in self.lexicon.transparent_verbs:
                current = head  # "pledged to expel": the expulsion is the event
                continue
            if relation == "content":
                frame.suppressed = True  # "demanded an admission that forces murdered ...": the noun's content
                break
            if head.i in trigger_verbs and relation in ("xcomp", "ccomp", "acl"):
                frame.suppressed = True  # "threatened to close", "refused to host": the frame is the event
                break
            if relation == "xcomp" and (g.is_negated(head) or lemma == "fail"):
                frame.negated = True  # "failed to reach agreement" is a refusal, not an agreement
            current = head
        if modal == "planned" or (modal == "hypothetical" and frame.reporter is not None and _would(verb)):
            # CAMEO codes a stated future act as an intention (03x) or a threat (13x).
            frame.planned = frame.intent = True
        elif modal in ("hypothetical", "demanded"):
            frame.modality = modal
        if self._governs_trigger(verb, trigger_verbs):
            frame.suppressed = True  # "agreed to lift sanctions": the lifting is coded, not the agreeing
        if frame.negated and self.lexicon.refusal_code(trigger.sense.code):
            frame.negated, frame.refusal = False, True
        return frame

    def _governs_trigger(self, verb: Token, trigger_verbs: set[int]) -> bool:
        if verb.lemma_.lower() not in self.lexicon.transparent_verbs | self.lexicon.intent_verbs:
            return False
        return any(c.dep_ == "xcomp" and c.i in trigger_verbs for c in verb.children)

    # -- events ---------------------------------------------------------------------------
    def code_sentence(self, sentence: Span, sentence_index: int, article_id: str, memory: ArticleActors,
                      history: list[Event]) -> list[Event]:
        triggers = self.triggers(sentence)
        trigger_verbs = {t.verb.i for t in triggers if t.noun is None}
        trigger_verbs |= {t.noun.i for t in triggers if t.noun is not None}  # "gave permission to Russia to help"
        trigger_verbs |= {t.verb.i for t in triggers if t.noun is not None}  # "staged demonstrations to demand ..."
        events: list[Event] = []
        for trigger in triggers:
            frame = self.framing(trigger, trigger_verbs)
            if frame.planned and frame.modality == "asserted":
                frame.modality = "planned"
            if frame.suppressed:
                continue
            if not self.all_modalities and (frame.negated or frame.modality not in _FACTUAL):
                continue
            events.extend(self._events_for(trigger, frame, sentence, sentence_index, article_id, memory, history))
        return events

    def _events_for(self, trigger: Trigger, frame: Framing, sentence: Span, sentence_index: int, article_id: str,
                    memory: ArticleActors, history: list[Event]) -> list[Event]:
        verb = trigger.verb
        sources, subject = self._sources(verb, sentence, memory, sentence_index)
        if trigger.sense.subject:
            sources = [s for s in sources if trigger.sense.subject & set(s.agents)]
            if not sources:
                return []
        exclude = sources[0].country if sources else ""
        targets, target_head = self._targets(trigger, memory, sentence_index, exclude)
        if not targets and sources:
            targets = self._counterpart(trigger, sources[0], history)
        reciprocal = trigger.sense.code in self.lexicon.symmetric_codes and len(sources) > 1
        if not targets and sources and not reciprocal:
            targets = self._place_as_target(trigger)
        if not targets and sources and not reciprocal:
            targets = self._clause_actor(trigger, subject, sources, memory, sentence_index)
        if code_root(trigger.sense.code) in ("18", "19", "20"):
            targets = [_place_not_government(t) for t in targets]  # "shelled the capital Juba": a place
        sources, targets = _domestic(sources), _domestic(targets, sources)
        sources = _domestic(sources, targets)
        if trigger.sense.swap:
            sources, targets = targets, sources
        code = trigger.sense.code
        rule = trigger.sense.rule if trigger.noun is None else f"{trigger.verb.lemma_.lower()}+{trigger.sense.rule}"
        modality = frame.modality
        if frame.refusal:
            code = self.lexicon.refusal_code(code) or code
            rule += ".refused"
        if frame.intent:
            code = self.lexicon.intent_code(code)
            rule += ".intent"
            condition = g.condition_mark(verb)
            if (condition == "unless" or (condition == "if" and code[:2] >= "10")) and not code.startswith("13"):
                code, rule = "130", rule + ".conditional"  # "will withdraw unless ...": a threat
        reporter = self._reporter(frame, memory, sentence_index)
        pairs = [(s, t) for s in sources or [ActorRef(text="")] for t in targets or [ActorRef(text="")]]
        if code in self.lexicon.symmetric_codes:
            if not targets and len(sources) > 1:
                pairs = [(a, b) for a in sources for b in sources if a is not b]  # "A, B and C met"
            elif trigger.noun is not None:
                pairs += [(t, s) for s, t in pairs]  # "held talks with": both sides talked
        events: list[Event] = []
        coded = [(s, t, code) for s, t in pairs]
        if trigger.sense.reverse:  # "hosted X": X visited
            coded += [(t, s, trigger.sense.reverse) for s, t in pairs]
        for source, target, pair_code in coded:
            if not self.keep_partial and not (source.code and target.code):
                continue
            if source.code and source.code == target.code:
                continue
            if source.country and source.country == target.country and not (source.agents or target.agents):
                continue
            events.append(self._event(article_id, sentence, sentence_index, trigger, source, target, pair_code,
                                      rule, modality, frame, reporter, subject, target_head))
        return events

    def _clause_actor(self, trigger: Trigger, subject: Token | None, sources: list[ActorRef],
                      memory: ArticleActors, sentence_index: int) -> list[ActorRef]:
        """No role holds an actor: the one actor of another country named inside the trigger's own
        clause (not in its subject, not in an embedded that-clause) is the target."""
        verb = trigger.verb
        skip: set[int] = set()
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "ccomp", "csubj") or (subject is not None and c.i == subject.i):
                skip |= {t.i for t in c.subtree}
        countries = {s.country for s in sources}
        found: dict[str, ActorRef] = {}
        for tok in verb.subtree:
            if tok.i in skip or tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ in ("compound", "amod", "poss"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS and g.child(verb, "dobj") is not None:
                continue  # the act has an object of its own: "in Syria" only says where
            mention = self.coref.resolver.resolve(tok)
            if mention and mention.actor.country and mention.actor.country not in countries:
                found.setdefault(mention.actor.country, mention.actor)
        if len(found) == 1:
            actor = next(iter(found.values()))
            return [ActorRef(actor.text, actor.code, actor.country, list(actor.agents), actor.start, actor.end, "clause")]
        return []

    def _place_as_target(self, trigger: Trigger) -> list[ActorRef]:
        """No target named: a country or capital the act happens in is the target, as in
        PETRARCH ("staged a protest in Beijing" → CHN, "will meet in Zurich" → CHE)."""
        anchors = [trigger.verb] + ([trigger.noun] if trigger.noun is not None else [])
        anchors += [c for c in trigger.verb.children if c.dep_ == "xcomp"]  # "agreed to set up a centre in Tokyo"
        # also one level down: "expressed sorrow for the shootings in South Carolina"
        anchors += [p for a in list(anchors) for p in g.prep_objects(a, ("for", "over", "of", "on"))]
        for anchor in anchors:
            for pobj in g.prep_objects(anchor, ("in", "at", "to")):
                if pobj.pos_ == "NOUN":
                    # "in the northern city of Kirkuk": the named place
                    pobj = next(iter(g.prep_objects(pobj, ("of",))), pobj)
                mention = self.coref.resolver.resolve(pobj)
                if mention and mention.actor.country and all(e.kind in ("country", "capital") for e in mention.entries):
                    actor = mention.actor
                    return [ActorRef(actor.text, actor.country, actor.country, [], actor.start, actor.end, "place")]
                if mention is None and self.place_country and pobj.pos_ == "PROPN":
                    name = " ".join(t.text for t in pobj.subtree if t.pos_ == "PROPN")
                    country = self.place_country(name)
                    if country:
                        end = pobj.idx + len(pobj.text)
                        return [ActorRef(name, country, country, [], pobj.idx, end, "place")]
        return []

    def _sources(self, verb: Token, sentence: Span, memory: ArticleActors, sentence_index: int) -> tuple[list[ActorRef], Token | None]:
        subject = g.subject_of(verb)
        actors = self.coref.actors(subject, memory, sentence_index) if subject is not None else []
        if not [a for a in actors if a.country] and g.is_verb(verb):
            fallback = self._leftmost_actor(sentence, verb, memory, sentence_index)
            if fallback:
                return fallback
        return actors, subject

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

    def _targets(self, trigger: Trigger, memory: ArticleActors, sentence_index: int, exclude: str) -> tuple[list[ActorRef], Token | None]:
        sense, verb = trigger.sense, trigger.verb
        heads: list[Token] = []
        anchor = trigger.noun if trigger.noun is not None else verb
        if sense.target == "object" and trigger.noun is None:
            obj = g.object_of(verb)
            comp = g.child(verb, "xcomp")
            if obj is None and comp is not None:
                obj = g.object_of(comp)  # "refused to host exercises of ..."
            if obj is not None:
                heads.append(obj)
        elif sense.target.startswith("prep:"):
            heads.extend(g.prep_objects(anchor, sense.target_preps) or g.prep_objects(verb, sense.target_preps))
            if not heads and trigger.noun is None:
                obj = g.object_of(verb)
                if obj is not None:
                    heads.extend(g.prep_objects(obj, sense.target_preps))
        elif sense.target == "xcomp":
            comp = g.child(verb, "xcomp", "ccomp")
            obj = g.object_of(comp) if comp is not None else None
            if obj is not None:
                heads.append(obj)
            if comp is not None:
                # "threatened to cut off electricity to Nakhichevan": the recipient of the threatened act
                heads.extend(g.prep_objects(comp, ("to", "on", "against", "from", "with")))
                if obj is not None:
                    heads.extend(g.prep_objects(obj, ("to", "on", "against", "from", "with", "of")))
        elif sense.target == "clause":
            comp = g.child(verb, "ccomp")
            subj = g.subject_of(comp) if comp is not None else None
            if subj is not None:
                heads.append(subj)
        elif sense.target == "poss":
            obj = g.object_of(verb)
            poss = g.child(obj, "poss") if obj is not None else None
            if poss is not None:
                heads.append(poss)
        if sense.also and not heads:
            heads.extend(g.prep_objects(verb, sense.also))
        heads.extend(self._fallback_heads(trigger))
        # The first candidate with a country wins; a role alone ("its troops") only when none has one.
        role_only: tuple[list[ActorRef], Token | None] = ([], None)
        for head in heads:
            if _own_possession(head):
                continue  # "withdrew its troops": the subject's own forces are not a target
            for candidate in [head] + [p for prep in ("of", "on", "against", "with", "to") for p in g.prep_objects(head, (prep,))][:1]:
                actors = self.coref.actors(candidate, memory, sentence_index, exclude=exclude)
                if any(a.country for a in actors):
                    return actors, candidate
                if actors and not role_only[0]:
                    role_only = (actors, candidate)
        return role_only

    @staticmethod
    def _fallback_heads(trigger: Trigger) -> list[Token]:
        """Where the sense's own role holds no actor: the recipient ("gave Tanzania a grant"), the
        subject of a that-clause ("demanded that Hamas renounce ..."), then recipient-like
        prepositions on the verb or its object."""
        verb = trigger.verb
        heads: list[Token] = []
        dative = g.child(verb, "dative")
        if dative is not None:
            heads.append(g.child(dative, "pobj") or dative)
        comp = g.child(verb, "ccomp")
        if comp is not None and trigger.sense.code[:2] in ("02", "10", "11", "12", "13"):
            subj = g.child(comp, "nsubj", "nsubjpass")
            if subj is not None:
                heads.append(subj)
        if trigger.sense.code.startswith("13"):
            heads.extend(g.condition_subjects(verb))
        obj = g.object_of(verb) if trigger.noun is None else trigger.noun
        for anchor in (verb, obj):
            if anchor is not None:
                heads.extend(g.prep_objects(anchor, ("to", "with", "against", "on", "for", "toward", "towards")))
        if obj is not None:
            # "rejected calls by Belarus", "an offer from Afghanistan": whoever made it
            heads.extend(g.prep_objects(obj, ("by", "from")))
        return heads

    def _counterpart(self, trigger: Trigger, source: ActorRef, history: list[Event]) -> list[ActorRef]:
        """ "Belarus rejected the accusations": the target is whoever made them, found among the
        earlier events that concern the source."""
        obj = g.object_of(trigger.verb)
        if obj is None or obj.lemma_.lower() not in _CLAIM_NOUNS | _ACT_NOUNS or not source.country:
            return []
        for earlier in reversed(history[-12:]):
            parties = [earlier.reported_by, earlier.source, earlier.target]
            if source.country not in {p.country for p in parties if p}:
                continue
            for party in parties:
                if party and party.country and party.country != source.country:
                    return [ActorRef(obj.text, party.country, party.country, [], obj.idx, obj.idx + len(obj.text), "counterpart")]
        return []

    def _reporter(self, frame: Framing, memory: ArticleActors, sentence_index: int) -> ActorRef | None:
        if frame.reporter is None:
            return None
        found = self.coref.actors(frame.reporter, memory, sentence_index)
        if found:
            return found[0]
        return ActorRef(text=frame.reporter.text)

    def _event(self, article_id: str, sentence: Span, sentence_index: int, trigger: Trigger, source: ActorRef,
               target: ActorRef, code: str, rule: str, modality: str, frame: Framing, reporter: ActorRef | None,
               subject: Token | None, target_head: Token | None) -> Event:
        start, end = _evidence(sentence, trigger, source, target)
        doc = sentence.doc
        ptype, pmode, contexts = ontology.plover(code)
        if trigger.sense.plover and code == trigger.sense.code:
            ptype, pmode = trigger.sense.plover  # "indicted": CAMEO 173, but PLOVER's ACCUSE/allege
        if frame.negated:
            pmode = "negation"
        elif modality == "hypothetical":
            pmode = "hypothetical"
        elif frame.intent and ptype not in ("AGREE", "THREATEN"):
            pmode = "future"
        confidence = 0.75
        confidence -= 0.1 * sum(1 for a in (source, target) if a.resolved_by.startswith(("coref", "counterpart", "role")))
        confidence -= 0.1 if subject is None else 0.0
        confidence += 0.1 if source.resolved_by == "dictionary" and target.resolved_by == "dictionary" else 0.0
        return Event(
            article_id=article_id,
            sentence_index=sentence_index,
            sentence=sentence.text.strip(),
            evidence_start=start,
            evidence_end=end,
            evidence_text=sentence.text[start - sentence.start_char: end - sentence.start_char],
            source=source,
            target=target,
            cameo=ontology.cameo(code),
            plover_type=ptype,
            plover_mode=pmode,
            plover_context=list(contexts),
            reported_by=reporter,
            negated=frame.negated,
            modality=modality,
            confidence=max(0.05, min(0.99, confidence)),
            rule=rule,
            trigger_start=trigger.verb.idx,
        )


def _own_possession(head: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my") for c in head.children)


def code_root(code: str) -> str:
    return code[:2]


def _place_not_government(actor: ActorRef) -> ActorRef:
    if actor.resolved_by == "metonym":
        return ActorRef(actor.text, actor.country, actor.country, [], actor.start, actor.end, "place")
    return actor


_PLACE_PREPS = {"in", "at", "near", "from", "across", "through", "into", "inside", "outside", "around", "throughout", "within", "along"}
_STATE_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_DOMESTIC_ROLES = {"OPP", "REB", "CVL", "EDU", "LAB", "MED", "PTY", "REF", "REL", "BUS", "HRI", "ELI", "CRM"}


def _domestic(actors: list[ActorRef], others: list[ActorRef] | None = None) -> list[ActorRef]:
    """A state role of unknown country facing the domestic actors of one country belongs to that
    country ("President X banned Ugandan opposition candidates" → UGAGOV). Marked `domestic`."""
    if not others:
        return actors
    countries = {o.country for o in others if o.country and set(o.agents) & _DOMESTIC_ROLES}
    if len(countries) != 1:
        return actors
    country = countries.pop()
    out = []
    for a in actors:
        if not a.country and a.agents and set(a.agents) <= _STATE_ROLES:
            a = ActorRef(a.text, country + "".join(a.agents), country, list(a.agents), a.start, a.end, "domestic")
        out.append(a)
    return out


def _would(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children)


def _evidence(sentence: Span, trigger: Trigger, source: ActorRef, target: ActorRef) -> tuple[int, int]:
    """The smallest stretch of the sentence holding the trigger and the actors named in it."""
    verb = trigger.verb
    start = verb.idx
    end = verb.idx + len(verb.text)
    if trigger.noun is not None:
        end = max(end, trigger.noun.idx + len(trigger.noun.text))
    # Actors count when named inside the trigger's own clause: "Baku denied the claim and accused
    # Yerevan" gives the accusation the evidence "accused Yerevan", not the whole sentence.
    lo = max(sentence.start_char, verb.left_edge.idx)
    hi = min(sentence.end_char, verb.right_edge.idx + len(verb.right_edge.text))
    for actor in (source, target):
        if actor.start >= lo and actor.end <= hi and actor.start >= 0:
            start = min(start, actor.start)
            end = max(end, actor.end)
    return start, end
