# Every interpreter sees the same immortal builtin types, but what a program
# does with them stays in its own interpreter: subclasses, weak references and
# the names it defines.
from concurrent import interpreters
import weakref


def mine(cls):
    return sorted(c.__name__ for c in cls.__subclasses__() if c.__name__.endswith("Number"))


class MainNumber(int):
    pass


before = weakref.getweakrefcount(int)
keep = weakref.ref(int)
print("main:", mine(int), "weakrefs to int made here:", weakref.getweakrefcount(int) - before)

worker = interpreters.create()
worker.exec("""
import weakref
class WorkerNumber(int):
    pass
class OtherNumber(WorkerNumber):
    pass
before = weakref.getweakrefcount(int)
refs = [weakref.ref(int, print) for _ in range(3)]  # with callbacks: three refs
print("worker:", sorted(c.__name__ for c in int.__subclasses__() if c.__name__.endswith("Number")),
      "weakrefs to int made here:", weakref.getweakrefcount(int) - before)
""")
print("main again:", mine(int), "weakrefs to int made here:", weakref.getweakrefcount(int) - before)
print("the same int everywhere:", int is type(7), MainNumber(6) * 7, isinstance(MainNumber(1), int))
worker.close()
print("after close:", mine(int), keep() is int)
