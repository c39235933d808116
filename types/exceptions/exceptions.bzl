"""The exception hierarchy below BaseException: name -> base, one target each."""

EXCEPTION_BASES = {
    "Exception": "BaseException",
    "ArithmeticError": "Exception",
    "AssertionError": "Exception",
    "AttributeError": "Exception",
    "IndexError": "LookupError",
    "KeyError": "LookupError",
    "LookupError": "Exception",
    "MemoryError": "Exception",
    "NameError": "Exception",
    "NotImplementedError": "RuntimeError",
    "OverflowError": "ArithmeticError",
    "RecursionError": "RuntimeError",
    "RuntimeError": "Exception",
    "StopIteration": "Exception",
    "TypeError": "Exception",
    "ValueError": "Exception",
    "ZeroDivisionError": "ArithmeticError",
    # Sharing between interpreters (PEP 734; CPython 3.14's names and bases, but
    # QueueEmpty and QueueFull lack queue.Empty and queue.Full as second bases).
    "concurrent.interpreters.NotShareableError": "TypeError",
    "concurrent.interpreters.QueueError": "RuntimeError",
    "concurrent.interpreters.QueueEmpty": "concurrent.interpreters.QueueError",
    "concurrent.interpreters.QueueFull": "concurrent.interpreters.QueueError",
    "concurrent.interpreters.QueueNotFoundError": "concurrent.interpreters.QueueError",
}
