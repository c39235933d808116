"""The exception hierarchy below BaseException: name -> base, one target each.

Each target compiles exception_type.cc, which gives a few of them their own
slots or getters by name (KeyError's str, StopIteration.value, SystemExit.code);
an exception with more behaviour than that has its own source file, named in
EXCEPTION_SOURCES.
"""

EXCEPTION_BASES = {
    "Exception": "BaseException",
    "ArithmeticError": "Exception",
    "AssertionError": "Exception",
    "AttributeError": "Exception",
    "ImportError": "Exception",
    "IndentationError": "SyntaxError",
    "IndexError": "LookupError",
    "KeyError": "LookupError",
    "KeyboardInterrupt": "BaseException",
    "LookupError": "Exception",
    "MemoryError": "Exception",
    "ModuleNotFoundError": "ImportError",
    "NameError": "Exception",
    "NotImplementedError": "RuntimeError",
    "OverflowError": "ArithmeticError",
    "RecursionError": "RuntimeError",
    "RuntimeError": "Exception",
    "StopIteration": "Exception",
    "SyntaxError": "Exception",
    "SystemExit": "BaseException",
    "TabError": "IndentationError",
    "TypeError": "Exception",
    "UnboundLocalError": "NameError",
    "ValueError": "Exception",
    "ZeroDivisionError": "ArithmeticError",
    # Interpreters and sharing between them (PEP 734; CPython 3.14's names and bases, but
    # QueueEmpty and QueueFull lack queue.Empty and queue.Full as second bases).
    "concurrent.interpreters.InterpreterError": "Exception",
    "concurrent.interpreters.InterpreterNotFoundError": "concurrent.interpreters.InterpreterError",
    "concurrent.interpreters.NotShareableError": "TypeError",
    "concurrent.interpreters.QueueError": "RuntimeError",
    "concurrent.interpreters.QueueEmpty": "concurrent.interpreters.QueueError",
    "concurrent.interpreters.QueueFull": "concurrent.interpreters.QueueError",
    "concurrent.interpreters.QueueNotFoundError": "concurrent.interpreters.QueueError",
}

# Exceptions whose target compiles its own source instead of exception_type.cc.
EXCEPTION_SOURCES = {
    "SyntaxError": "syntax_error.cc",
}
