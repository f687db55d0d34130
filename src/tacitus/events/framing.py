"""Deciding what really happened to a trigger: negated, reported (and by whom), intended,
hypothetical, demanded, or only alleged or threatened inside another event's frame."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from tacitus.events import grammar as g
from tacitus.events.lexicon import Lexicon
from tacitus.events.triggers import Trigger


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


class Framer:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def _hedged(self, verb: Token) -> bool:
        return any(c.dep_ == "advmod" and c.lower_ in self.lexicon.hedges for c in verb.children)

    def framing(self, trigger: Trigger, trigger_verbs: set[int]) -> Framing:
        frame = Framing()
        verb = trigger.verb
        if g.is_negated(verb) or g.under_negation(verb):
            frame.negated = True
        if g.is_modifier_participle(verb) or g.is_background_clause(verb) or (
                verb.dep_ == "conj" and g.is_modifier_participle(verb.head)):
            frame.suppressed = True
            return frame
        # A purpose stays an act when nothing else is coded: "sent personnel to Bosnia to investigate",
        # "opened fire to disperse demonstrators" — the purpose is what the main act did.
        clause = g.first_conjunct(verb)  # ("called on Arabs to unite and mobilize": both are the purpose)
        if g.is_purpose_clause(clause) and clause.head.i in trigger_verbs:
            frame.suppressed = True  # the main act is coded; its purpose is not an act of its own
            return frame
        if _what_one_is_for(verb, self.lexicon.capacity_verbs):
            frame.suppressed = True  # "raised by Washington to fight Isis": what they are for
            return frame
        if verb.lemma_.lower() in self.lexicon.enabling_purposes and _purpose_of_a_deed(verb):
            frame.suppressed = True  # "cleared mines to allow civilians to leave": an aim, no concession
            return frame
        if verb.dep_ in ("advcl", "xcomp") and any(t.lower_ in g.SPEAKING_TERMS for t in verb.head.subtree if t.i < verb.i):
            frame.suppressed = True  # "spoke on condition of anonymity to discuss relations with Turkey": who speaks, not an act
            return frame
        if g.asked(verb) or g.under_condition(verb):
            # "will Russia hit back at the US when it launches strikes?": asked, not told; "so long as the
            # veto is used by them to block any unity of action": a condition
            frame.modality = "hypothetical"
            return frame
        if any(self._hedged(v) for v in [verb, *g.infinitive_heads(verb)]):
            frame.modality = "hypothetical"  # "Presumably Damascus will remain determined to retake Idlib": a guess
            return frame
        modal = g.modal_of(verb) or g.inherited_modal(verb)
        refused = False
        prior = False  # climbed out of an "after ..." phrase
        current = verb
        depth = 0
        while depth < 6:
            depth += 1
            governed = g.governing_verb(current)
            if governed is None:
                break
            head, relation = governed
            if relation in ("pcomp:after", "pcomp:since"):
                # "agreed to pay $28m after admitting bribery": the admission came first; the intention
                # above is not its own (who reports it still is)
                prior = True
                current = head
                continue
            to_infinitive = relation == "xcomp" or (relation == "advcl" and g.is_purpose_clause(current))
            if to_infinitive and head.lemma_.lower() in self.lexicon.reporting_verbs:
                # "announced a new drive to help women" parsed with "to help" on "announced": the
                # infinitive belongs to the object noun
                obj = g.child(head, "dobj")
                if obj is not None and obj.pos_ == "NOUN" and obj.i < current.i:
                    head, relation = obj, "acl"
            lemma = head.lemma_.lower()
            irrealis = any(c in self.lexicon.irrealis_words for c in g.lemma_candidates(head))  # "hopes" → "hop"
            judged = g.child(head, "acomp")  # "it was possible for Turkey to renege": possible, not done
            if judged is not None and judged.lemma_.lower() in self.lexicon.irrealis_words and relation in ("ccomp", "xcomp", "advcl"):
                frame.modality = "hypothetical"
                break
            if relation == "xcomp" and lemma == "be" and any(c.lower_ == "up" for c in head.children if c.dep_ in ("prep", "advmod")):
                frame.modality = "hypothetical"  # "it would be up to each leader to accept or refuse": a choice left open
                break
            subject = g.child(head, "nsubj")
            if judged is not None and relation in ("xcomp", "advcl") and subject is not None and subject.lower_ == "it":
                frame.modality = "hypothetical"  # "it is legal and legitimate to kill them": a judgement, not an act
                break
            if relation == "xcomp" and head.pos_ == "ADJ" and any(c.lower_ == "too" for c in head.children):
                frame.suppressed = True  # "the window was too fleeting to deploy jets": not done
                break
            if lemma == "let" and relation == "ccomp" and g.child(head, "nsubj") is None:
                frame.modality = "hypothetical"  # "Let them fight Isis": an exhortation, not an act
                break
            if lemma == "need" and relation == "xcomp" and g.is_verb(head):
                frame.modality = "demanded"  # "Turkey needs to withdraw", "first need to capture": not done
                break
            if lemma == "have" and relation in ("xcomp", "advcl"):
                # "have the assets to launch attacks", "the levers they have to pressure Moscow": a means,
                # not an act; "Russia has to withdraw": an obligation
                # ("had to withdraw" tells it was done)
                means = g.child(head, "dobj") is not None or head.dep_ == "relcl"
                if means or head.tag_ != "VBD":
                    frame.modality = "hypothetical" if means else "demanded"
                    break
            if irrealis and relation in ("ccomp", "xcomp"):
                if lemma == "expect" and relation == "xcomp" and g.is_passive(head):
                    frame.planned = True  # "is expected to visit Moscow": the subject's announced act
                else:
                    frame.modality = "hypothetical"  # "expected Turkey to hand over", "unlikely to attack"
                break
            # "is said to have fled", "the head, widely reported to have resigned, ..."
            # (also "was mistakenly thought to be killed" parsed with "thought" as a clause of "was")
            hearsay = relation == "xcomp" and lemma in self.lexicon.hearsay_verbs and (
                g.is_passive(head) or (head.tag_ == "VBN" and not any(c.dep_ == "aux" for c in head.children))
                or (head.tag_ == "VBD" and not any(c.dep_ in ("aux", "nsubj") for c in head.children)))
            grounds = relation == "pcomp:for" and lemma in self.lexicon.grounds_verbs  # "jailed for helping"
            if (lemma in self.lexicon.allegation_verbs or hearsay or grounds) and head.i != verb.i:
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
            if relation == "ccomp" and lemma in self.lexicon.appeal_verbs and g.child(current, "nsubj") is not None:
                frame.suppressed = True  # "wants Putin to attack": a wish about another actor
                break
            if intent_word and (relation == "xcomp" or (relation == "advcl" and g.is_purpose_clause(current))):
                # ("have sworn to fight" parsed with "to fight" as a clause of purpose)
                frame.intent = frame.intent or not prior
                current = head
                continue
            if relation == "xcomp" and lemma in self.lexicon.preparing_verbs and head.dep_ == "advcl" and head.tag_ == "VBG":
                frame.suppressed = True  # "launched the assault, aiming to force the PYD out": the purpose of another act
                break
            if relation == "xcomp" and lemma in self.lexicon.transparent_verbs:
                modal = modal or (g.modal_of(head) if not prior else None)  # "will seek to reassure": planned
                attempt = lemma in self.lexicon.attempt_verbs
                if not modal and ((attempt and (head.tag_ in ("VBZ", "VBP", "VBG") or trigger.sense.code[:2] in _SHARED_ACTS))
                                  or lemma in self.lexicon.preparing_verbs):
                    # "is trying to strike a deal", "are preparing to recognise": not done yet ("tried to" tells
                    # the act, "tried to storm the embassy"; but "sought to strike a deal" did not make one,
                    # which takes the other side too; "prepared to head to Brussels to meet Bush" does not)
                    modal = "planned"
                current = head  # "pledged to expel": the expulsion is the event
                continue
            if relation == "acl" and head.pos_ == "NOUN" and lemma in self.lexicon.intent_nouns and _dated(head):
                frame.suppressed = True  # "Bush's 2003 decision to invade Iraq": history, neither intended nor told here
                break
            if relation == "acl" and head.pos_ == "NOUN" and lemma in self.lexicon.intent_nouns and self._declared(head):
                frame.intent = True  # "announced a decision to expel": an intention
                current = head
                continue
            if relation == "content" or relation == "acl":
                # "demanded an admission that forces murdered ...", "rejected a call for its forces to be
                # deployed", "announced a drive to help women": the noun's content did not happen
                frame.suppressed = True
                break
            if head.i in trigger_verbs and relation in ("xcomp", "ccomp", "acl"):
                frame.suppressed = True  # "threatened to close", "refused to host": the frame is the event
                break
            if relation in ("xcomp", "advcl") and lemma == "rule" and g.has_particle(head, "out"):
                if g.is_negated(head):
                    frame.suppressed = True  # "has not ruled out attending": a possibility left open
                    break
                frame.negated = refused = True  # "ruled out attending the summit": a refusal
            elif relation == "xcomp" and (g.is_negated(head) or lemma == "fail"):
                # "failed to reach agreement": the parties refused each other, not agreed; "failed to
                # help the rebels": no help, and no one refused
                frame.negated = True
                refused = refused or g.is_negated(head) or self.lexicon.is_mutual(trigger.sense)
            current = head
        if trigger.noun is not None and any(c.lower_ in self.lexicon.intent_adjectives | self.lexicon.prospective_adjectives
                                            for c in trigger.noun.lefts):
            frame.planned = frame.intent = True  # "announced their imminent withdrawal": an intention
        if (trigger.noun is not None and trigger.verb.lemma_ in self.lexicon.deciding_verbs
                and trigger.noun.lemma_ in self.lexicon.announced_intentions):
            frame.planned = frame.intent = True  # "announced (ordered) the withdrawal of US troops": decided, not done
        if modal == "planned" or (modal == "hypothetical" and frame.reporter is not None and _would(verb)):
            # CAMEO codes a stated future act as an intention (03x) or a threat (13x).
            frame.planned = frame.intent = True
        elif modal in ("hypothetical", "demanded"):
            frame.modality = modal
        if frame.reporter is None and (source := g.according_to(verb)) is not None:
            # "..., according to the UN": the UN tells it ("would reject ..., according to a poll" stays
            # a forecast: no one's stated intention)
            frame.reporter = source
            if frame.modality == "asserted":
                frame.modality = "reported"
        if self._governs_trigger(verb, trigger_verbs):
            frame.suppressed = True  # "agreed to lift sanctions": the lifting is coded, not the agreeing
        # "will not provide weapons", "failed to reach agreement": a refusal (12x); "troops were not
        # sent" says only that nothing happened
        if frame.negated and (refused or frame.intent or frame.planned) and self.lexicon.refusal_code(trigger.sense.code):
            frame.negated, frame.refusal = False, True
        if g.not_yet(verb):
            frame.negated, frame.refusal = True, False  # "Turkey is yet to offer a safe haven": not done, nor refused
        return frame

    def _declared(self, noun: Token) -> bool:
        """Is the intention its holder's own declaration ("Iran's plans to", "Iran announced plans
        to"), not one spoken of by others ("he criticised plans to curb the right to protest")?"""
        if g.child(noun, "poss") is not None:
            return True
        verb = noun.head
        declaring = self.lexicon.reporting_verbs | self.lexicon.light_verbs | self.lexicon.intent_verbs
        return noun.dep_ == "dobj" and verb.lemma_.lower() in declaring

    def _governs_trigger(self, verb: Token, trigger_verbs: set[int]) -> bool:
        if verb.lemma_.lower() not in self.lexicon.transparent_verbs | self.lexicon.intent_verbs:
            return False
        return any(c.dep_ == "xcomp" and c.i in trigger_verbs for c in verb.children)


# Acts that take two to be done (meetings, agreements, cooperation): an attempt at one is no success.
_SHARED_ACTS = ("03", "04", "05", "06")


def _dated(noun: Token) -> bool:
    """ "the 2003 decision", "his 1998 pledge": a noun dated by a year before it."""
    return any(c.like_num and len(c.text) == 4 and c.text[:2] in ("19", "20") for c in noun.lefts)


def _would(verb: Token) -> bool:
    """ "said he would host", "said he would be ready to host": a reported intention."""
    current = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "acomp") or current.head == current:
            return False
        current = current.head
    return False


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _what_one_is_for(verb: Token, capacity_verbs: frozenset[str]) -> bool:
    """ "trained units to fight Isis", "are in Syria to fight Isis" (not "is to meet Putin": planned)."""
    if not _to_infinitive(verb) or verb.dep_ not in ("advcl", "xcomp"):
        return False
    lemma = verb.head.lemma_.lower()
    return lemma in capacity_verbs and (lemma != "be" or verb.dep_ == "advcl")


def _purpose_of_a_deed(verb: Token) -> bool:
    """A to-infinitive telling what another act with an object of its own is for ("cleared mines to
    allow ...", "launched an initiative to allow ..."; the small model may attach it as a complement)."""
    if not _to_infinitive(verb):
        return False
    return g.is_purpose_clause(verb) or (verb.dep_ == "xcomp" and g.child(verb.head, "dobj") is not None)
