# __del__ (PEP 442): on a refcount drop and in cyclic garbage, once per object,
# with resurrection; what it may do while it runs.
import gc
gc.disable()

class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

a = Loud('refcount')
del a
print('after del')

def scope():
    x = Loud('local')
    return 1
scope()
print('after return')

items = [Loud('in list 1'), Loud('in list 2')]
items.pop()
items = None

cycle = Loud('cycle')
cycle.self = cycle
del cycle
print('before collect')
print('collected', gc.collect())

# A finalizer that resurrects its object: it runs once only.
saved = []
class Phoenix:
    def __del__(self):
        print('phoenix del')
        saved.append(self)

p = Phoenix()
del p
print('saved', len(saved))
saved.clear()
print('cleared, no second del')
p = Phoenix()
p.me = p
del p
print('collected', gc.collect(), 'saved', len(saved))
saved[0].me = None
saved.clear()
print('collected', gc.collect())

# A finalizer that makes more garbage and collects from inside a collection.
class Busy:
    def __del__(self):
        junk = []
        junk.append(junk)
        print('nested collect', gc.collect())

b = Busy()
b.me = b
del b
print('collected', gc.collect() >= 1, 'then', gc.collect())

# Subclasses inherit __del__; setting and deleting it on the class works.
class Base:
    def __del__(self):
        print('base del', type(self).__name__)
class Child(Base):
    pass
c = Child()
del c
def later(self):
    print('patched del')
Base.__del__ = later
c = Child()
del c
del Base.__del__
c = Child()
del c
print('no del')

# Finalizers of a cycle see each other intact.
class Pair:
    def __del__(self):
        print('pair del', self.name, 'sees', self.other.name)
x = Pair(); y = Pair()
x.name = 'x'; y.name = 'y'
x.other = y; y.other = x
del x, y
print('collected', gc.collect())
