"""Case forms for the evaluation (../eval/variants-<half>-cases.tsv): for each group of a half's
variants file, a name in a case form of the languages the archive quotes, as a passage in
that language writes it:

- Russian: the name in Cyrillic letters, of one word, in one of the singular's oblique cases,
  as pymorphy3 inflects it (Шуша: Шуши, Шуше, Шушой), when pymorphy3 reads it as a noun in the
  nominative singular (not a plural such as Мулки, whose cases are not a place's) and the case
  changes the ending only (not Сафарва, a guess with a fleeting vowel for Сафарова);
- Armenian: the name in Armenian letters with the locative -ում, the ablative -ից or the
  genitive -ի, with յ after a final ա or ո (Արփայում);
- Azerbaijani: a name spelt with an Azerbaijani letter with the locative -da/-də, the ablative
  -dan/-dən or the genitive -(n)ın, after vowel harmony (Xocalıda, Qaxdan, Şəkinin);
- Turkish, for a group with no Azerbaijani form: a Latin name with no letter Turkish lacks,
  with an apostrophe and the locative or ablative, after vowel harmony and the voicing of d
  (Areni'de, Goris'ten).

One form per language and group, the case picked by a hash of the name, so the file is the
same on every run. A case form of an exonym keeps the kind exonym; the others are of kind
inflection.
"""

from __future__ import annotations

import csv
import hashlib
import re

from indexer.analysis.russian_cases import analyzer

from .evaldata import EVAL, VARIANT_COLUMNS, _write

RUSSIAN_CASES = ("gent", "datv", "ablt", "loct")
ARMENIAN_CASES = (("ում", "locative"), ("ից", "ablative"), ("ի", "genitive"))
_CYRILLIC_WORD_RE = re.compile("[А-ЯЁ][а-яё]+")
_ARMENIAN_WORD_RE = re.compile("[\u0531-\u0556][\u0561-\u0587]+")
# a word with a letter of Azerbaijani's alphabet that Turkish's lacks (Zaqatala, Şəki, Qax)
_AZERBAIJANI_WORD_RE = re.compile("(?=.*[əƏqQxX])[A-ZÇĞİÖŞÜƏ][a-zçğıöşüə]+")
_TURKISH_WORD_RE = re.compile("[A-PR-VYZÇĞİÖŞÜ][a-pr-vyzçğıöşü]+")
_BACK, _FRONT = "aıou", "eəiöü"
_VOICELESS = "çfhkpsşt"


def _pick(word: str, options):
    return options[hashlib.sha1(word.encode("utf-8")).digest()[0] % len(options)]


def _last_vowel(word: str) -> str:
    return next((ch for ch in reversed(word.lower()) if ch in _BACK + _FRONT), "a")


def russian(word: str) -> tuple[str, str] | None:
    parses = [
        p for p in analyzer().parse(word.lower()) if {"NOUN", "sing", "nomn"} <= p.tag.grammemes
    ]
    if not parses:
        return None
    parse = next((p for p in parses if "Geox" in p.tag.grammemes), parses[0])
    first = RUSSIAN_CASES.index(_pick(word, RUSSIAN_CASES))
    for case in RUSSIAN_CASES[first:] + RUSSIAN_CASES[:first]:
        form = parse.inflect({case, "sing"})
        # only the ending changes: a guessed paradigm with a fleeting vowel is no name's
        # (Сафаров: Сафарва)
        if (
            form is not None
            and form.word != word.lower()
            and form.word.startswith(word.lower()[:-1])
        ):
            return form.word[:1].upper() + form.word[1:], f"Russian {case} of {word} (pymorphy3)"
    return None


def armenian(word: str) -> tuple[str, str]:
    ending, case = _pick(word, ARMENIAN_CASES)
    glide = "յ" if word[-1] in "աո" else ""
    return word + glide + ending, f"Armenian {case} of {word}"


def azerbaijani(word: str) -> tuple[str, str]:
    v = _last_vowel(word)
    a = "a" if v in _BACK else "ə"
    i4 = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü"}.get(
        v, "ü"
    )
    after_vowel = word[-1].lower() in _BACK + _FRONT
    case = _pick(word, ("locative", "ablative", "genitive"))
    ending = {
        "locative": "d" + a,
        "ablative": "d" + a + "n",
        "genitive": "n" * after_vowel + i4 + "n",
    }
    return word + ending[case], f"Azerbaijani {case} of {word}"


def turkish(word: str) -> tuple[str, str]:
    a = "a" if _last_vowel(word) in _BACK else "e"
    d = "t" if word[-1].lower() in _VOICELESS else "d"
    case = _pick(word, ("locative", "ablative"))
    return f"{word}'{d}{a}{'n' if case == 'ablative' else ''}", f"Turkish {case} of {word}"


def case_rows(rows: list[dict[str, str]]) -> list[list[str]]:
    """Rows of case forms for the variant rows of one file (module docstring)."""
    by_group: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_group.setdefault(r["group_id"], []).append(r)
    out = []
    for group, spellings in by_group.items():
        canonical = spellings[0]["canonical"]
        seen = {canonical} | {r["variant"] for r in spellings}
        named = [(canonical, "canonical")] + [(r["variant"], r["kind"]) for r in spellings]
        forms = []
        for match, make, script in (
            (_CYRILLIC_WORD_RE, russian, "ru-Cyrl"),
            (_ARMENIAN_WORD_RE, armenian, "hy-Armn"),
            (_AZERBAIJANI_WORD_RE, azerbaijani, "az-Latn"),
        ):
            name, kind = next(((n, k) for n, k in named if match.fullmatch(n)), (None, None))
            made = make(name) if name else None
            if made:
                forms.append((*made, script, kind))
        if not any(f[2] == "az-Latn" for f in forms) and _TURKISH_WORD_RE.fullmatch(canonical):
            forms.append((*turkish(canonical), "tr", "canonical"))
        for form, why, script, kind in forms:
            if form not in seen:
                seen.add(form)
                kind = "exonym" if kind == "exonym" else "inflection"
                out.append([group, canonical, form, script, kind, why])
    return out


def write(folder=EVAL) -> list[str]:
    out = []
    for half in ("tuning", "heldout"):
        with (folder / f"variants-{half}.tsv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        path = _write(folder / f"variants-{half}-cases.tsv", VARIANT_COLUMNS, case_rows(rows))
        out.append(str(path))
    return out
