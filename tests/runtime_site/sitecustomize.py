"""Python started by the tests (the CLI, `make demo`, the Streamlit app) runs as `make run` installs it.

requirements.txt brings no torch; only the test extras do, for the sentence-transformers backend. Without
this module spaCy's thinc imports torch in every such process (about 3 s and 160 MB each), and a runtime
need for torch would go unnoticed. tests/conftest.py puts this folder on PYTHONPATH for subprocesses only.
"""
import sys

sys.modules["torch"] = None  # `import torch` now raises ImportError, as it does without the package
