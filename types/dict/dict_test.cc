// Tests of `dict`, its views (dict_keys, dict_values, dict_items) and iterators
// through the object protocol and objects/dict.h: what
// /work/shared/cpython-oracle/containers.py does with dicts (with its exact
// output), construction and update, keys whose hash or == fail or change the
// dict, changes during iteration, the table under many insertions and
// deletions, the exact CPython 3.14 error messages, and freeing cycles.

#include "objects/dict.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/mapping_proxy.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/static_type.h"
#include "tests/testing/object_test_support.h"

namespace islet {

// --- keys that misbehave, as test-only static types ---

namespace {

// Hashes to 7; == raises ValueError.
int64_t SevenHash(Object*) { return 7; }
Ref<Object> RaisingCompare(Object*, Object*, CompareOp) {
  return Raise(WellKnown::kValueError, "== failed");
}
constexpr TypeSlots RaisingEqSlots() {
  TypeSlots slots = SlotsFor<Object>();
  slots.hash = &SevenHash;
  slots.richcompare = &RaisingCompare;
  return slots;
}

// Hashing raises ValueError.
int64_t RaisingHash(Object*) {
  Raise(WellKnown::kValueError, "hash failed");
  return -1;
}
constexpr TypeSlots RaisingHashSlots() {
  TypeSlots slots = SlotsFor<Object>();
  slots.hash = &RaisingHash;
  return slots;
}

// Hashes to 7; the first == after `mutation_target` is set fills that dict with
// 100 int keys (so it is rebuilt under the lookup), then answers "not equal".
Object* mutation_target = nullptr;
Ref<Object> MutatingCompare(Object*, Object*, CompareOp) {
  if (Object* target = std::exchange(mutation_target, nullptr)) {
    for (int64_t i = 1000; i < 1100; ++i) {
      Ref<Object> key = NewInt(i);
      if (!DictSet(target, key.get(), None())) return nullptr;
    }
  }
  return BoolRef(false);
}
constexpr TypeSlots MutatingEqSlots() {
  TypeSlots slots = SlotsFor<Object>();
  slots.hash = &SevenHash;
  slots.richcompare = &MutatingCompare;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kRaisingEqType, "test_raising_eq", {.slots = RaisingEqSlots()});
ISLET_BUILTIN_TYPE(kRaisingHashType, "test_raising_hash", {.slots = RaisingHashSlots()});
ISLET_BUILTIN_TYPE(kMutatingEqType, "test_mutating_eq", {.slots = MutatingEqSlots()});

namespace {

class DictTest : public testing::ObjectTest {
 protected:
  static TypeObject* DictType() { return WellKnownType(WellKnown::kDict); }
  static TypeObject* ListType() { return WellKnownType(WellKnown::kList); }

  // {"a": 1, ...}
  static Ref<Object> StrInts(std::initializer_list<std::pair<std::string_view, int64_t>> entries) {
    Ref<Object> dict = NewDict();
    for (const auto& [key, value] : entries) {
      Ref<Object> key_object = NewStr(key);
      Ref<Object> value_object = NewInt(value);
      EXPECT_TRUE(DictSet(dict.get(), key_object.get(), value_object.get()));
    }
    return dict;
  }
  static Ref<Object> Instance(StaticType& type) {
    return Interpreter::Current()->NewObject<Object>(&type);
  }
};

TEST_F(DictTest, ContainersOracleLinesPrintWhatCPythonPrints) {
  // d = {"a": 1, "b": 2}; d["c"] = 3
  Ref<Object> d = StrInts({{"a", 1}, {"b", 2}});
  Ref<Object> a = NewStr("a"), b = NewStr("b"), c = NewStr("c"), e = NewStr("e"), z = NewStr("z");
  Ref<Object> three = NewInt(3), five = NewInt(5), zero = NewInt(0);
  ASSERT_TRUE(SetItem(d.get(), c.get(), three.get()));
  // print(d, d.get("z"), d.get("z", 0), list(d.keys()), list(d.values()), list(d.items()))
  EXPECT_EQ(Show(d), "{'a': 1, 'b': 2, 'c': 3}");
  EXPECT_EQ(Method(d.get(), "get", {z.get()}), "None");
  EXPECT_EQ(Method(d.get(), "get", {z.get(), zero.get()}), "0");
  EXPECT_EQ(ListOf(CallMethod(d.get(), "keys", {}).get()), "['a', 'b', 'c']");
  EXPECT_EQ(ListOf(CallMethod(d.get(), "values", {}).get()), "[1, 2, 3]");
  EXPECT_EQ(ListOf(CallMethod(d.get(), "items", {}).get()), "[('a', 1), ('b', 2), ('c', 3)]");
  // print(d.pop("a"), d.setdefault("e", 5), d, "b" in d, len(d))
  // "1 5 {'b': 2, 'c': 3, 'e': 5} True 3"
  EXPECT_EQ(Method(d.get(), "pop", {a.get()}), "1");
  EXPECT_EQ(Method(d.get(), "setdefault", {e.get(), five.get()}), "5");
  EXPECT_EQ(Show(d), "{'b': 2, 'c': 3, 'e': 5}");
  EXPECT_EQ(Contains(d.get(), b.get()), 1);
  EXPECT_EQ(Length(d.get()), 3);
  // d.update({"b": 20, "f": 6}); print(d, sorted(d))
  // "{'b': 20, 'c': 3, 'e': 5, 'f': 6} ['b', 'c', 'e', 'f']"
  Ref<Object> other = StrInts({{"b", 20}, {"f", 6}});
  EXPECT_EQ(Method(d.get(), "update", {other.get()}), "None");
  EXPECT_EQ(Show(d), "{'b': 20, 'c': 3, 'e': 5, 'f': 6}");
  Ref<Object> keys = ListFromIterable(d.get());
  ASSERT_TRUE(keys && ListSort(keys.get(), nullptr, false));
  EXPECT_EQ(Show(keys), "['b', 'c', 'e', 'f']");
  // del d["b"]; print(d): "{'c': 3, 'e': 5, 'f': 6}"
  ASSERT_TRUE(DelItem(d.get(), b.get()));
  EXPECT_EQ(Show(d), "{'c': 3, 'e': 5, 'f': 6}");
  // dict(x=1, y=2): "{'x': 1, 'y': 2}"
  Ref<Object> one = NewInt(1), two = NewInt(2);
  EXPECT_EQ(Show(CallWith(DictType(), {}, {{"x", one.get()}, {"y", two.get()}})),
            "{'x': 1, 'y': 2}");
  // d["missing"] -> KeyError 'missing' (and errors.py: {}["k"] -> "KeyError: 'k'")
  Ref<Object> missing = NewStr("missing");
  EXPECT_EQ(Show(GetItem(d.get(), missing.get())), "KeyError: 'missing'");
  Ref<Object> k = NewStr("k");
  EXPECT_EQ(Show(GetItem(NewDict().get(), k.get())), "KeyError: 'k'");
}

TEST_F(DictTest, KeyErrorCarriesTheKeyAsItsOnlyArgument) {
  Ref<Object> d = NewDict();
  Ref<Object> key = NewTuple({NewInt(1).get(), NewInt(2).get()});
  EXPECT_FALSE(GetItem(d.get(), key.get()));
  Ref<Object> exception = TakeException();
  ASSERT_TRUE(exception);
  EXPECT_EQ(exception->type(), WellKnownType(WellKnown::kKeyError));
  Ref<Object> args = GetAttr(exception.get(), "args");
  ASSERT_TRUE(args);
  ASSERT_EQ(TupleItems(args.get()).size(), 1u);
  EXPECT_EQ(TupleItems(args.get())[0].get(), key.get());
  EXPECT_FALSE(DelItem(d.get(), key.get()));
  EXPECT_EQ(Error(), "KeyError: (1, 2)");
  EXPECT_EQ(Method(d.get(), "pop", {key.get()}), "KeyError: (1, 2)");
}

TEST_F(DictTest, ReprAndSelfReference) {
  EXPECT_EQ(Show(NewDict()), "{}");
  Ref<Object> d = NewDict();
  Ref<Object> key = NewStr("self");
  ASSERT_TRUE(DictSet(d.get(), key.get(), d.get()));
  EXPECT_EQ(Show(d), "{'self': {...}}");
  Ref<Object> list = NewList({d});
  EXPECT_EQ(Show(list), "[{'self': {...}}]");
  DictClear(d.get());
  Ref<Object> nested = NewDict();
  ASSERT_TRUE(DictSet(nested.get(), None(), NewTuple({True(), False()}).get()));
  EXPECT_EQ(Show(nested), "{None: (True, False)}");
}

TEST_F(DictTest, EqualityIgnoresOrderAndOrderingIsNotSupported) {
  Ref<Object> ab = StrInts({{"a", 1}, {"b", 2}});
  Ref<Object> ba = StrInts({{"b", 2}, {"a", 1}});
  Ref<Object> different = StrInts({{"a", 1}, {"b", 3}});
  Ref<Object> shorter = StrInts({{"a", 1}});
  EXPECT_EQ(RichCompareBool(ab.get(), ba.get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(ab.get(), different.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(ab.get(), different.get(), CompareOp::kNe), 1);
  EXPECT_EQ(RichCompareBool(ab.get(), shorter.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(ab.get(), ba.get(), CompareOp::kLt), -1);
  EXPECT_EQ(Error(), "TypeError: '<' not supported between instances of 'dict' and 'dict'");
  Ref<Object> list = NewList();
  EXPECT_EQ(RichCompareBool(ab.get(), list.get(), CompareOp::kEq), 0);
}

TEST_F(DictTest, EqualKeysShareAnEntry) {
  // 1 and True are equal and hash alike: one entry, the first key kept.
  Ref<Object> d = NewDict();
  Ref<Object> one = NewInt(1), a = NewStr("a"), b = NewStr("b");
  ASSERT_TRUE(SetItem(d.get(), one.get(), a.get()));
  ASSERT_TRUE(SetItem(d.get(), True(), b.get()));
  EXPECT_EQ(Show(d), "{1: 'b'}");
  // Distinct but equal str objects find each other.
  Ref<Object> key1 = NewStr("key"), key2 = NewStr("key");
  ASSERT_NE(key1.get(), key2.get());
  ASSERT_TRUE(SetItem(d.get(), key1.get(), a.get()));
  EXPECT_EQ(Show(GetItem(d.get(), key2.get())), "'a'");
  // Tuples as keys.
  Ref<Object> point = NewTuple({NewInt(1).get(), NewInt(2).get()});
  Ref<Object> same_point = NewTuple({NewInt(1).get(), NewInt(2).get()});
  ASSERT_TRUE(SetItem(d.get(), point.get(), b.get()));
  EXPECT_EQ(Contains(d.get(), same_point.get()), 1);
}

TEST_F(DictTest, UnhashableKeysAreTypeErrors) {
  Ref<Object> d = NewDict();
  Ref<Object> list = NewList();
  EXPECT_FALSE(SetItem(d.get(), list.get(), None()));
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(Show(GetItem(d.get(), list.get())), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(Contains(d.get(), list.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(Method(d.get(), "get", {list.get()}), "TypeError: unhashable type: 'list'");
  Ref<Object> inner = NewDict();
  EXPECT_EQ(Hash(inner.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'dict'");
}

TEST_F(DictTest, ErrorsFromAKeysHashAndEqualityPropagate) {
  Ref<Object> d = NewDict();
  Ref<Object> bad_hash = Instance(kRaisingHashType);
  EXPECT_FALSE(SetItem(d.get(), bad_hash.get(), None()));
  EXPECT_EQ(Error(), "ValueError: hash failed");
  EXPECT_EQ(Contains(d.get(), bad_hash.get()), -1);
  EXPECT_EQ(Error(), "ValueError: hash failed");

  Ref<Object> first = Instance(kRaisingEqType);
  Ref<Object> second = Instance(kRaisingEqType);
  ASSERT_TRUE(SetItem(d.get(), first.get(), None()));  // empty slot: no comparison
  EXPECT_EQ(Contains(d.get(), first.get()), 1);        // identity: no comparison
  EXPECT_EQ(Contains(d.get(), second.get()), -1);      // same hash: == raises
  EXPECT_EQ(Error(), "ValueError: == failed");
  EXPECT_FALSE(SetItem(d.get(), second.get(), None()));
  EXPECT_EQ(Error(), "ValueError: == failed");
  EXPECT_FALSE(DelItem(d.get(), second.get()));
  EXPECT_EQ(Error(), "ValueError: == failed");
  EXPECT_EQ(Length(d.get()), 1);
  // Comparing dicts compares values: a failing == there propagates too.
  Ref<Object> left = NewDict(), right = NewDict();
  Ref<Object> key = NewStr("k");
  ASSERT_TRUE(DictSet(left.get(), key.get(), first.get()));
  ASSERT_TRUE(DictSet(right.get(), key.get(), second.get()));
  EXPECT_EQ(RichCompareBool(left.get(), right.get(), CompareOp::kEq), -1);
  EXPECT_EQ(Error(), "ValueError: == failed");
}

TEST_F(DictTest, ALookupWhoseComparisonRebuildsTheDictStartsOver) {
  Ref<Object> d = NewDict();
  Ref<Object> stored = Instance(kMutatingEqType);
  Ref<Object> probe = Instance(kMutatingEqType);
  Ref<Object> value = NewStr("stored");
  ASSERT_TRUE(DictSet(d.get(), stored.get(), value.get()));
  mutation_target = d.get();
  Object* found = nullptr;
  EXPECT_EQ(DictGet(d.get(), probe.get(), &found), 0);
  EXPECT_EQ(mutation_target, nullptr);  // the comparison ran and grew the dict
  EXPECT_EQ(DictSize(d.get()), 101);
  EXPECT_EQ(DictGet(d.get(), stored.get(), &found), 1);
  EXPECT_EQ(found, value.get());
  ASSERT_TRUE(DictSet(d.get(), probe.get(), None()));
  EXPECT_EQ(DictSize(d.get()), 102);
  for (int64_t i = 1000; i < 1100; ++i) {
    Ref<Object> key = NewInt(i);
    ASSERT_EQ(DictGet(d.get(), key.get(), &found), 1) << i;
  }
}

TEST_F(DictTest, ManyInsertionsAndDeletionsKeepOrderAndContents) {
  // Against a reference: an insertion-ordered vector of (key, value).
  Ref<Object> d = NewDict();
  std::vector<std::pair<int64_t, int64_t>> reference;
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int64_t>(state >> 33);
  };
  for (int step = 0; step < 5000; ++step) {
    const int64_t key = next() % 300;
    auto found = std::find_if(reference.begin(), reference.end(),
                              [&](const auto& entry) { return entry.first == key; });
    Ref<Object> key_object = NewInt(key);
    switch (next() % 4) {
      case 0:
      case 1: {
        Ref<Object> value = NewInt(step);
        ASSERT_TRUE(DictSet(d.get(), key_object.get(), value.get()));
        if (found != reference.end()) {
          found->second = step;
        } else {
          reference.emplace_back(key, step);
        }
        break;
      }
      case 2:
        ASSERT_EQ(DictDelete(d.get(), key_object.get()), found != reference.end() ? 1 : 0);
        if (found != reference.end()) reference.erase(found);
        break;
      case 3: {
        Ref<Object> popped = CallMethod(d.get(), "popitem", {});
        if (reference.empty()) {
          ASSERT_FALSE(popped);
          ASSERT_EQ(Error(), "KeyError: 'popitem(): dictionary is empty'");
        } else {
          ASSERT_TRUE(popped);
          ASSERT_EQ(*IntAsInt64(TupleItems(popped.get())[0].get()), reference.back().first);
          ASSERT_EQ(*IntAsInt64(TupleItems(popped.get())[1].get()), reference.back().second);
          reference.pop_back();
        }
        break;
      }
    }
    ASSERT_EQ(DictSize(d.get()), static_cast<int64_t>(reference.size()));
  }
  int64_t position = 0;
  Object* key;
  Object* value;
  size_t i = 0;
  while (DictNext(d.get(), &position, &key, &value)) {
    ASSERT_LT(i, reference.size());
    EXPECT_EQ(*IntAsInt64(key), reference[i].first);
    EXPECT_EQ(*IntAsInt64(value), reference[i].second);
    ++i;
  }
  EXPECT_EQ(i, reference.size());
}

TEST_F(DictTest, Construction) {
  EXPECT_EQ(Show(Call(DictType(), {})), "{}");
  Ref<Object> source = StrInts({{"a", 1}});
  Ref<Object> copy = Call(DictType(), {source.get()});
  EXPECT_EQ(Show(copy), "{'a': 1}");
  EXPECT_NE(copy.get(), source.get());
  Ref<Object> pairs = NewList({NewTuple({NewStr("x").get(), NewInt(1).get()}),
                               NewList({NewStr("y"), NewInt(2)}), NewStr("zw")});
  EXPECT_EQ(Show(Call(DictType(), {pairs.get()})), "{'x': 1, 'y': 2, 'z': 'w'}");
  Ref<Object> three = NewInt(3);
  EXPECT_EQ(Show(CallWith(DictType(), {source.get()}, {{"b", three.get()}, {"a", three.get()}})),
            "{'a': 3, 'b': 3}");
  // From any mapping with keys(): a mappingproxy.
  Ref<Object> proxy = NewMappingProxy(source);
  EXPECT_EQ(Show(Call(DictType(), {proxy.get()})), "{'a': 1}");
  // Errors.
  EXPECT_EQ(Show(Call(DictType(), {source.get(), source.get()})),
            "TypeError: dict expected at most 1 argument, got 2");
  Ref<Object> ints = NewList({NewInt(1)});
  EXPECT_EQ(Show(Call(DictType(), {ints.get()})),
            "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  Ref<Object> triple = NewList({NewTuple({None(), None()}), NewTuple({None(), None(), None()})});
  EXPECT_EQ(Show(Call(DictType(), {triple.get()})),
            "ValueError: dictionary update sequence element #1 has length 3; 2 is required");
  Ref<Object> five = NewInt(5);
  EXPECT_EQ(Show(Call(DictType(), {five.get()})), "TypeError: 'int' object is not iterable");
  Ref<Object> unhashable = NewList({NewTuple({NewList().get(), None()})});
  EXPECT_EQ(Show(Call(DictType(), {unhashable.get()})), "TypeError: unhashable type: 'list'");
}

TEST_F(DictTest, GetSetDefaultPopPopItem) {
  Ref<Object> d = StrInts({{"a", 1}, {"b", 2}, {"c", 3}});
  Ref<Object> a = NewStr("a"), z = NewStr("z"), zero = NewInt(0);
  EXPECT_EQ(Method(d.get(), "get", {a.get()}), "1");
  EXPECT_EQ(Method(d.get(), "get"), "TypeError: get expected at least 1 argument, got 0");
  EXPECT_EQ(Method(d.get(), "get", {a.get(), a.get(), a.get()}),
            "TypeError: get expected at most 2 arguments, got 3");
  EXPECT_EQ(Method(d.get(), "setdefault", {a.get(), zero.get()}), "1");
  EXPECT_EQ(Method(d.get(), "setdefault", {z.get()}), "None");
  EXPECT_EQ(Show(d), "{'a': 1, 'b': 2, 'c': 3, 'z': None}");
  EXPECT_EQ(Method(d.get(), "setdefault"),
            "TypeError: setdefault expected at least 1 argument, got 0");
  EXPECT_EQ(Method(d.get(), "pop", {z.get()}), "None");
  EXPECT_EQ(Method(d.get(), "pop", {z.get()}), "KeyError: 'z'");
  EXPECT_EQ(Method(d.get(), "pop", {z.get(), zero.get()}), "0");
  EXPECT_EQ(Method(d.get(), "pop"), "TypeError: pop expected at least 1 argument, got 0");
  // popitem is LIFO.
  EXPECT_EQ(Method(d.get(), "popitem"), "('c', 3)");
  EXPECT_EQ(Method(d.get(), "popitem"), "('b', 2)");
  EXPECT_EQ(Method(d.get(), "popitem", {a.get()}),
            "TypeError: dict.popitem() takes no arguments (1 given)");
  EXPECT_EQ(Method(d.get(), "popitem"), "('a', 1)");
  EXPECT_EQ(Method(d.get(), "popitem"), "KeyError: 'popitem(): dictionary is empty'");
  // After popping, insertion reuses the room.
  ASSERT_TRUE(SetItem(d.get(), a.get(), zero.get()));
  EXPECT_EQ(Show(d), "{'a': 0}");
}

TEST_F(DictTest, UpdateClearCopyFromKeys) {
  Ref<Object> d = StrInts({{"a", 1}});
  Ref<Object> pairs = NewList({NewTuple({NewStr("b").get(), NewInt(2).get()})});
  Ref<Object> nine = NewInt(9);
  Ref<Object> update = GetAttr(d.get(), "update");
  ASSERT_TRUE(update);
  EXPECT_EQ(Show(CallWith(update.get(), {pairs.get()}, {{"c", nine.get()}})), "None");
  EXPECT_EQ(Show(d), "{'a': 1, 'b': 2, 'c': 9}");
  EXPECT_EQ(Show(CallWith(update.get(), {}, {{"a", nine.get()}})), "None");
  EXPECT_EQ(Show(d), "{'a': 9, 'b': 2, 'c': 9}");
  EXPECT_EQ(Method(d.get(), "update", {d.get()}), "None");  // d.update(d)
  EXPECT_EQ(Method(d.get(), "update", {pairs.get(), pairs.get()}),
            "TypeError: update expected at most 1 argument, got 2");
  Ref<Object> copy = CallMethod(d.get(), "copy", {});
  ASSERT_TRUE(copy);
  EXPECT_NE(copy.get(), d.get());
  EXPECT_EQ(RichCompareBool(copy.get(), d.get(), CompareOp::kEq), 1);
  EXPECT_EQ(Method(d.get(), "clear"), "None");
  EXPECT_EQ(Show(d), "{}");
  EXPECT_EQ(Show(copy), "{'a': 9, 'b': 2, 'c': 9}");
  // dict.fromkeys(iterable, value=None): a class method.
  Ref<Object> abc = NewStr("abc");
  EXPECT_EQ(Method(DictType(), "fromkeys", {abc.get()}), "{'a': None, 'b': None, 'c': None}");
  EXPECT_EQ(Method(copy.get(), "fromkeys", {abc.get(), nine.get()}), "{'a': 9, 'b': 9, 'c': 9}");
  EXPECT_EQ(Method(DictType(), "fromkeys"),
            "TypeError: fromkeys expected at least 1 argument, got 0");
  Ref<HeapType> sub = *HeapType::Create(*Runtime::MainInterpreter(), "MyDict", {{DictType()}});
  Ref<Object> made = CallMethod(sub.get(), "fromkeys", {abc.get()});
  ASSERT_TRUE(made) << TakeExceptionAsStatus();
  EXPECT_EQ(made->type(), sub.get());
  // d | other
  Ref<Object> left = StrInts({{"a", 1}, {"b", 2}});
  Ref<Object> right = StrInts({{"b", 3}, {"c", 4}});
  EXPECT_EQ(Show(BinaryOperation(left.get(), right.get(), BinaryOp::kOr)),
            "{'a': 1, 'b': 3, 'c': 4}");
  EXPECT_EQ(Show(left), "{'a': 1, 'b': 2}");
  EXPECT_EQ(Show(BinaryOperation(left.get(), pairs.get(), BinaryOp::kOr)),
            "TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
}

TEST_F(DictTest, ViewsAreLiveAndShowTheirPart) {
  Ref<Object> d = StrInts({{"a", 1}, {"b", 2}});
  Ref<Object> keys = CallMethod(d.get(), "keys", {});
  Ref<Object> values = CallMethod(d.get(), "values", {});
  Ref<Object> items = CallMethod(d.get(), "items", {});
  ASSERT_TRUE(keys && values && items);
  EXPECT_EQ(TypeName(keys->type()), "dict_keys");
  EXPECT_EQ(TypeName(values->type()), "dict_values");
  EXPECT_EQ(TypeName(items->type()), "dict_items");
  EXPECT_EQ(Show(keys), "dict_keys(['a', 'b'])");
  EXPECT_EQ(Show(values), "dict_values([1, 2])");
  EXPECT_EQ(Show(items), "dict_items([('a', 1), ('b', 2)])");
  Ref<Object> c = NewStr("c"), three = NewInt(3);
  ASSERT_TRUE(SetItem(d.get(), c.get(), three.get()));
  EXPECT_EQ(Length(keys.get()), 3);
  EXPECT_EQ(Show(values), "dict_values([1, 2, 3])");
  EXPECT_EQ(Contains(keys.get(), c.get()), 1);
  EXPECT_EQ(Contains(values.get(), three.get()), 1);
  EXPECT_EQ(Contains(values.get(), c.get()), 0);
  Ref<Object> pair = NewTuple({c.get(), three.get()});
  Ref<Object> wrong_value = NewTuple({c.get(), c.get()});
  EXPECT_EQ(Contains(items.get(), pair.get()), 1);
  EXPECT_EQ(Contains(items.get(), wrong_value.get()), 0);
  EXPECT_EQ(Contains(items.get(), c.get()), 0);  // not a pair
  Ref<Object> list = NewList();
  EXPECT_EQ(Contains(keys.get(), list.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'list'");
  // Empty views.
  Ref<Object> empty = CallMethod(NewDict().get(), "items", {});
  EXPECT_EQ(Show(empty), "dict_items([])");
  EXPECT_EQ(IsTrue(empty.get()), 0);
  // view.mapping is a read-only proxy of the dict.
  Ref<Object> mapping = GetAttr(keys.get(), "mapping");
  ASSERT_TRUE(mapping);
  EXPECT_EQ(TypeName(mapping->type()), "mappingproxy");
  EXPECT_EQ(Show(mapping), "mappingproxy({'a': 1, 'b': 2, 'c': 3})");
  // Not constructible; keys and items views are unhashable, values views are not.
  EXPECT_EQ(Show(Call(keys->type(), {})), "TypeError: cannot create 'dict_keys' instances");
  EXPECT_EQ(Hash(keys.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'dict_keys'");
  EXPECT_NE(Hash(values.get()), -1);
  // A view of a dict holding the view: the repr recursion stops.
  ASSERT_TRUE(SetItem(d.get(), c.get(), values.get()));
  EXPECT_EQ(Show(values), "dict_values([1, 2, ...])");
  ASSERT_TRUE(DelItem(d.get(), c.get()));
}

TEST_F(DictTest, KeysAndItemsViewsCompareAsSets) {
  Ref<Object> ab = StrInts({{"a", 1}, {"b", 2}});
  Ref<Object> ba = StrInts({{"b", 5}, {"a", 1}});
  Ref<Object> abc = StrInts({{"a", 1}, {"b", 2}, {"c", 3}});
  Ref<Object> ab_keys = CallMethod(ab.get(), "keys", {});
  Ref<Object> ba_keys = CallMethod(ba.get(), "keys", {});
  Ref<Object> abc_keys = CallMethod(abc.get(), "keys", {});
  EXPECT_EQ(RichCompareBool(ab_keys.get(), ba_keys.get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(ab_keys.get(), abc_keys.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(ab_keys.get(), abc_keys.get(), CompareOp::kLt), 1);
  EXPECT_EQ(RichCompareBool(abc_keys.get(), ab_keys.get(), CompareOp::kGe), 1);
  EXPECT_EQ(RichCompareBool(ab_keys.get(), ba_keys.get(), CompareOp::kLt), 0);
  Ref<Object> ab_items = CallMethod(ab.get(), "items", {});
  Ref<Object> ba_items = CallMethod(ba.get(), "items", {});
  Ref<Object> abc_items = CallMethod(abc.get(), "items", {});
  EXPECT_EQ(RichCompareBool(ab_items.get(), ba_items.get(), CompareOp::kEq), 0);  // b: 2 vs 5
  EXPECT_EQ(RichCompareBool(ab_items.get(), abc_items.get(), CompareOp::kLe), 1);
  EXPECT_EQ(RichCompareBool(ab_keys.get(), ab_items.get(), CompareOp::kEq), 0);
  // A list is not set-like: == falls back to identity, < is a TypeError.
  Ref<Object> list = NewList({NewStr("a"), NewStr("b")});
  EXPECT_EQ(RichCompareBool(ab_keys.get(), list.get(), CompareOp::kEq), 0);
  // Values views compare by identity.
  Ref<Object> values = CallMethod(ab.get(), "values", {});
  Ref<Object> same_values = CallMethod(ab.get(), "values", {});
  EXPECT_EQ(RichCompareBool(values.get(), same_values.get(), CompareOp::kEq), 0);
}

TEST_F(DictTest, IterationIsInInsertionOrderAndDetectsChanges) {
  Ref<Object> d = NewDict();
  for (int64_t i : {5, 3, 9}) ASSERT_TRUE(DictSet(d.get(), NewInt(i).get(), NewInt(-i).get()));
  Ref<Object> iterator = GetIter(d.get());
  ASSERT_TRUE(iterator);
  EXPECT_EQ(TypeName(iterator->type()), "dict_keyiterator");
  EXPECT_EQ(GetIter(iterator.get()).get(), iterator.get());
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "3");
  EXPECT_EQ(Show(IterNext(iterator.get())), "5");
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "2");
  EXPECT_EQ(Show(IterNext(iterator.get())), "3");
  EXPECT_EQ(Show(IterNext(iterator.get())), "9");
  EXPECT_FALSE(IterNext(iterator.get()));
  EXPECT_FALSE(ExceptionPending());

  Ref<Object> values = GetIter(CallMethod(d.get(), "values", {}).get());
  EXPECT_EQ(TypeName(values->type()), "dict_valueiterator");
  EXPECT_EQ(Show(IterNext(values.get())), "-5");
  Ref<Object> items = GetIter(CallMethod(d.get(), "items", {}).get());
  EXPECT_EQ(TypeName(items->type()), "dict_itemiterator");
  EXPECT_EQ(Show(IterNext(items.get())), "(5, -5)");

  // A size change, even one undone later, ends the iteration with an error that
  // repeats.
  Ref<Object> changing = GetIter(d.get());
  EXPECT_EQ(Show(IterNext(changing.get())), "5");
  Ref<Object> extra = NewInt(100);
  ASSERT_TRUE(DictSet(d.get(), extra.get(), None()));
  EXPECT_EQ(Method(changing.get(), "__length_hint__"), "0");
  EXPECT_EQ(Show(IterNext(changing.get())),
            "RuntimeError: dictionary changed size during iteration");
  ASSERT_EQ(DictDelete(d.get(), extra.get()), 1);
  EXPECT_EQ(Show(IterNext(changing.get())),
            "RuntimeError: dictionary changed size during iteration");

  // Same size, different keys: caught once more keys appear than were there.
  Ref<Object> swapped = GetIter(d.get());
  EXPECT_EQ(Show(IterNext(swapped.get())), "5");
  Ref<Object> five = NewInt(5), seven = NewInt(7);
  ASSERT_EQ(DictDelete(d.get(), five.get()), 1);
  ASSERT_TRUE(DictSet(d.get(), seven.get(), None()));
  EXPECT_EQ(Show(IterNext(swapped.get())), "3");
  EXPECT_EQ(Show(IterNext(swapped.get())), "9");
  EXPECT_EQ(Show(IterNext(swapped.get())),
            "RuntimeError: dictionary keys changed during iteration");
  EXPECT_FALSE(IterNext(swapped.get()));
  EXPECT_FALSE(ExceptionPending());
  // Changing values is fine.
  Ref<Object> stable = GetIter(d.get());
  EXPECT_EQ(Show(IterNext(stable.get())), "3");
  ASSERT_TRUE(DictSet(d.get(), seven.get(), five.get()));
  EXPECT_EQ(Show(IterNext(stable.get())), "9");
  EXPECT_EQ(Show(IterNext(stable.get())), "7");
  EXPECT_EQ(Show(Call(stable->type(), {})),
            "TypeError: cannot create 'dict_keyiterator' instances");
}

TEST_F(DictTest, SubclassesGetTheirOwnInstancesAndMissing) {
  Ref<HeapType> sub = *HeapType::Create(*Runtime::MainInterpreter(), "Defaulting", {{DictType()}});
  Ref<Object> one = NewInt(1);
  Ref<Object> instance = CallWith(sub.get(), {}, {{"a", one.get()}});
  ASSERT_TRUE(instance) << TakeExceptionAsStatus();
  EXPECT_EQ(instance->type(), sub.get());
  EXPECT_EQ(Show(instance), "{'a': 1}");
  Ref<Object> key = NewStr("xy");
  EXPECT_EQ(Show(GetItem(instance.get(), key.get())), "KeyError: 'xy'");
  // __missing__ (here the list type, so d["xy"] is list("xy")).
  Interpreter& interp = *Runtime::MainInterpreter();
  interp.SetTypeDictEntry(*sub, interp.Intern("__missing__"), Ref<Object>::Borrow(ListType()));
  EXPECT_EQ(Show(GetItem(instance.get(), key.get())), "['x', 'y']");
  EXPECT_EQ(Show(GetItem(instance.get(), NewStr("a").get())), "1");
  EXPECT_TRUE(IsExactly(CallMethod(instance.get(), "copy", {}).get(), WellKnown::kDict));
  EXPECT_EQ(Hash(instance.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'Defaulting'");
}

TEST_F(DictTest, NewDictFromAttrTableHasStrKeysInOrder) {
  Interpreter& interp = *Runtime::MainInterpreter();
  Ref<HeapType> cls = *HeapType::Create(interp, "C", {{WellKnownType(WellKnown::kObject)}});
  interp.SetTypeDictEntry(*cls, interp.Intern("zeta"), NewInt(1));
  interp.SetTypeDictEntry(*cls, interp.Intern("alpha"), NewInt(2));
  Ref<Object> dict = NewDictFromAttrTable(&cls->dict());
  ASSERT_TRUE(dict);
  EXPECT_EQ(Show(dict), "{'zeta': 1, 'alpha': 2}");
  EXPECT_EQ(Show(NewDictFromAttrTable(nullptr)), "{}");
}

TEST_F(DictTest, CyclesAreFreedWhenTheInterpreterIsDestroyed) {
  Interpreter* sub = *Runtime::CreateInterpreter();
  {
    AttachGuard attached(*sub);
    Ref<Object> d = NewDict();
    Ref<Object> key = NewStr("me");
    ASSERT_TRUE(DictSet(d.get(), key.get(), d.get()));  // d["me"] = d
    Ref<Object> keys = CallMethod(d.get(), "keys", {});
    Ref<Object> iterator = GetIter(keys.get());
    Ref<Object> key2 = NewStr("view"), key3 = NewStr("iterator");
    ASSERT_TRUE(DictSet(d.get(), key2.get(), keys.get()));      // d -> view -> d
    ASSERT_TRUE(DictSet(d.get(), key3.get(), iterator.get()));  // d -> iterator -> d
    Ref<Object> list = NewList({d});
    Ref<Object> key4 = NewStr("list");
    ASSERT_TRUE(DictSet(d.get(), key4.get(), list.get()));  // d -> list -> d
  }
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace islet
