// A request to vic-machine-server as it arrives: read by Poco's parser, its
// target split and percent-decoded, routed against every route the server
// documents, and its credentials read. Malformed targets are 400 and
// malformed credentials 401, nothing else.
#include "plugin-server/auth/credentials.h"
#include "plugin-server/httpd/http_error.h"
#include "plugin-server/httpd/request_target.h"
#include "plugin-server/httpd/router.h"
#include "tests/fuzz/fuzz_support.h"
#include "vicapi/base/error.h"
#include "vicapi/net/endpoint.h"

namespace vic::server {
extern const char* const kOpenApiDocument;
}

using namespace vic;
using namespace vic::server;

namespace {

const Router& documentedRoutes() {
  static const Router router = [] {
    Router r;
    const auto doc = nlohmann::json::parse(kOpenApiDocument);
    for (auto& [path, item] : doc["paths"].items())
      for (auto& [method, op] : item.items()) {
        std::string upper = method;
        for (auto& c : upper)
          c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        r.add(upper, path, [](Exchange&) {});
      }
    return r;
  }();
  return router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in;
  Poco::Net::HTTPRequest req;
  if (!fuzz::readRequest(fuzz::text(data, size), req, in)) return 0;
  RequestTarget target;
  try {
    target = RequestTarget::parse(req.getURI());
  } catch (const HttpError& e) {
    fuzz::require(e.status() == 400, "a bad request target is not a 400");
    return 0;
  }
  const auto& router = documentedRoutes();
  if (auto m = router.match(req.getMethod(), target.segments)) {
    if (auto it = m->params.find("target"); it != m->params.end()) {
      try {
        net::Endpoint::parse(it->second).hostPort();
      } catch (const UsageError&) {
      }
    }
  }
  router.methodsAt(target.segments);
  try {
    parseCredentials({req.get("X-VMWARE-TICKET", ""), req.get("vmware-api-session-id", ""),
                      req.get("vmware-api-ui-endpoint", ""), req.get("Authorization", "")});
  } catch (const Error& e) {
    // The API answers this code 401 (api/error_replies.cpp).
    fuzz::require(e.code() == ErrorCode::Unauthenticated,
                  "bad credentials are not unauthenticated");
  }
  return 0;
}
