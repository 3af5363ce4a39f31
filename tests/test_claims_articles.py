"""The claims rules judged sentence by sentence on real news: every sentence of 32 Wikinews articles of
the development corpus, labelled in context (bench/judgements/claims_sentences.tsv). The figures below
are the ones reached (precision 0.88, recall 0.70 when this test was written); a change that lowers
them fails here. The issue's goal is 0.75 for both: recall is not there yet."""

from __future__ import annotations

from bench_scripts import load_bench  # tests/bench_scripts.py


def test_claims_on_real_news_sentence_by_sentence() -> None:
    scores = load_bench("claims_articles").score_sentences()
    assert len(scores) == 459 and sum(s.label for s in scores) == 20
    tp = sum(1 for s in scores if s.label and s.flagged_by)
    fp = sum(1 for s in scores if not s.label and s.flagged_by)
    fn = sum(1 for s in scores if s.label and not s.flagged_by)
    assert tp / (tp + fp) >= 0.85, f"precision {tp / (tp + fp):.2f} (TP {tp}, FP {fp})"
    assert tp / (tp + fn) >= 0.70, f"recall {tp / (tp + fn):.2f} (TP {tp}, FN {fn})"
