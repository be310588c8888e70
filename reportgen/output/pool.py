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


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _init(dirs: list[Path], root: Path, out_dir: Path) -> None:
    global _env, _context
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


def _part(html: str, root: Path, as_of: str | None):
    from reportgen.pdf_parts import render_part

    try:
        return render_part(html, root, as_of), None
    except Exception as exc:  # noqa: BLE001  NotSplittable: the brief is rendered whole instead
        return None, exc


def _finish(job, parts, root: Path):
    from reportgen.pdf_parts import finish

    try:
        return finish(job, parts, root), None
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
    # a finished brief's frame and join (or its whole render, when a part refused) before all of them
    queue: list[tuple] = []
    for i, job in pdf_jobs.items():
        queue.extend((1, len(queue), i, _part, (h, root, job.as_of)) for h in job.part_htmls())
    queue.extend((2 if tasks[i][2] == "pdf" else 3, len(queue), i, _render, (tasks[i],))
                 for i in range(len(tasks)) if i not in pdf_jobs)
    parts: dict[int, list] = {i: [] for i in pdf_jobs}
    units = len(queue)
    with ProcessPoolExecutor(max_workers=min(jobs, units), initializer=_init, initargs=(dirs, root, out_dir)) as pool:
        running: dict = {}
        while queue or running:
            queue.sort()
            while queue and len(running) < jobs:
                _, order, i, function, args = queue.pop(0)
                running[pool.submit(function, *args)] = (order, i, function)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: running[f][0]):
                order, i, function = running.pop(future)
                value, error = future.result()
                if function is not _part:
                    results[i] = (value, error)
                    continue
                parts[i].append((order, value, error))
                if len(parts[i]) == len(pdf_jobs[i].cut[1]):
                    done_parts = sorted(parts[i], key=lambda p: p[0])
                    errors = [e for _, _, e in done_parts if e is not None]
                    if any(not isinstance(e, NotSplittable) for e in errors):
                        results[i] = (None, next(e for e in errors if not isinstance(e, NotSplittable)))
                    elif errors:
                        queue.append((0, order, i, _whole, (pdf_jobs[i], root)))
                    else:
                        queue.append((0, order, i, _finish, (pdf_jobs[i], [v for _, v, _ in done_parts], root)))
    return [results[i] for i in range(len(tasks))]
