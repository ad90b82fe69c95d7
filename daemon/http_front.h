#pragma once

#include <functional>
#include <memory>

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "daemon/docker_api.h"

namespace vic::endpoint {

// Serves the API `current()` gives at the time of each request (the daemon
// swaps in one with its vCenter backends once it is connected) over Poco's
// HTTP server: reads each request's body (up to kMaxBody; a longer one is
// answered 413 unread), adds the headers dockerd sends, answers HEAD without
// a body, and sends streamed answers chunked.
inline constexpr std::size_t kMaxBody = 1u << 20;
using ApiSource = std::function<std::shared_ptr<const DockerApi>()>;
Poco::Net::HTTPRequestHandlerFactory::Ptr httpFront(ApiSource current);

}  // namespace vic::endpoint
