"""A synthetic corpus of news briefs in the house format, deterministic by seed.

Each brief is written from templates and word lists: a Title Case headline,
`News Summary`, `Background` and `In-Depth AI Insights` (questions with ` - `
bullet answers). It names invented people with titles, organisations whose
acronyms are defined in parentheses, towns and countries (capitals used as
metonyms), uses possessives, direct quotations in several attribution styles
(straight and curly marks, inverted, colon, "according to", dash, split,
anonymous, organisation speakers) and reported speech.

The writer records what it wrote, so the same call yields both the raw text
(for `newsbrief ingest` and spaCy) and an `extract.model.Brief` with entities
and statements (to fill large databases through `Store.save_briefs` without
running spaCy).

    text = brief_text(seed, k)             # the k-th brief of the corpus
    brief, text = brief_record(seed, k)    # the same text and its Brief
    long_article(seed, 200_000)            # one ~200 KB article
    roster_records(seed, 50_000)           # briefs naming 50,000 distinct entities
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench import invented_names as N
from bench import words as W
from extract.model import Brief, Entity, Insight, Section, Statement

_MINOR = {"a", "an", "the", "and", "of", "on", "in", "to", "for", "as", "at", "by", "with", "over", "from"}


def title_case(words: str) -> str:
    out = []
    for i, w in enumerate(words.split()):
        out.append(w if (i and w.lower() in _MINOR) else w[:1].upper() + w[1:])
    return " ".join(out)


@dataclass
class _EntityNotes:
    name: str
    type: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


class Writer:
    """Appends text and remembers where each entity mention and statement lies."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.entities: dict[tuple[str, str], _EntityNotes] = {}
        self.statements: list[Statement] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def mention(self, name: str, etype: str, surface: str | None = None, role: str | None = None) -> None:
        surface = surface or name
        notes = self.entities.get((etype, name))
        if notes is None:
            notes = self.entities[(etype, name)] = _EntityNotes(name, etype)
        if role and notes.role is None:
            notes.role = role
        if surface.casefold() != name.casefold() and surface.casefold() not in (a.casefold() for a in notes.aliases):
            notes.aliases.append(surface)
        notes.spans.append((self.pos, self.pos + len(surface)))
        self.add(surface)

    def quote(self, inner: str, speaker: str | None, marks: str = "“”") -> None:
        self.add(marks[0])
        self.statements.append(Statement(inner, speaker, "direct", self.pos, self.pos + len(inner)))
        self.add(inner)
        self.add(marks[1])

    def reported(self, clause: str, speaker: str | None) -> None:
        self.statements.append(Statement(clause, speaker, "reported", self.pos, self.pos + len(clause)))
        self.add(clause)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def entity_records(self) -> list[Entity]:
        return [Entity(name=n.name, type=n.type, aliases=n.aliases, role=n.role, mentions=len(n.spans),
                       spans=n.spans) for n in self.entities.values()]


class Cast:
    """Who and what one brief is about, drawn from the pools with a skew toward the famous."""

    def __init__(self, rng: random.Random, people: int = N.N_PEOPLE, orgs: int = N.N_ORGS):
        self.rng = rng
        self.people = [N.person(N.skewed(rng, people)) for _ in range(rng.randint(4, 7))]
        self.people = list({p.name: p for p in self.people}.values())
        while len(self.people) < 3:
            self.people.append(N.person(rng.randrange(people)))
        self.orgs = list({o.name: o for o in (N.org(N.skewed(rng, orgs)) for _ in range(rng.randint(2, 3)))}.values())
        self.countries = [N.country(N.skewed(rng, len(W.COUNTRIES), 1.5)) for _ in range(2)]
        self.towns = [N.town(N.skewed(rng, N.N_TOWNS, 2.0)) for _ in range(2)]
        self.topic = rng.choice(W.TOPICS)
        self.topic2 = rng.choice(W.TOPICS)
        self.named: set[str] = set()  # people already introduced with their full name and title
        self.defined: set[str] = set()  # organisations whose acronym was defined

    def pick(self, seq):
        return self.rng.choice(seq)


class BriefWriter:
    """Writes one brief in the house format; see the module docstring."""

    def __init__(self, rng: random.Random, cast: Cast | None = None):
        self.rng = rng
        self.cast = cast or Cast(rng)
        self.w = Writer()
        self.sections: list[tuple[str, int, int]] = []
        self.insights: list[Insight] = []
        self.title = ""

    # ---- entities as prose --------------------------------------------------
    def person_first(self, p: N.Person, with_role: bool = True) -> None:
        """`Finance Minister Ana Costa` the first time, `Costa` afterwards."""
        w = self.w
        if p.name in self.cast.named:
            w.mention(p.name, "PERSON", p.last)
            return
        self.cast.named.add(p.name)
        if with_role:
            w.add(p.role + " ")
        w.mention(p.name, "PERSON", p.name, role=p.role if with_role else None)

    def person_later(self, p: N.Person, possessive: bool = False) -> None:
        if p.name not in self.cast.named:
            self.person_first(p)
        else:
            self.w.mention(p.name, "PERSON", p.last)
        if possessive:
            self.w.add(self.rng.choice(("’s", "'s")))

    def org(self, o: N.Org, possessive: bool = False, cap: bool = False) -> None:
        """`the Northern Grain Council (NGC)` the first time, then `the NGC`."""
        w = self.w
        w.add("The " if cap else "the ")
        if o.name in self.cast.defined:
            w.mention(o.name, "ORG", o.acronym if self.rng.random() < 0.7 else o.name)
            if possessive:
                w.add("’s")
            return
        self.cast.defined.add(o.name)
        w.mention(o.name, "ORG", o.name)
        if possessive:
            w.add("’s")
        w.add(" (")
        w.mention(o.name, "ORG", o.acronym)
        w.add(")")

    def country(self, c: N.Country, metonym: bool = False) -> None:
        self.w.mention(c.name, "GPE", c.capital if metonym else c.name)

    def town(self, t: str) -> None:
        self.w.mention(t, "GPE", t)

    def demonym(self, c: N.Country) -> None:
        self.w.mention(c.demonym, "NORP", c.demonym)

    # ---- sentence material ---------------------------------------------------
    def quotation(self) -> str:
        r = self.rng
        return f"{r.choice(W.QUOTE_OPENERS)} {r.choice(W.QUOTE_VERBS)} {self.cast.topic} {r.choice(W.QUOTE_CLOSERS)}"

    def clause(self) -> str:
        r = self.rng
        return f"{r.choice(W.REPORT_SUBJECTS)} on {r.choice((self.cast.topic, self.cast.topic2))} " \
               f"{r.choice(W.REPORT_PREDICATES)}"

    # ---- sentences -------------------------------------------------------------
    def sentence_lead(self) -> None:
        c, w, r = self.cast, self.w, self.rng
        self.org(c.orgs[0], cap=True)
        w.add(" " + r.choice(W.ACTIONS).format(topic=c.topic) + f" {r.choice(W.DAYS)}, as officials in ")
        self.country(c.countries[0], metonym=r.random() < 0.5)
        w.add(f" struggled to contain the fallout over {c.topic2}. ")

    def sentence_direct(self) -> None:
        c, w, r = self.cast, self.w, self.rng
        p = r.choice(c.people[:3])
        style = r.randrange(11)
        q = self.quotation()
        if style == 0:
            w.quote(q + ",", p.name)
            w.add(" ")
            self.person_later(p)
            w.add(" said. ")
        elif style == 1:
            w.quote(q + ",", p.name)
            w.add(" said ")
            self.person_first(p)
            w.add(". ")
        elif style == 2:
            self.person_later(p)
            w.add(" said: ")
            w.quote(q + ".", p.name)
            w.add(" ")
        elif style == 3:
            w.add("According to ")
            self.person_first(p)
            w.add(", ")
            w.quote(q + ".", p.name)
            w.add(" ")
        elif style == 4:
            w.quote(q + ",", p.name)
            w.add(" ")
            self.person_later(p)
            w.add(" told reporters in ")
            self.town(c.towns[0])
            w.add(". ")
            w.quote(self.quotation() + ".", p.name)
            w.add(" ")
        elif style == 5:
            w.quote(q + ".", p.name)
            w.add(" — ")
            self.cast.named.add(p.name)
            w.mention(p.name, "PERSON", p.name, role=p.role)
            w.add(f", {p.role.lower()}, in an interview with {r.choice(W.OUTLETS)}. ")
        elif style == 6:
            self.person_later(p, possessive=True)
            w.add(" warning that ")
            w.quote(q, p.name)
            w.add(" rattled investors in ")
            self.country(c.countries[1])
            w.add(". ")
        elif style == 7:
            w.quote(q + ",", p.name, marks='""')
            w.add(" ")
            self.person_later(p)
            w.add(" said. ")
        elif style == 8:
            w.quote(q + ",", None)
            w.add(" one official said on condition of anonymity. ")
        elif style == 9:
            w.add("In its statement, ")
            o = r.choice(c.orgs)
            self.org(o)
            w.add(" said: ")
            w.quote(q + ".", o.name)
            w.add(" ")
        else:
            w.quote(q + ",", p.name)
            w.add(" ")
            self.person_later(p)
            w.add(" told ")
            self.country(c.countries[0])
            w.add("’s parliament, adding: ")
            w.quote(self.quotation() + ".", p.name)
            w.add(" ")

    def sentence_reported(self) -> None:
        c, w, r = self.cast, self.w, self.rng
        p = r.choice(c.people)
        style = r.randrange(5)
        verb = r.choice(W.REPORT_VERBS)
        if style == 0:
            self.person_later(p)
            w.add(" said ")
            w.reported(self.clause(), p.name)
        elif style == 1:
            self.person_first(p)
            w.add(f" {verb} that ")
            w.reported(self.clause(), p.name)
        elif style == 2:
            o = r.choice(c.orgs)
            self.org(o, cap=True)
            w.add(" argued that ")
            w.reported(self.clause(), o.name)
        elif style == 3:
            self.person_later(p)
            w.add(" told reporters that ")
            w.reported(self.clause(), p.name)
        else:
            w.add("Officials in ")
            self.town(r.choice(c.towns))
            w.add(" said ")
            w.reported(self.clause(), None)
        w.add(". ")

    def sentence_background(self, style: int | None = None) -> None:
        c, w, r = self.cast, self.w, self.rng
        style = r.randrange(6) if style is None else style
        year = r.randint(1998, 2024)
        if style == 0:
            self.org(r.choice(c.orgs), cap=True)
            w.add(f" was set up in {year} to oversee {c.topic2}, and its mandate has been contested ever since. ")
        elif style == 1:
            self.town(c.towns[1])
            w.add(", a port town in ")
            self.country(c.countries[1])
            w.add(f", has been at the centre of the dispute over {c.topic} since {year}. ")
        elif style == 2:
            p, q = c.people[0], c.people[-1]
            self.person_later(p, possessive=True)
            w.add(" predecessor, ")
            self.person_first(q)
            w.add(f", resigned in {year} after a row over {c.topic2}. ")
        elif style == 3:
            self.demonym(c.countries[0])
            w.add(f" officials have long opposed {c.topic}, arguing it favours larger economies. ")
        elif style == 4:
            self.country(c.countries[1], metonym=True)
            w.add(" has accused ")
            self.country(c.countries[0])
            w.add(f" of dragging its feet on {c.topic2}, a charge officials there deny. ")
        else:
            p = r.choice(c.people)
            self.person_later(p)
            w.add(f" won the post in {year} on a promise to fix {c.topic}, but polls in ")
            self.town(c.towns[0])
            w.add(" suggest patience is wearing thin. ")

    def headline(self) -> None:
        c, w, r = self.cast, self.w, self.rng
        p, o = c.people[0], c.orgs[0]
        w.mention(p.name, "PERSON", p.last)
        w.add(f" {r.choice(W.HEADLINE_VERBS)} {title_case(c.topic)} As ")
        w.mention(o.name, "ORG", o.acronym)
        w.add(f" Sees '{r.choice(W.SCARE_PHRASES)}'")
        self.title = w.text

    def insight_block(self) -> None:
        c, w, r = self.cast, self.w, self.rng
        p, o, place = r.choice(c.people), r.choice(c.orgs), c.countries[0]
        fill = dict(org=f"the {o.name}", org_short=o.acronym, person=p.name, person_short=p.last,
                    topic=c.topic, place=place.name, nationality=place.demonym)
        question = r.choice(W.INSIGHT_QUESTIONS).format(**fill)
        answers = [a.format(**fill) for a in r.sample(W.INSIGHT_ANSWERS, r.randint(2, 3))]
        self._text_with_names(question, fill)
        for a in answers:
            w.add(" - ")
            self._text_with_names(a, fill)
        self.insights.append(Insight(question, answers))

    def _text_with_names(self, text: str, fill: dict) -> None:
        """Add `text`, recording the names `fill` put into it as mentions."""
        c = self.cast
        by_surface = {}
        for p in c.people:
            by_surface[p.name] = (p.name, "PERSON")
            by_surface.setdefault(p.last, (p.name, "PERSON"))
        for o in c.orgs:
            by_surface[o.name] = (o.name, "ORG")
            by_surface[o.acronym] = (o.name, "ORG")
        for k in c.countries:
            by_surface[k.name] = (k.name, "GPE")
        i = 0
        while i < len(text):
            best = None
            for surface in (fill["person"], fill["person_short"], fill["org"][4:], fill["org_short"], fill["place"]):
                j = text.find(surface, i)
                if j >= 0 and (best is None or j < best[0]):
                    best = (j, surface)
            if best is None:
                self.w.add(text[i:])
                break
            j, surface = best
            self.w.add(text[i:j])
            name, etype = by_surface[surface]
            self.w.mention(name, etype, surface)
            i = j + len(surface)
        self.w.add("")

    # ---- the whole brief -------------------------------------------------------
    def section(self, name: str, body) -> None:
        w = self.w
        w.add(f"\n{name}\n")
        start = w.pos
        body()
        # Drop the trailing space of the last sentence, then remember the span.
        if w.parts and w.parts[-1].endswith(" "):
            w.parts[-1] = w.parts[-1][:-1]
            w.pos -= 1
        self.sections.append((name, start, w.pos))

    def write(self, summary_sentences: int | None = None) -> "BriefWriter":
        r = self.rng
        self.headline()
        self.w.add("\n")

        def summary():
            self.sentence_lead()
            for _ in range(summary_sentences or r.randint(6, 8)):
                (self.sentence_direct if r.random() < 0.55 else self.sentence_reported)()

        def background():
            for style in r.sample(range(6), r.randint(3, 5)):
                self.sentence_background(style)
            if r.random() < 0.5:
                self.sentence_direct()

        def insights():
            for n in range(r.randint(2, 3)):
                if n:
                    self.w.add("\n")
                self.insight_block()

        self.section("News Summary", summary)
        self.section("Background", background)
        self.section("In-Depth AI Insights", insights)
        return self

    def record(self) -> Brief:
        text = self.w.text
        return Brief(title=self.title, text=text,
                     sections=[Section(n, text[s:e]) for n, s, e in self.sections],
                     insights=self.insights, entities=self.w.entity_records(),
                     statements=self.w.statements)


def _rng(seed: int, k: int, salt: str = "brief") -> random.Random:
    return random.Random(f"{salt}:{seed}:{k}")


def brief_record(seed: int, k: int) -> tuple[Brief, str]:
    """The k-th brief of corpus `seed`, as an extraction result and its raw text."""
    writer = BriefWriter(_rng(seed, k)).write()
    brief = writer.record()
    return brief, brief.text


def brief_text(seed: int, k: int) -> str:
    return BriefWriter(_rng(seed, k)).write().w.text


def brief_texts(seed: int, n: int, start: int = 0) -> list[str]:
    return [brief_text(seed, k) for k in range(start, start + n)]


def long_article(seed: int, chars: int = 200_000) -> str:
    """One long article (a headline and many paragraphs about a rotating cast)."""
    rng = _rng(seed, 0, "long")
    head = BriefWriter(rng)
    head.headline()
    parts = [head.w.text]
    size, n = len(parts[0]), 0
    while size < chars:
        n += 1
        bw = BriefWriter(_rng(seed, n, "long"))
        bw.sentence_lead()
        for _ in range(6):
            (bw.sentence_direct if bw.rng.random() < 0.5 else bw.sentence_reported)()
        for style in bw.rng.sample(range(6), 4):
            bw.sentence_background(style)
        paragraph = bw.w.text.strip()
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts)[:chars].rsplit(" ", 1)[0] + "."


def roster_records(seed: int, entities: int = 50_000, per_brief: int = 50) -> list[tuple[Brief, str]]:
    """Briefs that between them name `entities` distinct entities (two thirds people,
    one third organisations), `per_brief` in each: the autocomplete stress guild."""
    out = []
    people = entities * 2 // 3
    wanted = [("PERSON", i) for i in range(people)] + [("ORG", i) for i in range(entities - people)]
    random.Random(f"roster:{seed}").shuffle(wanted)
    for b in range(0, len(wanted), per_brief):
        rng = _rng(seed, b, "roster")
        w = Writer()
        w.add(f"Who Was Who At The Regional Summit, Part {b // per_brief + 1}\n\nNews Summary\n")
        start = w.pos
        for etype, i in wanted[b:b + per_brief]:
            if etype == "PERSON":
                p = N.person(i)
                w.add(p.role + " ")
                w.mention(p.name, "PERSON", p.name, role=p.role)
                w.add(f" {rng.choice(W.REPORT_VERBS)} that ")
            else:
                o = N.org(i)
                w.add("The ")
                w.mention(o.name, "ORG", o.name)
                w.add(" (")
                w.mention(o.name, "ORG", o.acronym)
                w.add(f") {rng.choice(W.REPORT_VERBS)} that ")
            w.reported(f"{rng.choice(W.REPORT_SUBJECTS)} on {rng.choice(W.TOPICS)} {rng.choice(W.REPORT_PREDICATES)}",
                       p.name if etype == "PERSON" else o.name)
            w.add(". ")
        text = w.text.rstrip()
        title = text.split("\n", 1)[0]
        brief = Brief(title=title, text=text, sections=[Section("News Summary", text[start:])],
                      entities=w.entity_records(), statements=w.statements)
        out.append((brief, text))
    return out
