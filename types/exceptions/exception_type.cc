// One exception type below BaseException, named by the build: each target in
// this package compiles this file with ISLET_EXCEPTION_NAME and
// ISLET_EXCEPTION_BASE defined (see BUILD). The type lives in an anonymous
// namespace, so the registrations of all of them link side by side.

#include <string_view>

#include "objects/exception.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

constexpr std::string_view kName = ISLET_EXCEPTION_NAME;

// KeyError shows its key as repr: str(KeyError('a')) is "'a'".
Ref<Object> KeyErrorStr(Object* self) {
  std::span<const Ref<Object>> args = TupleItems(static_cast<ExceptionObject*>(self)->args.get());
  if (args.size() == 1) return Repr(args[0].get());
  return Str(static_cast<ExceptionObject*>(self)->args.get());
}

// StopIteration.value: the first argument, or None.
Ref<Object> StopIterationValue(Object* self) {
  std::span<const Ref<Object>> args = TupleItems(static_cast<ExceptionObject*>(self)->args.get());
  return args.empty() ? NoneRef() : args[0];
}

constexpr TypeMember kStopIterationMembers[] = {Getter("value", &StopIterationValue)};

// SystemExit.code: None without arguments, the argument with one, else all of them.
Ref<Object> SystemExitCode(Object* self) {
  Object* args = static_cast<ExceptionObject*>(self)->args.get();
  std::span<const Ref<Object>> items = TupleItems(args);
  if (items.empty()) return NoneRef();
  if (items.size() == 1) return items[0];
  return Ref<Object>::Borrow(args);
}

constexpr TypeMember kSystemExitMembers[] = {Getter("code", &SystemExitCode)};

constexpr TypeSlots Slots() {
  TypeSlots slots;
  if (kName == "KeyError") slots.str = &KeyErrorStr;
  return slots;
}

constexpr std::span<const TypeMember> Members() {
  if (kName == "StopIteration") return kStopIterationMembers;
  if (kName == "SystemExit") return kSystemExitMembers;
  return {};
}

ISLET_BUILTIN_TYPE(
    kExceptionType, ISLET_EXCEPTION_NAME,
    {.base = ISLET_EXCEPTION_BASE, .flags = kTypeBaseType, .slots = Slots(), .members = Members()});

}  // namespace
}  // namespace islet
