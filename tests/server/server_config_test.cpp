// The server's settings (flag, environment, file, default, in that order) and
// its log formats.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "plugin-server/config/server_config.h"
#include "tests/support/api_client.h"
#include "tests/support/server_process.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/base/error.h"

using vic::server::resolveConfig;
namespace fs = std::filesystem;

namespace {

fs::path configFile(const std::string& text) {
  auto path = vic::test::scratchDir("server-config") / "vic.properties";
  std::ofstream(path) << text;
  return path;
}

struct Env {
  Env(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
  ~Env() { ::unsetenv(name_); }
  const char* name_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(server_config)

BOOST_AUTO_TEST_CASE(defaults) {
  auto c = resolveConfig({}, "");
  BOOST_TEST(c.listen == "0.0.0.0:8443");
  BOOST_TEST(c.dataDir == "vic-data");
  BOOST_TEST(c.logLevel == "info");
  BOOST_TEST(c.logFormat == "text");
  BOOST_TEST(c.threads == 32);
}

BOOST_AUTO_TEST_CASE(a_flag_beats_the_environment_which_beats_the_file) {
  auto file = configFile(
      "listen = 10.0.0.1:9443\nlog.level = warn\nthreads = 8\ndata.dir = /var/lib/vic\n");
  Env env("VIC_LOG_LEVEL", "debug");
  auto c = resolveConfig({{"threads", "4"}}, file);
  BOOST_TEST(c.listen == "10.0.0.1:9443");  // only the file says
  BOOST_TEST(c.logLevel == "debug");        // the environment beats the file
  BOOST_TEST(c.threads == 4);               // the flag beats both
  BOOST_TEST(c.dataDir == "/var/lib/vic");
  BOOST_TEST(
      resolveConfig({}, configFile("allowed.targets = vc.example.com, *\n")).allowedTargets ==
      "vc.example.com, *");
}

BOOST_AUTO_TEST_CASE(bad_values_name_their_source) {
  try {
    resolveConfig({}, configFile("log.level = loud\n"));
    BOOST_FAIL("a bad level was accepted");
  } catch (const vic::UsageError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "the configuration file's log.level must be trace, debug, info, warn or error, not "
               "\"loud\"");
  }
  try {
    resolveConfig({{"threads", "0"}}, "");
    BOOST_FAIL("zero threads were accepted");
  } catch (const vic::UsageError& e) {
    BOOST_TEST(std::string(e.what()).find("--threads must be") == 0u, e.what());
  }
  BOOST_CHECK_THROW(resolveConfig({{"log-format", "xml"}}, ""), vic::UsageError);
  try {
    resolveConfig({}, configFile("allowed.targets = vc.example.com, vc2:0\n"));
    BOOST_FAIL("a bad allowed target was accepted");
  } catch (const vic::UsageError& e) {
    BOOST_TEST(
        std::string(e.what()).find("the configuration file's allowed.targets: \"vc2:0\"") == 0u,
        e.what());
  }
  BOOST_CHECK_THROW(resolveConfig({{"tls-cert", "/tmp/a.crt"}}, ""), vic::UsageError);  // no key
  BOOST_CHECK_THROW(resolveConfig({}, "/nonexistent/vic.properties"), vic::UsageError);
}

BOOST_AUTO_TEST_CASE(json_logs_are_one_object_per_line_whatever_the_message) {
  vic::test::ServerOptions o;
  o.dataDir = vic::test::scratchDir("server-json-log");
  o.extraArgs = {"--log-format=json"};
  vic::test::ServerProcess server(o);
  vic::test::ApiClient api(server.host(), server.port(), server.thumbprint());
  BOOST_TEST(api.get("/container/\"quoted\"\\path").status == 404);
  server.stop();
  std::istringstream lines(server.logText());
  std::string line;
  int parsed = 0;
  bool sawQuoted = false;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);  // throws, and fails the test, on a broken line
    BOOST_TEST(j.contains("time"));
    BOOST_TEST(j.contains("level"));
    sawQuoted |= j["message"].get<std::string>().find(R"(/container/"quoted"\path 404)") !=
                 std::string::npos;
    ++parsed;
  }
  BOOST_TEST(parsed >= 2);
  BOOST_TEST(sawQuoted, server.logText());
}

BOOST_AUTO_TEST_SUITE_END()
