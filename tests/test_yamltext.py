"""The fast YAML writer: what it writes reads back as the same data, and looks like PyYAML's."""
from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import yamltext

scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text() | st.sampled_from(["yes", "No", "on", "~", "null", "1:20", "0x1f", "2019-02-13", "1e5",
                                          "- a", "a: b", "a #b", "#x", "...", "---", "'q'", "\"q\"", "a:", " a",
                                          "a ", "@x", "%x", "*x", "&x", "!x", "|", ">", "?", "\u2028", "\x85",
                                          "\ufeff", "\x7f", "tab\there", ".inf", "<<", "=", ""]))
data = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(data)
def test_round_trip(value):
    assert yaml.safe_load(yamltext.dump(value)) == value


def test_layout_is_pyyaml_block_style():
    value = {"a": 1, "b": [{"x": "ë", "y": None}, "plain text"], "c": {"d": [], "e": {}}, "f": "Data: 1"}
    expected = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=False)
    assert yamltext.dump(value) == expected.replace("'Data: 1'", '"Data: 1"')


def test_long_strings_stay_on_one_line():
    text = "fjalë " * 40
    assert yamltext.dump({"t": text.strip()}).count("\n") == 1
