"""The one list of compiler flags for islet's own code.

Every islet target takes exactly these (through the macros in islet.bzl), so warnings
are uniform; the language standard and sanitizers come from .bazelrc.
"""

ISLET_COPTS = [
    "-Wall",
    "-Wextra",
    "-Werror",
]
