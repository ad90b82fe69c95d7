#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vic::server {

// An HTTP request-target as the server uses it: the path as sent (still
// percent-encoded: what logs and messages show), its segments, and the
// query's parameters, each segment and parameter percent-decoded exactly
// once, so that "%2525" stays "%25".
struct RequestTarget {
  std::string rawPath;
  std::vector<std::string> segments;
  std::map<std::string, std::string> query;  // the last of a repeated name wins

  // Throws HttpError(400) naming the problem: a malformed percent-escape, or
  // a NUL character once decoded.
  static RequestTarget parse(std::string_view target);
};

// "/a/b/" -> {"a", "b"}: a trailing slash does not make a segment.
std::vector<std::string> splitPath(std::string_view path);

}  // namespace vic::server
