class A:
    x = 1
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"A({self.v!r})"
    @property
    def twice(self):
        return self.v * 2
class B(A):
    def __init__(self, v):
        super().__init__(v + 1)
try:
    try:
        B(1).missing
    except AttributeError as e:
        print(e, B(2).twice, B.__mro__)
        raise ValueError("again")
    finally:
        print("finally")
except ValueError as e:
    print(repr(e), [A(i) for i in range(3) if i])
a, *b = {1: 2, 3: 4}
print(a, b, {k: v for k, v in zip("ab", (1, 2))}, {x % 3 for x in range(9)})
while True:
    break
else:
    print("no")
assert isinstance(B(0), A), "bad"
del a
