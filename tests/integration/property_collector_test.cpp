#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "tests/support/simulator_fixture.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/view.h"

using namespace vic;

BOOST_AUTO_TEST_SUITE(property_collector, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(retrieve_follows_continuation_tokens) {
  auto c = test::loggedInClient();
  vim::ContainerView view(*c, c->serviceContent().rootFolder, {"VirtualMachine"});
  vim::PropertyCollector pc(*c);
  const auto before = c->roundTrips();
  auto vms = pc.retrieve({{"VirtualMachine", {"name"}}}, {view.objectSpec()}, false, 1);
  // One RetrievePropertiesEx and three ContinueRetrievePropertiesEx for 4 VMs.
  BOOST_TEST(c->roundTrips() - before == 4u);
  std::set<std::string> names;
  for (const auto& vm : vms)
    names.insert(vm.text("name"));
  BOOST_TEST((names == std::set<std::string>{"DC0_H0_VM0", "DC0_H0_VM1", "DC0_C0_RP0_VM0",
                                             "DC0_C0_RP0_VM1"}));
}

BOOST_AUTO_TEST_CASE(streamed_retrieval_follows_continuation_tokens_too) {
  auto c = test::loggedInClient();
  vim::ContainerView view(*c, c->serviceContent().rootFolder, {"VirtualMachine"});
  const auto before = c->roundTrips();
  std::set<std::string> names;
  vim::PropertyCollector(*c).retrieveEach(
      {{"VirtualMachine", {"name"}}}, {view.objectSpec()},
      [&](vim::ObjectContent&& vm) { names.insert(vm.text("name")); }, 1);
  BOOST_TEST(c->roundTrips() - before == 4u);
  BOOST_TEST((names == std::set<std::string>{"DC0_H0_VM0", "DC0_H0_VM1", "DC0_C0_RP0_VM0",
                                             "DC0_C0_RP0_VM1"}));
}

BOOST_AUTO_TEST_CASE(nested_and_typed_values_are_readable) {
  auto c = test::loggedInClient();
  auto vms = vim::retrieveFromContainer(
      *c, c->serviceContent().rootFolder,
      {{"VirtualMachine", {"name", "runtime.powerState", "config.extraConfig", "parent"}}});
  BOOST_REQUIRE(!vms.empty());
  const auto& vm = vms.front();
  BOOST_TEST(vm.text("runtime.powerState") == "poweredOn");
  BOOST_TEST(vm.prop("runtime.powerState")->xsiType == "VirtualMachinePowerState");
  BOOST_TEST(vm.prop("parent")->typeAttr == "Folder");
  const auto* extra = vm.prop("config.extraConfig");
  BOOST_REQUIRE(extra);
  BOOST_TEST(extra->xsiType == "ArrayOfOptionValue");
  BOOST_TEST(extra->children.at(0).textOf("key") == "govcsim");
}

BOOST_AUTO_TEST_CASE(a_destroyed_view_is_gone) {
  auto c = test::loggedInClient();
  vim::Moref ref;
  {
    vim::ContainerView view(*c, c->serviceContent().rootFolder, {"Datastore"});
    ref = view.ref();
    auto ds = vim::PropertyCollector(*c).retrieve({{"Datastore", {"name"}}}, {view.objectSpec()});
    BOOST_TEST(ds.size() == 1u);
  }
  BOOST_CHECK_THROW(vim::PropertyCollector(*c).retrieveOne(ref, {"view"}), VimFault);
}

BOOST_AUTO_TEST_CASE(an_unknown_view_type_is_invalid_argument) {
  auto c = test::loggedInClient();
  BOOST_CHECK_THROW(vim::ContainerView(*c, c->serviceContent().rootFolder, {"NoSuchType"}),
                    InvalidArgumentFault);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(thousand_vms, *boost::unit_test::fixture<test::VcsimThousandVms>())

BOOST_AUTO_TEST_CASE(name_power_state_and_extra_config_of_1000_vms_in_three_round_trips) {
  auto c = test::loggedInClient();
  const auto before = c->roundTrips();
  auto vms = vim::retrieveFromContainer(
      *c, c->serviceContent().rootFolder,
      {{"VirtualMachine", {"name", "runtime.powerState", "config.extraConfig"}}});
  BOOST_TEST(c->roundTrips() - before <= 3u);
  BOOST_TEST(vms.size() == 1000u);
  std::set<std::string> names;
  for (const auto& vm : vms) {
    names.insert(vm.text("name"));
    BOOST_TEST_REQUIRE(vm.prop("config.extraConfig") != nullptr);
  }
  BOOST_TEST(names.size() == 1000u);
}

BOOST_AUTO_TEST_CASE(streamed_1000_vms_match_the_whole_answer) {
  auto c = test::loggedInClient();
  const std::vector<vim::PropertySpec> props{{"VirtualMachine", {"name", "config.extraConfig"}}};
  std::map<std::string, std::size_t> whole, streamed;
  for (const auto& vm : vim::retrieveFromContainer(*c, c->serviceContent().rootFolder, props))
    whole[vm.text("name")] = vm.prop("config.extraConfig")->children.size();
  const auto before = c->roundTrips();
  vim::retrieveEachFromContainer(
      *c, c->serviceContent().rootFolder, props, [&](vim::ObjectContent&& vm) {
        streamed[vm.text("name")] = vm.prop("config.extraConfig")->children.size();
      });
  BOOST_TEST(c->roundTrips() - before <= 3u);
  BOOST_TEST(streamed.size() == 1000u);
  BOOST_TEST((streamed == whole));
}

BOOST_AUTO_TEST_SUITE_END()
