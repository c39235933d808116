# Classes made at run time stay writable: __name__, __qualname__, __module__
# and __doc__ can be set (with CPython's checks) but not deleted; the repr
# follows them. Another interpreter's classes of the same name are unaffected.
from concurrent import interpreters


def attempt(what, action):
    try:
        action()
        print(what, "-> allowed")
    except (TypeError, AttributeError, ValueError) as e:
        print(what, "->", type(e).__name__ + ":", e)


class C:
    pass


class D(C):
    pass


print(C, C.__name__, C.__qualname__, C.__module__, C.__doc__, C.__dict__["__doc__"])
C.__name__ = "Renamed"
print(C, C.__name__, C.__qualname__, D.__mro__)
C.__qualname__ = "Outer.Inner"
print(C, C.__name__, C.__qualname__)
C.__module__ = "elsewhere"
print(C, C.__module__, C().__class__)
C.__doc__ = "documented"
print(C.__doc__, C.__dict__["__doc__"], D.__doc__)
type.__dict__["__name__"].__set__(C, "ViaDescriptor")
type.__dict__["__qualname__"].__set__(C, "ViaDescriptor")
type.__dict__["__module__"].__set__(C, 42)
type.__dict__["__doc__"].__set__(C, None)
print(C.__name__, C.__qualname__, C.__module__, C.__doc__)
C.__module__ = "m"
print(C)

for name in ("__name__", "__qualname__", "__module__", "__doc__"):
    attempt(f"del C.{name}", lambda: delattr(C, name))
    attempt(f"type.__dict__[{name!r}].__delete__(C)", lambda: type.__dict__[name].__delete__(C))
attempt("C.__name__ = 5", lambda: setattr(C, "__name__", 5))
attempt("C.__qualname__ = None", lambda: setattr(C, "__qualname__", None))
attempt("C.__name__ = 'a\\0b'", lambda: setattr(C, "__name__", "a\0b"))
attempt("C.__mro__ = ()", lambda: setattr(C, "__mro__", ()))
attempt("C.__dict__ = {}", lambda: setattr(C, "__dict__", {}))
C.spam = 1
print(C.spam, D.spam)
del C.spam
attempt("C.spam", lambda: C.spam)
attempt("del C.spam", lambda: delattr(C, "spam"))
print(C, C.__name__, C.__qualname__)

T = type("T", (), {"__doc__": "from the namespace"})
print(T.__doc__, type("U", (), {}).__doc__)

other = interpreters.create()
other.exec("""
class C:
    pass
print(C, C.__name__, C.__doc__)
""")
other.close()
