"""The benchmark's queries, kept as small structures so each engine gets an equivalent query.

A query is a conjunction of parts: a word, a name (one spelling of a NAMES key), a phrase, or a
prefix. Our core gets the spelling as typed; the reference engines, which know nothing of
spellings, get every spelling of a name OR-ed, so that they are asked for the same documents.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from bench.vocab import NAMES

KINDS = ("common", "rare_name", "variant", "two_words", "phrase", "prefix")
FILTER_PUBLISHER = "Caucasus Review"  # the second-largest publisher
LABELS = KINDS + tuple(f"{kind}+publisher" for kind in KINDS)  # the order of the report's rows


@dataclass(frozen=True)
class Part:
    kind: str  # "word" | "name" | "phrase" | "prefix"
    text: str  # the word, spelling, phrase ("{khojaly} massacre" form for names) or prefix
    name: str = ""  # NAMES key for "name"; the spelling to use for "{...}" in phrases


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    parts: tuple[Part, ...]
    publisher: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return asdict(self)

    @staticmethod
    def from_dict(d: dict) -> BenchQuery:
        parts = tuple(Part(**p) for p in d["parts"])
        return BenchQuery(d["kind"], parts, tuple(d.get("publisher", ())))

    @property
    def label(self) -> str:
        return self.kind + ("+publisher" if self.publisher else "")


def spellings(name: str) -> list[str]:
    """Every spelling of a name, in a stable order, without duplicates."""
    out: list[str] = []
    for forms in NAMES[name].values():
        out += [s for s in forms if s not in out]
    return out


def _w(t):
    return Part("word", t)


def _n(key, spelling):
    return Part("name", spelling, key)


BASE: dict[str, list[tuple[Part, ...]]] = {
    "common": [
        (_w("government"),),
        (_w("village"),),
        (_w("refugees"),),
        (_w("history"),),
        (_w("people"),),
    ],
    "rare_name": [
        (_n("garadaghly", "Garadaghly"),),
        (_n("nakhchivanik", "Nakhchivanik"),),
        (_n("askeran", "Askeran"),),
    ],
    "variant": [
        (_n("khojaly", "Xocalı"),),
        (_n("khojaly", "Ходжалы"),),
        (_n("karabakh", "Qarabağ"),),
        (_n("shusha", "Şuşa"),),
        (_n("aghdam", "Ağdam"),),
    ],
    "two_words": [
        (_n("khojaly", "Khojaly"), _w("refugees")),
        (_w("government"), _w("winter")),
        (_n("karabakh", "Karabakh"), _w("peace")),
        (_w("soldiers"), _w("night")),
    ],
    "phrase": [
        (Part("phrase", "mass grave"),),
        (Part("phrase", "ceasefire agreement"),),
        (Part("phrase", "human rights watch"),),
        (Part("phrase", "{khojaly} massacre", "Khojaly"),),
    ],
    "prefix": [
        (Part("prefix", "refug"),),
        (Part("prefix", "gover"),),
        (Part("prefix", "kara"),),
        (Part("prefix", "tro"),),
    ],
}


def query_set(per_kind: int = 0) -> list[BenchQuery]:
    """A fixed, small set (for profiling one kind): every kind, then the same with a filter.

    The timed benchmark draws its queries from `bench.query_pool` instead."""
    out = [BenchQuery(kind, parts) for kind in KINDS for parts in BASE[kind][: per_kind or None]]
    out += [BenchQuery(q.kind, q.parts, (FILTER_PUBLISHER,)) for q in list(out)]
    return out


def ours(q: BenchQuery) -> str:
    """Our query syntax: words AND-ed, "phrases", prefix*."""
    out = []
    for p in q.parts:
        if p.kind == "phrase":
            out.append('"' + p.text.replace("{khojaly}", p.name or "Khojaly") + '"')
        elif p.kind == "prefix":
            out.append(p.text + "*")
        else:
            out.append(p.text)
    return " ".join(out)


def phrase_forms(p: Part) -> list[str]:
    """A phrase's text in every spelling of the name it holds (or just itself)."""
    if "{" not in p.text:
        return [p.text]
    key = p.text[p.text.index("{") + 1 : p.text.index("}")]
    return [p.text.replace("{" + key + "}", s) for s in spellings(key)]


def fts5(q: BenchQuery) -> str:
    """SQLite FTS5 MATCH syntax, names and name phrases expanded to all spellings."""
    out = []
    for p in q.parts:
        if p.kind == "word":
            out.append(f'"{p.text}"')
        elif p.kind == "name":
            out.append("(" + " OR ".join(f'"{s}"' for s in spellings(p.name)) + ")")
        elif p.kind == "phrase":
            out.append("(" + " OR ".join(f'"{f}"' for f in phrase_forms(p)) + ")")
        else:
            out.append(f'"{p.text}"*')
    return " AND ".join(out)
