#include <boost/test/unit_test.hpp>

#include "vicapi/engine/upgrade_status.h"
#include "vicapi/engine/validate/host_requirements.h"
#include "vicapi/engine/validate/ipv4.h"
#include "vicapi/engine/validate/vm_group_rule.h"

using namespace vic::engine;

BOOST_AUTO_TEST_SUITE(engine_rules)

BOOST_AUTO_TEST_CASE(ipv4_cidrs_and_ranges) {
  auto c = parseCidr("10.1.2.3/16");
  BOOST_REQUIRE(c);
  BOOST_TEST(formatIpv4(c->network()) == "10.1.0.0");
  BOOST_TEST(formatIpv4(c->broadcast()) == "10.1.255.255");
  BOOST_TEST(!parseCidr("10.1.2.3"));
  BOOST_TEST(!parseCidr("10.1.2.3/33"));
  BOOST_TEST(!parseCidr("10.1.2/8"));
  auto r = parseIpRange("10.0.0.10-10.0.0.20");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->contains(*parseIpv4("10.0.0.15")));
  BOOST_TEST(!parseIpRange("10.0.0.20-10.0.0.10"));
  BOOST_TEST(parseCidr("172.16.0.0/12")->range().overlaps(parseCidr("172.20.0.0/16")->range()));
  BOOST_TEST(!parseCidr("172.16.0.0/12")->range().overlaps(parseCidr("172.32.0.0/16")->range()));
}

BOOST_AUTO_TEST_CASE(license_features_a_vch_needs) {
  BOOST_TEST(missingLicenseFeatures({"serialuri:2", "dvs"}, true).empty());
  BOOST_TEST((missingLicenseFeatures({"dvs"}, true) == std::vector<std::string>{"serialuri"}));
  BOOST_TEST((missingLicenseFeatures({"serialuri"}, true) == std::vector<std::string>{"dvs"}));
  BOOST_TEST(missingLicenseFeatures({"serialuri"}, false).empty());  // ESXi needs no dvs
  BOOST_TEST(missingLicenseFeatures({}, false).size() == 1u);
}

BOOST_AUTO_TEST_CASE(firewall_outbound_2377) {
  FirewallRule any{0, 65535, "outbound", "dst", "tcp"};
  FirewallInfo fw;
  fw.outgoingBlocked = true;
  fw.rulesets.push_back({"vSPC", false, {any}, true, {}, {}});
  BOOST_TEST(!allowsOutbound(fw, 2377, std::nullopt));
  fw.rulesets[0].enabled = true;
  BOOST_TEST(allowsOutbound(fw, 2377, std::nullopt));
  // Limited to some addresses: only a known address inside them passes.
  fw.rulesets[0].allIp = false;
  fw.rulesets[0].ipNetworks = {"10.0.0.0/8"};
  BOOST_TEST(!allowsOutbound(fw, 2377, std::nullopt));
  BOOST_TEST(allowsOutbound(fw, 2377, parseIpv4("10.1.1.1")));
  BOOST_TEST(!allowsOutbound(fw, 2377, parseIpv4("192.168.1.1")));
  // A rule for other ports or directions does not help.
  fw.rulesets = {{"web",
                  true,
                  {{80, 80, "outbound", "dst", "tcp"}, {0, 65535, "inbound", "dst", "tcp"}},
                  true,
                  {},
                  {}}};
  BOOST_TEST(!allowsOutbound(fw, 2377, std::nullopt));
  fw.outgoingBlocked = false;  // nothing blocked: fine
  BOOST_TEST(allowsOutbound(fw, 2377, std::nullopt));
}

BOOST_AUTO_TEST_CASE(vm_group_rule_every_branch) {
  VmGroupFacts ok{true, true, true, "C1", false, "vch"};
  BOOST_TEST(!vmGroupProblem(ok));
  auto f = ok;
  f.vcenter = false;
  BOOST_TEST(vmGroupProblem(f)->find("need vCenter") != std::string::npos);
  f = ok;
  f.cluster = false;
  BOOST_TEST(vmGroupProblem(f)->find("need a cluster") != std::string::npos);
  f = ok;
  f.drsEnabled = false;
  BOOST_TEST(vmGroupProblem(f)->find("DRS is disabled on cluster C1") != std::string::npos);
  f = ok;
  f.nameTaken = true;
  BOOST_TEST(vmGroupProblem(f)->find("already has a DRS group named \"vch\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(upgrade_status_by_build_number) {
  auto appliance = *vic::version::Version::parse("v1.6.0-120-abcdef0");
  BOOST_TEST(upgradeStatus(appliance, "v1.6.0-120-1234567", false) == "Up to date");
  BOOST_TEST(upgradeStatus(appliance, "v1.5.0-100-1234567", true) == "Upgrade in progress");
  BOOST_TEST(upgradeStatus(appliance, "v1.5.0-100-1234567", false) ==
             "Upgradeable to v1.6.0-120-abcdef0");
  BOOST_TEST(upgradeStatus(appliance, "v1.7.0-130-1234567", false) == "VCH has newer version");
  BOOST_TEST(upgradeStatus(appliance, "garbage", false).rfind("Unknown: ", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
