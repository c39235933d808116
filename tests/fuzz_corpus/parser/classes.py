class A(B, metaclass=M):
    x = 1
    def m(self):
        return super().m()

class C: pass
