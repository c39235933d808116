# Every special attribute of a static type refuses to be set or deleted, by
# assignment, setattr/delattr or type's descriptors called directly; the names,
# the module and the repr stay what they were, here and in another interpreter.
from concurrent import interpreters

NoneType = type(None)
TYPES = [int, str, type, NoneType, float, object, bool, list]
ATTRIBUTES = ["__name__", "__qualname__", "__module__", "__doc__", "__bases__",
              "__mro__", "__dict__", "__class__", "spam"]


def attempt(what, action):
    try:
        action()
        print(what, "-> allowed")
    except (TypeError, AttributeError) as e:
        print(what, "->", type(e).__name__ + ":", e)


def assign(t, name, value):
    setattr(t, name, value)


for t in TYPES:
    before = (repr(t), t.__name__, t.__qualname__, t.__module__, t.__doc__ is None)
    for name in ATTRIBUTES:
        attempt(f"setattr({t.__name__}, {name!r})", lambda: assign(t, name, "HACKED"))
        attempt(f"delattr({t.__name__}, {name!r})", lambda: delattr(t, name))
        descriptor = type.__dict__.get(name)
        if descriptor is not None:
            attempt(f"type.__dict__[{name!r}].__set__({t.__name__})",
                    lambda: descriptor.__set__(t, "HACKED"))
            attempt(f"type.__dict__[{name!r}].__delete__({t.__name__})",
                    lambda: descriptor.__delete__(t))
    after = (repr(t), t.__name__, t.__qualname__, t.__module__, t.__doc__ is None)
    print(t.__name__, "unchanged:", before == after)

other = interpreters.create()
other.exec("""
NoneType = type(None)
for t in (int, str, type, NoneType, float, object, bool, list):
    print(repr(t), t.__name__, t.__qualname__, t.__module__)
""")
other.close()
