#include "tests/testing/test_types.h"

#include <map>
#include <mutex>

#include "absl/status/status.h"

namespace islet::testing {
namespace {

std::mutex hook_log_mutex;
std::map<int64_t, std::vector<std::string>>& HookEvents() {
  static auto* events = new std::map<int64_t, std::vector<std::string>>();
  return *events;
}

template <const char* kName>
absl::Status RecordInit(Interpreter& interp) {
  HookLog::Record(interp.id(), std::string("init ") + kName);
  return absl::OkStatus();
}

template <const char* kName>
void RecordFini(Interpreter& interp) {
  HookLog::Record(interp.id(), std::string("fini ") + kName);
}

constexpr char kZeta[] = "test_zeta";
constexpr char kAlpha[] = "test_alpha";
constexpr char kBeta[] = "test_beta";

}  // namespace

ISLET_BUILTIN_TYPE(kNodeType, "test_node",
                   {.flags = kTypeBaseType,
                    .slots = SlotsFor<NodeObject>(&NodeObject::Clear, &NodeObject::Traverse)});
ISLET_BUILTIN_TYPE(kWeakRefType, "test_weakref",
                   {.flags = kTypeBaseType,
                    .slots = SlotsFor<WeakRefObject>(&WeakRefObject::Clear,
                                                     &WeakRefObject::Traverse)});
ISLET_BUILTIN_TYPE(kZetaType, kZeta, {.init = &RecordInit<kZeta>, .fini = &RecordFini<kZeta>});
ISLET_BUILTIN_TYPE(kAlphaType, kAlpha,
                   {.deps = {kZeta},
                    .flags = kTypeBaseType,
                    .init = &RecordInit<kAlpha>,
                    .fini = &RecordFini<kAlpha>});
ISLET_BUILTIN_TYPE(kBetaType, kBeta,
                   {.base = kAlpha, .init = &RecordInit<kBeta>, .fini = &RecordFini<kBeta>});

Ref<WeakRefObject> NewWeakRefToStaticType(Interpreter& interp, TypeObject& referent,
                                          Ref<Object> callback) {
  Ref<WeakRefObject> ref =
      interp.NewObject<WeakRefObject>(&kWeakRefType, &referent, std::move(callback));
  interp.StateOf(referent).weakrefs().Add(ref.get());
  return ref;
}

void HookLog::Record(int64_t interp_id, std::string event) {
  std::lock_guard<std::mutex> lock(hook_log_mutex);
  HookEvents()[interp_id].push_back(std::move(event));
}

std::vector<std::string> HookLog::Take(int64_t interp_id) {
  std::lock_guard<std::mutex> lock(hook_log_mutex);
  std::vector<std::string> events = std::move(HookEvents()[interp_id]);
  HookEvents().erase(interp_id);
  return events;
}

void HookLog::Clear() {
  std::lock_guard<std::mutex> lock(hook_log_mutex);
  HookEvents().clear();
}

}  // namespace islet::testing
