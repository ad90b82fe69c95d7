// Engine benchmark against vcsim. Prints:
//  - the SOAP calls, uploads and time of one create (the minimal VIC body);
//  - with 1000 VCHs in vCenter, the round trips (target: at most 3) and time
//    of a list.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "tests/bench/vch_population.h"
#include "tests/support/vch_bodies.h"
#include "vicapi/engine/create.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/query.h"
#include "vicapi/engine/validate/validator.h"
#include "vicapi/sim/simulator.h"
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
  vim::Client client(sim->endpoint(), tls::Trust::pin(sim->thumbprint()), co);
  client.login("bench", Secret("bench"));
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
  auto trips0 = client.roundTrips();
  engine::ResolvedVch resolved;
  auto issues = engine::validateVch(client, vch, vo, resolved);
  if (!issues.empty()) {
    std::fprintf(stderr, "validation failed: %s\n", issues.summary().c_str());
    return 1;
  }
  auto t1 = Clock::now();
  auto trips1 = client.roundTrips();
  engine::CreateOptions opts{
      images, "https://" + sim->target() + "/sdk", sim->thumbprint().str(), {}};
  auto created = engine::createVch(client, resolved, opts, quiet);
  auto t2 = Clock::now();
  auto trips2 = client.roundTrips();
  std::printf("create of one VCH (minimal body):\n");
  std::printf("    validate: %llu round trips (one of them a test login), %.1f ms\n",
              static_cast<unsigned long long>(trips1 - trips0), ms(t1 - t0));
  std::printf("    create:   %llu round trips, of which 2 are the ISO uploads (%.1f MB), %.1f ms\n",
              static_cast<unsigned long long>(trips2 - trips1),
              static_cast<double>(std::filesystem::file_size(images.applianceIso) +
                                  std::filesystem::file_size(images.bootstrapIso)) /
                  1e6,
              ms(t2 - t1));

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
  return 0;
}
