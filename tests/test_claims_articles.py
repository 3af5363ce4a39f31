"""The claims rules judged sentence by sentence on real news: every sentence of 86 Wikinews articles of
the development corpus, labelled in context (bench/judgements/claims_sentences.tsv), in four parts: `old`
(32 articles, the first set), `new` (25, labelled before the rules of issue 10 changed; their misses were
seen while choosing the cues), `fresh` (15, labelled after a first change, before the rules ran on them;
one more change followed its misses) and `final` (14, labelled after the last change; the rules did not
change after it). The figures held below are the ones reached when this test was written (all parts:
precision 0.83, recall 0.91; old 0.84 / 0.89, new 0.82 / 1.00, fresh 0.80 / 0.80, final 0.83 / 0.83),
less a small margin; the issue's goal is 0.75 for both, on the whole set and on each part. A change that
lowers them fails here."""

from __future__ import annotations

from typing import Any

import pytest
from bench_scripts import load_bench  # tests/bench_scripts.py

claims_articles = load_bench("claims_articles")


@pytest.fixture(scope="module")
def scores() -> list[Any]:
    result: list[Any] = claims_articles.score_sentences()
    return result


def test_every_sentence_of_86_articles_is_labelled(scores: list[Any]) -> None:
    assert len(scores) == 1046 and sum(s.label for s in scores) == 44
    assert {s.part for s in scores} == {"old", "new", "fresh", "final"}
    assert len({s.file for s in scores}) == 86


def test_claims_on_real_news_sentence_by_sentence(scores: list[Any]) -> None:
    total = claims_articles.figures(scores)
    assert total.precision >= 0.80, f"precision {total.precision:.2f} ({total})"
    assert total.recall >= 0.90, f"recall {total.recall:.2f} ({total})"


def test_each_part_reaches_the_goal(scores: list[Any]) -> None:
    for part in ("old", "new", "fresh", "final"):
        figures = claims_articles.figures(scores, part)
        assert figures.precision >= 0.75 and figures.recall >= 0.75, f"{part}: {figures}"
