#include <boost/test/unit_test.hpp>

#include "tests/support/simulator_fixture.h"
#include "vicapi/base/error.h"
#include "vicapi/vim/finder.h"

using namespace vic;
using vim::Kind;

BOOST_AUTO_TEST_SUITE(finder, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(inventory_snapshot_has_paths_and_details) {
  auto c = test::loggedInClient();
  const auto before = c->roundTrips();
  auto inv = vim::Inventory::load(*c);
  BOOST_TEST(c->roundTrips() - before == 3u);
  auto dcs = inv.ofType("Datacenter");
  BOOST_REQUIRE(dcs.size() == 1u);
  BOOST_TEST(inv.path(dcs[0]->ref) == "/DC0");
  auto ds = inv.ofType("Datastore");
  BOOST_REQUIRE(ds.size() == 1u);
  BOOST_TEST(inv.path(ds[0]->ref) == "/DC0/datastore/LocalDS_0");
  BOOST_TEST(ds[0]->capacity > 0);
  BOOST_TEST(ds[0]->freeSpace > 0);
  auto pgs = inv.ofType("DistributedVirtualPortgroup");
  BOOST_REQUIRE(!pgs.empty());
  BOOST_TEST(!pgs[0]->portgroupKey.empty());
  BOOST_TEST(inv.get(pgs[0]->distributedSwitch)->switchUuid.size() > 10u);
  for (auto* vm : inv.ofType("VirtualMachine"))
    BOOST_TEST(vm->powerState == "poweredOn");
  BOOST_TEST(inv.ofType("HostSystem").size() == 4u);
}

BOOST_AUTO_TEST_CASE(resolves_paths_names_and_references) {
  auto c = test::loggedInClient();
  vim::Finder f(*c);
  auto dc = f.datacenter();
  BOOST_TEST(dc.type == "Datacenter");
  auto cluster = f.find(Kind::Compute, "DC0_C0", dc);
  BOOST_TEST(cluster.type == "ClusterComputeResource");
  BOOST_TEST(f.find(Kind::Compute, "/DC0/host/DC0_C0", std::nullopt) == cluster);
  BOOST_TEST(f.find(Kind::Compute, cluster.str(), dc) == cluster);
  BOOST_TEST(f.find(Kind::Compute, "DC0_C0/Resources", dc).type == "ResourcePool");
  BOOST_TEST(f.find(Kind::Datastore, "LocalDS_0", dc).type == "Datastore");
  BOOST_TEST(f.find(Kind::Network, "VM Network", dc).type == "Network");
  BOOST_TEST(f.find(Kind::Network, "DC0_DVPG0", dc).type == "DistributedVirtualPortgroup");
  BOOST_TEST(f.find(Kind::Host, "DC0_C0_H1", dc).type == "HostSystem");
}

BOOST_AUTO_TEST_CASE(errors_say_what_exists_or_what_is_ambiguous) {
  auto c = test::loggedInClient();
  vim::Finder f(*c);
  auto dc = f.datacenter();
  try {
    f.find(Kind::Datastore, "NoSuchDS", dc);
    BOOST_FAIL("should not be found");
  } catch (const NotFoundError& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("NoSuchDS") != std::string::npos);
    BOOST_TEST(what.find("LocalDS_0") != std::string::npos);
  }
  // Both compute resources have a pool called "Resources".
  try {
    f.find(Kind::ResourcePool, "Resources", dc);
    BOOST_FAIL("should be ambiguous");
  } catch (const UsageError& e) {
    BOOST_TEST(std::string(e.what()).find("/DC0/host/DC0_C0/Resources") != std::string::npos);
  }
  BOOST_CHECK_THROW(f.find(Kind::Datastore, "/DC0/host/DC0_C0", std::nullopt), UsageError);
  BOOST_CHECK_THROW(f.find(Kind::Compute, "ClusterComputeResource:domain-c999", dc), NotFoundError);
}

BOOST_AUTO_TEST_SUITE_END()
