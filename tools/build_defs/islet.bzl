"""islet's wrappers around the C++ rules: each applies the shared copts.

Project BUILD files declare C++ targets only through these (or through builtin_type(),
which builds on them), so no target drifts from ISLET_COPTS.
"""

load("@rules_cc//cc:defs.bzl", "cc_binary", "cc_library", "cc_test")
load("//tools/build_defs:copts.bzl", "ISLET_COPTS")

def islet_cc_library(name, copts = [], **kwargs):
    cc_library(name = name, copts = ISLET_COPTS + copts, **kwargs)

def islet_cc_binary(name, copts = [], **kwargs):
    cc_binary(name = name, copts = ISLET_COPTS + copts, **kwargs)

# Tests link statically, like the binaries embedders build: registrations from
# alwayslink type targets and symbols defined across packages resolve the same way.
def islet_cc_test(name, copts = [], size = "small", linkstatic = True, **kwargs):
    cc_test(name = name, copts = ISLET_COPTS + copts, size = size, linkstatic = linkstatic, **kwargs)
