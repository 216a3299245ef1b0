"""The shell steps of action.yml or of ci/gitlab/drill-check.yml, as the CI service would run them.

  ci-steps.py github action.yml DIR [input=value ...]   writes DIR/NN.sh and DIR/NN.env per `run:` step
  ci-steps.py gitlab drill-check.yml DIR [VAR=value ...] writes DIR/00.sh and DIR/00.env for the job

Prints the steps' `uses:` (GitHub) or the job's JUnit report path (GitLab), one a line, so the
install test can check what it does not run. Environment files are bash `export` lines.
"""
import re
import shlex
import sys

import yaml


def overrides(pairs):
    return dict(pair.split("=", 1) for pair in pairs)


def github(path, out, given):
    action = yaml.safe_load(open(path))
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update(given)

    def expand(text):
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], str(text))

    assert action["runs"]["using"] == "composite", action["runs"]["using"]
    for number, step in enumerate(action["runs"]["steps"]):
        if "uses" in step:
            print(step["uses"] + " " + " ".join(f"{k}={expand(v)}" for k, v in step.get("with", {}).items()))
            continue
        assert step.get("shell") == "bash", step
        assert "${{" not in step["run"], "inputs reach run scripts through env, not by substitution: " + step["run"]
        with open(f"{out}/{number:02}.sh", "w") as script:
            script.write(step["run"])
        with open(f"{out}/{number:02}.env", "w") as env:
            for name, value in step.get("env", {}).items():
                env.write(f"export {name}={shlex.quote(expand(value))}\n")


def gitlab(path, out, given):
    job = yaml.safe_load(open(path))["drill-check"]
    variables = {name: str(value) for name, value in job.get("variables", {}).items()}
    variables.update(given)
    with open(f"{out}/00.sh", "w") as script:
        script.write("\n".join(job["script"]) + "\n")
    with open(f"{out}/00.env", "w") as env:
        for name, value in variables.items():
            env.write(f"export {name}={shlex.quote(value)}\n")
    print(job["artifacts"]["reports"]["junit"])


if __name__ == "__main__":
    kind, path, out, *rest = sys.argv[1:]
    {"github": github, "gitlab": gitlab}[kind](path, out, overrides(rest))
