// vic-machine-server under load from wrk (Debian's package) on loopback.
// Prints, for GET /container/version and for a list of 1000 VCHs:
// requests per second and p99 latency, and the server's memory before and
// after. The list figure is also given as a ratio to the engine's own list
// calls per second on one connection, which holds better across machines.
#include <fstream>
#include <regex>

#include "tests/bench/figures.h"
#include "tests/bench/vch_population.h"
#include "tests/support/api_client.h"
#include "tests/support/run_process.h"
#include "tests/support/server_process.h"
#include "tests/support/vch_bodies.h"
#include "vicapi/engine/appliance_images.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/engine/query.h"
#include "vicapi/sim/simulator.h"

using namespace vic;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct Load {
  double requestsPerSecond = 0;
  std::string p99;
  long errors = 0;
};

// wrk's --latency report: "Requests/sec:  1234.56" and "     99%    3.21ms".
Load runWrk(const std::string& url, const std::string& authorization, int connections,
            int seconds) {
  std::vector<std::string> args{"-t2", "-c" + std::to_string(connections),
                                "-d" + std::to_string(seconds) + "s", "--latency"};
  if (!authorization.empty()) args.insert(args.end(), {"-H", "Authorization: " + authorization});
  args.push_back(url);
  auto r = test::runProcess("/usr/bin/wrk", args);
  if (r.exitCode != 0) throw std::runtime_error("wrk failed: " + r.err + r.out);
  Load load;
  std::smatch m;
  if (std::regex_search(r.out, m, std::regex(R"(Requests/sec:\s+([0-9.]+))")))
    load.requestsPerSecond = std::stod(m[1]);
  if (std::regex_search(r.out, m, std::regex(R"(\n\s+99%\s+(\S+))"))) load.p99 = m[1];
  if (std::regex_search(r.out, m, std::regex(R"(Non-2xx or 3xx responses: (\d+))")))
    load.errors += std::stol(m[1]);
  if (std::regex_search(
          r.out, m,
          std::regex(R"(Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+))")))
    for (int i = 1; i <= 4; ++i)
      load.errors += std::stol(m[i]);
  return load;
}

// VmRSS and VmHWM of a process, in MiB.
std::pair<double, double> memoryOf(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  double rss = 0, peak = 0;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) rss = std::stod(line.substr(6)) / 1024;
    if (line.rfind("VmHWM:", 0) == 0) peak = std::stod(line.substr(6)) / 1024;
  }
  return {rss, peak};
}

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

int main() {
  if (!fs::exists("/usr/bin/wrk")) {
    std::fprintf(stderr, "wrk is not installed (apt-get install wrk; scripts/setup.sh does it)\n");
    return 1;
  }
  const fs::path work =
      fs::temp_directory_path() / ("vic-server-bench-" + std::to_string(::getpid()));
  sim::SimulatorOptions so;
  so.workDir = work / "vcsim";
  so.removeWorkDir = true;
  auto sim = sim::Simulator::start(so);
  vim::Client client(sim->endpoint(), tls::Trust::pin(sim->thumbprint()));
  client.login("bench", Secret("bench"));
  engine::setFirewall(client, std::nullopt, true);

  test::ServerOptions options;
  options.dataDir = work / "server";
  // As deployed: one access-log line per request, the vCenter it manages allowed.
  options.extraArgs = {"--log-level=info", "--allowed-targets=" + sim->target()};
  test::ServerProcess server(options);
  test::ApiClient api(server.host(), server.port(), server.thumbprint());
  const auto admin = test::basicAuth("bench", "bench");
  const std::string scope = "/container/target/" + sim->target();
  const std::string pin = "?thumbprint=" + sim->thumbprint().str();
  const auto idle = memoryOf(server.pid());

  auto t0 = Clock::now();
  auto created = api.sendJson("POST", scope + "/vch" + pin, admin, test::minimalVchBody("vch-0"));
  if (created.status != 201) throw std::runtime_error("create: " + created.body);
  nlohmann::json task;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    task = api.get(created.json()["task"], admin).json();
  } while (task["state"] == "queued" || task["state"] == "running");
  if (task["state"] != "succeeded") throw std::runtime_error("create: " + task.dump());
  std::printf("create through the API (201, then the task to its end): %.0f ms\n",
              ms(Clock::now() - t0));
  bench::figure("create through the API", ms(Clock::now() - t0), "ms");
  bench::populateVchs(client, {"VirtualMachine", task["vch_id"]}, 1000);

  const auto images = engine::ApplianceImages::locate();
  auto t1 = Clock::now();
  int engineLists = 0;
  std::size_t listed = 0;
  while (ms(Clock::now() - t1) < 3000) {
    listed = engine::listVchs(client, {}, images.version).size();
    ++engineLists;
  }
  const double enginePerSecond = engineLists / (ms(Clock::now() - t1) / 1000);

  const auto beforeList = memoryOf(server.pid());
  if (api.get(scope + "/vch" + pin, admin).status != 200) throw std::runtime_error("list failed");
  const auto afterList = memoryOf(server.pid());

  const std::string base = "https://" + server.host() + ":" + std::to_string(server.port());
  const std::string authorization = admin.front().second;
  const auto version = runWrk(base + "/container/version", "", 16, 10);
  const auto list = runWrk(base + scope + "/vch" + pin, authorization, 8, 10);
  const auto loaded = memoryOf(server.pid());

  std::printf(
      "wrk on loopback, 2 threads, 10 s each (wrk and the server share the machine's cores):\n");
  std::printf("    GET /container/version, 16 connections: %8.0f requests/s, p99 %s, errors %ld\n",
              version.requestsPerSecond, version.p99.c_str(), version.errors);
  std::printf("    GET .../vch (%zu VCHs), 8 connections:  %8.1f requests/s, p99 %s, errors %ld\n",
              listed, list.requestsPerSecond, list.p99.c_str(), list.errors);
  std::printf(
      "    list ratio, server under load / engine on one connection: %.2f (engine alone: %.1f "
      "lists/s)\n",
      list.requestsPerSecond / enginePerSecond, enginePerSecond);
  bench::figure("GET /container/version", version.requestsPerSecond, "requests/s");
  bench::figure("GET .../vch (" + std::to_string(listed) + " VCHs)", list.requestsPerSecond,
                "requests/s");
  bench::figure("list: server under load / engine alone", list.requestsPerSecond / enginePerSecond,
                "ratio");
  std::printf(
      "server memory: %.1f MiB resident at start, %.1f MiB before and %.1f MiB after one list "
      "(peak "
      "%.1f MiB), %.1f MiB after the load (peak %.1f MiB)\n",
      idle.first, beforeList.first, afterList.first, afterList.second, loaded.first, loaded.second);
  bench::figure("server idle", idle.first, "MiB");
  bench::figure("server after the load", loaded.first, "MiB");
  server.stop();
  sim->stop();
  fs::remove_all(work);
  return 0;
}
