#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "vicapi/net/endpoint.h"
#include "vicapi/soap/node.h"
#include "vicapi/util/secret.h"

namespace vic::soap {

// Carries SOAP method calls to one vSphere SDK endpoint, and the plain file
// transfers of its datastores. Returns the body's response element or throws
// the typed fault. An interface, as govmomi's RoundTripper is: HttpsTransport
// talks to a server, a wrapper adds session renewal (vim::RenewingTransport),
// and tests put a recording fake in their place.
class Transport {
 public:
  virtual ~Transport() = default;

  // Inspects an answer before call() returns it; may throw. A
  // NotAuthenticatedFault thrown there counts as the server's (vcsim reports
  // a missing session inside property results rather than as a fault).
  using ResponseCheck = std::function<void(const Node&)>;

  // `request` is the method element (<RetrievePropertiesEx>...). When
  // `sensitiveResponse` is set the answer carries a secret (a ticket, a session
  // key) and is never written to the log.
  virtual Node call(const Node& request, bool sensitiveResponse = false,
                    const ResponseCheck& check = {}) = 0;

  // Like call(), but each element of the answer at `path` (see
  // StreamingParser) goes to `onElement` as it arrives instead of into the
  // returned tree: a list of a thousand VMs' configurations is never held
  // whole. Answers carrying secrets are never asked for this way.
  virtual Node callStreamed(const Node& request, const std::vector<std::string>& path,
                            const std::function<void(Node&&)>& onElement) = 0;

  // Plain HTTPS transfers on the same connections and session, used for the
  // datastore's /folder URLs. Bodies are streamed, never held whole.
  virtual void upload(const std::string& pathAndQuery, std::istream& body,
                      std::uint64_t length) = 0;
  // A download longer than `maxBytes` fails with ProtocolError.
  virtual void download(const std::string& pathAndQuery, std::ostream& out,
                        std::uint64_t maxBytes = UINT64_MAX) = 0;

  virtual Secret sessionCookie() const = 0;
  virtual void setSessionCookie(Secret cookie) = 0;

  virtual const net::Endpoint& endpoint() const = 0;
  // Counted so that callers and benchmarks can check how chatty an operation is.
  virtual std::uint64_t roundTrips() const = 0;
  // Of those, the SOAP calls (the rest are datastore file transfers).
  virtual std::uint64_t soapCalls() const = 0;
  virtual std::uint64_t connectionsOpened() const = 0;

  // SOAP calls of every transport of this process, short-lived ones (such as
  // a test login's) included: what a benchmark counts for a whole operation.
  static std::uint64_t processSoapCalls() { return processSoapCalls_.load(); }

 protected:
  static void countProcessSoapCall() { ++processSoapCalls_; }

 private:
  static inline std::atomic<std::uint64_t> processSoapCalls_{0};
};

}  // namespace vic::soap
