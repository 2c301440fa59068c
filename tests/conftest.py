"""Suite-wide pytest hooks (see tests/terminal_summary.py)."""

from tests.terminal_summary import pytest_terminal_summary

__all__ = ["pytest_terminal_summary"]
