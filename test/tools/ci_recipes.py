#!/usr/bin/env python3
"""Checks and runs the CI recipes of docs/ci/ (GitHub workflows, GitLab jobs).

  ci_recipes.py check --prodready BIN FILE...
      Parses each YAML file and checks its structure: every job that runs
      `prodready` installs it first (the prodready action counts for its own
      step only: it leaves no `prodready` on PATH), a job that downloads shard
      artifacts merges them with `prodready merge`, and every option a
      `prodready` command line (or the action's `args`) uses is one the built
      driver's --help lists (in action.yml, the command lines of its steps).
      Prints one 'ok FILE' line per file.

  ci_recipes.py run-github --prodready BIN --action action.yml --project DIR
                --work DIR [--context github.base_ref=main] WORKFLOW
      Runs a GitHub workflow locally, job by job in `needs` order, each matrix
      combination in a fresh copy of DIR (the checkout): `run` steps run as
      written, in bash; the prodready action runs the script of action.yml's
      "Run prodready" step with the built driver where the action's cached
      build puts it; artifacts are uploaded to and downloaded from WORK/
      artifacts, and upload-sarif copies its file to WORK/uploaded/CATEGORY.
      The steps that install prodready (checkout of prodready's sources,
      install-deps.sh, package.sh, apt-get install of the package) are not
      run: the built driver is on PATH instead.

  ci_recipes.py run-gitlab --prodready BIN --project DIR --work DIR FILE
      Runs each job's `script` in a copy of DIR (its `before_script`, which
      installs prodready, is replaced by the built driver on PATH) and checks
      that the artifacts it declares exist.
"""
import argparse, fnmatch, glob, itertools, os, re, shlex, shutil, subprocess, sys
import yaml

ACTION = re.compile(r"^prodready/prodready@")


def fail(message):
    sys.exit("ci_recipes: " + message)


def driver_options(prodready):
    """The options of the driver and of its subcommands, from --help."""
    text = subprocess.run([prodready, "--help"], capture_output=True, text=True).stdout
    main, sub = set(), {"merge": set(), "report": set()}
    current = None  # a subcommand's usage may go on over indented "[...]" lines
    for line in text.splitlines():
        m = re.match(r"^\s+(--?[A-Za-z][\w-]*)", line)
        if m:
            main.add(m.group(1))
        m = re.match(r"^\s+prodready (merge|report) (.*)", line)
        if m:
            current = m.group(1)
            sub[current] = set(re.findall(r"(--?[A-Za-z][\w-]*)", m.group(2)))
        elif current and re.match(r"^\s+\[", line):
            sub[current] |= set(re.findall(r"(--?[A-Za-z][\w-]*)", line))
        else:
            current = None
    if "--format" not in main or not sub["merge"]:
        fail("cannot read the options from %s --help" % prodready)
    return main, sub


def prodready_commands(script):
    """The argument lists of the `prodready` command lines in a shell script
    (sudo and env assignments before the command are allowed)."""
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        for part in re.split(r"&&|\|\||;|\|", line):
            try:
                words = shlex.split(part, comments=True)
            except ValueError:
                words = part.split()
            while words and (words[0] == "sudo" or re.match(r"^\w+=", words[0])):
                words = words[1:]
            if words and words[0] == "prodready":
                commands.append(words[1:])
    return commands


def installs_prodready(script):
    return bool(re.search(r"apt-get install[^\n]*prodready_\S*\.deb", script) or
                re.search(r"dpkg -i[^\n]*prodready_\S*\.deb", script))


def check_options(where, words, options):
    main, sub = options
    allowed = main
    if words and words[0] in sub:
        allowed, words = sub[words[0]], words[1:]
    for word in words:
        if word.startswith("-") and word != "--":
            name = word.split("=", 1)[0]
            if name not in allowed:
                fail("%s: prodready option %s is not in prodready --help" % (where, name))


def step_script(step):
    return step.get("run", "") if isinstance(step, dict) else ""


def check_github(path, workflow, options):
    jobs = workflow.get("jobs")
    if not isinstance(jobs, dict) or not jobs:
        fail("%s: no jobs" % path)
    if "on" not in workflow and True not in workflow:  # YAML 1.1 reads `on` as true
        fail("%s: no trigger (on:)" % path)
    for name, job in jobs.items():
        where = "%s: job %s" % (path, name)
        steps = job.get("steps") or fail("%s: no steps" % where)
        installed = False
        runs_prodready = runs_merge = downloads = False
        for step in steps:
            uses = step.get("uses", "")
            script = step_script(step)
            if ACTION.match(uses):
                runs_prodready = True
                args = (step.get("with") or {}).get("args", "")
                check_options(where + " (action args)", shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "X", args)),
                              options)
            if uses.startswith("actions/download-artifact@"):
                downloads = True
            if installs_prodready(script):
                installed = True
            for words in prodready_commands(script):
                runs_prodready = True
                if not installed:
                    fail("%s runs prodready before a step installs it" % where)
                check_options(where, words, options)
                if words[:1] == ["merge"]:
                    runs_merge = True
        if downloads and not runs_merge:
            fail("%s downloads artifacts but runs no prodready merge" % where)
        if runs_merge and not downloads:
            fail("%s merges without downloading the shards" % where)
        print("job %s: %s%s" % (name, "runs prodready" if runs_prodready else "no prodready",
                                ", merges shards" if runs_merge else ""))


def check_gitlab(path, config, options):
    jobs = {k: v for k, v in config.items()
            if isinstance(v, dict) and ("script" in v) and not k.startswith(".")}
    if not jobs:
        fail("%s: no jobs" % path)
    for name, job in jobs.items():
        where = "%s: job %s" % (path, name)
        installed = installs_prodready("\n".join(job.get("before_script", [])))
        for line in job.get("before_script", []) + job["script"]:
            for words in prodready_commands(line):
                if not installed:
                    fail("%s runs prodready before it is installed" % where)
                check_options(where, words, options)
        for line in job.get("before_script", []) + job["script"]:
            # prodready's scripts come from prodready's checkout, never from
            # the user's repository (the job's working directory).
            if re.match(r"^\s*(\./)?scripts/", line):
                fail("%s calls scripts/ of the user's repository: %s" % (where, line))
        print("job %s: runs prodready" % name)


def check_action(path, action, options):
    """The action's own prodready command lines (the driver is "$PRODREADY")."""
    count = 0
    for step in action["runs"]["steps"]:
        script = step_script(step).replace('"$PRODREADY"', "prodready")
        for words in prodready_commands(script):
            check_options("%s: step %s" % (path, step.get("name", "?")), words, options)
            count += 1
    if not count:
        fail("%s: no prodready command line" % path)
    print("action: %d prodready command lines" % count)


def cmd_check(args):
    options = driver_options(args.prodready)
    for path in args.files:
        document = yaml.safe_load(open(path))
        if not isinstance(document, dict):
            fail("%s: not a mapping" % path)
        if (document.get("runs") or {}).get("using") == "composite":
            check_action(path, document, options)
        elif "jobs" in document:
            check_github(path, document, options)
        else:
            check_gitlab(path, document, options)
        print("ok %s" % os.path.basename(path))


# --- running a GitHub workflow ------------------------------------------

def expand(text, context):
    def value(match):
        key = match.group(1).strip()
        if key not in context:
            fail("no value for ${{ %s }}" % key)
        return str(context[key])
    return re.sub(r"\$\{\{\s*([^}]*?)\s*\}\}", value, str(text))


def checkout(project, workspace):
    """A copy of the project that is a git repository, as a CI checkout is."""
    shutil.copytree(project, workspace, symlinks=True)
    if not os.path.exists(os.path.join(workspace, ".git")):
        git = ["git", "-C", workspace, "-c", "user.name=ci", "-c", "user.email=ci@ci"]
        subprocess.run(git + ["init", "-q", "."], check=True)
        subprocess.run(git + ["add", "-A"], check=True)
        subprocess.run(git + ["commit", "-qm", "checkout"], check=True)


def run_bash(script, cwd, env):
    print("+ " + script.strip().replace("\n", "\n+ "), flush=True)
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env)
    return result.returncode


def is_install_step(step):
    uses = step.get("uses", "")
    if uses.startswith("actions/checkout@") and (step.get("with") or {}).get("repository"):
        return True
    return installs_prodready(step_script(step))


def git_head(workspace):
    return subprocess.run(["git", "-C", workspace, "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()


def run_action(action, with_, context, env, cwd, runner_temp, uploaded):
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    for k, v in (with_ or {}).items():
        if k not in inputs:
            fail("the action has no input %s" % k)
        inputs[k] = expand(v, context)
    run_step = next(s for s in action["runs"]["steps"] if s.get("id") == "run")
    ctx = dict(context)
    ctx.update({"inputs." + k: v for k, v in inputs.items()})
    ctx["runner.temp"] = runner_temp
    step_env = dict(env)
    for k, v in run_step.get("env", {}).items():
        step_env[k] = expand(v, ctx)
    output = os.path.join(runner_temp, "github-output")
    open(output, "w").close()
    step_env["GITHUB_OUTPUT"] = output
    status = run_bash(run_step["run"], cwd, step_env)
    outputs = dict(line.split("=", 1) for line in open(output).read().splitlines() if "=" in line)
    # The action's own upload step, under its condition.
    upload = next(s for s in action["runs"]["steps"]
                  if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    values = dict(ctx)
    values.update({"steps.run.outputs." + k: v for k, v in outputs.items()})
    condition = re.sub(r"^\$\{\{(.*)\}\}$", r"\1", upload.get("if", "true").strip())
    condition = re.sub(r"\b(inputs|steps)\.[\w.-]+",
                       lambda m: repr(values.get(m.group(0), "")), condition)
    condition = condition.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
    if eval(condition, {"__builtins__": {}}):
        with_ = {k: expand(v, values) for k, v in upload["with"].items()}
        shutil.copy(with_["sarif_file"], os.path.join(uploaded, with_["category"]))
        print("+ (the action uploads %s as %s)" % (with_["sarif_file"], with_["category"]))
    return status, outputs


def run_github(args):
    workflow = yaml.safe_load(open(args.workflow))
    action = yaml.safe_load(open(args.action))
    work = os.path.abspath(args.work)
    artifacts = os.path.join(work, "artifacts")
    uploaded = os.path.join(work, "uploaded")
    os.makedirs(artifacts, exist_ok=True)
    os.makedirs(uploaded, exist_ok=True)
    base_context = dict(kv.split("=", 1) for kv in args.context)
    jobs = workflow["jobs"]
    done, order = set(), []
    while len(order) < len(jobs):
        ready = [n for n, j in jobs.items() if n not in done and
                 set([j["needs"]] if isinstance(j.get("needs"), str) else j.get("needs", [])) <= done]
        if not ready:
            fail("a cycle in needs")
        order += ready
        done |= set(ready)
    status = 0
    for name in order:
        job = jobs[name]
        matrix = ((job.get("strategy") or {}).get("matrix")) or {}
        keys = sorted(matrix)
        for values in itertools.product(*(matrix[k] for k in keys)) if keys else [()]:
            label = name + "".join("-%s" % v for v in values)
            print("== job %s" % label, flush=True)
            # Every runner checks out into the same path: a fresh copy there.
            workspace = os.path.join(work, "runner", "workspace")
            runner_temp = os.path.join(work, "runner", "temp")
            shutil.rmtree(os.path.join(work, "runner"), ignore_errors=True)
            checkout(args.project, workspace)
            # Where the action's cached build keeps the driver.
            os.makedirs(os.path.join(runner_temp, "prodready-build", "driver"))
            os.symlink(os.path.abspath(args.prodready),
                       os.path.join(runner_temp, "prodready-build", "driver", "prodready"))
            env = dict(os.environ)
            # What a runner says about the repository and the commit (the
            # checkout's own HEAD), as variables and in the github context.
            head = git_head(workspace)
            env.update({"GITHUB_SERVER_URL": "https://github.com",
                        "GITHUB_REPOSITORY": "ci/project", "GITHUB_SHA": head})
            env.update({"GITHUB_WORKSPACE": workspace, "RUNNER_TEMP": runner_temp,
                        "GITHUB_STEP_SUMMARY": os.path.join(work, "summary-%s.md" % label),
                        "PATH": os.path.dirname(os.path.abspath(args.prodready)) + os.pathsep +
                                env["PATH"]})
            context = {"github.server_url": "https://github.com",
                       "github.repository": "ci/project", "github.sha": head}
            context.update(base_context)
            context.update({"matrix." + k: v for k, v in zip(keys, values)})
            for step in job["steps"]:
                uses = step.get("uses", "")
                with_ = {k: expand(v, context) for k, v in (step.get("with") or {}).items()}
                if is_install_step(step):
                    print("+ (installs prodready: the built driver is on PATH)", flush=True)
                    continue
                if "run" in step:
                    code = run_bash(expand(step["run"], context), workspace, env)
                    outputs = {}
                elif uses.startswith("actions/checkout@"):
                    continue  # the workspace is the checkout
                elif ACTION.match(uses):
                    code, outputs = run_action(action, step.get("with"), context, env, workspace,
                                               runner_temp, uploaded)
                    print("action outputs: %s" % sorted(outputs.items()), flush=True)
                elif uses.startswith("actions/upload-artifact@"):
                    dest = os.path.join(artifacts, with_["name"])
                    if os.path.exists(dest):
                        fail("artifact %s uploaded twice" % with_["name"])
                    os.makedirs(dest)
                    source = os.path.join(workspace, with_["path"])
                    if not os.path.isfile(source):
                        fail("upload-artifact: no file %s" % with_["path"])
                    shutil.copy(source, dest)
                    code, outputs = 0, {}
                elif uses.startswith("actions/download-artifact@"):
                    dest = os.path.join(workspace, with_.get("path", "."))
                    merge = str(with_.get("merge-multiple", "false")).lower() == "true"
                    names = sorted(n for n in os.listdir(artifacts)
                                   if fnmatch.fnmatch(n, with_.get("pattern", "*")))
                    if not names:
                        fail("download-artifact: nothing matches %s" % with_.get("pattern"))
                    for n in names:
                        target = dest if merge else os.path.join(dest, n)
                        os.makedirs(target, exist_ok=True)
                        for f in os.listdir(os.path.join(artifacts, n)):
                            if os.path.exists(os.path.join(target, f)):
                                fail("download-artifact: %s of artifact %s overwrites another "
                                     "artifact's file" % (f, n))
                            shutil.copy(os.path.join(artifacts, n, f), target)
                    code, outputs = 0, {}
                elif uses.startswith("github/codeql-action/upload-sarif@"):
                    source = os.path.join(workspace, with_["sarif_file"])
                    if not os.path.isfile(source):
                        fail("upload-sarif: no file %s" % with_["sarif_file"])
                    shutil.copy(source, os.path.join(uploaded, with_.get("category", "default")))
                    code, outputs = 0, {}
                else:
                    fail("a step this runner does not know: %s" % uses)
                if "id" in step:
                    for k, v in outputs.items():
                        context["steps.%s.outputs.%s" % (step["id"], k)] = v
                    for k, v in action["outputs"].items() if ACTION.match(uses) else []:
                        inner = re.search(r"steps\.run\.outputs\.(\w+)", v["value"]).group(1)
                        context["steps.%s.outputs.%s" % (step["id"], k)] = outputs.get(inner, "")
                if code != 0:
                    print("== job %s: step failed with status %d" % (label, code), flush=True)
                    status = 1
                    break
    print("== workflow status %d" % status)
    return status


def run_gitlab(args):
    config = yaml.safe_load(open(args.file))
    work = os.path.abspath(args.work)
    status = 0
    for name, job in config.items():
        if not isinstance(job, dict) or "script" not in job:
            continue
        print("== job %s" % name, flush=True)
        workspace = os.path.join(work, name)
        checkout(args.project, workspace)
        env = dict(os.environ)
        env["PATH"] = os.path.dirname(os.path.abspath(args.prodready)) + os.pathsep + env["PATH"]
        # GitLab's predefined variables for the project and the commit.
        env.update({"CI_PROJECT_URL": "https://gitlab.example.com/ci/project",
                    "CI_PROJECT_PATH": "ci/project", "CI_COMMIT_SHA": git_head(workspace)})
        print("+ (before_script installs prodready: the built driver is on PATH)", flush=True)
        for line in job["script"]:
            code = run_bash(line, workspace, env)
            if code != 0:
                print("== job %s: failed with status %d" % (name, code))
                status = 1
                break
        artifacts = job.get("artifacts", {})
        wanted = list(artifacts.get("paths", [])) + list((artifacts.get("reports") or {}).values())
        for path in wanted:
            if not glob.glob(os.path.join(workspace, path)):
                fail("job %s: artifact %s was not written" % (name, path))
    print("== pipeline status %d" % status)
    return status


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check")
    p.add_argument("--prodready", required=True)
    p.add_argument("files", nargs="+")
    p = sub.add_parser("run-github")
    p.add_argument("--prodready", required=True)
    p.add_argument("--action", required=True)
    p.add_argument("--project", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--context", action="append", default=[])
    p.add_argument("workflow")
    p = sub.add_parser("run-gitlab")
    p.add_argument("--prodready", required=True)
    p.add_argument("--project", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("file")
    args = parser.parse_args()
    if args.command == "check":
        cmd_check(args)
        return 0
    if args.command == "run-github":
        return run_github(args)
    return run_gitlab(args)


if __name__ == "__main__":
    sys.exit(main())
