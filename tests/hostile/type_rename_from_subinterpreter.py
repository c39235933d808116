# Issue 11, item 1: a subinterpreter tried to rename the shared builtin `object`
# through type's __name__ descriptor called directly; main and every later
# interpreter then printed <class 'HACKED'>. Static types are immutable: every
# such write is a TypeError and nothing changes anywhere.
from concurrent import interpreters

attack = interpreters.create()
attack.exec("""
try:
    type.__dict__['__name__'].__set__(object, 'HACKED')
    print('renamed')
except TypeError as e:
    print('TypeError:', e)
print(object)
""")
print(object, object.__name__)
attack.close()

later = interpreters.create()
later.exec("print(object, object.__name__, object.__qualname__)")
later.close()
print(object)
