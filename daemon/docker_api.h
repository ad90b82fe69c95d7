#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "daemon/endpoint_config.h"

namespace vic::endpoint {

// The part of the Docker Engine API the endpoint serves: /_ping, /version and
// /info, with or without a /v1.NN prefix, as a VCH 1.5 endpoint did (API 1.25,
// oldest accepted 1.19). Anything else is answered 404 the way dockerd does.
inline constexpr const char* kApiVersion = "1.25";
inline constexpr const char* kMinApiVersion = "1.19";

Poco::Net::HTTPRequestHandlerFactory::Ptr dockerApi(const EndpointConfig& config);

}  // namespace vic::endpoint
