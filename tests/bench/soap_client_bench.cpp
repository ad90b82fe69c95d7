// Benchmark of the vSphere SOAP client against vcsim. Prints:
//  (a) the time of one RetrievePropertiesEx through our client on a kept-alive
//      connection, divided by a raw HTTPS POST of the very same envelope on a
//      kept-alive Poco session (target: at most 1.2);
//  (b) round trips and time to read name, power state and extraConfig of the
//      1000 VMs of a vcsim started with -vm 500 (target: at most 3 round trips).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include "tests/bench/figures.h"
#include "vicapi/sim/simulator.h"
#include "vicapi/soap/node.h"
#include "vicapi/tls/init.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/search_index.h"
#include "vicapi/vim/view.h"

using namespace vic;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The same bytes our transport sends for this call.
std::string envelopeFor(const vim::Moref& pc, const vim::Moref& vm) {
  soap::Node req = soap::el("RetrievePropertiesEx", {pc.node("_this")});
  req.add(vim::PropertyCollector::specNode(
      {{"VirtualMachine", {"name", "runtime.powerState", "config.extraConfig"}}},
      {vim::ObjectSpec{vm}}));
  req.add(soap::Node("options"));
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
      "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
      "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"urn:vim25\"><soapenv:Body>";
  soap::writeXml(out, req, false);
  return out + "</soapenv:Body></soapenv:Envelope>";
}

void overheadRatio(sim::Simulator& sim) {
  vim::Client client(sim.endpoint(), tls::Trust::pin(sim.thumbprint()));
  client.login("bench", Secret("bench"));
  auto vm = *vim::SearchIndex(client).findByInventoryPath("/DC0/vm/DC0_H0_VM0");
  vim::PropertyCollector pc(client);
  const std::string body = envelopeFor(client.serviceContent().propertyCollector, vm);

  tls::ensureInitialised();
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;
  Poco::Net::HTTPSClientSession raw(
      sim.endpoint().host, sim.endpoint().port,
      new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params));
  raw.setKeepAlive(true);
  const std::string cookie = "vmware_soap_session=" + client.transport().sessionCookie().reveal();
  auto rawCall = [&] {
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, "/sdk",
                               Poco::Net::HTTPMessage::HTTP_1_1);
    req.setKeepAlive(true);
    req.setContentType("text/xml; charset=utf-8");
    req.set("SOAPAction", "\"urn:vim25/6.5\"");
    req.set("Cookie", cookie);
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    raw.sendRequest(req) << body;
    Poco::Net::HTTPResponse resp;
    std::string answer;
    Poco::StreamCopier::copyToString(raw.receiveResponse(resp), answer);
    if (answer.find("DC0_H0_VM0") == std::string::npos) throw std::runtime_error("raw call failed");
  };
  auto ourCall = [&] {
    if (pc.retrieveOne(vm, {"name", "runtime.powerState", "config.extraConfig"}).text("name") !=
        "DC0_H0_VM0")
      throw std::runtime_error("client call failed");
  };
  for (int i = 0; i < 200; ++i) {  // warm up both connections
    rawCall();
    ourCall();
  }
  std::vector<double> ours, rawTimes;
  const int rounds = 2000;
  for (int i = 0; i < rounds; ++i) {  // interleaved, so drift hits both alike
    auto t0 = Clock::now();
    rawCall();
    auto t1 = Clock::now();
    ourCall();
    auto t2 = Clock::now();
    rawTimes.push_back(ms(t1 - t0));
    ours.push_back(ms(t2 - t1));
  }
  const double mo = median(ours), mr = median(rawTimes);
  std::printf("(a) RetrievePropertiesEx, %d calls each, kept-alive:\n", rounds);
  std::printf("    our client   median %.3f ms\n", mo);
  std::printf("    raw HTTPS    median %.3f ms\n", mr);
  std::printf("    overhead ratio (ours / raw): %.3f   [target <= 1.2]\n", mo / mr);
  bench::figure("SOAP client over raw HTTPS", mo / mr, "ratio", "<= 1.2");
}

void thousandVms(sim::Simulator& sim) {
  vim::Client client(sim.endpoint(), tls::Trust::pin(sim.thumbprint()));
  client.login("bench", Secret("bench"));
  std::vector<double> times;
  std::uint64_t trips = 0;
  std::size_t count = 0;
  for (int run = 0; run < 7; ++run) {
    const auto before = client.roundTrips();
    auto t0 = Clock::now();
    auto vms = vim::retrieveFromContainer(
        client, client.serviceContent().rootFolder,
        {{"VirtualMachine", {"name", "runtime.powerState", "config.extraConfig"}}});
    times.push_back(ms(Clock::now() - t0));
    trips = client.roundTrips() - before;
    count = vms.size();
  }
  std::printf("(b) name, power state and extraConfig of %zu VMs:\n", count);
  std::printf("    round trips: %llu   [target <= 3]\n", static_cast<unsigned long long>(trips));
  std::printf("    time: median %.1f ms over %zu runs\n", median(times), times.size());
  bench::figure("properties of " + std::to_string(count) + " VMs: round trips",
                static_cast<double>(trips), "trips", "<= 3");
  bench::figure("properties of " + std::to_string(count) + " VMs: median", median(times), "ms");
}

}  // namespace

int main() {
  auto work = std::filesystem::temp_directory_path() / ("vic-bench-" + std::to_string(::getpid()));
  sim::SimulatorOptions o;
  o.workDir = work / "small";
  o.removeWorkDir = true;
  {
    auto sim = sim::Simulator::start(o);
    overheadRatio(*sim);
  }
  o.workDir = work / "large";
  o.extraArgs = {"-vm", "500"};
  {
    auto sim = sim::Simulator::start(o);
    thousandVms(*sim);
  }
  std::filesystem::remove_all(work);
  return 0;
}
