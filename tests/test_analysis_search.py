"""Spelling variants end to end, through the search core over the seed documents."""

import pytest

from indexer.results import SearchRequest
from tests.conftest import SEED_IDS, engine_of, found_ids


@pytest.mark.parametrize(
    "q", ["Khojaly", "Hojaly", "Xocalı", "Ходжалы", "Khodjaly", "Hocalı", "Khojali", "XOCALI"]
)
def test_any_spelling_of_khojaly_finds_every_seed_and_marks_its_spelling(seed_engine, q):
    result = seed_engine.search(SearchRequest(q=q, per_page=100))
    assert set(SEED_IDS) <= {hit.id for hit in result.hits}
    for hit in result.hits:
        if hit.id in SEED_IDS:
            spellings = next(iter(hit.matched.values()))
            assert "Khojaly" in spellings
            assert any("<mark>Khojaly</mark>" in s for s in hit.snippets)


def test_matched_maps_the_query_word_to_the_documents_spellings(seed_engine):
    hit = seed_engine.search(SearchRequest(q="Hojaly", per_page=100)).hits[0]
    assert list(hit.matched) == ["hojaly"]
    assert "Khojaly" in hit.matched["hojaly"]


def test_azeri_finds_every_document_that_says_azerbaijani(seed_engine):
    azeri = {h.id for h in seed_engine.search(SearchRequest(q="Azeri", per_page=100)).hits}
    for word in ("Azerbaijani", "Azerbaijanis"):
        result = seed_engine.search(SearchRequest(q=f'"{word}"', per_page=100))
        exact = {h.id for h in result.hits if word in sum(h.matched.values(), [])}
        assert exact <= azeri


def test_exact_spelling_ranks_first(tmp_path):
    from indexer.engine import open_engine
    from indexer.index.build import build_index
    from tests.conftest import write_jsonl

    docs = [
        {"id": "a", "title": "One", "text": "Hojaly was shelled."},
        {"id": "b", "title": "Two", "text": "Khojaly was shelled."},
    ]
    build_index(tmp_path / "index", jsonl=write_jsonl(tmp_path / "d.jsonl", docs))
    engine = open_engine(tmp_path / "index")
    for q, first in (("Hojaly", "a"), ("Khojaly", "b")):
        hits = engine.search(SearchRequest(q=q)).hits
        assert [h.id for h in hits][0] == first and len(hits) == 2


def test_suggestions_are_real_words_never_folded_keys(seed_engine):
    result = seed_engine.search(SearchRequest(q="Khojalyy"))
    if result.suggestion is not None:
        assert not any(ch in result.suggestion for ch in "~#^=")


def test_highlight_lands_on_the_spelling_after_letters_that_change_length_when_lowered(tmp_path):
    from indexer.engine import open_engine
    from indexer.index.build import build_index
    from tests.conftest import write_jsonl

    # 'İ'.lower() is two characters in Python: offsets must still point at Xocalı
    text = "İLHAM ƏLİYEV İN XOCALI: İİİ İ Xocalı'da anım mərasimi."
    docs = [{"id": "az", "title": "Anım", "text": text}]
    build_index(tmp_path / "index", jsonl=write_jsonl(tmp_path / "d.jsonl", docs))
    hit = open_engine(tmp_path / "index").search(SearchRequest(q="Khojaly")).hits[0]
    assert any("<mark>XOCALI</mark>" in s and "<mark>Xocalı'da</mark>" in s for s in hit.snippets)
    assert hit.matched == {"khojaly": ["XOCALI", "Xocalı'da"]}


# A name in the form each language's running text gives it: cases, articles, Persian -eh
FORMS = {
    "az-accusative": "Xocalını yerlə yeksan etdilər.",
    "az-dative": "Qaçqınlar Gəncəyə çatdılar.",
    "hy-article": "Շուշին ազատագրվեց։",
    "fa-eh": "IRNA reported from Ganjeh on Monday.",
    "ru-country": "Делегация прибыла в Россию.",
    "tr-possessive": "Davasını kazandı.",
    "ru-adjective": "Годовщина ходжалинской трагедии.",
    "ru-district": "Жители шушинского района вернулись.",
    # ə typed as the turned e of some lists, or as a Cyrillic keyboard's ә
    "az-turned-e": "Kǝngǝrli rayonu, ISO 3166-2:AZ-KAN.",
    "az-cyrillic-schwa": "Prezident Әliyev Şәki şəhərində.",
}


@pytest.fixture(scope="module")
def forms_engine(tmp_path_factory):
    return engine_of(tmp_path_factory.mktemp("forms"), FORMS)


@pytest.mark.parametrize(
    "q, doc, spelling",
    [
        ("Khojaly", "az-accusative", "Xocalını"),
        ("Ganja", "az-dative", "Gəncəyə"),
        ("Shusha", "hy-article", "Շուշին"),
        ("Gəncə", "fa-eh", "Ganjeh"),
        ("Russia", "ru-country", "Россию"),
        # the Russian adjective of a place, written in lower case
        ("Ходжалы", "ru-adjective", "ходжалинской"),
        ("Shusha", "ru-district", "шушинского"),
        ("Кенгерлинский", "az-turned-e", "Kǝngǝrli"),
        ("Алиев", "az-cyrillic-schwa", "Әliyev"),
        ("Шеки", "az-cyrillic-schwa", "Şәki"),
    ],
)
def test_a_name_finds_its_case_forms_and_marks_them(forms_engine, q, doc, spelling):
    hits = {h.id: h for h in forms_engine.search(SearchRequest(q=q, per_page=100)).hits}
    assert doc in hits
    assert spelling in sum(hits[doc].matched.values(), [])
    assert any(f"<mark>{spelling}</mark>" in s for s in hits[doc].snippets)


def test_a_frequent_words_possessive_is_no_case_form_of_a_place(forms_engine):
    hits = forms_engine.search(SearchRequest(q="Davachi", per_page=100)).hits
    assert "tr-possessive" not in {h.id for h in hits}


RUSSIAN_DOCS = {
    "corner": "Дом стоит на углу, угол улицы.",
    "coal": "Шахта даёт уголь.",
    "summer": "Летний лагерь беженцев.",
    "flight": "Летный состав полка.",
    "weight": "Общий вес груза.",
    "all": "Весь город знает.",
    "all-dots": "Это всё, что осталось.",
    "all-plain": "Это все, что осталось.",
    "latin": "The village of Ugol lies to the north.",
    "mail": "Отделение почты закрыто.",
    "almost": "Почти никто не ушёл.",
    "lezgins": "Лезгины живут в горах.",
    "lezgins-genitive": "Много лезгин и лезгинов.",
    "questions": "Вопросы остались без ответа.",
    "ask": "Вопроси его сам.",
    "black": "Ворота покрасили черным.",
    "blacken": "Мы черним металл.",
    "horses": "Кони бегут по полю.",
    "rounds": "Сыграли три коны.",
    "village": "Село Ахы стоит у реки.",
}


@pytest.fixture(scope="module")
def russian_engine(tmp_path_factory):
    return engine_of(tmp_path_factory.mktemp("russian"), RUSSIAN_DOCS)


@pytest.mark.parametrize(
    "q, expected",
    [
        # words Russian tells apart by the soft sign, э or -ий/-ый romanize alike: apart
        ("угол", {"corner", "latin"}),
        ("уголь", {"coal", "latin"}),
        ("летний", {"summer"}),
        ("летный", {"flight"}),
        ("вес", {"weight"}),
        ("весь", {"all"}),
        # print mostly leaves out the dots of ё: one word
        ("всё", {"all-dots", "all-plain"}),
        ("все", {"all-dots", "all-plain"}),
        # a Latin spelling may be either Cyrillic word
        ("Ugol", {"corner", "coal", "latin"}),
        # a frequent word's stem meets the same stem only as a people's plural would write it
        ("почти", {"almost"}),
        ("почты", {"mail"}),
        ("лезгины", {"lezgins", "lezgins-genitive"}),
        # an ending with ы and one with и end two words, whatever their stems share
        ("вопросы", {"questions"}),
        ("вопроси", {"ask"}),
        ("черным", {"black"}),
        ("черним", {"blacken"}),
        # ... short words too, whose mild key writes both as i
        ("кони", {"horses"}),
        ("коны", {"rounds"}),
        # ... but in a name not spelt as Russian spells (ы after х) they are one sound
        ("Ахи", {"village"}),
    ],
)
def test_a_cyrillic_word_meets_another_only_as_russian_spells_it(russian_engine, q, expected):
    assert found_ids(russian_engine, q) == expected


ARMENIAN_DOCS = {
    "babayan": "Արամ Բաբայանը խոսեց։",
    "papayan": "Պապայան ընտանիքը մեծ է։",
    "petrosyan": "Պետրոսեան եղբայրները եկան։",
    "toprakkale": "Թոփրաքկալա գյուղը։",
}


@pytest.fixture(scope="module")
def armenian_engine(tmp_path_factory):
    return engine_of(tmp_path_factory.mktemp("armenian"), ARMENIAN_DOCS)


@pytest.mark.parametrize(
    "q, expected",
    [
        # two surnames one voicing apart, which a skeleton writes alike: apart in Armenian
        ("Բաբայան", {"babayan"}),
        ("Պապայան", {"papayan"}),
        # ... while a surname meets its classical spelling, -եան for -յան
        ("Պետրոսյան", {"petrosyan"}),
        # ... and a Turkish name meets the letters Armenian writes its k with
        ("Թոփրաքքալե", {"toprakkale"}),
    ],
)
def test_an_armenian_surname_keeps_its_consonants_in_armenian_letters(armenian_engine, q, expected):
    assert found_ids(armenian_engine, q) == expected


AZERBAIJANI_DOCS = {
    "hands": "Qadınlar əllər qaldırdı.",
    "peoples": "Qafqazın bütün ellər birləşdi.",
    "value": "Bu sənəd böyük dəyər daşıyır.",
    "will-say": "O bunu sabah deyər.",
    "sheki": "Sheki lies in the north.",
    "sheki-az": "Şəki şəhərində yağış yağdı.",
    "sheki-tr": "Şeki'de yağmur yağdı.",
}


@pytest.fixture(scope="module")
def azerbaijani_engine(tmp_path_factory):
    return engine_of(tmp_path_factory.mktemp("azerbaijani"), AZERBAIJANI_DOCS)


@pytest.mark.parametrize(
    "q, expected",
    [
        # two words in Azerbaijani letters one ə for an e apart are two words
        ("əllər", {"hands"}),
        ("ellər", {"peoples"}),
        ("dəyər", {"value"}),
        ("deyər", {"will-say"}),
        # ... but a word without ə may write it as e, as Turkish and English press do
        ("Şəki", {"sheki", "sheki-az", "sheki-tr"}),
        ("Sheki", {"sheki", "sheki-az", "sheki-tr"}),
    ],
)
def test_azerbaijani_spelling_keeps_its_schwa_apart_from_e(azerbaijani_engine, q, expected):
    assert found_ids(azerbaijani_engine, q) == expected
