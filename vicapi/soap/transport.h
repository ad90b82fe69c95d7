#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

#include "vicapi/http/connection_pool.h"
#include "vicapi/soap/node.h"
#include "vicapi/soap/xml_reader.h"
#include "vicapi/util/secret.h"

namespace vic::soap {

struct TransportOptions {
  http::Timeouts timeouts;
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

// Posts SOAP envelopes to https://<host>/sdk over a connection pool and keeps
// the vmware_soap_session cookie. Returns the body's response element or
// throws the typed fault. Counts round trips so that callers and benchmarks
// can check how chatty an operation is.
class Transport {
 public:
  Transport(http::Endpoint endpoint, tls::Trust trust, TransportOptions options);

  // `request` is the method element (<RetrievePropertiesEx>...). When
  // `sensitiveResponse` is set the answer carries a secret (a ticket, a session
  // key) and is never written to the log.
  Node call(const Node& request, bool sensitiveResponse = false);

  // Like call(), but each element of the answer at `path` (see
  // StreamingParser) goes to `onElement` as it arrives instead of into the
  // returned tree: a list of a thousand VMs' configurations is never held
  // whole. Answers carrying secrets are never asked for this way.
  Node callStreamed(const Node& request, const std::vector<std::string>& path,
                    const std::function<void(Node&&)>& onElement);

  // Plain HTTPS transfers on the same connections and session, used for the
  // datastore's /folder URLs. Bodies are streamed, never held whole.
  void upload(const std::string& pathAndQuery, std::istream& body, std::uint64_t length);
  // A download longer than `maxBytes` fails with ProtocolError.
  void download(const std::string& pathAndQuery, std::ostream& out,
                std::uint64_t maxBytes = UINT64_MAX);

  Secret sessionCookie() const;
  void setSessionCookie(Secret cookie);

  const http::Endpoint& endpoint() const { return pool_.endpoint(); }
  std::uint64_t roundTrips() const { return roundTrips_.load(); }
  // Of those, the SOAP calls (the rest are datastore file transfers).
  std::uint64_t soapCalls() const { return roundTrips_.load() - fileTransfers_.load(); }
  // SOAP calls of every transport of this process, short-lived ones (such as
  // a test login's) included: what a benchmark counts for a whole operation.
  static std::uint64_t processSoapCalls() { return processSoapCalls_.load(); }
  std::uint64_t connectionsOpened() const { return pool_.connectionsOpened(); }

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

  http::ConnectionPool pool_;
  TransportOptions options_;
  mutable std::mutex cookieMutex_;
  Secret cookie_;
  std::atomic<std::uint64_t> roundTrips_{0};
  std::atomic<std::uint64_t> fileTransfers_{0};
  static inline std::atomic<std::uint64_t> processSoapCalls_{0};
};

}  // namespace vic::soap
