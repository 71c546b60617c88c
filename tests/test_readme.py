"""The README's steps, followed literally in a fresh clone.

A real `git clone` + `make demo` would build a second virtual environment (minutes, network). The
check here is the cheap faithful part of it: the clone is made from the committed state (so files
that only exist in a working copy are caught), `make -n` in the clone shows what `make demo`,
`make test` and `make notebook` would run, every command the README shows parses with the CLI,
every file it names exists in the clone, the documented ITS call is the notebook's call, and
JupyterLab really starts from the environment the tests run in and serves the notebooks folder.
"""
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from evaluatie.cli import _parser


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    root = Path(__file__).resolve().parents[1]
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("geen git-project")
    target = tmp_path_factory.mktemp("kloon") / "evaluatie"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{root}", str(target)], check=True)
    return target


@pytest.fixture(scope="module")
def readme(clone):
    return (clone / "README.md").read_text(encoding="utf-8")


def test_exactly_two_setup_commands_and_make_targets_exist(clone, readme):
    setup = readme[readme.index("## Aan de slag"):readme.index("### Windows")]
    block = re.search(r"```bash\n(.*?)```", setup, flags=re.S).group(1)
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make demo", "make test"]
    targets = set(re.findall(r"^([a-z-]+):", (clone / "Makefile").read_text(), flags=re.M))
    assert set(re.findall(r"`make ([a-z-]+)`", readme)) <= targets


def test_make_dry_run_in_the_clone(clone):
    if shutil.which("make") is None:
        pytest.skip("make ontbreekt")

    def dry(target, **env):
        out = subprocess.run(["make", "-n", target], cwd=clone, capture_output=True, text=True, check=True,
                             env={**os.environ, **env})
        return out.stdout

    demo = dry("demo")
    assert "-m venv .venv" in demo and 'install -e ".[dev]"' in demo and ".venv/bin/evaluatie demo" in demo
    assert "--quiet" in demo  # no pip noise for a newcomer
    assert '-m "not slow"' in dry("test", CI="") and "not slow" not in dry("test", CI="true")
    assert ".venv/bin/jupyter lab --notebook-dir=notebooks" in dry("notebook")
    ci = (clone / ".ci" / "run").read_text()
    # CI follows the README literally: `make demo` (failing on warnings or tracebacks in its output), then `make test`
    assert -1 < ci.index("make demo 2>&1") < ci.index("CI=true make test")
    assert 'grep -Eiq "traceback|warning|deprecat|over tcp"' in ci
    assert "PIP_ROOT_USER_ACTION=ignore" in demo  # no pip warning for root (CI runs as root)


def test_every_cli_line_in_the_readme_parses(readme):
    lines = re.findall(r"^\s*(?:\.venv/bin/)?(evaluatie [^\n`]+)", readme, flags=re.M)
    lines += re.findall(r"`(evaluatie [^`]+)`", readme)
    assert any(line.startswith("evaluatie notebook 01 --bestand") for line in lines)
    for line in lines:
        args = shlex.split(line.split(" #")[0])[1:]
        if not any(a.isupper() or "." in a or a.startswith("-") for a in args[1:]):
            continue  # a command named in a sentence ("`evaluatie agencies review`"), not a step to type
        try:
            _parser().parse_args(args)
        except SystemExit as exc:  # argparse exits on an unknown option or a missing argument
            pytest.fail(f"README-opdracht werkt niet: {line!r} ({exc})")


def test_files_named_in_the_readme_are_committed(clone, readme):
    for name in ("data_raw/voorbeeld/", "data_raw/sjablonen/", "notebooks/"):
        assert name in readme and any((clone / name).iterdir()), name
    assert (clone / "notebooks" / "00_start_hier.ipynb").exists()
    assert (clone / "environment.yml").exists() and (clone / ".ci" / "run").exists()


def test_documented_its_call_is_the_notebooks_call(clone, readme):
    call = re.search(r"`(ev\.its\.segmented\([^`]*\))`", readme).group(1)
    notebook = (clone / "notebooks" / "02b_uitrol_en_tijdreeks.py").read_text(encoding="utf-8")
    arguments = re.sub(r"\s+", " ", call[len("ev.its.segmented("):-1])
    used = re.sub(r"\s+", " ", re.search(r"segmented\((.*?)\)\n", notebook, flags=re.S).group(1))
    assert arguments.replace("reeks", "") == used.replace("reeks", "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow  # starts a JupyterLab server; CPU budget of `make test` (issue #12); CI runs it
@pytest.mark.notebook
def test_jupyterlab_starts_from_the_environment(clone):
    jupyter = Path(sys.executable).with_name("jupyter")
    if not jupyter.exists():
        pytest.fail("JupyterLab ontbreekt in de omgeving: staat jupyterlab in pyproject.toml?")
    version = subprocess.run([str(jupyter), "lab", "--version"], capture_output=True, text=True, check=True)
    assert re.match(r"4\.", version.stdout.strip())
    port = _free_port()
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
         "--IdentityProvider.token=test", "--notebook-dir=notebooks",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        cwd=clone, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, listing = time.time() + 60, None
        while time.time() < deadline and listing is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token=test", timeout=2) as r:
                    listing = r.read().decode()
            except OSError:
                time.sleep(0.5)
        assert listing is not None, "JupyterLab startte niet binnen 60 seconden"
        assert "00_start_hier.ipynb" in listing
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow  # runs the example analyses (about half a minute); CI runs it
def test_python_blocks_in_the_readme_run_as_written(clone, readme):
    """Every ```python block of the README runs as written, from the project folder of a fresh clone."""
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 2
    env = {**os.environ, "PYTHONPATH": str(clone), "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1",
           "EVALUATIE_FIGUREN": str(clone / "figures"), "EVALUATIE_RAPPORTEN": str(clone / "reports")}
    out = ""
    for block in blocks:
        done = subprocess.run([sys.executable, "-c", block], cwd=clone, env=env, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        out += done.stdout
    assert "Met alle 160 dossiers gelezen verwachten we" in out and "randomisatie-inferentie" in out
    assert "gepaarde t-toets" in out


def test_every_report_section_is_named_in_the_readme(readme):
    """A section added to the pilot report (stappen) was missing from the README's list of parts."""
    from evaluatie.pilot import SECTIONS

    listed = re.search(r"Onderdelen \(`\[analyses\.…\]`\):(.*?)de voorbeeld-`pilot\.toml`", readme, flags=re.S).group(1)
    assert set(re.findall(r"`(\w+)`", listed)) == set(SECTIONS)
