#include "plugin-server/registration/appliance_prober.h"

#include <future>

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include "vicapi/http/connection_pool.h"
#include "vicapi/soap/errors.h"

namespace vic::server {

ApplianceProber::ApplianceProber(std::chrono::milliseconds keep, std::chrono::milliseconds timeout)
    : keep_(keep), timeout_(timeout) {}

Reachability ApplianceProber::probe(const ApplianceEntry& a) {
  const std::string key = a.id + "|" + a.url + "|" + a.sha256;
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    if (auto it = kept_.find(key); it != kept_.end() && now - it->second.at < keep_)
      return it->second.answer;
  }
  Reachability r;
  try {
    if (a.sha256.empty()) throw Error("no certificate thumbprint is registered for it");
    http::ConnectionPool pool(http::Endpoint::parse(a.address()),
                              tls::Trust::pin(tls::Thumbprint::parse(a.sha256)),
                              http::Timeouts{timeout_, timeout_}, 1);
    int status = 0;
    pool.run([&](Poco::Net::HTTPSClientSession& session) {
      Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/container/version",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
      session.sendRequest(req);
      Poco::Net::HTTPResponse resp;
      std::istream& in = session.receiveResponse(resp);
      r.version.clear();
      Poco::StreamCopier::copyToString(in, r.version);
      status = resp.getStatus();
    });
    r.reachable = status == 200;
    if (!r.reachable) r.error = "it answered HTTP " + std::to_string(status);
  } catch (const std::exception& e) {
    r.reachable = false;
    r.version.clear();
    r.error = e.what();
  }
  std::lock_guard lock(mutex_);
  kept_[key] = {r, std::chrono::steady_clock::now()};
  return r;
}

std::map<std::string, Reachability> ApplianceProber::probeAll(
    const std::vector<ApplianceEntry>& appliances) {
  std::vector<std::future<Reachability>> pending;
  for (const auto& a : appliances)
    pending.push_back(std::async(std::launch::async, [this, a] { return probe(a); }));
  std::map<std::string, Reachability> out;
  for (std::size_t i = 0; i < appliances.size(); ++i)
    out[appliances[i].id] = pending[i].get();
  return out;
}

}  // namespace vic::server
