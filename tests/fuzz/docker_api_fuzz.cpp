// A request to a VCH's endpoint daemon as it arrives: read by Poco's parser
// and answered by the Docker API. Every answer has a status and, when it
// says JSON, is JSON.
#include "daemon/docker_api.h"
#include "tests/fuzz/fuzz_support.h"
#include "vicapi/http/bounded_read.h"
#include "vicapi/util/bounded_json.h"

using namespace vic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const endpoint::DockerApi api([] {
    endpoint::EndpointConfig c;
    c.vchName = "fuzzed-vch";
    c.vchVersion = "v1.6.0-1-abcdef0";
    return c;
  }());
  std::istringstream in;
  Poco::Net::HTTPRequest req;
  if (!fuzz::readRequest(fuzz::text(data, size), req, in)) return 0;
  endpoint::DockerRequest request{req.getMethod(), req.getURI(), {}};
  http::readUpTo(in, 1u << 20, request.body);
  const auto reply = api.handle(request);
  fuzz::require(reply.status >= 200 && reply.status < 600, "an answer without a status");
  if (reply.contentType == "application/json") {
    try {
      parseJson(reply.body);
    } catch (const std::exception&) {
      fuzz::require(false, "an answer that says JSON and is not");
    }
  }
  return 0;
}
