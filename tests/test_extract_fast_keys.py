"""The runner's candidate key for a string object is the JSON json.dumps writes for it."""

from __future__ import annotations

import json
from json.encoder import encode_basestring

from hypothesis import given, settings, strategies as st


@settings(max_examples=2000, deadline=None)
@given(st.text())
def test_string_key_is_json_dumps(s):
    assert encode_basestring(s) == json.dumps(s, sort_keys=True, ensure_ascii=False)
