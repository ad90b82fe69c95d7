#include <boost/test/unit_test.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/run_process.h"
#include "tests/support/simulator_fixture.h"

using namespace vic;

namespace {

sim::Simulator& vc() {
  return test::SimulatorFixture::current();
}

test::ProcessResult vicMachine(std::vector<std::string> args) {
  return test::runProcess(VIC_MACHINE_BINARY, args);
}

std::vector<std::string> targetFlags() {
  return {"--target",   vc().target(),       "--user",       test::kTestUser,
          "--password", test::kTestPassword, "--thumbprint", vc().thumbprint().str()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_inventory, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(inventory_lists_everything_a_vch_can_use) {
  auto args = targetFlags();
  args.insert(args.begin(), "inventory");
  args.push_back("--json");
  auto r = vicMachine(args);
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  const auto& dc = j.at("datacenters").at(0);
  BOOST_TEST(dc.at("path") == "/DC0");
  BOOST_TEST(dc.at("clusters").at(0).at("name") == "DC0_C0");
  BOOST_TEST(dc.at("hosts").size() == 4u);
  BOOST_TEST(dc.at("resource_pools").size() == 2u);
  BOOST_TEST(dc.at("datastores").at(0).at("free_bytes").get<long long>() > 0);
  std::set<std::string> kinds;
  for (const auto& n : dc.at("networks"))
    kinds.insert(n.at("kind").get<std::string>());
  BOOST_TEST(kinds.count("standard port group") == 1u);
  BOOST_TEST(kinds.count("distributed port group on DVS0") == 1u);
  BOOST_TEST(dc.at("vms").size() == 4u);
  BOOST_TEST(dc.at("vms").at(0).at("power_state") == "poweredOn");
}

BOOST_AUTO_TEST_CASE(a_password_on_the_command_line_is_warned_about_and_a_file_is_not) {
  auto onCommandLine = targetFlags();
  onCommandLine.insert(onCommandLine.begin(), "ls");
  auto r = vicMachine(onCommandLine);
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(r.err.find("can be read by every user of this machine") != std::string::npos, r.err);

  const auto dir = test::scratchDir("cli-password");
  const auto file = dir / "password";
  { std::ofstream(file) << test::kTestPassword << "\n"; }
  std::filesystem::permissions(
      file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
      std::filesystem::perm_options::replace);
  std::vector<std::string> fromFile{"ls",          "--target",      vc().target(),
                                    "--user",      test::kTestUser, "--password-file",
                                    file.string(), "--thumbprint",  vc().thumbprint().str()};
  r = vicMachine(fromFile);
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(r.err.find("warning") == std::string::npos, r.err);

  std::filesystem::permissions(file, std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  r = vicMachine(fromFile);
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(r.err.find("other users can read the password file") != std::string::npos, r.err);

  fromFile.push_back("--password=x");
  BOOST_TEST(vicMachine(fromFile).exitCode == 2);
  BOOST_TEST(vicMachine({"ls", "--target", vc().target(), "--user", test::kTestUser,
                         "--password-file", (dir / "missing").string()})
                 .exitCode == 2);
}

BOOST_AUTO_TEST_CASE(text_inventory_shows_free_space_and_network_kinds) {
  auto r = vicMachine([] {
    auto a = targetFlags();
    a.insert(a.begin(), "inventory");
    return a;
  }());
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  BOOST_TEST(r.out.find("Datacenter /DC0") != std::string::npos);
  BOOST_TEST(r.out.find("LocalDS_0") != std::string::npos);
  BOOST_TEST(r.out.find(" free ") != std::string::npos);
  BOOST_TEST(r.out.find("distributed port group on DVS0") != std::string::npos);
  BOOST_TEST(r.out.find("Cluster DC0_C0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_thumbprint_exits_non_zero_showing_both) {
  auto args = targetFlags();
  args.insert(args.begin(), "inventory");
  args.back() = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33";
  auto r = vicMachine(args);
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.err.find(vc().thumbprint().str()) != std::string::npos);
  BOOST_TEST(r.err.find("00:11:22:33:44:55") != std::string::npos);
  BOOST_TEST(r.err.find(test::kTestPassword) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(untrusted_certificate_suggests_the_thumbprint) {
  auto r = vicMachine({"inventory", "--target", vc().target(), "--user", test::kTestUser,
                       "--password", test::kTestPassword});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.err.find("--thumbprint " + vc().thumbprint().str()) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_password_exits_non_zero) {
  auto args = targetFlags();
  args.insert(args.begin(), "inventory");
  args[6] = "bad-password-7";
  auto r = vicMachine(args);
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.err.find("InvalidLogin") != std::string::npos);
  BOOST_TEST(r.err.find("bad-password-7") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cli_usage)

BOOST_AUTO_TEST_CASE(without_target_the_embedded_simulator_is_listed) {
  auto r = vicMachine({"inventory"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  BOOST_TEST(r.err.find("embedded simulated vCenter") != std::string::npos);
  BOOST_TEST(r.out.find("Datacenter /DC0") != std::string::npos);
  BOOST_TEST(r.out.find("DC0_H0_VM0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_flags_are_usage_errors) {
  auto r = vicMachine({"inventory", "--no-such-flag"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(r.err.find("no-such-flag") != std::string::npos);
  r = vicMachine({"inventory", "--thumbprint", "12:34"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(r.err.find("has 2 bytes") != std::string::npos);
  r = vicMachine({"frobnicate"});
  BOOST_TEST(r.exitCode == 2);
  r = vicMachine({"inventory", "--target"});
  BOOST_TEST(r.exitCode == 2);
}

BOOST_AUTO_TEST_CASE(version_is_in_the_original_form) {
  auto r = vicMachine({"version"});
  BOOST_TEST(r.exitCode == 0);
  BOOST_TEST(r.out.rfind("vic-machine version v1.", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
