"""The world space: enumeration (product and filter, or Z3), knowledge-free evaluation, labels."""
from .build import build_space
from .space import WorldSpace

__all__ = ["WorldSpace", "build_space"]
