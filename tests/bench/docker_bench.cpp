// The endpoint daemon against vcsim and Debian's docker-registry, driven by
// the real docker CLI. Prints:
//  - the daemon's memory when idle (goal: under 30 MB);
//  - the SOAP calls of `docker create` + `docker start` (goal: at most 6);
//  - the daemon's peak memory before and after pulling a 50 MB image (goal:
//    flat, the layer is streamed to the datastore);
//  - `docker ps -a` with 500 containers: time (goal: under 200 ms) and SOAP
//    calls (goal: one property-collector pass).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include <Poco/Net/ServerSocket.h>
#include <nlohmann/json.hpp>

#include "daemon/containers/container_record.h"
#include "tests/bench/figures.h"
#include "tests/support/docker_registry.h"
#include "tests/support/endpoint_runner.h"
#include "tests/support/process_stats.h"
#include "tests/support/vch_bodies.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/create.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/validate/validator.h"
#include "vicapi/sim/simulator.h"
#include "vicapi/util/child_process.h"
#include "vicapi/vim/folder.h"
#include "vicapi/vim/property_collector.h"

using namespace vic;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kContainers = 500;
constexpr const char* kAddress = "127.0.0.90";

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

unsigned short freePort() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress(kAddress, 0));
  return s.address().port();
}

long long soapCalls(const test::DockerCli& docker) {
  auto r = docker.run({"info", "--format", "{{json .SystemStatus}}"});
  for (const auto& row : nlohmann::json::parse(r.out))
    if (row.size() == 2 && row[0] == "vCenter SOAP calls")
      return std::stoll(row[1].get<std::string>());
  throw Error("docker info did not report the daemon's SOAP calls: " + r.out + r.err);
}

}  // namespace

int main() {
  sim::SimulatorOptions so;
  so.workDir =
      std::filesystem::temp_directory_path() / ("vic-docker-bench-" + std::to_string(::getpid()));
  so.removeWorkDir = true;
  auto sim = sim::Simulator::start(so);
  vim::Client client(sim->endpoint(), tls::Trust::pin(sim->thumbprint()));
  client.login("bench", Secret("bench"));
  engine::setFirewall(client, std::nullopt, true);
  test::DockerRegistry registry("bench");
  const auto big = test::pushImage(registry, "bench/big", "1.0", 50ull << 20, 3);
  const auto tiny = test::pushImage(registry, "bench/tiny", "1.0", 4096, 4);

  // A VCH whose certificate names the daemon's address, pulling from the registry.
  engine::Issues schema;
  auto body = test::minimalVchBody("vch-bench");
  body["auth"] = {{"server", {{"generate", {{"cname", kAddress}}}}}};
  body["registry"] = {{"insecure", {registry.host()}}};
  auto vch = engine::vchFromJson(body, schema);
  const auto images = engine::ApplianceImages::locate();
  engine::ValidationOptions vo;
  vo.trust = tls::Trust::pin(sim->thumbprint());
  vo.applianceVersion = images.version.str();
  vo.fallbackOperations = engine::OperationsCredentials{"bench", Secret("bench"), false};
  engine::ResolvedVch resolved;
  if (auto issues = engine::validateVch(client, vch, vo, resolved); !issues.empty()) {
    std::fprintf(stderr, "validation failed: %s\n", issues.summary().c_str());
    return 1;
  }
  engine::PlanObserver quiet;
  const auto created = engine::createVch(
      client, resolved, {images, "https://" + sim->target() + "/sdk", sim->thumbprint().str(), {}},
      quiet);

  // The daemon, on what create wrote into the VM.
  const auto dir = so.workDir / "endpoint";
  std::filesystem::create_directories(dir);
  nlohmann::json guestinfo = nlohmann::json::object();
  for (const auto& [k, v] : engine::actions::readExtraConfig(client, created.vm))
    guestinfo[k] = v;
  std::ofstream(dir / "guestinfo.json") << guestinfo.dump();
  const auto port = freePort();
  ChildOptions o;
  o.argv = {VIC_ENDPOINT_BINARY,  "--guestinfo",   (dir / "guestinfo.json").string(),
            "--listen",           kAddress,        "--port",
            std::to_string(port), "--portal-port", "0"};
  o.stderrFile = dir / "stderr.log";
  auto daemon = ChildProcess::spawn(o);
  daemon.waitForLine("serving VCH", std::chrono::seconds(20));
  test::DockerCli docker("bench", std::string(kAddress) + ":" + std::to_string(port),
                         created.certificates);
  for (int i = 0; i < 100 && docker.run({"images"}).exitCode != 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const auto idle = test::processStats(daemon.pid());
  std::printf("docker endpoint daemon (vic-endpoint) against vcsim:\n");
  std::printf("    idle: %.1f MB resident (goal < 30 MB), %d threads\n", idle.residentKib / 1024.0,
              idle.threads);
  bench::figure("endpoint daemon idle", idle.residentKib / 1024.0, "MB", "< 30");

  // create + start.
  if (docker.run({"pull", tiny.reference}).exitCode != 0) return 1;
  const long long a = soapCalls(docker);
  const long long b = soapCalls(docker);
  const auto t0 = Clock::now();
  auto id = docker.run({"create", "--name", "first", tiny.reference});
  auto started = docker.run({"start", "first"});
  const auto t1 = Clock::now();
  const long long c = soapCalls(docker);
  if (id.exitCode != 0 || started.exitCode != 0) {
    std::fprintf(stderr, "create/start failed: %s %s\n", id.err.c_str(), started.err.c_str());
    return 1;
  }
  std::printf(
      "    docker create + docker start: %lld SOAP calls (goal <= 6), %.0f ms with the CLI\n",
      c - b - (b - a), ms(t1 - t0));
  bench::figure("docker create + start: SOAP calls", static_cast<double>(c - b - (b - a)), "calls",
                "<= 6");

  // A 50 MB pull: the layer goes through, not into, the daemon.
  const auto before = test::processStats(daemon.pid());
  const auto t2 = Clock::now();
  auto pulled = docker.run({"pull", big.reference});
  const auto t3 = Clock::now();
  const auto after = test::processStats(daemon.pid());
  if (pulled.exitCode != 0) {
    std::fprintf(stderr, "pull failed: %s\n", pulled.err.c_str());
    return 1;
  }
  std::printf(
      "    pull of a %.0f MB image: %.0f ms; peak resident %.1f MB before, %.1f MB after "
      "(+%.1f MB)\n",
      big.layerBytes / 1048576.0, ms(t3 - t2), before.peakResidentKib / 1024.0,
      after.peakResidentKib / 1024.0, (after.peakResidentKib - before.peakResidentKib) / 1024.0);
  bench::figure("pull of " + std::to_string(big.layerBytes / 1048576) + " MB: daemon peak growth",
                (after.peakResidentKib - before.peakResidentKib) / 1024.0, "MB");

  // 500 containers, made the way the daemon makes them (its extraConfig keys),
  // straight in vCenter so that the setup takes seconds.
  const auto stored =
      engine::guestinfo::decode(engine::actions::readExtraConfig(client, created.vm));
  const auto pool = vim::Moref::parse(stored.placement.pool);
  vim::PropertyCollector pc(client);
  const auto folder =
      vim::Moref::from(*pc.retrieveOne(vim::Moref::parse(stored.placement.datacenter), {"vmFolder"})
                            .prop("vmFolder"));
  const std::string imageId = tiny.configDigest;
  for (int i = 1; i < kContainers; ++i) {
    endpoint::ContainerRecord r;
    char hex[65];
    std::snprintf(hex, sizeof hex, "%064x", i);
    r.id = hex;
    r.name = "c" + std::to_string(i);
    r.image = tiny.reference;
    r.imageId = imageId;
    r.created = "2026-11-01T00:00:00.000000000Z";
    vim::VmConfigSpec spec;
    spec.name = r.name + "-" + r.id.substr(0, 12);
    spec.guestId = "otherGuest64";
    spec.vmPathName = "[LocalDS_0]";
    for (const auto& [k, v] : endpoint::toExtraConfig(r, created.vm))
      spec.extraConfig.emplace_back(k, v);
    vim::Folder(client, folder).createVM(spec, pool).poll();
  }
  const long long d = soapCalls(docker);
  const long long e = soapCalls(docker);
  std::vector<double> times;
  std::size_t rows = 0;
  for (int i = 0; i < 5; ++i) {
    const auto s = Clock::now();
    auto ps = docker.run({"ps", "-a", "-q"});
    times.push_back(ms(Clock::now() - s));
    rows = static_cast<std::size_t>(std::count(ps.out.begin(), ps.out.end(), '\n'));
  }
  const long long f = soapCalls(docker);
  std::sort(times.begin(), times.end());
  std::printf(
      "    docker ps -a with %zu containers: median %.0f ms, best %.0f ms with the CLI "
      "(goal < 200 ms); %.1f SOAP calls each (goal 1)\n",
      rows, times[2], times[0], static_cast<double>(f - e - (e - d)) / 5.0);
  bench::figure("docker ps -a of " + std::to_string(rows) + " containers: median", times[2], "ms",
                "< 200");
  bench::figure("docker ps -a: SOAP calls each", static_cast<double>(f - e - (e - d)) / 5.0,
                "calls", "1");
  daemon.stop();
  return 0;
}
