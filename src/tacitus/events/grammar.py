"""Clause grammar over a spaCy dependency parse: subjects, objects, voice, negation, embedding.

Each helper tolerates the small model's typical errors (a finite verb parsed as a reduced
relative clause, a verb with no subject arc) by falling back on word order.
"""

from __future__ import annotations

from importlib import resources

import yaml
from spacy.tokens import Token

from tacitus.actors.dictionary import ARTICLE_DATE


def _load_word_lists() -> dict[str, frozenset[str]]:
    text = resources.files("tacitus").joinpath("data/grammar.yaml").read_text(encoding="utf-8")
    return {name: frozenset(str(w).lower() for w in words) for name, words in (yaml.safe_load(text) or {}).items()}


# The content words these helpers key on live in data/grammar.yaml (each list explained there).
_WORDS = _load_word_lists()
QUANTITY_NOUNS = _WORDS["quantity_nouns"]
TIME_NOUNS = _WORDS["time_nouns"]
SPEAKING_TERMS = _WORDS["speaking_terms"]
STATIVE_PARTICIPLES = _WORDS["stative_participles"]
SAY_VERBS = _WORDS["say_verbs"]
_STATEMENT_NOUNS = _WORDS["statement_nouns"]
_NORM_NOUNS = _WORDS["norm_nouns"]
# prepositions whose -ing clause is done by the verb's own subject ("resorted to throwing stones");
# not "for" or "of" ("condemned Russia for attacking": Russia attacked)
_MANNER_PREPS = {"to", "by", "after", "before", "while", "without", "through", "since"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP"}
_MODAL_HYPOTHETICAL = {"could", "might", "may", "would"}
_MODAL_DEMAND = {"must", "should", "ought"}
_MODAL_FUTURE = {"will", "shall", "'ll"}
_NEGATORS = {"not", "n't", "never", "no", "rarely", "seldom"}  # ("Israel rarely claims responsibility": no claim told)


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.pos_ == "VERB"


def lemma_candidates(token: Token) -> list[str]:
    """The lemmatizer's lemma first, then plain de-inflections of the word: the small model
    lemmatizes some verbs wrongly ("staged" → "stag")."""
    word = token.lower_
    out = [token.lemma_.lower(), word]
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])  # "shelled" → "shell" is covered above; "stopped" → "stop"
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    seen: dict[str, None] = {}
    for lemma in out:
        seen.setdefault(lemma, None)
    return list(seen)


def is_passive(verb: Token) -> bool:
    """Passive voice, including a participle with a "by" phrase ("Assad, supported by Russia"); a
    stance participle without "by" is not ("Israel is opposed to French mediation": Israel opposes)."""
    if verb.lower_ in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ == "nsubjpass" or (c.dep_ == "auxpass" and c.text != "-") for c in verb.children):
        return True  # (not "Saddam counter-attacked", split at its hyphen with "-" as the auxiliary)
    if verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        # "Bashir on Thursday shortened by one hour the curfew": an active subject, a "by" of measure
        return not any(c.dep_ == "nsubj" for c in verb.children)
    if _shared_agent(verb) is not None or shared_passive_subject(verb) is not None:
        return True
    return reduced_relative_root(verb)


def shared_passive_subject(verb: Token) -> Token | None:
    """The subject a bare conjoined participle shares with a passive before it ("were searched and
    detained ... and forced to return": forced too; the small model may tag it VBD)."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "agent") for c in verb.children):
        return None
    first = verb.head
    while first.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        first = first.head
    if first.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "auxpass" for c in first.children):
        return None
    return child(first, "nsubjpass")


def _shared_agent(verb: Token) -> Token | None:
    """ "Christians, who were targeted, expelled and killed by Isis": participles describing a noun
    share the "by" phrase of their last conjunct."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.tag_ == "VBN" and (agent := child(conj, "agent")) is not None:
            return child(agent, "pobj")
    return None


def reduced_relative_root(verb: Token) -> bool:
    """ "The civilians imprisoned for acting against Moscow were released by Putin": the small model
    makes "imprisoned" the root with "civilians" its subject and "were released" a conjunct. A root
    participle whose conjunct is a passive joined by no "and" or comma is a reduced relative clause:
    the "subject" is what the participle was done to."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or verb.lower_ != verb.text.lower() or child(verb, "nsubj") is None:
        return False
    for conj in verb.children:
        if conj.dep_ == "conj" and any(c.dep_ == "auxpass" for c in conj.children):
            between = verb.doc[verb.i + 1:conj.i]
            return not any(t.dep_ == "cc" or t.text in (",", ";") for t in between if t.head == verb or t.head == conj)
    return False


def reduced_relative_patient(verb: Token) -> Token | None:
    """The noun a reduced relative root was done to, for the root itself or for its passive conjunct."""
    root = verb if reduced_relative_root(verb) else (verb.head if verb.dep_ == "conj" and reduced_relative_root(verb.head) else None)
    return child(root, "nsubj") if root is not None else None


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def nearest_child(token: Token, *deps: str) -> Token | None:
    """Of several children with the relation (a headline's run-on subjects), the closest one; but
    not one that merely continues the phrase of another ("The US envoy to forces fighting to defeat
    Islamic State has resigned": the small model makes "State" a second subject)."""
    found = sorted((c for c in token.children if c.dep_ in deps), key=lambda c: abs(c.i - token.i))
    if not found:
        return None
    nearest = found[0]
    for other in found[1:]:
        if other.right_edge.i + 1 == nearest.left_edge.i and other.right_edge.i > other.i and not other.right_edge.is_punct:
            return other
    return nearest


def subject_of(verb: Token) -> Token | None:
    """The verb's own subject, else the one it shares (conjoined verbs, participles, control)."""
    if verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children):
        by = prep_objects(verb, ("by",))
        if by:
            return by[0]  # "killed in airstrikes and shelling by forces loyal to Assad": a noun, its doer
    if shared_passive_subject(verb) is not None:
        # "were searched and forced to return": a doer only in a "by" phrase of the chain
        agents = [child(v, "agent") for v in [verb, *verb.conjuncts]]
        return next((child(a, "pobj") for a in agents if a is not None), None)
    seen = 0
    current = verb
    came_by_xcomp = came_by_conj = came_by_participle = False
    while seen < 6:
        seen += 1
        if (came_by_conj or came_by_participle) and is_passive(current) and child(current, "nsubjpass") is not None:
            # "The prime minister has been indicted by the court and will resign": the shared subject;
            # "a soldier who was killed by an IED while fighting Isis": the one killed was fighting
            return child(current, "nsubjpass")
        subj = nearest_child(current, "nsubj", "csubj", "nsubjpass") if not is_passive(current) else child(current, "agent")
        if subj is None and (shared := _shared_agent(current)) is not None:
            return shared
        if subj is not None and subj.dep_ == "nsubj" and _compared(subj) and child(subj, "appos") is not None:
            return child(subj, "appos")  # "Like Labour, the Lib Dems oppose ...": the Lib Dems oppose
        if subj is not None:
            if subj.dep_ == "agent":
                return child(subj, "pobj")
            return subj
        if current.dep_ == "acl" and current.head.pos_ == "NOUN" and child(current, "aux") is not None:
            # "Iran's decision to expel", "Iran announced plans to attack": whose the intention is
            noun = current.head
            owner = child(noun, "poss")
            if owner is not None:
                return owner
            if noun.dep_ == "dobj":
                current = noun.head
                continue
        if came_by_xcomp and is_passive(current):
            # "Obama is scheduled to attend": the passive subject controls the infinitive.
            return child(current, "nsubjpass")
        if is_passive(current):
            return None  # a passive without "by": the doer is not named ("530 people died and 2,500 were wounded")
        if _bare_participle_clause(current):
            return None  # "Asked whether ..., he said": the main subject was asked, it did not ask
        if current.dep_ == "conj" and (stranded := _stranded_subject(current)) is not None:
            return stranded
        if current.dep_ in ("conj", "xcomp", "advcl", "acomp") and current.head != current:
            came_by_xcomp = current.dep_ == "xcomp"
            came_by_participle = current.dep_ == "advcl" and current.tag_ == "VBG"
            # an active conjunct ("and will resign"), not a shared passive ("were arrested and later released")
            came_by_conj = current.dep_ == "conj" and not is_passive(current) and current.tag_ != "VBN"
            current = current.head
            continue
        if (current.dep_ == "pcomp" and current.head.lower_ in _MANNER_PREPS and current.head.head.pos_ == "VERB"
                and (current.head.lower_ != "to" or child(current.head.head, "dobj") is None)):
            current = current.head.head  # "resorted to throwing stones", "blocked the bridge by dumping sawdust"
            continue
        if current.dep_ == "pcomp" and current.head.lower_ == "for" and child(current.head.head, "dobj") is not None:
            return child(current.head.head, "dobj")  # "condemned Russia for attacking Ukraine": Russia attacked
        if current.dep_ == "pcomp" and current.head.lower_ == "as" and is_passive(current.head.head):
            # "King Hassan was quoted as saying ...": the one quoted is the speaker
            return child(current.head.head, "nsubjpass")
        if current.dep_ == "relcl":
            # "the man who attacked": the noun is the subject; "parents who were killed": it is not
            return None if is_passive(current) else current.head
        if (current.dep_ == "acl" and current.tag_ in _FINITE_TAGS | {"VBN"} and current.head.pos_ in ("NOUN", "PROPN")
                and current.head.dep_ in ("ROOT", "nsubj")):
            # Misparse: "The FSB secret service announced ..." → "announced" hangs off "service".
            return current.head
        if is_statement_content(current):
            current = current.head.head  # "X issued a declaration demanding ...": X demands
            continue
        return None
    return None


def _compared(noun: Token) -> bool:
    """Is the noun the object of a sentence-initial "Like"/"Unlike" the parser left without one?"""
    before = noun.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    return before is not None and before.lower_ in ("like", "unlike") and child(before, "pobj") is None


def _stranded_subject(verb: Token) -> Token | None:
    """ "Both the UK and France have troops in Syria and the UK's junior defence minister, Tobias
    Ellwood, rejected ...": the small model joins "minister" to "Syria" and "rejected" to "have".
    A conjoined verb right after a noun phrase that is itself a conjunct of an object takes it as
    its subject."""
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct:
        before -= 1
    if before < 0 or before == verb.i - 1:
        return None  # (only across a comma: "..., Tobias Ellwood, rejected")
    noun = verb.doc[before]
    while noun.dep_ in ("appos", "compound", "flat") and noun.head.i < noun.i:
        noun = noun.head
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.head.dep_ not in ("pobj", "dobj"):
        return None
    return noun


def is_statement_content(verb: Token) -> bool:
    """ "issued a declaration demanding that ...": the participle is what the statement's author does."""
    noun = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.lemma_.lower() in _STATEMENT_NOUNS
            and noun.dep_ in ("dobj", "obj") and is_verb(noun.head))


def _main_verb_misparsed_as_participle(verb: Token) -> bool:
    """ "Doctors from two American aid groups donated and delivered goods ...": the small model makes
    the sentence a noun phrase with "donated" hanging off "groups"; with no finite verb elsewhere,
    the participle is the sentence's verb."""
    sent = verb.sent
    if sent.root.pos_ not in ("NOUN", "PROPN") or verb.tag_ not in ("VBN", "VBD"):
        return False
    own = {t.i for t in verb.subtree}
    return not any(t.tag_ in _FINITE_TAGS for t in sent if t.i not in own)


def _second_subject(verb: Token) -> Token | None:
    """ "the minister summoned Niger's ambassador to complain": the small model sometimes makes the
    object a second subject after the verb; with a subject before the verb, it is the object."""
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")]
    return after[0] if before and after else None


def _bare_participle_clause(verb: Token) -> bool:
    """ "(When) asked about X, ...": a past participle clause with no subject or auxiliary of its own."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def object_of(verb: Token) -> Token | None:
    """The direct object (or the passive subject), looked through quantity nouns."""
    # (of two passive subjects, the nearer: "GAZA CITY, ...: Four children were killed")
    obj = child(verb, "dobj", "obj")
    if obj is not None and clause_subject_taken_for_object(obj):
        return None  # "warned the Abstentions Party was the real challenge": a clause, no object
    obj = obj or (nearest_child(verb, "nsubjpass") if is_passive(verb) else None) or shared_passive_subject(verb) or (
        reduced_relative_patient(verb) if is_passive(verb) else None) or _second_subject(verb)
    if obj is None and verb.dep_ == "acl" and is_passive(verb):
        obj = verb.head  # "Assad, supported by Russia": the modified noun undergoes the act
    if obj is None and _bare_participle_clause(verb):
        obj = subject_of(verb.head)  # "Asked about the attack, the leader said": the leader was asked

    if obj is None:
        comp = child(verb, "ccomp", "oprd", "xcomp")
        if comp is not None and not is_verb(comp):
            # "declared the diplomat persona non grata": the object ends up inside a complement.
            obj = child(comp, "nsubj") or comp
        elif (comp is not None and comp.dep_ == "ccomp" and comp.tag_ in ("VB", "VBP") and child(comp, "mark") is None
              and all(c.lower_ == "to" for c in comp.children if c.dep_ == "aux")):
            # "help the two neighbours reach ...", "allow Syrian Kurds to attend": the object is the
            # small clause's subject (an infinitive, the bare one often tagged VBP); not "say whether
            # the prime minister backed it" or "pledged the Conservatives would cut taxes": clauses of their own
            obj = child(comp, "nsubj")
    if obj is None:
        # "denounced as an ugly crime Serbia's suppression of ...": the object parsed as an apposition
        obj = next((child(p, "appos") for p in prep_objects(verb, ("as",)) if child(p, "appos") is not None), None)
    return through_quantity(obj) if obj is not None else None


def clause_subject_taken_for_object(obj: Token) -> bool:
    """ "He warned the Abstentions Party was the real challenge", "denied Russia had produced it",
    "refused to deny HTS is planning": with no "that", the small model makes the clause's subject the
    verb's object and leaves the clause, right after it, with a finite verb and no subject of its own."""
    if obj.dep_ not in ("dobj", "obj") or any(t.pos_ in ("VERB", "AUX") for t in obj.subtree):
        return False  # (a noun with a clause of its own: "rejected that idea saying evidence is ...")
    verb, following = obj.head, obj.right_edge.i + 1
    for clause in [c for v in (verb, verb.head) for c in v.children if c.dep_ == "ccomp" and c.i > obj.i]:
        first = clause.left_edge
        # (an auxiliary or modal: "questioned the UK claims that ..." is a noun the parser took for a verb)
        finite = first.pos_ == "AUX" and first.tag_ in ("VBD", "VBZ", "VBP", "MD")
        if first.i == following and finite and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return True
    return False


def through_quantity(noun: Token) -> Token:
    while noun.lemma_.lower() in QUANTITY_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = child(of, "pobj") if of is not None else None
        if pobj is None:
            break
        noun = pobj
    return noun


def proper_name(head: Token) -> str:
    """The proper name ending at `head`: it and the name words right before it ("Kafr Saghir"),
    without describing adjectives ("mostly Christian eastern Beirut" → "Beirut"); a hyphen inside
    the name is kept ("Maarat al-Numan")."""
    first = head.i
    for tok in reversed(list(head.doc[head.left_edge.i: head.i])):
        inner_hyphen = tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_
        if not inner_hyphen and (tok.pos_ != "PROPN" or tok.dep_ not in ("compound", "flat")):
            break
        first = tok.i
    return head.doc[first: head.i + 1].text


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions attached to `token` ("with Warsaw", "on both sides")."""
    out: list[Token] = []
    for c in token.children:
        if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ in preps:
            pobj = child(c, "pobj", "pcomp")
            of = child(c, "prep")
            if pobj is None and of is not None and of.lower_ == "of":
                pobj = child(of, "pobj")  # "outside of the city"
            if pobj is not None:
                out.append(pobj)
            elif c.dep_ == "prep" and dangling_object(c) is not None:
                out.append(dangling_object(c))
            elif c.dep_ == "prt":
                # "called on both sides": some parses hang the object on the verb after a particle.
                nxt = child(token, "dobj")
                if nxt is not None:
                    out.append(nxt)
    return out


def dangling_object(prep: Token) -> Token | None:
    """A preposition the parser left without its object ("granted asylum to | five officers holed
    up ..."): the head noun of the words right after it."""
    doc = prep.doc
    for tok in doc[prep.i + 1: min(prep.i + 7, prep.sent.end)]:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod", "poss", "nmod"):
            return tok
        if tok.pos_ in ("VERB", "AUX", "ADP") or tok.is_punct:
            return None
    return None


def condition_subjects(verb: Token) -> list[Token]:
    """ "threatened to strike unless Israel rescinded ...": who the condition is put to."""
    out = []
    for v in [verb] + [c for c in verb.children if c.dep_ == "xcomp"]:
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children):
                subj = child(c, "nsubj", "nsubjpass")
                if subj is not None:
                    out.append(subj)
    return out


def agent_objects(verb: Token) -> list[Token]:
    """The doers in a passive's "by" phrase ("committed by Croat forces" → forces)."""
    return [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


def has_particle(verb: Token, particle: str) -> bool:
    """ "called off", "called for ..."; also "called for Burma to institute reforms", where "for"
    comes out as the mark of an infinitive clause, and "was asked by journalists about his view",
    where it hangs on the passive's agent, and "warned Mr Blair and Mr Brown about the dangers", where
    it hangs on a named object (a name takes no such complement of its own)."""
    named = [o for d in verb.children if d.dep_ == "dobj" and d.pos_ == "PROPN" for o in (d, *d.conjuncts) if o.pos_ == "PROPN"]
    # (and "talking darkly of a 'river of Islam'", where it hangs on the adverb)
    manners = [a for a in verb.children if a.dep_ == "advmod" and a.i == verb.i + 1]
    if any(c.dep_ == "prep" and c.lower_ == particle for o in named + manners for c in o.children):
        return True
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == particle for c in verb.children) or any(
        c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == particle for m in c.children)
        for c in verb.children) or any(
        p.dep_ == "prep" and p.lower_ == particle
        for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj" for p in o.children)


_SUBORDINATORS = {"if", "unless", "because", "although", "though", "while", "whereas", "so"}
# Prepositions of the circumstances an act is done in: whom their phrase names is no party to it.
CIRCUMSTANCE_PREPS = {"despite", "amid", "amidst", "following", "notwithstanding"}
# Prepositions that join another act told before, after or during this one ("before informing X").
SEQUENCE_PREPS = {"before", "after", "while", "since", "upon"}


def text_after(verb: Token) -> str:
    """The words of the verb's clause that follow it, lower-cased (for phrase constraints); not those
    of a clause of condition or cause below it ("called for a change in the law so householders are
    only prosecuted if they use force" calls for no force), nor of a phrase of what came before or
    after ("called for the OPCW to deploy specialists before a strike by US forces")."""
    aside = {t.i for c in verb.subtree if c.dep_ in ("advcl", "ccomp", "relcl") and c != verb and any(
        m.dep_ == "mark" and m.lower_ in _SUBORDINATORS for m in c.children) for t in c.subtree if t.dep_ != "mark"}
    aside |= {t.i for c in verb.subtree if c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE_PREPS | SEQUENCE_PREPS
              for t in c.subtree}
    words = [t.lower_ for t in verb.subtree if t.i > verb.i and t.i not in aside]
    return " " + " ".join(words) + " "


def is_negated(verb: Token) -> bool:
    """ "did not act", "never attacked", "no longer face": the verb's own negation."""
    return any(c.dep_ == "neg" or c.lower_ in _NEGATORS and c.dep_ in ("advmod", "neg")
               or (c.lower_ == "longer" and any(n.lower_ == "no" for n in c.children))
               for c in verb.children)


def not_yet(verb: Token) -> bool:
    """ "Turkey is yet to offer", "has yet to decide": not done so far."""
    above = verb.head
    return (verb.dep_ == "xcomp" and above.lemma_ in ("be", "have") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in above.children))


def allied(verb: Token) -> bool:
    """ "fought alongside the SDF", "worked together": the subjects act side by side, not on each other."""
    return any(c.lower_ in ("alongside", "together") for c in verb.children)


def alternatives(subject: Token | None) -> bool:
    """ "EU or member state officials": one or the other acts, not the two on each other."""
    return subject is not None and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") and subject in (c.head, c.head.head)
                                       for c in subject.subtree)  # (also "Russian or Chinese officials")


def under_negation(verb: Token) -> bool:
    """A verb inside a negated clause without crossing a that-clause: "would not give permission to
    Russia to help Israel" negates the helping too."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # "can cut crime without asking people to pay more": not asked
    current = verb
    for _ in range(6):
        if current.dep_ in ("ccomp", "ROOT") or current.head == current:
            return False
        if current.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            return False  # "did not attack Ukraine but it shelled Poland": a clause of its own
        if current.dep_ == "conj" and current.tag_ in _FINITE_TAGS and current.head.tag_ == "VB":
            return False  # "would not respond ... and promised to hail": a finite verb of its own
        if current.dep_ == "acl" and current.head.pos_ == "NOUN" and current.head.dep_ in ("dobj", "pobj"):
            return False  # "did not address Trump's decision to withdraw": the decision stands
        current = current.head
        if is_verb(current) and is_negated(current):
            return True
    return False


def is_background_clause(verb: Token) -> bool:
    """ "Montenegro, where 28 people have been killed in riots this year": a relative clause of place
    or time is background to the sentence's event."""
    return verb.dep_ == "relcl" and any(c.lower_ in ("where", "when") for c in verb.children)


def is_purpose_clause(verb: Token) -> bool:
    """ "blocked roads to demand reforms": an infinitive of purpose explains the main act."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and is_verb(verb.head)


def condition_mark(verb: Token) -> str:
    """ "unless" / "if" when a conditional clause hangs on the verb ("will withdraw unless ..."), else ""."""
    for c in verb.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in ("unless", "if"):
                    return m.lower_
    return ""


def is_modifier_participle(verb: Token) -> bool:
    """ "the civilians imprisoned for ...", "victims killed by the crash": a participle describing a
    noun is background, unless the noun is the sentence's root (the reduced-relative misparse)."""
    # (a past participle is often tagged VBD: "a package of measures agreed with the US")
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBG", "VBD") or verb.head.dep_ == "ROOT":
        return False  # (on the subject it may be the misparsed main verb; "were released" below is not)
    if verb.head.dep_ == "nsubj" and not (verb.tag_ == "VBN" and _done_to_the_noun(verb)):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if is_statement_content(verb) or _main_verb_misparsed_as_participle(verb):
        return False
    # "Russia, which has peacekeepers ..., called on both sides": the sentence's own verb, misparsed
    # as a participle on the object of the relative clause before it.
    return not any(a.dep_ == "relcl" for a in verb.head.ancestors)


def _done_to_the_noun(participle: Token) -> bool:
    """ "the two men released from the Cuba detention camp ... have received letters": a participle
    with no object or clause of its own tells what was done to its noun (the misparsed "The FSB
    announced that ..." has its clause)."""
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "agent") for c in participle.children)


def is_demand_clause(clause: Token) -> bool:
    """ "(that) Libya must hand over the suspects": a clause that states an obligation ("must",
    "ought to"; "should" is as often advice); also the mandative subjunctive "(demanded) that Israel
    ease restrictions" (a bare verb after a singular subject, no auxiliary)."""
    if any(c.dep_ == "aux" and c.lower_ in ("must", "ought") for c in clause.children):
        # ("there must have been 20 instances", "he must have known": an inference, not an obligation;
        # "Iran must be punished", "the Tories must not be allowed to win": what must befall them is
        # asked of someone else)
        return not any((c.dep_ == "aux" and c.lower_ == "have") or c.dep_ in ("expl", "auxpass") for c in clause.children)
    return is_subjunctive(clause)


def is_subjunctive(clause: Token) -> bool:
    subj = child(clause, "nsubj")
    return (clause.tag_ == "VB" and subj is not None and subj.tag_ in ("NNP", "NN")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in clause.children))


def under_condition(verb: Token) -> bool:
    """Is the verb inside a clause of condition ("if", "unless", "as/so long as"), itself or below it
    ("so long as the veto is used by them to block any unity of action")? Not across a reported clause."""
    tok = verb
    for _ in range(8):
        if tok.dep_ == "advcl" and any(m.dep_ == "mark" and (m.lower_ in ("if", "unless") or (m.lower_ == "as" and tok.head.lower_ == "long"))
                                       for m in tok.children):
            return True
        if tok.dep_ in ("ccomp", "ROOT") or tok.head == tok:
            return False
        tok = tok.head
    return False


def asked(verb: Token) -> bool:
    """Is the verb in a sentence that asks (ends with a question mark, quotes aside)?"""
    last = next((t for t in reversed(verb.sent) if not (t.is_space or t.is_quote or t.text in (")", "]"))), None)
    return last is not None and last.text == "?"


def modal_of(verb: Token) -> str:
    """demanded | hypothetical | planned | "" from the verb's auxiliaries and conditional marking."""
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in _MODAL_FUTURE:
            if verb.tag_ == "VBN" and any(a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children):
                return "hypothetical"  # "will already have shared some information": a guess at what was done
            return "planned"
        if c.dep_ == "aux" and c.lower_ in _MODAL_DEMAND:
            return "demanded"
        if c.dep_ == "aux" and c.lower_ in _MODAL_HYPOTHETICAL:
            return "hypothetical"
        if c.dep_ == "aux" and c.lower_ == "can" and not is_negated(verb):
            return "hypothetical"  # "they can complain about it": able to, not done ("cannot accept" refuses)
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return "hypothetical"  # "whether it has helped build up the army"
        if c.dep_ == "aux" and c.lower_ in ("had", "were", "should") and any(s.dep_ in ("nsubj", "nsubjpass") and s.i > c.i for s in verb.children):
            return "hypothetical"  # "had he still been a backbencher, ...", "were Russia to retaliate": a condition
    if is_subjunctive(verb) and verb.dep_ == "ccomp":
        return "demanded"  # "(demanded) that Israel ease restrictions"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.head.children):
            return "hypothetical"  # "if Russia were to retaliate"
        return "planned"  # "Straw is to visit Thailand": an arranged future act
    if verb.dep_ == "ccomp" and _after_in_case(verb):
        return "hypothetical"  # "troops are on standby in case they need to help evacuate"
    if _arranged(verb):
        return "planned"  # "the government is holding a further meeting next week"
    return ""


_AHEAD_WORDS = {"tomorrow", "next", "later", "coming", "tonight"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _arranged(verb: Token) -> bool:
    """A present progressive with a time ahead ("is holding a meeting next week", "are meeting on
    Friday" in Tuesday's paper) tells an arranged act, not one under way; so does a progressive
    announced ("announced he was withdrawing American forces")."""
    if verb.tag_ != "VBG":
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxiliaries & {"was", "were"} and verb.dep_ == "ccomp" and verb.head.lemma_ == "announce":
        return True
    if not auxiliaries & {"is", "are", "am"}:
        return False
    # a time word of this clause, not of a clause inside it ("talks tomorrow", "a meeting next week")
    return any(_ahead(t) and next((a for a in t.ancestors if is_verb(a)), None) == verb for t in verb.subtree)


def _ahead(word: Token) -> bool:
    """A time word ahead of the day of writing: "tomorrow", "next", or a weekday other than
    today's ("jets are bombing Gaza on Friday" in Friday's paper is today's news)."""
    if word.lower_ in _AHEAD_WORDS:
        return True
    today = ARTICLE_DATE.get()
    return word.lower_ in _WEEKDAYS and today is not None and _WEEKDAYS.index(word.lower_) != today.weekday()


def _after_in_case(verb: Token) -> bool:
    """Is the clause introduced by "in case" (parsed as a prepositional phrase before it)?"""
    before = [t.lower_ for t in verb.doc[max(verb.left_edge.i - 2, 0): verb.left_edge.i]]
    return before == ["in", "case"]


_INSIDE_CLAUSE = {"xcomp", "advcl", "acl", "dobj", "pobj", "prep", "pcomp", "npadvmod", "attr", "acomp"}


def inherited_modal(verb: Token) -> str:
    """ "must allocate resources to help ...", "could send troops to help": a purpose or complement
    inside a demanded or hypothetical clause is no more real than it (not across that-clauses, nor
    conjunctions with a subject or auxiliary of their own, which state acts of their own)."""
    current = verb
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children) and (
            verb.tag_ == "VB" or (verb.tag_ == "VBG" and verb.head.tag_ == "VBG")):
        # "could wage a campaign ... and fight Assad", "will criticise Russia and condemn Iran", "will be
        # raising it ... and helping them": the conjunct shares the modal
        found = modal_of(verb.head)
        if found in ("demanded", "hypothetical", "planned"):
            return found
    purpose = False
    while current.dep_ in _INSIDE_CLAUSE and current.head != current:
        purpose = purpose or (current.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children))
        current = current.head
        if is_verb(current):
            found = modal_of(current)
            if found in ("demanded", "hypothetical") or (found == "planned" and purpose):
                return found  # ("will start work on Saturday to investigate": the investigation is ahead too)
    return ""


def clause_subject(verb: Token) -> Token | None:
    """The subject of the verb's that-clause ("claimed that ISIL attacked" → ISIL)."""
    comp = child(verb, "ccomp")
    return subject_of(comp) if comp is not None else None


def infinitive_heads(verb: Token) -> list[Token]:
    """The words a to-infinitive hangs from, up its chain ("will remain determined to retake":
    determined, remain)."""
    heads: list[Token] = []
    governed = governing_verb(verb)
    while governed is not None and governed[1] in ("xcomp", "acomp") and len(heads) < 6:
        heads.append(governed[0])
        governed = governing_verb(governed[0])
    return heads


def first_conjunct(verb: Token) -> Token:
    """The first of coordinated verbs ("unite" in "to unite and mobilize"): it carries their relation."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb


def governing_verb(verb: Token) -> tuple[Token, str] | None:
    """The verb that embeds this one and the relation (xcomp, ccomp, pcomp ...), if any."""
    current = first_conjunct(verb)
    dep = current.dep_
    head = current.head
    if dep == "advcl" and head.pos_ == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "for" for c in current.children):
        return head, "content"  # "calls for the mayor to apologise": what is called for
    if dep == "advcl" and head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
        return head, "acl"  # the same, parsed "calls [for the mayor] [to apologise]"
    if dep in ("xcomp", "ccomp", "advcl", "acomp") and head != current:
        return head, dep  # (acomp: "he would be ready to host": "ready" under "be")
    if dep in ("acl", "relcl") and head != current and head.pos_ == "NOUN" and (
            current.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)):
        return head, "acl"  # "permission to help", "a call for its forces to be deployed": the noun's content
    if (dep in ("acl", "relcl") and head.pos_ == "PROPN" and head.dep_ in ("dobj", "conj")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)):
        return head, "acl"  # "asking Turkey, Russia and Iran to meet", parsed with "to meet" on the names
    if dep in ("ccomp", "acl") and head != current and head.pos_ == "NOUN" and any(
            c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in current.children):
        return head, "content"  # "a claim that X attacked", "its demand that Israel ease ..."
    if dep in ("pcomp", "pobj") and head.dep_ == "prep":
        return head.head, "pcomp:" + head.lower_
    return None


def according_to(verb: Token) -> Token | None:
    """Whom "according to X" on the verb's clause (or a clause above it) names as telling it:
    "Government forces detained 200 people, according to the UN"; not terms ("according to the plan")."""
    for clause in [verb, *verb.ancestors]:
        for prep in clause.children:
            if prep.dep_ == "prep" and prep.lower_ == "according":
                to = next((c for c in prep.children if c.lower_ == "to"), None)
                source = child(to, "pobj") if to is not None else None
                if source is not None and source.lemma_.lower() not in _NORM_NOUNS:
                    return source
    return None
