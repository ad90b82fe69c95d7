// A request to a VCH's endpoint daemon as it arrives: read by Poco's parser
// and answered by the Docker API. Every answer has a status and, when it
// says JSON, is JSON. The readers behind the routes get the same bytes: the
// body as a create body, the query as a list filter, the path as an image
// reference, the registry header as credentials; each either reads them or
// refuses them with a Docker error.
#include "daemon/containers/container_json.h"
#include "daemon/containers/container_spec.h"
#include "daemon/docker_api.h"
#include "daemon/docker_error.h"
#include "daemon/images/image_reference.h"
#include "daemon/images/registry_credentials.h"
#include "daemon/images/registry_policy.h"
#include "tests/fuzz/fuzz_support.h"
#include "vicapi/net/bounded_read.h"
#include "vicapi/util/bounded_json.h"

using namespace vic;

namespace {

template <typename F>
void refusedOrRead(F&& f) {
  try {
    f();
  } catch (const endpoint::DockerError& e) {
    fuzz::require(e.status() >= 300 && e.status() < 600, "a Docker error without a status");
  }
}

}  // namespace

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
  endpoint::DockerRequest request{
      req.getMethod(), req.getURI(), {}, req.get("X-Registry-Auth", "")};
  net::readUpTo(in, 1u << 20, request.body);
  const auto reply = api.handle(request);
  fuzz::require(reply.status >= 200 && reply.status < 600, "an answer without a status");
  if (reply.contentType == "application/json" && !reply.body.empty()) {
    try {
      parseJson(reply.body);
    } catch (const std::exception&) {
      fuzz::require(false, "an answer that says JSON and is not");
    }
  }

  endpoint::RegistryCredentials::fromHeader(request.registryAuth);
  const std::string target = req.getURI();
  refusedOrRead([&] { endpoint::ImageReference::parse(target.substr(0, target.find('?'))); });
  refusedOrRead([&] { endpoint::ContainerFilter(target.substr(target.find('?') + 1)); });
  endpoint::registryMatches(target, req.get("Host", ""));
  try {
    const auto body = parseJson(request.body);
    refusedOrRead([&] {
      const auto spec = endpoint::readCreateBody(body);
      endpoint::mergedConfig(spec, body);
      endpoint::imageVolumes(body);
    });
  } catch (const BadJson&) {
  }
  return 0;
}
