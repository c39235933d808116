"""builtin_type(): the only way a builtin type target is declared.

    builtin_type(
        name = "int",             # the target (and usually the registered type name)
        srcs = ["int.cc"],
        deps = [...],             # libraries, never other //types targets
    )

It builds an alwayslink, linkstatic library with the shared copts (a type module's
registration is a static initializer that the linker would otherwise drop), and a
`<name>_conformance_test` that runs the conformance kit (tests/conformance/)
against the type. List the target in types/builtin_types.bzl to link it into
//types:all and //:islet.
"""

load("//tools/build_defs:islet.bzl", "islet_cc_library", "islet_cc_test")

# Every type module builds on these.
_TYPE_DEPS = [
    "//interp",
    "//objects",
    "//runtime:core",
]

def builtin_type(name, srcs, type_name = None, hdrs = [], deps = [], local_defines = [], **kwargs):
    """Declares builtin type `type_name` (default: `name`), registered in `srcs`."""
    type_name = type_name or name
    package = native.package_name()
    if not package.startswith("types/"):
        fail("builtin_type(%s): builtin types live under types/, not %s" % (name, package))
    if not srcs:
        fail("builtin_type(%s): srcs must register the type with ISLET_BUILTIN_TYPE" % name)
    for src in srcs:
        if not src.endswith(".cc"):
            fail("builtin_type(%s): srcs must be .cc files, got %s" % (name, src))
    for dep in deps:
        if dep.startswith("//types"):
            fail(("builtin_type(%s): depends on %s; types never depend on each other " +
                  "(use //objects and the object protocol)") % (name, dep))
    for forbidden in ["alwayslink", "linkstatic", "copts", "visibility"]:
        if forbidden in kwargs:
            fail("builtin_type(%s): %s is set by the macro and cannot be overridden" % (name, forbidden))
    if kwargs:
        fail("builtin_type(%s): unknown attributes %s" % (name, sorted(kwargs.keys())))

    islet_cc_library(
        name = name,
        srcs = srcs,
        hdrs = hdrs,
        local_defines = local_defines,
        alwayslink = True,
        linkstatic = True,
        visibility = ["//visibility:public"],
        deps = _TYPE_DEPS + deps,
    )
    islet_cc_test(
        name = name + "_conformance_test",
        args = ["--type=" + type_name],
        deps = [
            "//tests/conformance:kit_main",
            "//types:all",
        ],
    )
