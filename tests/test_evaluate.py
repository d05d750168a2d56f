"""The spelling-variant evaluation over the project's copy of the shared test data."""

import pytest

from indexer.evaluate import DEFAULT_CONFUSABLES, DEFAULT_VARIANTS, evaluate, main


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return evaluate(DEFAULT_VARIANTS, DEFAULT_CONFUSABLES, tmp_path_factory.mktemp("evaluate"))


def test_variant_recall_false_merges_and_exact_first_meet_their_thresholds(report):
    figures = report.figures()
    assert figures["recall"] >= 0.97, report.misses
    assert figures["false_merge"] <= 0.01, report.merged
    assert figures["exact_first"] >= 0.95, report.not_first


def test_report_lists_figures_by_kind_and_family_and_ends_with_the_summary(report):
    lines = report.text().splitlines()
    assert any("kind:exonym" in line for line in lines)
    assert any("rule:en:ch->h" in line for line in lines)
    assert lines[-1].startswith("recall=") and "exact_first=" in lines[-1]


def test_runs_on_any_files_of_the_same_format(tmp_path, capsys):
    variants = tmp_path / "v.tsv"
    variants.write_text(
        "group_id\tcanonical\tvariant\tscript_lang\tkind\tsource\n"
        "PL-shamkir\tShamkir\tŞəmkir\taz-Latn\ttransliteration\tnot in the table\n"
        "PL-shamkir\tShamkir\tAnnenfeld\tde\texonym\tGerman colonists' name\n",
        encoding="utf-8",
    )
    confusables = tmp_path / "c.tsv"
    confusables.write_text(
        "word_a\tword_b\twhy\trule\nbath\tbatch\tch->h\ten:ch->h\nköy\tkoy\tı\ttr-diacritics\n",
        encoding="utf-8",
    )
    assert main(["--variants", str(variants), "--confusables", str(confusables)]) == 0
    out = capsys.readouterr().out
    assert "'Annenfeld' misses 'Shamkir'" in out  # an exonym no rule derives is reported
    assert out.splitlines()[-1] == (
        "recall=0.556 recall_no_exonym=1.000 false_merge=0.000 exact_first=1.000"
    )
