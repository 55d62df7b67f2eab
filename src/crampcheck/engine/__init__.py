"""The reasoning engine: posterior over causes, triage, explanations, next question.

Pure functions over a :class:`CompiledModel`; no I/O.
"""

from crampcheck.engine.assessment import Assessment, assess_answers
from crampcheck.engine.model import CompiledModel, compile_model, default_model

__all__ = ["Assessment", "CompiledModel", "assess_answers", "compile_model", "default_model"]
