"""The knowledge base: medical content as checked data files."""

from crampcheck.knowledge.loader import load_kb
from crampcheck.knowledge.models import KnowledgeBase

__all__ = ["KnowledgeBase", "load_kb"]
