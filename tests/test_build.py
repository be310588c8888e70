import shutil
from pathlib import Path

import pytest

from reportgen.build import build, load_corpus, make_brief, Project, load_landscapes, write_atomic
from reportgen.errors import BuildError, InputError


def test_build_writes_html_for_every_landscape(basic_project):
    result = build(basic_project, formats=("html",))
    assert sorted(p.name for p in result.written if p.parent.name == "out") == [
        ".inputs.json", ".manifest.json", "basic-bcma.html", "basic-orgs.html", "index.html"]
    html = (basic_project / "out" / "basic-bcma.html").read_text()
    assert "BCMA test landscape" in html
    assert "Quillon Therapeutics" in html  # curated fact
    assert "<script>alert" not in html


def test_same_inputs_give_same_bytes(basic_project):
    formats = ("html", "pdf", "csv", "xlsx")
    build(basic_project, formats=formats, out_dir=basic_project / "one")
    build(basic_project, formats=formats, out_dir=basic_project / "two")
    for suffix in formats:
        name = f"basic-bcma.{suffix}"
        assert (basic_project / "one" / name).read_bytes() == (basic_project / "two" / name).read_bytes(), name


def test_invalid_landscape_writes_nothing_and_keeps_old_outputs(basic_project):
    build(basic_project, formats=("html",))
    before = snapshot(basic_project / "out")
    (basic_project / "landscapes" / "zz-broken.yaml").write_text("id: zz-broken\ntitle: X\nscoep: {}\n")
    with pytest.raises(InputError) as info:
        build(basic_project, formats=("html",))
    assert "zz-broken.yaml:3:1: unknown key 'scoep'" in str(info.value)
    assert snapshot(basic_project / "out") == before


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cite_to_removed_document_fails(basic_project):
    (basic_project / "landscapes" / "sources" / "quill-qb7.txt").unlink()
    with pytest.raises(InputError) as info:
        build(basic_project, formats=("html",))
    assert "cite: no source document 'quill-qb7.txt'" in str(info.value)


def test_failed_write_leaves_no_temporary_files(tmp_path, monkeypatch):
    target = tmp_path / "x.html"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(BuildError) as info:
        write_atomic(target, b"new")
    assert "No space left on device" in str(info.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.html"]


def test_every_citation_quote_is_verbatim_in_its_source(sample_project):
    project = Project(sample_project)
    corpus = load_corpus(project)
    for path, landscape in load_landscapes(project, None, corpus):
        brief, _ = make_brief(project, path, landscape, corpus)
        assert brief.references, landscape.id
        for ref in brief.references:
            assert corpus.docs[ref.doc].text[ref.start:ref.end] == ref.quote


def test_a_landscape_can_extend_the_lexicons(basic_project):
    sources = basic_project / "landscapes" / "sources"
    (sources / "zebra.txt").write_text(
        "Stripe Therapeutics today announced that the FDA has cleared the IND for SX-12, "
        "its anti-ZEBRA1 CAR-T cell therapy, in multiple myeloma.\n")
    (basic_project / "landscapes" / "zebra.yaml").write_text(
        "id: zebra\ntitle: ZEBRA1\nscope:\n  targets: [ZEBRA1]\nlexicon:\n  targets:\n    ZEBRA1: [ZEBRA1]\n")
    result = build(basic_project, ["zebra"], formats=("html",))
    (brief,) = result.briefs
    assert [r.name for r in brief.rows] == ["SX-12"]
    # the default lexicons know no ZEBRA1: other briefs are not affected
    plain = load_corpus(Project(basic_project))
    assert not [f for f in plain.facts if f.predicate == "target" and f.object == "ZEBRA1"]


def test_unknown_lexicon_is_an_input_error(basic_project):
    (basic_project / "landscapes" / "zebra.yaml").write_text("id: zebra\ntitle: Z\nlexicon:\n  tagrets: {}\n")
    with pytest.raises(InputError) as info:
        build(basic_project, ["zebra"], formats=("html",))
    assert "zebra.yaml:4:3: unknown lexicon 'tagrets' (did you mean 'targets'?)" in str(info.value)


def test_html_and_pdf_say_the_same(basic_project):
    """The print HTML (what the PDF is made from) has the same text as the web page."""
    import re
    from reportgen.render import make_environment, render_html, template_dirs

    project = Project(basic_project)
    corpus = load_corpus(project)
    env = make_environment(template_dirs(basic_project))
    for path, landscape in load_landscapes(project, None, corpus):
        brief, _ = make_brief(project, path, landscape, corpus)

        def text(html):
            html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
            return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()

        screen, printed = render_html(brief, env), render_html(brief, env, media="print")
        # a marker is the same numbers in both, drawn with fewer text boxes in print ("[<a>1,</a><a>2]</a>");
        # the PDF leaves out the charts' hidden data tables and may print a page-high chart with a note
        marker = re.compile(r'&#8288;<sup class="cite">(.*?)</sup>', re.S)
        numbers_of = lambda m: " [" + ",".join(re.findall(r">\[?(\d+)", m.group(1))) + "]"  # noqa: E731
        screen, printed = marker.sub(numbers_of, screen), marker.sub(numbers_of, printed)
        charts = re.compile(r'<details>.*?</details>|<svg\b.*?</svg>|<span class="chart-note">.*?</span>', re.S)
        screen, printed = charts.sub("", screen), charts.sub("", printed)
        if brief.transposed_print:
            # print turns a short, wide table (a column per row): the same words, in another order
            tables = r'<section id="(?:comparison|comparators)".*?</section>'
            words = lambda html: sorted(" ".join(text(t) for t in re.findall(tables, html, flags=re.S)).split())  # noqa: E731
            assert words(screen) == words(printed)
            screen, printed = re.sub(tables, "", screen, flags=re.S), re.sub(tables, "", printed, flags=re.S)
        # the PDF's source list gives a headline quote its number by the title instead of the title twice:
        # the same numbers and words, fewer repeats
        refs = r'<section id="references".*?</section>'
        numbers = lambda html: sorted(re.findall(r'id="ref-(\d+)"', "".join(re.findall(refs, html, flags=re.S))))  # noqa: E731
        words = lambda html: {w.strip("“”.,") for w in text("".join(re.findall(refs, html, flags=re.S))).split()}  # noqa: E731
        assert numbers(screen) == numbers(printed) and words(screen) == words(printed)
        screen, printed = re.sub(refs, "", screen, flags=re.S), re.sub(refs, "", printed, flags=re.S)
        assert text(screen) == text(printed)


def test_every_citation_link_opens_its_source_at_the_quote(basic_project):
    import html as htmllib
    import re
    from urllib.parse import unquote

    build(basic_project, formats=("html",))
    out = basic_project / "out"
    for page in ("basic-bcma.html", "basic-orgs.html"):
        html = (out / page).read_text()
        links = set(re.findall(r'href="(sources/[^"#]+)#(s-(\d+)-(\d+))"', html))
        assert links, page
        for target, anchor, start, end in links:
            source = (out / unquote(target)).read_text()
            assert f'id="{anchor}"' in source
            doc = (basic_project / "landscapes" / "sources" / unquote(target)[len("sources/"):-len(".html")]).read_text()
            quote = doc[int(start):int(end)]
            after = source.split(f'id="{anchor}"></span>', 1)[1]
            marked = "".join(re.findall(r"<mark>(.*?)</mark>", after[: len(after)], flags=re.S))
            assert htmllib.unescape(marked).startswith(quote[:40])
            back = re.findall(r'href="\.\./([^"#]+)#ref-(\d+)"', source)
            assert back and all((out / b).exists() for b, _ in back)


def test_a_second_build_waits_then_gives_up_clearly(tmp_path):
    import threading
    from reportgen.build import build_lock

    held = threading.Event()
    release = threading.Event()

    def hold():
        with build_lock(tmp_path):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    try:
        with pytest.raises(BuildError) as info:
            with build_lock(tmp_path, wait=0.5):
                pass
        assert "another build" in str(info.value)
    finally:
        release.set()
        thread.join()
    with build_lock(tmp_path, wait=0.5):  # free again once the first is done
        pass
