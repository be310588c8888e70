"""Output formats: one writer per format behind a small registry (see registry.py)."""

from reportgen.output.registry import (OutputContext, UnknownFormat, Writer, default_formats, format_names,
                                       get_writer, output_path, parse_formats, register, writers)

__all__ = ["OutputContext", "UnknownFormat", "Writer", "default_formats", "format_names", "get_writer",
           "output_path", "parse_formats", "register", "writers"]
