"""pyproject.toml and environment.yml list the same dependencies with the same lower bounds."""
import re
import tomllib

import yaml


def _parse(spec: str) -> tuple[str, str]:
    name, bound = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", spec.strip()).groups()
    return name.lower(), bound


def test_environment_yml_matches_pyproject(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    wanted = dict(_parse(s) for s in project["dependencies"] + project["optional-dependencies"]["dev"])
    env = yaml.safe_load((root / "environment.yml").read_text())
    conda = dict(_parse(s) for s in env["dependencies"] if isinstance(s, str) and ">=" in s and
                 not s.startswith("python"))
    pip = [s.split("#")[0] for d in env["dependencies"] if isinstance(d, dict) for s in d.get("pip", []) if ">=" in s]
    conda.update(_parse(s) for s in pip)
    assert conda == wanted


def test_readme_has_exactly_the_two_setup_commands(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
    ci = (root / ".ci" / "run").read_text()
    assert "make test" in ci
