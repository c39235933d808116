"""The one list of builtin types linked into islet: registered name -> label.

//types:all links exactly these, and //types:registered_types_test checks that what
registered at run time is exactly this list (a forgotten alwayslink or a typo in a
name fails it). `bazel run //tools:new_type` adds new types here.
"""

load("//types/exceptions:exceptions.bzl", "EXCEPTION_BASES")

BUILTIN_TYPES = {
    "range_iterator": "//types/range:range_iterator",
    "tuple_iterator": "//types/tuple:tuple_iterator",
    "list_iterator": "//types/list:list_iterator",
    "dict_keys": "//types/dict:dict_keys",
    "dict_values": "//types/dict:dict_values",
    "dict_items": "//types/dict:dict_items",
    "dict_keyiterator": "//types/dict:dict_keyiterator",
    "dict_valueiterator": "//types/dict:dict_valueiterator",
    "dict_itemiterator": "//types/dict:dict_itemiterator",
    "str_ascii_iterator": "//types/str:str_ascii_iterator",
    "str_iterator": "//types/str:str_iterator",
    "bytes_iterator": "//types/bytes:bytes_iterator",
    "set_iterator": "//types/set:set_iterator",
    "method": "//types/function:method",
    "function": "//types/function",
    "super": "//types/super",
    "islet.InterpreterInfo": "//types/interpreter_info",
    "concurrent.interpreters.Queue": "//types/queue",
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
    "wrapper_descriptor": "//types/descriptors:wrapper_descriptor",
    "method-wrapper": "//types/descriptors:method-wrapper",
    "BaseException": "//types/exceptions:BaseException",
}

BUILTIN_TYPES.update({name: "//types/exceptions:" + name for name in EXCEPTION_BASES})
