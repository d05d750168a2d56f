"""The spelling-variant evaluation: the shared sample and the held-out half of the generated data,
each run end to end through the build pipeline and the search core."""

import pytest

from indexer.evaluate import SETS, evaluate, main, read_confusables


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return evaluate(*SETS["sample"], tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def heldout(tmp_path_factory):
    return evaluate(*SETS["heldout"], tmp_path_factory.mktemp("heldout"))


def test_the_shared_sample_is_no_worse_than_before_the_gazetteer(sample):
    figures = sample.figures()
    assert figures["recall"] >= 0.983, sample.misses
    assert figures["false_merge"] == 0.0, sample.merged
    assert figures["exact_first"] >= 0.95, sample.not_first


@pytest.mark.slow
def test_held_out_figures_do_not_fall_below_what_they_are(heldout):
    # Regression floors at the figures measured when this data was split off. The targets
    # (recall 0.95, 0.97 without exonyms, false merges 0.01) are not reached yet: most misses
    # are multi-word GeoNames names whose parts are translated (Bol'shaya/Mets), and most
    # merges places one vowel apart in the a/ə/e class.
    figures = heldout.figures()
    assert figures["recall"] >= 0.78
    assert figures["recall_no_exonym"] >= 0.82
    assert figures["false_merge"] <= 0.08
    assert figures["exact_first"] >= 0.95
    # case forms were added later: the rules of then found 0.847 of them, these 0.951
    assert heldout.recall.rate("kind:inflection") >= 0.9


def test_the_generated_data_is_big_enough_to_judge_by(heldout):
    pairs = sum(len(read_confusables(SETS[half][1])) for half in ("tuning", "heldout"))
    assert pairs >= 1000
    assert heldout.recall.tries["all"] > 10_000


def test_report_lists_figures_by_kind_and_family_and_ends_with_the_summary(sample):
    lines = sample.text().splitlines()
    assert any("kind:exonym" in line for line in lines)
    assert any("rule:en:ch->h" in line for line in lines)
    assert lines[-1].startswith("recall=") and "exact_first=" in lines[-1]


def test_runs_on_any_files_of_the_same_format(tmp_path, capsys):
    variants = tmp_path / "v.tsv"
    variants.write_text(
        "group_id\tcanonical\tvariant\tscript_lang\tkind\tsource\n"
        "PL-shamkir\tShamkir\tŞəmkir\taz-Latn\ttransliteration\tnot in the table\n"
        "PL-shamkir\tShamkir\tXyzabad\ten\texonym\tmade up: no table has it\n",
        encoding="utf-8",
    )
    confusables = tmp_path / "c.tsv"
    confusables.write_text(
        "word_a\tword_b\twhy\trule\nbath\tbatch\tch->h\ten:ch->h\nköy\tkoy\tı\ttr-diacritics\n",
        encoding="utf-8",
    )
    assert main(["--variants", str(variants), "--confusables", str(confusables)]) == 0
    out = capsys.readouterr().out
    assert "'Xyzabad' misses 'Shamkir'" in out  # an exonym no rule derives is reported
    assert out.splitlines()[-1] == (
        "recall=0.556 recall_no_exonym=1.000 false_merge=0.000 exact_first=1.000"
    )


def test_the_default_run_reports_each_set(monkeypatch, capsys):
    monkeypatch.setitem(SETS, "tuning", SETS["sample"])
    monkeypatch.setitem(SETS, "heldout", SETS["sample"])
    assert main([]) == 0
    summary = capsys.readouterr().out.split("== summary\n")[1].splitlines()
    assert [line.split(":")[0] for line in summary] == ["tuning", "heldout", "sample"]


def test_the_extra_tuning_confusables_are_fresh_pairs_of_the_tuning_half():
    from indexer.analysis.generate.evaldata import held_out

    tuning, extra = SETS["tuning"][1]
    extra_pairs = read_confusables(extra)
    assert len(extra_pairs) >= 900
    assert not any(held_out(f"{a}\t{b}") for a, b, _ in extra_pairs)
    others = read_confusables(tuning) + read_confusables(SETS["heldout"][1])
    assert not {(a, b) for a, b, _ in extra_pairs} & {(a, b) for a, b, _ in others}
