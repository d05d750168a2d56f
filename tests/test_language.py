"""Language per paragraph and per document; Azerbaijani told apart from Turkish."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.ingest.language import NOT_LETTERS, _letters, detect_paragraph, profile

AZ = "Xocalı soyqırımı Azərbaycan xalqının tarixində ən faciəli səhifələrdən biridir və unudulmur."
AZ_NO_SCHWA = "Qarabağ bizim torpağımızdır, xalq bu qələbəni uzun illər gözləyib"
TR = "Hocalı katliamı Türk dünyasının hafızasında derin bir yara olarak kalmaya devam ediyor."
RU = "Трагедия в Ходжалы стала одной из самых кровавых страниц Карабахской войны."
EN = "The town of Khojaly was captured on the night of 25 to 26 February 1992 by armed forces."


@pytest.mark.parametrize(("text", "expected"), [(AZ, "az"), (TR, "tr"), (RU, "ru"), (EN, "en")])
def test_paragraph_language(text, expected):
    assert detect_paragraph(text) == expected


def test_azerbaijani_without_schwa_is_recognised_by_x_and_q():
    assert detect_paragraph(AZ_NO_SCHWA.replace("ə", "e")) in ("az", "tr")
    assert detect_paragraph("Qarabağ xalqı bu gün çox sevinir, torpaqlar azad olunub") == "az"


def test_detection_is_deterministic():
    assert {detect_paragraph(TR) for _ in range(5)} == {"tr"}


def test_document_lists_every_language_it_contains_primary_first():
    result = profile([EN, EN + " " + EN, AZ, RU])
    assert result.primary == "en"
    assert set(result.languages) == {"en", "az", "ru"}
    assert result.languages[0] == "en"


def test_too_little_text_has_no_language():
    assert profile(["— AA", "-0 -"]).primary is None


def test_declared_language_is_trusted_where_the_letters_agree():
    assert profile([RU, RU], declared="ru").languages == ["ru"]
    assert profile([EN + " " + EN, AZ], declared="en").languages == ["en", "az"]
    assert profile([TR, EN + " " + EN], declared="tr").languages == ["en", "tr"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_letters_of_plain_ascii_text_are_counted_as_of_any_text(text):
    """Plain ASCII takes a shortcut to its letters; they are what the general rule leaves."""
    assert _letters(text) == NOT_LETTERS.sub("", text)
