#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

#include "vicapi/net/connection_pool.h"
#include "vicapi/soap/transport.h"
#include "vicapi/soap/xml_reader.h"

namespace vic::soap {

struct TransportOptions {
  net::Timeouts timeouts;
  std::size_t maxConnections = 8;
  std::string userAgent;
  std::string soapAction = "urn:vim25/6.5";
  // How much of an answer is believed (see ParseLimits). An answer held whole
  // is bounded by maxAnswerBytes; a streamed one, whose elements are handed on
  // as they come, by maxStreamedBytes in all.
  ParseLimits limits;
  std::uint64_t maxAnswerBytes = 16u << 20;
  std::uint64_t maxStreamedBytes = 512u << 20;
};

// The transport to a real server: posts SOAP envelopes to https://<host>/sdk
// over a connection pool and keeps the vmware_soap_session cookie.
class HttpsTransport : public Transport {
 public:
  HttpsTransport(net::Endpoint endpoint, tls::Trust trust, TransportOptions options);

  Node call(const Node& request, bool sensitiveResponse = false,
            const ResponseCheck& check = {}) override;
  Node callStreamed(const Node& request, const std::vector<std::string>& path,
                    const std::function<void(Node&&)>& onElement) override;
  void upload(const std::string& pathAndQuery, std::istream& body, std::uint64_t length) override;
  void download(const std::string& pathAndQuery, std::ostream& out,
                std::uint64_t maxBytes = UINT64_MAX) override;

  Secret sessionCookie() const override;
  void setSessionCookie(Secret cookie) override;

  const net::Endpoint& endpoint() const override { return pool_.endpoint(); }
  std::uint64_t roundTrips() const override { return roundTrips_.load(); }
  std::uint64_t soapCalls() const override { return roundTrips_.load() - fileTransfers_.load(); }
  std::uint64_t connectionsOpened() const override { return pool_.connectionsOpened(); }

 private:
  // Posts the envelope; `read` consumes a 200 or 500 answer's body. Returns
  // the status; other statuses throw ProtocolError.
  int post(const Node& request, const std::function<void(std::istream&)>& read);
  // Runs a parse of `method`'s answer, naming the method and server in what
  // it throws when the answer cannot be used.
  template <class F>
  auto parsing(const std::string& method, F&& parse);
  void remember(const Poco::Net::HTTPResponse& response);
  void prepare(Poco::Net::HTTPRequest& request) const;

  net::ConnectionPool pool_;
  TransportOptions options_;
  mutable std::mutex cookieMutex_;
  Secret cookie_;
  std::atomic<std::uint64_t> roundTrips_{0};
  std::atomic<std::uint64_t> fileTransfers_{0};
};

}  // namespace vic::soap
