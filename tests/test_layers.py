"""An app changes another app's records only through that app's services.

import-linter (`make lint`) checks which modules may import which; this checks what they do with
another app's models: no `OtherModel.objects.create/update/delete/...` outside the owning app.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "partnering"
WRITES = {"create", "bulk_create", "get_or_create", "update_or_create", "update", "delete", "bulk_update"}
# Apps that are not owners of records: the access layer reads; the demo loader is data, loaded through services where they exist.
NOT_APPS = {"access", "demo"}


def _app_of(path: Path) -> str:
    return path.relative_to(ROOT).parts[0]


def _foreign_models(tree: ast.Module, app: str) -> dict[str, str]:
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("partnering.") and node.module.endswith(".models"):
            owner = node.module.split(".")[1]
            if owner != app:
                found.update({alias.asname or alias.name: owner for alias in node.names})
    return found


def _root_name(node):
    while isinstance(node, (ast.Attribute, ast.Call)):
        node = node.value if isinstance(node, ast.Attribute) else node.func
    return node.id if isinstance(node, ast.Name) else None


def writes_to_other_apps() -> list[str]:
    problems = []
    for path in sorted(ROOT.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts or _app_of(path) in NOT_APPS:
            continue
        app = _app_of(path)
        tree = ast.parse(path.read_text(), str(path))
        foreign = _foreign_models(tree, app)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
                name = _root_name(node.func)
                if name in foreign and ".objects" in ast.unparse(node.func):
                    problems.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} writes {foreign[name]}.{name}")
    return problems


def test_no_app_writes_another_apps_records_except_through_its_services():
    assert writes_to_other_apps() == []


def test_the_check_finds_a_write_to_another_apps_model(tmp_path, monkeypatch):
    app = tmp_path / "partnering" / "planning"
    app.mkdir(parents=True)
    (app / "sneaky.py").write_text("from partnering.learning.models import Session\n\nSession.objects.filter(pk=1).update(capacity=0)\n")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path / "partnering", raising=False)
    global ROOT
    saved, ROOT = ROOT, tmp_path / "partnering"
    try:
        assert writes_to_other_apps() == ["partnering/planning/sneaky.py:3 writes learning.Session"]
    finally:
        ROOT = saved
