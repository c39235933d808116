# Renaming float in a subinterpreter that is then closed crashed the next
# interpreter (free() of a name the closed one owned). The rename is refused.
from concurrent import interpreters

for round in range(3):
    attack = interpreters.create()
    attack.exec("""
for name in ('__name__', '__qualname__', '__module__', '__doc__'):
    for action in ('set', 'delete'):
        try:
            if action == 'set':
                type.__dict__[name].__set__(float, 'x' * 100)
            else:
                type.__dict__[name].__delete__(float)
            print(name, action, 'allowed')
        except TypeError as e:
            print(name, action, 'TypeError:', e)
""")
    attack.close()
    after = interpreters.create()
    after.exec("print(float, float.__name__, float.__qualname__, float.__module__, 1.5)")
    after.close()
print(float, 2.5)
