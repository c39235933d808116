// The evaluator's semantics, checked through what programs print: scoping
// (locals, closures, nonlocal, global, class bodies, comprehensions), calls and
// argument binding, control flow with try/finally, exceptions and their
// messages, tracebacks, imports, and the embedding API's Interpreter::Exec.

#include "lang/eval.h"

#include <string>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "lang/traceback.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet::lang {
namespace {

using ::testing::HasSubstr;

class EvalTest : public islet::testing::RuntimeTest {
 protected:
  // Runs `source` in the main interpreter; what it printed, then, if it
  // raised, "TypeName: message" as the shell prints it.
  static std::string Run(std::string_view source) {
    ::testing::internal::CaptureStdout();
    bool ok = ExecMain(source, "test.py");
    std::string out = ::testing::internal::GetCapturedStdout();
    if (!ok) {
      Ref<Object> error = TakeException();
      std::string text = FormatUncaught(error.get());
      out += text.substr(text.rfind('\n', text.size() - 2) + 1);  // the last line
    }
    return out;
  }
};

TEST_F(EvalTest, DeclarationsThatContradictAreSyntaxErrors) {
  EXPECT_EQ(Run("def outer():\n    x = 1\n    def g(x):\n        nonlocal x\n    return g"),
            "SyntaxError: name 'x' is parameter and nonlocal\n");
  EXPECT_EQ(Run("def f():\n    x = 1\n    global x"),
            "SyntaxError: name 'x' is assigned to before global declaration\n");
  EXPECT_EQ(Run("def f():\n    global x\n    nonlocal x"),
            "SyntaxError: name 'x' is nonlocal and global\n");
  EXPECT_EQ(Run("def f():\n    nonlocal q"), "SyntaxError: no binding for nonlocal 'q' found\n");
}

TEST_F(EvalTest, ClassBodiesHonourNonlocalAndGlobal) {
  EXPECT_EQ(Run(R"(
def f():
    x = 1
    class C:
        nonlocal x
        x = 2
    return x, 'x' in C.__dict__
print(f())
x = 'global'
def g():
    x = 'enclosing'
    class D:
        global x
        def m(self):
            return x
    return D().m()
print(g())
)"),
            "(2, False)\nenclosing\n");
}

TEST_F(EvalTest, InPlaceOperatorsUseInPlaceMethods) {
  EXPECT_EQ(Run(R"(
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
a = Acc()
b = a
a += 5
d = {'k': 1}
alias = d
d |= {'j': 2}
l = [1]
same = l
l *= 3
print(b.items, a is b, alias, same)
)"),
            "[5] True {'k': 1, 'j': 2} [1, 1, 1]\n");
}

TEST_F(EvalTest, SuperWorksInsideAComprehension) {
  EXPECT_EQ(Run(R"(
class A:
    def f(self, n):
        return n
class B(A):
    def g(self):
        return [super().f(i) for i in range(3)]
print(B().g())
)"),
            "[0, 1, 2]\n");
}

TEST_F(EvalTest, BareRaiseInFinallyReraisesWhatPropagates) {
  EXPECT_EQ(Run("try:\n    try:\n        1 / 0\n    finally:\n        raise\nexcept "
                "ZeroDivisionError as e:\n    print('got', e)"),
            "got division by zero\n");
}

TEST_F(EvalTest, MessagesNameFunctionsByQualifiedName) {
  EXPECT_EQ(Run("class A:\n    def m(self, x): pass\nA().m()"),
            "TypeError: A.m() missing 1 required positional argument: 'x'\n");
  EXPECT_EQ(Run("def f(a, /): pass\nf(a=1)"),
            "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'\n");
}

TEST_F(EvalTest, ArithmeticAndPrecedence) {
  EXPECT_EQ(Run("print(1 + 2 * 3, -2 ** 2, 2 ** -1, 7 // 2, -7 % 3, (1 + 2) * 3)"),
            "7 -4 0.5 3 2 9\n");
  EXPECT_EQ(Run("print(1 < 2 < 3, 3 > 2 > 2, not 1 == 2, 1 if 0 else 2, 0 or 'x', 1 and 0)"),
            "True False True 2 x 0\n");
}

TEST_F(EvalTest, ClosuresSeeLateBindingAndNonlocal) {
  EXPECT_EQ(Run(R"(
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    return bump
c = counter()
c(); c()
print(c())
def make():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(make())
x = 'global'
def reads():
    return x
def shadows():
    x = 'local'
    return x
print(reads(), shadows(), x)
)"),
            "3\n[2, 2, 2]\nglobal local global\n");
}

TEST_F(EvalTest, GlobalDeclarationWritesTheModule) {
  EXPECT_EQ(
      Run("total = 0\ndef add(n):\n    global total\n    total += n\nadd(2)\nadd(3)\nprint(total)"),
      "5\n");
}

TEST_F(EvalTest, UnboundLocalAndUndefinedNames) {
  EXPECT_EQ(Run("x = 1\ndef f():\n    print(x)\n    x = 2\nf()"),
            "UnboundLocalError: cannot access local variable 'x' where it is not associated with a "
            "value\n");
  EXPECT_EQ(Run("print(nope)"), "NameError: name 'nope' is not defined\n");
}

TEST_F(EvalTest, ClassBodiesAreNotEnclosingScopes) {
  EXPECT_EQ(Run(R"(
y = 'module'
class C:
    y = 'class'
    def m(self):
        return y
    z = [y for _ in range(1)]
print(C().m(), C.y, C.z)
)"),
            "module class ['module']\n");
}

TEST_F(EvalTest, ArgumentBinding) {
  EXPECT_EQ(Run(R"(
def f(a, b=2, *rest, c, d=4, **more):
    return (a, b, rest, c, d, sorted(more.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=8, d=9))
print(f(*[1, 2], **{'c': 0}))
)"),
            "(1, 2, (), 3, 4, [])\n(1, 5, (6, 7), 3, 9, [('e', 8)])\n(1, 2, (), 0, 4, [])\n");
  EXPECT_EQ(Run("def f(a, b): pass\nf(1)"),
            "TypeError: f() missing 1 required positional argument: 'b'\n");
  EXPECT_EQ(Run("def f(a, b): pass\nf()"),
            "TypeError: f() missing 2 required positional arguments: 'a' and 'b'\n");
  EXPECT_EQ(Run("def f(a): pass\nf(1, 2)"),
            "TypeError: f() takes 1 positional argument but 2 were given\n");
  EXPECT_EQ(Run("def f(a): pass\nf(1, a=2)"),
            "TypeError: f() got multiple values for argument 'a'\n");
  EXPECT_EQ(Run("def f(a): pass\nf(b=2)"),
            "TypeError: f() got an unexpected keyword argument 'b'\n");
  EXPECT_EQ(Run("def f(*, k): pass\nf()"),
            "TypeError: f() missing 1 required keyword-only argument: 'k'\n");
}

TEST_F(EvalTest, StarAndDoubleStarArguments) {
  EXPECT_EQ(Run(R"(
class Mapping:
    def keys(self):
        return ['a', 'b']
    def __getitem__(self, key):
        return key.upper()
def f(**kw):
    return sorted(kw.items())
print(f(**Mapping()), f(**{'x': 1}))
)"),
            "[('a', 'A'), ('b', 'B')] [('x', 1)]\n");
  EXPECT_EQ(Run("def h(*a): pass\nh(*1)"),
            "TypeError: __main__.h() argument after * must be an iterable, not int\n");
  EXPECT_EQ(Run("def h(**k): pass\nh(**1)"),
            "TypeError: __main__.h() argument after ** must be a mapping, not int\n");
  EXPECT_EQ(Run("def h(**k): pass\nh(a=1, **{'a': 2})"),
            "TypeError: __main__.h() got multiple values for keyword argument 'a'\n");
}

TEST_F(EvalTest, FinallyRunsOnEveryWayOut) {
  EXPECT_EQ(Run(R"(
def f():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                return 'returned'
        finally:
            print('finally', i)
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
try:
    try:
        raise KeyError('k')
    finally:
        print('cleanup')
except LookupError as e:
    print('caught', repr(e))
)"),
            "finally 0\nfinally 1\nfinally 2\nreturned\n2\ncleanup\ncaught KeyError('k')\n");
}

TEST_F(EvalTest, ExceptClausesAndReraise) {
  EXPECT_EQ(Run(R"(
def risky():
    try:
        1 / 0
    except ZeroDivisionError:
        print('handling')
        raise
try:
    risky()
except ArithmeticError as e:
    print(type(e).__name__, e)
try:
    e
except NameError:
    print('e is unbound after the handler')
try:
    raise ValueError
except (TypeError, ValueError) as e:
    print('tuple clause', type(e).__name__)
else:
    print('not reached')
)"),
            "handling\nZeroDivisionError division by zero\ne is unbound after the handler\n"
            "tuple clause ValueError\n");
  EXPECT_EQ(Run("raise 5"), "TypeError: exceptions must derive from BaseException\n");
  EXPECT_EQ(Run("raise"), "RuntimeError: No active exception to reraise\n");
  EXPECT_EQ(Run("try:\n    1/0\nexcept 5:\n    pass"),
            "TypeError: catching classes that do not inherit from BaseException is not allowed\n");
}

TEST_F(EvalTest, UnpackingAndItsErrors) {
  EXPECT_EQ(Run("a, (b, c), *d = 1, (2, 3), 4, 5\nprint(a, b, c, d)\nfirst, *rest = "
                "'abc'\nprint(first, rest)"),
            "1 2 3 [4, 5]\na ['b', 'c']\n");
  EXPECT_EQ(Run("a, b = 1"), "TypeError: cannot unpack non-iterable int object\n");
  EXPECT_EQ(Run("a, b, c = [1, 2]"),
            "ValueError: not enough values to unpack (expected 3, got 2)\n");
  EXPECT_EQ(Run("a, b = [1, 2, 3]"), "ValueError: too many values to unpack (expected 2)\n");
}

TEST_F(EvalTest, ClassesSuperAndDecorators) {
  EXPECT_EQ(Run(R"(
def shout(f):
    return lambda *a: f(*a).upper()
class Base:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return 'hi ' + self.name
class Child(Base):
    def __init__(self, name):
        super().__init__(name + '!')
    @shout
    def greet(self):
        return super().greet()
print(Child('bo').greet(), Child.__qualname__, Child.greet.__qualname__, Child.__module__)
)"),
            "HI BO! Child shout.<locals>.<lambda> __main__\n");
}

TEST_F(EvalTest, AugmentedAssignmentChangesListsInPlace) {
  EXPECT_EQ(Run("a = [1]\nb = a\nb += [2]\nt = (1,)\nu = t\nu += (2,)\nprint(a, t, u)\n"
                "d = {'k': 1}\nd['k'] += 5\nprint(d)"),
            "[1, 2] (1,) (1, 2)\n{'k': 6}\n");
}

TEST_F(EvalTest, ComprehensionsAndGeneratorExpressions) {
  EXPECT_EQ(Run("print([x * y for x in range(3) for y in range(3) if x < y], "
                "{k: v for k, v in [('a', 1)]}, sum(i for i in range(5)), {c for c in 'aab'} == "
                "{'a', 'b'})"),
            "[0, 0, 2] {'a': 1} 10 True\n");
}

TEST_F(EvalTest, FStringFormatSpecs) {
  EXPECT_EQ(
      Run("x = 3.14159\nprint(f'{x:.2f}|{5:>3}|{2**70:,}|{\"ab\"!r:>6}|{True:>5}|{\"é\"!a}')"),
      "3.14|  5|1,180,591,620,717,411,303,424|  'ab'|    1|'\\xe9'\n");
  EXPECT_EQ(Run("class P:\n    def __format__(self, spec):\n        return 'P[' + spec + "
                "']'\nprint(f'{P()}{P():x}')"),
            "P[]P[x]\n");
  EXPECT_EQ(Run("print(f'{object():d}')"),
            "TypeError: unsupported format string passed to object.__format__\n");
}

TEST_F(EvalTest, FStrings) {
  EXPECT_EQ(Run("x = 'hi'\nn = 42\nprint(f'{x}! {n!r} {x!r} {{literal}} {n + 1}')"),
            "hi! 42 'hi' {literal} 43\n");
}

TEST_F(EvalTest, DeepRecursionRaisesRecursionError) {
  EXPECT_EQ(Run("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    "
                "print(e)"),
            "maximum recursion depth exceeded\n");
}

TEST_F(EvalTest, SyntaxErrorsNameTheLineAndColumn) {
  ::testing::internal::CaptureStdout();
  EXPECT_FALSE(ExecMain("x = 1\ny = = 2\n", "bad.py"));
  ::testing::internal::GetCapturedStdout();
  Ref<Object> error = TakeException();
  EXPECT_EQ(FormatUncaught(error.get()),
            "  File \"bad.py\", line 2\n    y = = 2\n        ^\nSyntaxError: invalid syntax\n");
  EXPECT_EQ(Run("return 1"), "SyntaxError: 'return' outside function\n");
  EXPECT_EQ(Run("if True:\nx = 1"),
            "IndentationError: expected an indented block after 'if' statement on line 1\n");
  EXPECT_EQ(Run("if True:\n        x = 1\n\ty = 2"),
            "TabError: inconsistent use of tabs and spaces in indentation\n");
  EXPECT_EQ(Run("try:\n    1 +\nexcept SyntaxError:\n    pass"), "SyntaxError: invalid syntax\n");
  EXPECT_EQ(Run("try:\n    exec_me = 1\nexcept IndentationError:\n    "
                "pass\nprint(issubclass(TabError, SyntaxError))"),
            "True\n");
  EXPECT_EQ(Run("break"), "SyntaxError: 'break' outside loop\n");
}

// CPython reports a null byte at its line, shows the line up to it and no
// caret (its offset is None); the line may be empty. Nothing runs.
TEST_F(EvalTest, ANullByteIsASyntaxErrorShowingItsLineUpToIt) {
  const std::string_view sources[] = {std::string_view("print(1)\n  x = 'a\0b'\n", 20),
                                      std::string_view("\0print(1)\n", 10)};
  const std::string_view shown[] = {"  File \"nul.py\", line 2\n    x = 'a\n",
                                    "  File \"nul.py\", line 1\n    \n"};
  for (int i = 0; i < 2; ++i) {
    ::testing::internal::CaptureStdout();
    EXPECT_FALSE(ExecMain(sources[i], "nul.py"));
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
    Ref<Object> error = TakeException();
    EXPECT_EQ(FormatUncaught(error.get()),
              std::string(shown[i]) + "SyntaxError: source code cannot contain null bytes\n");
    EXPECT_EQ(GetAttr(error.get(), "offset").get(), None());
  }
}

// The traceback belongs to the exception: one that was handled earlier leaves
// nothing behind, and a class body is a frame of its own.
TEST_F(EvalTest, TracebacksBelongToTheirException) {
  ::testing::internal::CaptureStdout();
  EXPECT_FALSE(
      ExecMain("def f():\n    raise ValueError('x')\ntry:\n    f()\nexcept ValueError:\n    pass\n"
               "class MyError(Exception):\n    pass\nclass C:\n    raise MyError('y')\n",
               "t.py"));
  ::testing::internal::GetCapturedStdout();
  Ref<Object> error = TakeException();
  EXPECT_EQ(FormatUncaught(error.get()),
            "Traceback (most recent call last):\n"
            "  File \"t.py\", line 9, in <module>\n"
            "  File \"t.py\", line 10, in C\n"
            "MyError: y\n");
}

TEST_F(EvalTest, TracebacksListTheFrames) {
  ::testing::internal::CaptureStdout();
  EXPECT_FALSE(
      ExecMain("def inner():\n    return {}['k']\ndef outer():\n    inner()\nouter()\n", "t.py"));
  ::testing::internal::GetCapturedStdout();
  Ref<Object> error = TakeException();
  EXPECT_EQ(FormatUncaught(error.get()),
            "Traceback (most recent call last):\n"
            "  File \"t.py\", line 5, in <module>\n"
            "  File \"t.py\", line 4, in outer\n"
            "  File \"t.py\", line 2, in inner\n"
            "KeyError: 'k'\n");
}

TEST_F(EvalTest, ImportsAreNamedAndUnknownOnesFail) {
  EXPECT_EQ(Run("import weakref\nfrom concurrent import interpreters\nprint(weakref.__name__, "
                "interpreters.__name__)"),
            "weakref concurrent.interpreters\n");
  EXPECT_EQ(Run("import nothing_here"), "ModuleNotFoundError: No module named 'nothing_here'\n");
  EXPECT_EQ(Run("from weakref import nothing"),
            "ImportError: cannot import name 'nothing' from 'weakref' (unknown location)\n");
}

TEST_F(EvalTest, MainNamespacePersistsBetweenExecs) {
  EXPECT_EQ(Run("kept = 41"), "");
  EXPECT_EQ(Run("print(kept + 1)"), "42\n");
}

TEST_F(EvalTest, InteractiveModePrintsExpressionValues) {
  ::testing::internal::CaptureStdout();
  EXPECT_TRUE(ExecMain("1 + 1\nNone\n'x'\n", "<stdin>", ExecMode::kInteractive));
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "2\n'x'\n");
}

// Interpreter::Exec, the embedding API's entry point, in the main interpreter
// and a subinterpreter, each keeping its own __main__.
TEST(InterpreterExecTest, RunsCodeAndReportsErrorsAsStatus) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  Interpreter* main_interp = Runtime::MainInterpreter();
  absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
  ASSERT_TRUE(sub.ok());
  EXPECT_TRUE(main_interp->Exec("x = 'main'").ok());
  EXPECT_TRUE((*sub)->Exec("x = 'sub'").ok());
  absl::Status status = main_interp->Exec("assert x == 'main', x");
  EXPECT_TRUE(status.ok()) << status;
  status = (*sub)->Exec("assert x == 'main', x");
  EXPECT_THAT(std::string(status.message()), HasSubstr("AssertionError: sub"));
  status = (*sub)->Exec("1 +");
  EXPECT_THAT(std::string(status.message()), HasSubstr("SyntaxError"));
  EXPECT_TRUE(Runtime::DestroyInterpreter(*sub).ok());
  EXPECT_TRUE(Runtime::Finalize().ok());
}

// Two threads attached to one interpreter both run Python loops on it, taking
// turns on its lock (the switch interval); both finish and nothing races.
TEST(InterpreterExecTest, ThreadsOfOneInterpreterBothRunToTheEnd) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  Interpreter* interp = Runtime::MainInterpreter();
  ASSERT_TRUE(interp->Exec("turns = []").ok());
  auto worker = [interp](const char* name) {
    std::string code =
        std::string("for i in range(20000):\n    if i % 5000 == 0:\n        turns.append('") +
        name + "')\n";
    EXPECT_TRUE(interp->Exec(code).ok());
  };
  std::thread a(worker, "a");
  std::thread b(worker, "b");
  a.join();
  b.join();
  EXPECT_TRUE(interp->Exec("assert sorted(turns) == ['a'] * 4 + ['b'] * 4, turns").ok());
  EXPECT_TRUE(Runtime::Finalize().ok());
}

// A script that never ends by itself holds only its own interpreter: another
// interpreter runs to completion meanwhile, and a second thread attached to the
// busy interpreter still gets turns (the switch interval), here to stop it.
TEST(InterpreterExecTest, ARunawayScriptBlocksNoOtherInterpreter) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  absl::StatusOr<Interpreter*> busy = Runtime::CreateInterpreter();
  absl::StatusOr<Interpreter*> other = Runtime::CreateInterpreter();
  ASSERT_TRUE(busy.ok() && other.ok());
  ASSERT_TRUE((*busy)->Exec("stop = False\nspins = 0").ok());
  std::thread runaway([&] { EXPECT_TRUE((*busy)->Exec("while not stop:\n    spins += 1").ok()); });
  EXPECT_TRUE((*other)->Exec("total = sum(range(100000))\nassert total == 4999950000").ok());
  EXPECT_TRUE((*busy)->Exec("stop = True").ok());
  runaway.join();
  EXPECT_TRUE((*busy)->Exec("assert stop and spins > 0").ok());
  EXPECT_TRUE(Runtime::DestroyInterpreter(*busy).ok());
  EXPECT_TRUE(Runtime::DestroyInterpreter(*other).ok());
  EXPECT_TRUE(Runtime::Finalize().ok());
}

}  // namespace
}  // namespace islet::lang
