#pragma once

#include <memory>

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "daemon/docker_api.h"

namespace vic::endpoint {

// Serves `api` over Poco's HTTP server: reads each request's body (up to
// kMaxBody; a longer one is answered 413 unread), adds the headers dockerd
// sends, and answers HEAD without a body.
inline constexpr std::size_t kMaxBody = 1u << 20;
Poco::Net::HTTPRequestHandlerFactory::Ptr httpFront(std::shared_ptr<const DockerApi> api);

}  // namespace vic::endpoint
