"""Z3 certificates of answers (proved / refuted / unknown) and Z3 counterexamples to claims."""
from .certificate import Certificate, certify

__all__ = ["Certificate", "certify"]
