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
