#pragma once

#include <Poco/Net/Context.h>

#include "daemon/endpoint_config.h"

namespace vic::endpoint {

// The server side of the Docker API's TLS: TLS 1.2 or later, the VCH's server
// certificate, and client certificates required and checked against the
// VCH's client CAs unless verification was turned off at create. Keys stay
// in memory; nothing is written to disk.
// With `clientCertificateOptional` (the admin portal), a client certificate
// is asked for and checked when given, and a login form serves the rest.
Poco::Net::Context::Ptr serverContext(const EndpointConfig& config,
                                      bool clientCertificateOptional = false);

}  // namespace vic::endpoint
