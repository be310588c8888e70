"""`reportgen watch`: rebuild when a source, landscape or template changes."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from reportgen.errors import ReportgenError

log = logging.getLogger(__name__)


def watch_project(root: Path, formats: tuple[str, ...], settle: float = 0.5) -> None:
    """Build once, then again after each burst of changes, until interrupted."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    from reportgen.build import build

    changed = threading.Event()
    out_dir = (root / "out").resolve()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            path = Path(str(event.src_path)).resolve()
            if out_dir in path.parents or path.name.startswith(".") or path.name.endswith("~"):
                return
            changed.set()

    def run() -> None:
        try:
            result = build(root, formats=formats)
            log.warning("built %s; unchanged %s", ", ".join(result.built) or "nothing",
                        ", ".join(result.skipped) or "none")
        except ReportgenError as exc:
            log.error("build failed, previous outputs kept:\n%s", exc)

    observer = Observer()
    for folder in (root / "landscapes", root / "templates"):
        if folder.is_dir():
            observer.schedule(Handler(), str(folder), recursive=True)
    observer.start()
    log.warning("watching %s (Ctrl-C to stop)", root)
    try:
        run()
        while True:
            if changed.wait(timeout=1.0):
                time.sleep(settle)  # let a burst of saves finish
                changed.clear()
                run()
    except KeyboardInterrupt:
        log.warning("stopped watching")
    finally:
        observer.stop()
        observer.join()
