# Weak references and the collector, in CPython's order: references to garbage
# are dead before any finalizer runs; a reference that outlives the garbage
# gets its callback, one that is garbage itself does not.
import gc, weakref
gc.disable()

def callback(ref):
    print('callback; ref is dead:', ref() is None)

class A:
    def __del__(self):
        print('del', self.name, '- partner alive:', self.partner() is not None)

a = A(); b = A()
a.name = 'a'; b.name = 'b'
a.other = b; b.other = a
a.partner = weakref.ref(b); b.partner = weakref.ref(a)
outside = weakref.ref(a, callback)
b.inside = weakref.ref(b, callback)
del a, b
print('collected', gc.collect())
print('outside now', outside())

# A callback that itself makes garbage and resurrects nothing.
class B:
    pass
def noisy(ref):
    junk = [ref]
    junk.append(junk)
    print('noisy callback')
c = B()
c.me = c
keep = weakref.ref(c, noisy)
del c
print('collected', gc.collect(), gc.collect())

# A weak reference to a class defined and dropped in a function.
def make():
    class Local:
        def method(self):
            return super().method
    return weakref.ref(Local, callback)
r = make()
print('class alive before collect:', r() is not None)
gc.collect()
print('class alive after collect:', r() is not None)

# A callback that gives the garbage's class a __del__: it still runs, before
# the garbage is cleared.
class Late:
    pass
def give_del(ref):
    print('callback gives Late a __del__')
    Late.__del__ = lambda self: print('late del', self.name)
x = Late()
x.name = 'x'
x.me = x
watch = weakref.ref(x, give_del)
del x
print('collected', gc.collect())
