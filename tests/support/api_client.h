#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "vicapi/net/connection_pool.h"

namespace vic::test {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct ApiResponse {
  int status = 0;
  std::string reason;  // the status line's phrase
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
  nlohmann::json json() const;                 // fails the test when the body is not JSON
  std::string header(const std::string& name) const;
};

// An HTTPS client of vic-machine-server for the tests, pinning the server's
// own certificate, safe to share between threads.
class ApiClient {
 public:
  ApiClient(const std::string& host, unsigned short port, tls::Thumbprint serverThumbprint,
            std::size_t connections = 8);

  ApiResponse send(const std::string& method, const std::string& path, const Headers& headers = {},
                   const std::string& body = "", const std::string& contentType = "");
  ApiResponse get(const std::string& path, const Headers& headers = {}) {
    return send("GET", path, headers);
  }
  ApiResponse sendJson(const std::string& method, const std::string& path, const Headers& headers,
                       const nlohmann::json& body,
                       const std::string& contentType = "application/json") {
    return send(method, path, headers, body.dump(), contentType);
  }

 private:
  net::ConnectionPool pool_;
};

Headers basicAuth(const std::string& user, const std::string& password);
Headers ticketAuth(const std::string& ticket);

}  // namespace vic::test
