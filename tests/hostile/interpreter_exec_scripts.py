# Interpreter.exec takes source text (a str, or bytes); anything else is an
# "unsupported script", named by its repr, as CPython 3.14 says. An empty
# script runs and does nothing; a null byte is a SyntaxError in the caller.
from concurrent import interpreters

interp = interpreters.create()


class C:
    pass


for script in (5, None, 2.5, [1, 2], (), {"a": 1}, C, print, len, int, object, True,
               "print('a str runs')", b"print('bytes run too')", "", b""):
    try:
        interp.exec(script)
        print("ran", type(script).__name__)
    except TypeError as e:
        print("TypeError:", e)
for script in ("x = 1\0", b"\0"):
    try:
        interp.exec(script)
        print("ran", type(script).__name__)
    except SyntaxError as e:
        print("SyntaxError:", e)
interp.close()
