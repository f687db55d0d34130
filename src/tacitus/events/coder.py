"""Sentence → events: triggers (triggers.py), what happened (framing.py), who to whom (roles.py),
and the event records with their codes, evidence and confidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from tacitus import ontology
from tacitus.actors.coref import ArticleActors, Coreference
from tacitus.events import grammar as g
from tacitus.events.framing import Framer, Framing
from tacitus.events.lexicon import NO_EVENT, Lexicon, Sense
from tacitus.events.roles import RoleFinder, Roles, roles_of
from tacitus.events.triggers import Trigger, TriggerFinder
from tacitus.model import ActorRef, Event

_FACTUAL = {"asserted", "reported", "planned"}




class EventCoder:
    def __init__(self, lexicon: Lexicon, coref: Coreference, keep_partial: bool = False,
                 all_modalities: bool = False, place_country: Callable[[str], str | None] | None = None) -> None:
        self.lexicon = lexicon
        self.finder = TriggerFinder(lexicon, place_country)
        self.framer = Framer(lexicon)
        self.roles = RoleFinder(lexicon, coref, place_country)
        self.keep_partial = keep_partial
        self.all_modalities = all_modalities

    def may_hold_event(self, sentence: Span) -> bool:
        return self.finder.may_hold_event(sentence)

    def triggers(self, sentence: Span) -> list[Trigger]:
        return self.finder.triggers(sentence)

    def code_sentence(self, sentence: Span, sentence_index: int, article_id: str, memory: ArticleActors,
                      history: list[Event], quoted_by: Token | None = None) -> list[Event]:
        """The events of one sentence; `quoted_by`: who says it, when it lies inside a quotation that
        another sentence attributes (see quotes.py)."""
        triggers = self.finder.triggers(sentence)
        trigger_verbs = {t.verb.i for t in triggers if t.noun is None}
        trigger_verbs |= {t.noun.i for t in triggers if t.noun is not None}  # "gave permission to Russia to help"
        trigger_verbs |= {t.verb.i for t in triggers if t.noun is not None}  # "staged demonstrations to demand ..."
        events: list[Event] = []
        for trigger in triggers:
            frame = self.framer.framing(trigger, trigger_verbs)
            if quoted_by is not None and frame.reporter is None:
                frame.reporter = quoted_by
                frame.modality = "reported" if frame.modality == "asserted" else frame.modality
            if frame.planned and frame.modality in ("asserted", "reported") and not frame.refusal:
                # ("plans to sue, it is reported": planned; `reported_by` keeps who; "will not allow it"
                # refuses now)
                frame.modality = "planned"
            if frame.suppressed:
                continue
            if not self.all_modalities and (frame.negated or frame.modality not in _FACTUAL):
                continue
            events.extend(self._events_for(trigger, frame, sentence, sentence_index, article_id, memory, history + events))
        return events

    def _events_for(self, trigger: Trigger, frame: Framing, sentence: Span, sentence_index: int, article_id: str,
                    memory: ArticleActors, history: list[Event]) -> list[Event]:
        verb = trigger.verb
        roles = self.roles.find(trigger, sentence, sentence_index, memory, history)
        for fallback in trigger.otherwise:
            if not _lacks_a_party(trigger.sense, roles):
                break
            if fallback.code == NO_EVENT:
                return []
            # "troops destroyed the bridge": not protesters, so the plain sense
            trigger = replace(trigger, sense=fallback, otherwise=())
            roles = self.roles.find(trigger, sentence, sentence_index, memory, history)
        if _lacks_a_party(trigger.sense, roles):
            return []
        sources, targets, subject, target_head = roles.sources, _of_roles(roles.targets, trigger.sense), roles.subject, roles.target_head
        bombing = self._bombing(trigger.sense.code, sources)
        code = bombing or trigger.sense.code
        if trigger.sense.target == "clause" and code.startswith("11") and not self._alleges_wrong(trigger):
            return []  # "Putin claimed 4,000 Russian citizens had joined": a claim, not an accusation
        rule = trigger.sense.rule if trigger.noun is None else f"{trigger.verb.lemma_.lower()}+{trigger.sense.rule}"
        rule += ".bombing" if bombing else ""
        if code == "015" and _admits_a_fact(trigger, self.lexicon.states_of_mind):
            return []  # "admits that the brand's success came despite scepticism": a fact, no act owned
        claimed = self._own_act_claimed(trigger, sources, targets, memory, sentence_index)
        if claimed is not None:  # "The US claimed that they had attacked Iraq": claiming responsibility
            code, targets, rule = "015", claimed, rule + ".own"
        modality = frame.modality
        if frame.refusal:
            code = self.lexicon.refusal_code(code) or code
            rule += ".refused"
        if frame.intent:
            intended = self.lexicon.intent_code(code)
            # "plans to sue" (no intention code: the act itself, not done yet), "is set to host",
            # "vowed to retaliate": the act is still ahead; but "will not allow it" refuses now
            ahead = modality == "asserted" or (modality == "reported" and intended == code)
            if ahead and not frame.refusal:
                modality = "planned"
            code = intended
            rule += ".intent"
            condition = g.condition_mark(verb)
            put_to = [s for s in g.condition_subjects(verb) if self.roles.coref.resolver.resolve(s) is not None]
            # "will withdraw unless X ...": a threat to X; "will not accept refugees if war starts" is none
            if put_to and (condition == "unless" or (condition == "if" and code[:2] >= "10")) and not code.startswith("13"):
                code, rule = "130", rule + ".conditional"
        reporter = self.roles.reporter(frame, memory, sentence_index)
        pairs = [(s, t) for s in sources or [ActorRef(text="")] for t in targets or [ActorRef(text="")]]
        if self.lexicon.is_mutual(trigger.sense):
            if not targets and len(sources) > 1 and not g.allied(verb) and not g.alternatives(subject):
                pairs = [(a, b) for a in sources for b in sources if a is not b]  # "A, B and C met"
            elif trigger.noun is not None and not (frame.intent or frame.planned):
                # "held talks with": both sides talked ("announced it will start talks with Croatia"
                # is the announcer's intention only)
                pairs += [(t, s) for s, t in pairs if t.resolved_by != "place"]  # (a town where talks are held holds none)
        events: list[Event] = []
        seen: set[tuple[str, str, str]] = set()  # "Israeli helicopters and tanks shelled ...": one event
        coded = [(s, t, code) for s, t in pairs]
        if trigger.sense.reverse:  # "hosted X": X visited
            coded += [(t, s, trigger.sense.reverse) for s, t in pairs]
        for source, target, pair_code in coded:
            # "agreed to resign" (035 from 0831): an intention to do a one-actor act is one too
            one_actor = roles.target_absent and (self.lexicon.one_actor(pair_code) or self.lexicon.one_actor(trigger.sense.code))
            if not self.keep_partial and not (source.code and (target.code or one_actor)):
                continue  # an actor named but unknown: partial; "rebels surrendered": a one-actor event
            if source.code and source.code == target.code and not _different_parties(source, target):
                continue  # one actor acting on itself (or a coreference loop), not an event
            if source.country and source.country == target.country and not (source.agents or target.agents):
                continue
            if _own_country_told(trigger, source, target):
                continue
            if source.code and (source.code, target.code, pair_code) in seen:
                continue
            seen.add((source.code, target.code, pair_code))
            events.append(self._event(article_id, sentence, sentence_index, trigger, source, target, pair_code,
                                      rule, modality, frame, reporter, subject, target_head))
        return events

    def _bombing(self, code: str, sources: list[ActorRef]) -> str | None:
        """ "were killed in a suicide attack": force whose doer is named only by the bomb is a bombing."""
        if code not in ("180", "190") or not sources or not all("UAF" in s.agents and s.resolved_by in ("unidentified", "place")
                                                                  for s in sources):
            return None
        return self.lexicon.bombing_code(sources[0].text)

    def _alleges_wrong(self, trigger: Trigger) -> bool:
        """Does the claimed clause describe a hostile act (CAMEO 11-20), as an accusation needs?"""
        clause = g.child(trigger.verb, "ccomp")
        if clause is None:
            return False
        doc = clause.doc
        inside = self.finder.triggers(doc[clause.left_edge.i: clause.right_edge.i + 1])
        # ("claiming Washington would not leave without guarantees that Turkey would not attack"
        # alleges no attack)
        # (nor does "claimed he had been killed in an airstrike": a passive naming no doer accuses no one)
        # (nor does an act only told as the circumstance of something else: "claimed he was frustrated
        # with talks since the offer was rejected, in particular the decision to suspend talks")
        return any("11" <= t.sense.code[:2] <= "20" and not g.is_negated(t.verb) and g.modal_of(t.verb) != "hypothetical"
                   and not (g.is_passive(t.verb) and not g.agent_objects(t.verb)) and not _circumstance(t.verb, clause)
                   for t in inside)

    def _own_act_claimed(self, trigger: Trigger, sources: list[ActorRef], targets: list[ActorRef],
                         memory: ArticleActors, sentence_index: int) -> list[ActorRef] | None:
        """An allegation whose accused is the claimer itself claims responsibility (CAMEO 015); its
        target is whoever the claimed act was done to."""
        if not trigger.sense.code.startswith("112") or trigger.sense.target != "clause" or not sources or not sources[0].country:
            return None
        accused = g.clause_subject(trigger.verb)
        by_pronoun = accused is not None and accused.pos_ == "PRON"  # "claimed that they had attacked": the claimer
        if not by_pronoun and (not targets or {t.country for t in targets} != {sources[0].country}):
            return None
        clause = g.child(trigger.verb, "ccomp")
        obj = g.object_of(clause) if clause is not None else None
        victims = self.roles.coref.actors(obj, memory, sentence_index) if obj is not None else []
        return [v for v in victims if v.country and v.country != sources[0].country] or None

    def _event(self, article_id: str, sentence: Span, sentence_index: int, trigger: Trigger, source: ActorRef,
               target: ActorRef, code: str, rule: str, modality: str, frame: Framing, reporter: ActorRef | None,
               subject: Token | None, target_head: Token | None) -> Event:
        start, end = _evidence(sentence, trigger, source, target)
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


# Roles of which one country has many named bodies: its parties, companies, media, unions, NGOs.
_MANY_BODIES = {"PTY", "BUS", "MED", "LAB", "NGO"}


def _of_roles(targets: list[ActorRef], sense: Sense) -> list[ActorRef]:
    """The targets of the kind the sense needs ("allowed the opposition to rally": a concession to them)."""
    if not sense.target_roles:
        return targets
    return [t for t in targets if sense.target_roles & roles_of(t)]


def _lacks_a_party(sense: Sense, roles: Roles) -> bool:
    """Does the sense need a kind of source or target the clause does not have ("protesters attacked",
    "allowed local councils to give money")?"""
    return bool((sense.subject and not roles.sources) or (sense.target_roles and not _of_roles(roles.targets, sense)))


def _different_parties(source: ActorRef, target: ActorRef) -> bool:
    """Two bodies of one code named apart ("Tory chairman Liam Fox accused Labour": both GBRPTY;
    "Yukos is suing Gazprom": both RUSBUS) are two actors; the same words, or a pronoun, are one."""
    named = {source.resolved_by, target.resolved_by} <= {"dictionary", "apposition"}  # ("Nigerian banks X and Y")
    apart = source.start >= 0 and target.start >= 0 and (source.end <= target.start or target.end <= source.start)
    return named and apart and source.text.lower() != target.text.lower() and bool(set(source.agents) & _MANY_BODIES)


def _own_country_told(trigger: Trigger, source: ActorRef, target: ActorRef) -> bool:
    """ "Germany must be able to prosecute", says its defence minister; "Trump says US troops must
    leave Syria": a government stating its own country's (or forces') course, not a demand (CAMEO
    10) on anyone."""
    stated = trigger.sense.target == "clause" and trigger.sense.code.startswith("10")
    own = target.country == source.country and set(target.agents) <= {"GOV", "MIL"}
    return stated and bool(source.country) and own and set(source.agents) <= {"GOV", "MIL"}


def _circumstance(verb: Token, clause: Token) -> bool:
    """Is the verb inside a modifying clause (adverbial, relative, a noun's) below the clause head?"""
    tok = verb
    while tok != clause and tok.head != tok:
        if tok.dep_ in ("advcl", "acl", "relcl"):
            return True
        tok = tok.head
    return False


def _admits_a_fact(trigger: Trigger, states_of_mind: frozenset[str]) -> bool:
    """An admission whose that-clause is about something else than the admitter ("admits that the
    success of the brand came despite scepticism"), a judgement, a state of mind or something not
    done only states a fact; "admitting it illegally booked expenses" owns an act (CAMEO 015)."""
    clause = g.child(trigger.verb, "ccomp")
    if clause is None:
        return False
    subject = g.child(clause, "nsubj", "nsubjpass")
    obj = g.object_of(clause)
    nothing = obj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children)
    if g.is_negated(clause) or nothing or clause.lemma_.lower() in states_of_mind:
        return True  # "admitted he had received no new guidance", "admits he did not know": nothing done is owned
    if g.modal_of(clause) == "hypothetical":
        return True  # "admitted that, had he still been a backbencher, he would have voted against": an opinion
    if clause.lemma_ == "be" and (g.child(clause, "expl") is not None or (subject is not None and subject.lower_ in ("it", "this", "that"))):
        return True  # "admitted that it was not an easy issue": a judgement, not an act owned
    return subject is not None and subject.pos_ != "PRON"
