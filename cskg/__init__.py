"""cskg: the children's services knowledge graph."""

from cskg.errors import CskgError

__all__ = ["CskgError", "__version__"]
__version__ = "0.1.0"
