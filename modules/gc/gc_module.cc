// The `gc` module, CPython 3.14's functions over this interpreter's cycle
// collector (interp/collector.h):
//
//   import gc
//   gc.collect()              # a full collection: the number of unreachable objects found
//   gc.disable(); gc.enable(); gc.isenabled()
//   gc.get_count(); gc.get_threshold(); gc.set_threshold(2000, 10, 10)
//   gc.get_objects(); gc.is_tracked([]); gc.is_finalized(obj)
//   gc.freeze(); gc.unfreeze(); gc.get_freeze_count()
//   gc.callbacks.append(f)    # f("start" / "stop", {"generation": ..., ...})
//
// gc.garbage stays empty: it holds the uncollectable objects of legacy (tp_del)
// finalizers, which islet does not have. Each interpreter has its own collector,
// so all of these act on the calling interpreter only.

#include <climits>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "interp/collector.h"
#include "interp/interpreter.h"
#include "interp/object_list.h"
#include "modules/native_module.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/unraisable.h"
#include "runtime/runtime_hook.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

Collector& TheCollector() { return Interpreter::Current()->collector(); }

// An int argument that must fit a C int, with CPython's messages for one
// parsed by "i" (set_threshold) or by _PyLong_AsInt (collect).
std::optional<int> IntArgument(Object* value, std::string_view too_large) {
  std::optional<int64_t> wide = IndexAsInt64(value, WellKnown::kOverflowError, too_large);
  if (!wide) return std::nullopt;
  if (*wide > INT_MAX || *wide < INT_MIN) {
    if (too_large == "Python int too large to convert to C int") {
      Raise(WellKnown::kOverflowError, too_large);
    } else {
      Raise(WellKnown::kOverflowError, *wide > INT_MAX ? "signed integer is greater than maximum"
                                                       : "signed integer is less than minimum");
    }
    return std::nullopt;
  }
  return static_cast<int>(*wide);
}

// collect(generation=2): the number of unreachable objects found.
Ref<Object> GcCollect(Object*, const CallArgs& args) {
  Object* generation_arg = nullptr;
  if (!BindArgs(args, {.function = "collect", .names = {"generation"}}, {&generation_arg, 1})) {
    return nullptr;
  }
  int generation = Collector::kGenerations - 1;
  if (generation_arg != nullptr) {
    std::optional<int> value =
        IntArgument(generation_arg, "Python int too large to convert to C int");
    if (!value) return nullptr;
    if (*value < 0 || *value >= Collector::kGenerations) {
      return Raise(WellKnown::kValueError, "invalid generation");
    }
    generation = *value;
  }
  return NewInt(TheCollector().Collect(generation));
}

Ref<Object> GcEnable(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "gc.enable")) return nullptr;
  TheCollector().set_enabled(true);
  return NoneRef();
}

Ref<Object> GcDisable(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "gc.disable")) return nullptr;
  TheCollector().set_enabled(false);
  return NoneRef();
}

Ref<Object> GcIsEnabled(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "gc.isenabled")) return nullptr;
  return BoolRef(TheCollector().enabled());
}

Ref<Object> GcGetCount(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "gc.get_count")) return nullptr;
  const Collector& collector = TheCollector();
  Ref<Object> c0 = NewInt(collector.count(0)), c1 = NewInt(collector.count(1)),
              c2 = NewInt(collector.count(2));
  return NewTuple({c0.get(), c1.get(), c2.get()});
}

Ref<Object> GcGetThreshold(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "gc.get_threshold")) return nullptr;
  const Collector& collector = TheCollector();
  Ref<Object> t0 = NewInt(collector.threshold(0)), t1 = NewInt(collector.threshold(1)),
              t2 = NewInt(collector.threshold(2));
  return NewTuple({t0.get(), t1.get(), t2.get()});
}

// set_threshold(threshold0, [threshold1, [threshold2]]); those not given keep
// their values.
Ref<Object> GcSetThreshold(Object*, const CallArgs& args) {
  if (!CheckNoKeywords(args, "set_threshold")) return nullptr;
  if (args.args.empty() || args.args.size() > static_cast<size_t>(Collector::kGenerations)) {
    return Raise(WellKnown::kTypeError, "gc.set_threshold requires 1 to 3 arguments");
  }
  Collector& collector = TheCollector();
  int thresholds[Collector::kGenerations];
  for (int g = 0; g < Collector::kGenerations; ++g) {
    thresholds[g] = collector.threshold(g);
    if (static_cast<size_t>(g) >= args.args.size()) continue;
    std::optional<int> value =
        IntArgument(args.args[g], "Python int too large to convert to C long");
    if (!value) return nullptr;
    thresholds[g] = *value;
  }
  collector.set_thresholds(thresholds[0], thresholds[1], thresholds[2]);
  return NoneRef();
}

// get_objects(generation=None): the tracked objects of one generation, or of
// all (None or -1); not the frozen ones.
Ref<Object> GcGetObjects(Object*, const CallArgs& args) {
  Object* generation_arg = nullptr;
  if (!BindArgs(args, {.function = "get_objects", .names = {"generation"}}, {&generation_arg, 1})) {
    return nullptr;
  }
  int generation = -1;
  if (generation_arg != nullptr && generation_arg != None()) {
    if (!IsIndexable(generation_arg)) {
      return Raise(WellKnown::kTypeError, StrCat("argument should be integer or None, not '",
                                                 TypeDisplayName(generation_arg->type()), "'"));
    }
    std::optional<int64_t> value = IndexAsInt64(generation_arg, WellKnown::kOverflowError,
                                                "cannot fit 'int' into an index-sized integer");
    if (!value) return nullptr;
    if (*value >= Collector::kGenerations) {
      return Raise(WellKnown::kValueError,
                   StrCat("generation parameter must be less than the number of available "
                          "generations (",
                          Collector::kGenerations, ")"));
    }
    if (*value < -1)
      return Raise(WellKnown::kValueError, "generation parameter cannot be negative");
    generation = static_cast<int>(*value);
  }
  std::vector<Ref<Object>> objects;
  TheCollector().ForEachObject(
      generation, [&objects](Object* o) { objects.push_back(Ref<Object>::Borrow(o)); });
  return NewList(std::move(objects));
}

// Immortal objects are never tracked; a mortal one is if its type has a
// traverse slot.
Ref<Object> GcIsTracked(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "gc.is_tracked")) return nullptr;
  Object* object = args.args[0];
  return BoolRef(!object->IsImmortal() && object->type()->slots().traverse != nullptr);
}

Ref<Object> GcIsFinalized(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "gc.is_finalized")) return nullptr;
  return BoolRef(ObjectList::IsFinalized(args.args[0]));
}

Ref<Object> GcFreeze(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "gc.freeze")) return nullptr;
  TheCollector().Freeze();
  return NoneRef();
}

Ref<Object> GcUnfreeze(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "gc.unfreeze")) return nullptr;
  TheCollector().Unfreeze();
  return NoneRef();
}

Ref<Object> GcGetFreezeCount(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "gc.get_freeze_count")) return nullptr;
  return NewInt(static_cast<int64_t>(TheCollector().FreezeCount()));
}

constexpr TypeMember kFunctions[] = {
    StaticMethod("collect", &GcCollect),
    StaticMethod("enable", &GcEnable),
    StaticMethod("disable", &GcDisable),
    StaticMethod("isenabled", &GcIsEnabled),
    StaticMethod("get_count", &GcGetCount),
    StaticMethod("get_threshold", &GcGetThreshold),
    StaticMethod("set_threshold", &GcSetThreshold),
    StaticMethod("get_objects", &GcGetObjects),
    StaticMethod("is_tracked", &GcIsTracked),
    StaticMethod("is_finalized", &GcIsFinalized),
    StaticMethod("freeze", &GcFreeze),
    StaticMethod("unfreeze", &GcUnfreeze),
    StaticMethod("get_freeze_count", &GcGetFreezeCount),
};

// gc.callbacks is the interpreter's list, made by the first import; rebinding
// the module attribute does not change which list the collector calls.
bool FillGc(Object* module) {
  Collector& collector = TheCollector();
  if (collector.callbacks() == nullptr) collector.set_callbacks(NewList());
  return SetModuleAttr(module, "callbacks", Ref<Object>::Borrow(collector.callbacks())) &&
         SetModuleAttr(module, "garbage", NewList()) && AddModuleFunctions(module, kFunctions);
}

// The CollectionCallbackRunner: callback(phase, info) for each callback, in the
// list's order as it is then (a callback may change it); a failure is reported
// and the others still run.
void RunCallbacks(Object* callbacks, std::string_view phase, const CollectionStats& stats) {
  if (ListItems(callbacks).empty()) return;
  Ref<Object> info = NewDict();
  const std::pair<std::string_view, int64_t> fields[] = {{"generation", stats.generation},
                                                         {"collected", stats.collected},
                                                         {"uncollectable", stats.uncollectable}};
  for (const auto& [key, value] : fields) {
    if (!DictSet(info.get(), NewStr(key).get(), NewInt(value).get())) {
      ReportUnraisable("while invoking gc callbacks", callbacks);
      return;
    }
  }
  Ref<Object> phase_text = NewStr(phase);
  for (size_t i = 0; i < ListItems(callbacks).size(); ++i) {
    Ref<Object> callback = ListItems(callbacks)[i];
    if (!Call(callback.get(), {phase_text.get(), info.get()})) {
      ReportUnraisable("while calling GC callback", callback.get());
    }
  }
}

absl::Status InstallCallbackRunner() {
  SetCollectionCallbackRunner(&RunCallbacks);
  return absl::OkStatus();
}

void RemoveCallbackRunner() { SetCollectionCallbackRunner(nullptr); }

}  // namespace

ISLET_NATIVE_MODULE(kGcModule, "gc", &FillGc);
ISLET_RUNTIME_HOOK(kGcCallbacksHook, "modules.gc", &InstallCallbackRunner, &RemoveCallbackRunner);

}  // namespace islet
