"""Render briefs (and the formats within a brief) on every core, with the bytes a serial run writes.

Each (brief, format) is one task; results come back in task order, so the
files written, and their bytes, do not depend on the number of workers. A
worker builds its own Jinja environment once; WeasyPrint and fontconfig are
set up per process, which is why processes, not threads.
"""

from __future__ import annotations

import os
from pathlib import Path

_env = None
_context = None
_laid_out = None  # a queue a worker reports each part's laid-out pages on (reportgen/pdf_parts.py)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _init(dirs: list[Path], root: Path, out_dir: Path, laid_out=None) -> None:
    global _env, _context, _laid_out
    _laid_out = laid_out
    from reportgen.output import OutputContext
    from reportgen.render import make_environment

    _env = make_environment(dirs)
    _context = OutputContext(env=_env, root=root, out_dir=out_dir)


def _render(task):
    brief, facts, fmt = task
    from reportgen.output import get_writer

    try:
        return get_writer(fmt).write(brief, facts, _context), None
    except Exception as exc:  # noqa: BLE001  reported per brief by the build, as a serial run would
        return None, exc


def _part(key, html: str, root: Path, as_of: str | None):
    from reportgen.pdf_parts import render_part

    report = (lambda pages: _laid_out.put((key, pages))) if _laid_out is not None else None
    try:
        return render_part(html, root, as_of, report).pdf, None
    except Exception as exc:  # noqa: BLE001  NotSplittable: the brief is rendered whole instead
        return None, exc


def _frame(job, pages, root: Path):
    from reportgen.pdf_parts import frame

    try:
        return frame(job, pages, root), None
    except Exception as exc:  # noqa: BLE001
        return None, exc


def _join(framed: bytes, cover: int, parts: list[bytes]):
    from reportgen.pdf_parts import join

    try:
        return join(framed, cover, parts), None
    except Exception as exc:  # noqa: BLE001
        return None, exc


def _whole(job, root: Path):
    from reportgen.pdf_parts import whole

    try:
        return whole(job, root), None
    except Exception as exc:  # noqa: BLE001
        return None, exc


def render_tasks(tasks: list[tuple], dirs: list[Path], root: Path, out_dir: Path,
                 jobs: int | None = None) -> list[tuple[bytes | None, Exception | None]]:
    """(bytes, None) or (None, error) per (brief, facts, format) task, in task order.

    A long brief's PDF (reportgen/pdf_parts.py) becomes its parts, laid out on the workers first, then
    its frame and join, which go ahead of every task still waiting: the bytes are those of its writer
    run in one process.
    """
    from reportgen.pdf_parts import NotSplittable, pdf_job, worth_cutting

    jobs = jobs or default_jobs()
    cut = [i for i, t in enumerate(tasks) if t[2] == "pdf" and worth_cutting(t[0])] if jobs > 1 else []
    if jobs <= 1 or (len(tasks) <= 1 and not cut):
        _init(dirs, root, out_dir)
        return [_render(t) for t in tasks]
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait  # here: the registry imports this module

    if cut:
        _init(dirs, root, out_dir)
    pdf_jobs = {}
    for i in cut:
        try:
            job = pdf_job(tasks[i][0], tasks[i][1], _env)
        except Exception:  # noqa: BLE001  the worker renders it and reports the error as a serial run would
            continue
        if job.cut is not None:
            pdf_jobs[i] = job
    results: dict[int, tuple] = {}
    # (priority, order, task index, function, args): lower first. Parts first, then PDFs, then the rest;
    # a cut brief's frame (once its parts are laid out), its join, or its whole render go before all of them
    queue: list[tuple] = []
    for i, job in pdf_jobs.items():
        queue.extend((1, len(queue), i, _part, ((i, k), h, root, job.as_of)) for k, h in enumerate(job.part_htmls()))
    queue.extend((2 if tasks[i][2] == "pdf" else 3, len(queue), i, _render, (tasks[i],))
                 for i in range(len(tasks)) if i not in pdf_jobs)
    count = {i: len(job.cut[1]) for i, job in pdf_jobs.items()}
    pages: dict[int, dict] = {i: {} for i in pdf_jobs}   # part -> its laid-out pages
    pdfs: dict[int, dict] = {i: {} for i in pdf_jobs}    # part -> its PDF
    failed: dict[int, list] = {i: [] for i in pdf_jobs}  # the parts' errors
    framed: dict[int, object] = {}                       # "asked", then (frame PDF, cover pages)
    last: set[int] = set()                               # the join or the whole render is queued

    def step(i: int) -> None:
        """What a cut brief needs next: its frame once every part is laid out, its join once the parts'
        PDFs and the frame are there; its whole render when a part or the frame refused the cut."""
        if i in results or i in last:
            return
        if failed[i]:
            if len(pdfs[i]) + len(failed[i]) == count[i]:
                hard = [e for e in failed[i] if not isinstance(e, NotSplittable)]
                if hard:
                    results[i] = (None, hard[0])
                else:
                    last.add(i)
                    queue.append((0, i, i, _whole, (pdf_jobs[i], root)))
            return
        if i not in framed and len(pages[i]) == count[i]:
            framed[i] = "asked"
            queue.append((0, i, i, _frame, (pdf_jobs[i], [p for k in sorted(pages[i]) for p in pages[i][k]], root)))
        elif isinstance(framed.get(i), tuple) and len(pdfs[i]) == count[i]:
            last.add(i)
            frame_pdf, cover = framed[i]
            queue.append((0, i, i, _join, (frame_pdf, cover, [pdfs[i][k] for k in sorted(pdfs[i])])))

    import multiprocessing

    context = multiprocessing.get_context()
    laid_out = context.SimpleQueue() if pdf_jobs else None
    units = len(queue)
    with ProcessPoolExecutor(max_workers=min(jobs, units), mp_context=context, initializer=_init,
                             initargs=(dirs, root, out_dir, laid_out)) as pool:
        running: dict = {}
        while queue or running:
            queue.sort(key=lambda q: q[:2])
            while queue and len(running) < jobs:
                _, order, i, function, args = queue.pop(0)
                running[pool.submit(function, *args)] = (order, i, function, args)
            done, _ = wait(running, timeout=0.05 if laid_out is not None else None, return_when=FIRST_COMPLETED)
            while laid_out is not None and not laid_out.empty():
                (i, k), part_pages = laid_out.get()
                pages[i][k] = part_pages
                step(i)
            for future in sorted(done, key=lambda f: running[f][0]):
                order, i, function, args = running.pop(future)
                value, error = future.result()
                if function is _part:
                    if error is not None:
                        failed[i].append(error)
                    else:
                        pdfs[i][args[0][1]] = value
                elif function is _frame and error is None:
                    framed[i] = value
                elif function is _frame or (function is _join and isinstance(error, NotSplittable)):
                    if isinstance(error, NotSplittable):
                        last.add(i)
                        queue.append((0, i, i, _whole, (pdf_jobs[i], root)))
                    else:
                        results[i] = (None, error)
                else:
                    results[i] = (value, error)
                if i in pdf_jobs:
                    step(i)
    return [results[i] for i in range(len(tasks))]
