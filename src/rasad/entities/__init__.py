"""Entity linking: mentions of people, organisations and places → canonical entities.

>>> from rasad.entities import Linker, Resources
>>> Linker(Resources.shared()).link(doc)   # fills doc.mentions and doc.entities
"""

from .linker import Linker, Resources, collect_spellings

__all__ = ["Linker", "Resources", "collect_spellings"]
