"""The one list of builtin types linked into islet: registered name -> label.

//types:all links exactly these, and //types:registered_types_test checks that what
registered at run time is exactly this list (a forgotten alwayslink or a typo in a
name fails it). `bazel run //tools:new_type` adds new types here.
"""

load("//types/exceptions:exceptions.bzl", "EXCEPTION_BASES")

BUILTIN_TYPES = {
    "object": "//types/object",
    "type": "//types/type",
    "NoneType": "//types/none",
    "NotImplementedType": "//types/not_implemented",
    "ellipsis": "//types/ellipsis",
    "bool": "//types/bool",
    "int": "//types/int",
    "float": "//types/float",
    "str": "//types/str",
    "bytes": "//types/bytes",
    "tuple": "//types/tuple",
    "list": "//types/list",
    "dict": "//types/dict",
    "set": "//types/set",
    "frozenset": "//types/frozenset",
    "range": "//types/range",
    "slice": "//types/slice",
    "mappingproxy": "//types/mappingproxy",
    "weakref.ReferenceType": "//types/weakref",
    "property": "//types/property",
    "staticmethod": "//types/staticmethod",
    "classmethod": "//types/classmethod",
    "method_descriptor": "//types/descriptors:method_descriptor",
    "classmethod_descriptor": "//types/descriptors:classmethod_descriptor",
    "getset_descriptor": "//types/descriptors:getset_descriptor",
    "builtin_function_or_method": "//types/descriptors:builtin_function_or_method",
    "BaseException": "//types/exceptions:BaseException",
}

BUILTIN_TYPES.update({name: "//types/exceptions:" + name for name in EXCEPTION_BASES})
