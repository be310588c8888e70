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


def render_tasks(tasks: list[tuple], dirs: list[Path], root: Path, out_dir: Path,
                 jobs: int | None = None) -> list[tuple[bytes | None, Exception | None]]:
    """(bytes, None) or (None, error) per (brief, facts, format) task, in task order."""
    jobs = jobs or default_jobs()
    if jobs <= 1 or len(tasks) <= 1:
        _init(dirs, root, out_dir)
        return [_render(t) for t in tasks]
    from concurrent.futures import ProcessPoolExecutor  # here: the registry imports this module on every run

    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), initializer=_init,
                             initargs=(dirs, root, out_dir)) as pool:
        # largest first keeps both cores busy to the end (PDFs dominate)
        order = sorted(range(len(tasks)), key=lambda i: tasks[i][2] != "pdf")
        futures = {i: pool.submit(_render, tasks[i]) for i in order}
        return [futures[i].result() for i in range(len(tasks))]
