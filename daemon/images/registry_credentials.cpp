#include "daemon/images/registry_credentials.h"

#include <sstream>

#include <Poco/Base64Decoder.h>

#include "vicapi/util/bounded_json.h"

namespace vic::endpoint {

RegistryCredentials RegistryCredentials::fromHeader(const std::string& header) {
  RegistryCredentials c;
  if (header.empty() || header.size() > 16 * 1024) return c;
  std::string text = header;
  for (auto& ch : text) {
    if (ch == '-') ch = '+';
    if (ch == '_') ch = '/';
  }
  while (text.size() % 4)
    text += '=';
  try {
    std::istringstream in(text);
    Poco::Base64Decoder dec(in);
    // Read through the stream, which turns the decoder's complaint about a
    // character that is not base64 into a failed read.
    std::string json;
    char buffer[1024];
    while (dec.read(buffer, sizeof buffer) || dec.gcount() > 0)
      json.append(buffer, static_cast<std::size_t>(dec.gcount()));
    auto j = parseJson(json);
    if (!j.is_object()) return c;
    if (auto u = j.find("username"); u != j.end() && u->is_string()) c.user = u->get<std::string>();
    if (auto p = j.find("password"); p != j.end() && p->is_string())
      c.password = Secret(p->get<std::string>());
  } catch (const std::exception&) {
    // Anonymous, as the CLI's "{}" would be.
  }
  return c;
}

}  // namespace vic::endpoint
