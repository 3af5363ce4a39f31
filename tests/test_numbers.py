"""French quantities: words and digits, amounts, percentages and dates normalise to comparable values."""

from __future__ import annotations

import pytest

from checker.numbers import Quantity, find_quantities, quantity_keys, words_value


def _one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("trois millions", 3e6, None, "trois millions"),
        ("une levée de 3 M€ cette année", 3e6, "€", "3 M€"),
        ("3 millions d’euros", 3e6, "€", "3 millions d’euros"),
        ("trois millions d'euros", 3e6, "€", "trois millions d'euros"),
        ("3 000 000 €", 3e6, "€", "3 000 000 €"),
        ("40 %", 40, "%", "40 %"),
        ("une hausse de 40% sur l’année", 40, "%", "40%"),
        ("en un an", 1, "ans", "un an"),
        ("40 pour cent", 40, "%", "40 pour cent"),
        ("quarante pour cent", 40, "%", "quarante pour cent"),
        ("1,5 milliard", 1.5e9, None, "1,5 milliard"),
        ("1,5 milliard de dollars", 1.5e9, "$", "1,5 milliard de dollars"),
        ("2 000 emplois", 2000, "emplois", "2 000 emplois"),
        ("2\u202f000 hectares", 2000, "ha", "2\u202f000 hectares"),
        ("1.000 tonnes", 1000, "t", "1.000 tonnes"),
        ("12,5 %", 12.5, "%", "12,5 %"),
        ("en 2030", 2030, None, "2030"),
        ("quatre-vingt-dix-sept", 97, None, "quatre-vingt-dix-sept"),
        ("soixante-dix", 70, None, "soixante-dix"),
        ("vingt et un", 21, None, "vingt et un"),
        ("deux cent mille", 200_000, None, "deux cent mille"),
        ("Cent vingt mille spectateurs", 120_000, None, "Cent vingt mille"),
        ("deux millions trois cent mille", 2_300_000, None, "deux millions trois cent mille"),
        ("un million de tonnes", 1e6, "t", "un million de tonnes"),
        ("500 k€", 500_000, "€", "500 k€"),
    ],
)
def test_quantity(text: str, value: float, unit: str | None, span: str) -> None:
    q = _one(text)
    assert q.kind == "number"
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert text[q.start : q.end] == span


@pytest.mark.parametrize(
    ("text", "day", "month", "year", "span"),
    [
        ("le 26 janvier 2026, à Bakou", 26, 1, 2026, "26 janvier 2026"),
        ("le 1er mars", 1, 3, None, "1er mars"),
        ("en janvier 2026", None, 1, 2026, "janvier 2026"),
        ("le 15 Mai 2025", 15, 5, 2025, "15 Mai 2025"),
        ("le 14 août", 14, 8, None, "14 août"),
    ],
)
def test_date(text: str, day: int | None, month: int, year: int | None, span: str) -> None:
    q = _one(text)
    assert (q.kind, q.day, q.month, q.year) == ("date", day, month, year)
    assert text[q.start : q.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "un partenariat stratégique",  # « un » alone is an article
        "un projet neuf",
        "le COVID-19 et le G20",  # digits inside names
        "la 2e place",  # ordinal
        "au mois de mars",  # a month alone is no date
        "",
    ],
)
def test_not_a_quantity(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("trois millions", "3 M€"),
        ("3 M€", "3 millions d’euros"),
        ("3 000 000 €", "trois millions d’euros"),
        ("40 %", "40 pour cent"),
        ("quarante pour cent", "40%"),
        ("1,5 milliard", "1 500 millions"),
        ("le 26 janvier", "le 26 janvier 2026"),
        ("deux mille", "2 000"),
    ],
)
def test_same(a: str, b: str) -> None:
    assert _one(a).same(_one(b))
    assert _one(b).same(_one(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("trois millions", "4 M€"),
        ("40 %", "45 pour cent"),
        ("40 %", "40 €"),  # same value, different unit
        ("le 26 janvier 2026", "le 25 janvier 2026"),
        ("le 26 janvier 2026", "le 26 janvier 2025"),
        ("2030", "le 1er janvier 2030"),  # a year is not a date
    ],
)
def test_different(a: str, b: str) -> None:
    assert not _one(a).same(_one(b))


def test_comparable_keeps_years_apart_from_counts() -> None:
    year, count, pct, date = _one("en 2030"), _one("2 000 emplois"), _one("40 %"), _one("le 3 mai")
    assert not year.comparable(count)
    assert not pct.comparable(date)
    assert _one("41 %").comparable(pct)
    assert _one("le 5 mai").comparable(date)


def test_quantity_keys_include_the_year_of_a_full_date() -> None:
    assert quantity_keys("Le 26 janvier 2026, 40 % des votants") == {"date:26/1/2026", "2026", "40%"}


def test_words_value_rejects_non_numbers() -> None:
    assert words_value("trois") == 3
    assert words_value("quatre-vingts") == 80
    assert words_value("bonjour") is None


def test_several_quantities_in_order() -> None:
    text = "Le 12 mars 2026, la ville a levé 3 M€, soit 40 % de plus qu’en 2025."
    found = find_quantities(text)
    assert [text[q.start : q.end] for q in found] == ["12 mars 2026", "3 M€", "40 %", "2025"]
