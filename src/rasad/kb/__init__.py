"""Rasad knowledge base: canonical countries, places, organisations and people.

The data ship as ``rasad/kb/data/entities.jsonl`` (built by ``scripts/build_kb.py``).
This package only loads and queries them; surface-form matching lives elsewhere.
"""

from rasad.kb.loader import KnowledgeBase, build_kb, load_kb, shipped_meta
from rasad.kb.model import ENTITY_TYPES, OFFICE_KINDS, Entity, Office

__all__ = [
    "ENTITY_TYPES",
    "OFFICE_KINDS",
    "Entity",
    "KnowledgeBase",
    "Office",
    "build_kb",
    "load_kb",
    "shipped_meta",
]
