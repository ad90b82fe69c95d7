#pragma once

#include <string>

#include "vicapi/engine/vch_certificates.h"

namespace vic::server {

// The client certificate a create generated, as the files the docker CLI
// reads from ~/.docker (ca.pem, cert.pem and key.pem) in one zip.
std::string clientBundleZip(const engine::VchCertificates& certs);

}  // namespace vic::server
