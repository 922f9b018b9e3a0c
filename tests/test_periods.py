"""TIMEX3 date values -> the first day of their period and its precision."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.times.periods import period_start, precision


@pytest.mark.parametrize(("value", "start", "kind"), [
    ("2016", date(2016, 1, 1), "year"),
    ("2015-12", date(2015, 12, 1), "month"),
    ("2015-W52", date(2015, 12, 21), "week"),
    ("2015-W53", date(2015, 12, 28), "week"),
    ("2016-W01", date(2016, 1, 4), "week"),
    ("2015-12-24", date(2015, 12, 24), "day"),
    ("2015-12-24T10:00", date(2015, 12, 24), "day"),
    ("2016-02-29", date(2016, 2, 29), "day"),
])
def test_periods_named_period(value, start, kind):
    assert period_start(value) == start
    assert precision(value) == kind


@pytest.mark.parametrize("value", [
    None, "", "PAST_REF", "PRESENT_REF", "P3D", "XXXX-WXX-1", "2015-SU", "199X", "201",
    "2015-13", "2015-02-30", "2015-W54", "2015-W00", "junk", "2015-12-24x", " 2016",
])
def test_periods_no_period(value):
    assert period_start(value) is None
    assert precision(value) is None
