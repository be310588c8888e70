"""Hand-edited landscapes: every mistake told with its place; the invalid one is not built."""

import subprocess
import sys

from hypothesis import given, settings, strategies as st, HealthCheck

from reportgen.errors import InputError
from reportgen.landscape import load_landscape


def run(*args):
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True)


def test_all_errors_of_a_file_at_once_exit_2_only_the_valid_built(basic_project):
    bad = basic_project / "landscapes" / "broken.yaml"
    bad.write_text(
        "id: broken\n"
        "title: Broken\n"
        "as_of: 2024-13-01\n"
        "scope:\n  tagets: [BCMA]\n"
        "columns: [name, develper]\n"
        "sections: [tabel]\n"
        "entities:\n"
        "  - name: ZT-101\n"
        "    facts:\n"
        "      - predicate: target\n        object: BCMA\n        cite: {doc: nope.txt, quote: a quote}\n"
        "      - predicate: target\n        object: BCMA\n        cite: {doc: acme-zt101.txt, quote: not in that text}\n"
        "  - name: ZT-101\n"
    )
    result = run("build", "--project", str(basic_project))
    assert result.returncode == 2
    err = result.stderr
    assert f"{bad}:3:1: as_of:" in err
    assert f"{bad}:5:3: unknown key 'tagets' (did you mean 'targets'?)" in err
    assert f"{bad}:6:17: unknown column 'develper' for rows: assets (did you mean 'developer'?)" in err
    assert f"{bad}:7:12: unknown section 'tabel' (did you mean 'table'?)" in err
    assert f"{bad}:13:9: cite: no source document 'nope.txt'" in err
    assert f"{bad}:16:9: cite: quote not found verbatim in acme-zt101.txt" in err
    assert f"{bad}:17:5: duplicate entity 'ZT-101'" in err
    out = basic_project / "out"
    assert not (out / "broken.html").exists() and not (out / "broken").exists()
    assert (out / "basic-bcma.html").exists() and (out / "basic-orgs.html").exists()  # the valid ones are built


def test_yaml_syntax_error_line_and_column(basic_project):
    bad = basic_project / "landscapes" / "syntax.yaml"
    bad.write_text("id: syntax\ntitle: 'unterminated\n")
    result = run("validate", "--project", str(basic_project))
    assert result.returncode == 2
    assert f"{bad}:" in result.stderr and "YAML error" in result.stderr


def test_python_tags_are_refused(basic_project):
    bad = basic_project / "landscapes" / "tags.yaml"
    bad.write_text("id: tags\ntitle: !!python/object/apply:os.system ['touch /tmp/reportgen-pwned']\n")
    result = run("validate", "--project", str(basic_project))
    assert result.returncode == 2 and "YAML error" in result.stderr


yaml_scalars = st.one_of(st.text(max_size=30), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["id", "title", "scope", "targets", "columns", "rows", "entities", "name", "facts", "cite", "doc", "quote",
         "notes", "text", "as_of", "sections", "x"]), inner, max_size=5)), max_leaves=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.sampled_from(["id", "title", "scope", "columns", "rows", "entities", "notes", "as_of", "extra"]),
                            yaml_values, max_size=7))
def test_loader_never_crashes_on_random_structures(tmp_path, data):
    import yaml
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    try:
        load_landscape(path, {"a.txt": "some text"})
    except InputError as exc:
        assert exc.problems and all(str(p).startswith(str(path)) for p in exc.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_loader_never_crashes_on_random_text(tmp_path, text):
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_landscape(path, {})
    except InputError as exc:
        assert all(str(p).startswith(str(path)) for p in exc.problems)
