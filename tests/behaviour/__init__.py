"""Behavioural suites of eventwire: sentences from templates, expected results by construction."""
