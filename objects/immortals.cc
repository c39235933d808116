#include "objects/immortals.h"

#include <array>
#include <utility>

#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"

namespace islet {
namespace {

class SingletonObject : public Object {
 public:
  constexpr SingletonObject() : Object(ImmortalTag{}) {}
};

constinit SingletonObject none_object;
constinit SingletonObject not_implemented_object;
constinit SingletonObject ellipsis_object;
constinit IntObject true_object(Object::ImmortalTag{}, 1);
constinit IntObject false_object(Object::ImmortalTag{}, 0);

constexpr size_t kSmallIntCount = kSmallIntMax - kSmallIntMin + 1;

template <size_t... I>
constexpr std::array<IntObject, kSmallIntCount> MakeSmallInts(std::index_sequence<I...>) {
  return {IntObject(Object::ImmortalTag{}, static_cast<int64_t>(I) + kSmallIntMin)...};
}
constinit std::array<IntObject, kSmallIntCount> small_ints =
    MakeSmallInts(std::make_index_sequence<kSmallIntCount>());

// Clang before 15 cannot constant-evaluate libstdc++ 12's empty std::string (the
// fuzzing build, tools/fuzz.sh): there the empty str is initialized before main
// instead, which is as good, since nothing reads it before Runtime::Initialize.
#if defined(__clang__) && __clang_major__ < 15 && defined(_GLIBCXX_RELEASE)
StrObject empty_str(Object::ImmortalTag{});
#else
constinit StrObject empty_str(Object::ImmortalTag{});
#endif
constinit TupleObject empty_tuple(Object::ImmortalTag{});

}  // namespace

Object* None() { return &none_object; }
Object* NotImplemented() { return &not_implemented_object; }
Object* Ellipsis() { return &ellipsis_object; }
Object* True() { return &true_object; }
Object* False() { return &false_object; }

IntObject* SmallInt(int64_t value) {
  return &small_ints[static_cast<size_t>(value - kSmallIntMin)];
}
StrObject* EmptyStr() { return &empty_str; }
TupleObject* EmptyTuple() { return &empty_tuple; }

// Immortals whose type is not linked keep a null type; nothing can create or
// reach them without that type's module.
void ReadyImmortals() {
  Object::ReadyImmortal(none_object, WellKnownType(WellKnown::kNoneType));
  Object::ReadyImmortal(not_implemented_object, WellKnownType(WellKnown::kNotImplementedType));
  Object::ReadyImmortal(ellipsis_object, WellKnownType(WellKnown::kEllipsisType));
  Object::ReadyImmortal(true_object, WellKnownType(WellKnown::kBool));
  Object::ReadyImmortal(false_object, WellKnownType(WellKnown::kBool));
  for (IntObject& small : small_ints) Object::ReadyImmortal(small, WellKnownType(WellKnown::kInt));
  Object::ReadyImmortal(empty_str, WellKnownType(WellKnown::kStr));
  empty_str.cached_hash = 0;  // hash('') == 0, as in CPython
  Object::ReadyImmortal(empty_tuple, WellKnownType(WellKnown::kTuple));
}

}  // namespace islet
