"""Packaging islet for embedders who do not build with Bazel.

islet_sdk(name, library, shared_library, headers_from) produces `<name>.tar`:
    include/     the public headers, one include path (`-I include`)
    lib/libislet.a   every object of `library` and its dependencies, merged
    lib/libislet.so  `shared_library`
A static archive loses Bazel's alwayslink: link it with
-Wl,--whole-archive, or the builtin types' registrations are dropped.
"""

# Headers under these directories are public.
_PUBLIC_HEADER_ROOTS = ["include/", "runtime/", "interp/", "objects/"]

def _public_path(path):
    for root in _PUBLIC_HEADER_ROOTS:
        if path.startswith(root):
            return path[len("include/"):] if root == "include/" else path
    return None

def _islet_sdk_impl(ctx):
    cc_info = ctx.attr.library[CcInfo]
    archives = []
    for linker_input in cc_info.linking_context.linker_inputs.to_list():
        for library in linker_input.libraries:
            archive = library.pic_static_library or library.static_library
            if archive:
                archives.append(archive)
    headers = []
    for header in cc_info.compilation_context.headers.to_list():
        public = _public_path(header.short_path)
        if public:
            headers.append((header, public))
    shared = ctx.file.shared_library
    out = ctx.actions.declare_file(ctx.label.name + ".tar")
    commands = [
        "set -e",
        "root=$(mktemp -d)",
        "mkdir -p $root/include $root/lib",
    ]
    for header, public in headers:
        commands.append("mkdir -p $root/include/$(dirname %s) && cp %s $root/include/%s" %
                        (public, header.path, public))
    # Merge the archives object by object: each library's objects are extracted in
    # its own directory, so same-named objects of different libraries survive.
    commands.append("mkdir -p $root/objects")
    for index, archive in enumerate(archives):
        commands.append("mkdir -p $root/objects/%d && (cd $root/objects/%d && ar x $OLDPWD/%s)" %
                        (index, index, archive.path))
    commands.append("find $root/objects -name '*.o' | sort | xargs ar rcs $root/lib/libislet.a")
    commands.append("rm -rf $root/objects")
    commands.append("cp %s $root/lib/libislet.so" % shared.path)
    commands.append("tar -C $root -cf %s include lib" % out.path)
    commands.append("rm -rf $root")
    ctx.actions.run_shell(
        inputs = archives + [header for header, _ in headers] + [shared],
        outputs = [out],
        command = "\n".join(commands),
        mnemonic = "IsletSdk",
        progress_message = "Packing %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

islet_sdk = rule(
    implementation = _islet_sdk_impl,
    attrs = {
        "library": attr.label(mandatory = True, providers = [CcInfo]),
        "shared_library": attr.label(mandatory = True, allow_single_file = [".so"]),
    },
)
