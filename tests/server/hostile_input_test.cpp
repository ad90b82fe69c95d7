// What an attacker can send: huge fields, bodies that never end, and a
// server of their own named as the target that answers deep, huge or
// endless, or with a record of ten thousand appliances. The server answers
// each with a clear 4xx or 502, keeps running, and stays small.
#include <chrono>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.h"
#include "tests/support/fake_vcenter.h"
#include "tests/support/process_stats.h"
#include "tests/support/server_process.h"
#include "tests/support/simulator_fixture.h"
#include "tests/support/streaming_upload.h"
#include "tests/support/vch_bodies.h"

using namespace vic::test;
using nlohmann::json;

namespace {

constexpr long kMemoryLimitKib = 100 * 1024;

// A server that lets any target be named (as 1.5 did), so that the fake
// vCenters below can be. AddressSanitizer keeps freed memory for a while;
// its quarantine is made small so that what is measured is the server's.
struct HostileWorld {
  HostileWorld() {
    ServerOptions o;
    o.dataDir = scratchDir("hostile-server");
    o.extraArgs = {"--log-level=info"};
    o.environment = {{"VIC_ALLOWED_TARGETS", "*"},
                     {"ASAN_OPTIONS", "quarantine_size_mb=8:detect_leaks=0"}};
    server = std::make_unique<ServerProcess>(o);
    api = std::make_unique<ApiClient>(server->host(), server->port(), server->thumbprint(), 4);
    api->get("/container/version");
    idleKib = processStats(server->pid()).residentKib;
    sanitized = mapsLibrary(server->pid(), "libasan");
  }
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<ApiClient> api;
  long idleKib = 0;
  // AddressSanitizer's shadow memory makes an idle debug server 160 MiB;
  // there, what an attack adds is measured instead.
  bool sanitized = false;
};

HostileWorld* world = nullptr;

struct Fixture {
  Fixture() {
    static HostileWorld w;
    world = &w;
  }
};

const Headers kAnyone = basicAuth("anyone", "anything");

std::string scopeOf(const FakeVcenter& vc) {
  return "/container/target/" + vc.target();
}
std::string pinnedTo(const FakeVcenter& vc) {
  return "?thumbprint=" + vc.thumbprint().str();
}

// The server still answers, and has never held more than the limit (of a
// sanitized build, never more than the limit beyond what it held idle).
void expectAliveAndSmall(const std::string& after) {
  auto r = world->api->get("/container/version");
  BOOST_TEST(r.status == 200, after << ": the server no longer answers");
  const auto s = processStats(world->server->pid());
  const long measured = world->sanitized ? s.peakResidentKib - world->idleKib : s.peakResidentKib;
  BOOST_TEST_MESSAGE(after << ": server peak memory " << s.peakResidentKib / 1024 << " MiB ("
                           << (s.peakResidentKib - world->idleKib) / 1024 << " MiB above idle), "
                           << s.threads << " threads");
  BOOST_TEST(measured < kMemoryLimitKib, after << ": the server held " << measured / 1024 << " MiB"
                                               << (world->sanitized ? " more than idle" : ""));
}

std::string message(const ApiResponse& r) {
  try {
    return r.json().value("message", std::string());
  } catch (const std::exception&) {
    return "(not JSON) " + r.body.substr(0, 200);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input, *boost::unit_test::fixture<Fixture>())

BOOST_AUTO_TEST_CASE(fields_of_500_kb_are_refused_by_length) {
  FakeVcenter vc(scratchDir("fake-ordinary"), Hostility::None);
  const std::string big(500 * 1024, 'a');
  struct Case {
    std::string path;
    json value;
  };
  const std::vector<Case> cases = {
      {"syslog_addr", "tcp://" + big + ":514"},
      {"container.name_convention", big + "{id}"},
      {"registry.insecure[0]", json::array({big})},
      {"name", big},
  };
  for (const auto& c : cases) {
    json body = minimalVchBody("hostile");
    if (c.path == "syslog_addr") body["syslog_addr"] = c.value;
    if (c.path == "container.name_convention") body["container"]["name_convention"] = c.value;
    if (c.path == "registry.insecure[0]") body["registry"]["insecure"] = c.value;
    if (c.path == "name") body["name"] = c.value;
    auto r = world->api->sendJson("POST", scopeOf(vc) + "/vch" + pinnedTo(vc), kAnyone, body);
    BOOST_TEST(r.status == 422, c.path << ": " << r.status << " " << message(r));
    bool named = false;
    const json answer = r.status == 422 ? r.json() : json::object();
    if (answer.contains("issues"))
      for (const auto& i : answer["issues"])
        named |= i["path"] == c.path &&
                 i["message"].get<std::string>().find("characters") != std::string::npos;
    BOOST_TEST(named, c.path << ": " << r.body.substr(0, 400));
    expectAliveAndSmall(c.path);
  }
}

BOOST_AUTO_TEST_CASE(a_1_gib_chunked_body_without_credentials_is_not_read) {
  auto& s = *world->server;
  const auto out = sendChunkedBody(s.host(), s.port(), s.thumbprint(), "POST",
                                   "/container/target/127.0.0.1:1/vch", {}, 1ULL << 30);
  BOOST_TEST(out.status == 401, out.body);
  BOOST_TEST_MESSAGE("sent " << out.bytesSent / 1024 << " KiB of the 1 GiB before the answer");
  BOOST_TEST(out.bytesSent < 64ULL << 20);
  expectAliveAndSmall("1 GiB unauthenticated");
}

BOOST_AUTO_TEST_CASE(a_body_that_asks_to_continue_is_refused_before_it_is_sent) {
  auto& s = *world->server;
  const auto out = sendChunkedBody(s.host(), s.port(), s.thumbprint(), "POST",
                                   "/container/target/127.0.0.1:1/vch", {}, 1ULL << 30, true);
  BOOST_TEST(!out.continued);
  BOOST_TEST(out.status == 401, out.body);
  BOOST_TEST(out.bytesSent == 0u);
}

BOOST_AUTO_TEST_CASE(a_1_gib_chunked_body_with_credentials_is_413_after_the_limit) {
  FakeVcenter vc(scratchDir("fake-ordinary"), Hostility::None);
  auto& s = *world->server;
  const auto out = sendChunkedBody(s.host(), s.port(), s.thumbprint(), "POST",
                                   scopeOf(vc) + "/vch" + pinnedTo(vc), kAnyone, 1ULL << 30);
  BOOST_TEST(out.status == 413, out.body);
  BOOST_TEST(out.body.find("MiB") != std::string::npos, out.body);
  BOOST_TEST(out.bytesSent < 64ULL << 20);
  expectAliveAndSmall("1 GiB authenticated");
}

BOOST_AUTO_TEST_CASE(a_deep_answer_is_refused) {
  for (const char* method : {"RetrieveServiceContent", "RetrievePropertiesEx"}) {
    FakeVcenter vc(scratchDir("fake-deep"), Hostility::DeepAnswer, method);
    auto r = world->api->get(scopeOf(vc) + "/vch" + pinnedTo(vc), kAnyone);
    BOOST_TEST(r.status == 502, method << ": " << r.status << " " << message(r));
    BOOST_TEST(message(r).find("deeper than") != std::string::npos, message(r));
    expectAliveAndSmall(std::string("deep ") + method);
  }
}

BOOST_AUTO_TEST_CASE(a_huge_answer_is_cut_off) {
  for (const char* method : {"RetrieveServiceContent", "RetrievePropertiesEx"}) {
    FakeVcenter vc(scratchDir("fake-huge"), Hostility::HugeAnswer, method);
    auto r = world->api->get(scopeOf(vc) + "/vch" + pinnedTo(vc), kAnyone);
    BOOST_TEST(r.status == 502, method << ": " << r.status << " " << message(r));
    BOOST_TEST(message(r).find("larger than") != std::string::npos, message(r));
    expectAliveAndSmall(std::string("huge ") + method);
  }
}

BOOST_AUTO_TEST_CASE(an_answer_that_never_ends_is_cut_off) {
  FakeVcenter vc(scratchDir("fake-endless"), Hostility::EndlessAnswer, "RetrieveServiceContent");
  auto r = world->api->get(scopeOf(vc) + "/vch" + pinnedTo(vc), kAnyone);
  BOOST_TEST(r.status == 502, r.status << " " << message(r));
  expectAliveAndSmall("endless answer");
}

BOOST_AUTO_TEST_CASE(endless_continuation_tokens_are_cut_off) {
  FakeVcenter vc(scratchDir("fake-tokens"), Hostility::EndlessTokens);
  const auto start = std::chrono::steady_clock::now();
  auto r = world->api->get(scopeOf(vc) + "/vch" + pinnedTo(vc), kAnyone);
  BOOST_TEST(r.status == 502, r.status << " " << message(r));
  BOOST_TEST(message(r).find("pages") != std::string::npos, message(r));
  BOOST_TEST(vc.calls("ContinueRetrievePropertiesEx") <= 2000);
  BOOST_TEST_MESSAGE("gave up after " << vc.calls("ContinueRetrievePropertiesEx") << " pages in "
                                      << std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::steady_clock::now() - start)
                                             .count()
                                      << " ms");
  expectAliveAndSmall("endless tokens");
}

BOOST_AUTO_TEST_CASE(a_record_of_10000_appliances_is_refused) {
  FakeVcenter vc(scratchDir("fake-appliances"), Hostility::ManyAppliances);
  ThreadWatch threads(world->server->pid());
  auto r =
      world->api->get("/plugin/target/" + vc.target() + "/registration" + pinnedTo(vc), kAnyone);
  BOOST_TEST(r.status == 502, r.status << " " << message(r));
  BOOST_TEST(message(r).find("lists 10000 servers") != std::string::npos, message(r));
  BOOST_TEST(threads.most() < 40);
  expectAliveAndSmall("10,000 appliances");
}

// Within what a record may hold, appliances that never answer are probed by
// a fixed pool, and the answer does not wait for every one of them.
BOOST_AUTO_TEST_CASE(silent_appliances_are_probed_by_a_bounded_pool) {
  FakeVcenter vc(scratchDir("fake-appliances"), Hostility::ManyAppliances, "", 250);
  const auto start = std::chrono::steady_clock::now();
  ApiResponse r;
  int mostThreads = 0;
  {
    ThreadWatch threads(world->server->pid());
    r = world->api->get("/plugin/target/" + vc.target() + "/registration" + pinnedTo(vc), kAnyone);
    mostThreads = threads.most();
  }
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
  BOOST_TEST_MESSAGE("250 silent appliances: HTTP " << r.status << " in " << took << " ms, at most "
                                                    << mostThreads << " threads");
  BOOST_TEST_REQUIRE(r.status == 200, r.status << " " << message(r));
  BOOST_TEST(mostThreads < 40);
  BOOST_TEST(took < 10'000);
  const json reg = r.json();
  BOOST_TEST(reg["appliances"].size() == 249u);  // the one with a damaged summary is left out
  int reachable = 0;
  for (const auto& a : reg["appliances"])
    reachable += a.value("reachable", false);
  BOOST_TEST(reachable == 0);
  expectAliveAndSmall("250 appliances");
}

BOOST_AUTO_TEST_SUITE_END()
