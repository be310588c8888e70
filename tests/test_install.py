"""A non-editable install (what `pip install reportgen` gives a user) builds the sample briefs.

The packaged templates must travel inside the wheel: an editable install finds
them in the source tree and hides the bug this test guards against.
"""

import shutil
import subprocess
import sysconfig
import venv
from pathlib import Path

from reportgen.landscape import find_landscapes

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".venv", ".git", "out", "build", "*.egg-info", "__pycache__", ".pytest_cache",
                              ".hypothesis")


def test_a_wheel_install_in_a_fresh_venv_builds_the_sample_briefs(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=SKIP)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # Dependencies come from this test run's environment (a .pth line, so its own .pth files, among them
    # the editable reportgen, are not processed); reportgen itself only from the wheel built below.
    target = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 capture_output=True, text=True, check=True).stdout.strip())
    (target / "_deps_from_test_env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-cache-dir", str(source)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]

    project = tmp_path / "project"
    shutil.copytree(ROOT / "landscapes", project / "landscapes")
    shutil.copytree(ROOT / "templates", project / "templates")  # the override folder: a README only
    where = subprocess.run([python, "-c", "import reportgen; print(reportgen.__file__)"], capture_output=True,
                           text=True, cwd=project)
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout + where.stderr

    result = subprocess.run([env_dir / "bin" / "reportgen", "-q", "build", "--format", "html,csv"],
                            capture_output=True, text=True, cwd=project)
    assert result.returncode == 0, result.stderr
    ids = sorted(p.stem for p in find_landscapes(ROOT))
    for brief_id in ids:
        html = (project / "out" / f"{brief_id}.html").read_text(encoding="utf-8")
        assert "<style>" in html and "</html>" in html  # the packaged base.html and CSS
        assert (project / "out" / f"{brief_id}.csv").stat().st_size > 0
    assert (project / "out" / "index.html").exists() and any((project / "out" / "sources").iterdir())
