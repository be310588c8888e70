"""`reportgen watch`: rebuild when a source, landscape or template changes, and only then.

A build opens (reads) every file it watches, and inotify reports opening,
closing-without-writing and attribute (atime) changes as events too; reacting
to those made the watcher rebuild about twice a second with nothing changed.
So only writes, creations, moves and deletions count, and a rebuild happens
only when the watched files' names, sizes or modification times differ from
those of the last build.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Callable

from reportgen.errors import ReportgenError

log = logging.getLogger(__name__)

# watchdog event types that mean content changed; "opened", "closed_no_write" never do
CHANGE_EVENTS = frozenset({"created", "modified", "moved", "deleted", "closed"})


def _ignored(path: Path, out_dir: Path) -> bool:
    return out_dir in path.parents or path == out_dir or path.name.startswith(".") or path.name.endswith("~")


def fingerprint(folders: list[Path], out_dir: Path) -> tuple:
    """(path, size, mtime) of every watched file: what a rebuild depends on, without reading contents."""
    entries = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not _ignored(Path(dirpath, d).resolve(), out_dir))
            for name in sorted(filenames):
                path = Path(dirpath, name)
                if _ignored(path.resolve(), out_dir):
                    continue
                try:
                    st = path.stat()
                except OSError:
                    continue
                entries.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(entries)


def watch_project(root: Path, formats: tuple[str, ...], settle: float = 0.5,
                  stop: threading.Event | None = None, run_build: Callable[[], object] | None = None) -> None:
    """Build once, then again after each burst of real changes, until interrupted (or `stop` is set)."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    from reportgen.build import build

    changed = threading.Event()
    stop = stop or threading.Event()
    out_dir = (root / "out").resolve()
    folders = [f for f in (root / "landscapes", root / "templates") if f.is_dir()]

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type not in CHANGE_EVENTS:
                return
            paths = [event.src_path, getattr(event, "dest_path", "") or event.src_path]
            if all(_ignored(Path(str(p)).resolve(), out_dir) for p in paths):
                return
            changed.set()

    def run() -> None:
        try:
            result = run_build() if run_build else build(root, formats=formats)
            if result is not None and hasattr(result, "built"):
                log.info("built %s; unchanged %s", ", ".join(result.built) or "nothing",
                         ", ".join(result.skipped) or "none")
        except ReportgenError as exc:
            log.error("build failed, previous outputs kept:\n%s", exc)

    observer = Observer()
    for folder in folders:
        observer.schedule(Handler(), str(folder), recursive=True)
    observer.start()
    log.info("watching %s (Ctrl-C to stop)", root)
    try:
        last = fingerprint(folders, out_dir)
        run()
        while not stop.is_set():
            if changed.wait(timeout=0.5):
                stop.wait(settle)  # let a burst of saves finish
                changed.clear()
                now = fingerprint(folders, out_dir)
                if now != last:
                    last = now
                    run()
    except KeyboardInterrupt:
        log.info("stopped watching")
    finally:
        observer.stop()
        observer.join()
