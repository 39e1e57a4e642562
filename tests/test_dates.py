"""Dates: numeric forms, month names in every case, ranges, periods, sot/dje."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from pipeline.dates import DateFinder, DateVocabulary

CUES = yaml.safe_load((Path(__file__).resolve().parent.parent / "gazetteers" / "cues.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    d = CUES["dates"]
    months = {form: int(num) for num, forms in d["months"].items() for form in forms}
    weekdays = {form: int(num) for num, forms in d["weekdays"].items() for form in forms}
    return DateFinder(DateVocabulary(months=months, relative=d["relative"], period_words=tuple(d["period_words"]),
                                     part_of_year={k: tuple(v) for k, v in d["part_of_year"].items()},
                                     weekdays=weekdays))


def values(finder, text, published=None):
    return [(d.value, d.value_end) for d in finder.find(text, published=published)]


@pytest.mark.parametrize("text", ["më 13.02.2019 u zhvillua", "më 13/02/2019 u zhvillua",
                                  "më 13-02-2019 u zhvillua", "dt. 13.2.2019", "më 13 shkurt 2019",
                                  "më 13 Shkurt 2019", "me 13 shkurtit 2019", "më 13 shkurt të vitit 2019"])
def test_one_day_in_every_form(finder, text):
    assert values(finder, text) == [("2019-02-13", None)]


def test_month_without_diacritics(finder):
    assert values(finder, "me 5 nentor 2021") == [("2021-11-05", None)]
    assert values(finder, "më 5 nëntor 2021") == [("2021-11-05", None)]


def test_time_of_day_is_not_a_date(finder):
    assert values(finder, "Me date 16.02.2018 ora 11.00 ne Institucionin") == [("2018-02-16", None)]


def test_impossible_day_is_rejected(finder):
    assert values(finder, "31.02.2019") == []


def test_day_without_year_takes_the_publication_year(finder):
    assert values(finder, "më 13 prill, tek Pedonalja", published="2016-04-14") == [("2016-04-13", None)]


def test_day_without_year_and_without_publication_stays_null(finder):
    assert values(finder, "më datë 13 prill, tek Pedonalja") == [(None, None)]


def test_yearless_days_borrow_the_year_of_the_enumeration(finder):
    got = values(finder, "më 12 mars në Shkodër, më 14 mars në Lezhë dhe më 19 mars 2019 në Dibër")
    assert got == [("2019-03-12", None), ("2019-03-14", None), ("2019-03-19", None)]


def test_several_days_of_one_month_are_a_span(finder):
    assert values(finder, "në datat 23, 24 dhe 25 shtator 2019") == [("2019-09-23", "2019-09-25")]


def test_month_range_with_year(finder):
    found = finder.find("gjatë muajve shkurt dhe mars 2015")
    assert [(d.value, d.value_end, d.is_period) for d in found] == [("2015-02", "2015-03", True)]


def test_period_of_half_year(finder):
    assert values(finder, "për periudhën Janar-Qershor 2019") == [("2019-01", "2019-06")]
    assert values(finder, "periudhën janar – qershor 2019") == [("2019-01", "2019-06")]


def test_period_across_years(finder):
    assert values(finder, "per periudhen Nentor 2022 – Mars 2023") == [("2022-11", "2023-03")]


def test_year_under_review(finder):
    assert values(finder, "analiza e punës për vitin 2017") == [("2017-01", "2017-12")]


def test_first_quarter(finder):
    assert values(finder, "për 3-mujorin e parë 2019") == [("2019-01", "2019-03")]


def test_second_half_year(finder):
    assert values(finder, "6-mujori i dytë i vitit 2020") == [("2020-07", "2020-12")]


def test_sot_and_dje_resolve_against_publication(finder):
    assert values(finder, "Sot u zhvillua", published="2022-06-02") == [("2022-06-02", None)]
    assert values(finder, "Dje u zhvillua", published="2022-06-02") == [("2022-06-01", None)]


def test_sot_without_publication_is_null(finder):
    assert values(finder, "Sot u zhvillua") == [(None, None)]


def test_iso_stamp(finder):
    assert values(finder, " date 2018-02 Në Prishtinë") == [("2018-02", None)]


@given(st.text(max_size=200))
def test_finder_never_fails_and_spans_are_inside(finder, text):
    for d in finder.find(text, published="2020-01-01"):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start:d.end] == d.text


def test_month_range_across_the_new_year(finder):
    assert values(finder, "për periudhën nëntor–shkurt 2019") == [("2018-11", "2019-02")]


def test_long_number_lists_do_not_stall(finder):
    import time
    text = ", ".join(str(i % 90) for i in range(20000))
    started = time.perf_counter()
    finder.find(text)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("text,expected", [
    ("nga 3 deri më 5 prill 2023 në Vlorë", ("2023-04-03", "2023-04-05")),
    ("nga 7 deri ne 8 prill", ("2021-04-07", "2021-04-08")),
])
def test_days_joined_by_deri_are_a_span(finder, text, expected):
    assert values(finder, text, published="2021-05-21") == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Të enjten, në qytetin e Përmetit", "2021-05-20"),   # published on a Friday: the day before
    ("te premten u mblodh", "2021-05-21"),                 # the publication day itself
    ("ditën e hënë u zhvillua", "2021-05-17"),
])
def test_weekday_is_the_last_such_day_up_to_publication(finder, text, expected):
    assert values(finder, text, published="2021-05-21") == [(expected, None)]


def test_weekday_without_a_publication_day_stays_null(finder):
    assert values(finder, "të enjten u mblodh", published="2021-05") == [(None, None)]
    assert values(finder, "të enjten u mblodh") == [(None, None)]
