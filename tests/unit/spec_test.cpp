#include <boost/test/unit_test.hpp>

#include "vicapi/vim/devices.h"
#include "vicapi/vim/resource_spec.h"
#include "vicapi/vim/vm_spec.h"

using namespace vic;

BOOST_AUTO_TEST_SUITE(specs)

BOOST_AUTO_TEST_CASE(vm_config_spec_follows_wsdl_order_and_omits_unset_fields) {
  vim::VmConfigSpec s;
  s.extraConfig = {{"guestinfo.a", "1"}};
  s.memoryMB = 2048;
  s.name = "vch";
  s.deviceChange.push_back(vim::devices::add(vim::devices::vmxnet3OnNetwork(-1, "VM Network")));
  auto n = s.node("config");
  std::vector<std::string> order;
  for (const auto& c : n.children)
    order.push_back(c.name);
  BOOST_TEST(
      (order == std::vector<std::string>{"name", "memoryMB", "deviceChange", "extraConfig"}));
  BOOST_TEST(n.at("extraConfig").xsiType == "OptionValue");
  BOOST_TEST(n.at("extraConfig").at("value").xsiType == "xsd:string");
  BOOST_TEST(n.at("deviceChange").at("device").xsiType == "VirtualVmxnet3");
}

BOOST_AUTO_TEST_CASE(resource_allocation_round_trips) {
  vim::ResourceAllocation a;
  a.limit = 4000;
  a.reservation = 500;
  a.sharesLevel = "custom";
  a.shares = 1234;
  a.expandableReservation = false;
  BOOST_TEST((vim::ResourceAllocation::from(a.node("cpuAllocation")) == a));
  vim::ResourceAllocation d;
  BOOST_TEST((vim::ResourceAllocation::from(d.node("x")) == d));
}

BOOST_AUTO_TEST_SUITE_END()
