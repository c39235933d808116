# object.__init__ with extra arguments: accepted when the type overrides __new__
# but not __init__ (int), refused otherwise, exactly as CPython decides.
print(object.__init__(5, 1))
class C:
    pass
for call in (lambda: object.__init__(C(), 1), lambda: C().__init__(1), lambda: object().__init__(1)):
    try:
        call()
        print("accepted")
    except TypeError as e:
        print("TypeError:", e)
