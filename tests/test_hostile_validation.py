"""'validate ok' means 'build will not fail on this input': both refuse the same things, at the same place."""

import pytest

from hostile_support import cli

BOMB = ("        object: &a0 {endpoint: ORR, value: 1, unit: '%', population: [x, x, x, x, x, x, x, x, x, x]}\n"
        "    aliases: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\n")


def landscape_with_fact(project, obj_yaml: str, extra: str = "") -> "Path":
    path = project / "landscapes" / "zz-hostile.yaml"
    path.write_text(
        "id: zz-hostile\ntitle: Hostile\n" + extra +
        "entities:\n  - name: ZT-101\n    facts:\n      - predicate: " + obj_yaml +
        "        cite: {doc: acme-zt101.txt, quote: has granted Breakthrough Therapy Designation to ZT-101}\n")
    return path


def both(project):
    """validate, then build: each must refuse, at exit 2, naming the file."""
    v_code, v_err = cli("validate", "--project", str(project))
    b_code, b_err = cli("build", "--format", "html,csv,xlsx,pdf", "--project", str(project))
    return (v_code, v_err), (b_code, b_err)


def assert_refused_in_both(project, path, message):
    (v_code, v_err), (b_code, b_err) = both(project)
    for code, err in ((v_code, v_err), (b_code, b_err)):
        assert code == 2, err
        assert str(path) in err and message in err, err
        assert "Traceback" not in err and "<input>" not in err
    assert "ok basic-bcma" in v_err
    assert "built basic-bcma" in b_err and not (project / "out" / "zz-hostile.html").exists()


@pytest.mark.parametrize("fact, message", [
    ("regulatory\n        object: {authority: 5, action: approval}\n", "authority must be non-empty text"),
    ("regulatory\n        object: {authority: XYZ, action: approval}\n", "authority 'XYZ' is not one of"),
    ("regulatory\n        object: {authority: FDA, action: approval, date: 9999-12-31}\n", "is outside 1980-01-01..2107-12-31"),
    ("regulatory\n        object: {authority: FDA, action: approval, date: 2023-02-30}\n", "is not a real date"),
    ("efficacy\n        object: {endpoint: ORR, value: lots, unit: '%'}\n", "value must be a number"),
    ("efficacy\n        object: {endpoint: ORR, value: .inf, unit: '%'}\n", "value must be a number"),
    ("efficacy\n        object: {endpoint: ORR, unit: '%'}\n", "missing value"),
    ("safety\n        object: {event: CRS, value: 3, unit: mg}\n", "unit must be '%' or 'patients'"),
    ("phase\n        object: {stage: phase 9}\n", "stage 'phase 9' is not one of"),
    ("phase\n        object: {stage: phase 2, extra: {deep: 1}}\n", "unknown key 'extra'"),
    ("modality\n        object: laser\n", "must be one of"),
    ("target\n        object: {name: BCMA}\n", "must be non-empty text"),
    ("developer\n        object: '   '\n", "must be non-empty text"),
])
def test_curated_object_of_the_wrong_type(basic_project, fact, message):
    path = landscape_with_fact(basic_project, fact)
    assert_refused_in_both(basic_project, path, message)


@pytest.mark.parametrize("as_of, message", [
    ("9999-12-31", "is outside 1980-01-01..2107-12-31"), ("0001-01-01", "is outside"),
    ("2023-02-30", "as_of:"), ("1979-12-31", "is outside"), ("2108-01-01", "is outside"),
])
def test_as_of_that_a_writer_cannot_store(basic_project, as_of, message):
    path = landscape_with_fact(basic_project, "developer\n        object: Acme Bio\n", extra=f"as_of: {as_of}\n")
    assert_refused_in_both(basic_project, path, message)


def test_as_of_at_the_edges_builds_in_every_format(basic_project):
    # neighbour: the last storable date is accepted by validation and by every writer
    path = landscape_with_fact(basic_project, "developer\n        object: Acme Bio\n", extra="as_of: 2107-12-31\n")
    (v_code, v_err), (b_code, b_err) = both(basic_project)
    assert v_code == 0 and b_code == 0, b_err
    for fmt in ("html", "csv", "xlsx", "pdf"):
        assert (basic_project / "out" / f"zz-hostile.{fmt}").stat().st_size > 0
    assert path.exists()


def test_alias_bomb_in_a_curated_object(basic_project):
    path = basic_project / "landscapes" / "zz-hostile.yaml"
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    path.write_text("id: zz-hostile\ntitle: Bomb\nlexicon:\n  targets:\n" + "".join(
        f"    {line}\n" for line in levels) + "entities:\n  - name: ZT-101\n    facts:\n      - predicate: efficacy\n"
        "        object: {endpoint: ORR, value: 1, unit: '%', population: *a8}\n"
        "        cite: {doc: acme-zt101.txt, quote: has granted Breakthrough Therapy Designation to ZT-101}\n")
    assert_refused_in_both(basic_project, path, "YAML too large: expands to more than 100,000 values")


def test_many_small_aliases_under_the_bound_are_fine(basic_project):
    # neighbour: aliases used the ordinary way are not refused
    path = basic_project / "landscapes" / "zz-hostile.yaml"
    path.write_text("id: zz-hostile\ntitle: Aliases\nscope:\n  targets: &t [BCMA]\n  comparators:\n    targets: *t\n")
    code, err = cli("validate", "--project", str(basic_project))
    assert code == 0 and "ok zz-hostile" in err


@pytest.mark.parametrize("depth", [500, 33])
def test_deep_nesting(basic_project, depth):
    path = basic_project / "landscapes" / "zz-hostile.yaml"
    path.write_text("id: zz-hostile\ntitle: Deep\nnotes:\n  - text: x\n    cite: " + "[" * depth + "]" * depth + "\n")
    assert_refused_in_both(basic_project, path, "nested more than 32 levels deep")


def test_landscape_file_over_the_size_cap(basic_project):
    path = basic_project / "landscapes" / "zz-hostile.yaml"
    path.write_text("id: zz-hostile\ntitle: Big\nsubtitle: '" + "x" * (2 * 1024 * 1024) + "'\n")
    assert_refused_in_both(basic_project, path, "landscape file too large")


def test_landscape_not_utf8(basic_project):
    # neighbour of the sidecar case: a landscape in UTF-16 is an input error with its path
    path = basic_project / "landscapes" / "zz-hostile.yaml"
    path.write_bytes("id: zz-hostile\ntitle: Wide\n".encode("utf-16"))
    assert_refused_in_both(basic_project, path, "cannot read landscape")


def test_errors_without_a_file_have_no_placeholder_prefix(basic_project):
    code, err = cli("diff", "basic-bcma", "--project", str(basic_project))
    assert code == 2 and err.startswith("error: basic-bcma: no editions") and "<input>" not in err


@pytest.mark.parametrize("formats", ["ppt", "", "html,,nope"])
def test_watch_format_is_validated_before_watching(basic_project, formats):
    code, err = cli("watch", "--format", formats, "--project", str(basic_project))
    assert code == 2 and "--format" in err and "unknown format" in err
    assert not (basic_project / "out").exists()  # it refused before building or watching
