"""A long brief's PDF laid out in parts and joined (reportgen/pdf_parts.py): it must read as the PDF in one piece.

The invented briefs here are small, so the size thresholds are lowered; each test compares the joined PDF
with WeasyPrint's render of the same HTML in one piece (with the same chapter breaks): pages, text, page
footers, the contents' page numbers, every link and destination, the outline, metadata and attachment.
"""

import io
import re

import pytest
from pypdf import PdfReader

import reportgen.pdf_parts as pp
from reportgen.build import build


@pytest.fixture
def cut_everything(monkeypatch):
    monkeypatch.setattr(pp, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(pp, "SPLIT_MIN_ITEMS", 0)


def _plan(project, brief_id):
    from reportgen.build import Project, check_landscapes, check_review, load_corpus, plan_brief

    proj = Project(project)
    corpus = load_corpus(proj, cache_dir=project / "out" / ".cache")
    landscapes, _ = check_landscapes(proj, None, corpus)
    review, _ = check_review(proj, landscapes, {"": corpus})
    path, landscape = next((p, ls) for p, ls in landscapes if ls.id == brief_id)
    return plan_brief(proj, path, landscape, corpus, None, review=review)


RELEASE = """{company} Receives FDA Orphan Drug Designation for {asset}

BOSTON, April {day}, 2025 /PRNewswire/ -- {company}, Inc., a clinical-stage biotechnology company, today announced \
that the U.S. Food and Drug Administration (FDA) has granted Orphan Drug Designation to {asset}, its anti-BCMA CAR-T \
cell therapy, for the treatment of relapsed or refractory multiple myeloma.

The designation is based on data from the Phase 1 {trial} trial (NCT0{nct}). Among {n} evaluable patients, the overall \
response rate (ORR) was {orr}%.
"""


@pytest.fixture
def bigger_project(basic_project):
    """The basic project with three more invented BCMA assets: five rows, so a landscape comparison table."""
    sources = basic_project / "landscapes" / "sources"
    for k, (company, asset) in enumerate([("Velmora Bio", "VM-201"), ("Kestrana Bio", "KS-302"),
                                          ("Ortheon Bio", "OR-403")]):
        (sources / f"invented-{k}.txt").write_text(RELEASE.format(
            company=company, asset=asset, day=k + 2, trial=f"ARCLIGHT-{k + 1}", nct=7654321 + k, n=20 + k,
            orr=60 + k), encoding="utf-8")
        (sources / f"invented-{k}.meta.yaml").write_text(
            f"title: {company} Receives FDA Orphan Drug Designation for {asset}\npublisher: PRNewswire\n"
            f"date: 2025-04-0{k + 2}\nurl: https://example.com/invented-{k}\n", encoding="utf-8")
    return basic_project


@pytest.fixture
def joined(bigger_project, cut_everything):
    """The basic-bcma brief (a landscape table and portrait pages): its PDF joined from parts, and in one piece."""
    from reportgen.output import OutputContext
    from reportgen.render import DEFAULT_TEMPLATES, make_environment, render_pdf

    basic_project = bigger_project
    plan = _plan(basic_project, "basic-bcma")
    assert len(plan.brief.rows) >= 4
    env = make_environment([DEFAULT_TEMPLATES])
    context = OutputContext(env=env, root=basic_project, out_dir=basic_project / "out")
    job = pp.pdf_job(plan.brief, plan.facts, env)
    assert job.cut is not None and len(job.cut[1]) == 2
    split, groups = job.cut
    joined = pp.write_pdf(plan.brief, plan.facts, context)
    whole = render_pdf(pp.whole_html(split, groups), basic_project, plan.brief.as_of, list(job.attachments))
    return PdfReader(io.BytesIO(joined)), PdfReader(io.BytesIO(whole)), joined, (plan, context)


def _links(reader):
    out = []
    for i, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            uri = annot["/A"]["/URI"] if "/A" in annot else None
            out.append((i, tuple(round(float(v), 2) for v in annot["/Rect"]), str(annot.get("/Dest", "")), uri))
    return out


def _dests(reader):
    numbers = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    names = reader.trailer["/Root"]["/Names"]["/Dests"]["/Names"]
    return {str(names[k]): (numbers[names[k + 1][0].idnum], round(float(names[k + 1][2]), 2),
                            round(float(names[k + 1][3]), 2)) for k in range(0, len(names), 2)}


def _outline(reader, items=None, depth=0):
    out = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            out.extend(_outline(reader, item, depth + 1))
        else:
            out.append((depth, item.title, reader.get_destination_page_number(item), round(float(item.top), 2)))
    return out


def test_joined_pages_and_text_are_the_whole_ones(joined):
    parts, whole, _, _ = joined
    assert len(parts.pages) == len(whole.pages) >= 3
    assert [p.mediabox for p in parts.pages] == [p.mediabox for p in whole.pages]  # landscape table pages too
    assert {p.mediabox.width > p.mediabox.height for p in parts.pages} == {True, False}
    assert [p.extract_text() for p in parts.pages] == [p.extract_text() for p in whole.pages]


def test_footers_count_every_page_of_the_joined_pdf(joined):
    parts, _, _, _ = joined
    total = len(parts.pages)
    for number, page in enumerate(parts.pages[1:], start=2):  # the cover has no footer
        assert f"{number} / {total}" in page.extract_text()
        assert "BCMA test landscape" in page.extract_text()  # the running header, set on the cover


def test_contents_page_numbers_point_into_later_parts(joined):
    parts, _, _, _ = joined
    dests = _dests(parts)
    cover = parts.pages[0].extract_text()
    for section in ("profiles", "references"):  # both in the second part
        heading = {"profiles": "Profiles", "references": "Sources"}[section]
        page = dests[section][0]
        assert re.search(rf"{heading}[ .]*{page + 1}\b", cover), (section, page, cover)
        assert heading in parts.pages[page].extract_text()


def test_every_link_destination_and_bookmark_is_the_whole_ones(joined):
    parts, whole, _, _ = joined
    links = _links(parts)
    assert links == _links(whole)
    dests = _dests(parts)
    assert dests == _dests(whole)
    internal = [dest for _, _, dest, uri in links if uri is None]
    assert internal and all(d in dests for d in internal)  # every marker leads somewhere
    # a citation marker in the first part leads to its quote in the second
    first_part_pages = {i for i, _, d, _ in links if d.startswith("ref-")}
    assert min(first_part_pages) < dests["references"][0] <= min(dests[d][0] for d in internal if d.startswith("ref-"))
    assert _outline(parts) == _outline(whole) and len(_outline(parts)) > 3


def test_metadata_and_attached_facts_are_kept(joined):
    parts, whole, _, _ = joined
    assert parts.metadata == whole.metadata and parts.metadata.title == "BCMA test landscape"
    assert parts.attachments.keys() == whole.attachments.keys() == {"basic-bcma.facts.jsonl"}
    assert parts.attachments["basic-bcma.facts.jsonl"] == whole.attachments["basic-bcma.facts.jsonl"]


def test_the_join_is_deterministic(joined):
    _, _, data, (plan, context) = joined
    assert pp.write_pdf(plan.brief, plan.facts, context) == data


def test_pool_writes_the_bytes_of_one_process(bigger_project, cut_everything):
    basic_project = bigger_project
    one = build(basic_project, formats=("pdf", "csv"), out_dir=basic_project / "one", jobs=1)
    two = build(basic_project, formats=("pdf", "csv"), out_dir=basic_project / "two", jobs=2)
    assert one.built == two.built and "basic-bcma" in one.built
    for name in ("basic-bcma.pdf", "basic-orgs.pdf", "basic-bcma.csv"):
        assert (basic_project / "one" / name).read_bytes() == (basic_project / "two" / name).read_bytes()
    assert b"/RgMargins" in (basic_project / "two" / "basic-bcma.pdf").read_bytes()  # it was cut


def test_small_briefs_and_custom_templates_stay_whole(basic_project, monkeypatch):
    from reportgen.render import DEFAULT_TEMPLATES, make_environment

    plan = _plan(basic_project, "basic-bcma")
    env = make_environment([DEFAULT_TEMPLATES])
    assert pp.pdf_job(plan.brief, plan.facts, env).cut is None  # far below the thresholds
    monkeypatch.setattr(pp, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(pp, "SPLIT_MIN_ITEMS", 0)
    own = basic_project / "templates"
    own.mkdir()
    css = (DEFAULT_TEMPLATES / "brief.css").read_text()
    (own / "brief.css").write_text(css + "\nh2 { string-set: x content(); }\n")  # a header the frame cannot know
    assert pp.pdf_job(plan.brief, plan.facts, make_environment([own, DEFAULT_TEMPLATES])).cut is None
    assert pp.pdf_job(plan.brief, plan.facts, env).cut is not None


def test_take_apart_cuts_top_level_sections_only():
    html = ("<html><head><style>p{}</style></head><body><header>c</header><main>\n"
            "<section id=a><section id=a1>x</section></section>\n<section id=b>y</section>\n</main>\n"
            "<section id=r>z</section>\n</body></html>")
    split = pp.take_apart(html)
    assert [c.html.split(">")[0] for c in split.chunks] == ["<section id=a", "<section id=b", "<section id=r"]
    assert [c.in_main for c in split.chunks] == [True, True, False]
    assert split.cover == "<header>c</header>"
    part = pp.part_html(split, [1, 2], first=False)
    assert '<section id=b class="rg-part-start">' in part and "<main>" in part and "id=a" not in part
    assert "@bottom-center { content: none }" in part
    with pytest.raises(pp.NotSplittable):
        pp.take_apart("<html><body><p>no main</p></body></html>")
    with pytest.raises(pp.NotSplittable):
        pp.take_apart(html.replace("<main>\n", "<main>\n<p>loose</p>"))


def test_parts_are_contiguous_and_balanced():
    chunk = lambda n: pp.Chunk("x" * n, True)  # noqa: E731
    split = pp.SplitHTML(head="", cover="", chunks=tuple(chunk(n) for n in (10, 400, 300, 420)), tail="")
    assert pp.plan_parts(split, 2) == [[0, 1, 2], [3]]  # 710 / 420 beats 410 / 720
    assert pp.plan_parts(split, 3) == [[0, 1], [2], [3]]
    assert pp.plan_parts(pp.SplitHTML("", "", (chunk(5),), ""), 2) == [[0]]


def test_a_part_that_refuses_the_cut_gives_the_whole_pdf(bigger_project, cut_everything, monkeypatch):
    def refuse(page):
        raise pp.NotSplittable("invented: no page types")

    monkeypatch.setattr(pp, "_page_name", refuse)  # the pool's workers are forked with it
    one = build(bigger_project, formats=("pdf",), out_dir=bigger_project / "one", jobs=1)
    two = build(bigger_project, formats=("pdf",), out_dir=bigger_project / "two", jobs=2)
    assert one.built == two.built
    data = (bigger_project / "two" / "basic-bcma.pdf").read_bytes()
    assert data == (bigger_project / "one" / "basic-bcma.pdf").read_bytes()
    assert b"/RgMargins" not in data and len(PdfReader(io.BytesIO(data)).pages) >= 3
