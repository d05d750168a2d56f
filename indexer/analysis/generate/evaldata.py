"""Evaluation data (../eval/) from sources that are not the analysis rules.

Variants (same format as the shared sample):
- places of Azerbaijan and Armenia with the spellings GeoNames attests for them, except a
  spelling GeoNames also gives for another place (it cannot be a must-find);
- people and ethnonyms from eval/sources/persons.tsv (hand-written native, Russian and press forms);
- for every spelling in the Russian alphabet, its romanizations in the schemes iuliia
  implements (not for Tatar or Kazakh Cyrillic, whose extra letters iuliia leaves as they are).
Confusables: minimal pairs from word lists (wordfreq's Russian and Turkish, Webster's English),
distinct GeoNames places whose names are one vowel apart, and the hand traps of
eval/sources/traps.tsv.

Each set is split by a hash of its group (of its pair) into a tuning half and a held-out
half, fixed before any rule was tuned on it.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from .sources import SAME_PLACE_KM, english_words, frequent_words, kept_name, region, world

EVAL = Path(__file__).resolve().parent.parent / "eval"
SOURCES = EVAL / "sources"
VARIANT_COLUMNS = ["group_id", "canonical", "variant", "script_lang", "kind", "source"]
CONFUSABLE_COLUMNS = ["word_a", "word_b", "why", "rule"]
EVAL_COUNTRIES = ("AZ", "AM")
MAX_SPELLINGS = 16  # per place: GeoNames lists up to 60 names for a capital
SCHEMES = (
    "BGN_PCGN",
    "ALA_LC",
    "ISO_9_1968",
    "GOST_52535",
    "WIKIPEDIA",
    "MVD_310_FR",
    "SCIENTIFIC",
    "TELEGRAM",
    "ICAO_DOC_9303",
)
PAIRS_PER_FAMILY = 300
WORDS = 50_000
MIN_PAIR_WORD = 5
ROOT = 4  # letters of a Russian or Turkish word where a vowel belongs to its root
TAIL = 2  # the last letters: a vowel there is an ending (Markova, Markovo)
_VOWEL_CLASS = {
    "ru": {"а": "A", "я": "A", "о": "O", "ё": "E", "у": "O", "ю": "O", "е": "E", "э": "E",
           "и": "I", "ы": "I"},
    "tr": {"a": "A", "e": "A", "ı": "I", "i": "I", "o": "O", "ö": "O", "u": "O", "ü": "O"},
    "place": {"a": "A", "ə": "A", "e": "E", "i": "I", "ı": "I", "y": "I", "o": "O", "ö": "O",
              "u": "O", "ü": "O"},
}  # fmt: skip


def held_out(key: str) -> bool:
    return hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 1


def plain(name: str) -> str:
    """Case and accents folded, nothing else: how 'the same spelling' is judged here."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_cyrillic(name: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in name)


def _is_armenian(name: str) -> bool:
    return any("\u0531" <= ch <= "\u058f" for ch in name)


# The Russian alphabet: iuliia's schemes are for it, and leave other Cyrillic letters (җ, ң, ә
# of Tatar, Kazakh, Azerbaijani Cyrillic) as they are, which makes no one's spelling (Yayҗy).
_RUSSIAN_RE = re.compile(r"[а-яё]+(?:[-' ’][а-яё]+)*")


def _romanizations(cyrillic: str, source: str) -> list[list[str]]:
    import iuliia

    if not _RUSSIAN_RE.fullmatch(cyrillic.lower()):
        return []
    return [
        [getattr(iuliia, s).translate(cyrillic), "ru-Latn", "transliteration",
         f"iuliia {s.lower()} of {cyrillic} ({source})"]
        for s in SCHEMES
    ]  # fmt: skip


def place_variants() -> list[list[str]]:
    owners: dict[str, set[int]] = defaultdict(set)
    for p in world():
        for n in p.names:
            owners[plain(n)].add(p.geonameid)
    rows = []
    mine = [p for p in region() if p.country in EVAL_COUNTRIES]
    for p in mine:
        near = {
            q.geonameid
            for q in mine
            if q.country == p.country and q.name == p.name and p.km(q) < SAME_PLACE_KM
        } | {p.geonameid}
        canonical = p.name
        spellings = []
        for n in p.names[1:]:
            if owners[plain(n)] - near or not kept_name(n) or plain(n) == plain(canonical):
                continue
            if _is_cyrillic(n):
                spellings.append([n, "ru-Cyrl", "transliteration", "GeoNames alternate name"])
                spellings += _romanizations(n, "GeoNames alternate name")
            elif _is_armenian(n):
                spellings.append([n, "hy-Armn", "transliteration", "GeoNames alternate name"])
            else:
                alike = difflib.SequenceMatcher(None, plain(canonical), plain(n)).ratio()
                kind = "transliteration" if alike >= 0.6 else "exonym"
                spellings.append([n, "und-Latn", kind, "GeoNames alternate name"])
        seen = {plain(canonical)}
        kept = []
        for s in spellings:
            if plain(s[0]) not in seen:
                seen.add(plain(s[0]))
                kept.append(s)
        for s in kept[:MAX_SPELLINGS]:
            rows.append([f"PL-gn{p.geonameid}", canonical, *s])
    return rows


def person_variants() -> list[list[str]]:
    rows = []
    with (SOURCES / "persons.tsv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            row = [r[c] for c in VARIANT_COLUMNS]
            rows.append(row)
            if r["script_lang"] == "ru-Cyrl":
                seen = {plain(x[2]) for x in rows if x[0] == row[0]}
                for s in _romanizations(r["variant"], r["source"]):
                    if plain(s[0]) not in seen:
                        seen.add(plain(s[0]))
                        rows.append([row[0], row[1], *s])
    return rows


def _one_apart(words, classes: dict[str, str], root: int) -> list[tuple[str, str, str, str]]:
    """Pairs of words of the list that differ in one vowel of another class, among the first
    `root` letters and not in the last TAIL: a vowel of an ending tells case forms of one word
    apart (республике, республику; orduya, orduyu), not two words."""
    present = set(words)
    out = []
    for w in words:
        if len(w) < MIN_PAIR_WORD:
            continue
        for i, ch in enumerate(w[: min(root, len(w) - TAIL)]):
            if ch not in classes:
                continue
            for v, cls in classes.items():
                other = w[:i] + v + w[i + 1 :]
                minimal = {ch, v} == {"ы", "и"}  # one class, yet пытаться is not питаться
                if (cls != classes[ch] or minimal) and other in present and w < other:
                    out.append((w, other, ch, v))
    return out


def vowel_pairs(words: int) -> tuple[list[list[str]], list[str]]:
    """Rows of Russian and of Turkish words one vowel of another class apart, among each
    language's `words` most frequent, and those Turkish words."""
    rows: list[list[str]] = []
    ru = frequent_words("ru", words)
    for a, b, x, y in _one_apart(ru, _VOWEL_CLASS["ru"], ROOT):
        family = "ru-y->i" if {x, y} == {"ы", "и"} else "ru-vowel"
        rows.append([a, b, f"Russian words one vowel apart ({x}/{y}; wordfreq)", family])
    tr = frequent_words("tr", words)
    for a, b, x, y in _one_apart(tr, _VOWEL_CLASS["tr"], ROOT):
        rows.append([a, b, f"Turkish words one vowel apart ({x}/{y}; wordfreq)", "tr-vowel"])
    return rows, tr


def confusables() -> list[list[str]]:
    rows, tr = vowel_pairs(WORDS)
    english = english_words()
    for w in tr:
        stripped = plain(w).replace("ı", "i")
        if stripped != w and stripped in english and len(w) >= 3:
            why = f"Turkish '{w}' vs English '{stripped}' once diacritics go (wordfreq, Webster's)"
            # Only the dotless ı makes another word (sır, sir); ö, ü, ç, ş, ğ are marks that
            # diacritic-insensitive search ignores on purpose (albüm, album): ranked pairs.
            dotless = plain(w.replace("ı", "i")) == stripped and "ı" in w
            dotless = dotless and all(ch in "abcdefghijklmnopqrstuvwxyzı" for ch in w)
            rows.append([w, stripped, why, "tr-en:dotless-i" if dotless else "tr-diacritics"])
    places = [p for p in region() if " " not in p.name and "-" not in p.name]
    by_name = defaultdict(list)
    for p in places:
        by_name[p.name.lower()].append(p)
    for a, b, _, _ in _one_apart(sorted(by_name), _VOWEL_CLASS["place"], 99):
        pa, pb = by_name[a][0], by_name[b][0]
        if pa.km(pb) >= SAME_PLACE_KM:
            why = f"distinct places {pa.name} ({pa.country}) and {pb.name} ({pb.country}), GeoNames"
            rows.append([pa.name, pb.name, why, "place:one-vowel"])
    by_family: dict[str, list[list[str]]] = defaultdict(list)
    for r in rows:
        by_family[r[3]].append(r)
    picked = []
    for family in sorted(by_family):
        ranked = sorted(by_family[family], key=lambda r: hashlib.sha1(r[0].encode()).hexdigest())
        picked += ranked[:PAIRS_PER_FAMILY]
    with (SOURCES / "traps.tsv").open(encoding="utf-8", newline="") as f:
        picked += [[r[c] for c in CONFUSABLE_COLUMNS] for r in csv.DictReader(f, delimiter="\t")]
    return picked


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.write_text(
        "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8"
    )
    return path


def write(folder: Path = EVAL) -> list[Path]:
    variants = place_variants() + person_variants()
    pairs = confusables()
    out = []
    for half, wanted in (("tuning", False), ("heldout", True)):
        v = [r for r in variants if held_out(r[0]) == wanted]
        c = [r for r in pairs if held_out(r[0] + "\t" + r[1]) == wanted]
        out.append(_write(folder / f"variants-{half}.tsv", VARIANT_COLUMNS, v))
        out.append(_write(folder / f"confusables-{half}.tsv", CONFUSABLE_COLUMNS, c))
    return out
