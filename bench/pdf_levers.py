#!/usr/bin/env python3
"""The PDF levers of issue 15, measured one by one on the 2,000-document project's big brief.

Usage: python bench/pdf_levers.py [--docs 2000] [--brief big] [--revs REV,REV,...] [--runs 2] [--keep DIR]
                                  [--skip-font] [--profile]

The brief is planned once, with the code of this checkout; its print HTML is then
rendered with the templates of each git revision in --revs (each revision adds one
lever: the first is the baseline), so a row shows what its lever changed on the same
view model. Each render is a fresh process (WeasyPrint import excluded): CPU seconds
(time.process_time) of layout (`HTML.render`) and of writing (`write_pdf`), pages and
HTML size. Rounds rotate the order; ratios are medians of the round-by-round ratios
to the baseline. The shared-FontConfiguration lever is timed apart, in one process
rendering the sample briefs in turn with a new and with one shared configuration.
The project is bench/scale.py's archive (its `make_project`). `--profile` also runs
each revision once under cProfile and prints where its time goes (HTML parsing, the
cascade, box building, grid, table and inline layout, SVG and text drawing), which is
how the levers after bb53bb4 were found. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale import make_project, median  # noqa: E402  the one writer of the benchmark archives

RENDER = r"""
import json, sys, time
from pathlib import Path
import weasyprint
html = Path(sys.argv[1]).read_text(encoding="utf-8")
start = time.process_time()
document = weasyprint.HTML(string=html, base_url=sys.argv[2], media_type="print").render()
laid = time.process_time()
document.write_pdf()
done = time.process_time()
print(json.dumps({"pages": len(document.pages), "layout": laid - start, "write": done - laid}))
"""

FONTS = r"""
import json, sys, time
from pathlib import Path
import weasyprint
from weasyprint.text.fonts import FontConfiguration
pages = [Path(p).read_text(encoding="utf-8") for p in sys.argv[3:]]
rounds = int(sys.argv[2])
shared = FontConfiguration()
times = {"new": [], "shared": []}
for r in range(rounds):
    for mode in (("new", "shared") if r % 2 == 0 else ("shared", "new")):
        start = time.process_time()
        for html in pages:
            config = shared if mode == "shared" else FontConfiguration()
            weasyprint.HTML(string=html, base_url=sys.argv[1], media_type="print").write_pdf(font_config=config)
        times[mode].append(time.process_time() - start)
print(json.dumps(times))
"""


PROFILE = r"""
import cProfile, json, pstats, sys
from pathlib import Path
import weasyprint
html = Path(sys.argv[1]).read_text(encoding="utf-8")
profile = cProfile.Profile()
profile.enable()
document = weasyprint.HTML(string=html, base_url=sys.argv[2], media_type="print").render()
document.write_pdf()
profile.disable()
stats = pstats.Stats(profile).stats
parts = {"parse HTML": "tinyhtml5/parser.py:22(parse)", "cascade": "css/__init__.py:1866(get_all_computed_styles)",
         "build boxes": "formatting_structure/build.py:52(build_formatting_structure)",
         "render() (cascade+boxes+layout)": "document.py:180(_render)", "grid layout": "layout/grid.py:575(grid_layout)",
         "table layout": "layout/table.py:13(table_layout)", "inline layout": "layout/inline.py:24(iter_line_boxes)",
         "write_pdf()": "document.py:303(write_pdf)", "draw SVG": "svg/__init__.py:446(draw)",
         "draw text": "draw/text.py:18(draw_text)"}
out = {}
for label, tail in parts.items():
    hits = [v[3] for (f, line, name), v in stats.items() if f"{f}:{line}({name})".endswith(tail)]
    out[label] = round(max(hits), 2) if hits else 0.0
print(json.dumps(out))
"""


def templates_at(rev: str, dest: Path) -> Path:
    """The packaged templates of `rev`, extracted under `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "reportgen/templates"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest / "reportgen" / "templates"


def plan(project: Path, brief_id: str):
    """The BriefPlan (view model and its facts) of one brief of a built benchmark project."""
    from reportgen.build import Project, check_landscapes, check_review, load_corpus, plan_brief

    proj = Project(project)
    corpus = load_corpus(proj, cache_dir=project / "out" / ".cache")
    landscapes, _ = check_landscapes(proj, None, corpus)
    review, _ = check_review(proj, landscapes, {"": corpus})
    for path, landscape in landscapes:
        if landscape.id == brief_id:
            return plan_brief(proj, path, landscape, corpus, None, review=review)
    raise SystemExit(f"no landscape {brief_id!r} in {project}")


def render(html: Path, base: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", RENDER, str(html), str(base) + "/"], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--brief", default="big")
    parser.add_argument("--revs", default="HEAD", help="comma-separated git revisions, baseline first")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="write (or reuse) the project as DIR/<docs>")
    parser.add_argument("--skip-font", action="store_true", help="skip the FontConfiguration lever")
    parser.add_argument("--only-font", action="store_true", help="only the FontConfiguration lever")
    parser.add_argument("--profile", action="store_true", help="also profile each revision once (cProfile)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if not args.only_font:
            levers(args, tmp_path)
        if not args.skip_font:
            font_lever(tmp_path)


def levers(args, tmp_path: Path) -> None:
    """Each revision's templates on the same view model, fresh processes, rotated order."""
    from reportgen.render import make_environment, render_html

    project = (args.keep or tmp_path) / str(args.docs)
    if not (project / "landscapes").is_dir():
        make_project(project, args.docs)
    brief = plan(project, args.brief).brief
    revs = args.revs.split(",")
    variants = []
    for i, rev in enumerate(revs):
        folder = templates_at(rev, tmp_path / f"rev{i}")
        html = render_html(brief, make_environment([folder]), media="print")
        path = tmp_path / f"rev{i}.html"
        path.write_text(html, encoding="utf-8")
        variants.append((rev, folder, path, len(html.encode("utf-8"))))
    results: dict[int, list[dict]] = {i: [] for i in range(len(variants))}
    for r in range(args.runs):
        order = list(range(len(variants)))
        order = order[r % len(order):] + order[:r % len(order)]
        for i in order:
            _, folder, path, _ = variants[i]
            results[i].append(render(path, folder))
            print(f"round {r + 1}: {variants[i][0]}: {results[i][-1]}", file=sys.stderr, flush=True)
    print(f"{args.docs:,} documents, brief {args.brief!r}: {len(brief.rows)} rows, {len(brief.references)} "
          f"references; CPU seconds, medians of {args.runs} fresh processes per revision")
    print("| templates at | pages | print HTML | layout | write | total | total / baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    base = [d["layout"] + d["write"] for d in results[0]]
    for i, (rev, _, _, size) in enumerate(variants):
        runs = results[i]
        totals = [d["layout"] + d["write"] for d in runs]
        ratio = median([t / b for t, b in zip(totals, base)])
        print(f"| {rev} | {runs[0]['pages']} | {size / 1e6:.2f} MB | {median([d['layout'] for d in runs]):.1f} s "
              f"| {median([d['write'] for d in runs]):.1f} s | {median(totals):.1f} s | {ratio:.2f}x |")
    if args.profile:
        profiles = []
        for rev, folder, path, _ in variants:
            out = subprocess.run([sys.executable, "-c", PROFILE, str(path), str(folder) + "/"], capture_output=True,
                                 text=True, check=True)
            profiles.append((rev, json.loads(out.stdout.strip().splitlines()[-1])))
        labels = list(profiles[0][1])
        print("\nUnder cProfile (cumulative seconds, inflated by the profiler; layout parts overlap):")
        print("| templates at | " + " | ".join(labels) + " |")
        print("|---|" + "---:|" * len(labels))
        for rev, parts in profiles:
            print(f"| {rev} | " + " | ".join(f"{parts[k]:.1f}" for k in labels) + " |")


def font_lever(tmp_path: Path) -> None:
    """New FontConfiguration per render (WeasyPrint's default) against one shared by every render of a process."""
    from reportgen.build import Project, check_landscapes, load_corpus, plan_brief
    from reportgen.render import make_environment, render_html

    proj = Project(ROOT)
    corpus = load_corpus(proj, cache_dir=tmp_path / "sample-cache")
    landscapes, _ = check_landscapes(proj, None, corpus)
    folder = ROOT / "reportgen" / "templates"
    pages = []
    for path, landscape in landscapes:
        html = render_html(plan_brief(proj, path, landscape, corpus, None).brief, make_environment([folder]),
                           media="print")
        pages.append(tmp_path / f"sample-{landscape.id}.html")
        pages[-1].write_text(html, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", FONTS, str(folder) + "/", "6", *map(str, pages)],
                         capture_output=True, text=True, check=True)
    times = json.loads(out.stdout.strip().splitlines()[-1])
    ratio = median([s / n for s, n in zip(times["shared"], times["new"])])
    print(f"FontConfiguration, the {len(pages)} sample briefs rendered in one process, 6 rounds: new config "
          f"each render {median(times['new']):.2f} s, one shared config {median(times['shared']):.2f} s CPU "
          f"per round; shared / new {ratio:.2f}x")


if __name__ == "__main__":
    main()
