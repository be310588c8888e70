"""`reportgen watch` rebuilds on a change and stops cleanly on Ctrl-C."""

import os
import signal
import subprocess
import sys
import time


def wait_for(proc_output, needle, lines, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc_output.readline()
        if line:
            lines.append(line)
            if needle in line:
                return True
        else:
            time.sleep(0.05)
    return False


def test_watch_rebuilds_after_a_change_and_stops_on_interrupt(basic_project):
    proc = subprocess.Popen([sys.executable, "-m", "reportgen", "watch", "--format", "html",
                             "--project", str(basic_project)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines = []
    try:
        assert wait_for(proc.stderr, "built ", lines), lines
        landscape = basic_project / "landscapes" / "basic-bcma.yaml"
        landscape.write_text(landscape.read_text().replace("Two invented assets", "Two assets, edited"))
        assert wait_for(proc.stderr, "built basic-bcma", lines), lines
        assert "Two assets, edited" in (basic_project / "out" / "basic-bcma.html").read_text()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    assert proc.returncode == 0


def test_an_idle_watch_stays_idle_and_one_change_rebuilds_once(basic_project):
    """The build opens every watched file; those opens must not count as changes."""
    import threading

    from reportgen.build import build
    from reportgen.watch import watch_project

    builds = []

    def counted_build():
        builds.append(time.monotonic())
        return build(basic_project, formats=("html",))

    stop = threading.Event()
    thread = threading.Thread(target=watch_project, args=(basic_project, ("html",)),
                              kwargs=dict(settle=0.2, stop=stop, run_build=counted_build), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not builds and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(builds) == 1  # the first build
        time.sleep(3.0)          # idle: nothing written, while the first build's reads settle
        assert len(builds) == 1, f"{len(builds) - 1} rebuilds with nothing changed"
        source = basic_project / "landscapes" / "sources" / "quill-qb7.txt"
        source.write_text(source.read_text() + "\nA sentence added by the test.\n")
        deadline = time.monotonic() + 30
        while len(builds) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(2.0)          # and nothing more after it
        assert len(builds) == 2
    finally:
        stop.set()
        thread.join(timeout=20)
    assert not thread.is_alive()
