"""The house has no circles: no module of newsprism imports, directly or through others, a module
that imports it back (imports inside functions count; ``if TYPE_CHECKING`` blocks do not)."""

import ast
from pathlib import Path

import newsprism

PACKAGE = Path(newsprism.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(tree: ast.AST, modules: set[str]) -> set[str]:
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        stack.extend(ast.iter_child_nodes(node))
    return {m for m in found if m in modules}


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    graph = {}
    for name, path in files.items():
        deps = _imports(ast.parse(path.read_text(encoding="utf-8")), modules)
        graph[name] = {d for d in deps if d != name and not name.startswith(d + ".")}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_circles():
    assert circles(import_graph()) == []


def test_the_cli_is_on_top_nothing_imports_it():
    graph = import_graph()
    users = sorted(
        m
        for m, deps in graph.items()
        if not m.startswith("newsprism.cli")
        and any(d.startswith("newsprism.cli") for d in deps)
        and not m.endswith(".__main__")  # entry points: python -m newsprism, spark-submit's file
    )
    assert users == []


def test_public_api_is_what_all_lists():
    for name in newsprism.__all__:
        assert hasattr(newsprism, name), name
    assert {"load_articles", "analyze_articles", "build_report", "Store"} <= set(newsprism.__all__)


def test_public_names_never_shadow_a_subpackage():
    subpackages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert not subpackages & set(newsprism.__all__)
