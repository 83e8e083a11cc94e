"""The layers only point down: web and cli → ingest → kb. `kb` imports neither `ingest`, `web`, `cli` nor Streamlit."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Every kb module imported in a fresh interpreter where Streamlit cannot be imported at all.
PROBE = """
import importlib, pkgutil, sys
sys.modules["streamlit"] = None
import kb
for info in pkgutil.walk_packages(kb.__path__, "kb."):
    if info.name != "kb.__main__":  # the `python -m kb` entry point runs the cli package by design
        importlib.import_module(info.name)
print(" ".join(sorted(name for name, module in sys.modules.items()
                      if module is not None and name.split(".")[0] in {TOPS})))
"""


def loaded_by_kb(tops: set[str]) -> list[str]:
    code = PROBE.replace("{TOPS}", repr(tops))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_kb_imports_neither_ingest_web_cli_nor_streamlit():
    assert loaded_by_kb({"ingest", "web", "cli", "streamlit", "app"}) == []


def test_ingest_imports_no_web_layer():
    code = ("import sys; sys.modules['streamlit'] = None\n"
            "import importlib, pkgutil, ingest\n"
            "[importlib.import_module(i.name) for i in pkgutil.walk_packages(ingest.__path__, 'ingest.')]\n"
            "print(' '.join(n for n in sys.modules if n.split('.')[0] in {'web', 'cli'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


def test_no_module_of_kb_names_the_upper_layers_in_an_import():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "kb").rglob("*.py") if p.name != "__main__.py"
                 and any(line.lstrip().startswith(("from ingest", "import ingest", "from web", "import web",
                                                   "from cli", "import cli", "import streamlit"))
                         for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []


def test_only_the_store_writes_sql():
    """kb/store/ holds every query on the knowledge base's database (kb/embed.py's vector cache is its own file)."""
    allowed = {ROOT / "kb" / "embed.py"}
    offenders = [str(p.relative_to(ROOT)) for top in ("kb", "ingest", "web", "cli") for p in (ROOT / top).rglob("*.py")
                 if "store" not in p.relative_to(ROOT).parts and p not in allowed
                 and ".execute(" in p.read_text(encoding="utf-8")]
    assert offenders == [] and (ROOT / "app.py").read_text(encoding="utf-8").count(".execute(") == 0


# ---------------------------------------------------------------- no import cycles
def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports, at any depth of the file (a deferred import is still a
    dependency); imports under `if TYPE_CHECKING:` are for type hints only and do not count."""
    import ast

    files = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
             for top in ("kb", "ingest", "cli", "web") for p in (ROOT / top).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hints = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                 and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
        edges = set()
        for node in ast.walk(tree):
            if id(node) in hints:
                continue
            if isinstance(node, ast.Import):
                edges |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                submodules = {f"{node.module}.{a.name}" for a in node.names} & files.keys()
                edges |= submodules or {node.module}  # `from kb import tables` depends on kb.tables only
        graph[name] = {e for e in edges if e in files and e != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    graph = import_graph()
    assert len(graph) > 50 and "kb.store" in graph["kb.knowledge"]
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
