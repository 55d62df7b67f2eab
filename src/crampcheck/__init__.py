"""crampcheck: why do my legs cramp, how urgent is it, and what should I do?

Decision support, not a diagnosis.
"""

from crampcheck.core import assess
from crampcheck.engine.assessment import Assessment
from crampcheck.knowledge import KnowledgeBase, load_kb

__version__ = "0.1.0"

__all__ = ["Assessment", "KnowledgeBase", "__version__", "assess", "load_kb"]
