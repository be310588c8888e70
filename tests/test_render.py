import jinja2
import pytest

from reportgen.brief import Brief, Reference, Row, Cell, Value, Column
from reportgen.errors import BuildError
from reportgen.render import make_environment, markdown_to_html, render_html, template_dirs, DEFAULT_TEMPLATES

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)"> &amp; javascript:alert(3)'


def brief(**kw) -> Brief:
    data = dict(
        id="t", title="T " + EVIL, subtitle=None, as_of="2025-01-01", source_count=1, rows_kind="assets",
        sections=("table", "references"), columns=(Column(key="name", label="Asset"), Column(key="target", label="Target")),
        rows=(Row(anchor="e-x", name="X" + EVIL, cells=(
            Cell(column="name", values=(Value(text="X", cites=()),)),
            Cell(column="target", values=(Value(text=EVIL, cites=(1,)),)),
        )),),
        comparators=(), summary=(), notes=(), profiles=(), guidelines=(),
        references=(Reference(number=1, doc="a.txt", title=EVIL, publisher=EVIL, date=None, url="javascript:alert(4)",
                              quote=EVIL, start=0, end=5, curated=False),),
        skipped=(),
    )
    data.update(kw)
    return Brief(**data)


def test_source_text_is_escaped_everywhere():
    html = render_html(brief(), make_environment([DEFAULT_TEMPLATES]))
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_markdown_notes_render_raw_html_as_text():
    html = markdown_to_html('Hello <script>x()</script> [link](javascript:alert(1)) [ok](https://example.com)')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html and 'href="https://example.com"' in html


def test_empty_cells_say_not_reported():
    b = brief(rows=(Row(anchor="e-x", name="X", cells=(Cell(column="name", values=(Value(text="X", cites=()),)),
                                                       Cell(column="target", values=()))),))
    html = render_html(b, make_environment([DEFAULT_TEMPLATES]))
    assert 'class="col-target empty">not reported<' in html


def test_user_template_overrides_by_file_name(tmp_path):
    (tmp_path / "_references.html").write_text("<p>custom refs {{ brief.references|length }}</p>")
    html = render_html(brief(), make_environment([tmp_path, DEFAULT_TEMPLATES]))
    assert "<p>custom refs 1</p>" in html


def test_override_can_extend_the_default(tmp_path):
    (tmp_path / "brief.html").write_text('{% extends "default:brief.html" %}{% block header %}<h1>Mine</h1>{% endblock %}')
    html = render_html(brief(), make_environment([tmp_path, DEFAULT_TEMPLATES]))
    assert "<h1>Mine</h1>" in html and "Comparison" in html


def test_undefined_variable_fails_naming_template_and_line(tmp_path):
    (tmp_path / "_references.html").write_text("<p>ok</p>\n<p>{{ brief.no_such_field }}</p>\n")
    with pytest.raises(BuildError) as info:
        render_html(brief(), make_environment([tmp_path, DEFAULT_TEMPLATES]))
    assert f"{tmp_path / '_references.html'}:2" in str(info.value)
    assert "no_such_field" in str(info.value)


def test_template_dirs_order(tmp_path):
    (tmp_path / "templates").mkdir()
    extra = tmp_path / "extra"
    dirs = template_dirs(tmp_path, extra)
    assert dirs[0] == extra and dirs[1] == tmp_path / "templates" and dirs[-1] == DEFAULT_TEMPLATES


def _ref(number, quote, title="Acme Doses First Patient", curated=False, start=0):
    return Reference(number=number, doc="a.txt", title=title, publisher="Acme", date=None, url=None,
                     quote=quote, start=start, end=start + len(quote), curated=curated)


def test_print_references_give_a_headline_quote_its_number_by_the_title_not_a_second_copy():
    refs = (_ref(1, "Acme doses first patient."), _ref(2, "The trial enrolls 40 patients.", start=40),
            _ref(3, "Acme Doses First Patient", curated=True, start=90))
    b = brief(references=refs, rows=(Row(anchor="e-x", name="X", cells=(
        Cell(column="name", values=(Value(text="X", cites=()),)),
        Cell(column="target", values=(Value(text="CD19", cites=(1, 2, 3)),)))),))
    env = make_environment([DEFAULT_TEMPLATES])
    printed = render_html(b, env, media="print")
    source_line = printed.split('<p class="source">', 1)[1].split("</p>", 1)[0]
    assert 'id="ref-1"' in source_line and "Acme Doses First Patient</cite>" in source_line
    assert "“Acme doses first patient.”" not in printed  # the headline once, as the title
    assert '<li id="ref-2"' in printed and '<li id="ref-3"' in printed  # other quotes, and the analyst's, keep a line
    assert printed.count('id="ref-1"') == 1 and 'href="#ref-1"' in printed  # the marker still leads to it
    screen = render_html(b, env)
    assert "“Acme doses first patient.”" in screen  # the web page keeps every quote linked to its source page


def test_print_markers_link_every_number_with_the_brackets_inside_the_links():
    import re

    refs = tuple(_ref(n, f"Quote {n}.", start=10 * n) for n in (1, 2, 3))
    b = brief(references=refs, rows=(Row(anchor="e-x", name="X", cells=(
        Cell(column="name", values=(Value(text="X", cites=()),)),
        Cell(column="target", values=(Value(text="CD19", cites=(1, 2, 3)), Value(text="BCMA", cites=(2,),
                                                                                    conflict=True)))),),))
    env = make_environment([DEFAULT_TEMPLATES])
    printed = render_html(b, env, media="print")
    marker = re.search(r'CD19&#8288;<sup class="cite">(.*?)</sup>', printed).group(1)
    links = re.findall(r'<a href="#ref-(\d)">([^<]*)</a>', marker)
    assert [n for n, _ in links] == ["1", "2", "3"] and re.sub(r"<[^>]+>", "", marker) == "[1,&#8203;2,&#8203;3]"
    assert "".join(t for _, t in links) == "[1,&#8203;2,&#8203;3]"  # nothing outside a link: one text box per number
    assert '<span class="value conflict">BCMA' in printed  # a marked value keeps its span (and its flag)
    assert '<span class="value">' not in printed and 'aria-label="source' not in printed
    screen = render_html(b, env)
    assert '<span class="value">CD19</span>' in screen and 'aria-label="source 1"' in screen  # the web page as before


def test_print_html_leaves_out_the_hidden_chart_data_and_uses_the_page_high_chart():
    from reportgen.charts import Chart

    chart = Chart(id="chart-x", title="Pipeline", svg="<svg>WHOLE</svg>", alt="alt text", header=["Asset"],
                  rows=[["X"]], print_svg="<svg>CUT</svg>", print_note="The first 1 of 2 assets")
    b = brief(sections=("charts", "table", "references"), charts=(chart,))
    env = make_environment([DEFAULT_TEMPLATES])
    printed, screen = render_html(b, env, media="print"), render_html(b, env)
    assert "<svg>CUT</svg>" in printed and "WHOLE" not in printed and "The first 1 of 2 assets" in printed
    assert "<details>" not in printed and "alt text" not in printed
    assert "<svg>WHOLE</svg>" in screen and "<details>" in screen and "CUT" not in screen and "The first 1" not in screen
