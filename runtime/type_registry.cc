#include "runtime/type_registry.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <queue>
#include <string>
#include <type_traits>

#include "runtime/str_cat.h"

namespace islet {
namespace {

constinit TypeRegistry global_registry;
static_assert(std::is_trivially_destructible_v<TypeRegistry>);

// `sorted` is ordered by name: the first type whose name is not below `name`.
std::vector<StaticType*>::const_iterator LowerBoundByName(const std::vector<StaticType*>& sorted,
                                                          std::string_view name) {
  return std::lower_bound(sorted.begin(), sorted.end(), name,
                          [](const StaticType* a, std::string_view n) { return a->name() < n; });
}

StaticType* FindByName(const std::vector<StaticType*>& sorted, std::string_view name) {
  auto it = LowerBoundByName(sorted, name);
  return it != sorted.end() && (*it)->name() == name ? *it : nullptr;
}

std::string Where(const StaticType& type) { return StrCat(type.file(), ":", type.line()); }

// The registered types `type` depends on: its base, then its deps, in spec order.
// Only valid once every name has been checked to resolve.
std::vector<StaticType*> Dependencies(const StaticType& type,
                                      const std::function<StaticType*(std::string_view)>& find) {
  std::vector<StaticType*> result;
  if (type.spec().base != nullptr) result.push_back(find(type.spec().base));
  for (const char* dep : type.spec().deps) {
    if (dep != nullptr) result.push_back(find(dep));
  }
  return result;
}

// Given the types left over after a topological sort (each still has an unsorted
// dependency), walks dependencies from the smallest name until one repeats and
// returns the cycle it closed: "a -> b -> c -> a".
std::string DescribeCycle(const std::vector<StaticType*>& leftover,
                          const std::function<StaticType*(std::string_view)>& find) {
  auto is_leftover = [&](StaticType* type) {
    return std::find(leftover.begin(), leftover.end(), type) != leftover.end();
  };
  std::vector<StaticType*> path = {leftover.front()};  // leftover is sorted by name
  while (true) {
    StaticType* next = nullptr;
    for (StaticType* dep : Dependencies(*path.back(), find)) {
      if (is_leftover(dep) && (next == nullptr || dep->name() < next->name())) next = dep;
    }
    auto seen = std::find(path.begin(), path.end(), next);
    if (seen != path.end()) {
      std::vector<std::string_view> names;
      for (auto it = seen; it != path.end(); ++it) names.push_back((*it)->name());
      names.push_back(next->name());
      return StrJoin(names, " -> ");
    }
    path.push_back(next);
  }
}

}  // namespace

TypeRegistry& TypeRegistry::Global() { return global_registry; }

absl::Status TypeRegistry::Register(StaticType& type) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (frozen_ != nullptr) {
    return absl::FailedPreconditionError(
        StrCat("cannot register builtin type '", type.name(), "' (", Where(type),
               "): the registry is frozen; types register before Runtime::Initialize"));
  }
  if (type.registered_) {
    return absl::AlreadyExistsError(
        StrCat("builtin type '", type.name(), "' (", Where(type), ") is already registered"));
  }
  type.registered_ = true;
  type.next_registered_ = first_registered_;
  first_registered_ = &type;
  return absl::OkStatus();
}

absl::Status TypeRegistry::Freeze() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (frozen_ != nullptr)
    return absl::FailedPreconditionError("the type registry is already frozen");

  std::vector<StaticType*> by_name;
  for (StaticType* type = first_registered_; type != nullptr; type = type->next_registered_) {
    by_name.push_back(type);
  }
  // Checked in every build: the per-interpreter arrays and the version-tag ranges
  // are sized from the capacity.
  if (by_name.size() > capacity_) {
    return absl::ResourceExhaustedError(
        StrCat("too many builtin types: ", by_name.size(), " registered, capacity is ", capacity_));
  }
  std::sort(by_name.begin(), by_name.end(),
            [](const StaticType* a, const StaticType* b) { return a->name() < b->name(); });
  for (size_t i = 1; i < by_name.size(); ++i) {
    if (by_name[i - 1]->name() == by_name[i]->name()) {
      return absl::AlreadyExistsError(StrCat("builtin type '", by_name[i]->name(),
                                             "' is registered twice: at ", Where(*by_name[i - 1]),
                                             " and at ", Where(*by_name[i])));
    }
  }

  auto find = [&by_name](std::string_view name) { return FindByName(by_name, name); };
  for (StaticType* type : by_name) {
    const char* base = type->spec().base;
    if (base != nullptr && find(base) == nullptr) {
      return absl::NotFoundError(StrCat("builtin type '", type->name(), "' (", Where(*type),
                                        ") has base '", base,
                                        "', which is not a registered static builtin type"));
    }
    for (const char* dep : type->spec().deps) {
      if (dep != nullptr && find(dep) == nullptr) {
        return absl::NotFoundError(StrCat("builtin type '", type->name(), "' (", Where(*type),
                                          ") depends on unknown type '", dep, "'"));
      }
    }
  }

  // Kahn's algorithm; the ready set is a min-heap by name so ties break by name.
  std::vector<size_t> unmet(by_name.size(), 0);
  std::vector<std::vector<size_t>> dependents(by_name.size());
  auto index_of = [&](const StaticType* type) {
    return static_cast<size_t>(LowerBoundByName(by_name, type->name()) - by_name.begin());
  };
  for (size_t i = 0; i < by_name.size(); ++i) {
    for (StaticType* dep : Dependencies(*by_name[i], find)) {
      ++unmet[i];
      dependents[index_of(dep)].push_back(i);
    }
  }
  // by_name is sorted, so the smallest index is the smallest name.
  std::priority_queue<size_t, std::vector<size_t>, std::greater<size_t>> ready;
  for (size_t i = 0; i < by_name.size(); ++i) {
    if (unmet[i] == 0) ready.push(i);
  }
  auto frozen = std::make_unique<Frozen>();
  while (!ready.empty()) {
    size_t next = ready.top();
    ready.pop();
    frozen->init_order.push_back(by_name[next]);
    for (size_t dependent : dependents[next]) {
      if (--unmet[dependent] == 0) ready.push(dependent);
    }
  }
  if (frozen->init_order.size() != by_name.size()) {
    std::vector<StaticType*> leftover;
    for (size_t i = 0; i < by_name.size(); ++i) {
      if (unmet[i] != 0) leftover.push_back(by_name[i]);
    }
    return absl::FailedPreconditionError(
        StrCat("builtin types form a dependency cycle: ", DescribeCycle(leftover, find)));
  }
  for (StaticType* type : frozen->init_order) {
    if (type->spec().init != nullptr || type->spec().fini != nullptr) {
      frozen->with_hooks.push_back(type);
    }
  }
  frozen->by_name = std::move(by_name);
  frozen_ = frozen.release();
  return absl::OkStatus();
}

void TypeRegistry::Unfreeze() {
  std::lock_guard<std::mutex> lock(mutex_);
  delete frozen_;
  frozen_ = nullptr;
}

std::span<StaticType* const> TypeRegistry::init_order() const {
  if (frozen_ == nullptr) return {};
  return frozen_->init_order;
}

std::span<StaticType* const> TypeRegistry::types_with_hooks() const {
  if (frozen_ == nullptr) return {};
  return frozen_->with_hooks;
}

StaticType* TypeRegistry::Find(std::string_view name) const {
  if (frozen_ == nullptr) return nullptr;
  return FindByName(frozen_->by_name, name);
}

StaticTypeRegistrar::StaticTypeRegistrar(StaticType& type) {
  absl::Status status = TypeRegistry::Global().Register(type);
  if (!status.ok()) std::fprintf(stderr, "islet: %s\n", std::string(status.message()).c_str());
}

}  // namespace islet
