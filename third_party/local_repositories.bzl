"""Repository rules that turn Debian-installed Bazel rule sets into usable repositories.

Nothing here downloads: each rule copies or synthesizes files from the local machine.
"""

# Debian ships rules_cc 0.0.4, whose private rules load `use_cpp_toolchain` from
# @bazel_tools. Bazel 4.2.3 does not define it, so those two files are rewritten to
# name the C++ toolchain type directly.
_FILES_USING_USE_CPP_TOOLCHAIN = [
    "cc/private/rules_impl/compiler_flag.bzl",
    "cc/private/rules_impl/cc_flags_supplier.bzl",
]

def _debian_rules_cc_impl(ctx):
    source = ctx.path(ctx.attr.path)
    if not source.exists:
        fail("rules_cc not found at %s: install the bazel-rules-cc package (./bazelw does)" % ctx.attr.path)
    # A copy, not symlinks: the patched files must not write through to /usr/share.
    result = ctx.execute(["cp", "-R", str(source) + "/.", "."])
    if result.return_code != 0:
        fail("could not copy rules_cc from %s: %s" % (ctx.attr.path, result.stderr))
    for relative in _FILES_USING_USE_CPP_TOOLCHAIN:
        text = ctx.read(relative)
        text = text.replace(', "use_cpp_toolchain")', ")")
        text = text.replace("use_cpp_toolchain()", '["@bazel_tools//tools/cpp:toolchain_type"]')
        if "use_cpp_toolchain" in text:
            fail("could not patch %s in %s: its text changed" % (relative, ctx.attr.path))
        ctx.file(relative, text, executable = False)

debian_rules_cc = repository_rule(
    implementation = _debian_rules_cc_impl,
    attrs = {"path": attr.string(mandatory = True)},
    local = True,
)

_COVERAGE_STAND_IN_BUILD = """\
# Stand-in for @remote_coverage_tools: `bazel test` requires these two labels to exist.
package(default_visibility = ["//visibility:public"])

filegroup(name = "coverage_report_generator")

filegroup(name = "lcov_merger")
"""

def _remote_coverage_tools_stand_in_impl(ctx):
    ctx.file("WORKSPACE", "")
    ctx.file("BUILD", _COVERAGE_STAND_IN_BUILD)

remote_coverage_tools_stand_in = repository_rule(
    implementation = _remote_coverage_tools_stand_in_impl,
)
