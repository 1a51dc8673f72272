"""No container engine runs here: check the deployment files themselves."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
COMPOSE = json.loads((INFRA / "compose.yaml").read_text())  # JSON is valid YAML
# Variables only the compose file and process configuration read (documented in README).
INFRASTRUCTURE_VARIABLES = {
    "POSTGRES_PASSWORD",
    "WEB_CONCURRENCY",
    "WEB_THREADS",
    "CELERY_CONCURRENCY",
}
# Variables the Python interpreter or Django itself read.
RUNTIME_VARIABLES = {
    "PIP_NO_CACHE_DIR",
    "PIP_DISABLE_PIP_VERSION_CHECK",
    "PATH",
    "PYTHONUNBUFFERED",
    "PYTHONDONTWRITEBYTECODE",
    "DJANGO_SETTINGS_MODULE",
}


def _settings_variables() -> set[str]:
    source = "\n".join(p.read_text() for p in (ROOT / "backend" / "config").glob("*.py"))
    return set(re.findall(r'env\.get_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', source))


def test_compose_has_every_service_with_health_checks():
    services = COMPOSE["services"]

    assert {"postgres", "redis", "s3", "web", "worker", "beat", "nginx", "migrate"} <= set(services)
    for name in ("postgres", "redis", "s3", "web", "worker", "beat", "nginx"):
        assert services[name]["healthcheck"]["test"], name
    assert 'worker_class = "gthread"' in (INFRA / "gunicorn.conf.py").read_text()
    assert services["web"]["command"][-1] == "backend.config.wsgi:application"
    assert services["web"]["command"][0] == "gunicorn"
    assert services["beat"]["command"][:4] == ["celery", "-A", "backend.config", "beat"]
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_every_variable_the_deployment_sets_is_read_by_settings():
    # given
    known = _settings_variables()
    compose_text = (INFRA / "compose.yaml").read_text()
    referenced = set(re.findall(r"\$\{([A-Z0-9_]+)", compose_text))
    for service in COMPOSE["services"].values():
        if service.get("image") == "ocop-market:latest":  # our app, not postgres' own image
            referenced |= set(service.get("environment", {}))
    env_example = {
        line.split("=", 1)[0]
        for line in (INFRA / "env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    dockerfile_env = set(
        re.findall(
            r"([A-Z][A-Z0-9_]+)=",
            " ".join(re.findall(r"^ENV (.+)$", (INFRA / "Dockerfile").read_text(), re.M)),
        )
    )

    # then
    unknown = (
        (referenced | env_example | dockerfile_env)
        - known
        - INFRASTRUCTURE_VARIABLES
        - RUNTIME_VARIABLES
    )
    assert unknown == set()
    assert "POSTGRES_PASSWORD" in referenced


def test_readme_documents_every_variable_settings_read():
    readme = (INFRA / "README.md").read_text()

    missing = {name for name in _settings_variables() if f"`{name}`" not in readme}

    assert missing == set()
    for topic in ("## Migrations", "## Backups", "## Scaling out"):
        assert topic in readme


def test_the_main_readme_documents_every_variable_settings_read():
    readme = (ROOT / "README.md").read_text()

    missing = {name for name in _settings_variables() if f"`{name}`" not in readme}

    assert missing == set()


def test_the_image_is_multi_stage_and_runs_as_a_non_root_user():
    dockerfile = (INFRA / "Dockerfile").read_text()

    assert len(re.findall(r"^FROM .+ AS ", dockerfile, re.M)) == 2
    assert re.search(r"^USER ocop$", dockerfile, re.M)
    assert "HEALTHCHECK" in dockerfile
    assert "requirements.lock" in dockerfile


def test_nginx_serves_static_files_and_caches_trace_pages():
    nginx = (INFRA / "nginx.conf").read_text()

    assert "location /static/" in nginx
    assert "proxy_cache trace;" in nginx
    assert "X-Request-ID $request_id" in nginx
    assert "location = /metrics { deny all; }" in nginx
    assert nginx.count("{") == nginx.count("}")
