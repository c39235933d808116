// Freezing the static type registry: validation errors name the types involved,
// and the order is a deterministic topological order independent of registration
// (link) order. Uses local registries, never the global one.

#include "runtime/type_registry.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A registry that unfreezes itself, so frozen test registries do not leak.
class LocalRegistry : public TypeRegistry {
 public:
  using TypeRegistry::TypeRegistry;
  ~LocalRegistry() { Unfreeze(); }

  void RegisterAll(const std::vector<StaticType*>& types) {
    for (StaticType* type : types) ASSERT_TRUE(Register(*type).ok()) << type->name();
  }
  std::vector<std::string> Order() const {
    std::vector<std::string> names;
    for (StaticType* type : init_order()) names.emplace_back(type->name());
    return names;
  }
};

StaticType MakeType(const char* name, const char* base, std::array<const char*, 8> deps = {}) {
  return StaticType(name, StaticTypeSpec{.base = base, .deps = deps}, "test.cc", 1);
}

TEST(TypeRegistryTest, OrdersDependenciesFirstAndBreaksTiesByName) {
  StaticType object = MakeType("object", nullptr);
  StaticType str = MakeType("str", "object");
  StaticType integer = MakeType("int", "object", {"str"});
  StaticType boolean = MakeType("bool", "int");
  StaticType tuple = MakeType("tuple", "object");
  LocalRegistry registry;
  registry.RegisterAll({&boolean, &tuple, &integer, &str, &object});
  ASSERT_TRUE(registry.Freeze().ok());
  // int waits for str; bool waits for int; among ready types the smaller name wins.
  EXPECT_THAT(registry.Order(), ElementsAre("object", "str", "int", "bool", "tuple"));
  EXPECT_EQ(registry.Find("int"), &integer);
  EXPECT_EQ(registry.Find("nope"), nullptr);
}

TEST(TypeRegistryTest, ListsTheTypesWithHooksInInitOrder) {
  absl::Status (*init)(Interpreter&) = [](Interpreter&) { return absl::OkStatus(); };
  void (*fini)(Interpreter&) = [](Interpreter&) {};
  StaticType object = MakeType("object", nullptr);
  StaticType with_fini("b_fini", StaticTypeSpec{.fini = fini}, "test.cc", 1);
  StaticType with_init("c_init", StaticTypeSpec{.deps = {"b_fini"}, .init = init}, "test.cc", 1);
  StaticType plain = MakeType("a_plain", "object");
  LocalRegistry registry;
  registry.RegisterAll({&with_init, &plain, &object, &with_fini});
  ASSERT_TRUE(registry.Freeze().ok());
  EXPECT_THAT(registry.Order(), ElementsAre("object", "a_plain", "b_fini", "c_init"));
  EXPECT_THAT(registry.types_with_hooks(), ElementsAre(&with_fini, &with_init));
}

TEST(TypeRegistryTest, OrderDoesNotDependOnRegistrationOrder) {
  std::vector<int> permutation = {0, 1, 2, 3, 4};
  std::vector<std::string> first_order;
  do {
    // A type joins one registry for life, so each registration order gets new ones.
    StaticType object = MakeType("object", nullptr);
    StaticType a = MakeType("a", "object", {"c"});
    StaticType b = MakeType("b", "a");
    StaticType c = MakeType("c", "object");
    StaticType d = MakeType("d", "object", {"b", "c"});
    StaticType* types[] = {&object, &a, &b, &c, &d};
    LocalRegistry registry;
    for (int i : permutation) ASSERT_TRUE(registry.Register(*types[i]).ok());
    ASSERT_TRUE(registry.Freeze().ok());
    if (first_order.empty()) first_order = registry.Order();
    EXPECT_EQ(registry.Order(), first_order);
  } while (std::next_permutation(permutation.begin(), permutation.end()));
  EXPECT_THAT(first_order, ElementsAre("object", "c", "a", "b", "d"));
}

TEST(TypeRegistryTest, RejectsDuplicateNameNamingBothDefinitions) {
  StaticType object = MakeType("object", nullptr);
  StaticType first("int", StaticTypeSpec{}, "types/int/int.cc", 10);
  StaticType second("int", StaticTypeSpec{}, "other/int.cc", 20);
  LocalRegistry registry;
  registry.RegisterAll({&object, &first, &second});
  absl::Status status = registry.Freeze();
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(status.message()), HasSubstr("'int' is registered twice"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("types/int/int.cc:10"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("other/int.cc:20"));
  EXPECT_FALSE(registry.frozen());
}

TEST(TypeRegistryTest, RejectsUnknownDependencyNamingWhoNeedsIt) {
  StaticType object = MakeType("object", nullptr);
  StaticType integer = MakeType("int", "object", {"strr"});
  LocalRegistry registry;
  registry.RegisterAll({&object, &integer});
  absl::Status status = registry.Freeze();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("builtin type 'int' (test.cc:1) depends on unknown type 'strr'"));
}

TEST(TypeRegistryTest, RejectsUnregisteredBase) {
  StaticType object = MakeType("object", nullptr);
  StaticType boolean = MakeType("bool", "intt");
  LocalRegistry registry;
  registry.RegisterAll({&object, &boolean});
  absl::Status status = registry.Freeze();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("'bool' (test.cc:1) has base 'intt', which is not a registered static "
                        "builtin type"));
}

TEST(TypeRegistryTest, RejectsCycleAndPrintsItsPath) {
  StaticType object = MakeType("object", nullptr);
  StaticType a = MakeType("a", "object", {"b"});
  StaticType b = MakeType("b", "object", {"c"});
  StaticType c = MakeType("c", "object", {"a"});
  StaticType blocked = MakeType("d", "a");  // depends on the cycle, not part of it
  LocalRegistry registry;
  registry.RegisterAll({&blocked, &c, &b, &a, &object});
  absl::Status status = registry.Freeze();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(), "builtin types form a dependency cycle: a -> b -> c -> a");
}

TEST(TypeRegistryTest, RejectsCycleThroughBase) {
  StaticType a = MakeType("a", "b");
  StaticType b = MakeType("b", "a");
  LocalRegistry registry;
  registry.RegisterAll({&a, &b});
  EXPECT_EQ(registry.Freeze().message(), "builtin types form a dependency cycle: a -> b -> a");
}

TEST(TypeRegistryTest, RejectsSelfDependency) {
  StaticType object = MakeType("object", nullptr);
  StaticType selfish = MakeType("selfish", "object", {"selfish"});
  LocalRegistry registry;
  registry.RegisterAll({&object, &selfish});
  EXPECT_EQ(registry.Freeze().message(),
            "builtin types form a dependency cycle: selfish -> selfish");
}

TEST(TypeRegistryTest, RejectsMoreTypesThanCapacity) {
  StaticType object = MakeType("object", nullptr);
  StaticType a = MakeType("a", "object");
  StaticType b = MakeType("b", "object");
  LocalRegistry registry(/*capacity=*/2);
  registry.RegisterAll({&object, &a, &b});
  absl::Status status = registry.Freeze();
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(status.message(), "too many builtin types: 3 registered, capacity is 2");
}

TEST(TypeRegistryTest, RegisteringAfterFreezeIsAnError) {
  StaticType object = MakeType("object", nullptr);
  StaticType late = MakeType("late", "object");
  LocalRegistry registry;
  registry.RegisterAll({&object});
  ASSERT_TRUE(registry.Freeze().ok());
  absl::Status status = registry.Register(late);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("cannot register builtin type 'late' (test.cc:1): the registry is frozen"));
  registry.Unfreeze();
  EXPECT_TRUE(registry.Register(late).ok());  // allowed again once unfrozen
  ASSERT_TRUE(registry.Freeze().ok());
  EXPECT_THAT(registry.Order(), ElementsAre("object", "late"));
}

TEST(TypeRegistryTest, RegisteringTheSameTypeTwiceIsAnError) {
  StaticType object = MakeType("object", nullptr);
  LocalRegistry registry;
  ASSERT_TRUE(registry.Register(object).ok());
  EXPECT_EQ(registry.Register(object).code(), absl::StatusCode::kAlreadyExists);
}

TEST(TypeRegistryTest, FailedFreezeCanBeRetriedAfterNothingChanged) {
  StaticType a = MakeType("a", "b");
  StaticType b = MakeType("b", "a");
  LocalRegistry registry;
  registry.RegisterAll({&a, &b});
  EXPECT_FALSE(registry.Freeze().ok());
  EXPECT_FALSE(registry.frozen());
  EXPECT_TRUE(registry.init_order().empty());
  EXPECT_FALSE(registry.Freeze().ok());  // same graph, same verdict
}

}  // namespace
}  // namespace islet
