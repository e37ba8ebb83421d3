"""Small questions about spaCy's English dependency parse, shared by the statement rules."""
from __future__ import annotations

from extract.entities.mention import text_of

_WH_WORDS = {"how", "why", "whether", "if", "what", "when", "where", "who", "which"}
# marks of a subordinate clause that tells when or why, not what was said
_SUBORDINATE_MARKS = {"after", "before", "when", "while", "because", "since", "until", "although",
                      "though", "once", "whereas"}


def pobj(prep):
    """The object of a preposition (`to` -> `X` in `according to X`)."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def relayed_source(src, toks):
    """`according to Yonhap, quoting KCNA`: the quoted source speaks, not the relay."""
    for tok in toks:
        if tok.lemma_ in ("quote", "cite") and tok.tag_ == "VBG":
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                return obj
    return None


def is_question(clause) -> bool:
    """An embedded question (`whether …`, `how …`): asked, not stated."""
    return any(c.lower_ in _WH_WORDS for c in clause.children if c.dep_ in ("mark", "advmod", "nsubj",
                                                                           "dobj", "attr"))


def passive(verb) -> bool:
    """`was asked`, `were told`: whoever spoke is not the verb's subject (in `was quoted as
    saying` the subject does speak)."""
    return verb.lemma_ != "quote" and any(c.dep_ == "auxpass" for c in verb.children)


def same_line(a, b) -> bool:
    """spaCy does not break sentences at line breaks, so a parse may tie a headline word to
    the first sentence of the body; such links are not trusted."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in text_of(a.doc)[lo:hi]


def subject_of(verb):
    """The word naming who performs `verb`, climbing through participles and conjuncts
    (`X dismissed the claim, saying …`; `X called … and suggested …`). A passive speech
    verb's subject is the hearer, so only its `by` agent counts. A subject on another
    line than the verb is a misparse and is not returned."""
    found = _parsed_subject(verb)
    if found is None or same_line(found, verb):
        return found
    return _part_on_line(found, verb)


def _part_on_line(subj, verb):
    """The words of a subject parsed onto another line that stand on the verb's own line:
    a headline without a full stop runs into the first sentence of the body (`Port Bond
    Vote Nears / Dana Whitlock backed …` makes `Nears` the subject and the real subject
    its appositive), so the top of the subject's part before the verb on that line."""
    tops = [t for t in subj.subtree
            if t.i < verb.i and same_line(t, verb) and not same_line(t.head, verb) and not t.is_space]
    return tops[-1] if tops else None


def _parsed_subject(verb):
    node = verb
    for _ in range(6):
        children = list(node.children)
        if any(c.dep_ == "auxpass" for c in children) and node.lemma_ != "quote":
            agent = next((c for c in children if c.dep_ == "agent"), None)
            return pobj(agent) if agent is not None else None
        # two subjects (`Malaysia's Prime Minister, Najib Razak said`): the nearer one
        subj = min((c for c in children if c.dep_ in ("nsubj", "csubj")),
                   key=lambda c: abs(c.i - node.i), default=None)
        if subj is None and node.lemma_ == "quote":
            subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return node.head  # `Trump, who has … derided Powell`
            return subj
        head = node.head
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_ == "quote":
            # `state media quoted He as saying …`: the quoted person speaks
            obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
            node = head.head
            continue
        if node.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return head  # `a message stating …`, `a delegate, speaking on condition …`
        if node.dep_ in ("conj", "xcomp", "advcl", "pcomp") and head.i != node.i and same_line(head, node):
            node = head.head if node.dep_ == "pcomp" else head
            continue
        return None
    return None


def own_subordinate_clause(clause) -> bool:
    """`after Clinton argued …`: a clause with a subject of its own, opened by a mark of
    time or cause."""
    children = list(clause.children)
    return (any(c.dep_ == "mark" and c.lower_ in _SUBORDINATE_MARKS for c in children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in children))
