// Engine benchmark against vcsim. Prints:
//  - the SOAP calls, uploads and time of one create (the minimal VIC body):
//    the session's login, validation (the operations user's test login
//    included), the create itself, and their total (target: at most 30);
//  - with 1000 VCHs in vCenter, the round trips (target: at most 3) and time
//    of a list.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "tests/bench/figures.h"
#include "tests/bench/vch_population.h"
#include "tests/support/vch_bodies.h"
#include "vicapi/engine/create.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/query.h"
#include "vicapi/engine/validate/validator.h"
#include "vicapi/sim/simulator.h"
#include "vicapi/soap/transport.h"
#include "vicapi/vim/client.h"

using namespace vic;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

int main() {
  sim::SimulatorOptions so;
  so.workDir =
      std::filesystem::temp_directory_path() / ("vic-engine-bench-" + std::to_string(::getpid()));
  so.removeWorkDir = true;
  auto sim = sim::Simulator::start(so);
  vim::ClientOptions co;
  co.transport.maxConnections = 4;
  using soap::Transport;
  const auto calls0 = Transport::processSoapCalls();
  vim::Client client(sim->endpoint(), tls::Trust::pin(sim->thumbprint()), co);
  client.login("bench", Secret("bench"));
  const auto sessionCalls = Transport::processSoapCalls() - calls0;
  engine::setFirewall(client, std::nullopt, true);
  const auto images = engine::ApplianceImages::locate();

  // One create, from validation to power on.
  engine::Issues schema;
  auto vch = engine::vchFromJson(test::minimalVchBody("vch-0"), schema);
  engine::ValidationOptions vo;
  vo.trust = tls::Trust::pin(sim->thumbprint());
  vo.applianceVersion = images.version.str();
  vo.fallbackOperations = engine::OperationsCredentials{"bench", Secret("bench"), false};
  engine::PlanObserver quiet;
  auto t0 = Clock::now();
  auto calls1 = Transport::processSoapCalls();
  engine::ResolvedVch resolved;
  auto issues = engine::validateVch(client, vch, vo, resolved);
  if (!issues.empty()) {
    std::fprintf(stderr, "validation failed: %s\n", issues.summary().c_str());
    return 1;
  }
  auto t1 = Clock::now();
  auto calls2 = Transport::processSoapCalls();
  auto trips1 = client.roundTrips();
  engine::CreateOptions opts{
      images, "https://" + sim->target() + "/sdk", sim->thumbprint().str(), {}};
  auto created = engine::createVch(client, resolved, opts, quiet);
  auto t2 = Clock::now();
  auto calls3 = Transport::processSoapCalls();
  auto trips2 = client.roundTrips();
  auto n = [](std::uint64_t v) { return static_cast<unsigned long long>(v); };
  std::printf("create of one VCH (minimal body), in SOAP calls:\n");
  std::printf("    session:  %llu (service content and login)\n", n(sessionCalls));
  std::printf("    validate: %llu (the operations user's test login included), %.1f ms\n",
              n(calls2 - calls1), ms(t1 - t0));
  std::printf("    create:   %llu, and %llu datastore uploads (the ISOs, %.1f MB), %.1f ms\n",
              n(calls3 - calls2), n((trips2 - trips1) - (calls3 - calls2)),
              static_cast<double>(std::filesystem::file_size(images.applianceIso) +
                                  std::filesystem::file_size(images.bootstrapIso)) /
                  1e6,
              ms(t2 - t1));
  std::printf("    total:    %llu   [target <= 30; 1.5 made 133]\n",
              n(sessionCalls + (calls3 - calls1)));
  bench::figure("create: SOAP calls", static_cast<double>(sessionCalls + (calls3 - calls1)),
                "calls", "<= 30 (1.5: 133)");
  bench::figure("create: time", ms(t2 - t0), "ms");

  auto t3 = Clock::now();
  bench::populateVchs(client, created.vm, 1000);
  std::printf("(populating 999 more VCHs took %.1f s)\n", ms(Clock::now() - t3) / 1000);

  std::vector<double> times;
  unsigned long long trips = 0;
  std::size_t count = 0;
  for (int run = 0; run < 5; ++run) {
    auto before = client.roundTrips();
    auto s = Clock::now();
    auto list = engine::listVchs(client, {}, images.version);
    times.push_back(ms(Clock::now() - s));
    trips = client.roundTrips() - before;
    count = list.size();
  }
  std::sort(times.begin(), times.end());
  std::printf("list of %zu VCHs:\n", count);
  std::printf("    round trips: %llu   [target <= 3]\n", trips);
  std::printf("    time: median %.1f ms over %zu runs\n", times[times.size() / 2], times.size());
  bench::figure("list of " + std::to_string(count) + " VCHs: round trips",
                static_cast<double>(trips), "trips", "<= 3");
  bench::figure("list of " + std::to_string(count) + " VCHs: median", times[times.size() / 2],
                "ms");
  return 0;
}
