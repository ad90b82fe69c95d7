// The vic-machine subcommands against vcsim, with the original's flag names.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "tests/support/engine_world.h"
#include "tests/support/run_process.h"
#include "tests/support/simulator_fixture.h"

using namespace vic;
namespace fs = std::filesystem;

namespace {

test::ProcessResult vicMachine(const std::string& command, std::vector<std::string> args) {
  auto& s = test::SimulatorFixture::current();
  std::vector<std::string> all{command,
                               "--target",
                               s.target(),
                               "--user",
                               test::kTestUser,
                               "--password",
                               test::kTestPassword,
                               "--thumbprint",
                               s.thumbprint().str()};
  all.insert(all.end(), args.begin(), args.end());
  return test::runProcess(VIC_MACHINE_BINARY, all);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_vch, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(create_ls_inspect_configure_delete) {
  auto dir = test::scratchDir("cli-vch");
  auto r = vicMachine("update", {"firewall", "--allow"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  BOOST_TEST(r.out.find("allows outbound TCP 2377") != std::string::npos);

  r = vicMachine("create", {"--name",
                            "cli-vch",
                            "--compute-resource",
                            "DC0_C0",
                            "--image-store",
                            "LocalDS_0",
                            "--bridge-network",
                            "DC0_DVPG0",
                            "--public-network",
                            "VM Network",
                            "--volume-store",
                            "LocalDS_0/cli-volumes:default",
                            "--dns-server",
                            "10.0.0.53",
                            "--cpu",
                            "4000",
                            "--tls-cname",
                            "cli-vch.example.com",
                            "--cert-path",
                            (dir / "certs").string()});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  BOOST_TEST(r.out.find("VCH cli-vch created: id vm-") != std::string::npos);
  BOOST_TEST(r.err.find("Power on the endpoint VM") !=
             std::string::npos);  // progress, step by step
  for (const char* f : {"ca.pem", "server-cert.pem", "cert.pem", "key.pem", "server-key.pem"})
    BOOST_TEST(fs::exists(dir / "certs" / f), f);
  BOOST_TEST(((fs::status(dir / "certs" / "key.pem").permissions() & fs::perms::all) ==
              (fs::perms::owner_read | fs::perms::owner_write)));

  r = vicMachine("ls", {"--json"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  auto list = nlohmann::json::parse(r.out);
  BOOST_REQUIRE(list.size() == 1u);
  BOOST_TEST(list[0]["name"] == "cli-vch");
  BOOST_TEST(list[0]["upgrade_status"] == "Up to date");
  const std::string id = list[0]["id"];

  r = vicMachine("inspect", {"--name", "cli-vch", "--json"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  auto v = nlohmann::json::parse(r.out);
  BOOST_TEST(v["compute"]["cpu"]["limit"]["value"] == 4000);
  BOOST_TEST(v["network"]["public"]["nameservers"][0] == "10.0.0.53");
  BOOST_TEST(v["storage"]["volume_stores"][0]["label"] == "default");
  BOOST_TEST(v.dump().find("PRIVATE KEY") == std::string::npos);

  r = vicMachine("configure", {"--id", id, "--cpu", "2000", "--debug", "1", "--dns-server",
                               "10.0.0.54", "--volume-store", "LocalDS_0/cli-more:more"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  r = vicMachine("inspect", {"--id", id, "--json"});
  v = nlohmann::json::parse(r.out);
  BOOST_TEST(v["compute"]["cpu"]["limit"]["value"] == 2000);
  BOOST_TEST(v["debug"] == 1);
  BOOST_TEST(v["network"]["public"]["nameservers"][0] == "10.0.0.54");
  BOOST_TEST(v["storage"]["volume_stores"].size() == 2u);
  BOOST_TEST(v["storage"]["volume_stores"][1]["label"] == "more");

  // Each operation left its log in the VCH's folder, where appliances read it too.
  r = vicMachine("inspect", {"--id", id, "--log"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  BOOST_TEST(r.out.find("_create_vic-machine-") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("_configure_vic-machine-") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("Power on the endpoint VM") != std::string::npos, r.out);

  r = vicMachine("upgrade", {"--id", id});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.err.find("no upgrade is available") != std::string::npos);

  r = vicMachine("delete", {"--name", "cli-vch", "--volume-stores", "all"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  r = vicMachine("ls", {"--json"});
  BOOST_TEST(nlohmann::json::parse(r.out).empty());
}

BOOST_AUTO_TEST_CASE(problems_exit_non_zero_with_every_message) {
  auto r = vicMachine(
      "create", {"--name", "bad/name", "--compute-resource", "nowhere", "--image-store",
                 "LocalDS_0", "--bridge-network", "DC0_DVPG0", "--public-network", "VM Network",
                 "--cert-path", test::scratchDir("cli-bad").string() + "/certs"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(r.err.find("name: invalid display name: it contains the unsupported character '/'") !=
                 std::string::npos,
             r.err);
  BOOST_TEST(r.err.find("compute.resource.name:") != std::string::npos, r.err);
  r = vicMachine("create", {"--cpu", "lots"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(r.err.find("--cpu needs a whole number") != std::string::npos, r.err);
  r = vicMachine("inspect", {"--name", "no-such-vch"});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.err.find("no VCH is named \"no-such-vch\"") != std::string::npos, r.err);
  r = vicMachine("delete", {"--id", "vm-99999"});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.err.find("unable to find VCH vm-99999") != std::string::npos, r.err);
  r = vicMachine("update", {"firewall"});
  BOOST_TEST(r.exitCode == 2);
}

BOOST_AUTO_TEST_SUITE_END()
