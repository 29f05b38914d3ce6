"""lgai: checks a cloud AI service against Japanese municipal information-security requirements."""

__version__ = "0.1.0"
