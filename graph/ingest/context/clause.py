"""Who claims a clause: the speaker of the reporting verb above it ("X said that ...", "X said in a
statement that ...", "X issued a statement saying ..."), or of "according to X"; whether it is negated
or hedged is :mod:`graph.ingest.context.modality`.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Police said Tokayev did not sack Masimov and Bokay.")
>>> speaker(doc[5]).text
'Police'
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import prep_objects, subjects
from graph.ingest.context.accusations import accuser
from graph.ingest.context.misparses import appended_report, cited, past_dateline, quoted_as, stranded_report, unconfirmed
from graph.ingest.context.refusals import refusal
from graph.ingest.context.speakers import own_voice
from graph.ingest.context.statements import document_pronoun, earlier_author

__all__ = ["speaker", "background", "quoted_antecedent", "clause_chain", "trailing_speaker", "content_noun", "author", "semicolon"]

_UP = {"xcomp", "ccomp", "conj", "advcl", "parataxis", "ROOT", "pcomp", "acomp", "relcl", "acl"}


def clause_chain(token: Any) -> list[Any]:
    """``token`` and the heads above it through clause links (not out of a noun phrase)."""
    chain = [token]
    while chain[-1].dep_ in _UP and chain[-1].head.i != chain[-1].i and len(chain) < 8:
        if chain[-1].dep_ in ("relcl", "acl") and len(chain) > 1:
            break
        chain.append(chain[-1].head)
        if chain[-1].pos_ in ("NOUN", "PROPN"):
            break
    return chain


def content_noun(token: Any) -> Any | None:
    """The content noun whose that-clause holds ``token`` ("reports that police beat X", "a statement that"),
    or None; a conjoined clause is in it too ("said in a statement that gunmen stormed X and opened fire").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The ministry said in a statement that gunmen had stormed a station and opened fire on officers.")
    >>> content_noun(doc[13]).text
    'statement'
    """
    lex = load_lexicon()
    chain = clause_chain(token)
    if len(chain) > 1 and chain[-1].dep_ in ("acl", "relcl") and not any(
            c.dep_.startswith("nsubj") for link in chain[:-1] if link.dep_ == "conj" for c in link.children):
        chain.append(chain[-1].head)  # "a statement that A and B", "... that A, killing B"; not "..., and
        # deputies voted" (a clause of its own)
    for below, link in zip(chain, chain[1:]):
        if link.pos_ == "NOUN" and below.dep_ in ("acl", "relcl") and (
                link.lemma_.lower() in lex["content_nouns"] or link.lemma_.lower() in lex["document_nouns"]) and (
                any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children) or below.lemma_ in lex["reporting"]):
            return link
    return None


def author(noun: Any) -> Any | None:
    """Who a content or document noun is from: its possessor, its "by"/"from" object, the subject of the verb
    that issues, states or denies it ("the ministry issued a statement", "X said in a statement", "X denied
    reports"), or None ("reports that ...": hearsay)."""
    lex = load_lexicon()
    found = [c for c in noun.children if c.dep_ == "poss"] or prep_objects(noun, "by") or prep_objects(noun, "from") or [
        g for c in noun.children if c.dep_ == "acl" and c.lemma_ in lex["issuing"] for a in c.children
        if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]  # "a statement issued by the ministry"
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else \
        noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if not found and verb is not None and (verb.lemma_ in lex["reporting"] or verb.lemma_ in lex["issuing"] or
                                           verb.lemma_ in lex["negating"]):
        found = subjects(verb)
    return found[0] if found else None


def _said_by(verb: Any) -> Any | None:
    """The subject of a reporting verb; a name right before a subjectless one ("..., spokesman X told
    reporters", which the parser may hang on the report as an apposition); the author of the statement
    a participle hangs on ("the ministry issued a statement saying")."""
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and not any(c.dep_ == "nsubj" for c in verb.children):
        return author(verb.head)
    if verb.dep_ == "relcl" and _content_head(verb):  # "the findings of her inquiry into X, which concluded that"
        noun = verb.head
        while author(noun) is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
        issued = noun.head.head if noun.dep_ == "pobj" else None  # "published findings into X, which concluded"
        if author(noun) is None and issued is not None and issued.lemma_ in load_lexicon()["issuing"]:
            return next(iter(subjects(issued)), None)
        return author(noun)
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children) and \
            verb.head.dep_ == "ccomp" and verb.head.head.lemma_ in load_lexicon()["reporting"]:
        return _said_by(verb.head.head)  # "X said nobody had asked, and denied that ...": X denied (misparsed)
    found = next(iter(reversed(subjects(verb))), None)  # "Police, Vasko said, had ...": the nearer subject
    found = past_dateline(found, verb) if found is not None else None
    if found is not None and verb.dep_ == "relcl" and found.dep_ == "pobj" and found.ent_type_ in ("GPE", "LOC", "FAC") \
            and found.head.head.lower_ in load_lexicon()["groups"] and any(c.lower_ == "who" for c in verb.children):
        found = found.head.head  # "Dockers in Brenholt, who had complained": the dockers, not the town
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
        quoted = [c for c in verb.head.head.children if c.dep_ == "dobj"] or subjects(verb.head.head)
        return quoted[0] if quoted else None  # "the Courier quoted X as saying", "X was quoted as saying"
    source = cited(verb)
    if source is not None:
        return source  # "the agency reported, citing a source in the SBV": the source
    found = _self_named(found) if found is not None else None
    if found is not None and found.lower_ in _PRONOUNS and found.i > 1 and found.doc[found.i - 1].is_quote:
        quoted = [t for t in found.sent if t.i < found.i - 1]  # '"... Oskar Dorn ...," he said'
        found = quoted_antecedent(found, quoted) or found
    if found is not None and found.lemma_.lower() in load_lexicon()["document_nouns"] and found.dep_ == "nsubj":
        found = author(found) or earlier_author(found) or found  # "a statement from the ministry said"; "the
        # statement said" after "a statement issued by the ministry"
    elif found is not None and found.dep_ == "nsubj":
        found = document_pronoun(found, _said_by) or found  # "The statement said ... It denied that ..."
    if found is None:
        found = next((s for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i < verb.i and c.doc[c.i - 1].text
                      == "," and c.doc[c.right_edge.i + 1].text == "," and not any(a.dep_ in ("aux", "auxpass") for a in
                                                                                   c.children)
                      for s in c.children if s.dep_ == "nsubj" and s.i < c.i), None)  # "X, asked about Y, said": X
        # (the parser made the aside a clause with X its subject)
    before = verb.doc[verb.i - 1] if verb.i else None
    if found is None and before is not None and before.pos_ in ("PROPN", "NOUN") and (
            before.dep_ == "appos" or (before.dep_ == "compound" and before.head.i == verb.i)):
        return before  # "..., spokesman X told reporters"; "State television reports that" (a noun to the parser)
    return found if found is not None else _trailing(verb)


def _trailing(verb: Any) -> Any | None:
    """The trailing speaker of ``verb`` (:func:`trailing_speaker`), the author for a document ("..., a statement
    from the SBV said": the SBV)."""
    found = trailing_speaker(verb)
    if found is not None and found.lemma_.lower() in load_lexicon()["document_nouns"]:
        return author(found) or earlier_author(found) or found
    return found


def _self_named(noun: Any) -> Any:
    """The name a described speaker gives himself ("a man who identified himself as Colonel Kaveu": Kaveu),
    else ``noun``."""
    for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl") and c.lemma_ in _NAMING):
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"):
            name = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if name is not None:
                return name
    return noun


_NAMING = {"identify", "introduce", "describe", "name", "present"}


def trailing_speaker(verb: Any) -> Any | None:
    """The noun phrase right before a subjectless reporting verb at a sentence's end, which the parser
    hung on the reported clause ("police arrested X, the party's spokesman, Emil Sorrow, said": the
    spokesman), or None."""
    if verb.lemma_ not in load_lexicon()["reporting"] or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    j = verb.i - 1
    while j >= verb.sent.start and verb.doc[j].is_punct:
        j -= 1
    if j < verb.sent.start or verb.doc[j].pos_ not in ("PROPN", "NOUN") or verb.i - j > 2:
        return None
    top = verb.doc[j]
    while top.dep_ == "compound" and top.head.i < verb.i and top.head.pos_ in ("PROPN", "NOUN"):
        top = top.head
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.lower_ in ("for", "of", "at") and \
            top.head.head.pos_ == "NOUN" and top.head.head.lemma_.lower() in load_lexicon()["titles"]:
        top = top.head.head  # "..., a spokesman for the Northern Pact said": the spokesman
    if top.dep_ == "appos" and top.pos_ == "NOUN" and top.head.pos_ == "PROPN" and top.head.dep_ in ("appos", "conj"):
        top = top.head  # "police held X, Lena Vasko, his lawyer, said": Vasko (a name after a name), not "lawyer"
    if top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.dep_ == "amod" and \
            top.head.head.head.pos_ == "NOUN" and top.head.head.head.i < top.i:
        top = top.head.head.head  # "..., a source close to the SBV said", "sources familiar with the talks said"
    if top.dep_ == "pobj" and top.head.lower_ in ("from", "by") and \
            top.head.head.lemma_.lower() in load_lexicon()["document_nouns"]:
        top = top.head.head  # "..., a statement from the SBV said": the statement
    return top if top.dep_ in ("dobj", "appos", "conj", "npadvmod") and top.head != verb else None


def _source(according: Any) -> Any | None:
    """Who "according to" names: its object, or the author of a document it names ("according to a
    decree published by the press service", "according to the ministry's statement")."""
    found = next((g for g in according.subtree if g.dep_ == "pobj"), None)
    if found is not None and found.lemma_.lower() in load_lexicon()["document_nouns"]:
        own = [c for c in found.children if c.dep_ == "poss"]  # "the ministry's statement"
        authors = [g for g in found.subtree if g.dep_ == "pobj" and g.head.lower_ in ("by", "from", "of")]
        return (own or authors or [found])[0]  # "a statement from Oktar's ministry": the ministry, not Oktar
    return found


def _content_head(clause: Any) -> bool:
    """Whether the relative clause ``clause`` hangs on a common noun that names no party ("cases", "a video")."""
    lex = load_lexicon()
    head = clause.head
    return head.pos_ == "NOUN" and not any(
        w in lex["groups"] or w in lex["descriptions"] or w in lex["titles"] for w in (head.lower_, head.lemma_.lower()))


def semicolon(clause: Any, verb: Any) -> bool:
    """Whether a semicolon parts ``clause`` from the verb it hangs on ("X opened a case; Y denied any wrongdoing":
    two sentences, not a report)."""
    low, high = sorted((clause.i, verb.i))
    return any(t.text == ";" for t in verb.doc[low:high])


def _summing(clause: Any) -> bool:
    """Whether the relative clause ``clause`` hangs on a content noun set off to sum up the report before it ("X
    said police held Y, a claim Z rejected"): the reporter's words on the claim, not the claim."""
    return clause.head.dep_ == "appos" and clause.head.lemma_.lower() in load_lexicon()["content_nouns"]


def _aside(clause: Any) -> bool:
    """Whether ``clause`` is a relative clause, or a participle set off by a comma after its noun ("officers,
    sent to Kellin by the minister, seized ...": background like "Putin, who sent troops, said"; not "a
    council led by Samboa")."""
    return clause.dep_ == "relcl" or (clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG") and clause.i > clause.head.i
                                      and clause.doc[clause.left_edge.i - 1].text == ",")


def _reported_noun(clause: Any) -> bool:
    """Whether the relative clause ``clause`` hangs on the subject or complement of a that-clause of a
    reporting verb ("said its troops, who guarded the airport, did not fire", "told a briefing that the dead
    were attackers who had stormed buildings"), or on a noun after the verb of a clause a trailing reporting verb
    reports ("the offer came at the request of X, who telephoned Y this morning, her office said"): reported with
    it; not an aside on an object at the end of a that-clause, nor on the subject before a trailing reporting verb
    ("X, who ran it until Y sacked him, arrived, the office said")."""
    noun = clause.head
    if noun.dep_ in ("nsubj", "nsubjpass", "attr") and noun.head.dep_ == "ccomp" and \
            noun.head.head.lemma_ in load_lexicon()["reporting"] and noun.head.head.i < noun.i:
        return True
    verb = noun
    while verb.dep_ in ("pobj", "prep", "appos", "dobj", "compound", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and verb.i < noun.i and verb.dep_ == "ccomp" and \
        verb.head.lemma_ in load_lexicon()["reporting"] and verb.head.i > clause.right_edge.i


_WH = {"why", "how", "whether", "if", "when", "where"}
_TEMPORAL = {"after", "before", "since", "until", "when", "because", "once"}  # marks of a report that is no frame
_CONCESSIVE = {"though", "although"}


def _unsaid(verb: Any, clause: Any) -> bool:
    """Whether the reporting ``verb`` does not say its ``clause``: a wish ("want X to explain"), a question
    ("explain why he ordered", "asked whether"), or a confirmation withheld ("could not confirm that")."""
    return (verb.dep_ == "xcomp" and verb.head.lemma_ in load_lexicon()["irrealis"]) or unconfirmed(verb) or any(
        c.lower_ in _WH and c.dep_ in ("advmod", "mark") and c.i < clause.i for c in clause.children)


def _performed(token: Any, who: Any) -> bool:
    """Whether the clause ``token`` is a speech act the speaker ``who`` performs by its statement ("said it
    shared the findings and urged the government to ...", "said it had detained seven men, accusing them of
    ..."): the reporter's fact that it urged or accused, not a claim.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The ministry said it shared the findings and urged the government to act.")
    >>> _performed(doc[8], doc[1]), _performed(doc[4], doc[1])
    (True, False)
    """
    if token.lemma_ not in load_lexicon()["performatives"] or any(c.lower_ == "had" or c.dep_.startswith("nsubj")
                                                                  for c in token.children):
        return False  # "Blinken says he urged the government": an act he reports, his claim
    own = subjects(token)
    if not own or own[0].pos_ != "PRON":
        return False
    person = who.ent_type_ == "PERSON" or who.lemma_.lower() in load_lexicon()["titles"]
    return own[0].lower_ in (("he", "she") if person else ("it", "they", "we"))


def speaker(token: Any, *, reported_relatives: bool = False) -> Any | None:
    """The speaker of the reporting verb above ``token`` ("X said that ..."), or of "according to X", but for
    the outlet's own staff ("our correspondent says": the reporter); ``reported_relatives``: a relative clause
    on a noun of the report is reported too."""
    found = _speaker(token, reported_relatives=reported_relatives)
    return None if own_voice(found) else found


def _speaker(token: Any, *, reported_relatives: bool) -> Any | None:
    reporting = load_lexicon()["reporting"]
    noun = content_noun(token)
    if noun is not None and (who := author(noun)) is not None:
        return who
    if (who := accuser(token)) is not None:
        return who  # "X accused Y of plotting with Z": X's claim
    chain = [token]
    while chain[-1].head.i != chain[-1].i and (not _aside(chain[-1]) or _content_head(chain[-1]) and not _summing(
            chain[-1]) or (
            reported_relatives and _reported_noun(chain[-1]))) and len(chain) < 12:
        chain.append(chain[-1].head)  # a participle inside the report is reported too; a relative clause on a
        # party is background ("Putin, who sent troops, said"), on a content noun reported ("cases in which police beat")
    for i, link in enumerate(chain):
        if link.dep_ == "ccomp" and link.head.lemma_ not in reporting and (said := stranded_report(link)) is not None:
            return _said_by(said)  # "X, who has said, without offering evidence, that Y attacked Z": X's
        if link.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in link.children) and \
                any(c.dep_ == "auxpass" for c in link.children) and link.lemma_ in load_lexicon()["hedge_words"] | reporting:
            return None  # "X says police detained 300, though many are thought to have been freed": the reporter's
        for child in link.children:
            if child.lower_ == "according":
                return _source(child)
            if child.dep_ == "conj" and child.i > token.i and child.pos_ in ("VERB", "AUX"):
                found = next((g for g in child.children if g.lower_ == "according" and (g.i > child.i or (
                    token.i < g.i and semicolon(g, child)))), None)  # "..., according to Y; Z confirmed it"
                closer = any(c.dep_ in ("parataxis", "conj") and c.lemma_ in reporting and token.i < c.i < child.i
                             for c in link.children)  # "X did A, the Kremlin said, and Y did B, according to Z"
                if found is not None and not closer:  # "X held talks and agreed a truce, according to Y": of both verbs
                    return _source(found)
        if i and link.lemma_ in reporting and chain[i - 1].dep_ in ("ccomp", "parataxis", "xcomp") and not any(
                c.dep_ == "auxpass" for c in link.children) and not semicolon(chain[i - 1], link) and \
                not semicolon(token, link) and not any(c.dep_ == "mark" and c.lower_ in _TEMPORAL for c in link.children):
            # "X removed him; he was detained, officials said": only the second; not "X clashed, a day after Y
            # announced a delay", which the parser reads as Y's report
            if _unsaid(link, chain[i - 1]):
                return None  # "want Tokayev to explain why he ordered ...": the reporter's, not Tokayev's
            who = _said_by(link)
            return None if who is not None and (_performed(token, who) or refusal(token, who)) else who
        if (said := appended_report(link, token)) is not None:
            return cited(said) or cited(link) or said.head  # "police hold X, state media reported, quoting Y"
        for child in link.children:
            saying = quoted_as(child) if child.dep_ in ("parataxis", "conj") else None
            if saying is not None and child.i > token.i:
                return _said_by(saying)  # "police arrested X, Y was quoted as saying"
            if child.dep_ not in ("parataxis", "conj") or child.lemma_ not in reporting or (child.lemma_ != "tell" and any(
                    c.dep_ == "dobj" for c in child.children)):  # "...; the president has denied any wrongdoing"; not
                continue  # "..., Y told the Courier": the hearer
            if child.dep_ == "parataxis" and child is not token and not (child.i > token.i and semicolon(token, child)):
                return _said_by(child)  # not "X removed him; he was detained, officials said, ..."
            if child.dep_ == "conj" and child.i > token.i and not any(
                    c.dep_ == "cc" and c.i < child.i for c in link.children) and not any(
                    c.dep_ == "xcomp" for c in child.children):  # not "..., a banker said to be close to Y"
                own = any(c.dep_.startswith("nsubj") for c in child.children)  # "X detained Y, Z told reporters"
                return cited(child) or (_said_by(child) if own else _trailing(child))  # a misparsed parataxis, its subject
                # not the host's ("police arrested Dorn, the Courier reported")
    return None


def background(match: dict[str, Any]) -> bool:
    """Whether the rule ``match`` states background, the reporter's even inside a report, a quotation or a
    statement's summary: a participle or an "as" title the rules mark, or a title or possessed body of a
    background relation ("his son-in-law, Viktor Lenz", "awarded by his ministry", "removed as chairman of
    the KNB, the press service said").

    >>> background({"rule": "title: nephew", "relation": "familyOf"}), background({"rule": "verb: lead", "relation": "headed"})
    (True, False)
    >>> from graph.ingest.nlp import parse
    >>> doc = parse("He said he had taken over as chairman and removed Dorn as chairman.")
    >>> [background({"rule": "title: chairman", "relation": "headed", "trigger": [doc[i]]}) for i in (7, 12)]
    [False, True]
    """
    lex = load_lexicon()
    rule = str(match.get("rule", ""))
    if match.get("background"):
        return not _said_inside(match["trigger"][0]) if match.get("trigger") else True
    if not (rule.startswith("title") or rule.startswith("noun: X's")) or match["relation"] not in lex["background_relations"]:
        return False  # "is under the control of the army": what the report says
    head = match["trigger"][0].head if match.get("trigger") else None
    if head is not None and head.lower_ == "as" and head.dep_ == "prep":  # "taken over as chairman": the report's
        return any(p["relation"] in ("dismissed", "resignedFrom") for p in lex["verbs"].get(head.head.lemma_, []))
    return True  # the post one is "removed as" is background, like "his son-in-law, Viktor Lenz"


def _said_inside(participle: Any) -> bool:
    """Whether the participle ``participle`` narrows a noun inside the that-clause of a reporting verb before
    it ("said power had passed to a council led by Colonel Samboa": what the statement says), not an aside
    set off by commas nor before a trailing reporting verb ("the cabinet led by Mamin, his press service said")."""
    if participle.dep_ != "acl" or participle.tag_ not in ("VBN", "VBG") or participle.doc[participle.left_edge.i - 1].text == ",":
        return False  # "Reval's sacking of Dolan" as a subject: background still
    for above in participle.ancestors:
        if above.dep_ == "relcl":
            return False
        if above.dep_ == "ccomp" and above.head.lemma_ in load_lexicon()["reporting"] and above.head.i < above.i:
            return True
    return False


_PRONOUNS = {"he", "she", "they"}


def quoted_antecedent(pronoun: Any, quoted: list[Any]) -> Any | None:
    """For the speaker ``pronoun`` of a quotation (its tokens ``quoted``) that names someone ('"We will not
    release Oskar Dorn," he said'), the subject of the nearest sentence before the quotation when it is a name
    or a party noun: the speaker is not a name inside his own words, where the nearest antecedent would be.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse('Ilya Marek spoke in Tarn. "We will not free Oskar Dorn," he said.')
    >>> quoted_antecedent(doc[15], list(doc[6:14])).text
    'Marek'
    """
    if pronoun.lower_ not in _PRONOUNS or not quoted or not any(t.pos_ == "PROPN" for t in quoted):
        return None
    doc, start = pronoun.doc, quoted[0].i
    before = doc[start - 1].sent if start > 0 else None
    while before is not None and any(t.is_quote for t in before):  # a sentence of the same quotation
        before = doc[before.start - 1].sent if before.start > 0 else None
    if before is None:
        return None
    subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.pos_ == "PROPN" or subject.lemma_.lower() in load_lexicon()["groups"]):
        return subject
    return None
